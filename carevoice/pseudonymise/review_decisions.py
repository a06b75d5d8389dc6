"""The review-decisions step of :func:`carevoice.pseudonymise.pseudonymise`.

A person's decisions (:func:`carevoice.pseudonymise.read_decisions`) act at three points of a
run:

1. on the spans, before replacement (:func:`decide_spans`, by
   :func:`carevoice.pseudonymise.review.apply_decisions`): a rejected span is dropped, an
   accepted one relabelled and kept whatever its score;
2. on the words in a shape of a missed name that the replaced text still holds
   (:func:`decide_shapes`, by :func:`carevoice.pseudonymise.shape_review.decide_shape_words`):
   an accepted word becomes a span, which a second replacement pass masks, and a rejected one
   is no name (:func:`clear_rejected` takes it off the shape screen);
3. on the review table (:func:`open_review_rows`): a decided row leaves it, unless its decision
   is stale (the text changed), which is decided again.

A :class:`Decided` value carries what they did from one point to the next.

Only a person's decision acts. The review file is written with every ``decision`` blank and
says in ``in_output`` what the run did; files written before 0.7.0 pre-filled ``reject`` on
the spans ``min_score`` left unmasked, a value no person wrote, which
:func:`unconfirmed_rejects` leaves out before any of the three points.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..errors import format_ids
from ..schema import COMMENT_ID
from .review import _span_rows, apply_decisions
from .shape_review import decide_shape_words

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Decided", "clear_rejected", "decide_shapes", "decide_spans", "open_review_rows",
           "unconfirmed_note", "unconfirmed_rejects"]


@dataclass(frozen=True)
class Decided:
    """What review decisions did in one run (nothing, by default).

    Attributes
    ----------
    found : pandas.DataFrame or None
        The spans of the run before any decision.
    set_aside : pandas.DataFrame or None
        Those of them ``min_score`` sets aside.
    counts : dict
        Decisions ``accepted``, ``rejected`` and ``stale``, as ``spans.attrs["decisions"]``.
    stale : tuple
        The stale decisions, ``(comment_id, start, end, reason)``, as
        ``spans.attrs["stale_decisions"]``.
    """

    found: pd.DataFrame | None = None
    set_aside: pd.DataFrame | None = None
    counts: dict[str, int] = field(default_factory=dict)
    stale: tuple[tuple[str, int, int, str], ...] = ()


def unconfirmed_rejects(decisions: pd.DataFrame, set_aside: pd.DataFrame
                        ) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The decisions less the ``reject`` that may be the tool's rather than a person's.

    A review file written before 0.7.0 pre-filled ``reject`` on the rows of the spans
    ``min_score`` left unmasked; given back unedited, those rows read as a person's "no
    name" and would clear the comment's ``needs_review``. Such a file has no ``in_output``
    column (nor has a frame made by hand), so on a span this run's ``min_score`` sets aside
    its ``reject`` cannot be told from a person's: it is not applied (the span stays
    unmasked, as ``reject`` leaves it, and its comment stays flagged, listed again to
    decide). A ``reject`` in a file with ``in_output``, which is written with every decision
    blank, is a person's and applies.

    Parameters
    ----------
    decisions : pandas.DataFrame
        From :func:`carevoice.pseudonymise.read_decisions`.
    set_aside : pandas.DataFrame
        The spans of the run that ``min_score`` sets aside (``comment_id``, ``start``,
        ``end``).

    Returns
    -------
    decisions : pandas.DataFrame
        A copy, those rows' ``decision`` blank.
    ids : tuple of str
        Their ``comment_id``, each once.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"comment_id": ["c1", "c2"], "start": [0, 0], "end": [3, 3],
    ...                      "decision": ["reject", "reject"], "detector": ["", ""]})
    >>> aside = pd.DataFrame({"comment_id": ["c1"], "start": [0], "end": [3]})
    >>> out, ids = unconfirmed_rejects(rows, aside)
    >>> out["decision"].tolist(), ids
    (['', 'reject'], ('c1',))
    """
    out = decisions.copy()
    if not len(out) or not len(set_aside):
        return out, ()
    aside = {(str(c), int(s), int(e)) for c, s, e in set_aside[[COMMENT_ID, "start", "end"]]
             .itertuples(index=False)}
    said = (out["in_output"].fillna("").astype(str).str.strip() if "in_output" in out
            else None)
    spans = set(_span_rows(out).index)
    blank = [i in spans and d == "reject" and (said is None or said[i] == "")
             and (str(c), int(s), int(e)) in aside
             for i, c, s, e, d in zip(out.index, out[COMMENT_ID], out["start"], out["end"],
                                      out["decision"], strict=True)]
    ids = tuple(dict.fromkeys(out.loc[blank, COMMENT_ID].astype(str)))
    out.loc[blank, "decision"] = ""
    return out, ids


