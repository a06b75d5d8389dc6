"""Writing the pseudonymiser's files safely: atomically, with the right permissions, never over
an input.

Every file is first written to a hidden temporary file beside its destination and then renamed
over it, so a run that fails half-way leaves the old file (or none), never a truncated one. Files
that hold original text (the key, the review file) are created owner-only (0600), also when they
replace an existing file. CSV files quote every field that holds a line break, a bare carriage
return included, so that the file reads back with the same rows.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .._output_paths import check_paths
from ..errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["check_paths", "write_atomic", "write_csv"]


def write_atomic(path: str | Path, write: Callable[[IO[Any]], None], *, private: bool = False,
                 overwrite: bool = True, encoding: str = "utf-8",
                 exists_error: Callable[[Path], Exception] | None = None) -> Path:
    """Write a text file through a temporary file and a rename.

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
    >>> p = write_atomic(Path(tempfile.mkdtemp()) / "a.txt", lambda fh: fh.write("hi"),
    ...                  private=True)
    >>> p.read_text(), oct(p.stat().st_mode & 0o777)
    ('hi', '0o600')
    """
    path = Path(path)

    def exists() -> Exception:
        return exists_error(path) if exists_error else InputError(
            f"The file {str(path)!r} exists already; carevoice will not replace it.")

    if not overwrite and path.exists():
        raise exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if the file appeared meanwhile
            except FileExistsError:
                raise exists() from None
            except OSError:  # pragma: no cover - a file system without hard links
                if path.exists():
                    raise exists() from None
                os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def write_csv(frame: pd.DataFrame, path: str | Path, *, private: bool = False,
              encoding: str = "utf-8") -> Path:
    """Write ``frame`` as CSV (no index) atomically, quoting every field with a line break.

    Lines end with CRLF, as RFC 4180 and Python's ``csv`` module write them; with that
    terminator every field holding a carriage return or a line feed is quoted, so a comment
    with a bare ``\\r`` reads back as one row.

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
    >>> p = write_csv(pd.DataFrame({"text": ["a\\rb"]}), Path(tempfile.mkdtemp()) / "t.csv")
    >>> pd.read_csv(p)["text"].tolist()
    ['a\\rb']
    """
    return write_atomic(path, lambda fh: frame.to_csv(fh, index=False, lineterminator="\r\n"),
                        private=private, encoding=encoding)


