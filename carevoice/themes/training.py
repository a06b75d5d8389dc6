"""How the theme coder learns: its TF-IDF features, its classifiers and its thresholds.

The pieces of :meth:`carevoice.themes.ThemeCoder.fit` that do not need the coder itself: the
one-vs-rest logistic regressions (:func:`make_models`), their probabilities
(:func:`raw_probabilities`), n-gram counts shared by the cross-validation folds
(:class:`_Counts`) and the threshold calibration (:func:`calibrate`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .codebook import Codebook

__all__ = ["TrainingSet", "calibrate", "make_models", "raw_probabilities", "reference_examples",
           "training_set"]

#: ``TrainingSet.groups`` values: codebook phrasings, human-coded and reference comments.
PHRASING, HUMAN, REFERENCE = 0, 1, 2


# The lexical models' TF-IDF features: word 1-2-grams and character 3-5-grams (a character
# n-gram must occur in two training texts).
_WORDS = {"analyzer": "word", "ngram_range": (1, 2), "token_pattern": r"(?u)\b\w+\b"}
_CHARS = {"analyzer": "char_wb", "ngram_range": (3, 5)}
_WORDS_MIN_DF, _CHARS_MIN_DF = 1, 2


class _OneClass:
    """Stands in for a column's classifier when its training rows all have one label.

    A cross-fitting fold can lack a rare theme's positives, and a fit without reference or
    human-coded comments has no row that is known to raise a theme and another.
    """

    def __init__(self, label: int) -> None:
        self.label = label

    def predict_proba(self, x: Any) -> np.ndarray:
        p = np.full(x.shape[0], float(self.label))
        return np.column_stack([1.0 - p, p])


class _Counts:
    """N-gram counts of a fixed set of texts, made once for all cross-validation folds.

    Counting n-grams is about half of a fold's cost. :meth:`tfidf` gives, for a fold's training
    texts, transformers equal to ``TfidfVectorizer(...).fit(train_texts)``: the columns whose
    document frequency in those texts reaches ``min_df`` (the same vocabulary, in the same
    sorted order) and an IDF fitted on those texts' counts. They transform only texts of the set.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import CountVectorizer

        self.index = {t: i for i, t in enumerate(dict.fromkeys(texts))}
        unique = list(self.index)
        self.words = CountVectorizer(**_WORDS).fit_transform(unique).tocsr()
        self.chars = CountVectorizer(**_CHARS).fit_transform(unique).tocsr()

    def tfidf(self, train_texts: Sequence[str]) -> tuple[_FoldTfidf, _FoldTfidf]:
        rows = np.asarray([self.index[t] for t in train_texts], dtype=np.int64)
        return (_FoldTfidf(self.words, self.index, rows, min_df=_WORDS_MIN_DF),
                _FoldTfidf(self.chars, self.index, rows, min_df=_CHARS_MIN_DF))


class _FoldTfidf:
    """TF-IDF of one fold from precomputed counts (see :class:`_Counts`)."""

    def __init__(self, counts: Any, index: dict[str, int], rows: np.ndarray, min_df: int) -> None:
        from sklearn.feature_extraction.text import TfidfTransformer

        train = counts[rows]
        df = np.bincount(train.indices, minlength=counts.shape[1])
        self.counts, self.index = counts, index
        self.columns = np.flatnonzero(df >= min_df)
        if not len(self.columns):  # a tiny codebook's fold: as few texts as folds
            self.columns = np.flatnonzero(df >= 1)
        self.idf = TfidfTransformer(sublinear_tf=True).fit(train[:, self.columns])

    def transform(self, texts: Sequence[str]) -> Any:
        rows = np.asarray([self.index[t] for t in texts], dtype=np.int64)
        return self.idf.transform(self.counts[rows][:, self.columns])


