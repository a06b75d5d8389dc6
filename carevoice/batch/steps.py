"""The per-chunk steps of a batch run: detect, replace, embed and code.

Each is a plain function of pandas frames that calls the library's public functions, so the local
and the Dask engine run exactly the same code. Replacement is the one sequential step: it runs
chunk after chunk with one :class:`carevoice.pseudonymise.replace.Replacer`, so that tags are
numbered across the whole corpus (``[PERSON_1]`` is the same person in every chunk) and the
output equals a run over the corpus in one piece.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, format_ids
from ..schema import COMMENT_ID, TEXT

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .config import EmbedSettings, PseudonymiseSettings, ThemeSettings

__all__ = [
    "ChunkReplacer",
    "build_coder",
    "build_embedder",
    "code_chunk",
    "detect_chunk",
    "embed_texts",
    "embedding_dim",
    "row_vectors",
]


# --------------------------------------------------------------------------------------------
# Pseudonymisation
# --------------------------------------------------------------------------------------------
def pseudonymise_config(settings: PseudonymiseSettings) -> Any:
    """The :class:`carevoice.pseudonymise.PseudonymiseConfig` of a run's settings."""
    from ..pseudonymise import PseudonymiseConfig

    return PseudonymiseConfig(mode=settings.mode, use_spacy=settings.use_spacy,
                              use_learned=settings.use_learned, token_model=settings.token_model,
                              min_score=settings.min_score, batch_size=settings.batch_size)


def detect_chunk(comments: pd.DataFrame, settings: PseudonymiseSettings) -> pd.DataFrame:
    """Find personal data in one chunk (:func:`carevoice.pseudonymise.detect_pii`).

    Parameters
    ----------
    comments : pandas.DataFrame
        The chunk's comments (original text).
    settings : PseudonymiseSettings

    Returns
    -------
    pandas.DataFrame
        Resolved spans (offsets and labels, no text), spans below ``min_score`` dropped.
    """
    from ..pseudonymise import detect_pii

    spans = detect_pii(comments, config=pseudonymise_config(settings))
    if settings.min_score > 0 and len(spans):
        spans = spans[spans["score"] >= settings.min_score]
    return spans.reset_index(drop=True)


class ChunkReplacer:
    """Replace spans chunk after chunk with one keyed replacer, as if in one piece.

    Parameters
    ----------
    secret : bytes or str or None
        The project secret; None draws a random one (tags and redaction do not depend on it).
    mode : str, default "tags"
    keep_occurrences : bool, default False
        Keep the occurrences (original text) for an encrypted key; off unless a key is written.

    Examples
    --------
    >>> import pandas as pd
    >>> r = ChunkReplacer(b"s" * 32)
    >>> spans = lambda cid: pd.DataFrame({"comment_id": [cid], "start": [0], "end": [3],
    ...                                   "label": ["PERSON"]})
    >>> a = r.replace(pd.DataFrame({"comment_id": ["1"], "text": ["Kai x"]}), spans("1"))
    >>> b = r.replace(pd.DataFrame({"comment_id": ["2"], "text": ["Bev y"]}), spans("2"))
    >>> a["text"].tolist() + b["text"].tolist()
    ['[PERSON_1] x', '[PERSON_2] y']
    """

    def __init__(self, secret: bytes | str | None, mode: str = "tags", *,
                 keep_occurrences: bool = False) -> None:
        from ..pseudonymise import ReplaceConfig
        from ..pseudonymise.replace import Replacer, as_secret

        self.replacer = Replacer(as_secret(secret), ReplaceConfig(mode=mode))
        self.keep_occurrences = keep_occurrences
        self.occurrences: list[tuple[Any, ...]] = []

    def replace(self, comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
        """Return a copy of ``comments`` with the spans replaced.

        Parameters
        ----------
        comments : pandas.DataFrame
            ``comment_id`` and ``text`` (original).
        spans : pandas.DataFrame
            Non-overlapping spans of these comments.

        Returns
        -------
        pandas.DataFrame
        """
        import pandas as pd

        from ..pseudonymise._base import as_text

        by_comment: dict[str, list[tuple[int, int, str]]] = {}
        for cid, s, e, lab in zip(spans[COMMENT_ID].map(str), spans["start"], spans["end"],
                                  spans["label"], strict=True):
            by_comment.setdefault(cid, []).append((int(s), int(e), str(lab)))
        ids = comments[COMMENT_ID].map(str).tolist()
        unknown = sorted(set(by_comment) - set(ids))
        bad: list[str] = list(unknown)
        texts: list[Any] = []
        for cid, value in zip(ids, comments[TEXT].tolist(), strict=True):
            found = sorted(by_comment.get(cid, ()))
            if not found:
                texts.append(value)
                continue
            text, pieces, pos, out_len = as_text(value), [], 0, 0
            for start, end, label in found:
                if start < pos or end <= start or end > len(text):
                    bad.append(cid)
                    break
                pieces.append(text[pos:start])
                out_len += start - pos
                eid, rep = self.replacer.replace(text[start:end], label)
                if self.keep_occurrences:
                    self.occurrences.append((cid, start, end, label, eid, text[start:end], rep,
                                             out_len, out_len + len(rep)))
                pieces.append(rep)
                out_len += len(rep)
                pos = end
            pieces.append(text[pos:])
            texts.append("".join(pieces))
        if bad:
            raise InputError("The spans of comment(s) "
                             f"{format_ids(sorted(set(bad)))} overlap, fall outside the text or "
                             "name comments not in the chunk; the chunk store may be damaged: "
                             "re-run with --no-resume.")
        out = comments.copy()
        out[TEXT] = pd.Series(texts, index=out.index, dtype="string")
        return out

    def key(self) -> Any:
        """The :class:`carevoice.pseudonymise.ReidentificationKey` of every chunk replaced."""
        import pandas as pd

        from ..pseudonymise import ReidentificationKey
        from ..pseudonymise.replace import OCCURRENCE_COLUMNS

        occ = pd.DataFrame(self.occurrences, columns=list(OCCURRENCE_COLUMNS))
        return ReidentificationKey(occ, self.replacer.config.mode)


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
    user's secret key (:mod:`carevoice.batch.signing`). A file whose signature does not verify
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
                           mentions=themes.mentions,
                           random_state=seed).fit()
        if path is not None:
            data = pickle.dumps(coder, protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(path, data)
            write_atomic(path.with_suffix(".hmac"), sign(data).encode("ascii"))
        return coder


def embed_texts(comments: pd.DataFrame, embedder: Any) -> tuple[list[str], np.ndarray]:
    """Embed a chunk's answered comments once each.

    Parameters
    ----------
    comments : pandas.DataFrame
        Pseudonymised comments.
    embedder : Embedder

    Returns
    -------
    texts : list of str
        The distinct non-blank texts, in order of first appearance.
    vectors : numpy.ndarray
        Their embeddings, one row each.
    """
    import pandas as pd

    texts = list(dict.fromkeys(str(t) for t in comments[TEXT].tolist()
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

    where = {t: i for i, t in enumerate(texts)}
    dim = vectors.shape[1] if vectors.ndim == 2 else 0
    out = np.zeros((len(comments), dim), dtype=np.float32)
    for row, t in enumerate(comments[TEXT].tolist()):
        if not pd.isna(t) and str(t) in where:
            out[row] = vectors[where[str(t)]]
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
    # A chunk with no answered comment has no vectors: the coder scores blanks without any.
    embeddings = row_vectors(comments, texts, vectors) if vectors.size else None
    return coder.predict(comments[[COMMENT_ID, TEXT]], min_score=min_score,
                         embeddings=embeddings)
