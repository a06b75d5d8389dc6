"""Run a whole pipeline from a :class:`BatchConfig`: chunked, resumable, reproducible.

:func:`run_batch` does, in order:

1. **Plan and check** the input: cut it into chunks (:func:`carevoice.batch.chunks.plan_chunks`),
   read each once and validate it, and collect every problem (missing columns, duplicate ids
   across chunks, bad encodings) in one :class:`carevoice.errors.ValidationError` before any
   heavy work.
2. **Detect** personal data per chunk (parallel on the Dask engine).
3. **Replace** it chunk after chunk with one keyed replacer, as in a one-piece run (tags are
   numbered across the corpus, surrogates avoid every name in it, an earlier wave's key is
   continued) and write the key. It is redone on every run because replacements depend on
   every chunk; unchanged chunks are not rewritten. Both steps are in
   :mod:`carevoice.batch.pseudonymise`.
4. **Embed and code** each pseudonymised chunk (parallel on the Dask engine).
5. **Assemble** ``outputs/`` (pseudonymised comments, spans, codes and, beside them as
   ``carevoice code`` writes it, ``codes.manifest.json``), the safeguarding flags
   (``outputs/safeguarding_flags.csv``, owner-only, no text: every comment screened once, as
   written, by the replace step, which holds each chunk's text anyway; see
   :mod:`carevoice.batch.screen`) and run the corpus-wide steps (linkage, discovery, report,
   which withholds the flagged comments from its quotes) on the concatenated results, and
   the review flags (``outputs/review_flags.csv``, owner-only, ids only: the comments with
   a span below the review threshold, one found only by a detector that guesses, or one
   ``min_score`` left unmasked, never quoted; :func:`carevoice.pseudonymise.review_flags`).
6. Write ``manifest.json`` (input hashes, settings, versions, seed, chunk list, output hashes).

Every chunk result is stored with a content key and checksums (:class:`ChunkStore`), so a
killed run started again recomputes only what is missing, and a re-run after comments were
appended recomputes only the chunks whose content changed. ``run.log`` holds counts, chunk
numbers and ``comment_id`` values, never comment text.
"""

from __future__ import annotations

import io
import json
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .._argnames import ordinal, phrase
from .._output_paths import check_paths, check_writable
from .._validate import no_rows_problem
from ..errors import InputError, Problem, ValidationError, format_ids
from ..schema import COMMENT_ID, RESPONDENT_ID, SPAN_COLUMNS, TEXT
from ._lines import in_input
from .answers import read_answers as _read_respondents
from .answers import text_column_problems
from .chunks import (
    STAGE_VERSION,
    ChunkSpec,
    ChunkStore,
    Source,
    chunk_key,
    dist_version,
    file_sha256,
    header_problems,
    needs_staging,
    plan_chunks,
    read_raw,
    source_fingerprint,
    stage_source,
    to_comments,
)
from .config import BatchConfig, EmbedSettings, ThemeSettings, load_config
from .engine import Stage, make_engine, status_row
from .log import RunLog, progress_bars
from .outputs import TableWriter, as_strings, clear_outputs, codes_out
from .pseudonymise import (
    DetectTask,
    RunDecisions,
    below_min_score,
    below_note,
    detect_settings_key,
    previous_entities,
    process_detect,
    read_detect,
    replace_all,
    run_secret,
)
from .screen import ChunkScreen
from .staging import staging_folder

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["RunResult", "coder_key", "run_batch"]


@dataclass(frozen=True)
class RunResult:
    """What :func:`run_batch` did.

    Attributes
    ----------
    folder : pathlib.Path
        The run folder.
    outputs : dict
        Output name to path (under ``folder / "outputs"``).
    manifest : pathlib.Path
        The run manifest.
    counts : dict
        Comments, answered comments, spans, assigned codes, chunks computed and reused,
        comments flagged, all exact (``manifest.json`` and ``run.log`` give a small
        ``safeguarding_flagged`` as ``"fewer than 5"``, ``[report] threshold``).
    seconds : dict
        Wall time of each step.
    """

    folder: Path
    outputs: dict[str, Path] = field(repr=False)
    manifest: Path = field(repr=False)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict, repr=False)


# --------------------------------------------------------------------------------------------
# Chunk tasks (module level so that they pickle for Dask)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _CodeTask:
    index: int
    key: str
    store: Path


@dataclass(frozen=True)
class _CodeContext:
    config: BatchConfig
    keep_vectors: bool
    coder_folder: Path
    coder_key: str


