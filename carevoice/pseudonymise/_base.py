"""Shared pieces of the pseudonymiser: the span record, the spans frame and text coercion.

Nothing here imports spaCy; :mod:`carevoice.pseudonymise.replace` builds on this module alone.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import InputError
from ..schema import COMMENT_ID, PII_LABELS, TEXT

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["NAME_LABELS", "Span", "TextDetector", "as_text", "check_comments", "empty_spans",
           "iter_texts", "spans_frame", "texts_by_id", "title_case"]


#: Labels of names (of people, places and organisations), as opposed to identifiers: the span
#: steps of :mod:`carevoice.pseudonymise.core` widen, join and propagate only these.
NAME_LABELS: tuple[str, ...] = ("PERSON", "LOCATION", "ORG")


class Span(NamedTuple):
    """One piece of personal data found in one comment.

    Offsets are Python string indices into the original comment text (``text[start:end]``).
    """

    comment_id: str
    start: int
    end: int
    label: str
    score: float
    detector: str


def as_text(value: Any) -> str:
    """Return a comment cell as text: missing values become ``""``, other types ``str()``.

    Parameters
    ----------
    value : object
        A cell of the ``text`` column (str, ``None``, ``NaN``, ``pd.NA``, a number...).

    Returns
    -------
    str
        The text to scan; ``""`` for a missing value.

    Examples
    --------
    >>> as_text(None), as_text(float("nan")), as_text(12)
    ('', '', '12')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:  # pd.NA, NaT and friends
        import pandas as pd

        if pd.isna(value) is True:
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def texts_by_id(comments: pd.DataFrame) -> dict[str, str]:
    """Each comment's text (:func:`as_text`) by its ``comment_id`` as a string."""
    return {str(cid): as_text(t) for cid, t in zip(comments[COMMENT_ID], comments[TEXT],
                                                   strict=True)}


def drop_name_spans(comments: pd.DataFrame, spans: pd.DataFrame,
                    found: Callable[[str], Any],
                    drop: Callable[[str, int, int, Any], bool]) -> pd.DataFrame:
    """Drop the person, place and organisation spans that ``drop`` says are no one's.

    ``found(text)`` is computed once per comment (only for comments with such a span) and
    passed to ``drop(text, start, end, found)``; other labels are kept.

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text``.
    spans : pandas.DataFrame
        Spans.
    found : callable
        What a comment holds that decides (e.g. where its public names are).
    drop : callable
        Whether a span goes.

    Returns
    -------
    pandas.DataFrame
        ``spans`` without those dropped, re-indexed.
    """
    if spans.empty:
        return spans
    texts = texts_by_id(comments)
    held: dict[str, Any] = {}
    keep = []
    for cid, start, end, label in spans[[COMMENT_ID, "start", "end", "label"]].itertuples(
            index=False):
        cid = str(cid)
        if label not in NAME_LABELS:
            keep.append(True)
            continue
        text = texts.get(cid, "")
        if cid not in held:
            held[cid] = found(text)
        keep.append(not drop(text, int(start), int(end), held[cid]))
    return spans[keep].reset_index(drop=True)


def check_comments(comments: pd.DataFrame, argument: str = "comments") -> pd.DataFrame:
    """Check that ``comments`` is a frame with ``comment_id`` and ``text`` columns.

    Parameters
    ----------
    comments : pandas.DataFrame
        The comments.
    argument : str, default "comments"
        The argument name to use in the error message.

    Returns
    -------
    pandas.DataFrame
        ``comments`` itself (not copied).

    Raises
    ------
    InputError
        If it is not a DataFrame, lacks a column or holds duplicate ``comment_id`` values.
    """
    import pandas as pd

    if not isinstance(comments, pd.DataFrame):
        raise InputError(
            f"The {argument!r} argument must be a pandas DataFrame with columns "
            f"{COMMENT_ID!r} and {TEXT!r} (or a carevoice Corpus). Got {type(comments).__name__}."
        )
    missing = [c for c in (COMMENT_ID, TEXT) if c not in comments.columns]
    if missing:
        from .._files import describe_columns

        # describe_columns never prints a header row that looks like data (a comment).
        raise InputError(
            f"The {argument!r} frame lacks the column(s) {missing}; "
            f"{describe_columns(comments.columns, expected=(COMMENT_ID, TEXT), frame=comments)}"
            f". Rename them, e.g. with "
            f"comments.rename(columns={{'ID': 'comment_id', 'Answer': 'text'}})."
        )
    given = comments[COMMENT_ID]
    blank = given.isna() | (given.astype(str).str.strip() == "")
    if blank.any():
        rows = [str(i) for i in comments.index[blank.to_numpy()][:10]]
        raise InputError(
            f"The {argument!r} frame has {int(blank.sum())} comment(s) without a "
            f"{COMMENT_ID!r} (index {', '.join(rows)}{' ...' if blank.sum() > 10 else ''}). "
            "Each comment needs an id so that spans and the key can point at it."
        )
    ids = comments[COMMENT_ID].map(str)
    dup = ids[ids.duplicated(keep=False)].unique().tolist()
    if dup:
        from ..errors import format_ids

        raise InputError(
            f"The {argument!r} frame has duplicate {COMMENT_ID!r} values: {format_ids(dup)}. "
            "Each comment needs its own id so that spans and the key can point at it."
        )
    return comments


