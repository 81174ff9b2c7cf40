"""A small version of lesson 07's experiment, for fast unit tests (the claims use the full one)."""
import pytest

from course_lib.corpus import make_corpus
from course_lib.memorisation import data, experiment


@pytest.fixture(scope="session")
def small_data():
    corpus = make_corpus(n_clean=400, html_fraction=0.0, exact_copies=20, near_copies=20,
                         canary_counts=(1, 2, 8), canaries_per_count=3, n_low_quality=0, n_unsafe=0,
                         n_test=3, n_leaked=0, seed=3)
    vocab = data.vocabulary()
    return (corpus, vocab, data.token_corpus(corpus, vocab), data.deduplicate(corpus, vocab),
            data.canary_tokens(corpus, vocab))


@pytest.fixture(scope="session")
def small_family(small_data):
    return experiment.train_family(orders=(3, 4, 5), spans=(8, 20), show_progress=False, data=small_data)
