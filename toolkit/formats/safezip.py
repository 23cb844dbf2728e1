"""Checks on an Office file (a zip package) before any library opens it: a zip, not a bomb, no
macros, no DTD in its XML parts. Nothing is extracted to disk and no link is followed."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError

MAX_MEMBERS = 5_000
MAX_TOTAL_BYTES = 300 * 1024 * 1024  # uncompressed
MAX_RATIO = 200  # uncompressed / compressed size of a member larger than 1 MB
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def check_word_package(path: Path) -> None:
    """InputError, naming path, unless it is a Word document package safe to read."""
    if not zipfile.is_zipfile(path):
        raise InputError("not a DOCX file (not a zip package)", path)
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            if len(members) > MAX_MEMBERS:
                raise InputError(f"DOCX package with {len(members)} parts (more than {MAX_MEMBERS})", path)
            total = sum(m.file_size for m in members)
            if total > MAX_TOTAL_BYTES:
                raise InputError(f"DOCX package unpacks to {total // (1024 * 1024)} MB (a zip bomb?)", path)
            for member in members:
                if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                    raise InputError(
                        f"DOCX part {member.filename} is compressed {MAX_RATIO}x or more (a zip bomb?)", path
                    )
            names = {m.filename for m in members}
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise InputError("the document holds macros (vbaProject.bin): save it as a .docx without them", path)
            if "[Content_Types].xml" not in names:
                raise InputError("not a DOCX file (no [Content_Types].xml)", path)
            types = package.read("[Content_Types].xml")
            if WORD_MACRO_MAIN.encode() in types:
                raise InputError("the document is macro-enabled (.docm): save it as a .docx without macros", path)
            if WORD_MAIN.encode() not in types:
                raise InputError("not a Word document (no main document part)", path)
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels")):
                    head = package.read(member.filename)[:4096]
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise InputError(f"DOCX part {member.filename} declares a DTD (Word never writes one)", path)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise InputError(f"not a readable DOCX file ({error})", path) from None
