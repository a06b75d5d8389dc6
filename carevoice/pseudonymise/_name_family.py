"""The context rules of a word-name in a family or friend frame: "marvel is my big sister", "my
brother rocket is 12", "my sister is rocket", "my brother rocket came round", "rocket my brother
came round", "rocket and i are sisters", "my best friend is called marvel", "i want to see my
brother rocket more often". A word is a name there only if its parts of speech
(:func:`carevoice.pseudonymise.lexicons.parts_of_speech`) and frequency allow it, so adverbs,
adjectives, inflected verbs, plurals, owned things, jobs and insults stay words ("my brother never
came round", "my sister is amazing", "my sister placement broke down").

Each rule takes the token and what stands around it
(:class:`carevoice.pseudonymise._name_context._At`); the order they are tried in is
:data:`carevoice.pseudonymise._lexicon_rules._LEXICON_RULES`, and several are tried of words
outside the lexicon too (:mod:`carevoice.pseudonymise._word_rules`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._name_context import _FAMILY, _JOBS, _At
from ._name_words import _ABSTRACT, _MODALS, _PERSON_VERBS, _SEASONS, _is_capitalised
from ._tokens import (
    ADVERBS,
    CLAUSE_OPENERS,
    CONTACT_VERBS,
    HE_SHE,
    KIN_MODIFIERS,
    STAFF,
    SUBJECT_VERBS,
)
from ._words import (
    FUNCTION_WORDS,
    KIN,
    NOT_BEFORE_A_NAME,
    PERSON_NOUNS,
    POSSESSIVES,
    frequency,
    sentence_initial,
)
from .lexicons import NOT_PII, ROLE_WORDS, countries, parts_of_speech

if TYPE_CHECKING:
    from ._tokens import Tokens


#: Words that are no verb and cannot end a clause whose verb was left out: after "my brother
#: will" they make "will" a name ("see my brother will more", "my best mate chastity lol"),
#: where a verb, "too" or a full stop would make it the modal ("my brother will come", "my
#: mum will too").
_NO_VERB_AFTER = frozenset({"more", "loads", "lots", "anymore", "who", "lol", "lmao", "haha",
                            "tbh", "ngl", "btw"})


def _family_word_before(t: _At) -> bool:
    """"to see my brother will more": no verb follows."""
    return t.lower and t.prev in KIN and t.sent.low(t.i - 2) in POSSESSIVES | KIN_MODIFIERS \
        and t.nxt in _NO_VERB_AFTER


#: Friends and partners a "WORD is my ..." frame names (not staff: "chance is my key worker" is
#: :func:`_predicated_of_a_person`'s).
_FRIEND_HEADS = frozenset({"friend", "frend", "freind", "mate", "bestie", "bezzie", "bezzy",
                           "bestfriend", "bff", "bf", "gf", "boyfriend", "girlfriend", "partner"})

#: Words that may stand between "my" and a family or friend word: "my big sister", "my
#: older foster brother", "my best mate".
_KIN_DESCRIBED = KIN_MODIFIERS | frozenset(
    """elder eldest oldest youngest biological real birth only favourite fave fav bestest
    closest proper actual adopted twin""".split())

#: What may follow the family word of the frame, ending what it says of the name: "marvel is my
#: big sister and i miss her", "rocket is my brother who ...".
_AFTER_THE_FRAME = frozenset(
    """and n & but who whos she he shes hes she's he's her him i im we they lol lmao haha so
    because cos coz bc tho though too aswell as from at x xx innit if when now still again
    """.split())

#: Things a child calls a friend or family that are no person: "xbox is my best friend".
_NO_PERSON_BEFRIENDED = frozenset(
    """xbox playstation ps4 ps5 switch phone tiktok youtube snapchat snap insta instagram netflix
    food sleep bed pizza chocolate dog cat pet gaming games god allah jesus lord art drawing
    dancing dance boxing gym football netball basketball rugby cricket swimming""".split())

#: Words that order or rank who is listed, before "is my ...": "first is my mum, then my dad",
#: "next is my brother", "oldest is my sister".
_ORDER = frozenset(
    """first second third fourth fifth next last then after before finally another other
    number top main oldest eldest youngest closest favourite fave fav bestest""".split())

#: Verbs of contact or feeling before a name and "she is my ...": "i miss marvel she is my
#: sister", "i live with rocket hes my brother".
_MISSED = frozenset({"miss", "missed", "missing", "love", "loved", "see", "seeing", "saw",
                     "visit", "visited", "met", "meet", "with", "call", "text", "ring", "hug",
                     "like"})


def _framed_word(t: _At) -> bool:
    """Whether the token may be a name in a family frame: a bare word (not a pronoun,
    determiner, family, role or function word, nor one "the", "a" or "my" stands before), and
    not the last word of an aside in brackets, whose frame is what follows them ("Lewiss (not
    how its spelt but whatever) is my best mate")."""
    return _bare_word(t.low) and (_after_a_break(t.sent, t.i) or (
        t.prev not in NOT_BEFORE_A_NAME and t.prev not in POSSESSIVES)) \
        and not _closes_aside(t.sent, t.i)


