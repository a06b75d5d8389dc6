"""The re-identification key: encrypted with the project secret, written only when asked.

The key maps each replacement back to the original text, with the ``comment_id`` and offsets of
every occurrence. It is encrypted with Fernet (AES-128-CBC plus HMAC-SHA256, from the
``cryptography`` package) under a key derived from the project secret with scrypt and a random
salt, and written to a path the user chooses. :func:`reidentify` reverses pseudonymisation for an
authorised person who holds the secret.

Since format version 2 the key also holds, for each comment it replaced something in, a digest
of the pseudonymised text it was written for: :func:`reidentify` restores a comment only when its
text is exactly that text, so an edited comment, or a file from another survey wave that happens
to share ``comment_id`` values, is refused rather than given the wrong names. Version 2 keys also
carry every entity's replacement (without original text), so that a later wave can continue the
numbering of tags and keep the surrogates (``previous_key``). Version 1 keys are still read.
A key written by a batch run records the run folder that wrote it (:attr:`ReidentificationKey.run`,
an optional field that older readers ignore), so that a later run replaces only its own key.
:func:`reidentify` refuses a key that restores none of a file's comments while some of them hold
tags it does not know, and warns, with ids, when only some do.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import io
import json
import os
import secrets as _secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, format_ids
from ..schema import COMMENT_ID, TEXT
from ._base import as_text, check_comments
from ._files import write_atomic
from .replace import MAPPING_COLUMNS, OCCURRENCE_COLUMNS, as_secret

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "KEY_FORMAT",
    "KEY_VERSION",
    "KeyFileError",
    "ReidentificationKey",
    "entity_table",
    "generate_secret",
    "read_key",
    "read_secret",
    "reidentify",
    "secret_check",
    "text_digest",
    "text_digests",
    "write_key",
    "write_secret",
]

#: The ``format`` field of a key file.
KEY_FORMAT = "carevoice-reidentification-key"
#: The format version :func:`write_key` writes; :func:`read_key` reads this one and version 1.
KEY_VERSION = 2
#: The scrypt parameters of every key file: :func:`read_key` accepts no others (a file that asks
#: for more work than this could tie up the machine; one that asks for less is not ours).
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}
_SALT_BYTES = 16


class KeyFileError(InputError):
    """A key or secret file cannot be read, or the secret does not open the key."""


def text_digest(text: str) -> str:
    """Return the SHA-256 digest of a pseudonymised text, as the key records it.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        64 hexadecimal characters.

    Examples
    --------
    >>> text_digest("me and [PERSON_1]") == text_digest("me and [PERSON_1]")
    True
    """
    return hashlib.sha256(f"carevoice.text.v1\x1f{text}".encode()).hexdigest()


def text_digests(pseudonymised: pd.DataFrame, occurrences: pd.DataFrame) -> dict[str, str]:
    """Return :func:`text_digest` of each pseudonymised comment that has an occurrence.

    Parameters
    ----------
    pseudonymised : pandas.DataFrame
        With ``comment_id`` and ``text``.
    occurrences : pandas.DataFrame
        With ``comment_id``.

    Returns
    -------
    dict of str to str
    """
    wanted = set(occurrences[COMMENT_ID].map(str)) if len(occurrences) else set()
    return {cid: text_digest(as_text(text)) for cid, text in zip(
        pseudonymised[COMMENT_ID].map(str), pseudonymised[TEXT].tolist(), strict=True)
        if cid in wanted}


def secret_check(secret: bytes | str) -> str:
    """Return a keyed value that tells whether two keys were made under the same secret.

    It is an HMAC of a fixed message under the secret, so it says nothing about the secret.

    Parameters
    ----------
    secret : bytes or str

    Returns
    -------
    str

    Examples
    --------
    >>> secret_check(b"s" * 32) == secret_check(b"s" * 32) != secret_check(b"t" * 32)
    True
    """
    return hmac.new(as_secret(secret), b"carevoice.secret-check.v1", hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ReidentificationKey:
    """What was replaced where: one row per occurrence (holds original text; keep it safe).

    Parameters
    ----------
    occurrences : pandas.DataFrame
        Columns :data:`carevoice.pseudonymise.replace.OCCURRENCE_COLUMNS`.
    mode : str
        The replacement mode used.
    digests : mapping of str to str, optional
        For each comment with a replacement, :func:`text_digest` of its pseudonymised text;
        :func:`reidentify` restores only comments whose text still has this digest. Keys
        without digests (format version 1) are checked by the recorded offsets alone.
    mapping : pandas.DataFrame, optional
        Columns :data:`carevoice.pseudonymise.replace.MAPPING_COLUMNS`: every entity's
        replacement (and, in surrogates mode, every name part's), this run's and those carried
        over from a previous wave, keyed by keyed hashes only (no original text).
    secret_check : str, optional
        :func:`secret_check` of the secret the entity ids were made with.
    run : str, optional
        The run folder of the batch run that wrote the key (its full path), so that a later
        run replaces only its own key; None for keys written by :func:`pseudonymise`, and for
        keys written before 2026-12-06.
    """

    occurrences: pd.DataFrame = field(repr=False)
    mode: str = "tags"
    digests: Mapping[str, str] | None = field(default=None, repr=False)
    mapping: pd.DataFrame | None = field(default=None, repr=False)
    secret_check: str | None = field(default=None, repr=False)
    run: str | None = field(default=None, repr=False)

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
    secret = secret if secret is not None else generate_secret()
    as_secret(secret)
    return write_atomic(path, lambda fh: fh.write(secret + "\n"), private=True,
                        overwrite=overwrite, exists_error=lambda p: KeyFileError(
                            f"The secret file {str(p)!r} exists already; carevoice will not "
                            "overwrite a secret (old keys need it). Choose another path."))


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
    if not path.exists():
        raise KeyFileError(f"Cannot read the secret file {str(path)!r}: it does not exist.")
    try:
        return as_secret(path.read_text(encoding="utf-8").strip())
    except OSError as e:
        raise KeyFileError(f"Cannot read the secret file {str(path)!r}: {e.strerror}.") from e
    except UnicodeDecodeError as e:
        raise KeyFileError(f"Cannot read the secret file {str(path)!r}: it is not text.") from e


def _fernet(secret: bytes, salt: bytes) -> Any:
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    key = Scrypt(salt=salt, length=32, **_SCRYPT).derive(secret)
    return Fernet(base64.urlsafe_b64encode(key))


def entity_table(key: ReidentificationKey) -> pd.DataFrame:
    """Return the key's entity table (:data:`carevoice.pseudonymise.replace.MAPPING_COLUMNS`),
    made from its occurrences when it carries none (a version 1 key, or one written by a batch
    run before batch keys carried the table).

    Parameters
    ----------
    key : ReidentificationKey

    Returns
    -------
    pandas.DataFrame
    """
    import pandas as pd

    if key.mapping is not None and len(key.mapping):
        return key.mapping
    first = key.occurrences.drop_duplicates("entity_id")
    return pd.DataFrame({"kind": "entity", "key": first["entity_id"].astype(str),
                         "label": first["label"].astype(str),
                         "value": first["replacement"].astype(str)},
                        columns=list(MAPPING_COLUMNS)).reset_index(drop=True)


def _mapping_rows(key: ReidentificationKey) -> list[list[Any]]:
    if key.occurrences.empty and (key.mapping is None or key.mapping.empty):
        return []
    return entity_table(key)[list(MAPPING_COLUMNS)].astype(object).values.tolist()


def write_key(path: str | Path, key: ReidentificationKey, secret: bytes | str, *,
              overwrite: bool = False) -> Path:
    """Encrypt the re-identification key with ``secret`` and write it to ``path``.

    The file is written to a temporary file and renamed into place, owner read/write only
    (0600), also when it replaces an existing key.

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
    if key.secret_check is not None and key.secret_check != secret_check(secret_b):
        raise KeyFileError("The key was made under another project secret than the one given to "
                           "write it; write it with the secret the comments were pseudonymised "
                           "with, so that a later wave can continue from it.")
    payload = {
        "mode": key.mode,
        "columns": list(OCCURRENCE_COLUMNS),
        "rows": key.occurrences[list(OCCURRENCE_COLUMNS)].astype(object).values.tolist(),
        "digests": dict(key.digests or {}),
        "mapping_columns": list(MAPPING_COLUMNS),
        "mapping": _mapping_rows(key),
        # None where the ids were made under a random secret (pseudonymise without one)
        "secret_check": key.secret_check,
        # the batch run folder that wrote it (None otherwise); readers before it ignore it
        "run": key.run,
    }
    salt = os.urandom(_SALT_BYTES)
    token = _fernet(secret_b, salt).encrypt(json.dumps(payload).encode("utf-8"))
    document = {"format": KEY_FORMAT, "version": KEY_VERSION, "kdf": "scrypt", **_SCRYPT,
                "salt": base64.b64encode(salt).decode(), "token": token.decode()}
    return write_atomic(path, lambda fh: json.dump(document, fh), private=True,
                        overwrite=overwrite, exists_error=lambda p: KeyFileError(
                            f"The key file {str(p)!r} exists already. Pass overwrite=True "
                            "(--overwrite) to replace it."))


def _not_a_key(path: Path, why: str) -> KeyFileError:
    return KeyFileError(f"The file {str(path)!r} is not a valid carevoice key file ({why}).")


def _header(path: Path) -> tuple[int, bytes, bytes]:
    """The version, salt and token of a key file, every field checked."""
    if not path.exists():
        raise KeyFileError(f"Cannot read the key file {str(path)!r}: it does not exist.")
    if path.is_dir():
        raise KeyFileError(f"Cannot read the key file {str(path)!r}: it is a folder.")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise KeyFileError(f"Cannot read the key file {str(path)!r}: {e.strerror}.") from e
    except ValueError as e:  # not JSON, not UTF-8
        raise _not_a_key(path, "not JSON") from e
    if not isinstance(document, dict) or document.get("format") != KEY_FORMAT:
        raise _not_a_key(path, f"no 'format': {KEY_FORMAT!r} field")
    version = document.get("version")
    if type(version) is not int or version not in (1, KEY_VERSION):
        raise _not_a_key(path, f"format version {version!r}; this carevoice reads versions 1 "
                               f"and {KEY_VERSION}: a newer version needs a newer carevoice")
    if document.get("kdf") != "scrypt":
        raise _not_a_key(path, "the 'kdf' field must be 'scrypt'")
    for name, value in _SCRYPT.items():
        if type(document.get(name)) is not int or document[name] != value:
            raise _not_a_key(path, f"the scrypt parameter {name!r} must be {value}")
    salt, token = document.get("salt"), document.get("token")
    if not isinstance(salt, str) or not isinstance(token, str):
        raise _not_a_key(path, "'salt' and 'token' must be text")
    try:
        salt_b = base64.b64decode(salt, validate=True)
        token_b = token.encode("ascii")
    except (binascii.Error, ValueError) as e:
        raise _not_a_key(path, "the 'salt' or 'token' field is damaged") from e
    if len(salt_b) != _SALT_BYTES:
        raise _not_a_key(path, f"the salt must be {_SALT_BYTES} bytes")
    return version, salt_b, token_b


def _payload(path: Path, payload: Any, version: int) -> ReidentificationKey:
    import pandas as pd

    def field_error(what: str) -> KeyFileError:
        return _not_a_key(path, f"the decrypted key has {what}")

    if not isinstance(payload, dict):
        raise field_error("no table")
    columns, rows = payload.get("columns"), payload.get("rows")
    if columns != list(OCCURRENCE_COLUMNS) or not isinstance(rows, list) or not all(
            isinstance(r, list) and len(r) == len(OCCURRENCE_COLUMNS) for r in rows):
        raise field_error("a damaged occurrence table")
    try:
        occurrences = pd.DataFrame(rows, columns=columns).astype(
            {"start": "int64", "end": "int64", "out_start": "int64", "out_end": "int64"})
    except (TypeError, ValueError) as e:
        raise field_error("a damaged occurrence table") from e
    occurrences[COMMENT_ID] = occurrences[COMMENT_ID].map(str)
    digests = payload.get("digests") if version >= 2 else None
    if digests is not None and not (isinstance(digests, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in digests.items())):
        raise field_error("damaged digests")
    mapping = None
    if version >= 2:
        rows = payload.get("mapping", [])
        if payload.get("mapping_columns") != list(MAPPING_COLUMNS) or not isinstance(
                rows, list) or not all(isinstance(r, list) and len(r) == len(MAPPING_COLUMNS)
                                       for r in rows):
            raise field_error("a damaged entity table")
        mapping = pd.DataFrame(rows, columns=list(MAPPING_COLUMNS), dtype=object)
    check, run = payload.get("secret_check"), payload.get("run")
    return ReidentificationKey(occurrences, mode=str(payload.get("mode", "tags")),
                               digests=digests, mapping=mapping,
                               secret_check=check if isinstance(check, str) else None,
                               run=run if isinstance(run, str) else None)


def read_key(path: str | Path, secret: bytes | str) -> ReidentificationKey:
    """Decrypt a key file written by :func:`write_key` (format version 1 or 2).

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
        If the file does not exist, is not a valid carevoice key file (any field missing,
        damaged or other than :func:`write_key` writes it, the scrypt parameters included),
        or the secret is wrong.
    """
    from cryptography.fernet import InvalidToken

    path = Path(path)
    version, salt, token = _header(path)
    try:
        data = _fernet(as_secret(secret), salt).decrypt(token)
    except InvalidToken as e:
        raise KeyFileError(f"The secret does not open the key file {str(path)!r} (wrong secret, or "
                           "the file was altered).") from e
    try:
        payload = json.loads(data.decode("utf-8"))
    except ValueError as e:  # pragma: no cover - Fernet authenticates what it decrypts
        raise _not_a_key(path, "the decrypted key is not JSON") from e
    return _payload(path, payload, version)


#: What :func:`reidentify` may do with a comment whose text changed since pseudonymisation.
IF_CHANGED: tuple[str, ...] = ("raise", "keep")


def _unchanged(text: str, cid: str, group: pd.DataFrame, digests: Mapping[str, str] | None) -> bool:
    """Whether ``text`` is the pseudonymised text the key was written for."""
    if digests is not None and cid in digests and text_digest(text) != digests[cid]:
        return False
    return all(text[s:e] == r for s, e, r in zip(group["out_start"], group["out_end"],
                                                group["replacement"], strict=True))


def _tagged(value: Any, marks: tuple[str, ...]) -> bool:
    """Whether a comment holds a carevoice placeholder ("[PERSON_1]", "[REDACTED]") or one of
    ``marks`` (a redaction of the user's own)."""
    from ..placeholders import PLACEHOLDER

    text = as_text(value)
    return bool(PLACEHOLDER.search(text)) or any(m in text for m in marks)


def _mismatch(n: int, key: ReidentificationKey, unknown: list[str],
              changed: list[str]) -> InputError:
    """The error of a file none of whose comments the key restores."""
    parts = []
    if unknown:
        parts.append(f"{len(unknown)} hold carevoice tags this key has no entry for "
                     f"({format_ids(unknown)})")
    if changed:
        parts.append(f"{len(changed)} share a comment_id with the key but not the text it was "
                     f"written for: edited since, or they come from another file or survey wave "
                     f"({format_ids(changed)})")
    after = ""
    if not parts:
        n_key = key.occurrences[COMMENT_ID].nunique()
        parts.append(f"no comment_id of the file is among the {n_key} comment(s) the key "
                     "lists (in surrogates mode the replaced names cannot be seen in the text)")
        after = " If these comments had nothing replaced, there is nothing to re-identify."
    return InputError(
        f"None of the {n} comment(s) in 'pseudonymised' matches this key: {'; '.join(parts)}. "
        "Does this key belong to this file? Use the key written when this file was "
        "pseudonymised (each run and each survey wave writes its own); nothing was "
        f"re-identified.{after}")


def reidentify(pseudonymised: pd.DataFrame, key: ReidentificationKey | str | Path, *,
               secret: bytes | str | None = None, if_changed: str = "raise") -> pd.DataFrame:
    """Put the original text back into pseudonymised comments.

    A comment is restored only when its text is exactly the pseudonymised text the key was
    written for (checked against the digest the key holds, and every replacement at its
    recorded place); then each replacement is swapped for its original by offset. A comment
    edited since (a shortened quote, "Quote: " added), or one from another file or survey
    wave that shares its ``comment_id``, is never restored by guessing where the names go:
    the call raises, naming the comments, or with ``if_changed="keep"`` leaves them as they are
    and lists them in ``.attrs["not_reidentified"]``. To re-identify a quote, re-identify its
    whole comment from the pseudonymised file by ``comment_id``.

    A key that does not belong to the file is refused: when no comment is restored while some
    hold carevoice tags the key has no entry for (in surrogates mode, where replacements
    cannot be seen: when no ``comment_id`` is in the key), the call raises, and so it does,
    saying the key may not be the file's, when every comment the key knows has another text
    (unless ``if_changed="keep"``). When only some comments hold tags the key does not know,
    they are left as they are, listed in ``.attrs["not_in_key"]``, and a warning gives their
    count and ids.

    Parameters
    ----------
    pseudonymised : pandas.DataFrame
        With ``comment_id`` and ``text``; not modified. Any subset of the pseudonymised
        comments; comments the key knows nothing of are returned as they are.
    key : ReidentificationKey, str or pathlib.Path
        The key, or the path of an encrypted key file (then ``secret`` is required).
    secret : bytes or str, optional
    if_changed : {"raise", "keep"}, default "raise"
        What to do with comments whose text is not the text the key was written for.

    Returns
    -------
    pandas.DataFrame
        A copy with the original ``text``; ``.attrs["reidentified"]`` counts the comments
        restored.

    Raises
    ------
    InputError
        If a comment's text changed since pseudonymisation and ``if_changed="raise"``, or
        the key restores none of the comments and some of them hold tags it does not know.

    Warns
    -----
    UserWarning
        When some comments hold carevoice tags the key has no entry for (ids, no text).

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise.replace import replace_spans
    >>> comments = pd.DataFrame({"comment_id": ["c1", "c2"],
    ...                          "text": ["me and Kai", "Kai rang"]})
    >>> spans = pd.DataFrame({"comment_id": ["c1", "c2"], "start": [7, 0], "end": [10, 3],
    ...                       "label": ["PERSON", "PERSON"]})
    >>> out, occ = replace_spans(comments, spans, secret=b"x" * 32)
    >>> reidentify(out, ReidentificationKey(occ))["text"].tolist()
    ['me and Kai', 'Kai rang']
    >>> edited = out.assign(text=["Quote: " + out["text"][0], out["text"][1]])
    >>> reidentify(edited, ReidentificationKey(occ), if_changed="keep").attrs["not_reidentified"]
    ['c1']

    Comments the key has no entry for, though they hold tags, are from another file:

    >>> other = out.assign(comment_id=["x1", "x2"])
    >>> reidentify(other, ReidentificationKey(occ))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carevoice.errors.InputError: None of the 2 comment(s) in 'pseudonymised' matches this key...
    """
    import warnings

    import pandas as pd

    check_comments(pseudonymised, "pseudonymised")
    if if_changed not in IF_CHANGED:
        raise InputError(f"The 'if_changed' parameter must be one of {list(IF_CHANGED)}. "
                         f"Got {if_changed!r} instead.")
    if not isinstance(key, ReidentificationKey):
        if secret is None:
            raise KeyFileError("The 'secret' argument is required to open a key file.")
        key = read_key(key, secret)
    occ = key.occurrences
    by_comment = {str(cid): g.sort_values("out_start")
                  for cid, g in occ.groupby(occ[COMMENT_ID].map(str), sort=False)}
    marks = tuple(sorted(set(occ["replacement"].map(str)))) if key.mode == "redact" else ()
    out = pseudonymised.copy(deep=True)
    restored: list[Any] = []
    changed: list[str] = []
    unknown: list[str] = []  # tagged, but the key has no entry for them
    has_text, n_restored = False, 0
    for cid, value in zip(out[COMMENT_ID].map(str), out[TEXT].tolist(), strict=True):
        group = by_comment.get(cid)
        text = as_text(value)
        has_text = has_text or bool(text.strip())
        if group is None:
            if _tagged(text, marks):
                unknown.append(cid)
            restored.append(value)
            continue
        if not _unchanged(text, cid, group, key.digests):
            changed.append(cid)
            restored.append(value)
            continue
        buf, pos = io.StringIO(), 0
        for s, e, orig in zip(group["out_start"], group["out_end"], group["original"],
                              strict=True):
            buf.write(text[pos:s])
            buf.write(orig)
            pos = e
        buf.write(text[pos:])
        restored.append(buf.getvalue())
        n_restored += 1
    if len(occ) and not n_restored and (unknown or (changed and if_changed == "raise") or (
            not changed and key.mode == "surrogates" and has_text)):
        raise _mismatch(len(out), key, unknown, changed)
    if changed and if_changed == "raise":
        raise InputError(
            f"The text of {len(changed)} comment(s) is not the pseudonymised text the key was "
            f"written for: {format_ids(changed)}. They were edited since, or come from another "
            "file or survey wave; carevoice will not guess which name goes where. Re-identify "
            "the unedited pseudonymised comments, or pass if_changed='keep' (--keep-changed) to "
            "leave these comments masked.")
    out[TEXT] = pd.Series(restored, index=out.index, dtype=object)
    out.attrs["reidentified"] = n_restored
    out.attrs["not_reidentified"] = changed
    out.attrs["not_in_key"] = unknown
    if changed:
        out.attrs["note"] = (f"{len(changed)} comment(s) changed since pseudonymisation were "
                             f"left masked: {format_ids(changed)}")
    if unknown:
        warnings.warn(
            f"{len(unknown)} of the {len(out)} comment(s) hold carevoice tags this key has no "
            f"entry for and were left as they are: {format_ids(unknown)}. They were "
            "pseudonymised in another run or survey wave (re-identify them with that run's "
            "key), or the tags were in the text before it was pseudonymised.",
            UserWarning, stacklevel=2)
    return out
