"""The library at a glance (`I`, or the palette's "Library at a glance"): the most quoted
people, quotes per source, how surely speakers were found, articles and quotes over time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label

from reader.reading.overview import Overview
from reader.ui.keys import bindings
from reader.ui.widgets.charts import Bars, TimeChart

TOP = 10  # rows of the two bar charts


def share(n: int, total: int) -> str:
    part = n / total if total else 0.0
    return f"{part:.1%}" if 0 < part < 0.1 else f"{part:.0%}"


class OverviewScreen(Screen[str | None]):
    DEFAULT_CSS = """
    OverviewScreen { background: $background; }
    OverviewScreen #glance { padding: 0 1; }
    OverviewScreen #glance-title { text-style: bold; }
    OverviewScreen .section { color: $text-muted; text-style: bold; margin-top: 1; }
    OverviewScreen #columns { height: auto; }
    OverviewScreen #columns > Vertical { width: 1fr; height: auto; }
    OverviewScreen #people { margin-right: 2; }
    OverviewScreen TimeChart { margin-top: 1; }
    OverviewScreen #hint { color: $text-muted; dock: bottom; padding: 0 1; }
    """
    BINDINGS = bindings("overview")

    def __init__(self, figures: Overview) -> None:
        super().__init__()
        self.figures = figures

    def compose(self) -> ComposeResult:
        o = self.figures
        with VerticalScroll(id="glance"):
            yield Label(
                f"The library at a glance   {o.articles:,} articles · {o.quotes:,} quotes · {o.speakers:,} speakers",
                id="glance-title",
            )
            with Horizontal(id="columns"):
                with Vertical(id="people"):
                    yield Label("Most quoted people", classes="section")
                    yield Bars([(name, n) for _, name, n in o.most_quoted[:TOP]], id="most-quoted")
                with Vertical(id="sources"):
                    yield Label("Quotes per source", classes="section")
                    yield Bars([(source, q) for source, _, q in o.by_source[:TOP]], id="per-source")
                    if len(o.by_source) > TOP:
                        yield Label(f"and {len(o.by_source) - TOP:,} more sources", classes="section")
            yield Label("Who said it", classes="section")
            total = o.quotes
            yield Bars(
                [
                    (f"speaker found {share(o.with_speaker, total)}", o.with_speaker),
                    (f"guessed (?) {share(o.low_confidence, total)}", o.low_confidence),
                    (f"no speaker {share(o.without_speaker, total)}", o.without_speaker),
                ],
                top=max(1, total),
                id="shares",
            )
            yield TimeChart("Articles over time", o.articles_over_time, "articles", id="articles-time")
            yield TimeChart("Quotes over time", o.quotes_over_time, "quotes", id="quotes-time")
        yield Label("escape close · d in the speakers pane opens a speaker's dossier", id="hint")

    def action_close(self) -> None:
        self.dismiss(None)
