"""Animals' names: "my dog is called Rich" names a pet, not a person.

Children in care write about their pets, their carers' pets and their toys as often as about
people, and give them people's names. A detector that masks every name masks "Biscuit" and
"Rich" too, which costs precision and, in a report's quotes, readability. This step finds the
names a comment gives its animals and toys and drops the spans that are only those names.

Safety comes first: a name stays masked, everywhere in its comment, when the same word is also
used of a person or a place there ("my foster dad Dave and our dog Dave": leaving the dog's
"Dave" would publish the dad's name), and the forms read are ones where the name can only be the
animal's ("a horse called Biscuit", "Snowy is my rabbit"), not "a dog Rachel gave me".
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..schema import COMMENT_ID
from ._base import NAME_LABELS, texts_by_id
from ._words import KIN, PERSON_NOUNS, TITLES
from .lexicons import ROLE_WORDS

if TYPE_CHECKING:
    import pandas as pd

#: Animals (and toys) that children name.
PETS = (r"dogs?|pupp(?:y|ies)|pups?|cats?|kittens?|kitty|hamsters?|guinea\s+pigs?|rabbits?|"
        r"bunn(?:y|ies)|horses?|ponies|pony|foals?|donkeys?|goldfish|fish|budgies?|parrots?|"
        r"cockatiels?|canar(?:y|ies)|birds?|owls?|tortoises?|turtles?|snakes?|python|lizards?|"
        r"bearded\s+dragons?|geckos?|axolotls?|rats?|mice|mouse|ferrets?|gerbils?|chinchillas?|"
        r"chickens?|hens?|cockerels?|ducks?|geese|goose|goats|lambs?|sheep|pigs?|piglets?|cows?|"
        r"calf|calves|alpacas?|llamas?|pets?|staffy|staffie|labrador|lab|spaniel|husky|pug|"
        r"poodle|cockapoo|cockerpoo|collie|terrier|greyhound|whippet|lurcher|dachshund|sausage\s+"
        r"dog|bulldog|rottweiler|chihuahua|jack\s+russell|teddy(?:\s+bear)?|teddies|dolls?|"
        r"toy(?:\s+[a-z]+)?")

#: Words after "called X and" that start a new clause, not a second name.
_NOT_A_NAME = frozenset({"one", "the", "a", "an", "my", "his", "her", "he", "she", "they", "it",
                         "i", "we", "me", "you", "our", "their", "is", "was", "too", "as",
                         "after", "because", "cos", "but", "so", "and", "then"})
#: Words after an animal noun that make it part of a person's description ("my horse riding
#: teacher Jo", "the dog walker Sue", "Jordan is my pet hate").
_NOT_THE_ANIMAL = (r"riding|trainer|walker|walking|groomer|grooming|lady|man|woman|sitter|"
                   r"owner|whisperer|warden|handler|keeper|breeder|hate|hates|peeve|shop|food|"
                   r"hair|bed|vet|'s|s'")
#: Words that may follow "our dog Bonnie" when Bonnie is the dog. Any other word may start a
#: clause whose subject is a person ("a dog Rachel gave me", "the dogs Sarah looks after"), so
#: the name is then left to the other detectors.
_AFTER_A_PET = frozenset(
    """and or too as so but because cos when who more most than in at on from with is was
    died dies lives lived sleeps slept barks barked bit bites escaped purrs ran runs ate eats
    snores snored came comes went goes would will can could did does every all loads lol
    though""".split())
#: Words after which a name is a person's (or a place's), whatever else the comment calls it:
#: the name rules' family and person words and titles, and people met at work or a club.
_PERSON_CUES = KIN | PERSON_NOUNS | TITLES | frozenset(
    """supervisor boss coach neighbour husband wife pal instructor volunteer leader receptionist
    driver cleaner chef""".split())
#: Words after which a name is a place's: "my dog is called Chester and we live in Chester".
_PLACE_CUES = frozenset({"in", "from", "to", "at", "near", "around"})

_NAME = r"[A-Za-z][a-z'-]+"
_CAPITAL_NAME = r"[A-Z][a-z'-]+"


#: The mock titles children give toys and pets: "my teddy, Mr Buttons", "a cat called Professor
#: Whiskers", "Sir Fluffington".
_TOY_TITLE = (r"(?:(?i:mr|mrs|miss|ms|sir|lady|lord|professor|prof|captain|capt|princess|prince|"
              r"king|queen|dr|doctor|general|major|baby|little|big)\.?\s+)?")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    animal = rf"(?:{PETS})"
    not_person = rf"(?!\s*(?:{_NOT_THE_ANIMAL})\b)"
    return (
        # any animal at all
        re.compile(rf"\b{animal}\b", re.IGNORECASE),
        # "a horse called Biscuit", "our cat's name is Storm", "one is called Pickle"
        re.compile(
            rf"\b(?:(?P<animal>{animal})(?:'s)?|(?:the\s+other|other|one|the\s+\w+\s+one))\s+"
            r"(?:(?:is|was|were|are)\s+)?(?:called|named|name\s+is|names\s+is)\s+"
            rf"{_TOY_TITLE}(?P<name>{_NAME})(?=\s+(?:and|&)\s+(?P<other>{_NAME}))?",
            re.IGNORECASE),
        # "i named my hamster Sonic", "we called our new puppy Tyson"
        re.compile(
            r"\b(?:named|called|call|name)\s+(?:my|our|the|his|her|their)\s+(?:new\s+|little\s+|"
            rf"baby\s+)?{animal}\s+(?P<name>{_NAME})", re.IGNORECASE),
        # "the therapy dog at school is called Bramble": the animal leads the clause
        re.compile(
            rf"\b(?:the|my|our|his|her|their|a|an)\s+(?:\w+\s+)?{animal}{not_person}"
            r"(?P<between>(?:\s+[a-z]+){1,3}?)\s+(?:is|was)\s+(?:called|named)\s+"
            rf"(?P<name>{_NAME})", re.IGNORECASE),
        # "our old dog Bonnie", "his ferrets Smudge and Kevin", "my toy giraffe Sophie"
        re.compile(
            rf"(?i:\b(?:my|our|his|her|their|the|a|an|two|three|four|both|\d+|[a-z]+'s|"
            rf"[a-z]+s')\s+(?:[a-z]+\s+)?"
            rf"{animal})\s*,?\s+{_TOY_TITLE}(?P<name>{_CAPITAL_NAME})"
            rf"(?:\s+(?:and|&)\s+(?P<other>{_CAPITAL_NAME}))?(?P<after>\s+[A-Za-z]+)?"),
        # "Harry the guinea pig", "Snowy is MY rabbit", "Milo, the carers' spaniel"
        re.compile(
            rf"(?<![\w'])(?P<name>{_CAPITAL_NAME}),?\s+(?:(?:is|was)\s+)?"
            rf"(?i:(?:the|my|our|his|her|their|a|an)\s+(?:[\w']+\s+){{0,2}}?{animal}\b"
            rf"{not_person})"),
    )


def pet_names(text: str) -> set[str]:
    """The names a comment gives its animals and toys, in lower case.

    Parameters
    ----------
    text : str

    Returns
    -------
    set of str

    Examples
    --------
    >>> sorted(pet_names("two cats, one is called Storm and Harry the guinea pig"))
    ['harry', 'storm']
    >>> pet_names("a dog Rachel gave me")
    set()
    """
    names: set[str] = set()
    mention, naming, named, leading, apposition, described = _patterns()
    if not mention.search(text):
        return names
    for m in naming.finditer(text):
        # "one is called ..." names an animal only after one was mentioned just before
        if not m.group("animal") and not mention.search(text[max(0, m.start() - 80):m.start()]):
            continue
        if not _person_leads(text, m.start()):
            names.update(_names(m, "name", "other"))
    for m in named.finditer(text):
        names.update(_names(m, "name"))
    for m in leading.finditer(text):
        between = m.group("between").split()
        if not any(w in ROLE_WORDS or w in _PERSON_CUES for w in between) \
                and not _person_leads(text, m.start()):
            names.update(_names(m, "name"))
    for m in apposition.finditer(text):
        after = (m.group("after") or "").strip().lower()
        if not after or after in _AFTER_A_PET:
            names.update(_names(m, "name", "other"))
    for m in described.finditer(text):
        names.update(_names(m, "name"))
    return names


def _person_leads(text: str, start: int) -> bool:
    """Whether a person leads the clause the animal is in: "my foster mum with the dog is
    called Sue" names the mum."""
    before = re.split(r"[.!?;,]", text[max(0, start - 40):start])[-1]
    words = re.findall(r"[a-z']+", before.lower())[-4:]
    people = [k for k, w in enumerate(words) if w in ROLE_WORDS or w in _PERSON_CUES]
    # "my nan has a dog called Tiny": the animal is what the person has
    return bool(people) and not any(w in _HAVE for w in words[people[-1] + 1:])


