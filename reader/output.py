"""Printing rows as aligned tables or JSON Lines; nothing printed can drive the terminal."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterable, Sequence

import msgspec

from reader.textclean import safe

_json = msgspec.json.Encoder()


def jsonl(rows: Iterable[dict], out=None) -> None:
    """One JSON object a line. msgspec escapes C0 controls; DEL and C1 are escaped here too."""
    out = out or sys.stdout
    for row in rows:
        line = _json.encode(row).decode("utf-8")
        out.write(_escape_c1(line) + "\n")


_C1 = re.compile("[\x7f-\x9f]")


def _escape_c1(line: str) -> str:
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], out=None) -> None:
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