def iter_texts(comments: pd.DataFrame) -> Iterator[tuple[str, str]]:
    """Yield ``(comment_id, text)`` pairs, coercing ids to ``str`` and cells with :func:`as_text`.

    Parameters
    ----------
    comments : pandas.DataFrame
        With columns ``comment_id`` and ``text``.

    Yields
    ------
    tuple of (str, str)
    """
    for cid, text in zip(comments[COMMENT_ID].tolist(), comments[TEXT].tolist(), strict=True):
        yield str(cid), as_text(text)


class TextDetector:
    """Mixin for detectors that read one comment at a time: ``detect`` runs ``find`` on each.

    A subclass defines ``find(comment_id, text) -> list[Span]``; the
    :class:`carevoice.schema.Detector` protocol's ``detect`` then comes from here.
    """

    def find(self, comment_id: str, text: str) -> list[Span]:  # pragma: no cover - abstract
        """Return the spans found in one text.

        Parameters
        ----------
        comment_id : str
        text : str

        Returns
        -------
        list of Span
        """
        raise NotImplementedError

    def detect(self, comments: pd.DataFrame) -> pd.DataFrame:
        """Return the spans found in ``comments``.

        Parameters
        ----------
        comments : pandas.DataFrame
            With ``comment_id`` and ``text``.

        Returns
        -------
        pandas.DataFrame
            Columns of :data:`carevoice.schema.SPAN_COLUMNS`.
        """
        check_comments(comments)
        return spans_frame(s for cid, text in iter_texts(comments) for s in self.find(cid, text))


def empty_spans() -> pd.DataFrame:
    """Return an empty spans frame with the columns of :data:`carevoice.schema.SPAN_COLUMNS`.

    Returns
    -------
    pandas.DataFrame
    """
    return spans_frame([])


def spans_frame(spans: Iterable[Span | Sequence[Any]]) -> pd.DataFrame:
    """Build a spans frame (sorted by ``comment_id`` order of appearance, then ``start``).

    Parameters
    ----------
    spans : iterable of Span
        The spans.

    Returns
    -------
    pandas.DataFrame
        Columns ``comment_id`` (str), ``start``, ``end`` (int), ``label`` (str), ``score``
        (float), ``detector`` (str).

    Examples
    --------
    >>> spans_frame([Span("c1", 0, 3, "PERSON", 0.9, "names")]).columns.tolist()
    ['comment_id', 'start', 'end', 'label', 'score', 'detector']
    """
    import pandas as pd

    columns: list[list[Any]] = [[], [], [], [], [], []]
    for span in spans:
        for column, value in zip(columns, span, strict=True):
            column.append(value)
    return pd.DataFrame({
        "comment_id": pd.Series([str(c) for c in columns[0]], dtype=object),
        "start": pd.Series(columns[1], dtype="int64"),
        "end": pd.Series(columns[2], dtype="int64"),
        "label": pd.Series(columns[3], dtype=object),
        "score": pd.Series(columns[4], dtype="float64"),
        "detector": pd.Series(columns[5], dtype=object),
    })


def check_label(label: str) -> str:
    """Return ``label`` if it is one of :data:`carevoice.schema.PII_LABELS`, else raise.

    Parameters
    ----------
    label : str

    Returns
    -------
    str

    Raises
    ------
    InputError
    """
    if label not in PII_LABELS:
        raise InputError(f"Unknown PII label {label!r}; expected one of {list(PII_LABELS)}.")
    return label


@functools.lru_cache(maxsize=64)  # the span steps ask once per span of a long comment
def title_case(text: str) -> bool:
    """Whether most words of ``text`` (at least four) start with a capital letter, and the
    comment is not written all in capitals.

    In such a comment capitals say nothing about names, so the rules that read them stand down.

    Examples
    --------
    >>> title_case("My Worker Sam Takes Me Bowling"), title_case("My worker Sam is ok")
    (True, False)
    """
    if text.upper() == text:
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def spans_after(comments: pd.DataFrame, spans: pd.DataFrame, labels: Iterable[str],
                judge: Callable[[str, int], tuple[int, int, str, float, str] | None], *,
                before: bool = False) -> pd.DataFrame:
    """Add what ``judge`` reads right after (or before) each span of ``labels``.

    ``judge(text, end)`` is called with each such span's comment and end offset (its start
    offset if ``before``) and returns a new span's ``(start, end, label, score, detector)``,
    a list of them, or None. The steps that read what follows a found name ("pat and bill in
    deal", "Jasmin from Voices Together") or what comes before a found organisation ("jack and
    bill from oak lodge") share this.

    Returns
    -------
    pandas.DataFrame
        ``spans`` plus the new spans (not resolved).
    """
    import pandas as pd

    found = spans[spans["label"].isin(tuple(labels))] if len(spans) else spans
    if found.empty:
        return spans
    texts = texts_by_id(comments)
    new = []
    for cid, offset in found[[COMMENT_ID, "start" if before else "end"]].itertuples(index=False):
        got = judge(texts.get(str(cid), ""), int(offset))
        for one in ([got] if isinstance(got, tuple) else got or []):
            new.append((str(cid), *one))
    if not new:
        return spans
    return pd.concat([spans, spans_frame(new)], ignore_index=True)