#: Verbs of having: after them the animal is the person's, and the name the animal's.
_HAVE = frozenset({"has", "have", "had", "got", "gets", "owns", "bought", "adopted", "rescued",
                   "fosters", "keeps", "kept"})


def _names(match: re.Match[str], *groups: str) -> set[str]:
    return {g.lower() for g in (match.group(k) for k in groups)
            if g and g.lower() not in _NOT_A_NAME}


def _a_person_too(text: str, name: str) -> bool:
    """Whether ``name`` is also used of a person or a place somewhere in ``text``: straight
    after a family or role word or a place preposition, or after one that "is called" ("my
    uncle Kevin", "my sister is called Bella too", "in Chester"); before one ("Bella my little
    sister", "Kevin is my uncle"); before a verb of speech; or with "me and"."""
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
        before = re.findall(r"[a-z']+", text[max(0, m.start() - 40):m.start()].lower())
        cues = before[-1:] if before[-1:] not in (["called"], ["named"]) else before[-3:]
        if before[-1:] and before[-1] in TITLES and len(before) >= 2 and (
                before[-2] in ("called", "named") or re.fullmatch(PETS, before[-2])):
            cues = []  # a toy's mock title: "my teddy, Mr Buttons", "a cat called Mr Whiskers"
        after = re.findall(r"[a-z']+", re.split(r"[.!?]", text[m.end():m.end() + 50])[0]
                           .lower())[:5]
        if any(w in ROLE_WORDS or w in _PERSON_CUES or w in _PLACE_CUES for w in cues) \
                or before[-2:] in (["me", "and"], ["me", "n"]) \
                or after[:2] in (["and", "me"], ["and", "i"]) \
                or (after[:1] and after[0] in _SPEECH) or _kin_after(after):
            return True
    return False


