"""Laying an article out in lines of a given width, keeping every line's offsets into the body.

The reading pane draws these lines and puts speaker names in a gutter beside them, so the
wrapping has to be ours: a wrapped line knows which characters of the body it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len

from reader.text import paragraphs


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # body[start:end] is the line's text (no newline)
    paragraph: int  # -1 for the blank line between paragraphs


def wrap(body: str, width: int) -> list[Line]:
    """Paragraphs wrapped at spaces to ``width`` cells, a blank line between paragraphs.
    A word longer than the width is cut."""
    width = max(width, 8)
    lines: list[Line] = []
    for n, (a, b) in enumerate(paragraphs(body)):
        if n:
            lines.append(Line(a, a, -1))
        lines.extend(_wrap_paragraph(body, a, b, width, n))
    return lines


def _wrap_paragraph(body: str, a: int, b: int, width: int, n: int) -> list[Line]:
    # One cell a character (almost all text): slicing and rfind, no loop per character, so a
    # 5 MB one-line article lays out in a fraction of a second.
    narrow = cell_len(body[a:b]) == b - a
    return _wrap(body, a, b, width, n, _end_narrow if narrow else _end_cells)


def _wrap(body: str, a: int, b: int, width: int, n: int, line_end: Callable[[str, int, int, int], int]) -> list[Line]:
    out: list[Line] = []
    start = a
    while start < b:
        while start < b and body[start] in " \n":  # the spaces a line break ate
            start += 1
        if start >= b:
            break
        end = line_end(body, start, b, width)
        out.append(Line(start, _rstrip(body, start, end), n))
        start = end
    return out


def _end_cells(body: str, start: int, b: int, width: int) -> int:
    """Where a line from ``start`` ends, counting cells (wide CJK characters take two)."""
    end, cells, last_space = start, 0, -1
    while end < b:
        ch = body[end]
        if ch == "\n":  # a hard-wrapped paragraph: its line breaks are spaces here
            ch = " "
        w = cell_len(ch)
        if cells + w > width:
            break
        if ch == " ":
            last_space = end
        cells += w
        end += 1
    if end < b and body[end] not in " \n" and last_space > start:
        end = last_space
    return end


def _end_narrow(body: str, start: int, b: int, width: int) -> int:
    """The same, when every character is one cell."""
    end = start + width
    if end >= b:
        return b
    space = max(body.rfind(" ", start, end + 1), body.rfind("\n", start, end + 1))
    if space > start and body[end] not in " \n":
        return space
    return end


def _rstrip(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1] in " \n":
        end -= 1
    return end


def line_of(lines: list[Line], offset: int) -> int:
    """The index of the line that shows ``offset`` (or the nearest after it)."""
    lo, hi = 0, len(lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if lines[mid].end < offset or (lines[mid].paragraph < 0 and lines[mid].start <= offset):
            lo = mid + 1
        else:
            hi = mid
    return min(lo, max(len(lines) - 1, 0))
