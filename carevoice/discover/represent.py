"""How a discovered topic is described: keywords, a label and example comments.

* **Keywords** are the terms with the highest class-based TF-IDF (c-TF-IDF, the weighting
  BERTopic uses): all comments of a topic are treated as one document, a term's frequency in it
  is normalised by the topic's length and weighted by ``log(1 + A / f_t)``, where ``A`` is the
  average number of words per topic and ``f_t`` the term's frequency over all topics. Terms that
  every topic uses ("care", "really") score low; terms one topic owns score high.
* The **label** joins the top keywords. Pseudonymisation tags (``[PERSON_1]``, ``[Person 1]``)
  and stop words (including the survey's own question words) are never keywords.
* **Representative** examples are the members nearest the topic centroid (cosine similarity);
  **diverse** examples are chosen by maximal marginal relevance (MMR): each next example trades
  closeness to the centroid against similarity to the examples already chosen, so the set shows
  the range of the topic rather than five near-duplicates.

Everything is deterministic: ties are broken by position, never at random.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..mmr import maximal_marginal_relevance
from ..placeholders import PLACEHOLDER

__all__ = [
    "STOP_WORDS",
    "ctfidf",
    "diverse_examples",
    "representative_examples",
    "topic_keywords",
    "topic_label",
]

#: Words that say nothing about a topic in answers from young people in care: English stop words,
#: text-speak fillers, the words of the survey questions themselves, and the titles the
#: pseudonymiser leaves before a name ("Mrs [PERSON_1]"; not "miss", which is also "i miss my
#: brother").
STOP_WORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can cant could couldnt did didnt do does doesnt doing
    dont down during each few for from further get gets got had hadnt has hasnt have havent
    having he her here hers herself him himself his how i id if im in into is isnt it its itself
    ive just let lets me more most much my myself no nor not now of off on once only or other
    ought our ours ourselves out over own really same she shed shes should shouldnt so some such
    than that thats the their theirs them themselves then there theres these they theyd theyre
    theyve this those through to too under until up very was wasnt we wed were weve werent what
    whats when where which while who whos whom why will with wont would wouldnt you youd youll
    youre youve your yours yourself yourselves ill lol tbh idk like yeah ya ye u ur ok okay sure
    thing things stuff bit lot lots bc cos coz cuz gonna wanna gotta na yes oh well even still
    though tho one two know dunno never ever always every everything something anything nothing
    sometimes people make makes made want wants go going goes went said say says tell told think
    thought feel felt way time times good bad better best care anyone someone everyone nobody
    else us can't don't i'm it's i've that's isn't didn't doesn't won't wouldn't couldn't
    shouldn't mr mrs ms mx dr mister missus""".split()
)

_TOKEN = re.compile(r"[a-z][a-z']+")
#: Bracketed capitals such as ``[ORG]`` or ``[SW]``: not words of the comment. carevoice's own
#: placeholders in either tag style (``[PERSON_1]``, ``[Person 1]``, ``[REDACTED]``) are
#: removed first (:data:`carevoice.placeholders.PLACEHOLDER`), so no keyword depends on a
#: tag's number or style.
_TAG = re.compile(r"\[[A-Z][A-Z_]*(?:_\d+)?\]")


def _tokens(text: str) -> list[str]:
    text = _TAG.sub(" ", PLACEHOLDER.sub(" ", text))
    words = [w.strip("'") for w in _TOKEN.findall(text.lower())]
    return [w for w in words if len(w) > 1 and w not in STOP_WORDS]


