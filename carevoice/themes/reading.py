"""How the theme coder reads a comment: its sentences and clauses, placeholders, kinship
carers, mentions, denials.

:func:`split_segments` cuts a comment into the sentences and clauses that are scored on their
own; :func:`read_texts` is the one place that decides what text the coder sees (see
:func:`carevoice.placeholders.model_text`, :mod:`carevoice.themes.kinship`,
:mod:`carevoice.themes.mentions` and :mod:`carevoice.themes.denials`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..schema import COMMENT_ID, TEXT

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["read_texts", "split_segments"]

_SPLIT = re.compile(
    r"(?<=[.!?;:])\s+|\n+|\s+-\s+|,?\s+(?:but|and also|also|because|cos|coz|cuz|plus|and then)\s+",
    re.IGNORECASE,
)
_MIN_SEGMENT_WORDS = 3


def split_segments(text: str, *, min_words: int = _MIN_SEGMENT_WORDS) -> list[str]:
    """Split a comment into sentences and clauses for scoring.

    Splits at sentence ends, line breaks, dashes and a few linking words ("but", "because",
    "cos", "also"...). Segments shorter than ``min_words`` words are dropped. A comment with one
    segment returns an empty list (the whole comment already covers it).

    Parameters
    ----------
    text : str
        The comment.
    min_words : int, default 3
        The shortest segment kept, in words.

    Returns
    -------
    list of str

    Examples
    --------
    >>> split_segments("i miss my brother. also my social worker keeps changing")
    ['i miss my brother', 'also my social worker keeps changing']
    >>> split_segments("i miss my brother")
    []
    """
    parts = [p.strip(" ,.-") for p in _SPLIT.split(text) if p and p.strip(" ,.-")]
    parts = [p for p in parts if len(p.split()) >= min_words]
    return parts if len(parts) > 1 else []


def read_texts(texts: Sequence[str], *, kin_carers: bool = True,
               mentions: bool = True, denials: bool = True) -> list[str]:
    """The texts as the coder reads them: as the pseudonymiser's detectors read them
    (:func:`carevoice.pseudonymise.normalise.fold_text`: NFKC, invisible characters dropped,
    look-alike letters inside a Latin word as Latin), placeholders without their numbers,
    kinship carers, mentioned words and denials made explicit.

    The one place that decides the coder's reading: :class:`ThemeCoder` applies it with its
    ``kin_carers``, ``mentions`` and ``denials`` parameters, and the shipped training vectors
    are built from the default reading. Pseudonymisation tags always lose their number and
    style first (:func:`carevoice.placeholders.model_text`: ``[PERSON_3]`` and ``[Person 12]``
    both read ``someone``), so that a comment is coded the same whatever numbers its tags got.

    Parameters
    ----------
    texts : sequence of str
        Comments as written.
    kin_carers : bool, default True
        Apply :func:`carevoice.themes.kinship.read_kin_carers`.
    mentions : bool, default True
        Then apply :func:`carevoice.themes.mentions.read_mentions`.
    denials : bool, default True
        Then apply :func:`carevoice.themes.denials.read_denials`.

    Returns
    -------
    list of str

    Examples
    --------
    >>> read_texts(["i live with my nan. stop calling it contact"])
    ['i live with my carer. stop calling it that word']
    >>> read_texts(["i miss [PERSON_3]", "i miss [Person 12]"])
    ['i miss someone', 'i miss someone']
    >>> read_texts(["no complaints really, school is good"])
    ["it's fine really, school is good"]
    """
    from ..placeholders import model_texts
    from ..pseudonymise.normalise import fold_text
    from .denials import read_denials
    from .kinship import read_kin_carers
    from .mentions import read_mentions

    # full-width letters, soft hyphens and zero-width spaces inside words, look-alike letters:
    # read as the plain text they show (the comment itself is not changed)
    read = model_texts([fold_text(t) if isinstance(t, str) else t for t in texts])
    if kin_carers:
        read = [read_kin_carers(t) for t in read]
    if mentions:
        read = [read_mentions(t) for t in read]
    if denials:
        read = [read_denials(t) for t in read]
    return read


def _texts_of(comments: pd.DataFrame, argument: str, method: str) -> tuple[list[str], Any]:
    """Validate a comments frame; return its texts ('' for missing) and comment ids."""
    import pandas as pd

    if not isinstance(comments, pd.DataFrame):
        raise InputError(
            f"The '{argument}' argument of ThemeCoder.{method} must be a pandas DataFrame with "
            f"columns {COMMENT_ID!r} and {TEXT!r}; got {type(comments).__name__}."
        )
    missing = [c for c in (COMMENT_ID, TEXT) if c not in comments.columns]
    if missing:
        from ..corpus import describe_columns

        found = describe_columns(comments.columns, expected=(COMMENT_ID, TEXT), frame=comments)
        raise InputError(
            f"The '{argument}' argument of ThemeCoder.{method} lacks column(s) "
            f"{', '.join(map(repr, missing))}; {found}."
        )
    ids = comments[COMMENT_ID]
    blank = ids.isna().to_numpy() | ids.map(
        lambda v: isinstance(v, str) and not v.strip()).to_numpy(dtype=bool)
    if blank.any():
        from ..errors import format_ids

        rows = [i + 1 for i in range(len(ids)) if blank[i]]
        raise InputError(
            f"The '{argument}' argument of ThemeCoder.{method} has rows without a comment_id "
            f"(rows counted from 1: {format_ids(rows)}). Give each comment an id."
        )
    dupes = ids[ids.duplicated()].astype(str).unique().tolist()
    if dupes:
        from ..errors import format_ids

        raise InputError(
            f"The '{argument}' argument of ThemeCoder.{method} has duplicate comment_id values: "
            f"{format_ids(dupes)}. Each comment needs its own id."
        )
    texts = ["" if pd.isna(t) else str(t) for t in comments[TEXT].tolist()]
    return texts, ids
