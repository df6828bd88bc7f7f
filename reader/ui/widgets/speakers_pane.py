"""The speakers pane: every speaker with their number of quotes; choosing one lists their
quotes across the library; choosing a quote opens its article there."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.reading.views import UNATTRIBUTED
from reader.text import safe
from reader.ui.keys import bindings
from reader.ui.widgets.lists import KeyList


class SpeakersPane(Vertical):
    DEFAULT_CSS = """
    SpeakersPane { width: 30%; min-width: 30; max-width: 56; border-left: vkey $primary 50%; display: none; }
    SpeakersPane.-shown { display: block; }
    SpeakersPane Label { padding: 0 1; text-style: bold; color: $text-muted; }
    SpeakersPane #speaker-list { height: 1fr; border: none; }
    SpeakersPane #speaker-quotes { height: 1fr; border: none; }
    """
    BINDINGS = bindings("speakers")

    class QuoteChosen(Message):
        def __init__(self, article: int, quote: int) -> None:
            super().__init__()
            self.article = article
            self.quote = quote

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._speakers: list[tuple[str, str, int]] = []  # (id, name, quotes)
        self._filled = True
        self._title = "Speakers"
        self._fresh = False  # other speakers than before (a topic): start at the top
        self._quotes_of: Callable[[str], list[tuple[int, int, str, str]]] = lambda sid: []  # -> (article, quote, text, title)

    def compose(self) -> ComposeResult:
        yield Label(self._title, id="speakers-title").set_styles("display: none;")
        yield KeyList(id="speaker-list")
        yield Label("Quotes", id="quotes-title")
        yield KeyList(id="speaker-quotes")

    def set_data(
        self,
        speakers: list[tuple[str, str, int]],
        quotes_of: Callable[[str], list[tuple[int, int, str, str]]],
        title: str | None = None,
    ) -> None:
        """Show ``speakers`` (``title`` over them: "Speakers" unless it says what narrows them)."""
        self._speakers = speakers
        self._fresh = self._fresh or (title or "Speakers") != self._title
        self._title = title or "Speakers"
        if self.is_mounted:
            label = self.query_one("#speakers-title", Label)
            label.update(Text(safe(self._title)))
            label.display = title is not None  # (the pane's own title says "Speakers")
        self._quotes_of = quotes_of
        self._filled = False
        if self.has_class("-shown"):
            self.fill()

    def fill(self) -> None:
        """Make the list's rows; only once the pane is shown (a big library has tens of
        thousands of speakers, megabytes of rows nobody may look at)."""
        if self._filled:
            return
        self._filled = True
        lst = self.query_one("#speaker-list", OptionList)
        highlighted = None if self._fresh else lst.highlighted
        if self._fresh:
            self.query_one("#speaker-quotes", OptionList).clear_options()
            self._fresh = False
        lst.clear_options()
        lst.add_options(
            Option(Text.assemble((safe(name), "italic" if sid == UNATTRIBUTED else "bold"), f"  {count}"), id=sid)
            for sid, name, count in self._speakers
        )
        if self._speakers:
            lst.highlighted = min(highlighted or 0, len(self._speakers) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if event.option_list.id == "speaker-list":
            self.show_quotes(option_id)
        else:
            article, quote = map(int, option_id.split(":"))
            self.post_message(self.QuoteChosen(article, quote))

    def show_quotes(self, speaker_id: str) -> None:
        quotes = self.query_one("#speaker-quotes", OptionList)
        quotes.clear_options()
        name = next((n for s, n, _ in self._speakers if s == speaker_id), "")
        title = "Quotes without a speaker" if speaker_id == UNATTRIBUTED else f"Quotes by {safe(name)}"
        self.query_one("#quotes-title", Label).update(Text(title))
        for article, quote, words, title in self._quotes_of(speaker_id):
            short = words if len(words) <= 160 else words[:159] + "…"
            quotes.add_option(Option(Text.assemble(f"“{safe(short)}”\n", (safe(title), "dim")), id=f"{article}:{quote}"))
        quotes.focus()
        if quotes.option_count:
            quotes.highlighted = 0

    def action_back(self) -> None:
        self.query_one("#speaker-list", OptionList).focus()
