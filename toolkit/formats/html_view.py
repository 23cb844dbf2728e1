"""The review bundle's HTML pages: a side-by-side view of each document (one row per segment,
one column per language, with each proposal's origin, notes and `check` findings, and a legend
of the colours) and, for a run of several documents, an index. Inline CSS, no scripts, nothing
fetched."""

from __future__ import annotations

from html import escape

from ..langs import NAMES, SUPPORTED
from ..model import DocumentResult, Origin, RunResult, Signature
from ..qa.model import Finding

FindingsBySegment = dict[tuple[str, str], list[Finding]]  # (segment id, target language) -> findings

_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.4rem .5rem;vertical-align:top;text-align:left}
th{background:#f2f2f2}
td.id{width:9rem;font-family:monospace;font-size:.8rem;color:#555}
.origin,.note{display:block;font-size:.75rem;color:#666;margin-top:.3rem}
.finding{display:block;font-size:.75rem;margin-top:.2rem}
.finding.error{color:#b00020}.finding.warning{color:#8a5a00}.finding.info{color:#555}
.fuzzy{background:#fff8e1}.none{background:#fdecea}.tm{background:#e8f5e9}
.kind{font-size:.75rem;color:#888}
.legend span{display:inline-block;padding:.1rem .5rem;margin-right:.5rem;border:1px solid #ccc;font-size:.8rem}
footer{margin-top:1rem;font-size:.75rem;color:#666}
"""
_LEGEND = (
    '<p class="legend"><span class="tm">approved: a 100% or in-context memory match</span>'
    '<span class="fuzzy">a proposal to confirm: MT or a fuzzy memory match</span>'
    '<span class="none">untranslated: no memory match and no model for the pair</span>'
    "<span>no colour: a glossary-only rendering</span></p>"
)


def _cell_class(origin: Origin, fuzzy: bool, text: str) -> str:
    if not text:
        return "none"
    if origin.kind == "memory" and not fuzzy:
        return "tm"
    return "fuzzy" if fuzzy else ""


def _findings_html(findings: list[Finding]) -> str:
    return "".join(
        f'<span class="finding {f.severity.label}">{f.severity.label} {escape(f.rule)}: {escape(f.message)}</span>'
        for f in findings
    )


def _page(title: str, lang: str, body: str, signature: Signature) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body>\n"
        f"<h1>{escape(title)}</h1>\n{body}\n<footer>{escape(signature.render())}</footer>\n</body></html>\n"
    )


def build_html(
    result: DocumentResult,
    source: str,
    targets: list[str],
    signature: Signature,
    findings: FindingsBySegment | None = None,
) -> str:
    """The side-by-side page of one document as a string."""
    findings = findings or {}
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
            origin = proposal.origin if proposal else Origin()
            css = _cell_class(origin, bool(proposal and proposal.fuzzy), text)
            notes = "".join(f'<span class="note">{escape(n)}</span>' for n in (proposal.notes if proposal else ()))
            found = _findings_html(findings.get((segment.id, lang), []))
            cells.append(
                f'<td lang="{lang}" class="{css}">{escape(text)}<span class="origin">{escape(origin.label or "untranslated")}</span>'
                f"{notes}{found}</td>"
            )
        kind = escape(segment.block.kind.value)
        rows.append(
            f'<tr><td class="id">{escape(segment.id)}<br><span class="kind">{kind}</span></td>'
            + "".join(cells)
            + "</tr>"
        )
    table = (
        f'<table><thead><tr><th class="id">segment</th>{head}</tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>"
    )
    return _page(result.document.doc_id, source, _LEGEND + "\n" + table, signature)


def build_index(run: RunResult, findings: dict[str, FindingsBySegment]) -> str:
    """The index of a run's documents: a link to each view, with its segments per origin and
    its findings per severity, per target language."""
    head = "".join(f"<th>{escape(NAMES[t])} ({t})</th>" for t in run.targets)
    rows = []
    for result in run.documents:
        doc_id = result.document.doc_id
        cells = []
        for target in run.targets:
            proposals = [s.targets.get(target) for s in result.segments]
            memory = sum(1 for p in proposals if p and p.text and p.origin.kind == "memory" and not p.fuzzy)
            empty = sum(1 for p in proposals if not (p and p.text))
            found = [f for (_, lang), fs in findings.get(doc_id, {}).items() if lang == target for f in fs]
            counts = {level: sum(1 for f in found if f.severity.label == level) for level in ("error", "warning")}
            cells.append(
                f"<td>{len(proposals) - memory - empty} to confirm, {memory} approved, {empty} untranslated"
                f'<span class="finding error">{counts["error"]} error(s)</span>'
                f'<span class="finding warning">{counts["warning"]} warning(s)</span></td>'
            )
        link = f'<a href="{escape(doc_id)}.html">{escape(doc_id)}</a>'
        rows.append(f"<tr><td>{link}</td>" + "".join(cells) + "</tr>")
    table = f"<table><thead><tr><th>document</th>{head}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"
    title = f"Review bundle: {len(run.documents)} documents"
    return _page(title, run.source, table, run.signature)
