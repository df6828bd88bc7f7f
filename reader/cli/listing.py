"""The commands that list what a library holds: articles, entities, quotes, speakers, search."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from reader import paths
from reader.cli import output
from reader.text import safe

if TYPE_CHECKING:
    from reader.library.core import Library, QuoteRow


def open_for(args: argparse.Namespace) -> Library:
    """Load and annotate the library named by the arguments, saying on stderr what was skipped."""
    from reader.cli.progress import Bar
    from reader.library.core import open_library
    from reader.nlp.pipeline import ModelMissing

    targets = args.paths or [paths.seeds_dir()]
    bar = Bar("annotating")
    c = args.config
    try:
        lib = open_library(targets, model=args.model, progress=bar, limits=c.limits)
    except ModelMissing as exc:
        bar.close()
        print(f"reader: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    finally:
        bar.close()
    for problem in lib.problems:
        print(f"reader: {problem}", file=sys.stderr)
    from reader.library import manifest

    manifest.save_rows(targets, manifest.rows_for(lib))  # the app's next start paints at once
    if not lib.articles:
        print("reader: no articles found in " + ", ".join(safe(str(p)) for p in targets), file=sys.stderr)
    return lib


def cmd_articles(args: argparse.Namespace) -> int:
    lib = open_for(args)
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


def cmd_entities(args: argparse.Namespace) -> int:
    from reader.library.entities import entity_rows

    lib = open_for(args)
    rows = [r for r in entity_rows(lib) if not args.kind or r.kind == args.kind]
    titles = {a.id: a.file_name for a in lib.articles}
    if args.format == "jsonl":
        output.jsonl(
            {
                "text": r.text,
                "label": r.label,
                "kind": r.kind,
                "mentions": r.mentions,
                "forms": sorted(r.forms),
                "articles": sorted(titles[i] for i in r.articles),
            }
            for r in rows
        )
    else:
        output.table(
            ("ENTITY", "KIND", "LABEL", "MENTIONS", "ARTICLES"),
            [(r.text, r.kind, r.label, r.mentions, len(r.articles)) for r in rows],
        )
    return 0 if lib.articles else 1  # nothing could be read


def cmd_quotes(args: argparse.Namespace) -> int:
    lib = open_for(args)
    rows = lib.quote_rows()
    if args.speaker:
        wanted = lib.people.find(args.speaker)
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
            [
                (
                    r.speaker.name if r.speaker else "",
                    r.display,
                    r.article.title,
                    r.article.file_name,
                    r.article.url or "",
                    r.article.date or "",
                    r.speaker.id if r.speaker else "",
                    r.quote.start,
                    r.quote.end,
                    r.confidence or "",
                )
                for r in rows
            ],
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
            wrap=1,
        )
    return 0 if lib.articles else 1  # nothing could be read


def quote_json(r: QuoteRow) -> dict[str, Any]:
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


def cmd_speakers(args: argparse.Namespace) -> int:
    from reader.reading.views import by_quotes

    lib = open_for(args)
    speakers = by_quotes(list(lib.people.speakers.values()))
    if args.format == "jsonl":
        output.jsonl(
            {
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "aliases": s.aliases,
                "roles": s.roles,
                "quotes": s.quotes,
                "articles": len(s.articles),
            }
            for s in speakers
        )
    else:
        output.table(
            ("ID", "NAME", "ALIASES", "ROLES", "QUOTES", "ARTICLES"),
            [(s.id, s.name, ", ".join(s.aliases), ", ".join(s.roles), s.quotes, len(s.articles)) for s in speakers],
        )
    return 0 if lib.articles else 1  # nothing could be read


def cmd_search(args: argparse.Namespace) -> int:
    from reader.search.entries import build_index
    from reader.search.targets import ArticleTarget, QuoteTarget, SpeakerTarget, TextTarget, target_of

    lib = open_for(args)
    hits = build_index(lib).search(args.query, limit=max(1, args.limit), kinds=(args.kind,) if args.kind else None)
    rows = []
    for h in hits:
        e = h.entry
        row: dict[str, Any] = {"kind": e.kind, "text": e.title, "score": round(h.score, 1), "tier": h.tier, "detail": e.detail}
        target = target_of(lib, h)
        if isinstance(target, SpeakerTarget):
            row["speaker_id"] = target.speaker_id
        elif isinstance(target, (QuoteTarget, ArticleTarget, TextTarget)):
            article = lib.articles[target.article]
            row["article"] = safe(article.file_name)
            row["article_id"] = article.id
            if isinstance(target, (QuoteTarget, TextTarget)):
                row["start"], row["end"] = target.start, target.end
            if isinstance(target, QuoteTarget):
                row["speaker_id"] = target.speaker_id
        rows.append(row)
    if args.format == "jsonl":
        output.jsonl(rows)
    else:
        output.table(("KIND", "MATCH", "DETAIL"), [(r["kind"], r["text"], r["detail"]) for r in rows])
    if not rows:  # the exit status says so, as grep's does; and so does a line
        print(f"reader: no match for {args.query!r}", file=sys.stderr)
    return 0 if rows else 1
