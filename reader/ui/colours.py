"""Theme colours judged as the app will judge them."""

from __future__ import annotations

import re

from reader.text import safe
from reader.themes import ThemeSpec

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_BASE = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
ANSI_NAMES = {f"ansi_{c}" for c in _BASE} | {f"ansi_bright_{c}" for c in _BASE} | {"ansi_default"}


def is_colour(value: str) -> bool:
    """Would Textual take this colour? Hex colours and the terminal's 16 (``ansi_red``), what
    the shipped themes use, are decided without loading Textual (`reader themes` stays quick);
    the rest (names, rgb(), hsl(), ...) by Textual's parser, which the app uses too."""
    if _HEX.fullmatch(value) or value in ANSI_NAMES:
        return True
    from textual.color import Color, ColorParseError

    try:
        Color.parse(value)
    except ColorParseError:
        return False
    return True


def colour_problem(spec: ThemeSpec) -> str | None:
    """The first value of a theme that is not a colour, said as the user would look for it."""
    for table, values in (("colors", spec.colors), ("reader", spec.reader), ("variables", spec.variables)):
        for key, value in values.items():
            if not is_colour(value):
                return f"{safe(str(spec.path))}: `{table}.{key}` = {value!r} is not a colour Textual understands"
    return None