def _read_code(task: _CodeTask) -> pd.DataFrame:
    return ChunkStore(task.store).load(task.index, "pseudonymised")


def _process_code(frame: pd.DataFrame, task: _CodeTask, context: _CodeContext) -> pd.DataFrame:
    from .steps import build_coder, code_chunk, embed_texts

    cfg = context.config
    coder = build_coder(cfg.themes, cfg.embed, cfg.run.seed, context.coder_folder,
                        context.coder_key)
    started = time.perf_counter()
    texts, vectors = embed_texts(frame, coder.embedder_)
    embed_seconds = time.perf_counter() - started
    codes = code_chunk(frame, coder, texts, vectors, cfg.themes.min_score)
    store = ChunkStore(task.store)
    if context.keep_vectors:
        store.save(task.index, "vectors", task.key, {}, rows=len(frame),
                   extra={"embeddings.npy": _vectors_bytes(frame, texts, vectors)})
    store.save(task.index, "code", task.key, {"codes": codes}, rows=len(frame))
    status = status_row(task.index, len(frame), int(codes["assigned"].sum()), started)
    status["embed_seconds"] = round(embed_seconds, 3)
    return status


def _process_vectors(frame: pd.DataFrame, task: _CodeTask, context: _CodeContext) -> pd.DataFrame:
    """Embed a chunk coded by a run without discovery, for discovery (its codes are kept)."""
    from .steps import build_embedder, embed_texts

    started = time.perf_counter()
    texts, vectors = embed_texts(frame, build_embedder(context.config.embed))
    ChunkStore(task.store).save(task.index, "vectors", task.key, {}, rows=len(frame),
                                extra={"embeddings.npy": _vectors_bytes(frame, texts, vectors)})
    return status_row(task.index, len(frame), len(texts), started)


def _vectors_bytes(frame: pd.DataFrame, texts: list[str], vectors: np.ndarray) -> bytes:
    from .steps import row_vectors

    buf = io.BytesIO()
    np.save(buf, row_vectors(frame, texts, vectors), allow_pickle=False)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# Planning
# --------------------------------------------------------------------------------------------
def _source(cfg: BatchConfig) -> Source:
    inp = cfg.input
    if inp.survey is not None:
        return Source(Path(inp.survey), "survey", id_column=inp.id_column,
                      text_columns=inp.text_columns, encoding=inp.encoding)
    return Source(Path(inp.comments), "comments", columns=inp.columns,  # type: ignore[arg-type]
                  encoding=inp.encoding, drop_columns=inp.drop_columns)


def _plan(cfg: BatchConfig, source: Source, log: RunLog
          ) -> tuple[list[ChunkSpec], list[str], set[str], list[pd.DataFrame | None]]:
    """Cut and check the input; return the chunks, their detect keys, respondent ids and
    the review decisions (``[pseudonymise] decisions``) on each chunk."""
    decisions = RunDecisions(cfg.pseudonymise.decisions)
    specs = plan_chunks(source, cfg.run.chunk_size)
    decided: list[pd.DataFrame | None] = []
    settings = detect_settings_key(cfg)
    problems: list[Problem] = []
    seen: set[str] = set()
    dup: list[str] = []
    keys: list[str] = []
    respondent_ids: set[str] = set()
    no_respondent: list[str] = []
    text_columns: dict[str | None, Problem] = {}  # other columns of free text, by column
    for spec in specs:
        try:
            raw = read_raw(source, spec)
        except InputError as e:
            problems.append(Problem("unreadable", str(e), column="input"))
            keys.append("")
            continue
        if spec.index == 0:
            problems += header_problems(source, list(raw.columns))
            if problems:
                break
        try:
            comments = to_comments(source, raw)
        except ValidationError as e:
            problems += in_input(e.problems, source, spec, len(raw))
            keys.append("")
            named = raw.rename(columns=dict(source.columns))
            if source.kind == "comments" and COMMENT_ID in named:
                ids = named[COMMENT_ID].dropna().astype(str).tolist()
                dup += [i for i in ids if i in seen]
                seen.update(ids)
            continue
        for found in text_column_problems(comments) if source.kind == "comments" else ():
            text_columns.setdefault(found.column, found)
        ids = comments[COMMENT_ID].astype(str).tolist()
        dup += [i for i in ids if i in seen]
        seen.update(ids)
        if RESPONDENT_ID in comments:
            no_respondent += comments.loc[comments[RESPONDENT_ID].isna(), COMMENT_ID].tolist()
            respondent_ids.update(comments[RESPONDENT_ID].dropna().astype(str))
        keys.append(chunk_key(*settings, frame=comments[[COMMENT_ID, TEXT]]))
        decided.append(decisions.of(comments))
    if dup:
        problems.append(Problem("duplicate_id", "comment_id values must be unique across the "
                                "whole input; these appear in more than one row.",
                                column=COMMENT_ID, ids=tuple(dict.fromkeys(dup))))
    problems += text_columns.values()
    if not seen and not problems:  # only a header, as a single-file command refuses it
        problems.append(no_rows_problem(phrase(f"[input] {source.kind}"), source.file.name,
                                        "respondent" if source.kind == "survey" else "comment"))
    if problems:
        raise ValidationError(source.file.name, problems)
    if decisions.problems():  # rows of comments it lacks, or offsets outside their text
        raise ValidationError("pipeline settings", decisions.problems())
    if no_respondent:
        log(f"plan: {len(no_respondent)} comments have no respondent_id and are left out of "
            f"linkage: {format_ids(no_respondent)}")
    return specs, keys, respondent_ids, decided


