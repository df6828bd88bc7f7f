"""The articles of a library and what is computed across them: annotations taken from the
cache or made, entity label votes, speakers merged, the annotation processes."""
