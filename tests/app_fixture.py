"""The app on frozen annotations (tests/data/app_fixture.json), so app tests do not move with
the extractor."""

from pathlib import Path

import msgspec
from helpers import DATA, SEEDS

from reader.library.core import Library, load_library
from reader.nlp.records import Annotation
from reader.state import StateFile
from reader.ui.app import ReaderApp

FIXTURE = msgspec.json.decode((DATA / "app_fixture.json").read_bytes(), type=dict[str, Annotation])


def fixture_library(with_third: bool = True, with_search: bool = False) -> Library:
    folders = [SEEDS] + ([DATA / "library"] if with_third else []) + ([DATA / "search_library"] if with_search else [])
    lib = load_library(folders)
    lib.annotations = {a.id: FIXTURE[a.id] for a in lib.articles}
    return lib.finish()


def make_app(with_third: bool = True, state: Path | None = None, with_search: bool = False) -> ReaderApp:
    return ReaderApp(library=fixture_library(with_third, with_search), state_file=StateFile(state) if state else None)


def make_configured_app(tmp_path: Path, config_text: str = "", theme: str | None = None, state: Path | None = None) -> ReaderApp:
    from reader.config import load_config

    path = tmp_path / "config.toml"
    path.write_text(config_text)
    return ReaderApp(
        library=fixture_library(), config=load_config(path), theme=theme, state_file=StateFile(state) if state else None
    )


DOSSIER = msgspec.json.decode((DATA / "dossier_fixture.json").read_bytes(), type=dict[str, Annotation])


def dossier_library() -> Library:
    """Eight dated articles from three sources with recurring speakers (tests/data/dossier_library)."""
    lib = load_library([DATA / "dossier_library"])
    lib.annotations = {a.id: DOSSIER[a.id] for a in lib.articles}
    return lib.finish()


def make_dossier_app(theme: str | None = None) -> ReaderApp:
    return ReaderApp(library=dossier_library(), theme=theme)
