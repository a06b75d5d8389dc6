"""The re-identification key: encrypted with the project secret, written only when asked.

The key maps each replacement back to the original text, with the ``comment_id`` and offsets of
every occurrence. It is encrypted with Fernet (AES-128-CBC plus HMAC-SHA256, from the
``cryptography`` package) under a key derived from the project secret with scrypt and a random
salt, and written to a path the user chooses. :func:`reidentify` reverses pseudonymisation for an
authorised person who holds the secret.
"""

from __future__ import annotations

import base64
import io
import json
import os
import secrets as _secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, format_ids
from ..schema import COMMENT_ID, TEXT
from ._base import as_text, check_comments
from .replace import OCCURRENCE_COLUMNS, as_secret

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "KEY_FORMAT",
    "KeyFileError",
    "ReidentificationKey",
    "generate_secret",
    "read_key",
    "read_secret",
    "reidentify",
    "write_key",
    "write_secret",
]

#: The ``format`` field of a key file.
KEY_FORMAT = "carevoice-reidentification-key"
_SCRYPT_N = 2**15


class KeyFileError(InputError):
    """A key or secret file cannot be read, or the secret does not open the key."""


@dataclass(frozen=True)
class ReidentificationKey:
    """What was replaced where: one row per occurrence (holds original text; keep it safe).

    Parameters
    ----------
    occurrences : pandas.DataFrame
        Columns :data:`carevoice.pseudonymise.replace.OCCURRENCE_COLUMNS`.
    mode : str
        The replacement mode used.
    """

    occurrences: pd.DataFrame = field(repr=False)
    mode: str = "tags"

    def __repr__(self) -> str:
        n_ent = self.occurrences["entity_id"].nunique() if len(self.occurrences) else 0
        n_com = self.occurrences[COMMENT_ID].nunique() if len(self.occurrences) else 0
        return (f"ReidentificationKey({len(self.occurrences)} occurrences of {n_ent} entities "
                f"in {n_com} comments, mode={self.mode!r})")

    def entities(self) -> pd.DataFrame:
        """One row per entity: ``entity_id``, ``label``, ``replacement``, ``original`` (the
        most frequent surface form), ``n`` and ``comment_ids``.

        Returns
        -------
        pandas.DataFrame
        """
        import pandas as pd

        occ = self.occurrences
        if occ.empty:
            return pd.DataFrame(columns=["entity_id", "label", "replacement", "original", "n",
                                         "comment_ids"])
        grouped = occ.groupby("entity_id", sort=False)
        return pd.DataFrame({
            "label": grouped["label"].first(),
            "replacement": grouped["replacement"].first(),
            "original": grouped["original"].agg(lambda s: s.value_counts().index[0]),
            "n": grouped.size(),
            "comment_ids": grouped[COMMENT_ID].agg(lambda s: sorted(set(s))),
        }).reset_index()


def generate_secret() -> str:
    """Return a new random project secret (43 URL-safe characters, 256 bits).

    Returns
    -------
    str

    Examples
    --------
    >>> len(generate_secret())
    43
    """
    return _secrets.token_urlsafe(32)