# --------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------
def _code_settings_key(cfg: BatchConfig) -> tuple[Any, ...]:
    """The content key of the code step's chunk results.

    The fitted coder's key (what it learns from and how, :func:`coder_key`), what the step
    writes (``min_score``) and the detect step's versions. Whether the chunk's vectors are
    kept for discovery is not part of it: they are a stage of their own (``vectors``), so
    switching discovery on or off never re-codes a chunk. The forms in which the models read
    placeholders (:data:`carevoice.placeholders.MODEL_FORMS`) are part of it too: they decide
    the vectors and the codes but live outside :mod:`carevoice.themes`.
    """
    from ..placeholders import FURTHER_FORMS, MODEL_FORMS

    return ("code", STAGE_VERSION + 1, coder_key(cfg.themes, cfg.embed, cfg.run.seed),
            cfg.themes.min_score, detect_settings_key(cfg)[4], sorted(MODEL_FORMS.items()),
            sorted(FURTHER_FORMS.items()))


def coder_key(themes: ThemeSettings, embed: EmbedSettings, seed: int) -> str:
    """The content key of a fitted theme coder: everything it learns from and how, no data.

    The codebook (file content), the embedding model, the coder's settings and seed, the
    packaged reference comments and their codes, the code of :mod:`carevoice.themes`, and the
    versions of carevoice and scikit-learn (whose pickles do not travel between versions). The
    batch runner and ``carevoice code --cache`` keep fitted coders under this key.

    Parameters
    ----------
    themes : ThemeSettings
    embed : EmbedSettings
    seed : int
        The coder's ``random_state``.

    Returns
    -------
    str
        64 hexadecimal characters.
    """
    import importlib.metadata
    from importlib import resources

    from ..themes.reference import reference_fingerprint
    from .steps import embedder_name

    codebook = (file_sha256(themes.codebook) if themes.codebook is not None else
                chunk_key(resources.files("carevoice").joinpath("data/codebook.yaml")
                          .read_text("utf-8")))
    versions = [importlib.metadata.version(name) for name in ("carevoice", "scikit-learn")]
    # the reference comments and their codes live in data/, not in the themes package, so they
    # are fingerprinted on their own
    return chunk_key("coder", STAGE_VERSION, embedder_name(embed), codebook, themes.reference,
                     themes.kin_carers, themes.mentions, themes.denials, seed, versions,
                     source_fingerprint("themes"),
                     reference_fingerprint() if themes.reference else None)


def _coder_home(cfg: BatchConfig, store: ChunkStore) -> tuple[Path, str]:
    """Where the fitted coder is kept, and its key (the coder's settings, not the data).

    An embedding cache folder (and its ``coders`` folder) that does not exist yet is made
    readable by its owner alone, as :class:`carevoice.CachedEmbedder` makes it: it holds
    vectors of comments.
    """
    if cfg.embed.cache is None:
        return store.root, coder_key(cfg.themes, cfg.embed, cfg.run.seed)
    from ..embed import private_folder

    folder = private_folder(Path(cfg.embed.cache) / "coders")
    return folder, coder_key(cfg.themes, cfg.embed, cfg.run.seed)


