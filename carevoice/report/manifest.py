"""A report's record of how it was made: the run manifest and the digests of its inputs."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd


def file_hash(path: str | Path) -> str:
    """SHA-256 of a file, hex (:func:`carevoice.provenance.file_sha256`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> p = pathlib.Path(scratch.name) / "x.txt"; _ = p.write_text("a")
    >>> file_hash(p)[:12]
    'ca978112ca1b'
    >>> scratch.cleanup()
    """
    from ..provenance import file_sha256

    return file_sha256(path)


def frame_hash(frame: pd.DataFrame) -> str:
    """SHA-256 of a frame's contents (values and column names), hex.

    What a report's manifest records under ``frame_digests`` for the comments, codes and
    respondents given to :func:`make_report` as frames, without ``inputs=``: recompute it on
    the frames you have to check that they are the ones the report was made from. A digest
    of pandas values, not the SHA-256 of any file.

    Examples
    --------
    >>> frame_hash(pd.DataFrame({"a": [1]})) == frame_hash(pd.DataFrame({"a": [1]}))
    True
    """
    digest = hashlib.sha256()
    digest.update("\x1f".join(map(str, frame.columns)).encode())
    digest.update(pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy()
                  .tobytes())
    return digest.hexdigest()


def run_manifest(*, inputs: Mapping[str, Any], settings: Mapping[str, Any],
                 codebook: Any = None, codes_made_with: Mapping[str, Any] | None = None,
                 frames: Mapping[str, str] | None = None,
                 timestamp: bool = True) -> dict[str, Any]:
    """The report's manifest: the environment, codebooks, settings and input file hashes.

    The environment (carevoice's version, Python's and the libraries', the packaged models'
    verified file hashes and the packaged data) is :func:`carevoice.provenance.environment`,
    as in every manifest carevoice writes.

    Parameters
    ----------
    inputs : mapping
        Input name to ``{"file": name, "sha256": hex}`` (the SHA-256 of the file's bytes,
        :func:`file_hash`), as ``sha256sum`` gives it.
    settings : mapping
        Every setting used (JSON-serialisable).
    codebook : path, Codebook or None
        The codebook the report takes its theme labels and order from (None: the shipped
        one), recorded by name, version and SHA-256
        (:func:`carevoice.provenance.codebook_record`).
    codes_made_with : mapping, optional
        What made the codes (codebook, seed...), e.g.
        :func:`carevoice.provenance.codes_provenance` of the codes file. None: not known, and
        the manifest says so.
    frames : mapping, optional
        For frames given in memory without files: name to :func:`frame_hash` digest. These
        are digests of the frames' values (pandas), not of any file.
    timestamp : bool, default True
        Record when it was made (``created``). False leaves it out, so that the same inputs
        and settings give byte-identical reports (batch runs do this).

    Returns
    -------
    dict
        JSON-serialisable.

    Examples
    --------
    >>> m = run_manifest(inputs={}, settings={}, timestamp=False)
    >>> m["codebook"]["file"], m["codes_made_with"]["known"]
    ('default', False)
    """
    from ..provenance import codebook_record, environment

    created = {"created": datetime.now(UTC).replace(microsecond=0).isoformat()} \
        if timestamp else {}
    book = codebook_record(codebook, name_only=True)
    made = dict(codes_made_with) if codes_made_with is not None else {
        "known": False, "why": "not given: the report cannot know which codebook and seed "
                               "made the codes"}
    env = environment()
    return {
        **created,
        "carevoice": env["carevoice"],
        "seed": None,  # nothing in a report is random; the codes' seed is in codes_made_with
        "environment": env,
        "codebook": book,
        "codebook_version": book["version"],
        "codes_made_with": made,
        "settings": dict(settings),
        "inputs": dict(inputs),
        **({"frame_digests": dict(frames), "frame_digests_note": (
            "pandas digests of frames given in memory, not SHA-256 of files: recompute "
            "with carevoice.report.frame_hash")} if frames else {}),
        "note": "All quoted text is pseudonymised; tables apply small-cell suppression.",
    }
