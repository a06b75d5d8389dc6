"""The coder's shipped training vectors: current, faithful to the model, used only for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from carevoice import CachedEmbedder, HashingEmbedder, SentenceTransformerEmbedder
from carevoice.themes import ThemeCoder
from carevoice.themes.reference import accepts, default_training_texts, lookup

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_vectors_cover_the_current_training_texts():
    # Editing the codebook or the demo corpus without rebuilding the file fails here.
    done = subprocess.run([sys.executable, str(ROOT / "corpora" / "build_reference_vectors.py"),
                           "--check"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_lookup_finds_training_texts_only():
    texts = default_training_texts()[:50] + ["a sentence nobody wrote in the codebook 12345"]
    found, vectors = lookup(texts)
    assert found[:50].all() and not found[50]
    assert vectors.shape == (50, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_only_the_packaged_model_accepts_them(tmp_path):
    assert accepts(SentenceTransformerEmbedder())
    assert accepts(CachedEmbedder(SentenceTransformerEmbedder(), tmp_path))
    assert not accepts(HashingEmbedder())


class _Counting:
    """The packaged model, counting what it is asked to embed."""

    def __init__(self) -> None:
        self.inner = SentenceTransformerEmbedder()
        self.name = self.inner.name
        self.n = 0

    def encode(self, texts):
        self.n += len(texts)
        return self.inner.encode(texts)


@pytest.mark.model
def test_shipped_vectors_match_the_model_and_spare_the_fit():
    texts = default_training_texts()
    rng = np.random.default_rng(0)
    sample = [texts[i] for i in rng.choice(len(texts), size=64, replace=False)]
    _, shipped = lookup(sample)
    live = SentenceTransformerEmbedder().encode(sample)
    assert np.min(np.sum(shipped * live, axis=1)) > 0.9995  # float16 storage, same vectors
    counting = _Counting()
    ThemeCoder(embedder=counting, n_splits=2).fit()
    assert counting.n == 0  # every default training text and segment came from the file


def test_reference_comments_are_unknown_not_negative_for_an_added_theme():
    import pandas as pd

    from carevoice.themes import Theme, load_codebook

    pets = Theme("pets", "Pets", "Keeping or missing a pet while in care.",
                 examples=("i miss my dog", "can i have a hamster", "my cat had to go when i moved",
                           "let me bring my rabbit to my new placement",
                           "the home wont let us have pets"))
    coder = ThemeCoder(HashingEmbedder(), load_codebook().with_theme(pets)).fit()
    counts = coder.training_counts_
    assert coder.n_reference_ > 1000
    assert counts.loc["pets", "unknown"] == coder.n_reference_
    assert counts.loc["pets", "positives"] == len(pets.examples)
    assert (counts.drop(index="pets")["unknown"] == 0).all()
    assert counts.loc["family_contact", "negatives"] > coder.n_reference_  # reference counts
    codes = coder.predict(pd.DataFrame({"comment_id": ["a"],
                                        "text": ["please can i keep my dog when i move"]}))
    assert "pets" in set(codes.loc[codes["assigned"], "theme"])


def test_a_renamed_theme_keeps_its_reference_comments():
    # Audit 2026-12: without_theme + with_theme under a new id lost the reference comments
    # coded with the old id (n_reference_ 2061 -> 1885).
    from carevoice.themes import load_codebook

    default = ThemeCoder(HashingEmbedder(), n_splits=2).fit()
    renamed = ThemeCoder(HashingEmbedder(), load_codebook().with_theme_renamed("money", "finances"),
                         n_splits=2).fit()
    assert renamed.n_reference_ == default.n_reference_
    assert renamed.training_counts_.loc["finances"].equals(default.training_counts_.loc["money"])
    assert renamed.segment_weight_["finances"] == 0.25
    assert renamed.thresholds_["finances"] == default.thresholds_["money"]
