"""Quotes across waves: a sentence or a young person quoted in an earlier wave's report.

Each year's report checks its quotes' attributions within its own wave. A young person who
writes the same sentence two years running would otherwise be quoted twice, with each
year's description ("in care, aged 14-17"; next year "care leaver, aged 18-21, own
tenancy"): each fits ``k`` young people of its wave, but a reader of both reports sees the
same words twice and intersects the two, which can fit one young person. Statistical
disclosure control treats successive releases as one, so a report given the quotes of
earlier reports (``not-for-publication/quotes.csv``, ``carevoice report --earlier-report``)
leaves out a candidate quote

* whose text is the same as an earlier quote's, case, spacing, punctuation and the numbers
  of pseudonymisation tags aside, or nearly the same (:data:`NEAR`: most of its words in the
  same order), whoever wrote it: the reader cannot tell that two young people wrote it; or
* whose author was quoted in an earlier report (the same ``respondent_id``, where the ids
  follow a young person from wave to wave and the earlier ``quotes.csv`` records them): two
  quotes of one young person in two reports could be linked by what they say.

The quote is left out, and the next candidate taken, rather than described more coarsely:
whether two descriptions together still fit ``k`` young people can only be worked out over
the earlier wave's respondents, which the later report does not have, and the repeated
words alone tell that their author answered both waves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

import numpy as np
import pandas as pd

from .errors import InputError
from .placeholders import model_text
from .schema import RESPONDENT_ID, TEXT

__all__ = ["NEAR", "check_earlier_quotes", "earlier_frames", "quote_words", "repeated_quotes"]

#: Two quotes whose words (:func:`quote_words`) match in at least this share
#: (:class:`difflib.SequenceMatcher` ratio over words) are nearly the same: one word changed
#: in five, three in twenty.
NEAR = 0.8

_NOT_WORD = re.compile(r"[^\w]+")


def quote_words(text: str) -> tuple[str, ...]:
    """The words of a quote as compared across waves: tags without their numbers, case,
    spacing and punctuation aside.

    Parameters
    ----------
    text : str

    Returns
    -------
    tuple of str

    Examples
    --------
    >>> quote_words("I miss [PERSON_7], a lot!") == quote_words("i miss [PERSON_1] a lot")
    True
    """
    return tuple(_NOT_WORD.sub(" ", model_text(str(text)).casefold()).split())


def earlier_frames(earlier: pd.DataFrame | Sequence[pd.DataFrame] | None
                   ) -> list[pd.DataFrame]:
    """The earlier reports' quotes frames as a list: one frame, several, or none."""
    return [] if earlier is None else [earlier] if isinstance(earlier, pd.DataFrame) \
        else list(earlier)


def check_earlier_quotes(earlier: pd.DataFrame | Sequence[pd.DataFrame] | None,
                         argument: str = "'earlier_quotes' argument of select_quotes"
                         ) -> pd.DataFrame:
    """The quotes of earlier reports as one frame of ``text`` and ``respondent_id``.

    Parameters
    ----------
    earlier : pandas.DataFrame, sequence of them, or None
        Each with a ``text`` column and, where known, ``respondent_id`` (blank or missing
        when an earlier report did not record it).
    argument : str
        How errors name the argument.

    Returns
    -------
    pandas.DataFrame
        ``text`` and ``respondent_id`` (strings; ``""`` where unknown).
    """
    frames = earlier_frames(earlier)
    rows = []
    for frame in frames:
        if not isinstance(frame, pd.DataFrame) or TEXT not in frame:
            raise InputError(f"The {argument} must be quotes frames with a 'text' column "
                             "(an earlier report's not-for-publication/quotes.csv, or "
                             "ReportContent.quotes).")
        ids = frame[RESPONDENT_ID] if RESPONDENT_ID in frame else pd.Series("", frame.index)
        rows.append(pd.DataFrame({
            TEXT: frame[TEXT].fillna("").astype(str).to_numpy(),
            RESPONDENT_ID: ids.where(ids.notna(), "").astype(str).to_numpy()}))
    if not rows:
        return pd.DataFrame({TEXT: pd.Series(dtype=str), RESPONDENT_ID: pd.Series(dtype=str)})
    return pd.concat(rows, ignore_index=True)


def repeated_quotes(texts: Sequence[str], authors: Sequence[str],
                    earlier: pd.DataFrame) -> np.ndarray:
    """Which candidate quotes repeat an earlier report's: the same or nearly the same words,
    or the same author.

    Parameters
    ----------
    texts, authors : sequence of str
        The candidates' texts and respondent ids.
    earlier : pandas.DataFrame
        From :func:`check_earlier_quotes`.

    Returns
    -------
    numpy.ndarray of bool
        One per candidate.

    Examples
    --------
    >>> earlier = check_earlier_quotes(pd.DataFrame({
    ...     "text": ["I never have enough money for the bus."], "respondent_id": ["R7"]}))
    >>> repeated_quotes(["i never have enough MONEY for the bus", "I never have enough money "
    ...                  "for a bus", "My carers are kind.", "I like school."],
    ...                 ["R1", "R2", "R3", "R7"], earlier).tolist()
    [True, True, False, True]
    """
    out = np.zeros(len(texts), dtype=bool)
    if earlier.empty:
        return out
    before = {w for w in (quote_words(t) for t in earlier[TEXT]) if w}
    authors_before = {a for a in earlier[RESPONDENT_ID] if a}
    for i, (text, author) in enumerate(zip(texts, authors, strict=True)):
        if str(author) in authors_before:
            out[i] = True
            continue
        words = quote_words(text)
        if words in before:
            out[i] = True
            continue
        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(words)
        for other in before:  # a ratio is at most 2 * shorter / (both): skip the hopeless
            if 2 * min(len(words), len(other)) < NEAR * (len(words) + len(other)):
                continue
            matcher.set_seq1(other)
            if matcher.ratio() >= NEAR:
                out[i] = True
                break
    return out
