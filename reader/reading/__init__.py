"""Moving through a library: quote navigation, line layout, links."""
