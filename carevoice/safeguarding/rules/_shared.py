"""What every cue rule shares: the rule record, categories, levels, fragments, routes, idioms.

Each :class:`Cue` is a regular expression over the normal form of a comment
(:func:`carevoice.safeguarding._text.normalise`: lower case, no apostrophes, text-speak spelled
out), with a short label that names the rule (never words of a comment), the level it gives on
its own (``priority``; ``review`` for a weak cue), ``unless``: the ordinary senses and idioms
that make it no cue ("could kill for a pizza", "my phone died", "learn my lines"), and
``routes``: a category the cue belongs to instead when the clause says who did it (a partner
hitting a care leaver is domestic abuse; strangers in the street, serious violence).

The rules themselves are in this package's other modules, one per category, and
:mod:`carevoice.safeguarding.cues` compiles them on first use. Nothing is compiled here.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CATEGORIES", "FRAGMENTS", "HIT_IDIOMS", "LEVELS", "TO_ABUSE", "TO_DOMESTIC",
           "TO_VIOLENCE", "Cue", "expand"]

#: The concern categories, in the order the screen reports them (stable ids).
CATEGORIES = ("self_harm", "abuse", "exploitation", "missing", "domestic_abuse", "violence",
              "destitution")

#: The levels: ``priority`` (current, ongoing, recent or no time given) then ``review``
#: (clearly past and over, only a worry about someone else, or a weak cue).
LEVELS = ("priority", "review")

# Fragments shared by the patterns ({NAME} in a pattern).
FRAGMENTS = {
    "ME": r"(?:me|us|myself|you|my (?:little |baby |big |younger |older )?"
          r"(?:brother|sister|bro|sis|siblings?))",
    "POSS": r"(?:my|our|the|me)",
    "KIN": r"(?:dad|mum|stepdad|stepmum|father|mother|parents?|carers?|foster (?:carers?|mum|dad"
           r"|parents?)|nan|nana|grandad|grandma|uncle|auntie|aunt|brother|sister|cousin)",
    "PARTNER": r"(?:boyfriend|girlfriend|partner|ex|exs|ex boyfriend|husband|wife|fiance|fiancee|"
               r"babys dad|baby dad|babys father|kids dad|sons dad|daughters dad|fella)",
    "HIT": r"(?:hit|hits|hitting|slap|slaps|slapped|slapping|punch|punches|punched|punching|"
           r"kick|kicks|kicked|kicking|beat|beats|beaten|beating|batter|batters|battered|"
           r"smack|smacks|smacked|smacking|whack|whacks|whacked|strangle|strangles|strangled|"
           r"strangling|choke|chokes|choked|choking|shove|shoves|shoved|push|pushes|pushed|"
           r"grab|grabs|grabbed|throttle|throttled|headbutt|headbutted|bit|bites|burnt|burned|"
           r"hurt|hurts|hurting|attack|attacks|attacked|assault|assaulted|abuse|abuses|abused|"
           r"bash|bashes|bashed|thump|thumps|thumped|belt|belts|belted|battering|bashing|"
           r"thumping|twist|twists|twisted|twisting|pinch|pinches|pinched|pinching|scratch|"
           r"scratches|scratched|drag|drags|dragged|dragging|bite|bit|bitten|spat|spit|spits|"
           r"pull|pulls|pulled|pulling|yank|yanks|yanked|pin|pins|pinned|restrain|restrains|"
           r"restrained|restraining|shook|shakes|shaking|slam|slams|slammed|slamming|throw|"
           r"throws|threw|throwing|chuck|chucks|chucked|burn|burns|burning)",
    "THREAT": r"(?:threaten|threatens|threatened|threatening|said (?:he|she|they|hed|theyd|"
              r"shed) (?:would|will|is going to|are going to)|says (?:he|she|they) (?:will|"
              r"is going to|are going to)|going to)",
    "DRUGS": r"(?:drugs|weed|bud|coke|crack|food|pills|packs|packages?|parcels?|bags?|"
             r"stuff|gear|sweets|white|brown|shots|cash|money|phones?|a phone|the phone|"
             r"burner|knife|knives|blade|gun|strap|shank)",
    "GIFT": r"(?:weed|drugs|vapes?|alcohol|drink|drinks|booze|money|cash|a tenner|twenty quid|"
            r"trainers|phones?|a phone|a new phone|presents|gifts|lifts|a lift|stuff|food|"
            r"clothes|nails|a place to stay|somewhere to stay|cigs|fags|nandos|free stuff|"
            r"vodka|free food|free drink|free drinks|free weed|free vapes|takeaway|chicken)",
    "OLDER": r"(?:older|old|grown|grown up|adult|some|these|this|a|an|the)"
             r" (?:boys?|lads?|men|man|guys?|people|girls?|kids|blokes?|mans|person|friends?)",
    "ONLINE": r"(?:online|on (?:snap|snapchat|insta|instagram|tiktok|discord|xbox|roblox|"
              r"fortnite|whatsapp|facebook|fb|telegram|the internet|a game|an app|the app|"
              r"ps4|ps5|playstation|grindr|tinder|omegle))",
    "PICS": r"(?:pics|pictures|picture|photos|photo|pic|pix|nudes|videos|video|vids|selfies|"
            r"images)",
    "TIME": r"(?:days|a day|two days|three days|four days|2 days|3 days|4 days|a week|weeks|"
            r"since \w+|ages|a while|yesterday|24 hours|48 hours)",
    "BASIC": r"(?:food|gas|electric|electrics|electricity|heating|heat|hot water|lights|power|"
             r"nappies|"
             r"formula|milk|the meter|meter|credit|topping up|top up)",
    "SLEEP": r"(?:slept|sleep|sleeping|sleeps|stay|stayed|staying|kip|kipped|kipping|crash|"
             r"crashed|crashing)",
}


def expand(pattern: str) -> str:
    """The pattern with each ``{NAME}`` replaced by its fragment of :data:`FRAGMENTS`."""
    for name, fragment in FRAGMENTS.items():
        pattern = pattern.replace("{" + name + "}", fragment)
    return pattern


@dataclass(frozen=True)
class Cue:
    """One cue rule.

    Parameters
    ----------
    category : str
        One of :data:`CATEGORIES`.
    label : str
        What the rule looks for, in the rule's own words ("wants to die"); the screen's
        ``cue`` column. Never words copied from a comment.
    pattern : str
        A regular expression over the normal form; ``{ME}``-style names expand to the shared
        fragments.
    level : {"priority", "review"}, default "priority"
        The level the cue gives on its own; "review" for a weak or ambiguous cue.
    unless : str, optional
        A regular expression over the cue's clause: an ordinary sense or idiom that makes
        the match no cue.
    routes : tuple of (str, str), default ()
        ``(category, pattern)`` pairs: when the clause matches the pattern, the cue counts for
        that category instead (the first that matches).
    negatable : bool, default True
        Whether a negation just before the match ("never hit me") cancels it.
    """

    category: str
    label: str
    pattern: str
    level: str = "priority"
    unless: str | None = None
    routes: tuple[tuple[str, str], ...] = ()
    negatable: bool = True

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"The 'category' argument of Cue must be one of {CATEGORIES}. "
                             f"Got {self.category!r} instead.")
        if self.level not in LEVELS:
            raise ValueError(f"The 'level' argument of Cue must be one of {LEVELS}. Got "
                             f"{self.level!r} instead.")


# Where a violent act is by the writer's partner, or by strangers outside.
TO_DOMESTIC = ("domestic_abuse", (r"\b(?:my|me|our|babys|kids) (?:ex |new |)(?:{PARTNER})\b"
                                 r"|\b(?:he|she)s my (?:ex|{PARTNER})\b"
                                 r"|\b(?:abusive|violent|controlling) (?:{PARTNER})\b"
                                 r"|\b(?:a refuge|womens refuge|non molestation order)\b"))
TO_VIOLENCE = ("violence",
               (r"\b(?:gang|gangs|group of|some (?:lads|boys|men|guys|girls|man|guy|kids|people|"
               r"randoms?)|on the (?:street|estate|bus|way)|in (?:town|the park|the street)|at "
               r"the (?:park|bus stop|station|shop)|strangers?|opps|postcode|the lads|these "
               r"lads|outside (?:the|a) (?:shop|chicken shop|station|club|school gates)|"
               r"walking home|on my way|people (?:were|are|keep)|random (?:lads|boys|men|man|"
               r"guy|people))\b"))
TO_ABUSE = ("abuse", (r"\b(?:my |the )?(?:dad|mum|stepdad|stepmum|carers?|foster|staff|nan|"
                     r"grandad|uncle|auntie)\b|\b(?:at|in) school\b|\bbull(?:y|"
                     r"ies|ied|ying)\b|\bat the home\b"))

HIT_IDIOMS = (r"\b(?:it|this|that|reality|the ball|a ball|the door|a car|the car|a bus|the bus|"
              r"the news|the realisation|the truth|covid|lockdown|the wave|it all) (?:really |"
              r"just |suddenly |finally )?(?:hit|hits|hurt|hurts|kicked|kicks|hit home)\b"
              r"|\bhit (?:me|us) up\b|\b(?:beat|beats|beating) (?:me|us) (?:at|on|in(?! (?:my|the|"
           r"our|his|her|their) (?:face|head|stomach|ribs|room|bedroom|house|flat|kitchen|"
           r"bathroom|car)))\b|\b(?:it|that) beats me\b"
           r"|\b(?:threw|throw|throws|throwing) (?:me|us) (?:a|an) (?:\w+ )?(?:party|surprise|"
           r"bone|lifeline)\b"
              r"|\b(?:push|pushes|pushed|pushing) (?:me|us) (?:to|into doing|forward|harder)\b"
              r"|\bhurt (?:my|our) (?:feelings|knee|ankle|leg|arm|back|wrist|foot|head|finger)"
              r" (?:playing|at|in|doing|on|when i fell)|\bkick(?:ed|s)? (?:me|us) (?:out|off)\b"
              r"|\b(?:hurts|hurt) (?:me|us) (?:that|when (?:she|he|they) (?:doesnt|dont|didnt|"
              r"cancel|cancels|cancelled|forgot|forget|leave|left|said)|to (?:think|know|see|"
              r"hear))\b|\b(?:it|that|this) (?:really )?(?:hurt|hurts|hurted)\b"
              r"|\b(?:pretend|pretends|pretended|pretending) to {HIT}\b"
              r"|\b(?:ball|football|door|branch|swing|trampoline|play ?fight\w*|messing about|"
              r"mucking about|joking|by accident|accidentally|in a game|wrestling)\b")
