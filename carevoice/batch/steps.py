"""The per-chunk steps of a batch run after pseudonymisation: embed and code.

Each is a plain function of pandas frames that calls the library's public functions, so the local
and the Dask engine run exactly the same code. Detection and replacement are in
:mod:`carevoice.batch.pseudonymise`.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..schema import COMMENT_ID, TEXT

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .config import EmbedSettings, ThemeSettings

__all__ = [
    "build_coder",
    "build_embedder",
    "code_chunk",
    "embed_texts",
    "embedding_dim",
    "row_vectors",
]


# --------------------------------------------------------------------------------------------
# Embedding and coding
# --------------------------------------------------------------------------------------------
def build_embedder(settings: EmbedSettings, *, cache: bool = True) -> Any:
    """The embedder named by ``[embed] model``, wrapped in a disk cache when one is set.

    Parameters
    ----------
    settings : EmbedSettings
    cache : bool, default True
        Wrap it in :class:`carevoice.CachedEmbedder` when ``settings.cache`` is set.

    Returns
    -------
    Embedder
    """
    from ..embed import CachedEmbedder, HashingEmbedder, SentenceTransformerEmbedder

    if settings.model == "minilm":
        emb: Any = SentenceTransformerEmbedder(batch_size=settings.batch_size)
    elif settings.model in ("minilm-onnx", "minilm-onnx-int8"):
        from ..fast_embed import OnnxEmbedder

        emb = OnnxEmbedder(quantized=settings.model.endswith("int8"),
                           folder=settings.model_folder, batch_size=settings.batch_size)
    elif settings.model == "static":
        from ..fast_embed import StaticEmbedder

        emb = StaticEmbedder(folder=settings.model_folder)
    else:
        emb = HashingEmbedder()
    if cache and settings.cache is not None:
        emb = CachedEmbedder(emb, settings.cache)
    return emb


def embedder_name(settings: EmbedSettings) -> str:
    """A stable name of the embedding model (part of the chunk keys)."""
    return str(getattr(build_embedder(settings, cache=False), "name", settings.model))


_FIT_LOCK = threading.Lock()


@functools.lru_cache(maxsize=4)
def build_coder(themes: ThemeSettings, embed: EmbedSettings, seed: int,
                folder: Path | None = None, key: str = "") -> Any:
    """Fit the theme coder once per process and settings, or load it from ``folder``.

    Fitting (embedding the codebook's examples, cross-validated thresholds) takes a while, so
    the fitted coder is kept as ``coder-<key>.pkl`` in ``folder`` (the run's chunk store, or
    the embedding cache so that later runs share it), signed in a side file ``.hmac`` with this
    user's secret key (:mod:`carevoice.batch.signing`); both files are readable by their owner
    alone (0600). A file whose signature does not verify
    (torn, planted by someone else, or fitted by another user or machine) is never unpickled:
    the coder is fitted again and the file replaced.

    Parameters
    ----------
    themes : ThemeSettings
    embed : EmbedSettings
    seed : int
        The coder's ``random_state``.
    folder : pathlib.Path, optional
        Where to keep the fitted coder; None fits in memory only.
    key : str
        The content key of the settings (codebook hash, model, seed, versions).

    Returns
    -------
    carevoice.themes.ThemeCoder
        Fitted, with the embedder of ``[embed]``.
    """
    import pickle

    from ..themes import ThemeCoder
    from .chunks import write_atomic
    from .signing import sign, verify

    with _FIT_LOCK:  # fit once per process, even with several worker threads
        path = Path(folder) / f"coder-{key[:24]}.pkl" if folder is not None else None
        if path is not None and path.is_file():
            data = path.read_bytes()
            signature = path.with_suffix(".hmac")
            if signature.is_file() and verify(data, signature.read_text("ascii")):
                return pickle.loads(data)  # signed with this user's key: our own file
        coder = ThemeCoder(embedder=build_embedder(embed), codebook=themes.codebook,
                           reference=themes.reference, kin_carers=themes.kin_carers,
                           mentions=themes.mentions, denials=themes.denials,
                           random_state=seed).fit()
        if path is not None:
            data = pickle.dumps(coder, protocol=pickle.HIGHEST_PROTOCOL)
            # owner-only, like the embedding cache around it
            write_atomic(path, data, private=True)
            write_atomic(path.with_suffix(".hmac"), sign(data).encode("ascii"), private=True)
        return coder


def embed_texts(comments: pd.DataFrame, embedder: Any) -> tuple[list[str], np.ndarray]:
    """Embed a chunk's answered comments once each, as the models read them.

    A comment is embedded as :func:`carevoice.placeholders.model_text` reads it (tags without
    their numbers), so two comments that differ only in their tags' numbers share one vector
    (and one entry of an embedding cache).

    Parameters
    ----------
    comments : pandas.DataFrame
        Pseudonymised comments.
    embedder : Embedder

    Returns
    -------
    texts : list of str
        The distinct non-blank texts as the models read them, in order of first appearance.
    vectors : numpy.ndarray
        Their embeddings, one row each.
    """
    import pandas as pd

    from ..placeholders import model_text

    texts = list(dict.fromkeys(model_text(str(t)) for t in comments[TEXT].tolist()
                               if not pd.isna(t) and str(t).strip()))
    if not texts:
        return texts, np.zeros((0, embedding_dim(embedder)), dtype=np.float32)
    return texts, np.asarray(embedder.encode(texts), dtype=np.float32)


def embedding_dim(embedder: Any) -> int:
    """The number of dimensions of an embedder's vectors, without embedding any comment.

    A wrapper such as :class:`carevoice.CachedEmbedder` is asked for its wrapped embedder's
    empty result; an embedder whose empty result has no columns embeds one empty text.

    Parameters
    ----------
    embedder : Embedder

    Returns
    -------
    int

    Examples
    --------
    >>> from carevoice.embed import HashingEmbedder
    >>> embedding_dim(HashingEmbedder(dim=64))
    64
    """
    inner = getattr(embedder, "embedder", embedder)
    empty = np.asarray(inner.encode([]))
    if empty.ndim == 2 and empty.shape[1] > 0:
        return int(empty.shape[1])
    return int(np.asarray(embedder.encode([""])).reshape(1, -1).shape[1])


def row_vectors(comments: pd.DataFrame, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
    """One vector per row of ``comments``, from :func:`embed_texts` (zeros for blank text).

    Parameters
    ----------
    comments : pandas.DataFrame
    texts, vectors
        From :func:`embed_texts`.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(comments), dim)``, float32.
    """
    import pandas as pd

    from ..placeholders import model_text

    where = {t: i for i, t in enumerate(texts)}
    dim = vectors.shape[1] if vectors.ndim == 2 else 0
    out = np.zeros((len(comments), dim), dtype=np.float32)
    for row, t in enumerate(comments[TEXT].tolist()):
        read = None if pd.isna(t) else model_text(str(t))
        if read is not None and read in where:
            out[row] = vectors[where[read]]
    return out


def code_chunk(comments: pd.DataFrame, coder: Any, texts: Sequence[str], vectors: np.ndarray,
               min_score: float) -> pd.DataFrame:
    """Code one chunk of pseudonymised comments with the vectors the *embed* step made.

    The coder embeds only the sentences of long comments; the whole comments' vectors are
    passed to :meth:`carevoice.themes.ThemeCoder.predict`, so nothing is embedded twice.

    Parameters
    ----------
    comments : pandas.DataFrame
    coder : carevoice.themes.ThemeCoder
        From :func:`build_coder`.
    texts, vectors
        From :func:`embed_texts`.
    min_score : float
        Keep unassigned rows scoring at least this.

    Returns
    -------
    pandas.DataFrame
        ``comment_id, theme, score, assigned``.
    """
    from ..placeholders import model_text

    # A chunk with no answered comment has no vectors: the coder scores blanks without any.
    embeddings = row_vectors(comments, texts, vectors) if vectors.size else None
    # The vectors are of the text as the models read it (tags without numbers): give the coder
    # that text, so that it re-embeds only the comments it reads anew (kinship, mentions,
    # denials).
    read = comments[[COMMENT_ID, TEXT]].copy()
    read[TEXT] = [t if not isinstance(t, str) else model_text(t) for t in read[TEXT]]
    return coder.predict(read, min_score=min_score, embeddings=embeddings)