def make_models(texts: Sequence[str], x: np.ndarray, y: np.ndarray, w: np.ndarray, *,
                C: float, lexical_C: float, random_state: int,
                lexical: tuple[Any, Any] | None = None) -> dict[str, Any]:
    """Fit the embedding and lexical models of every theme and of "no theme".

    ``y`` holds 1 (positive), 0 (negative) or -1 (unknown: the row is left out of that
    theme's models); ``w`` the whole-number weight of each row; ``lexical`` fitted TF-IDF
    transformers (words, chars), or None to fit them on ``texts``.
    """
    import warnings

    from scipy.sparse import hstack
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    if lexical is None:
        def fitted(params: dict[str, Any], min_df: int) -> Any:
            try:
                return TfidfVectorizer(**params, min_df=min_df, sublinear_tf=True).fit(texts)
            except ValueError:  # no term in min_df texts: a codebook of a few phrases
                return TfidfVectorizer(**params, min_df=1, sublinear_tf=True).fit(texts)

        words, chars = fitted(_WORDS, _WORDS_MIN_DF), fitted(_CHARS, _CHARS_MIN_DF)
    else:
        words, chars = lexical
    xl = hstack([words.transform(texts), chars.transform(texts)]).tocsr()
    # Weights as repeated rows: liblinear is ~100x slower with sample_weight here.
    rows = np.repeat(np.arange(len(texts)), np.maximum(1, np.rint(w)).astype(int))
    x, xl, y = x[rows], xl[rows], y[rows]
    emb_models, lex_models = [], []
    # One extra column: "no theme" (rows with no label), used to veto the fallback; unknown
    # (-1) where a row's label for some theme is unknown.
    # A row with a theme is not "no theme" even when some other theme is unknown for it.
    none = np.where((y == 1).any(1), 0, np.where((y == -1).any(1), -1, 1)).astype(np.int8)
    y = np.column_stack([y, none]).astype(np.int8)
    # One BLAS thread: these are many small problems, and multi-threaded BLAS spends ~10x
    # longer synchronising threads than computing (measured: 4.2 s -> 0.4 s for 19 fits).
    with warnings.catch_warnings(), threadpool_limits(limits=1, user_api="blas"):
        # local, not global: a tiny codebook may not converge
        warnings.simplefilter("ignore", ConvergenceWarning)
        for j in range(y.shape[1]):
            known = y[:, j] >= 0
            xj, xlj, yj = ((x, xl, y[:, j]) if known.all()
                           else (x[known], xl[known], y[known, j]))
            if len(np.unique(yj)) < 2:  # e.g. a codebook without no-theme examples
                constant = _OneClass(int(yj[0]) if len(yj) else 0)
                emb_models.append(constant)
                lex_models.append(constant)
                continue
            emb_models.append(
                LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
                .fit(xj, yj))
            # The dual liblinear solver is fast on many sparse features; seeded.
            lex_models.append(
                LogisticRegression(C=lexical_C, class_weight="balanced",
                                   solver="liblinear", dual=True, max_iter=3000,
                                   random_state=random_state)
                .fit(xlj, yj))
    return {"words": words, "chars": chars, "emb": emb_models, "lex": lex_models}


def raw_probabilities(models: dict[str, Any], texts: Sequence[str], x: np.ndarray,
                    lexical_weight: float) -> tuple[np.ndarray, np.ndarray]:
    """Embedding and lexical probabilities, shape (n, n_themes) each."""
    from scipy.sparse import hstack

    n = len(texts)
    k = len(models["emb"])
    if n == 0:
        return np.zeros((0, k)), np.zeros((0, k))
    # float64: float32 products depend on how many rows are scored at once (BLAS kernels),
    # and a score must not change with the batch or chunk it was coded in.
    x = np.asarray(x, dtype=np.float64)
    pe = np.column_stack([m.predict_proba(x)[:, 1] for m in models["emb"]]) \
        if lexical_weight < 1 else np.zeros((n, k))
    if lexical_weight > 0:
        xl = hstack([models["words"].transform(texts),
                     models["chars"].transform(texts)]).tocsr()
        pl = np.column_stack([m.predict_proba(xl)[:, 1] for m in models["lex"]])
    else:
        pl = np.zeros((n, k))
    return pe, pl


