"""The reduction step of k-means discovery: embeddings to a few dimensions that follow the
shape of the data (:func:`reduce_embeddings`), by default a spectral embedding of the cosine
k-nearest-neighbour graph.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import InputError, ModelNotInstalledError

__all__ = ["REDUCERS", "reduce_embeddings"]

#: The dimension reductions :class:`carevoice.discover.ThemeDiscovery` offers.
REDUCERS: tuple[str, ...] = ("spectral", "umap", "none")


def _knn_affinity(x: np.ndarray, n_neighbors: int) -> Any:
    """A symmetric, connected k-nearest-neighbour graph of cosine similarities (sparse).

    A comment's ``k`` nearest neighbours are weighted by their cosine similarity, tapered: the
    nearest half keep it in full, and the weight falls linearly to zero at the similarity of
    the ``(k + 1)``-th neighbour. So the graph is a continuous function of the vectors: when
    two neighbours swap places at the edge of the neighbourhood (a near-tie that the last bits
    of a vector decide), the weights change by as little as the similarities do, instead of
    an edge of weight ~0.5 appearing or vanishing.
    """
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    n = len(x)
    k = min(n_neighbors, n - 1)
    rows, cols, vals = [], [], []
    for start in range(0, n, 2048):  # blocks keep memory at 2048 x n floats
        sims = x[start:start + 2048] @ x.T
        for r in range(sims.shape[0]):
            sims[r, start + r] = -np.inf
        take = min(k + 1, n - 1)
        part = np.argpartition(-sims, take - 1, axis=1)[:, :take]
        for r in range(sims.shape[0]):
            near = part[r][np.argsort(-sims[r, part[r]], kind="stable")]
            s = sims[r, near].astype(np.float64)
            edge = float(s[k]) if k < len(s) else -1.0  # the (k+1)-th similarity
            full = float(s[max(0, k // 2 - 1)])  # the nearest half keep their weight
            w = np.clip(s[:k], 1e-3, None) * np.clip((s[:k] - edge) / max(full - edge, 1e-6),
                                                     0.0, 1.0)
            keep = w > 0
            rows.extend([start + r] * int(keep.sum()))
            cols.extend(near[:k][keep].tolist())
            vals.extend(w[keep].tolist())
    graph = sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))
    graph = graph.maximum(graph.T).tocsr()
    n_parts, part_of = connected_components(graph, directed=False)
    if n_parts > 1:  # join each smaller component to the largest by its closest pair, weakly
        main = int(np.bincount(part_of).argmax())
        extra = []
        for p in range(n_parts):
            if p == main:
                continue
            inside = np.where(part_of == p)[0]
            outside = np.where(part_of == main)[0]
            sims = x[inside] @ x[outside].T
            a, b = np.unravel_index(int(np.argmax(sims)), sims.shape)
            extra.append((int(inside[a]), int(outside[b])))
        r = [a for a, b in extra] + [b for a, b in extra]
        c = [b for a, b in extra] + [a for a, b in extra]
        graph = graph + sparse.csr_matrix(([1e-3] * len(r), (r, c)), shape=(n, n))
    return graph


def reduce_embeddings(x: np.ndarray, *, method: str = "spectral", n_components: int = 20,
                      n_neighbors: int = 15, random_state: int = 0) -> np.ndarray:
    """Reduce embeddings to a few dimensions for clustering.

    Parameters
    ----------
    x : numpy.ndarray
        L2-normalised embeddings, one row per comment.
    method : {"spectral", "umap", "none"}, default "spectral"
        A spectral embedding of the cosine k-nearest-neighbour graph, UMAP (needs the
        ``umap-learn`` package; cosine metric, ``min_dist=0``), or no reduction.
    n_components : int, default 20
        The output dimension (at most ``n - 2``).
    n_neighbors : int, default 15
        Neighbours in the graph.
    random_state : int, default 0
        Seed of the eigen-solver's (or UMAP's) starting point.

    Returns
    -------
    numpy.ndarray
        Shape ``(n, n_components)`` (or ``x`` itself for ``"none"``).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x = rng.normal(size=(40, 8)); x /= np.linalg.norm(x, axis=1, keepdims=True)
    >>> reduce_embeddings(x, n_components=3, n_neighbors=5).shape
    (40, 3)
    """
    if method not in REDUCERS:
        raise InputError(f"The 'method' argument of reduce_embeddings must be one of "
                         f"{', '.join(map(repr, REDUCERS))}. Got {method!r} instead.")
    n = len(x)
    if method == "none" or n < 4:
        return np.asarray(x, dtype=np.float64)
    dims = max(1, min(n_components, n - 2))
    neighbours = max(2, min(n_neighbors, n - 1))
    if method == "umap":
        try:
            import umap
        except ImportError as e:
            raise ModelNotInstalledError(
                "reducer='umap' needs the umap-learn package: pip install 'carevoice[discover]'"
                " (or use the default reducer='spectral').") from e
        model = umap.UMAP(n_components=dims, n_neighbors=neighbours, min_dist=0.0,
                          metric="cosine", random_state=random_state, n_jobs=1)
        return np.asarray(model.fit_transform(x), dtype=np.float64)
    from sklearn.manifold import spectral_embedding

    graph = _knn_affinity(np.asarray(x, dtype=np.float32), neighbours)
    return spectral_embedding(graph, n_components=dims, random_state=random_state,
                              drop_first=True, norm_laplacian=True)
