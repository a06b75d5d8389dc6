"""Comments pseudonymised for the models.

:func:`pseudonymised_copy` is how carevoice pseudonymises comments it was given as written
before a model reads them (``carevoice code`` and ``discover``,
:class:`carevoice.discover.ThemeDiscovery`): tags mode, deterministic, no re-identification key
kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import COMMENT_ID, TEXT

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["pseudonymised_copy"]


def pseudonymised_copy(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its text pseudonymised in tags mode (deterministic; no key is kept).

    Parameters
    ----------
    frame : pandas.DataFrame
        With ``comment_id`` and ``text``; other columns are kept as they are.

    Returns
    -------
    pandas.DataFrame
        A copy; names, places, numbers and the like in ``text`` are tags (``[PERSON_1]``).
    """
    from .core import pseudonymise

    safe = pseudonymise(frame[[COMMENT_ID, TEXT]]).comments
    return frame.assign(**{TEXT: safe[TEXT].to_numpy()})
