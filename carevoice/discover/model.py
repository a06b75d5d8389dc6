"""Inductive theme discovery: a scikit-learn-style estimator that finds topics in comments.

The method (see ``docs/discover.md`` for the measurements behind each choice):

1. **Embed** each comment (the packaged all-MiniLM-L6-v2 by default; any
   :class:`carevoice.Embedder`, e.g. a :class:`carevoice.CachedEmbedder`, or precomputed vectors)
   as the models read it: pseudonymisation tags without their numbers
   (:func:`carevoice.placeholders.model_text`), so that topics do not depend on tag numbering.
2. **Reduce** the embeddings to a few dimensions that follow the shape of the data: a spectral
   embedding of the cosine k-nearest-neighbour graph (``reducer="spectral"``, deterministic and
   pure scikit-learn; the outer neighbours' weights taper to zero, so that a near-tie at the
   edge of a neighbourhood cannot flip the graph). ``"umap"`` uses UMAP with a fixed
   ``random_state`` (single-threaded, deterministic, but compiled on first use), ``"none"``
   clusters the embeddings themselves.
3. **Cluster** with k-means (fixed seed, several starts). Unlike density clustering it leaves no
   comment out by construction; how many topics is ``n_topics`` or, by default, grows with the
   square root of the number of comments.
4. **Assign** (see :mod:`carevoice.discover.result`): a comment too far from every topic
   centroid is an outlier (``-1``), reported as such; a comment that a second topic's
   membership classifier (a logistic regression trained on that topic's members, cross-fitted)
   claims with probability 0.5 or more belongs to both.
5. **Describe** each topic with c-TF-IDF keywords, a label, representative (nearest the
   centroid) and diverse (maximal marginal relevance) examples.

Same input, same embedder and same ``random_state`` give the same topics, byte for byte, in
whatever order the comments come: they are clustered in the order of their ``comment_id``s and
returned in the caller's order. ``stability=N`` measures how far the topics depend on the seed
(:func:`topic_stability`).

``method="sparse"`` replaces steps 2-4 by sparse coding (:mod:`carevoice.discover.sparse`):
each topic is an atom of a learned dictionary and a comment belongs to the atoms its
non-negative sparse code uses (the largest code is its primary topic). It does not depend on
the seed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, ModelNotInstalledError, NotFittedError, format_ids
from ..schema import COMMENT_ID, TEXT
from .result import OUTLIER, AssignConfig, Topics, assemble_topics, assignments_for

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["METHODS", "REDUCERS", "ThemeDiscovery", "auto_n_topics", "reduce_embeddings",
           "select_uncoded", "topic_stability"]

#: The dimension reductions :class:`ThemeDiscovery` offers.
REDUCERS: tuple[str, ...] = ("spectral", "umap", "none")

#: How :class:`ThemeDiscovery` finds topics: k-means clusters or sparse-coding atoms.
METHODS: tuple[str, ...] = ("kmeans", "sparse")

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


def select_uncoded(comments: pd.DataFrame, codes: pd.DataFrame, *,
                   low_confidence: float = 0.6) -> pd.DataFrame:
    """The comments a codebook coder left without a theme, or coded with low confidence only.

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text``.
    codes : pandas.DataFrame
        A long codes frame (``comment_id``, ``theme``, ``score``, ``assigned``), as
        :meth:`carevoice.themes.ThemeCoder.predict` returns. A comment absent from it counts as
        uncoded.
    low_confidence : float, default 0.6
        A comment whose best *assigned* score is below this counts as uncoded too (the coder's
        scores put its threshold at 0.5). 0 keeps only comments with no assigned theme.

    Returns
    -------
    pandas.DataFrame
        The selected rows of ``comments`` (a copy, original index kept).

    Examples
    --------
    >>> import pandas as pd
    >>> comments = pd.DataFrame({"comment_id": ["a", "b", "c"], "text": ["x", "y", "z"]})
    >>> codes = pd.DataFrame({"comment_id": ["a", "b"], "theme": ["money", "money"],
    ...                       "score": [0.9, 0.55], "assigned": [True, True]})
    >>> select_uncoded(comments, codes)["comment_id"].tolist()
    ['b', 'c']
    """
    import pandas as pd

    _check_comments(comments, "comments", "select_uncoded")
    if not isinstance(codes, pd.DataFrame):
        raise InputError("The 'codes' argument of select_uncoded must be a pandas DataFrame "
                         f"with columns comment_id, theme, score, assigned; got "
                         f"{type(codes).__name__}.")
    missing = [c for c in (COMMENT_ID, "score", "assigned") if c not in codes.columns]
    if missing:
        raise InputError(f"The 'codes' argument of select_uncoded lacks column(s) "
                         f"{', '.join(map(repr, missing))}; it has "
                         f"{', '.join(map(repr, codes.columns))}.")
    if isinstance(low_confidence, bool) or not isinstance(low_confidence, (int, float)) \
            or not 0 <= low_confidence <= 1:
        raise InputError("The 'low_confidence' argument of select_uncoded must be a number in "
                         f"the range [0, 1]. Got {low_confidence!r} instead.")
    from .._flags import assigned_mask

    assigned = codes[assigned_mask(codes)]
    best = assigned.groupby(assigned[COMMENT_ID].astype(str))["score"].max()
    confident = set(best[best >= low_confidence].index) if low_confidence > 0 else set(best.index)
    keep = ~comments[COMMENT_ID].astype(str).isin(confident)
    return comments[keep].copy()


def _check_comments(comments: Any, argument: str, method: str) -> None:
    import pandas as pd

    if not isinstance(comments, pd.DataFrame):
        raise InputError(f"The '{argument}' argument of {method} must be a pandas DataFrame with "
                         f"columns {COMMENT_ID!r} and {TEXT!r}; got {type(comments).__name__}.")
    missing = [c for c in (COMMENT_ID, TEXT) if c not in comments.columns]
    if missing:
        raise InputError(f"The '{argument}' argument of {method} lacks column(s) "
                         f"{', '.join(map(repr, missing))}; it has "
                         f"{', '.join(map(repr, comments.columns))}.")
    ids = comments[COMMENT_ID].astype(str)
    dupes = ids[ids.duplicated()].unique().tolist()
    if dupes:
        raise InputError(f"The '{argument}' argument of {method} has duplicate comment_id "
                         f"values: {format_ids(dupes)}. Each comment needs its own id.")
    bad = comments.loc[comments[TEXT].notna()
                       & ~comments[TEXT].map(lambda t: isinstance(t, str)), COMMENT_ID]
    if len(bad):
        raise InputError(f"The '{argument}' argument of {method} has non-text values in column "
                         f"'text' for comment_id {format_ids(bad.astype(str))}. Convert them to "
                         "str or mark them missing.")


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


def _canonical_order(ids: Any) -> np.ndarray:
    """Positions that sort ``ids`` (as str): the order discovery clusters comments in."""
    keys = [str(i) for i in ids]
    return np.array(sorted(range(len(keys)), key=keys.__getitem__), dtype=np.int64)


def _reordered(topics: Topics, order: np.ndarray) -> Topics:
    """``topics`` with its comments (and everything per comment) in the order ``order``."""
    from dataclasses import replace

    comments = topics.comments.iloc[order].reset_index(drop=True)
    position = {cid: i for i, cid in enumerate(comments[COMMENT_ID].astype(str))}
    assignments = topics.assignments
    where = assignments[COMMENT_ID].astype(str).map(position).to_numpy()
    assignments = assignments.iloc[np.argsort(where, kind="stable")].reset_index(drop=True)
    return replace(topics, comments=comments, embeddings=topics.embeddings[order],
                   clusters=topics.clusters[order], assignments=assignments,
                   pinned=None if topics.pinned is None else topics.pinned[order],
                   sparse=None if topics.sparse is None else topics.sparse.rows(order))


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


def _with_stability(topics: Topics, refits: list[np.ndarray]) -> Topics:
    from dataclasses import replace

    frame = topics.topics.copy()
    frame["stability"] = topic_stability(topics, refits).reindex(frame["topic"]).to_numpy()
    return replace(topics, topics=frame)


def _pseudonymised(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its text pseudonymised in tags mode (deterministic; no key is kept)."""
    from ..pseudonymise.declared import pseudonymised_copy

    return pseudonymised_copy(frame)


