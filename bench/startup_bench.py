"""Start-up time of the `toolkit` command, the way CI meets it: one short command at a time.

    .venv/bin/python bench/startup_bench.py [--runs 9]

Times, in child processes of this one and with byte-compiled modules (as an installed package
has them; PYTHONDONTWRITEBYTECODE is unset for the children so the first run writes them):

- the baseline: the bare interpreter (`python -c pass`) and `python -c "import typer"`;
- `toolkit --help`;
- `toolkit check FILE` on one PO file of the example's review bundle, without a glossary and
  with the project's glossaries/ (the Russian morphology and the term recogniser are built);
- `toolkit segment FILE`.

Prints the median and the fastest run of each, the ratio of the median to the bare interpreter,
the load average before and after, and the installed typer version (typer 0.29 coerces every
parameter through pydantic, whose import alone costs about 0.1 s).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLKIT = [sys.executable, "-m", "toolkit.cli"]


def timed(argv: list[str], cwd: Path, runs: int) -> list[float]:
    """Wall-clock seconds of `runs` runs of argv (one untimed run first writes the .pyc files)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(argv, cwd=cwd, env=env, capture_output=True, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    return times


def bundle(folder: Path) -> Path:
    """The review bundle of the example release, without MT (no models), in folder/review."""
    argv = [*TOOLKIT, "translate", str(ROOT / "examples" / "visit.ru.txt"), "--from", "ru", "--to", "en"]
    argv += ["-o", "review", "-q", "--no-cache", "--no-argos-dirs", "--models-dir", str(folder / "no-models")]
    subprocess.run(argv, cwd=folder, check=True, capture_output=True)
    return folder / "review" / "visit.en.po"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bare, project = Path(tmp) / "bare", Path(tmp) / "project"
        bare.mkdir()
        project.mkdir()
        shutil.copytree(ROOT / "glossaries", project / "glossaries")
        po = bundle(bare)
        shutil.copytree(bare / "review", project / "review")
        cases = [
            ("python -c pass (baseline)", [sys.executable, "-c", "pass"], bare),
            ("python -c 'import typer'", [sys.executable, "-c", "import typer"], bare),
            ("toolkit --help", [*TOOLKIT, "--help"], bare),
            ("toolkit check FILE, no glossary", [*TOOLKIT, "check", str(po)], bare),
            ("toolkit check FILE, glossaries/", [*TOOLKIT, "check", "review/visit.en.po"], project),
            ("toolkit segment FILE", [*TOOLKIT, "segment", str(ROOT / "examples" / "visit.ru.txt"), "-l", "ru"], bare),
        ]
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; typer {version('typer')}")
        print(f"{'command':34} {'median s':>9} {'fastest s':>10} {'x interpreter':>14}")
        baseline = None
        for label, argv, cwd in cases:
            times = timed(argv, cwd, args.runs)
            median = statistics.median(times)
            baseline = baseline or median
            print(f"{label:34} {median:9.3f} {min(times):10.3f} {median / baseline:14.1f}")
        print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