def _terms(text: str, ngram_max: int) -> list[str]:
    words = _tokens(text)
    terms = list(words)
    for n in range(2, ngram_max + 1):
        terms.extend(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
    return terms


def _term_counts(texts: Sequence[str], labels: Sequence[int], ngram_max: int,
                 min_count: int) -> tuple[list[int], list[str], np.ndarray, np.ndarray]:
    """Per topic, how many comments use each term (a comment counts a term once)."""
    from collections import Counter

    per_topic: dict[int, Counter[str]] = {}
    sizes: Counter[int] = Counter()
    total: Counter[str] = Counter()
    for text, label in zip(texts, labels, strict=True):
        if int(label) == -1:
            continue
        terms = set(_terms(text, ngram_max))
        per_topic.setdefault(int(label), Counter()).update(terms)
        sizes[int(label)] += 1
        total.update(terms)
    topics = sorted(per_topic)
    vocab = sorted(t for t, c in total.items() if c >= min_count)
    index = {t: i for i, t in enumerate(vocab)}
    counts = np.zeros((len(topics), len(vocab)))
    for row, topic in enumerate(topics):
        for term, count in per_topic[topic].items():
            if term in index:
                counts[row, index[term]] = count
    return topics, vocab, counts, np.array([sizes[t] for t in topics], dtype=float)


def ctfidf(texts: Sequence[str], labels: Sequence[int], *, ngram_max: int = 2,
           min_count: int = 2) -> tuple[list[int], list[str], np.ndarray]:
    """Class-based TF-IDF of terms per topic.

    A term's frequency in a topic is the number of the topic's comments that use it (so one
    comment repeating a word does not make it a keyword), divided by the topic's total.

    Parameters
    ----------
    texts : sequence of str
        The comments.
    labels : sequence of int
        The topic of each comment (a comment in two topics appears twice); ``-1`` is ignored.
    ngram_max : int, default 2
        Longest phrase counted, in words (stop words removed first).
    min_count : int, default 2
        Terms used by fewer comments over all topics are dropped.

    Returns
    -------
    topics : list of int
        The topic ids, sorted; the rows of the matrix.
    terms : list of str
        The vocabulary, sorted; the columns of the matrix.
    weights : numpy.ndarray
        Shape ``(len(topics), len(terms))``.

    Examples
    --------
    >>> topics, terms, w = ctfidf(["my advocate helped", "advocate was great",
    ...                            "money for rent", "need more money"], [0, 0, 1, 1])
    >>> terms[int(w[0].argmax())], terms[int(w[1].argmax())]
    ('advocate', 'money')
    """
    topics, vocab, counts, _ = _term_counts(texts, labels, ngram_max, min_count)
    if not topics or not vocab:
        return topics, vocab, np.zeros((len(topics), len(vocab)))
    lengths = counts.sum(axis=1, keepdims=True)
    tf = np.divide(counts, lengths, out=np.zeros_like(counts), where=lengths > 0)
    freq = counts.sum(axis=0)
    avg = float(freq.sum()) / len(topics)
    idf = np.log1p(avg / np.maximum(freq, 1.0))
    return topics, vocab, tf * idf


def topic_keywords(texts: Sequence[str], labels: Sequence[int], *, top_n: int = 8,
                   ngram_max: int = 2) -> dict[int, list[str]]:
    """The top c-TF-IDF terms of each topic.

    A phrase and its own words are not both kept: "social worker" hides a later "worker". In a
    topic of four or more comments, a keyword must be used by at least two of them.

    Parameters
    ----------
    texts : sequence of str
        The comments.
    labels : sequence of int
        The topic of each comment; ``-1`` is ignored.
    top_n : int, default 8
        How many keywords per topic.
    ngram_max : int, default 2
        Longest phrase, in words.

    Returns
    -------
    dict
        Topic id to keywords, best first.

    Examples
    --------
    >>> topic_keywords(["my advocate helped", "advocate was great", "money for rent",
    ...                 "need money"], [0, 0, 1, 1], top_n=1)
    {0: ['advocate'], 1: ['money']}
    """
    topics, vocab, weights = ctfidf(texts, labels, ngram_max=ngram_max)
    _, _, counts, sizes = _term_counts(texts, labels, ngram_max, 2)
    out: dict[int, list[str]] = {}
    for row, topic in enumerate(topics):
        order = np.argsort(-weights[row], kind="stable")
        # In a topic of four or more comments a keyword must be used by at least two of them.
        least = 2 if sizes[row] >= 4 else 1
        chosen: list[str] = []
        for j in order:
            if weights[row, j] <= 0 or len(chosen) >= top_n:
                break
            if counts[row, j] < least:
                continue
            term = vocab[j]
            words = set(term.split())
            if any(term in c.split() or words <= set(c.split()) for c in chosen):
                continue
            chosen = [c for c in chosen if not set(c.split()) <= words or c == term]
            chosen.append(term)
        out[topic] = chosen[:top_n]
    return out


def topic_label(keywords: Sequence[str], *, n_words: int = 3) -> str:
    """A short readable label from a topic's keywords.

    Parameters
    ----------
    keywords : sequence of str
        The topic's keywords, best first.
    n_words : int, default 3
        Keywords joined into the label.

    Returns
    -------
    str
        E.g. ``"advocate / meetings / listen"``; ``"(no keywords)"`` when empty.

    Examples
    --------
    >>> topic_label(["advocate", "social worker", "meetings", "listen"])
    'advocate / social worker / meetings'
    """
    kept = [k for k in keywords if k][:n_words]
    return " / ".join(kept) if kept else "(no keywords)"


def representative_examples(vectors: np.ndarray, centroid: np.ndarray, k: int = 5) -> list[int]:
    """Positions of the ``k`` rows nearest the centroid (cosine), nearest first.

    Parameters
    ----------
    vectors : numpy.ndarray
        The topic members' embeddings, L2-normalised rows.
    centroid : numpy.ndarray
        The topic centroid.
    k : int, default 5
        How many.

    Returns
    -------
    list of int

    Examples
    --------
    >>> v = np.eye(3, dtype=np.float32)
    >>> representative_examples(v, np.array([0.1, 1.0, 0.0]), k=2)
    [1, 0]
    """
    if len(vectors) == 0:
        return []
    sims = vectors @ (centroid / max(float(np.linalg.norm(centroid)), 1e-12))
    return [int(i) for i in np.argsort(-sims, kind="stable")[:k]]


def diverse_examples(vectors: np.ndarray, centroid: np.ndarray, k: int = 5, *,
                     diversity: float = 0.5, exclude: Sequence[int] = ()) -> list[int]:
    """Positions of ``k`` rows chosen by maximal marginal relevance.

    The first pick is the member nearest the centroid (unless excluded); each next pick maximises
    ``(1 - diversity) * sim(member, centroid) - diversity * max sim(member, picked)``
    (:func:`carevoice.mmr.maximal_marginal_relevance`).

    Parameters
    ----------
    vectors : numpy.ndarray
        The topic members' embeddings, L2-normalised rows.
    centroid : numpy.ndarray
        The topic centroid.
    k : int, default 5
        How many.
    diversity : float, default 0.5
        0 gives the representative examples, 1 ignores the centroid after the first pick.
    exclude : sequence of int, default ()
        Positions not to pick (e.g. the representative examples already shown); they still
        count as picked when measuring redundancy.

    Returns
    -------
    list of int

    Examples
    --------
    >>> v = np.array([[1.0, 0.0], [0.99, 0.14], [0.6, 0.8]], dtype=np.float32)
    >>> diverse_examples(v, np.array([1.0, 0.2]), k=2, diversity=0.7)
    [1, 2]
    """
    if len(vectors) == 0 or k <= 0:
        return []
    c = centroid / max(float(np.linalg.norm(centroid)), 1e-12)
    return maximal_marginal_relevance(vectors, vectors @ c, k, diversity=diversity,
                                      exclude=exclude)