def _after_a_break(sent: Tokens, i: int) -> bool:
    """Whether a comma, semicolon, colon or dash stands between token ``i`` and the one before
    it, so that no word before it can make it a noun ("i want to see her more, marvel is my
    little sister")."""
    return i > 0 and sent.gap(i).strip()[:1] in (",", ";", ":", "-")


def _closes_aside(sent: Tokens, i: int) -> bool:
    """Whether a closing bracket stands between token ``i`` and the next token."""
    return i + 1 < len(sent) and any(ch in ")]}" for ch in sent.gap(i + 1))


def _bare_word(low: str) -> bool:
    """:func:`_framed_word` without what stands before the word."""
    return low.isalpha() and len(low) >= 2 \
        and low not in FUNCTION_WORDS and low not in KIN and low not in ROLE_WORDS \
        and low not in NOT_PII and low not in STAFF and low not in HE_SHE \
        and low not in _NO_PERSON_BEFRIENDED and low not in _ORDER and low not in countries() \
        and not (low.endswith("ing") and max(frequency(low[:-3]), frequency(low[:-3] + "e"))
                 >= 20_000)  # "reading is my best friend"


def _family_head_at(sent: Tokens, k: int, friends: bool) -> int:
    """The token of the family (or friend) word after "my" at token ``k``, past what describes
    it ("my big foster sister"), where the clause ends after it; -1 where there is none."""
    if sent.low(k) not in ("my", "our"):
        return -1
    heads = _FAMILY | (_FRIEND_HEADS if friends else frozenset())
    j = k + 1
    while j < min(k + 4, len(sent)) and sent.low(j) in _KIN_DESCRIBED \
            and sent.low(j + 1) in _KIN_DESCRIBED | heads:  # "my twin", "my twin sister"
        j += 1
    if j >= len(sent) or sent.low(j) not in heads or sent.tokens[j][1] != sent.words[j]:
        return -1  # "this is my sister's fault"
    if j + 1 == len(sent) or sent.gap(j + 1).strip()[:1] in (",", ".", "!", "?", ";", ":", "-") \
            or sent.low(j + 1) in _AFTER_THE_FRAME:
        return j
    return -1  # "chelsea is my dad team", "xmas is my nan fav time"


#: Words after which a clause opens on its subject, besides the clause openers of
#: :meth:`carevoice.pseudonymise._tokens.Tokens.cues`: "so marvel is my sis", "then rocket is
#: my bro", "and now pebble is my baby sister".
_SUBJECT_OPENERS = frozenset({"so", "then", "now", "plus", "whereas", "while", "til", "till",
                              "until", "since", "as", "if", "when", "cause", "cuz", "bc"})

#: Verbs of knowing and saying whose object is a clause: "i know pebble is my little sister",
#: "i said that quill is my girlfriend".
_SAYING_THAT = frozenset({"know", "knew", "think", "thought", "said", "say", "says", "reckon",
                          "guess", "mean", "swear", "believe", "forgot", "remember", "found",
                          "realised", "realized"})

#: How common a word may be (:func:`carevoice.pseudonymise._words.frequency`) and still be
#: taken for a friend's or partner's name in lower case or at a sentence's start, where it is no
#: name the lists know: "thimble is my best friend" (not "money is my best friend", "sleep is
#: my bestie"). Family words take any bare word: things are friends, not sisters.
_FRIEND_WORD_MAX = 50_000


