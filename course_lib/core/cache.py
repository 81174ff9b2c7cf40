"""Read and write precomputed model families as compressed ``.npz`` package data.

Each lesson keeps its cached results in its own ``cache/`` folder (``course_lib/<lesson>/cache``),
shipped as package data, and offers a ``build_cache()`` that rebuilds them; ``make cache``
rebuilds every lesson's. The files are written byte for byte the same when the arrays are
the same (fixed zip timestamps), so a rebuild on the same machine changes nothing in git.

A cache file holds several named families, each a dict of arrays, plus one JSON record of
the settings that produced them. Boolean arrays are stored bit-packed (``np.packbits``),
eight values to a byte, and restored to their shape on reading. The file also records
:data:`FORMAT_VERSION`; reading a file written in another format raises, with the
command that rebuilds it.

Shipped files are found through ``importlib.resources`` (:func:`packaged_file`), so they
load the same from a source checkout, a pip-installed wheel or Colab.
"""
from __future__ import annotations

import io
import json
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any, Union

try:
    from importlib.resources.abc import Traversable  # Python >= 3.11
except ImportError:  # Python 3.10
    from importlib.abc import Traversable

import numpy as np

__all__ = ["FORMAT_VERSION", "REBUILD", "write_families", "read_family", "family_names", "packaged_file",
           "source_file"]

#: bump when the layout of cache files changes; old files then refuse to load
FORMAT_VERSION = 1
#: the one command that rebuilds every cache, named by every error about a cache
REBUILD = "make cache (python -m course_lib.build_cache)"
_SEP = "/"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_PACKED = "__packed_shape"
_RESERVED = ("format_version", "families")

#: a cache file: a path, or a package resource (what :func:`packaged_file` returns)
Source = Union[str, Path, Traversable]


def _as_source(source: Source) -> Path | Traversable:
    if isinstance(source, str):
        source = Path(source)
    if not isinstance(source, Traversable):
        raise TypeError(f"source must be a path or a package resource, got {type(source).__name__}")
    if not source.is_file():
        raise FileNotFoundError(f"no cache file at {source}; rebuild it with {REBUILD}")
    return source


def _check_names(package: str, filename: str) -> None:
    if not isinstance(package, str) or not package.startswith("course_lib."):
        raise ValueError(f"package must name a course_lib subpackage, got {package!r}")
    if not isinstance(filename, str) or not filename.endswith(".npz") or "/" in filename:
        raise ValueError(f"filename must be a plain .npz file name, got {filename!r}")


def packaged_file(package: str, filename: str) -> Traversable:
    """The resource ``<package>/cache/<filename>`` of the installed course_lib (may not exist).

    Parameters
    ----------
    package : str
        A lesson package, e.g. ``"course_lib.emergence"``.
    filename : str
        Name of a file in its ``cache`` folder.
    """
    _check_names(package, filename)
    return resources.files(package).joinpath("cache", filename)


def source_file(package: str, filename: str) -> Path:
    """Where ``<package>/cache/<filename>`` lives on disk, for writing it (``make cache``)."""
    _check_names(package, filename)
    folder = Path(str(resources.files(package))) / "cache"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / filename


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """``np.savez_compressed`` with fixed timestamps, so equal arrays give equal bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for key in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asanyarray(arrays[key]), allow_pickle=False)
            info = zipfile.ZipInfo(key + ".npy", date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue())


def write_families(path: str | Path, families: dict[str, dict[str, np.ndarray]],
                   settings: dict[str, Any]) -> Path:
    """Write ``families`` and ``settings`` to a compressed ``.npz`` file.

    Parameters
    ----------
    path : str or Path
        Where to write; the parent directory must exist.
    families : dict
        Family name -> {field name -> array}. Names must not contain ``/``.
    settings : dict
        JSON-serialisable record of how the families were made (stored with the
        format version).

    Returns
    -------
    Path
        The path written.
    """
    path = Path(path)
    if not isinstance(settings, dict) or any(key in settings for key in _RESERVED):
        raise ValueError(f"settings must be a dict without the keys {_RESERVED}")
    if not isinstance(families, dict) or not families:
        raise ValueError("families must be a non-empty dict of name -> dict of arrays")
    arrays: dict[str, np.ndarray] = {}
    for name, fields in families.items():
        if not isinstance(name, str) or _SEP in name or not name:
            raise ValueError(f"family names must be non-empty strings without '/', got {name!r}")
        for field, value in fields.items():
            value = np.asarray(value)
            if value.dtype.kind == "O":
                raise TypeError(f"families[{name!r}][{field!r}] must be a numeric array, got dtype object")
            key = f"{name}{_SEP}{field}"
            if value.dtype == bool:
                arrays[key] = np.packbits(value, axis=None)
                arrays[key + _PACKED] = np.asarray(value.shape, dtype=np.int64)
            else:
                arrays[key] = value
    record = {**settings, "format_version": FORMAT_VERSION, "families": sorted(families)}
    arrays["settings_json"] = np.asarray(json.dumps(record, sort_keys=True))
    _write_npz(path, arrays)
    return path


def _read_settings(data) -> dict[str, Any]:
    if "settings_json" not in data.files:
        raise RuntimeError(f"the cache file has no settings record; rebuild it with {REBUILD}")
    settings = json.loads(str(data["settings_json"]))
    if settings.get("format_version") != FORMAT_VERSION:
        raise RuntimeError(f"the cache file has format version {settings.get('format_version')}, "
                           f"this code reads version {FORMAT_VERSION}; rebuild it with {REBUILD}")
    return settings


def family_names(source: Source) -> list[str]:
    """Names of the families stored in the cache file ``source``."""
    with _as_source(source).open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        return list(_read_settings(data)["families"])


def read_family(source: Source, name: str) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Read one family from a cache file.

    Parameters
    ----------
    source : str, Path or package resource
        The cache file, e.g. ``packaged_file("course_lib.emergence", "addition_families.npz")``.
    name : str
        A family name the file holds.

    Returns
    -------
    fields : dict
        Field name -> array, boolean arrays unpacked to their stored shape.
    settings : dict
        The settings record of the file.
    """
    with _as_source(source).open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        settings = _read_settings(data)
        if name not in settings["families"]:
            raise ValueError(f"name must be one of the cached families {settings['families']}, got {name!r}")
        prefix = name + _SEP
        fields = {}
        for key in data.files:
            if not key.startswith(prefix) or key.endswith(_PACKED):
                continue
            field = key[len(prefix):]
            if key + _PACKED in data.files:
                shape = tuple(int(d) for d in data[key + _PACKED])
                count = int(np.prod(shape))
                fields[field] = np.unpackbits(data[key], count=count).astype(bool).reshape(shape)
            else:
                fields[field] = data[key]
    return fields, settings
