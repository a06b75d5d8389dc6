"""Text in a script the pseudonymiser cannot read: masked whole, with the label OTHER_SCRIPT.

The rules, the gazetteers and the learned model read the Latin alphabet. A child who writes a
name or a sentence in Arabic, Bengali, Gurmukhi, Tamil, Tigrinya (Ge'ez), Cyrillic or Chinese
script ("my brother محمد", "我的妹妹") would otherwise see it pass through unchanged, and a name
in it would be published. When in doubt, mask: every run of words in such a script becomes one
span (score 0.4, so it is listed for review, where a person who reads the script can take the
mask back). Latin letters with accents ("Ionuț", "Zoë") are read as usual.

Part of :data:`carevoice.pseudonymise.patterns.PATTERNS`.
"""

from __future__ import annotations

from ._pattern import Pattern

__all__ = ["OTHER_SCRIPT_LETTERS", "SCRIPT_PATTERNS"]

#: Letters and combining marks of the scripts other than Latin that England's larger
#: communities write: Greek, Cyrillic, Armenian, Hebrew, Arabic (with Urdu, Persian, Pashto,
#: Kurdish Sorani), Syriac, Thaana, the Indian scripts (Devanagari, Bengali, Gurmukhi,
#: Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala), Thai, Lao, Tibetan, Myanmar,
#: Georgian, Hangul, Ethiopic (Amharic, Tigrinya), Khmer, and Chinese and Japanese.
OTHER_SCRIPT_LETTERS = (
    "\u0370-\u03ff\u1f00-\u1fff"  # Greek
    "\u0400-\u052f"  # Cyrillic
    "\u0530-\u058f"  # Armenian
    "\u0590-\u05ff"  # Hebrew
    "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe"  # Arabic
    "\u0700-\u07bf"  # Syriac, Thaana
    "\u0900-\u0dff"  # Indian scripts and Sinhala
    "\u0e00-\u0fff"  # Thai, Lao, Tibetan
    "\u1000-\u109f"  # Myanmar
    "\u10a0-\u10ff"  # Georgian
    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # Hangul
    "\u1200-\u139f"  # Ethiopic
    "\u1780-\u17ff"  # Khmer
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK
)

_LETTERS = f"[{OTHER_SCRIPT_LETTERS}\u200c\u200d]"

SCRIPT_PATTERNS: tuple[Pattern, ...] = (
    # a run of such words, with the spaces, hyphens and apostrophes between them
    Pattern("other_script", "OTHER_SCRIPT",
            rf"{_LETTERS}+(?:[\s'\u2019-]+{_LETTERS}+)*",
            score=0.4, flags=0, trigger=f"[{OTHER_SCRIPT_LETTERS}]"),
)
