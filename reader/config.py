"""config.toml: the user's settings, strictly checked, and how each setting is decided.

Precedence, for every setting: command-line flag, then environment variable, then what the app
remembered (state file), then config.toml, then the default. A wrong value is reported with
the file, the key and what was expected, and its default is used; nothing else is lost.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths, tomltext
from reader.limits import DEFAULT, Limits
from reader.nlp.labels import KINDS
from reader.text import safe

KEYS = {
    "theme": "a theme name (string)",
    "model": "an installed spaCy model's name (string)",
    "library": "a list of paths opened by a bare `reader`",
    "highlight": f"a list of entity kinds to colour, from: {', '.join(KINDS)}",
    "cache_dir": "a folder for the annotation cache (string)",
    "keymap": 'a table of binding id = "keys"',
    "refresh_minutes": "a whole number of minutes: feeds refresh on start when the last refresh is older (default 60; 0: never on start)",
    "browser": 'a command that opens a link, %u standing for the URL (like "w3m %u" or "firefox %u")',
    "max_file_mb": f"a whole number of megabytes: larger files are skipped (default {DEFAULT.file_mb})",
    "max_annotate_chars": f"a whole number of characters: longer articles are shown but not annotated (default {DEFAULT.annotate_chars})",
    "max_feed_pages": f"a whole number: pages fetched for one feed's entries at most (default {DEFAULT.feed_pages})",
}


@dataclass
class Config:
    path: Path
    exists: bool = False
    theme: str | None = None
    model: str | None = None
    library: list[Path] = field(default_factory=list)
    highlight: list[str] = field(default_factory=lambda: list(KINDS))
    cache_dir: Path | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    refresh_minutes: int = 60
    browser: str | None = None  # a command for links, %u for the URL ("w3m %u"); else the system's
    given: set[str] = field(default_factory=set)  # the keys config.toml set (and set well)
    max_file_mb: int = DEFAULT.file_mb
    max_annotate_chars: int = DEFAULT.annotate_chars
    max_feed_pages: int = DEFAULT.feed_pages
    problems: list[str] = field(default_factory=list)

    @property
    def limits(self) -> Limits:
        return Limits(self.max_file_mb, self.max_annotate_chars, self.max_feed_pages)


def config_path() -> Path:
    override = os.environ.get("READER_CONFIG")
    return Path(override).expanduser() if override else paths.config_dir() / "config.toml"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    config = Config(path)
    shown = safe(str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError) as exc:
        config.problems.append(f"{shown}: cannot read ({exc}); using the defaults")
        return config
    config.exists = True
    try:
        data = tomltext.loads(text)
    except tomltext.BadToml as exc:
        where = f"{exc.where}: " if exc.where else " "
        config.problems.append(f"{shown}:{where}not valid TOML ({exc.why}); using the defaults")
        return config

    def bad(key: str, why: str) -> None:
        config.problems.append(f"{shown}: `{key}` {why}; expected {KEYS.get(key.split('.')[0], 'something else')}")

    for key, value in data.items():
        before = len(config.problems)
        _apply(config, key, value, shown, bad)
        if key in KEYS and len(config.problems) == before:
            config.given.add(key)
    return config


def _apply(config: Config, key: str, value: object, shown: str, bad: Callable[[str, str], None]) -> None:
    if key not in KEYS:
        config.problems.append(f"{shown}: unknown key `{key}` (known: {', '.join(KEYS)})")
    elif key in ("theme", "model", "browser"):
        setattr(config, key, value) if isinstance(value, str) and value.strip() else bad(key, "must be a non-empty string")
    elif key == "cache_dir":
        if isinstance(value, str) and value.strip():
            config.cache_dir = Path(value).expanduser()
        else:
            bad(key, "must be a non-empty string")
    elif key == "library":
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            config.library = [Path(v).expanduser() for v in value]
        else:
            bad(key, "must be a list of strings")
    elif key == "highlight":
        if isinstance(value, list) and all(v in KINDS for v in value):
            config.highlight = list(value)
        else:
            bad(key, f"has {value!r}")
    elif key in ("max_file_mb", "max_annotate_chars", "max_feed_pages"):
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            setattr(config, key, value)
        else:
            bad(key, "must be a positive whole number")
    elif key == "refresh_minutes":
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            config.refresh_minutes = value
        else:
            bad(key, "must be a whole number of minutes, 0 or more")
    elif key == "keymap":
        if not isinstance(value, dict):
            bad(key, "must be a table ([keymap])")
            return
        for binding, keys in value.items():
            if isinstance(keys, str) and keys.strip():
                config.keymap[binding] = keys
            else:
                config.problems.append(f'{shown}: `keymap.{binding}` must be a string of keys like "ctrl+n" or "n,j"')


def decide_from(
    flag: str | None = None,
    env: str | None = None,
    state: str | None = None,
    config: str | None = None,
    default: str | None = None,
) -> tuple[str | None, str]:
    """``decide``'s answer and where it came from: "flag", "$NAME", "remembered",
    "config.toml" or "default"."""
    env_value = os.environ.get(env) if env else None
    for value, source in ((flag, "flag"), (env_value or None, f"${env}"), (state, "remembered"), (config, "config.toml")):
        if value is not None:
            return value, source
    return default, "default"


def decide(
    flag: str | None = None,
    env: str | None = None,
    state: str | None = None,
    config: str | None = None,
    default: str | None = None,
) -> str | None:
    """The first of flag, environment variable (by name), remembered state, config, default
    that is set."""
    return decide_from(flag, env, state, config, default)[0]
