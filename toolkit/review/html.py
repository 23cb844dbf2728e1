"""A side-by-side HTML view of a document: one row per segment, one column per language."""

from __future__ import annotations

from html import escape

from ..langs import NAMES, SUPPORTED
from ..pipeline import DocumentResult

_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.4rem .5rem;vertical-align:top;text-align:left}
th{background:#f2f2f2}
td.id{width:9rem;font-family:monospace;font-size:.8rem;color:#555}
.origin{display:block;font-size:.75rem;color:#666;margin-top:.3rem}
.fuzzy{background:#fff8e1}.none{background:#fdecea}.tm{background:#e8f5e9}
.kind{font-size:.75rem;color:#888}
footer{margin-top:1rem;font-size:.75rem;color:#666}
"""


def _cell_class(origin: str, fuzzy: bool, text: str) -> str:
    if not text:
        return "none"
    if origin.startswith("tm "):
        return "tm"
    return "fuzzy" if fuzzy else ""


def build_html(result: DocumentResult, source: str, targets: list[str], signature: str) -> str:
    """The whole page as a string: inline CSS, no scripts, nothing fetched."""
    langs = [lang for lang in SUPPORTED if lang == source or lang in targets]
    head = "".join(f"<th>{escape(NAMES[lang])} ({lang})</th>" for lang in langs)
    rows = []
    for segment in result.segments:
        cells = []
        for lang in langs:
            if lang == source:
                terms = ", ".join(escape(h.text) for h in segment.terms)
                extra = f'<span class="origin">terms: {terms}</span>' if terms else ""
                cells.append(f'<td lang="{lang}">{escape(segment.source)}{extra}</td>')
                continue
            proposal = segment.targets.get(lang)
            text = proposal.text if proposal else ""
            origin = proposal.origin if proposal and proposal.origin else "untranslated"
            css = _cell_class(origin, bool(proposal and proposal.fuzzy), text)
            cells.append(
                f'<td lang="{lang}" class="{css}">{escape(text)}<span class="origin">{escape(origin)}</span></td>'
            )
        kind = escape(segment.block.kind.value)
        rows.append(
            f'<tr><td class="id">{escape(segment.id)}<br><span class="kind">{kind}</span></td>'
            + "".join(cells)
            + "</tr>"
        )
    title = escape(result.document.doc_id)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{source}"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_STYLE}</style></head><body>\n"
        f"<h1>{title}</h1>\n"
        f'<table><thead><tr><th class="id">segment</th>{head}</tr></thead><tbody>\n'
        + "\n".join(rows)
        + f"\n</tbody></table>\n<footer>{escape(signature)}</footer>\n</body></html>\n"
    )
