"""Sentence embeddings: the packaged MiniLM model, an offline hashing embedder, a disk cache.

Every embedder follows the :class:`carevoice.schema.Embedder` protocol: ``encode(texts)`` returns
an ``(n, dim)`` float32 array with L2-normalised rows, so a dot product is a cosine similarity.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ._atomic import write_atomic
from .errors import InputError
from .models import SENTENCE_MODEL, load_sentence_transformer

__all__ = ["CachedEmbedder", "HashingEmbedder", "SentenceTransformerEmbedder", "cache_key_path",
           "private_folder", "text_key"]

#: A model folder of the cache layout before 2026-12-06 (named ``<model hash>/``): its files
#: were named by the plain SHA-256 of each text, so they are never read.
_PLAIN_LAYOUT = re.compile(r"[0-9a-f]{16}")


def text_key(text: str) -> str:
    """The key a text's vector is stored under: the hex SHA-256 of its UTF-8 bytes.

    Used by :class:`CachedEmbedder` and by the coder's shipped vectors
    (:mod:`carevoice.themes.reference`).

    Examples
    --------
    >>> text_key("no")[:12]
    '9390298f3fb0'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_key_path() -> Path:
    """Where this user's embedding-cache key is kept: ``embedding-cache.key`` in carevoice's
    user configuration folder (``~/.config/carevoice`` on Linux), readable by the user alone.

    Returns
    -------
    pathlib.Path
    """
    from ._paths import user_folder

    return user_folder("config") / "embedding-cache.key"


def private_folder(path: str | Path) -> Path:
    """Create ``path`` and any missing folder above it readable by their owner alone (0700).

    A folder that exists already is left as it is.

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import stat, tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> made = private_folder(Path(scratch.name) / "cache" / "vectors")
    >>> oct(stat.S_IMODE(made.stat().st_mode)), oct(stat.S_IMODE(made.parent.stat().st_mode))
    ('0o700', '0o700')
    >>> scratch.cleanup()
    """
    path = Path(path)
    missing = []
    here = path
    while not here.exists() and here != here.parent:
        missing.append(here)
        here = here.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    return path


def _check_texts(texts: Sequence[str]) -> list[str]:
    out = list(texts)
    bad = [i for i, t in enumerate(out) if not isinstance(t, str)]
    if bad:
        raise InputError(
            f"The 'texts' argument of encode must be a sequence of str; positions {bad[:10]} "
            "are not strings. Drop or fill missing answers first."
        )
    return out


