"""Which comments discovery reads: the checks on a comments frame, and the comments a codebook
coder left uncoded (:func:`select_uncoded`), for :class:`carevoice.discover.ThemeDiscovery`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import InputError, format_ids
from ..schema import COMMENT_ID, TEXT

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["select_uncoded"]


def select_uncoded(comments: pd.DataFrame, codes: pd.DataFrame, *,
                   low_confidence: float = 0.6) -> pd.DataFrame:
    """The comments a codebook coder left without a theme, or coded with low confidence only.

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text``.
    codes : pandas.DataFrame
        A long codes frame (``comment_id``, ``theme``, ``score``, ``assigned``), as
        :meth:`carevoice.themes.ThemeCoder.predict` returns. A comment absent from it counts as
        uncoded.
    low_confidence : float, default 0.6
        A comment whose best *assigned* score is below this counts as uncoded too (the coder's
        scores put its threshold at 0.5). 0 keeps only comments with no assigned theme.

    Returns
    -------
    pandas.DataFrame
        The selected rows of ``comments`` (a copy, original index kept).

    Examples
    --------
    >>> import pandas as pd
    >>> comments = pd.DataFrame({"comment_id": ["a", "b", "c"], "text": ["x", "y", "z"]})
    >>> codes = pd.DataFrame({"comment_id": ["a", "b"], "theme": ["money", "money"],
    ...                       "score": [0.9, 0.55], "assigned": [True, True]})
    >>> select_uncoded(comments, codes)["comment_id"].tolist()
    ['b', 'c']
    """
    import pandas as pd

    check_comments(comments, "comments", "select_uncoded")
    if not isinstance(codes, pd.DataFrame):
        raise InputError("The 'codes' argument of select_uncoded must be a pandas DataFrame "
                         f"with columns comment_id, theme, score, assigned; got "
                         f"{type(codes).__name__}.")
    missing = [c for c in (COMMENT_ID, "score", "assigned") if c not in codes.columns]
    if missing:
        raise InputError(f"The 'codes' argument of select_uncoded lacks column(s) "
                         f"{', '.join(map(repr, missing))}; it has "
                         f"{', '.join(map(repr, codes.columns))}.")
    if isinstance(low_confidence, bool) or not isinstance(low_confidence, (int, float)) \
            or not 0 <= low_confidence <= 1:
        raise InputError("The 'low_confidence' argument of select_uncoded must be a number in "
                         f"the range [0, 1]. Got {low_confidence!r} instead.")
    from .._flags import assigned_mask

    assigned = codes[assigned_mask(codes)]
    best = assigned.groupby(assigned[COMMENT_ID].astype(str))["score"].max()
    confident = set(best[best >= low_confidence].index) if low_confidence > 0 else set(best.index)
    keep = ~comments[COMMENT_ID].astype(str).isin(confident)
    return comments[keep].copy()


def check_comments(comments: Any, argument: str, method: str) -> None:
    """Refuse ``comments`` unless it is a frame of unique ``comment_id``s and text (or
    missing) ``text``; ``argument`` and ``method`` name it in the error."""
    import pandas as pd

    if not isinstance(comments, pd.DataFrame):
        raise InputError(f"The '{argument}' argument of {method} must be a pandas DataFrame with "
                         f"columns {COMMENT_ID!r} and {TEXT!r}; got {type(comments).__name__}.")
    missing = [c for c in (COMMENT_ID, TEXT) if c not in comments.columns]
    if missing:
        raise InputError(f"The '{argument}' argument of {method} lacks column(s) "
                         f"{', '.join(map(repr, missing))}; it has "
                         f"{', '.join(map(repr, comments.columns))}.")
    ids = comments[COMMENT_ID].astype(str)
    dupes = ids[ids.duplicated()].unique().tolist()
    if dupes:
        raise InputError(f"The '{argument}' argument of {method} has duplicate comment_id "
                         f"values: {format_ids(dupes)}. Each comment needs its own id.")
    bad = comments.loc[comments[TEXT].notna()
                       & ~comments[TEXT].map(lambda t: isinstance(t, str)), COMMENT_ID]
    if len(bad):
        raise InputError(f"The '{argument}' argument of {method} has non-text values in column "
                         f"'text' for comment_id {format_ids(bad.astype(str))}. Convert them to "
                         "str or mark them missing.")
