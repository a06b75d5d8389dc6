"""Word lists and word tests that the name rules share: what people do ("drove", "takes me"),
names that are also ordinary words ("hope", "will", "summer"), words of naming, and whether a
word could be a name by its form, is a misspelt lexicon name ("jaydan") or, with the word after
it, a double-barrelled surname ("fletcher-wood").

Part of :class:`carevoice.pseudonymise.names.NameDetector`, its context rules and the passes of
:mod:`carevoice.pseudonymise.neighbours`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ._tokens import ADVERBS, SUBJECT_VERBS, tier
from ._words import FUNCTION_WORDS, KIN, dictionary_word
from .lexicons import NOT_PII, ROLE_WORDS, first_names

if TYPE_CHECKING:
    from ._tokens import Tokens


#: Verbs, in the past or third person, whose subject is a person: a word that is also a name
#: is a name before them at the start of a clause ("mercy drove me", "will sorted my pass":
#: "will" before a past tense cannot be the modal).
_PERSON_VERBS = frozenset(
    """drove drives phoned phones rang rings texted texts messaged messages judged judges
    listened listens sorted sorts cancelled canceled cancels visited visits picked picks told
    tells asked asks shouted shouts promised promises hugged hugs cooked cooks taught teaches
    lied lies rang fetched fetches emailed emails waited waits""".split())


def _hyphenated_surname(sent: Tokens, j: int, family: frozenset[str], lower: bool) -> bool:
    """Whether tokens ``j`` and ``j + 1``, joined by a hyphen after a name, are a double-barrelled
    surname: both surnames (or words that are surnames too, like "green"), or one a surname and
    the other no dictionary word ("fletcher-wood", "hartley-green"; not "kai full-time")."""
    if j + 1 >= len(sent) or sent.gap(j) != " " or sent.gap(j + 1) != "-" \
            or sent.words[j].islower() != lower or sent.words[j + 1].islower() != lower:
        return False
    a, b = sent.lows[j], sent.lows[j + 1]
    if not (_plain_word(a) and _plain_word(b)):
        return False
    a_name = a in family or a in _SURNAME_WORDS
    b_name = b in family or b in _SURNAME_WORDS
    return (a_name and b_name) or (a_name and not dictionary_word(b)) \
        or (b_name and not dictionary_word(a))


#: What is done only to people and their accounts, right before the person: "i blocked
#: kyle", "ghosted jade", "unfollowed tamsin" (a name that is sometimes a word is a name here).
_DONE_ONLINE = frozenset(
    """block blocks blocked blocking unblock unblocks unblocked unblocking mute mutes muted
    muting unmute unmuted unfollow unfollows unfollowed unfollowing unadd unadded unfriend
    unfriended defriend defriended friended ghost ghosts ghosted ghosting tag tags tagged
    tagging dmd dmed dm'd""".split())

#: What people do to someone, online or off, right before the person: "i unfollowed tamsin",
#: "muted oyelaran", "ghosted him", "reported kwabena", "tagged her in a pic", "he punched
#: jabari" (not what is done to things as often: "i hate shein", "avoid wagamama"). A word
#: after one of them is a name only if it is no word at all
#: (:func:`carevoice.pseudonymise._word_rules.unusual_word`).
_DONE_TO_PEOPLE = frozenset(
    """follow follows followed report reports reported reporting restrict
    restricted screenshotted stalk stalks stalked stalking hit hits punch punches punched
    punching slap slaps slapped slapping kick kicks kicked kicking push pushed pushing
    shoved bully bullies bullied bullying attack attacked threaten threatened threatening
    rob robbed mugged stabbed battered trust trusts trusted blame blames blamed thank
    thanked ignore ignores ignored ignoring dump dumped dated dating fancy fancies fancied
    kiss kissed kissing invite invites invited inviting befriended annoy annoys
    annoyed""".split()
) | _DONE_ONLINE

#: What people do to someone with "on" before the person: "snitched on jack", "she grassed
#: on delroy", "they picked on ayo".
_DONE_ON_PEOPLE = frozenset(
    """snitch snitches snitched snitching grass grasses grassed grassing tell tells told
    telling rat ratted ratting pick picks picked picking spy spied spying cheat cheated
    cheating dob dobbed""".split())

#: Apps and sites one blocks, reports or is tagged on that no word list knows: "reported
#: omegle", "blocked yubo" (the big ones are in :data:`carevoice.pseudonymise.lexicons.NOT_PII`).
_APPS = frozenset({"omegle", "yubo", "wizz", "bereal", "reddit", "vinted", "monzo", "chatgpt",
                   "tumblr", "hoop", "kik", "houseparty", "triller", "likee", "lemon8",
                   "telegram", "signal", "messenger", "imessage", "grindr", "tinder", "bumble",
                   "hinge", "depop", "ebay", "gumtree", "roblox", "habbo", "steam", "psn"})


#: Words that follow a full name, not a verb: "lizzie cook my pa", "dean miles is leaving".
_AFTER_FULL_NAME = frozenset({"my", "is", "was", "from", "at", "said", "says", "used"})

