"""This user's secret keys: 32 random bytes in a file only its owner can read.

Two keys live in carevoice's user configuration folder (``~/.config/carevoice`` on Linux):
``cache-signing.key`` signs the fitted coders kept on disk (:mod:`carevoice.batch.signing`) and
``embedding-cache.key`` names the files of an embedding cache
(:class:`carevoice.CachedEmbedder`). Each is made on first use and never leaves the folder.
"""

from __future__ import annotations

import secrets
import stat
from pathlib import Path

from ._atomic import write_atomic

__all__ = ["KEY_BYTES", "user_key"]

#: The length of a key, in bytes.
KEY_BYTES = 32


def user_key(path: Path, *, lost: str) -> bytes:
    """Read the key at ``path``, creating it on first use (mode 0600, in a folder made 0700,
    created atomically so that processes starting together agree on one key).

    A key file that others could read (made by hand, or copied with loose permissions) is made
    readable by its owner alone.

    Parameters
    ----------
    path : pathlib.Path
        The key file.
    lost : str
        What deleting the key costs, said when the file is unusable ("cached coders will be
        fitted again").

    Returns
    -------
    bytes
        At least :data:`KEY_BYTES` bytes.

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> folder = Path(scratch.name)
    >>> key = user_key(folder / "k.key", lost="nothing")
    >>> len(key), user_key(folder / "k.key", lost="nothing") == key
    (32, True)
    >>> oct(stat.S_IMODE((folder / "k.key").stat().st_mode))
    '0o600'
    >>> scratch.cleanup()
    """
    path = Path(path)
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            write_atomic(path, lambda fh: fh.write(secrets.token_bytes(KEY_BYTES)),
                         mode=0o600, replace=False)
        except FileExistsError:  # another process made the key first: use theirs
            if not path.exists():
                raise
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        path.chmod(mode & 0o700)
    key = path.read_bytes()
    if len(key) < KEY_BYTES:
        raise OSError(f"key file {path} is shorter than {KEY_BYTES} bytes: delete it to make a "
                      f"new one ({lost})")
    return key
