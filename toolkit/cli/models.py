"""`toolkit models install|list|remove|add-ct2`: translation models from local files only."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..langs import SUPPORTED
from .common import ModelsDir, echo_err

models_app = typer.Typer(
    rich_markup_mode=None, no_args_is_help=True, help="Install and list translation models (local files only)."
)


@models_app.command("install")
def models_install(
    file: Path = typer.Argument(..., help="A local .argosmodel file.", metavar="FILE"),
    models_dir: ModelsDir = None,
) -> None:
    """Validate and install an argos package from a local file."""
    from ..mt.packages import install_package

    package = install_package(file, models_dir)
    typer.echo(f"installed {package.name} ({package.pair}, version {package.version}) in {package.path.parent}")
    unused = [code for code in (package.from_code, package.to_code) if code not in SUPPORTED]
    if unused:
        echo_err(
            f"warning: {', '.join(unused)} is not a language of the toolkit ({', '.join(SUPPORTED)}): "
            f"the {package.pair} package will not be used"
        )


@models_app.command("list")
def models_list(
    models_dir: ModelsDir = None,
    argos_dirs: bool = typer.Option(
        True, "--argos-dirs/--no-argos-dirs", help="Also list argostranslate's own installs."
    ),
    fmt: str = typer.Option("text", "--format", help="text or json", metavar="FORMAT"),
) -> None:
    """List installed packages: the toolkit's own and those argostranslate installed."""
    from ..mt.packages import list_packages

    packages = list_packages(models_dir, include_argos=argos_dirs)
    if fmt == "json":
        rows = [
            {
                "name": p.name,
                "from": p.from_code,
                "to": p.to_code,
                "version": p.version,
                "origin": p.origin,
                "path": str(p.path),
            }
            for p in packages
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not packages:
        typer.echo("no models installed; install one with `toolkit models install FILE.argosmodel`")
    for p in packages:
        typer.echo(f"{p.pair:10} {p.version:8} {p.origin:8} {p.name}  {p.path}")
    from ..mt.multilingual import registered_models
    from ..mt.packages import models_folder

    for m in registered_models(models_folder(models_dir)):
        typer.echo(f"{','.join(m.langs):10} {m.version:8} {'ct2':8} {m.name}  {m.path}")


@models_app.command("remove")
def models_remove(
    name: str = typer.Argument(..., help="Package folder name as `models list` shows it.", metavar="NAME"),
    models_dir: ModelsDir = None,
) -> None:
    """Remove a package from the toolkit's models folder."""
    from ..mt.packages import remove_package

    typer.echo(f"removed {remove_package(name, models_dir)}")


@models_app.command("add-ct2")
def add_ct2(
    model_dir: Path = typer.Argument(
        ..., help="A CTranslate2 model directory (M2M-100 or NLLB style).", metavar="FOLDER"
    ),
    langs: str | None = typer.Option(
        None,
        "--langs",
        help="Languages to use it for, e.g. ru,kk,en,fr (default: all whose token it has).",
        metavar="LANGS",
    ),
    name: str | None = typer.Option(
        None, "--name", help="Name in `models list` (default: the folder name).", metavar="NAME"
    ),
    models_dir: ModelsDir = None,
) -> None:
    """Register a multilingual CTranslate2 model (e.g. a converted M2M-100 or NLLB) for its pairs."""
    from ..mt.multilingual import register_model
    from ..mt.packages import models_folder

    codes: list[str] | None = [c for c in langs.split(",") if c.strip()] if langs else None
    model = register_model(model_dir, codes, models_folder(models_dir), name)
    typer.echo(f"registered {model.name} ({model.style}, {','.join(model.langs)}) at {model.path}")
