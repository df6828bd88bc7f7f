"""`reader annotate --scheduler`: the same cache on a Dask cluster as from the local pool, a lost
worker changes nothing, a failing article is reported, Ctrl+C ends the cluster's work.

The clusters here are LocalClusters of two worker processes on 127.0.0.1."""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, SEEDS, reader
from test_faults import ARTICLES, INJECT

pytestmark = pytest.mark.slow  # (each starts a cluster: seconds)

SENTENCES = [
    "“We will open the new clinic in {n} weeks,” said Dr. Ana Ruiz, who runs the county health board.",
    "The council met on Tuesday to discuss the budget for the coming year and the state of the roads.",
    "“Nobody told us the bridge would close,” said Tom Baker, a baker whose shop is near the river.",
    "Officials said the repairs would cost about {n} million dollars and take most of the summer.",
    "“It is a scandal,” she said. “The families deserve answers.”",
    "Mayor Lena Ortiz told reporters the plan was “a start, not an end.”",
    "‘We are ready,’ the coach said after practice on {n} March.",
    "Residents of Riverside gathered outside City Hall, holding signs that read “Fix it now.”",
]


def _library(folder: Path, n: int, seed: int = 7) -> Path:
    """``n`` articles of varied length from the sentences above, and the samples."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        body = "\n\n".join(
            " ".join(rng.choice(SENTENCES).format(n=rng.randint(2, 90)) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(2, 12))
        )
        (folder / f"story{i:03}.txt").write_text(f"Story {i}\n\n{body}\n")
    for seed_file in SEEDS.iterdir():
        shutil.copy(seed_file, folder / seed_file.name)
    return folder


def _entries(cache: Path) -> dict[str, bytes]:
    """The annotation records (not the list's manifest beside them)."""
    return {p.name: p.read_bytes() for p in cache.glob("a*/*/*.msgpack")}


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    """The library, and the cache the local pool (`--processes 2`) writes for it."""
    tmp = tmp_path_factory.mktemp("cluster")
    lib = _library(tmp / "lib", 60)
    env = {**os.environ, "READER_CACHE_DIR": str(tmp / "local-cache"), "XDG_STATE_HOME": str(tmp / "state")}
    result = reader("annotate", lib, "--processes", "2", env=env)
    assert result.returncode == 0, result.stderr
    entries = _entries(tmp / "local-cache")
    assert len(entries) == len(list(lib.iterdir()))
    return lib, entries


def test_the_cluster_writes_the_cache_the_local_pool_writes(local_run, tmp_path):
    lib, local = local_run
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}
    result = reader("annotate", lib, "--scheduler", "local", "--processes", "2", env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"annotated {len(local)} articles" in result.stderr and "a local Dask cluster (2 worker thread(s))" in result.stderr
    assert _entries(tmp_path / "cache") == local  # record for record, byte for byte
    # what reads the cache reads it unchanged: a warm run annotates nothing
    quotes = reader("quotes", lib, "--format", "jsonl", env=env)
    assert quotes.returncode == 0 and "annotating" not in quotes.stderr
    assert any(json.loads(line)["speaker"] == "Ana Ruiz" for line in quotes.stdout.splitlines())


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_cluster_started_as_the_readme_says(local_run, tmp_path):
    """`dask scheduler` and `dask worker` processes, as on real machines, on 127.0.0.1."""
    lib, local = local_run
    dask = Path(sys.executable).parent / "dask"
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **quiet)
    worker = subprocess.Popen(
        [dask, "worker", address, "--nthreads", "1", "--nworkers", "2", "--host", "127.0.0.1", "--no-dashboard"], **quiet
    )
    try:
        env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}
        result = reader("annotate", lib, "--scheduler", address, env=env)
        assert result.returncode == 0, result.stderr
        assert f"the Dask cluster at {address}" in result.stderr
        assert _entries(tmp_path / "cache") == local
    finally:
        for proc in (worker, scheduler):
            proc.terminate()
            proc.wait(timeout=30)


