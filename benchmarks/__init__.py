"""The benchmarks: matching speed, scale, end to end, start-up, against BM25 and extractOne baselines.

Outside the ``bot`` package, so ``pip install .`` does not ship them; run ``python -m benchmarks`` from a checkout.
"""