def _relative(cfg: BatchConfig, base: Path) -> dict[str, Any]:
    def relative(value: Any) -> Any:
        if isinstance(value, str) and Path(value).is_absolute():
            try:
                return str(Path(value).relative_to(base))
            except ValueError:
                return Path(value).name
        return value

    data = cfg.to_dict()
    for section in data.values():
        for key, value in section.items():
            section[key] = relative(value)
    # the one list of paths: the earlier reports' folders
    data["report"]["earlier_reports"] = [relative(v) for v in data["report"]["earlier_reports"]]
    return data


def run_batch(config: BatchConfig | str | Path, *, resume: bool = True,
              progress: bool | None = None) -> RunResult:
    """Run the pipeline a ``PIPELINE.toml`` (or a :class:`BatchConfig`) describes.

    Parameters
    ----------
    config : BatchConfig, str or pathlib.Path
        The settings, or the TOML file to read them from (:func:`load_config`).
    resume : bool, default True
        Reuse every stored chunk result whose inputs and settings are unchanged (a killed run
        carries on; a re-run after comments were appended computes only the new chunks).
        False clears the chunk store first and recomputes everything.
    progress : bool, optional
        Show progress bars; default ``[run] progress``.

    Returns
    -------
    RunResult

    Raises
    ------
    ValidationError
        Every problem with the settings or the input, before any heavy work.

    Examples
    --------
    >>> import tempfile, pathlib, carevoice as cv
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> folder = pathlib.Path(scratch.name)
    >>> comments = cv.load_demo().comments.head(40)
    >>> comments.to_csv(folder / "comments.csv", index=False)
    >>> _ = (folder / "PIPELINE.toml").write_text('''
    ... [run]
    ... output = "run"
    ... chunk_size = 20
    ... progress = false
    ... [input]
    ... comments = "comments.csv"
    ... [pseudonymise]
    ... use_spacy = false
    ... [embed]
    ... model = "hashing"
    ... ''')
    >>> result = run_batch(folder / "PIPELINE.toml")  # doctest: +SKIP
    >>> result.counts["comments"]  # doctest: +SKIP
    40
    >>> scratch.cleanup()
    """
    cfg = config if isinstance(config, BatchConfig) else load_config(config)
    base = Path(config).parent if not isinstance(config, BatchConfig) else Path.cwd()
    source = _source(cfg)
    output = Path(cfg.run.output)
    # the run folder is shared (outputs/) and cleared of earlier outputs: it holds no input,
    # and lies in no earlier report it reads (as `carevoice report --earlier-report` refuses)
    earlier = cfg.report.earlier_reports
    earlier_named = {"[report] earlier_reports" if len(earlier) == 1 else
                     f"[report] earlier_reports' {ordinal(i)}": folder
                     for i, folder in enumerate(earlier, 1)}
    check_paths({f"[input] {source.kind}": source.path, "[input] respondents":
                 cfg.input.respondents, "[themes] codebook": cfg.themes.codebook,
                 "[discover] background": cfg.discover.background, "[pseudonymise] "
                 "token_model": cfg.pseudonymise.token_model, "[pseudonymise] previous_key":
                 cfg.pseudonymise.previous_key, "[pseudonymise] decisions":
                 cfg.pseudonymise.decisions, **earlier_named},
                {"[pseudonymise] review_file": cfg.pseudonymise.review_file},
                folders={"[run] output": output}, read_folders=earlier_named)
    if not output.is_file():  # a file there is refused, in words of its own, by _run
        check_writable(output, "The [run] output setting", folder=True)
    secret = run_secret(cfg)
    # an unusable previous key, or another run's key at key_file, stops it here
    previous = previous_entities(cfg.pseudonymise, secret, cfg.run.output)
    # a staged copy (original text) is kept in a locked private folder; see .staging
    with staging_folder(needs_staging(source.path)) as staging:
        return _run(cfg, base, source, staging, (secret, previous), resume=resume,
                    progress=progress)


