"""REFI-QDA exchange: send coded comments to NVivo, ATLAS.ti, MAXQDA and QualCoder, read
corrections back.

- :func:`export_qdpx` writes a ``.qdpx`` project: the codebook, one text source per comment
  (pseudonymised), one case per respondent with the survey answers as variables, and one coding
  per assigned theme by the user the codes name (carevoice's model only when told it made them).
- :func:`write_qdc` / :func:`read_qdc` write and read a ``.qdc`` codebook.
- :func:`read_qdpx` reads an edited project back; :func:`reviewed_codes` and
  :func:`compare_codes` turn its codings into what the review kept, removed and added.
- :func:`free_text_answers` says which survey answers are free text (pseudonymised on export);
  :func:`identifier_answers` which of them are identifiers as numbers or dates (left out);
  :func:`type_text_answers` makes true/false and date answers read from a CSV Boolean and Date.
- :func:`validate_refi` checks a file against the packaged QDA-XML 1.0 schemas.
"""

from ._values import free_text_answers, identifier_answers, type_text_answers
from ._xml import RefiQdaError, schema_path, stable_guid, validate_refi
from .codebook import read_qdc, write_qdc
from .export import UNSTATED_USER, default_user, export_qdpx
from .read import CODING_COLUMNS, QdaProject, compare_codes, read_qdpx, reviewed_codes

__all__ = [
    "CODING_COLUMNS",
    "UNSTATED_USER",
    "QdaProject",
    "RefiQdaError",
    "compare_codes",
    "default_user",
    "export_qdpx",
    "free_text_answers",
    "identifier_answers",
    "read_qdc",
    "read_qdpx",
    "reviewed_codes",
    "schema_path",
    "stable_guid",
    "type_text_answers",
    "validate_refi",
    "write_qdc",
]
