"""Usage errors of the installed `toolkit` command: usage and one error line, exit 2, never a
traceback; `toolkit` alone and every `--help` print help; `--version` the version."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer

from toolkit import __version__
from toolkit.cli import app, main

TOOLKIT = Path(sys.executable).parent / "toolkit"  # the console script of this venv


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(TOOLKIT), *args], capture_output=True, text=True, timeout=60)


def command_paths() -> list[tuple[str, ...]]:
    """Every command and sub-command of the app, as argument tuples."""
    paths: list[tuple[str, ...]] = []

    def walk(command, prefix: tuple[str, ...]) -> None:
        paths.append(prefix)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, (*prefix, name))

    walk(typer.main.get_command(app), ())
    return paths


def assert_usage_error(done: subprocess.CompletedProcess, needle: str, usage: bool = True) -> None:
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr + done.stdout
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines[0].startswith("Usage: toolkit") == usage, done.stderr
    errors = [line for line in lines if line.startswith("Error:")]
    assert len(errors) == 1 and needle in errors[0], done.stderr


def test_the_console_script_is_installed():
    assert TOOLKIT.is_file(), "run the tests from the project venv (make test)"


def test_no_arguments_print_the_help():
    done = run()
    assert done.returncode == 0, done.stderr
    assert "Usage: toolkit" in done.stdout and "translate" in done.stdout and "check" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--bogus",), "No such option: --bogus"),
        (("translate", "--bogus"), "No such option: --bogus"),
        (("translate",), "Missing argument"),
        (("translate", "examples/visit.ru.txt", "--from", "ru"), "Missing option '--to'"),
        (("segment", "examples/visit.ru.txt"), "Missing option '--lang'"),
        (("no-such-command",), "No such command"),
        (("memory", "import"), "Missing argument"),
        (("translate", "x.ru.txt", "--from", "ru", "--to", "en", "--beam-size", "zero"), "Invalid value"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args, needle):
    assert_usage_error(run(*args), needle)


def test_an_option_without_its_value_is_one_error_line():
    # click raises this one before it knows the command: no usage line, still one line and exit 2
    assert_usage_error(run("check", "--fail-on"), "requires an argument", usage=False)


def test_version():
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"toolkit {__version__}"


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "toolkit")
def test_help_of_every_command(path, capsys):
    assert main([*path, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Usage: toolkit" in " ".join(out.split()) and " ".join(path) in " ".join(out.split())
    options = out.split("Options:")[-1]
    for raw in ("<str>", "<bool>", "<int", "<path>", "<list["):  # options show a metavar, not a type
        assert raw not in options, (path, raw)
    assert "╭" not in out  # plain help, readable in 80 columns


def test_an_impossible_compute_type_is_refused_before_loading_a_model():
    done = run("translate", "examples/visit.ru.txt", "--from", "ru", "--to", "en", "--compute-type", "float99", "-q")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "toolkit: error: --compute-type 'float99' cannot run on this CPU; one of "
        + done.stderr.split("one of ")[1].strip()
    ]
