"""`toolkit models install|list|remove|add-ct2`, and download|verify|bundle (models_download.py)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..langs import SUPPORTED
from .common import ModelsDir, echo_err

models_app = typer.Typer(
    rich_markup_mode=None, no_args_is_help=True, help="Install, download, verify and list translation models."
)


@models_app.command("install")
def models_install(
    file: Path = typer.Argument(..., help="A local .argosmodel file, or a .tar from `models bundle`.", metavar="FILE"),
    models_dir: ModelsDir = None,
) -> None:
    """Validate and install an argos package from a local file (or every package of a bundle)."""
    from ..mt.download import install_recorded

    if file.suffix == ".tar":
        from ..mt.bundle import install_bundle

        for package in install_bundle(file, models_dir):
            typer.echo(f"installed {package.name} ({package.pair}, version {package.version}) in {package.path.parent}")
        return
    package = install_recorded(file, models_dir)
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
    from ..mt.lockfile import forget
    from ..mt.packages import remove_package

    removed = remove_package(name, models_dir)
    forget(removed.parent, name)
    typer.echo(f"removed {removed}")


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


from .models_download import models_bundle, models_download, models_verify  # noqa: E402

models_app.command("download")(models_download)
models_app.command("verify")(models_verify)
models_app.command("bundle")(models_bundle)