def write_secret(path: str | Path, secret: str | None = None, *, overwrite: bool = False) -> Path:
    """Write a project secret to ``path`` (owner read/write only), generating one if needed.

    Parameters
    ----------
    path : str or pathlib.Path
    secret : str, optional
        Defaults to :func:`generate_secret`.
    overwrite : bool, default False
        Refuse to replace an existing file unless True (a lost secret cannot open old keys).

    Returns
    -------
    pathlib.Path
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise KeyFileError(f"The secret file {str(path)!r} exists already; carevoice will not "
                        "overwrite a secret (old keys need it). Choose another path.")
    secret = secret if secret is not None else generate_secret()
    as_secret(secret)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(secret + "\n")
    return path


def read_secret(path: str | Path) -> bytes:
    """Read a project secret written by :func:`write_secret` (or any text file).

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    bytes
    """
    path = Path(path)
    try:
        return as_secret(path.read_text(encoding="utf-8").strip())
    except OSError as e:
        raise KeyFileError(f"Cannot read the secret file {str(path)!r}: {e.strerror}.") from e


def _fernet(secret: bytes, salt: bytes, n: int) -> Any:
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    key = Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(secret)
    return Fernet(base64.urlsafe_b64encode(key))


def write_key(path: str | Path, key: ReidentificationKey, secret: bytes | str, *,
              overwrite: bool = False) -> Path:
    """Encrypt the re-identification key with ``secret`` and write it to ``path``.

    Parameters
    ----------
    path : str or pathlib.Path
        Where to write; keep it apart from the pseudonymised outputs.
    key : ReidentificationKey
    secret : bytes or str
        The project secret (at least 16 bytes).
    overwrite : bool, default False

    Returns
    -------
    pathlib.Path
    """
    secret_b = as_secret(secret)
    path = Path(path)
    if path.exists() and not overwrite:
        raise KeyFileError(f"The key file {str(path)!r} exists already. Pass overwrite=True "
                        "(--overwrite) to replace it.")
    payload = {
        "mode": key.mode,
        "columns": list(OCCURRENCE_COLUMNS),
        "rows": key.occurrences[list(OCCURRENCE_COLUMNS)].astype(object).values.tolist(),
    }
    salt = os.urandom(16)
    token = _fernet(secret_b, salt, _SCRYPT_N).encrypt(json.dumps(payload).encode("utf-8"))
    document = {"format": KEY_FORMAT, "version": 1, "kdf": "scrypt", "n": _SCRYPT_N, "r": 8,
                "p": 1, "salt": base64.b64encode(salt).decode(), "token": token.decode()}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(document, fh)
    return path


def read_key(path: str | Path, secret: bytes | str) -> ReidentificationKey:
    """Decrypt a key file written by :func:`write_key`.

    Parameters
    ----------
    path : str or pathlib.Path
    secret : bytes or str

    Returns
    -------
    ReidentificationKey

    Raises
    ------
    KeyFileError
        If the file is not a carevoice key or the secret is wrong.
    """
    import pandas as pd
    from cryptography.fernet import InvalidToken

    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise KeyFileError(f"Cannot read the key file {str(path)!r}: not a carevoice key.") from e
    if not isinstance(document, dict) or document.get("format") != KEY_FORMAT:
        raise KeyFileError(f"The file {str(path)!r} is not a carevoice re-identification key.")
    try:
        fernet = _fernet(as_secret(secret), base64.b64decode(document["salt"]), int(document["n"]))
        payload = json.loads(fernet.decrypt(document["token"].encode()).decode("utf-8"))
    except InvalidToken as e:
        raise KeyFileError(f"The secret does not open the key file {str(path)!r} (wrong secret, or "
                        "the file was altered).") from e
    occurrences = pd.DataFrame(payload["rows"], columns=payload["columns"])
    occurrences = occurrences.astype({"start": "int64", "end": "int64", "out_start": "int64",
                                      "out_end": "int64"})
    return ReidentificationKey(occurrences, mode=str(payload.get("mode", "tags")))


def reidentify(pseudonymised: pd.DataFrame, key: ReidentificationKey | str | Path, *,
               secret: bytes | str | None = None) -> pd.DataFrame:
    """Put the original text back into pseudonymised comments.

    Comments whose text is unchanged since pseudonymisation are restored exactly from the
    recorded offsets; edited comments (a shortened quote, say) fall back to replacing each
    replacement string by its original, which is exact for tags and surrogates.

    Parameters
    ----------
    pseudonymised : pandas.DataFrame
        With ``comment_id`` and ``text``; not modified.
    key : ReidentificationKey, str or pathlib.Path
        The key, or the path of an encrypted key file (then ``secret`` is required).
    secret : bytes or str, optional

    Returns
    -------
    pandas.DataFrame
        A copy with the original ``text``.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise.replace import replace_spans
    >>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["me and Kai"]})
    >>> spans = pd.DataFrame({"comment_id": ["c1"], "start": [7], "end": [10],
    ...                       "label": ["PERSON"]})
    >>> out, occ = replace_spans(comments, spans, secret=b"x" * 32)
    >>> reidentify(out, ReidentificationKey(occ))["text"].tolist()
    ['me and Kai']
    """
    import pandas as pd

    check_comments(pseudonymised, "pseudonymised")
    if not isinstance(key, ReidentificationKey):
        if secret is None:
            raise KeyFileError("The 'secret' argument is required to open a key file.")
        key = read_key(key, secret)
    occ = key.occurrences
    by_comment = {cid: g.sort_values("out_start") for cid, g in occ.groupby(COMMENT_ID, sort=False)}
    out = pseudonymised.copy(deep=True)
    restored: list[Any] = []
    fallback: list[str] = []
    for cid, value in zip(out[COMMENT_ID].map(str), out[TEXT].tolist(), strict=True):
        group = by_comment.get(cid)
        if group is None:
            restored.append(value)
            continue
        text = as_text(value)
        if all(text[s:e] == r for s, e, r in zip(group["out_start"], group["out_end"],
                                                    group["replacement"], strict=True)):
            buf, pos = io.StringIO(), 0
            for s, e, orig in zip(group["out_start"], group["out_end"], group["original"],
                                  strict=True):
                buf.write(text[pos:s])
                buf.write(orig)
                pos = e
            buf.write(text[pos:])
            restored.append(buf.getvalue())
        else:
            fallback.append(cid)
            pairs = sorted(set(zip(group["replacement"], group["original"], strict=True)),
                           key=lambda p: -len(p[0]))
            for rep, orig in pairs:
                text = text.replace(rep, orig)
            restored.append(text)
    out[TEXT] = pd.Series(restored, index=out.index, dtype=object)
    out.attrs["reidentified_by_string"] = fallback
    if fallback:
        out.attrs["note"] = (f"{len(fallback)} comment(s) changed since pseudonymisation were "
                             f"restored by string replacement: {format_ids(fallback)}")
    return out
