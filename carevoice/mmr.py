"""Maximal marginal relevance (MMR): pick items that are relevant and unlike each other.

One implementation serves the report's quotes (:mod:`carevoice.quotes`) and the diverse example
comments of discovered topics (:mod:`carevoice.discover.represent`). Each pick maximises

    (1 - diversity) * relevance[i] - diversity * max(similarity(i, j) for j already picked)

(Carbonell and Goldstein, 1998). Similarity is the dot product of L2-normalised rows, i.e.
cosine similarity. Everything is deterministic: ties go to the candidate listed first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np

__all__ = ["maximal_marginal_relevance"]


def maximal_marginal_relevance(
    vectors: np.ndarray, relevance: np.ndarray, k: int, *, diversity: float = 0.5,
    candidates: Iterable[int] | None = None, exclude: Iterable[int] = (),
    eligible: Callable[[int, Sequence[int]], bool] | None = None,
) -> list[int]:
    """Positions of up to ``k`` rows chosen by maximal marginal relevance.

    Parameters
    ----------
    vectors : numpy.ndarray
        L2-normalised rows.
    relevance : numpy.ndarray
        One relevance score per row (e.g. similarity to a centroid).
    k : int
        How many to pick at most.
    diversity : float, default 0.5
        The trade-off: 0 ranks by relevance alone; 1 ignores relevance after the first pick.
        The first pick (with nothing excluded) is always the most relevant candidate.
    candidates : iterable of int, optional
        The rows that may be picked, in tie-breaking order; default every row in order.
    exclude : iterable of int, default ()
        Rows never picked that still count as already picked when measuring redundancy (e.g.
        examples shown elsewhere).
    eligible : callable, optional
        ``eligible(i, picked)``: whether row ``i`` may still be picked given the rows picked so
        far; asked before the first pick and again after every pick (rules such as "one quote
        per respondent").

    Returns
    -------
    list of int
        The picked rows, in the order picked.

    Examples
    --------
    >>> v = np.array([[1.0, 0.0], [0.99, 0.14], [0.6, 0.8]])
    >>> rel = v @ np.array([1.0, 0.0])
    >>> maximal_marginal_relevance(v, rel, 2, diversity=0.0)
    [0, 1]
    >>> maximal_marginal_relevance(v, rel, 2, diversity=0.7)
    [0, 2]
    """
    n = len(vectors)
    excluded = [int(i) for i in exclude if 0 <= int(i) < n]
    skip = set(excluded)
    order = [int(i) for i in (range(n) if candidates is None else candidates)
             if int(i) not in skip]
    picked: list[int] = []
    if eligible is not None:
        order = [i for i in order if eligible(i, picked)]
    redundancy = np.full(n, -np.inf)
    for i in excluded:
        redundancy = np.maximum(redundancy, vectors @ vectors[i])
    relevance = np.asarray(relevance, dtype=np.float64)
    while order and len(picked) < k:
        rows = np.asarray(order)
        if np.isneginf(redundancy).all():
            gain = relevance[rows]
        else:
            gain = (1 - diversity) * relevance[rows] - diversity * np.maximum(redundancy[rows],
                                                                              -1.0)
        best = order[int(np.argmax(gain))]  # argmax keeps the first of ties
        picked.append(best)
        redundancy = np.maximum(redundancy, vectors @ vectors[best])
        order = [i for i in order if i != best
                 and (eligible is None or eligible(i, picked))]
    return picked
