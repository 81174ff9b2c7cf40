"""The cache format: round trip, version check, and equal arrays written as equal bytes."""
import json
import time

import numpy as np
import pytest

from course_lib.core import cache as family_cache


def test_cache_file_round_trip_and_version_check(tmp_path):
    flags = np.random.default_rng(5).random((3, 7, 5)) < 0.5  # 105 bits: not a whole byte count
    path = family_cache.write_families(tmp_path / "f.npz", {"a": {"flags": flags, "w": np.arange(3)}}, {"seed": 1})
    fields, settings = family_cache.read_family(str(path), "a")
    assert np.array_equal(fields["flags"], flags) and fields["w"].tolist() == [0, 1, 2]
    assert settings["seed"] == 1 and family_cache.family_names(path) == ["a"]
    with pytest.raises(ValueError, match="name"):
        family_cache.read_family(path, "b")
    old = dict(np.load(path))
    old["settings_json"] = np.asarray(json.dumps({"format_version": 0, "families": ["a"]}))
    np.savez_compressed(tmp_path / "old.npz", **old)
    with pytest.raises(RuntimeError, match="format version"):
        family_cache.read_family(tmp_path / "old.npz", "a")
    with pytest.raises(FileNotFoundError):
        family_cache.read_family(tmp_path / "missing.npz", "a")


def test_equal_arrays_give_equal_bytes(tmp_path, monkeypatch):
    families = {"a": {"flags": np.arange(10) % 3 == 0, "w": np.linspace(0, 1, 5)}}
    first = family_cache.write_families(tmp_path / "first.npz", families, {"seed": 1}).read_bytes()
    later = time.time() + 3600  # a rebuild an hour later must not change the file
    monkeypatch.setattr(time, "time", lambda: later)
    second = family_cache.write_families(tmp_path / "second.npz", families, {"seed": 1}).read_bytes()
    assert first == second


def test_packaged_and_source_files_live_in_the_lesson_cache():
    resource = family_cache.packaged_file("course_lib.emergence", "addition_families.npz")
    assert resource.is_file()
    assert family_cache.source_file("course_lib.emergence", "addition_families.npz").parent.name == "cache"
    with pytest.raises(ValueError, match="package"):
        family_cache.packaged_file("numpy", "x.npz")
