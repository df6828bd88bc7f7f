"""What the reader keeps for the user: read marks, the last position, the theme chosen in the
app, and bookmarked quotes. SQLite in the user's data folder, keyed by article id (a hash of the
text), so moving or renaming a file keeps all of it.

SQLite commits are atomic: a process killed mid-write leaves the last committed state. A file
that is not a readable database is moved aside (never deleted) and a fresh one started.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import msgspec

from reader import paths

log = logging.getLogger("reader.state")

SCHEMA = """
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS read (article_id TEXT PRIMARY KEY, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS bookmarks (
    article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    quote TEXT NOT NULL, speaker TEXT, title TEXT NOT NULL, file TEXT, url TEXT, at REAL NOT NULL,
    PRIMARY KEY (article_id, start)
);
"""


class Remembered(msgspec.Struct):
    article_id: str | None = None
    quote: int | None = None  # index of the current quote in that article
    scroll: int = 0  # first line shown
    theme: str | None = None


@dataclass(frozen=True)
class Bookmark:
    article_id: str
    start: int
    end: int
    quote: str
    speaker: str | None
    title: str
    file: str | None = None
    url: str | None = None
    at: float = 0.0


class StateFile:
    """The user's reading state (the name stays from when it was a JSON file)."""

    def __init__(self, path: Path):
        self.path = path
        self._db: sqlite3.Connection | None = None

    @classmethod
    def default(cls) -> StateFile:
        return cls(paths.data_dir() / "reader.sqlite3")

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            log.warning("reading state %s unreadable (%s); kept as %s, starting fresh", self.path, exc, aside.name)
            self.path.replace(aside)
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        db.execute("SELECT count(*) FROM kv").fetchone()  # a damaged file fails here, not later
        return db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # --- position and theme ----------------------------------------------------------------------

    def load(self) -> Remembered:
        try:
            row = self.db.execute("SELECT value FROM kv WHERE key = 'remembered'").fetchone()
            return msgspec.json.decode(row[0], type=Remembered) if row else Remembered()
        except (sqlite3.Error, msgspec.DecodeError, msgspec.ValidationError) as exc:
            log.warning("reading state %s: %s; starting fresh", self.path, exc)
            return Remembered()

    def save(self, state: Remembered) -> None:
        self._write("INSERT OR REPLACE INTO kv VALUES ('remembered', ?)", (msgspec.json.encode(state).decode(),))

    # --- read marks ------------------------------------------------------------------------------

    def mark_read(self, article_id: str) -> None:
        self._write("INSERT OR IGNORE INTO read VALUES (?, ?)", (article_id, time.time()))

    def read_ids(self) -> set[str]:
        try:
            return {r[0] for r in self.db.execute("SELECT article_id FROM read")}
        except sqlite3.Error:
            return set()

    # --- bookmarks -------------------------------------------------------------------------------

    def toggle_bookmark(self, b: Bookmark) -> bool:
        """Bookmark the quote, or remove it if it was bookmarked; True if it is now."""
        db = self.db
        with db:
            db.execute("BEGIN IMMEDIATE")
            gone = db.execute("DELETE FROM bookmarks WHERE article_id = ? AND start = ?", (b.article_id, b.start)).rowcount
            if not gone:
                db.execute(
                    "INSERT INTO bookmarks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (b.article_id, b.start, b.end, b.quote, b.speaker, b.title, b.file, b.url, b.at or time.time()),
                )
        return not gone

    def bookmarks(self) -> list[Bookmark]:
        try:
            rows = self.db.execute('SELECT article_id, start, "end", quote, speaker, title, file, url, at FROM bookmarks ORDER BY at')
            return [Bookmark(*row) for row in rows]
        except sqlite3.Error:
            return []

    def _write(self, sql: str, args: tuple) -> None:
        try:
            self.db.execute(sql, args)
        except sqlite3.Error as exc:  # a full or read-only disk costs the state, not the session
            log.warning("could not save reading state to %s (%s)", self.path, exc)