def _opens_a_subject(t: _At) -> bool:
    """Whether the token stands where a clause opens on its subject: a clause's start, after
    :data:`_SUBJECT_OPENERS`, or after a verb of knowing or saying (and "that")."""
    prev = t.prev
    if t.cues.clause_start or prev in _SUBJECT_OPENERS or prev in _SAYING_THAT:
        return True
    return prev == "that" and t.sent.low(t.i - 2) in _SAYING_THAT


def _befriended_word(t: _At) -> bool:
    """Whether the token may name a friend or partner, not only a relative: no abstract word or
    season, and a name the lists know, a word capitalised inside its sentence or a rare word
    ("Sparrow is my best friend", "thimble is my bestie"; not "money is my best friend")."""
    low = t.low
    if low in _ABSTRACT or low in _SEASONS:
        return False
    return low in t.names or frequency(low) < _FRIEND_WORD_MAX or (
        _is_capitalised(t.word) and not sentence_initial(t.sent.text, t.sent.tokens[t.i][0]))


def _is_my_family(t: _At) -> bool:
    """"marvel is my big sister and i miss her", "rocket is my brother", "marvel was my best
    friend", "so pebble is my little sister", "i know pebble is my sister": where a clause opens
    on its subject (:func:`_opens_a_subject`) a bare word, "is" or "was", "my" and a family or
    friend word that ends what is said (not "school is my safe place", "mum is my best friend",
    "chelsea is my dad team", "xbox is my best friend", "hope is my only friend", "money is my
    best friend")."""
    sent, i = t.sent, t.i
    if not (_opens_a_subject(t) and t.nxt in ("is", "was") and _framed_word(t)):
        return False
    return _family_head_at(sent, i + 2, _befriended_word(t)) >= 0


def _then_she_is_my_family(t: _At) -> bool:
    """"i miss marvel she is my sister", "i live with rocket hes my brother": a bare word after
    a verb of contact, then "she is my" and a family word."""
    sent, i = t.sent, t.i
    if not (t.prev in _MISSED and _framed_word(t) and t.low not in _ABSTRACT):
        return False
    k = i + 1
    if sent.low(k) in ("she", "he") and sent.tokens[k][1] == sent.words[k]:
        k += 1
        if sent.low(k) not in ("is", "was"):
            return False
    elif sent.low(k) not in ("she", "he", "shes", "hes", "she's", "he's"):  # "she's my twin"
        return False
    return _family_head_at(sent, k + 1, friends=True) >= 0


#: What is said of a family member named in apposition: "my brother rocket is 12", "my sister
#: marvel lives in leeds".
_SAID_OF_THE_NAMED = frozenset({"is", "was", "has", "had", "lives", "lived", "said", "says"})

#: Words that stand between a family word and "is" and are no name: "my brother still lives",
#: "my sister tho is", "my brother here is", and pets named after their owner ("my sister
#: hamster is called").
_NOT_APPOSED = frozenset(
    """too tho though here there today now then anyway again already apparently herself
    himself themselves both all only even once probably definitely obviously basically
    sometimes usually mostly also never still always just really hamster puppy kitten rabbit
    bunny fish budgie parrot pony horse snake lizard tortoise""".split())

#: Words that describe a person, in text-speak, at the end of "my sister is ...": slang no
#: suffix shows an adjective.
_SLANG_DESCRIBING = frozenset(
    """peng dench lush mint sound bare buff fit sick jokes calm safe decent wavey bait peak
    neek moist long dead mad vexed gassed hench bless grown minted skint posh sad glad vegan
    veggie vegetarian goals vibes legend hero angel star boss sunshine banter trash gold class
    fire ace brill muslim christian catholic jewish sikh hindu""".split())

_ADJECTIVE_ENDINGS = ("y", "ic", "ed", "ing", "ous", "ful", "ive", "able", "ible", "ish", "al",
                      "less", "ent", "ant", "est", "er")


def _family_head_before(sent: Tokens, j: int) -> bool:
    """Whether token ``j`` is a family or friend word after "my" (and what describes it)."""
    if sent.low(j) not in (_FAMILY | _FRIEND_HEADS) or sent.tokens[j][1] != sent.words[j]:
        return False
    k = j - 1
    while k >= 0 and j - k <= 3 and sent.low(k) in _KIN_DESCRIBED:
        k -= 1
    return sent.low(k) in ("my", "our")


