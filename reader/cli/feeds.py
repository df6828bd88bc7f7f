"""`reader feeds`: the subscriptions, kept in the config folder's feeds.toml."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reader import feeds, opml
from reader.limits import Limits
from reader.text import safe


def cmd_feeds(args: argparse.Namespace) -> int:
    subs = feeds.Subscriptions.load()
    for problem in subs.problems:
        print(f"reader: {problem}", file=sys.stderr)
    action = args.action or "list"
    if action == "list":
        return _list(subs)
    if action == "export":
        sys.stdout.write(opml.write_opml(subs.feeds))
        return 0
    if action == "refresh":
        return refresh_now(subs, args.config.library, args.config.limits, args.timeout)
    if action == "add":
        added = subs.add(args.url.strip(), args.title)
        _save(subs)
        print(
            f"reader: {'subscribed to' if added else 'already subscribed to'} {safe(args.url)}; `reader feeds refresh` fetches it",
            file=sys.stderr,
        )
        return 0
    if action == "remove":
        removed = subs.remove(args.url.strip())
        _save(subs)
        print(f"reader: {'unsubscribed from' if removed else 'not subscribed to'} {safe(args.url)}", file=sys.stderr)
        return 0 if removed else 1
    return _import(subs, args.file)


def _import(subs: feeds.Subscriptions, path: Path) -> int:
    try:
        found = opml.read_opml(path.read_bytes())
    except OSError as exc:
        print(f"reader: cannot read {safe(str(path))} ({exc.strerror or exc})", file=sys.stderr)
        return 2
    except opml.OpmlError as exc:
        print(f"reader: {safe(str(path))}: {exc}", file=sys.stderr)
        return 2
    added = sum(subs.add(f.url, f.title) for f in found)
    _save(subs)
    print(f"reader: {added} feeds added, {len(found) - added} already there, from {safe(str(path))}", file=sys.stderr)
    return 0


def _list(subs: feeds.Subscriptions) -> int:
    if not subs.feeds:
        print("No feeds yet: `reader feeds add URL` or `reader feeds import FILE.opml`.", file=sys.stderr)
        return 0
    status = feeds.load_status()
    for feed in subs.feeds:
        st = status.get(feed.url)
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(st.at)) if st and st.at else "never refreshed"
        state = f"failed: {st.error}" if st and st.error else (f"{st.new} new" if st else "")
        pages = f", {st.pages_failed} pages failed" if st and st.pages_failed else ""
        name = f"{safe(feed.title)}  " if feed.title else ""
        print(f"{name}{safe(feed.url)}\n    {when}{' · ' + state if state else ''}{pages}")
    return 0


def refresh_now(subs: feeds.Subscriptions, library: list[Path], limits: Limits, timeout: float = 20.0) -> int:
    from reader.cli.progress import Bar

    if not subs.feeds:
        print("reader: no feeds to refresh: `reader feeds add URL` first", file=sys.stderr)
        return 1
    into = feeds.library_folder(library)
    bar = Bar("refreshing")
    try:
        done = feeds.refresh(subs.feeds, into, limits=limits, timeout=timeout, progress=lambda n, total, _: bar(n, total))
    except OSError as exc:
        bar.close()
        print(f"reader: cannot write into {safe(str(into))} ({exc.strerror or exc})", file=sys.stderr)
        return 2
    bar.close()
    for line in done.notes + done.failed:
        print(f"reader: {line}", file=sys.stderr)
    files = len(done.saved)
    print(
        f"{files} new or changed file{'s' * (files != 1)} from {len(subs.feeds) - len(done.failed)} of {len(subs.feeds)} feeds, "
        f"into {safe(str(into))}",
        file=sys.stderr,
    )
    return 1 if done.failed else 0


def _save(subs: feeds.Subscriptions) -> None:
    try:
        subs.save()
    except OSError as exc:
        print(f"reader: cannot write {safe(str(subs.path))} ({exc.strerror or exc})", file=sys.stderr)
        raise SystemExit(2) from None
