"""The pseudonymisation step: :func:`detect_pii`, :func:`resolve_spans` and :func:`pseudonymise`.

Detection and replacement meet only in a spans table, so a notebook can stop after
:func:`detect_pii`, inspect or edit the spans, and hand them back to :func:`pseudonymise`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..schema import (
    COMMENT_ID,
    MIN_SCORE_CEILING,
    MIN_SCORE_LABELS,
    SPAN_COLUMNS,
    Corpus,
    Detector,
)
from ._base import check_comments, spans_frame, texts_by_id
from ._word_kinds import countries_as_places, drop_emoticons, drop_music_genres
from .animals import drop_pet_names
from .boundaries import cut_between_names, cut_time_words, joinable_gap, split_at_boundaries
from .brand_names import people_with_brand_names
from .harm import drop_harm_words
from .joins import (
    bridge_spans,
    join_age_groups,
    join_hyphenated,
    join_initials,
    join_place_prefixes,
    join_title_runs,
    propagate_spans,
    trim_leading_words,
)
from .keys import ReidentificationKey, write_key
from .leak_shapes import shape_words
from .neighbours import (
    homes_in_a_row,
    organisations_after_people,
    people_from_organisations,
    people_in_addresses,
)
from .normalise import detection_frame, map_spans_back
from .places import places_after_found
from .public_names import drop_public_names
from .replace import MODES, ReplaceConfig, Replacer, as_secret, replace_spans
from .review import IN_OUTPUT, ReviewConfig, review_table, stale_note
from .review_decisions import (
    Decided,
    clear_rejected,
    decide_shapes,
    decide_spans,
    open_review_rows,
    unconfirmed_note,
    unconfirmed_rejects,
)
from .shape_review import shape_review_table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "PseudonymisationResult",
    "PseudonymiseConfig",
    "check_min_score",
    "default_detectors",
    "detect_pii",
    "min_score_note",
    "previous_mapping",
    "propagate_spans",
    "pseudonymise",
    "resolve_spans",
    "split_min_score",
]

#: Detectors that are statistical models rather than rules: a merged span takes a rule's label
#: over theirs (:func:`resolve_spans`).
STATISTICAL_DETECTORS: tuple[str, ...] = ("spacy", "learned")

#: Detectors whose spans ``min_score`` never sets aside (:func:`split_min_score`): patterns
#: and identifiers said aloud.
PATTERN_DETECTORS: tuple[str, ...] = ("patterns", "spoken")

#: When two overlapping spans score the same, the label earlier in this list wins.
LABEL_PRIORITY: tuple[str, ...] = ("EMAIL", "PHONE", "ID", "POSTCODE", "ADDRESS", "HANDLE",
                                   "DATE", "PERSON", "ORG", "LOCATION", "OTHER_SCRIPT")


@dataclass(frozen=True)
class PseudonymiseConfig:
    """Settings of :func:`pseudonymise`.

    Parameters
    ----------
    mode : {"tags", "surrogates", "redact"}, default "tags"
        See :class:`carevoice.pseudonymise.replace.ReplaceConfig`.
    redaction : str, default "[REDACTED]"
        The replacement in ``"redact"`` mode.
    tag_style : {"label", "words"}, default "label"
        Tags written ``[PERSON_1]`` or ``[Person 1]``.
    locale : str, default "en_GB"
        The Faker locale of surrogate places, streets, organisations and user names (people's
        surrogate names come from fixed British, Irish, New Zealand and US lists).
    review_threshold : float, default 0.6
        Spans scoring below it (or found only by weak detectors) are listed for review. They are
        masked all the same unless a reviewer rejects them.
    min_score : float, default 0.0
        Name, place and organisation spans (:data:`carevoice.schema.MIN_SCORE_LABELS`) that
        no pattern found and that score below it are left unmasked, for precision when a
        review showed that the least confident spans are mostly noise; at most
        :data:`carevoice.schema.MIN_SCORE_CEILING` (0.6, the default review threshold), so it
        only ever drops spans that would have gone to review. Phone numbers, emails, handles,
        dates, addresses, postcodes and ID numbers are masked whatever it is
        (:func:`split_min_score`). The spans it
        drops are counted in ``notes``, listed in ``review`` with ``in_output``
        ``"unmasked (min_score)"`` and a blank decision (write ``"accept"`` to mask them,
        ``"reject"`` to say they are no name) and warned about. Keep it at 0 unless you need it:
        a missed name is worse than an extra mask.
    batch_size : int, default 256
        Texts per spaCy batch.
    n_process : int, default 1
        spaCy processes (used from 2,000 distinct texts on).
    use_spacy : bool, default True
        Run the spaCy named-entity recogniser. Turning it off lowers recall; it exists for
        quick experiments only.
    use_learned : bool, default True
        Run the learned token model (:class:`carevoice.pseudonymise.learned.TokenModelDetector`).
        Turning it off lowers recall on names written with no cue; it exists to measure what
        the model adds.
    token_model : str or pathlib.Path, optional
        A token model of your own (:func:`carevoice.pseudonymise.learned.train_token_model`,
        saved with ``TokenModel.save``) instead of the packaged one.

    Examples
    --------
    >>> PseudonymiseConfig(mode="redact").replace_config().redaction
    '[REDACTED]'
    """

    mode: str = "tags"
    redaction: str = "[REDACTED]"
    tag_style: str = "label"
    locale: str = "en_GB"
    review_threshold: float = 0.6
    min_score: float = 0.0
    batch_size: int = 256
    n_process: int = 1
    use_spacy: bool = True
    use_learned: bool = True
    token_model: str | Path | None = None

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise InputError(f"The 'mode' parameter must be one of {list(MODES)}. "
                             f"Got {self.mode!r} instead.")
        self.replace_config()  # checks redaction, tag_style and locale
        value = self.review_threshold
        if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
            raise InputError("The 'review_threshold' parameter must be a float in the range "
                             f"[0, 1]. Got {value!r} instead.")
        check_min_score(self.min_score)
        for name in ("batch_size", "n_process"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise InputError(f"The {name!r} parameter must be an int in the range [1, inf). "
                                 f"Got {value!r} instead.")
        for name in ("use_spacy", "use_learned"):
            if not isinstance(getattr(self, name), bool):
                raise InputError(f"The {name!r} parameter must be a bool. "
                                 f"Got {getattr(self, name)!r}.")
        if self.token_model is not None and not Path(self.token_model).is_file():
            raise InputError(f"The 'token_model' parameter must be the path of a saved token "
                             f"model. {str(self.token_model)!r} is not a file.")

    def replace_config(self) -> ReplaceConfig:
        """Return the matching :class:`ReplaceConfig`.

        Returns
        -------
        ReplaceConfig
        """
        return ReplaceConfig(mode=self.mode, redaction=self.redaction, locale=self.locale,
                             tag_style=self.tag_style)

    def review_config(self) -> ReviewConfig:
        """Return the matching :class:`ReviewConfig`.

        Returns
        -------
        ReviewConfig
        """
        return ReviewConfig(threshold=float(self.review_threshold))


def check_min_score(value: object, name: str = "min_score") -> None:
    """Refuse a ``min_score`` that is not a number in [0, :data:`MIN_SCORE_CEILING`].

    Parameters
    ----------
    value : object
    name : str, default "min_score"
        How the error names the setting.

    Raises
    ------
    InputError

    Examples
    --------
    >>> check_min_score(0.5)
    >>> check_min_score(0.75)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carevoice.errors.InputError: The 'min_score' parameter must be a number in the range [0, 0.6]...
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool) and (
            0.0 <= value <= MIN_SCORE_CEILING):
        return
    raise InputError(
        f"The {name!r} parameter must be a number in the range [0, {MIN_SCORE_CEILING}]. Got "
        f"{value!r} instead. It leaves unmasked the names, places and organisations that no "
        f"pattern found and that score below it; above {MIN_SCORE_CEILING} (the default "
        "review threshold) most of what it would leave are real names. To take back masks "
        "that hurt readability, review them instead (write_review / --review-file, then "
        "--decisions).")


