"""Which comments the quote selector must withhold for safeguarding.

:func:`carevoice.quotes.select_quotes` (and so the report) never quotes a comment the
safeguarding screen flags: a disclosure goes to the designated safeguarding lead, not into a
published report. It screens its candidate comments itself (the rules over every candidate, the
similarity path over those it would consider), or takes a reviewed flags table instead.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd

from ..errors import InputError
from ..schema import COMMENT_ID, TEXT
from .screen import SafeguardingConfig, flagged_comment_ids, screen_comments

__all__ = ["check_safeguarding", "withheld_comments"]


def check_safeguarding(value: Any, function: str) -> SafeguardingConfig | pd.DataFrame:
    """The ``safeguarding`` argument of ``function``, checked: a config (default) or a flags
    table with a ``comment_id`` column."""
    if value is None:
        return SafeguardingConfig()
    if isinstance(value, SafeguardingConfig):
        return value
    if isinstance(value, pd.DataFrame):
        if COMMENT_ID not in value.columns:
            raise InputError(f"The 'safeguarding' argument of {function} must be a "
                             "SafeguardingConfig or a flags table with a 'comment_id' column "
                             "(as carevoice safeguarding writes it, reviewed). The table given "
                             "has no 'comment_id' column.")
        return value
    raise InputError(f"The 'safeguarding' argument of {function} must be a SafeguardingConfig "
                     f"or a flags table (pandas DataFrame). Got {type(value).__name__} instead.")


def withheld_comments(comments: pd.DataFrame, safeguarding: SafeguardingConfig | pd.DataFrame,
                      *, similarity: bool, embedder: Any = None) -> set[str]:
    """The ``comment_id`` values of ``comments`` to withhold from quoting.

    Parameters
    ----------
    comments : pandas.DataFrame
        ``comment_id`` and ``text`` of the candidate comments.
    safeguarding : SafeguardingConfig or pandas.DataFrame
        Screen with this config, or withhold the comments a (reviewed) flags table names.
    similarity : bool
        False: the rules only (the similarity path is left for a smaller set of candidates).
        True: the similarity path too, if the config has it on; nothing for a flags table
        (it was applied with ``similarity=False``).
    embedder : Embedder, optional
        For the similarity path: the packaged sentence-transformers model (default).

    Returns
    -------
    set of str
    """
    if comments.empty:
        return set()
    ids = comments[COMMENT_ID].astype(str)
    if isinstance(safeguarding, pd.DataFrame):
        return set() if similarity else flagged_comment_ids(safeguarding) & set(ids)
    if similarity and not safeguarding.similarity:
        return set()
    frame = pd.DataFrame({COMMENT_ID: ids.to_numpy(), TEXT: comments[TEXT].to_numpy()})
    config = safeguarding if similarity else replace(safeguarding, similarity=False)
    return set(screen_comments(frame, config, embedder=embedder)[COMMENT_ID])
