"""Lesson 06 in the course's language: what course_lib shows follows ``setup(language=...)``, English unchanged."""
from __future__ import annotations

import numpy as np
import pytest

from course_lib import dedup
from course_lib.core.messages import figure_message
from course_lib.corpus import make_corpus
from course_lib.data_quality import checks, near_dup, pipeline
from course_lib.data_quality.demos import BandingDemo, split_label, split_text


@pytest.fixture(scope="module")
def study():
    docs = list(make_corpus(n_clean=120, exact_copies=0, near_copies=30, canaries_per_count=1,
                            canary_counts=(1,), n_low_quality=0, n_unsafe=0, n_test=6, n_leaked=1, seed=4).docs)
    return near_dup.banding_study(dedup.minhash_signatures(docs), near_dup.all_pairs_jaccard(docs),
                                  show_progress=False)


@pytest.fixture(scope="module")
def stages():
    corpus = make_corpus(n_clean=200, exact_copies=10, near_copies=20, canaries_per_count=1, n_low_quality=12,
                         n_unsafe=6, n_test=30, n_leaked=4, seed=2)
    return pipeline.run_pipeline(corpus).stages


def test_the_english_output_is_unchanged(study, stages, capsys):
    table = pipeline.stage_table(stages).splitlines()
    assert table[0] == ("stage                   unit            in  removed  planted  precision  recall")
    assert table[2].startswith("content filtering       documents   ")
    assert table[3].startswith("text extraction         lines       ")
    assert split_text(16, 8) == split_label(16, 8) == "16 bands × 8 rows"
    assert split_text(1, 128) == split_label(1, 128) == "1 band × 128 rows"
    demo = BandingDemo(study)
    assert demo.caption.startswith("Left: the chance that a pair becomes a candidate")
    assert demo.controls["split"].display("16 bands × 8 rows") == "16 bands × 8 rows"
    assert demo.ax_s.get_xlabel() == "exact Jaccard similarity s"
    assert "pairs with J ≥ target" in demo.summary_html(demo.update())
    checks.choose_bands_rows(lambda n, t: (n, 1))
    out = capsys.readouterr().out
    assert "128 hashes, threshold 0.8" in out and "Hint" in out


def test_demo_table_and_checks_follow_the_language(study, stages, chinese, capsys):
    table = pipeline.stage_table(stages).splitlines()
    assert table[0].startswith("阶段") and "精确率" in table[0]
    assert table[2].startswith("内容过滤") and table[3].startswith("文本提取")
    # the columns line up: a Chinese character takes two columns, so every row is as wide as the rule
    assert len({sum(2 if "\u4e00" <= ch <= "\u9fff" else 1 for ch in row) for row in table}) == 1
    assert [s.name for s in stages][0] == "content filtering"  # the data keep their English names

    demo = BandingDemo(study)
    assert demo.caption.startswith("左图")
    assert demo.controls["split"].display("16 bands × 8 rows") == "16 个条带 × 8 行"
    state = demo.update(split="8 bands × 16 rows", target=0.8)  # the options stay the English values
    assert "8 个条带 × 16 行" in demo.summary_html(state) and "精确率" in demo.summary_html(state)
    assert demo.ax_s.get_xlabel() == figure_message("data_quality.banding.xlabel_similarity")
    assert demo.ax_pr.get_ylabel() == figure_message("data_quality.banding.ylabel_share")

    checks.ngram_hit(lambda train, item, n: True)
    out = capsys.readouterr().out
    assert "只有 12 个词相同" in out and "提示" in out
    checks.minhash_signature(lambda x, a, b: np.zeros(len(a), dtype=np.uint64))
    assert "只有一个 shingle" in capsys.readouterr().out