def _family_then_named(t: _At) -> bool:
    """"my brother rocket is 12", "my big sister Marvel lives in leeds": a bare word between
    "my" and a family word and what is said of a person (not "my brother still lives", "my
    sister never calls", "my sister tho is", "my brother hamster is called ...")."""
    sent, i = t.sent, t.i
    low = t.low
    if not (t.nxt in _SAID_OF_THE_NAMED and _family_head_before(sent, i - 1)
            and _framed_word(t)) or low in ADVERBS or low in _NOT_APPOSED \
            or low.endswith("ly") or low in _ABSTRACT or low in _MODALS:
        return False
    if t.nxt in ("is", "was") and sent.low(i + 2) in ("called", "named"):
        return False
    capitalised = _is_capitalised(t.word) and not sentence_initial(sent.text, sent.tokens[i][0])
    return capitalised or frequency(low) < 25_000


def _only_a_noun(low: str) -> bool:
    """Whether ``low`` is a noun in the dictionary and no adjective, adverb, inflected verb,
    thing owned or abstract noun: "rocket", "thunder" (not "vegan", "inside", "sunshine")."""
    pos = parts_of_speech(low)
    return "noun" in pos and "adj" not in pos and "adv" not in pos and not _a_verb_form(low) \
        and low not in _POSSESSIONS and not low.endswith(_NOUN_ENDINGS)


def _family_is_named(t: _At) -> bool:
    """"my best friend is marvel", "my little brother is Rocket.": a rare bare word (or a
    capitalised one inside the sentence), no adjective by its ending or use, that ends "my ...
    sister is" (not "my sister is amazing", "my brother is peng")."""
    sent, i = t.sent, t.i
    low = t.low
    if not (t.prev in ("is", "was") and _family_head_before(sent, i - 2) and _framed_word(t)):
        return False
    capitalised = _is_capitalised(t.word) and not sentence_initial(sent.text, sent.tokens[i][0])
    if low in _SLANG_DESCRIBING or low in _ABSTRACT or low in _NOT_APPOSED or low in _JOBS \
            or frequency(low) >= (100_000 if capitalised else 25_000):
        return False
    if not _only_a_noun(low) and (low.endswith(_ADJECTIVE_ENDINGS)
                                  or (not capitalised and frequency(low) >= 5_000)):
        return False  # "my sister is amazing", "my brother is inside"; not "... is rocket"
    return i + 1 == len(sent) or sent.gap(i + 1).strip()[:1] in (",", ".", "!", "?", ";") \
        or t.nxt in ("and", "n", "but", "she", "he", "shes", "hes", "lol", "x", "xx")


#: Verbs that stand for a finite verb after a subject whatever their form: modals,
#: auxiliaries and their text-speak negatives ("my brother rocket can't come", "my sister
#: marvel doesnt ring").
_AUXILIARIES = frozenset(
    """can could will would shall should may might must cant cannot can't couldnt couldn't wont
    won't wouldnt wouldn't shouldnt shouldn't mustnt do does did dont don't doesnt doesn't didnt
    didn't have has had hasnt hasn't havent haven't hadnt is was isnt isn't wasnt wasn't aint
    ain't gets got keeps kept""".split())

#: What a child owns or goes through, which text-speak names before a verb without the
#: possessive and no word list calls common: "my sister placement broke down", "my brother
#: laptop got nicked", "my sister exams came round".
_POSSESSIONS = frozenset(
    """laptop telly tv ipad tablet tablets console scooter moped trampoline charger headphones
    airpods trainers meds medication visa passport appeal hearing case wedding funeral party
    contact visit visits appointment placement assessment review plan exams exam mocks tests
    results holidays hols birthdays""".split())

#: Endings of abstract nouns, never a name: "my brother assessment", "my sister situation".
_NOUN_ENDINGS = ("ment", "tion", "sion", "ness", "ity", "ship", "hood", "ance", "ence")


def _a_verb_form(low: str) -> bool:
    """Whether ``low`` is a verb inflected (past tense, "-s", "-ing"), not its base form."""
    lemmas = parts_of_speech(low).get("verb", frozenset())
    return bool(lemmas) and low not in lemmas


