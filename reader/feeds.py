"""Subscriptions: the feeds the user follows, in a file of their own in the config folder
(`feeds.toml`; config.toml stays theirs and is never rewritten), their refresh into the library
folder (OPML in and out is reader.opml).

Each feed's last refresh (when, what went wrong, how many new files) is kept beside the reading
state, in `feeds-status.json`. Both files are written atomically."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths, tomltext
from reader.limits import DEFAULT, Limits
from reader.paths import atomic_write
from reader.text import safe

REFRESH_MINUTES = 60  # refresh on start when the last one is older (config.toml: refresh_minutes)
HEADER = "# Your feeds: `reader feeds add URL`, `reader feeds remove URL`; you may edit this file too.\n"


@dataclass
class Feed:
    url: str
    title: str = ""


@dataclass
class Status:
    at: float | None = None  # when it was last refreshed
    error: str | None = None  # what went wrong then, or None
    new: int = 0  # files new or changed then
    pages_failed: int = 0  # pages its entries link to that could not be fetched


def subscriptions_path() -> Path:
    return paths.config_dir() / "feeds.toml"


def library_folder(library: list[Path]) -> Path:
    """Where fetched articles go: config.toml's first library path, else `library` in the
    data folder."""
    return (library[0] if library else paths.data_dir() / "library").expanduser()


@dataclass
class Subscriptions:
    path: Path
    feeds: list[Feed] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | None = None) -> Subscriptions:
        subs = cls(path or subscriptions_path())
        shown = safe(str(subs.path))
        try:
            data = tomltext.loads(subs.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return subs
        except (OSError, UnicodeDecodeError) as exc:
            subs.problems.append(f"{shown}: cannot read ({exc})")
            return subs
        except tomltext.BadToml as exc:
            where = f"{exc.where}: " if exc.where else " "
            subs.problems.append(f"{shown}:{where}not valid TOML ({exc.why}); no feeds read from it")
            return subs
        entries = data.get("feed", [])
        if not isinstance(entries, list):
            subs.problems.append(f"{shown}: `feed` must be a list of [[feed]] tables")
            return subs
        for n, entry in enumerate(entries, 1):
            url = entry.get("url") if isinstance(entry, dict) else None
            if not isinstance(url, str) or not url.strip():
                subs.problems.append(f"{shown}: feed {n} has no `url`; skipped")
                continue
            title = entry.get("title", "")
            subs.feeds.append(Feed(url.strip(), title if isinstance(title, str) else ""))
        return subs

    def save(self) -> None:
        lines = [HEADER]
        for feed in self.feeds:
            lines.append(f"\n[[feed]]\nurl = {_toml_string(feed.url)}\n")
            if feed.title:
                lines.append(f"title = {_toml_string(feed.title)}\n")
        atomic_write(self.path, "".join(lines).encode("utf-8"))

    def add(self, url: str, title: str = "") -> bool:
        """False when it is there already."""
        if any(f.url == url for f in self.feeds):
            return False
        self.feeds.append(Feed(url, title))
        return True

    def remove(self, url: str) -> bool:
        before = len(self.feeds)
        self.feeds = [f for f in self.feeds if f.url != url]
        return len(self.feeds) < before


def _toml_string(text: str) -> str:
    """A TOML basic string (what json.dumps writes is one, once the few escapes TOML lacks are
    spelled its way; other characters stay as they are)."""
    out = json.dumps(text, ensure_ascii=False)
    return "".join(c if ord(c) >= 0x20 and c != "\x7f" else f"\\u{ord(c):04x}" for c in out)


# --- status ------------------------------------------------------------------------------------


def status_path() -> Path:
    return paths.state_dir() / "feeds-status.json"


def load_status(path: Path | None = None) -> dict[str, Status]:
    try:
        raw = json.loads((path or status_path()).read_text(encoding="utf-8"))
        return {url: Status(**fields) for url, fields in raw.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}  # none yet, or unreadable: every feed counts as never refreshed


def save_status(status: dict[str, Status], path: Path | None = None) -> None:
    data = {url: vars(s) for url, s in status.items()}
    try:
        atomic_write(path or status_path(), json.dumps(data, indent=1, sort_keys=True).encode())
    except OSError:
        pass  # only the next start refreshes sooner


def due(feeds: list[Feed], status: dict[str, Status], minutes: int, now: float | None = None) -> bool:
    """Is a refresh on start due: some feed never refreshed, or the last refresh older than
    ``minutes`` (0: never on start)?"""
    if not feeds or minutes <= 0:
        return False
    now = time.time() if now is None else now
    times = [status[f.url].at if f.url in status else None for f in feeds]
    return any(t is None or now - t > minutes * 60 for t in times)


# --- refreshing --------------------------------------------------------------------------------


@dataclass
class Refreshed:
    saved: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line per feed that could not be read
    notes: list[str] = field(default_factory=list)


def refresh(
    feeds: list[Feed],
    into: Path,
    *,
    limits: Limits = DEFAULT,
    timeout: float = 20.0,
    max_bytes: int = 10_000_000,
    progress: Callable[[int, int, str], None] | None = None,
    status: dict[str, Status] | None = None,
) -> Refreshed:
    """Fetch every feed (and the pages its entries link to) into ``into``; one feed's failure
    is its own line and the rest go on. ``status`` is updated and saved as each feed ends."""
    from reader.sources.fetch import Fetcher  # (the network code, only when refreshing)

    status = load_status() if status is None else status
    into.mkdir(parents=True, exist_ok=True)
    fetcher = Fetcher(into, timeout=timeout, max_bytes=max_bytes, max_feed_pages=limits.feed_pages)
    out = Refreshed()
    for n, feed in enumerate(feeds):
        if progress:
            progress(n, len(feeds), feed.title or feed.url)
        result = fetcher.run([feed.url])
        own = [f for f in result.failures if f.startswith(f"{safe(feed.url)}: ")]
        pages = len(result.failures) - len(own)
        out.saved.extend(result.saved)
        out.failed.extend(own)
        out.notes.extend(result.notes)
        error = own[0][len(safe(feed.url)) + 2 :] if own else None
        status[feed.url] = Status(time.time(), error, len(result.saved), pages)
        save_status(status)
    if progress:
        progress(len(feeds), len(feeds), "")
    return out


# --- OPML ----------------------------------------------------------------------------------------
