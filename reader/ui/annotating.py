"""The app's side of annotation: the `reader annotate` process it starts and watches (a mixin
of ReaderApp)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

from textual import work
from textual.widgets import ProgressBar

from reader.library.cache import Cache
from reader.library.core import pipeline_key
from reader.nlp.records import compact

REFRESH_EVERY = 0.5  # seconds between library-wide recomputations while annotating


class AnnotationMixin:
    @work(thread=True, exclusive=True, group="annotate")
    def _annotate(self, missing) -> None:
        """spaCy runs in a process of its own (`reader annotate`, on every core) that writes the
        cache; this thread watches its progress lines, and each article lights up when done."""
        cache = self.cache or Cache(pipeline_key(self.model))
        if not cache.writable():  # the annotator could not hand us anything: annotate here
            self.call_from_thread(self.notify, cache.problem, title="Cache", severity="warning", timeout=10, markup=False)
            self._annotate_here(missing, cache)
            self.call_from_thread(self._annotation_done)
            return
        cmd = [sys.executable, "-m", "reader", "annotate", "--jsonl", "--app", *map(str, self.paths)]
        if self.model:
            cmd += ["--model", self.model]
        env = {**os.environ, "READER_CACHE_DIR": str(cache.root)}
        try:
            errors = tempfile.TemporaryFile("w+")  # (a pipe nobody reads while it runs could fill up)
            proc = self._annotator = subprocess.Popen(
                cmd, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.PIPE, text=True, env=env,
                # a session of its own: Ctrl+C in the terminal is the app's to handle, and the
                # annotator and its workers end together (its stdin closing ends them too, should
                # the app die without a word)
                start_new_session=True,
            )
            for line in proc.stdout:
                try:
                    article_id = json.loads(line)["id"]
                except (ValueError, KeyError):
                    continue
                ann = cache.get(article_id)
                if ann is not None:
                    ann = compact(ann)
                    self.call_from_thread(self._annotated, article_id, ann)
            proc.wait()
            if proc.returncode not in (0, -signal.SIGTERM):
                errors.seek(0)
                err = errors.read().strip().splitlines()
                self.call_from_thread(self.notify, f"Annotation stopped: {err[-1] if err else proc.returncode}", severity="error", timeout=15)
        except OSError as exc:
            self.call_from_thread(self.notify, f"Annotation could not start: {exc}", severity="error", timeout=15)
        self.call_from_thread(self._annotation_done)

    def _annotate_here(self, missing, cache) -> None:
        """spaCy in this process (slower to start, one core): for when the cache cannot be
        written, so the annotator process could not hand its work over."""
        from reader.library.core import annotations_for

        try:
            for article, ann in annotations_for(missing, cache, self.model):
                self.call_from_thread(self._annotated, article.id, compact(ann))
        except Exception as exc:  # the model missing, say: the articles stay readable
            self.call_from_thread(self.notify, f"Annotation stopped: {exc}", severity="error", timeout=15, markup=False)

    def _stop_annotator(self) -> None:
        """What is finished is in the cache already; the rest is done at the next start. The
        whole process group goes: the annotator and its workers."""
        proc = getattr(self, "_annotator", None)
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except OSError:
                proc.terminate()

    def on_unmount(self) -> None:
        self._stop_annotator()

    def _annotated(self, article_id: str, ann) -> None:
        self.library.add(self.library.article(article_id), ann)
        self._show_problems()
        bar = self.query_one("#progress", ProgressBar)
        bar.advance(1)
        is_open = self.article is not None and self.library.articles[self.article].id == article_id
        if is_open or time.monotonic() - self._last_refresh > REFRESH_EVERY:
            self._last_refresh = time.monotonic()
            self._refresh_async(is_open)

    def _annotation_done(self) -> None:
        self.query_one("#progress").display = False
        self._refresh_async(True)