def _run(cfg: BatchConfig, base: Path, source: Source, staging: Path | None,
         keys: tuple[bytes | None, Any], *, resume: bool, progress: bool | None) -> RunResult:
    """The run; ``keys`` is the project secret and the previous wave's entity table."""
    show = cfg.run.progress if progress is None else bool(progress)
    folder = Path(cfg.run.output)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"[run] output must name a folder for the run; {folder.name!r} is a "
                         "file. Choose another name, or move the file.")
    folder.mkdir(parents=True, exist_ok=True)
    store = ChunkStore(folder / "chunks")
    log = RunLog(folder / "run.log")
    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    log(f"start: engine={cfg.run.engine} chunk_size={cfg.run.chunk_size} seed={cfg.run.seed} "
        f"resume={resume}")
    if cfg.embed.model == "static":
        log("note: [embed] model = static: fast, weaker vectors (discovery and quotes suffer "
            "most; see docs/batch.md); check a sample of codes by hand")
    if not resume:
        store.clear()
        log("no-resume: chunk store cleared")

    if staging is not None:
        clock_stage = time.perf_counter()
        source = stage_source(source, staging)
        log(f"stage: {source.file.name} copied to a temporary Parquet file for chunking "
            f"({time.perf_counter() - clock_stage:.1f}s)")
    specs, detect_keys, respondent_ids, decided = _plan(cfg, source, log)
    respondents = _read_respondents(cfg, source, specs)
    link_on = (cfg.link.enabled if cfg.link.enabled is not None
               else respondents is not None and bool(respondent_ids))
    _check_corpus_steps(cfg, link_on, respondents, respondent_ids)
    store.prune(len(specs))
    seconds["plan"] = time.perf_counter() - clock
    log(f"plan: {len(specs)} chunks")

    secret, previous = keys
    keep_vectors = cfg.discover.enabled
    engine = make_engine(cfg.run.engine, cfg.dask)
    computed = {"detect": 0, "code": 0}
    try:
        with progress_bars(show) as bar:
            # 1. detect
            clock = time.perf_counter()
            detect_settings = detect_settings_key(cfg)
            todo = [DetectTask(source, s, k, store.root, detect_settings, d)
                    for s, k, d in zip(specs, detect_keys, decided, strict=True)
                    if not store.is_done(s.index, "detect", k)]
            log(f"detect: {len(specs) - len(todo)} chunks reused, {len(todo)} to compute")
            status = engine.run(Stage("detect", read_detect, process_detect, tuple(todo),
                                      cfg.pseudonymise),
                                _chunks_bar(bar, "pseudonymise: detect", len(todo)))
            _log_status(log, "detect", status, "spans")
            computed["detect"] = len(todo)
            seconds["detect"] = time.perf_counter() - clock

            # 2. replace, in order, with one replacer
            clock = time.perf_counter()
            screen = ChunkScreen(cfg, store)
            code_keys = replace_all(cfg, source, specs, detect_keys, store, secret, previous,
                                    _code_settings_key(cfg), bar, log, screen)
            seconds["replace"] = time.perf_counter() - clock - screen.seconds
            seconds["screen"] = screen.seconds
            log(f"screen: {screen.reused} chunks reused, {screen.screened} screened for "
                f"safeguarding ({screen.seconds:.1f}s)")
            n_below, below_msg = below_min_score(cfg.pseudonymise, store, specs)
            if below_msg:
                log(f"warning: {below_msg}")

            # 3. embed and code
            clock = time.perf_counter()
            todo_code = [_CodeTask(s.index, k, store.root) for s, k in zip(specs, code_keys,
                                                                         strict=True)
                         if not store.is_done(s.index, "code", k)]
            log(f"code: {len(specs) - len(todo_code)} chunks reused, {len(todo_code)} to compute")
            context = _CodeContext(cfg, keep_vectors, *_coder_home(cfg, store))
            if todo_code:  # fit (or load) before the workers need it
                from .steps import build_coder

                clock_fit = time.perf_counter()
                done = bar("theme coder: fit/load", 1)
                build_coder(cfg.themes, cfg.embed, cfg.run.seed, context.coder_folder,
                            context.coder_key)
                done(1)
                seconds["fit_coder"] = time.perf_counter() - clock_fit
                log(f"code: theme coder ready in {seconds['fit_coder']:.1f}s")
            status = engine.run(Stage("code", _read_code, _process_code, tuple(todo_code),
                                      context),
                                _chunks_bar(bar, "embed + code", len(todo_code)))
            _log_status(log, "code", status, "assigned codes")
            computed["code"] = len(todo_code)
            seconds["embed"] = float(status["embed_seconds"].sum()) if len(status) else 0.0
            seconds["embed_code"] = time.perf_counter() - clock
            if keep_vectors:  # chunks coded by a run without discovery: embed them only
                todo_vec = [_CodeTask(s.index, k, store.root)
                            for s, k in zip(specs, code_keys, strict=True)
                            if not store.is_done(s.index, "vectors", k)]
                if todo_vec:
                    log(f"vectors: {len(todo_vec)} coded chunks embedded for discovery")
                    status = engine.run(Stage("vectors", _read_code, _process_vectors,
                                              tuple(todo_vec), context),
                                        _chunks_bar(bar, "embed for discovery", len(todo_vec)))
                    _log_status(log, "vectors", status, "texts")
    finally:
        engine.close()

    # 4. outputs and corpus-wide steps
    removed = clear_outputs(folder)
    if removed:
        log(f"outputs: {len(removed)} earlier output files removed: {', '.join(removed)}")
    with progress_bars(show) as bar:
        clock = time.perf_counter()
        step = bar("outputs", 1)
        outputs, counts, comments_ids, codes = _assemble(cfg, specs, store, folder)
        from .corpus_steps import codes_manifest

        outputs["codes_manifest"] = codes_manifest(cfg, outputs["codes"],
                                                   {source.kind: source.file})
        if source.kind == "survey" and respondents is not None:
            from .outputs import write_respondents

            outputs["respondents"] = write_respondents(respondents, folder / "outputs",
                                                       cfg.run.output_format)
        step(1)
        seconds["assemble"] = time.perf_counter() - clock
        from ..provenance import published_count
        from .corpus_steps import safeguarding_outputs

        clock, step = time.perf_counter(), bar("safeguarding", 1)
        flags, written = safeguarding_outputs(cfg, specs, store, folder / "outputs")
        outputs.update(written)
        step(1)
        seconds["safeguarding"] = time.perf_counter() - clock
        counts["safeguarding_flagged"] = int(flags["comment_id"].nunique())
        # exact in analyst.json only: the manifest and this log give a small count in words
        shown = published_count(counts["safeguarding_flagged"], cfg.report.threshold)
        log(f"safeguarding: {shown} comments flagged, written owner-only to outputs/"
            f"{written['safeguarding_flags'].name} (exact counts, priority ones included, in "
            f"{written['analyst'].relative_to(folder).as_posix()})"
            + ("" if cfg.embed.model != "hashing" else
               " (rules only: the hashing model has no meaning for the similarity path)")
            + "; the screen misses some disclosures: read every comment")
        from .corpus_steps import review_outputs

        review, written = review_outputs(specs, store, folder / "outputs")
        outputs.update(written)
        counts["review_flagged"] = int(review["comment_id"].nunique())
        counts["for_review"] = int(review.attrs["review_rows"])
        log(f"review: {counts['review_flagged']} comments flagged ("
            f"{review.loc[review['reason'] == 'below_min_score', 'comment_id'].nunique()} "
            "with a span min_score left unmasked), never quoted; written owner-only to "
            f"outputs/{written['review_flags'].name}, which carevoice report reads beside "
            f"outputs/comments.csv; {counts['for_review']} rows to decide in outputs/"
            f"{written['review'].name} (give a filled-in copy as [pseudonymise] decisions)")
        if cfg.pseudonymise.review_file is not None:  # with the words: outside the folder
            from .corpus_steps import review_file_output

            n_rows = review_file_output(Path(cfg.pseudonymise.review_file), specs, store,
                                        source)
            log(f"review: {n_rows} rows with their words written owner-only to "
                f"{Path(cfg.pseudonymise.review_file).name}, outside the run folder")
        if link_on:
            from .corpus_steps import link_outputs

            clock, step = time.perf_counter(), bar("link", 1)
            outputs.update(link_outputs(cfg, comments_ids, codes, respondents,
                                        folder / "outputs"))
            step(1)
            seconds["link"] = time.perf_counter() - clock
            log(f"link: {len(respondents)} respondents")
        if cfg.discover.enabled:
            from .corpus_steps import discover_outputs

            clock, step = time.perf_counter(), bar("discover", 1)
            outputs.update(discover_outputs(cfg, specs, store, folder / "outputs"))
            step(1)
            seconds["discover"] = time.perf_counter() - clock
            log("discover: topics written")
        if cfg.report.formats:
            from .corpus_steps import report_inputs, report_outputs

            clock, step = time.perf_counter(), bar("report", 1)
            outputs.update(report_outputs(
                cfg, specs, store, respondents, folder / "outputs",
                inputs=report_inputs(cfg, outputs), safeguarding=flags, review=review))
            step(1)
            seconds["report"] = time.perf_counter() - clock
            log(f"report: {', '.join(cfg.report.formats)} written")
    if cfg.pseudonymise.key_file is not None:
        log(f"key: written encrypted to {Path(cfg.pseudonymise.key_file).name}")

    counts["chunks"] = len(specs)
    counts["chunks_detected"] = computed["detect"]
    counts["chunks_coded"] = computed["code"]
    if cfg.pseudonymise.min_score > 0:
        counts["spans_below_min_score"] = n_below
    # published: the safeguarding count in words when small (RunResult.counts keeps it exact)
    shared = {**counts, "safeguarding_flagged": shown}
    manifest = _write_manifest(cfg, base, source, specs, detect_keys, code_keys, store, outputs,
                               shared, folder)
    log("done: " + ", ".join(f"{k}={v}" for k, v in shared.items()) + "; seconds: "
        + ", ".join(f"{k}={v:.1f}" for k, v in seconds.items()))
    if below_msg:  # after the outputs: a warning turned into an error stops nothing half-way
        warnings.warn(below_msg, UserWarning, stacklevel=3)
    return RunResult(folder, outputs, manifest, counts, seconds)


