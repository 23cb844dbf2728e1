"""Post-editing machine translations to the target language's typography.

MT models write French with the English spacing (`a-t-il déclaré: «Texte»`); French puts a
non-breaking space before `:` (U+00A0) and before `;`, `!`, `?` (U+202F, the narrow one), and
inside guillemets (U+00A0): `a-t-il déclaré : « Texte »`. URLs, e-mail addresses and clock
times (`14:30`) are left as they are. The change is recorded in the PO notes, as any edit of a
proposal is.
"""

from __future__ import annotations

import re

from ..patterns import protected_spans

NBSP, NNBSP = "\u00a0", "\u202f"
NOTE = "typography: French non-breaking spaces set before : ; ! ? and inside « »"
# a mark after a word, a number, a closing bracket or quote, before a space or the end (so not
# the colon of 14:30; URLs are left out apart)
_BEFORE_MARK = re.compile(r"(?<=[\w)»”%])[ \u00a0\u202f]?([:;!?])(?=\s|$|»)")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSING = re.compile(r"[ \u00a0\u202f]*»")


def french_typography(text: str) -> str:
    """text with French spacing around high punctuation and inside guillemets."""
    skip = protected_spans(text)
    if not skip:
        return _fix(text)
    parts, at = [], 0
    for start, end in skip:
        parts += [_fix(text[at:start]), text[start:end]]
        at = end
    return "".join(parts + [_fix(text[at:])])


def _fix(text: str) -> str:
    text = _BEFORE_MARK.sub(lambda m: (NBSP if m.group(1) == ":" else NNBSP) + m.group(1), text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    return _BEFORE_CLOSING.sub(NBSP + "»", text)


POST_EDITS = {"fr": (french_typography, NOTE)}


def post_edit(text: str, lang: str) -> tuple[str, str | None]:
    """(text post-edited for lang, the note to record, or None when nothing changed)."""
    edit = POST_EDITS.get(lang)
    if edit is None or not text:
        return text, None
    fixed = edit[0](text)
    return (fixed, edit[1]) if fixed != text else (text, None)
