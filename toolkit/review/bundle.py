"""Writing a review bundle for every document of a run."""

from __future__ import annotations

from pathlib import Path

from ..document import BlockKind
from ..formats.tmx import TranslationUnit, tmx_bytes
from ..fsutil import staged_writes
from ..langs import SUPPORTED
from ..model import DocumentResult, Progress, RunResult
from ..patterns import URL
from .findings import run_findings
from .html import build_html, build_index
from .po import build_po

# How a source line is labelled in each language; the URL itself is carried unchanged.
SOURCE_LINE_LABELS = {"ru": "Источник информации:", "kk": "Ақпарат көзі:", "en": "Source:", "fr": "Source\u00a0:"}


def source_line(text: str, target: str) -> str:
    """A source line relabelled for the target language when it holds a URL, else unchanged."""
    url = URL.search(text)
    return f"{SOURCE_LINE_LABELS[target]} {url.group(0)}" if url else text


def target_text(result: DocumentResult, target: str) -> str:
    """The target text in the source's block structure; untranslated sentences keep the source.

    Metadata lines are carried as they are; a source line keeps its URL under the target's label.
    """
    by_block: dict[int, list[str]] = {
        b.index: [source_line(b.text, target)] for b in result.document.blocks if b.kind is BlockKind.SOURCE
    }
    for segment in result.segments:
        proposal = segment.targets.get(target)
        text = proposal.text if proposal and proposal.text else segment.source
        by_block.setdefault(segment.block.index, []).append(text)
    return result.document.render({index: " ".join(parts) for index, parts in by_block.items()})


def bundle_units(result: DocumentResult, source: str) -> list[TranslationUnit]:
    """One TMX unit per segment with a variant for each language that has text."""
    units = []
    for segment in result.segments:
        variants = {source: segment.source}
        props = {"x-document": result.document.doc_id, "x-block": segment.block.kind.value}
        for lang, proposal in segment.targets.items():
            if proposal.text:
                variants[lang] = proposal.text
                props[f"x-origin-{lang}"] = proposal.origin.label
        units.append(TranslationUnit(variants, segment.id, props))
    return units


def write_bundle(run: RunResult, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    """Write `<doc>.<lang>.po`, `<doc>.tmx`, `<doc>.html`, `<doc>.<lang>.txt` and the source
    release as read, `<doc>.<source>.txt`, for every document, and `index.html` for several. The bundle is replaced as a whole: every file is written under a temporary name
    first and renamed into place only when all were written, so a failure (a full disk) leaves
    the older bundle as it was and names the file it could not write."""
    out_dir = Path(out_dir)
    written: list[Path] = []
    langs = [lang for lang in SUPPORTED if lang == run.source or lang in run.targets]
    advance = progress("writing the bundle", 2 * len(run.documents)) if progress else None
    findings = run_findings(run, advance)
    with staged_writes() as stage:
        for result in run.documents:
            if advance is not None:
                advance(1)
            doc_id = result.document.doc_id
            # the source as read: the bundle holds everything `review apply` needs
            source_path = out_dir / f"{doc_id}.{run.source}.txt"
            stage.add(source_path, result.document.render({}).encode("utf-8"))
            written.append(source_path)
            for target in run.targets:
                po_path = out_dir / f"{doc_id}.{target}.po"
                stage.add(po_path, (str(build_po(result, run.source, target, run.signature)) + "\n").encode("utf-8"))
                txt_path = out_dir / f"{doc_id}.{target}.txt"
                stage.add(txt_path, target_text(result, target).encode("utf-8"))
                written += [po_path, txt_path]
            tmx_path = out_dir / f"{doc_id}.tmx"
            units = bundle_units(result, run.source)
            stage.add(tmx_path, tmx_bytes(units, run.source, langs, {"x-signature": run.signature.render()}))
            html_path = out_dir / f"{doc_id}.html"
            page = build_html(result, run.source, run.targets, run.signature, findings.get(doc_id))
            stage.add(html_path, page.encode("utf-8"))
            written += [tmx_path, html_path]
        if len(run.documents) > 1:
            index_path = out_dir / "index.html"
            stage.add(index_path, build_index(run, findings).encode("utf-8"))
            written.append(index_path)
    run.files = written
    return written
