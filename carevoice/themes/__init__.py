"""Theme coding: the codebook, the coder, agreement with people and double-coding samples."""

from .agreement import agreement, codes_matrix
from .codebook import (
    NO_THEME,
    Codebook,
    Theme,
    codebook_from_dict,
    default_codebook,
    load_codebook,
    write_codebook,
)
from .model import ThemeCoder, split_segments
from .sampling import double_coding_sample

__all__ = [
    "NO_THEME",
    "Codebook",
    "Theme",
    "ThemeCoder",
    "agreement",
    "codebook_from_dict",
    "codes_matrix",
    "default_codebook",
    "double_coding_sample",
    "load_codebook",
    "split_segments",
    "write_codebook",
]
