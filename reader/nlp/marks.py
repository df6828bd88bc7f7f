"""Finding quoted spans by their marks, paragraph by paragraph (pure text, no spaCy).

Handles double and single marks, curly and straight, apostrophes (’s, n’t, O’Leary, dogs’),
a quote nested in a quote (it stays inside), typewriter '' for a double mark, a closing mark
misused as an opener, and quotes that run over paragraphs: a paragraph that opens a quote and
does not close it continues into the next paragraph when that one reopens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE, SINGLE = "d", "s"


@dataclass
class Mark:
    pos: int
    width: int
    kind: str  # DOUBLE or SINGLE
    can_open: bool
    can_close: bool
    weak_close: bool = False  # a ’ after "s" before a word: maybe a possessive (dogs’ bowls)


@dataclass
class QuotedSpan:
    """One quotation as the marks show it: a part per paragraph it runs over."""

    parts: list[tuple[int, int]] = field(default_factory=list)  # inner text, marks excluded
    outer: list[tuple[int, int]] = field(default_factory=list)  # with the marks
    kind: str = DOUBLE
    closed: bool = True  # the last part had its closing mark

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def scan_marks(text: str, start: int, end: int) -> list[Mark]:
    """Every character in text[start:end] that may be a quotation mark, classified by context."""
    marks: list[Mark] = []
    i = start
    while i < end:
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        if ch in "\"“”„«»'‘’‚‹›":
            width = 2 if ch == "'" and text[i + 1 : i + 2] == "'" and i + 1 < end else 1
            nxt = text[i + width] if i + width < end else " "
            if width == 2:
                ch = '"'  # typewriter double mark
            left = not nxt.isspace() and (prev.isspace() or prev in "([{—–-/" or i == start)
            right = not prev.isspace() and i > start
            # ‘…,’ " — an inner quote's closing mark, a space, then the outer one
            right = right or (prev == " " and i - 2 >= start and text[i - 2] in "'’" and (nxt.isspace() or nxt in ".,;:"))
            if prev.isspace() and nxt == " " and ch == '"':  # a mark with a space on both sides
                after = text[i + width : end].lstrip(" ")[:1]
                before = text[start:i].rstrip(" ")[-1:]
                left = left or after.isalnum()  # " We will…"
                right = right or (not after.isalnum() and before in ".,!?…")  # …we will. "
            if ch in "“„«":
                marks.append(Mark(i, width, DOUBLE, True, False))
            elif ch in "”»":
                # A closing mark with a space before and a word after is used as an opener.
                opener = left and not right
                marks.append(Mark(i, width, DOUBLE, opener, not opener))
            elif ch == '"':
                marks.append(Mark(i, width, DOUBLE, left, right))
            elif ch in "‘‚‹":
                if not (_is_word(prev) and _is_word(nxt)):
                    # ‘90s, ’em are elisions; a ‘ before digits and s is one
                    if not (nxt.isdigit() and text[i + 1 : i + 4].rstrip("s").isdigit() and prev.isspace()):
                        marks.append(Mark(i, width, SINGLE, True, False))
            else:  # ’ › '
                if _is_word(prev) and _is_word(nxt):
                    pass  # apostrophe: don’t, O’Leary
                elif prev.isspace() and nxt.isdigit() and text[i + 1 : i + 4].rstrip("s").isdigit():
                    pass  # ’90s
                else:
                    weak = right and prev in "sS" and nxt == " " and text[i + 2 : i + 3].isalpha()
                    can_open = left and not right
                    marks.append(Mark(i, width, SINGLE, can_open, right, weak_close=weak))
            i += width
            continue
        i += 1
    return marks


def _closer(marks: list[Mark], k: int, kind: str) -> int | None:
    """Index of the mark that closes a quote of ``kind`` opened at marks[k]."""
    weak = None
    for j in range(k + 1, len(marks)):
        m = marks[j]
        if m.kind != kind or not m.can_close:
            continue
        if kind == SINGLE and m.weak_close:
            weak = j if weak is None else weak
            continue
        return j
    return weak


def find_quoted(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedSpan]:
    """Quoted spans of ``text``, a paragraph at a time, joined across paragraphs."""
    found: list[QuotedSpan] = []
    carry: QuotedSpan | None = None  # a quote the previous paragraph left open
    for p_start, p_end in paragraphs:
        marks = scan_marks(text, p_start, p_end)
        k = 0
        first = True
        if carry is not None:
            lead = text[p_start:p_end].lstrip()
            reopened = bool(marks) and marks[0].can_open and marks[0].kind == carry.kind
            reopened = reopened and marks[0].pos == p_end - len(lead)
            if not reopened or speaker_label(text, marks[0].pos + marks[0].width, p_end):
                carry = None  # (a transcript's next label starts a quote of its own)
        while k < len(marks):
            m = marks[k]
            if not m.can_open:
                k += 1
                continue
            j = _closer(marks, k, m.kind)
            inner_start = m.pos + m.width
            if carry is not None and first:
                span = carry
            else:
                span = QuotedSpan(kind=m.kind)
                found.append(span)
            first = False
            carry = None
            if j is None:  # open to the end of the paragraph: may go on in the next one
                inner_end = _rstrip(text, inner_start, p_end)
                if inner_end > inner_start:
                    span.parts.append((inner_start, inner_end))
                    span.outer.append((m.pos, p_end))
                span.closed = False
                carry = span
                break
            close = marks[j]
            if close.pos > inner_start and text[inner_start : close.pos].strip():
                span.parts.append((inner_start, close.pos))
                span.outer.append((m.pos, close.pos + close.width))
            span.closed = True
            k = j + 1
        else:
            first = False
    return [_trimmed(text, q) for q in found if q.parts]


# A transcript's speaker label at the start of a quote: "SMITH: Well, …", "SEN. WARREN: No."
_LABEL = re.compile(r"[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,3}:\s")


def speaker_label(text: str, start: int, end: int) -> str | None:
    """The label a quote starting at ``start`` opens with, or None."""
    while start < end and text[start].isspace():
        start += 1
    m = _LABEL.match(text, start, end)
    return m.group()[:-2].strip() if m and sum(c.isalpha() for c in m.group()) >= 2 else None


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _trimmed(text: str, q: QuotedSpan) -> QuotedSpan:
    """Inner spans without surrounding white space, so body[start:end] is the quoted words."""
    parts = []
    for a, b in q.parts:
        while a < b and text[a].isspace():
            a += 1
        b = _rstrip(text, a, b)
        parts.append((a, b))
    q.parts = parts
    return q
