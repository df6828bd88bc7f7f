"""The annotation cache: round trip, corrupt entries rebuilt, atomic writes."""

import logging

from reader.library.cache import Cache
from reader.nlp.records import Annotation, Entity, Quote
from reader.paths import atomic_write

ANN = Annotation([Entity(0, 5, "PERSON")], [(0, 5)], [Quote(parts=[(7, 12)], speaker="Ann Lee", speaker_kind="person")])


def test_round_trip(tmp_path):
    cache = Cache("k1", tmp_path)
    assert cache.get("abcd1234") is None
    cache.put("abcd1234", ANN)
    assert cache.get("abcd1234") == ANN
    assert Cache("k2", tmp_path).get("abcd1234") is None  # another pipeline never reads it


def test_corrupt_entry_is_dropped_with_a_log_line(tmp_path, caplog):
    cache = Cache("k1", tmp_path)
    cache.put("abcd1234", ANN)
    path = cache._file("abcd1234")
    path.write_bytes(b"\x93garbage")
    with caplog.at_level(logging.WARNING, logger="reader.library.cache"):
        assert cache.get("abcd1234") is None
    assert "corrupt" in caplog.text
    assert not path.exists()


def test_atomic_write_leaves_no_temp_files(tmp_path):
    target = tmp_path / "x" / "f.bin"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["f.bin"]


def test_clear(tmp_path):
    cache = Cache("k1", tmp_path / "c")
    cache.put("abcd1234", ANN)
    cache.clear()
    assert cache.get("abcd1234") is None


def test_sweep_removes_old_temp_files_only(tmp_path):
    import os
    import time

    cache = Cache("k1", tmp_path)
    cache.put("abcd1234", ANN)
    old = cache.dir / "ab" / ".abcd1234.msgpack.x1.tmp"
    new = cache.dir / "ab" / ".abcd1234.msgpack.x2.tmp"
    old.write_bytes(b"half")
    new.write_bytes(b"half")
    past = time.time() - 3600
    os.utime(old, (past, past))
    assert cache.sweep() == 1
    assert not old.exists() and new.exists() and cache.get("abcd1234") == ANN


def test_compact_keeps_the_chunks():
    from reader.nlp.records import compact

    ann = Annotation([], [(0, 5), (7, 12), (70000, 70010)], [])
    before = list(ann.chunks)
    assert list(compact(ann).chunks) == before == [(0, 5), (7, 12), (70000, 70010)]
