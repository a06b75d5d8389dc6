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

from ..errors import InputError, NotFittedError
from ..schema import COMMENT_ID, TEXT
from .kmeans import KMEANS_ONLY, auto_n_topics, cluster, topic_stability, with_stability
from .order import canonical_order, reordered
from .reduce import (
    REDUCERS,
    _knn_affinity,  # noqa: F401 (imported from here before it moved to reduce.py)
    reduce_embeddings,
)
from .result import OUTLIER, AssignConfig, Topics, assemble_topics, assignments_for
from .selection import check_comments, select_uncoded

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["METHODS", "REDUCERS", "ThemeDiscovery", "auto_n_topics", "reduce_embeddings",
           "select_uncoded", "topic_stability"]

#: How :class:`ThemeDiscovery` finds topics: k-means clusters or sparse-coding atoms.
METHODS: tuple[str, ...] = ("kmeans", "sparse")


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
        check_comments(comments, "comments", "ThemeDiscovery.fit")
        xb = self._background(background, background_embeddings)
        frame, embeddings, canon = self._fit_frame(comments, codes, embeddings)
        texts = ["" if pd.isna(t) else str(t) for t in frame[TEXT]]
        x = self._embed(texts, embeddings, "fit")
        answered = np.array([bool(t.strip()) for t in texts], dtype=bool)
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
            else:
                reduced, topics = self._kmeans_topics(frame, x, xa, k, n_target, answered,
                                                      config)
            if self.stability and k >= 2:
                topics = with_stability(topics, self._refits(xa, k, n_target, answered))
        restore = np.argsort(canon, kind="stable")  # canonical position -> caller's order
        self.topics_ = reordered(topics, restore)
        self.reduced_ = reduced[np.argsort(canon[np.flatnonzero(answered)], kind="stable")]
        self.n_topics_ = len(self.topics_.topics)
        if self.method == "sparse" and k >= 2:  # few atoms leave many comments out
            from .sparse import warn_outliers

            warn_outliers(self.topics_.outlier_share, centre=self.centre, n_topics=k,
                          n_auto=auto_n_topics(len(xa)))
        return self

    def _fit_frame(self, comments: pd.DataFrame, codes: pd.DataFrame | None,
                   embeddings: np.ndarray | None
                   ) -> tuple[pd.DataFrame, np.ndarray | None, np.ndarray]:
        """The comments :meth:`fit` clusters, their embeddings (if given) and their order.

        With ``codes``, only the comments the coder left uncoded (:func:`select_uncoded`); in
        the canonical order (by ``comment_id``; ``canon`` holds their positions before it);
        pseudonymised unless ``text_is_pseudonymised``.
        """
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
        canon = canonical_order(frame[COMMENT_ID])
        frame = frame.iloc[canon].reset_index(drop=True)
        if embeddings is not None:
            embeddings = np.asarray(embeddings)[canon]
        if not self.text_is_pseudonymised:
            frame = _pseudonymised(frame)
        return frame, embeddings, canon

    def _kmeans_topics(self, frame: pd.DataFrame, x: np.ndarray, xa: np.ndarray, k: int,
                       n_target: int, answered: np.ndarray, config: AssignConfig
                       ) -> tuple[np.ndarray, Topics]:
        """k-means topics of the answered comments (``xa``: their vectors, then any
        background's); returns their reduced vectors and the topics. Below two topics (with
        either method), every answered comment is in the one topic."""
        clusters = np.full(len(answered), OUTLIER, dtype=np.int64)
        if k >= 2:
            reduced, labels = self._cluster(xa, k, self.random_state)
            clusters[answered] = labels[:n_target]
            reduced = reduced[:n_target]
        else:
            clusters[answered] = 0
            reduced = np.asarray(xa[:n_target], dtype=np.float64)
        return reduced, assemble_topics(frame, x, clusters, config, renumber=True)

    def _cluster(self, xa: np.ndarray, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
        """Reduce ``xa`` and cluster it into ``k`` groups with k-means at ``seed``."""
        return cluster(xa, k, reducer=self.reducer, n_components=self.n_components,
                       n_neighbors=self.n_neighbors, random_state=seed)

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
        check_comments(background, "background", "ThemeDiscovery.fit")
        canon = canonical_order(background[COMMENT_ID])  # as the comments: order-free
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
        check_comments(comments, "comments", "ThemeDiscovery.predict")
        if not self.text_is_pseudonymised and embeddings is None:
            comments = _pseudonymised(comments[[COMMENT_ID, TEXT]].reset_index(drop=True))
        texts = ["" if pd.isna(t) else str(t) for t in comments[TEXT]]
        x = self._embed(texts, embeddings, "predict")
        return assignments_for(topics, comments[COMMENT_ID].astype(str).tolist(), x, texts)

