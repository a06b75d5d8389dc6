"""Batch runs: a whole pipeline from one ``PIPELINE.toml``, chunked, resumable, on Dask if need be.

``carevoice run PIPELINE.toml`` (or :func:`run_batch`) reads the settings
(:func:`load_config`), streams the input in chunks, pseudonymises, embeds and codes each chunk,
keeps every chunk's results with checksums so a killed run carries on where it stopped, then runs
linkage (and discovery and reports when asked) on the whole corpus. ``engine = "dask"`` runs the
same chunk functions as :mod:`dask.dataframe` partitions on a :mod:`dask.distributed` cluster.

Nothing is imported from pandas, spaCy, torch or Dask until a run starts.
"""

from .config import (
    BatchConfig,
    DaskSettings,
    DiscoverSettings,
    EmbedSettings,
    InputSettings,
    LinkSettings,
    PseudonymiseSettings,
    ReportSettings,
    RunSettings,
    ThemeSettings,
    config_from_dict,
    load_config,
)
from .runner import RunResult, run_batch

__all__ = [
    "BatchConfig",
    "DaskSettings",
    "DiscoverSettings",
    "EmbedSettings",
    "InputSettings",
    "LinkSettings",
    "PseudonymiseSettings",
    "ReportSettings",
    "RunResult",
    "RunSettings",
    "ThemeSettings",
    "config_from_dict",
    "load_config",
    "run_batch",
]
