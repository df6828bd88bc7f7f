"""The Textual app: a thin layer over the library. Widgets draw; the domain decides."""

from __future__ import annotations

import gc
import re
import subprocess
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, work
from textual.app import App, ComposeResult, SuspendNotSupported, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList, ProgressBar

from reader import feeds, keys
from reader.config import Config, decide
from reader.feeds import Subscriptions
from reader.library import manifest
from reader.limits import DEFAULT
from reader.reading import links
from reader.reading.listing import SORT_NAMES, Heading, Item, next_sort, shape
from reader.reading.views import QuoteOf, SpeakerRow, article_view, bookmark_of, quote_at, quote_with_attribution, speaker_rows
from reader.state import Bookmark, Remembered, StateFile
from reader.text import safe
from reader.themes import DEFAULT_THEME, load_themes
from reader.ui.commands import SearchCommands
from reader.ui.keymap import check_keymap
from reader.ui.keys import bindings
from reader.ui.screens.bookmarks import BookmarksScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.links import LinksScreen
from reader.ui.theming import READER_DEFAULTS, textual_themes
from reader.ui.widgets.article_list import ArticleList, Row
from reader.ui.widgets.find_bar import FindBar
from reader.ui.widgets.header import ArticleHeader, Legend
from reader.ui.widgets.keybar import KeyBar
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.speakers_pane import SpeakersPane

if TYPE_CHECKING:
    # The first paint needs only the widgets and last run's list: the library, the cache, the
    # search and numpy are imported where they are used, mostly in workers after it.
    from reader.library.background import Annotator
    from reader.library.cache import Cache
    from reader.library.core import Library
    from reader.nlp.records import Annotation
    from reader.reading.navigation import Move, Navigator
    from reader.reading.views import QuoteOf, Shown, SpeakerRow
    from reader.search.index import Hit, SearchIndex
    from reader.sources.article import Article

    # what the library-wide steps give the screens: the quote order, the speakers pane's lists
    Prepared = tuple[Navigator, tuple[list[SpeakerRow], Callable[[str], list[QuoteOf]]]]
NOTICE, NOTICE_LONG = 4, 8  # seconds a notice stays: it covers part of the text
MAX_NOTICES = 3  # problems shown one by one at a time; the rest as a count
WIDE = 120  # columns from which the list, the text and the speakers are shown side by side
REFRESH_EVERY = 0.5  # seconds between library-wide recomputations while annotating


