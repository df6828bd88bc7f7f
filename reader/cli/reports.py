"""`reader speaker` and `reader stats`: a speaker's dossier and the library at a glance, as
Markdown reports to paste (tables, bars of block characters) or as JSON."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TextIO

from reader.cli import output
from reader.cli.listing import open_for
from reader.reading.charts import Timeline, bar, share, spark

if TYPE_CHECKING:
    from reader.reading.dossier import Dossier
    from reader.reading.overview import Overview

BAR = 30  # cells for the longest bar in a report


def cmd_speaker(args: argparse.Namespace) -> int:
    from reader.reading.dossier import dossier
    from reader.reading.navigation import library_navigator

    lib = open_for(args)
    # the closest matches, the most quoted first ("trump": Donald J. Trump before Eric Trump)
    found = sorted(lib.people.find(args.name), key=lambda s: -s.quotes)
    if not found:
        print(f"reader: no speaker matches {args.name!r}", file=sys.stderr)
        return 1
    if len(found) > 1:
        others = ", ".join(s.name for s in found[1:6])
        print(f"reader: {len(found)} speakers match {args.name!r}; showing {found[0].name} (also: {others})", file=sys.stderr)
    nav = library_navigator(lib)
    record = dossier(lib, nav, found[0].id, beside=20)
    assert record is not None
    if args.format == "jsonl":
        output.jsonl([_dossier_json(record)])
    else:
        write_dossier(record, lib.articles, sys.stdout)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from reader.reading.navigation import library_navigator
    from reader.reading.overview import overview

    lib = open_for(args)
    figures = overview(lib, library_navigator(lib))
    if args.format == "jsonl":
        data = asdict(figures)
        for key in ("articles_over_time", "quotes_over_time"):
            data[key] = _timeline_json(getattr(figures, key))
        data["most_quoted"] = [{"speaker_id": i, "speaker": n, "quotes": q} for i, n, q in figures.most_quoted]
        data["by_source"] = [{"source": s, "articles": a, "quotes": q} for s, a, q in figures.by_source]
        output.jsonl([data])
    else:
        write_overview(figures, sys.stdout)
    return 0 if lib.articles else 1


def _timeline_json(t: Timeline) -> dict[str, Any]:
    return {"unit": t.unit, "periods": t.periods, "counts": t.counts, "undated": t.undated}


def _dossier_json(d: Dossier) -> dict[str, Any]:
    data = asdict(d)
    data["over_time"] = _timeline_json(d.over_time)
    data["beside"] = [{"speaker_id": i, "speaker": n, "articles": k} for i, n, k in d.beside]
    return data


def _bars(rows: list[tuple[str, int]]) -> list[tuple[str, int, str]]:
    top = max((n for _, n in rows), default=0)
    return [(label, n, bar(n, top, BAR)) for label, n in rows]


def _timeline_table(t: Timeline, what: str, out: TextIO) -> None:
    """The whole span as one line of sparks, then a table of the periods that have any."""
    if not t.periods:
        out.write(f"No dated {what}.\n")
    else:
        last = t.label(len(t.periods) - 1)
        out.write(f"`{spark(t.counts)}` {t.label(0)}{' … ' + last if len(t.periods) > 1 else ''}\n\n")
        rows = [(t.label(i), n) for i, n in enumerate(t.counts) if n]
        output.markdown((t.unit.title(), what.title(), ""), _bars(rows), out)
    if t.undated:
        where = "have no date" if what == "articles" else "are in articles without a date"
        out.write(f"\n{t.undated} {what} {where} (not in the chart).\n")


def write_dossier(d: Dossier, articles: list[Any], out: TextIO) -> None:
    out.write(f"# {output.md_text(d.name)}\n\n")
    if d.spellings:
        out.write(f"Also written: {output.md_text(', '.join(d.spellings))}  \n")
    more = f" (and {d.more_roles} more, each given less often)" if d.more_roles else ""
    out.write(f"Roles: {output.md_text('; '.join(d.roles)) + more if d.roles else 'none given in the articles'}  \n")
    out.write(
        f"Organisations: {output.md_text(', '.join(d.organisations)) if d.organisations else 'none named beside their name'}  \n"
    )
    low = f" ({d.low_confidence} with the speaker guessed, marked (?))" if d.low_confidence else ""
    out.write(f"{d.quotes} quote{'s' * (d.quotes != 1)} in {len(d.articles)} article{'s' * (len(d.articles) != 1)}{low}\n\n")
    out.write(f"## Quotes over time (by {d.over_time.unit})\n\n")
    _timeline_table(d.over_time, "quotes", out)
    out.write("\n## Quotes by article\n")
    for entry in d.articles:
        article = articles[entry.article]
        head = " · ".join(x for x in (entry.date or "undated", entry.source, entry.title) if x)
        link = output.md_link(article.url)
        out.write(f"\n### {output.md_text(head)}\n\n" + (f"{link}\n\n" if link else ""))
        for q in entry.quotes:
            out.write(f"- “{output.md_text(q.text)}”{' (?)' if q.low_confidence else ''}\n")
    if d.beside:
        out.write("\n## Quoted in the same articles\n\n")
        output.markdown(("Person", "Articles shared"), [(name, n) for _, name, n in d.beside], out)


def write_overview(o: Overview, out: TextIO) -> None:
    out.write("# The library at a glance\n\n")
    out.write(f"{o.articles} articles, {o.quotes} quotes, {o.speakers} speakers\n\n")
    out.write("## Most quoted people\n\n")
    output.markdown(("Speaker", "Quotes", ""), _bars([(name, n) for _, name, n in o.most_quoted]), out)
    out.write("\n## Quotes per source\n\n")
    top = max((q for _, _, q in o.by_source), default=0)
    output.markdown(("Source", "Articles", "Quotes", ""), [(s, a, q, bar(q, top, BAR)) for s, a, q in o.by_source], out)
    out.write("\n## Who said it\n\n")
    total = max(1, o.quotes)
    shares = [
        ("speaker found", o.with_speaker),
        ("speaker guessed (low confidence)", o.low_confidence),
        ("no speaker", o.without_speaker),
    ]
    output.markdown(("Quotes", "Count", "Share", ""), [(k, n, share(n, total), bar(n, total, BAR)) for k, n in shares], out)
    out.write(f"\n## Articles over time (by {o.articles_over_time.unit})\n\n")
    _timeline_table(o.articles_over_time, "articles", out)
    out.write(f"\n## Quotes over time (by {o.quotes_over_time.unit})\n\n")
    _timeline_table(o.quotes_over_time, "quotes", out)