def split_min_score(spans: pd.DataFrame, min_score: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split spans into those to mask and the name, place and organisation spans that score
    below ``min_score``.

    Only spans of the labels :data:`carevoice.schema.MIN_SCORE_LABELS` that no pattern found
    are ever set aside: a phone number, email, handle, date, address, postcode or ID number,
    and a name a pattern found ("Meadowbank children's home", the road "A38"), is masked
    whatever its score.

    Parameters
    ----------
    spans : pandas.DataFrame
        Resolved spans (``label`` and ``score`` columns); not modified.
    min_score : float

    Returns
    -------
    tuple of pandas.DataFrame
        The spans to mask, and those set aside (both with fresh indexes).

    Examples
    --------
    >>> raw = spans_frame([("c1", 0, 3, "PERSON", 0.45, "names:capitalised"),
    ...                    ("c1", 9, 22, "PHONE", 0.4, "patterns:phone"),
    ...                    ("c1", 30, 33, "LOCATION", 0.5, "patterns:road_number")])
    >>> kept, below = split_min_score(raw, 0.5)
    >>> kept["label"].tolist(), below["label"].tolist()
    (['PHONE', 'LOCATION'], ['PERSON'])
    """
    if min_score <= 0 or not len(spans):
        return spans.reset_index(drop=True), spans.iloc[:0].reset_index(drop=True)
    by_pattern = spans["detector"].map(
        lambda d: any(p.startswith(PATTERN_DETECTORS) for p in str(d).split("+")))
    low = (spans["score"] < min_score) & spans["label"].isin(MIN_SCORE_LABELS) & ~by_pattern
    return spans[~low].reset_index(drop=True), spans[low].reset_index(drop=True)


def min_score_note(below: pd.DataFrame, min_score: float, where: str) -> str:
    """What a person should know about the spans ``min_score`` left unmasked (ids, no text).

    Parameters
    ----------
    below : pandas.DataFrame
        The spans set aside by :func:`split_min_score`.
    min_score : float
    where : str
        Where they are listed, and how to mask them after all.

    Returns
    -------
    str
    """
    from ..errors import format_ids

    labels = ", ".join(f"{lab} {n}" for lab, n in below["label"].value_counts().items())
    ids = list(dict.fromkeys(below[COMMENT_ID].map(str)))
    return (f"min_score = {min_score} left {len(below)} name, place or organisation span(s) "
            f"unmasked ({labels}) in {len(ids)} comment(s): {format_ids(ids)}. {where} "
            "Phone numbers, emails, handles, dates, addresses, postcodes and ID numbers are "
            "masked whatever min_score.")


def default_detectors(config: PseudonymiseConfig | None = None) -> tuple[Detector, ...]:
    """Return the default detectors: patterns, identifiers said aloud, names, places and
    (unless turned off) spaCy and the learned token model.

    Parameters
    ----------
    config : PseudonymiseConfig, optional

    Returns
    -------
    tuple of Detector

    Examples
    --------
    >>> [d.name for d in default_detectors()]
    ['patterns', 'spoken', 'names', 'places', 'spacy', 'learned']
    """
    from .learned import TokenModelDetector
    from .names import NameDetector
    from .patterns import PatternDetector
    from .places import PlaceDetector
    from .spoken import SpokenDetector
    from .tagger import SpacyDetector

    config = config or PseudonymiseConfig()
    detectors: list[Detector] = [PatternDetector(), SpokenDetector(), NameDetector(),
                                 PlaceDetector()]
    if config.use_spacy:
        detectors.append(SpacyDetector(batch_size=config.batch_size, n_process=config.n_process))
    if config.use_learned:
        detectors.append(TokenModelDetector(model_path=config.token_model))
    return tuple(detectors)


def resolve_spans(spans: pd.DataFrame, *, comments: pd.DataFrame | None = None,
                  join_gap: int = 1) -> pd.DataFrame:
    """Merge overlapping spans of a comment into one, and join same-label neighbours.

    The merged span takes the label of a rule's part that covers all of it where one does (the
    club "Westfield Rangers", not the town "Westfield" inside it), else of the learned token
    model's part covering it, else of its best-scoring part (ties broken by
    :data:`LABEL_PRIORITY`); the highest score; and the names of every detector that found a
    part (joined by ``+``).

    Parameters
    ----------
    spans : pandas.DataFrame
        Raw spans from one or more detectors.
    comments : pandas.DataFrame, optional
        The comments the spans point into. Neighbours are joined only where the text between
        them can be read (see below); without it, only overlapping and touching spans merge.
    join_gap : int, default 1
        Spans with the same label separated by at most this many spaces ("Kai" + "Brennan"),
        or by one hyphen or apostrophe inside a word ("Jayden" + "Lee" in "Jayden-Lee"), are
        joined; a comma, "&", "/", a full stop or a line break keeps them apart ("Kai,Tyler"
        are two people). 0 turns joining off.

    Returns
    -------
    pandas.DataFrame
        Non-overlapping spans, sorted by comment (in order of appearance) and start.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = spans_frame([("c1", 0, 3, "PERSON", 0.9, "names"), ("c1", 0, 11, "PERSON", 0.8,
    ...                    "spacy")])
    >>> resolve_spans(raw)[["start", "end", "detector"]].values.tolist()
    [[0, 11, 'names+spacy']]
    >>> c = pd.DataFrame({"comment_id": ["c1"], "text": ["Kai,Tyler and Jo Brennan"]})
    >>> raw = spans_frame([("c1", 0, 3, "PERSON", 0.9, "names"), ("c1", 4, 9, "PERSON", 0.9,
    ...                    "names"), ("c1", 14, 16, "PERSON", 0.9, "names"),
    ...                    ("c1", 17, 24, "PERSON", 0.9, "names")])
    >>> resolve_spans(raw, comments=c)[["start", "end"]].values.tolist()
    [[0, 3], [4, 9], [14, 24]]
    """
    if spans.empty:
        return spans_frame([])
    order = {cid: i for i, cid in enumerate(dict.fromkeys(spans[COMMENT_ID].map(str)))}
    rank = {lab: i for i, lab in enumerate(LABEL_PRIORITY)}
    rows = sorted(
        ((str(c), int(s), int(e), str(lab), float(sc), str(d)) for c, s, e, lab, sc, d in
         spans[list(SPAN_COLUMNS)].itertuples(index=False) if int(e) > int(s)),
        key=lambda r: (order[r[0]], r[1], -r[2]),
    )
    texts = texts_by_id(comments) if comments is not None else {}
    merged: list[list[Any]] = []  # comment, start, end, label, score, detectors, parts
    for cid, start, end, label, score, det in rows:
        last = merged[-1] if merged else None
        joinable = (last is not None and last[0] == cid and last[3] == label and join_gap > 0
                    and (start == last[2] or (cid in texts and joinable_gap(
                        texts[cid], last[2], start, join_gap))))
        if last is not None and last[0] == cid and (start < last[2] or joinable):
            last[2] = max(last[2], end)
            last[4] = max(last[4], score)
            last[5] = last[5] | {det}
            last[6].append((start, end, label, score, det))
        else:
            merged.append([cid, start, end, label, score, {det}, [(start, end, label, score, det)]])
    return spans_frame((c, s, e, _merged_label(s, e, parts, rank), sc, "+".join(sorted(d)))
                       for c, s, e, _, sc, d, parts in merged)


def _merged_label(start: int, end: int, parts: list[tuple[int, int, str, float, str]],
                  rank: dict[str, int]) -> str:
    """The label of a merged span: that of a rule's part covering all of it, if one does
    ("Westfield Rangers" as a club, not the "Westfield" inside it as a place), else of the
    learned token model's part covering all of it, else of the best part not from that model;
    ties go to the higher score, then to :data:`LABEL_PRIORITY`. spaCy's spans do not count as
    covering: they often run over a neighbour ("ref CS-0048172" as an organisation)."""
    covering = [p for p in parts if p[0] == start and p[1] == end]
    whole = [p for p in covering if not p[4].startswith(STATISTICAL_DETECTORS)]
    # then the learned model's reading of the whole run of words ("Speak Up Northfield" as an
    # organisation); its probabilities are not comparable with the rules' scores, so it does
    # not outrank a rule's part otherwise
    learned = [p for p in covering if p[4] == "learned"]
    found = [p for p in parts if p[4] != "learned"]
    return max(whole or learned or found or parts, key=lambda p: (p[3], -rank.get(p[2], 99)))[2]



def _as_comments(data: Corpus | pd.DataFrame) -> pd.DataFrame:
    if isinstance(data, Corpus):
        return data.comments
    return check_comments(data)


def detect_pii(comments: Corpus | pd.DataFrame, detectors: Sequence[Detector] | None = None, *,
               config: PseudonymiseConfig | None = None, resolve: bool = True) -> pd.DataFrame:
    """Find personal data in comments.

    Parameters
    ----------
    comments : pandas.DataFrame or Corpus
        With ``comment_id`` and ``text`` (missing, empty and non-string cells are allowed).
    detectors : sequence of Detector, optional
        Defaults to :func:`default_detectors`.
    config : PseudonymiseConfig, optional
    resolve : bool, default True
        Merge overlapping spans (:func:`resolve_spans`); False returns every detector's spans.

    Returns
    -------
    pandas.DataFrame
        Columns ``comment_id, start, end, label, score, detector``; offsets into the original
        text.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise import PatternDetector
    >>> frame = pd.DataFrame({"comment_id": ["c1"], "text": ["call 07700 900123"]})
    >>> detect_pii(frame, [PatternDetector()])["label"].tolist()
    ['PHONE']
    """
    import pandas as pd

    frame = check_comments(_as_comments(comments))
    config = config or PseudonymiseConfig()
    detectors = tuple(detectors) if detectors is not None else default_detectors(config)
    for det in detectors:
        if not isinstance(det, Detector):
            raise InputError("Every detector must have a 'name' and a 'detect(comments)' method "
                             f"(the carevoice.schema.Detector protocol). Got {type(det).__name__}.")
    # the detectors read a normalised view of each comment (full-width letters, decomposed
    # accents, invisible characters, look-alikes seen through); spans map back to the original
    frame, views = detection_frame(frame)
    parts = [det.detect(frame) for det in detectors]
    parts = [p for p in parts if len(p)]
    spans = pd.concat(parts, ignore_index=True) if parts else spans_frame([])
    # no span crosses a line break or reaches into carevoice's own placeholders ("[PERSON_1]"
    # from an earlier run), whichever detector found it, and no name's span takes in a word of
    # time ("call mckenzie tonight")
    marks = (config.redaction,)
    spans = join_place_prefixes(frame, join_hyphenated(frame, cut_between_names(
        frame, cut_time_words(frame, split_at_boundaries(frame, spans, extra=marks)))))
    spans = people_in_addresses(frame, people_from_organisations(frame, homes_in_a_row(
        frame, organisations_after_people(frame, places_after_found(frame, spans)))))
    # a public name is no one's personal data ("a job at Primark", "a Man United shirt",
    # "Rashford"): not masked, nor masked elsewhere in turn
    spans = drop_public_names(frame, spans)
    # a brand no detector masks that is also a name is masked where it is said of a person
    # ("my support worker Costa", "Costa said"), and left as a brand ("a job at Costa")
    spans = people_with_brand_names(frame, spans)
    # an animal's name is not a person's, a music genre or an emoticon (":D") is no name, and a word
    # that discloses harm is no one's name ("Cuckooing happened to me"): none is masked, nor
    # masked elsewhere in turn
    spans = join_initials(frame, propagate_spans(frame, drop_harm_words(
        frame, drop_emoticons(frame, drop_music_genres(frame, drop_pet_names(frame, spans))))))
    spans = split_at_boundaries(frame, spans, extra=marks)
    spans = (trim_leading_words(frame, join_age_groups(frame, join_title_runs(frame, bridge_spans(
        frame, resolve_spans(spans, comments=frame))))) if resolve
        else spans_frame(spans.itertuples(index=False)))
    # a country is a place, whichever detector found it ("from brazil" read as an organisation)
    spans = countries_as_places(frame, cut_time_words(
        frame, split_at_boundaries(frame, spans, extra=marks)))
    # In the comments' own order (then by offset), whatever order the detectors found them in,
    # so that the same comments give the same table however they are chunked.
    if len(spans):
        import numpy as np

        position = {cid: i for i, cid in enumerate(frame[COMMENT_ID].astype(str))}
        key = spans[COMMENT_ID].astype(str).map(position).fillna(len(position))
        order = np.lexsort((spans["end"].to_numpy(), spans["start"].to_numpy(), key.to_numpy()))
        spans = spans.iloc[order].reset_index(drop=True)
    return map_spans_back(spans, views)


@dataclass(frozen=True)
class PseudonymisationResult:
    """What :func:`pseudonymise` returns.

    Attributes
    ----------
    comments : pandas.DataFrame
        A copy of the input comments with ``text`` pseudonymised (same index and columns).
    spans : pandas.DataFrame
        The spans that were replaced (offsets into the original text).
    review : pandas.DataFrame
        The spans that need a person's decision, with context (holds original text), and the
        words in a shape of a missed name that no span stands for (``detector``
        ``"shape:..."``, score 0).
    key : ReidentificationKey
        The occurrences of each replaced entity (holds original text). Write it encrypted with
        :meth:`write_key`; it is never written otherwise.
    notes : tuple of str
        What a person should know about the run (no text): surrogates carried over from a
        previous wave that had to change, and the spans ``min_score`` left unmasked (also
        counted in ``spans.attrs["below_min_score"]`` and listed in ``review``).
    cleared_shapes : tuple of (str, int, int)
        The words in a shape of a missed name that a reviewer said are no name (``reject``),
        as ``(comment_id, out_start, out_end)`` in the pseudonymised text: the review flags
        (:func:`carevoice.pseudonymise.review_flags`) do not read them again.
    """

    comments: pd.DataFrame = field(repr=False)
    spans: pd.DataFrame = field(repr=False)
    review: pd.DataFrame = field(repr=False)
    key: ReidentificationKey = field(repr=False)
    mode: str = "tags"
    notes: tuple[str, ...] = ()
    cleared_shapes: tuple[tuple[str, int, int], ...] = ()

    def __repr__(self) -> str:
        n_comments = self.spans[COMMENT_ID].nunique() if len(self.spans) else 0
        return (f"PseudonymisationResult({len(self.comments)} comments, {len(self.spans)} spans "
                f"replaced in {n_comments} comments, {len(self.review)} for review, "
                f"mode={self.mode!r})")

    def write_key(self, path: str | Path, secret: bytes | str, *, overwrite: bool = False) -> Path:
        """Encrypt the re-identification key with ``secret`` and write it to ``path``.

        Parameters
        ----------
        path : str or pathlib.Path
        secret : bytes or str
            The secret the comments were pseudonymised with.
        overwrite : bool, default False

        Returns
        -------
        pathlib.Path
        """
        return write_key(path, self.key, secret, overwrite=overwrite)

    def counts(self) -> pd.DataFrame:
        """Spans replaced per label (no text).

        Returns
        -------
        pandas.DataFrame
        """
        return self.spans.groupby("label").size().rename("n").reset_index()


def previous_mapping(previous_key: ReidentificationKey | str | Path, secret: bytes | None,
                     mode: str) -> pd.DataFrame:
    """Return the entity table of a previous wave's key, checked against the secret and mode.

    What :func:`pseudonymise` (and the batch runner) do with ``previous_key``: a key file is
    opened with ``secret``; a key made under another secret, or in another mode, is refused.

    Parameters
    ----------
    previous_key : ReidentificationKey, str or pathlib.Path
        The earlier wave's key, or the path of its encrypted key file.
    secret : bytes or None
        This run's project secret (None is refused: a wave continues under its secret only).
    mode : str
        This run's replacement mode.

    Returns
    -------
    pandas.DataFrame
        :data:`carevoice.pseudonymise.replace.MAPPING_COLUMNS`, for
        :class:`carevoice.pseudonymise.replace.Replacer`'s ``previous``.

    Raises
    ------
    InputError
        If there is no secret, the key cannot be opened with it (:class:`KeyFileError`), was
        made under another secret or in another mode.
    """
    from .keys import entity_table, read_key, secret_check

    if secret is None:
        raise InputError("The 'previous_key' argument needs the project secret the previous wave "
                         "was pseudonymised with: pass secret=...")
    key = previous_key if isinstance(previous_key, ReidentificationKey) else read_key(
        previous_key, secret)
    if key.secret_check is not None and key.secret_check != secret_check(secret):
        raise InputError("The 'previous_key' was made under another project secret; a wave can "
                         "only continue one pseudonymised with the same secret.")
    if key.mode != mode:
        raise InputError(f"The 'previous_key' was written in mode {key.mode!r} and this run uses "
                         f"mode {mode!r}; use the same mode in every wave.")
    return entity_table(key)


def pseudonymise(comments: Corpus | pd.DataFrame, config: PseudonymiseConfig | None = None, *,
                 secret: bytes | str | None = None, detectors: Sequence[Detector] | None = None,
                 spans: pd.DataFrame | None = None, decisions: pd.DataFrame | None = None,
                 previous_key: ReidentificationKey | str | Path | None = None,
                 ) -> PseudonymisationResult:
    """Detect and replace personal data in comments.

    Parameters
    ----------
    comments : pandas.DataFrame or Corpus
        With ``comment_id`` and ``text``; other columns pass through. Not modified.
    config : PseudonymiseConfig, optional
    secret : bytes or str, optional
        The project secret that makes replacements keyed and repeatable (see
        :func:`carevoice.pseudonymise.generate_secret`). Without one, a random secret is used:
        replacements are consistent within this call only.
    detectors : sequence of Detector, optional
        Defaults to :func:`default_detectors`.
    spans : pandas.DataFrame, optional
        Use these spans (e.g. edited after :func:`detect_pii`) instead of detecting.
    decisions : pandas.DataFrame, optional
        Review decisions from :func:`carevoice.pseudonymise.read_decisions`: on spans, and on
        the words in a shape of a missed name the review table lists (``detector``
        ``"shape:..."``), which ``accept`` masks and ``reject`` clears
        (:func:`carevoice.pseudonymise.shape_review.decide_shape_words`).
    previous_key : ReidentificationKey, str or pathlib.Path, optional
        The key of an earlier survey wave pseudonymised with the same ``secret`` and mode (a
        key file is opened with ``secret``): people, places and organisations met there keep
        their tag or surrogate, new ones are numbered after them, and no new one gets a
        surrogate used there. A carried surrogate that has become a real name in this wave's
        data is drawn again (counted in ``notes``). The new key carries both waves' entities
        on to the next wave.

    Returns
    -------
    PseudonymisationResult

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise import NameDetector, PatternDetector
    >>> frame = pd.DataFrame({"comment_id": ["c1", "c2"],
    ...                       "text": ["me and kai went", "Kai rang 07700 900123"]})
    >>> result = pseudonymise(frame, detectors=[PatternDetector(), NameDetector()])
    >>> result.comments["text"].tolist()
    ['me and [PERSON_1] went', '[PERSON_1] rang [PHONE_1]']
    """
    from .keys import secret_check, text_digests

    config = config or PseudonymiseConfig()
    frame = check_comments(_as_comments(comments))
    secret_b = as_secret(secret) if secret is not None else None
    previous = (previous_mapping(previous_key, secret_b, config.mode)
                if previous_key is not None else None)
    spans = (detect_pii(frame, detectors, config=config) if spans is None
             else _given_spans(spans, frame))
    decided = Decided()  # what review decisions did (nothing without them)
    unconfirmed: tuple[str, ...] = ()
    if decisions is not None:  # a reject the tool may have written is no person's word
        decisions, unconfirmed = unconfirmed_rejects(
            decisions, split_min_score(spans, config.min_score)[1])
        spans, decided = decide_spans(spans, decisions, frame,
                                      split_min_score(spans, config.min_score)[1])
    spans, below = split_min_score(spans, config.min_score)  # accepted spans score 1.0
    run_secret = secret_b if secret_b is not None else as_secret(None)
    replacer = Replacer(run_secret, config.replace_config(), previous=previous)
    out, occurrences = replace_spans(frame, spans, replacer=replacer)
    words = shape_words(frame, out, occurrences)
    cleared: tuple[tuple[str, int, int], ...] = ()
    if decisions is not None and len(words):  # a shape's word decided: masked, or no name
        accepted, rejected, decided = decide_shapes(words, decisions, frame, decided)
        if len(accepted):  # masked as a detected span is, by a replacer made afresh
            spans = _with_spans(spans, accepted, frame)
            replacer = Replacer(run_secret, config.replace_config(), previous=previous)
            out, occurrences = replace_spans(frame, spans, replacer=replacer)
            words = shape_words(frame, out, occurrences)
        words, cleared = clear_rejected(words, rejected)
    review = review_table(frame, spans, config.review_config())
    if decisions is not None:
        review = open_review_rows(review, decisions, decided.stale)
    if len(below):  # left unmasked: listed for review as rejected, so a person sees them
        review = _review_with(review, review_table(frame, below, ReviewConfig(threshold=1.0))
                              .assign(in_output=IN_OUTPUT["set_aside"]), frame)
    if len(words):  # the words no span stands for, in a shape of a missed name
        review = _review_with(review, shape_review_table(frame, words, config.review_config()),
                              frame)
    key = ReidentificationKey(occurrences, config.mode, digests=text_digests(out, occurrences),
                              mapping=replacer.mapping(),
                              secret_check=secret_check(secret_b) if secret_b else None)
    notes: tuple[str, ...] = ()
    if replacer.redrawn:
        note = (f"{replacer.redrawn} surrogate(s) carried over from the previous wave are now "
                "a real name or word in this wave's data and were drawn again")
        notes = (note,)
    if decided.stale:
        notes = (*notes, stale_note(decided.stale))
    if unconfirmed:
        notes = (*notes, unconfirmed_note(unconfirmed))
    spans.attrs["below_min_score"] = len(below)
    if decisions is not None:
        spans.attrs["decisions"], spans.attrs["stale_decisions"] = decided.counts, decided.stale
    if len(below):
        import warnings

        note = min_score_note(below, config.min_score, "They are listed in the review table "
                              "as 'unmasked (min_score)' in 'in_output': write 'accept' to "
                              "mask them, 'reject' to say they are no name.")
        notes = (*notes, note)
        warnings.warn(note, UserWarning, stacklevel=2)
    return PseudonymisationResult(out, spans, review, key, config.mode, notes, cleared)


def _given_spans(spans: pd.DataFrame, comments: pd.DataFrame) -> pd.DataFrame:
    """The caller's ``spans`` (``score`` 1.0 and ``detector`` ``"given"`` where it has none),
    resolved as detected spans are (:func:`resolve_spans`)."""
    missing = [c for c in (COMMENT_ID, "start", "end", "label") if c not in spans.columns]
    if missing:
        raise InputError(f"The 'spans' frame lacks the column(s) {missing}.")
    spans = spans.copy()
    for col, default in (("score", 1.0), ("detector", "given")):
        if col not in spans:
            spans[col] = default
    return resolve_spans(spans_frame(spans[list(SPAN_COLUMNS)].itertuples(index=False)),
                         comments=comments)


def _with_spans(spans: pd.DataFrame, more: pd.DataFrame, comments: pd.DataFrame
                ) -> pd.DataFrame:
    """``spans`` and ``more`` (which overlap none of them), in the comments' order."""
    import pandas as pd

    table = pd.concat([spans, more.astype({"start": spans["start"].dtype,
                                           "end": spans["end"].dtype})], ignore_index=True)
    position = {cid: i for i, cid in enumerate(comments[COMMENT_ID].map(str))}
    order = table[COMMENT_ID].astype(str).map(position)
    out = table.assign(_order=order).sort_values(["_order", "start"], kind="stable").drop(
        columns="_order").reset_index(drop=True)
    out.attrs = dict(spans.attrs)
    return out


def _review_with(review: pd.DataFrame, below: pd.DataFrame,
                 comments: pd.DataFrame) -> pd.DataFrame:
    """The review table with more rows (the spans ``min_score`` left unmasked, the words in
    a shape of a missed name), in the comments' order; every decision blank."""
    import pandas as pd

    table = pd.concat([review, below], ignore_index=True)
    position = {cid: i for i, cid in enumerate(comments[COMMENT_ID].map(str))}
    order = table[COMMENT_ID].map(position)
    return table.assign(_order=order).sort_values(["_order", "start"], kind="stable").drop(
        columns="_order").reset_index(drop=True)
