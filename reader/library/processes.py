"""Annotating many articles: in this process, or in a pool of worker processes that write the
cache.

`reader annotate` runs this as a process of its own; the app starts that process and watches
its progress (one JSON line per finished article), so the app itself is never forked and its
event loop never waits on spaCy. The workers (the standard ``ProcessPoolExecutor``) are forked
from the annotate process after the model is loaded, so they share its memory; each task is a
few articles of like length, written straight to the cache.

A worker that dies (killed, out of memory) breaks the pool: Python says so at once
(``BrokenProcessPool``). The articles of the tasks it took with it go again in a new pool,
one article at a time, so that one that kills a worker again is known; it is then reported
(and cached as failed), and the rest goes on.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from reader.library.cache import Cache
from reader.library.core import annotations_for, describe
from reader.nlp import pipeline
from reader.nlp.annotate import BATCH_SIZE, annotate
from reader.nlp.records import Annotation
from reader.sources.article import Article

log = logging.getLogger("reader.annotate")
# Articles a task: small enough that progress moves and an article asked for is reached soon
# (a worker finishes its task before it takes the next: about a second at 8), big enough for
# spaCy's batches (bench/annotate_sweep.py).
TASK_ARTICLES = 8
DIED = "the annotating process died (killed, or out of memory) twice on this article"


def default_processes() -> int:
    """Two processes measured 1.7x one on this 2-core machine (bench/scale.py); use the cores."""
    return max(1, min(4, os.cpu_count() or 1))


@dataclass
class _Task:
    articles: list[Article]
    careful: bool = False  # a retry after a worker died: alone in the pool


class Queue:
    """What is still to annotate, in order; ``first(article_id)`` moves an article (and its
    task) to the front, for the one the reader has just opened."""

    def __init__(self, tasks: list[_Task]) -> None:
        self._tasks = deque(tasks)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._tasks)

    def pop(self) -> _Task:
        with self._lock:
            return self._tasks.popleft()

    def push_front(self, task: _Task) -> None:
        with self._lock:
            self._tasks.appendleft(task)

    def first(self, article_id: str) -> bool:
        with self._lock:
            for task in self._tasks:
                for article in task.articles:
                    if article.id == article_id:
                        task.articles.remove(article)
                        if not task.articles:
                            self._tasks.remove(task)
                        self._tasks.appendleft(_Task([article], task.careful))
                        return True
        return False


_NLP = None  # the loaded model, set before the workers are forked


def _work(articles: list[Article], cache: Cache, batch_size: int) -> tuple[list[tuple[str, str | None]], str | None]:
    """Annotate into the cache: what was done, and why the cache could not take it if so."""
    cache.quiet = True  # the parent says it, once
    names = [describe(a) for a in articles]
    done = []
    assert _NLP is not None  # (loaded before the workers were forked)
    for article, ann in zip(articles, annotate(_NLP, (a.body for a in articles), batch_size, names)):
        cache.put(article.id, ann)
        done.append((article.id, ann.error))
    return done, cache.problem


def annotate_to_cache(
    articles: list[Article],
    cache: Cache,
    model: str | None = None,
    processes: int = 1,
    batch_size: int = BATCH_SIZE,
    on_done: Callable[[str, str | None], None] | None = None,
    on_queue: Callable[[Queue], None] | None = None,
) -> int:
    """Annotate ``articles`` into ``cache``; ``on_done(article_id, error)`` as each one is
    written (``error`` says why an article failed, else None). ``on_queue`` receives the queue
    of what is left (to reorder it while the work runs)."""
    global _NLP
    cache.sweep()
    if not articles:
        return 0
    if processes <= 1 or len(articles) == 1:
        done = 0
        for article, ann in annotations_for(articles, cache, model, batch_size):
            done += 1
            if on_done:
                on_done(article.id, ann.error)
        return done
    order = sorted(articles, key=lambda a: len(a.body))  # like lengths batch well
    queue = Queue([_Task(order[i : i + TASK_ARTICLES]) for i in range(0, len(order), TASK_ARTICLES)])
    if on_queue:
        on_queue(queue)
    _NLP = pipeline.load(pipeline.model_info(model).name)
    by_id = {a.id: a for a in articles}
    finished: set[str] = set()

    def report(results: list[tuple[str, str | None]]) -> None:
        for article_id, error in results:
            if article_id not in finished:
                finished.add(article_id)
                if on_done:
                    on_done(article_id, error)

    ctx = mp.get_context("fork")  # the annotate process, never the app: share the loaded model
    while len(queue):
        pool = ProcessPoolExecutor(max_workers=processes, mp_context=ctx)
        running: dict[Future[tuple[list[tuple[str, str | None]], str | None]], _Task] = {}
        try:
            while len(queue) or running:
                # one task a worker and none waiting in the pool: an article the reader asks for
                # (Queue.first) is the very next task taken; a careful retry runs alone
                while len(queue) and len(running) < processes:
                    task = queue.pop()
                    if task.careful and running:
                        queue.push_front(task)
                        break
                    running[pool.submit(_work, task.articles, cache, batch_size)] = task
                    if task.careful:
                        break
                for future in wait(running, return_when=FIRST_COMPLETED).done:
                    task = running.pop(future)
                    results, problem = future.result()  # BrokenProcessPool if a worker died
                    if problem and cache.problem is None:
                        cache.problem = problem
                        log.warning("%s", problem)
                    report(results)
        except BrokenProcessPool:
            lost = [t for t in running.values()] + [task]
            for t in lost:
                if t.careful:  # it killed a worker twice
                    for a in t.articles:
                        if a.id not in finished:
                            cache.put(a.id, Annotation([], [], [], error=DIED))
                            report([(a.id, DIED)])
                else:
                    for a in reversed(t.articles):
                        if a.id not in finished and cache.get(a.id) is None:
                            queue.push_front(_Task([a], careful=True))
                        elif a.id not in finished:  # written before the worker died
                            written = cache.get(a.id)
                            report([(a.id, written.error if written else None)])
        except BaseException:  # Ctrl+C, SIGTERM as an exception, a bug: no worker outlives us
            _stop(pool)
            raise
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
    return len(finished & by_id.keys())


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers now (shutdown() lets them finish their tasks first)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()
