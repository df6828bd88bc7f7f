"""Where articles come from: the article model, one reader per format, fetching."""