@dataclass(frozen=True)
class SentenceTransformerEmbedder:
    """The packaged all-MiniLM-L6-v2 model (384 dimensions), loaded offline on first use.

    Parameters
    ----------
    batch_size : int, default 64
        Texts per forward pass.
    show_progress_bar : bool, default False
        Show a progress bar (useful for long runs).
    device : str, default "cpu"
        The torch device.

    Examples
    --------
    >>> emb = SentenceTransformerEmbedder()
    >>> emb.encode(["I want to see my brother more"]).shape
    (1, 384)
    """

    batch_size: int = 64
    show_progress_bar: bool = False
    device: str = "cpu"

    def __post_init__(self) -> None:
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise InputError(
                "The 'batch_size' parameter of SentenceTransformerEmbedder must be an int in "
                f"the range [1, inf). Got {self.batch_size!r} instead."
            )

    @property
    def name(self) -> str:
        """A stable name of the model and version, used as the cache key."""
        return f"{SENTENCE_MODEL.distribution}=={SENTENCE_MODEL.version}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts.

        Parameters
        ----------
        texts : sequence of str
            The texts.

        Returns
        -------
        numpy.ndarray
            Shape ``(len(texts), 384)``, float32, L2-normalised rows.
        """
        texts = _check_texts(texts)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = load_sentence_transformer(self.device)
        vectors = model.encode(
            texts,
            batch_size=self.batch_size,
            show_progress_bar=self.show_progress_bar,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.asarray(vectors, dtype=np.float32)


@dataclass(frozen=True)
class HashingEmbedder:
    """A fast, dependency-free embedder from hashed word and character n-grams.

    Meant for unit tests and quick checks, not for real analysis: it knows spelling, not meaning.

    Parameters
    ----------
    dim : int, default 256
        The output dimension.
    ngram_range : tuple of int, default (3, 5)
        Character n-gram lengths hashed alongside whole words.

    Examples
    --------
    >>> v = HashingEmbedder(dim=64).encode(["see my mum", "see my mum more"])
    >>> v.shape, round(float(v[0] @ v[1]), 2) > 0.5
    ((2, 64), True)
    """

    dim: int = 256
    ngram_range: tuple[int, int] = (3, 5)

    def __post_init__(self) -> None:
        if not isinstance(self.dim, int) or self.dim < 8:
            raise InputError(
                "The 'dim' parameter of HashingEmbedder must be an int in the range [8, inf). "
                f"Got {self.dim!r} instead."
            )

    @property
    def name(self) -> str:
        """A stable name used as the cache key."""
        return f"hashing-{self.dim}-{self.ngram_range[0]}-{self.ngram_range[1]}"

    def _features(self, text: str) -> list[str]:
        words = text.lower().split()
        feats = [f"w:{w}" for w in words]
        padded = f" {' '.join(words)} "
        lo, hi = self.ngram_range
        for n in range(lo, hi + 1):
            feats.extend(f"c:{padded[i:i + n]}" for i in range(max(0, len(padded) - n + 1)))
        return feats

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts by feature hashing.

        Parameters
        ----------
        texts : sequence of str
            The texts.

        Returns
        -------
        numpy.ndarray
            Shape ``(len(texts), dim)``, float32, L2-normalised rows (zero rows for empty text).
        """
        texts = _check_texts(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feat in self._features(text):
                h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=8).digest(), "little")
                out[row, h % self.dim] += 1.0 if (h >> 63) else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


