"""The theme coder: a scikit-learn-style estimator that codes comments against a codebook.

How a score is made (see ``docs/themes.md`` for the measurements behind each choice):

1. Training texts are the codebook's example phrasings (positives of their theme, negatives of
   every other theme), its no-theme examples (negatives of every theme; stock non-answers for a
   codebook without any), the packaged *reference* comments (the fictional demo corpus and its
   supplement, coded by their authors against the default codebook: realistic wording, several
   themes per comment, off-topic answers; ``reference=True``; unknown for the themes they were
   not coded for) and, when given, comments a person has coded (``fit(comments, codes)``),
   weighted ``human_weight`` times.
2. Two one-vs-rest logistic regressions per theme: one on sentence embeddings (meaning), one on
   TF-IDF word and character n-grams (wording, misspellings, acronyms such as IRO or PA). Both
   read a comment as :func:`read_texts` does: pseudonymisation tags without their numbers
   (``[PERSON_3]`` and ``[Person 12]`` alike read as "someone"), so that a comment's codes
   never depend on how its tags were numbered.
3. A comment is scored as a whole and sentence by sentence (clauses): each model's probability
   is ``(1 - w) * whole + w * max(whole, best segment)`` with ``w`` the segment weight, 0.25 for
   the themes the coder has realistic coded comments for. So one sentence alone lifts a theme
   only part of the way: in a comment of a few sentences a theme that only one of them raises
   can be missed (measured: a 58-word comment of five sentences, one about an advocate,
   scored advocacy 0.44, just under the 0.5 threshold). A comment longer than :data:`WINDOW`
   segments counts, as a whole, as its best run of ``WINDOW`` consecutive segments, so a
   theme in one part of a very long comment is not diluted further. For the *clause themes*
   (:data:`CLAUSE_THEMES`: being listened to, trusted relationships), which young people
   mostly raise in one sentence of a comment about something else, a sentence that scores at
   least :data:`CLAUSE_LEVEL` counts in full (``w`` 1 for that comment and theme). The two
   models' probabilities are averaged.
4. Per-theme thresholds are calibrated on out-of-fold predictions (cross-validation over the
   training texts; over the human-coded comments when there are enough of them), shrunk towards
   one global threshold so that rare themes do not get noisy thresholds.
5. The reported ``score`` is the raw score rescaled piecewise-linearly so that each theme's
   threshold maps to 0.5: ``score >= 0.5`` means assigned, for every theme, and scores near 0.5
   are the low-confidence cases to review. A comment whose best theme falls short is
   ``no_theme``, unless its best raw score reaches ``fallback`` times the threshold (most
   comments raise something, and this keeps one clear-ish best theme).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, not_fitted
from ..schema import COMMENT_ID
from .codebook import NO_THEME, Codebook, load_codebook
from .parameters import check_params, clause_themes_of
from .reading import _texts_of, read_texts, split_segments
from .scoring import (  # noqa: F401 (WINDOW: public, documented here before)
    CLAUSE_LEVEL,
    CLAUSE_THEMES,
    WINDOW,
    Segments,
    assign,
    combine_scores,
    rescale,
    segment_parts,
)
from .training import (
    _Counts,
    _OneClass,  # noqa: F401 (coders pickled before it moved to training.py)
    calibrate,
    make_models,
    stock_no_theme_examples,
    training_set,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["ThemeCoder", "read_texts", "split_segments"]

#: Inverse regularisation of a logistic regression on sentence embeddings: the theme coder's
#: default ``C``, also used by discovery's topic membership classifiers.
EMBEDDING_C = 2.0


class ThemeCoder:
    """Code comments against a codebook: multi-label, a score per theme, calibrated thresholds.

    Parameters
    ----------
    embedder : Embedder or None, default None
        Any object with ``encode(texts) -> (n, dim) array`` of L2-normalised rows. None uses the
        packaged all-MiniLM-L6-v2 model (:class:`carevoice.SentenceTransformerEmbedder`). Wrap it
        in :class:`carevoice.CachedEmbedder` to cache vectors in a folder you choose.
    codebook : Codebook, str, pathlib.Path or None, default None
        The codebook or a path to one; None uses the default codebook.
    lexical_weight : float, default 0.5
        Weight of the TF-IDF model in the score (0: embeddings only, 1: wording only).
    segments : bool, default True
        Also score the sentences and clauses of each comment (see :func:`split_segments`), and
        read a comment of more than :data:`WINDOW` (10) of them window by window.
    segment_weight : float or None, default None
        How much the best sentence or clause counts against the whole comment: each theme's
        score is ``(1 - w) * whole + w * max(whole, best segment)``. 1 lets one sentence carry a
        theme; 0 is the same as ``segments=False``. None chooses per theme by what the coder
        learns about it from: 0.25 when it has realistic coded comments for the theme (the
        reference comments, for the themes they were coded for, or 20 or more human-coded
        comments), which already teach it how several themes share a comment; 1.0 when it has
        only the codebook's single-theme phrasings. Both values were chosen by
        cross-validation on the demo corpus (see ``docs/themes.md``). With None, a clause
        theme (``clause_themes``) takes 1 in a comment where one of its sentences or clauses
        scores at least :data:`CLAUSE_LEVEL`.
    clause_themes : sequence of str or None, default None
        Themes that a comment often raises in one sentence about something else, for which a
        sentence or clause that clearly raises them counts in full (with ``segment_weight``
        None). None: those of :data:`CLAUSE_THEMES` (``voice_decisions`` and
        ``relationships_trust``) that the codebook has, under their id or renamed from it; an
        empty tuple: none. Every id given must be a theme of the codebook.
    reference : bool, default True
        Also learn from the packaged reference comments: the 1,720 fictional comments of the demo
        corpus (:func:`carevoice.load_demo`) and the 341 of its reference supplement (kinship
        care, the language of care, bullying, other under-represented voices; see
        :func:`carevoice.themes.reference.reference_comments`), with the themes their authors
        coded against the default codebook. They teach only the themes they were coded for,
        the codebook's themes whose id is a default theme id: a reference comment is used when
        all its themes are such themes (comments coded with no theme are negatives of each of
        them), and for every other theme it is unknown, neither positive nor negative. A
        codebook with no default theme id learns nothing from them (``n_reference_`` is 0).
        They are written in young people's own registers, which the codebook's short
        phrasings are not, and they calibrate the thresholds of the themes they were coded for
        when no human-coded comments are given. False codes from the codebook alone
        (zero-shot).
    kin_carers : bool, default True
        Read a relative the young person lives with, or who looks after them ("I live with my
        nan"), as their carer, and a foster mum or dad as a foster carer: such comments are
        about the young person's carers, not ``family_contact``
        (see :func:`carevoice.themes.kinship.read_kin_carers`). Only the coder's reading
        changes; codes keep the comment as written. False reads every comment as written.
    mentions : bool, default True
        Read a word of the care system that a comment talks *about* ("stop calling it
        contact", "why is it called a placement") as "that word", so that an objection to the
        word is not coded as what the word names (see
        :func:`carevoice.themes.mentions.read_mentions`). Only the coder's reading changes.
    denials : bool, default True
        Read a denial ("no complaints really", "can't complain", "never needed an advocate",
        "nobody treats me differently") as "it's fine", so that a comment saying something is
        *not* a problem is not coded as that theme, while a complaint phrased with a negative
        ("nobody told me how to complain") still is (see
        :func:`carevoice.themes.denials.read_denials`). Only the coder's reading changes.
    human_weight : int, default 3
        How many codebook examples one human-coded comment counts as (it is repeated).
    C : float, default 2.0
        Inverse regularisation of the embedding logistic regressions.
    lexical_C : float, default 10.0
        Inverse regularisation of the TF-IDF logistic regressions.
    fallback : float, default 1.0
        When no theme reaches its threshold, the best theme is still assigned if its raw score
        is at least ``fallback`` times its threshold. 1.0 switches this off.
    shrinkage : float, default 20.0
        Pseudo-count that shrinks each theme's threshold towards the global one.
    n_splits : int, default 5
        Cross-validation folds for threshold calibration.
    random_state : int, default 0
        Seed of the cross-validation split (the only random step).

    Attributes
    ----------
    codebook_ : Codebook
        The validated codebook.
    themes_ : tuple of str
        The theme ids, in codebook order.
    thresholds_ : pandas.Series
        The raw-score threshold of each theme.
    n_human_ : int
        How many human-coded comments were used.
    n_reference_ : int
        How many packaged reference comments were used (0 when none carries a label for any
        theme of the codebook).
    segment_weight_ : pandas.Series
        The segment weight of each theme (``segment_weight``, or the one chosen for None).
    clause_themes_ : tuple of str
        The clause themes in use (empty when ``segment_weight`` is given).
    training_counts_ : pandas.DataFrame
        Per theme: ``positives``, ``negatives`` and ``unknown`` training texts (unweighted).
        Reference comments are ``unknown`` for themes outside the default codebook (other than
        a renamed default theme): they were not coded for them.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice import HashingEmbedder
    >>> coder = ThemeCoder(embedder=HashingEmbedder(), reference=False).fit()
    >>> comments = pd.DataFrame({"comment_id": ["a", "b"],
    ...                          "text": ["i want to see my mum more", "n/a"]})
    >>> codes = coder.predict(comments)
    >>> codes.columns.tolist()
    ['comment_id', 'theme', 'score', 'assigned']
    >>> codes[codes["assigned"]]["theme"].tolist()
    ['family_contact']
    """

    def __init__(
        self,
        embedder: Any = None,
        codebook: Codebook | str | Any = None,
        *,
        lexical_weight: float = 0.5,
        segments: bool = True,
        segment_weight: float | None = None,
        clause_themes: Sequence[str] | None = None,
        reference: bool = True,
        kin_carers: bool = True,
        mentions: bool = True,
        denials: bool = True,
        human_weight: int = 3,
        C: float = EMBEDDING_C,
        lexical_C: float = 10.0,
        fallback: float = 1.0,
        shrinkage: float = 20.0,
        n_splits: int = 5,
        random_state: int = 0,
    ) -> None:
        self.embedder = embedder
        self.codebook = codebook
        self.lexical_weight = lexical_weight
        self.segments = segments
        self.segment_weight = segment_weight
        self.clause_themes = clause_themes
        self.reference = reference
        self.kin_carers = kin_carers
        self.mentions = mentions
        self.denials = denials
        self.human_weight = human_weight
        self.C = C
        self.lexical_C = lexical_C
        self.fallback = fallback
        self.shrinkage = shrinkage
        self.n_splits = n_splits
        self.random_state = random_state

    # -- parameters --------------------------------------------------------------------------
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Return the constructor parameters (scikit-learn convention)."""
        names = ("embedder", "codebook", "lexical_weight", "segments", "segment_weight",
                 "clause_themes", "reference", "kin_carers", "mentions", "denials",
                 "human_weight", "C", "lexical_C", "fallback", "shrinkage", "n_splits",
                 "random_state")
        return {n: getattr(self, n) for n in names}

    def set_params(self, **params: Any) -> ThemeCoder:
        """Set constructor parameters (scikit-learn convention); refit afterwards."""
        valid = self.get_params()
        for name, value in params.items():
            if name not in valid:
                raise InputError(
                    f"ThemeCoder has no parameter {name!r}; valid parameters: {', '.join(valid)}."
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        defaults = ThemeCoder().get_params()
        changed = {k: v for k, v in self.get_params().items() if v is not defaults[k]
                   and v != defaults[k]}
        return "ThemeCoder(" + ", ".join(f"{k}={v!r}" for k, v in changed.items()) + ")"

    def _check_params(self) -> None:
        check_params(self)

    # -- embedding ---------------------------------------------------------------------------
    def _embed(self, texts: Sequence[str], *, shipped: bool = False) -> np.ndarray:
        """Embed texts once each (duplicates and empty strings are not sent to the model).

        With ``shipped``, texts whose vectors ship with the package (the default training texts,
        for the packaged model only; see :mod:`carevoice.themes.reference`) are not embedded.
        """
        from .reference import accepts, lookup

        unique = list(dict.fromkeys(t for t in texts if t.strip()))
        vectors = None
        if unique:
            found, known = (lookup(unique) if shipped and accepts(self.embedder_)
                            else (np.zeros(len(unique), dtype=bool), None))
            missing = [t for t, f in zip(unique, found, strict=True) if not f]
            fresh = np.asarray(self.embedder_.encode(missing), dtype=np.float32) \
                if missing else None
            dim = fresh.shape[1] if fresh is not None else known.shape[1]
            vectors = np.zeros((len(unique), dim), dtype=np.float32)
            if found.any():
                vectors[found] = known
            if fresh is not None:
                vectors[~found] = fresh
        dim = vectors.shape[1] if vectors is not None else self.dim_
        if self.dim_ and dim != self.dim_:  # self.dim_ is 0 until fit has embedded its texts
            raise InputError(
                f"The embedder of this ThemeCoder gave vectors of {dim} dimensions; the coder "
                f"was fitted on vectors of {self.dim_}. Code with the embedder it was fitted "
                "with, or fit it again."
            )
        out = np.zeros((len(texts), dim), dtype=np.float32)
        if vectors is not None:
            where = {t: i for i, t in enumerate(unique)}
            for row, t in enumerate(texts):
                if t.strip():
                    out[row] = vectors[where[t]]
        return out

    # -- fitting -----------------------------------------------------------------------------
    def fit(self, comments: pd.DataFrame | None = None,
            codes: pd.DataFrame | None = None) -> ThemeCoder:
        """Learn from the codebook's examples and, optionally, from human-coded comments.

        Parameters
        ----------
        comments : pandas.DataFrame, optional
            Comments a person has coded (``comment_id``, ``text``). Every comment here counts as
            coded: one without a row in ``codes`` is a human "no theme".
        codes : pandas.DataFrame, optional
            The person's codes, long: ``comment_id``, ``theme`` and optionally ``assigned``
            (rows with a false value are ignored). Theme ids must be in the codebook
            (``no_theme`` rows are allowed and ignored).

        Returns
        -------
        ThemeCoder
            self, fitted.

        Raises
        ------
        InputError
            If only one of ``comments`` and ``codes`` is given, or they do not match the codebook.
        """
        from ..embed import SentenceTransformerEmbedder

        self._check_params()
        if (comments is None) != (codes is None):
            raise InputError(
                "ThemeCoder.fit needs both 'comments' and 'codes' (human-coded examples) or "
                "neither (zero-shot from the codebook)."
            )
        self.codebook_ = load_codebook(self.codebook)
        self.themes_ = self.codebook_.theme_ids
        self.embedder_ = SentenceTransformerEmbedder() if self.embedder is None else self.embedder
        self.dim_ = 0

        data = training_set(self.codebook_, reference=self.reference, comments=comments,
                            codes=codes, human_weight=self.human_weight)
        texts, y, w, groups_a = data.texts, data.y, data.weights, data.groups
        if not self.codebook_.no_theme_examples:
            import warnings

            warnings.warn(
                f"The codebook {self.codebook_.name!r} has no no_theme_examples, so the coder "
                f"learns 'no theme' only from {len(stock_no_theme_examples(self.codebook_))} "
                "stock non-answers ('n/a', 'nothing', 'idk'...): an answer about something "
                "else will usually get the nearest theme. Add no_theme_examples to the "
                "codebook: answers in your respondents' words that raise none of its themes.",
                UserWarning, stacklevel=2)
        self.n_reference_, self.n_human_ = data.n_reference, data.n_human
        import pandas as pd

        self.training_counts_ = pd.DataFrame(
            {"positives": (y == 1).sum(0), "negatives": (y == 0).sum(0),
             "unknown": (y == -1).sum(0)}, index=pd.Index(self.themes_, name="theme"))
        missing = [t for t, n in zip(self.themes_, (y == 1).sum(0), strict=True) if n == 0]
        if missing:
            raise InputError(
                f"ThemeCoder.fit: theme(s) {', '.join(missing)} have no example phrasing in the "
                "codebook and no human-coded comment; add examples with Codebook.with_examples."
            )
        alone = [t for t, n in zip(self.themes_, (y == 0).sum(0), strict=True) if n == 0]
        if alone:
            raise InputError(
                f"ThemeCoder.fit: theme(s) {', '.join(alone)} have no counter-example (every "
                "training text is coded with them), so nothing tells the coder what they are "
                "not; add no_theme_examples or other themes to the codebook, or human-coded "
                "comments."
            )
        texts = self._read(texts)
        # Realistic coded comments (reference comments for the themes they were coded for, or
        # 20+ human-coded ones) teach how themes share a comment: one sentence counts less.
        realistic = data.realistic | (self.n_human_ >= 20)
        self.segment_weight_ = pd.Series(
            np.where(realistic, 0.25, 1.0) if self.segment_weight is None
            else float(self.segment_weight), index=list(self.themes_), name="segment_weight")
        clause_themes = self._clause_themes()  # checked even when a segment_weight is given
        self.clause_themes_ = clause_themes if self.segment_weight is None else ()
        x = self._embed(texts, shipped=True)
        self.dim_ = x.shape[1]
        segs = self._segments(texts)
        self.models_ = self._make_models(texts, x, y, w)
        oof = self._out_of_fold(texts, x, y, w, groups_a, segs)
        self.thresholds_ = calibrate(oof[:, :-1], y, groups_a, self.themes_,
                                     self.shrinkage)
        return self

    def _clause_themes(self) -> tuple[str, ...]:
        """The clause themes of the codebook (see ``clause_themes``), checked."""
        return clause_themes_of(self)

    def _segments(self, texts: Sequence[str]) -> Segments:
        """The parts of every text scored on their own (see :func:`scoring.segment_parts`)."""
        return segment_parts(texts, segments=self.segments)

    def _make_models(self, texts: Sequence[str], x: np.ndarray, y: np.ndarray, w: np.ndarray,
                     lexical: tuple[Any, Any] | None = None) -> dict[str, Any]:
        return make_models(texts, x, y, w, C=self.C, lexical_C=self.lexical_C,
                           random_state=self.random_state, lexical=lexical)

    def _score_raw(self, models: dict[str, Any], texts: Sequence[str], x: np.ndarray,
                   segs: Segments, x_seg: np.ndarray | None) -> np.ndarray:
        """The raw combined score of each text and theme (see :func:`scoring.combine_scores`)."""
        clause = np.isin(np.asarray(self.themes_), getattr(self, "clause_themes_", ()))
        return combine_scores(models, texts, x, segs, x_seg, lexical_weight=self.lexical_weight,
                              segment_weight=np.asarray(self.segment_weight_, dtype=float),
                              clause=clause)

    def _out_of_fold(self, texts: list[str], x: np.ndarray, y: np.ndarray, w: np.ndarray,
                     groups: np.ndarray,
                     segs: tuple[list[str], np.ndarray, np.ndarray]) -> np.ndarray:
        """Out-of-fold raw scores of every training text (for threshold calibration)."""
        from sklearn.model_selection import StratifiedKFold

        pos = y == 1
        primary = np.where(pos.any(1), pos.argmax(1), y.shape[1]) + groups * (y.shape[1] + 1)
        counts = np.bincount(primary)
        strata = np.where(counts[primary] >= self.n_splits, primary, -1)
        if (strata == -1).sum() and (strata == -1).sum() < self.n_splits:
            strata[strata == -1] = primary[strata != -1][0] if (strata != -1).any() else 0
        folds = StratifiedKFold(self.n_splits, shuffle=True, random_state=self.random_state)
        seg_texts, owner, kind = segs
        x_seg = self._embed(seg_texts, shipped=True) if seg_texts else None
        counts = _Counts([*texts, *seg_texts])
        oof = np.zeros((y.shape[0], y.shape[1] + 1), dtype=float)
        for train, test in folds.split(x, strata):
            train_texts = [texts[i] for i in train]
            models = self._make_models(train_texts, x[train], y[train], w[train],
                                       lexical=counts.tfidf(train_texts))
            keep = np.isin(owner, test) if seg_texts else np.zeros(0, dtype=bool)
            remap = {r: k for k, r in enumerate(test)}
            sub_segs = ([s for s, m in zip(seg_texts, keep, strict=True) if m],
                        np.asarray([remap[r] for r in owner[keep]], dtype=int), kind[keep])
            sub_xseg = x_seg[keep] if x_seg is not None else None
            oof[test] = self._score_raw(models, [texts[i] for i in test], x[test], sub_segs,
                                        sub_xseg)
        return oof

    def _check_fitted(self, method: str) -> None:
        if not hasattr(self, "thresholds_"):
            raise not_fitted(
                f"This ThemeCoder is not fitted yet: call fit() (zero-shot from the codebook) "
                f"or fit(comments, codes) before {method}()."
            )

    # scikit-learn's check_is_fitted and clone. ThemeCoder does not inherit
    # sklearn.base.BaseEstimator: importing carevoice.themes (and so every command of the CLI)
    # would then import scikit-learn. It has what they use: get_params, set_params and these.
    def __sklearn_is_fitted__(self) -> bool:
        return hasattr(self, "thresholds_")

    def __sklearn_tags__(self) -> Any:
        from sklearn.base import BaseEstimator

        tags = BaseEstimator.__sklearn_tags__(self)  # type: ignore[arg-type]
        tags.input_tags.string = True  # a frame of comments
        tags.input_tags.two_d_array = False
        return tags

    def with_embedder(self, embedder: Any) -> ThemeCoder:
        """A copy of this fitted coder that embeds new comments with ``embedder``.

        For an embedder that gives the same vectors under another wrapping (a
        :class:`carevoice.CachedEmbedder` in another folder, a progress bar): a coder loaded
        from a cache then embeds with the caller's. The fitted models are shared, not copied.

        Parameters
        ----------
        embedder : Embedder
            Must have the same ``name`` (model and version) as the embedder the coder was
            fitted with.

        Returns
        -------
        ThemeCoder

        Raises
        ------
        InputError
            When the names differ: the coder's models only fit vectors of its own model.
        """
        import copy

        self._check_fitted("with_embedder")
        have, given = getattr(self.embedder_, "name", None), getattr(embedder, "name", None)
        if have is None or given != have:
            raise InputError(f"The 'embedder' argument of ThemeCoder.with_embedder must be the "
                             f"model the coder was fitted with ({have!r}); got {given!r}.")
        twin = copy.copy(self)
        twin.embedder = twin.embedder_ = embedder
        return twin

    def decision_frame(self, comments: pd.DataFrame) -> pd.DataFrame:
        """Raw scores in [0, 1] before threshold rescaling, one column per theme.

        Parameters
        ----------
        comments : pandas.DataFrame
            With ``comment_id`` and ``text``.

        Returns
        -------
        pandas.DataFrame
            Same index as ``comments``; ``comment_id`` then one column per theme.
        """
        import pandas as pd

        self._check_fitted("decision_frame")
        texts, ids = _texts_of(comments, "comments", "decision_frame")
        raw = self._raw_scores(texts)[:, :-1]
        out = pd.DataFrame(raw, columns=list(self.themes_), index=comments.index)
        out.insert(0, COMMENT_ID, ids.to_numpy())
        return out

    def _read(self, texts: Sequence[str]) -> list[str]:
        """The texts as the coder reads them (see :func:`read_texts`)."""
        # a coder pickled before the denial reading existed reads as it was fitted
        return read_texts(texts, kin_carers=self.kin_carers, mentions=self.mentions,
                          denials=getattr(self, "denials", False))

    def _raw_scores(self, texts: list[str], embeddings: Any = None) -> np.ndarray:
        read = self._read(texts)
        segs = self._segments(read)
        if embeddings is None:
            x = self._embed(read)
        else:
            x = np.asarray(embeddings, dtype=np.float32)
            if x.ndim != 2 or x.shape[0] != len(texts) or (self.dim_ and x.shape[1] != self.dim_):
                raise InputError(
                    f"The 'embeddings' argument must be an array of shape ({len(texts)}, "
                    f"{self.dim_ or 'dim'}), one row per comment from the coder's embedder; "
                    f"got shape {getattr(x, 'shape', None)}."
                )
            x = np.where(np.array([bool(t.strip()) for t in texts])[:, None], x, 0.0)
            # The given vectors are of the texts as given (as written, or as model_text reads
            # them): re-embed the ones the coder reads otherwise (placeholders, kinship,
            # mentions), so that the codes never depend on a tag's number.
            changed = np.flatnonzero([r != t for r, t in zip(read, texts, strict=True)])
            if len(changed):
                x = x.copy()
                x[changed] = self._embed([read[i] for i in changed])
        x_seg = self._embed(segs[0]) if segs[0] else None
        return self._score_raw(self.models_, read, x, segs, x_seg)

    def _rescale(self, raw: np.ndarray) -> np.ndarray:
        return rescale(raw, self.thresholds_.to_numpy())

    def _assign(self, raw: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        return assign(raw, texts, self.thresholds_.to_numpy(), self.fallback)

    def score_frame(self, comments: pd.DataFrame, *, embeddings: Any = None) -> pd.DataFrame:
        """Calibrated scores, wide: one row per comment, one column per theme, plus no_theme.

        A score of 0.5 is the theme's threshold; ``no_theme`` is 1 minus the best theme score
        (for a comment with no assigned theme it is at least 0.5).

        Parameters
        ----------
        comments : pandas.DataFrame
            With ``comment_id`` and ``text``; missing or blank text scores 0 on every theme.
        embeddings : array of shape (n_comments, dim), optional
            The comments' vectors from the same embedder, when already computed (e.g. cached
            for discovery); only the sentences of long comments are then embedded, and the
            comments the coder reads otherwise than given (pseudonymisation tags, which it
            reads without their numbers: :func:`carevoice.placeholders.model_text`).

        Returns
        -------
        pandas.DataFrame
            Same index as ``comments``; ``comment_id``, the theme columns and ``no_theme``.
        """
        import pandas as pd

        self._check_fitted("score_frame")
        texts, ids = _texts_of(comments, "comments", "score_frame")
        raw = self._raw_scores(texts, embeddings)
        scores = self._rescale(raw[:, :-1])
        assigned = self._assign(raw, texts)
        # A fallback assignment sits just under 0.5; lift it to 0.5 so score >= 0.5 <=> assigned.
        scores = np.where(assigned, np.maximum(scores, 0.5), np.minimum(scores, 0.4999))
        out = pd.DataFrame(np.round(scores, 4), columns=list(self.themes_), index=comments.index)
        none = np.where(assigned.any(1), np.minimum(1 - scores.max(1, initial=0), 0.4999),
                        np.maximum(1 - scores.max(1, initial=0), 0.5)) if len(scores) else []
        out[NO_THEME] = np.round(none, 4)
        out.insert(0, COMMENT_ID, ids.to_numpy())
        return out

    def predict_proba(self, comments: pd.DataFrame, *, embeddings: Any = None) -> pd.DataFrame:
        """Alias of :meth:`score_frame` (scikit-learn naming); scores are not probabilities."""
        self._check_fitted("predict_proba")
        return self.score_frame(comments, embeddings=embeddings)

    def predict(self, comments: pd.DataFrame, *, min_score: float = 0.0,
                include_no_theme: bool = False, embeddings: Any = None) -> pd.DataFrame:
        """Code comments: a long frame with one row per comment and theme.

        Parameters
        ----------
        comments : pandas.DataFrame
            With ``comment_id`` and ``text``.
        min_score : float, default 0.0
            Drop unassigned rows scoring below this (assigned rows are always kept).
        include_no_theme : bool, default False
            Add a ``no_theme`` row per comment (assigned when no theme is).
        embeddings : array of shape (n_comments, dim), optional
            Precomputed comment vectors from the coder's embedder (see :meth:`score_frame`).

        Returns
        -------
        pandas.DataFrame
            Columns ``comment_id``, ``theme``, ``score`` (0-1, 0.5 = threshold) and ``assigned``
            (bool), ordered by comment then codebook order. A comment with no assigned theme is
            the explicit no-theme outcome.
        """
        import pandas as pd

        self._check_fitted("predict")
        if not isinstance(min_score, (int, float)) or isinstance(min_score, bool) or \
                not 0 <= min_score <= 1:
            raise InputError(
                f"The 'min_score' argument of ThemeCoder.predict must be a number in [0, 1]. "
                f"Got {min_score!r} instead."
            )
        wide = self.score_frame(comments, embeddings=embeddings)
        cols = list(self.themes_) + ([NO_THEME] if include_no_theme else [])
        long = wide.melt(id_vars=[COMMENT_ID], value_vars=cols, var_name="theme",
                         value_name="score", ignore_index=False)
        long["order"] = np.tile(np.arange(len(wide)), len(cols))
        long["theme_order"] = np.repeat(np.arange(len(cols)), len(wide))
        long["assigned"] = long["score"] >= 0.5
        long = long[long["assigned"] | (long["score"] >= min_score)]
        long = long.sort_values(["order", "theme_order"], kind="stable")
        out = long[[COMMENT_ID, "theme", "score", "assigned"]].reset_index(drop=True)
        out["assigned"] = out["assigned"].astype(bool)
        out["score"] = out["score"].astype(float)
        return pd.DataFrame(out)

    def nearest_examples(self, text: str, theme: str, k: int = 3) -> list[str]:
        """The codebook examples of ``theme`` closest in meaning to ``text``.

        Useful when reviewing a code: it shows which phrasings the comment resembles.

        Parameters
        ----------
        text : str
            A comment (or segment).
        theme : str
            A theme id.
        k : int, default 3
            How many examples.

        Returns
        -------
        list of str
        """
        self._check_fitted("nearest_examples")
        if theme not in self.themes_:
            raise InputError(
                f"The 'theme' argument of nearest_examples must be one of "
                f"{', '.join(self.themes_)}; got {theme!r}."
            )
        examples = list(self.codebook_[theme].examples)
        if not examples or not str(text).strip():
            return []
        vectors = self._embed(self._read([str(text)]) + examples)
        sims = vectors[1:] @ vectors[0]
        order = np.argsort(-sims, kind="stable")[:k]
        return [examples[i] for i in order]