def _chunks_bar(bar: Callable[[str, int], Callable[[int], None]], name: str,
                total: int) -> Callable[[int], None]:
    advance = bar(name, total)
    return lambda _rows: advance(1)


def _log_status(log: RunLog, stage: str, status: pd.DataFrame, what: str) -> None:
    for row in status.itertuples(index=False):
        log(f"{stage}: chunk {int(row.chunk)}: {int(row.rows)} comments, {int(row.items)} "
            f"{what}, {float(row.seconds):.2f}s")


def _check_corpus_steps(cfg: BatchConfig, link_on: bool, respondents: Any,
                        respondent_ids: set[str]) -> None:
    from ..link.indicators import unknown_respondent_problems
    from .corpus_steps import corpus_step_problems

    problems = corpus_step_problems(cfg, link_on)
    if link_on and respondents is not None:
        problems += unknown_respondent_problems(respondent_ids, respondents)
        for setting in ("variables", "by"):
            missing = [c for c in getattr(cfg.link, setting) or ()
                       if c not in respondents.columns]
            if missing:
                problems.append(Problem("missing_column", f"[link] {setting} names columns "
                                        f"the respondents do not have: {missing}.",
                                        column=f"link.{setting}"))
        for setting in ("attributes", "quotes_by"):
            missing = [c for c in getattr(cfg.report, setting) or ()
                       if c not in respondents.columns]
            if missing and cfg.report.formats:
                problems.append(Problem("missing_column", f"[report] {setting} names columns "
                                        f"the respondents do not have: {missing}.",
                                        column=f"report.{setting}"))
        weights = cfg.link.weights
        if weights is not None and weights not in respondents.columns:
            problems.append(Problem("missing_column", f"[link] weights names the column "
                                    f"{weights!r}, which the respondents do not have.",
                                    column="link.weights"))
        if not respondent_ids:
            problems.append(Problem("missing_column", "linkage needs a respondent_id column in "
                                    "the comments; map one in [input] columns or set [link] "
                                    "enabled = false.", column=RESPONDENT_ID))
    if problems:
        raise ValidationError("pipeline settings", problems)