class ReaderApp(App[None]):
    TITLE = "reader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {SearchCommands}
    BINDINGS = bindings("app")
    # Keys the help screen lists besides the bindings above (they live on the panes).
    PANE_KEYS = [
        ("j / k, ↓ / ↑", "move in the list, scroll the text"),
        ("g / G", "first / last article; top / bottom of the text"),
        ("page up / down", "a page up / down"),
        ("enter", "open the selected article / speaker / quote / search result"),
        ("m / M", "next / previous mention of the searched topic or entity, or find match"),
        ("escape, x", "close the search bar (keeps the filter); again: clear the filter"),
        ("tab / shift+tab", "next / previous pane"),
    ]

    def __init__(
        self,
        paths: list[Path] | None = None,
        *,
        library: Library | None = None,
        model: str | None = None,
        state_file: StateFile | None = None,
        cache: Cache | None = None,
        theme: str | None = None,
        config: Config | None = None,
        welcome: bool = False,
    ) -> None:
        super().__init__()
        self.theme_flag = theme
        self.config = config
        self.remembered = state_file.load() if state_file else Remembered()
        self.read: set[str] = state_file.read_ids() if state_file else set()  # survives restarts
        self._theme_ready = False
        self._theme_problems = self._choose_theme()
        self.paths = paths or []
        self.library = library
        self.model = model
        self.state_file = state_file
        self.cache = cache
        self._navigator: Navigator | None = None  # made by the library-wide steps
        self.index: SearchIndex | None = None
        self.article: int | None = None  # index of the open article (in library order)
        self.quote: int | None = None  # index of the current quote in it
        self.listed: list[int] = []  # the articles a filter lets through, in library order
        self.rows: list[Item] = []  # the list's lines: those articles shaped (sorted, grouped, unread only)
        self.filter_label: str | None = None
        self.marks: list[tuple[int, int, int]] = []  # mentions being walked: (article, start, end)
        self._topic: str | None = None  # the topic or entity narrowing the list, if one does
        self._all_speakers: tuple[list[SpeakerRow], Callable[[str], list[QuoteOf]]] = ([], lambda sid: [])
        self.mark: int | None = None
        self.annotator: Annotator | None = None
        self._last_refresh = 0.0
        self._problems_seen: set[str] = set()  # (a reload reads the same files again)
        self._problems_of: Library | None = None  # the library, and how many of its problems
        self._problems_checked = 0  # _show_problems has read
        self.welcome = welcome  # the samples are open because the user has nothing of their own yet
        self.new_ids: set[str] = set()  # articles the last feed refresh brought
        self._state_problem_shown = False

    @property
    def navigator(self) -> Navigator:
        """Every quote in library order (empty until the library-wide steps have run)."""
        if self._navigator is None:
            from reader.reading.navigation import Navigator

            self._navigator = Navigator([])
        return self._navigator

    @property
    def lib(self) -> Library:
        """The library, once loaded (actions before that find nothing to act on)."""
        assert self.library is not None, "the library is not loaded yet"
        return self.library

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        with Horizontal(id="main"):
            with Vertical(id="left") as left:
                left.border_title = "Articles"
                yield Label("", id="filter-chip")
                yield ArticleList(id="articles")
            with Vertical(id="right") as right:
                right.border_title = "Article"
                yield ArticleHeader(id="header")
                yield ReadingPane(id="reading")
                yield Legend(id="legend")
            yield SpeakersPane(id="speakers")
        yield Label("", id="refresh-line")
        yield KeyBar(id="keys")

    # --- loading -------------------------------------------------------------------------------

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **READER_DEFAULTS}

    def _choose_theme(self) -> list[str]:
        """Themes (shipped and the user's) registered and the theme chosen by precedence, before
        the first frame (set later, the whole stylesheet is applied twice: 70 ms of the start)."""
        themes, problems = textual_themes(load_themes())
        for theme in themes:
            self.register_theme(theme)
        config = self.config
        wanted = decide(self.theme_flag, "READER_THEME", self.remembered.theme, config.theme if config else None, DEFAULT_THEME)
        if wanted not in self.available_themes:
            problems.append(f"unknown theme {wanted!r}; using {DEFAULT_THEME} (`reader themes` lists them)")
            wanted = DEFAULT_THEME
        self.theme = wanted
        return problems

    def _setup_look_and_keys(self) -> None:
        """The keymap and highlighting; what is wrong with them or the themes is shown, and
        everything else still works."""
        problems = self._theme_problems
        config = self.config
        if config is not None:
            problems += config.problems
            good, keymap_problems = check_keymap(config.keymap, keys.binding_keys(), str(config.path))
            problems += keymap_problems
            if good:
                self.set_keymap(good)
            self.query_one(ReadingPane).kinds = set(config.highlight)
            self.query_one(Legend).show_kinds(set(config.highlight))
        self._theme_ready = True
        for problem in problems:
            self.notify(problem, title="Settings", severity="warning", timeout=NOTICE_LONG)

    def watch_theme(self, theme: str) -> None:
        """A theme chosen in the app is remembered in the state file (never in config.toml)."""
        if self._theme_ready and self.state_file is not None and theme != self.remembered.theme:
            self.remembered.theme = theme
            self.state_file.save(self.remembered)
            self._state_problem()

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#main").set_class(event.size.width < WIDE, "-narrow")

    def on_mount(self) -> None:
        self.query_one(SpeakersPane).border_title = "Speakers"
        self.query_one("#main").set_class(self.size.width < WIDE, "-narrow")
        self._setup_look_and_keys()
        self._state_problem()  # (reading it at start may already have failed)
        self.call_after_refresh(gc.enable)  # (the command line turned it off for the start)
        self.query_one("#filter-chip").display = False
        self.query_one("#refresh-line").display = False
        self.query_one(ArticleList).focus()
        if self.library is not None:
            self._loaded(self.library, [])  # _prepare finishes it
        else:
            rows = manifest.load_rows(self.paths)  # nothing changed since last run: its list,
            if rows:  # in the first frame (a few ms here; a worker's hand-off took 100+)
                self._show_rows(rows)
                self.call_after_refresh(self._load)  # (reading the files would slow that frame)
            else:
                self._load()
        if self.welcome:
            self.notify(
                "These are sample articles. To read your own: `reader feeds add URL`, then r here; "
                "or `reader PATH` for files and folders.",
                title="Welcome",
                timeout=NOTICE_LONG * 2,
                markup=False,
            )
        self.call_after_refresh(self._refresh_if_due)  # (two files read: after the first frame)

    def _refresh_if_due(self) -> None:
        subs = Subscriptions.load()
        minutes = self.config.refresh_minutes if self.config else feeds.REFRESH_MINUTES
        if feeds.due(subs.feeds, feeds.load_status(), minutes) and self._library_is_open():
            self.action_refresh()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        c = self.config
        from reader.library.cache import Cache
        from reader.library.core import load_library, pipeline_key, still_to_annotate

        limits = c.limits if c else DEFAULT
        lib = load_library(self.paths, limits)
        cache = self.cache or Cache(pipeline_key(self.model))
        self.call_from_thread(self._show_titles, lib)  # first paint: titles before annotations
        missing = still_to_annotate(lib, cache, limits)
        prepared = self._prepare(lib)
        self.call_from_thread(self._loaded, lib, missing, prepared)
        manifest.save_rows(self.paths, manifest.rows_for(lib))

    def _show_rows(self, rows: list[manifest.Row]) -> None:
        if self.library is None:
            self.query_one(ArticleList).set_rows([Row(r.title, r.detail, r.quotes, r.article_id not in self.read) for r in rows])

    def _show_titles(self, lib: Library) -> None:
        old = self.library
        if old is not None and old is not lib:  # a reload (after a feed refresh): keep the place
            self.new_ids |= {a.id for a in lib.articles} - {a.id for a in old.articles}
            open_id = old.articles[self.article].id if self.article is not None else None
            ids = [a.id for a in lib.articles]
            self.article = ids.index(open_id) if open_id in ids else None
            self.marks, self.mark, self.filter_label = [], None, None
            self._show_chip(None)
        self.library = lib
        self.listed = list(range(len(lib.articles)))
        self._fill_list()

    def _state_problem(self) -> None:
        """Say once that the reading state could not be saved and lives in memory."""
        problem = self.state_file.problem if self.state_file else None
        if problem and not self._state_problem_shown:
            self._state_problem_shown = True
            self.notify(problem, title="Reading state", severity="warning", timeout=NOTICE_LONG, markup=False)

    def _show_problems(self) -> None:
        """The library's problems not shown yet: files skipped, articles whose annotation
        failed, library-wide steps that failed for an article."""
        problems = self.library.problems if self.library else []
        # (called as each annotation lands: only the problems added since the last call are read)
        checked = self._problems_checked if self._problems_of is self.library else 0
        self._problems_of, self._problems_checked = self.library, len(problems)
        new = [p for p in dict.fromkeys(problems[checked:]) if p not in self._problems_seen]
        self._problems_seen.update(new)
        for problem in new[:MAX_NOTICES]:
            self.notify(problem, title="Problem", severity="warning", timeout=NOTICE, markup=False)
        if len(new) > MAX_NOTICES:  # a folder of broken files is one more line, not a wall of them
            more = len(new) - MAX_NOTICES
            self.notify(
                f"and {more} more: `reader articles` lists them all", title="Problems", severity="warning", timeout=NOTICE
            )

    def _loaded(self, lib: Library, missing: list[Article], prepared: Prepared | None = None) -> None:
        self.library = lib
        self._show_problems()
        if not lib.articles and not Subscriptions.load().feeds:
            self.notify("No articles found.", severity="error")
        self._apply(prepared or self._prepare(lib), reshow=True)
        self._restore()
        if self.article is None and lib.articles:
            self.open_article(0)  # something to read at once; no quote is current yet
        if missing:
            bar = self._progress()
            bar.display = True
            bar.update(total=len(missing), progress=0)
            self._annotate(missing)

    def _prepare(self, lib: Library) -> Prepared:
        """The library-wide steps (label votes, speaker merging, quote order, the speakers
        pane's lists): plain computation, run off the event loop for big libraries."""
        from reader.reading.navigation import library_navigator

        lib.finish()
        nav = library_navigator(lib)
        return nav, speaker_rows(lib, nav)

    @work(thread=True, exclusive=True, group="refresh")
    def _refresh_async(self, reshow: bool) -> None:
        prepared = self._prepare(self.lib)
        self.call_from_thread(self._apply, prepared, reshow)

    def _apply(self, prepared: Prepared, reshow: bool) -> None:
        """Show what ``_prepare`` computed. The open article is drawn again only when asked
        (its own annotation arrived), keeping the reader's place."""
        self._navigator, self._all_speakers = prepared
        self._show_problems()  # a library-wide step may have failed for an article
        if self.filter_label is None:
            self.listed = list(range(len(self.lib.articles)))
        self._fill_list()
        self._show_speakers()
        self._reindex()
        if self.article is not None and reshow:
            self.query_one(ReadingPane).show(self._shown(self.article), self.quote, keep_scroll=True)
            self._show_mark()

    def _fill_list(self) -> None:
        r = self.remembered
        self.rows = shape(self.lib.articles, self.listed, self.read, r.sort, r.grouped, r.unread_only)
        articles = self.query_one(ArticleList)
        articles.set_rows([self._row(i) if isinstance(i, int) else _heading_row(i) for i in self.rows])
        articles.current = self._row_of(self.article)
        unread = sum(self.lib.articles[i].id not in self.read for i in self.listed)
        how = [SORT_NAMES[r.sort]] if r.sort != "library" else []
        how += ["by source"] * r.grouped + ["unread only"] * r.unread_only
        self.query_one("#left").border_title = f"Articles {unread}/{len(self.listed)} unread" + "".join(f" · {h}" for h in how)

    def _row(self, index: int) -> Row:
        return self._row_data(self.lib.articles[index])

    def _row_data(self, article: Article) -> Row:
        ann = self.library.annotations.get(article.id) if self.library else None
        unread = article.id not in self.read
        return Row(
            article.title,
            manifest.detail_of(article),
            len(ann.quotes) if ann else None,
            unread,
            new=unread and article.id in self.new_ids,
        )

    def _row_of(self, article: int | None) -> int | None:
        try:
            return self.rows.index(article) if article is not None else None
        except ValueError:
            return None

    @work(thread=True, exclusive=True, group="index")
    def _reindex(self) -> None:
        """The search index is rebuilt off the event loop and swapped in when ready."""
        from reader.search.entries import build_index

        index = build_index(self.lib)
        self.call_from_thread(self._indexed, index)

    def _indexed(self, index: SearchIndex) -> None:
        self.index = index
        self.query_one(SearchBar).index = index
        # The library and its index are hundreds of thousands of long-lived objects; left to
        # the cyclic GC, every full collection walks them all and a keypress that happens to
        # trigger one took 100-250 ms. Frozen, they are never scanned (freed by refcount still).
        gc.freeze()

    def _shown(self, index: int) -> Shown:
        return article_view(self.lib, index)

    # --- annotating ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="annotate")
    def _annotate(self, missing: list[Article]) -> None:
        """spaCy runs in a process of its own (`reader annotate`, on every core) that writes the
        cache; each article lights up as it lands there."""
        from reader.library.background import Annotator
        from reader.library.cache import Cache
        from reader.library.core import pipeline_key
        from reader.nlp.records import compact

        cache = self.cache or Cache(pipeline_key(self.model))
        if not cache.writable():  # the annotator could not hand us anything: annotate here
            self.call_from_thread(
                self.notify, cache.problem, title="Cache", severity="warning", timeout=NOTICE_LONG, markup=False
            )
            self._annotate_here(missing, cache)
        else:
            if self.annotator is not None:  # a reload's annotator takes over the whole queue
                self.annotator.stop()
            self.annotator = Annotator(self.paths, self.model, cache)
            if self.article is not None:  # the article open now is annotated first
                self.annotator.first(self.lib.articles[self.article].id)
            problem = self.annotator.run(lambda article_id, ann: self.call_from_thread(self._annotated, article_id, compact(ann)))
            if problem:
                self.call_from_thread(self.notify, problem, severity="error", timeout=NOTICE_LONG, markup=False)
        self.call_from_thread(self._annotation_done)

    def _annotate_here(self, missing: list[Article], cache: Cache) -> None:
        """spaCy in this process (slower to start, one core): for when the cache cannot be
        written, so the annotator process could not hand its work over."""
        from reader.library.core import annotations_for
        from reader.nlp.records import compact

        try:
            for article, ann in annotations_for(missing, cache, self.model):
                self.call_from_thread(self._annotated, article.id, compact(ann))
        except Exception as exc:  # the model missing, say: the articles stay readable
            self.call_from_thread(self.notify, f"Annotation stopped: {exc}", severity="error", timeout=NOTICE_LONG, markup=False)

    def _annotated(self, article_id: str, ann: Annotation) -> None:
        self.lib.add(self.lib.article(article_id), ann)
        self._show_problems()
        self._progress().advance(1)
        is_open = self.article is not None and self.lib.articles[self.article].id == article_id
        if is_open or time.monotonic() - self._last_refresh > REFRESH_EVERY:
            self._last_refresh = time.monotonic()
            self._refresh_async(is_open)

    def _annotation_done(self) -> None:
        self._progress().display = False
        self._refresh_async(True)

    def _progress(self) -> ProgressBar:
        """The annotation's progress bar, mounted the first time there is something to annotate."""
        bars = self.query("#progress").results(ProgressBar)
        for bar in bars:
            return bar
        bar = ProgressBar(id="progress", show_eta=False)
        self.mount(bar, before=self.query_one(KeyBar))
        return bar

    def on_unmount(self) -> None:
        if self.annotator is not None:
            self.annotator.stop()

    # --- remembering ---------------------------------------------------------------------------

    def _restore(self) -> None:
        if self.state_file is None or self.article is not None:
            return
        state = self.remembered
        ids = [a.id for a in self.lib.articles]
        if state.article_id in ids:
            index = ids.index(state.article_id)
            self.open_article(index)
            if state.quote is not None:
                self.set_quote(state.quote)
            self.query_one(ReadingPane).scroll_to(y=state.scroll, animate=False)

    def _save(self) -> None:
        if self.state_file is None or self.library is None or self.article is None:
            return
        pane = self.query_one(ReadingPane)
        self.remembered.article_id = self.lib.articles[self.article].id
        self.remembered.quote = self.quote
        self.remembered.scroll = round(pane.scroll_y)
        self.state_file.save(self.remembered)

    async def action_quit(self) -> None:
        self._save()
        if self.annotator is not None:
            self.annotator.stop()
        self.exit()

    # --- opening and moving --------------------------------------------------------------------

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        item = self.rows[message.index]
        if isinstance(item, int):
            self.open_article(item)

    def open_article(self, index: int, quote: int | None = None) -> None:
        self.article = index
        self.quote = quote
        article_id = self.lib.articles[index].id
        if self.annotator is not None and article_id not in self.lib.annotations:
            self.annotator.first(article_id)  # the one being read is annotated next
        if article_id not in self.read:
            self.read.add(article_id)
            if self.state_file is not None:
                self.state_file.mark_read(article_id)
                self._state_problem()
        articles = self.query_one(ArticleList)
        row = self._row_of(index)
        articles.current = row
        if row is not None:
            articles.update_row(row, self._row(index))
            articles.cursor = row
        articles.refresh()
        pane = self.query_one(ReadingPane)
        pane.show(self._shown(index), quote)
        self.query_one(ArticleHeader).show(self.lib.articles[index])
        self._show_mark()
        if quote is not None:
            pane.scroll_to_quote(quote)

    def set_quote(self, quote: int | None) -> None:
        self.quote = quote
        self.query_one(ReadingPane).set_current(quote)

    def _go(self, move: Move, what: str) -> None:
        if move.stop is None:
            self.notify(f"No {what}.", timeout=3)
            return
        if move.stop.article != self.article:
            self.open_article(move.stop.article, move.stop.quote)
        self.set_quote(move.stop.quote)
        if move.wrapped:
            self.notify("Wrapped around the library.", timeout=2)

    def action_quote(self, direction: int) -> None:
        if self.library is None:
            return
        article = self.article if self.article is not None else self._under_cursor()
        if article is None:
            return
        self._go(self.navigator.step(article, self.quote, forward=direction > 0), "quotes yet")

    def action_same_speaker(self, direction: int) -> None:
        if self.article is None or self.quote is None:
            self.notify("No current quote: press n to go to one.", timeout=3)
            return
        self._go(self.navigator.step_speaker(self.article, self.quote, forward=direction > 0), "other quote by this speaker")

    def on_reading_pane_quote_clicked(self, message: ReadingPane.QuoteClicked) -> None:
        self.set_quote(message.index)

    def on_speakers_pane_quote_chosen(self, message: SpeakersPane.QuoteChosen) -> None:
        self.open_article(message.article, message.quote)
        self.set_quote(message.quote)
        self.query_one(ReadingPane).focus()

    # --- search, filters and mentions ----------------------------------------------------------

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
        from reader.reading.navigation import Move
        from reader.search.targets import ArticleTarget, MentionsTarget, QuoteTarget, SpeakerTarget, TextTarget, target_of

        target = target_of(self.lib, hit)
        self.marks, self.mark = [], None
        had_topic, self._topic = self._topic, None
        if isinstance(target, SpeakerTarget):
            stops = self.navigator.stops_of(target.speaker_id)
            self._set_filter(f"Speaker: {target.name}", sorted({s.article for s in stops}))
            if stops:
                self._go(Move(stops[0]), "quote")
        elif isinstance(target, MentionsTarget):
            self.marks = target.mentions(self.lib)
            self._set_filter(f"{target.kind.title()}: {target.name}", sorted({m[0] for m in self.marks}))
            self._topic = target.name  # who is quoted saying it, beside the articles that mention it
            if self.marks:
                self.mark = 0
                self.open_article(self.marks[0][0])
        elif isinstance(target, QuoteTarget):
            self.open_article(target.article, target.quote)
            self.set_quote(target.quote)
        elif isinstance(target, TextTarget):
            self.marks, self.mark = [(target.article, target.start, target.end)], 0
            self.open_article(target.article)
        elif isinstance(target, ArticleTarget):
            self.open_article(target.article)
        if self._topic is not None or had_topic is not None:
            self._show_speakers()
        self.query_one(ReadingPane).focus()

    def _show_speakers(self) -> None:
        """The speakers pane: everyone, or (while a topic or entity narrows the list) the
        people quoted saying it, shown at once when there is room for the pane."""
        from reader.reading.views import quoted_saying

        pane = self.query_one(SpeakersPane)
        if self._topic is None:
            pane.set_data(*self._all_speakers)
            return
        rows, quotes_of = quoted_saying(self.lib, self.navigator, self.marks)
        who = f"{len(rows)} quoted saying “{self._topic}”" if rows else f"Nobody is quoted saying “{self._topic}”"
        pane.set_data(rows, quotes_of, title=who)
        if rows and not pane.has_class("-shown") and self.size.width >= WIDE:
            self.action_toggle_speakers()
            self.query_one(ReadingPane).focus()

    def _set_filter(self, label: str | None, articles: list[int] | None) -> None:
        if label is None and self._topic is not None:
            self._topic = None
            self._show_speakers()
        self.filter_label = label
        self.listed = articles if articles is not None else list(range(len(self.lib.articles)))
        self._show_chip(label)
        self._fill_list()

    def _show_chip(self, label: str | None) -> None:
        """The line over the list saying what narrows or marks it, and how to clear it."""
        chip = self.query_one("#filter-chip", Label)
        chip.display = label is not None
        if label is not None:
            chip.update(Text.assemble((f" {label} ", "reverse"), ("  x clears", "dim")))

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

    # --- shaping the list -------------------------------------------------------------------------

    def _under_cursor(self) -> int | None:
        rows = self.rows
        cursor = self.query_one(ArticleList).cursor
        item = rows[cursor] if 0 <= cursor < len(rows) else None
        return item if isinstance(item, int) else None

    def _reshape(self, note: str) -> None:
        if self.state_file is not None:
            self.state_file.save(self.remembered)
        if self.library is not None:
            self._fill_list()
        self.notify(note, timeout=2)

    def action_sort(self) -> None:
        self.remembered.sort = next_sort(self.remembered.sort)
        self._reshape(f"Sorted {SORT_NAMES[self.remembered.sort]}.")

    def action_group(self) -> None:
        self.remembered.grouped = not self.remembered.grouped
        self._reshape("Grouped by source." if self.remembered.grouped else "One list, not grouped.")

    def action_unread_only(self) -> None:
        self.remembered.unread_only = not self.remembered.unread_only
        self._reshape("Unread articles only." if self.remembered.unread_only else "All articles.")

    def action_mark_all_read(self) -> None:
        """Every article the list shows (a filter's, or all) is marked read."""
        if self.library is None:
            return
        ids = [self.lib.articles[i].id for i in self.rows if isinstance(i, int)]
        fresh = [a for a in ids if a not in self.read]
        self.read.update(fresh)
        if self.state_file is not None:
            self.state_file.mark_all_read(fresh)
            self._state_problem()
        self._reshape(f"{len(fresh)} marked read.")

    def action_toggle_unread(self) -> None:
        """The article under the list's cursor (else the open one): read becomes unread and back."""
        index = self._under_cursor() if self.query_one(ArticleList).has_focus else self.article
        if index is None or self.library is None:
            return
        article_id = self.lib.articles[index].id
        if article_id in self.read:
            self.read.discard(article_id)
            if self.state_file is not None:
                self.state_file.mark_unread(article_id)
        else:
            self.read.add(article_id)
            if self.state_file is not None:
                self.state_file.mark_read(article_id)
        self._state_problem()
        row = self._row_of(index)
        if row is not None:
            self.query_one(ArticleList).update_row(row, self._row(index))
        self.notify("Marked unread." if article_id not in self.read else "Marked read.", timeout=2)

    # --- feeds ----------------------------------------------------------------------------------

    def _feed_folder(self) -> Path:
        return feeds.library_folder(self.config.library if self.config else [])

    def _library_is_open(self) -> bool:
        folder = self._feed_folder().resolve()
        return any(p.resolve() == folder or folder in p.resolve().parents for p in self.paths)

    def action_refresh(self) -> None:
        subs = Subscriptions.load()
        if not subs.feeds:
            self.notify(
                "No feeds yet: `reader feeds add URL` (or `reader feeds import FILE.opml`), then r.",
                timeout=NOTICE_LONG,
                markup=False,
            )
            return
        line = self.query_one("#refresh-line", Label)
        line.display = True
        line.update(f"Refreshing {len(subs.feeds)} feed{'s' * (len(subs.feeds) != 1)}…")
        self._refresh_feeds(subs.feeds, self._feed_folder())

    @work(thread=True, exclusive=True, group="feeds")
    def _refresh_feeds(self, subscribed: list[feeds.Feed], into: Path) -> None:
        """The fetch code in a worker: the reading never waits for the network."""
        limits = self.config.limits if self.config else DEFAULT
        try:
            done = feeds.refresh(
                subscribed,
                into,
                limits=limits,
                progress=lambda n, total, name: self.call_from_thread(self._refresh_progress, n, total, name),
            )
        except OSError as exc:
            done = feeds.Refreshed(failed=[f"cannot write into {safe(str(into))} ({exc.strerror or exc})"])
        self.call_from_thread(self._refreshed, done, len(subscribed))

    def _refresh_progress(self, n: int, total: int, name: str) -> None:
        self.query_one("#refresh-line", Label).update(f"Refreshing feeds {n}/{total}" + (f" · {safe(name)}" if name else ""))

    def _refreshed(self, done: feeds.Refreshed, total: int) -> None:
        self.query_one("#refresh-line").display = False
        for failure in done.failed[:MAX_NOTICES]:
            self.notify(failure, title="Feed", severity="warning", timeout=NOTICE_LONG, markup=False)
        if len(done.failed) > MAX_NOTICES:
            self.notify(
                f"and {len(done.failed) - MAX_NOTICES} more feeds failed: `reader feeds` lists them",
                title="Feeds",
                severity="warning",
                timeout=NOTICE_LONG,
            )
        worked = total - len(done.failed)
        files = len(done.saved)
        self.notify(f"{files} new or changed file{'s' * (files != 1)} from {worked} of {total} feeds.", timeout=NOTICE)
        if not done.saved:
            return
        if self._library_is_open():
            self._load()  # the new articles join the list and are annotated in the background
        else:
            self.notify(
                f"They are in {safe(str(self._feed_folder()))}, which is not open here.", timeout=NOTICE_LONG, markup=False
            )

    # --- find in the article -------------------------------------------------------------------

    def action_find(self) -> None:
        if self.article is None:
            self.notify("Open an article first.", timeout=3)
            return
        bars = self.query(FindBar)
        if bars:
            bars.first().open()
        else:  # mounted when first asked for: one widget less to build before the first frame
            bar = FindBar(id="find")
            self.query_one("#right").mount(bar, before=self.query_one(Legend))
            self.call_after_refresh(bar.open)

    def on_find_bar_find(self, message: FindBar.Find) -> None:
        self.query_one(ReadingPane).focus()
        words = message.query.strip()
        if not words or self.article is None:
            return
        body = self.lib.articles[self.article].body
        found = [(self.article, m.start(), m.end()) for m in re.finditer(re.escape(words), body, re.IGNORECASE)]
        if not found:
            self.notify(f"“{words}” is not in this article.", timeout=3, markup=False)
            return
        self.marks, self.mark = found, 0
        self._show_mark()
        self._show_chip(f"Find: {words} · {len(found)} match{'es' * (len(found) != 1)} · m / M")

    def on_find_bar_closed(self, message: FindBar.Closed) -> None:
        self.query_one(ReadingPane).focus()

    # --- toggles and the rest ------------------------------------------------------------------

    def action_toggle_speakers(self) -> None:
        pane = self.query_one(SpeakersPane)
        pane.toggle_class("-shown")
        self.query_one("#main").set_class(pane.has_class("-shown"), "-speakers")
        if pane.has_class("-shown"):
            pane.fill()
            self.query_one("#speaker-list").focus()
        else:
            self.query_one(ArticleList).focus()

    def action_toggle_entities(self) -> None:
        pane = self.query_one(ReadingPane)
        pane.set_entities(not pane.show_entities)
        self.query_one(Legend).display = pane.show_entities  # the colours and their legend together

    def action_copy_quote(self) -> None:
        if self.article is None or self.quote is None:
            self.notify("No current quote to copy: press n first.", timeout=3)
            return
        text = quote_with_attribution(self.lib, self.article, self.quote)
        self.copy_to_clipboard(text)
        self.notify("Quote copied.", timeout=2)

    def action_open_link(self) -> None:
        """The article's URL in a graphical browser; without one (SSH, a console) shown and
        copied instead."""
        if self.article is None:
            return
        url = self.lib.articles[self.article].url
        if url is None or not links.openable(url):
            self.notify("This article has no web link." if not url else f"Not a web link: {safe(url)}", timeout=4, markup=False)
            return
        self._open_url(url)

    def _open_url(self, url: str) -> None:
        """config.toml's browser command if there is one (the app steps aside while it runs, as
        a terminal browser needs the screen); else a graphical browser; else shown and copied."""
        command = self.config.browser if self.config else None
        if command:
            try:
                with self.suspend():
                    subprocess.run(links.browser_command(command, url), check=False)
            except (OSError, SuspendNotSupported, ValueError) as exc:  # no such program, a bad quote in it
                self.notify(f"browser = {safe(command)!r} failed: {exc}", severity="error", timeout=NOTICE_LONG, markup=False)
            self.refresh()
        elif links.graphical_browser():
            self._browse(url)
            self.notify(f"Opening {safe(url)}", timeout=3, markup=False)
        else:
            self.copy_to_clipboard(url)
            self.notify(f"{safe(url)}\n(copied; no graphical browser here)", title="Link", timeout=NOTICE_LONG, markup=False)

    def action_links(self) -> None:
        if self.article is None:
            self.notify("Open an article first.", timeout=3)
            return
        article = self.lib.articles[self.article]
        found = links.links_in(article.url, article.body)
        own = bool(article.url) and bool(found) and found[0] == article.url
        self.push_screen(LinksScreen(article.title, found, own), lambda url: self._open_url(url) if url else None)

    @work(thread=True, group="browser")
    def _browse(self, url: str) -> None:
        links.open_in_browser(url)  # may wait on the browser starting: never on the event loop

    def action_bookmark(self) -> None:
        if self.article is None or self.quote is None:
            self.notify("No current quote to bookmark: press n first.", timeout=3)
            return
        if self.state_file is None:
            return
        mark = bookmark_of(self.lib, self.article, self.quote)
        on = self.state_file.toggle_bookmark(mark)
        self._state_problem()
        self.notify("Bookmarked." if on else "Bookmark removed.", timeout=2)

    def action_bookmarks(self) -> None:
        marks = self.state_file.bookmarks() if self.state_file else []
        self.push_screen(BookmarksScreen(marks), self._open_bookmark)

    def _open_bookmark(self, mark: Bookmark | None) -> None:
        if mark is None:
            return
        ids = [a.id for a in self.lib.articles]
        if mark.article_id not in ids:
            self.notify(f"That article is not in this library (it was {mark.file}).", severity="warning", timeout=NOTICE)
            return
        index = ids.index(mark.article_id)
        quote = quote_at(self.lib, index, mark.start)
        self.open_article(index, quote)
        self.set_quote(quote)
        self.query_one(ReadingPane).focus()

    def quote_with_attribution(self, article: int, quote: int) -> str:
        return quote_with_attribution(self.lib, article, quote)

    # --- who said what, at a glance ------------------------------------------------------------

    def _dossier_speaker(self) -> str | None:
        """The speaker `d` means: highlighted in the speakers pane or in the search results
        (when they have focus), else the current quote's."""
        from reader.reading.views import UNATTRIBUTED
        from reader.search.targets import QuoteTarget, SpeakerTarget, target_of

        focused = self.focused
        if focused is not None and focused.id == "speaker-list":
            option = focused.highlighted_option if isinstance(focused, OptionList) else None
            return option.id if option is not None and option.id != UNATTRIBUTED else None
        if focused is not None and focused.id == "search-results" and isinstance(focused, OptionList):
            option = focused.highlighted_option
            hit = self.query_one(SearchBar).hits.get(option.id or "") if option is not None else None
            target = target_of(self.lib, hit) if hit is not None else None
            if isinstance(target, (SpeakerTarget, QuoteTarget)):
                return target.speaker_id
            return None
        if self.article is not None and self.quote is not None:
            return (
                self.navigator.stop(n).speaker_id if (n := self.navigator.index(self.article, self.quote)) is not None else None
            )
        return None

    def action_dossier(self) -> None:
        if self.library is None:
            self.notify("The library is still loading.", timeout=3)
            return
        speaker_id = self._dossier_speaker()
        if speaker_id is None:
            self.notify(
                "No speaker here: highlight one in the speakers pane (s) or the search results, or go to a quote (n).", timeout=4
            )
            return
        self.open_dossier(speaker_id)

    def open_dossier(self, speaker_id: str) -> None:
        from reader.reading.dossier import dossier
        from reader.ui.screens.dossier import DossierScreen

        def opened(chosen: tuple[int, int] | None) -> None:
            if chosen is not None:
                article, quote = chosen
                self.open_article(article, quote)
                self.set_quote(quote)
                self.query_one(ReadingPane).focus()

        if not self.is_screen_installed("dossier"):  # made once, opened for each speaker
            self.install_screen(DossierScreen(lambda sid: dossier(self.lib, self.navigator, sid)), "dossier")
        screen = self.get_screen("dossier")
        assert isinstance(screen, DossierScreen)
        screen.open(speaker_id)
        if screen not in self.screen_stack:  # (open already: it shows the new speaker)
            self.push_screen(screen, opened)

    def action_overview(self) -> None:
        from reader.reading.overview import overview
        from reader.ui.screens.overview import OverviewScreen

        if self.library is None:
            self.notify("The library is still loading.", timeout=3)
            return
        figures = overview(self.lib, self.navigator)
        if not self.is_screen_installed("overview"):  # made once, shown again with new figures
            self.install_screen(OverviewScreen(figures), "overview")
        screen = self.get_screen("overview")
        assert isinstance(screen, OverviewScreen)
        screen.show(figures)
        if screen not in self.screen_stack:
            self.push_screen(screen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The reading keys act on the main screen: over another screen (a dossier, the
        overview, help) they would move things out of sight, so only that screen's keys, help
        and quit answer there."""
        return not (len(self.screen_stack) > 1 and action in _MAIN_SCREEN_ACTIONS)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Library at a glance", "Who is quoted most, in which sources, how surely, and when", self.action_overview
        )
        yield SystemCommand(
            "Speaker dossier",
            "The current quote's speaker: their quotes over time, by article, and beside whom",
            self.action_dossier,
        )

    def action_help(self) -> None:
        """Every key from the active bindings (so a remapped key shows as it is now)."""
        rows: dict[str, list[str]] = {}
        for active in self.active_bindings.values():
            b = active.binding
            if b.description and b.id and not b.id.startswith(("pane.", "list.", "text.", "options.")):
                rows.setdefault(keys.help_text(b.id, b.description), []).append(b.key_display or self.get_key_display(b))
        table = [(", ".join(dict.fromkeys(keys)), what) for what, keys in rows.items()]
        self.push_screen(HelpScreen(table + self.PANE_KEYS))


# the app's own actions that act on the main screen (not help, quit, or moving the focus)
_MAIN_SCREEN_ACTIONS = {k.action.split("(")[0] for k in keys.keys_of("app")} - {"help", "quit", "focus_next", "focus_previous"}


def _heading_row(heading: Heading) -> Row:
    return Row(
        heading.source,
        f"{heading.articles} article{'s' * (heading.articles != 1)} · {heading.unread} unread",
        None,
        False,
        heading=True,
    )
