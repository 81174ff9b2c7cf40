"""Keep environment.yml and binder/ honest without conda: compare them with pyproject.toml.

conda cannot run on the machines this course is built and tested on, so the conda files are
never solved here. Instead every package and version range they list must be exactly those of
pyproject.toml (dependencies + the ``lab`` and ``test`` extras), the Python pin must lie within
``requires-python``, and each file must install course_lib the way its user needs. Colab and
Binder install a built wheel rather than the source tree, so the setuptools configuration must
ship every module and data file.
"""
from __future__ import annotations

import fnmatch
import re
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the test extra installs tomli
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
ENVIRONMENT = ROOT / "environment.yml"
BINDER_ENVIRONMENT = ROOT / "binder" / "environment.yml"
BINDER_POSTBUILD = ROOT / "binder" / "postBuild"

#: extras of pyproject.toml that the conda environments mirror
MIRRORED_EXTRAS = ("lab", "test")
#: conda-forge name -> PyPI name, where they differ
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}
NOT_ON_PYPI = {"python", "pip"}


def pyproject_requirements(text: str, python: str) -> dict[str, SpecifierSet]:
    """Package -> specifier of the dependencies and mirrored extras in a pyproject.toml text.

    Requirements whose environment marker is false on Python ``python`` (e.g. a backport only
    needed before 3.11) are left out.
    """
    project = tomllib.loads(text)["project"]
    reqs = list(project["dependencies"])
    for extra in MIRRORED_EXTRAS:
        reqs += project.get("optional-dependencies", {}).get(extra, [])
    env = {"python_version": python, "python_full_version": f"{python}.0"}
    return {canonicalize_name(r.name): r.specifier for r in map(Requirement, reqs)
            if r.marker is None or r.marker.evaluate(env)}


def conda_requirements(env: dict) -> dict[str, SpecifierSet]:
    """Package (PyPI name) -> specifier of the conda dependencies of a parsed environment file."""
    out = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):  # the "pip:" sub-list
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*(.*)", dep.strip())
        assert m, f"cannot read conda dependency {dep!r}"
        name, spec = CONDA_TO_PYPI.get(m.group(1), m.group(1)), m.group(2).replace(" ", "")
        if name in NOT_ON_PYPI:
            continue
        spec = re.sub(r"^=(?!=)([^,]+)$", r"==\1.*", spec)  # conda's "x=1.2" means 1.2.*
        out[canonicalize_name(name)] = SpecifierSet(spec)
    return out


def disagreements(pyproject: dict[str, SpecifierSet], conda: dict[str, SpecifierSet]) -> dict[str, tuple]:
    """Package -> (pyproject specifier, conda specifier) wherever the two differ or one is missing."""
    names = pyproject.keys() | conda.keys()
    return {n: (str(pyproject.get(n, "missing")), str(conda.get(n, "missing")))
            for n in sorted(names) if pyproject.get(n) != conda.get(n)}


def python_pin(env: dict) -> str:
    """The version in the environment's ``python=X.Y`` pin."""
    pins = [d for d in env["dependencies"] if isinstance(d, str) and re.match(r"python\s*[=<>]", d)]
    assert len(pins) == 1, f"expected one python pin, found {pins}"
    m = re.fullmatch(r"python\s*=\s*(\d+\.\d+)(?:\.\*)?", pins[0].strip())
    assert m, f"the python pin must be an exact minor version like python=3.12, got {pins[0]!r}"
    return m.group(1)


def pip_section(env: dict) -> list[str]:
    """The entries of the environment's ``pip:`` sub-list (empty if there is none)."""
    return [x for d in env["dependencies"] if isinstance(d, dict) for x in d.get("pip", [])]


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


# ---- the real files -------------------------------------------------------------------------

@pytest.mark.parametrize("path", [ENVIRONMENT, BINDER_ENVIRONMENT], ids=["environment.yml", "binder"])
def test_same_packages_and_specifiers_as_pyproject(path):
    env = _load(path)
    diffs = disagreements(pyproject_requirements(PYPROJECT.read_text(), python_pin(env)), conda_requirements(env))
    assert not diffs, f"pyproject.toml vs {path.relative_to(ROOT)} (pyproject, conda): {diffs}"


@pytest.mark.parametrize("path", [ENVIRONMENT, BINDER_ENVIRONMENT], ids=["environment.yml", "binder"])
def test_python_pin_within_requires_python(path):
    requires = tomllib.loads(PYPROJECT.read_text())["project"]["requires-python"]
    pin = python_pin(_load(path))
    assert Version(pin) in SpecifierSet(requires), f"python={pin} is outside requires-python {requires}"


def test_both_files_pin_the_same_python():
    assert python_pin(_load(ENVIRONMENT)) == python_pin(_load(BINDER_ENVIRONMENT))


def test_conda_forge_only():
    for path in (ENVIRONMENT, BINDER_ENVIRONMENT):
        assert _load(path)["channels"] == ["conda-forge"], path


def test_local_environment_installs_the_package_editable():
    assert "-e ." in pip_section(_load(ENVIRONMENT))


