"""Where the reader keeps things: user folders (platformdirs) and the files it ships."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

# Not "reader": another program on PyPI has that name and may own those folders.
APP = "quotereader"
_HERE = Path(__file__).resolve().parent


_configured_cache: Path | None = None


def set_cache_dir(path: Path | None) -> None:
    """config.toml's cache folder: used unless READER_CACHE_DIR says otherwise."""
    global _configured_cache
    _configured_cache = path


def cache_dir() -> Path:
    override = os.environ.get("READER_CACHE_DIR")
    if override:
        return Path(override)
    return _configured_cache or Path(platformdirs.user_cache_dir(APP, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def state_dir() -> Path:
    """Logs (platformdirs' state folder: ~/.local/state/quotereader on Linux)."""
    return Path(platformdirs.user_state_dir(APP, appauthor=False))


def shipped(name: str) -> Path:
    """A folder shipped with the reader (seeds, themes): inside the wheel, or in the checkout."""
    inside = _HERE / "_data" / name
    return inside if inside.is_dir() else _HERE.parent / name


def seeds_dir() -> Path:
    return shipped("seeds")


def atomic_write(path: Path, data: bytes) -> None:
    """Write all of ``data`` or nothing: a temp file beside it, fsync, then rename over."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
