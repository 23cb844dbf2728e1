"""The `toolkit` app: its commands wired together, and errors turned into one line and an exit
code (toolkit errors and usage errors exit 2, a missing model with --require-mt 3)."""

from __future__ import annotations

import sys

import typer

from .. import __version__
from ..errors import ToolkitError
from .align import align
from .check import check_command
from .common import echo_err
from .glossary import glossary_app
from .glossary import terms as terms_command
from .memory import memory_app, review_app
from .models import models_app
from .segment import segment
from .serve import review_serve
from .translate import translate
from .xliff import xliff_app

app = typer.Typer(
    rich_markup_mode=None,
    add_completion=False,
    no_args_is_help=True,
    help="Offline translation and terminology toolkit for diplomatic press releases (ru, kk, en, fr).",
)
app.command("translate")(translate)
app.command("segment")(segment)
app.command("terms")(terms_command)
app.command("check")(check_command)
app.command("align")(align)
app.add_typer(models_app, name="models")
app.add_typer(memory_app, name="memory")
review_app.command("serve")(review_serve)
app.add_typer(review_app, name="review")
app.add_typer(glossary_app, name="glossary")
app.add_typer(xliff_app, name="xliff")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"toolkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Offline translation and terminology toolkit for diplomatic press releases (ru, kk, en, fr)."""


def _usage_error(exc: BaseException) -> int | None:
    """Show a command-line usage error the way click does (usage, then one error line) and give
    its exit code; None when exc is not one. Duck-typed: typer vendors click from 0.26 on, so
    the exception classes live in click or in typer depending on the installed version."""
    show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
    if not callable(show) or not isinstance(code, int):
        return None
    show()
    return code


def main(argv: list[str] | None = None) -> int:
    """Run the app; toolkit errors become one line on stderr with exit code 2, usage errors the
    usage and one line with exit code 2; `toolkit` alone prints the help."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = app(args=args or ["--help"], prog_name="toolkit", standalone_mode=False)
    except ToolkitError as exc:
        echo_err(f"toolkit: error: {exc}")
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        echo_err("toolkit: aborted")
        return 130
    except KeyboardInterrupt:
        echo_err("toolkit: interrupted")
        return 130
    except OSError as exc:
        reason = exc.strerror or str(exc)
        echo_err(f"toolkit: error: {exc.filename}: {reason}" if exc.filename else f"toolkit: error: {reason}")
        return 2
    except Exception as exc:
        usage_code = _usage_error(exc)
        if usage_code is None:
            raise
        return usage_code
    return code if isinstance(code, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