def unconfirmed_note(ids: tuple[str, ...]) -> str:
    """What a person should know about the rejects :func:`unconfirmed_rejects` left out.

    Parameters
    ----------
    ids : tuple of str

    Returns
    -------
    str
        ``""`` when there are none.
    """
    if not ids:
        return ""
    return (f"'reject' was not applied to spans min_score left unmasked in comment(s) "
            f"{format_ids(ids)}: the decisions file has no 'in_output' column (a review file "
            "written before carevoice 0.7.0, which wrote 'reject' on those rows itself), so "
            "the value may be no person's. The spans stay unmasked and their comments stay "
            "marked needs_review; decide them in a new review file.")


def decide_spans(spans: pd.DataFrame, decisions: pd.DataFrame, comments: pd.DataFrame,
                 set_aside: pd.DataFrame) -> tuple[pd.DataFrame, Decided]:
    """Apply the decisions on spans (:func:`carevoice.pseudonymise.review.apply_decisions`).

    Parameters
    ----------
    spans : pandas.DataFrame
        The spans of the run.
    decisions : pandas.DataFrame
        From :func:`carevoice.pseudonymise.read_decisions`.
    comments : pandas.DataFrame
        The original comments.
    set_aside : pandas.DataFrame
        Those of ``spans`` that ``min_score`` sets aside.

    Returns
    -------
    spans : pandas.DataFrame
        The decided spans.
    decided : Decided
    """
    out = apply_decisions(spans, decisions, comments)
    return out, Decided(spans, set_aside, dict(out.attrs["decisions"]),
                        out.attrs["stale_decisions"])


def decide_shapes(words: pd.DataFrame, decisions: pd.DataFrame, comments: pd.DataFrame,
                  decided: Decided) -> tuple[pd.DataFrame, pd.DataFrame, Decided]:
    """Apply the decisions on the words in a shape of a missed name (:func:`decide_shape_words
    <carevoice.pseudonymise.shape_review.decide_shape_words>`).

    Parameters
    ----------
    words : pandas.DataFrame
        :func:`carevoice.pseudonymise.leak_shapes.shape_words` of the replaced text.
    decisions : pandas.DataFrame
        From :func:`carevoice.pseudonymise.read_decisions`.
    comments : pandas.DataFrame
        The original comments.
    decided : Decided
        What the decisions on spans did (:func:`decide_spans`).

    Returns
    -------
    accepted : pandas.DataFrame
        The spans to mask.
    rejected : pandas.DataFrame
        The words said to be no name: ``comment_id``, ``start``, ``end``.
    decided : Decided
        ``decided`` with the words' counts and stale decisions added.
    """
    accepted, rejected, counts, stale = decide_shape_words(words, decisions, comments,
                                                           decided.found, decided.set_aside)
    return accepted, rejected, replace(
        decided, counts={k: decided.counts.get(k, 0) + n for k, n in counts.items()},
        stale=(*decided.stale, *stale))


def clear_rejected(words: pd.DataFrame, rejected: pd.DataFrame
                   ) -> tuple[pd.DataFrame, tuple[tuple[str, int, int], ...]]:
    """The shape words less those a person said are no name, and where those stand.

    Parameters
    ----------
    words : pandas.DataFrame
        :func:`carevoice.pseudonymise.leak_shapes.shape_words` of the replaced text.
    rejected : pandas.DataFrame
        From :func:`decide_shapes`.

    Returns
    -------
    words : pandas.DataFrame
        The words still in a shape of a missed name.
    cleared : tuple
        ``(comment_id, out_start, out_end)`` of each cleared word in the replaced text.
    """
    if not len(rejected):
        return words, ()
    no_name = set(zip(rejected[COMMENT_ID], rejected["start"], rejected["end"], strict=True))
    is_cleared = [w in no_name for w in zip(words[COMMENT_ID], words["start"], words["end"],
                                            strict=True)]
    cleared = tuple((str(c), int(s), int(e)) for c, s, e in words.loc[
        is_cleared, [COMMENT_ID, "out_start", "out_end"]].itertuples(index=False))
    return words[[not c for c in is_cleared]], cleared


def open_review_rows(review: pd.DataFrame, decisions: pd.DataFrame,
                     stale: tuple[tuple[str, int, int, str], ...]) -> pd.DataFrame:
    """The review table less the rows a person has decided (a stale decision is decided again:
    its row stays).

    Parameters
    ----------
    review : pandas.DataFrame
        :func:`carevoice.pseudonymise.review_table` of the run.
    decisions : pandas.DataFrame
        From :func:`carevoice.pseudonymise.read_decisions`.
    stale : tuple
        :attr:`Decided.stale`.

    Returns
    -------
    pandas.DataFrame
    """
    if not len(review):
        return review
    decided = decisions[decisions["decision"] != ""]
    done = set(zip(decided[COMMENT_ID], decided["start"], decided["end"], strict=True)) - {
        (cid, start, end) for cid, start, end, _ in stale}
    open_rows = [(c, s, e) not in done for c, s, e in zip(
        review[COMMENT_ID], review["start"], review["end"], strict=True)]
    return review[open_rows].reset_index(drop=True)
