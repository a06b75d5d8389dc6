"""The context rules of a name that
:meth:`carevoice.pseudonymise.names.NameDetector._score` leaves at 0 read a token and what stands
around it (:class:`_At`); this module holds that view and the word lists more than one family of
rules reads. The rules stand in three modules, by the frame they read:

- :mod:`carevoice.pseudonymise._name_said`: who a name is said by, spoken to, asked or told
  ("kyle said", "ask will if", "tell dawn to ring me") and what it is called ("her name is april",
  "they call me jazz");
- :mod:`carevoice.pseudonymise._name_verbs`: what the person does or is, by a verb, a modal or a
  role ("mercy drove me", "will helped me", "rob my pa is leaving", "jade king in my class");
- :mod:`carevoice.pseudonymise._name_family`: a word-name in a family or friend frame ("marvel is
  my big sister", "my brother rocket came round", "rocket and i are sisters").

The order the rules are tried in is
:data:`carevoice.pseudonymise._lexicon_rules._LEXICON_RULES`; several are tried of words outside
the lexicon too (:mod:`carevoice.pseudonymise._word_rules`). The detector itself reads
:func:`carevoice.pseudonymise._name_said._initial_reporting` (initials before a verb of reporting:
"KW said").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._tokens import ADVERBS
from ._words import KIN, KIN_FRIENDS, KIN_STAFF

if TYPE_CHECKING:
    from ._tokens import Cues, Tokens


#: Family words proper (not friends or staff), after "X is my ...": "will is my little brother".
_FAMILY = KIN - KIN_STAFF - KIN_FRIENDS - {"baby", "babies"}


@dataclass(frozen=True)
class _At:
    """A token and what the context rules read around it."""

    sent: Tokens
    i: int
    cues: Cues
    names: frozenset[str]
    family: frozenset[str]

    @property
    def low(self) -> str:
        return self.sent.lows[self.i]

    @property
    def word(self) -> str:
        return self.sent.words[self.i]

    @property
    def lower(self) -> bool:
        return self.sent.words[self.i].islower()

    @property
    def prev(self) -> str:
        return self.sent.low(self.i - 1)

    @property
    def nxt(self) -> str:
        return self.sent.low(self.i + 1)

    @property
    def verb(self) -> str:
        """The word after the token, past an adverb: "kai never rings" -> "rings"."""
        return self.sent.low(self.i + 2) if self.nxt in ADVERBS else self.nxt

    @property
    def shouted(self) -> bool:
        return self.word.isupper() and self.sent.text.upper() == self.sent.text

    @property
    def after(self) -> str:
        """The text after the token."""
        return self.sent.text[self.sent.tokens[self.i][0] + len(self.word):]


#: Jobs, after a name and "the" ("bob the handyman at the limes"), and no name after "my sister
#: is" ("my sister is a nurse").
_JOBS = frozenset({"handyman", "caretaker", "cleaner", "cook", "chef", "receptionist",
                   "driver", "gardener", "janitor", "porter", "warden", "nurse", "doctor",
                   "coach", "dinnerlady", "lollipop", "builder", "plumber", "soldier",
                   "electrician", "hairdresser", "mechanic", "barber", "painter", "labourer"})
