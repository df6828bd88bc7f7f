"""What the reader remembers between runs (last article and position), written atomically."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import msgspec

from reader import paths
from reader.cache import atomic_write

log = logging.getLogger("reader.state")


class Remembered(msgspec.Struct):
    article_id: str | None = None
    quote: int | None = None  # index of the current quote in that article
    scroll: int = 0  # first line shown
    theme: str | None = None


@dataclass
class StateFile:
    path: Path

    @classmethod
    def default(cls) -> StateFile:
        return cls(paths.data_dir() / "state.json")

    def load(self) -> Remembered:
        try:
            return msgspec.json.decode(self.path.read_bytes(), type=Remembered)
        except FileNotFoundError:
            return Remembered()
        except (OSError, msgspec.DecodeError, msgspec.ValidationError) as exc:
            log.warning("state file %s unreadable (%s); starting fresh", self.path, exc)
            return Remembered()

    def save(self, state: Remembered) -> None:
        try:
            atomic_write(self.path, msgspec.json.encode(state))
        except OSError as exc:
            log.warning("could not save state to %s (%s)", self.path, exc.strerror)