def _finite_verb(low: str, after_plural: bool) -> bool:
    """Whether ``low`` can only be read as what a subject does or did: a modal or auxiliary, a
    past tense ("came", "moved"), or after a word that is no plural a verb's "-s" form
    ("plays")."""
    if low in _AUXILIARIES or low in SUBJECT_VERBS:
        return True
    if not _a_verb_form(low) or low.endswith("ing"):
        return False
    return not low.endswith("s") or not after_plural


def _named_in_apposition(t: _At, plural: bool = False) -> bool:
    """Whether the token, in any case, can be a name set after "my brother": a bare word
    that is no adverb, adjective, inflected verb, plural, thing owned or abstract noun, and not
    common (under 25,000 in the word-frequency list) unless capitalised inside the sentence.
    With ``plural``, a plural's form whose singular names no person passes
    (:func:`_plural_nickname`: "bubbles")."""
    low, sent = t.low, t.sent
    pos = parts_of_speech(low)
    inflected = _a_verb_form(low) or low not in pos.get("noun", {low})
    if not _framed_word(t) or low in ADVERBS or low in _NOT_APPOSED or low.endswith("ly") \
            or low in _ABSTRACT or low in _MODALS or low in _POSSESSIONS or low in _JOBS \
            or low.endswith(_NOUN_ENDINGS) or "adv" in pos \
            or ("adj" in pos and "noun" not in pos) \
            or (inflected and not (plural and _plural_nickname(low))) \
            or low in _SLANG_DESCRIBING or low in _INTERJECTIONS or low in PERSON_NOUNS:
        return False  # "my brother kids came", "my sister lol said", "my brother lad came"
    capitalised = _is_capitalised(t.word) and not sentence_initial(sent.text, sent.tokens[t.i][0])
    return capitalised or frequency(low) < 25_000


#: People a plural's singular may name, beyond person nouns, family, friend and role words:
#: "my brother neighbours rang", "my sister pals came round".
_MORE_PEOPLE = frozenset(
    """neighbour pal child classmate housemate flatmate roommate colleague follower people folk
    ex""".split())


def _plural_nickname(low: str) -> bool:
    """Whether ``low`` has a plural's (or a verb's "-s") form and its singular names no person,
    pet or thing owned ("bubbles", "sprinkles"; not "kids", "mates", "cousins", "neighbours",
    "cats"), so that it may be a nickname where only a person's verb follows."""
    pos = parts_of_speech(low)
    singular = (pos.get("noun", frozenset()) | pos.get("verb", frozenset())) - {low}
    return low.endswith("s") and bool(singular) and not any(
        w in PERSON_NOUNS or w in KIN or w in ROLE_WORDS or w in STAFF or w in _FRIEND_HEADS
        or w in _MORE_PEOPLE or w in _NO_PERSON_BEFRIENDED or w in _POSSESSIONS
        for w in singular | {low})  # nor a pet or a thing owned: "my brother cats visited"


def _done_by_a_person(sent: Tokens, k: int) -> bool:
    """Whether the verb at token ``k`` is said only of a person: "rang", "texted", "picked",
    "visited" (:data:`_PERSON_VERBS`), "came round", "comes over" (not "came back", "ran out",
    "got nicked")."""
    return sent.low(k) in _PERSON_VERBS or (
        sent.low(k) in ("came", "comes", "come") and sent.low(k + 1) in ("round", "over", "rnd"))


def _family_then_did(t: _At) -> bool:
    """"my brother rocket came round", "my sis marvel rang me", "my big bro Bullet always picks
    me up": a name between "my" and a family or friend word and what a person does, past an
    adverb (not "my brother never came round", "my sister just left", "my brother went
    missing", "my sister placement broke down"). Before what only a person does, the name may
    have a plural's form: "my sister bubbles came round" (not "my sister kids came round", "my
    sister tablets ran out")."""
    sent, i = t.sent, t.i
    if t.nxt in _SAID_OF_THE_NAMED or not _family_head_before(sent, i - 1):
        return False
    skip = t.nxt in ADVERBS or (t.nxt.endswith("ly") and len(t.nxt) > 4) \
        or set(parts_of_speech(t.nxt)) == {"adv"}  # "rocket really misses me"
    verb = sent.low(i + 2) if skip else t.nxt
    if verb in ("called", "named") and sent.low(i + (3 if skip else 2)) \
            not in ("me", "us", "him", "her", "them"):
        return False  # "my brother band called ..."
    person = _done_by_a_person(sent, i + (2 if skip else 1))
    return (_finite_verb(verb, t.low.endswith("s")) or person) \
        and _named_in_apposition(t, plural=person)


