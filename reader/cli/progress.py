"""A one-line progress bar on stderr, shown only to a person at a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

MIN_ITEMS = 4  # a bar for two articles is noise


class Bar:
    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.started = time.monotonic()
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < MIN_ITEMS:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        filled = int(width * done / total)
        rate = done / max(now - self.started, 1e-6)
        eta = (total - done) / rate if rate else 0
        line = f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}  {eta:4.0f}s left"
        self.stream.write(line)
        self._shown = True
        if done >= total:
            self.close()
        self.stream.flush()

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False
