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


@pytest.fixture
def config_home(tmp_path, monkeypatch):
    """This user's configuration folder, where the embedding-cache key is made, in tmp_path."""
    home = tmp_path / "config-home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


def _mode(path) -> int:
    import stat

    return stat.S_IMODE(path.stat().st_mode)


def test_cache_names_files_by_a_keyed_hash_owner_only(tmp_path, config_home):
    """Audit 2026-12 (finding 2): files were named by the plain SHA-256 of the text, so a
    guessed comment could be confirmed from a file name, and were world-readable (0644 in 0755
    folders)."""
    import hashlib
    import hmac

    folder = tmp_path / "projects" / "cache"  # neither folder exists yet
    text = "i miss my little brother kai"
    cached = cv.CachedEmbedder(cv.HashingEmbedder(dim=32), folder)
    cached.encode([text])
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert len(files) == 1
    assert hashlib.sha256(text.encode()).hexdigest() not in files[0].name
    key = (config_home / "carevoice" / "embedding-cache.key").read_bytes()
    assert files[0].stem == hmac.new(key, text.encode(), hashlib.sha256).hexdigest()
    assert _mode(config_home / "carevoice" / "embedding-cache.key") == 0o600
    assert _mode(files[0]) == 0o600
    made = [folder.parent, folder, *(p for p in folder.rglob("*") if p.is_dir())]
    assert all(_mode(p) == 0o700 for p in made), {str(p): oct(_mode(p)) for p in made}
    # another key (another user, another machine) names the same text otherwise: no hit
    other = cv.CachedEmbedder(cv.HashingEmbedder(dim=32), folder, key=b"o" * 32)
    other.encode([text])
    assert other.hits == 0 and len([p for p in folder.rglob("*.npy")]) == 2
    again = cv.CachedEmbedder(cv.HashingEmbedder(dim=32), folder)
    again.encode([text])
    assert again.hits == 1


def test_cache_key_is_never_pickled(tmp_path):
    import pickle

    key = b"s3cret-key-for-the-cache-names!!"
    cached = cv.CachedEmbedder(cv.HashingEmbedder(dim=32), tmp_path, key=key)
    first = cached.encode(["hello"])
    data = pickle.dumps(cached)
    assert key not in data
    with pytest.raises(cv.InputError, match="'key' parameter"):
        cv.CachedEmbedder(cv.HashingEmbedder(dim=32), tmp_path, key=b"short")
    restored = pickle.loads(data)
    restored._key = key  # as if read back from its file
    np.testing.assert_array_equal(restored.encode(["hello"]), first)
    assert (restored.hits, restored.misses) == (1, 1)  # read from the disk, not embedded


def test_a_cache_of_plain_hashes_is_not_read_and_is_named(tmp_path, config_home):
    """Vectors an earlier carevoice kept under plain SHA-256 names are never read again."""
    import hashlib

    cached = cv.CachedEmbedder(cv.HashingEmbedder(dim=32), tmp_path)
    name = hashlib.sha256(b"hello").hexdigest()
    model = hashlib.sha256(cached.name.encode()).hexdigest()[:16]
    old = tmp_path / model / name[:2] / f"{name}.npy"
    old.parent.mkdir(parents=True)
    np.save(old, np.ones(32, dtype=np.float32))
    with pytest.warns(UserWarning, match=f"plain SHA-256.*{model}.*delete"):
        vector = cached.encode(["hello"])
    np.testing.assert_array_equal(vector, cv.HashingEmbedder(dim=32).encode(["hello"]))
    assert cached.misses == 1
    cached.encode(["hello"])  # warned once per cache object


def test_a_key_file_others_can_read_is_made_private(tmp_path):
    from carevoice._user_keys import user_key

    path = tmp_path / "embedding-cache.key"
    path.write_bytes(b"k" * 32)
    path.chmod(0o644)
    assert user_key(path, lost="nothing") == b"k" * 32
    assert _mode(path) == 0o600
