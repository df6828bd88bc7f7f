"""The app's search bar, filters and mention walking (a mixin of ReaderApp)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Label

from reader.search.index import Hit
from reader.search.entries import mentions
from reader.reading.navigation import Move
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_bar import SearchBar


class SearchMixin:
    """`/`, the filter chip, `m`/`M`, `x`/`escape`; the index itself is built by the app."""

    def action_search(self) -> None:
        if self.index is None:
            self.notify("The search index is still being built.", timeout=3)
        self.query_one(SearchBar).open()

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        self.query_one(ReadingPane).focus()

    def on_search_bar_chosen(self, message: SearchBar.Chosen) -> None:
        self.query_one(SearchBar).collapse()
        self.open_hit(message.hit)

    def open_hit(self, hit: Hit) -> None:
        """Go where a search hit points: a speaker or a topic narrows the list."""
        entry = hit.entry
        lib = self.library
        self.marks, self.mark = [], None
        if entry.kind == "speaker":
            sid = entry.ref[0]
            stops = self.navigator.stops_of(sid)
            self._set_filter(f"Speaker: {entry.title}", sorted({s.article for s in stops}))
            if stops:
                self._go(Move(stops[0]), "quote")
        elif entry.kind in ("entity", "topic"):
            self.marks = mentions(lib, entry.ref)
            self._set_filter(f"{entry.kind.title()}: {entry.title}", sorted({m[0] for m in self.marks}))
            if self.marks:
                self.mark = 0
                self.open_article(self.marks[0][0])
        elif entry.kind == "quote":
            article, quote = entry.ref
            self.open_article(article, quote)
            self.set_quote(quote)
        elif entry.kind == "article":
            self.open_article(entry.ref[0])
        elif entry.kind == "text":
            article, start, end = entry.ref
            self.marks, self.mark = [(article, start, end)], 0
            self.open_article(article)
        self.query_one(ReadingPane).focus()

    def _set_filter(self, label: str | None, articles: list[int] | None) -> None:
        self.filter_label = label
        self.listed = articles if articles is not None else list(range(len(self.library.articles)))
        chip = self.query_one("#filter-chip", Label)
        chip.display = label is not None
        if label is not None:
            chip.update(Text.assemble((f" {label} ", "reverse"), ("  x clears", "dim")))
        self._fill_list()

    def action_clear_filter(self) -> None:
        bar = self.query_one(SearchBar)
        if bar.has_class("-shown"):
            bar.action_close()
            return
        if self.filter_label is None and not self.marks:
            return
        self.marks, self.mark = [], None
        self._set_filter(None, None)
        self._show_mark()
        self.notify("Filter cleared.", timeout=2)

    def action_mention(self, direction: int) -> None:
        if not self.marks:
            self.notify("No topic or entity chosen: search with / first.", timeout=3)
            return
        m = (self.mark or 0) + direction
        if not 0 <= m < len(self.marks):
            self.notify("Wrapped around the mentions.", timeout=2)
        self.mark = m % len(self.marks)
        article = self.marks[self.mark][0]
        if article != self.article:
            self.open_article(article)
        else:
            self._show_mark()

    def _show_mark(self) -> None:
        pane = self.query_one(ReadingPane)
        if self.mark is not None and self.marks and self.marks[self.mark][0] == self.article:
            _, start, end = self.marks[self.mark]
            pane.set_mark((start, end))
        else:
            pane.set_mark(None)
