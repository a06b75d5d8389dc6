"""The coder's shipped training vectors: embeddings of its default training texts.

Fitting :class:`carevoice.themes.ThemeCoder` with the default codebook and reference comments
embeds about 5,700 fixed texts (example phrasings, the reference comments and their sentences).
They are the same on every machine, so their vectors for the packaged model ship with the package
(``data/reference_vectors.npz``, float16, built by ``corpora/build_reference_vectors.py``) and a
fit only embeds what is not there: a user's own examples and human-coded comments.

The vectors are used only when the coder's embedder reports the packaged model's name (the
PyTorch model or its fp32 ONNX export, which give the same vectors); any other embedder embeds
everything itself. Texts are looked up by their SHA-256, so an edited codebook simply misses.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..embed import text_key

__all__ = ["SUPPLEMENT_FILE", "VECTORS_FILE", "accepts", "default_training_texts", "lookup",
           "read_vectors", "reference_comments", "reference_fingerprint", "reference_themes",
           "supplement_rows", "text_key", "write_vectors"]

#: Where the shipped vectors live inside the package.
VECTORS_FILE = "data/reference_vectors.npz"


def model_names() -> tuple[str, ...]:
    """The embedder names whose vectors the shipped file holds."""
    from ..models import SENTENCE_MODEL

    base = f"{SENTENCE_MODEL.distribution}=={SENTENCE_MODEL.version}"
    return (base, f"{base}:onnx")


def accepts(embedder: object) -> bool:
    """Whether ``embedder`` is the packaged model (by its ``name``), so shipped vectors fit it."""
    return str(getattr(embedder, "name", "")) in model_names()


#: The reference supplement inside the package (built by ``corpora/build_demo.py``).
SUPPLEMENT_FILE = "data/reference_supplement.jsonl"


@lru_cache(maxsize=1)
def supplement_rows() -> tuple[dict, ...]:
    """The reference supplement's comments as built (see ``corpora/README.md``).

    Returns
    -------
    tuple of dict
        In source order, each with ``source`` (file:line), ``voice``, ``question_id``,
        ``themes``, ``text`` and ``pii`` (gold spans: ``start``, ``end``, ``label``, ``text``).
    """
    import json

    raw = resources.files("carevoice").joinpath(SUPPLEMENT_FILE).read_text("utf-8")
    return tuple(json.loads(line) for line in raw.splitlines() if line.strip())


@lru_cache(maxsize=1)
def reference_comments() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The packaged reference comments and the themes their authors coded for them.

    Two fictional sources, both written for carevoice (see ``corpora/README.md``): every
    answered comment of the demo corpus, then the *reference supplement*, comments written to
    widen the coder's training where the demo survey is thin (kinship care, the language of
    care, bullying, and voices such as unaccompanied, disabled and LGBT+ young people). The
    supplement belongs to no demo respondent, so it changes no demo figure except the coder's.
    Read once per process (it is packaged data).

    Returns
    -------
    tuple of (str, tuple of str)
        ``(text, theme ids)``, demo comments in corpus order then the supplement in source
        order; an empty tuple of ids is "no theme".
    """
    from ..demo import load_demo, load_demo_gold
    from ..schema import COMMENT_ID, TEXT

    comments = load_demo().comments
    gold = load_demo_gold()
    themes_of = dict(zip(gold[COMMENT_ID].astype(str), gold["themes"], strict=True))
    demo = tuple((text, tuple(themes_of[cid]))
                 for cid, text in zip(comments[COMMENT_ID].astype(str), comments[TEXT],
                                      strict=True)
                 if isinstance(text, str) and text.strip() and cid in themes_of)
    return demo + tuple((row["text"], tuple(row["themes"])) for row in supplement_rows())


def reference_fingerprint() -> str:
    """SHA-256 of the reference comments and their coded themes, as the coder learns them.

    Part of the keys under which fitted coders and their codes are cached (``carevoice run``),
    so that a coder fitted on an earlier version of the reference comments (relabelled, or with
    comments added) is refitted rather than reused.

    Returns
    -------
    str
        Hex digest.
    """
    import hashlib

    digest = hashlib.sha256()
    for text, themes in reference_comments():
        digest.update(text.encode("utf-8") + b"\0" + ",".join(themes).encode() + b"\n")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def reference_themes() -> frozenset[str]:
    """The theme ids the reference comments were coded against: the default codebook's.

    For any other theme (one a user added) a reference comment's code is unknown, not "no".

    Examples
    --------
    >>> "family_contact" in reference_themes(), len(reference_themes())
    (True, 18)
    """
    from .codebook import load_codebook

    return frozenset(load_codebook().theme_ids)


def default_training_texts() -> list[str]:
    """Every text a default fit embeds: examples, no-theme examples, reference comments, segments.

    Returns
    -------
    list of str
        Unique, in a stable order.
    """
    from .codebook import load_codebook
    from .model import read_texts, split_segments

    codebook = load_codebook()
    texts = [e for theme in codebook.themes for e in theme.examples]
    texts += list(codebook.no_theme_examples)
    texts += [text for text, _ in reference_comments()]
    texts = read_texts(texts)  # as the default coder reads them
    texts += [s for t in list(texts) for s in split_segments(t)]
    return list(dict.fromkeys(texts))


def read_vectors(path: str | Path) -> tuple[list[str], np.ndarray, str]:
    """Read a shipped-vectors file: text keys (hex SHA-256), float16 vectors, model name."""
    with np.load(path, allow_pickle=False) as data:
        keys = [row.tobytes().hex() for row in np.asarray(data["keys"], dtype=np.uint8)]
        vectors = np.asarray(data["vectors"])
        model = str(data["model"])
    return keys, vectors, model


@lru_cache(maxsize=1)
def _table(path: str) -> tuple[dict[str, int], np.ndarray, str]:
    keys, vectors, model = read_vectors(path)
    return {k: i for i, k in enumerate(keys)}, vectors, model


def _path() -> Path:
    return Path(str(resources.files("carevoice").joinpath(VECTORS_FILE)))


def lookup(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The shipped vectors of the texts that have one.

    Parameters
    ----------
    texts : sequence of str

    Returns
    -------
    found : numpy.ndarray of bool
        Which texts have a shipped vector.
    vectors : numpy.ndarray of float32
        Their vectors, one row per found text, in order.
    """
    path = _path()
    if not path.is_file():
        return np.zeros(len(texts), dtype=bool), np.zeros((0, 0), dtype=np.float32)
    index, vectors, model = _table(str(path))
    if model not in model_names():
        return np.zeros(len(texts), dtype=bool), np.zeros((0, 0), dtype=np.float32)
    rows = [index.get(text_key(t), -1) for t in texts]
    found = np.asarray([r >= 0 for r in rows], dtype=bool)
    picked = vectors[[r for r in rows if r >= 0]].astype(np.float32)
    if len(picked):
        picked /= np.maximum(np.linalg.norm(picked, axis=1, keepdims=True), 1e-12)
    return found, picked


def write_vectors(path: str | Path, texts: Sequence[str], vectors: np.ndarray, model: str) -> None:
    """Write the shipped-vectors file (float16 vectors, keys as raw SHA-256 digests)."""
    keys = np.frombuffer(b"".join(bytes.fromhex(text_key(t)) for t in texts),
                         dtype=np.uint8).reshape(-1, 32)
    np.savez_compressed(path, keys=keys, vectors=np.asarray(vectors, dtype=np.float16),
                        model=np.array(model))
