"""Writing the review bundle of a run (toolkit.formats.bundle owns its format), with the `check`
findings of its proposals in the HTML view."""

from __future__ import annotations

from pathlib import Path

from ..formats.bundle import (
    INDEX,
    build_po,
    bundle_langs,
    bundle_units,
    html_name,
    po_name,
    target_text,
    text_name,
    tmx_name,
)
from ..formats.html_view import build_html, build_index
from ..formats.tmx import SIGNATURE_PROP, tmx_bytes
from ..fsutil import staged_writes
from ..model import Progress, RunResult
from .findings import run_findings
from .formatted import formatted_translation


def write_bundle(run: RunResult, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    """Write `<doc>.<lang>.po`, `<doc>.tmx`, `<doc>.html`, `<doc>.<lang>.txt` and the source
    release as read, `<doc>.<source>.txt`, for every document (a web page also gets its
    translation `<doc>.<lang>.html`), and `index.html` for several.
    The bundle is replaced as a whole: every file is written under a temporary name
    first and renamed into place only when all were written, so a failure (a full disk) leaves
    the older bundle as it was and names the file it could not write."""
    out_dir = Path(out_dir)
    written: list[Path] = []
    langs = bundle_langs(run.source, run.targets)
    advance = progress("writing the bundle", 2 * len(run.documents)) if progress else None
    findings = run_findings(run, advance)
    with staged_writes() as stage:
        for result in run.documents:
            if advance is not None:
                advance(1)
            doc_id = result.document.doc_id
            # the source as read: the bundle holds everything `review apply` needs
            source_path = out_dir / text_name(doc_id, run.source)
            stage.add(source_path, result.document.render({}).encode("utf-8"))
            written.append(source_path)
            for target in run.targets:
                po_path = out_dir / po_name(doc_id, target)
                stage.add(po_path, (str(build_po(result, run.source, target, run.signature)) + "\n").encode("utf-8"))
                txt_path = out_dir / text_name(doc_id, target)
                stage.add(txt_path, target_text(result, target).encode("utf-8"))
                written += [po_path, txt_path]
                translated = formatted_translation(result, target)
                if translated is not None:
                    name, data = translated
                    stage.add(out_dir / name, data)
                    written.append(out_dir / name)
            tmx_path = out_dir / tmx_name(doc_id)
            units = bundle_units(result, run.source)
            stage.add(tmx_path, tmx_bytes(units, run.source, langs, {SIGNATURE_PROP: run.signature.render()}))
            html_path = out_dir / html_name(doc_id)
            page = build_html(result, run.source, run.targets, run.signature, findings.get(doc_id))
            stage.add(html_path, page.encode("utf-8"))
            written += [tmx_path, html_path]
        if len(run.documents) > 1:
            index_path = out_dir / INDEX
            stage.add(index_path, build_index(run, findings).encode("utf-8"))
            written.append(index_path)
    run.files = written
    return written
