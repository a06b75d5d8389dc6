"""The settings of a batch run, read from a ``PIPELINE.toml`` file and checked up front.

A run is described by one TOML file with a section per pipeline step::

    [run]
    output = "runs/wave-3"          # the run folder (outputs, manifest, log, chunk store)
    seed = 0
    chunk_size = 2000               # input rows per chunk
    engine = "local"                # or "dask"

    [input]
    comments = "comments.csv"       # long form: comment_id, text (+ respondent_id, question_id)
    respondents = "respondents.csv" # closed answers, one row per respondent (for linkage)

    [pseudonymise]
    mode = "tags"                   # "tags", "surrogates" (needs secret_file) or "redact"

    [embed]
    model = "minilm"                # or "minilm-onnx", "minilm-onnx-int8", "static", "hashing"

    [themes]
    codebook = "codebook.yaml"      # optional; default: the shipped codebook

    [link]
    enabled = true

    [dask]                          # only read with engine = "dask"
    scheduler = "tcp://10.0.0.5:8786"   # or leave out for a LocalCluster

:func:`load_config` reads the file and reports **every** problem (unknown keys, wrong types,
missing files, settings that do not fit together) in one :class:`carevoice.errors.ValidationError`
before any work starts. Relative paths are relative to the TOML file's folder.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from .._files import check_input_file
from ..errors import InputError, Problem, ValidationError
from .sections import (
    _INPUT_SUFFIXES,
    EMBED_MODELS,
    ENGINES,
    DaskSettings,
    DiscoverSettings,
    EmbedSettings,
    InputSettings,
    LinkSettings,
    PseudonymiseSettings,
    ReportSettings,
    RunSettings,
    ThemeSettings,
)

__all__ = [
    "EMBED_MODELS",
    "ENGINES",
    "BatchConfig",
    "DaskSettings",
    "DiscoverSettings",
    "EmbedSettings",
    "InputSettings",
    "LinkSettings",
    "PseudonymiseSettings",
    "ReportSettings",
    "RunSettings",
    "ThemeSettings",
    "config_from_dict",
    "load_config",
]

_SECTIONS: dict[str, type] = {
    "run": RunSettings, "input": InputSettings, "pseudonymise": PseudonymiseSettings,
    "embed": EmbedSettings, "themes": ThemeSettings, "discover": DiscoverSettings,
    "link": LinkSettings, "report": ReportSettings, "dask": DaskSettings,
}
_PATH_KEYS = {("run", "output"), ("input", "comments"), ("input", "survey"),
              ("input", "respondents"), ("pseudonymise", "secret_file"),
              ("pseudonymise", "key_file"), ("pseudonymise", "token_model"),
              ("pseudonymise", "previous_key"), ("pseudonymise", "decisions"),
              ("pseudonymise", "review_file"), ("embed", "cache"),
              ("embed", "model_folder"),
              ("themes", "codebook"), ("discover", "background")}
_PAIR_KEYS = {("input", "columns"), ("input", "text_columns"), ("discover", "options")}
_LIST_KEYS = {("input", "closed_columns"), ("input", "drop_columns"),
              ("input", "not_free_text"),
              ("input", "missing_values"), ("link", "variables"),
              ("link", "by"), ("report", "formats"), ("report", "attributes"),
              ("report", "quotes_by")}  # [report] earlier_reports: folders, in _coerce


@dataclass(frozen=True)
class BatchConfig:
    """Every setting of a batch run; build it with :func:`load_config` or
    :func:`config_from_dict`.

    Parameters
    ----------
    run, input, pseudonymise, embed, themes, discover, link, report, dask
        The sections.

    Examples
    --------
    >>> cfg = config_from_dict({"run": {"output": "run"}, "input": {"comments": "c.csv"}},
    ...                        check_files=False)
    >>> cfg.run.chunk_size, cfg.embed.model
    (5000, 'minilm')
    """

    run: RunSettings
    input: InputSettings
    pseudonymise: PseudonymiseSettings = field(default_factory=PseudonymiseSettings)
    embed: EmbedSettings = field(default_factory=EmbedSettings)
    themes: ThemeSettings = field(default_factory=ThemeSettings)
    discover: DiscoverSettings = field(default_factory=DiscoverSettings)
    link: LinkSettings = field(default_factory=LinkSettings)
    report: ReportSettings = field(default_factory=ReportSettings)
    dask: DaskSettings = field(default_factory=DaskSettings)

    def __post_init__(self) -> None:
        for f in fields(self):
            if not isinstance(getattr(self, f.name), _SECTIONS[f.name]):
                raise InputError(f"The {f.name!r} argument of BatchConfig must be a "
                                 f"{_SECTIONS[f.name].__name__}. Got "
                                 f"{type(getattr(self, f.name)).__name__}.")

    def to_dict(self) -> dict[str, Any]:
        """Return the settings as plain JSON-ready data (paths as strings), for the manifest.

        Returns
        -------
        dict
        """
        def plain(v: Any) -> Any:
            if isinstance(v, Path):
                return str(v)
            if isinstance(v, (tuple, list)):
                return [plain(x) for x in v]
            if isinstance(v, dict):
                return {k: plain(x) for k, x in v.items()}
            return v

        return {name: plain(asdict(getattr(self, name))) for name in _SECTIONS}


def _path(value: Any, base: Path) -> Any:
    """A path setting as given (``~`` expanded), relative to the settings file's folder
    ``base``; anything but a non-empty string is left for the section's check to name."""
    if isinstance(value, str) and value:
        path = Path(value).expanduser()
        return path if path.is_absolute() else base / path
    return value


