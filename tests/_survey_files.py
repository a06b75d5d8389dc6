"""Write a small fictional survey's files (comments, codes, respondents) as the CLI reads them,
for the tests of waves, change tables and quotes across waves."""

from __future__ import annotations

import csv
from pathlib import Path


def write_survey(folder: Path, comments: list[dict], codes: list[dict],
                 respondents: list[dict]) -> list[str]:
    """Write ``comments.csv``, ``codes.csv`` and ``respondents.csv`` into ``folder``.

    Each list of rows becomes one UTF-8 CSV file with the first row's keys as its header.

    Returns
    -------
    list of str
        The three paths, in the order ``carevoice report`` takes them.
    """
    paths = []
    for name, rows in (("comments", comments), ("codes", codes), ("respondents", respondents)):
        path = Path(folder) / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        paths.append(str(path))
    return paths
