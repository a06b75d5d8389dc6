"""Write a file atomically: to a temporary file beside it, synced, then renamed over it.

One helper for every writer that must never leave a truncated file: the tables
(:func:`carevoice.corpus.write_table`), the pseudonymiser's outputs and keys, the batch runner's
chunks and cached coders, the embedding cache and this user's secret keys. A write that fails
part-way leaves the earlier file (or none) and no temporary file. The file is created with the
permissions its caller asks for (0600 for what holds comments' words, their vectors or a key),
so it is never readable by others, not even before the rename. Only the standard library is
imported.

:class:`AtomicFile` is the same for writers that cannot be handed a callable: a library that
writes to a path itself (a Parquet writer, an ONNX exporter) or a table streamed in steps.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = ["AtomicFile", "write_atomic"]

#: Binary mode on Windows (where ``os.open`` defaults to text mode); 0 elsewhere.
_BINARY = getattr(os, "O_BINARY", 0)


def _temporary(path: Path) -> Path:
    """A name for a temporary file beside ``path`` that no other writer uses."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


def _exists(path: Path) -> FileExistsError:
    return FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))


def write_atomic(path: str | Path, write: Callable[[Any], object], *, mode: int = 0o666,
                 encoding: str | None = None, replace: bool = True,
                 sync: bool = True) -> Path:
    """Write a file through a temporary file beside it and a rename.

    Parameters
    ----------
    path : str or pathlib.Path
        The destination. Missing folders above it are made (as the umask allows; a caller
        that wants them private makes them first).
    write : callable
        Called once with the open temporary file: binary, or text when ``encoding`` is given
        (with ``newline=""``, so line ends are written as given). What it returns is ignored;
        an exception it raises leaves the destination as it was and is raised again.
    mode : int, default 0o666
        The permissions the file is created with, less the umask: ``0o600`` for a file its
        owner alone may read. A replaced file gets these, not its predecessor's.
    encoding : str, optional
        Open the file as text in this encoding; None (the default) opens it binary.
    replace : bool, default True
        Replace an existing file. If False, an existing file is kept and
        :class:`FileExistsError` raised; the check and the rename are one step where the file
        system has hard links, so of several processes writing at once exactly one succeeds.
    sync : bool, default True
        Flush the file to disk (``fsync``) before the rename, so that after a crash the file
        holds the new contents or the old, never nothing. A cache of many small files that
        can be made again may skip this.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    FileExistsError
        If ``replace`` is False and ``path`` exists (its ``filename`` is ``path``).
    OSError
        If the file or its folder cannot be written.

    Examples
    --------
    >>> import stat, tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> p = Path(scratch.name) / "key.txt"
    >>> p = write_atomic(p, lambda fh: fh.write("new\\n"), mode=0o600, encoding="utf-8")
    >>> p.read_bytes(), oct(stat.S_IMODE(p.stat().st_mode))
    (b'new\\n', '0o600')
    >>> write_atomic(p, lambda fh: fh.write(b"other"), replace=False)
    Traceback (most recent call last):
    FileExistsError: [Errno 17] File exists: '...key.txt'
    >>> p.read_bytes()
    b'new\\n'
    >>> scratch.cleanup()
    """
    path = Path(path)
    if not replace and path.exists():  # before any work
        raise _exists(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, mode)
    try:
        with (os.fdopen(fd, "wb") if encoding is None else
              os.fdopen(fd, "w", encoding=encoding, newline="")) as fh:
            write(fh)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if the file appeared meanwhile
            except FileExistsError:
                raise _exists(path) from None
            except OSError:  # pragma: no cover - a file system without hard links
                if path.exists():
                    raise _exists(path) from None
                os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


class AtomicFile:
    """A temporary file beside ``path``, renamed over it when complete, removed otherwise.

    For writers that cannot be handed a callable (see :func:`write_atomic`): a library that
    writes to a path itself, or a file written in steps. The temporary file is created at once,
    empty, with the permissions asked for; a writer that opens it again for writing truncates
    it and keeps them. :meth:`commit` syncs it and renames it over ``path``; :meth:`discard`
    removes it and leaves ``path`` as it was. As a context manager it gives the temporary
    path and commits if the block ends normally, discards if it raises.

    Parameters
    ----------
    path : str or pathlib.Path
        The destination. Missing folders above it are made.
    mode : int, default 0o666
        The permissions the temporary file is created with, less the umask (``0o600`` for a
        file its owner alone may read).
    sync : bool, default True
        ``fsync`` the file before the rename.

    Attributes
    ----------
    path : pathlib.Path
        The destination.
    tmp : pathlib.Path
        The temporary file to write (in the same folder, so the rename is atomic).

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> folder = Path(scratch.name)
    >>> with AtomicFile(folder / "model.bin") as tmp:
    ...     _ = tmp.write_bytes(b"weights")
    >>> sorted(p.name for p in folder.iterdir())
    ['model.bin']
    >>> with AtomicFile(folder / "model.bin") as tmp:
    ...     _ = tmp.write_bytes(b"half")
    ...     raise OSError("disk full")
    Traceback (most recent call last):
    OSError: disk full
    >>> sorted(p.name for p in folder.iterdir()), (folder / "model.bin").read_bytes()
    (['model.bin'], b'weights')
    >>> scratch.cleanup()
    """

    def __init__(self, path: str | Path, *, mode: int = 0o666, sync: bool = True) -> None:
        self.path = Path(path)
        self.sync = sync
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = _temporary(self.path)
        os.close(os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, mode))

    def commit(self) -> Path:
        """Sync the temporary file and rename it over :attr:`path` (removed if that fails).

        Returns
        -------
        pathlib.Path
            :attr:`path`.
        """
        try:
            if self.sync:
                fd = os.open(self.tmp, os.O_RDWR | _BINARY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            os.replace(self.tmp, self.path)
        finally:
            self.tmp.unlink(missing_ok=True)
        return self.path

    def discard(self) -> None:
        """Remove the temporary file; :attr:`path` is left as it was."""
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> Path:
        return self.tmp

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()