def _coerce(section: str, key: str, value: Any, base: Path) -> Any:
    if (section, key) == ("report", "earlier_reports") and isinstance(value, (str, list)):
        # folders, relative to the settings file as every path is; one may be given alone
        return tuple(_path(v, base) for v in ([value] if isinstance(value, str) else value))
    if (section, key) in _PATH_KEYS:
        return _path(value, base)
    if (section, key) in _PAIR_KEYS and isinstance(value, Mapping):
        return tuple((str(k), v) for k, v in value.items())
    if (section, key) == ("input", "text_columns") and isinstance(value, list):
        return tuple((str(v), str(v)) for v in value)
    if (section, key) in _LIST_KEYS and isinstance(value, list):
        return tuple(value)
    if (section, key) == ("input", "levels") and isinstance(value, Mapping):
        return tuple((str(k), tuple(v) if isinstance(v, list) else v) for k, v in value.items())
    if (section, key) == ("input", "missing_values") and isinstance(value, Mapping):
        return tuple((str(k), tuple(v) if isinstance(v, list) else v) for k, v in value.items())
    if (section, key) == ("input", "multi_select"):
        if isinstance(value, Mapping):  # [input.multi_select]: QUESTION = SEP or [columns]
            return tuple((str(k), tuple(v) if isinstance(v, list) else v)
                         for k, v in value.items())
        if isinstance(value, list):  # multi_select = ["Q4"]: the separator detected
            return tuple((v, None) for v in value)
    return value


#: The settings that name files to read.
_FILE_SETTINGS = (("input", "comments"), ("input", "survey"), ("input", "respondents"),
                  ("pseudonymise", "secret_file"), ("pseudonymise", "token_model"),
                  ("pseudonymise", "previous_key"), ("pseudonymise", "decisions"),
                  ("themes", "codebook"), ("discover", "background"))


def _path_problems(values: Mapping[str, Mapping[str, Any]]) -> list[Problem]:
    """Missing files and unreadable input formats, from ``{section: {key: path}}``."""
    p: list[Problem] = []
    for section, key in _FILE_SETTINGS:
        path = values.get(section, {}).get(key)
        if path is None or not isinstance(path, (str, Path)):
            continue
        if not Path(path).is_file():
            p.append(Problem("missing_file", f"[{section}] {key}: no file at {path}.",
                             column=f"{section}.{key}"))
        elif section == "input" and Path(path).suffix.lower() not in _INPUT_SUFFIXES:
            p.append(Problem("bad_setting", f"[input] {key}: batch runs read CSV/TSV, Parquet, "
                             f"XLSX, SPSS or Stata files; got {Path(path).name}.",
                             column=f"input.{key}"))
    return p


def _review_file_problems(settings: PseudonymiseSettings, output: Path) -> list[Problem]:
    """What is wrong with ``[pseudonymise] review_file``, before any work.

    It holds original text, so it must lie outside the run folder ``output`` (shared whole),
    as ``key_file`` must, and must not be one of the other files of ``[pseudonymise]``
    (``decisions`` would lose the reviewer's decisions; the run's inputs are checked with
    the other outputs when it starts).

    Parameters
    ----------
    settings : PseudonymiseSettings
    output : pathlib.Path
        The run folder.

    Returns
    -------
    list of Problem
    """
    path = settings.review_file
    if path is None:
        return []
    where = Path(path).resolve()
    out = Path(output).resolve()
    if out == where.parent or out in where.parents:
        return [Problem("bad_setting", "[pseudonymise] review_file must lie outside the run "
                        "folder, which holds the shareable outputs (the review file holds "
                        "original text).", column="pseudonymise.review_file")]
    for key in ("decisions", "key_file", "secret_file", "previous_key", "token_model"):
        other = getattr(settings, key)
        if other is not None and Path(other).resolve() == where:
            return [Problem("bad_setting", f"[pseudonymise] review_file must not be {key}: "
                            "give the review file a name of its own (a filled-in copy is "
                            "given as decisions).", column="pseudonymise.review_file")]
    return []


def _file_problems(cfg: BatchConfig) -> list[Problem]:
    from .pseudonymise import key_problems

    values: dict[str, dict[str, Any]] = {}
    for section, key in _FILE_SETTINGS:
        values.setdefault(section, {})[key] = getattr(getattr(cfg, section), key)
    p = (_path_problems(values) + key_problems(cfg.pseudonymise, cfg.run.output)
         + _review_file_problems(cfg.pseudonymise, cfg.run.output))
    has_answers = cfg.input.survey is not None or cfg.input.respondents is not None
    if cfg.link.enabled is True and not has_answers:
        p.append(Problem("bad_setting", "[link] enabled = true needs [input] respondents (or a "
                         "survey export).", column="link.enabled"))
    if cfg.report.formats and not has_answers:
        p.append(Problem("bad_setting", "[report] formats need survey answers: give [input] "
                         "respondents (or a survey export).", column="report.formats"))
    return p + _earlier_report_problems(cfg)


