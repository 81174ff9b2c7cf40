"""Extra timings of lesson 06 (``report()``): MinHash against datasketch, the suffix array, the demo.

* ``dedup.minhash_signatures`` at num_perm = 128 on the lesson's corpus (target: at least 10,000
  documents per second), from raw strings to signatures; datasketch's ``MinHash.bulk`` on the same
  documents' shingles (hashing only: the shingles are built beforehand, its best case), and
  datasketch with the shingle strings built inside the timing; both throughputs, and the ratio
  (aim: ours at least 1.5 times as fast as the bulk mode);
* the Jaccard error of both against exact Jaccard on every pair with 0.1 <= J <= 0.9: root mean
  square of error / sqrt(J(1 − J)/num_perm) (target: within 10% of 1) and mean absolute error;
* the suffix-array pass over the lesson's ~500k-token corpus: ``suffix_array`` and
  ``repeated_substrings(min_length=50)`` (target < 2 s);
* one move of the banding demo: ``compute`` alone (target < 10 ms) and update + PNG render.

Timings are medians of ``repeats`` runs on one BLAS thread. datasketch is a test and bench extra;
without it its rows are skipped. Usage: ``python bench/data_quality.py [repeats]``. A report,
never a test.
"""
from __future__ import annotations

import statistics
import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from course_lib import dedup
from course_lib.core.style import render_png
from course_lib.corpus import concatenate, token_ids
from course_lib.data_quality import experiment, near_dup
from course_lib.data_quality.demos import BandingDemo

NUM_PERM = 128


def _median_time(fn, repeats: int):
    times, out = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def _errors(estimate: np.ndarray, exact: np.ndarray) -> tuple[float, float]:
    """(RMS of error / theoretical standard error, mean absolute error)."""
    se = np.sqrt(exact * (1 - exact) / NUM_PERM)
    return float(np.sqrt(np.mean(((estimate - exact) / se) ** 2))), float(np.mean(np.abs(estimate - exact)))


def report(repeats: int = 3) -> list[str]:
    """Print lesson 06's measurements; return the targets missed."""
    missed = []
    with threadpool_limits(1):
        corpus = experiment.lesson_corpus()
        docs = list(corpus.docs)
        n = len(docs)
        print(f"corpus: {n:,} documents, {corpus.n_tokens:,} words; num_perm = {NUM_PERM}, 5-gram shingles")

        t_ours, ours = _median_time(lambda: dedup.minhash_signatures(docs, num_perm=NUM_PERM), repeats)
        rate = n / t_ours
        verdict = "PASS" if rate >= 10_000 else "MISS"
        print(f"  minhash_signatures (strings -> signatures): {t_ours * 1000:7.0f} ms  {rate:9,.0f} docs/s  "
              f"[target >= 10,000 docs/s: {verdict}]")
        if verdict == "MISS":
            missed.append(f"data_quality: minhash_signatures {rate:,.0f} docs/s < 10,000")

        truth = near_dup.all_pairs_jaccard(docs)
        pick = (truth.similarity >= 0.1) & (truth.similarity <= 0.9)
        i, j = truth.codes[pick] // n, truth.codes[pick] % n
        exact = truth.similarity[pick]
        ratio, mae = _errors(np.mean(ours[i] == ours[j], axis=1), exact)
        verdict = "PASS" if abs(ratio - 1) <= 0.1 else "MISS"
        print(f"  ours: {len(exact):,} pairs with 0.1 <= J <= 0.9: RMS error / sqrt(J(1-J)/k) = {ratio:.3f}, "
              f"mean |error| {mae:.4f}  [target within 10% of 1: {verdict}]")
        if verdict == "MISS":
            missed.append(f"data_quality: MinHash error ratio {ratio:.3f} not within 10% of 1")

        try:
            from datasketch import MinHash
        except ImportError:
            print("  datasketch not installed (pip install datasketch): comparison skipped")
            return missed
        shingle_bytes = [[int(x).to_bytes(4, "little") for x in dedup.shingles(d)] for d in docs]
        t_bulk, theirs = _median_time(lambda: MinHash.bulk(shingle_bytes, num_perm=NUM_PERM), repeats)

        def with_strings():
            grams = []
            for d in docs:
                w = d.split()
                grams.append([" ".join(w[k:k + 5]).encode() for k in range(len(w) - 4)])
            return MinHash.bulk(grams, num_perm=NUM_PERM)

        t_strings, theirs_strings = _median_time(with_strings, repeats)
        print(f"  datasketch MinHash.bulk (shingles given):   {t_bulk * 1000:7.0f} ms  {n / t_bulk:9,.0f} docs/s")
        print(f"  datasketch MinHash.bulk (with shingling):   {t_strings * 1000:7.0f} ms  "
              f"{n / t_strings:9,.0f} docs/s")
        speedup = t_bulk / t_ours
        verdict = "PASS" if speedup >= 1.5 else "MISS"
        print(f"  ours / datasketch bulk speed: {speedup:.2f}x  [aim >= 1.5x: {verdict}]")
        if verdict == "MISS":
            missed.append(f"data_quality: minhash_signatures only {speedup:.2f}x datasketch's bulk mode")
        hv = np.array([m.hashvalues for m in theirs])
        ratio_ds, mae_ds = _errors(np.mean(hv[i] == hv[j], axis=1), exact)
        hv = np.array([m.hashvalues for m in theirs_strings])
        ratio_str, mae_str = _errors(np.mean(hv[i] == hv[j], axis=1), exact)
        print(f"  datasketch: RMS error / sqrt(J(1-J)/k) = {ratio_ds:.3f} (mean |error| {mae_ds:.4f}); "
              f"on its own string shingles {ratio_str:.3f} ({mae_str:.4f})")

        ids, _ = token_ids(docs)
        tokens, _ = concatenate(ids)
        t_sa, sfx = _median_time(lambda: dedup.suffix_array(tokens), repeats)
        t_rep, rep = _median_time(lambda: dedup.repeated_substrings(tokens, 50), repeats)
        verdict = "PASS" if t_rep < 2 else "MISS"
        print(f"  suffix array of {len(tokens):,} tokens: {t_sa:.2f} s; repeated_substrings(min_length=50) "
              f"including it: {t_rep:.2f} s, {rep.n_covered:,} tokens covered  [target < 2 s: {verdict}]")
        if verdict == "MISS":
            missed.append(f"data_quality: suffix-array pass {t_rep:.2f} s >= 2 s")

        demo = BandingDemo(experiment.default_study())
        computes, updates = [], []
        for _ in range(repeats):
            for control, spec in demo.controls.items():
                for value in spec.sweep():
                    params = demo.resolve({control: value})
                    start = time.perf_counter()
                    demo.compute(**params)
                    computes.append(time.perf_counter() - start)
                    start = time.perf_counter()
                    demo.update(**{control: value})
                    render_png(demo.fig)
                    updates.append(time.perf_counter() - start)
        c_med, u_med = statistics.median(computes), statistics.median(updates)
        verdict = "PASS" if c_med < 0.010 else "MISS"
        print(f"  banding demo: compute median {c_med * 1000:.2f} ms [target < 10 ms: {verdict}], "
              f"update + full PNG render median {u_med * 1000:.0f} ms")
        if verdict == "MISS":
            missed.append(f"data_quality: banding demo compute {c_med * 1000:.1f} ms >= 10 ms")
    return missed


if __name__ == "__main__":
    missed = report(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
    print("missed:", missed or "none")
