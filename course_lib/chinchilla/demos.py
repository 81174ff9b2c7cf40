"""Lesson 05 demos: IsoFLOP curves of the published laws, the toy grid's fits, and inference demand.

- :class:`IsoFLOPDemo` (§3): the loss along one IsoFLOP line under a chosen coefficient set,
  where a model of a chosen tokens-per-parameter ratio sits on it, and the frontier beside
  Hoffmann et al.'s Table 3.
- :class:`ToyGridDemo` (§6-§7): an IsoFLOP grid of tiny models with the law fitted to it (E
  free or fixed to the true entropy) and the three approaches' frontiers.
- :class:`InferenceDemo` (§10): lifetime compute of every model size that reaches a target
  loss, for a chosen lifetime inference demand (Sardana et al. 2024).
"""
from __future__ import annotations

from typing import Any

import numpy as np

from course_lib.chinchilla.analysis import GridAnalysis, analyse_grid
from course_lib.chinchilla.grid import MAIN_BUDGETS, PARAMETER_COUNTS, load_grid
from course_lib.chinchilla.names import FIT_KEYS, PARAMETER_KEYS, law_name
from course_lib.core.controls import Choice, FloatSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.core.style import new_figure, series_style, set_log_x, set_log_y
from course_lib.core.score_tables import table_html
from course_lib.papers import hoffmann2022
from course_lib.scaling import COEFFICIENT_SETS, compute_optimal, inference_optimal, isoflop_curve, tokens_for_loss

__all__ = ["IsoFLOPDemo", "ToyGridDemo", "InferenceDemo"]

LAW_NAMES = tuple(COEFFICIENT_SETS)
#: tokens-per-parameter ratios offered for "your model" (strings: they label toggle buttons); Gopher had about 1
TOKEN_RATIOS = ("1", "5", "20", "100", "500")


def _table(rows: list[tuple[str, str]]) -> str:
    return table_html(None, [[k, v] for k, v in rows])


