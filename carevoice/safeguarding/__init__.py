"""The safeguarding screen: comments that disclose harm or risk, for the safeguarding lead first.

Transparent cue rules per category (:mod:`.cues`), qualified by negation, idiom, past-and-over
and worry rules (:mod:`.context`), applied by :func:`screen_comments`. Local, deterministic,
recall first ("when in doubt, flag" at level ``review``); it never replaces reading every
comment. See ``docs/safeguarding.md``.
"""

from .cues import CATEGORIES, LEVELS, Cue
from .files import read_flags, write_flags
from .screen import (
    FLAG_COLUMNS,
    SafeguardingConfig,
    flag_summary,
    flagged_comment_ids,
    screen_comments,
    screen_text,
)

__all__ = ["CATEGORIES", "FLAG_COLUMNS", "LEVELS", "Cue", "SafeguardingConfig", "flag_summary",
           "flagged_comment_ids", "read_flags", "screen_comments", "screen_text", "write_flags"]
