"""The course's glossary: each term in English and Chinese, and the first lesson that uses it.

The one list of terms. Lesson 00 §5 shows it (:func:`glossary_html`); a test checks that every
term appears in the lesson named as its first, and in no lesson from 01 before it; the Chinese
edition takes its terms from here.
"""
from __future__ import annotations

import html
from typing import NamedTuple

from course_lib.core.language import language
from course_lib.core.messages import message
from course_lib.core.score_tables import table_html

__all__ = ["Term", "TERMS", "glossary_html"]


class Term(NamedTuple):
    """One glossary entry."""

    english: str       # as the English lessons write it (lower case)
    chinese: str       # as the Chinese lessons write it
    first_lesson: str  # two digits: the first lesson from 01 on whose prose uses the term
    meaning: str       # what it means in this course, in one line
    meaning_zh: str    # the same meaning in Chinese, shown by the Chinese lessons


TERMS: tuple[Term, ...] = (
    Term("emergence", "涌现", "01", "an ability absent in smaller models and present in larger ones (Wei et al. 2022)",
         "较小的模型没有、较大的模型才有的能力（Wei et al. 2022）"),
    Term("scaling law", "缩放定律", "01", "a smooth (often power-law) relation between size, data or compute and loss",
         "规模、数据量或计算量与损失之间平滑的（通常是幂律的）关系"),
    Term("mirage", "海市蜃楼", "01", "emergence that comes from the metric, not from the model (Schaeffer et al. 2023)",
         "来自度量指标、而不是来自模型的涌现（Schaeffer et al. 2023）"),
    Term("exact match", "精确匹配", "01", "1 if the whole answer is right, else 0",
         "整个答案都对记 1，否则记 0"),
    Term("edit distance", "编辑距离", "01", "how many tokens must be inserted, deleted or changed to fix an answer",
         "把一个答案改对，需要插入、删除或替换多少个词元"),
    Term("emergence score", "涌现分数", "01", "how sudden a curve's rise is, relative to its steps (BIG-bench)",
         "一条曲线的上升相对于它的逐级变化有多突然（BIG-bench）"),
    Term("scratchpad", "草稿纸", "01", "intermediate steps the model writes out before its answer",
         "模型在给出答案之前写出的中间步骤"),
    Term("parameters", "参数", "01", "the numbers a model learns (weights and biases)",
         "模型学到的数值（权重和偏置）"),
    Term("compute", "计算量", "01", "floating-point operations (FLOPs) spent on training, roughly 6 × parameters × tokens",
         "训练所花费的浮点运算次数（FLOPs），约为 6 × 参数量 × 词元数"),
    Term("grokking", "顿悟", "02", "generalisation that appears long after the training data is fitted",
         "在训练数据被拟合很久之后才出现的泛化"),
    Term("weight decay", "权重衰减", "03", "shrinking every weight a little at each step, outside the gradient",
         "在梯度之外，每一步都把每个权重缩小一点"),
    Term("inverse scaling", "逆缩放", "04", "a task on which larger models do worse",
         "较大的模型反而做得更差的任务"),
    Term("distractor", "干扰特征", "04", "a feature that predicts the label in training but misleads on the test",
         "在训练中能预测标签、在测试中却起误导作用的特征"),
    Term("compute-optimal", "计算最优", "05", "the split of a compute budget between parameters and data with the lowest loss",
         "把计算预算分给参数和数据、使损失最低的分法"),
    Term("deduplication", "去重", "06", "removing repeated documents or passages from training data",
         "从训练数据中删除重复的文档或段落"),
    Term("near-duplicate", "近似重复", "06", "two documents that differ only in a few words",
         "只有几个词不同的两篇文档"),
    Term("contamination", "测试集污染", "06", "test examples that also appear in the training data",
         "同时出现在训练数据中的测试样例"),
    Term("canary", "金丝雀序列", "06", "a unique string planted in training data to measure memorisation",
         "植入训练数据、用来衡量记忆的独特字符串"),
    Term("memorisation", "记忆", "03", "reproducing training data rather than a rule that generalises",
         "复现训练数据，而不是学到可以泛化的规则"),

    Term("token", "词元", "01", "one unit of a model's input or output: a word piece, a digit, a symbol",
         "模型输入或输出的一个单位：一个词片、一个数字或一个符号"),
    Term("per-digit accuracy", "逐位准确率", "01", "the share of answer digits that are right, one digit at a time",
         "答案中逐个数位来看答对的比例"),
    Term("threshold", "阈值", "01", "the size at which a curve first crosses a chosen level (say 50 % exact match)",
         "曲线第一次越过某个选定水平（比如 50% 精确匹配）时的规模"),
    Term("seed", "种子", "01", "the number that fixes a run's random choices; another seed is another run",
         "固定一次运行中所有随机选择的数；换一个种子就是另一次运行"),
    Term("ablation", "消融", "01", "removing one part of a method to see what that part does",
         "去掉方法中的一个部分，看这个部分起什么作用"),
    Term("chain of thought", "思维链", "01", "a prompt that has the model write its reasoning before the answer",
         "让模型在给出答案之前先写出推理过程的提示方法"),
    Term("few-shot", "少样本", "01", "prompting with a few solved examples before the question",
         "在问题之前给出几个已解答示例的提示方法"),
    Term("model family", "模型族", "02", "models trained the same way at several sizes",
         "以同样方式训练、规模各不相同的一组模型"),
    Term("toy model", "玩具模型", "02", "a deliberately small model that shows one mechanism and nothing else",
         "刻意做得很小、只展示一种机制的模型"),
    Term("power law", "幂律", "02", "y = a·x^k: a straight line on log-log axes",
         "y = a·x^k：在双对数坐标轴上是一条直线"),
    Term("generalisation", "泛化", "03", "doing well on examples not seen in training",
         "在训练中没见过的样例上也表现良好"),
    Term("embedding", "嵌入", "03", "the learned vector a model assigns to each input symbol",
         "模型为每个输入符号学到的向量"),
    Term("learning rate", "学习率", "03", "how far each optimiser step moves the weights",
         "优化器每一步让权重移动多远"),
    Term("checkpoint", "检查点", "03", "the state of a run saved at one training step",
         "一次训练在某一步保存下来的状态"),
    Term("spurious feature", "虚假特征", "04", "a feature that predicts the label in the training data only by accident",
         "只是碰巧在训练数据中能预测标签的特征"),
    Term("shortcut", "捷径", "04", "an easy rule a model learns in place of the intended one",
         "模型学到的、用来代替预期规则的简单规则"),
    Term("irreducible loss", "不可约损失", "05", "the loss no model can beat: the entropy of the data itself",
         "任何模型都无法低于的损失：数据本身的熵"),
    Term("bootstrap", "自助法", "05", "refitting on resampled data to see how much an estimate could move",
         "在重采样的数据上重新拟合，看估计值可能变动多少"),
    Term("precision", "精确率", "06", "of what a filter removed, the share that should have gone",
         "过滤器删掉的内容中本该删掉的比例"),
    Term("recall", "召回率", "06", "of what should have gone, the share a filter removed",
         "本该删掉的内容中被过滤器删掉的比例"),
    Term("suffix array", "后缀数组", "06", "every suffix of a text, sorted: repeated substrings sit next to each other",
         "把文本的所有后缀排好序：重复的子串会彼此相邻"),
    Term("regurgitation", "逐字复现", "07", "a model reproducing a training sequence word for word",
         "模型一字不差地复现训练中的序列"),
    Term("temperature", "温度", "07", "how much sampling flattens (high) or sharpens (low) the model's probabilities",
         "采样时把模型的概率拉平（高温）或变尖（低温）的程度"),
)


def glossary_html() -> str:
    """The glossary as an HTML table (lesson 00 §5) in the course's language.

    In English: term, 中文, first lesson, meaning. In Chinese (``course_lib.setup(language="zh")``):
    the Chinese term, the English one, first lesson, the meaning in Chinese.
    """
    header = [message(f"start_here.glossary.header_{what}")
              for what in ("term", "other", "first_lesson", "meaning")]
    chinese = language() == "zh"
    rows = []
    for t in sorted(TERMS, key=lambda t: t.first_lesson):
        terms = [f"<span style='white-space:nowrap'>{t.chinese}</span>", html.escape(t.english)]
        rows.append((terms if chinese else terms[::-1])
                    + [t.first_lesson, html.escape(t.meaning_zh if chinese else t.meaning)])
    return table_html(header, rows, text_columns=len(header))