class IsoFLOPDemo(Demo):
    """Loss along an IsoFLOP line of the published laws, and the compute-optimal frontier.

    Used in notebook 05 §3.
    """

    caption_key = "chinchilla.isoflop.caption"

    def __init__(self):
        self.controls = {
            "log10_compute": FloatSlider(18.0, 26.0, 23.75, 0.05, label=message("chinchilla.isoflop.control_compute")),
            "coefficients": Choice(LAW_NAMES, LAW_NAMES[0], label=message("chinchilla.control.coefficients"),
                                   labels=tuple(law_name(name) for name in LAW_NAMES)),
            "tokens_per_param": Choice(TOKEN_RATIOS, "20", label=message("chinchilla.isoflop.control_ratio")),
        }
        self.fig, (self.ax, self.ax_frontier) = new_figure(1, 2, figsize=(8.4, 3.6), margins={"right": 0.96})
        self.n_grid = np.geomspace(1e6, 1e14, 400)
        self.curve, = self.ax.plot([], [], **dict(series_style(0), marker=None), label=figure_message("chinchilla.isoflop.legend_line"))
        self.best, = self.ax.plot([], [], linestyle="none", marker="o", color=series_style(0)["color"],
                                  markersize=8, label=figure_message("chinchilla.isoflop.legend_optimum"))
        self.yours, = self.ax.plot([], [], linestyle="none", marker="s", color=series_style(1)["color"],
                                   markersize=8, label=figure_message("chinchilla.isoflop.legend_yours"))
        set_log_x(self.ax)
        self.ax.set_xlim(1e6, 1e14)
        self.ax.set_ylim(1.6, 4.6)
        self.ax.set_xlabel(figure_message("chinchilla.axis.parameters"))
        self.ax.set_ylabel(figure_message("chinchilla.isoflop.ylabel"))
        self.ax.legend(loc="upper right", fontsize=9)
        self.ax.set_title(figure_message("chinchilla.isoflop.title_line"), fontsize=11)
        compute = np.geomspace(1e18, 1e26, 50)
        self.frontier_lines = {}
        for i, (name, law) in enumerate(COEFFICIENT_SETS.items()):
            style = dict(series_style(i), marker=None)
            self.frontier_lines[name], = self.ax_frontier.plot(compute, compute_optimal(compute, law)[0],
                                                               label=law_name(name, figure=True), **style)
        table = hoffmann2022.TABLE_3
        self.ax_frontier.plot([r.flops for r in table], [r.params for r in table], linestyle="none", marker="x",
                              color="black", label=figure_message("chinchilla.isoflop.legend_table3"))
        self.here, = self.ax_frontier.plot([], [], linestyle="none", marker="o", color="black", markersize=8,
                                           markerfacecolor="none", markeredgewidth=2)
        set_log_x(self.ax_frontier)
        set_log_y(self.ax_frontier)
        self.ax_frontier.set_xlim(1e18, 1e26)
        self.ax_frontier.set_ylim(1e8, 1e13)
        self.ax_frontier.set_xlabel(figure_message("chinchilla.isoflop.xlabel_frontier"))
        self.ax_frontier.set_ylabel(figure_message("chinchilla.isoflop.ylabel_frontier"))
        self.ax_frontier.legend(loc="upper left", fontsize=8)
        self.ax_frontier.set_title(figure_message("chinchilla.isoflop.title_frontier"), fontsize=11)
        self.data_artists = [self.curve, self.best, self.yours, self.here, *self.frontier_lines.values()]

    def compute(self, log10_compute: float, coefficients: str, tokens_per_param: str) -> dict[str, Any]:
        law = COEFFICIENT_SETS[coefficients]
        tokens_per_param = float(tokens_per_param)
        C = 10.0 ** log10_compute
        n_opt, d_opt = compute_optimal(C, law)
        n_yours = np.sqrt(C / (6 * tokens_per_param))  # D = r N and C = 6 N D
        return {"C": C, "law": coefficients, "loss": isoflop_curve(C, self.n_grid, law), "n_opt": n_opt,
                "d_opt": d_opt, "loss_opt": law.loss(n_opt, d_opt), "n_yours": n_yours,
                "loss_yours": law.loss(n_yours, tokens_per_param * n_yours), "ratio": tokens_per_param}

    def draw(self, state: dict[str, Any]) -> None:
        self.curve.set_data(self.n_grid, state["loss"])
        self.best.set_data([state["n_opt"]], [state["loss_opt"]])
        self.yours.set_data([state["n_yours"]], [state["loss_yours"]])
        self.here.set_data([state["C"]], [state["n_opt"]])
        for name, line in self.frontier_lines.items():
            line.set_linewidth(3.5 if name == state["law"] else 1.2)

    def summary_html(self, state: dict[str, Any]) -> str:
        return _table([(message("chinchilla.isoflop.row_compute"), message("chinchilla.isoflop.value_compute", C=state["C"])),
                       (message("chinchilla.isoflop.row_optimum"),
                        message("chinchilla.isoflop.value_optimum", n=state["n_opt"], d=state["d_opt"])),
                       (message("chinchilla.isoflop.row_ratio"), f"{state['d_opt'] / state['n_opt']:.1f}"),
                       (message("chinchilla.isoflop.row_loss"), f"{state['loss_opt']:.4f}"),
                       (message("chinchilla.isoflop.row_yours", ratio=state["ratio"]),
                        message("chinchilla.isoflop.value_yours", n=state["n_yours"], loss=state["loss_yours"],
                                extra=state["loss_yours"] - state["loss_opt"]))])


