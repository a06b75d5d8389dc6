"""Pseudonymisation: find personal data in comments and replace it, keeping the key apart.

The step has two halves joined by a spans table (``comment_id, start, end, label, score,
detector``): detection (:func:`detect_pii` with pluggable detectors) and replacement
(:func:`pseudonymise`: tags, realistic surrogates or redaction, consistent across the corpus
under a project secret). The re-identification key is written only when asked, encrypted
(:func:`write_key`), and :func:`reidentify` reverses the step for a person holding the secret.
Uncertain spans go to a person for review (:func:`write_review`, :func:`read_decisions`);
:func:`review_flags` names the comments not to quote until then.

Nothing is loaded at import time: spaCy, the name lists, Faker and the learned token model
load on first use.
"""

from .core import (
    PseudonymisationResult,
    PseudonymiseConfig,
    default_detectors,
    detect_pii,
    pseudonymise,
    resolve_spans,
)
from .declared import NotPseudonymisedError, check_pseudonymised, direct_identifiers
from .keys import (
    KeyFileError,
    ReidentificationKey,
    generate_secret,
    read_key,
    read_secret,
    reidentify,
    write_key,
    write_secret,
)
from .learned import TokenModel, TokenModelDetector, train_token_model
from .names import NameDetector
from .patterns import PATTERNS, Pattern, PatternDetector
from .places import PlaceDetector
from .replace import MODES, ReplaceConfig, replace_spans
from .review import (
    ReviewConfig,
    apply_decisions,
    read_decisions,
    review_flags,
    review_table,
    with_review_column,
    write_review,
)
from .spoken import SpokenDetector, written_form
from .tagger import SpacyDetector

__all__ = [
    "MODES",
    "PATTERNS",
    "KeyFileError",
    "NameDetector",
    "NotPseudonymisedError",
    "Pattern",
    "PatternDetector",
    "PlaceDetector",
    "PseudonymisationResult",
    "PseudonymiseConfig",
    "ReidentificationKey",
    "ReplaceConfig",
    "ReviewConfig",
    "SpacyDetector",
    "SpokenDetector",
    "TokenModel",
    "TokenModelDetector",
    "apply_decisions",
    "check_pseudonymised",
    "default_detectors",
    "detect_pii",
    "direct_identifiers",
    "generate_secret",
    "pseudonymise",
    "read_decisions",
    "read_key",
    "read_secret",
    "reidentify",
    "replace_spans",
    "resolve_spans",
    "review_flags",
    "review_table",
    "train_token_model",
    "with_review_column",
    "write_key",
    "write_review",
    "write_secret",
    "written_form",
]
