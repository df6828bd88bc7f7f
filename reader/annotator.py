"""Annotating many articles: in this process, or in worker processes that each write the cache.

`reader annotate` runs this as a process of its own; the app starts that process and watches
its progress (one JSON line per finished article), so the app itself is never forked and its
event loop never waits on spaCy. Workers are forked from the annotate process after the model is
loaded, so they share its memory; each takes every Nth article of the length-sorted list (like
lengths batch well, and the shards stay balanced) and writes its results straight to the cache.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable

from reader.articles import Article
from reader.cache import Cache
from reader.library import annotations_for, describe
from reader.nlp import pipeline
from reader.nlp.annotate import BATCH_SIZE, annotate


def default_processes() -> int:
    """Two processes measured 1.7x one on this 2-core machine (bench/scale.py); use the cores."""
    return max(1, min(4, os.cpu_count() or 1))


def annotate_to_cache(
    articles: list[Article],
    cache: Cache,
    model: str | None = None,
    processes: int = 1,
    batch_size: int = BATCH_SIZE,
    on_done: Callable[[str, str | None], None] | None = None,
) -> int:
    """Annotate ``articles`` into ``cache``; ``on_done(article_id, error)`` as each one is
    written (``error`` says why an article failed, else None)."""
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
    order = sorted(articles, key=lambda a: len(a.body))
    nlp = pipeline.load(pipeline.model_info(model).name)
    processes = min(processes, len(order))
    ctx = mp.get_context("fork")  # the annotate process, never the app: share the loaded model
    queue = ctx.Queue()
    shards = [order[i::processes] for i in range(processes)]
    workers = [ctx.Process(target=_work, args=(nlp, shard, cache, batch_size, queue), daemon=True) for shard in shards]
    for w in workers:
        w.start()
    done = finished = 0
    while finished < len(workers):
        item = queue.get()
        if item is None:
            finished += 1
            continue
        done += 1
        if on_done:
            on_done(*item)
    for w in workers:
        w.join()
    return done


def _work(nlp, articles: list[Article], cache: Cache, batch_size: int, queue) -> None:
    try:
        names = [describe(a) for a in articles]
        for article, ann in zip(articles, annotate(nlp, (a.body for a in articles), batch_size, names)):
            cache.put(article.id, ann)
            queue.put((article.id, ann.error))
    finally:
        queue.put(None)
