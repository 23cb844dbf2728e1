"""The injected-error test set of `toolkit check` (tests/data/qa): clean corpus and injections."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import polib

from toolkit.formats.bundle import new_po, po_name

DATA = Path(__file__).parent / "data" / "qa"
TARGETS = ("kk", "en", "fr")
PLACEHOLDERS = {"{NBSP}": "\u00a0", "{TAB}": "\t", "{EMPTY}": ""}


@dataclass(frozen=True)
class Injection:
    """One error written into one target: where, which rule should find it, and the edit."""

    number: int
    segment: str
    lang: str
    rule: str
    find: str
    replace: str

    def apply(self, target: str, corpus: dict[str, dict[str, str]]) -> str:
        """The target with the error injected; {ALL} replaces the whole text, {SOURCE} is the
        source sentence, {COPY:id} the same language's target of segment id."""
        replace = self.replace
        if replace == "{SOURCE}":
            replace = corpus[self.segment]["ru"]
        elif replace.startswith("{COPY:"):
            replace = corpus[replace[6:-1]][self.lang]
        if self.find == "{ALL}":
            return replace
        if self.find not in target:
            raise AssertionError(f"injection {self.number}: {self.find!r} not in {target!r}")
        return target.replace(self.find, replace, 1)


def _expand(text: str) -> str:
    for key, value in PLACEHOLDERS.items():
        text = text.replace(key, value)
    return text


def read_corpus(name: str = "corpus.tsv") -> dict[str, dict[str, str]]:
    """segment id -> {lang: text} of a clean corpus, in file order."""
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {row["id"]: {lang: _expand(row[lang]) for lang in ("ru", *TARGETS)} for row in rows}


def read_injections() -> list[Injection]:
    """The injections of injections.tsv (columns: segment, lang, rule, find, replace)."""
    with open(DATA / "injections.tsv", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if r and not r[0].startswith("#")]
    return [
        Injection(n, seg, lang, rule, _expand(find), _expand(replace))
        for n, (seg, lang, rule, find, replace) in enumerate(rows[1:], start=1)
    ]


def write_bundles(corpus: dict[str, dict[str, str]], out: Path) -> list[Path]:
    """One PO file per document (the id before the dot) and target language, like a review bundle."""
    out.mkdir(parents=True, exist_ok=True)
    docs: dict[str, list[str]] = {}
    for seg_id in corpus:
        docs.setdefault(seg_id.split(".")[0], []).append(seg_id)
    written = []
    for doc, ids in docs.items():
        for lang in TARGETS:
            po = new_po(doc, "ru", lang)
            for seg_id in ids:
                po.append(
                    polib.POEntry(
                        msgctxt=seg_id,
                        msgid=corpus[seg_id]["ru"],
                        msgstr=corpus[seg_id][lang],
                        occurrences=[(f"{doc}.ru.txt", seg_id.split(".")[1])],
                    )
                )
            path = out / po_name(doc, lang)
            po.save(str(path))
            written.append(path)
    return written
