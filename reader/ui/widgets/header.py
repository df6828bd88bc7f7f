"""Above the text, the open article's header (title, source, date, authors, link); below it,
the legend of the entity colours."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, Static

from reader.nlp.labels import KINDS
from reader.reading.links import openable
from reader.sources.article import Article
from reader.text import shown


class ArticleHeader(Static):
    DEFAULT_CSS = """
    ArticleHeader { height: auto; max-height: 4; padding: 0 1 0 1; border-bottom: hkey $primary 30%; }
    ArticleHeader.-empty { display: none; }
    """

    def show(self, article: Article | None) -> None:
        self.set_class(article is None, "-empty")
        if article is None:
            self.update("")
            return
        # every part is plain text from the article: Text, never markup
        text = Text(shown(article.title), style="bold")
        meta = [shown(x) for x in (article.source, article.date, ", ".join(article.authors)) if x]
        if meta:
            text.append("\n" + " · ".join(meta), style="dim")
        if article.url and openable(article.url):  # a feed's guid is not always a link
            text.append("\n" + shown(article.url), style="dim underline")
        text.no_wrap, text.overflow = True, "ellipsis"
        self.update(text)


LEGEND = {"person": "person", "organisation": "org", "place": "place", "date-number": "date/number", "other": "other"}


class Legend(Horizontal):
    """One line: each entity kind in its colour, and how a quote looks."""

    DEFAULT_CSS = """
    Legend { height: 1; padding: 0 1; }
    Legend Label { margin-right: 2; }
    Legend .-person { color: $reader-person; }
    Legend .-organisation { color: $reader-organisation; }
    Legend .-place { color: $reader-place; }
    Legend .-date-number { color: $reader-date-number; }
    Legend .-other { color: $reader-other; }
    Legend .-quote { color: $reader-quote; text-style: italic; }
    """

    def compose(self) -> ComposeResult:
        for kind in KINDS:
            yield Label(f"■ {LEGEND[kind]}", classes=f"-{kind}")
        yield Label("“quote”", classes="-quote")

    def show_kinds(self, kinds: set[str]) -> None:
        for kind in KINDS:
            for label in self.query(f".-{kind}"):
                label.display = kind in kinds
