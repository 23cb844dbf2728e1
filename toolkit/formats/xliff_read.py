"""XLIFF reading (1.2, 2.0 and 2.1, with the safe parser): every `<file>` as an XliffDocument.

2.x: units (in groups or not) and their segments with `state` (default initial); `<ignorable>`
and units with `translate="no"` are left out. 1.2: a trans-unit is one segment, or, when it has
a `<seg-source>` (memoQ, Trados, Okapi), one segment per `<mrk mtype="seg">` with the target's
`mrk` of the same `mid`. Status in 1.2 (the README's table): `state` final -> final, signed-off
-> reviewed, `approved="yes"` -> reviewed, translated (or a target without state) -> translated,
new and needs-* -> initial; a Trados `sdl:seg conf` (ApprovedSignOff, ApprovedTranslation,
Translated, Draft, Rejected*) and a memoQ `mq:status` (Proofread / Reviewer*Confirmed,
ManuallyConfirmed / Confirmed, the rest) are read per segment where present.
Errors name the file and line: not XLIFF, an XLIFF version other than 1.2/2.x, a file without
source or target language, a language the toolkit does not support, a trans-unit without id.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..langs import SUPPORTED
from .safexml import local_name, parse_file
from .tmx import lang_code
from .xliff_inline import XLIFF2_NS, XLIFF12_NS, read_pair
from .xliff_model import Status, XliffDocument, XliffSegment, XliffUnit

# the suffixes of XLIFF files: Trados writes .sdlxliff, memoQ .mqxliff (both XLIFF 1.2)
SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")
SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
MQ_NS = "MQXliff"
SDL_CONF = {
    "ApprovedSignOff": Status.FINAL,
    "ApprovedTranslation": Status.REVIEWED,
    "Translated": Status.TRANSLATED,
}
MQ_STATUS = {
    "Proofread": Status.REVIEWED,
    "Reviewer1Confirmed": Status.REVIEWED,
    "Reviewer2Confirmed": Status.FINAL,
    "ManuallyConfirmed": Status.TRANSLATED,
    "Confirmed": Status.TRANSLATED,
}


def _lang(value: str | None, what: str, path: Path, line: int | None) -> str:
    if not value or not value.strip():
        raise InputError(f"XLIFF file has no {what}", path, line)
    code = lang_code(value)
    if code not in SUPPORTED:
        raise InputError(f"XLIFF {what} {value!r}: unsupported language (use {', '.join(SUPPORTED)})", path, line)
    return code


def read_xliff(path: Path) -> list[XliffDocument]:
    """The documents of an XLIFF file (1.2 or 2.x)."""
    path = Path(path)
    root = parse_file(path, "XLIFF file").getroot()
    if local_name(root) != "xliff":
        raise InputError(f"not an XLIFF file (root element <{local_name(root) or root.tag}>)", path, root.sourceline)
    namespace = etree.QName(root).namespace or ""
    version = root.get("version", "")
    if namespace == XLIFF2_NS and version.startswith("2."):
        docs = _read2(root, path)
    elif namespace in (XLIFF12_NS, "") and version == "1.2":
        docs = _read12(root, path, namespace)
    else:
        raise InputError(
            f"XLIFF version {version or '(none)'} in namespace {namespace or '(none)'} is not read (1.2, 2.0, 2.1)",
            path,
            root.sourceline,
        )
    if not docs:
        raise InputError("XLIFF file has no <file>", path, root.sourceline)
    return docs


# --- 2.x --------------------------------------------------------------------------------------


def _read2(root: etree._Element, path: Path) -> list[XliffDocument]:
    source = _lang(root.get("srcLang"), "srcLang", path, root.sourceline)
    target = _lang(root.get("trgLang"), "trgLang (target language)", path, root.sourceline)
    docs = []
    for file_ in root.iterchildren(f"{{{XLIFF2_NS}}}file"):
        units = [
            _unit2(unit, path)
            for unit in file_.iter(f"{{{XLIFF2_NS}}}unit")
            if unit.get("translate", "yes") != "no" and _in_translatable_groups(unit)
        ]
        original = file_.get("original") or file_.get("id") or path.stem
        docs.append(XliffDocument(original, source, target, [u for u in units if u.segments]))
    return docs


def _in_translatable_groups(unit: etree._Element) -> bool:
    return all(g.get("translate", "yes") != "no" for g in unit.iterancestors(f"{{{XLIFF2_NS}}}group"))


def _unit2(unit: etree._Element, path: Path) -> XliffUnit:
    unit_id = unit.get("id") or ""
    if not unit_id:
        raise InputError("<unit> without id", path, unit.sourceline)
    segments = []
    for n, seg in enumerate(unit.iterchildren(f"{{{XLIFF2_NS}}}segment"), start=1):
        source = seg.find(f"{{{XLIFF2_NS}}}source")
        if source is None:
            raise InputError("<segment> without <source>", path, seg.sourceline)
        target = seg.find(f"{{{XLIFF2_NS}}}target")
        src_text, tgt_text = read_pair(source, target)
        try:
            status = Status(seg.get("state", "initial"))
        except ValueError:
            raise InputError(f"unknown segment state {seg.get('state')!r}", path, seg.sourceline) from None
        seg_id = seg.get("id") or f"{unit_id}.{n}"
        line = (target if target is not None else seg).sourceline or 1
        segments.append(XliffSegment(seg_id, src_text, tgt_text, status, seg.get("subState", ""), line=line))
    return XliffUnit(unit_id, segments, unit.sourceline or 1)


# --- 1.2 --------------------------------------------------------------------------------------


def _read12(root: etree._Element, path: Path, ns: str) -> list[XliffDocument]:
    q = (lambda name: f"{{{ns}}}{name}") if ns else (lambda name: name)
    docs = []
    for file_ in root.iterchildren(q("file")):
        source = _lang(file_.get("source-language"), "source-language", path, file_.sourceline)
        target = _lang(file_.get("target-language"), "target-language (target language)", path, file_.sourceline)
        units = [_unit12(tu, path, q) for tu in file_.iter(q("trans-unit")) if tu.get("translate", "yes") != "no"]
        docs.append(XliffDocument(file_.get("original") or path.stem, source, target, units))
    return docs


def _status12(tu: etree._Element, target: etree._Element | None) -> Status:
    if target is None:
        return Status.INITIAL
    state = target.get("state", "")
    if state == "final":
        return Status.FINAL
    if state == "signed-off":
        return Status.REVIEWED
    if state == "new" or state.startswith("needs-"):
        return Status.INITIAL
    if tu.get("approved") == "yes":
        return Status.REVIEWED
    return Status.TRANSLATED


def _tool_status(elem: etree._Element | None, fallback: Status) -> Status:
    """A Trados `conf` or memoQ `mq:status` when present, else fallback."""
    if elem is None:
        return fallback
    conf = elem.get("conf")
    if conf is not None:
        return SDL_CONF.get(conf, Status.INITIAL)
    status = elem.get(f"{{{MQ_NS}}}status")
    if status is not None:
        return MQ_STATUS.get(status, Status.INITIAL)
    return fallback


def _unit12(tu: etree._Element, path: Path, q) -> XliffUnit:
    unit_id = tu.get("id") or ""
    if not unit_id:
        raise InputError("<trans-unit> without id", path, tu.sourceline)
    source = tu.find(q("source"))
    if source is None:
        raise InputError("<trans-unit> without <source>", path, tu.sourceline)
    target = tu.find(q("target"))
    status = _tool_status(tu, _status12(tu, target))
    seg_source = tu.find(q("seg-source"))
    if seg_source is None:
        src_text, tgt_text = read_pair(source, target)
        line = (target if target is not None else tu).sourceline or 1
        return XliffUnit(unit_id, [XliffSegment(unit_id, src_text, tgt_text, status, line=line)], tu.sourceline or 1)
    return XliffUnit(unit_id, _mrk_segments(tu, seg_source, target, status, q), tu.sourceline or 1)


def _seg_marks(elem: etree._Element | None, q) -> dict[str, etree._Element]:
    if elem is None:
        return {}
    return {m.get("mid", ""): m for m in elem.iter(q("mrk")) if m.get("mtype") == "seg"}


def _mrk_segments(tu: etree._Element, seg_source: etree._Element, target, status: Status, q) -> list[XliffSegment]:
    unit_id = tu.get("id", "")
    sources, targets = _seg_marks(seg_source, q), _seg_marks(target, q)
    defs = {d.get("id", ""): d for d in tu.iter(f"{{{SDL_NS}}}seg")}
    segments = []
    for mid, mark in sources.items():
        tgt = targets.get(mid)
        src_text, tgt_text = read_pair(mark, tgt)
        seg_status = _tool_status(defs.get(mid), status if tgt is not None else Status.INITIAL)
        line = (tgt if tgt is not None else mark).sourceline or 1
        segments.append(XliffSegment(f"{unit_id}:{mid}", src_text, tgt_text, seg_status, line=line))
    return segments