def calibrate(oof: np.ndarray, y: np.ndarray, groups: np.ndarray, themes: Sequence[str],
              shrinkage: float) -> pd.Series:
    """Per-theme thresholds that maximise out-of-fold F1, shrunk towards a global one."""
    import pandas as pd

    grid = np.round(np.arange(0.10, 0.91, 0.01), 2)

    def best(scores: np.ndarray, truth: np.ndarray) -> tuple[float, np.ndarray]:
        f1 = np.zeros((len(grid), scores.shape[1]))
        for g, t in enumerate(grid):
            pred = scores >= t
            tp = (pred & (truth == 1)).sum(0)
            fp = (pred & (truth == 0)).sum(0)
            fn = (~pred & (truth == 1)).sum(0)
            f1[g] = np.where(tp > 0, 2 * tp / np.maximum(1, 2 * tp + fp + fn), 0.0)
        return float(grid[int(np.argmax(f1.mean(1)))]), f1

    # Human-coded comments, when there are enough, look like the comments to code: calibrate
    # on them; otherwise on the reference comments (realistic too); codebook examples
    # calibrate the themes people did not code (often enough). A label of -1 (unknown: a
    # reference comment and a theme it was not coded for) counts for nothing.
    realistic = groups == HUMAN
    if realistic.sum() < 20:
        realistic = groups == REFERENCE
    g_all, f1_all = best(oof, y)
    n_pos = (y == 1).sum(0)
    per_theme = grid[np.argmax(f1_all, axis=0)]
    lam = n_pos / (n_pos + shrinkage) if shrinkage > 0 else np.ones_like(n_pos)
    thresholds = lam * per_theme + (1 - lam) * g_all
    # Only the themes the realistic rows carry labels for move: for the others (a theme the
    # reference comments were not coded for) their F1 is 0 at every cut-off and says nothing.
    truth = y[realistic]
    labelled = (truth != -1).any(0)
    if realistic.sum() >= 20 and (truth[:, labelled] == 1).any():
        g_h, f1_h = best(oof[realistic][:, labelled], truth[:, labelled])
        n_h = (truth[:, labelled] == 1).sum(0)
        per_h = grid[np.argmax(f1_h, axis=0)]
        lam_h = n_h / (n_h + max(shrinkage, 1.0))
        target = lam_h * per_h + (1 - lam_h) * g_h
        thresholds[labelled] = 0.5 * thresholds[labelled] + 0.5 * target
    return pd.Series(np.round(thresholds, 4), index=list(themes), name="threshold")


def human_examples(comments: pd.DataFrame, codes: pd.DataFrame, themes: Sequence[str], *,
                   codes_name: str = "The 'codes' argument of ThemeCoder.fit",
                   comments_name: str = "'comments'") -> tuple[list[str], list[set[int]]]:
    """Validate a person's coded comments; return their texts and theme columns.

    Blank comments are left out; a comment without a code row is "no theme". Ids are
    compared as :func:`carevoice.corpus.normalise_ids` writes them. ``codes_name`` and
    ``comments_name`` say in messages where the codes and comments came from (the command
    line names its files).
    """
    import pandas as pd

    from .._flags import assigned_mask
    from ..corpus import normalise_ids
    from ..errors import InputError, format_ids
    from ..schema import COMMENT_ID
    from .codebook import NO_THEME
    from .reading import _texts_of

    texts, ids = _texts_of(comments, "comments", "fit")
    if not isinstance(codes, pd.DataFrame) or not {COMMENT_ID, "theme"} <= set(codes.columns):
        raise InputError(
            f"{codes_name} must be a DataFrame with columns 'comment_id' and 'theme' (and "
            "optionally 'assigned')."
        )
    codes = codes[assigned_mask(codes, codes_name)]
    codes = codes[codes["theme"].astype(str) != NO_THEME]
    unknown = sorted(set(codes["theme"].astype(str)) - set(themes))
    if unknown:
        raise InputError(
            f"{codes_name} uses theme ids that are not in the codebook: "
            f"{', '.join(unknown)}. Valid ids: {', '.join(themes)} (and {NO_THEME})."
        )
    id_list = normalise_ids(ids).tolist()
    coded_ids = normalise_ids(codes[COMMENT_ID]).tolist()
    stray = sorted({str(c) for c in coded_ids} - set(id_list))
    if stray:
        raise InputError(
            f"{codes_name} has comment_id values that are not in {comments_name}: "
            f"{format_ids(stray)}."
        )
    blank = {i for i, t in zip(id_list, texts, strict=True) if not t.strip()}
    index = {t: j for j, t in enumerate(themes)}
    by_id: dict[str, set[int]] = {i: set() for i in id_list}
    for cid, theme in zip(coded_ids, codes["theme"].astype(str), strict=True):
        by_id[cid].add(index[theme])
    keep_rows = [k for k, i in enumerate(id_list) if i not in blank]
    return [texts[k] for k in keep_rows], [by_id[id_list[k]] for k in keep_rows]


