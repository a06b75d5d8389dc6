"""The safeguarding screen of a batch run, chunk by chunk, as the comments are written.

The replace step holds each chunk's comments as written (read once, checked against the plan):
:class:`ChunkScreen` screens them there with :func:`carevoice.safeguarding.screen_comments` and
stores the chunk's flags in the chunk store beside its other results (``flags.parquet``: ids,
categories, levels and rule labels, never text; owner read/write only, as the flags file is).
:func:`run_flags` then puts the stored flags together into the table one screen of the whole
input returns: the same rows, in the same order, with the screen's settings recorded, so no
chunk is read again for the screen, the text is held one chunk at a time, and a resumed run
screens only the chunks whose comments or screen settings changed.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import numpy as np

from ..schema import COMMENT_ID, RESPONDENT_ID, TEXT
from .chunks import (
    STAGE_VERSION,
    ChunkSpec,
    ChunkStore,
    chunk_key,
    dist_version,
    source_fingerprint,
)

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence

    import pandas as pd

    from ..safeguarding import SafeguardingConfig
    from .config import BatchConfig

__all__ = ["SCREEN_STAGE", "ChunkScreen", "run_flags", "screen_config", "screen_settings_key"]

#: The chunk store's stage (marker ``screen.done.json``) and file (``flags.parquet``).
SCREEN_STAGE = "screen"
_FLAGS = "flags"


def screen_config(cfg: BatchConfig) -> SafeguardingConfig:
    """The screen a run applies: the rules and the similarity path with the packaged model,
    as ``carevoice safeguarding`` screens; with ``[embed] model = "hashing"`` (tests only:
    vectors without meaning) the rules alone.

    Parameters
    ----------
    cfg : BatchConfig

    Returns
    -------
    carevoice.safeguarding.SafeguardingConfig
    """
    from ..safeguarding import SafeguardingConfig

    return SafeguardingConfig(similarity=cfg.embed.model != "hashing")


def screen_settings_key(cfg: BatchConfig) -> tuple[Any, ...]:
    """The settings part of the screen stage's content key.

    Every setting of :func:`screen_config`, the code and data of
    :mod:`carevoice.safeguarding` (its rules), carevoice's version and, with the similarity
    path, the model and the versions of the packages that run it: flags stored under other
    settings or rules are screened again, never reused.
    """
    from ..embed import SentenceTransformerEmbedder

    config = screen_config(cfg)
    model = ((SentenceTransformerEmbedder().name, dist_version("sentence-transformers"),
              dist_version("torch")) if config.similarity else None)
    return ("screen", STAGE_VERSION, sorted(asdict(config).items()), dist_version("carevoice"),
            source_fingerprint("safeguarding"), model)


class _KeptExamples:
    """An embedder that embeds the similarity path's example sentences once per run.

    The screen embeds its ~350 fixed example sentences on every call; screened chunk by chunk,
    that would be once per chunk. Only that list is kept (never a comment's sentences).
    """

    def __init__(self, embedder: Any) -> None:
        from ..safeguarding.prototypes import NEGATIVES, PROTOTYPES

        self.embedder = embedder
        self._examples = [t for c in PROTOTYPES for t in PROTOTYPES[c]] + list(NEGATIVES)
        self._vectors: np.ndarray | None = None

    @property
    def name(self) -> str:
        """The wrapped embedder's name."""
        return str(getattr(self.embedder, "name", type(self.embedder).__name__))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts; the example sentences from the first time they are embedded."""
        texts = list(texts)
        if texts != self._examples:
            return np.asarray(self.embedder.encode(texts))
        if self._vectors is None:
            self._vectors = np.asarray(self.embedder.encode(texts))
        return self._vectors


class ChunkScreen:
    """Screen each chunk's comments as written, in the replace step, and store the flags.

    Parameters
    ----------
    cfg : BatchConfig
    store : ChunkStore
        The run's chunk store.

    Attributes
    ----------
    screened, reused : int
        Chunks screened by this run, and chunks whose stored flags it kept.
    seconds : float
        Time spent screening.
    """

    def __init__(self, cfg: BatchConfig, store: ChunkStore) -> None:
        self.config = screen_config(cfg)
        self.settings = screen_settings_key(cfg)
        self.store = store
        self.screened = 0
        self.reused = 0
        self.seconds = 0.0
        self._embedder: _KeptExamples | None = None

    def __call__(self, spec: ChunkSpec, comments: pd.DataFrame) -> None:
        """Screen one chunk unless its flags are stored under the same key.

        Parameters
        ----------
        spec : ChunkSpec
        comments : pandas.DataFrame
            The chunk's comments as written (:func:`carevoice.batch.pseudonymise.reread`).
        """
        from ..safeguarding import screen_comments

        started = time.perf_counter()
        frame = comments[[c for c in (COMMENT_ID, RESPONDENT_ID, TEXT) if c in comments]]
        key = chunk_key(*self.settings, frame=frame)
        if self.store.is_done(spec.index, SCREEN_STAGE, key):
            self.reused += 1
        else:
            flags = screen_comments(frame, self.config, embedder=self._similarity_embedder())
            # who disclosed what: owner read/write only, as outputs/safeguarding_flags.csv
            self.store.save(spec.index, SCREEN_STAGE, key, {_FLAGS: flags}, rows=len(frame),
                            private=True)
            self.screened += 1
        self.seconds += time.perf_counter() - started

    def _similarity_embedder(self) -> Any:
        if not self.config.similarity:
            return None
        if self._embedder is None:  # the model screen_comments loads by default
            from ..embed import SentenceTransformerEmbedder

            self._embedder = _KeptExamples(SentenceTransformerEmbedder())
        return self._embedder


def run_flags(cfg: BatchConfig, specs: list[ChunkSpec], store: ChunkStore) -> pd.DataFrame:
    """The flags of the whole run, from the flags each chunk stored.

    The table :func:`carevoice.safeguarding.screen_comments` returns for the whole input in
    one piece: each chunk's flags are in its comments' order (priority first), so the chunks'
    flags in chunk order, priority rows before review rows, are the one-piece order. Its
    ``attrs`` record the screen's settings, as the screen records them, so a report given the
    table names the screen.

    Parameters
    ----------
    cfg : BatchConfig
    specs : list of ChunkSpec
    store : ChunkStore
        Every chunk screened (:class:`ChunkScreen`).

    Returns
    -------
    pandas.DataFrame
        ``comment_id``, ``respondent_id`` (when the comments have one), ``category``,
        ``level``, ``cue``.
    """
    import pandas as pd

    from ..safeguarding import LEVELS

    # the screen's own mark on its table (settings and a fingerprint of the rows): the rows
    # are the screen's, put together from its per-chunk tables
    from ..safeguarding.screen import mark_screened

    columns: list[str] = []
    rows: list[dict[str, Any]] = []
    for spec in specs:
        part = store.load(spec.index, _FLAGS)
        columns = list(part.columns)
        # as the screen makes its rows: Python strings, None for a missing respondent_id
        rows += [{c: None if pd.isna(v) else str(v) for c, v in row.items()}
                 for row in part.to_dict("records")]
    if rows:  # built as the screen builds its table, so the types are the screen's too
        order = np.argsort([LEVELS.index(row["level"]) for row in rows], kind="stable")
        flags = pd.DataFrame([rows[i] for i in order])[columns]
    else:
        flags = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    return mark_screened(flags, screen_config(cfg))
