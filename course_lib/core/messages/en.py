"""English messages of course_lib (the course's first language). Keys: ``area.what``."""

MESSAGES = {
    # core.checking: what an exercise check prints
    "check.not_implemented": "not implemented yet. Fill in the function above, run its cell, then run this check.",
    "check.all_pass": "all {count} cases pass. Well done!",
    "check.case": "case {index} of {total} ({description})",
    "check.differs": "{case} differs.",
    "check.input": "input:",
    "check.expected": "expected:",
    "check.got": "got:",
    "check.hint": "Hint:",
    "check.raised": "{where} raised {error}",
    "check.expected_text": "expected exactly this text",
    "check.not_a_bool": "expected a number, not True or False",
    "check.expected_none": "expected None itself",
    "check.expected_bool": "expected a bool (True or False) itself",
    "check.returned_none": "the function returned None: did it forget `return`? Return {shape}",
    "check.not_numbers": "the result could not be read as numbers ({kind}): return {shape}",
    "check.wrong_shape": "expected {expected}, got {got}",
    "check.difference": "difference got - expected: {difference}",
    "check.difference_largest": "difference got - expected (largest): {difference}",
    "check.a_number": "a single number",
    "check.an_array": "an array of shape {shape}",
    # core.progress
    "progress.static": "{label}: {total} steps (a progress bar in a live notebook)",
    # core.environment.setup
    "setup.environment": "Environment: {versions} | Colab: {colab} | BLAS threads: 1",
    "setup.yes": "yes",
    "setup.no": "no",
    "setup.in_range": "All versions are within the tested ranges.",
    "setup.problems": "{count} version problem(s), see the warnings above.",
    "setup.python_old": "Python {version} is older than 3.10",
    "setup.missing": "{name} is not installed",
    "setup.out_of_range": "{name} {version} is outside the tested range {range}",
    "setup.problem_warning": "course_lib.setup: {problem}; the course may not work as written.",
    # core.score_tables
    "scores.emergence_heading": ("<b>Emergence score</b> (Schaeffer et al. 2023, Eq. 1): the total rise divided by the "
                                 "typical step, so it is large when most steps are small, before a jump or after saturation."),
    # core.language
    "language.no_font": "No font on this machine can draw the course's language: figures keep English labels.",
    # core.interactive: the website's kernel-free player
    "player.grid": "Drawn in advance for every combination of these settings: this page needs no Python.",
    "player.sweep": ("Drawn in advance for each control's values with the others at their defaults: "
                     "moving one control puts the others back to their defaults. Run the notebook to "
                     "combine them freely."),
    "player.subsampled": "{shown} of its {total} values",
    # tools/build_site.py: the course website's own words
    "site.launch": "Run this lesson:",
    "site.colab": "Open in Colab",
    "site.binder": "Open in Binder",
    "site.github": "Notebook on GitHub",
    "site.other_language": "中文版",
    "site.lessons": "Lessons",
    "site.part": "Lessons",
    "site.glossary_title": "Glossary",
    "site.glossary_source": "From [lesson 00]({notebook}), where the course introduces its vocabulary.",
    "site.failed": ("```{{warning}}\nThis lesson failed to run when the site was built, so its outputs and "
                    "figures are missing here: {error}\n```"),
    # --- lesson 00 (course_lib/start_here) ---
    "start_here.log_axis.caption": ("A toy score (a logistic curve in log10 of model size; a model, not data) "
                                    "for 13 sizes from 10^6 to 10^12 parameters. Switch the x-axis between "
                                    "linear and log: the points and the curve are the same, only the spacing "
                                    "changes."),
    "start_here.log_axis.control_x_axis": "x-axis",
    "start_here.log_axis.control_midpoint": "midpoint (log10 params)",
    "start_here.log_axis.axis_linear": "linear",
    "start_here.log_axis.axis_log": "log",
    "start_here.log_axis.legend_score": "toy score",
    "start_here.log_axis.ylabel": "score (toy model)",
    "start_here.log_axis.xlabel": "parameters ({axis} axis)",
    "start_here.log_axis.title": "Same {count} models, {axis} x-axis",
    "start_here.log_axis.summary_linear": ("On this linear axis {crowded} of the {total} models sit in the "
                                           "leftmost 5% of the width."),
    "start_here.log_axis.summary_log": "On the log axis each factor of 10 in size gets the same width.",
    "start_here.mlp_param_count.case_tiny": "tiny",
    "start_here.mlp_param_count.case_no_hidden": "no hidden units",
    "start_here.mlp_param_count.case_adder": "the 4-digit adder, width 16",
    "start_here.mlp_param_count.case_wide": "wide",
    "start_here.mlp_param_count.hint": ("count both weight matrices (inputs x hidden, hidden x outputs) and both "
                                        "bias vectors (one per hidden unit, one per output)"),
    "start_here.glossary.header_term": "term",
    "start_here.glossary.header_other": "中文",
    "start_here.glossary.header_first_lesson": "first lesson",
    "start_here.glossary.header_meaning": "meaning in this course",
    # --- end lesson 00 ---
    # --- lesson 01 (course_lib/emergence) ---
    # plots.plot_emergent_scales: Wei et al.'s Table 1
    "emergence.table_1.legend_few_shot": "few-shot task",
    "emergence.table_1.legend_augmented": "augmented prompting / fine-tuning",
    "emergence.table_1.xlabel": "training FLOPs at which the ability emerged (log axis)",
    "emergence.table_1.title": "Wei et al. (2022), Table 1: the {count} named rows",
    # plots.plot_all_steps_right
    "emergence.all_steps.legend_one": "one step right (per-step accuracy)",
    "emergence.all_steps.legend_all": "all {steps} steps right",
    "emergence.all_steps.xlabel": "model size (toy units, log axis)",
    "emergence.all_steps.ylabel": "probability (toy model)",
    "emergence.all_steps.title": "Scoring only the final answer hides steady progress",
    # demos.EmergenceDemo
    "emergence.panel.caption": ("Each marker is one trained model (a one-hidden-layer network; markers further "
                                "right are wider networks with more parameters). Solid: the model writes the "
                                "answer directly; dashed: a step network writes each digit and the next carry "
                                "from one digit pair and the carry it wrote before. The dotted line is what "
                                "guessing digits at random would score."),
    "emergence.panel.control_metric": "metric",
    "emergence.panel.control_digits": "digits per number",
    "emergence.panel.control_grid": "model sizes sampled",
    "emergence.panel.metric_exact_match": "exact match",
    "emergence.panel.metric_per_digit_accuracy": "per-digit accuracy",
    "emergence.panel.metric_edit_distance": "edit distance",
    "emergence.panel.ylabel_exact_match": "exact match (all digits right)",
    "emergence.panel.ylabel_per_digit_accuracy": "per-digit accuracy",
    "emergence.panel.ylabel_edit_distance": "token edit distance (digits to fix)",
    "emergence.panel.grid_dense": "dense",
    "emergence.panel.grid_sparse": "sparse",
    "emergence.panel.kind_direct": "direct answer",
    "emergence.panel.kind_scratchpad": "with a scratchpad (carries written out)",
    "emergence.panel.legend_random": "random digits",
    "emergence.panel.xlabel": "parameters (log axis)",
    "emergence.panel.title": "{n_digits}-digit addition: {metric} vs model size ({grid} grid of sizes)",
    "emergence.panel.summary": ("<b>Emergence score</b> of each curve (higher = more sudden; ±∞ when more than "
                                "half the steps are flat; edit distance is scored as &minus;distance so that "
                                "up is better)."),
    "emergence.panel.column_family": "family",
    "emergence.panel.column_crossing": "params of the first model at exact match &ge; 0.5",
    "emergence.panel.column_models": "models",
    "emergence.panel.not_reached": "not reached",
    "emergence.panel.no_score": "n/a",
    # training: progress bars, and the make-cache report
    "emergence.train.progress": "training {n_digits}-digit {kind} family",
    "emergence.train.kind_direct": "direct",
    "emergence.train.kind_scratchpad": "scratchpad",
    "emergence.train.kind_direct_carries": "direct_carries",
    "emergence.train.kind_step_no_carry": "step_no_carry",
    "emergence.cache.seed_family": "{n_digits}-digit {kind} seed {seed}: {count} widths in {seconds:5.1f} s",
    "emergence.cache.family": ("{n_digits}-digit {kind}: {count} widths in {seconds:5.1f} s; "
                               "exact match {first:.4f} .. {last:.4f}"),
    "emergence.cache.wrote": "wrote {path} ({megabytes:.2f} MB) in {seconds:.1f} s",
    # checks: exercise 1.1 (all_steps_right)
    "emergence.all_steps_right.case_one": "one step",
    "emergence.all_steps_right.case_two": "two steps",
    "emergence.all_steps_right.case_five_half": "five steps at p = 0.5",
    "emergence.all_steps_right.case_always_right": "steps that are always right",
    "emergence.all_steps_right.case_twenty": "twenty steps",
    "emergence.all_steps_right.hint": ("if each step is right with probability p, independently, all k of them "
                                       "are right with probability p * p * ... * p (k times)"),
    # checks: exercise 1.2 (emergence_score)
    "emergence.emergence_score.case_steady": "a steady rise",
    "emergence.emergence_score.case_jump": "flat, then one jump",
    "emergence.emergence_score.case_unordered": "scales given out of order",
    "emergence.emergence_score.case_falling": "a falling curve has a negative score",
    "emergence.emergence_score.case_peak": "a curve that peaks before the largest model (max - min, not last - first)",
    "emergence.emergence_score.case_dip": ("a curve that dips below its start after the peak (the minimum comes "
                                           "last: negative sign)"),
    "emergence.emergence_score.hint": ("sort the points by scale first; the denominator is the square root of the "
                                       "median of the squared steps between neighbours; the sign is that of "
                                       "argmax(y) - argmin(y)"),
    # checks: exercise 1.3 (exact_match)
    "emergence.exact_match.case_one_right": "two answers, one right",
    "emergence.exact_match.case_one_digit_wrong": "all digits but one right still scores 0",
    "emergence.exact_match.case_short": "a prediction one token short",
    "emergence.exact_match.case_long": "a prediction one token too long",
    "emergence.exact_match.case_strings": "string tokens",
    "emergence.exact_match.case_joined": "tokens that join to the same string are still different tokens",
    "emergence.exact_match.hint": ("an answer scores 1 only if it has the target's length and every token equals "
                                   "it; return one 0/1 value per example (e.g. np.array([...]))"),
    # --- end lesson 01 ---
    # --- lesson 02 (course_lib/mirage) ---
    # the toy model's demo (§2)
    "mirage.toy.caption": (
        "The toy model, not data: one per-token accuracy that improves smoothly with size, scored by "
        "exact match over all <i>L</i> tokens (left) and by token edit distance (right); lines are the "
        "model's expected values, markers one random test set of the chosen size. <i>dense ÷ "
        "L<sup>1/|α|</sup></i> scores models that many times smaller: there edit distance has the shape "
        "exact match has on the dense grid."),
    "mirage.toy.control_length": "target length L (tokens)",
    "mirage.toy.control_alpha": "loss exponent α",
    "mirage.toy.control_items": "test items",
    "mirage.toy.control_sizes": "model sizes",
    "mirage.toy.control_axis": "accuracy axis",
    "mirage.toy.control_seed": "test-set seed",
    "mirage.toy.sizes_dense": "dense",
    "mirage.toy.sizes_sparse": "sparse",
    "mirage.toy.sizes_rescaled": "dense ÷ L^(1/|α|)",
    "mirage.toy.axis_linear": "linear",
    "mirage.toy.axis_log": "log",
    "mirage.toy.legend_expected": "model (expected)",
    "mirage.toy.legend_measured": "measured on a test set",
    "mirage.toy.xlabel": "model size N (parameters)",
    "mirage.toy.title_exact_match": "Exact match (nonlinear in p)",
    "mirage.toy.ylabel_exact_match": "accuracy",
    "mirage.toy.title_edit_distance": "Token edit distance (linear in p)",
    "mirage.toy.ylabel_edit_distance": "edit distance (lower is better)",
    "mirage.toy.rescaled_note": (
        "exact match is not shown on these sizes:\nmost values are far too small to see\n(the smallest is "
        "{smallest:.0e}); compare edit distance\nhere with exact match on 'dense'"),
    "mirage.toy.zero_note": "exact match measured 0 at {zeros} of {total} sizes\n(resolution 1/{items:,})",
    "mirage.toy.summary_note": (
        "Edit distance is negated so that improvement counts as positive; ±∞ means more than half the "
        "steps are flat."),
    "mirage.toy.summary_rescaled": (
        "{note} Exact match: n/a on these sizes (values down to 1e-300 and below, where the score is a rounding "
        "artefact)."),
    "mirage.toy.curve_expected": "model (expected)",
    "mirage.toy.curve_measured": "measured ({items:,} items)",
    "mirage.toy.metric_exact_match": "exact match",
    "mirage.toy.metric_edit_distance": "edit distance (negated)",
    # the adders' demo (§3)
    "mirage.adders.caption": (
        "Left: exact match of the 4-digit adders measured on the chosen number of test problems (markers; "
        "hollow triangles at the bottom mean 'measured 0'), on all 100,000 (solid) and the product of "
        "per-position accuracies (dashed). Right: one fixed model scored on the first <i>k</i> digits of "
        "its answers (markers), with the predictions from its accuracy <i>p</i> on the first digit alone "
        "(dashed: <i>p</i><sup><i>k</i></sup> for exact match, <i>k</i>(1&minus;<i>p</i>) for the digits "
        "wrong)."),
    "mirage.adders.control_items": "test problems",
    "mirage.adders.control_block": "which block of test problems",
    "mirage.adders.control_model": "fixed model (right)",
    "mirage.adders.control_metric": "right panel",
    "mirage.adders.model_scratchpad": "scratchpad",
    "mirage.adders.model_direct": "direct",
    "mirage.adders.figure_model_scratchpad": "scratchpad",
    "mirage.adders.figure_model_direct": "direct",
    "mirage.adders.metric_exact_match": "exact match",
    "mirage.adders.metric_digits_wrong": "digits wrong",
    "mirage.adders.legend_all": "all 100,000 problems",
    "mirage.adders.legend_product": "product of per-position acc.",
    "mirage.adders.legend_measured": "measured",
    "mirage.adders.legend_zero": "measured 0",
    "mirage.adders.xlabel_resolution": "parameters (log axis)",
    "mirage.adders.ylabel_resolution": "exact match (log axis)",
    "mirage.adders.legend_prediction": "prediction from length 1",
    "mirage.adders.xlabel_length": "target length k (first k answer digits)",
    "mirage.adders.title_resolution":
        "Resolution: {items:,} test problems ({zeros} of {total} models read 0)",
    "mirage.adders.title_length": "one {model} model; p at k = 1: {p:.3f}",
    "mirage.adders.ylabel_exact_match": "exact match of the first k digits (log)",
    "mirage.adders.ylabel_digits_wrong": "digits wrong among the first k",
    "mirage.adders.curve": "4-digit adders",
    "mirage.adders.metric_measured": "exact match, {items:,} problems",
    "mirage.adders.metric_all": "exact match, 100,000 problems",
    "mirage.adders.metric_per_digit": "per-digit accuracy",
    "mirage.adders.summary_note":
        "With few test problems the smallest models read exactly 0: the curve looks flat, then jumps.",
    # the digit demos (§4, §5): shared words
    "mirage.digits.control_family": "family",
    "mirage.digits.control_grid": "widths trained",
    "mirage.digits.grid_dense": "dense",
    "mirage.digits.grid_sparse": "sparse",
    "mirage.digits.grid_curve": "{grid} grid ({count} widths)",
    "mirage.digits.family_random_features": "random features",
    "mirage.digits.family_trained_mlp": "trained MLP",
    "mirage.digits.family_pca": "PCA",
    "mirage.digits.family_nonlinear": "nonlinear AE",
    "mirage.digits.xlabel_parameters": "parameters",
    # subset accuracy (§4a)
    "mirage.subset.caption": (
        "Digit classifiers of growing width (mean over seeds): the share of test images classified "
        "correctly (left) and the chance that <i>K</i> random test images are all classified correctly "
        "(right). Parameters count every weight and bias, the random features' fixed ones included."),
    "mirage.subset.control_k": "K (images that must all be right)",
    "mirage.subset.legend_chance": "chance",
    "mirage.subset.title_accuracy": "Per-example accuracy",
    "mirage.subset.ylabel_accuracy": "accuracy",
    "mirage.subset.ylabel_subset": "subset accuracy",
    "mirage.subset.title_subset": "All {k} of {k} random test images correct",
    "mirage.subset.metric_accuracy": "accuracy",
    "mirage.subset.metric_subset": "all {k} of {k} correct",
    "mirage.subset.summary_note": "{family} family; the plot shows the {shown}.",
    # reconstruction (§4b)
    "mirage.reconstruction.caption": (
        "Autoencoders with a growing bottleneck: the mean reconstruction error on test digits (left; "
        "dashed line at c) and the share of test images rebuilt with error below c (right)."),
    "mirage.reconstruction.control_c": "threshold c (per-pixel MSE)",
    "mirage.reconstruction.xlabel": "bottleneck units k",
    "mirage.reconstruction.title_error": "Mean reconstruction error",
    "mirage.reconstruction.ylabel_error": "mean squared error per pixel",
    "mirage.reconstruction.ylabel_rate": "share of test images",
    "mirage.reconstruction.title_rate": "Reconstruction_c: error below c = {c:.3f}",
    "mirage.reconstruction.metric_error": "mean error (negated)",
    "mirage.reconstruction.metric_rate": "Reconstruction_c, c={c:.3f}",
    "mirage.reconstruction.summary_note": (
        "The plot shows the {family} family; the mean error is negated so that improvement counts as "
        "positive."),
    # multiple choice (§5)
    "mirage.choice.caption": (
        "The same classifier outputs scored as width grows (mean over seeds): the all-or-nothing "
        "multiple-choice grade and the continuous Brier score (left; dotted lines: a uniform random "
        "guess), and the mean log-probability of the correct vs the best wrong option (right)."),
    "mirage.choice.control_options": "options per question",
    "mirage.choice.legend_grade": "grade (higher = better)",
    "mirage.choice.legend_brier": "Brier score (lower = better)",
    "mirage.choice.legend_correct": "correct option",
    "mirage.choice.legend_wrong": "best wrong option",
    "mirage.choice.ylabel_scores": "score",
    "mirage.choice.ylabel_log_prob": "log-probability (nats)",
    "mirage.choice.title_log_prob": "Mean log-probability",
    "mirage.choice.title_scores": "Grade and Brier score, {options} options per question",
    "mirage.choice.metric_grade": "multiple-choice grade",
    "mirage.choice.metric_brier": "Brier score (negated)",
    "mirage.choice.metric_log_prob": "log-prob of correct",
    "mirage.choice.metric_gap": "log-prob gap",
    "mirage.choice.summary_note": (
        "The Brier score is negated so that improvement counts as positive; the gap is correct minus best "
        "wrong option."),
    # progress bars of the families trained live
    "mirage.progress.random_features": "random-feature family, seeds",
    "mirage.progress.mlp": "MLP family, models",
    "mirage.progress.autoencoders": "autoencoder family, sizes",
    # the synthesis (§7): curve names, the checklist table, the figure, the reasons
    "mirage.synthesis.name_exact_match": "exact match",
    "mirage.synthesis.name_per_token": "per-token accuracy",
    "mirage.synthesis.name_per_digit": "per-digit accuracy",
    "mirage.synthesis.name_per_image": "per-image accuracy",
    "mirage.synthesis.name_subset": "all {k} of {k} images right",
    "mirage.synthesis.table_header_1":
        "curve  share of the rise made in one step       sizes at 0  resolution  seeds  largest per-item step",
    "mirage.synthesis.table_header_2":
        "       score  log10 score  per-item, each seed  (any seed)                     at (params after it)",
    "mirage.synthesis.not_available": "n/a",
    "mirage.synthesis.table_note_expected":
        "* {label}: log10 of the expected score (unlimited items); its measured zeros have no log",
    "mirage.synthesis.title_log": "same, log y",
    "mirage.synthesis.title_log_zeros": "log y (▽ 0)",
    "mirage.synthesis.title_log_zeros_expected": "log y (▽ 0, -- expected)",
    "mirage.synthesis.reason_a": (
        "digit classifiers with random features scored by 'all 30 of 30 images right' (§4a): their "
        "per-image accuracy rises over three decades of size; the all-or-nothing metric makes the jump"),
    "mirage.synthesis.reason_b": (
        "lesson 01's scratchpad adders scored by exact match: their per-digit accuracy itself jumps, in "
        "each of 4 seeds between widths 2 and 3"),
    "mirage.synthesis.reason_c": (
        "the toy model of §2 scored by exact match over 15 tokens on 100 items: per-token accuracy rises "
        "smoothly; on a log y-axis exact match rises from the smallest sizes on, and the zeros are "
        "resolution"),
    "mirage.synthesis.reason_d": (
        "the trained digit MLPs scored by 'all 5 of 5 images right': their per-image accuracy itself "
        "jumps, in every seed (seed 0 from width 1 to 2, the others from 2 to 3; §4a, §5), and so do the "
        "Brier score and the correct class's log-probability"),
    "mirage.synthesis.reason_e": (
        "the direct 4-digit adders scored by exact match (§3): per-digit accuracy rises without a jump "
        "shared by the seeds; in seed 0 its largest step is a moderate real step that exact match, the "
        "product of the per-position accuracies, amplifies (a third kind: a metric amplifying a moderate "
        "real step)"),
    # checks: exercise 2.1
    "mirage.toy_exact_match.case_one": "one token",
    "mirage.toy_exact_match.case_five": "five tokens",
    "mirage.toy_exact_match.case_perfect": "a perfect model",
    "mirage.toy_exact_match.case_many": "many per-token accuracies at once",
    "mirage.toy_exact_match.hint": (
        "the answer is right only if all `length` tokens are right, each independently with probability "
        "p_token; numpy's ** works on arrays too"),
    # checks: exercise 4.1
    "mirage.subset_sampling.case_most": "150 of 200 right, K = 5",
    "mirage.subset_sampling.case_all_items":
        "9 of 10 right, K = 10: ten distinct items include the wrong one",
    "mirage.subset_sampling.case_half": "half right, K = 2",
    "mirage.subset_sampling.case_tolerance":
        "{case}; {draws:,} draws must land within ±{tolerance:.3f} of the exact {exact:.4f}",
    "mirage.subset_sampling.hint": (
        "for each draw pick k different items (rng.choice(n, size=k, replace=False)) and count the draw "
        "as a success if all of them are correct; return the share of successful draws. A sampled answer "
        "passes within four standard errors of the exact value C(c, k) / C(n, k)."),
    # checks: exercise 4.2
    "mirage.emergent_metric.where": "your metric",
    "mirage.emergent_metric.where_shuffled": "your metric on the same rows shuffled",
    "mirage.emergent_metric.not_numbers": "expected numbers, one per model, got {got}",
    "mirage.emergent_metric.wrong_shape": "expected one value per model, shape ({count},), got shape {shape}",
    "mirage.emergent_metric.out_of_range": "values must lie in [0, 1], got min {low:.3g}, max {high:.3g}",
    "mirage.emergent_metric.not_absent":
        "not absent in small models: {value:.3f} at width {width} (must be <= 0.05 up to width 16)",
    "mirage.emergent_metric.not_present":
        "not present in the largest model: {value:.3f} at width {width} (must be >= 0.3)",
    "mirage.emergent_metric.fails_shuffled": "it fails when the models' rows come in another order",
    "mirage.emergent_metric.not_per_model": (
        "with the same models' rows in another order it does not give the same values in that order: the "
        "metric must be computed from each model's outputs, not from its position"),
    "mirage.emergent_metric.separator": "; ",
    "mirage.emergent_metric.failed": "{name}: {problems}.\n  plain accuracy of the same models: {accuracies}",
    "mirage.emergent_metric.hint": (
        "demand more of each model: many test images right at once, or a high bar on a score computed "
        "from many images."),
    "mirage.emergent_metric.passed": (
        "{name}: emergent! At most {small:.3f} up to width 16, {largest:.2f} at width {width}, while "
        "plain accuracy rose smoothly from {first:.2f} to {last:.2f}."),
    # checks: exercise 7.1
    "mirage.jump_verdict.hint": (
        "the score of every curve jumps somewhere; ask of each whether the models' outputs change fast, "
        "not whether the score does. Look at the per-item average on the same outputs (curve.per_item, "
        "one row per seed): does it make a large share of its whole rise in one step between neighbouring "
        "sizes in every seed, at the same or a neighbouring size (checklist columns 'per-item, each seed' "
        "and 'largest per-item step at')?"),
    "mirage.jump_verdict.case_curve": "curve {label}",
    "mirage.jump_verdict.case_steady": "B's score with a steady per-item average",
    "mirage.jump_verdict.case_step": "A's score with a per-item step in every seed",
    "mirage.jump_verdict.not_a_verdict": "{name}: {case}: expected the string 'real' or 'metric', got {got}",
    "mirage.jump_verdict.hint_verdict": "return \"real\" when the models change fast, \"metric\" otherwise.",
    "mirage.jump_verdict.same_place": "at the same or neighbouring sizes",
    "mirage.jump_verdict.apart": "at sizes apart",
    "mirage.jump_verdict.wrong": (
        "  {case}: expected '{verdict}', got '{got}' (per-item average, share of its rise in one step per "
        "seed: {shares}, {place}; score: {score:.2f}; {zeros} of {sizes} sizes read 0)"),
    "mirage.jump_verdict.differ": "{name}: {count} of {total} verdicts differ.",
    "mirage.jump_verdict.passed": "{name}: all {count} cases pass, every verdict right. Why:",
    "mirage.jump_verdict.reason": "  {label} ({verdict}): {reason}.",
    "mirage.jump_verdict.swapped":
        "  and the two swapped curves: the same scores, read by the per-item average alone.",
    # --- end lesson 02 ---
    # --- lesson 03 (course_lib/grokking) ---
    # words shared by the lesson's figures
    "grokking.axis.training_step": "training step",
    "grokking.axis.accuracy": "accuracy",
    "grokking.axis.cross_entropy": "cross-entropy",
    "grokking.title.accuracy": "Accuracy",
    "grokking.legend.train": "train",
    "grokking.legend.test": "test",
    # demos.TrainingStepDemo
    "grokking.step.caption": ("One training run at the chosen step (grey line): train and test accuracy on a log step "
                              "axis (top left); the weight norm, the square root of the sum of the squares of every "
                              "weight, on a linear step axis from step 0 with its y-axis from 0 (top right); and the "
                              "share of the embedding's power at each frequency k at the chosen step (bottom). The "
                              "hatched bars are the final network's key frequencies; the note names the strongest "
                              "frequencies at the chosen step."),
    "grokking.step.control_step": "training step",
    "grokking.step.norm_axis": "‖all weights‖",
    "grokking.step.norm_title": "Weight norm",
    "grokking.step.legend_keys": "key frequencies of the final network",
    "grokking.step.legend_other": "other frequencies",
    "grokking.step.spectrum_axis": "frequency k (a wave cos(2πk·x/p) over the residues x)",
    "grokking.step.spectrum_share": "share of power",
    "grokking.step.spectrum_title": "Fourier power of the embedding",
    "grokking.step.note": ("step {step}: train {train:.0%}, test {test:.0%}\n"
                           "strongest {count} now: {top} ({top_share:.0%} of the power)\n"
                           "final key frequencies (hatched): {key_share:.0%}"),
    # demos.PhaseDiagramDemo
    "grokking.phase.caption": ("Left: for each training fraction and weight decay, the median step at which test "
                               "accuracy first reached 95 % when all 3 seeds did (colour, on the log scale of the "
                               "colour bar), and below it the median delay, steps to generalise ÷ steps to memorise; "
                               "hatched white cells say how many seeds did within the budget. The black frame is the "
                               "chosen cell. Right: that cell's 3 runs, test accuracy (solid) and train accuracy "
                               "(dotted), on a log step axis."),
    "grokking.phase.control_fraction": "training fraction",
    "grokking.phase.control_decay": "weight decay",
    "grokking.phase.colour_bar": "median steps to 95 % test",
    "grokking.phase.cell_never": "never",
    "grokking.phase.cell_some": "{grokked} of {seeds}",
    "grokking.phase.fraction_axis": "training fraction",
    "grokking.phase.decay_axis": "weight decay λ",
    "grokking.phase.map_title": "Median steps to 95 % test, and delay (p = {p})",
    "grokking.phase.seed": "seed {seed}",
    "grokking.phase.runs_title": "The chosen cell's runs",
    "grokking.phase.note": "{grokked} of {seeds} seeds reach 95 % test",
    "grokking.phase.note_steps": "at steps {steps}",
    "grokking.phase.note_budget": "within {budget} steps",
    # figures.plot_history
    "grokking.history.loss_title": "Loss",
    "grokking.history.memorised": "train 100%\nstep {step}",
    "grokking.history.generalised": "test 95%\nstep {step}",
    # figures.plot_progress_measures (the phases are timeline.toy_phases')
    "grokking.phases.memorization": "memorization",
    "grokking.phases.circuit_formation": "circuit formation",
    "grokking.phases.cleanup": "cleanup",
    "grokking.progress.phase": "{name} (steps {start}-{end})",
    "grokking.progress.restricted": "restricted (test)",
    "grokking.progress.excluded": "excluded (train)",
    "grokking.progress.loss_title": "Loss, and Nanda et al.'s progress measures",
    "grokking.progress.key_share": "key frequencies' share",
    "grokking.progress.test_accuracy": "test accuracy",
    "grokking.progress.share_axis": "fraction (0 to 1)",
    "grokking.progress.share_title": "Share of power at the {count} final key frequencies,\nand test accuracy",
    # checks
    "grokking.check.adamw_first_step": "the first step: one number, hand-computed in the notebook",
    "grokking.check.adamw_no_decay": "the first step, no weight decay (plain Adam)",
    "grokking.check.adamw_step_10": "step 10 with running means already filled (bias corrections matter)",
    "grokking.check.adamw_strong_decay": "step 3, strong decay, other betas",
    "grokking.check.adamw_zero_gradient": "a zero gradient: only the decay acts",
    "grokking.check.adamw_hint": ("update m and v first, divide them by (1 - beta1**t) and (1 - beta2**t), then "
                                  "param - lr * (m_hat / (sqrt(v_hat) + eps) + weight_decay * param); the decay "
                                  "is not added to the gradient, and it uses the parameter before this step"),
    "grokking.check.shares_one_wave": "p = 11, one column cos(2π·3x/p): all power at k = 3",
    "grokking.check.shares_two_columns": "p = 11, a sine at k = 2 and a cosine at k = 5 in two columns",
    "grokking.check.shares_constant": "p = 11, a constant column and a wave at k = 1",
    "grokking.check.shares_random": "p = 13, a random (13, 4) embedding",
    "grokking.check.shares_hint": ("np.fft.fft(E, axis=0) transforms each column over the residues; square the "
                                   "magnitudes, sum over the columns, add frequency p - k to frequency k (the same "
                                   "real wave), keep k = 0..p // 2 and divide by the total"),
    "grokking.check.answer_one_key": "p = 7, a = 2, b = 3, one key frequency",
    "grokking.check.answer_wraps": "p = 97, a = 40, b = 80: the sum wraps around",
    "grokking.check.answer_nanda": "p = 113, Nanda et al.'s key frequencies",
    "grokking.check.answer_not_prime": ("p = 15 (not a prime) and k = 3: cos(2π·3x/15) repeats every 5 residues, so "
                                        "c = 3, 8 and 13 tie at the top and np.argmax returns the first: only "
                                        "scoring with the cosines gives it"),
    "grokking.check.answer_hint": ("score every candidate c = np.arange(p) with the sum of "
                                   "np.cos(2 * np.pi * k * (a + b - c) / p) over the key frequencies k and "
                                   "return int(np.argmax(score)); do not compute (a + b) % p yourself"),
    # progress bars (training.train, timeline.make_timeline, phase.run_phase_grid)
    "grokking.train.progress": "training p={p}, {fraction:.0%} train, weight decay {weight_decay:g}",
    "grokking.timeline.progress": "progress measures",
    "grokking.phase_grid.progress": "phase diagram runs",
    # --- end lesson 03 ---
    # --- lesson 04 (course_lib/inverse_scaling) ---
    # the names of the shapes scaling_shape returns, as shown (the code compares the English values)
    "inverse_scaling.shape.u_shaped": "U-shaped",
    "inverse_scaling.shape.inverted_u": "inverted-U",
    "inverse_scaling.shape.positive": "positive",
    "inverse_scaling.shape.inverse": "inverse",
    "inverse_scaling.shape.flat": "flat",
    "inverse_scaling.shape.one_size": "one size: no curve",
    # the extra inputs (task.HINTS), as shown on buttons and progress bars
    "inverse_scaling.hint.none": "none",
    "inverse_scaling.hint.steps": "steps",
    "inverse_scaling.hint.answer": "answer",
    "inverse_scaling.common.chance": "chance",
    "inverse_scaling.common.accuracy": "accuracy",
    "inverse_scaling.common.width_axis": "width (random features)",
    "inverse_scaling.common.extra_input": "extra input",
    "inverse_scaling.common.list_separator": ", ",
    # family.py
    "inverse_scaling.family.progress_seeds": "distractor family ({hint} hint), seeds",
    "inverse_scaling.family.progress_grid": "agreement grid, families",
    # mixture_demo.py
    "inverse_scaling.mixture.caption": (
        "A model, not data: accuracy (left) when a model of size N does the true task with "
        "probability T, else falls for the distractor (always wrong) with probability "
        "attraction × D, else guesses (right: the two abilities)."),
    "inverse_scaling.mixture.distractor_onset": "distractor onset (log₁₀ N)",
    "inverse_scaling.mixture.true_onset": "true onset (log₁₀ N)",
    "inverse_scaling.mixture.distractor_sharpness": "distractor sharpness",
    "inverse_scaling.mixture.true_sharpness": "true sharpness",
    "inverse_scaling.mixture.attraction": "distractor attraction",
    "inverse_scaling.mixture.legend_accuracy": "accuracy (model)",
    "inverse_scaling.mixture.legend_true": "true ability T",
    "inverse_scaling.mixture.legend_distractor": "distractor D",
    "inverse_scaling.mixture.xlabel": "model size N (parameters)",
    "inverse_scaling.mixture.title_accuracy": "Task accuracy",
    "inverse_scaling.mixture.title_abilities": "The two abilities",
    "inverse_scaling.mixture.shape_text": "{shape}; lowest {lowest:.2f}",
    "inverse_scaling.mixture.end_text": "at N = {largest}: T = {true:.2g}\nattraction × D = {pull:.2g}",
    "inverse_scaling.mixture.score_curve": "model",
    "inverse_scaling.mixture.summary": ("Shape over these sizes: {shape}. The score is built for curves that rise; "
                                        "a U has a dip it does not see."),
    # family_demo.py
    "inverse_scaling.family_demo.caption": (
        "Accuracy of the random-feature family against width: thin lines are single seeds and the "
        "thick line their mean on the test set where the distractor is reversed; the dashed line "
        "is the mean in distribution (the distractor agrees as in training)."),
    "inverse_scaling.family_demo.agreement": "agreement in training",
    "inverse_scaling.family_demo.largest_width": "largest model",
    "inverse_scaling.family_demo.legend_seeds": "single seeds",
    "inverse_scaling.family_demo.legend_reversed": "mean, distractor reversed",
    "inverse_scaling.family_demo.legend_same": "mean, in distribution",
    "inverse_scaling.family_demo.shape_text": ("mean curve: {shape}\n({alike} of {seeds} seeds alike)\n"
                                               "lowest mean {lowest:.2f}\nat width {width}"),
    "inverse_scaling.family_demo.score_curve": "mean",
    "inverse_scaling.family_demo.score_reversed": "distractor reversed",
    "inverse_scaling.family_demo.score_same": "in distribution",
    "inverse_scaling.family_demo.seed_count": "{shape} {count}",
    "inverse_scaling.family_demo.summary": "Shape of each seed's curve: {seeds}.",
    # sparse_demo.py
    "inverse_scaling.sparse.caption": (
        "The family's mean accuracy (distractor reversed) at every width (thin line) and at the widths "
        "the three sliders pick (markers joined by a thick line; equal picks count once), with the shape "
        "each reading suggests above the plot."),
    "inverse_scaling.sparse.smallest": "smallest (list position)",
    "inverse_scaling.sparse.middle": "middle (list position)",
    "inverse_scaling.sparse.largest": "largest (list position)",
    "inverse_scaling.sparse.every_width": "every width",
    "inverse_scaling.sparse.legend_picked": "widths picked",
    "inverse_scaling.sparse.picked_one": "{count} width picked",
    "inverse_scaling.sparse.picked_many": "{count} widths picked",
    "inverse_scaling.sparse.ylabel": "mean test accuracy",
    "inverse_scaling.sparse.out_of_order": "sliders out of order: read in increasing width",
    "inverse_scaling.sparse.count_once": "equal positions count once",
    "inverse_scaling.sparse.note_separator": "; ",
    "inverse_scaling.sparse.notes": "\n({notes})",
    "inverse_scaling.sparse.shape_text": "every width: {dense};  widths {widths}: {sparse}{notes}",
    "inverse_scaling.sparse.score_picked": "{count} widths",
    "inverse_scaling.sparse.summary": ("A positive score reads as emergence; it does not say whether the curve "
                                       "dipped on the way."),
    # checks.py: exercise 2.1
    "inverse_scaling.mixture_check.case_guess": "no ability at all: a guess",
    "inverse_scaling.mixture_check.case_distractor": "the distractor always taken: always wrong",
    "inverse_scaling.mixture_check.case_true": "the true ability everywhere",
    "inverse_scaling.mixture_check.case_no_attraction": "a distractor nobody is attracted to",
    "inverse_scaling.mixture_check.case_half": "half the models fall for the distractor",
    "inverse_scaling.mixture_check.case_four_options": "four options (chance 0.25)",
    "inverse_scaling.mixture_check.case_arrays": "arrays over model sizes",
    "inverse_scaling.mixture_check.hint": (
        "three ways to answer: the true task with probability T (right); otherwise the "
        "distractor with probability attraction * D (wrong); otherwise a guess (right with "
        "probability chance). Add up the ways of being right; numpy works on arrays too."),
    # checks.py: exercise 4.1
    "inverse_scaling.shape_check.case_down_up": "down then up",
    "inverse_scaling.shape_check.case_down": "down only",
    "inverse_scaling.shape_check.case_up": "up only",
    "inverse_scaling.shape_check.case_up_down": "up then down",
    "inverse_scaling.shape_check.case_wiggles": "wiggles smaller than tol",
    "inverse_scaling.shape_check.case_small_recovery": "a dip whose recovery is within tol: still inverse",
    "inverse_scaling.shape_check.case_small_dip": "a dip smaller than tol, then a rise",
    "inverse_scaling.shape_check.case_tighter_tol": "the same dip with a tighter tol",
    "inverse_scaling.shape_check.case_small_rise": "a rise smaller than tol",
    "inverse_scaling.shape_check.case_peak_dip": "a peak, then a deeper dip: the U is tested first",
    "inverse_scaling.shape_check.case_exact_drop": "a drop of exactly tol is not more than tol",
    "inverse_scaling.shape_check.case_exact_rise": "a rise of exactly tol is not more than tol",
    "inverse_scaling.shape_check.case_exact_dip": "a dip of exactly tol on both sides",
    "inverse_scaling.shape_check.case_live": "the live family (mean), every width",
    "inverse_scaling.shape_check.case_live_small": "the live family (mean), widths up to 16",
    "inverse_scaling.shape_check.hint": (
        "find the lowest and highest values; a U needs the first AND the last value to be more than tol "
        "above the lowest; test the U first, then the inverted U, then compare the last value with the "
        "first; every test is 'more than tol' (>, not >=), the positive and inverse tests too"),
    # --- end lesson 04 ---
    # --- lesson 05 (course_lib/chinchilla) ---
    # the three coefficient sets of course_lib.scaling.COEFFICIENT_SETS (button texts, legends, check cases)
    "chinchilla.law.rounded": "Hoffmann (rounded)",
    "chinchilla.law.unrounded": "Hoffmann (unrounded)",
    "chinchilla.law.epoch": "Epoch 2024",
    # what N counts (grid.PARAMETER_COUNTS), inside "N counts {parameters} parameters"
    "chinchilla.parameters.non_embedding": "non-embedding",
    "chinchilla.parameters.all": "all",
    "chinchilla.control.coefficients": "coefficients",
    "chinchilla.axis.parameters": "parameters N",
    # demos.IsoFLOPDemo
    "chinchilla.isoflop.caption": ("Left: predicted loss of every model size trained on the same compute C = 6ND (one IsoFLOP "
                                   "line); the circle is its minimum, the square a model trained on your tokens-per-parameter "
                                   "ratio. Right: the compute-optimal size N_opt(C) of each coefficient set, Table 3's projections "
                                   "(crosses) and the current budget (circle)."),
    "chinchilla.isoflop.control_compute": "compute log₁₀ C (FLOPs)",
    "chinchilla.isoflop.control_ratio": "your model: tokens per parameter",
    "chinchilla.isoflop.legend_line": "IsoFLOP line",
    "chinchilla.isoflop.legend_optimum": "optimum",
    "chinchilla.isoflop.legend_yours": "your ratio",
    "chinchilla.isoflop.ylabel": "predicted loss (nats/token)",
    "chinchilla.isoflop.title_line": "One IsoFLOP line",
    "chinchilla.isoflop.legend_table3": "Table 3 (Approach 1)",
    "chinchilla.isoflop.xlabel_frontier": "training compute C (FLOPs)",
    "chinchilla.isoflop.ylabel_frontier": "compute-optimal N",
    "chinchilla.isoflop.title_frontier": "The frontier",
    "chinchilla.isoflop.row_compute": "compute C",
    "chinchilla.isoflop.value_compute": "{C:.3g} FLOPs",
    "chinchilla.isoflop.row_optimum": "N_opt / D_opt",
    "chinchilla.isoflop.value_optimum": "{n:.3g} / {d:.3g} tokens",
    "chinchilla.isoflop.row_ratio": "optimal tokens per parameter",
    "chinchilla.isoflop.row_loss": "loss at the optimum",
    "chinchilla.isoflop.row_yours": "your model ({ratio:.0f} tokens/param)",
    "chinchilla.isoflop.value_yours": "N = {n:.3g}, loss {loss:.4f} (+{extra:.4f})",
    # demos.ToyGridDemo
    "chinchilla.toy.caption": ("Left: final loss of each tiny model (markers, one colour per compute budget) against its size, "
                               "with the fitted law's IsoFLOP curves (lines), the fitted E (dashed) and the true entropy H "
                               "(dotted). Right: N_opt against compute from the three approaches, with a slope-0.5 guide. "
                               "The toggle counts N without or with the embedding table."),
    "chinchilla.toy.control_fit": "law fitted with",
    "chinchilla.toy.fit_free": "E free",
    "chinchilla.toy.fit_fixed": "E fixed to H",
    "chinchilla.toy.control_parameters": "N counts",
    "chinchilla.toy.entropy": "true entropy H = {H:.3f}",
    "chinchilla.toy.fitted_e": "fitted E = {E:.3f}",
    "chinchilla.toy.ylabel": "loss (nats/token)",
    "chinchilla.toy.legend_parabola": "2: parabola minima",
    "chinchilla.toy.legend_envelope": "1: envelope",
    "chinchilla.toy.legend_law": "3: fitted law",
    "chinchilla.toy.legend_guide": "slope 0.5",
    "chinchilla.toy.legend_parabola_a": "2: parabola minima (a = {a:.2f})",
    "chinchilla.toy.legend_envelope_a": "1: envelope (a = {a:.2f})",
    "chinchilla.toy.legend_law_a": "3: fitted law (a = {a:.2f})",
    "chinchilla.toy.xlabel_frontier": "compute C (FLOPs)",
    "chinchilla.toy.ylabel_frontier": "N_opt",
    "chinchilla.toy.xlabel": "{parameters} parameters N",
    "chinchilla.toy.row_fit": "fit",
    "chinchilla.toy.value_fit": "{fit}; N counts {parameters} parameters",
    "chinchilla.toy.row_a": "a (approaches 1 / 2 / 3)",
    "chinchilla.toy.row_objective": "summed Huber objective",
    # demos.InferenceDemo
    "chinchilla.inference.caption": ("Every model size that reaches Chinchilla's predicted loss needs its own number of training "
                                     "tokens; the curve is its training plus inference compute relative to the compute-optimal "
                                     "(Chinchilla-style) model's, the circle the cheapest model for the chosen demand and the "
                                     "triangle the compute-optimal one."),
    "chinchilla.inference.control_inference": "lifetime inference log₁₀ tokens",
    "chinchilla.inference.legend_best": "cheapest for this demand",
    "chinchilla.inference.legend_optimal": "compute-optimal (no inference)",
    "chinchilla.inference.ylabel": "lifetime compute\n(compute-optimal model = 1)",
    "chinchilla.inference.ratio": "{ratio:.0f} tokens/param",
    "chinchilla.inference.row_target": "target loss",
    "chinchilla.inference.row_inference": "inference tokens",
    "chinchilla.inference.row_optimal": "compute-optimal model",
    "chinchilla.inference.row_cheapest": "cheapest model",
    "chinchilla.inference.value_model": "{n:.3g} params, {ratio:.0f} tokens/param",
    "chinchilla.inference.row_lifetime": "its lifetime compute",
    "chinchilla.inference.value_lifetime": "{share:.1%} of the compute-optimal model's",
    # checks
    "chinchilla.n_opt.case_law": "{law} at C = {C:.3g}",
    "chinchilla.n_opt.case_array": "an array of budgets, {law}",
    "chinchilla.n_opt.hint": ("N_opt = G (C/6)^a with a = beta/(alpha+beta) and G = (alpha A / (beta B))^(1/(alpha+beta)); "
                              "E plays no part (it does not depend on N or D)"),
    "chinchilla.parabola.case_exact": "an exact parabola in ln N with its minimum at N = 30,000",
    "chinchilla.parabola.case_uneven": "five uneven sizes, minimum between two of them",
    "chinchilla.parabola.case_grid": "the cached toy grid at C = {budget:.0e}",
    "chinchilla.parabola.hint": ("fit c2, c1, c0 = np.polyfit(np.log(N), loss, 2); the vertex is at x = -c1 / (2 c2), "
                                 "and the size there is N = exp(x) (a size between the trained ones, not one of them)"),
    "chinchilla.ratio.case": "{law} at C = {C:.3g}, {ratio:g} tokens per parameter",
    "chinchilla.ratio.hint": ("with D = ratio * N, C = 6 N D = 6 ratio N^2, so N = sqrt(C / (6 ratio)); "
                              "then return law.loss(N, ratio * N)"),
    # grid, bootstrap
    "chinchilla.grid.progress": "IsoFLOP runs",
    "chinchilla.bootstrap.refitting": "(these runs differ from the cached ones: refitting {resamples} resamples, 10 to 50 s)",
    # analysis.GridAnalysis.summary
    "chinchilla.summary.runs": "runs used: {used} of {total}; budgets {budgets}; N counts {parameters} parameters",
    "chinchilla.summary.approach1": "Approach 1 (envelope):       a = {a:.3f}",
    "chinchilla.summary.approach2": "Approach 2 (IsoFLOP parab.): a = {a:.3f}, b = {b:.3f}",
    "chinchilla.summary.approach3_free": "Approach 3 (law, E free):    a = {a:.3f}; {law}",
    "chinchilla.summary.approach3_fixed": "Approach 3 (E fixed to H):   a = {a:.3f}; {law}",
    "chinchilla.summary.entropy": ("true entropy H = {H:.4f}; fitted E - H = {gap:+.3f}; "
                                   "lowest loss of these runs = {lowest:.4f} ({above:.3f} above H)"),
    "chinchilla.summary.objective": ("fit objective (summed Huber): E free {free:.2e}, E fixed {fixed:.2e} "
                                     "({ratio:.1f} times worse)"),
    # analysis.seed_table (columns line up with the rows' fields)
    "chinchilla.seed_table.header": "seed   a (1: envelope)  a (2: parabolas)  a (3: law)   E (law)",
    "chinchilla.seed_table.spread": "spread {a1:15.3f}  {a2:16.3f}  {a3:10.3f}   {E:7.3f}",
    # --- end lesson 05 ---
    # --- lesson 06 (course_lib/data_quality) ---
    "data_quality.banding.caption": ("Left: the chance that a pair becomes a candidate, predicted by the S-curve "
                                     "(line) and measured on every pair of the corpus, binned by exact Jaccard "
                                     "similarity (markers, with 95% Wilson intervals as vertical bars; bins with "
                                     "fewer than 5 pairs left out; dotted line: the threshold (1/b)^(1/r); dashed "
                                     "line: the target). Right: precision and recall of the candidates when a near "
                                     "duplicate is a pair with exact Jaccard at least the target (dashed line)."),
    "data_quality.banding.control_split": "split",
    "data_quality.banding.control_target": "near duplicate if J ≥",
    "data_quality.banding.split": "{bands} × {rows}",
    "data_quality.banding.bands_one": "{count} band",
    "data_quality.banding.bands_many": "{count} bands",
    "data_quality.banding.rows_one": "{count} row",
    "data_quality.banding.rows_many": "{count} rows",
    "data_quality.banding.legend_curve": "S-curve 1 − (1 − sʳ)ᵇ",
    "data_quality.banding.legend_measured": "measured",
    "data_quality.banding.xlabel_similarity": "exact Jaccard similarity s",
    "data_quality.banding.ylabel_candidate": "P(candidate)",
    "data_quality.banding.legend_precision": "precision",
    "data_quality.banding.legend_recall": "recall",
    "data_quality.banding.xlabel_target": "target J (what counts as a near duplicate)",
    "data_quality.banding.ylabel_share": "share",
    "data_quality.banding.header_split": "split",
    "data_quality.banding.header_threshold": "threshold (1/b)<sup>1/r</sup>",
    "data_quality.banding.header_candidates": "candidates",
    "data_quality.banding.header_true_pairs": "pairs with J ≥ target",
    "data_quality.banding.header_precision": "precision",
    "data_quality.banding.header_recall": "recall",
    "data_quality.banding.progress": "banding",
    "data_quality.stages.header_stage": "stage",
    "data_quality.stages.header_unit": "unit",
    "data_quality.stages.header_in": "in",
    "data_quality.stages.header_removed": "removed",
    "data_quality.stages.header_planted": "planted",
    "data_quality.stages.header_precision": "precision",
    "data_quality.stages.header_recall": "recall",
    "data_quality.stages.content_filtering": "content filtering",
    "data_quality.stages.text_extraction": "text extraction",
    "data_quality.stages.quality_filtering": "quality filtering",
    "data_quality.stages.repetition_removal": "repetition removal",
    "data_quality.stages.document_deduplication": "document deduplication",
    "data_quality.stages.test_set_filtering": "test-set filtering",
    "data_quality.stages.unit_documents": "documents",
    "data_quality.stages.unit_lines": "lines",
    "data_quality.minhash_signature.case_one": "one shingle",
    "data_quality.minhash_signature.case_repeated": "three shingles, one repeated",
    "data_quality.minhash_signature.case_large": "large shingle ids (the product needs 62 bits)",
    "data_quality.minhash_signature.case_corpus": ("a corpus document, 128 hash functions (as "
                                                   "dedup.minhash_signatures)"),
    "data_quality.minhash_signature.hint": ("make a (hash functions, shingles) table (a[:, None] * x[None, :] + "
                                            "b[:, None]) % PRIME, then take the minimum along the shingles (axis=1)"),
    "data_quality.choose_bands_rows.case": "{num_perm:,} hashes, threshold {threshold}",
    "data_quality.choose_bands_rows.case_one_band": "16 hashes, threshold 0.97 (one band of all 16 rows)",
    "data_quality.choose_bands_rows.case_fineweb": "112 hashes, threshold 0.75 (FineWeb used 14 bands of 8)",
    "data_quality.choose_bands_rows.case_lee": "9,000 hashes, threshold 0.74 (Lee et al. used 450 bands of 20)",
    "data_quality.choose_bands_rows.hint": ("try every rows r that divides num_perm (bands = num_perm // r) and "
                                            "keep the split whose (1 / bands) ** (1 / rows) is closest to the "
                                            "threshold; return (bands, rows) in that order"),
    "data_quality.ngram_hit.case_copied": "the item copied into the training text",
    "data_quality.ngram_hit.case_capitals": "the same words with capitals and punctuation",
    "data_quality.ngram_hit.case_12_words": "only 12 words in common",
    "data_quality.ngram_hit.case_13_words": "13 words in common, at the end of the item",
    "data_quality.ngram_hit.case_last_window": ("13 words in common at the very end of the training text (its last "
                                                "window counts too)"),
    "data_quality.ngram_hit.case_inside_words": ("the item's words inside longer words of the training text (\"he "
                                                 "old man\" in \"the old man\"): whole words must match, not "
                                                 "characters of a joined string"),
    "data_quality.ngram_hit.case_short": "an item shorter than n cannot match",
    "data_quality.ngram_hit.case_short_at_end": ("an item shorter than n that ends the training text (no window of "
                                                 "fewer than n words counts)"),
    "data_quality.ngram_hit.case_short_equal": "an item shorter than n equal to a training text shorter than n",
    "data_quality.ngram_hit.case_nothing": "nothing in common",
    "data_quality.ngram_hit.case_paraphrase": "n = 4 on a paraphrase that keeps four words in a row",
    "data_quality.ngram_hit.case_cut_short": ("n = 4, the training text's last three words start the item (a "
                                              "window cut short at the end)"),
    "data_quality.ngram_hit.hint": ("normalise both texts (course_lib.corpus.normalize: lowercase, punctuation "
                                    "removed), put every full n-word window of the training text in a set of "
                                    "tuples, then look up each full n-word window of the item; return True or "
                                    "False"),
    # --- end lesson 06 ---
    # --- lesson 07 (course_lib/memorisation) ---
    "memorisation.corpus.raw": "raw",
    "memorisation.corpus.deduplicated": "deduplicated",
    "memorisation.canaries.caption": (
        "Left: the exact probability that sampling reproduces a canary's 31-token continuation from "
        "its 10-token prefix, per canary (small markers) and averaged per planted count (lines), for "
        "the model trained on the raw corpus and on the deduplicated one (the dashed floor line sits a decade "
        "below the smallest value shown, never lower than 10⁻²⁵; values below it, and the zeros of greedy "
        "decoding at T = 0, are drawn on it). Right: the share of samples (continuations of ordinary corpus prompts) "
        "that contain a span of at least m tokens copied from the model's own training set; the "
        "dotted line marks m = 20, the length this lesson counts as memorised."),
    "memorisation.canaries.control_order": "n-gram order",
    "memorisation.canaries.control_temperature": "temperature T (0 = greedy)",
    "memorisation.canaries.control_samples": "samples",
    "memorisation.canaries.legend_mean": "{corpus} (mean)",
    "memorisation.canaries.floor": "≤ {power} or 0",
    "memorisation.canaries.xlabel": "times the canary was planted (k)",
    "memorisation.canaries.ylabel": "P(exact regurgitation)",
    "memorisation.canaries.xlabel_span": "span length m (tokens)",
    "memorisation.canaries.ylabel_share": "share of samples with a copy ≥ m",
    "memorisation.canaries.summary_settings": "{order}-gram, T = {temperature:.1f}",
    "memorisation.canaries.summary_copies": "samples with a copy ≥ {span} tokens (of {n_samples})",
    "memorisation.family.progress": "n-gram models",
    "memorisation.quantity.progress": "training sets",
    "memorisation.continuation_probability.case_one_word": "one word: P(cat | the)",
    "memorisation.continuation_probability.case_two_words": "two words: P(cat sat | the)",
    "memorisation.continuation_probability.case_unseen": "a continuation with a never-seen bigram (probability 0)",
    "memorisation.continuation_probability.case_chain": "a longer chain back to the start",
    "memorisation.continuation_probability.case_totals": "rows with different totals",
    "memorisation.continuation_probability.case_array": "a continuation given as a numpy array",
    "memorisation.continuation_probability.hint": (
        "walk along the continuation: multiply counts[prev, word] / counts[prev].sum() "
        "(the row of the previous word), then make the word the new previous word"),
    "memorisation.regurgitation_threshold.case_steep": "a steep rise, counts in order",
    "memorisation.regurgitation_threshold.case_shuffled": "the same canaries in shuffled order",
    "memorisation.regurgitation_threshold.case_reversed": "the same canaries, largest count first",
    "memorisation.regurgitation_threshold.case_one_canary": "one canary of a count above 1/2, but not the mean of its count",
    "memorisation.regurgitation_threshold.case_mean_decides": "two canaries of a count above 1/2, one far below: the mean decides",
    "memorisation.regurgitation_threshold.case_exactly_half": "a mean of exactly 1/2 is not 'more often than not'",
    "memorisation.regurgitation_threshold.case_never": "never above 1/2 (answer None)",
    "memorisation.regurgitation_threshold.case_spread": "per-canary values spread around their mean",
    "memorisation.regurgitation_threshold.case_not_powers": "counts that are not powers of two",
    "memorisation.regurgitation_threshold.case_dip": (
        "means that dip below 1/2 again after the first count above it (the first one counts)"),
    "memorisation.regurgitation_threshold.hint": (
        "for each distinct count k, smallest first (np.unique sorts), average the probabilities of the "
        "canaries planted k times; return the first k whose mean is strictly above 0.5, and None if there "
        "is none"),
    "memorisation.regurgitation_threshold.expected_none": "no count makes it: return None itself (not -1, 0 or False)",
    "memorisation.regurgitation_threshold.got_none": (
        "some count makes it: return that count k (did the function forget `return`?)"),
    "memorisation.regurgitation_threshold.not_int": "return the planted count k as an int, got {kind}",
    "memorisation.regurgitation_threshold.wrong_count": (
        "the answer is a planted count; {got} is not the first one above 1/2"),
    "memorisation.quantity.legend_syntax": "syntax: minimal pairs",
    "memorisation.quantity.legend_facts": "facts: town of each person",
    "memorisation.quantity.legend_chance_syntax": "chance, syntax ({chance:.0%})",
    "memorisation.quantity.legend_chance_facts": "chance, facts ({chance:.0%})",
    "memorisation.quantity.ylabel_probes": "probe accuracy",
    "memorisation.quantity.legend_rank": "mention rank {first}-{last}",
    "memorisation.quantity.ylabel_facts": "fact accuracy",
    "memorisation.figures.training_tokens": "training tokens",
    "memorisation.connections.legend_per_token": "per-token probability",
    "memorisation.connections.legend_exact": "exact match (all tokens)",
    "memorisation.connections.xlabel_k": "times planted (k)",
    "memorisation.connections.ylabel_mean": "mean over canaries",
    "memorisation.connections.floor": "≤ {power} drawn here",
    "memorisation.connections.xlabel_order": "n-gram order (model 'size')",
    "memorisation.connections.ylabel_order": "P(regurgitate), k = {k}",
    "memorisation.connections.legend_trained_on": "trained on {corpus}",
    "memorisation.connections.ylabel_bits": "held-out bits per token",
    # --- end lesson 07 ---
}