@dataclass(frozen=True)
class TrainingSet:
    """The texts a coder learns from, as built by :func:`training_set`.

    ``y`` has one column per theme: 1 positive, 0 negative, -1 unknown (a reference comment
    and a theme it was not coded for). ``groups`` says where each row came from
    (:data:`PHRASING`, :data:`HUMAN`, :data:`REFERENCE`); ``realistic`` which themes the
    reference comments carry labels for.
    """

    texts: list[str]
    y: np.ndarray
    weights: np.ndarray
    groups: np.ndarray
    n_reference: int
    n_human: int
    realistic: np.ndarray


def reference_examples(codebook: Codebook) -> tuple[list[str], list[set[int]], np.ndarray]:
    """The packaged reference comments that teach this codebook something, and their labels.

    The reference comments were coded against the default codebook. A codebook theme is
    *labelled* by them when its id, or an id it was renamed from
    (:meth:`carevoice.themes.Codebook.with_theme_renamed`), is a default theme id; a
    reference comment is used when the codebook has a labelled theme and every theme the
    comment was coded with is labelled (a comment coded "no theme" is a negative of every
    labelled theme). For any other theme the comments are unknown, neither positive nor
    negative.

    Returns
    -------
    texts : list of str
    labels : list of set of int
        The codebook columns each comment is a positive of.
    labelled : numpy.ndarray of bool
        Per codebook theme: whether the reference comments carry a label for it.
    """
    from .reference import reference_comments, reference_themes

    known = reference_themes()
    column: dict[str, int] = {}
    for j, theme in enumerate(codebook.themes):
        for name in (theme.id, *theme.renamed_from):  # a renamed default theme keeps its comments
            if name in known:
                column.setdefault(name, j)
    labelled = np.zeros(len(codebook.themes), dtype=bool)
    labelled[list(column.values())] = True
    if not column:  # nothing in common with the default codebook: they teach nothing
        return [], [], labelled
    usable = [(text, coded) for text, coded in reference_comments() if set(coded) <= column.keys()]
    return ([text for text, _ in usable], [{column[t] for t in coded} for _, coded in usable],
            labelled)


def stock_no_theme_examples(codebook: Codebook) -> tuple[str, ...]:
    """The stock non-answers a codebook without ``no_theme_examples`` learns "no theme" from.

    :data:`carevoice.themes.codebook.NON_ANSWERS`, less any that the codebook gives as an
    example of one of its themes (compared in lower case).
    """
    from .codebook import NON_ANSWERS

    taken = {e.casefold() for t in codebook.themes for e in t.examples}
    return tuple(a for a in NON_ANSWERS if a.casefold() not in taken)


def training_set(codebook: Codebook, *, reference: bool, comments: pd.DataFrame | None,
                 codes: pd.DataFrame | None, human_weight: int) -> TrainingSet:
    """Every text a coder learns from: phrasings, reference comments, human-coded comments.

    Each example phrasing is a positive of its theme and a negative of every other theme;
    no-theme examples (or, for a codebook without any, :func:`stock_no_theme_examples`) are
    negatives of all; reference comments are labelled as
    :func:`reference_examples` says; human-coded comments are repeated ``human_weight`` times
    (as a weight).
    """
    n_t = len(codebook.themes)
    texts: list[str] = []
    labels: list[set[int]] = []
    groups: list[int] = []
    for j, theme in enumerate(codebook.themes):
        texts += theme.examples
        labels += [{j}] * len(theme.examples)
    no_theme = codebook.no_theme_examples or stock_no_theme_examples(codebook)
    texts += no_theme
    labels += [set()] * len(no_theme)
    groups += [PHRASING] * len(texts)
    r_texts, r_labels, labelled = (reference_examples(codebook) if reference
                                   else ([], [], np.zeros(n_t, dtype=bool)))
    texts += r_texts
    labels += r_labels
    groups += [REFERENCE] * len(r_texts)
    h_texts: list[str] = []
    if comments is not None and codes is not None:
        h_texts, h_labels = human_examples(comments, codes, codebook.theme_ids)
        texts += h_texts
        labels += h_labels
        groups += [HUMAN] * len(h_texts)
    y = np.zeros((len(texts), n_t), dtype=np.int8)
    for i, lab in enumerate(labels):
        y[i, list(lab)] = 1
    groups_a = np.asarray(groups, dtype=int)
    y[np.ix_(groups_a == REFERENCE, ~labelled)] = -1
    weights = np.where(groups_a == HUMAN, float(human_weight), 1.0)
    return TrainingSet(texts, y, weights, groups_a, len(r_texts), len(h_texts),
                       labelled if r_texts else np.zeros(n_t, dtype=bool))

