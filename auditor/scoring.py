"""Lighthouse's log-normal scoring curve and the percentile rule, shared by the load-time check.

A metric scores 0.9 at its `p10` control point and 0.5 at its `median`; see Lighthouse's
"performance scoring" documentation (cited as `lighthouse-scoring`)."""

from __future__ import annotations

import math
from collections.abc import Sequence

Z_90 = 1.2815515655446004  # the standard normal quantile at 0.9


def log_normal_score(value: float, p10: float, median: float) -> float:
    if value <= 0:
        return 1.0
    # ln(value) is normal around ln(median); sigma is chosen so that the p10 control point scores 0.9
    sigma = (math.log(median) - math.log(p10)) / Z_90
    standardized = (math.log(value) - math.log(median)) / (math.sqrt(2) * sigma)
    return min(1.0, max(0.0, math.erfc(standardized) / 2))


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default); None for no values."""
    data = sorted(v for v in values if v is not None)
    if not data:
        return None
    if len(data) == 1:
        return float(data[0])
    rank = (len(data) - 1) * pct / 100
    low = math.floor(rank)
    high = min(low + 1, len(data) - 1)
    return float(data[low] + (data[high] - data[low]) * (rank - low))
