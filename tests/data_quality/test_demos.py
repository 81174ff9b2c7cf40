"""The banding demo on a small study: every split and target, precomputed lookups only."""
import numpy as np
import pytest

from course_lib import dedup
from course_lib.corpus import make_corpus
from course_lib.data_quality import near_dup
from course_lib.data_quality.demos import BandingDemo


@pytest.fixture(scope="module")
def demo():
    docs = list(make_corpus(n_clean=150, exact_copies=0, near_copies=40, canaries_per_count=1,
                            canary_counts=(1,), n_low_quality=0, n_unsafe=0, n_test=6, n_leaked=1, seed=4).docs)
    sig = dedup.minhash_signatures(docs)
    study = near_dup.banding_study(sig, near_dup.all_pairs_jaccard(docs), show_progress=False)
    return BandingDemo(study)


def test_every_split_and_target(demo):
    for split in demo.controls["split"].options:
        for target in (0.3, 0.8, 0.95):
            state = demo.update(split=split, target=target)
            bands, rows = state["bands"], state["rows"]
            assert bands * rows == 128
            assert np.allclose(state["curve"], dedup.lsh_candidate_probability(demo.s, bands, rows))
            assert "<table" in demo.summary_html(state)


def test_data_artists_are_what_moves(demo):
    assert demo.data_artists and all(a.figure is demo.fig for a in demo.data_artists)


def test_study_type_is_checked():
    with pytest.raises(TypeError, match="study"):
        BandingDemo(study="not a study")
