"""The annotation cache on disk: one msgpack file per article, keyed by content and pipeline.

The folder name carries the annotator version and the spaCy and model versions, so a new
pipeline never reads old records; the file name is the article id (a hash of its body).
Writes are atomic (temp file, fsync, rename): a killed process leaves whole entries or none.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import msgspec

from reader import paths
from reader.nlp.records import Annotation

log = logging.getLogger("reader.library.cache")
_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(Annotation)


def encode(annotation: Annotation) -> bytes:
    """An entry's bytes (made where the annotating runs, written by ``put_encoded``)."""
    return _encoder.encode(annotation)


def cache_root() -> Path:
    return paths.cache_dir()


class Cache:
    def __init__(self, pipeline_key: str, root: Path | None = None):
        self.root = root or cache_root()
        self.dir = self.root / pipeline_key
        # Why the cache cannot be used (read-only, full, a file where its folder should be):
        # said once a run, and the work goes on without it. ``quiet``: a worker process leaves
        # the saying to its parent.
        self.problem: str | None = None
        self.quiet = False

    def _failed(self, exc: OSError) -> None:
        if self.problem is None:
            reason = exc.strerror or str(exc)
            if isinstance(exc, (FileExistsError, NotADirectoryError)):
                reason = "a file stands where a folder should be"
            self.problem = f"cannot use the annotation cache {self.dir} ({reason}); annotations are kept in memory for this run"
            if not self.quiet:
                log.warning("%s", self.problem)

    def writable(self) -> bool:
        """Can entries be written? (Tried with a small file; says why not, once.)"""
        try:
            paths.atomic_write(self.dir / ".writable", b"ok")
            return True
        except OSError as exc:
            self._failed(exc)
            return False

    def _file(self, article_id: str) -> Path:
        return self.dir / article_id[:2] / f"{article_id}.msgpack"

    def get(self, article_id: str) -> Annotation | None:
        path = self._file(article_id)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:  # a folder that is a file, no permission: once, not per article
            self._failed(exc)
            return None
        try:
            return _decoder.decode(data)
        except (msgspec.DecodeError, msgspec.ValidationError):
            log.warning("cache entry %s was corrupt; annotating again", path)
            path.unlink(missing_ok=True)
            return None

    def drop(self, article_id: str) -> None:
        try:
            self._file(article_id).unlink(missing_ok=True)
        except OSError:
            pass

    def put(self, article_id: str, annotation: Annotation) -> None:
        self.put_encoded(article_id, encode(annotation))

    def put_encoded(self, article_id: str, data: bytes) -> None:
        try:
            paths.atomic_write(self._file(article_id), data)
        except OSError as exc:  # a full or read-only disk costs speed, not correctness
            self._failed(exc)

    def sweep(self, older_than: float = 600) -> int:
        """Remove temp files left by writers that were killed mid-write (never read, only
        clutter); recent ones may belong to a writer still running."""
        import time

        removed = 0
        if self.dir.is_dir():
            cutoff = time.time() - older_than
            for tmp in self.dir.glob("*/.*.tmp"):
                try:
                    if tmp.stat().st_mtime < cutoff:
                        tmp.unlink()
                        removed += 1
                except OSError:
                    pass
        return removed

    def clear(self) -> None:
        """Remove every entry of every pipeline version."""
        if self.root.exists():
            shutil.rmtree(self.root)
