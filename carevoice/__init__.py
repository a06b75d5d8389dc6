"""carevoice: local, reproducible qualitative analysis of what children in care say.

Pseudonymise free-text comments, code them against a care-experience codebook, discover themes
the codebook lacks and link them to the same respondents' survey answers. Everything runs
offline with packaged models; nothing is imported or loaded until it is used.
"""

from .corpus import (
    read_comments,
    read_corpus,
    read_respondents,
    read_survey,
    validate_comments,
    validate_corpus,
    write_corpus,
)
from .demo import load_demo
from .embed import CachedEmbedder, HashingEmbedder, SentenceTransformerEmbedder
from .errors import (
    CarevoiceError,
    CodebookError,
    InputError,
    ModelIntegrityError,
    ModelNotInstalledError,
    NotFittedError,
    OutlierWarning,
    ValidationError,
)
from .schema import Corpus, Detector, Embedder

__version__ = "0.7.0"

__all__ = [
    "CachedEmbedder",
    "CarevoiceError",
    "CodebookError",
    "Corpus",
    "Detector",
    "Embedder",
    "HashingEmbedder",
    "InputError",
    "ModelIntegrityError",
    "ModelNotInstalledError",
    "NotFittedError",
    "OutlierWarning",
    "SentenceTransformerEmbedder",
    "ValidationError",
    "load_demo",
    "read_comments",
    "read_corpus",
    "read_respondents",
    "read_survey",
    "validate_comments",
    "validate_corpus",
    "write_corpus",
]
