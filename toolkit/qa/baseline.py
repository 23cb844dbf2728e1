"""Baselines: known findings recorded once so they stop failing a pipeline.

The file is JSON: `{"version": 1, "findings": [{"fingerprint", "rule", "file", "message"}, ...]}`.
A fingerprint is line-independent (rule, file, segment id, languages, the text concerned), so
edits elsewhere in a file do not revive a baselined finding; each recorded entry suppresses one
finding with its fingerprint. Files count relative to the baseline file's folder (the project
root), so `review`, `./review` and `/abs/project/review` name the same findings.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..fsutil import atomic_write_text, read_utf8
from .model import Finding

VERSION = 1


def read_baseline(path: Path) -> Counter[str]:
    """The fingerprints of a baseline file (with multiplicity); a missing file is an InputError."""
    if not Path(path).exists() and not Path(path).is_symlink():
        raise InputError("baseline file not found (create it with --update-baseline)", path)
    try:
        data = json.loads(read_utf8(Path(path), "baseline"))
    except json.JSONDecodeError as exc:
        raise InputError(f"baseline is not valid JSON: {exc.msg}", path, exc.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError("baseline must be an object with a 'findings' list", path, 1)
    prints: Counter[str] = Counter()
    for item in data["findings"]:
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
            raise InputError("every baseline finding needs a 'fingerprint' string", path)
        prints[item["fingerprint"]] += 1
    return prints


def write_baseline(path: Path, findings: Sequence[Finding]) -> None:
    """Record findings as the new baseline (atomically)."""
    root = Path(path).parent
    rows = [
        {
            "fingerprint": f.fingerprint(root),
            "rule": f.rule,
            "file": f.relative_file(root),
            "segment": f.segment,
            "message": f.message,
        }
        for f in findings
    ]
    rows.sort(key=lambda r: (r["file"], r["rule"], r["fingerprint"]))
    atomic_write_text(
        Path(path), json.dumps({"version": VERSION, "findings": rows}, ensure_ascii=False, indent=1) + "\n"
    )


def apply_baseline(findings: Sequence[Finding], baseline: Counter[str], root: Path) -> tuple[list[Finding], int]:
    """Findings not covered by the baseline (whose folder is root), and how many were suppressed."""
    left = Counter(baseline)
    kept: list[Finding] = []
    suppressed = 0
    for finding in findings:
        key = finding.fingerprint(root)
        if left[key] > 0:
            left[key] -= 1
            suppressed += 1
        else:
            kept.append(finding)
    return kept, suppressed