def test_binder_environment_has_no_local_reference_and_postbuild_installs_the_package():
    local = [x for x in pip_section(_load(BINDER_ENVIRONMENT)) if x.startswith(("-e", ".", "/", "file:"))]
    assert not local, f"binder/environment.yml must not install local paths (postBuild does): {local}"
    assert "python -m pip install --no-deps ." in BINDER_POSTBUILD.read_text()
    assert BINDER_POSTBUILD.stat().st_mode & 0o111, "binder/postBuild must be executable"


def unshipped_files(pyproject_text: str, package_root: Path) -> list[str]:
    """Files under ``package_root`` that a wheel built with this pyproject would leave out.

    Modules count as shipped when their folder's dotted name matches a
    ``[tool.setuptools.packages.find] include`` pattern; other files when they match the
    ``package-data`` globs of the top package (the two settings this project uses).
    """
    setuptools_cfg = tomllib.loads(pyproject_text).get("tool", {}).get("setuptools", {})
    include = setuptools_cfg.get("packages", {}).get("find", {}).get("include", []) \
        if isinstance(setuptools_cfg.get("packages"), dict) else setuptools_cfg.get("packages", [])
    data_globs = setuptools_cfg.get("package-data", {}).get(package_root.name, [])
    missing = []
    for f in sorted(package_root.rglob("*")):
        if not f.is_file() or "__pycache__" in f.parts:
            continue
        rel = f.relative_to(package_root.parent)
        if f.suffix == ".py":
            dotted = ".".join(rel.parent.parts)
            ok = any(fnmatch.fnmatchcase(dotted, pat) for pat in include)
        else:
            ok = any(fnmatch.fnmatchcase(str(f.relative_to(package_root)), g) for g in data_globs)
        if not ok:
            missing.append(str(rel))
    return missing


def test_the_wheel_ships_every_module_and_data_file():
    """Colab and Binder install a built wheel, not the source tree: nothing may be left out."""
    assert unshipped_files(PYPROJECT.read_text(), ROOT / "course_lib") == []


def test_unshipped_files_are_found(tmp_path):
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "data").mkdir()
    for name in ("pkg/__init__.py", "pkg/sub/__init__.py", "pkg/data/a.npz", "pkg/data/b.csv"):
        (tmp_path / name).write_text("")
    only_top = '[tool.setuptools]\npackages = ["pkg"]\n[tool.setuptools.package-data]\npkg = ["data/*.npz"]\n'
    assert unshipped_files(only_top, tmp_path / "pkg") == ["pkg/data/b.csv", "pkg/sub/__init__.py"]


# ---- the comparison itself catches disagreements ----------------------------------------------

PYPROJECT_SAMPLE = """
[project]
name = "x"
requires-python = ">=3.10"
dependencies = ["numpy>=1.26", "matplotlib>=3.8"]
[project.optional-dependencies]
lab = ["jupyterlab>=4"]
test = ["pytest>=8", "tomli>=2; python_version < '3.11'"]
"""


def _env(*deps):
    return {"channels": ["conda-forge"], "dependencies": ["python=3.12", *deps, "pip", {"pip": ["-e ."]}]}


def test_agreeing_sample_has_no_disagreements():
    env = _env("numpy>=1.26", "matplotlib-base>=3.8", "jupyterlab>=4", "pytest>=8")
    assert disagreements(pyproject_requirements(PYPROJECT_SAMPLE, "3.12"), conda_requirements(env)) == {}


def test_a_requirement_needed_by_the_pinned_python_must_be_listed():
    env = _env("numpy>=1.26", "matplotlib-base>=3.8", "jupyterlab>=4", "pytest>=8")
    env["dependencies"][0] = "python=3.10"
    diffs = disagreements(pyproject_requirements(PYPROJECT_SAMPLE, "3.10"), conda_requirements(env))
    assert list(diffs) == ["tomli"]


@pytest.mark.parametrize("deps, culprit", [
    (("numpy>=1.25", "matplotlib-base>=3.8", "jupyterlab>=4", "pytest>=8"), "numpy"),        # other bound
    (("numpy=1.26", "matplotlib-base>=3.8", "jupyterlab>=4", "pytest>=8"), "numpy"),         # conda pin
    (("numpy>=1.26", "matplotlib-base>=3.8", "pytest>=8"), "jupyterlab"),                    # missing
    (("numpy>=1.26", "matplotlib-base>=3.8", "jupyterlab>=4", "pytest>=8", "scipy"), "scipy"),  # extra
])
def test_disagreements_are_found(deps, culprit):
    diffs = disagreements(pyproject_requirements(PYPROJECT_SAMPLE, "3.12"), conda_requirements(_env(*deps)))
    assert list(diffs) == [culprit]


@pytest.mark.parametrize("deps", [["python>=3.10"], ["python=3"], ["numpy"], ["python=3.12", "python>=3"]],
                         ids=["lower-bound", "major-only", "none", "two"])
def test_python_pin_must_be_one_exact_minor_version(deps):
    with pytest.raises(AssertionError):
        python_pin({"dependencies": deps})
