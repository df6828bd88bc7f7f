"""TOML read the same way everywhere (front matter, config.toml, theme files): tomli's errors
become one line with the line and column, and a file nested too deeply to parse (tomli recurses
once per level; 450 levels of `[` overflow Python's stack) is an error like any other."""

from __future__ import annotations

from typing import Any

import tomli


class BadToml(ValueError):
    def __init__(self, where: str, why: str) -> None:
        super().__init__(f"{where}: {why}")
        self.where = where  # "line 3, column 7", or "" when tomli cannot say
        self.why = why
        self.line: int | None = None


def loads(text: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        bad = BadToml(f"line {line}, column {col}" if line else "", getattr(exc, "msg", str(exc)))
        bad.line = line
        raise bad from None
    except RecursionError:
        raise BadToml("", "nested too deeply to read") from None
