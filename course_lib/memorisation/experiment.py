"""Section 1's experiment: n-gram models on the raw and the deduplicated corpus, and what they copy.

- :func:`train_family`: one model per order and corpus, with the verbatim-span indexes of each
  training set and the fixed prompts; :class:`MemorisationFamily` holds them and answers the
  two questions of the lesson at any temperature:
- :meth:`MemorisationFamily.canary_probabilities`: the exact probability that sampling
  reproduces each canary's continuation from its prefix;
- :meth:`MemorisationFamily.copy_rates`: the share of generated samples (from ordinary corpus
  prompts) that contain a span of at least m tokens copied from the training set;
- :func:`wilson_interval`: the 95% interval of a share of canaries (10 per count k, 60 in all).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from course_lib.core.messages import message
from course_lib.core.progress import progress
from course_lib.core.validation import check_bool, check_choice, check_count, check_scalar
from course_lib.memorisation.data import SEED, TokenCorpus, build_data, lesson_data
from course_lib.ngram import NgramLM, VerbatimIndex

__all__ = ["ORDERS", "CORPORA", "PREFIX", "SPAN", "SPANS", "PROMPT_LENGTH", "SAMPLE_LENGTH", "N_PROMPTS",
           "MemorisationFamily", "generic_prompts", "train_family", "mean_by_count",
           "build_family", "default_family", "sampling_check", "wilson_interval"]

#: the n-gram orders of the family
ORDERS = (3, 4, 5, 6)
#: the two training sets
CORPORA = ("raw", "deduplicated")
#: tokens of a canary given as the prompt; the rest is what must be reproduced
PREFIX = 10
#: a sample "copies the training set" when it contains a span of this many tokens found there
SPAN = 20
#: the span lengths compared in the notebook
SPANS = (8, 10, 12, 15, 20, 30)
#: prompts for the generic samples: this many tokens from the raw corpus, this many generated
PROMPT_LENGTH, SAMPLE_LENGTH, N_PROMPTS = 10, 50, 200


def generic_prompts(stream: TokenCorpus, n_prompts: int = N_PROMPTS, length: int = PROMPT_LENGTH,
                    seed: int = 0) -> np.ndarray:
    """``n_prompts`` windows of ``length`` tokens from random places of a corpus: (n_prompts, length).

    Used in notebook 07 §1.
    """
    n_prompts = check_count("n_prompts", n_prompts)
    length = check_count("length", length)
    rng = np.random.default_rng(check_count("seed", seed, minimum=0))
    starts = rng.integers(0, stream.n_tokens - length, n_prompts)
    return stream.tokens[starts[:, None] + np.arange(length)]


def wilson_interval(hits: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval (95% for z = 1.96) of a share of ``hits`` out of ``trials``.

    Used in notebook 07 §1 for the share of canaries greedy decoding writes out.
    """
    trials = check_count("trials", trials)
    hits = check_count("hits", hits, minimum=0, maximum=trials)
    z = check_scalar("z", z, 0.0, include_minimum=False)
    share = hits / trials
    centre = (share + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * np.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return float(max(centre - half, 0.0)), float(min(centre + half, 1.0))


def mean_by_count(counts, values) -> tuple[np.ndarray, np.ndarray]:
    """The distinct planted counts k (ascending) and the mean of ``values`` over the canaries of each.

    Used in notebook 07 §1 and §3.
    """
    counts, values = np.asarray(counts), np.asarray(values, dtype=float)
    if counts.shape != values.shape or counts.ndim != 1:
        raise ValueError(f"counts and values must be 1-d arrays of one length, got {counts.shape} and {values.shape}")
    ks = np.unique(counts)
    return ks, np.array([values[counts == k].mean() for k in ks])


@dataclass
class MemorisationFamily:
    """Models of every order on both corpora, with what is needed to probe them.

    Attributes
    ----------
    models : dict (corpus name, order) -> NgramLM
    indexes : dict (corpus name, span length) -> VerbatimIndex of that corpus
    canaries : int64 array (canaries, tokens)
    canary_copies : int array: how many times each canary was planted
    prompts : int64 array (N_PROMPTS, PROMPT_LENGTH): the generic prompts
    """

    models: dict
    indexes: dict
    canaries: np.ndarray
    canary_copies: np.ndarray
    prompts: np.ndarray
    _samples: dict = field(default_factory=dict, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)

    @property
    def orders(self) -> tuple[int, ...]:
        return tuple(sorted({order for _, order in self.models}))

    def _check(self, corpus: str, order: int, temperature: float) -> tuple[str, int, float]:
        corpus = check_choice("corpus", corpus, CORPORA)
        order = check_choice("order", check_count("order", order, minimum=2), self.orders)
        return corpus, order, check_scalar("temperature", temperature, 0.0)

    def canary_probabilities(self, corpus: str, order: int, temperature: float = 1.0,
                             prompt_length: int = PREFIX) -> np.ndarray:
        """Per canary, P(sampling at ``temperature`` reproduces its continuation exactly | its prompt).

        The continuation is always the canary's tokens after the first :data:`PREFIX`; the prompt is
        the ``prompt_length`` tokens just before it (1 to PREFIX). T = 0 is greedy decoding: the
        probability is 1 when every word of the continuation is the most probable one, 0 otherwise
        (1/m per tie of m words). Used in notebook 07 §1.
        """
        corpus, order, temperature = self._check(corpus, order, temperature)
        prompt_length = check_count("prompt_length", prompt_length, maximum=PREFIX)
        key = ("canaries", corpus, order, round(temperature, 6), prompt_length)
        if key not in self._memo:
            # P_T(w) = p(w)^(1/T) / sum_v p(v)^(1/T) at every position of every canary, in logs (finite
            # for any T > 0), from the model's distributions computed once per model and prompt length
            log_rows, targets = self._canary_distributions(corpus, order, prompt_length)
            if temperature == 0.0:
                top = log_rows.max(axis=2, keepdims=True)
                ties = log_rows >= top + np.log1p(-1e-6)
                on_path = np.take_along_axis(ties, targets[..., None], axis=2)[..., 0]
                value = np.where(on_path.all(axis=1), 1.0 / np.prod(ties.sum(axis=2), axis=1), 0.0)
            else:
                z = (log_rows - log_rows.max(axis=2, keepdims=True)) / temperature
                log_norm = np.log(np.exp(z).sum(axis=2))
                z_target = np.take_along_axis(z, targets[..., None], axis=2)[..., 0]
                value = np.exp(np.sum(z_target - log_norm, axis=1))
            self._remember(key, value)
        return self._memo[key].copy()

    def extraction_rates(self, corpus: str, order: int, prompt_lengths=(1, 2, 3, 5, PREFIX)) -> np.ndarray:
        """Greedy extraction: per prompt length (rows) and planted count k (columns), the share of canaries
        whose whole continuation greedy decoding writes out. Exact (no sampling). Used in notebook 07 §1.
        """
        lengths = [check_count("prompt_lengths", m, maximum=PREFIX) for m in prompt_lengths]
        ks = np.unique(self.canary_copies)
        return np.array([[np.mean(self.canary_probabilities(corpus, order, 0.0, m)[self.canary_copies == k] == 1.0)
                          for k in ks] for m in lengths])

    def _canary_distributions(self, corpus: str, order: int, prompt_length: int = PREFIX
                              ) -> tuple[np.ndarray, np.ndarray]:
        """log P(next word) at each continuation position (canaries, positions, V), and the canary words there."""
        key = ("distributions", corpus, order, prompt_length)
        if key not in self._samples:
            model, seq = self.models[corpus, order], self.canaries
            width, first = order - 1, PREFIX - prompt_length
            rows = np.stack([model.next_distribution(seq[:, max(first, t - width):t])
                             for t in range(PREFIX, seq.shape[1])], axis=1)
            self._samples[key] = (np.log(rows), seq[:, PREFIX:])
        return self._samples[key]

    def sampled_regurgitation(self, corpus: str, order: int, temperature: float = 1.0, draws: int = 200,
                              seed: int = 0) -> np.ndarray:
        """Per canary, the share of ``draws`` sampled continuations of its prefix that reproduce it exactly.

        The sampling counterpart of :meth:`canary_probabilities`. Used in notebook 07 §1.
        """
        corpus, order, temperature = self._check(corpus, order, temperature)
        draws = check_count("draws", draws)
        prompts = np.repeat(self.canaries[:, :PREFIX], draws, axis=0)
        targets = np.repeat(self.canaries[:, PREFIX:], draws, axis=0)
        drawn = self.models[corpus, order].sample(prompts, targets.shape[1], temperature, seed)
        return np.all(drawn == targets, axis=1).reshape(len(self.canaries), draws).mean(axis=1)

    def _remember(self, key, value) -> None:
        if len(self._memo) > 256:
            self._memo.clear()
        self._memo[key] = value

    def samples(self, corpus: str, order: int, temperature: float) -> np.ndarray:
        """The N_PROMPTS generated continuations (N_PROMPTS, SAMPLE_LENGTH) at these settings.

        Seeded by the settings, so the same settings give the same samples; kept for reuse.
        Used in notebook 07 §1.
        """
        corpus, order, temperature = self._check(corpus, order, temperature)
        key = (corpus, order, round(temperature, 6))
        if key not in self._samples:
            if len(self._samples) > 64:
                self._samples.clear()
            seed = 1000 * order + int(round(100 * temperature))
            self._samples[key] = self.models[corpus, order].sample(self.prompts, SAMPLE_LENGTH, temperature, seed)
        return self._samples[key]

    def copy_rates(self, corpus: str, order: int, temperature: float, n_samples: int = N_PROMPTS,
                   spans=SPANS) -> np.ndarray:
        """Per span length m, the share of the first ``n_samples`` samples with a copied span of >= m tokens.

        Used in notebook 07 §1.
        """
        n_samples = check_count("n_samples", n_samples, maximum=len(self.prompts))
        return self.copy_flags(corpus, order, temperature, spans)[:, :n_samples].mean(axis=1)

    def copy_flags(self, corpus: str, order: int, temperature: float, spans=SPANS) -> np.ndarray:
        """Per span length m and sample, whether the sample holds a copied span of >= m tokens: bool (spans, N_PROMPTS).

        Kept for reuse, so a change of the sample count only averages. Used in notebook 07 §1.
        """
        spans = tuple(spans)
        for m in spans:
            if (corpus, m) not in self.indexes:
                raise ValueError(f"spans must be among the indexed lengths {sorted({s for _, s in self.indexes})}, got {m}")
        key = ("flags", corpus, order, round(float(temperature), 6), spans)
        if key not in self._memo:
            generated = self.samples(corpus, order, temperature)
            self._remember(key, np.array([self.indexes[corpus, m].has_copy(generated) for m in spans]))
        return self._memo[key]


def train_family(orders=ORDERS, spans=SPANS, seed: int = SEED, show_progress: bool = True,
                 data: tuple | None = None) -> MemorisationFamily:
    """Train models of every order on the raw and on the deduplicated corpus; index their spans.

    Used in notebook 07 §1.

    Parameters
    ----------
    orders : tuple of int
        n-gram orders (contiguous, for the demo's slider).
    spans : tuple of int
        Span lengths to index for the verbatim check.
    seed : int
        The corpus seed.
    show_progress : bool
    data : tuple, optional
        :func:`course_lib.memorisation.data.build_data`'s result; by default the session's copy.
    """
    show_progress = check_bool("show_progress", show_progress)
    orders = tuple(sorted(check_count("orders", n, minimum=2) for n in orders))
    spans = tuple(sorted(check_count("spans", m, minimum=2) for m in spans))
    corpus, vocab, raw, dedup, canaries = lesson_data(seed) if data is None else data
    streams = {"raw": raw, "deduplicated": dedup}
    models, indexes = {}, {}
    jobs = [(c, n) for c in CORPORA for n in orders]
    for c, n in progress(jobs, label=message("memorisation.family.progress"), enabled=show_progress):
        models[c, n] = NgramLM(n, len(vocab)).fit(streams[c].tokens, streams[c].starts)
    for c in CORPORA:
        for m in spans:
            indexes[c, m] = VerbatimIndex(streams[c].tokens, m)
    return MemorisationFamily(models, indexes, canaries, np.asarray(corpus.canary_copies),
                              generic_prompts(raw))


def build_family() -> MemorisationFamily:
    """The notebook's family from scratch: corpus, deduplication, tokens, models and indexes."""
    return train_family(show_progress=False, data=build_data(SEED))


_default: dict[str, MemorisationFamily] = {}


def default_family() -> MemorisationFamily:
    """The notebook's family (:func:`train_family` with its defaults), kept for the session."""
    if "family" not in _default:
        _default["family"] = train_family(show_progress=False)
    return _default["family"]


def sampling_check(family: MemorisationFamily, corpus: str = "raw", order: int = 5, temperature: float = 1.0,
                   draws: int = 200, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Exact against sampled regurgitation, per planted count: (k, exact mean, sampled mean, standard error).

    The standard error is that of the sampled mean of a count's canaries if the exact probabilities are
    right: sqrt(Σ p_i (1 − p_i) / draws) / (canaries of that count). Used in notebook 07 §1.
    """
    if not isinstance(family, MemorisationFamily):
        raise TypeError(f"family must be a MemorisationFamily, got {type(family).__name__}")
    exact = family.canary_probabilities(corpus, order, temperature)
    sampled = family.sampled_regurgitation(corpus, order, temperature, draws, seed)
    ks, exact_mean = mean_by_count(family.canary_copies, exact)
    _, sampled_mean = mean_by_count(family.canary_copies, sampled)
    se = np.array([np.sqrt(np.sum(exact[family.canary_copies == k] * (1 - exact[family.canary_copies == k])) / draws)
                   / np.sum(family.canary_copies == k) for k in ks])
    return ks, exact_mean, sampled_mean, se