class ToyGridDemo(Demo):
    """An IsoFLOP grid of tiny language models, the law fitted to it, and the three approaches' frontiers.

    Used in notebook 05 §6-§7.

    Parameters
    ----------
    analysis : GridAnalysis, optional
        What the notebook computed (:func:`~course_lib.chinchilla.analysis.analyse_grid`); by
        default the cached grid at :data:`~course_lib.chinchilla.grid.MAIN_BUDGETS`, analysed here (about a second).
        The same runs with N counting all parameters are analysed when that toggle is first chosen.
    """

    caption_key = "chinchilla.toy.caption"

    def __init__(self, analysis: GridAnalysis | None = None):
        self.controls = {"fit": Choice(tuple(FIT_KEYS), "E free", label=message("chinchilla.toy.control_fit"),
                                       labels=tuple(message(key) for key in FIT_KEYS.values())),
                         "parameters": Choice(PARAMETER_COUNTS, "non-embedding",
                                              label=message("chinchilla.toy.control_parameters"),
                                              labels=tuple(message(PARAMETER_KEYS[p]) for p in PARAMETER_COUNTS))}
        if analysis is None:
            analysis = analyse_grid(load_grid().subset(MAIN_BUDGETS))
        if not isinstance(analysis, GridAnalysis):
            raise TypeError(f"analysis must be a GridAnalysis, got {type(analysis).__name__}")
        self.analysis = analysis
        self.analyses = {analysis.parameters: analysis}
        grid = analysis.grid
        self.fig, (self.ax, self.ax_frontier) = new_figure(1, 2, figsize=(8.4, 3.8))
        n_all = np.concatenate([grid.n_params, grid.counting("all").n_params])
        self.n_grid = np.geomspace(n_all.min() / 1.5, n_all.max() * 1.5, 200)
        self.fit_lines, self.markers = [], []
        for i, budget in enumerate(grid.budgets):
            style = series_style(i)
            marker, = self.ax.plot([], [], linestyle="none", marker=style["marker"], color=style["color"],
                                   label=f"C = {budget:.0e}")
            line, = self.ax.plot([], [], color=style["color"], linestyle="-", linewidth=1.3)
            self.markers.append(marker)
            self.fit_lines.append(line)
        self.e_line = self.ax.axhline(np.nan, color="grey", linestyle="--", linewidth=1.3)
        self.ax.axhline(grid.entropy, color="black", linestyle=":", linewidth=1.5)
        self.ax.text(self.n_grid[0] * 1.6, grid.entropy + 0.02, figure_message("chinchilla.toy.entropy", H=grid.entropy),
                     fontsize=8,
                     va="bottom")
        self.e_label = self.ax.text(self.n_grid[0], np.nan, "", fontsize=8, va="top", color="grey")
        set_log_x(self.ax)
        self.ax.set_xlim(self.n_grid[0], self.n_grid[-1])
        # headroom above the highest run for a one-row legend, clear of the data and of the E and H lines
        self.ax.set_ylim(min(analysis.law.E, grid.entropy) - 0.12, min(grid.loss.max(), 3.2) + 0.35)
        self.ax.set_ylabel(figure_message("chinchilla.toy.ylabel"))
        self.ax.legend(loc="upper center", fontsize=7, ncol=len(grid.budgets), handletextpad=0.2,
                       columnspacing=0.8)
        budgets = np.geomspace(grid.budgets[0] / 1.5, grid.budgets[-1] * 1.5, 30)
        self.parabola_points, = self.ax_frontier.plot([], [], linestyle="none", marker="o",
                                                      color=series_style(0)["color"], label=figure_message("chinchilla.toy.legend_parabola"))
        self.envelope_points, = self.ax_frontier.plot([], [], linestyle="none", marker=".",
                                                      color=series_style(1)["color"], label=figure_message("chinchilla.toy.legend_envelope"))
        self.law_frontier, = self.ax_frontier.plot([], [], color=series_style(2)["color"], linestyle="-",
                                                   label=figure_message("chinchilla.toy.legend_law"))
        self.guide, = self.ax_frontier.plot([], [], color="grey", linestyle=":", linewidth=1.2,
                                      label=figure_message("chinchilla.toy.legend_guide"))
        set_log_x(self.ax_frontier)
        set_log_y(self.ax_frontier)
        self.ax_frontier.set_xlim(budgets[0], budgets[-1])
        a1, a2 = analysis.approach1, analysis.approach2
        self.ax_frontier.set_ylim(min(a2.n_opt.min(), a1.n_best.min()) / 3,
                                  max(a2.n_opt.max(), a1.n_best.max()) * 4)
        self.ax_frontier.set_xlabel(figure_message("chinchilla.toy.xlabel_frontier"))
        self.ax_frontier.set_ylabel(figure_message("chinchilla.toy.ylabel_frontier"))
        self.legend = self.ax_frontier.legend(loc="upper left", fontsize=8)
        self.budget_axis = budgets
        self.data_artists = [*self.fit_lines, *self.markers, self.e_line, self.e_label, self.law_frontier,
                             self.parabola_points, self.envelope_points, self.guide]

    def _analysis(self, parameters: str) -> GridAnalysis:
        if parameters not in self.analyses:
            base = self.analysis
            self.analyses[parameters] = analyse_grid(base.grid, window=base.window,
                                                     parabola_points=base.parabola_points, parameters=parameters)
        return self.analyses[parameters]

    def compute(self, fit: str, parameters: str) -> dict[str, Any]:
        analysis = self._analysis(parameters)
        law = analysis.law if fit == "E free" else analysis.law_fixed_E
        curves = [isoflop_curve(b, self.n_grid, law) for b in analysis.grid.budgets]
        return {"fit": fit, "parameters": parameters, "analysis": analysis, "law": law, "curves": curves,
                "frontier": compute_optimal(self.budget_axis, law)[0],
                "objective": analysis.objective if fit == "E free" else analysis.objective_fixed_E}

    def draw(self, state: dict[str, Any]) -> None:
        analysis = state["analysis"]
        grid = analysis.grid
        for marker, line, curve, budget in zip(self.markers, self.fit_lines, state["curves"], grid.budgets):
            marker.set_data(*grid.curve(budget))
            line.set_data(self.n_grid, curve)
        law = state["law"]
        self.e_line.set_ydata([law.E, law.E])
        self.e_label.set_position((self.n_grid[0] * 1.6, law.E - 0.01))
        self.e_label.set_text(figure_message("chinchilla.toy.fitted_e", E=law.E))
        a1, a2 = analysis.approach1, analysis.approach2
        self.parabola_points.set_data(a2.budgets, a2.n_opt)
        self.envelope_points.set_data(a1.flops, a1.n_best)
        self.guide.set_data(self.budget_axis, a2.n_opt[0] * (self.budget_axis / a2.budgets[0]) ** 0.5)
        self.law_frontier.set_data(self.budget_axis, state["frontier"])
        texts = self.legend.get_texts()
        texts[0].set_text(figure_message("chinchilla.toy.legend_parabola_a", a=a2.a))
        texts[1].set_text(figure_message("chinchilla.toy.legend_envelope_a", a=a1.a))
        texts[2].set_text(figure_message("chinchilla.toy.legend_law_a", a=law.a))
        self.ax.set_xlabel(figure_message("chinchilla.toy.xlabel",
                                          parameters=figure_message(PARAMETER_KEYS[state["parameters"]])))

    def summary_html(self, state: dict[str, Any]) -> str:
        law, analysis = state["law"], state["analysis"]
        return _table([(message("chinchilla.toy.row_fit"),
                        message("chinchilla.toy.value_fit", fit=message(FIT_KEYS[state["fit"]]),
                                parameters=message(PARAMETER_KEYS[state["parameters"]]))),
                       ("E, A, B", f"{law.E:.3f}, {law.A:.3g}, {law.B:.3g}"),
                       ("α, β", f"{law.alpha:.3f}, {law.beta:.3f}"),
                       (message("chinchilla.toy.row_a"),
                        f"{analysis.approach1.a:.3f} / {analysis.approach2.a:.3f} / {law.a:.3f}"),
                       (message("chinchilla.toy.row_objective"), f"{state['objective']:.2e}")])


