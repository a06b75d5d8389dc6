"""Fast embedders: the ONNX export of the packaged MiniLM gives its vectors; int8 stays close."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from carevoice.errors import InputError, ModelIntegrityError

pytest.importorskip("onnxruntime")

TEXTS = [
    "i want to see my little brother more, we only get an hour at the contact centre",
    "my social worker changed again",
    "n/a",
    "Kai is my best mate and he lives in Leeds",
    "when i turn 18 where am i going to live",
]


@pytest.fixture(scope="session")
def onnx_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from carevoice.fast_embed import export_onnx

    folder = tmp_path_factory.mktemp("onnx-models")
    export_onnx(folder, quantized=True)
    return folder


@pytest.fixture(scope="session")
def torch_vectors() -> np.ndarray:
    from carevoice.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder().encode(TEXTS)


@pytest.mark.model
def test_onnx_fp32_gives_the_pytorch_vectors(onnx_folder: Path,
                                             torch_vectors: np.ndarray) -> None:
    from carevoice.fast_embed import OnnxEmbedder

    vectors = OnnxEmbedder(folder=onnx_folder, batch_size=2).encode(TEXTS)
    assert vectors.shape == (len(TEXTS), 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float((vectors * torch_vectors).sum(1).min()) > 0.9999


@pytest.mark.model
def test_onnx_int8_stays_close(onnx_folder: Path, torch_vectors: np.ndarray) -> None:
    from carevoice.fast_embed import OnnxEmbedder

    vectors = OnnxEmbedder(quantized=True, folder=onnx_folder).encode(TEXTS)
    cosine = (vectors * torch_vectors).sum(1)
    assert float(cosine.mean()) > 0.97
    assert float(cosine.min()) > 0.9


@pytest.mark.model
def test_changed_export_is_refused(onnx_folder: Path, tmp_path: Path) -> None:
    import shutil

    from carevoice.fast_embed import export_onnx

    copy = tmp_path / "models"
    shutil.copytree(onnx_folder, copy)
    model = next(copy.rglob("model.int8.onnx"))
    model.write_bytes(model.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(ModelIntegrityError, match="do not match"):
        export_onnx(copy, quantized=True)


def test_embedder_parameters_are_checked() -> None:
    from carevoice.fast_embed import OnnxEmbedder

    with pytest.raises(InputError, match="batch_size"):
        OnnxEmbedder(batch_size=0)
    with pytest.raises(InputError, match="quantized"):
        OnnxEmbedder(quantized="yes")  # type: ignore[arg-type]
    assert OnnxEmbedder(quantized=True).name.endswith(":onnx-int8")


def _tiny_static(folder: Path, dims: int) -> None:
    """A static model in the layout distil_static writes: random vectors, the real tokenizer."""
    from model2vec import StaticModel
    from tokenizers import Tokenizer

    from carevoice.fast_embed import _target, _write_manifest
    from carevoice.models import SENTENCE_MODEL, verify_model

    tokenizer = Tokenizer.from_file(str(verify_model(SENTENCE_MODEL) / "tokenizer.json"))
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(tokenizer.get_vocab_size(), dims)).astype(np.float32)
    target = _target(folder, f"static-{dims}")
    StaticModel(vectors, tokenizer, normalize=True).save_pretrained(str(target))
    _write_manifest(target, sorted(p.name for p in target.iterdir() if p.is_file()), {})


def test_static_embedder_loads_a_verified_model(tmp_path: Path) -> None:
    pytest.importorskip("model2vec")
    from carevoice.fast_embed import StaticEmbedder

    _tiny_static(tmp_path, 16)
    emb = StaticEmbedder(folder=tmp_path, pca_dims=16)
    vectors = emb.encode(TEXTS)
    assert vectors.shape == (len(TEXTS), 16) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(vectors, emb.encode(TEXTS))
    weights = next(tmp_path.rglob("model.safetensors"))
    weights.write_bytes(weights.read_bytes() + b"x")
    with pytest.raises(ModelIntegrityError):
        StaticEmbedder(folder=tmp_path, pca_dims=16).encode(TEXTS)
