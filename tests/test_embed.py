"""Embedders: the protocol contract for every embedder, determinism, the disk cache."""

from __future__ import annotations

import numpy as np
import pytest

import carevoice as cv
from carevoice.fast_embed import OnnxEmbedder, StaticEmbedder

TEXTS = ["I want to see my brother more", "new worker every time i blink", "", "n/a"]


def _embedders():
    yield pytest.param(cv.HashingEmbedder(dim=64), id="hashing")
    yield pytest.param(cv.SentenceTransformerEmbedder(batch_size=2), id="minilm",
                       marks=pytest.mark.model)
    yield pytest.param(cv.CachedEmbedder(cv.HashingEmbedder(dim=64), None), id="cached-hashing")


@pytest.mark.parametrize("embedder", list(_embedders()))
def test_embedder_contract(embedder):
    assert isinstance(embedder, cv.Embedder)
    a = embedder.encode(TEXTS)
    b = embedder.encode(list(TEXTS))
    assert a.shape[0] == len(TEXTS) and a.dtype == np.float32
    np.testing.assert_array_equal(a, b)  # deterministic
    norms = np.linalg.norm(a, axis=1)
    assert np.all((np.abs(norms - 1) < 1e-4) | (norms == 0))
    assert embedder.encode([]).shape == (0, a.shape[1])
    assert embedder.encode([]).dtype == np.float32
    with pytest.raises(cv.InputError, match="'texts' argument"):
        embedder.encode(["ok", None])  # type: ignore[list-item]


@pytest.mark.parametrize(("make", "dim"), [
    (lambda folder: cv.HashingEmbedder(dim=64), 64),
    (lambda folder: cv.SentenceTransformerEmbedder(), 384),
    (lambda folder: cv.CachedEmbedder(cv.HashingEmbedder(dim=32), None), 32),
    (lambda folder: cv.CachedEmbedder(cv.HashingEmbedder(dim=32), folder), 32),
    (lambda folder: cv.CachedEmbedder(cv.SentenceTransformerEmbedder(), folder), 384),
    (lambda folder: OnnxEmbedder(folder=folder), 384),
    (lambda folder: StaticEmbedder(folder=folder, pca_dims=16), 16),
], ids=["hashing", "minilm", "cached-memory", "cached-disk", "cached-minilm", "onnx", "static"])
def test_no_texts_give_zero_rows_of_the_embedder_width(make, dim, tmp_path):
    """CachedEmbedder gave (0, 0); StaticEmbedder distilled its model (minutes) first."""
    vectors = make(tmp_path).encode([])
    assert vectors.shape == (0, dim) and vectors.dtype == np.float32
    assert not any(tmp_path.iterdir())  # no model loaded, exported or cached for nothing


@pytest.mark.parametrize(("cls", "kwargs", "param"), [
    (cv.HashingEmbedder, {"dim": 2}, "'dim'"),
    (cv.SentenceTransformerEmbedder, {"batch_size": 0}, "'batch_size'"),
])
def test_bad_parameters(cls, kwargs, param):
    with pytest.raises(cv.InputError, match=param):
        cls(**kwargs)


def test_memory_cache_writes_nothing_and_calls_the_model_once_per_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    calls: list[int] = []

    class Counting(cv.HashingEmbedder):
        def encode(self, texts):
            calls.append(len(texts))
            return super().encode(texts)

    cached = cv.CachedEmbedder(Counting(dim=32), None)
    first = cached.encode(TEXTS + TEXTS[:1])
    second = cached.encode(TEXTS[::-1])
    np.testing.assert_array_equal(first[: len(TEXTS)][::-1], second)
    np.testing.assert_array_equal(first[: len(TEXTS)], cv.HashingEmbedder(dim=32).encode(TEXTS))
    assert calls == [len(TEXTS)]  # duplicates and repeats are not sent again
    assert cached.hits == len(TEXTS) and cached.misses == len(TEXTS) + 1
    assert not any(tmp_path.iterdir())


def test_cache_reuses_vectors_and_never_stores_text(tmp_path):
    cached = cv.CachedEmbedder(cv.HashingEmbedder(dim=32), tmp_path)
    first = cached.encode(TEXTS)
    second = cached.encode(TEXTS[::-1])
    np.testing.assert_array_equal(first[::-1], second)
    assert cached.misses == len(TEXTS) and cached.hits == len(TEXTS)
    stored = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"brother" not in stored
    other = cv.CachedEmbedder(cv.HashingEmbedder(dim=16), tmp_path)
    assert other.encode(TEXTS[:1]).shape == (1, 16)  # keyed by model: no cross-talk