class ThemeDiscovery:
    """Discover topics in comments, deterministically, with few outliers and multi-topic members.

    Parameters
    ----------
    embedder : Embedder or None, default None
        Any object with ``encode(texts) -> (n, dim) array`` of L2-normalised rows. None uses the
        packaged all-MiniLM-L6-v2 (:class:`carevoice.SentenceTransformerEmbedder`); wrap it in
        :class:`carevoice.CachedEmbedder` to reuse vectors across runs.
    method : {"kmeans", "sparse"}, default "kmeans"
        How topics are found. ``"kmeans"``: reduce, cluster with k-means, assign (the module
        docstring). ``"sparse"``: sparse coding (:mod:`carevoice.discover.sparse`): a topic is
        an atom of a dictionary of ``n_topics`` atoms; a comment belongs to the (at most
        ``max_topics``) atoms whose non-negative lasso code exceeds 0.05, the largest code
        first and primary; a comment with none is an outlier. ``reducer``, ``n_components``,
        ``n_neighbors``, ``min_similarity``, ``second_similarity``, ``second_margin``,
        ``membership`` and ``member_probability`` do not apply to it (set to anything but
        their defaults they are refused, not ignored), the seed changes nothing, and
        ``stability`` is refused (docs/discover.md gives its measurements).
    centre : bool, default False
        With ``method="sparse"``: subtract the mean of the unit vectors (and normalise again)
        before coding, and count any code above 0 as membership (the registered
        ``sc_centred``). Refused with ``method="kmeans"``. With fewer topics than the default
        it leaves many comments out: 22-78% outliers at 10 topics or fewer on the gold sets
        of about 200 comments (docs/discover.md). A sparse fit that leaves more than 15% of
        the answered comments out warns (:class:`carevoice.errors.OutlierWarning`).
    n_topics : int or "auto", default "auto"
        How many clusters k-means makes, or atoms the dictionary has (:func:`auto_n_topics`
        for "auto"). Topics that end up with no member are dropped, so there can be fewer.
    reducer : {"spectral", "umap", "none"}, default "spectral"
        The dimension reduction before clustering (see :func:`reduce_embeddings`).
    n_components : int, default 20
        Dimensions after reduction (for ``"spectral"``, at most the number of topics).
    n_neighbors : int, default 15
        Neighbours in the similarity graph.
    min_similarity : float, default 0.2
        Cosine similarity to a topic centroid below which a comment is an outlier.
    second_similarity : float, default 0.3
        With ``membership="similarity"``: least similarity for a comment's further topics.
    second_margin : float, default 0.12
        With ``membership="similarity"``: a further topic's similarity must be within this of
        the first's.
    max_topics : int, default 3
        Most topics per comment.
    membership : {"classifier", "similarity"}, default "classifier"
        How a comment's further topics are chosen: each topic's membership classifier (a
        logistic regression on the embeddings, trained on the topic's members and
        cross-fitted) or centroid similarity (the rule before 2026-12-02). See
        :class:`carevoice.discover.AssignConfig`.
    member_probability : float, default 0.5
        With ``membership="classifier"``: least probability for a further topic.
    low_confidence : float, default 0.6
        With ``codes`` in :meth:`fit`: comments whose best assigned theme scores below this are
        rediscovered too (see :func:`select_uncoded`).
    n_examples : int, default 5
        Representative and diverse examples per topic (each).
    random_state : int, default 0
        Seed of every random step.
    text_is_pseudonymised : bool, default False
        Whether the comments' text is already pseudonymised (the output of
        :func:`carevoice.pseudonymise.pseudonymise`). Keywords, labels and examples are made of
        the comments' words, so by default :meth:`fit` first pseudonymises the comments (tags
        mode: names, places, schools, numbers become ``[PERSON_1]``, ``[LOCATION_1]``, ...)
        and clusters, describes and quotes that text; no re-identification key is kept. Pass
        True only for text that has been through the pseudonymiser (and its review).
    stability : int, default 0
        Also refit the clustering at this many other seeds (``random_state + 1``, ...) and add
        a ``stability`` column to ``topics_.topics``: for each topic, the mean over the refits
        of the best Jaccard overlap of its primary members with a refit's cluster
        (:func:`topic_stability`). Each refit costs about as much as the clustering itself.
        Edits (:mod:`carevoice.discover.edit`) drop the column: an edited topic was not refitted.
        Must be 0 with ``method="sparse"``, whose topics are the same at every seed (a
        stability of 1 would measure nothing).

    Attributes
    ----------
    topics_ : Topics
        The discovered topics (edit them with :mod:`carevoice.discover.edit`).
    n_topics_ : int
        The number of topics found.
    reduced_ : numpy.ndarray
        The reduced embeddings that were clustered (answered comments, in the input's order);
        with ``method="sparse"``, their codes (one column per atom, before renumbering).

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice import HashingEmbedder
    >>> comments = pd.DataFrame({
    ...     "comment_id": [f"c{i}" for i in range(8)],
    ...     "text": ["i miss my brother", "i miss my sister", "miss my little brother",
    ...              "i miss my nan", "more money please", "not enough money",
    ...              "money for driving lessons", "money money money"]})
    >>> model = ThemeDiscovery(HashingEmbedder(), n_topics=2).fit(comments)
    >>> model.topics_.topics[["topic", "size"]].to_dict("records")
    [{'topic': 0, 'size': 4}, {'topic': 1, 'size': 4}]
    >>> model.topics_.topics["keywords"][1][:1]
    ['money']
    """

    _PARAMS = ("embedder", "n_topics", "reducer", "n_components", "n_neighbors", "min_similarity",
               "second_similarity", "second_margin", "max_topics", "membership",
               "member_probability", "low_confidence", "n_examples", "random_state",
               "text_is_pseudonymised", "stability", "method", "centre")

    def __init__(self, embedder: Any = None, *, n_topics: int | str = "auto",
                 reducer: str = "spectral", n_components: int = 20, n_neighbors: int = 15,
                 min_similarity: float = 0.2, second_similarity: float = 0.3,
                 second_margin: float = 0.12, max_topics: int = 3,
                 membership: str = "classifier", member_probability: float = 0.5,
                 low_confidence: float = 0.6, n_examples: int = 5,
                 random_state: int = 0, text_is_pseudonymised: bool = False,
                 stability: int = 0, method: str = "kmeans", centre: bool = False) -> None:
        self.embedder = embedder
        self.n_topics = n_topics
        self.reducer = reducer
        self.n_components = n_components
        self.n_neighbors = n_neighbors
        self.min_similarity = min_similarity
        self.second_similarity = second_similarity
        self.second_margin = second_margin
        self.max_topics = max_topics
        self.membership = membership
        self.member_probability = member_probability
        self.low_confidence = low_confidence
        self.n_examples = n_examples
        self.random_state = random_state
        self.text_is_pseudonymised = text_is_pseudonymised
        self.stability = stability
        self.method = method
        self.centre = centre

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Return the constructor parameters (scikit-learn convention)."""
        return {name: getattr(self, name) for name in self._PARAMS}

    def set_params(self, **params: Any) -> ThemeDiscovery:
        """Set constructor parameters (scikit-learn convention); refit afterwards."""
        for name, value in params.items():
            if name not in self._PARAMS:
                raise InputError(f"ThemeDiscovery has no parameter {name!r}; valid parameters: "
                                 f"{', '.join(self._PARAMS)}.")
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.get_params().items()
                   if v != type(self)().get_params()[k]}
        return f"ThemeDiscovery({', '.join(f'{k}={v!r}' for k, v in changed.items())})"

    # -- checks ------------------------------------------------------------------------------
    def _assign_config(self) -> AssignConfig:
        try:
            return AssignConfig(min_similarity=self.min_similarity,
                                second_similarity=self.second_similarity,
                                second_margin=self.second_margin, max_topics=self.max_topics,
                                membership=self.membership,
                                member_probability=self.member_probability,
                                n_examples=self.n_examples)
        except InputError as e:
            raise InputError(str(e).replace("AssignConfig", "ThemeDiscovery")) from e

    def _check_params(self) -> AssignConfig:
        def integer(name: str, lo: int) -> None:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < lo:
                raise InputError(f"The '{name}' parameter of ThemeDiscovery must be an int in "
                                 f"the range [{lo}, inf). Got {value!r} instead.")

        if self.n_topics != "auto":
            integer("n_topics", 1)
        if self.reducer not in REDUCERS:
            raise InputError(f"The 'reducer' parameter of ThemeDiscovery must be one of "
                             f"{', '.join(map(repr, REDUCERS))}. Got {self.reducer!r} instead.")
        integer("n_components", 1)
        integer("n_neighbors", 2)
        integer("random_state", 0)
        integer("stability", 0)
        if self.method not in METHODS:
            raise InputError(f"The 'method' parameter of ThemeDiscovery must be one of "
                             f"{', '.join(map(repr, METHODS))}. Got {self.method!r} instead.")
        if not isinstance(self.centre, bool):
            raise InputError("The 'centre' parameter of ThemeDiscovery must be a bool. Got "
                             f"{self.centre!r} instead.")
        if self.centre and self.method != "sparse":
            raise InputError("The 'centre' parameter of ThemeDiscovery applies to "
                             "method='sparse' only; got centre=True with "
                             f"method={self.method!r}.")
        if self.method == "sparse" and self.stability:
            raise InputError("The 'stability' parameter of ThemeDiscovery must be 0 with "
                             "method='sparse': its topics do not depend on the seed, so refits "
                             f"would measure nothing. Got {self.stability!r} instead.")
        if self.method == "sparse":
            for name, default in KMEANS_ONLY.items():
                if getattr(self, name) != default:
                    raise InputError(
                        f"The {name!r} parameter of ThemeDiscovery applies to k-means topics "
                        "only, and the 'method' parameter is 'sparse', which would ignore it: "
                        f"leave it at its default ({default!r}) or set the 'method' parameter "
                        "to 'kmeans'.")
        if not isinstance(self.text_is_pseudonymised, bool):
            raise InputError("The 'text_is_pseudonymised' parameter of ThemeDiscovery must be a "
                             f"bool. Got {self.text_is_pseudonymised!r} instead.")
        lc = self.low_confidence
        if isinstance(lc, bool) or not isinstance(lc, (int, float)) or not 0 <= lc <= 1:
            raise InputError("The 'low_confidence' parameter of ThemeDiscovery must be a number "
                             f"in the range [0, 1]. Got {lc!r} instead.")
        if self.embedder is not None and (isinstance(self.embedder, (str, bytes)) or not callable(
                getattr(self.embedder, "encode", None))):
            raise InputError("The 'embedder' parameter of ThemeDiscovery must have an "
                             "encode(texts) method (see carevoice.Embedder) or be None; got "
                             f"{type(self.embedder).__name__}.")
        return self._assign_config()

    def _embedder(self) -> Any:
        if self.embedder is not None:
            return self.embedder
        from ..embed import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder()

    def _embed(self, texts: list[str], embeddings: Any, method: str,
               argument: str = "embeddings") -> np.ndarray:
        if embeddings is not None:
            x = np.asarray(embeddings, dtype=np.float32)
            if x.ndim != 2 or len(x) != len(texts):
                raise InputError(f"The '{argument}' argument of ThemeDiscovery.{method} must "
                                 f"have one row per comment ({len(texts)}); got shape "
                                 f"{tuple(x.shape)}.")
        else:
            from ..placeholders import model_texts

            # Tags are embedded without their numbers: "[PERSON_3]" and "[Person 12]" alike.
            filled = model_texts(t if t.strip() else "" for t in texts)
            x = np.asarray(self._embedder().encode(filled), dtype=np.float32)
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        return np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)

    # -- fitting -----------------------------------------------------------------------------
    def fit(self, comments: pd.DataFrame, codes: pd.DataFrame | None = None, *,
            embeddings: np.ndarray | None = None, background: pd.DataFrame | None = None,
            background_embeddings: np.ndarray | None = None) -> ThemeDiscovery:
        """Discover topics.

        Parameters
        ----------
        comments : pandas.DataFrame
            ``comment_id`` and ``text``. Pseudonymised first unless ``text_is_pseudonymised``
            (topic keywords, labels and examples are made of this text). Missing or blank texts
            are outliers.
        codes : pandas.DataFrame, optional
            A codes frame from the codebook coder: discovery then runs only over the comments
            it left without a theme or with low confidence (:func:`select_uncoded`).
        embeddings : numpy.ndarray, optional
            Precomputed embeddings, one row per row of ``comments`` (before selection), of the
            text as the models read it: :func:`carevoice.placeholders.model_text` of the
            pseudonymised text (tags without their numbers), as :meth:`fit` embeds it.
        background : pandas.DataFrame, optional
            Other comments (``comment_id``, ``text``), e.g. earlier waves of the same survey,
            clustered together with ``comments`` so that the topics of a small survey rest on
            more evidence. They only shape the clusters: topics, centroids, keywords, examples
            and assignments come from ``comments`` alone, and a cluster with no member among
            ``comments`` is not reported. ``n_topics="auto"`` counts both.
        background_embeddings : numpy.ndarray, optional
            Precomputed embeddings of ``background``, one row per row (of
            :func:`carevoice.placeholders.model_text` of the text, as for ``embeddings``).

        Returns
        -------
        ThemeDiscovery
            ``self``, fitted.
        """
        import pandas as pd

        config = self._check_params()
        _check_comments(comments, "comments", "ThemeDiscovery.fit")
        xb = self._background(background, background_embeddings)
        frame = comments[[COMMENT_ID, TEXT]].reset_index(drop=True).copy()
        frame[COMMENT_ID] = frame[COMMENT_ID].astype(str)
        if embeddings is not None and len(np.asarray(embeddings)) != len(frame):
            raise InputError("The 'embeddings' argument of ThemeDiscovery.fit must have one row "
                             f"per comment ({len(frame)}); got {len(np.asarray(embeddings))}.")
        if codes is not None:
            keep = select_uncoded(frame, codes, low_confidence=self.low_confidence).index
            if embeddings is not None:
                embeddings = np.asarray(embeddings)[np.asarray(keep)]
            frame = frame.loc[keep].reset_index(drop=True)
        # Cluster in a canonical order (by comment_id), so that the same comments in another
        # row order give the same topics; the caller's order is restored at the end.
        canon = _canonical_order(frame[COMMENT_ID])
        frame = frame.iloc[canon].reset_index(drop=True)
        if embeddings is not None:
            embeddings = np.asarray(embeddings)[canon]
        if not self.text_is_pseudonymised:
            frame = _pseudonymised(frame)
        texts = ["" if pd.isna(t) else str(t) for t in frame[TEXT]]
        x = self._embed(texts, embeddings, "fit")
        answered = np.array([bool(t.strip()) for t in texts], dtype=bool)
        clusters = np.full(len(texts), OUTLIER, dtype=np.int64)
        xa = x[answered]
        n_target = len(xa)
        if len(xb) and n_target:
            if xb.shape[1] != xa.shape[1]:
                raise InputError("The 'background' comments' embeddings have "
                                 f"{xb.shape[1]} dimensions and the comments' {xa.shape[1]}: "
                                 "embed both with the same model.")
            xa = np.vstack([xa, xb])
        k = auto_n_topics(len(xa)) if self.n_topics == "auto" else int(self.n_topics)
        k = min(k, len(np.unique(xa, axis=0))) if n_target else 0
        from threadpoolctl import threadpool_limits

        # One BLAS thread: on two cores it is ~2.5x faster here (many small products) and the
        # result does not depend on how many cores the machine has.
        with threadpool_limits(limits=1, user_api="blas"):
            if self.method == "sparse" and k >= 2:
                reduced, topics = self._sparse_topics(frame, x, xa, k, n_target, answered,
                                                      config)
            elif k >= 2:
                reduced, labels = self._cluster(xa, k, self.random_state)
                clusters[answered] = labels[:n_target]
                reduced = reduced[:n_target]
                topics = assemble_topics(frame, x, clusters, config, renumber=True)
            else:
                clusters[answered] = 0
                reduced = np.asarray(xa[:n_target], dtype=np.float64)
                topics = assemble_topics(frame, x, clusters, config, renumber=True)
            if self.stability and k >= 2:
                topics = _with_stability(topics, self._refits(xa, k, n_target, answered))
        restore = np.argsort(canon, kind="stable")  # canonical position -> caller's order
        self.topics_ = _reordered(topics, restore)
        self.reduced_ = reduced[np.argsort(canon[np.flatnonzero(answered)], kind="stable")]
        self.n_topics_ = len(self.topics_.topics)
        if self.method == "sparse" and k >= 2:  # few atoms leave many comments out
            from .sparse import warn_outliers

            warn_outliers(self.topics_.outlier_share, centre=self.centre, n_topics=k,
                          n_auto=auto_n_topics(len(xa)))
        return self

    def _cluster(self, xa: np.ndarray, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
        """Reduce ``xa`` and cluster it into ``k`` groups with k-means at ``seed``."""
        from sklearn.cluster import KMeans

        # No more spectral dimensions than clusters: with few comments, extra eigenvectors are
        # noise.
        dims = min(self.n_components, k) if self.reducer == "spectral" else self.n_components
        reduced = reduce_embeddings(xa, method=self.reducer, n_components=dims,
                                    n_neighbors=self.n_neighbors, random_state=seed)
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(reduced)
        return reduced, labels

    def _sparse_topics(self, frame: pd.DataFrame, x: np.ndarray, xa: np.ndarray, k: int,
                       n_target: int, answered: np.ndarray, config: AssignConfig
                       ) -> tuple[np.ndarray, Topics]:
        """Sparse-coding topics of the answered comments (``xa``: their vectors, then any
        background's); returns their codes and the topics."""
        from dataclasses import replace

        from .sparse import learn_codes

        learned = learn_codes(xa, k, centre=self.centre, random_state=self.random_state)
        codes = np.zeros((len(answered), k))  # blank answers: no code, outliers
        codes[answered] = learned.atom_codes[:n_target]
        # the registered sc_centred counts any positive code as a membership
        threshold = 0.0 if self.centre else learned.threshold
        topics = assemble_topics(frame, x, np.full(len(answered), OUTLIER), config,
                                 renumber=True, codes=replace(learned, atom_codes=codes,
                                                              codes=codes, threshold=threshold))
        return learned.atom_codes[:n_target], topics

    def _refits(self, xa: np.ndarray, k: int, n_target: int,
                answered: np.ndarray) -> list[np.ndarray]:
        """The clusterings at the ``stability`` seeds after ``random_state`` (one per comment)."""
        out = []
        for seed in range(self.random_state + 1, self.random_state + 1 + self.stability):
            clusters = np.full(len(answered), OUTLIER, dtype=np.int64)
            clusters[answered] = self._cluster(xa, k, seed)[1][:n_target]
            out.append(clusters)
        return out

    def _background(self, background: pd.DataFrame | None,
                    embeddings: np.ndarray | None) -> np.ndarray:
        """The answered background comments' embeddings (no rows without ``background``)."""
        import pandas as pd

        if background is None:
            if embeddings is not None:
                raise InputError("The 'background_embeddings' argument of ThemeDiscovery.fit "
                                 "needs the 'background' comments they belong to.")
            return np.zeros((0, 0), dtype=np.float32)
        _check_comments(background, "background", "ThemeDiscovery.fit")
        canon = _canonical_order(background[COMMENT_ID])  # as the comments: order-free
        background = background.iloc[canon]
        if embeddings is not None:
            embeddings = np.asarray(embeddings)[canon] if len(np.asarray(embeddings)) == len(
                canon) else embeddings  # a wrong length is reported by _embed
        if not self.text_is_pseudonymised and embeddings is None:
            # Never quoted, but embedded like the comments, so read the same way.
            background = _pseudonymised(background)
        texts = ["" if pd.isna(t) else str(t) for t in background[TEXT]]
        x = self._embed(texts, embeddings, "fit", "background_embeddings")
        return x[np.array([bool(t.strip()) for t in texts], dtype=bool)]

    def fit_predict(self, comments: pd.DataFrame, codes: pd.DataFrame | None = None, *,
                    embeddings: np.ndarray | None = None, background: pd.DataFrame | None = None,
                    background_embeddings: np.ndarray | None = None) -> pd.DataFrame:
        """Fit, then return the long assignments frame (``topics_.assignments``)."""
        return self.fit(comments, codes, embeddings=embeddings, background=background,
                        background_embeddings=background_embeddings
                        ).topics_.assignments.copy()

    def predict(self, comments: pd.DataFrame, *, topics: Topics | None = None,
                embeddings: np.ndarray | None = None) -> pd.DataFrame:
        """Assign comments to the fitted (or edited) topics without re-clustering.

        Parameters
        ----------
        comments : pandas.DataFrame
            ``comment_id`` and ``text``. Pseudonymised first unless ``text_is_pseudonymised``,
            as :meth:`fit` reads them, so that a comment is embedded the same way in both (a
            name in the raw text would move its vector away from the topics' centroids).
        topics : Topics, optional
            Edited topics to use instead of ``topics_``.
        embeddings : numpy.ndarray, optional
            Precomputed embeddings of ``comments`` (same embedder and same reading as the fit:
            :func:`carevoice.placeholders.model_text` of the pseudonymised text).

        Returns
        -------
        pandas.DataFrame
            ``comment_id``, ``topic``, ``score``, ``primary``.
        """
        import pandas as pd

        if not hasattr(self, "topics_"):
            raise NotFittedError("This ThemeDiscovery is not fitted yet: call fit(comments) "
                                 "before predict.")
        topics = self.topics_ if topics is None else topics
        if not isinstance(topics, Topics):
            raise InputError("The 'topics' argument of ThemeDiscovery.predict must be a Topics "
                             f"object; got {type(topics).__name__}.")
        _check_comments(comments, "comments", "ThemeDiscovery.predict")
        if not self.text_is_pseudonymised and embeddings is None:
            comments = _pseudonymised(comments[[COMMENT_ID, TEXT]].reset_index(drop=True))
        texts = ["" if pd.isna(t) else str(t) for t in comments[TEXT]]
        x = self._embed(texts, embeddings, "predict")
        return assignments_for(topics, comments[COMMENT_ID].astype(str).tolist(), x, texts)

