"""The commands that do work: open the app, annotate into the cache, fetch feeds."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from typing import TYPE_CHECKING

from reader import paths
from reader.text import safe

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.library.cache import Cache
    from reader.library.processes import Queue
    from reader.sources.article import Article


def cmd_open(args: argparse.Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # No terminal to draw on (a pipe, a script): list what would open instead.
        from reader.cli.listing import cmd_articles

        print("reader: not a terminal; listing the articles (the app needs a terminal)", file=sys.stderr)
        return cmd_articles(argparse.Namespace(**{**vars(args), "format": "table"}))
    from reader.nlp.pipeline import ModelMissing, check_installed
    from reader.state import StateFile
    from reader.ui.app import ReaderApp  # the one place the UI is imported

    try:
        check_installed(args.model)
    except ModelMissing as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 2
    app = ReaderApp(
        args.paths or [paths.seeds_dir()],
        model=args.model,
        state_file=StateFile.default(),
        theme=args.theme,
        config=args.config,
        welcome=not args.paths,  # the samples: the user has nothing of their own yet
    )
    app.run()
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    from reader.cli.progress import Bar
    from reader.sources.fetch import Fetcher

    try:
        import feedparser  # noqa: F401
        import trafilatura  # noqa: F401
    except ImportError as exc:
        print(f"reader: fetch needs the web extra: pip install 'quotereader[web]' ({exc})", file=sys.stderr)
        return 2
    from reader.feeds import library_folder

    into = (args.into or library_folder(args.config.library)).expanduser().resolve()
    seeds = paths.seeds_dir().resolve()
    if into == seeds or seeds in into.parents:
        print(f"reader: {safe(str(into))} is the shipped samples folder; fetch into another (--into DIR)", file=sys.stderr)
        return 2
    try:
        into.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"reader: cannot make {safe(str(into))} ({exc.strerror or exc})", file=sys.stderr)
        return 2
    bar = Bar("fetching")
    fetcher = Fetcher(
        into, timeout=args.timeout, max_bytes=int(args.max_mb * 1_000_000), max_feed_pages=args.config.limits.feed_pages
    )
    result = fetcher.run(args.urls, progress=bar)
    bar.close()
    for note in result.notes:
        print(f"reader: fetch {note}", file=sys.stderr)
    for failure in result.failures:
        print(f"reader: fetch {failure}", file=sys.stderr)
    print(
        f"{len(result.saved)} saved, {result.unchanged} unchanged, {len(result.failures)} failed, into {safe(str(into))}",
        file=sys.stderr,
    )
    return 1 if result.failures else 0


def cmd_annotate(args: argparse.Namespace) -> int:
    import time

    from reader.cli.progress import Bar
    from reader.library import manifest
    from reader.library.background import Progress, progress_line
    from reader.library.cache import Cache
    from reader.library.core import failure_message, load_library, pipeline_key, still_to_annotate
    from reader.library.processes import annotate_to_cache, default_processes
    from reader.nlp.annotate import BATCH_SIZE
    from reader.nlp.pipeline import ModelMissing

    limits = args.config.limits
    lib = load_library(args.paths or [paths.seeds_dir()], limits)
    try:
        cache = Cache(pipeline_key(args.model))
    except ModelMissing as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 2
    missing = still_to_annotate(lib, cache, limits)
    if not args.jsonl:  # (the app reads the library itself and shows its own notices)
        for problem in lib.problems:
            print(f"reader: {problem}", file=sys.stderr)
    total, words = len(missing), sum(a.words for a in missing)
    bar = Bar("annotating")
    done = 0
    by_id = {a.id: a for a in missing}

    def on_done(article_id: str, error: str | None) -> None:
        nonlocal done
        done += 1
        if args.jsonl:
            sys.stdout.write(progress_line(Progress(article_id, done, total, error)))
            sys.stdout.flush()
        elif error is not None:
            bar.close()
            print(f"reader: {failure_message(by_id[article_id], error)}", file=sys.stderr)
        bar(done, total)

    start = time.perf_counter()
    processes = args.processes or default_processes()
    batch_size = args.batch_size or BATCH_SIZE
    where: str | None
    if args.scheduler and not missing:
        where = "no cluster (nothing to annotate)"
    elif args.scheduler:
        where = _annotate_on_cluster(args.scheduler, missing, cache, args.model, processes, batch_size, on_done)
        if where is None:
            bar.close()
            return 2
    else:
        if args.app:
            _listen_to_the_app()
        annotate_to_cache(missing, cache, args.model, processes, batch_size, on_done, _queue_made)
        where = f"{processes} process(es)"
    bar.close()
    seconds = time.perf_counter() - start
    if not args.jsonl:  # (the app, which asks for jsonl, writes its own)
        for article in missing:
            ann = cache.get(article.id)
            if ann is not None:
                lib.annotations[article.id] = ann
        manifest.save_rows(args.paths or [paths.seeds_dir()], manifest.rows_for(lib))  # the app's next start paints at once
        rate = words / seconds if seconds > 0 and words else 0
        print(
            f"annotated {total} articles ({words} words) in {seconds:.1f} s with {where}: {rate:.0f} words/s; "
            f"{len(lib.articles) - total} were cached",
            file=sys.stderr,
        )
    return 0


def _annotate_on_cluster(
    scheduler: str,
    missing: list[Article],
    cache: Cache,
    model: str | None,
    workers: int,
    batch_size: int,
    on_done: Callable[[str, str | None], None],
) -> str | None:
    """Run on the Dask cluster; what it ran on, or None (and one line why) if it could not."""
    from reader.library.cluster import ClusterError, annotate_on_cluster, connect

    try:
        with connect(scheduler, workers) as client:
            where = "a local Dask cluster" if scheduler == "local" else f"the Dask cluster at {scheduler}"
            if not client.nthreads():  # a scheduler whose workers have not joined (yet)
                print(f"reader: waiting for workers to join {where} (Ctrl+C to stop)", file=sys.stderr)
                client.wait_for_workers(1)
            try:
                annotate_on_cluster(missing, cache, client, model, batch_size, on_done)
            except KeyboardInterrupt:  # (the cluster's close takes a moment: say what is going on)
                print("\nreader: interrupted; closing the cluster (what was annotated stays in the cache)", file=sys.stderr)
                raise
            return f"{where} ({sum(client.nthreads().values())} worker thread(s))"
    except ClusterError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return None


_QUEUE: list[Queue] = []
_ASKED: list[str] = []  # asked for before the queue existed (the app opened it at once)
_LOCK = threading.Lock()


def _ask_first(article_id: str) -> None:
    with _LOCK:
        if _QUEUE:
            _QUEUE[0].first(article_id)
        else:
            _ASKED.append(article_id)


def _queue_made(queue: Queue) -> None:
    with _LOCK:
        _QUEUE.append(queue)
        for article_id in _ASKED:  # the latest asked ends up first
            queue.first(article_id)  # the annotation queue, once it exists (the app's requests reorder it)


def _listen_to_the_app() -> None:
    """Started by the app (--app), which is at the other end of stdin: `first ID` puts the article it has
    just opened at the front of the queue; end of input means the app is gone, and so must be
    this process and its workers."""
    import signal

    def listen() -> None:
        # os.read on the descriptor, not sys.stdin: a thread blocked inside sys.stdin holds its
        # lock, and a worker forked meanwhile would wait for it for ever (multiprocessing
        # closes sys.stdin in every child)
        pending = b""
        while chunk := os.read(0, 4096):
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                word, _, article_id = line.decode("utf-8", "replace").strip().partition(" ")
                if word == "first":
                    _ask_first(article_id)
        if os.getsid(0) == os.getpid():  # our own session (the app starts us so): workers too
            os.killpg(0, signal.SIGTERM)
        os._exit(0)

    threading.Thread(target=listen, daemon=True, name="app-requests").start()
