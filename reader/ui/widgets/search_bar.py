"""The search bar: an input and its results, grouped by kind, updated on every keystroke."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.text import safe
from reader.ui.keys import bindings

if TYPE_CHECKING:
    from reader.search.index import Hit, SearchIndex

GROUPS = (
    ("Speakers", ("speaker",)),
    ("Topics and entities", ("topic", "entity")),
    ("Quotes", ("quote",)),
    ("Articles", ("article",)),
    ("Text", ("text",)),
)
PER_GROUP = 5


class SearchBar(Vertical):
    DEFAULT_CSS = """
    SearchBar { dock: top; height: auto; max-height: 70%; display: none; background: $surface; border-bottom: hkey $primary; }
    SearchBar.-shown { display: block; }
    SearchBar #search-line { height: 1; }
    SearchBar #search-prompt { padding: 0 1; background: $accent; color: $text; text-style: bold; }
    SearchBar Input { padding: 0 1; background: $boost; width: 1fr; }
    SearchBar OptionList { height: auto; max-height: 24; border: none; }
    """
    BINDINGS = bindings("search")

    class Chosen(Message):
        def __init__(self, hit: Hit) -> None:
            super().__init__()
            self.hit = hit

    class Closed(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: SearchIndex | None = None
        self.hits: dict[str, Hit] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-line"):
            yield Label("Search", id="search-prompt")
            yield Input(
                placeholder="speakers, entities, topics, quotes, titles, text (typos are fine)", id="search-input", compact=True
            )
        yield OptionList(id="search-results")

    def open(self) -> None:
        self.add_class("-shown")
        self.query_one(OptionList).display = True
        self.query_one(Input).focus()

    def collapse(self) -> None:
        """After a choice: the query stays in view (the filter it made), the results fold."""
        self.query_one(OptionList).display = False

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one(OptionList).display = True
        self.show_results(event.value)

    def show_results(self, query: str) -> None:
        results = self.query_one(OptionList)
        results.clear_options()
        self.hits.clear()
        if self.index is None or not query.strip():
            return
        hits = self.index.search(query, limit=PER_GROUP * 6, per_kind=PER_GROUP)
        options: list[Option | None] = []
        for title, kinds in GROUPS:
            group = [h for h in hits if h.entry.kind in kinds][:PER_GROUP]
            if not group:
                continue
            options.append(Option(Text(title, style="bold underline"), disabled=True))
            for hit in group:
                key = f"{hit.entry.kind}:{hit.index}"
                self.hits[key] = hit
                options.append(Option(_label(hit, query), id=key))
        if not options:
            options.append(Option(Text(f"No match for “{query.strip()}”", style="italic"), disabled=True))
        results.add_options(options)
        first = next((i for i, o in enumerate(options) if o is not None and not o.disabled), None)
        if first is not None:
            results.highlighted = first

    def action_move(self, delta: int) -> None:
        results = self.query_one(OptionList)
        if delta > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one(OptionList)
        if results.highlighted is not None:
            option = results.get_option_at_index(results.highlighted)
            if option.id in self.hits:
                self.post_message(self.Chosen(self.hits[option.id]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in self.hits:
            self.post_message(self.Chosen(self.hits[event.option.id]))

    def action_close(self) -> None:
        self.remove_class("-shown")
        self.post_message(self.Closed())


SNIPPET = 90


def _label(hit: Hit, query: str) -> Text:
    """The hit with the matched characters highlighted, and its detail dimmed; long texts as a
    snippet around the first match."""
    from reader.search.index import match_spans

    entry = hit.entry
    text = safe(entry.title)
    spans = match_spans(text, query)
    if len(text) > SNIPPET:
        start = max(0, (spans[0][0] if spans else 0) - SNIPPET // 3)
        end = min(len(text), start + SNIPPET)
        head, tail = ("…" if start else ""), ("…" if end < len(text) else "")
        shift = start - len(head)
        text = head + text[start:end] + tail
        spans = [(a - shift, b - shift) for a, b in spans if a >= start and b <= end]
    label = Text(text)
    for a, b in spans:
        label.stylize("bold reverse", a, b)
    if entry.detail:
        label.append("  " + safe(entry.detail), style="dim")
    return label
