"""A speaker's dossier (`d`): who the articles say they are, their quotes over time, their
quotes by article (`enter` opens one in the reading pane) and the people quoted beside them
(`enter` opens theirs; `escape` comes back)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from reader.reading.charts import Timeline
from reader.reading.dossier import Dossier
from reader.text import safe
from reader.ui.keys import bindings
from reader.ui.widgets.charts import TimeChart
from reader.ui.widgets.lists import KeyList

FIRST_ROWS = 40  # rows of the quotes list added before the first frame (a tall screenful)
LATER_ROWS = 100  # rows added a frame after that (the list lays out only the new ones)
Opened = tuple[int, int]  # (article, quote): what the app opens when the screen closes on a quote


class DossierScreen(Screen[Opened | None]):
    DEFAULT_CSS = """
    DossierScreen { background: $background; }
    DossierScreen #dossier { padding: 0 1; height: 1fr; }
    DossierScreen #who { height: auto; }
    DossierScreen #chart { height: auto; }
    DossierScreen .section { color: $text-muted; text-style: bold; margin-top: 1; }
    DossierScreen #lists { height: 1fr; }
    DossierScreen #by-article-box { width: 2fr; }
    DossierScreen #beside-box { width: 1fr; min-width: 22; max-width: 40; margin-left: 1; }
    DossierScreen KeyList, DossierScreen KeyList:focus { height: 1fr; border: none; padding: 0; }
    DossierScreen KeyList:focus { background-tint: $primary 8%; }
    DossierScreen #hint { color: $text-muted; dock: bottom; padding: 0 1; }
    """
    BINDINGS = [*bindings("dossier"), ("tab", "app.focus_next", "Next list"), ("shift+tab", "app.focus_previous", "Prev list")]

    def __init__(self, load: Callable[[str], Dossier | None]) -> None:
        """``load(speaker_id)`` makes a dossier. The app makes the screen once and opens it
        for each speaker (``open``): composing it again each time cost more than the dossier."""
        super().__init__()
        self.load = load
        self.record: Dossier | None = None
        self.history: list[str] = []  # the dossiers opened before this one, for `escape`
        self.shown = 0  # dossiers shown so far (rows added late belong to the one shown then)

    def compose(self) -> ComposeResult:
        with Vertical(id="dossier"):
            yield Static(id="who")
            yield TimeChart("Quotes over time", Timeline("month", [], []), "quotes", id="chart")
            with Horizontal(id="lists"):
                with Vertical(id="by-article-box"):
                    yield Label("Quotes by article", classes="section")
                    yield KeyList(id="by-article")
                with Vertical(id="beside-box"):
                    yield Label("Quoted beside", classes="section")
                    yield KeyList(id="beside")
        yield Label("enter open · tab other list · escape back · q close", id="hint")

    def open(self, speaker_id: str) -> None:
        self.history.clear()
        self.record = self.load(speaker_id)
        if self.is_mounted:
            self.show()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        d = self.record
        if d is None:
            self.query_one("#who", Static).update(Text("No such speaker.", style="dim"))
            return
        self.query_one("#who", Static).update(_who(d))
        self.query_one("#chart", TimeChart).set_line(d.over_time)
        quotes = self.query_one("#by-article", OptionList)
        quotes.clear_options()
        rows = _rows(d)
        # A screenful at once, the rest after the first frame (the most quoted have thousands
        # of rows, and the list lays out every one of them)
        quotes.add_options(list(islice(rows, FIRST_ROWS)))
        self.shown += 1
        self.call_after_refresh(self._add_rest, self.shown, rows)
        beside = self.query_one("#beside", OptionList)
        beside.clear_options()
        for sid, name, shared in d.beside:
            beside.add_option(Option(Text.assemble(safe(name), (f"  {shared}", "dim")), id=f"s:{sid}"))
        if d.beside:
            beside.highlighted = 0
        else:
            beside.add_option(Option(Text("nobody else is quoted in these articles", style="dim"), disabled=True))
        quotes.highlighted = next((i for i in range(quotes.option_count) if not quotes.get_option_at_index(i).disabled), None)
        quotes.focus()

    def _add_rest(self, shown: int, rows: Iterator[Option]) -> None:
        """The next rows, a chunk a frame, so that keys are answered in between."""
        if shown != self.shown:  # (another person's dossier since)
            return
        chunk = list(islice(rows, LATER_ROWS))
        if chunk:
            self.query_one("#by-article", OptionList).add_options(chunk)
            self.call_after_refresh(self._add_rest, shown, rows)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind, _, rest = (event.option.id or "").partition(":")
        if kind == "q":
            article, quote = map(int, rest.split(":"))
            self.dismiss((article, quote))
        elif kind == "s" and self.record is not None:
            self.history.append(self.record.speaker_id)
            self.record = self.load(rest)
            self.show()

    def action_back(self) -> None:
        if self.history:
            self.record = self.load(self.history.pop())
            self.show()
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


def _rows(d: Dossier) -> Iterator[Option]:
    """The quotes list: each article's heading (date · source · title), then its quotes."""
    for entry in d.articles:
        head = " · ".join(x for x in (entry.date or "undated", entry.source, entry.title) if x)
        yield Option(Text(safe(head), style="bold"), disabled=True)
        for q in entry.quotes:
            mark = (" (?)", "dim") if q.low_confidence else ""
            yield Option(Text.assemble("  “", safe(q.text), "”", mark), id=f"q:{q.article}:{q.quote}")


def _who(d: Dossier) -> Text:
    text = Text()
    text.append(safe(d.name), "bold")
    counts = f"{d.quotes} quote{'s' * (d.quotes != 1)} in {len(d.articles)} article{'s' * (len(d.articles) != 1)}"
    if d.low_confidence:
        counts += f", {d.low_confidence} with the speaker guessed (?)"
    text.append(f"   {counts}", "dim")
    if d.spellings:
        text.append("\nalso written  ", "dim")
        text.append(safe(", ".join(d.spellings)))
    text.append("\nroles  ", "dim")
    text.append(safe("; ".join(d.roles)) if d.roles else "none given in the articles", "" if d.roles else "dim italic")
    if d.more_roles:
        text.append(f" (+{d.more_roles})", "dim")
    if d.organisations:
        text.append("   organisations  ", "dim")
        text.append(safe(", ".join(d.organisations)))
    return text
