"""A batch run's log and progress bars.

:class:`RunLog` appends lines to ``run.log`` (time, step, counts and ids, never text);
:func:`progress_bars` shows one rich progress bar per step on standard error.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["RunLog", "progress_bars"]


class RunLog:
    """Append lines to ``run.log``: time, step, counts and ids, never text.

    The log is owner read/write only (0600), as the run's other not-for-publication files
    are: its counts, comment ids and file names belong to a run that may hold children's
    comments. A log an earlier version wrote readable by others is made owner-only at the
    first line appended.

    Parameters
    ----------
    path : pathlib.Path
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._private = False

    def __call__(self, message: str) -> None:
        """Append one line."""
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as fh:
                if not self._private:  # an existing log keeps its mode through os.open
                    self.path.chmod(0o600)
                    self._private = True
                fh.write(f"{stamp} {message}\n")


@contextmanager
def progress_bars(enabled: bool) -> Iterator[Callable[[str, int], Callable[[int], None]]]:
    """While the block runs, ``bar(description, total)`` adds a bar and returns its advance.

    Parameters
    ----------
    enabled : bool
        False shows nothing (the bars still count).
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(TextColumn("{task.description:<22}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), TimeRemainingColumn(),
                        console=Console(stderr=True), disable=not enabled)

    def bar(description: str, total: int) -> Callable[[int], None]:
        task = progress.add_task(description, total=total)
        return lambda n: progress.advance(task, n)

    with progress:
        yield bar
