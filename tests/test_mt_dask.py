"""MT batches decoded on Dask workers (`--executor dask://HOST:PORT`): a LocalCluster of two
worker processes writes the same bundle as a local run, byte for byte, also when a worker is
killed mid-run; workers refuse other weights; bad addresses and a missing Dask are one line."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import distributed  # the `dask` extra, which `make setup` installs: missing, these tests fail, never skip
import pytest
from conftest import ROOT, toolkit, translate_example

from toolkit.errors import ToolkitError, UsageError
from toolkit.mt import worker
from toolkit.mt.cache import MTCache
from toolkit.mt.engine import ArgosEngine, DecodeOptions
from toolkit.mt.executor import DaskExecutor, open_executor
from toolkit.mt.packages import list_packages
from toolkit.review.write import write_bundle

OPTIONS = DecodeOptions(batch_size=2)  # the example's 42 unique decodes in many batches


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    """Two worker processes (spawned, not forked) of one thread each."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local_cluster:
        yield local_cluster


@pytest.fixture(scope="module")
def local_bundle(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local") / "review"
    write_bundle(translate_example(models_dir, options=OPTIONS), out)
    return out


def assert_same_bundle(one: Path, two: Path) -> None:
    names = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert len(names) >= 9  # PO, TMX, texts and the HTML view
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_two_workers_write_the_local_bundle_byte_for_byte(
    cluster, models_dir: Path, local_bundle: Path, tmp_path: Path
) -> None:
    executor = DaskExecutor.connect(cluster.scheduler_address)
    try:
        with MTCache(tmp_path / "c.sqlite3") as cache:
            run = translate_example(models_dir, options=OPTIONS, cache=cache, executor=executor)
            assert run.mt_decoded == 42 and cache.count() >= 42  # the coordinator wrote the cache
        # both workers took batches
        assert all(counts for counts in executor.client.run(lambda: len(worker._ENGINES)).values())
    finally:
        executor.close()
    write_bundle(run, tmp_path / "review")
    assert_same_bundle(local_bundle, tmp_path / "review")


class KillingExecutor(DaskExecutor):
    """Kills (SIGKILL) the worker process holding or running the most of this run's batches
    right after the first batch came back."""

    killed: int | None = None

    def _collect(self, engine, ref, chunk, future):
        result = super()._collect(engine, ref, chunk, future)
        if self.killed is None:
            held = self.client.has_what()
            running = self.client.processing()
            busiest = max(held, key=lambda w: len(held[w]) + len(running.get(w, ())))
            assert held[busiest] or running.get(busiest), "no batch in flight to lose"
            self.killed = self.client.run(os.getpid)[busiest]
            os.kill(self.killed, signal.SIGKILL)
        return result


def test_a_worker_killed_mid_run_changes_nothing(cluster, models_dir: Path, local_bundle: Path, tmp_path: Path) -> None:
    executor = KillingExecutor(distributed.Client(cluster.scheduler_address, set_as_default=False))
    try:
        with MTCache(tmp_path / "c.sqlite3") as cache:
            run = translate_example(models_dir, options=OPTIONS, cache=cache, executor=executor)
        assert executor.killed is not None
        executor.client.wait_for_workers(2, timeout=60)  # the nanny restarts the killed worker
        assert executor.killed not in executor.client.run(os.getpid).values()
    finally:
        executor.close()
    write_bundle(run, tmp_path / "review")
    assert_same_bundle(local_bundle, tmp_path / "review")


class StoppingExecutor(DaskExecutor):
    """Stops the run (as Ctrl-C would) once `batches` batches came back."""

    def __init__(self, client, batches: int):
        super().__init__(client)
        self.left = batches

    def _collect(self, engine, ref, chunk, future):
        self.left -= 1
        if self.left < 0:
            raise KeyboardInterrupt
        return super()._collect(engine, ref, chunk, future)


def test_a_run_stopped_mid_way_resumes_from_the_cache(
    cluster, models_dir: Path, local_bundle: Path, tmp_path: Path
) -> None:
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        with MTCache(tmp_path / "c.sqlite3") as cache, pytest.raises(KeyboardInterrupt):
            translate_example(models_dir, options=OPTIONS, cache=cache, executor=StoppingExecutor(client, 3))
        with MTCache(tmp_path / "c.sqlite3") as cache:
            assert cache.count() == 6  # the three batches of two that came back, committed
            run = translate_example(models_dir, options=OPTIONS, cache=cache, executor=DaskExecutor(client))
    assert (run.mt_cached, run.mt_decoded) == (6, 36)
    write_bundle(run, tmp_path / "review")
    assert_same_bundle(local_bundle, tmp_path / "review")


def test_cli_with_the_dask_executor_writes_the_local_bundle(cluster, models_dir: Path, project: Path) -> None:
    args = ("translate", "examples/visit.ru.txt", "--from", "ru", "--to", "en,kk,fr", "--models-dir", str(models_dir))
    args += ("--no-argos-dirs", "--no-cache", "--quiet", "--batch-size", "3")
    address = cluster.scheduler_address.replace("tcp://", "dask://")
    for out, extra in (("local", ()), ("dask", ("--executor", address))):
        done = toolkit(*args, "--out", out, *extra, cwd=project)
        assert done.returncode == 0, done.stderr
    assert_same_bundle(project / "local", project / "dask")


def test_a_worker_refuses_other_weights(cluster, models_dir: Path) -> None:
    package = next(p for p in list_packages(models_dir, include_argos=False) if p.pair == "ru->en")
    ref = replace(worker.ModelRef.of(package, OPTIONS), digest="0" * 64)
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        future = client.submit(worker.translate_batch, ref, ["Визит."], pure=False)
        with pytest.raises(ToolkitError, match=r"refuses argos:ru_en@1\.0#\w+: its .*model\.bin has sha256"):
            future.result()


def test_a_worker_finds_the_model_under_its_models_dir(
    models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = next(p for p in list_packages(models_dir, include_argos=False) if p.pair == "ru->en")
    moved = replace(package, path=tmp_path / "elsewhere" / package.path.name)  # the coordinator's path
    ref = replace(worker.ModelRef.of(package, OPTIONS), step=moved)
    monkeypatch.setattr(worker, "_ENGINES", {})
    monkeypatch.setenv("TOOLKIT_MODELS_DIR", str(tmp_path / "empty"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ToolkitError, match="has no model argos:ru_en"):
        worker.translate_batch(ref, ["Визит."])
    shutil.copytree(package.path, tmp_path / "mine" / package.path.name)
    monkeypatch.setenv("TOOLKIT_MODELS_DIR", str(tmp_path / "mine"))
    sentences = ["Визит.", "Переговоры прошли в Астане."]
    result = worker.translate_batch(ref, sentences)
    assert result.outputs == ArgosEngine(package, OPTIONS).translate_batch(sentences)
    assert result.cut == [False, False]


@pytest.mark.parametrize("spec", ["dask://", "tcp://host:8786", "dask://host", "dask://host:99999", "ray://h:1"])
def test_malformed_executor_is_a_usage_error(spec: str) -> None:
    with pytest.raises(UsageError, match="expected local or dask://HOST:PORT"):
        open_executor(spec)


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(UsageError, match=r"Dask is not installed; pip install press-toolkit\[dask\]"):
        open_executor("dask://localhost:8786")


def _cli_line(*args: str, prelude: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    code = f"import sys\n{prelude}\nsys.argv = ['toolkit', *sys.argv[1:]]\nfrom toolkit.cli import run\nrun()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})}
    )


@pytest.mark.parametrize(
    ("executor", "prelude", "message"),
    [
        ("dask://127.0.0.1:1", "", "cannot reach the Dask scheduler at tcp://127.0.0.1:1"),
        ("dask://no-such-host.invalid:8786", "", "cannot reach the Dask scheduler"),
        ("dask:/oops", "", "expected local or dask://HOST:PORT"),
        ("dask://127.0.0.1:1", "sys.modules['distributed'] = None", "pip install press-toolkit[dask]"),
    ],
)
def test_cli_bad_executor_is_one_line_exit_2(executor: str, prelude: str, message: str) -> None:
    env = {"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    args = ("translate", "examples/visit.ru.txt", "--from", "ru", "--to", "en", "--executor", executor)
    done = _cli_line(*args, prelude=prelude, env=env)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], done.stderr
    assert "Traceback" not in done.stderr