def _assemble(cfg: BatchConfig, specs: list[ChunkSpec], store: ChunkStore,
              folder: Path) -> tuple[dict[str, Path], dict[str, int], Any, Any]:
    import pandas as pd

    fmt = cfg.run.output_format
    out = folder / "outputs"
    writers: dict[str, TableWriter] = {}
    try:  # a failure part-way removes all three temporary files: nothing half-written
        for name in ("comments", "spans", "codes"):
            writers[name] = TableWriter(out / f"{name}.{fmt}", fmt)
        ids, code_parts, counts = _stream_chunks(writers, specs, store, fmt)
        empty_codes = pd.DataFrame({COMMENT_ID: pd.Series(dtype="string"),
                                    "theme": pd.Series(dtype="string"),
                                    "score": pd.Series(dtype=float),
                                    "assigned": pd.Series(dtype=bool)})
        outputs = {
            "comments": writers["comments"].close(as_strings(pd.DataFrame(
                columns=[COMMENT_ID, TEXT, "needs_review"]))),
            "spans": writers["spans"].close(pd.DataFrame(columns=list(SPAN_COLUMNS))),
            "codes": writers["codes"].close(codes_out(empty_codes, fmt)),
        }
    except BaseException:
        for writer in writers.values():
            writer.discard()
        raise
    comments_ids = pd.concat(ids, ignore_index=True) if ids else pd.DataFrame()
    codes_all = pd.concat(code_parts, ignore_index=True) if code_parts else empty_codes
    return outputs, counts, comments_ids, codes_all