#: Verbs whose object is a person, beyond :data:`CONTACT_VERBS`: "can i call jenson", "i
#: message aizah", "i used to cuddle zaylee".
_TAKES_A_PERSON = CONTACT_VERBS | frozenset(
    """call calling calls facetime facetimes dm dms snap snaps message messages cuddle
    cuddled cuddling meet meeting met""".split())

#: Slang and text-speak for people, or for why, that is no name: "me and bestie", "the mandem",
#: "i miss it bcoz".
_SLANG_NO_NAME = frozenset(
    """bestie besties bezzie bezzies bezzy bezza mandem gyaldem gyal roadman roadmen bredren
    fam famalam bruv bruvva bredda yall peeps babes bae bro bros sis cuz cuzzy cuzzies
    bcoz bcos becos becuz coz cos cus neva evry evrythin sumthin nuthin nothin hme skl skool
    skwl ppl wiv dem dat dis wot wat""".split())

#: Family and friends said of two people together: "rocket and i are sisters".
_KIN_TOGETHER = frozenset(
    """sisters brothers cousins twins siblings sibs bros sistas cuzzies""".split())

_FRIENDS_TOGETHER = frozenset(
    """friends mates besties bezzies bffs bestfriends bestmates frends freinds""".split())

#: Words between "are" and the family word: "are like sisters", "are best mates".
_TOGETHER_DESCRIBED = _KIN_DESCRIBED | frozenset(
    {"like", "basically", "literally", "practically", "both", "all", "really", "proper",
     "bezzy", "besty"})


def _pair_are_family(t: _At) -> bool:
    """"rocket and i are sisters", "me n rocket are brothers", "marvel and me were best
    mates": a bare word joined to "i" or "me", then "are" or "were" and family or friends that
    end what is said (not "me and my sister are close", "school and i are not friends", "me and
    football are best friends")."""
    sent, i = t.sent, t.i
    joins = ("and", "n", "&", "an")
    if t.nxt in joins and sent.low(i + 2) in ("i", "me") and t.cues.clause_start:
        k = i + 3
    elif t.prev in joins and sent.low(i - 2) in ("me", "i") \
            and (i == 2 or sent.low(i - 3) in CLAUSE_OPENERS):  # "me n nugget", "me & nugget"
        k = i + 1
    else:
        return False
    return _are_family_from(t, k)


def _are_family_from(t: _At, k: int) -> bool:
    """Whether "are" or "were" at token ``k`` and family or friends that end what is said
    follow the people the token is listed with (:func:`_pair_are_family`), the token a bare
    word."""
    sent = t.sent
    if sent.low(k) not in ("are", "were", "r", "was") or not _bare_word(t.low) \
            or t.low in _NOT_APPOSED or t.low in _SLANG_NO_NAME:  # "me and bestie are mates"
        return False
    j = k + 1
    while j < min(k + 4, len(sent)) and sent.low(j) in _TOGETHER_DESCRIBED:
        j += 1
    head = sent.low(j)
    friends = head in _FRIENDS_TOGETHER or (head in _FRIEND_HEADS and j > k + 1)
    if not (head in _KIN_TOGETHER or friends) or sent.tokens[j][1] != sent.words[j]:
        return False
    if friends and (t.low in _ABSTRACT or t.low in _SEASONS):
        return False
    return j + 1 == len(sent) or sent.gap(j + 1).strip()[:1] in (",", ".", "!", "?", ";") \
        or sent.low(j + 1) in _AFTER_THE_FRAME


#: Words joining the people of a list: "me, rocket and jay", "me n tiger n moose", "me &
#: tiger" (the token "&" stands for "&", "+" and "/"; commas stand between the words).
_LIST_JOINS = frozenset({"and", "n", "an", "&"})

#: Pronouns that may stand in such a list beside the names: "me, him and rocket".
_LISTED_PRONOUNS = frozenset({"me", "i", "him", "her", "you", "u"})


