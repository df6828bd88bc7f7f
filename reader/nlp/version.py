"""The annotator's version: part of every cache key, so a change to what annotation produces
rebuilds the cache. Its own module: the cache key is needed where the extractor is not."""

# Bump when the records change for the same text: the cache keys on it. (That includes a fix
# that turns a failure into a result: failed articles are cached, with their reason.)
ANNOTATOR_VERSION = "15"