def _stream_chunks(writers: dict[str, TableWriter], specs: list[ChunkSpec], store: ChunkStore,
                   fmt: str) -> tuple[list[Any], list[Any], dict[str, int]]:
    """Append every chunk's comments (marked for review), spans and codes to the writers."""
    from .corpus_steps import marked_comments

    ids, code_parts = [], []
    counts = {"comments": 0, "answered": 0, "spans": 0, "assigned_codes": 0}
    for spec in specs:
        safe = marked_comments(spec, store)
        spans = store.load(spec.index, "spans")[list(SPAN_COLUMNS)]
        codes = store.load(spec.index, "codes")
        writers["comments"].write(safe)
        writers["spans"].write(spans)
        writers["codes"].write(codes_out(codes, fmt))
        keep = [c for c in (COMMENT_ID, RESPONDENT_ID, TEXT) if c in safe]
        ids.append(safe[keep].assign(**{TEXT: safe[TEXT].notna()}))
        code_parts.append(codes[codes["assigned"]])
        counts["comments"] += len(safe)
        counts["answered"] += int(safe[TEXT].notna().sum())
        counts["spans"] += len(spans)
        counts["assigned_codes"] += int(codes["assigned"].sum())
    return ids, code_parts, counts


def _write_manifest(cfg: BatchConfig, base: Path, source: Source, specs: list[ChunkSpec],
                    detect_keys: list[str], code_keys: list[str], store: ChunkStore,
                    outputs: dict[str, Path], counts: dict[str, Any], folder: Path) -> Path:
    from ..provenance import codebook_record, command_line, environment, published_outputs
    from .chunks import write_atomic

    inputs = {"comments" if source.kind == "comments" else "survey":
              {"file": source.file.name, "sha256": file_sha256(source.file)}}
    if cfg.input.respondents is not None:
        inputs["respondents"] = {"file": Path(cfg.input.respondents).name,
                                 "sha256": file_sha256(cfg.input.respondents)}
    for name, path in (("codebook", cfg.themes.codebook),
                       ("background", cfg.discover.background if cfg.discover.enabled else None),
                       ("token_model", cfg.pseudonymise.token_model
                        if cfg.pseudonymise.use_learned else None),
                       ("previous_key", cfg.pseudonymise.previous_key),
                       ("decisions", cfg.pseudonymise.decisions)):
        if path is not None:
            inputs[name] = {"file": Path(path).name, "sha256": file_sha256(path)}
    env = environment()
    env["versions"].update(_extra_versions(cfg))
    chunks = []
    for spec, dk, ck in zip(specs, detect_keys, code_keys, strict=True):
        marker = store.marker(spec.index, "code") or {}
        chunks.append({"index": spec.index, "first_row": spec.first_row,
                       "comments": marker.get("rows"), "detect_key": dk, "code_key": ck})
    settings = _relative(cfg, base)
    published, not_published = published_outputs(outputs, folder)
    if cfg.pseudonymise.review_file is not None:  # outside the folder, original text: no hash
        not_published["review_file"] = {"file": Path(cfg.pseudonymise.review_file).name}
    manifest = {
        "carevoice_batch": 1,
        "command": command_line(names_only=True),
        "seed": cfg.run.seed,
        "settings": settings,
        "config": settings,  # the name of the settings before they were "settings"
        "inputs": inputs,
        "carevoice": env["carevoice"],
        "environment": env,
        "codebook": codebook_record(cfg.themes.codebook, name_only=True),
        "chunks": chunks,
        "counts": {k: v for k, v in counts.items() if not k.startswith("chunks_")},
        # hashed: what may be shared with this manifest; named only: the report's
        # not-for-publication/ and the owner-only flags (a checksum gives their counts away)
        "outputs": published, "not_published": not_published,
        "note": (f"All text in outputs/ is pseudonymised{below_note(counts)}. The "
                 "re-identification key, if any, was written encrypted outside this folder."),
    }
    path = folder / "manifest.json"
    write_atomic(path, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode())
    return path


def _extra_versions(cfg: BatchConfig) -> dict[str, str]:
    names = ["pandas", "pyarrow", "scikit-learn", "numpy"]
    if cfg.embed.model.startswith("minilm-onnx"):
        names.append("onnxruntime")
    if cfg.embed.model == "static":
        names.append("model2vec")
    return {n: dist_version(n) for n in names}
