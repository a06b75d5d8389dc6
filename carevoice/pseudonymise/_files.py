"""Writing the pseudonymiser's files safely: atomically, with the right permissions, never over
an input.

Every file is first written to a hidden temporary file beside its destination and then renamed
over it, so a run that fails half-way leaves the old file (or none), never a truncated one. Files
that hold original text (the key, the review file) are created owner-only (0600), also when they
replace an existing file. CSV files quote every field that holds a line break, a bare carriage
return included, so that the file reads back with the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .._atomic import write_atomic as write_file
from .._output_paths import check_paths
from ..errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["check_paths", "write_atomic", "write_csv"]


def write_atomic(path: str | Path, write: Callable[[IO[Any]], None], *, private: bool = False,
                 overwrite: bool = True, encoding: str = "utf-8",
                 exists_error: Callable[[Path], Exception] | None = None) -> Path:
    """Write a text file through a temporary file and a rename.

    The pseudonymiser's use of :func:`carevoice._atomic.write_atomic`: text mode, owner-only
    files on request, and its own error for a file that must not be replaced.

    Parameters
    ----------
    path : str or pathlib.Path
    write : callable
        Called with the open temporary file (text mode, ``newline=""``).
    private : bool, default False
        Create the file owner read/write only (0600); otherwise as the umask allows.
    overwrite : bool, default True
        Replace an existing file; if False, an existing file is never replaced (the check and
        the rename are one step where the file system allows hard links).
    encoding : str, default "utf-8"
    exists_error : callable, optional
        Builds the error raised when ``overwrite`` is False and the file exists.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> p = write_atomic(Path(scratch.name) / "a.txt", lambda fh: fh.write("hi"),
    ...                  private=True)
    >>> p.read_text(), oct(p.stat().st_mode & 0o777)
    ('hi', '0o600')
    >>> scratch.cleanup()
    """
    path = Path(path)
    try:
        return write_file(path, write, mode=0o600 if private else 0o666, encoding=encoding,
                          replace=overwrite)
    except FileExistsError:
        if overwrite or not path.exists():  # not the file: a folder in the way, say
            raise
        raise (exists_error(path) if exists_error else InputError(
            f"The file {str(path)!r} exists already; carevoice will not replace it.")) from None


def write_csv(frame: pd.DataFrame, path: str | Path, *, private: bool = False,
              encoding: str = "utf-8") -> Path:
    """Write ``frame`` as CSV (no index) atomically, quoting every field with a line break.

    Lines end with LF, as every CSV file carevoice writes; every field holding a carriage
    return or a line feed is quoted, so a comment with a bare ``\\r`` reads back as one row.

    Parameters
    ----------
    frame : pandas.DataFrame
    path : str or pathlib.Path
    private : bool, default False
        Owner read/write only (0600): for files that hold original text.
    encoding : str, default "utf-8"

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> p = write_csv(pd.DataFrame({"text": ["a\\rb"]}), Path(scratch.name) / "t.csv")
    >>> pd.read_csv(p)["text"].tolist()
    ['a\\rb']
    >>> scratch.cleanup()
    """
    from .._files import write_csv_rows

    return write_atomic(path, lambda fh: write_csv_rows(frame, fh), private=private,
                        encoding=encoding)