def _earlier_report_problems(cfg: BatchConfig) -> list[Problem]:
    """``[report] earlier_reports`` without a report to check, or a folder that holds no
    earlier report's quotes (read as ``carevoice report --earlier-report`` reads them)."""
    if not cfg.report.earlier_reports:
        return []
    if not cfg.report.formats:
        return [Problem("bad_setting", "[report] earlier_reports checks the run's report "
                        "against earlier ones: set [report] formats too.",
                        column="report.earlier_reports")]
    from ..report.unpublished import read_earlier_quotes

    p: list[Problem] = []
    for folder in cfg.report.earlier_reports:
        try:
            read_earlier_quotes(folder, argument="[report] earlier_reports folder")
        except InputError as e:
            p.append(Problem("missing_file", str(e), column="report.earlier_reports"))
    return p


def config_from_dict(data: Mapping[str, Any], *, base: str | Path = ".",
                     check_files: bool = True) -> BatchConfig:
    """Build a :class:`BatchConfig` from parsed TOML, reporting every problem at once.

    Parameters
    ----------
    data : mapping
        Section name to a table of settings; the caller's mapping is not modified.
    base : str or pathlib.Path, default "."
        Relative paths are taken relative to this folder.
    check_files : bool, default True
        Also check that input files, the secret and the codebook exist.

    Returns
    -------
    BatchConfig

    Raises
    ------
    ValidationError
        Listing every unknown section or key, bad value and missing file.

    Examples
    --------
    >>> config_from_dict({"run": {"output": "x", "chunk_size": 0}, "input": {}},
    ...                  check_files=False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carevoice.errors.ValidationError: 2 problem(s) in pipeline settings:...
    """
    base = Path(base)
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        raise InputError(f"The 'data' argument must be a mapping of sections; got "
                         f"{type(data).__name__}.")
    for name in data:
        if name not in _SECTIONS:
            problems.append(Problem("unknown_section", f"unknown section [{name}]; valid "
                                    f"sections: {', '.join(_SECTIONS)}.", column=str(name)))
    built: dict[str, Any] = {}
    coerced: dict[str, dict[str, Any]] = {}
    for name, cls in _SECTIONS.items():
        raw = data.get(name, {})
        if not isinstance(raw, Mapping):
            problems.append(Problem("bad_setting", f"[{name}] must be a table.", column=name))
            continue
        valid = {f.name for f in fields(cls)}
        unknown = [k for k in raw if k not in valid]
        for k in unknown:
            problems.append(Problem("unknown_key", f"[{name}] has no setting {k!r}; valid "
                                    f"settings: {', '.join(sorted(valid))}.",
                                    column=f"{name}.{k}"))
        kwargs = {k: _coerce(name, k, v, base) for k, v in raw.items() if k in valid}
        coerced[name] = kwargs
        if name in ("run", "input") and name not in data:
            problems.append(Problem("missing_section", f"the [{name}] section is required.",
                                    column=name))
            continue
        if name == "run" and "output" not in kwargs:
            problems.append(Problem("bad_setting", "[run] output (the run folder) is required.",
                                    column="run.output"))
            continue
        try:
            built[name] = cls(**kwargs)
        except ValidationError as e:
            problems.extend(e.problems)
    if problems:
        if check_files:  # every problem at once: missing files too
            problems += _path_problems(coerced)
        raise ValidationError("pipeline settings", problems)
    cfg = BatchConfig(**built)
    if check_files:
        problems = _file_problems(cfg)
        if problems:
            raise ValidationError("pipeline settings", problems)
    return cfg


def load_config(path: str | Path, *, check_files: bool = True) -> BatchConfig:
    """Read and check a ``PIPELINE.toml`` file.

    Parameters
    ----------
    path : str or pathlib.Path
        The TOML file; relative paths inside it are relative to its folder.
    check_files : bool, default True
        Also check that the files it names exist.

    Returns
    -------
    BatchConfig

    Raises
    ------
    ValidationError
        Every problem in the file at once (the file name is in the message).
    InputError
        If the file is missing or not valid TOML (with the line and column).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> folder = pathlib.Path(scratch.name)
    >>> _ = (folder / "PIPELINE.toml").write_text(
    ...     '[run]\\noutput = "run"\\n[input]\\ncomments = "comments.csv"\\n')
    >>> load_config(folder / "PIPELINE.toml", check_files=False).run.output.name
    'run'
    >>> scratch.cleanup()
    """
    path = check_input_file(path)  # on the command line the error names PIPELINE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{path.name} is not valid TOML: {e}.") from e
    try:
        return config_from_dict(data, base=path.parent, check_files=check_files)
    except ValidationError as e:
        raise ValidationError(str(path.name), e.problems) from None