#: Verbs of speech after a person's name ("Bonnie said").
_SPEECH = frozenset({"said", "says", "told", "tells", "asked", "asks", "reckons", "thinks",
                     "laughs", "laughed", "shouts", "shouted"})


def _kin_after(words: list[str]) -> bool:
    """"my little sister", "is my uncle", "our key worker", "the contact supervisor" at the
    start of ``words``."""
    if words[:1] in (["is"], ["was"], ["'s"]):
        words = words[1:]
    if not words or words[0] not in ("my", "our", "his", "her", "their", "the", "a", "an"):
        return False
    return any(w in ROLE_WORDS or w in _PERSON_CUES for w in words[1:4])


def drop_pet_names(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Drop person, place and organisation spans that are only an animal's name in their comment.

    A span is dropped when its text is a name the comment gives an animal or a toy
    (:func:`pet_names`) and no occurrence of that word in the comment comes straight after a
    family or role word or a place preposition, or after one that "is called" ("my foster dad
    Rich", "my sister is called Rich too", "we live in Chester"), so a pet named after a person
    or place the child also mentions stays masked.

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame
        Raw spans.

    Returns
    -------
    pandas.DataFrame
        ``spans`` without the animals' names.
    """
    if spans.empty:
        return spans
    texts = texts_by_id(comments)
    pets: dict[str, set[str]] = {}
    for cid in spans[COMMENT_ID].astype(str).unique():
        text = texts.get(cid, "")
        names = {n for n in pet_names(text) if not _a_person_too(text, n)}
        if names:
            pets[cid] = names
    if not pets:
        return spans
    keep = [not (label in NAME_LABELS and _untitled(texts.get(str(cid), "")[start:end])
                 in pets.get(str(cid), ()))
            for cid, start, end, label in spans[[COMMENT_ID, "start", "end", "label"]]
            .itertuples(index=False)]
    return spans[keep].reset_index(drop=True)


def _untitled(surface: str) -> str:
    """A span's words in lower case without a toy's mock title: "Mr Buttons" -> "buttons"."""
    return re.sub(rf"^{_TOY_TITLE}", "", surface).lower()
