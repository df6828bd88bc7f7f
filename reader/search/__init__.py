"""The in-memory search index, and what a library puts in it."""
