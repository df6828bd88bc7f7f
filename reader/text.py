"""Turning bytes from disk into text that is safe to index and to show.

Offsets everywhere are into the cleaned text, so every cleaning step here either happens before
offsets exist (BOM, line ends) or replaces one character by one character (control characters).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch, CharsetMatches

REPLACEMENT = "\ufffd"

# C0 controls except tab and newline, DEL, and C1 controls: Rich and Textual pass ESC, DEL and C1
# through to the terminal, so none of them may survive into text we show.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates (U+202E turns "txt.exe" into "exe.txt" on
# screen): they are replaced in the text like controls, one for one.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What takes no room on screen and is never wanted in a title, a name or a table cell: zero
# widths, soft hyphens, direction marks, the BOM (a body keeps the zero widths: emoji joiners).
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
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

    found = from_bytes(data)
    if found.best() is None:
        # charset-normalizer refuses text with control characters in it (an ESC from a
        # terminal log): detect on a copy without them, then decode the real bytes; clean()
        # replaces the controls as it does in UTF-8 text
        found = from_bytes(data.translate(_CONTROLS_TO_SPACE))
    best = _likely(found)
    if best is None:
        raise NotText("not text in any encoding that could be detected")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise NotText(f"not {best.encoding} text after all") from None


# Within this much "chaos" of the best guess, Windows-1252 (what most non-UTF-8 news in Latin
# script is) wins: on short texts the detector's first guess can be Mac Central European.
_WESTERN_MARGIN = 0.05


def _likely(found: CharsetMatches) -> CharsetMatch | None:
    best = found.best()
    if best is None:
        return None
    western = next((m for m in found if m.encoding in ("cp1252", "latin_1")), None)
    if western is not None and western.chaos <= best.chaos + _WESTERN_MARGIN and western.coherence >= best.coherence:
        return western
    return best


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


_CONTROLS_TO_SPACE = bytes(32 if b < 32 and b not in (9, 10, 12, 13) else b for b in range(256))
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13)))


def clean(text: str) -> str:
    """Normalise a decoded text: no BOM, ``\\n`` line ends, control characters replaced 1:1."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _BIDI.sub(REPLACEMENT, _CONTROL.sub(REPLACEMENT, text))


def shown(text: str) -> str:
    """A short string for a title, author or name line: invisible characters dropped."""
    return _INVISIBLE.sub("", text)


def safe(text: str) -> str:
    """Make any string (a file name, say) printable: controls replaced, lone surrogates too."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _INVISIBLE.sub("", _CONTROL.sub(REPLACEMENT, text))


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Paragraph spans. One line a paragraph, unless the text is hard-wrapped in blocks
    separated by blank lines (then a block is a paragraph)."""
    blocks = [(m.start(), m.end()) for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", body)]
    wrapped = "\n\n" in body and sum(body.count("\n", a, b) > 1 for a, b in blocks) * 2 > len(blocks)
    if wrapped:
        return [(a, b - 1 if body[b - 1 : b] == "\n" else b) for a, b in blocks]
    spans = []
    for m in re.finditer(r"[^\n]+", body):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def fold(text: str) -> str:
    """Accents and case folded, apostrophes unified: "António" and "Antonio" fold alike."""
    # Names and words repeat endlessly and are cached; paragraphs are not (the cache would
    # hold tens of megabytes of text for nothing).
    return _fold_short(text) if len(text) <= 64 else _fold(text)


def _fold(text: str) -> str:
    if text.isascii():  # of the apostrophes only ` is ASCII; replace() beats translate()
        return text.replace("`", "'").lower()
    # str.replace and a look at the distinct characters only: on a paragraph, translate()
    # and asking unicodedata of every character were ten times slower
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = unicodedata.normalize("NFKD", text)
    for mark in {c for c in set(text) if c > "\x7f" and unicodedata.combining(c)}:
        text = text.replace(mark, "")
    return text.lower()


_fold_short = lru_cache(maxsize=8192)(_fold)


def has_diacritics(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFKD", text))
