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
    # core.language
    "language.no_font": "No font on this machine can draw the course's language: figures keep English labels.",
    # core.interactive: the website's kernel-free player
    "player.grid": "Drawn in advance for every combination of these settings: this page needs no Python.",
    "player.sweep": ("Drawn in advance for each control's values with the others at their defaults: "
                     "moving one control puts the others back to their defaults. Run the notebook to "
                     "combine them freely."),
    "player.subsampled": "{shown} of its {total} values",
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
    # --- end lesson 01 ---
    # --- lesson 02 (course_lib/mirage) ---
    # --- end lesson 02 ---
    # --- lesson 03 (course_lib/grokking) ---
    # --- end lesson 03 ---
    # --- lesson 04 (course_lib/inverse_scaling) ---
    # --- end lesson 04 ---
    # --- lesson 05 (course_lib/chinchilla) ---
    # --- end lesson 05 ---
    # --- lesson 06 (course_lib/data_quality) ---
    # --- end lesson 06 ---
    # --- lesson 07 (course_lib/memorisation) ---
    # --- end lesson 07 ---
}