def _linked(sent: Tokens, a: int, b: int) -> bool:
    """Whether tokens ``a`` < ``b`` are neighbours in a list: a comma between them, or "and",
    "n" or "&" (after a comma too: "rocket, jay, and me")."""
    if b == a + 1:
        return sent.gap(b).strip() == ","
    return b == a + 2 and sent.low(a + 1) in _LIST_JOINS \
        and sent.gap(a + 1).strip() in ("", ",") and not sent.gap(b).strip()


def _listed(sent: Tokens, i: int) -> list[int]:
    """The tokens of the list of single words token ``i`` stands in, in order (only ``i``
    where it stands in none)."""
    items = [i]
    for step in (-1, 1):
        while True:
            end = items[0] if step < 0 else items[-1]
            near = [end + step, end + 2 * step]
            found = next((k for k in near if 0 <= k < len(sent) and sent.low(k) not in _LIST_JOINS
                          and _linked(sent, min(k, end), max(k, end))), None)
            if found is None:
                break
            items.insert(0 if step < 0 else len(items), found)
    return items


def _listed_are_family(t: _At) -> bool:
    """"me, rocket and jay are cousins", "rocket, marvel and me are sisters", "me n tiger n moose
    are cousins": a bare word in a list of three or more people with "me" or "i" that opens a
    clause, then "are" or "were" and family or friends that end what is said, as
    :func:`_pair_are_family` reads a pair (not "me, mum and dad are a family", "me, school and
    football are not friends", "me, netflix and pizza are best friends": every other one listed
    is a bare word too, or a pronoun; the word one that can be a name set after "my brother",
    :func:`_named_in_apposition`: not "me, chips and gravy are best friends")."""
    sent = t.sent
    items = _listed(sent, t.i)
    lows = [sent.low(k) for k in items]
    first = items[0]
    if len(items) < 3 or not {"me", "i"} & set(lows) or not (
            sentence_initial(sent.text, sent.tokens[first][0])
            or sent.low(first - 1) in CLAUSE_OPENERS):
        return False
    if t.prev in POSSESSIVES or any(low not in _LISTED_PRONOUNS and not _bare_word(low)
                                    for low in lows):
        return False
    return _are_family_from(t, items[-1] + 1) and _named_in_apposition(t)


#: Words that hedge a family word said of someone: "rocket is like a sister to me", "rocket is
#: basically my brother", "dazzle is more like a cousin".
_HEDGES = frozenset({"like", "basically", "literally", "practically", "more", "just", "almost",
                     "really", "honestly", "proper", "kinda", "kind", "sort", "of", "such"})

#: Words between "a" or "my" and the family word of such a hedge: "like a second mum to me".
_LIKE_DESCRIBED = _KIN_DESCRIBED | frozenset({"second", "2nd", "other", "extra", "real"})


def _is_like_family(t: _At) -> bool:
    """"rocket is like a sister to me", "pebble was like a second mum to me", "Biscuit is
    basically my brother", "sparky's like a brother to me": at a clause's start a word said to
    be like family, a family word that ends what is said or has "to me" after it, the word one
    that can be a name set after "my brother" (:func:`_named_in_apposition`; not "school is
    like a second home to me", "college is like a family to me", "football is like a brother
    to me", "my carer is like a mum to me", "she is like a sister to me")."""
    sent, i = t.sent, t.i
    if not t.cues.clause_start:
        return False
    if t.nxt in ("is", "was"):
        k = i + 2
    elif sent.tokens[i][1] != sent.words[i] and t.nxt in _HEDGES:  # "sparky's like"
        k = i + 1
    else:
        return False
    hedged = False
    while k < len(sent) and sent.low(k) in _HEDGES:
        hedged, k = True, k + 1
    if sent.low(k) not in ("a", "an", "my", "our") or (not hedged and sent.low(k) != "a"):
        return False  # "rocket is my brother" is :func:`_is_my_family`'s
    j = k + 1
    while j < min(k + 4, len(sent)) and sent.low(j) in _LIKE_DESCRIBED:
        j += 1
    if sent.low(j) not in _FAMILY or sent.tokens[j][1] != sent.words[j]:
        return False  # "like a family to me", "like my brother's"
    after = j + 1 == len(sent) or sent.gap(j + 1).strip()[:1] in (",", ".", "!", "?", ";") \
        or sent.low(j + 1) in _AFTER_THE_FRAME - {"to", "from", "at"}
    to_me = sent.low(j + 1) in ("to", "for") and sent.low(j + 2) in ("me", "us")
    if not (to_me or (after and (hedged or sent.low(k) != "a"))):
        return False
    return _named_in_apposition(t)