class CachedEmbedder:
    """Wrap an embedder with a cache keyed by model name and a keyed hash of each text.

    The cache holds vectors computed from children's words, so nothing is written to disk unless
    you name a folder. It never stores the texts themselves, but a sentence vector is not
    anonymous: with the public model, someone who can read a vector can test guesses ("is the
    name in this comment Kai?") and recover some of the words. So a cache folder is personal
    data, as the comments are: the folders it makes are readable by you alone (0700) and its
    files too (0600); keep it with the project and delete it with the project. Files are named
    by the HMAC-SHA256 of the text under a secret key of your own (:func:`cache_key_path`, made
    on first use, readable by you alone), not by a plain hash, so a file name does not confirm a
    guessed comment; another user (or another machine) has another key, and embeds again.

    It embeds exactly the texts it is given; carevoice's coder (``carevoice code``), discovery,
    quote selection and batch runner give it pseudonymised comments as the models read them
    (:func:`carevoice.placeholders.model_text`: tags without their numbers), so comments that
    differ only in their tags' numbers share one entry. In your own code, pseudonymise the
    comments before you embed them through a cache.

    Vectors cached by carevoice before 2026-12-06 (folders named by 16 hexadecimal characters,
    files by the plain SHA-256 of the text) are never read: the first use of such a folder
    warns, naming them, so that you can delete them.

    Parameters
    ----------
    embedder : Embedder
        The embedder to wrap; its ``name`` attribute (or class name) keys the cache.
    folder : str or pathlib.Path or None
        Where to keep the cache; created if missing (0700). None keeps the vectors in memory for
        the life of this object (one pipeline run embedding the same comments in several steps).
    key : bytes, optional
        The secret the file names are keyed with (32 bytes or more); default this user's key
        (:func:`cache_key_path`), read on the first use of the folder. Never pickled.

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> cached = CachedEmbedder(HashingEmbedder(dim=32), scratch.name, key=b"k" * 32)
    >>> a = cached.encode(["hello"]); b = cached.encode(["hello"])
    >>> bool((a == b).all()), cached.hits
    (True, 1)
    >>> scratch.cleanup()
    """

    def __init__(self, embedder: object, folder: str | Path | None, *,
                 key: bytes | None = None) -> None:
        if key is not None and (not isinstance(key, bytes) or len(key) < 32):
            raise InputError("The 'key' parameter of CachedEmbedder must be bytes, 32 or more "
                             "of them (or None for this user's key).")
        self.embedder = embedder
        self.folder = None if folder is None else Path(folder)
        self.hits = 0
        self.misses = 0
        self._memory: dict[str, np.ndarray] = {}
        self._key = key
        self._checked_layout = False

    def __getstate__(self) -> dict[str, Any]:
        # A fitted coder is pickled with its embedder into the cache folder: never the key.
        state = dict(self.__dict__)
        state["_key"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        # also a cache pickled (inside a fitted coder) before the key and the layout check
        self.__dict__.update({"_key": None, "_checked_layout": False, **state})

    @property
    def name(self) -> str:
        """The wrapped embedder's name."""
        return str(getattr(self.embedder, "name", type(self.embedder).__name__))

    def _model_folder(self, folder: Path) -> Path:
        return folder / f"hmac-{hashlib.sha256(self.name.encode()).hexdigest()[:16]}"

    def _path(self, folder: Path, key: str) -> Path:
        return self._model_folder(folder) / key[:2] / f"{key}.npy"

    def _keys(self, texts: list[str]) -> list[str]:
        if self.folder is None:  # in memory only: nothing on disk to name
            return [text_key(t) for t in texts]
        if self._key is None:
            from ._user_keys import user_key

            self._key = user_key(cache_key_path(),
                                 lost="cached embeddings will be computed again")
        secret = self._key
        return [hmac.new(secret, t.encode("utf-8"), hashlib.sha256).hexdigest() for t in texts]

    def _warn_plain_layout(self, folder: Path) -> None:
        """Warn once about model folders of the old layout (files named by plain hashes)."""
        if self._checked_layout:
            return
        self._checked_layout = True
        if not folder.is_dir():
            return
        old = sorted(p.name for p in folder.iterdir()
                     if p.is_dir() and _PLAIN_LAYOUT.fullmatch(p.name))
        if old:
            warnings.warn(
                f"The embedding cache folder {str(folder)!r} holds vectors that an earlier "
                f"carevoice stored under plain SHA-256 hashes of the texts (folder(s) "
                f"{', '.join(old)}). They are no longer read, and a name in them can be "
                "confirmed from the file names: delete those folders.",
                UserWarning, stacklevel=3)

    def _write(self, path: Path, vec: np.ndarray) -> None:
        private_folder(path.parent)
        # not synced: one small file per comment, and a vector lost in a crash is computed again
        write_atomic(path, lambda fh: np.save(fh, vec), mode=0o600, sync=False)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts, reading cached vectors and computing only the missing ones.

        Parameters
        ----------
        texts : sequence of str
            The texts.

        Returns
        -------
        numpy.ndarray
            The same array the wrapped embedder would return, float32: shape
            ``(len(texts), dim)``, ``(0, dim)`` for no texts.
        """
        texts = _check_texts(texts)
        if not texts:  # the wrapped embedder's (0, dim) array: its width without a cache entry
            encode = self.embedder.encode  # type: ignore[attr-defined]
            return np.asarray(encode([]), dtype=np.float32)
        if self.folder is not None:
            self._warn_plain_layout(self.folder)
        keys = self._keys(texts)
        text_of = dict(zip(keys, texts, strict=True))  # one key, one text
        found: dict[str, np.ndarray] = {}
        for key in dict.fromkeys(keys):
            path = None if self.folder is None else self._path(self.folder, key)
            if key in self._memory:
                found[key] = self._memory[key]
            elif path is not None and path.is_file():
                found[key] = np.load(path)
        missing = [k for k in dict.fromkeys(keys) if k not in found]
        if missing:
            encode = self.embedder.encode  # type: ignore[attr-defined]
            vectors = np.asarray(encode([text_of[k] for k in missing]))
            for key, vec in zip(missing, vectors, strict=True):
                vec = vec.astype(np.float32)
                if self.folder is None:
                    self._memory[key] = vec
                else:
                    self._write(self._path(self.folder, key), vec)
                found[key] = vec
        computed = set(missing)
        n_computed = sum(1 for k in keys if k in computed)
        self.misses += n_computed
        self.hits += len(keys) - n_computed
        return np.stack([found[k] for k in keys]).astype(np.float32)
