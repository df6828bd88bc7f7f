"""Annotating on a Dask cluster (`reader annotate --scheduler ADDRESS|local`).

Dask's ``distributed`` does the work a home-made pool would: it places tasks on workers,
reruns the tasks of a worker that is lost (up to its ``allowed-failures``, then the task fails
with ``KilledWorker``), and cancels cleanly. Each task is a dozen or two articles of like length
(they batch well in spaCy's ``nlp.pipe``); a worker loads the model once (``pipeline.load`` is
cached in its process) and sends back each record encoded as the cache stores it. This process
(the client) writes them: the workers need no shared disk, and the cache comes out byte for
byte what a local run writes (a test checks it).

Like the local pool, a task that kills its worker again and again is split into its articles,
each run alone, so the one that does it is found, reported and cached as failed; the rest goes
on. Only a few tasks a worker are in flight at a time, so a Ctrl+C cancels little and memory
on the scheduler stays bounded however big the archive.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from reader import faults
from reader.library.cache import Cache, encode
from reader.library.core import describe, pipeline_key
from reader.nlp import pipeline
from reader.nlp.annotate import BATCH_SIZE, annotate
from reader.nlp.records import Annotation
from reader.sources.article import Article

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger("reader.annotate")

# Articles a task: a batch or two of nlp.pipe's (the scheduler's own cost, a few milliseconds a
# task, is lost in the parsing; 16 and 32 measured alike) and few enough to spread over many
# workers.
CLUSTER_TASK_ARTICLES = 16
IN_FLIGHT_PER_THREAD = 2  # tasks queued a worker thread: it never waits, the scheduler holds little
DIED = "the worker annotating it was lost again and again (killed, or out of memory)"
INSTALL = "annotating on a cluster needs Dask's distributed: pip install 'quotereader[cluster]'"


class ClusterError(RuntimeError):
    """The cluster cannot do the work (not installed, unreachable, another model): one line."""


_Item = tuple[str, str, str]  # (article id, body, name for fault reports)
_Result = tuple[str, str | None, bytes]  # (article id, error or None, the cache's bytes)


def annotate_batch(items: list[_Item], model: str, key: str, batch_size: int) -> list[_Result]:
    """Run on a worker: annotate ``items`` with ``model``, checking first that the worker's
    pipeline (annotator, spaCy and model versions) is the client's ``key``, since the records
    are filed under it."""
    theirs = pipeline_key(model)
    if theirs != key:
        raise ClusterError(f"a worker has pipeline {theirs}, this machine {key}: install the same versions on every worker")
    nlp = pipeline.load(model)
    results = annotate(nlp, (body for _, body, _ in items), batch_size, [name for _, _, name in items])
    return [(article_id, ann.error, encode(ann)) for (article_id, _, _), ann in zip(items, results)]


def dask_setup(worker: object) -> None:
    """Run by each worker process of a local cluster as it starts (Dask's ``preload``). The
    terminal sends Ctrl+C to the whole process group; the client alone answers it (it cancels
    the work and closes the cluster), where a worker ending by itself would print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def connect(scheduler: str, workers: int) -> Iterator[Client]:
    """A client of the cluster at ``scheduler`` ("local": a LocalCluster of ``workers``
    processes on 127.0.0.1, ended with the run)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(INSTALL) from None
    # Dask reports a lost worker or a slow start as warnings, and a task given up as an error
    # from the (local) scheduler; the run says what matters, per article, itself.
    for name in ("distributed", "distributed.nanny", "distributed.worker"):
        logging.getLogger(name).setLevel(logging.ERROR)
    logging.getLogger("distributed.scheduler").setLevel(logging.CRITICAL)
    if scheduler == "local":
        import dask

        # Dask's nanny sets MALLOC_TRIM_THRESHOLD_ in its workers to return memory sooner; any
        # explicit threshold turns off glibc's adaptive mmap threshold, and spaCy's many
        # large short-lived arrays then cost a system call each (13% slower here:
        # `bench/annotate_cluster.py 300 2 --dask-malloc`). The README says how to do the same
        # on other clusters.
        with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,  # spaCy's parser uses one core; threads would only contend
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
                preload=[__name__],  # (dask_setup above)
            )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    with client:
        yield client


def annotate_on_cluster(
    articles: list[Article],
    cache: Cache,
    client: Client,
    model: str | None = None,
    batch_size: int = BATCH_SIZE,
    on_done: Callable[[str, str | None], None] | None = None,
) -> int:
    """Annotate ``articles`` on ``client``'s cluster into ``cache``; ``on_done(article_id,
    error)`` as each is written. Returns how many were written."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    info = pipeline.model_info(model)  # (raises ModelMissing here, before any work is sent)
    key = pipeline_key(model)
    order = sorted(articles, key=lambda a: len(a.body))  # like lengths batch well
    waiting: list[list[Article]] = [order[i : i + CLUSTER_TASK_ARTICLES] for i in range(0, len(order), CLUSTER_TASK_ARTICLES)][
        ::-1
    ]  # popped from the end: shortest first, as the local pool
    suspects: list[Article] = []  # of a task that Dask gave up on: each is tried alone
    alone: set[Any] = set()  # the futures of suspects, each run alone on the cluster
    cache.sweep()
    written = 0
    running: dict[Any, list[Article]] = {}
    completed = as_completed()

    def submit(batch: list[Article]) -> Any:
        items = [(a.id, a.body, describe(a)) for a in batch]
        future = client.submit(annotate_batch, items, info.name, key, batch_size, pure=False, retries=1)
        running[future] = batch
        completed.add(future)
        return future

    def fill() -> None:
        if suspects:  # alone on the whole cluster: a worker lost now was lost to this article
            if not running:
                alone.add(submit([suspects.pop()]))
            return
        room = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_THREAD
        while waiting and len(running) < room:
            submit(waiting.pop())

    try:
        fill()
        for future in completed:
            batch = running.pop(future)
            if future.status == "error":
                exc = future.exception()
                if isinstance(exc, ClusterError):
                    raise exc
                if isinstance(exc, KilledWorker) and future not in alone:
                    suspects.extend(reversed(batch))  # (a neighbour's task may be blamed too)
                else:  # it kills workers alone, or failed outside the annotator's own isolation
                    if isinstance(exc, KilledWorker):
                        reason = DIED
                    else:
                        faults.report(", ".join(describe(a) for a in batch), "annotation on the cluster", exc)
                        reason = faults.summary(exc)
                    for article in batch:
                        cache.put(article.id, Annotation([], [], [], error=reason))
                        written += 1
                        if on_done:
                            on_done(article.id, reason)
            else:
                for article_id, error, data in future.result():
                    cache.put_encoded(article_id, data)
                    written += 1
                    if on_done:
                        on_done(article_id, error)
            fill()
    except BaseException:  # Ctrl+C, or a worker with another model: nothing left running
        client.cancel(list(running))
        raise
    return written
