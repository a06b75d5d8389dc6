"""Private temporary folders for staged copies of a batch run's input, and their clean-up.

XLSX, SPSS, Stata, UTF-16 and UTF-32 inputs are copied to Parquet for the run's length
(:func:`carevoice.batch.chunks.stage_source`). The copy holds original text, so it lives outside
the run folder, in a folder only this user can read, removed when the run ends. A run killed
outright cannot remove it, so each run first removes the staging folders whose run has gone.

Whether a run has gone is decided by a lock, not by its process id: each folder
``carevoice-staging-XXXX`` has a lock file ``carevoice-staging-XXXX.lock`` beside it, made and
locked (``fcntl.flock``) before the folder exists and held for the run's life. The operating
system releases the lock when the process ends, however it ends, so a cleaner removes a folder
only when it can take the folder's lock itself. A process id is no proof: a run in another
container or sandbox that shares the temporary folder has a process id that looks dead from
here, and its staged copy must stay while it runs.

Windows has no ``fcntl``: the same lock is taken with ``msvcrt.locking`` (released when the
process ends). Folders named after a process id, without a lock file (written by carevoice
versions before the lock), are removed on POSIX when that process no longer exists, as those
versions did, and left alone on Windows, as those versions did.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

__all__ = ["STAGING_PREFIX", "staging_folder"]

STAGING_PREFIX = "carevoice-staging-"
_LOCK_SUFFIX = ".lock"
_BINARY = getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock of the open file ``fd`` without waiting; True if taken."""
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # BlockingIOError: another open file holds it
        return False
    return True


def _lock_of(folder: Path) -> Path:
    return folder.with_name(folder.name + _LOCK_SUFFIX)


def _remove(folder: Path, lock: Path, fd: int) -> None:
    """Remove ``folder`` and its lock file while holding the lock ``fd``, then release it."""
    try:
        shutil.rmtree(folder, ignore_errors=True)
        with suppress(OSError):  # POSIX: while the lock is still held
            lock.unlink()
    finally:
        os.close(fd)
    if os.name == "nt":  # pragma: no cover - an open file cannot be deleted there
        with suppress(OSError):
            lock.unlink()


def _legacy_alive(folder: Path) -> bool:
    """Whether a folder without a lock file may belong to a live run of an older version.

    Those versions named the folder ``carevoice-staging-<pid>-XXXX``; on POSIX it is kept
    while that process exists, as they did. On Windows they never removed such folders.
    """
    if os.name != "posix":  # pragma: no cover - Windows
        return True
    pid, dash, _ = folder.name[len(STAGING_PREFIX):].partition("-")
    if not (dash and pid.isdigit()):
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_abandoned(root: Path) -> list[Path]:
    """Remove the staging folders under ``root`` whose run no longer holds their lock.

    Parameters
    ----------
    root : pathlib.Path
        The temporary folder (:func:`tempfile.gettempdir`).

    Returns
    -------
    list of pathlib.Path
        The folders removed.
    """
    removed = []
    for folder in sorted(root.glob(f"{STAGING_PREFIX}*")):
        if folder.name.endswith(_LOCK_SUFFIX) or not folder.is_dir() or folder.is_symlink():
            continue
        lock = _lock_of(folder)
        if not lock.exists() and _legacy_alive(folder):
            continue
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | _BINARY | _NOFOLLOW, 0o600)
        except OSError:  # another user's, or gone meanwhile
            continue
        if not _try_lock(fd):  # its run is alive
            os.close(fd)
            continue
        _remove(folder, lock, fd)
        removed.append(folder)
    return removed


@contextmanager
def staging_folder(needed: bool) -> Iterator[Path | None]:
    """A private temporary folder for a staged copy of the input, removed afterwards.

    First removes the staging folders of runs that have gone (:func:`remove_abandoned`), then,
    if ``needed``, makes an owner-only folder whose lock this process holds until the block
    ends.

    Parameters
    ----------
    needed : bool
        Whether the run stages its input; if False, only the clean-up is done and None yielded.

    Yields
    ------
    pathlib.Path or None
        The folder, or None.
    """
    root = Path(tempfile.gettempdir())
    remove_abandoned(root)
    if not needed:
        yield None
        return
    while True:
        fd, name = tempfile.mkstemp(prefix=STAGING_PREFIX, suffix=_LOCK_SUFFIX, dir=root)
        lock = Path(name)
        folder = lock.with_name(lock.name[: -len(_LOCK_SUFFIX)])
        if not _try_lock(fd):  # pragma: no cover - a cleaner took it in the instant between
            os.close(fd)
            continue
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:  # pragma: no cover - someone made that name meanwhile
            with suppress(OSError):
                lock.unlink()
            os.close(fd)
            continue
        except BaseException:
            _remove(folder, lock, fd)
            raise
        break
    try:
        yield folder
    finally:
        _remove(folder, lock, fd)
