"""Theme files (TOML): the shipped ones in themes/, the user's in <config>/themes/.

This module reads them and checks their structure; whether each value is a colour is judged by
reader/ui/colours.py (Textual's own parser) and turning them into Textual themes is
reader/ui/theming.py. A broken file never stops anything:
it is reported with its file, line or key, and what is wrong, and the others load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader import paths, tomltext
from reader.text import safe

COLOR_KEYS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
READER_KEYS = ("person", "organisation", "place", "date-number", "other", "quote", "speaker", "current-quote", "mark")
TOP_KEYS = ("name", "dark", "ansi", "colors", "reader", "variables")
DEFAULT_THEME = "reader-dark"


@dataclass
class ThemeSpec:
    name: str
    dark: bool
    ansi: bool
    colors: dict[str, str]
    reader: dict[str, str]
    variables: dict[str, str]
    path: Path
    origin: str  # "shipped" or "user"


@dataclass
class ThemeSet:
    themes: dict[str, ThemeSpec] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def user_themes_dir() -> Path:
    return paths.config_dir() / "themes"


def load_theme(path: Path, origin: str) -> tuple[ThemeSpec | None, str | None]:
    """One theme file: the spec, or None and a one-line reason naming the file."""
    shown = safe(str(path))
    try:
        data = tomltext.loads(path.read_text(encoding="utf-8"))
    except tomltext.BadToml as exc:
        where = f"{exc.where}: " if exc.where else " "
        return None, f"{shown}:{where}not valid TOML ({exc.why})"
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"{shown}: cannot read ({exc})"
    for key in data:
        if key not in TOP_KEYS:
            return None, f"{shown}: unknown key `{key}` (expected one of: {', '.join(TOP_KEYS)})"
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        return None, f"{shown}: `name` must be a non-empty string"
    for key in ("dark", "ansi"):
        if key in data and not isinstance(data[key], bool):
            return None, f"{shown}: `{key}` must be true or false"
    tables = {}
    for table, allowed in (("colors", COLOR_KEYS), ("reader", READER_KEYS), ("variables", None)):
        value = data.get(table, {})
        if not isinstance(value, dict):
            return None, f"{shown}: `{table}` must be a table ([{table}])"
        for key, colour in value.items():
            if allowed is not None and key not in allowed:
                return None, f"{shown}: unknown key `{table}.{key}` (expected one of: {', '.join(allowed)})"
            if not isinstance(colour, str):
                return None, f'{shown}: `{table}.{key}` must be a colour string like "#1f4e79"'
        tables[table] = dict(value)
    if "primary" not in tables["colors"]:
        return None, f"{shown}: `colors.primary` is required"
    spec = ThemeSpec(
        name.strip(),
        data.get("dark", True),
        data.get("ansi", False),
        tables["colors"],
        tables["reader"],
        tables["variables"],
        path,
        origin,
    )
    return spec, None


def load_themes(user_dir: Path | None = None) -> ThemeSet:
    """Shipped themes, then the user's (one with a shipped theme's name replaces it)."""
    result = ThemeSet()
    folders = [(paths.shipped("themes"), "shipped"), (user_dir or user_themes_dir(), "user")]
    for folder, origin in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            spec, problem = load_theme(path, origin)
            if problem:
                result.problems.append(problem)
            elif spec is not None:
                result.themes[spec.name] = spec
    return result
