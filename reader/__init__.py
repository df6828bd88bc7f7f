"""reader: a terminal reader for news articles, their entities and their quotations."""

__version__ = "0.1.0"
