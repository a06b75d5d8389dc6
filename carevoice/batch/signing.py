"""Signing the fitted theme coders a run keeps on disk, so that only this user's own are loaded.

A fitted :class:`carevoice.themes.ThemeCoder` is kept as a pickle (scikit-learn estimators have
no other faithful format), and unpickling a file runs whatever code it names. A checksum beside
the file guards against a torn write but not against someone who can write to the folder: the
cache may sit on a shared drive, and whoever plants ``coder-*.pkl`` there can plant its
checksum too. So the file is signed with HMAC-SHA256 under a secret key that lives in this
user's configuration folder (readable by the user alone), and a file whose signature does not
verify is never unpickled: the coder is fitted again.

Another user, or another machine, has another key: their cached coders are refitted, not
trusted.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

__all__ = ["key_path", "sign", "signing_key", "verify"]


def key_path() -> Path:
    """Where this user's signing key is kept: ``cache-signing.key`` in carevoice's user
    configuration folder (``~/.config/carevoice`` on Linux).

    Returns
    -------
    pathlib.Path
    """
    from .._paths import user_folder

    return user_folder("config") / "cache-signing.key"


def signing_key(path: Path | None = None) -> bytes:
    """Read this user's signing key, creating it on first use (mode 0600, created atomically,
    so that processes starting together agree on one key).

    Parameters
    ----------
    path : pathlib.Path, optional
        Default :func:`key_path`.

    Returns
    -------
    bytes
        32 random bytes.
    """
    from .._user_keys import user_key

    return user_key(key_path() if path is None else Path(path),
                    lost="cached coders will be fitted again")


def sign(data: bytes, key: bytes | None = None) -> str:
    """The HMAC-SHA256 of ``data`` under ``key`` (default :func:`signing_key`), in hex.

    Examples
    --------
    >>> len(sign(b"fitted coder", key=b"k" * 32))
    64
    """
    return hmac.new(signing_key() if key is None else key, data, hashlib.sha256).hexdigest()


def verify(data: bytes, signature: str, key: bytes | None = None) -> bool:
    """Whether ``signature`` is :func:`sign` of ``data`` under ``key``, compared in constant
    time.

    Examples
    --------
    >>> key = b"k" * 32
    >>> verify(b"fitted coder", sign(b"fitted coder", key=key), key=key)
    True
    >>> verify(b"planted coder", sign(b"fitted coder", key=key), key=key)
    False
    """
    return hmac.compare_digest(sign(data, key), signature.strip())
