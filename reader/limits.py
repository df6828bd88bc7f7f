"""How much the reader takes on, in one place: the defaults that config.toml can change."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    file_mb: int = 50  # larger files are skipped, said so (max_file_mb)
    annotate_chars: int = 2_000_000  # longer articles are shown as plain text (max_annotate_chars)
    feed_pages: int = 200  # pages fetched for one feed's entries at most (max_feed_pages)

    @property
    def file_bytes(self) -> int:
        return self.file_mb * 1_000_000


DEFAULT = Limits()
