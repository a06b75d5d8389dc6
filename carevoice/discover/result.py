"""The result of theme discovery: an immutable :class:`Topics` value and how it is assembled.

A :class:`Topics` holds the comments that were clustered, their embeddings, the clustering (one
cluster per comment, ``-1`` for none) and the settings of the assignment step. Everything else
(centroids, the long assignments frame, the topic descriptions) is derived from those by
:func:`assemble_topics`, so that every edit (merge, split, reject, rename; see
:mod:`carevoice.discover.edit`) re-derives a consistent result instead of patching frames.

How a comment gets its topics (the assignment step):

1. A topic's centroid is the normalised mean embedding of the comments its cluster holds.
2. A comment keeps its own cluster as primary topic when its cosine similarity to that centroid
   is at least ``min_similarity``. Otherwise (and for comments the clustering left out) it goes
   to the most similar centroid if that reaches ``min_similarity``; else it is an outlier
   (topic ``-1``), reported as such.
3. A comment also belongs to up to ``max_topics - 1`` further topics: a comment about money
   *and* moving out can sit in both topics. By default (``membership="classifier"``) each topic
   with at least :data:`MIN_CLASSIFIER_MEMBERS` primary members gets a logistic regression on
   the embeddings, trained to tell its primary members from everyone else's (balanced classes,
   the same settings as the theme coder's), and a comment joins a further topic when that
   topic's classifier, trained without the comment (3-fold cross-fitting), gives it a
   probability of at least ``member_probability``. The classifiers are kept with the topics, so
   new comments (:meth:`ThemeDiscovery.predict`) are judged by the same rule.
   ``membership="similarity"`` uses centroids instead: a further topic whose similarity is at
   least ``second_similarity`` and within ``second_margin`` of the primary topic's.

Sparse-coding topics (``ThemeDiscovery(method="sparse")``, :mod:`carevoice.discover.sparse`)
carry their codes instead (:attr:`Topics.sparse`): a comment's topics are the atoms whose code
exceeds the threshold, the largest first (at most ``max_topics``), the first one primary; a
comment with no such code is an outlier; a topic is every comment it holds, primary or not
(centroid, keywords and examples included). The same rule decides after every edit and in
:meth:`ThemeDiscovery.predict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError
from ..schema import COMMENT_ID, TEXT
from .represent import diverse_examples, representative_examples, topic_keywords, topic_label

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .sparse import SparseCodes

__all__ = [
    "ASSIGNMENT_COLUMNS",
    "MEMBERSHIPS",
    "MIN_CLASSIFIER_MEMBERS",
    "OUTLIER",
    "TOPIC_COLUMNS",
    "AssignConfig",
    "Topics",
    "assemble_topics",
]

#: The topic id of a comment that no topic fits.
OUTLIER = -1

#: How a comment's further topics are chosen (see :class:`AssignConfig`).
MEMBERSHIPS: tuple[str, ...] = ("classifier", "similarity")

#: Fewest primary members for a topic to get a membership classifier.
MIN_CLASSIFIER_MEMBERS = 3

#: Columns of :attr:`Topics.assignments`.
ASSIGNMENT_COLUMNS: tuple[str, ...] = (COMMENT_ID, "topic", "score", "primary")

#: Columns of :attr:`Topics.topics`.
TOPIC_COLUMNS: tuple[str, ...] = ("topic", "label", "keywords", "size", "n_primary", "share",
                                  "representative", "diverse")


def _number(owner: str, name: str, value: object, lo: float, hi: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise InputError(f"The '{name}' parameter of {owner} must be a number in the range "
                         f"[{lo}, {hi}]. Got {value!r} instead.")


def _integer(owner: str, name: str, value: object, lo: int) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < lo:
        raise InputError(f"The '{name}' parameter of {owner} must be an int in the range "
                         f"[{lo}, inf). Got {value!r} instead.")


@dataclass(frozen=True)
class AssignConfig:
    """Settings of the assignment and description steps.

    Parameters
    ----------
    min_similarity : float, default 0.2
        Cosine similarity to a topic centroid below which a comment is an outlier.
    second_similarity : float, default 0.3
        Least similarity for a further topic of a comment.
    second_margin : float, default 0.12
        A further topic's similarity must be within this of the primary topic's.
    max_topics : int, default 3
        Most topics per comment (1 switches multi-topic membership off).
    membership : {"classifier", "similarity"}, default "classifier"
        How further topics are chosen: by each topic's logistic-regression classifier (see the
        module docstring) or by centroid similarity (``second_similarity``, ``second_margin``).
        Measured on the two gold sets (``docs/discover.md``), the classifiers match more gold
        themes with about as many topic rows per comment.
    member_probability : float, default 0.5
        With ``membership="classifier"``: least probability for a further topic.
    n_examples : int, default 5
        Representative and diverse examples kept per topic (each).
    diversity : float, default 0.6
        The MMR trade-off for diverse examples (see :func:`diverse_examples`).
    n_keywords : int, default 8
        Keywords kept per topic.

    Examples
    --------
    >>> AssignConfig(max_topics=1).max_topics
    1
    """

    min_similarity: float = 0.2
    second_similarity: float = 0.3
    second_margin: float = 0.12
    max_topics: int = 3
    membership: str = "classifier"
    member_probability: float = 0.5
    n_examples: int = 5
    diversity: float = 0.6
    n_keywords: int = 8

    def __post_init__(self) -> None:
        owner = "AssignConfig"
        _number(owner, "min_similarity", self.min_similarity, -1.0, 1.0)
        _number(owner, "second_similarity", self.second_similarity, -1.0, 1.0)
        _number(owner, "second_margin", self.second_margin, 0.0, 2.0)
        _number(owner, "diversity", self.diversity, 0.0, 1.0)
        _number(owner, "member_probability", self.member_probability, 0.0, 1.0)
        if self.membership not in MEMBERSHIPS:
            raise InputError(f"The 'membership' parameter of {owner} must be one of "
                             f"{', '.join(map(repr, MEMBERSHIPS))}. Got {self.membership!r} "
                             "instead.")
        _integer(owner, "max_topics", self.max_topics, 1)
        _integer(owner, "n_examples", self.n_examples, 1)
        _integer(owner, "n_keywords", self.n_keywords, 1)


def _normalise(a: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(a, axis=1, keepdims=True)
    return np.divide(a, norms, out=np.zeros_like(a), where=norms > 0)


@dataclass(frozen=True)
class Topics:
    """Discovered topics: who is in which topic, and what each topic is about.

    Do not build one by hand: :meth:`ThemeDiscovery.fit` returns one (``topics_``), and the
    editing functions of :mod:`carevoice.discover.edit` return new ones.

    Parameters
    ----------
    comments : pandas.DataFrame
        ``comment_id`` and ``text`` of the comments discovery ran on, in order.
    embeddings : numpy.ndarray
        Their embeddings, one L2-normalised row per comment.
    clusters : numpy.ndarray
        The clustering: one topic id (or ``-1``) per comment, before reassignment.
    config : AssignConfig
        The assignment settings.
    assignments : pandas.DataFrame
        Long: ``comment_id``, ``topic`` (``-1`` = outlier), ``score`` (cosine similarity to the
        topic centroid), ``primary`` (bool; one primary row per comment).
    topics : pandas.DataFrame
        One row per topic: ``topic``, ``label``, ``keywords`` (list), ``size`` (comments in it,
        primary or not), ``n_primary``, ``share`` (of all comments), ``representative`` and
        ``diverse`` (tuples of ``comment_id``).
    centroids : numpy.ndarray
        One normalised centroid per row of ``topics``.
    labels : dict
        Labels set by a person (:func:`rename_topic`), by topic id.
    history : tuple of str
        The edits made since discovery, in order.
    pinned : numpy.ndarray or None
        A mask of comments kept out of every topic (rejected without reassignment).
    classifiers : numpy.ndarray or None
        With ``membership="classifier"``: one row per row of ``topics``, the membership
        classifier's coefficients then its intercept (NaN for a topic too small to have one).
    next_id : int
        Above every topic id ever used, rejected and merged ones included: a topic made by an
        edit gets an id from here, so that no id in ``history`` ever names two topics.
    sparse : SparseCodes or None
        Sparse-coding topics only (``ThemeDiscovery(method="sparse")``): each comment's code on
        each topic's atom, one column per row of ``topics``; memberships follow from them.
    """

    comments: pd.DataFrame
    embeddings: np.ndarray
    clusters: np.ndarray
    config: AssignConfig
    assignments: pd.DataFrame
    topics: pd.DataFrame
    centroids: np.ndarray
    labels: dict[int, str] = field(default_factory=dict)
    history: tuple[str, ...] = ()
    pinned: np.ndarray | None = None
    classifiers: np.ndarray | None = None
    next_id: int = 0
    sparse: SparseCodes | None = None

    def __repr__(self) -> str:
        blank = f", {self.n_blank} blank" if self.n_blank else ""
        return (f"Topics({len(self.topics)} topics over {len(self.comments)} comments{blank}, "
                f"{self.outlier_share:.1%} outliers, {len(self.history)} edits)")

    @property
    def topic_ids(self) -> tuple[int, ...]:
        """The topic ids, in the order of :attr:`topics` (largest first after discovery)."""
        return tuple(int(t) for t in self.topics["topic"])

    @property
    def next_topic_id(self) -> int:
        """The id a new topic gets: above every id used since discovery."""
        used = [self.next_id - 1, *self.topic_ids,
                int(self.clusters.max()) if len(self.clusters) else OUTLIER]
        return max(used) + 1

    @property
    def n_blank(self) -> int:
        """How many comments are blank answers (outliers by construction, never clustered)."""
        from .._summaries import blank_mask

        return int(blank_mask(self.comments[TEXT]).sum())

    @property
    def outlier_share(self) -> float:
        """The share of answered comments whose primary topic is ``-1``.

        Blank answers (a skipped question) are left out of both counts: they are outliers by
        construction, and counting them would report skipped questions as comments that fit
        no topic (see :attr:`n_blank`).
        """
        from .._summaries import blank_mask

        answered = set(self.comments.loc[~blank_mask(self.comments[TEXT]),
                                         COMMENT_ID].astype(str))
        if not answered:
            return 0.0
        primary = self.assignments[self.assignments["primary"].to_numpy()]
        primary = primary[primary[COMMENT_ID].astype(str).isin(answered).to_numpy()]
        return float((primary["topic"] == OUTLIER).sum() / len(answered))

    def check_topic(self, topic: object, argument: str = "topic", function: str = "") -> int:
        """Return ``topic`` as an int if it is a topic id here; raise :class:`InputError` if not."""
        where = f" of {function}" if function else ""
        whole = ((isinstance(topic, (int, np.integer)) and not isinstance(topic, bool))
                 or (isinstance(topic, (float, np.floating)) and float(topic).is_integer())
                 or (isinstance(topic, str) and topic.strip().lstrip("-").isdigit()))
        value = int(topic) if whole else None  # type: ignore[call-overload]
        if value is None or value not in self.topic_ids:
            raise InputError(f"The '{argument}' argument{where} must be one of the topic ids "
                             f"{list(self.topic_ids)}. Got {topic!r} instead.")
        return value

    def members(self, topic: int, *, primary_only: bool = False) -> pd.DataFrame:
        """The comments of a topic, most similar to its centroid first.

        Parameters
        ----------
        topic : int
            A topic id, or ``-1`` for the outliers.
        primary_only : bool, default False
            Only comments whose primary topic it is.

        Returns
        -------
        pandas.DataFrame
            ``comment_id``, ``text``, ``score``, ``primary``.
        """
        if int(topic) != OUTLIER:
            topic = self.check_topic(topic, function="Topics.members")
        rows = self.assignments[self.assignments["topic"] == int(topic)]
        if primary_only:
            rows = rows[rows["primary"]]
        out = rows.merge(self.comments[[COMMENT_ID, TEXT]], on=COMMENT_ID, how="left")
        out = out.sort_values("score", ascending=False, kind="stable")
        return out[[COMMENT_ID, TEXT, "score", "primary"]].reset_index(drop=True)

    def examples(self, topic: int, kind: str = "representative") -> pd.DataFrame:
        """The example comments of a topic.

        Parameters
        ----------
        topic : int
            A topic id.
        kind : {"representative", "diverse", "both"}, default "representative"
            Nearest the centroid, chosen by maximal marginal relevance, or both (representative
            first, without repeats).

        Returns
        -------
        pandas.DataFrame
            ``comment_id``, ``text``, ``kind``.
        """
        import pandas as pd

        topic = self.check_topic(topic, function="Topics.examples")
        if kind not in ("representative", "diverse", "both"):
            raise InputError("The 'kind' argument of Topics.examples must be one of "
                             f"'representative', 'diverse', 'both'. Got {kind!r} instead.")
        row = self.topics.set_index("topic").loc[topic]
        kinds = ("representative", "diverse") if kind == "both" else (kind,)
        ids: list[tuple[str, str]] = []
        for k in kinds:
            ids.extend((str(i), k) for i in row[k] if str(i) not in {x for x, _ in ids})
        texts = self.comments.set_index(COMMENT_ID)[TEXT]
        return pd.DataFrame({COMMENT_ID: [i for i, _ in ids],
                             TEXT: [str(texts.loc[i]) for i, _ in ids],
                             "kind": [k for _, k in ids]})

    def describe(self, n_examples: int = 2) -> pd.DataFrame:
        """A readable overview: one row per topic with label, size, keywords and examples.

        Parameters
        ----------
        n_examples : int, default 2
            Representative examples shown per topic.

        Returns
        -------
        pandas.DataFrame
            ``topic``, ``label``, ``size``, ``share``, ``keywords`` (joined) and ``examples``
            (texts joined by ``" | "``).
        """
        out = self.topics[["topic", "label", "size", "share"]].copy()
        out["keywords"] = [", ".join(k) for k in self.topics["keywords"]]
        texts = self.comments.set_index(COMMENT_ID)[TEXT]
        out["examples"] = [" | ".join(str(texts.loc[i]) for i in ids[:n_examples])
                           for ids in self.topics["representative"]]
        return out.reset_index(drop=True)

    def to_table(self) -> pd.DataFrame:
        """The long table the CLI writes: assignments joined with topic descriptions.

        Returns
        -------
        pandas.DataFrame
            ``comment_id``, ``topic``, ``score``, ``primary``, ``label``, ``keywords`` (joined
            by ``"; "``), ``size``; outliers have ``label`` ``"(outlier)"``. No comment text.
        """
        info = self.topics[["topic", "label", "size"]].copy()
        info["keywords"] = ["; ".join(k) for k in self.topics["keywords"]]
        out = self.assignments.merge(info, on="topic", how="left", sort=False)
        for name in ("label", "keywords"):
            if out[name].dtype.kind == "f":  # no topics (nothing answered): all missing floats
                out[name] = out[name].astype(object)
        outlier = out["topic"] == OUTLIER
        out.loc[outlier, "label"] = "(outlier)"
        out.loc[outlier, "keywords"] = ""
        out["size"] = out["size"].fillna(0).astype(int)
        return out[[COMMENT_ID, "topic", "score", "primary", "label", "keywords", "size"]]

    def with_history(self, entry: str) -> Topics:
        """Return a copy with an entry appended to :attr:`history`."""
        return replace(self, history=(*self.history, entry))


def assemble_topics(comments: pd.DataFrame, embeddings: np.ndarray, clusters: np.ndarray,
                    config: AssignConfig, *, labels: dict[int, str] | None = None,
                    history: tuple[str, ...] = (), renumber: bool = False,
                    pinned: np.ndarray | None = None, next_id: int = 0,
                    codes: SparseCodes | None = None) -> Topics:
    """Derive centroids, assignments and descriptions from a clustering (or sparse codes).

    Parameters
    ----------
    comments : pandas.DataFrame
        ``comment_id`` and ``text``; blank texts are always outliers.
    embeddings : numpy.ndarray
        One L2-normalised row per comment.
    clusters : numpy.ndarray
        One cluster id per comment; ``-1`` for none.
    config : AssignConfig
        The assignment settings.
    labels : dict, optional
        Labels set by a person, by topic id; the others are made from keywords.
    history : tuple of str, default ()
        The edit log to carry.
    renumber : bool, default False
        Renumber topics 0, 1, ... by decreasing size (ties: first comment first), as after
        discovery. Edits keep ids stable instead.
    pinned : numpy.ndarray, optional
        A boolean mask of comments that stay outliers whatever their similarities.
    next_id : int, default 0
        The smallest id never used yet (carried across edits; raised above the ids here).
    codes : SparseCodes, optional
        Sparse-coding topics: memberships come from the codes (the module docstring) and
        ``clusters`` is ignored (a comment's primary topic is its largest code).

    Returns
    -------
    Topics
    """
    import pandas as pd

    comments = comments[[COMMENT_ID, TEXT]].reset_index(drop=True).copy()
    texts = ["" if pd.isna(t) else str(t) for t in comments[TEXT]]
    x = np.asarray(embeddings, dtype=np.float32)
    clusters = np.asarray(clusters, dtype=np.int64).copy()
    blank = np.array([not t.strip() for t in texts], dtype=bool)
    if pinned is not None:
        pinned = np.asarray(pinned, dtype=bool)
        blank = blank | pinned
    clusters[blank] = OUTLIER
    labels = dict(labels or {})
    if codes is not None:
        return _assemble_from_codes(comments, x, blank, codes, config, labels=labels,
                                    history=history, renumber=renumber, pinned=pinned,
                                    next_id=next_id)
    if renumber:
        ids = [t for t in np.unique(clusters) if t != OUTLIER]
        sizes = {t: (int((clusters == t).sum()), int(np.argmax(clusters == t))) for t in ids}
        order = sorted(ids, key=lambda t: (-sizes[t][0], sizes[t][1]))
        mapping = {old: new for new, old in enumerate(order)}
        clusters = np.array([mapping.get(int(c), OUTLIER) for c in clusters], dtype=np.int64)
        labels = {mapping[k]: v for k, v in labels.items() if k in mapping}
    topic_ids = [int(t) for t in np.unique(clusters) if t != OUTLIER]
    n, k = len(texts), len(topic_ids)
    if k:
        centroids = _normalise(np.stack([x[clusters == t].mean(axis=0) for t in topic_ids]))
        sims = x @ centroids.T
    else:
        centroids = np.zeros((0, x.shape[1] if x.ndim == 2 else 0), dtype=np.float32)
        sims = np.zeros((n, 0), dtype=np.float32)
    col = {t: j for j, t in enumerate(topic_ids)}

    primary = np.full(n, OUTLIER, dtype=np.int64)
    best_col = np.full(n, -1, dtype=np.int64)
    rows: list[tuple[int, int, float, bool]] = []  # (position, topic, score, primary)
    for i in range(n):
        if blank[i] or k == 0:
            score = float(sims[i].max()) if k and pinned is not None and pinned[i] else 0.0
            rows.append((i, OUTLIER, round(score, 4), True))
            continue
        s = sims[i]
        own = col.get(int(clusters[i]))
        if own is not None and s[own] >= config.min_similarity:
            best = own
        else:
            best = int(np.argmax(s))
            if s[best] < config.min_similarity:
                rows.append((i, OUTLIER, round(float(s[best]), 4), True))
                continue
        primary[i], best_col[i] = topic_ids[best], best
        rows.append((i, topic_ids[best], round(float(s[best]), 4), True))
    classifiers = prob = None
    if config.max_topics > 1 and k:
        if config.membership == "classifier":
            classifiers, prob = _membership_classifiers(x, primary, topic_ids)
        for i in np.flatnonzero(best_col >= 0):
            further = _further_topics(sims[i], int(best_col[i]), config,
                                      None if prob is None else prob[i])
            for j in further:
                rows.append((int(i), topic_ids[j], round(float(sims[i, j]), 4), False))
        rows.sort(key=lambda r: (r[0], not r[3]))
    ids = comments[COMMENT_ID].astype(str).to_numpy()
    assignments = _rows_frame(ids, rows)

    # Topics that kept no primary member after reassignment are dropped.
    alive = [t for t in topic_ids if (primary == t).any()]
    if len(alive) < len(topic_ids):
        gone = set(topic_ids) - set(alive)
        assignments = assignments[~assignments["topic"].isin(gone)].reset_index(drop=True)
        centroids = centroids[[col[t] for t in alive]]
        if classifiers is not None:
            classifiers = classifiers[[col[t] for t in alive]]
        topic_ids, col = alive, {t: j for j, t in enumerate(alive)}

    keywords = topic_keywords(texts, primary.tolist(), top_n=config.n_keywords)
    topics = _topic_frame(ids, x, topic_ids, {t: np.where(primary == t)[0] for t in topic_ids},
                          keywords, centroids, assignments, config, labels,
                          {t: int((primary == t).sum()) for t in topic_ids})
    labels = {t: v for t, v in labels.items() if t in col}
    return Topics(comments=comments, embeddings=x, clusters=clusters, config=config,
                  assignments=assignments, topics=topics, centroids=centroids.astype(np.float32),
                  labels=labels, history=history, pinned=pinned, classifiers=classifiers,
                  next_id=max(int(next_id), int(clusters.max()) + 1 if len(clusters) else 0))


def _topic_frame(ids: np.ndarray, x: np.ndarray, topic_ids: list[int],
                 members_of: dict[int, np.ndarray], keywords: dict[int, list[str]],
                 centroids: np.ndarray, assignments: pd.DataFrame, config: AssignConfig,
                 labels: dict[int, str], n_primary: dict[int, int]) -> pd.DataFrame:
    """One row per topic (:data:`TOPIC_COLUMNS`): label, keywords, sizes and examples.

    ``members_of`` holds the positions of the comments a topic's examples are chosen from
    (its primary members, or all its members for sparse-coding topics), ``centroids`` one row
    per topic id.
    """
    import pandas as pd

    n = len(ids)
    records = []
    for row, t in enumerate(topic_ids):
        members = members_of[t]
        centroid = centroids[row]
        rep = representative_examples(x[members], centroid, config.n_examples)
        # Diverse examples add phrasings: leave out the representative ones as long as enough
        # other members remain to pick from (always the first one).
        shown = max(1, min(len(rep), len(members) - config.n_examples))
        div = diverse_examples(x[members], centroid, config.n_examples,
                               diversity=config.diversity, exclude=rep[:shown])
        size = int(assignments.loc[assignments["topic"] == t, COMMENT_ID].nunique())
        kw = keywords.get(t, [])
        records.append({
            "topic": t,
            "label": labels.get(t, topic_label(kw)),
            "keywords": kw,
            "size": size,
            "n_primary": n_primary[t],
            "share": round(size / n, 4) if n else 0.0,
            "representative": tuple(str(ids[members[j]]) for j in rep),
            "diverse": tuple(str(ids[members[j]]) for j in div),
        })
    topics = pd.DataFrame(records, columns=list(TOPIC_COLUMNS))
    topics["topic"] = topics["topic"].astype(np.int64)
    return topics


def _assemble_from_codes(comments: pd.DataFrame, x: np.ndarray, blank: np.ndarray,
                         codes: SparseCodes, config: AssignConfig, *, labels: dict[int, str],
                         history: tuple[str, ...], renumber: bool, pinned: np.ndarray | None,
                         next_id: int) -> Topics:
    """:func:`assemble_topics` for sparse-coding topics: memberships from the codes."""
    import pandas as pd

    texts = ["" if pd.isna(t) else str(t) for t in comments[TEXT]]
    n = len(texts)
    columns = list(range(len(codes.ids)))
    found = [[] if blank[i] else codes.memberships(codes.codes[i], columns, config.max_topics)
             for i in range(n)]
    held = [codes.ids[j] for j in columns if any(j in f for f in found)]
    if renumber:  # by primary members, then all members, then the first member's position
        first = {codes.ids[j]: min(i for i, f in enumerate(found) if j in f) for j in columns
                 if codes.ids[j] in held}
        n_first = {t: sum(1 for f in found if f and codes.ids[f[0]] == t) for t in held}
        n_all = {t: sum(1 for f in found if codes.ids.index(t) in f) for t in held}
        order = sorted(held, key=lambda t: (-n_first[t], -n_all[t], first[t]))
        mapping = {old: new for new, old in enumerate(order)}
        labels = {mapping[k]: v for k, v in labels.items() if k in mapping}
    else:
        mapping = {t: t for t in held}
    topic_of = {j: mapping[codes.ids[j]] for j in columns if codes.ids[j] in mapping}
    found = [[topic_of[j] for j in f] for f in found]
    codes = codes.renumbered(mapping)
    topic_ids = list(codes.ids)
    primary = np.array([f[0] if f else OUTLIER for f in found], dtype=np.int64)
    members_of = {t: np.array([i for i, f in enumerate(found) if t in f], dtype=np.int64)
                  for t in topic_ids}
    if topic_ids:
        centroids = _normalise(np.stack([x[members_of[t]].mean(axis=0) for t in topic_ids]))
        sims = x @ centroids.T
    else:
        centroids = np.zeros((0, x.shape[1] if x.ndim == 2 else 0), dtype=np.float32)
        sims = np.zeros((n, 0), dtype=np.float32)
    col = {t: j for j, t in enumerate(topic_ids)}
    rows: list[tuple[int, int, float, bool]] = []
    for i in range(n):
        if not found[i]:
            outside = not blank[i] or (pinned is not None and pinned[i])
            score = float(sims[i].max()) if topic_ids and outside else 0.0
            rows.append((i, OUTLIER, round(score, 4), True))
            continue
        rows.extend((i, t, round(float(sims[i, col[t]]), 4), r == 0)
                    for r, t in enumerate(found[i]))
    ids = comments[COMMENT_ID].astype(str).to_numpy()
    assignments = _rows_frame(ids, rows)
    # Keywords from every membership: a comment in two topics counts in both.
    pairs = [(texts[i], t) for i, f in enumerate(found) for t in f]
    keywords = topic_keywords([p[0] for p in pairs], [p[1] for p in pairs],
                              top_n=config.n_keywords)
    topics = _topic_frame(ids, x, topic_ids, members_of, keywords, centroids, assignments,
                          config, labels, {t: int((primary == t).sum()) for t in topic_ids})
    labels = {t: v for t, v in labels.items() if t in col}
    used = max([int(next_id), *(t + 1 for t in topic_ids)])
    return Topics(comments=comments, embeddings=x, clusters=primary, config=config,
                  assignments=assignments, topics=topics, centroids=centroids.astype(np.float32),
                  labels=labels, history=history, pinned=pinned, next_id=used, sparse=codes)


def _rows_frame(ids: np.ndarray, rows: list[tuple[int, int, float, bool]]) -> pd.DataFrame:
    """The assignments frame of ``(position, topic, score, primary)`` rows, each position
    named by its comment's ``comment_id`` in ``ids``."""
    import pandas as pd

    return pd.DataFrame({
        COMMENT_ID: [ids[i] for i, _, _, _ in rows],
        "topic": np.array([t for _, t, _, _ in rows], dtype=np.int64),
        "score": np.array([s for _, _, s, _ in rows], dtype=float),
        "primary": np.array([p for _, _, _, p in rows], dtype=bool),
    })


def _further_topics(s: np.ndarray, best: int, config: AssignConfig,
                    prob: np.ndarray | None = None) -> list[int]:
    """A comment's further topics (columns), strongest first, at most ``max_topics - 1``.

    ``s`` holds its similarity to each centroid and ``best`` its primary topic's column. With
    ``prob`` (its membership probabilities) a topic joins when its classifier says so;
    without, when its similarity is high enough and close enough to the primary topic's.
    """
    if prob is not None:
        strength, member = prob, prob >= config.member_probability
    else:
        strength = s
        member = (s >= config.second_similarity) & (s[best] - s <= config.second_margin)
    order = np.argsort(-strength, kind="stable")
    return [int(j) for j in order if j != best and member[j]][:config.max_topics - 1]


def _membership_classifiers(x: np.ndarray, primary: np.ndarray, topic_ids: list[int]
                            ) -> tuple[np.ndarray, np.ndarray]:
    """Each topic's membership classifier and every comment's cross-fitted probabilities.

    Returns the (topics, dim + 1) coefficients-and-intercept array (NaN rows for topics with
    fewer than :data:`MIN_CLASSIFIER_MEMBERS` primary members) and an (n, topics) array of
    probabilities, each from a classifier trained without the comment (3 folds; 0 for topics
    without a classifier and for outliers).
    """
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from threadpoolctl import threadpool_limits

    from ..themes.model import EMBEDDING_C

    n, k = len(primary), len(topic_ids)
    weights = np.full((k, x.shape[1] + 1), np.nan, dtype=np.float32)
    prob = np.zeros((n, k))
    rows = np.flatnonzero(primary != OUTLIER)
    xs = np.asarray(x[rows], dtype=np.float64)

    def model() -> Any:
        return LogisticRegression(C=EMBEDDING_C, class_weight="balanced", max_iter=2000)

    with warnings.catch_warnings(), threadpool_limits(limits=1, user_api="blas"):
        warnings.simplefilter("ignore", ConvergenceWarning)  # local: tiny topics may not converge
        for j, t in enumerate(topic_ids):
            y = (primary[rows] == t).astype(int)
            n_pos = int(y.sum())
            if n_pos < MIN_CLASSIFIER_MEMBERS or len(y) - n_pos < MIN_CLASSIFIER_MEMBERS:
                continue  # too few members, or too few comments outside the topic
            folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
            for train, test in folds.split(xs, y):
                prob[rows[test], j] = model().fit(xs[train], y[train]).predict_proba(
                    xs[test])[:, 1]
            full = model().fit(xs, y)
            weights[j, :-1], weights[j, -1] = full.coef_[0], full.intercept_[0]
    return weights, prob


def _probabilities(classifiers: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Membership probabilities of new comments under kept classifiers (0 where none)."""
    z = np.asarray(x, dtype=np.float64) @ np.nan_to_num(classifiers[:, :-1]).T.astype(
        np.float64) + np.nan_to_num(classifiers[:, -1]).astype(np.float64)
    p = 1.0 / (1.0 + np.exp(-z))
    p[:, np.isnan(classifiers[:, -1])] = 0.0
    return p


def assignments_for(topics: Topics, comment_ids: Any, vectors: np.ndarray,
                    texts: list[str]) -> pd.DataFrame:
    """Assign new comments to existing topics (no refitting).

    By similarity to the topics' centroids (and their membership classifiers); sparse-coding
    topics code the new comments on their atoms and apply the fit's rule to the codes.

    Parameters
    ----------
    topics : Topics
        The topics.
    comment_ids : sequence
        The new comments' ids.
    vectors : numpy.ndarray
        Their embeddings.
    texts : list of str
        Their texts (blank ones are outliers).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`ASSIGNMENT_COLUMNS`.
    """
    import pandas as pd

    frame = pd.DataFrame({COMMENT_ID: [str(i) for i in comment_ids], TEXT: texts})
    cfg = topics.config
    sims = np.asarray(vectors, dtype=np.float32) @ topics.centroids.T
    ids = list(topics.topic_ids) if len(topics.centroids) else []
    by_classifier = cfg.membership == "classifier" and topics.classifiers is not None
    prob = _probabilities(topics.classifiers, vectors) if by_classifier and ids else None
    sparse = topics.sparse
    code = sparse.encode(vectors) if sparse is not None and ids else None
    rows = []
    for i, cid in enumerate(frame[COMMENT_ID]):
        if not texts[i].strip() or not ids:
            rows.append((cid, OUTLIER, 0.0, True))
            continue
        s = sims[i]
        if sparse is not None and code is not None:  # sparse-coding topics: the codes decide
            found = sparse.memberships(code[i], range(len(ids)), cfg.max_topics)
            if not found:
                rows.append((cid, OUTLIER, round(float(s.max()), 4), True))
            rows.extend((cid, ids[j], round(float(s[j]), 4), r == 0)
                        for r, j in enumerate(found))
            continue
        order = np.argsort(-s, kind="stable")
        best = int(order[0])
        if s[best] < cfg.min_similarity:
            rows.append((cid, OUTLIER, round(float(s[best]), 4), True))
            continue
        rows.append((cid, ids[best], round(float(s[best]), 4), True))
        if cfg.max_topics < 2:
            continue
        for j in _further_topics(s, best, cfg, None if prob is None else prob[i]):
            rows.append((cid, ids[j], round(float(s[j]), 4), False))
    return pd.DataFrame(rows, columns=list(ASSIGNMENT_COLUMNS)).astype(
        {"topic": np.int64, "score": float, "primary": bool})
