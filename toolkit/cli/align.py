"""`toolkit align`: published versions of the same documents aligned sentence by sentence, the
confident units into a memory, the rest listed for a person."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import GlossaryPaths, ModelsDir, echo_err, open_cache, rich_progress, write_output

Files = Annotated[
    list[Path] | None,
    typer.Argument(help="One file per language, in the order of --langs.", metavar="FILES", show_default=False),
]
Langs = Annotated[str, typer.Option("--langs", help="Languages of the files; the first is the pivot.", metavar="LANGS")]
Into = Annotated[Path | None, typer.Option("--into", help="Merge the confident units into this TMX.", metavar="TMX")]
Format = Annotated[str, typer.Option("--format", help="text (what to fix) or json (the groups)", metavar="FORMAT")]
Presegmented = Annotated[bool, typer.Option("--presegmented", help="One sentence per line, as given.")]
MtA = Annotated[
    Path | None,
    typer.Option(
        "--mt-a", help="The first file translated into the second's language, a line per sentence.", metavar="FILE"
    ),
]
MtB = Annotated[
    Path | None, typer.Option("--mt-b", help="The second file translated into the first's language.", metavar="FILE")
]
UseMt = Annotated[
    bool, typer.Option("--use-mt", help="Translate with the installed models where a route exists (cached).")
]
Threshold = Annotated[
    float, typer.Option("--threshold", help="Confidence a unit needs to enter the memory.", metavar="X")
]
Html = Annotated[Path | None, typer.Option("--html", help="Write a side-by-side view (one document).", metavar="FILE")]
Pairs = Annotated[
    Path | None, typer.Option("--pairs", help="A TSV list: one document a line, a path per language.", metavar="LIST")
]


def align(
    files: Files = None,
    langs: Langs = ...,  # type: ignore[assignment]
    into: Into = None,
    fmt: Format = "text",
    presegmented: Presegmented = False,
    mt_a: MtA = None,
    mt_b: MtB = None,
    use_mt: UseMt = False,
    threshold: Threshold = 0.8,
    html: Html = None,
    pairs: Pairs = None,
    glossary: GlossaryPaths = None,
    models_dir: ModelsDir = None,
) -> None:
    """Align versions of the same documents; confident units into a memory, the rest listed."""
    from ..align.job import Document, align_documents, check_into, document_name, parse_langs, read_pairs_list
    from ..errors import UsageError
    from ..glossary.files import load_glossary
    from ..sources import default_dir, regular_file

    if fmt not in ("text", "json"):
        raise UsageError(f"unknown --format {fmt!r}; use text or json")
    if bool(files) == bool(pairs):
        raise UsageError("give the files of one document, or --pairs LIST for many")
    code_list = parse_langs(langs, None if pairs else len(files or []))
    if into is not None:
        check_into(into, code_list)
    if pairs is not None:
        documents = read_pairs_list(pairs, code_list)
    else:
        named = tuple(regular_file(f, "document") for f in files or [])
        documents = [Document(document_name(named[0]), named)]
    if html is not None and len(documents) != 1:
        raise UsageError("--html shows one document; align it alone")
    paths = glossary if glossary else default_dir("glossaries", ".csv")
    loaded = load_glossary(paths) if paths and not presegmented else None
    translator = _translator(models_dir) if use_mt else None
    factory, bars = rich_progress(fmt == "json" or len(documents) == 1)
    try:
        run = align_documents(
            documents,
            code_list,
            presegmented=presegmented,
            glossary=loaded,
            mt_files=(mt_a, mt_b),
            translator=translator,
            threshold=threshold,
            progress=factory,
        )
    finally:
        if bars is not None and bars.live.is_started:
            bars.stop()
    _report(run, fmt, html, into)


def _translator(models_dir: Path | None):
    """The toolkit's MT for the aligner: a route's translations, cached; None without a route."""
    from ..align.machine import ToolkitTranslator

    return ToolkitTranslator(models_dir, open_cache(True, None))


def _report(run, fmt: str, html: Path | None, into: Path | None) -> None:
    from ..align.output import dumps, html_view, listing, to_json

    if html is not None:
        document, alignment = run.documents[0]
        write_output(html_view(alignment, document.name, run.threshold), html, f"wrote {html}")
    if into is not None:
        for line in _save(run, into):
            echo_err(line)
    if fmt == "json":
        if len(run.documents) == 1:
            typer.echo(dumps(to_json(run.documents[0][1])))
        else:
            typer.echo(dumps([{"files": [str(f) for f in d.files], "groups": to_json(a)} for d, a in run.documents]))
        return
    totals = [0, 0]
    for document, alignment in run.documents:
        units = alignment.units
        kept = sum(1 for u in units if u.aligned and u.score >= run.threshold)
        totals = [totals[0] + len(units), totals[1] + kept]
        typer.echo(f"{document.name}: {_counts(len(units), kept, run.threshold)}")
        for line in listing(alignment, run.threshold):
            typer.echo(f"  {line}")
    if len(run.documents) > 1:
        typer.echo(f"{len(run.documents)} documents: {_counts(totals[0], totals[1], run.threshold)}")


def _counts(units: int, kept: int, threshold: float) -> str:
    return f"{units} units, {kept} at or above {threshold:.2f}, {units - kept} to look at"


def _save(run, into: Path) -> list[str]:
    from ..align.job import save_memory
    from ..memory.model import file_penalty

    lines = save_memory(run, into)
    if not file_penalty(str(into)):
        lines.append(
            f"note: matches from {into} count as approved; under a penalty-N folder "
            "(memories/penalty-10/aligned.tmx) they lose N points and go to review"
        )
    return lines
