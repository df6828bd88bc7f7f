"""Printing rows as aligned tables or JSON Lines; nothing printed can drive the terminal."""

from __future__ import annotations

import csv
import re
import shutil
import sys
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


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO | None = None) -> None:
    """Columns sized to their contents; the widest column is cut to fit the terminal."""
    out = out or sys.stdout
    cells = [[_cell(v) for v in row] for row in rows]
    if not cells:
        return
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    total = shutil.get_terminal_size((120, 24)).columns if out.isatty() else 10_000
    over = sum(widths) + 2 * (len(widths) - 1) - total
    if over > 0:
        widest = max(range(len(widths)), key=widths.__getitem__)
        widths[widest] = max(10, widths[widest] - over)
    out.write(_line(headers, widths) + "\n")
    for row in cells:
        out.write(_line(row, widths) + "\n")


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


def md_link(url: str | None) -> str:
    """A link cell: http(s) URLs only (an article may carry `javascript:`); else nothing."""
    if url and url.split(":", 1)[0].lower() in ("http", "https") and not any(c in url for c in ' <>"|'):
        return f"<{url}>"
    return ""
