"""Command-line options shared by the commands that read comment and respondent files.

Only typer is imported here, so that ``carevoice --help`` stays fast. Each command passes the
values on to the readers (:func:`carevoice.corpus.read_table` and the functions built on it).
"""

from __future__ import annotations

from typing import Annotated

import typer

__all__ = ["EncodingOption", "SepOption"]

#: ``--encoding``: force the encoding of CSV inputs.
EncodingOption = Annotated[str | None, typer.Option(
    "--encoding",
    help="Encoding of the CSV input files, e.g. utf-8 or cp1252 (Excel's plain 'CSV'). "
         "Detected by default; a file that mixes encodings is refused until you give one.")]

#: ``--sep``: force the separator of CSV inputs.
SepOption = Annotated[str | None, typer.Option(
    "--sep",
    help="Separator of the CSV input files: ',', ';' (Excel in much of Europe), 'tab' or '|'. "
         "Detected from the header line by default.")]
