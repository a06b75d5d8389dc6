"""Writing and reading a flags file.

A flags file says which young person (``respondent_id``) disclosed what (``category``): it is
written owner read/write only (0600), as carevoice writes the re-identification key and the
review file, atomically, as UTF-8 CSV. It holds no comment text.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..schema import COMMENT_ID

__all__ = ["read_flags", "write_flags"]


def write_flags(flags: pd.DataFrame, path: str | Path) -> Path:
    """Write a flags table as CSV, owner read/write only (0600).

    Parameters
    ----------
    flags : pandas.DataFrame
        As :func:`carevoice.safeguarding.screen_comments` returns it.
    path : str or pathlib.Path
        A ``.csv`` path.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    InputError
        If ``path`` is not a ``.csv`` file or ``flags`` has no ``comment_id`` column.

    Examples
    --------
    >>> import tempfile
    >>> flags = pd.DataFrame({"comment_id": ["c1"], "category": ["missing"],
    ...                       "level": ["priority"], "cue": ["running away"]})
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> p = write_flags(flags, Path(scratch.name) / "flags.csv")
    >>> oct(p.stat().st_mode & 0o777)
    '0o600'
    >>> scratch.cleanup()
    """
    from .._files import check_output_path
    from ..pseudonymise._files import write_csv

    path = check_output_path(path, argument="path", kind="file", suffixes=(".csv",),
                             hint="write_flags writes flags as UTF-8 CSV, owner-only (0600).")
    if not isinstance(flags, pd.DataFrame) or COMMENT_ID not in flags.columns:
        raise InputError("The 'flags' argument of write_flags must be a pandas DataFrame with "
                         "a 'comment_id' column, as screen_comments returns it.")
    return write_csv(flags, path, private=True)


def read_flags(path: str | Path, *, argument: str = "flags", encoding: str | None = None,
               sep: str | None = None) -> pd.DataFrame:
    """Read a flags file (as written by :func:`write_flags`, or reviewed by a person).

    Only ``comment_id`` is required: a reviewed file may keep just the comments that must not
    be quoted.

    Parameters
    ----------
    path : str or pathlib.Path
        CSV, XLSX or Parquet.
    argument : str, default "flags"
        Named in errors.
    encoding, sep : str, optional
        As for :func:`carevoice.corpus.read_table`.

    Returns
    -------
    pandas.DataFrame
        With ``comment_id`` as strings; rows without one are dropped.

    Raises
    ------
    InputError
        If the file cannot be read or has no ``comment_id`` column.
    """
    from .._files import read_table

    frame = read_table(path, encoding=encoding, sep=sep)
    if COMMENT_ID not in frame.columns:
        raise InputError(f"The {argument!r} argument names a file ({Path(path).name}) without "
                         "a 'comment_id' column; a flags file needs one (as written by "
                         "carevoice safeguarding).")
    frame = frame[frame[COMMENT_ID].notna()].copy()
    frame[COMMENT_ID] = frame[COMMENT_ID].astype(str)
    return frame.reset_index(drop=True)
