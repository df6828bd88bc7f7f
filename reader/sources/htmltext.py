"""HTML fragments (feed entries) as plain text, paragraphs kept: block elements end a
paragraph, scripts and styles are dropped, entities decoded. Whole pages go to trafilatura,
which also finds the article among navigation and comments; a feed entry is only the article."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "hr",
        "dd",
        "dt",
    ]
)
_DROPPED = frozenset({"script", "style", "template", "noscript", "iframe", "svg"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.dropped = 0

    def _end_paragraph(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.dropped += 1
        elif tag in _BLOCKS:
            self._end_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropped = max(0, self.dropped - 1)
        elif tag in _BLOCKS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if not self.dropped:
            self.current.append(data)


def to_text(html: str) -> str:
    """Plain text, one paragraph a line. Text that is not HTML comes back as it was."""
    if "<" not in html and "&" not in html:
        return "\n".join(" ".join(p.split()) for p in html.split("\n") if p.strip())
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._end_paragraph()
    return "\n".join(parser.paragraphs)
