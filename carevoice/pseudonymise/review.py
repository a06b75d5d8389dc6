"""Human review of uncertain spans: export them to CSV, read the decisions back, apply them.

Spans below a confidence threshold, or found only by weaker detectors (the capitalised-word and
misspelling rules, low-score patterns), are written to a CSV with a ``decision`` column. A person
writes ``accept`` or ``reject`` (or leaves it blank: the span stays masked, since a missed name is
worse than an extra mask) and may correct the ``label``. On the next run the decisions are
applied by ``comment_id`` and offsets, and checked against a fingerprint of the span text so
that a decision never lands on a different span after the data changed.

The review file holds the span text and a little context around it: it is as sensitive as the
raw comments and is written only to the path the user gives.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..errors import InputError, format_ids
from ..schema import COMMENT_ID, PII_LABELS, TEXT
from ._base import as_text, check_comments
from .leak_shapes import LEAK_SHAPES, screen_leak_shapes

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .core import PseudonymisationResult

__all__ = [
    "IN_OUTPUT",
    "REVIEW_COLUMNS",
    "REVIEW_REASONS",
    "ReviewConfig",
    "apply_decisions",
    "is_set_aside_row",
    "is_shape_row",
    "misplaced_decisions",
    "needs_review",
    "read_decisions",
    "review_flags",
    "review_table",
    "stale_note",
    "with_review_column",
    "with_span_text",
    "write_review",
    "write_review_table",
]

#: Columns of the review CSV. ``in_output`` says what the run did with the row's words
#: (:data:`IN_OUTPUT`); ``decision`` is always written blank, for a person alone to fill in.
REVIEW_COLUMNS: tuple[str, ...] = (
    COMMENT_ID, "start", "end", "label", "score", "detector", "span_text", "context",
    "fingerprint", "in_output", "decision",
)

#: The values of the review file's ``in_output`` column: what the run did with the words of
#: a row (the span masked; a span ``min_score`` left unmasked; a word in a shape of a missed
#: name that no span stands for, unmasked).
IN_OUTPUT: Mapping[str, str] = MappingProxyType({
    "masked": "masked", "set_aside": "unmasked (min_score)", "shape": "unmasked (no span)"})

_ACCEPT = {"accept", "accepted", "a", "yes", "y", "keep", "mask", "1", "true"}
_REJECT = {"reject", "rejected", "r", "no", "n", "drop", "not pii", "0", "false"}


@dataclass(frozen=True)
class ReviewConfig:
    """Which spans go to review.

    Parameters
    ----------
    threshold : float, default 0.6
        Spans scoring below this go to review.
    weak_detectors : tuple of str
        Default ``("names:capitalised", "names:fuzzy", "names:context", "propagate",
        "learned")``.
        Spans found only by these detectors go to review whatever their score.
    context : int, default 40
        Characters of context on each side in the review file.

    Examples
    --------
    >>> ReviewConfig(threshold=0.7).threshold
    0.7
    """

    threshold: float = 0.6
    weak_detectors: tuple[str, ...] = ("names:capitalised", "names:fuzzy", "names:context",
                                       "propagate", "learned")
    context: int = 40

    def __post_init__(self) -> None:
        if not isinstance(self.threshold, (int, float)) or not 0.0 <= self.threshold <= 1.0:
            raise InputError("The 'threshold' parameter of ReviewConfig must be a float in the "
                             f"range [0, 1]. Got {self.threshold!r} instead.")
        if not isinstance(self.weak_detectors, tuple):
            raise InputError("The 'weak_detectors' parameter of ReviewConfig must be a tuple of "
                             f"str. Got {type(self.weak_detectors).__name__}.")
        if not isinstance(self.context, int) or self.context < 0:
            raise InputError("The 'context' parameter of ReviewConfig must be an int >= 0. "
                             f"Got {self.context!r}.")


def fingerprint(text: str) -> str:
    """A short fingerprint of a span's text, to check that a decision still fits its span.

    ``"fp"`` and 12 hexadecimal characters. The letters keep a spreadsheet from reading it as
    a number: review files written before 2026-12-06 held the 12 characters alone, and Excel
    re-saves one that is all digits (0.36% of them) or digits around one ``e`` as a rounded
    number (``309011816428`` becomes ``3.09012E+11``). Those older fingerprints are still
    read (:func:`fingerprint_matches`).

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        ``"fp"`` and 12 hexadecimal characters.

    Examples
    --------
    >>> fingerprint("Kai") == fingerprint("Kai"), len(fingerprint("Kai"))
    (True, 14)
    """
    return "fp" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def fingerprint_matches(recorded: str, text: str) -> bool:
    """Whether a fingerprint from a review file is that of ``text`` (in either form).

    Parameters
    ----------
    recorded : str
        The ``fingerprint`` cell: as :func:`fingerprint` writes it, or the 12 hexadecimal
        characters alone of review files written before 2026-12-06.
    text : str

    Returns
    -------
    bool

    Examples
    --------
    >>> new = fingerprint("Kai")
    >>> fingerprint_matches(new, "Kai"), fingerprint_matches(new[2:], "Kai")
    (True, True)
    >>> fingerprint_matches("3.09012E+11", "Kai")
    False
    """
    recorded, expected = recorded.strip().lower(), fingerprint(text)
    return recorded in (expected, expected[2:])


def _looks_like_a_number(recorded: str) -> bool:
    """A fingerprint a spreadsheet has turned into a number (``3.09012E+11``)."""
    try:
        float(recorded.strip().replace(",", "."))
    except ValueError:
        return False
    return True


def needs_review(spans: pd.DataFrame, config: ReviewConfig | None = None) -> pd.Series:
    """Return a boolean mask of the spans that need a person's decision.

    Parameters
    ----------
    spans : pandas.DataFrame
    config : ReviewConfig, optional

    Returns
    -------
    pandas.Series of bool
    """
    config = config or ReviewConfig()
    weak = set(config.weak_detectors)
    only_weak = spans["detector"].map(lambda d: all(p in weak for p in str(d).split("+")))
    return (spans["score"] < config.threshold) | only_weak


#: Why a comment is flagged for review (the ``reason`` column of :func:`review_flags`).
REVIEW_REASONS: tuple[str, ...] = ("low_confidence", "weak_detector", "below_min_score",
                                    *LEAK_SHAPES)


def review_flags(result: PseudonymisationResult | pd.DataFrame, below: pd.DataFrame | None = None,
                 config: ReviewConfig | None = None, *,
                 comments: pd.DataFrame | None = None,
                 skip: pd.DataFrame | None = None) -> pd.DataFrame:
    """The comments a person should review before any of them is quoted: ids, no text.

    The one rule of every command (``carevoice pseudonymise``, ``carevoice batch``,
    ``carevoice demo``, the report's own pseudonymisation): a comment is flagged when one of
    its spans goes to review (:func:`needs_review`, the spans the review file lists) or when
    ``min_score`` left a span of it unmasked. The ``reason`` says which:

    - ``"low_confidence"``: a masked span scored below the review threshold;
    - ``"weak_detector"``: a masked span was found only by the detectors that guess (a
      capitalised word, a misspelling, a name-like context, a learned token, a name seen
      elsewhere), whatever its score;
    - ``"below_min_score"``: ``min_score`` left a name, place or organisation span unmasked,
      so it may be in clear in the text;
    - ``"shape_..."``: the pseudonymised text holds a shape in which a name is often missed,
      whether or not any detector fired (:func:`carevoice.pseudonymise.leak_shapes.leak_shapes`:
      a word in no word list after "messaged", "blocked", "ghosted"...; a sign-off "love X x";
      a name written with digits, "J4yden"; names joined by "/"; a hashtag of no common
      words).

    The weak-detector spans are flagged as well as the low-scoring ones because they are the
    guesses: the name is masked, but a comment in which only a guess found a name is the kind
    in which a second misspelt or unusual name goes unseen, and a missed name in a published
    quote is a safeguarding incident while a withheld quote is a small loss. Spans decided in
    a review (``decisions`` of :func:`carevoice.pseudonymise.pseudonymise`) are not in the
    review table and flag nothing; so with a shape's word: accepted, it is masked; rejected
    (no name), it is not read again (``cleared_shapes`` of the result).

    Parameters
    ----------
    result : PseudonymisationResult or pandas.DataFrame
        What :func:`carevoice.pseudonymise.pseudonymise` returned (its ``review`` table is
        read: the spans that need review, with the ``min_score`` set-asides as the rows
        whose ``in_output`` is ``"unmasked (min_score)"``); or a spans frame
        (``comment_id``, ``score``, ``detector``), from which the spans that need review
        are chosen with ``config``.
    below : pandas.DataFrame, optional
        With a spans frame: the spans ``min_score`` set aside
        (:func:`carevoice.pseudonymise.core.split_min_score`), a ``comment_id`` column.
    comments : pandas.DataFrame, optional
        With a spans frame: the pseudonymised comments (``comment_id``, ``text``) to screen
        for the shapes of a missed name; a result's own comments are always screened (the
        words its replacements put in are not read).
    skip : pandas.DataFrame, optional
        With a spans frame: places in ``comments`` (``comment_id``, ``out_start``,
        ``out_end``) the shape screen does not read: the words a reviewer said are no name
        (a result's ``cleared_shapes``, placed in these comments).
    config : ReviewConfig, optional
        The review threshold and weak detectors (default :class:`ReviewConfig`). With a
        result it only names the reason (which spans go to review was decided when the
        result was made): pass the one the result was made with.

    Returns
    -------
    pandas.DataFrame
        Columns ``comment_id`` (str) and ``reason``; one row per comment and reason: the
        spans that need review in their order (the comments' order), then the ``min_score``
        set-asides, then the shapes of a missed name.

    Examples
    --------
    >>> import pandas as pd
    >>> spans = pd.DataFrame({"comment_id": ["c1", "c2", "c3"], "score": [0.5, 0.9, 0.99],
    ...                       "detector": ["names:context", "names:fuzzy", "patterns"]})
    >>> review_flags(spans, below=pd.DataFrame({"comment_id": ["c4"]}))
      comment_id           reason
    0         c1   low_confidence
    1         c2    weak_detector
    2         c4  below_min_score
    """
    import pandas as pd

    config = config or ReviewConfig()
    if isinstance(result, pd.DataFrame):
        spans = result
        chosen = spans[needs_review(spans, config)] if len(spans) else spans
        set_aside = below
        screened, replaced = comments, skip
    else:  # a PseudonymisationResult: its review table says which spans need a person
        table = result.review
        table = table[~is_shape_row(table["detector"])]  # the screen below names those
        is_below = is_set_aside_row(table)
        chosen, set_aside = table[~is_below], table[is_below]
        screened, replaced = result.comments, result.key.occurrences
        if result.cleared_shapes:  # words a reviewer said are no name: not read again
            replaced = pd.concat([replaced[[COMMENT_ID, "out_start", "out_end"]], pd.DataFrame(
                list(result.cleared_shapes), columns=[COMMENT_ID, "out_start", "out_end"])],
                ignore_index=True)
    parts = []
    if len(chosen):
        weak = set(config.weak_detectors)
        only_weak = chosen["detector"].map(
            lambda d: all(p in weak for p in str(d).split("+")))
        guess = only_weak & (chosen["score"].astype(float) >= config.threshold)
        parts.append(pd.DataFrame({
            COMMENT_ID: chosen[COMMENT_ID].astype(str).to_numpy(),
            "reason": guess.map({True: "weak_detector", False: "low_confidence"}).to_numpy()}))
    if set_aside is not None and len(set_aside):
        parts.append(pd.DataFrame({COMMENT_ID: set_aside[COMMENT_ID].astype(str).to_numpy(),
                                   "reason": "below_min_score"}))
    if screened is not None and len(screened):
        shapes = screen_leak_shapes(screened, replaced)
        if len(shapes):
            parts.append(shapes)
    if not parts:
        return pd.DataFrame({COMMENT_ID: pd.Series(dtype=str), "reason": pd.Series(dtype=str)})
    return pd.concat(parts, ignore_index=True).drop_duplicates().reset_index(drop=True)


def with_review_column(comments: pd.DataFrame, flags: pd.DataFrame,
                       argument: str = "comments") -> pd.DataFrame:
    """The pseudonymised comments with a ``needs_review`` column (True: not to be quoted).

    The column travels with the text: ``carevoice report`` (and
    :func:`carevoice.report.build_report`, :func:`carevoice.quotes.select_quotes`) never quote
    a comment it marks, wherever the file is moved or whatever it is renamed. Every command
    that writes pseudonymised comments adds it (``carevoice pseudonymise``, batch runs,
    ``carevoice demo``), from the flags of :func:`review_flags`. A comment the input already
    marks stays marked.

    Parameters
    ----------
    comments : pandas.DataFrame
        The pseudonymised comments (not changed).
    flags : pandas.DataFrame
        The review flags (:func:`review_flags`): a ``comment_id`` column.
    argument : str, default "comments"
        What ``comments`` came from, named in the error about a ``needs_review`` column it
        already has whose values are not yes/no.

    Returns
    -------
    pandas.DataFrame
        A copy of ``comments`` with the boolean ``needs_review`` column (last, unless
        ``comments`` had one).

    Examples
    --------
    >>> import pandas as pd
    >>> comments = pd.DataFrame({"comment_id": ["c1", "c2"], "text": ["[PERSON_1] x", "y"]})
    >>> with_review_column(comments, pd.DataFrame({"comment_id": ["c1"]}))["needs_review"].tolist()
    [True, False]
    """
    from .._flags import parse_flags
    from ..quotes import REVIEW_COLUMN

    marked = comments[COMMENT_ID].astype(str).isin(set(flags[COMMENT_ID].astype(str))).to_numpy()
    if REVIEW_COLUMN in comments:
        marked = marked | parse_flags(comments[REVIEW_COLUMN], argument=argument,
                                      column=REVIEW_COLUMN, ids=comments[COMMENT_ID])
    return comments.assign(**{REVIEW_COLUMN: marked})


def review_table(comments: pd.DataFrame, spans: pd.DataFrame,
                 config: ReviewConfig | None = None) -> pd.DataFrame:
    """Build the review table: the spans that need review, with their text and context.

    Parameters
    ----------
    comments : pandas.DataFrame
        The original comments.
    spans : pandas.DataFrame
        Spans as returned by :func:`carevoice.pseudonymise.detect_pii`.
    config : ReviewConfig, optional

    Returns
    -------
    pandas.DataFrame
        Columns :data:`REVIEW_COLUMNS`; ``decision`` is empty.
    """
    import pandas as pd

    config = config or ReviewConfig()
    check_comments(comments)
    texts = dict(zip(comments[COMMENT_ID].map(str), comments[TEXT].map(as_text), strict=True))
    chosen = spans[needs_review(spans, config)] if len(spans) else spans
    rows = [_review_row(texts.get(str(cid), ""), str(cid), int(start), int(end), label,
                        score, det, config.context)
            for cid, start, end, label, score, det in chosen[
                [COMMENT_ID, "start", "end", "label", "score", "detector"]].itertuples(
                    index=False)]
    return pd.DataFrame(rows, columns=list(REVIEW_COLUMNS))


def _review_row(text: str, cid: str, start: int, end: int, label: str, score: float,
                detector: str, context: int, in_output: str = IN_OUTPUT["masked"]) -> tuple:
    """One row of the review table (:data:`REVIEW_COLUMNS`), the decision blank."""
    span_text = text[start:end]
    left = text[max(0, start - context):start]
    right = text[end:end + context]
    around = " ".join(f"{left}[[{span_text}]]{right}".split())
    return (cid, start, end, label, round(float(score), 3), detector, span_text, around,
            fingerprint(span_text), in_output, "")


def with_span_text(table: pd.DataFrame, comments: pd.DataFrame,
                   config: ReviewConfig | None = None) -> pd.DataFrame:
    """A review table whose ``span_text``, ``context`` and ``fingerprint`` are filled in
    again from the original comments (a batch run keeps its rows without text).

    Parameters
    ----------
    table : pandas.DataFrame
        Review rows (:data:`REVIEW_COLUMNS`) of ``comments``.
    comments : pandas.DataFrame
        The original comments.
    config : ReviewConfig, optional
        Its ``context`` is read.

    Returns
    -------
    pandas.DataFrame
        A copy of ``table``.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"comment_id": ["c1"], "start": [7], "end": [10],
    ...                      "span_text": [""], "context": [""], "fingerprint": [""]})
    >>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["I miss Kai"]})
    >>> with_span_text(rows, comments)[["span_text", "context"]].values.tolist()
    [['Kai', 'I miss [[Kai]]']]
    """
    config = config or ReviewConfig()
    texts = dict(zip(comments[COMMENT_ID].map(str), comments[TEXT].map(as_text), strict=True))
    filled = [_review_row(texts.get(str(cid), ""), str(cid), int(start), int(end), "", 0.0, "",
                          config.context)[6:9]
              for cid, start, end in table[[COMMENT_ID, "start", "end"]].itertuples(index=False)]
    out = table.copy()
    for i, column in enumerate(("span_text", "context", "fingerprint")):
        out[column] = [row[i] for row in filled]
    return out


def is_set_aside_row(table: pd.DataFrame) -> pd.Series:
    """Which rows of a review table are spans ``min_score`` left unmasked (their
    ``in_output`` is ``"unmasked (min_score)"``, :data:`IN_OUTPUT`).

    Parameters
    ----------
    table : pandas.DataFrame
        A review table (:data:`REVIEW_COLUMNS`).

    Returns
    -------
    pandas.Series of bool
    """
    return table["in_output"].astype(str) == IN_OUTPUT["set_aside"]


def is_shape_row(detector: pd.Series) -> pd.Series:
    """Which rows of a review table (by their ``detector``) are words in a shape of a missed
    name (:func:`carevoice.pseudonymise.shape_review.shape_review_table`) rather than spans.

    Parameters
    ----------
    detector : pandas.Series

    Returns
    -------
    pandas.Series of bool
    """
    return detector.astype(str).str.startswith("shape:")


def _span_rows(decisions: pd.DataFrame) -> pd.DataFrame:
    """The decisions on spans: every row but those of words in a shape of a missed name
    (every row when ``decisions`` has no ``detector``, a frame made by hand)."""
    if "detector" not in decisions or not len(decisions):
        return decisions
    return decisions[~is_shape_row(decisions["detector"])]


#: The suffixes a review file may have: the formats it is written in.
REVIEW_SUFFIXES: tuple[str, ...] = (".csv", ".xlsx")


def check_review_path(path: str | Path, argument: str = "The 'path' argument") -> Path:
    """``path`` as a Path if its suffix names a format the review file is written in.

    Parameters
    ----------
    path : str or pathlib.Path
    argument : str
        How a message names where the path came from (``"The --review-file option"``).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    InputError
        If the suffix is not ``.csv`` or ``.xlsx``.

    Examples
    --------
    >>> check_review_path("review.xlsx").name
    'review.xlsx'
    >>> check_review_path("review.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carevoice.errors.InputError: The 'path' argument must name a .csv or .xlsx file ...
    """
    path = Path(path)
    if path.suffix.lower() not in REVIEW_SUFFIXES:
        raise InputError(f"{argument} must name a .csv or .xlsx file (the review file is "
                         f"written as CSV or as an Excel workbook); got {path.name!r}.")
    return path


def write_review_table(table: pd.DataFrame, path: str | Path,
                       argument: str = "The 'path' argument") -> Path:
    """Write a review table as CSV (UTF-8 with BOM) or as an Excel workbook, by the suffix.

    The file is created owner read/write only (0600), as it holds original text, and written
    through a temporary file. In CSV, fields with line breaks are quoted and text a
    spreadsheet would run as a formula gets a leading apostrophe (removed again when the
    decisions are read); a workbook holds every text as text.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`review_table`.
    path : str or pathlib.Path
        A ``.csv`` or ``.xlsx`` file.
    argument : str
        How a message names where the path came from.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    InputError
        If the suffix is neither ``.csv`` nor ``.xlsx``, or the file cannot be written.
    """
    path = check_review_path(path, argument)
    if path.suffix.lower() == ".csv":
        from ._files import write_csv

        return write_csv(table, path, private=True, encoding="utf-8-sig")
    from .._atomic import write_atomic
    from .._files import _write_xlsx

    try:
        return write_atomic(path, lambda fh: _write_xlsx(table, fh), mode=0o600)
    except OSError as e:
        raise InputError(f"Cannot write {path} ({e.strerror or type(e).__name__}).") from e


def write_review(path: str | Path, comments: pd.DataFrame, spans: pd.DataFrame,
                 config: ReviewConfig | None = None) -> pd.DataFrame:
    """Write the review table to CSV (UTF-8 with BOM, so spreadsheets open it cleanly) or,
    for a ``.xlsx`` path, to an Excel workbook.

    The file is created owner read/write only (0600), as it holds original text, and written
    through a temporary file (see :func:`write_review_table`).

    Parameters
    ----------
    path : str or pathlib.Path
        Where to write, a ``.csv`` or ``.xlsx`` file; the file holds original text, so keep
        it with the raw data.
    comments, spans, config
        As for :func:`review_table`.

    Returns
    -------
    pandas.DataFrame
        The table written.

    Raises
    ------
    InputError
        If ``path`` is neither a ``.csv`` nor a ``.xlsx`` file (checked before any work).
    """
    path = check_review_path(path)
    table = review_table(comments, spans, config)
    write_review_table(table, path)
    return table


def read_decisions(path: str | Path) -> pd.DataFrame:
    """Read a review file (CSV or XLSX) filled in by a person.

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    pandas.DataFrame
        ``comment_id``, ``start``, ``end``, ``label``, ``fingerprint``, ``decision``
        (``"accept"``, ``"reject"`` or ``""``), ``detector`` (``""`` if the file has no
        such column), which tells the rows of words in a shape of a missed name
        (:func:`is_shape_row`) from those of spans, and ``in_output`` (``""`` if the file
        has no such column: a review file written before 0.7.0, which pre-filled
        ``reject`` on the spans ``min_score`` left unmasked, or one made by hand; see
        :func:`carevoice.pseudonymise.review_decisions.unconfirmed_rejects`).

    Raises
    ------
    InputError
        If columns are missing or a decision is not understood (naming the ``comment_id``).
    """
    import pandas as pd

    from ..corpus import read_table

    # The readers' encoding and separator detection and line-numbered errors (the file has
    # often been through Excel); every cell as a string, blanks as "".
    frame = read_table(path).fillna("").astype(str)
    needed = [COMMENT_ID, "start", "end", "decision"]
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise InputError(f"The decisions file {str(path)!r} lacks the column(s) {missing}; "
                         "write it with write_review (or --review-file) and fill in 'decision'.")
    decision = frame["decision"].str.strip().str.lower()
    norm = decision.map(lambda d: "accept" if d in _ACCEPT else "reject" if d in _REJECT
                        else "" if d == "" else None)
    bad = frame.loc[norm.isna(), COMMENT_ID].tolist()
    if bad:
        raise InputError(f"The decisions file {str(path)!r} has decisions other than accept / "
                         f"reject / blank for comment(s) {format_ids(bad)}.")
    labels = frame["label"].str.strip().str.upper() if "label" in frame else ""
    out = pd.DataFrame({
        COMMENT_ID: frame[COMMENT_ID].astype(str),
        "start": pd.to_numeric(frame["start"], errors="coerce"),
        "end": pd.to_numeric(frame["end"], errors="coerce"),
        "label": labels,
        "fingerprint": frame.get("fingerprint", ""),
        "decision": norm,
        "detector": frame["detector"].str.strip() if "detector" in frame else "",
        "in_output": frame["in_output"].str.strip() if "in_output" in frame else "",
    })
    bad_offsets = out.loc[out["start"].isna() | out["end"].isna(), COMMENT_ID].tolist()
    if bad_offsets:
        raise InputError(f"The decisions file {str(path)!r} has non-numeric start/end for "
                         f"comment(s) {format_ids(bad_offsets)}.")
    bad_labels = out.loc[(out["label"] != "") & ~out["label"].isin(PII_LABELS), COMMENT_ID]
    if len(bad_labels):
        raise InputError(f"The decisions file {str(path)!r} has labels outside {list(PII_LABELS)} "
                         f"for comment(s) {format_ids(bad_labels.tolist())}.")
    return out.astype({"start": "int64", "end": "int64"})


def misplaced_decisions(decisions: pd.DataFrame, comments: pd.DataFrame) -> list[str]:
    """The comments of ``comments`` whose decision rows do not fit their text: a ``start``
    below 0, an ``end`` not after its ``start`` or beyond the comment's text (a file filled in
    for other comments, or offsets edited by hand). Rows of other comments are not read.

    Parameters
    ----------
    decisions : pandas.DataFrame
        From :func:`read_decisions`.
    comments : pandas.DataFrame
        The original comments (``comment_id``, ``text``).

    Returns
    -------
    list of str
        Their ``comment_id``, each once, in the order of the rows; no text.

    Examples
    --------
    >>> import pandas as pd
    >>> comments = pd.DataFrame({"comment_id": ["c1", "c2"], "text": ["I miss Kai", None]})
    >>> rows = pd.DataFrame({"comment_id": ["c1", "c1", "c2", "c9"], "start": [7, 7, 0, 0],
    ...                      "end": [10, 12, 3, 3]})
    >>> misplaced_decisions(rows, comments)
    ['c1', 'c2']
    """
    lengths = {str(c): len(as_text(t)) for c, t in zip(comments[COMMENT_ID], comments[TEXT],
                                                       strict=True)}
    bad = [str(c) for c, start, end in decisions[[COMMENT_ID, "start", "end"]].itertuples(
        index=False) if str(c) in lengths and not 0 <= int(start) < int(end) <= lengths[str(c)]]
    return list(dict.fromkeys(bad))


def apply_decisions(spans: pd.DataFrame, decisions: pd.DataFrame,
                    comments: pd.DataFrame | None = None) -> pd.DataFrame:
    """Drop rejected spans and relabel accepted ones; blank decisions keep the span.

    The rows of words in a shape of a missed name (``detector`` ``"shape:..."``) are left to
    :func:`carevoice.pseudonymise.shape_review.decide_shape_words`.

    Parameters
    ----------
    spans : pandas.DataFrame
        Spans from this run.
    decisions : pandas.DataFrame
        From :func:`read_decisions`.
    comments : pandas.DataFrame, optional
        The original comments; when given, each decision applies only if the span text still
        has the recorded fingerprint.

    Returns
    -------
    pandas.DataFrame
        A new spans frame; ``spans.attrs["decisions"]`` counts accepted, rejected, stale, and
        ``spans.attrs["stale_decisions"]`` lists the stale ones as ``(comment_id, start, end,
        reason)``, the reason ``"number"`` when the recorded fingerprint was turned into a
        number (a spreadsheet re-saved it) and ``"changed"`` otherwise (the span's text is
        not the one reviewed). A stale decision is not applied: the span stays as found.
    """
    out = spans.copy()
    texts = None
    if comments is not None:
        texts = dict(zip(comments[COMMENT_ID].map(str), comments[TEXT].map(as_text), strict=True))
    lookup = {}
    for row in _span_rows(decisions).itertuples(index=False):
        lookup[(str(row.comment_id), int(row.start), int(row.end))] = row
    keep, labels = [], []
    counts = {"accepted": 0, "rejected": 0, "stale": 0}
    stale: list[tuple[str, int, int, str]] = []
    for cid, start, end, label in out[[COMMENT_ID, "start", "end", "label"]].itertuples(
            index=False):
        row = lookup.get((str(cid), int(start), int(end)))
        if row is None or row.decision == "":
            keep.append(True)
            labels.append(label)
            continue
        recorded = str(row.fingerprint)
        if texts is not None and recorded.strip() and not fingerprint_matches(
                recorded, texts.get(str(cid), "")[start:end]):
            counts["stale"] += 1
            stale.append((str(cid), int(start), int(end),
                          "number" if _looks_like_a_number(recorded) else "changed"))
            keep.append(True)
            labels.append(label)
            continue
        if row.decision == "reject":
            counts["rejected"] += 1
            keep.append(False)
        else:
            counts["accepted"] += 1
            keep.append(True)
            if row.decision == "accept":
                out_label = row.label or label
                labels.append(out_label)
                continue
        labels.append(label)
    out["label"] = labels
    out = out[keep].reset_index(drop=True)
    if "score" in out:
        accepted = [lookup.get((str(c), int(s), int(e))) for c, s, e in
                    out[[COMMENT_ID, "start", "end"]].itertuples(index=False)]
        out["score"] = [1.0 if r is not None and r.decision == "accept" else sc
                        for r, sc in zip(accepted, out["score"], strict=True)]
    out.attrs["decisions"] = counts
    out.attrs["stale_decisions"] = tuple(stale)
    return out


def stale_note(stale: tuple[tuple[str, int, int, str], ...]) -> str:
    """Say which decisions were not applied and why, by ``comment_id`` (never the text).

    Parameters
    ----------
    stale : tuple
        ``spans.attrs["stale_decisions"]`` from :func:`apply_decisions`.

    Returns
    -------
    str
        ``""`` when there are none.

    Examples
    --------
    >>> print(stale_note((("c7", 0, 3, "number"), ("c9", 4, 8, "changed"))))
    ... # doctest: +ELLIPSIS
    2 review decisions were not applied (...): for comment c7 the fingerprint ... is a number...
    """
    if not stale:
        return ""
    parts = []
    number = sorted({cid for cid, *_, reason in stale if reason == "number"})
    changed = sorted({cid for cid, *_, reason in stale if reason == "changed"})
    if number:
        parts.append(f"for comment{'s' if len(number) > 1 else ''} {format_ids(number)} the "
                     "fingerprint in the decisions file is a number: a spreadsheet re-saved an "
                     "all-digit fingerprint in scientific notation (309011816428 as "
                     "3.09012E+11); review files written now have fingerprints that cannot look "
                     "like numbers")
    if changed:
        parts.append(f"for comment{'s' if len(changed) > 1 else ''} {format_ids(changed)} the "
                     "fingerprint no longer matches the span's text (the comment changed since "
                     "the review)")
    n = len(stale)
    return (f"{n} review decision{'s were' if n > 1 else ' was'} not applied (the span "
            f"stays as found, masked): " + "; ".join(parts) + ". They are in the new review "
            "file, if one is written, to decide again.")
