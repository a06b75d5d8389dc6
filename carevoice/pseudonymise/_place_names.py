"""Word lists and validators for the name of a place written in lower case, shared by the
address and institution patterns: words homes are named by, generic place words, whose house
("liams house") and names that are no word ("oakfield primary").
"""

from __future__ import annotations

from ._words import FUNCTION_WORDS
from .lexicons import ROLE_WORDS, first_names, is_common_word


def someones(word: str) -> bool:
    """"liams", "nans": a first name or family word with a possessive s and no apostrophe."""
    return word.endswith("s") and len(word) > 3 and (word[:-1] in first_names()
                                                     or word[:-1] in ROLE_WORDS)


#: Words that homes, lodges and units are named by in England (trees, birds, flowers, the
#: lie of the land): "at kestrel house", "oak tree lodge", "willow view".
HOME_NAME_WORDS = frozenset(
    """oak ash beech birch elm willow maple cedar pine holly hazel rowan yew laurel larch
    poplar chestnut sycamore hawthorn juniper linden alder aspen cherry apple plum rose ivy
    heather fern bramble clover primrose bluebell daisy lavender foxglove thistle acorn
    meadow meadows river brook riverside lakeside hillside woodside woodland forest glen dale
    vale moor heath orchard kestrel robin wren lark heron falcon owl hawk swallow swan
    kingfisher magpie finch sparrow dove eagle osprey merlin badger otter fox hope haven
    harbour beacon sunrise sunnyside castle abbey priory manor gorse broom bracken lilac
    magnolia jasmine thorn blackthorn spruce fir lime laburnum elder hornbeam myrtle wisteria
    curlew lapwing plover skylark starling thrush blackbird nightingale woodpecker rainbow
    sunflower butterfly oasis phoenix horizon horizons compass anchor lantern""".split())


def named_by_a_plural(word: str) -> bool:
    """Whether ``word`` is the plural of a common word, as homes, schools and estates are named
    ("brambles", "groves", "acorns"), and no generic place word ("others")."""
    return len(word) > 4 and word.endswith("s") and is_common_word(word[:-1], threshold=1) \
        and word not in GENERIC_PLACE_WORDS


def house_lower_ok(value: str) -> float | bool:
    """"at oakridge house", "at kestrel house", "oak tree house": a named house; not "at
    grannys house" or "liams house" (whose), nor "at the farm house"."""
    words = value.lower().split()
    if len(words) == 3 and words[1:] == ["family", "centre"]:  # "the bridge family centre"
        return 0.5 if words[0] not in GENERIC_PLACE_WORDS and words[0] not in FUNCTION_WORDS \
            else False
    if len(words) == 3 and words[0] == "little" and named_by_a_plural(words[1]) \
            and words[2] in ("nursery", "primary", "preschool"):
        return 0.5  # "little acorns nursery"
    if len(words) == 3 and words[2] in ("nursery", "preschool") and not any(
            w in GENERIC_PLACE_WORDS or w in FUNCTION_WORDS or w in _KINDS_OF_NURSERY
            for w in words[:2]):
        return 0.5  # "sunny days nursery": nurseries are named by a phrase
    if len(words) == 3:  # "oak tree house", "robin hill lodge"
        return 0.5 if words[0] in HOME_NAME_WORDS and (
            words[1] in HOME_NAME_WORDS or words[1] in ("tree", "trees", "hill", "wood",
                                                        "field", "fields", "bank")) else False
    if words[-1] == "school" and words[0] in _KINDS_OF_SCHOOL:
        return False  # "forest school", "summer school": kinds of school, not names
    if words[0] in HOME_NAME_WORDS:
        return 0.5
    first = words[0]
    if words[-1] in ("primary", "high", "nursery") and named_by_a_plural(first) \
            and first not in ("boys", "girls", "kids") and not someones(first):
        return 0.5  # "brambles primary", "acorns nursery": no one's school is "bramble's"
    if len(first) > 4 and (someones(first) or (first.endswith("s") and (
            is_common_word(first[:-1], threshold=1)
            or is_common_word(first[:-1].rstrip("y") + "ie", threshold=1)))):
        return False
    return unlisted_place_ok(value)


#: Words before "school" that say what kind of school: "forest school", "sunday school".
_KINDS_OF_SCHOOL = frozenset({"forest", "summer", "sunday", "night", "holiday", "home", "driving",
                              "dance", "drama", "art", "music", "football", "swimming", "hospital",
                              "beach", "nature"})


#: Words before "nursery" that say what kind: "the council day nursery", "a private nursery".
_KINDS_OF_NURSERY = frozenset({"day", "plant", "garden", "tree", "work", "works", "baby",
                               "babies", "toddler", "toddlers", "full", "part", "time"})


GENERIC_PLACE_WORDS = frozenset(
    """the my our your his her their a an this that its new old big little local secondary
    primary high junior juniors infant infants special residential children children's
    childrens care foster home group semi supported independent youth job leisure sports
    family contact community day respite pupil referral sixth form further education catholic
    church private state grammar boarding secure training mental health medical dental general
    national city county town village open main first second next last other same every
    each this that which what where when another different
    """.split()
)


def unlisted_place_ok(value: str) -> float | bool:
    """"oakfield primary", "Ashgrove childrens home", "st mary's high": a name, not a word."""
    first = value.split()[0].lower().rstrip(".")
    if first in ("st", "saint"):
        return 0.6
    return 0.5 if not is_common_word(first, threshold=1) else False
