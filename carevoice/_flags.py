"""Reading yes/no columns (``assigned``, review flags) the same way everywhere.

Spreadsheets write booleans as ``TRUE``/``FALSE``, ``1``/``0`` or ``1.0``/``0.0``; people type
``yes``/``no``. Every reader of such a column uses :func:`parse_flags`, so a value that is none
of these is an error naming the ``comment_id`` values, never silently read as false.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError, format_ids
from .schema import COMMENT_ID

__all__ = ["assigned_mask", "parse_flags"]

_TRUE = frozenset({"true", "yes", "y", "t"})
_FALSE = frozenset({"false", "no", "n", "f", ""})


def _flag(value: Any) -> bool | None:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return False
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    try:
        number = float(text)
    except ValueError:
        return None
    return True if number == 1 else False if number == 0 else None


def parse_flags(values: pd.Series, *, argument: str, column: str,
                ids: pd.Series | None = None) -> np.ndarray:
    """Read a yes/no column: booleans, 1/0 (also ``1.0``), true/false or yes/no in any case.

    Parameters
    ----------
    values : pandas.Series
        The column.
    argument : str
        The argument (or file) it came from, for the message.
    column : str
        Its name, for the message.
    ids : pandas.Series, optional
        The ``comment_id`` of each row, named in the error.

    Returns
    -------
    numpy.ndarray of bool
        An empty cell is False.

    Raises
    ------
    InputError
        If a value is none of these, naming the ``comment_id`` values (never the value).

    Examples
    --------
    >>> parse_flags(pd.Series(["TRUE", "0", 1.0, None, "Yes"]), argument="codes",
    ...             column="assigned").tolist()
    [True, False, True, False, True]
    """
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.fillna(False).to_numpy(dtype=bool)
    objects = values.astype(object)
    lookup = {v: _flag(v) for v in pd.unique(objects[objects.notna()])}
    flags = objects.map(lookup)
    bad = (objects.notna() & flags.isna()).to_numpy()
    if bad.any():
        named = format_ids(dict.fromkeys(ids[bad].astype(str))) if ids is not None else \
            f"{int(bad.sum())} row(s)"
        raise InputError(
            f"The {argument!r} argument has {column!r} values that are neither true nor false "
            f"(true/false, yes/no or 1/0 are read): {named}.")
    return flags.fillna(False).to_numpy(dtype=bool)


def assigned_mask(codes: pd.DataFrame, argument: str = "codes") -> np.ndarray:
    """Which rows of a codes frame are assigned: every row when there is no ``assigned`` column.

    Parameters
    ----------
    codes : pandas.DataFrame
        A codes frame (``comment_id``, ``theme``, optional ``assigned``).
    argument : str, default "codes"
        Named in the error.

    Returns
    -------
    numpy.ndarray of bool

    Raises
    ------
    InputError
        If an ``assigned`` value is neither true nor false (see :func:`parse_flags`).

    Examples
    --------
    >>> codes = pd.DataFrame({"comment_id": ["a", "b"], "assigned": ["true", "false"]})
    >>> assigned_mask(codes).tolist()
    [True, False]
    """
    if "assigned" not in codes.columns:
        return np.ones(len(codes), dtype=bool)
    return parse_flags(codes["assigned"], argument=argument, column="assigned",
                       ids=codes.get(COMMENT_ID))
