"""The library at a glance (`I`, or the palette's "Library at a glance"): the most quoted
people, quotes per source, how surely speakers were found, articles and quotes over time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label

from reader.reading.charts import Timeline, share
from reader.reading.overview import Overview
from reader.ui.keys import bindings
from reader.ui.widgets.charts import Bars, TimeChart

TOP = 10  # rows of the two bar charts


class OverviewScreen(Screen[None]):
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
        empty = Timeline("month", [], [])
        with VerticalScroll(id="glance"):
            yield Label(id="glance-title")
            with Horizontal(id="columns"):
                with Vertical(id="people"):
                    yield Label("Most quoted people", classes="section")
                    yield Bars([], id="most-quoted")
                with Vertical(id="sources"):
                    yield Label("Quotes per source", classes="section")
                    yield Bars([], id="per-source")
                    yield Label(id="more-sources", classes="section")
            yield Label("Who said it", classes="section")
            yield Bars([], id="shares")
            yield TimeChart("Articles over time", empty, "articles", id="articles-time")
            yield TimeChart("Quotes over time", empty, "quotes", id="quotes-time")
        yield Label("escape close · d in the speakers pane opens a speaker's dossier", id="hint")

    def on_mount(self) -> None:
        self._draw(self.figures)

    def show(self, o: Overview) -> None:
        """Show ``o`` (the screen is made once and shown again with new figures)."""
        self.figures = o
        if self.is_mounted:
            self._draw(o)

    def _draw(self, o: Overview) -> None:
        self.query_one("#glance-title", Label).update(
            f"The library at a glance   {o.articles:,} articles · {o.quotes:,} quotes · {o.speakers:,} speakers"
        )
        self.query_one("#most-quoted", Bars).set_rows([(name, n) for _, name, n in o.most_quoted[:TOP]])
        self.query_one("#per-source", Bars).set_rows([(source, q) for source, _, q in o.by_source[:TOP]])
        more = self.query_one("#more-sources", Label)
        more.display = len(o.by_source) > TOP
        more.update(f"and {len(o.by_source) - TOP:,} more sources")
        total = o.quotes
        self.query_one("#shares", Bars).set_rows(
            [
                (f"speaker found {share(o.with_speaker, total)}", o.with_speaker),
                (f"guessed (?) {share(o.low_confidence, total)}", o.low_confidence),
                (f"no speaker {share(o.without_speaker, total)}", o.without_speaker),
            ],
            top=max(1, total),
        )
        self.query_one("#articles-time", TimeChart).set_line(o.articles_over_time)
        self.query_one("#quotes-time", TimeChart).set_line(o.quotes_over_time)

    def action_close(self) -> None:
        self.dismiss(None)
