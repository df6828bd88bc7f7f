import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_folders(tmp_path_factory):
    """Tests never touch the user's cache, config, themes or state."""
    os.environ["READER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data"))
    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("state"))
    for name in ("READER_CONFIG", "READER_THEME", "READER_MODEL"):
        os.environ.pop(name, None)
    yield


@pytest.fixture(scope="session")
def nlp():
    """The real model, loaded once for the session."""
    from reader.nlp import pipeline

    return pipeline.load(pipeline.model_info().name)


@pytest.fixture(scope="session")
def annotate_text(nlp):
    from reader.nlp.annotate import from_doc

    def run(text: str):
        return from_doc(nlp(text))

    return run
