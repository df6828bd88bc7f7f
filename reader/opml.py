"""Subscriptions in OPML 2.0, the format every feed reader trades in (`reader feeds import`
and `export`); apart from reader.feeds so that the app's start imports no XML parser."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from email.utils import formatdate
from xml.sax.saxutils import quoteattr

from reader.feeds import Feed


class OpmlError(ValueError):
    pass


def read_opml(data: bytes) -> list[Feed]:
    """Every outline with an `xmlUrl`, however deeply the folders nest them."""
    if b"<!DOCTYPE" in data[:2000] or b"<!ENTITY" in data:  # no DTDs: no entity expansion games
        raise OpmlError("it declares a DTD or entities, which OPML never needs")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OpmlError(f"not valid XML ({exc})") from None
    if root.tag != "opml":
        raise OpmlError(f"not OPML (the root element is <{root.tag}>)")
    feeds: list[Feed] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url and all(f.url != url for f in feeds):
            feeds.append(Feed(url, (outline.get("title") or outline.get("text") or "").strip()))
    return feeds


def write_opml(feeds: list[Feed], title: str = "quotereader subscriptions") -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head>\n    <title>{_text(title)}</title>\n    <dateCreated>{formatdate(usegmt=True)}</dateCreated>\n  </head>",
        "  <body>",
    ]
    for feed in feeds:
        name = feed.title or feed.url
        lines.append(f'    <outline type="rss" text={quoteattr(name)} title={quoteattr(name)} xmlUrl={quoteattr(feed.url)}/>')
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
