"""Turning bytes from disk into text that is safe to index and to show.

Offsets everywhere are into the cleaned text, so every cleaning step here either happens before
offsets exist (BOM, line ends) or replaces one character by one character (control characters).
"""

from __future__ import annotations

import codecs
import re

REPLACEMENT = "\ufffd"

# C0 controls except tab and newline, DEL, and C1 controls: Rich and Textual pass ESC, DEL and C1
# through to the terminal, so none of them may survive into text we show.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are not text in any encoding we can tell."""


def decode(data: bytes) -> str:
    """Decode file bytes: a BOM decides, then UTF-8, then detection (charset-normalizer)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise NotText(f"broken {encoding} text") from exc
    if _looks_binary(data):
        raise NotText("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 file

    best = from_bytes(data).best()
    if best is None:
        raise NotText("not text in any encoding that could be detected")
    return str(best)


def _looks_binary(data: bytes) -> bool:
    """NULs or a high share of control bytes in the first 8 KiB mean a binary file.

    A stray NUL in otherwise good text is kept (and replaced on cleaning); a file that is
    mostly NULs and controls is an image, an archive or a database.
    """
    head = data[:8192]
    if not head:
        return False
    controls = len(head.translate(None, _NOT_CONTROL))  # C speed: this runs on every file
    return controls / len(head) > 0.10


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13)))


def clean(text: str) -> str:
    """Normalise a decoded text: no BOM, ``\\n`` line ends, control characters replaced 1:1."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(REPLACEMENT, text)


def safe(text: str) -> str:
    """Make any string (a file name, say) printable: controls replaced, lone surrogates too."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL.sub(REPLACEMENT, text)