def _family_called(t: _At) -> bool:
    """"my best friend is called marvel", "my little brother's name is rocket", "my sisters name
    is pebble": a word that ends what a family member or friend is called (not "my brother is
    called names", "my sister was called stupid", "my brothers name is on the list")."""
    sent, i = t.sent, t.i
    if t.prev in ("called", "named") and sent.low(i - 2) in ("is", "was"):
        k = i - 3
        if not _family_head_before(sent, k):
            return False
    elif t.prev == "is" and sent.low(i - 2) in ("name", "nickname"):
        kin = sent.low(i - 3)  # "my brother's name", "my sisters name"
        if kin not in _FAMILY | _FRIEND_HEADS and kin[:-1] not in _FAMILY | _FRIEND_HEADS:
            return False
        k = i - 4
        while k >= 0 and i - 3 - k <= 3 and sent.low(k) in _KIN_DESCRIBED:
            k -= 1
        if sent.low(k) not in ("my", "our"):
            return False
    else:
        return False
    low = t.low
    pos = parts_of_speech(low)
    if not _framed_word(t) or low in _SLANG_DESCRIBING or low in _INSULTS or "adv" in pos \
            or ("adj" in pos and "noun" not in pos) or _a_verb_form(low) \
            or low in ("names", "things", "stuff"):
        return False
    return i + 1 == len(sent) or sent.gap(i + 1).strip()[:1] in (",", ".", "!", "?", ";") \
        or t.nxt in _AFTER_THE_FRAME


#: Words that open a comment or clause in text-speak and are no name: "lol my brother came".
_INTERJECTIONS = _NO_VERB_AFTER | frozenset(
    """omg idk imo yh ye ya yeah yep nah naw ok okay oh ah um erm hmm wow sadly luckily
    thankfully aww ugh wtf smh fr deffo""".split())

#: What a child is called by others that is no name: "my brother was called a liar".
_INSULTS = frozenset(
    """liar snitch grass nerd geek loser slag freak weirdo idiot emo neek scrounger tramp
    chav pikey stupid thick fat ugly""".split())


def _named_then_family_did(t: _At) -> bool:
    """"rocket my brother came round", "marvel my big sister rang me": at a clause's start a
    name, then "my" and a family word and what a person did (not "today my brother came
    round", "school my sister hates")."""
    sent, i = t.sent, t.i
    if not (t.cues.clause_start and t.nxt in ("my", "our")) or t.low in _INTERJECTIONS:
        return False
    k = i + 2
    while k < min(i + 5, len(sent)) and sent.low(k) in _KIN_DESCRIBED \
            and sent.low(k + 1) in _KIN_DESCRIBED | _FAMILY | _FRIEND_HEADS:
        k += 1
    if k + 1 >= len(sent) or sent.low(k) not in (_FAMILY | _FRIEND_HEADS) \
            or sent.tokens[k][1] != sent.words[k] or sent.gap(k + 1).strip():
        return False  # a verb follows the family word, with no comma between
    verb = sent.low(k + 2) if sent.low(k + 1) in ADVERBS else sent.low(k + 1)
    return _finite_verb(verb, after_plural=False) and _named_in_apposition(t)


#: How often or how much someone is seen or missed, after their name: "i want to see my
#: brother rocket more often", "i miss my sister marvel loads".
_HOW_MUCH = _NO_VERB_AFTER | frozenset(
    """again enough often sometimes much so every once twice soon""".split()) - {"who"}


def _family_then_how_often(t: _At) -> bool:
    """"i want to see my brother rocket more often", "i miss my sister marvel loads", "i dont
    see my sister pebble enough": a word set after "my brother" where a verb of keeping in
    touch takes the family word, then how often or how much (not "i want to see my brother
    more often", "i see my brother today more")."""
    sent, i = t.sent, t.i
    if not _family_head_before(sent, i - 1) or not (
            t.nxt in _HOW_MUCH or set(parts_of_speech(t.nxt)) == {"adv"}):
        return False
    k = i - 2
    while k >= 0 and sent.low(k) not in ("my", "our"):
        k -= 1
    return sent.low(k - 1) in _TAKES_A_PERSON and _named_in_apposition(t)