#: Words after "my name is X" that make X no name: "my name is spelt wrong".
_NOT_A_NAME_AFTER_IS = frozenset({"wrong", "right", "on", "in", "spelt", "spelled", "down",
                                  "differently", "incorrectly", "missing"})

#: Verbs of naming, before "me" and a name: "my mum called me val".
_CALLED = frozenset({"called", "calls", "call", "calling", "named", "nicknamed"})

#: Word-names that are also adjectives said of people: "my carer is frank with me", "my
#: worker is sunny" (so "my sw is X" makes X a name only for the others).
_ADJECTIVE_NAMES = frozenset({"frank", "sunny", "rich", "lucky", "noble", "royal", "sandy",
                              "ginger", "rocky", "precious", "honey", "gifted", "free", "brave",
                              "sage"})

#: What a person does for someone, before "me" or "us": "ray takes me to the match".
_DOING_FOR = frozenset(
    """got gets gives gave takes took sends sent brings brought buys bought picks picked
    drives drove draws drew helps helped lets let""".split())

#: Names that are also abstract nouns, which do the same ("hope got me through", "faith
#: keeps me going").
_ABSTRACT = frozenset({"hope", "faith", "joy", "grace", "patience", "charity", "mercy",
                      "love", "destiny", "serenity", "harmony", "trust", "honour", "liberty",
                      "unity", "will", "music", "justice", "glory", "chance", "luck"})

#: Two letters that are text-speak or an abbreviation, not someone's initials: "bf", "dm".
_NOT_INITIALS = frozenset(
    """bf gf dj pt hr mp nb fc xx sm dm yp bc ty pe re dt rn tb wb ig ft gp sw pa cp yr yo hb
    bb gg hw lg ic fs ot sc ss ha hm mm kk ok uk tv pc cv id""".split())

#: School groups, after "in my": "jade king in my class".
_CLASSES = frozenset({"class", "year", "form", "tutor", "set"})

#: Modal verbs: a word-name before one cannot be the modal itself ("may may be moving out").
_MODALS = frozenset({"may", "will", "might", "can", "could", "should", "would", "must", "wont",
                     "cant", "shall"})

#: Verbs after which a word-name followed by "about", "that" ... is the person spoken to
#: ("i told grace about the bullying").
_TOLD = frozenset({"told", "tell", "telling", "asked", "texted", "rang", "phoned", "messaged",
                   "emailed", "text", "ring", "call", "phone", "message", "contact"})

_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "it", "u", "will", "the", "a",
                       "this", "next", "last", "really", "so", "still", "always", "do", "dont"})

_SEASONS = frozenset({"summer", "winter", "spring", "autumn", "april", "june", "august",
                      "may", "easter", "valentine"})

#: Names that a sentence uses as ordinary words more often than as names: abstract nouns,
#: modals, seasons and months ("hope", "will", "summer").
_USED_AS_WORDS = _ABSTRACT | _MODALS | _SEASONS


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() and not token.isupper()


@functools.cache
def _fuzzy_name(word: str) -> str | None:
    """A lexicon name one substitution or transposition away from ``word`` ("jaydan"), or with
    one letter doubled ("jaydenn"), if any."""
    if not 4 <= len(word) <= 20:
        return None
    for i in range(1, len(word)):
        if word[i] == word[i - 1] and word[:i] + word[i + 1:] in _fuzzy_choice_set():
            return word[:i] + word[i + 1:]
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    hits = process.extract(word, _fuzzy_choices(), scorer=DamerauLevenshtein.distance,
                           score_cutoff=1, limit=20)
    same_length = [str(h[0]) for h in hits if len(h[0]) == len(word)]
    return same_length[0] if same_length else None


@functools.cache
def _fuzzy_choices() -> tuple[str, ...]:
    return tuple(sorted(n for n in first_names() if len(n) >= 4 and tier(n) == "C"))


@functools.cache
def _fuzzy_choice_set() -> frozenset[str]:
    return frozenset(_fuzzy_choices())


#: Words that are surnames as well as something else ("Dylan Foster", "Amy Young").
_SURNAME_WORDS = frozenset({"foster", "white", "black", "brown", "green", "grey", "gray",
                            "young", "king", "hill", "wood", "hall", "bell", "price", "long",
                            "little", "bird", "rich", "cook", "baker", "carter", "turner",
                            "walker", "mason", "page", "field", "moss", "lane", "park"})

#: Words that sit between a role and its verb without naming anyone: "my uncle now lives",
#: "my sw today said", "my mum herself".
_NOT_AFTER_A_ROLE = frozenset(
    """now then there here too also again still only even really proper well dead right
    basically literally already sometimes usually often always never soon once twice
    apparently today yesterday tonight tomorrow lately recently herself himself themselves
    though tho innit""".split())


def _plain_word(low: str) -> bool:
    """Whether ``low`` could be a name by its form: three letters or more, no function,
    role or family word, no adverb, no verb a person does and nothing never personal data."""
    return len(low) >= 3 and low not in FUNCTION_WORDS and low not in NOT_PII \
        and low not in ROLE_WORDS and low not in KIN and low not in ADVERBS \
        and low not in _NOT_AFTER_A_ROLE and not low.endswith("ly") \
        and low not in SUBJECT_VERBS and low not in _PERSON_VERBS
