"""The course's glossary: each term in English and Chinese, and the first lesson that uses it.

The one list of terms. Lesson 00 §5 shows it (:func:`glossary_html`); a test checks that every
term appears in the lesson named as its first, and in no lesson from 01 before it; the Chinese
edition takes its terms from here.
"""
from __future__ import annotations

import html
from typing import NamedTuple

from course_lib.core.score_tables import table_html

__all__ = ["Term", "TERMS", "glossary_html"]


class Term(NamedTuple):
    """One glossary entry."""

    english: str       # as the English lessons write it (lower case)
    chinese: str       # as the Chinese lessons write it
    first_lesson: str  # two digits: the first lesson from 01 on whose prose uses the term
    meaning: str       # what it means in this course, in one line


TERMS: tuple[Term, ...] = (
    Term("emergence", "涌现", "01", "an ability absent in smaller models and present in larger ones (Wei et al. 2022)"),
    Term("scaling law", "缩放定律", "01", "a smooth (often power-law) relation between size, data or compute and loss"),
    Term("mirage", "海市蜃楼", "01", "emergence that comes from the metric, not from the model (Schaeffer et al. 2023)"),
    Term("exact match", "精确匹配", "01", "1 if the whole answer is right, else 0"),
    Term("edit distance", "编辑距离", "01", "how many tokens must be inserted, deleted or changed to fix an answer"),
    Term("emergence score", "涌现分数", "01", "how sudden a curve's rise is, relative to its steps (BIG-bench)"),
    Term("scratchpad", "草稿纸", "01", "intermediate steps the model writes out before its answer"),
    Term("parameters", "参数", "01", "the numbers a model learns (weights and biases)"),
    Term("compute", "计算量", "01", "floating-point operations (FLOPs) spent on training, roughly 6 × parameters × tokens"),
    Term("grokking", "顿悟", "02", "generalisation that appears long after the training data is fitted"),
    Term("weight decay", "权重衰减", "03", "shrinking every weight a little at each step, outside the gradient"),
    Term("inverse scaling", "逆缩放", "04", "a task on which larger models do worse"),
    Term("distractor", "干扰特征", "04", "a feature that predicts the label in training but misleads on the test"),
    Term("compute-optimal", "计算最优", "05", "the split of a compute budget between parameters and data with the lowest loss"),
    Term("deduplication", "去重", "06", "removing repeated documents or passages from training data"),
    Term("near-duplicate", "近似重复", "06", "two documents that differ only in a few words"),
    Term("contamination", "测试集污染", "06", "test examples that also appear in the training data"),
    Term("canary", "金丝雀序列", "06", "a unique string planted in training data to measure memorisation"),
    Term("memorisation", "记忆", "03", "reproducing training data rather than a rule that generalises"),
)


def glossary_html() -> str:
    """The glossary as an HTML table (lesson 00 §5): term, 中文, first lesson, meaning."""
    header = ["term", "中文", "first lesson", "meaning in this course"]
    rows = [[html.escape(t.english), f"<span style='white-space:nowrap'>{t.chinese}</span>", t.first_lesson,
             html.escape(t.meaning)] for t in sorted(TERMS, key=lambda t: t.first_lesson)]
    return table_html(header, rows, text_columns=len(header))
