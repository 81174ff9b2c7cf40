"""Tests of the small core modules: controls, style, setup, progress, catalog, papers, repository."""

import numpy as np
import pytest

import course_lib
from course_lib import catalog
from course_lib.core import controls, progress, repository, style
from course_lib.core import environment as setup_check
from course_lib.core.validation import check_array, check_count
from course_lib.core.validation import check_scalar as check_number
from course_lib.papers import wei2022


class TestControls:
    def test_int_slider(self):
        s = controls.IntSlider(2, 5, 4)
        assert s.extremes() == [2, 4, 5]
        assert s.sweep(10) == [2, 3, 4, 5]
        assert s.validate("n", 3) == 3
        with pytest.raises(ValueError, match="n must be between 2 and 5"):
            s.validate("n", 6)
        with pytest.raises(TypeError, match="n must be an int"):
            s.validate("n", 3.0)
        with pytest.raises(TypeError):
            s.validate("n", True)

    def test_float_slider(self):
        s = controls.FloatSlider(0.0, 1.0, 0.5, 0.1)
        assert s.extremes() == [0.0, 0.5, 1.0]
        assert len(s.sweep(7)) == 7
        for slider in (s, controls.FloatSlider(0.5, 1.0, 0.8, 0.05)):
            steps = [(v - slider.min) / slider.step for v in slider.sweep()]
            assert all(abs(k - round(k)) < 1e-9 for k in steps), f"{slider}: sweep values off its steps"
        with pytest.raises(ValueError, match="c must be between"):
            s.validate("c", 1.5)
        with pytest.raises(TypeError, match="c must be a number"):
            s.validate("c", "0.5")

    def test_choice(self):
        c = controls.Choice(("a", "b", "c"), "b")
        assert c.extremes() == ["a", "b", "c"]
        assert c.sweep() == ["a", "b", "c"]
        with pytest.raises(ValueError, match="metric must be one of"):
            c.validate("metric", "d")
        assert c.display("b") == "b"
        shown = controls.Choice(("a", "b"), "a", labels=("甲", "乙"))
        assert (shown.display("a"), shown.display("b"), shown.validate("m", "b")) == ("甲", "乙", "b")
        with pytest.raises(ValueError, match="one text per option"):
            controls.Choice(("a", "b"), "a", labels=("甲",))

    @pytest.mark.parametrize("make", [lambda: controls.IntSlider(1, 3, 4), lambda: controls.IntSlider(1, 3, 2, step=0),
                                      lambda: controls.FloatSlider(0, 1, 2, 0.1), lambda: controls.Choice(("a",), "b")])
    def test_inconsistent_specs_are_refused(self, make):
        with pytest.raises(ValueError):
            make()


class TestStyle:
    def test_series_style_differs_beyond_colour(self):
        a, b = style.series_style(0), style.series_style(1)
        assert a["linestyle"] != b["linestyle"] and a["marker"] != b["marker"]
        with pytest.raises(ValueError, match="i must be"):
            style.series_style(-1)

    def test_new_figure_is_outside_pyplot(self):
        import matplotlib.pyplot as plt

        before = plt.get_fignums()
        fig, axes = style.new_figure(1, 2)
        assert len(axes) == 2 and plt.get_fignums() == before


class TestSetup:
    def test_prints_versions_and_limits_threads(self, capsys):
        from threadpoolctl import threadpool_info

        assert course_lib.setup() is None
        out = capsys.readouterr().out
        assert "numpy" in out and f"course_lib {course_lib.__version__}" in out
        assert all(info["num_threads"] == 1 for info in threadpool_info())

    def test_version_problems_are_reported(self):
        v = {"python": "3.11.0", "numpy": "1.20.0", "matplotlib": "3.9.0", "scikit-learn": "1.5.0",
             "ipywidgets": "9.0.0"}
        problems = setup_check.version_problems(v)
        assert any("numpy" in p for p in problems) and any("ipywidgets" in p for p in problems)
        assert not any("matplotlib" in p for p in problems)

    def test_verbose_must_be_bool(self):
        with pytest.raises(TypeError, match="verbose"):
            course_lib.setup(verbose="yes")


def test_progress_yields_everything_outside_a_kernel():
    assert list(progress.progress(range(4), label="x")) == [0, 1, 2, 3]
    with pytest.raises(ValueError, match="total"):
        list(progress.progress(iter([1]), total=-1))


