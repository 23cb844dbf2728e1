"""What `toolkit align` gives back: the groups as JSON (0-based sentence indexes, `a`/`b` for two
versions, one key per language for more), a plain listing, the confident units as translation
units for the memory (score and document as props), and an HTML view for review."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from ..formats.tmx import TranslationUnit
from .document import Alignment
from .merge import Unit

ALIGNED_KINDS = frozenset({"headline", "dateline", "paragraph", "note", "line"})  # memory-worthy
SCORE_PROP = "x-align-score"


def unit_dict(alignment: Alignment, unit: Unit) -> dict[str, Any]:
    langs = alignment.langs
    keys = ["a", "b"] if len(langs) == 2 else langs
    out: dict[str, Any] = {key: list(unit.sentences[lang]) for key, lang in zip(keys, langs)}
    out["score"] = unit.score
    return out


def to_json(alignment: Alignment) -> list[dict[str, Any]]:
    """The units as `[{"a": [0], "b": [0, 1], "score": 0.93}, ...]` (two versions) or with one
    key per language code (three or more)."""
    return [unit_dict(alignment, unit) for unit in alignment.units]


def unit_text(alignment: Alignment, unit: Unit, lang: str) -> str:
    version = next(v for v in alignment.versions if v.lang == lang)
    return " ".join(version.sentences[k].text for k in unit.sentences[lang])


def confident(unit: Unit, threshold: float) -> bool:
    return unit.aligned and unit.score >= threshold


def memory_units(alignment: Alignment, document: str, threshold: float) -> list[TranslationUnit]:
    """The units worth a memory: aligned, confident, every sentence of a translatable kind
    (no metadata or source lines), with the score and the document as props."""
    found = []
    for unit in alignment.units:
        if not confident(unit, threshold):
            continue
        kinds = {v.sentences[k].kind for v in alignment.versions for k in unit.sentences[v.lang]}
        if not kinds <= ALIGNED_KINDS:
            continue
        variants = {lang: unit_text(alignment, unit, lang) for lang in alignment.langs if unit.sentences[lang]}
        props = {"x-document": document, SCORE_PROP: f"{unit.score:.2f}", "x-status": "aligned"}
        found.append(TranslationUnit(variants, None, props, document, None))
    return found


def listing(alignment: Alignment, threshold: float) -> list[str]:
    """One line per unit a person should look at: below the threshold or not aligned, with the
    file, line and text of each of its sentences."""
    lines = []
    for unit in alignment.units:
        if confident(unit, threshold):
            continue
        what = "unaligned" if not unit.aligned else f"low confidence {unit.score:.2f}"
        parts = []
        for version in alignment.versions:
            for k in unit.sentences[version.lang]:
                sentence = version.sentences[k]
                parts.append(f"{version.path or version.lang}:{sentence.line} [{version.lang} {k}] {sentence.text}")
        lines.append(f"{what}: " + " | ".join(parts))
    return lines


_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}"
    "table{border-collapse:collapse;width:100%;table-layout:fixed}"
    "th,td{border:1px solid #ccc;padding:.4rem .5rem;vertical-align:top;text-align:left}"
    "th{background:#f2f2f2}td.score{width:5rem;font-family:monospace}"
    ".low{background:#fff8e1}.none{background:#fdecea}.ix{color:#888;font-size:.75rem;margin-right:.3rem}"
)


def html_view(alignment: Alignment, title: str, threshold: float) -> str:
    """The versions side by side, a row per unit with its confidence; rows below the threshold
    and sentences without a counterpart are coloured."""
    head = "".join(f"<th>{escape(lang)}</th>" for lang in alignment.langs)
    rows = []
    for unit in alignment.units:
        css = "" if confident(unit, threshold) else ("none" if not unit.aligned else "low")
        cells = []
        for version in alignment.versions:
            texts = "<br>".join(
                f'<span class="ix">{k}</span>{escape(version.sentences[k].text)}' for k in unit.sentences[version.lang]
            )
            cells.append(f"<td>{texts}</td>")
        label = f"{unit.score:.2f}" if unit.aligned else "none"
        rows.append(f'<tr class="{css}"><td class="score">{label}</td>{"".join(cells)}</tr>')
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body>\n<h1>{escape(title)}</h1>\n"
        f'<p>Threshold {threshold:.2f}: <span class="low">below it</span> '
        f'<span class="none">no counterpart</span></p>\n'
        f'<table><tr><th class="score">score</th>{head}</tr>\n' + "\n".join(rows) + "\n</table>\n</body></html>\n"
    )


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)
