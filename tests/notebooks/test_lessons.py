"""Each notebook prints the same text on every run.

Every notebook in notebooks/ is executed twice, on two fresh kernels at the same time, and
the text outputs of every code cell (stdout and ``text/plain``, after replacing memory
addresses and elapsed-time figures such as "5.3 s" by placeholders) must be identical. A
difference means an unseeded random choice, or a result that depends on timing or order.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from execute_notebook import execute_many, sanitise, text_outputs

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT = 120  # seconds, as for nbval in `make test`

if NOTEBOOKS:
    PARAMS = [pytest.param(p, id=p.name) for p in NOTEBOOKS]
else:
    PARAMS = [pytest.param(None, id="no-notebooks", marks=pytest.mark.skip(
        reason="notebooks/ holds no .ipynb yet: nothing to execute twice"))]


def differing_cells(first: list[list[str]], second: list[list[str]]) -> list[str]:
    """Describe each code cell whose text outputs differ between two runs."""
    return [f"code cell {i}: {a!r} != {b!r}" for i, (a, b) in enumerate(zip(first, second)) if a != b]


@pytest.mark.slow
@pytest.mark.parametrize("path", PARAMS)
def test_two_runs_print_the_same(path):
    first, second = (text_outputs(nb) for nb in execute_many([path, path], timeout=CELL_TIMEOUT))
    assert differing_cells(first, second) == []


def test_sanitise_hides_addresses_and_timings_only():
    assert sanitise("<Obj at 0x7f3a2b1c9d10> took 5.3 s, then 12 ms") == "<Obj at 0xADDRESS> took <TIME>, then <TIME>"
    assert sanitise("<Figure size 640x480 with 1 Axes>") == "<Figure size 640x480 with 1 Axes>"
    assert sanitise("accuracy 0.53 at 3 seeds") == "accuracy 0.53 at 3 seeds"


def test_a_difference_is_reported():
    assert differing_cells([["stdout: 1\n"], []], [["stdout: 2\n"], []]) == ["code cell 0: ['stdout: 1\\n'] != ['stdout: 2\\n']"]
    assert differing_cells([["stdout: 1\n"]], [["stdout: 1\n"]]) == []


@pytest.mark.slow
def test_an_unseeded_notebook_is_caught(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import random\nprint(random.random())")]
    path = tmp_path / "unseeded.ipynb"
    nbformat.write(nb, path)
    first, second = (text_outputs(n) for n in execute_many([path, path], timeout=30))
    assert differing_cells(first, second)
