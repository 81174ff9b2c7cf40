"""Published numbers, one module per paper, each constant with its table or figure.

These are the course's only hard-coded results. Everything else on screen comes from
models the notebooks train (or from caches that ``make cache`` rebuilds).
"""