def test_catalog_names_are_checked():
    with pytest.raises(ValueError, match="name must be one of"):
        catalog.make_demo("no such demo")
    for name in catalog.DEMOS:
        module, _, attr = catalog.DEMOS[name].partition(":")
        assert module.startswith("course_lib.") and attr


def test_repository_links_name_the_notebook():
    assert "notebooks/01_emergence.ipynb" in repository.colab_badge("01_emergence.ipynb")
    assert repository.GITHUB_REPO in repository.pip_spec()


def test_wei_table_is_sorted_and_filtered():
    rows = wei2022.table_1_rows("few-shot")
    assert [r.train_flops for r in rows] == sorted(r.train_flops for r in rows)
    assert all(r.kind == "few-shot" for r in rows) and len(wei2022.table_1_rows()) == len(wei2022.TABLE_1)
    with pytest.raises(ValueError, match="kind"):
        wei2022.table_1_rows("zero-shot")


def test_validation_names_the_argument():
    assert check_count("n", 3) == 3 and check_number("x", 2) == 2.0
    with pytest.raises(TypeError, match="width must be an int"):
        check_count("width", 2.0)
    with pytest.raises(ValueError, match="seed must be at least 0"):
        check_count("seed", -1, minimum=0)
    with pytest.raises(ValueError, match="alpha must be finite"):
        check_number("alpha", float("nan"))
    with pytest.raises(TypeError, match="alpha must be a number"):
        check_number("alpha", True)


def test_log_axis_labels_are_plain_text_powers_of_ten():
    fig, ax = style.new_figure()
    style.set_log_y(ax)
    label = style.LOG_FORMATTER
    assert label(1e4, 0) == "10⁴" and label(1e-3, 0) == "10⁻³" and label(1.0, 0) == "1"
    assert label(3e4, 0) == "" and label(0, 0) == ""
    assert ax.get_yscale() == "log"


@pytest.mark.parametrize("value, options, error, words", [
    (None, {}, TypeError, "x must be an array of numbers, got NoneType"),
    ("abc", {}, TypeError, "got str"),
    ([True, False], {}, TypeError, "got booleans"),
    (["a", "b"], {}, TypeError, "must hold numbers"),
    ([1.5], {"kind": "iu"}, TypeError, "must hold integers"),
    ([[1, 2], [3]], {}, ValueError, "rectangular"),
    ([[1.0, 2.0]], {"ndim": 1}, ValueError, "1-D array, got shape (1, 2)"),
    (3.0, {}, ValueError, "got the scalar 3.0"),
    ([], {}, ValueError, "at least 1 element"),
    ([], {"kind": "iu"}, ValueError, "at least 1 element"),  # an empty list is float to numpy: size first
    ([1.0, np.nan], {}, ValueError, "finite, got [nan]"),
    ([1e308, -np.inf], {}, ValueError, "finite, got [-inf]"),
    ([0.0, 1.0], {"minimum": 0, "include_minimum": False}, ValueError, "> 0, got [0.0]"),
    ([-1, 2], {"minimum": 0, "kind": "iu"}, ValueError, ">= 0, got [-1]"),
    ([0.5, 1.5], {"maximum": 1}, ValueError, "<= 1, got [1.5]"),
])
def test_check_array_refuses_naming_the_argument(value, options, error, words):
    with pytest.raises(error, match="^x ") as caught:
        check_array("x", value, **options)
    assert words in str(caught.value)


def test_check_array_returns_clean_arrays():
    assert check_array("x", [1, 2], dtype=float).dtype == np.float64
    assert check_array("x", 2.5, scalar=True, ndim=1).shape == ()
    assert check_array("x", [], min_size=0).size == 0
    assert check_array("x", [], kind="iu", min_size=0, dtype=np.int64).dtype == np.int64
    assert check_array("x", [np.nan], finite=False).size == 1
    assert check_array("x", [True], kind="b").dtype == bool
    np.testing.assert_array_equal(check_array("x", [[1, 2]], ndim=(1, 2), kind="iu"), [[1, 2]])


def test_table_html_aligns_words_left_and_numbers_right():
    from course_lib.core.score_tables import table_html
    numbers = table_html(["name", "score"], [["a", "1.0"]])
    assert numbers.count("text-align:left") == 2 and numbers.count("text-align:right") == 2
    words = table_html(["term", "meaning"], [["a", "b"]], text_columns=2)
    assert "text-align:right" not in words
    with pytest.raises(ValueError, match="text_columns"):
        table_html(["a"], [["b"]], text_columns=-1)
