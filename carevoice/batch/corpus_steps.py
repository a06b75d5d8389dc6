"""The corpus-wide steps of a batch run: linkage, discovery and reports.

They run once, on the concatenated chunk results, by calling the library's public functions
(:func:`carevoice.link.link`, :mod:`carevoice.discover`, :mod:`carevoice.report`). Each writes
its tables into ``outputs/`` and returns their paths. The codes get their manifest beside
them (:func:`codes_manifest`), as ``carevoice code`` writes it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OutlierWarning, Problem
from ..schema import COMMENT_ID, RESPONDENT_ID, REVIEW_FILE, TEXT

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .chunks import ChunkSpec, ChunkStore, Source
    from .config import BatchConfig

__all__ = ["FLAGS_FILE", "REVIEW_FILE", "REVIEW_ROWS_FILE", "codes_manifest",
           "corpus_step_problems", "discover_outputs", "link_outputs", "marked_comments",
           "report_inputs", "report_outputs", "review_flags", "review_outputs",
           "safeguarding_outputs"]


def _available(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def corpus_step_problems(cfg: BatchConfig, link_on: bool) -> list[Problem]:
    """Problems that stop the corpus-wide steps, found before any chunk is processed.

    Parameters
    ----------
    cfg : BatchConfig
    link_on : bool
        Whether linkage will run.

    Returns
    -------
    list of Problem
    """
    problems = []
    if cfg.discover.enabled and not _available("carevoice.discover"):
        problems.append(Problem("unavailable", "[discover] enabled = true, but this carevoice "
                                "has no carevoice.discover module.", column="discover.enabled"))
    if cfg.report.formats and not _available("carevoice.report"):
        problems.append(Problem("unavailable", "[report] formats are set, but this carevoice "
                                "has no carevoice.report module.", column="report.formats"))
    if cfg.report.formats and not link_on:
        problems.append(Problem("bad_setting", "[report] formats need linkage: give survey "
                                "answers and leave [link] enabled.", column="report.formats"))
    problems += _codebook_problems(cfg)
    if cfg.discover.enabled and _available("carevoice.discover"):
        problems += _discover_problems(cfg)
    return problems


def _codebook_problems(cfg: BatchConfig) -> list[Problem]:
    from ..themes import load_codebook

    try:
        load_codebook(cfg.themes.codebook)
    except (ValueError, OSError, KeyError, TypeError) as e:
        return [Problem("bad_setting", f"[themes] codebook cannot be used: {e}",
                        column="themes.codebook")]
    return []


def _discover_problems(cfg: BatchConfig) -> list[Problem]:
    """``[discover] options`` and ``background`` checked as the discover step will use them."""
    import inspect

    from ..discover import ThemeDiscovery
    from ..embed import HashingEmbedder

    problems = []
    options = dict(cfg.discover.options)
    for name in ("random_state", "text_is_pseudonymised", "embedder"):
        if name in options:
            why = {"random_state": "set [run] seed instead",
                   "embedder": "set [embed] model instead"}.get(
                       name, "the run's text is always pseudonymised")
            problems.append(Problem("bad_setting", f"[discover] options cannot set {name!r}: "
                                    f"{why}.", column="discover.options"))
            options.pop(name)
    known = sorted(p for p in inspect.signature(ThemeDiscovery).parameters
                   if p not in ("embedder", "random_state", "text_is_pseudonymised"))
    unknown = sorted(set(options) - set(known))
    if unknown:
        problems.append(Problem("bad_setting", f"[discover] options names unknown parameters "
                                f"{unknown}; the known ones are {known}.",
                                column="discover.options"))
    try:
        ThemeDiscovery(HashingEmbedder(), random_state=cfg.run.seed, text_is_pseudonymised=True,
                       **{k: v for k, v in options.items() if k in known})._check_params()
    except ValueError as e:
        problems.append(Problem("bad_setting", f"[discover] options: {e}",
                                column="discover.options"))
    if cfg.discover.background is not None:
        from ..corpus import read_comments

        try:
            read_comments(cfg.discover.background)
        except (ValueError, OSError, KeyError) as e:
            problems.append(Problem("bad_setting", "[discover] background must be a comments "
                                    f"file with comment_id and text: {e}",
                                    column="discover.background"))
    return problems


def _write(frame: pd.DataFrame, path: Path, fmt: str) -> Path:
    from .outputs import write_table

    return write_table(frame, path, fmt)


def link_outputs(cfg: BatchConfig, comments: pd.DataFrame, codes: pd.DataFrame,
                 respondents: pd.DataFrame, folder: Path) -> dict[str, Path]:
    """Link assigned themes to survey answers and write the tables.

    Parameters
    ----------
    cfg : BatchConfig
    comments : pandas.DataFrame
        ``comment_id``, ``respondent_id`` and ``text`` (a boolean: answered or not; the text
        itself is not needed).
    codes : pandas.DataFrame
        The assigned codes.
    respondents : pandas.DataFrame
        Typed closed answers.
    folder : pathlib.Path
        ``outputs/``.

    Returns
    -------
    dict
        ``prevalence``, ``associations`` and ``numeric`` paths.
    """
    from ..link import link
    from ..themes import load_codebook

    fmt = cfg.run.output_format
    frame = comments[comments[RESPONDENT_ID].notna()].copy() if RESPONDENT_ID in comments \
        else comments.iloc[0:0].assign(**{RESPONDENT_ID: []})
    frame[TEXT] = frame[TEXT].map(lambda answered: "answered" if answered else None)
    themes = list(load_codebook(cfg.themes.codebook).theme_ids)
    result = link(frame[[COMMENT_ID, RESPONDENT_ID, TEXT]], codes[[COMMENT_ID, "theme"]],
                  respondents, themes=themes,
                  variables=list(cfg.link.variables) if cfg.link.variables else None,
                  by=list(cfg.link.by) if cfg.link.by else None, test=cfg.link.test,
                  weights=cfg.link.weights, closed_columns=_closed(cfg),
                  not_free_text=list(cfg.input.not_free_text))
    out = {}
    for name in ("prevalence", "associations", "numeric"):
        table = getattr(result, name)
        out[name] = _write(table.reset_index(drop=True), folder / f"{name}.{fmt}", fmt)
    return out


def _closed(cfg: BatchConfig) -> list[str] | None:
    """``[input] closed_columns``: the answers vouched for as closed (checked when None)."""
    closed = cfg.input.closed_columns
    return None if closed is None else list(closed)


def _pseudonymised(specs: list[ChunkSpec], store: ChunkStore) -> pd.DataFrame:
    import pandas as pd

    frames = [store.load(spec.index, "pseudonymised") for spec in specs]
    return pd.concat(frames, ignore_index=True)


def discover_outputs(cfg: BatchConfig, specs: list[ChunkSpec], store: ChunkStore,
                     folder: Path) -> dict[str, Path]:
    """Discover topics the codebook lacks, reusing the chunk embeddings.

    Calls :class:`carevoice.discover.ThemeDiscovery` (options from ``[discover] options``,
    ``random_state`` from ``[run] seed``) with the run's codes, as ``carevoice discover
    --codes`` does: only the comments the codebook left without a theme, or whose best
    assigned theme scores below ``low_confidence`` (an option, default 0.6), are clustered. The
    embeddings the code step stored are reused, so nothing is embedded twice;
    ``[discover] background`` comments are embedded with the run's embedder (and its cache)
    and only shape the clusters.

    Parameters
    ----------
    cfg : BatchConfig
    specs : list of ChunkSpec
    store : ChunkStore
    folder : pathlib.Path
        ``outputs/``.

    Returns
    -------
    dict
        ``topics`` (one row per comment and topic) and ``topics_info`` (one row per topic).
    """
    import numpy as np

    from ..discover import ThemeDiscovery
    from ..discover.sparse import outliers_said
    from .steps import build_embedder

    fmt = cfg.run.output_format
    comments = _pseudonymised(specs, store)[[COMMENT_ID, TEXT]]
    parts = [np.load(store.folder(s.index) / "embeddings.npy") for s in specs]
    dim = max((p.shape[1] for p in parts if p.ndim == 2), default=0)
    # A chunk with no answered comment has only zero rows (stored without columns by an
    # earlier carevoice): its comments are outliers, as blank comments are in `discover`.
    matrix = np.concatenate([p if p.ndim == 2 and p.shape[1] == dim
                             else np.zeros((len(p), dim), dtype=np.float32) for p in parts])
    # The chunks' text is pseudonymised already; the background is embedded as it is (it only
    # shapes the clusters and is never described or quoted).
    model = ThemeDiscovery(build_embedder(cfg.embed), random_state=cfg.run.seed,
                           **{**dict(cfg.discover.options), "text_is_pseudonymised": True})
    background = None
    if cfg.discover.background is not None:
        from ..corpus import read_comments

        background = read_comments(cfg.discover.background)[[COMMENT_ID, TEXT]]
    # As `carevoice discover --codes`: the codebook's themes are known, so discovery looks for
    # what it lacks, over the comments the coder left uncoded or coded with low confidence
    # ([discover] options low_confidence, default 0.6).
    import pandas as pd

    codes = pd.concat([store.load(s.index, "codes") for s in specs], ignore_index=True)
    with outliers_said(_outliers_in_settings):  # the settings file's words, not Python's
        topics = model.fit(comments.reset_index(drop=True), codes, embeddings=matrix,
                           background=background).topics_
    info = topics.topics.copy()
    for name in ("keywords", "representative", "diverse"):
        if name in info:
            info[name] = ["; ".join(map(str, v)) for v in info[name]]
    return {"topics": _write(topics.to_table(), folder / f"topics.{fmt}", fmt),
            "topics_info": _write(info, folder / f"topics_info.{fmt}", fmt)}


def _outliers_in_settings(found: OutlierWarning) -> str:
    """The outlier warning of discovery (:class:`carevoice.errors.OutlierWarning`) in the
    words of the settings file: ``[discover] options``, TOML values.

    Examples
    --------
    >>> from carevoice.errors import OutlierWarning
    >>> said = _outliers_in_settings(OutlierWarning("", share=0.4, centre=True, n_topics=5,
    ...                                             n_auto=21))
    >>> print(said)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    40.0% of the answered comments have no topic (outliers) with [discover] options method =
    "sparse", centre = true at 5 topics, more than 15%: ... Fewer are left out with k-means, the
    default ([discover] options method = "kmeans"), or with more topics ([discover] options
    n_topics; n_topics = "auto" gives 21 here); ...
    """
    from ..discover.sparse import outlier_message

    method = 'method = "sparse"' + (", centre = true" if found.centre else "")
    return outlier_message(
        float(found.share or 0.0), n_topics=int(found.n_topics or 0),
        n_auto=int(found.n_auto or 0), method=f"[discover] options {method}",
        kmeans='[discover] options method = "kmeans"', topics="[discover] options n_topics",
        auto='n_topics = "auto"')


#: The review rows a run writes into ``outputs/`` (no text; fill in and give back as
#: ``[pseudonymise] decisions``).
REVIEW_ROWS_FILE = "review.csv"

#: The flags file a run writes into ``outputs/`` (always CSV, owner read/write only).
FLAGS_FILE = "safeguarding_flags.csv"


def safeguarding_outputs(cfg: BatchConfig, specs: list[ChunkSpec], store: ChunkStore,
                         folder: Path) -> tuple[pd.DataFrame, dict[str, Path]]:
    """Write the flags file for the DSL from the flags every chunk stored.

    Every comment was screened once, as written, by the replace step, which reads each chunk
    anyway (:class:`carevoice.batch.screen.ChunkScreen`): not the pseudonymised comments, as
    the pseudonymiser may take a word that discloses harm for a name, and a screen of the
    masked text would not see the disclosure. The screen is
    :func:`carevoice.safeguarding.screen_comments` (the rules and the similarity path with the
    packaged model, as ``carevoice safeguarding`` does on the input); the chunks' flags are put
    together (:func:`carevoice.batch.screen.run_flags`) into the table one screen of the whole
    input returns, and written to ``outputs/safeguarding_flags.csv`` owner read/write only
    (0600): ``comment_id``, ``respondent_id``, ``category``, ``level``, ``cue``, never text. The
    report takes the same table, so nothing is screened twice. With ``[embed] model =
    "hashing"`` (tests only: vectors without meaning) the similarity path is left out. How
    many comments were flagged (and how many with a ``priority`` flag) is written exactly to
    ``outputs/not-for-publication/analyst.json`` only
    (:func:`carevoice.provenance.write_unpublished_counts`): the run's manifest gives a count
    below ``[report] threshold`` in words.

    Parameters
    ----------
    cfg : BatchConfig
    specs : list of ChunkSpec
    store : ChunkStore
        The chunk store, every chunk screened.
    folder : pathlib.Path
        ``outputs/``.

    Returns
    -------
    (pandas.DataFrame, dict)
        The flags (with the screen's settings in ``attrs``) and ``{"safeguarding_flags":
        path, "analyst": path}``.
    """
    from ..provenance import write_unpublished_counts
    from ..safeguarding import write_flags
    from .screen import run_flags

    flags = run_flags(cfg, specs, store)
    path = write_flags(flags, folder / FLAGS_FILE)
    exact = {"safeguarding_flagged": flags[COMMENT_ID].nunique(), "safeguarding_priority":
             flags.loc[flags["level"] == "priority", COMMENT_ID].nunique()}
    return flags, {"safeguarding_flags": path,
                   "analyst": write_unpublished_counts(folder, exact)}


def _undecided(store: ChunkStore, index: int) -> pd.DataFrame:
    """The masked spans of a chunk that still need a person: its review rows less the words
    in a shape of a missed name and the spans ``min_score`` set aside (read apart), as
    :func:`carevoice.pseudonymise.review_flags` reads a result's review table; a span a
    reviewer accepted (masked, whatever its detector) is no longer among them."""
    from ..pseudonymise.review import is_set_aside_row, is_shape_row

    if not store.has(index, "review"):
        return store.load(index, "spans")
    rows = store.load(index, "review")
    return rows[~is_shape_row(rows["detector"]) & ~is_set_aside_row(rows)]


def review_flags(specs: list[ChunkSpec], store: ChunkStore) -> pd.DataFrame:
    """The comments a person should review before any of them is quoted: ids, no text.

    The rule of every command, :func:`carevoice.pseudonymise.review_flags` with the default
    :class:`carevoice.pseudonymise.ReviewConfig`, chunk by chunk: a comment is flagged when a
    span masked in it scores below the review threshold (0.6; ``reason``
    ``"low_confidence"``), when a span of it was found only by a detector that guesses
    (``"weak_detector"``: the spans ``carevoice pseudonymise --review-file`` lists whatever
    their score; a span a reviewer decided flags nothing), or when ``[pseudonymise]
    min_score`` left a span of it unmasked
    (``"below_min_score"``): the least confident spans of all, and a name may be in clear
    there; and when its pseudonymised text holds a shape in which a name is often missed
    (``"shape_..."``, :func:`carevoice.pseudonymise.leak_shapes.leak_shapes`; in surrogates
    mode a surrogate in such a place is read too, so flags a little more than
    ``carevoice pseudonymise`` does). One row per comment and reason, in the comments' order.

    Parameters
    ----------
    specs : list of ChunkSpec
    store : ChunkStore
        The chunk store, every chunk detected.

    Returns
    -------
    pandas.DataFrame
        Columns ``comment_id`` and ``reason``.
    """
    import pandas as pd

    from ..pseudonymise.review import ReviewConfig
    from ..pseudonymise.review import review_flags as flags_of

    config = ReviewConfig()  # the threshold every command uses (0.6)
    parts = []
    for spec in specs:
        below = (store.load(spec.index, "below_min_score")
                 if store.has(spec.index, "below_min_score") else None)
        shown = (store.load(spec.index, "pseudonymised")
                 if store.has(spec.index, "pseudonymised") else None)
        skip = (store.load(spec.index, "shape_skip")  # words a reviewer said are no name
                if store.has(spec.index, "shape_skip") else None)
        parts.append(flags_of(_undecided(store, spec.index), below, config, comments=shown,
                              skip=skip))
    flags = pd.concat(parts, ignore_index=True) if parts else flags_of(pd.DataFrame())
    return flags.drop_duplicates().reset_index(drop=True)


def marked_comments(spec: ChunkSpec, store: ChunkStore) -> pd.DataFrame:
    """A chunk's pseudonymised comments as ``outputs/comments`` holds them: marked for review.

    The ``needs_review`` column ``carevoice pseudonymise`` writes
    (:func:`carevoice.pseudonymise.with_review_column`), True for the comments the chunk's
    review flags name (:func:`review_flags`, the rows of ``outputs/review_flags.csv``), so
    that ``carevoice report`` withholds them wherever the comments file is copied, without
    the flags file beside it. A ``needs_review`` column of the input is kept: a comment it
    marks stays marked.

    Parameters
    ----------
    spec : ChunkSpec
    store : ChunkStore
        The chunk store, the chunk replaced.

    Returns
    -------
    pandas.DataFrame
    """
    from ..pseudonymise.review import with_review_column

    return with_review_column(store.load(spec.index, "pseudonymised"),
                              review_flags([spec], store), "[input] comments")


def review_outputs(specs: list[ChunkSpec], store: ChunkStore,
                   folder: Path) -> tuple[pd.DataFrame, dict[str, Path]]:
    """Write the run's review flags (:func:`review_flags`) and review rows beside its outputs.

    ``outputs/review_flags.csv``, owner read/write only (0600) like the safeguarding flags,
    and always written (with its header alone when nothing is flagged): it is the file
    ``carevoice report --flagged`` reads, so that a report made from ``outputs/comments.csv``
    withholds the comments the run's own report withholds.

    ``outputs/review.csv`` (:data:`REVIEW_ROWS_FILE`): one row per span, or word in a shape
    of a missed name, for a person to decide, in the columns and format of ``carevoice
    pseudonymise --review-file`` (:func:`carevoice.pseudonymise.review.write_review_table`:
    UTF-8 with BOM, owner read/write only), but with ``span_text``, ``context`` and
    ``fingerprint`` blank: the run folder holds no original text. Filled in (``decision``)
    and given as ``[pseudonymise] decisions``, it is applied on the next run. Always written.

    Parameters
    ----------
    specs : list of ChunkSpec
    store : ChunkStore
    folder : pathlib.Path
        ``outputs/``.

    Returns
    -------
    (pandas.DataFrame, dict)
        The flags and ``{"review_flags": path, "review": path}``; the flags'
        ``attrs["review_rows"]`` is the number of review rows.
    """
    import pandas as pd

    from ..pseudonymise._files import write_csv
    from ..pseudonymise.review import REVIEW_COLUMNS, write_review_table

    flags = review_flags(specs, store)
    parts = [store.load(s.index, "review") for s in specs if store.has(s.index, "review")]
    rows = (pd.concat(parts, ignore_index=True) if parts
            else pd.DataFrame(columns=list(REVIEW_COLUMNS)))
    flags.attrs["review_rows"] = len(rows)
    return flags, {
        "review_flags": write_csv(flags, Path(folder) / REVIEW_FILE, private=True),
        "review": write_review_table(rows[list(REVIEW_COLUMNS)], Path(folder) / REVIEW_ROWS_FILE,
                                     "The review rows of the run")}


def review_file_output(path: Path, specs: list[ChunkSpec], store: ChunkStore,
                       source: Source) -> int:
    """Write ``[pseudonymise] review_file``: the run's review rows with their words.

    The rows of ``outputs/review.csv`` with ``span_text``, ``context`` and ``fingerprint``
    filled in from the input, chunk by chunk, as ``carevoice pseudonymise --review-file``
    writes them (:func:`carevoice.pseudonymise.review.write_review_table`: CSV or XLSX by the
    suffix, owner read/write only). The path lies outside the run folder (checked with the
    settings).

    Parameters
    ----------
    path : pathlib.Path
    specs : list of ChunkSpec
    store : ChunkStore
    source : Source
        The input, as the run reads it.

    Returns
    -------
    int
        The number of rows.
    """
    import pandas as pd

    from ..pseudonymise.review import REVIEW_COLUMNS, with_span_text, write_review_table
    from .chunks import read_raw, to_comments

    parts = [with_span_text(store.load(s.index, "review"), to_comments(source, read_raw(
        source, s))) for s in specs if store.has(s.index, "review")]
    rows = (pd.concat(parts, ignore_index=True) if parts
            else pd.DataFrame(columns=list(REVIEW_COLUMNS)))
    write_review_table(rows[list(REVIEW_COLUMNS)], path, "The [pseudonymise] review_file setting")
    return len(rows)


def report_inputs(cfg: BatchConfig, outputs: dict[str, Path]) -> dict[str, Path]:
    """The files the report reads its frames from, for the SHA-256 in its manifest."""
    respondents = outputs.get("respondents") or cfg.input.respondents
    return {"comments": outputs["comments"], "codes": outputs["codes"],
            **({"respondents": Path(respondents)} if respondents is not None else {})}


def report_outputs(cfg: BatchConfig, specs: list[ChunkSpec], store: ChunkStore,
                   respondents: pd.DataFrame, folder: Path,
                   inputs: dict[str, Path] | None = None,
                   safeguarding: pd.DataFrame | None = None,
                   review: pd.DataFrame | None = None) -> dict[str, Path]:
    """Write the reports named in ``[report] formats`` (:func:`carevoice.report.build_report`).

    The comments are the pseudonymised ones; those the review flags name (a span scoring
    below the review threshold, 0.6, one found only by a detector that guesses, or one that
    ``[pseudonymise] min_score`` left unmasked: :func:`review_flags`) are passed as flagged,
    so they are never quoted. The report tests the ``[link] variables`` (so its
    Benjamini-Hochberg adjustment is over the same family of tests as ``outputs/associations``)
    and tabulates the ``[link] by`` subgroups; when either is left
    out, the report's own default applies. ``[report] title`` and ``attributes`` (the columns
    that describe who said a quote) are passed on, and ``earlier_reports`` as
    ``--earlier-report`` is: no words or young person those reports quoted are quoted again,
    and the report's manifest names them. Its manifest records how the ``[input]``
    files were read (``encoding``, ``missing_values`` and, when given, ``levels``; the
    separator is always detected).

    Parameters
    ----------
    cfg : BatchConfig
    specs : list of ChunkSpec
    store : ChunkStore
    respondents : pandas.DataFrame
    folder : pathlib.Path
        ``outputs/``; the report goes to ``outputs/report/``.
    inputs : dict, optional
        The files the report's comments, codes and respondents are (``outputs/comments``,
        ``outputs/codes`` and the respondents file): their SHA-256 go into its manifest, as
        ``carevoice report`` records them.
    safeguarding : pandas.DataFrame, optional
        The run's safeguarding flags (:func:`safeguarding_outputs`): the report withholds the
        comments they name from its quotes instead of screening again. None: the report
        screens its candidate quotes itself.
    review : pandas.DataFrame, optional
        The run's review flags (:func:`review_outputs`); None: read from the chunk store.

    Returns
    -------
    dict
        ``report_<format>`` paths.
    """
    import pandas as pd

    from ..report import build_report
    from .steps import build_embedder

    comments = _pseudonymised(specs, store)
    codes = pd.concat([store.load(s.index, "codes") for s in specs], ignore_index=True)
    if review is None:
        review = review_flags(specs, store)
    flagged = sorted(set(review[COMMENT_ID].astype(str)))
    from ..disclosure import DisclosureConfig
    from ..quotes import QuoteConfig
    from ..report.unpublished import read_earlier_quotes

    settings = cfg.report
    # as `carevoice report --earlier-report` reads them: each folder's quotes; its cells are
    # read only for a change table, which a run has none of
    earlier_quotes = [read_earlier_quotes(f, argument="[report] earlier_reports folder")
                      for f in settings.earlier_reports]
    disclosure = DisclosureConfig(k=settings.k, threshold=settings.threshold,
                                  **({"attributes": settings.attributes}
                                     if settings.attributes else {}))
    quote_config = QuoteConfig(n_quotes=settings.quotes,
                               n_quotes_per_answer=settings.quotes_per_answer,
                               max_per_theme=settings.max_quotes)
    written = build_report(comments[comments[RESPONDENT_ID].notna()], codes, folder / "report",
                           formats=list(settings.formats), respondents=respondents,
                           title=settings.title, disclosure=disclosure,
                           quote_config=quote_config, quotes_by=settings.quotes_by,
                           max_associations=settings.max_associations,
                           text_is_pseudonymised=True, flagged=flagged,
                           embedder=build_embedder(cfg.embed), codebook=cfg.themes.codebook,
                           codes_made_with=_codes_made_with(cfg), inputs=inputs,
                           test=cfg.link.test, weights=cfg.link.weights,
                           variables=list(cfg.link.variables) if cfg.link.variables else None,
                           subgroups=list(cfg.link.by) if cfg.link.by else None,
                           reading={"encoding": cfg.input.encoding, "sep": None,
                                    "missing_values": cfg.input.missing_codes,
                                    **({"levels": cfg.input.level_order}
                                       if cfg.input.levels else {}),
                                    **({"drop_columns": list(cfg.input.drop_columns)}
                                       if cfg.input.drop_columns else {}),
                                    **({"multi_select": cfg.input.multi_select_argument}
                                       if cfg.input.multi_select else {})},
                           timestamp=False, closed_columns=_closed(cfg),
                           not_free_text=list(cfg.input.not_free_text),
                           safeguarding=safeguarding, earlier_quotes=earlier_quotes,
                           earlier_reports=list(settings.earlier_reports))
    return {f"report_{name}": path for name, path in written.items()}


def _codes_made_with(cfg: BatchConfig) -> dict[str, Any]:
    """What made a run's codes, for its report's manifest: this run, its seed and codebook."""
    from ..provenance import codebook_record

    return {"known": True, "made_by": "carevoice run", "manifest": "../../manifest.json",
            "seed": cfg.run.seed,
            "codebook": codebook_record(cfg.themes.codebook, name_only=True),
            "settings": {"reference": cfg.themes.reference, "kin_carers": cfg.themes.kin_carers,
                         "mentions": cfg.themes.mentions, "denials": cfg.themes.denials,
                         "min_score": cfg.themes.min_score,
                         "embed_model": cfg.embed.model}}


def codes_manifest(cfg: BatchConfig, codes: Path, inputs: dict[str, Path]) -> Path:
    """Write ``codes.manifest.json`` beside a run's codes, as ``carevoice code`` writes it.

    ``export-qdpx`` then credits the codes to carevoice's coder (with the embedding model of
    ``[embed] model``) without ``--model-codes``, and ``report``, ``link`` and ``discover
    --codes`` record what made them (:func:`carevoice.provenance.codes_provenance`), also
    when the codes are copied out of the run folder with their manifest.

    Parameters
    ----------
    cfg : BatchConfig
    codes : pathlib.Path
        ``outputs/codes.csv`` (or ``.parquet``), as written: the manifest records its SHA-256.
    inputs : dict
        Name to path of the files the codes were made from (named, not pathed, and hashed).

    Returns
    -------
    pathlib.Path
        ``outputs/codes.manifest.json``.
    """
    from ..provenance import file_sha256, write_codes_manifest
    from .steps import embedder_name

    settings = {**_codes_made_with(cfg)["settings"], "embedder": embedder_name(cfg.embed),
                "random_state": cfg.run.seed}
    return write_codes_manifest(
        codes, "run", settings=settings, seed=cfg.run.seed, codebook=cfg.themes.codebook,
        inputs={name: {"file": Path(path).name, "sha256": file_sha256(path)}
                for name, path in inputs.items()},
        run_manifest="../manifest.json")