def test_a_worker_killed_mid_run_changes_nothing(local_run, tmp_path, monkeypatch):
    from reader.library import cluster
    from reader.library.cache import Cache
    from reader.library.core import load_library, pipeline_key

    lib, local = local_run
    monkeypatch.setattr(cluster, "CLUSTER_TASK_ARTICLES", 3)  # many tasks: some are in flight at the kill
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    articles = load_library([lib]).articles
    cache = Cache(pipeline_key())
    done: list[str] = []
    with cluster.connect("local", 2) as client:
        before = client.run(os.getpid)

        def on_done(article_id, error):
            assert error is None
            done.append(article_id)
            if len(done) == 1:  # both workers are busy: kill one of them, with its tasks
                os.kill(next(iter(before.values())), signal.SIGKILL)

        written = cluster.annotate_on_cluster(articles, cache, client, on_done=on_done)
        after = client.run(os.getpid)
    assert set(after.values()) != set(before.values())  # the nanny started a new worker
    assert written == len(articles) and sorted(done) == sorted(a.id for a in articles)  # each once
    assert _entries(tmp_path / "cache") == local


def _run_with_hook(tmp_path: Path, hook_source: str, **env_extra: str) -> tuple[str, list[str]]:
    """`reader annotate --scheduler local` on test_faults' four articles, every process (the
    workers too) starting with ``hook_source`` as its sitecustomize. Returns stderr and its
    failure lines, after checking that the three good articles were cached."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(hook_source)
    lib = tmp_path / "lib"
    lib.mkdir()
    for name, text in ARTICLES.items():
        (lib / name).write_text(text)
    plain = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}
    result = reader(
        "annotate", lib, "--scheduler", "local", "--processes", "2", env={**plain, "PYTHONPATH": str(hook), **env_extra}
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "annotated 4 articles" in result.stderr
    quotes = reader("quotes", lib, "--format", "jsonl", env=plain)  # (no hook: what was cached)
    assert {json.loads(r)["speaker"] for r in quotes.stdout.splitlines()} == {"Ann Lee", "Cy Dunn", "Di Moss"}
    return result.stderr, [line for line in result.stderr.splitlines() if "not annotated" in line]


def test_a_failing_article_is_reported_and_the_rest_goes_on(tmp_path):
    _, failures = _run_with_hook(tmp_path, INJECT)
    assert len(failures) == 1 and "b.txt" in failures[0] and "injected failure" in failures[0]


KILLER = """
import os
from reader.nlp import rules

def die(ctx, quote):
    if "Zanzibar" in ctx.doc.text:
        os._exit(9)  # as the kernel's OOM killer would: no exception, no goodbye
    return None

rules.RULES.insert(0, ("die", die))
"""


def test_an_article_that_kills_its_worker_is_found_and_reported(tmp_path):
    # (Dask's default allowed-failures, 3, only makes this slower)
    stderr, failures = _run_with_hook(tmp_path, KILLER, DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="1")
    assert len(failures) == 1 and "b.txt" in failures[0] and "lost again and again" in failures[0], stderr


def test_ctrl_c_ends_the_cluster_and_keeps_what_was_done(tmp_path):
    lib = _library(tmp_path / "lib", 400, seed=3)
    cache = tmp_path / "cache"
    env = {**os.environ, "READER_CACHE_DIR": str(cache), "XDG_STATE_HOME": str(tmp_path / "state")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "annotate", str(lib), "--scheduler", "local", "--processes", "2"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # as from a terminal: a run started in the background (nohup, some CI runners) inherits
        # SIGINT ignored, and Python then leaves it so
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    start = time.monotonic()
    while not _entries(cache) and time.monotonic() - start < 120:
        time.sleep(0.1)
    assert _entries(cache), "nothing was annotated"
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends the whole group on Ctrl+C
    stderr = proc.communicate(timeout=30)[1]
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr, stderr
    kept = len(_entries(cache))
    assert 0 < kept < 402
    assert "interrupted; closing the cluster" in stderr
    time.sleep(1)
    group = subprocess.run(["ps", "-o", "stat=", "-g", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert [s for s in group if not s.startswith("Z")] == [], "cluster processes outlived the run"


def test_without_dask_it_says_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    from reader.cli.main import main

    assert main(["annotate", str(SEEDS), "--scheduler", "local"]) == 2
    assert "pip install 'quotereader[cluster]'" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache")}
    result = reader("annotate", SEEDS, "--scheduler", "tcp://127.0.0.1", env=env)
    assert result.returncode == 2 and result.stderr.startswith("reader: cannot reach the Dask scheduler"), result.stderr
