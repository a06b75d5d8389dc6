"""The k-means method of discovery: how many topics (:func:`auto_n_topics`), the clustering of
the reduced embeddings, and how stable its topics are across seeds (:func:`topic_stability`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..schema import COMMENT_ID
from .reduce import reduce_embeddings
from .result import OUTLIER, Topics

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["auto_n_topics", "topic_stability"]

#: The parameters of the k-means method only, with their defaults: set to anything else with
#: ``method="sparse"``, which would ignore them, they are refused.
KMEANS_ONLY: dict[str, object] = {
    "reducer": "spectral", "n_components": 20, "n_neighbors": 15, "min_similarity": 0.2,
    "second_similarity": 0.3, "second_margin": 0.12, "membership": "classifier",
    "member_probability": 0.5}


def auto_n_topics(n_comments: int, *, per_sqrt: float = 1.5, most: int = 40) -> int:
    """The default number of topics for a corpus of ``n_comments`` comments.

    ``round(per_sqrt * sqrt(n))``, at least 2 and at most ``most`` (and never more than a fifth
    of the comments).

    Parameters
    ----------
    n_comments : int
        How many comments are clustered.
    per_sqrt : float, default 1.5
        Topics per square root of the number of comments.
    most : int, default 40
        The cap: more topics than a person can review split themes into fragments.

    Returns
    -------
    int

    Examples
    --------
    >>> auto_n_topics(200), auto_n_topics(1700), auto_n_topics(10_000)
    (21, 40, 40)
    """
    k = round(per_sqrt * float(np.sqrt(max(n_comments, 0))))
    return int(max(2, min(k, most, max(2, n_comments // 5))))


def cluster(xa: np.ndarray, k: int, *, reducer: str, n_components: int, n_neighbors: int,
            random_state: int) -> tuple[np.ndarray, np.ndarray]:
    """Reduce ``xa`` and cluster it into ``k`` groups with k-means at ``random_state``; returns
    the reduced embeddings and each row's cluster."""
    from sklearn.cluster import KMeans

    # No more spectral dimensions than clusters: with few comments, extra eigenvectors are
    # noise.
    dims = min(n_components, k) if reducer == "spectral" else n_components
    reduced = reduce_embeddings(xa, method=reducer, n_components=dims,
                                n_neighbors=n_neighbors, random_state=random_state)
    labels = KMeans(n_clusters=k, n_init=10, random_state=random_state).fit_predict(reduced)
    return reduced, labels


def topic_stability(topics: Topics, refits: list[np.ndarray]) -> pd.Series:
    """Each topic's stability: how well its comments are found again by other clusterings.

    For each refit, the Jaccard index between the topic's primary members and the refit's
    cluster that overlaps them best; the mean over the refits. 1 means every refit found
    exactly this topic; around 0.5, refits split it in two or merged it with another.

    Parameters
    ----------
    topics : Topics
        The topics (``topics.comments`` in the order of the refits' rows).
    refits : list of numpy.ndarray
        Other clusterings of the same comments (one cluster id per comment, ``-1`` for none).

    Returns
    -------
    pandas.Series
        By topic id, rounded to three decimals.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.discover import AssignConfig
    >>> from carevoice.discover.result import assemble_topics
    >>> x = np.repeat(np.eye(3, dtype=np.float32), 4, axis=0)
    >>> comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(12)], "text": ["a"] * 12})
    >>> topics = assemble_topics(comments, x, np.repeat([0, 1, 2], 4), AssignConfig(max_topics=1))
    >>> topic_stability(topics, [np.repeat([0, 1, 2], 4), np.repeat([0, 1, 1], 4)]).tolist()
    [1.0, 0.75, 0.75]
    """
    import pandas as pd

    rows = topics.assignments[topics.assignments["primary"].to_numpy()]
    primary = rows.set_index(rows[COMMENT_ID].astype(str))["topic"]
    primary = primary.reindex(topics.comments[COMMENT_ID].astype(str)).to_numpy()
    out = {}
    for t in topics.topic_ids:
        members = primary == t
        scores = []
        for other in refits:
            other = np.asarray(other, dtype=np.int64)
            inside = other[members & (other != OUTLIER)]
            if not len(inside):
                scores.append(0.0)
                continue
            overlap = np.bincount(inside)
            sizes = np.bincount(other[other != OUTLIER], minlength=len(overlap))[:len(overlap)]
            scores.append(float(np.max(overlap / (members.sum() + sizes - overlap))))
        out[t] = round(float(np.mean(scores)), 3) if scores else float("nan")
    return pd.Series(out, name="stability", dtype=float)


def with_stability(topics: Topics, refits: list[np.ndarray]) -> Topics:
    """``topics`` with a ``stability`` column in its topics frame (:func:`topic_stability`)."""
    from dataclasses import replace

    frame = topics.topics.copy()
    frame["stability"] = topic_stability(topics, refits).reindex(frame["topic"]).to_numpy()
    return replace(topics, topics=frame)
