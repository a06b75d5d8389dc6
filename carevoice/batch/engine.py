"""Engines that run a stage's chunk function over many chunks: here, or on a Dask cluster.

A *stage* is a ``read(task) -> frame`` function, a ``process(frame, task, context) -> status``
function and a list of tasks (one per chunk). :class:`LocalEngine` calls them in a loop.
:class:`DaskEngine` builds a :mod:`dask.dataframe` whose partitions are the chunks
(``dask.dataframe.from_map(read, tasks)``), applies the same ``process`` with
``map_partitions`` and computes it on a :class:`dask.distributed.Client`: Dask does the
scheduling, there is no distribution layer of our own. Both return the same status rows, and since
the chunk functions are the same, the same results.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InputError, ModelNotInstalledError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .config import DaskSettings

__all__ = ["STATUS_COLUMNS", "DaskEngine", "LocalEngine", "Stage", "make_engine"]

#: The columns of the one-row status frame a stage's ``process`` returns for its chunk.
STATUS_COLUMNS: tuple[str, ...] = ("chunk", "rows", "items", "seconds")


@dataclass(frozen=True)
class Stage:
    """One stage of a run: the same functions for every engine.

    Parameters
    ----------
    name : str
        Shown in progress bars and the log.
    read : callable
        ``read(task) -> pandas.DataFrame``: the chunk's input (a module-level function, so it
        pickles).
    process : callable
        ``process(frame, task, context) -> pandas.DataFrame``: does the work, stores the
        results and returns one status row with :data:`STATUS_COLUMNS`.
    tasks : tuple
        One task per chunk to run.
    context : object
        Shared by every task (settings, paths).
    """

    name: str
    read: Callable[[Any], pd.DataFrame]
    process: Callable[[pd.DataFrame, Any, Any], pd.DataFrame]
    tasks: tuple[Any, ...]
    context: Any = None


def status_row(chunk: int, rows: int, items: int, started: float) -> pd.DataFrame:
    """The status frame of one processed chunk.

    Parameters
    ----------
    chunk, rows, items : int
        The chunk number, its comments and what the stage counted (spans, codes).
    started : float
        ``time.perf_counter()`` when the chunk started.

    Returns
    -------
    pandas.DataFrame
    """
    import pandas as pd

    return pd.DataFrame({"chunk": [int(chunk)], "rows": [int(rows)], "items": [int(items)],
                         "seconds": [round(time.perf_counter() - started, 3)]})


def _empty_status() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({"chunk": pd.Series(dtype="int64"), "rows": pd.Series(dtype="int64"),
                         "items": pd.Series(dtype="int64"),
                         "seconds": pd.Series(dtype="float64")})


class LocalEngine:
    """Run every chunk in this process, one after the other.

    Examples
    --------
    >>> LocalEngine().name
    'local'
    """

    name = "local"

    def run(self, stage: Stage, advance: Callable[[int], None] | None = None) -> pd.DataFrame:
        """Run a stage over its tasks.

        Parameters
        ----------
        stage : Stage
        advance : callable, optional
            Called with the chunk's row count after each chunk (progress bars).

        Returns
        -------
        pandas.DataFrame
            One status row per task, in task order.
        """
        import pandas as pd

        rows = []
        for task in stage.tasks:
            status = stage.process(stage.read(task), task, stage.context)
            rows.append(status)
            if advance is not None:
                advance(int(status["rows"].sum()))
        return pd.concat(rows, ignore_index=True) if rows else _empty_status()

    def close(self) -> None:
        """Nothing to release."""


def _apply(frame: pd.DataFrame, process: Callable[..., pd.DataFrame], tasks: Sequence[Any],
           context: Any, partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    """``map_partitions`` target: find the partition's task and process it."""
    if partition_info is None:  # dask calls with partition_info=None while checking metadata
        return _empty_status()
    return process(frame, tasks[partition_info["number"]], context)


class DaskEngine:
    """Run chunks as the partitions of a :mod:`dask.dataframe` on a distributed cluster.

    Parameters
    ----------
    settings : DaskSettings
        A scheduler address, or the shape of a :class:`dask.distributed.LocalCluster`
        started on loopback (127.0.0.1) for this run and closed after it.

    Notes
    -----
    With a remote scheduler, the workers read the input files and write the chunk store
    themselves: both must be at the same paths on every worker (a shared file system).
    """

    name = "dask"

    def __init__(self, settings: DaskSettings) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as e:
            raise ModelNotInstalledError(
                'engine = "dask" needs dask[distributed]: pip install "carevoice[scale]"') from e
        self.settings = settings
        self.cluster = None
        if settings.scheduler:
            try:
                self.client = Client(settings.scheduler, timeout=settings.connect_timeout)
            except (OSError, TimeoutError) as e:
                from ..errors import InputError

                raise InputError(f"[dask] scheduler {settings.scheduler!r} could not be "
                                 f"reached in {settings.connect_timeout:g} s "
                                 "([dask] connect_timeout); check the address and that the "
                                 "scheduler is "
                                 "running, or remove the setting to use a local cluster."
                                 ) from e
        else:
            # Worker processes talk to the scheduler over loopback TCP; thread workers in
            # this process use Dask's in-process transport (no socket at all).
            where = {"host": "127.0.0.1"} if settings.processes else {}
            self.cluster = LocalCluster(n_workers=settings.n_workers,
                                        threads_per_worker=settings.threads_per_worker,
                                        processes=settings.processes, dashboard_address=None,
                                        **where)
            self.client = Client(self.cluster)

    def run(self, stage: Stage, advance: Callable[[int], None] | None = None) -> pd.DataFrame:
        """Run a stage: ``from_map(read, tasks).map_partitions(process)`` on the cluster.

        Parameters
        ----------
        stage : Stage
        advance : callable, optional
            Called with the chunk's row count as each chunk finishes.

        Returns
        -------
        pandas.DataFrame
            One status row per task, in task order.
        """
        import dask
        import dask.dataframe as dd
        import pandas as pd
        from dask.distributed import as_completed

        if not stage.tasks:
            return _empty_status()
        tasks = list(stage.tasks)
        meta = pd.DataFrame({"comment_id": pd.Series(dtype="string"),
                             "text": pd.Series(dtype="string")})
        frames = dd.from_map(stage.read, tasks, meta=meta, enforce_metadata=False,
                             label=f"read-{stage.name}")
        shared_tasks = dask.delayed(tasks, pure=True, traverse=False)
        shared_context = dask.delayed(stage.context, pure=True, traverse=False)
        status = frames.map_partitions(_apply, stage.process, shared_tasks, shared_context,
                                       meta=_empty_status(), enforce_metadata=False,
                                       align_dataframes=False)
        futures = self.client.compute(status.to_delayed())
        order = {f.key: i for i, f in enumerate(futures)}
        results: list[Any] = [None] * len(futures)
        for future in as_completed(futures):
            part = future.result()
            results[order[future.key]] = part
            if advance is not None:
                advance(int(part["rows"].sum()))
        return pd.concat(results, ignore_index=True)

    def close(self) -> None:
        """Close the client, and the LocalCluster if this engine started it."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(name: str, settings: DaskSettings) -> LocalEngine | DaskEngine:
    """Return the engine named by ``[run] engine``.

    Parameters
    ----------
    name : {"local", "dask"}
    settings : DaskSettings

    Returns
    -------
    LocalEngine or DaskEngine
    """
    if name == "local":
        return LocalEngine()
    if name == "dask":
        return DaskEngine(settings)
    raise InputError(f"The 'engine' setting must be 'local' or 'dask'. Got {name!r} instead.")