class InferenceDemo(Demo):
    """Lifetime compute (training + inference) of every model size that reaches a target loss.

    Used in notebook 05 §10.
    """

    caption_key = "chinchilla.inference.caption"

    def __init__(self):
        self.controls = {
            "log10_inference_tokens": FloatSlider(9.0, 14.0, 12.3, 0.1,
                                                  label=message("chinchilla.inference.control_inference")),
            "coefficients": Choice(LAW_NAMES, "Epoch 2024", label=message("chinchilla.control.coefficients"),
                                   labels=tuple(law_name(name) for name in LAW_NAMES)),
        }
        self.fig = new_figure(1, 1, figsize=(7.0, 3.6), margins={"left": 0.12})[0]
        self.ax = self.fig.axes[0]
        self.n_grid = np.geomspace(3e9, 3e11, 300)
        self.curve, = self.ax.plot([], [], **dict(series_style(0), marker=None))
        self.best, = self.ax.plot([], [], linestyle="none", marker="o", color=series_style(0)["color"],
                                  markersize=9, label=figure_message("chinchilla.inference.legend_best"))
        self.chinchilla, = self.ax.plot([], [], linestyle="none", marker="^", color=series_style(1)["color"],
                                        markersize=9, label=figure_message("chinchilla.inference.legend_optimal"))
        self.ax.axhline(1.0, color="grey", linestyle=":", linewidth=1)
        set_log_x(self.ax)
        self.ax.set_xlim(self.n_grid[0], self.n_grid[-1])
        self.ax.set_ylim(0.3, 2.0)
        self.ax.set_xlabel(figure_message("chinchilla.axis.parameters"))
        self.ax.set_ylabel(figure_message("chinchilla.inference.ylabel"))
        self.ax.legend(loc="upper right", fontsize=9)
        self.best_label = self.ax.text(np.nan, np.nan, "", fontsize=8, ha="right", va="center",
                                       color=series_style(0)["color"])
        self.chinchilla_label = self.ax.text(np.nan, np.nan, "", fontsize=8, ha="left", va="center",
                                             color=series_style(1)["color"])
        self.data_artists = [self.curve, self.best, self.chinchilla, self.best_label, self.chinchilla_label]

    def compute(self, log10_inference_tokens: float, coefficients: str) -> dict[str, Any]:
        law = COEFFICIENT_SETS[coefficients]
        target = law.loss(hoffmann2022.CHINCHILLA[0], hoffmann2022.CHINCHILLA[1])
        inference = 10.0 ** log10_inference_tokens
        best = inference_optimal(target, inference, law)
        plain = inference_optimal(target, 0.0, law)
        plain_cost = plain.train_flops + 2 * plain.n_params * inference
        cost = 6 * self.n_grid * tokens_for_loss(self.n_grid, target, law) + 2 * self.n_grid * inference
        relative = cost / plain_cost
        relative[relative > 10] = np.nan  # far above the axes (or never reaching the target): not drawn
        return {"target": target, "inference": inference, "best": best, "plain": plain,
                "relative": relative, "best_relative": best.total_flops / plain_cost}

    def draw(self, state: dict[str, Any]) -> None:
        self.curve.set_data(self.n_grid, state["relative"])
        self.best.set_data([state["best"].n_params], [state["best_relative"]])
        self.chinchilla.set_data([state["plain"].n_params], [1.0])
        best, plain = state["best"], state["plain"]
        # the cheapest model is never larger than the compute-optimal one: its label goes left, the other right
        self.best_label.set_position((best.n_params / 1.12, state["best_relative"]))
        self.best_label.set_text(figure_message("chinchilla.inference.ratio", ratio=best.tokens_per_parameter))
        self.chinchilla_label.set_position((plain.n_params * 1.12, 1.0))
        self.chinchilla_label.set_text(figure_message("chinchilla.inference.ratio", ratio=plain.tokens_per_parameter))

    def summary_html(self, state: dict[str, Any]) -> str:
        b, p = state["best"], state["plain"]
        return _table([(message("chinchilla.inference.row_target"), f"{state['target']:.4f}"),
                       (message("chinchilla.inference.row_inference"), f"{state['inference']:.3g}"),
                       (message("chinchilla.inference.row_optimal"),
                        message("chinchilla.inference.value_model", n=p.n_params, ratio=p.tokens_per_parameter)),
                       (message("chinchilla.inference.row_cheapest"),
                        message("chinchilla.inference.value_model", n=b.n_params, ratio=b.tokens_per_parameter)),
                       (message("chinchilla.inference.row_lifetime"),
                        message("chinchilla.inference.value_lifetime", share=state["best_relative"]))])
