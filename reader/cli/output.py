"""Printing rows as aligned tables or JSON Lines; nothing printed can drive the terminal."""

from __future__ import annotations

import csv
import re
import shutil
import sys
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

import msgspec

from reader.text import safe

_json = msgspec.json.Encoder()


def jsonl(rows: Iterable[dict[str, Any]], out: TextIO | None = None) -> None:
    """One JSON object a line. msgspec escapes C0 controls; DEL and C1 are escaped here too."""
    out = out or sys.stdout
    for row in rows:
        line = _json.encode(row).decode("utf-8")
        out.write(_escape_c1(line) + "\n")


_C1 = re.compile("[\x7f-\x9f]")


def _escape_c1(line: str) -> str:
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


MIN_COLUMN = 8


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO | None = None, wrap: int | None = None) -> None:
    """Columns sized to their contents. On a terminal the table fits its width: the widest
    columns give way first; column ``wrap`` (a quote) wraps onto more lines, the others are cut
    with "…". Piped, every cell is whole on one line (for grep and cut)."""
    out = out or sys.stdout
    cells = [[_cell(v) for v in row] for row in rows]
    if not cells:
        return
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    if out.isatty():
        _fit(widths, shutil.get_terminal_size((120, 24)).columns, wrap)
    out.write(_line(headers, widths) + "\n")
    for row in cells:
        if wrap is None or len(row[wrap]) <= widths[wrap]:
            out.write(_line(row, widths) + "\n")
            continue
        for k, piece in enumerate(textwrap.wrap(row[wrap], widths[wrap]) or [""]):
            shown = [piece if i == wrap else (v if k == 0 else "") for i, v in enumerate(row)]
            out.write(_line(shown, widths) + "\n")


def _fit(widths: list[int], total: int, wrap: int | None) -> None:
    """Narrow the widest columns (the wrapped one first) until the line fits ``total``."""
    over = sum(widths) + 2 * (len(widths) - 1) - total
    if wrap is not None and over > 0:
        # the wrapped column keeps a readable measure when the others can give way
        others = sum(max(MIN_COLUMN, min(w, 24)) for i, w in enumerate(widths) if i != wrap)
        give = min(over, widths[wrap] - max(20, total - others - 2 * (len(widths) - 1)))
        if give > 0:
            widths[wrap] -= give
            over -= give
    while over > 0:
        widest = max(range(len(widths)), key=widths.__getitem__)
        cut = min(over, widths[widest] - MIN_COLUMN)
        if cut <= 0:
            break
        widths[widest] -= cut
        over -= cut


def _cell(value: object) -> str:
    if value is None:
        return "-"
    return safe(str(value)).replace("\n", " ").replace("\t", " ")


def _line(values: Sequence[str], widths: list[int]) -> str:
    parts = []
    for v, w in zip(values, widths):
        v = v if len(v) <= w else v[: max(0, w - 1)] + "…"
        parts.append(v.ljust(w))
    return "  ".join(parts).rstrip()


def csv_rows(headers: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO | None = None) -> None:
    """CSV a spreadsheet opens safely: a cell that would start a formula (=, +, -, @, or a tab
    or return first) gets a leading apostrophe, so it is shown as text, never run."""
    out = out or sys.stdout
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])


def _csv_cell(value: object) -> object:
    if not isinstance(value, str):
        return value
    value = safe(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def markdown(headers: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO | None = None) -> None:
    """A Markdown table to paste into a report: pipes escaped, line breaks as <br>."""
    out = out or sys.stdout
    out.write("| " + " | ".join(headers) + " |\n")
    out.write("|" + "|".join("---" for _ in headers) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(v.link if isinstance(v, Link) else _md_cell(v) for v in row) + " |\n")


class Link(str):
    """A cell written as a link (an http(s) autolink, else empty), not as escaped text."""

    @property
    def link(self) -> str:
        return md_link(str(self))


def _md_cell(value: object) -> str:
    """Text as text: Markdown's own characters that could break the table escaped, and HTML's
    (`<`, `>`, `&`) as entities, so nothing in an article becomes markup in the report."""
    text = safe("" if value is None else str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return "<br>".join(line.strip() for line in text.splitlines())


def md_text(value: str) -> str:
    """Text for a Markdown line outside a table: HTML's characters as entities and Markdown's
    own escaped, so an article's words never become markup, links or headings."""
    text = " ".join(safe(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]|~])", r"\\\1", text)  # (inline: what can start emphasis, code, a link)


def md_link(url: str | None) -> str:
    """A link cell: http(s) URLs only (an article may carry `javascript:`); else nothing."""
    if url and url.split(":", 1)[0].lower() in ("http", "https") and not any(c in url for c in ' <>"|'):
        return f"<{url}>"
    return ""
