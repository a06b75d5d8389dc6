"""Fast embedders: the ONNX export of the packaged MiniLM gives its vectors; int8 stays close."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
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


def test_batch_embedding_cache_is_keyed_and_owner_only(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """``[embed] cache`` goes through CachedEmbedder: keyed file names, 0700 folders, 0600
    files (audit 2026-12, finding 2), and it holds vectors of pseudonymised text only."""
    import hashlib
    import hmac
    import stat

    from carevoice.batch import run_batch
    from carevoice.placeholders import model_text

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    said = ["call me on 020 7946 0123 love Kayleigh Smith", "i miss my brother Tomasz",
            "my social worker keeps changing", "more money for bus fares please",
            "I live in Barnsley with my nan", "n/a"]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(24)],
                             "respondent_id": [f"r{i % 12}" for i in range(24)],
                             "question_id": "q1", "text": [said[i % 6] for i in range(24)]})
    comments.to_csv(tmp_path / "comments.csv", index=False)
    pd.DataFrame({"respondent_id": [f"r{i}" for i in range(12)],
                  "placement_type": ["foster", "residential"] * 6}
                 ).to_csv(tmp_path / "respondents.csv", index=False)
    cache = tmp_path / "shared" / "cache"
    toml = tmp_path / "p.toml"
    toml.write_text(
        f'[run]\noutput = "run"\nprogress = false\n'
        f'[input]\ncomments = "{(tmp_path / "comments.csv").as_posix()}"\n'
        f'respondents = "{(tmp_path / "respondents.csv").as_posix()}"\n'
        f'[pseudonymise]\nuse_spacy = false\n'
        f'[embed]\nmodel = "hashing"\ncache = "{cache.as_posix()}"\n'
        f'[themes]\nreference = false\n', "utf-8")
    run_batch(toml)
    key = (tmp_path / "config-home" / "carevoice" / "embedding-cache.key").read_bytes()

    def keyed(texts: set[str]) -> set[str]:
        return {hmac.new(key, t.encode(), hashlib.sha256).hexdigest() for t in texts}

    out = pd.read_csv(tmp_path / "run" / "outputs" / "comments.csv", dtype=str)
    read = {model_text(t) for t in out["text"].dropna()}
    names = {p.stem for p in cache.rglob("*.npy")}
    assert keyed(read) <= names
    assert not names & {hashlib.sha256(t.encode()).hexdigest() for t in read}  # no plain hash
    assert not names & keyed(set(said[:2]) | {said[4]})  # no comment as written
    for path in [cache.parent, cache, *cache.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        if path.is_dir():
            assert mode == 0o700, path
        else:  # the vectors, and the cached coder and its signature
            assert mode == 0o600, path
    assert len(list((cache / "coders").glob("coder-*.pkl"))) == 1


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="the interrupted export is checked on POSIX")
def test_an_interrupted_export_leaves_no_model_file(tmp_path: Path) -> None:
    """Ctrl-C while the model is being put in place: no model.onnx, complete or not, and no
    temporary file; the next call exports again. The interrupt is raised where the finished
    temporary file would be renamed over model.onnx (the worst moment), not sent by a signal
    at a moment read from the file system, which raced the export on a busy machine."""
    import carevoice

    package = str(Path(carevoice.__file__).resolve().parents[1])
    script = ("import os, sys\n"
              "rename = os.replace\n"
              "def interrupted(src, dst, *args, **kwargs):\n"
              "    if str(dst).endswith('model.onnx'):\n"
              "        raise KeyboardInterrupt\n"
              "    return rename(src, dst, *args, **kwargs)\n"
              "os.replace = interrupted\n"
              "from carevoice.fast_embed import export_onnx\n"
              "export_onnx(sys.argv[1])\n")
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": package}, capture_output=True,
                          text=True, timeout=600, check=False)
    err = proc.stderr
    assert proc.returncode != 0 and "KeyboardInterrupt" in err
    (target,) = tmp_path.rglob("onnx")
    assert sorted(p.name for p in target.iterdir()) == ["tokenizer.json"]
