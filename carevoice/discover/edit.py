"""Editing discovered topics and promoting one into the codebook.

Every function takes a :class:`~carevoice.discover.Topics` and returns a new one (the input is
never changed); centroids, assignments, keywords and examples are re-derived from the edited
clustering, and the edit is appended to ``history`` so that the analysis can be retraced.
Topic ids stay stable across edits: a merge keeps the smallest id, a split gives new ids above
every id used since discovery (rejected and merged ones included), so an id is never reused.

Sparse-coding topics (``ThemeDiscovery(method="sparse")``) are edited through their codes: a
merge sums the merged topics' codes, a split gives each comment's code to the part (of the
k-means split of the primary members) whose centroid is nearest, a rejection drops the topic's
codes (its comments keep their other topics, the largest code first); the memberships then
follow the fit's rule (:mod:`carevoice.discover.sparse`), as they do in ``predict``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from ..errors import InputError
from ..schema import COMMENT_ID, TEXT
from .result import OUTLIER, Topics, assemble_topics
from .sparse import SparseCodes

__all__ = ["merge_topics", "promote_topic", "reject_topic", "rename_topic", "split_topic"]


def _check(topics: Any, function: str) -> Topics:
    if not isinstance(topics, Topics):
        raise InputError(f"The 'topics' argument of {function} must be a Topics object (from "
                         f"ThemeDiscovery.fit(...).topics_); got {type(topics).__name__}.")
    return topics


def _rebuild(topics: Topics, clusters: np.ndarray, labels: dict[int, str], entry: str,
             pinned: np.ndarray | None = None, codes: SparseCodes | None = None) -> Topics:
    """The edited topics; sparse-coding topics pass their edited ``codes``."""
    return assemble_topics(topics.comments, topics.embeddings, clusters, topics.config,
                           labels=labels, history=(*topics.history, entry),
                           pinned=topics.pinned if pinned is None else pinned,
                           next_id=topics.next_topic_id, codes=codes)


def merge_topics(topics: Topics, ids: Sequence[int], *, label: str | None = None) -> Topics:
    """Merge topics into one, which keeps the smallest id.

    Parameters
    ----------
    topics : Topics
        The topics.
    ids : sequence of int
        Two or more topic ids.
    label : str, optional
        A label for the merged topic; by default it is made from its new keywords.

    Returns
    -------
    Topics
        A new value; ``topics`` is unchanged.

    Examples
    --------
    >>> merged = merge_topics(example_topics(), [0, 1], label="family")
    >>> merged.topic_ids, merged.topics["label"].tolist()
    ((0,), ['family'])
    """
    topics = _check(topics, "merge_topics")
    if isinstance(ids, (str, bytes)) or not isinstance(ids, Sequence) or len(ids) < 2:
        raise InputError("The 'ids' argument of merge_topics must be a list of two or more "
                         f"topic ids. Got {ids!r} instead.")
    wanted = sorted({topics.check_topic(t, "ids", "merge_topics") for t in ids})
    if len(wanted) < 2:
        raise InputError(f"The 'ids' argument of merge_topics names one topic only ({wanted}); "
                         "give two or more different ids.")
    if label is not None and (not isinstance(label, str) or not label.strip()):
        raise InputError("The 'label' argument of merge_topics must be a non-empty string or "
                         f"None. Got {label!r} instead.")
    keep = wanted[0]
    clusters = topics.clusters.copy()
    clusters[np.isin(clusters, wanted)] = keep
    labels = {t: v for t, v in topics.labels.items() if t not in wanted}
    if label is not None:
        labels[keep] = label.strip()
    codes = (None if topics.sparse is None
             else topics.sparse.merged(wanted, keep, topics.embeddings))
    return _rebuild(topics, clusters, labels, f"merge {wanted} -> {keep}", codes=codes)


def rename_topic(topics: Topics, topic: int, label: str) -> Topics:
    """Give a topic a label of your own (it then survives later edits).

    Parameters
    ----------
    topics : Topics
        The topics.
    topic : int
        The topic id.
    label : str
        The new label.

    Returns
    -------
    Topics

    Examples
    --------
    >>> rename_topic(example_topics(), 1, "money worries").topics["label"].tolist()[1]
    'money worries'
    """
    topics = _check(topics, "rename_topic")
    topic = topics.check_topic(topic, function="rename_topic")
    if not isinstance(label, str) or not label.strip():
        raise InputError("The 'label' argument of rename_topic must be a non-empty string. "
                         f"Got {label!r} instead.")
    labels = {**topics.labels, topic: label.strip()}
    frame = topics.topics.copy()
    frame.loc[frame["topic"] == topic, "label"] = label.strip()
    return replace(topics, topics=frame, labels=labels,
                   history=(*topics.history, f"rename {topic}"))


def split_topic(topics: Topics, topic: int, n: int = 2, *, random_state: int = 0) -> Topics:
    """Split a topic in ``n`` by k-means on its members' embeddings.

    The first part keeps the id; the others get new ids above every id used so far (also those
    of rejected or merged topics), so an id in ``history`` always names one topic.

    Parameters
    ----------
    topics : Topics
        The topics.
    topic : int
        The topic id.
    n : int, default 2
        Into how many parts.
    random_state : int, default 0
        The k-means seed.

    Returns
    -------
    Topics

    Examples
    --------
    >>> split = split_topic(example_topics(), 0, 2)
    >>> len(split.topic_ids)
    3
    """
    from sklearn.cluster import KMeans

    topics = _check(topics, "split_topic")
    topic = topics.check_topic(topic, function="split_topic")
    members = np.where(topics.clusters == topic)[0]
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= len(members):
        raise InputError(f"The 'n' argument of split_topic must be an int in the range [2, "
                         f"{len(members)}] (topic {topic} has {len(members)} clustered "
                         f"comments). Got {n!r} instead.")
    parts = KMeans(n_clusters=int(n), n_init=10, random_state=random_state).fit_predict(
        topics.embeddings[members])
    # The part holding the member nearest the old centroid keeps the id.
    old = topics.centroids[topics.topic_ids.index(topic)]
    anchor = parts[int(np.argmax(topics.embeddings[members] @ old))]
    order = [anchor] + sorted(p for p in np.unique(parts) if p != anchor)
    top = topics.next_topic_id - 1  # new ids above every id ever used, rejected ones too
    new_ids = {p: (topic if i == 0 else top + i) for i, p in enumerate(order)}
    clusters = topics.clusters.copy()
    clusters[members] = [new_ids[p] for p in parts]
    labels = {t: v for t, v in topics.labels.items() if t != topic}
    created = sorted(v for v in new_ids.values() if v != topic)
    codes = None
    if topics.sparse is not None:  # each part's centroid takes the codes nearest it
        x = topics.embeddings
        centres = {int(t): x[members[clusters[members] == t]].mean(axis=0)
                   for t in np.unique(clusters[members])}
        codes = topics.sparse.split(topic, centres, x)
    return _rebuild(topics, clusters, labels, f"split {topic} -> {[topic, *created]}",
                    codes=codes)


def reject_topic(topics: Topics, topic: int, *, reassign: bool = True) -> Topics:
    """Remove a topic that is not a theme (an artefact, a duplicate, "no comment" answers).

    Parameters
    ----------
    topics : Topics
        The topics.
    topic : int
        The topic id.
    reassign : bool, default True
        Move its comments to the nearest remaining topic when similar enough (the usual
        outlier rule; sparse-coding topics: to their largest remaining code above the
        threshold); with False they all become outliers.

    Returns
    -------
    Topics

    Examples
    --------
    >>> rejected = reject_topic(example_topics(), 1, reassign=False)
    >>> rejected.topic_ids, round(rejected.outlier_share, 2)
    ((0,), 0.5)
    """
    topics = _check(topics, "reject_topic")
    topic = topics.check_topic(topic, function="reject_topic")
    clusters = topics.clusters.copy()
    members = clusters == topic
    clusters[members] = OUTLIER
    labels = {t: v for t, v in topics.labels.items() if t != topic}
    pinned = None
    if not reassign:
        pinned = members if topics.pinned is None else (members | topics.pinned)
    codes = None if topics.sparse is None else topics.sparse.without(topic)
    return _rebuild(topics, clusters, labels,
                    f"reject {topic}" + ("" if reassign else " (no reassignment)"), pinned,
                    codes=codes)


def promote_topic(topics: Topics, topic: int, codebook: Any = None, *, theme_id: str,
                  label: str | None = None, definition: str | None = None,
                  n_examples: int = 8, parent: str | None = None) -> Any:
    """Add a topic to a codebook as a new theme, with its example comments as phrasings.

    The examples are the topic's representative and diverse comments (pseudonymised text, as
    discovery received it), then its other comments, nearest its centroid first, up to
    ``n_examples``. A comment is skipped when it is a non-answer ("n/a", "idk": one of
    :data:`carevoice.themes.codebook.NON_ANSWERS`, or of the codebook's
    ``no_theme_examples``) or already an example phrasing of the codebook: the codebook cannot
    hold one phrasing twice, and a non-answer does not teach a theme. A warning says how many
    were skipped when fewer than ``n_examples`` remain. Review the examples: they teach the
    coder what the theme sounds like.

    Parameters
    ----------
    topics : Topics
        The topics.
    topic : int
        The topic id.
    codebook : Codebook, str, pathlib.Path or None, default None
        The codebook to extend (None: the default codebook).
    theme_id : str
        The new theme's id (lower case letters, digits, ``_``); must not exist yet.
    label : str, optional
        The theme's label; by default the topic's label.
    definition : str, optional
        What the theme covers; by default a sentence made from the topic's keywords.
    n_examples : int, default 8
        How many example comments to copy into the theme.
    parent : str, optional
        A broader theme id.

    Returns
    -------
    carevoice.themes.Codebook
        A new codebook with the theme added and its version suffixed ``+discovered``.

    Raises
    ------
    InputError
        When no comment of the topic can be an example (all are non-answers or already
        examples of the codebook).

    Examples
    --------
    >>> cb = promote_topic(example_topics(), 1, theme_id="cash_worries")
    >>> "cash_worries" in cb, len(cb["cash_worries"].examples)
    (True, 4)
    """
    from ..themes import Theme, load_codebook

    topics = _check(topics, "promote_topic")
    topic = topics.check_topic(topic, function="promote_topic")
    book = load_codebook(codebook)
    if not isinstance(theme_id, str):
        raise InputError("The 'theme_id' argument of promote_topic must be a string id (lower "
                         f"case letters, digits, '_'). Got {theme_id!r} instead.")
    if theme_id in book:
        raise InputError(f"The 'theme_id' argument of promote_topic must be a new theme id; "
                         f"{theme_id!r} is already in the codebook. Use another id, or edit the "
                         "existing theme with Codebook.with_examples.")
    if isinstance(n_examples, bool) or not isinstance(n_examples, int) or n_examples < 1:
        raise InputError("The 'n_examples' argument of promote_topic must be an int in the "
                         f"range [1, inf). Got {n_examples!r} instead.")
    row = topics.topics.set_index("topic").loc[topic]
    texts, skipped = _example_phrasings(topics, topic, book, n_examples)
    if not texts:
        raise InputError(f"promote_topic: topic {topic} has no comment that can be an example "
                         f"phrasing: its {skipped} comment(s) are non-answers ('n/a', 'idk'...) "
                         "or already examples of the codebook. Promote another topic, or add "
                         "the theme yourself with Codebook.with_theme.")
    if skipped and len(texts) < n_examples:
        import warnings

        warnings.warn(f"promote_topic: {len(texts)} example phrasing(s) for {theme_id!r} "
                      f"instead of {n_examples}: {skipped} comment(s) of topic {topic} were "
                      "skipped as non-answers or phrasings the codebook already has.",
                      UserWarning, stacklevel=2)
    keywords = list(row["keywords"])
    if definition is None:
        definition = ("Discovered topic: comments about " + ", ".join(keywords[:6]) + "."
                      if keywords else "Discovered topic.")
    theme = Theme(id=theme_id, label=label or str(row["label"]), definition=definition,
                  examples=tuple(texts), parent=parent)
    return book.with_theme(theme).with_version(f"{book.version}+discovered")


def _example_phrasings(topics: Topics, topic: int, book: Any,
                       n_examples: int) -> tuple[list[str], int]:
    """A topic's comments fit to be example phrasings of a new theme, and how many were skipped.

    Representative and diverse examples first, then the topic's other comments (primary
    members, nearest the centroid first); non-answers and phrasings the codebook already has
    are skipped (compared as the codebook compares phrasings: lower case, runs of spaces as
    one; a non-answer also without surrounding punctuation).
    """
    from ..themes.codebook import NON_ANSWERS

    def key(text: str) -> str:
        return " ".join(text.casefold().split())

    def bare(text: str) -> str:
        return key(text).strip(" .,!?;:'\"-")

    non_answers = {bare(t) for t in (*NON_ANSWERS, *book.no_theme_examples)}
    taken = {key(e) for theme in book.themes for e in theme.examples}
    taken |= {key(t) for t in book.no_theme_examples}
    candidates = [*topics.examples(topic, "both")[TEXT],
                  *topics.members(topic, primary_only=True)[TEXT]]
    texts: list[str] = []
    seen: set[str] = set()
    skipped = 0
    for text in candidates:
        text = "" if not isinstance(text, str) else text.strip()
        if not text or key(text) in seen:
            continue
        seen.add(key(text))
        if key(text) in taken or bare(text) in non_answers or not bare(text):
            skipped += 1
        elif len(texts) < n_examples:
            texts.append(text)
    return texts, skipped


def example_topics() -> Topics:
    """A tiny fitted :class:`Topics` (8 comments, 2 topics) for examples and tests.

    Returns
    -------
    Topics

    Examples
    --------
    >>> example_topics().topic_ids
    (0, 1)
    """
    import pandas as pd

    from ..embed import HashingEmbedder
    from .model import ThemeDiscovery

    comments = pd.DataFrame({
        COMMENT_ID: [f"c{i}" for i in range(8)],
        TEXT: ["i miss my brother", "i miss my sister", "miss my little brother",
               "i miss my nan", "more money please", "not enough money",
               "money for driving lessons", "money money money"]})
    return ThemeDiscovery(HashingEmbedder(), n_topics=2).fit(comments).topics_
