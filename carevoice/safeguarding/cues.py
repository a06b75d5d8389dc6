"""The cue rules of the safeguarding screen, one list per category.

Each :class:`Cue` is a regular expression over the normal form of a comment
(:func:`carevoice.safeguarding._text.normalise`: lower case, no apostrophes, text-speak spelled
out), with a short label that names the rule (never words of a comment), the level it gives on
its own (``priority``; ``review`` for a weak cue), ``unless``: the ordinary senses and idioms
that make it no cue ("could kill for a pizza", "my phone died", "learn my lines"), and
``routes``: a category the cue belongs to instead when the clause says who did it (a partner
hitting a care leaver is domestic abuse; strangers in the street, serious violence).

The patterns are compiled on first use (:func:`compiled_cues`), not at import.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["CATEGORIES", "CUES", "LEVELS", "Cue", "compiled_cues"]

#: The concern categories, in the order the screen reports them (stable ids).
CATEGORIES = ("self_harm", "abuse", "exploitation", "missing", "domestic_abuse", "violence",
              "destitution")

#: The levels: ``priority`` (current, ongoing, recent or no time given) then ``review``
#: (clearly past and over, only a worry about someone else, or a weak cue).
LEVELS = ("priority", "review")

# Fragments shared by the patterns ({NAME} in a pattern).
_FRAGMENTS = {
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


def _expand(pattern: str) -> str:
    for name, fragment in _FRAGMENTS.items():
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
_TO_DOMESTIC = ("domestic_abuse", (r"\b(?:my|me|our|babys|kids) (?:ex |new |)(?:{PARTNER})\b"
                                  r"|\b(?:he|she)s my (?:ex|{PARTNER})\b"
                                  r"|\b(?:abusive|violent|controlling) (?:{PARTNER})\b"
                                  r"|\b(?:a refuge|womens refuge|non molestation order)\b"))
_TO_VIOLENCE = ("violence",
                (r"\b(?:gang|gangs|group of|some (?:lads|boys|men|guys|girls|man|guy|kids|people|"
                r"randoms?)|on the (?:street|estate|bus|way)|in (?:town|the park|the street)|at "
                r"the (?:park|bus stop|station|shop)|strangers?|opps|postcode|the lads|these "
                r"lads|outside (?:the|a) (?:shop|chicken shop|station|club|school gates)|"
                r"walking home|on my way|people (?:were|are|keep)|random (?:lads|boys|men|man|"
                r"guy|people))\b"))
_TO_ABUSE = ("abuse", (r"\b(?:my |the )?(?:dad|mum|stepdad|stepmum|carers?|foster|staff|nan|"
                      r"grandad|uncle|auntie)\b|\b(?:at|in) school\b|\bbull(?:y|"
                      r"ies|ied|ying)\b|\bat the home\b"))

_HIT_IDIOMS = (r"\b(?:it|this|that|reality|the ball|a ball|the door|a car|the car|a bus|the bus|"
               r"the news|the realisation|the truth|covid|lockdown|the wave|it all) (?:really |"
               r"just |suddenly |finally )?(?:hit|hits|hurt|hurts|kicked|kicks|hit home)\b"
               r"|\bhit (?:me|us) up\b|\bbeat (?:me|us) (?:at|in|on)\b|\b(?:it|that) beats me\b"
               r"|\b(?:push|pushes|pushed|pushing) (?:me|us) (?:to|into doing|forward|harder)\b"
               r"|\bhurt (?:my|our) (?:feelings|knee|ankle|leg|arm|back|wrist|foot|head|finger)"
               r" (?:playing|at|in|doing|on|when i fell)|\bkick(?:ed|s)? (?:me|us) (?:out|off)\b"
               r"|\b(?:hurts|hurt) (?:me|us) (?:that|when (?:she|he|they) (?:doesnt|dont|didnt|"
               r"cancel|cancels|cancelled|forgot|forget|leave|left|said)|to (?:think|know|see|"
               r"hear))\b|\b(?:it|that|this) (?:really )?(?:hurt|hurts|hurted)\b"
               r"|\b(?:ball|football|door|branch|swing|trampoline|play ?fight\w*|messing about|"
               r"mucking about|joking|by accident|accidentally|in a game|wrestling)\b")

CUES: tuple[Cue, ...] = (
    # ---------------------------------------------------------------- self_harm
    Cue("self_harm", "wants to die",
        r"\b(?:want|wants|wanted|wanting|wana) to (?:die|be dead|disappear for ever|"
        r"disappear forever|end it)\b|\bwish (?:i|id) (?:was|were|had) (?:dead|died)\b"
        r"|\bbetter off dead\b|\b(?:ready|about) to (?:die|end it)\b",
        unless=r"\b(?:embarrass\w*|cringe|shame|laugh\w*|dying to|dye|die (?:my|her|his|your|"
               r"our) (?:hair|clothes|top|trainers))\b"),
    Cue("self_harm", "wishes not to be alive",
        r"\bwish (?:i|id) (?:was|were|had|had of) (?:never|not) (?:been )?born\b|\bwish (?:i|id)"
        r" (?:was|were) (?:not|never) (?:alive|here)\b|\bwish i (?:wasnt|werent|didnt) (?:alive|"
        r"here|exist|born|wake up)\b|\b(?:want|wants|wanted) to (?:not be alive|not exist|not "
        r"wake up|never wake up)\b|\bnot (?:wake|waking) up\b|\bgo to sleep (?:and|an) "
        r"(?:never|not) wake\b|\bnothing to live for\b", negatable=False,
        unless=r"\b(?:for school|on time|early|alarm|in time)\b"),
    Cue("self_harm", "thoughts of suicide",
        r"\bsu+[iy]?[cs]+[iy]?d\w*|\bkill(?:ing|ed)? (?:myself|my self|me self)\b|\bend(?:ing)? "
        r"(?:it all|my life|my own life|everything)\b|\b(?:poison|poisoned|poisoning|drown|"
        r"drowned|drowning|suffocate|suffocating|strangle|strangling|starve|starving) (?:myself|"
        r"my self)\b|\b(?:googl\w*|search\w*|look\w* up|research\w*|read\w* about) (?:\w+ )"
        r"{0,2}(?:ways|how) to (?:die|kill myself|end it|overdose|not wake up)\b|\btake my (?:own "
        r")?life\b|\bhang (?:myself|my "
        r"self)\b|\b(?:jump|step|walk) (?:off (?:a|the) (?:bridge|roof|building|cliff)|in front"
        r" of (?:a|the) (?:train|car|bus|lorry))\b|\bnoose\b|\bbetter off without me\b"
        r"|\b(?:thoughts|thinking|thought|think|thinks) (?:about|of) (?:ending (?:it|things|my "
        r"life)|dying|death|not being here|not being alive)\b",
        unless=r"\b(?:squad|prevention (?:week|day)|(?:told|tells|telling|said|says) (?:me )?to "
               r"kill (?:myself|yourself)|end(?:ing|ed)? (?:it|things) (?:all )?with)\b"),
    Cue("self_harm", "does not want to be here any more",
        r"\bdont (?:\w+ )?want to (?:be here|be alive|live|exist|wake up|be on this earth|"
        r"carry on|go on)(?: any more| no more)\b|\bdont want to (?:be alive|exist|wake up"
        r"|live any "
        r"more|be on this earth)\b|\bdont want to live\b(?! (?:here|there|with|in|at|near|"
        r"like|on))|\b(?:dont|do not|doesnt|couldnt|could not) (?:really |even )?care (?:if|"
        r"whether) i (?:live|die|wake up|am alive|am dead)\b", negatable=False),
    Cue("self_harm", "does not want to be here (placement or life?)",
        r"\bdont want to be here\b", level="review", negatable=False,
        unless=r"\b(?:want to (?:go|be|live|move|stay) (?:back|home|somewhere|with|to|at)|in "
               r"this (?:meeting|school|class)|meeting|lesson)\b"),
    Cue("self_harm", "no point going on",
        r"\bno point (?:in )?(?:going on|living|being alive|being here|carrying on|me being"
        r"|trying any more|to (?:life|living|anything|me|it all))\b|\bwhat(?:s| is) the point "
        r"(?:of|in) (?:living|being alive|me|being here|going on|carrying on|anything|life)\b"
        r"|\bcant (?:go on|carry on)\b(?! (?:like this|with (?:school|college|the course)))"
        r"|\b(?:see|is|theres|there is) (?:no |not )?(?:the )?point (?:in|of) (?:carrying on|"
        r"going on|living|being alive|being here|life)\b",
        negatable=False),
    Cue("self_harm", "life not worth living",
        r"\b(?:life|living|it|my life) (?:is|isnt|aint|feels|seems) (?:not )?(?:worth "
        r"(?:living|it any more|anything)|pointless)\b(?! (?:without|if))|\bnot worth living\b",
        negatable=False, unless=r"\b(?:without (?:my )?(?:phone|wifi|music|football)|lol|haha)\b"),
    Cue("self_harm", "warning signs: giving things away, planning how",
        r"\b(?:giving|gave|give) (?:my|all my) (?:stuff|things|belongings) away\b|\bwont need "
        r"(?:them|it|anything|my stuff) (?:soon|much longer|any more|for long)\b|\b(?:think|"
        r"thinking|thought|planned|planning|plan|a plan for|a plan of|work|working|worked) "
        r"(?:about |out )?how (?:i would|"
        r"id|i could|to|i will|ill|im going to) (?:do it|end it|end (?:it all|things|everything|my "
        r"life)|kill myself|go through with it)\b",
        level="review", negatable=False),
    Cue("self_harm", "keeps saying they will end it",
        r"\b(?:keeps|kept|keep|always|been) (?:saying|talking about|going on about|on about) "
        r"(?:that )?(?:(?:hes|shes|he is|she is|theyre|im|i am) going to|hell|shell|ill|hed|"
        r"shed|wants to|want to) (?:end it|end it all|kill (?:himself|herself|themselves|myself)|"
        r"not be here)\b(?! with)", level="review", negatable=False),
    Cue("self_harm", "at a high place thinking about it",
        r"\b(?:stood|standing|stand|sat|sitting|sit|went|go|going|walked|walk|climbed) (?:up )?"
        r"(?:on|at|to|by|near|over|onto) (?:the |a )?(?:edge|bridge|roof|cliff|railway|tracks|"
        r"top of (?:the |a )?\w+(?: \w+)?)\b[^.]{0,60}\b(?:thinking|thought|think) about (?:it|"
        r"jumping|doing it|ending it|ending things)\b",
        level="review", negatable=False),
    Cue("self_harm", "cannot cope any more",
        r"\bcant (?:cope|take it|take this|do this|handle it|handle this|deal with it)"
        r"(?: any more| no more)\b|\bat (?:breaking|my breaking) point\b"
        r"|\bgiv(?:e|ing) up on (?:everything|life|myself)\b|\bwhat(?:s| is) the point\b(?! (?:of|"
        r"in) (?:going|asking|telling|school|doing|having|the|a|me going|trying to|meetings|"
        r"reviews|complaining))", level="review", negatable=False),
    Cue("self_harm", "self-harm",
        r"\bself harm\w*|\bself injur\w*|\b(?:cut|cuts|cutting|cutted|slit|slitting|"
        r"scratch|scratching|scratched|burn|burning|burnt|burned|hurt|hurting|harm|harming|"
        r"hit|hitting|punch|punching|bang|banging|starve|starving) (?:myself|my self|me self)\b"
        r"|\b(?:cut|cuts|cutting|slit|slitting|scratch|scratches|scratched|scratching|pick|"
        r"picking|burn|burning) (?:my|me) (?:arms?|wrists?"
        r"|legs?|thighs?|skin|stomach|tummy)\b|\bmy cuts\b|\b(?:scars|marks) on (?:my )?"
        r"(?:arms?|wrists?|legs?)\b|\bblade\w* (?:to|on|in) (?:my )?(?:room|arm|wrist)\b"
        r"|\b(?:stopped|started|quit|been|keep|kept|still|relapsed|relapse|back to|urge to|urges "
        r"to) cutting\b(?! (?:class|lessons?|school|hair|back|down|out|corners|it fine|the|(?:my|m"
        r"e|"
        r"his|her) (?:hair|fringe|nails|food|toenails)))"
        r"|\b(?:hurts|hurt|hurting|cuts|cutting|harms|harming|burns|burning) (?:herself|himself|"
        r"themselves|themself)\b|\b(?:kill|killing|kills|end|ending) (?:herself|himself|"
        r"themselves|themself|her life|his life|their life)\b",
        unless=r"\b(?:by accident|accidentally|cooking|paper cut|shaving|playing|fell|falling|"
               r"bike|football|pe|cut (?:my|me) (?:hair|fringe|nails?)|locked myself out|if (?:i|"
               r"we) (?:leave|left|dont|end it))\b"),
    Cue("self_harm", "better if I was not around",
        r"\b(?:easier|better|happier|best) (?:off )?(?:for (?:everyone|everybody|them|people|all) "
        r")?(?:if|"
        r"when) (?:i|im) (?:wasnt|werent|was not|was gone|gone|dead|died|not here|not around|"
        r"wasnt here|disappeared|just disappeared)\b|\b(?:goodbye|suicide) (?:letter|note)s?\b"
        r"|\bsaid (?:my )?goodbyes? to (?:everyone|everybody)\b", negatable=False),
    Cue("self_harm", "arms kept covered (weak)",
        r"\b(?:keeps?|kept|keeping|always has|always wears|wears|covers?|covering|covered) (?:\w+ "
        r")?"
        r"(?:her|his|their|my) (?:arms|wrists|legs) (?:covered|hidden|up)\b|\blong sleeves? "
        r"(?:\w+ ){0,2}(?:in (?:summer|the heat|pe)|when its (?:hot|boiling)|even when)\b"
        r"|\b(?:sleeves?|hoodies?|jumpers?|(?:arms|wrists|legs)) (?:\w+ ){0,4}so (?:that )?(?:\w+ )"
        r"{1,2}(?:dont|doesnt|cant|wont|never|will not|do not|does not) (?:see|notice)\b",
        level="review", negatable=False, unless=r"\b(?:cold|freezing|eczema|sunburn|sun cream|"
                                                r"tattoo\w*|religio\w*|hijab|modest\w*)\b"),
    Cue("self_harm", "hurting self to feel pain",
        r"\b(?:bang|banging|bangs|hit|hitting|punch|punching) (?:my )?(?:head|fists?|hands?) "
        r"(?:on|against|into) (?:the |a )?(?:wall|walls|floor|door)\b|\b(?:till|until) (?:it|"
        r"they|i) (?:hurts|bleeds?|bleed)\b|\b(?:arms|wrists|legs|thighs) (?:are |is )?(?:covered"
        r" in|full of) (?:scars|cuts|marks)\b|\bscars\b.{0,30}\b(?:still do it|do it again|"
        r"started again)\b", unless=r"\b(?:fell|accident|football|pe|game)\b"),
    Cue("self_harm", "saving up tablets, nobody would notice",
        r"\b(?:saving|saved|save|stockpil\w*|hoarding|hoard|collecting|keeping|hiding|hid) "
        r"(?:up )?(?:my |some |all my |)(?:meds|pills|tablets|medication|paracetamol|"
        r"painkillers)\b|\b(?:nobody|no one|noone) (?:would|will|wud) (?:even )?(?:notice|care|"
        r"miss me) (?:if|when) (?:i|im) (?:was|were|wasnt|werent|died|disappeared|gone|went|"
        r"wasnt here|not here)\b|\b(?:written|wrote|writing) (?:\w+ )?letters? (?:to|for) (?:my|"
        r"everyone|everybody)\b(?=.{0,80}\b(?:gone|goodbye|if i|when im|notice|miss)\b)"
        r"|\bdo (?:something|stuff) (?:to|stupid to) (?:herself|himself|"
        r"themselves|myself)\b",
        negatable=False),
    Cue("self_harm", "a blade kept for when it gets bad, others' pills taken",
        r"\b(?:keep|keeps|kept|hide|hides|hid|hiding|carry|carrying|have|got) (?:a |my |some |)"
        r"(?:razor|razors|blade|blades|sharpener blade|sharp thing)s? (?:\w+ ){0,5}for when\b"
        r"|\b(?:razor|razors|blades?) (?:in|under|inside) my (?:pencil case|room|bed|drawer|bag|"
        r"pillow|mattress|phone case)\b|\btook (?:some|loads|a lot|all|a few|a handful) of (?:my "
        r"(?:mums|dads|nans|carers|sisters|brothers) |the |her |his |my )?(?:pills|tablets|meds|"
        r"painkillers|medication|sleeping pills)\b|\b(?:think|thinking|thought|thinks) about "
        r"(?:jumping|hanging|ending it|not waking up|dying)\b",
        unless=r"\b(?:shaving|shave|legs|art|craft|d and t|dt lesson|headache|period|as "
               r"prescribed|bungee|parachute|trampoline|into the pool|in the pool)\b"),
    Cue("self_harm", "overdose or tablets",
        r"\boverdos\w*\b|\btook (?:too many|loads of|a lot of|lots of|a load of|all (?:my|the)|"
        r"a bunch of|a handful of|a whole) (?:of my |of the |of |)(?:tablets|pills|paracetamol|"
        r"painkillers|meds|"
        r"medication)\b|\b(?:swallowed|took) (?:tablets|pills|paracetamol|painkillers|bleach)"
        r" to\b|\bstomach pumped\b"),
    Cue("self_harm", "means to take every tablet",
        r"\b(?:going to|will|ill|want to|wants to|about to) (?:take|swallow|down) (?:all|every "
        r"one of|every|the whole (?:box|packet|bottle) of|loads of|a load of) (?:of )?(?:my |the |"
        r"of my )?(?:tablets|pills|paracetamol|painkillers|meds|medication)\b",
        unless=r"\b(?:as prescribed|on time|every (?:day|morning|night)|properly|remember\w*|"
               r"forget|forgot|with (?:food|water|breakfast))\b"),
    Cue("self_harm", "eating or purging to hurt self",
        r"\bmake (?:myself|my self) (?:sick|throw up|be sick)\b|\bstopped eating\b(?! (?:proper|"
        r"properly|meat|healthy|breakfast|at|out|junk|sweets))|\bnot "
        r"eating (?:on purpose|so i)\b", level="review"),
    # ---------------------------------------------------------------- abuse
    Cue("abuse", "hit or hurt by someone",
        r"\b(?:he|she|they|dad|mum|stepdad|stepmum|carers?|staff|nan|grandad|uncle|auntie|"
        r"manager|managers|key worker|keyworker|teacher|brother|sister|parents|worker|him|her|"
        r"them|someone|people|man|lads|boys|girls|kids|"
        r"boyfriend|partner|girlfriend|husband|friend|cousin|guy|bloke|lad|boy|girl|woman"
        r"|who|and|then|always|sometimes|keeps|still|just|even|also|has|have|had|got|gets|"
        r"get|will|would|was|were|been|being) (?:\w+ ){0,2}{HIT} (?:me|us|my (?:little |baby "
        r"|big )?(?:brother|sister|siblings?|face|head|arm|arms|legs?|hair|neck|throat|wrists?"
        r"|ears?)|another (?:kid|child|boy|girl|lad|young person|resident)|one of the (?:other |"
        r"younger |little )?(?:kids|children|boys|girls|lads|young people)|(?:a|the) (?:younger|"
        r"little|other) (?:kids?|boys?|girls?|lads?|ones?))\b"
        r"|\b(?:drag|drags|dragged|dragging|grab|grabs|grabbed|pull|pulls|pulled|yank|yanks|"
        r"yanked|lift|lifted|threw|throws) (?:me|us) (?:by|up by|around by|across (?:the )?(?:room|"
        r"floor) by) (?:my|the|our) (?:hair|hoodie|hood|collar|arm|arms|neck|ear|ears|clothes|"
        r"top|jumper|wrist)\b"
        r"|\b(?:got|get|gets|getting|been|being|was|were) (?:hit|slapped|punched|kicked|"
        r"beaten|smacked|hurt|strangled|choked|belted|bashed|thumped|abused)"
        r"(?! (?:by (?:a|the) (?:ball|car|bus|bike)|in the (?:face )?(?:with|by) (?:a|the) "
        r"ball|up|out|off))\b",
        unless=_HIT_IDIOMS, routes=(_TO_DOMESTIC, _TO_VIOLENCE)),
    Cue("abuse", "punished harshly or kept from food",
        r"\b(?:doesnt|dont|didnt|wont|wouldnt|never|not) (?:let|allow|letting) (?:me|us) (?:to )?"
        r"(?:eat|have (?:tea|dinner|meals|food)|sit) with (?:the (?:family|others|rest)|them|"
        r"everyone|their (?:kids|family))\b|\b(?:made|make|makes|had|have|has) (?:me |us )?(?:to )?"
        r"(?:eat|have (?:my|our) (?:tea|dinner|meals)) (?:on my own |alone |separately )?in (?:my|"
        r"our) room\b|\b(?:made|make|makes) (?:me|us) sleep on the floor\b|\b(?:if|when|whenever|e"
        r"very "
        r"time|as a)\b[^.]{0,40}\b(?:had|have|has) to sleep on the floor\b|\b(?:had|have|has) "
        r"to sleep on the floor (?:if|when|whenever|as a|because|for)\b"
        r"|\b(?:makes?|made|making) (?:me|us) (?:stand|sit|kneel|stay|wait) (?:\w+ ){0,4}for "
        r"(?:hours|ages|the whole (?:day|night|evening))\b|\b(?:doesnt|dont|wont|never|not) "
        r"(?:let|letting) (?:me|us) (?:eat|have (?:food|tea|dinner|breakfast|a drink))\b|\bnot "
        r"allowed (?:to eat|food|tea|dinner)\b|\b(?:never|dont|dont always|hardly|rarely|not)"
        r" (?:ever )?get (?:fed|food|dinner|tea|meals|fed proper)\b|\b(?:get|got|am|was|were|"
        r"been|being|im|are) left (?:alone|on my own|on our own|home alone|by (?:myself|"
        r"ourselves)) (?:for|overnight|all|at night|with no|and im)\b|\bleft (?:alone|on my "
        r"own|home alone) (?:overnight|all night|for days|all weekend)\b",
        negatable=False,
        unless=r"\b(?:festival|sleepover|camping|holiday|party|lol|haha)\b",
        routes=(_TO_DOMESTIC,)),
    Cue("abuse", "does things to me, mocked when crying, left dirty",
        r"\b(?:does|did|doing|do|done) (?:stuff|things|something|bad things|sexual things|things i "
        r"dont like) to (?:me|us)\b|\b(?:laugh|laughs|laughed|laughing|film|films|filmed|filming|"
        r"mock|mocks|mocked|mocking) (?:\w+ ){0,3}(?:me |us |)when (?:i|we) (?:was |were |am |are "
        r"|)(?:crying|cry|cried|upset)\b|\b(?:same|dirty) clothes (?:all|for a|for|every) "
        r"(?:week|days|the week)\b",
        unless=r"\b(?:pranks?|tickl\w*|magic trick|surprise)\b", routes=(_TO_DOMESTIC,)),
    Cue("abuse", "someone in my bed at night",
        r"\b(?:comes|came|gets|getting|got|climbs|climbing|climbed|creeps|creeping|crept|keeps "
        r"getting|keeps coming) (?:\w+ ){0,3}(?:in|into|on) (?:my|our) (?:bed|bedroom at night|"
        r"room at night)\b|\b(?:sits|sitting|sat|lies|lying|lay|lays) (?:\w+ ){0,3}(?:on|in) "
        r"(?:my|our) bed\b(?=.{0,30}\b(?:at night|in the dark|when im (?:asleep|in bed)|says not "
        r"to tell|touch\w*)\b)",
        unless=r"\b(?:little (?:sister|brother)|baby (?:sister|brother)|dog|cat|puppy|kitten|"
               r"nightmares?|scared of the (?:dark|storm)|thunder|cuddle)\b|\b(?:i|we) (?:\w+ )?"
               r"(?:sit|sat|lie|lay|lies|sits|get|got|climb|climbed|crawl)\b"),
    Cue("abuse", "shut in as a punishment",
        r"\b(?:shut|shuts|locked|locks|lock|kept|keep|keeps|put|puts) (?:me |us |)(?:in|inside|"
        r"into) (?:the|my|a|our) (?:bathroom|toilet|room|bedroom|cupboard|garden|shed|cellar|"
        r"basement|garage|car)\b(?=.{0,60}\b(?:punish\w*|for hours|all (?:day|night)|when (?:i|"
        r"we) (?:was|were|am|are) (?:bad|naughty)|as a|(?:till|until) (?:the )?morning|overnight|"
        r"when (?:i|we) (?:wet|wee|weed|pee|peed|soil|soiled)\w*)\b)|\bas (?:a )?punishment\b",
        unless=r"\b(?:detention|grounded|no phone|no xbox|no tv|early night|naughty step|time "
               r"out)\b", routes=(_TO_DOMESTIC,)),
    Cue("abuse", "no food at home, caring for siblings alone",
        r"\b(?:never|no|not|wasnt|isnt|werent|nothing) (?:any |enough |much )?(?:food|to eat|"
        r"anything) in (?:the|our|my|mums|dads) (?:house|flat|fridge|home|cupboards?)\b|\b(?:"
        r"watches|watched|watching|films|filmed|looks at|peeps at|stares at) (?:me|us) (?:in the "
        r"(?:shower|bath|bathroom)|(?:get|getting) (?:changed|undressed|dressed)|undress\w*|"
        r"naked)\b|\b(?:looked|look|"
        r"looking|look) after my (?:baby |little |younger )?(?:brother|sister|siblings) (?:on my "
        r"own|by myself|alone)\b", negatable=False),
    Cue("abuse", "a younger one not safe at home",
        r"\b(?:dont|do not|didnt) think (?:he|she|they|hes|shes|theyre|it) (?:is |are |was |)"
        r"(?:safe|ok|looked after|being looked after)\b|\b(?:brother|sister|siblings?|bro|sis|"
        r"baby|little ones?|kids) (?:\w+ ){0,2}(?:isnt|arent|is not|are not|isnt being|arent "
        r"being|not|dont|doesnt|never|not being|gets|get) (?:get )?(?:looked after|fed|cared for|"
        r"washed|changed) (?:properly|right|enough)\b|\b(?:brothers?|sisters?|siblings?|bro|sis|"
        r"baby|little ones?)\b[^.]{0,60}\b(?:nobody|no one|anyone|anybody) (?:ever |really )?"
        r"(?:(?:visits|comes|goes|came|went) (?:round )?to )?(?:checks?|checked|looks?|looked|"
        r"goes|visits?) (?:on|in on|up on|after|round to see) (?:her|him|them)\b",
        negatable=False),
    Cue("abuse", "food for the others, not for me",
        r"\b(?:breakfast|tea|dinner|lunch|food|meals?|fed|snacks?)\b[^.]{0,50}\bonly (?:for )?"
        r"(?:the other (?:kids|children|ones)|(?:her|his|their) (?:own )?(?:kids|children)|my "
        r"(?:\w+ )?(?:brothers?|sisters?))\b(?! (?:can|could|are allowed to) (?:have|choose))"
        r"|\bonly (?:\w+ ){0,2}(?:makes?|made|cooks?|cooked|gets?|buys?|bought|gives?|gave) "
        r"(?:tea|dinner|breakfast|lunch|food|meals) (?:for|to) (?:the other|(?:her|his|their) "
        r"own|my (?:\w+ )?(?:brothers?|sisters?))\b",
        level="review", negatable=False,
        unless=r"\b(?:allerg\w*|vegan|vegetarian|halal|diet|fussy|birthday|treat)\b"),
    Cue("abuse", "staff or a carer hit another young person",
        r"\b(?:staff|one of (?:them|the staff|the carers|the workers)|(?:a |the )?(?:member of "
        r"staff|staff member|night staff|carers?|worker|manager|key worker)) (?:\w+ )?(?:hit|hits|"
        r"slapped|slaps|punched|punches|kicked|kicks|strangled|choked|headbutted|battered|beat|"
        r"smacked|thumped|dragged|restrained) (?!(?:me|us|the|a|it|off|out|up|back)\b)\w+\b",
        unless=_HIT_IDIOMS + r"|\b(?:roof|gym|shops|button|wall|target|jackpot|ball|floor)\b"),
    Cue("abuse", "comes in when undressed or in bed",
        r"\b(?:comes|walks|came|walked|barges|barged|keeps coming|keeps walking|keeps barging|"
        r"walking|coming|barging|gets|got) (?:in|into) (?:the bathroom|my room|my bedroom|the "
        r"shower|my bed) (?:\w+ )?(?:when|while|whenever) (?:im|i am|i was|we are|were) (?:in "
        r"there|in the bath|in the shower|changing|getting changed|getting dressed|asleep|in bed|"
        r"naked)\b", routes=(_TO_DOMESTIC,)),
    Cue("abuse", "made to sit on an adult's lap",
        r"\b(?:makes?|made|making|wants?|wanted|pulls?|pulled|tells?|told|gets?|got) (?:me|us) "
        r"(?:to )?(?:sit|sitting) (?:on|in) (?:his|her|their) (?:lap|knee|knees)\b",
        unless=r"\b(?:nan|nana|grandma|granny|santa|father christmas|photos?|pictures?)\b",
        routes=(_TO_DOMESTIC,)),
    Cue("abuse", "says what he wants to do to me",
        r"\bwhat (?:he|she|they|hed|shed|theyd) (?:wants?|wanted|would like|would love|likes?|d "
        r"like|is going|was going|wants? to try) to do to (?:me|us|my body)\b"
        r"(?! (?:after|when i leave|next|about))",
        routes=(_TO_DOMESTIC, _TO_VIOLENCE)),
    Cue("abuse", "told what happens if I tell",
        r"\b(?:ill|i will|i would|id|i|we|well|we will|we would|youll|you will|you would|youd) "
        r"(?:\w+ ){0,2}(?:get|be|got) (?:moved|taken away|sent away|put away|split up|"
        r"kicked out|taken off (?:him|her|them))\b[^.]{0,20}\bif (?:i|we|you) (?:ever )?"
        r"(?:tell|told|say anything|say something|grass|snitch)\b",
        negatable=False, routes=(_TO_DOMESTIC,)),
    Cue("abuse", "told I am nothing",
        r"\b(?:calls?|called|calling|tells?|told|telling|says|said|saying) (?:me |us )?(?:that )?"
        r"(?:im|i am|i was|ill be|i will be|id be|i would be|were|we are) (?:nothing|a nobody|"
        r"no one)\b(?! (?:special|wrong|to (?:worry|be)|like|new|else|can|will))",
        negatable=False, routes=(("domestic_abuse", r"\bwithout (?:him|her)\b"), _TO_DOMESTIC)),
    Cue("abuse", "restrained",
        r"\b(?:restrain|restrains|restrained|restraining|pin|pins|pinned) (?:me|us)\b",
        level="review"),
    Cue("abuse", "bruises or marks from someone",
        r"\b(?:bruises|bruised|bruise|black eye|marks) (?:on|from|where|because|cos|that) "
        r"(?:my|me|he|she|they|him|her|them)\b|\bgave (?:me|us) (?:a )?(?:bruises|black eye|"
        r"fat lip)\b", unless=r"\b(?:football|rugby|fell|fall|pe|trampoline|bike)\b",
        routes=(_TO_DOMESTIC,)),
    Cue("abuse", "locked in or shut out",
        r"\block(?:s|ed)? (?:me|us) (?:in|out|up)\b|\blocked (?:in|inside) (?:my|the|a|our) "
        r"(?:room|bedroom|cupboard|house|shed|flat|bathroom)\b|\b(?:made|make|makes|kept|keep|"
        r"keeps|left) (?:me|us) (?:sleep |stay |stand |)(?:outside|in the (?:garden|cold|dark|"
        r"cupboard|shed)|on the floor)\b",
        unless=r"\block(?:ed|s)? (?:me|us) (?:out of|in) (?:my|the) (?:account|phone|fortnite"
               r"|game|ps\d|xbox|app)|by accident|accidentally\b",
        routes=(_TO_DOMESTIC,)),
    Cue("abuse", "touched or sexual abuse",
        r"\b(?:touch|touches|touched|touching|feels|felt) (?:me|us|my (?:private|privates|bum|"
        r"boobs|chest|body|legs?|bottom))\b|\b(?:made|make|makes|tried to make|forced|force) "
        r"(?:me|us) (?:touch|do (?:stuff|things|sexual)|have sex|sleep with|watch (?:porn|"
        r"stuff))\b|\bsexual(?:ly)? (?:abuse\w*|assault\w*|touch\w*)\b|\braped?\b|\bmolest\w*"
        r"|\binterfer\w* with (?:me|us)\b|\b(?:comes|came|gets|got|climbs) (?:in|into) (?:my|"
        r"our) (?:room|bed) (?:at night|when)\b|\bgrope\w*\b",
        unless=r"\b(?:it|this|that|your|the|what you|the film|the story|the card|the letter|"
               r"the speech|the words?|her words|his words)\b (?:\w+ )?(?:really |deeply )?"
               r"touched (?:me|us|my heart)\b|\btouched my heart\b|\btouch(?:ed)? base\b"
               r"|\b(?:little (?:sister|brother)|baby (?:sister|brother)|dog|cat|puppy|kitten|"
               r"nightmares?|thunder|cuddle)\b",
        routes=(_TO_DOMESTIC,)),
    Cue("abuse", "left without food or care",
        r"\b(?:dont|doesnt|never|wont|didnt|not) (?:get )?(?:feed|fed|feeding) (?:me|us)\b"
        r"|\b(?:lock|locks|locked|padlock|padlocks|padlocked) (?:the )?(?:fridge|food|cupboards?|"
        r"kitchen)\b|\b(?:fridge|food|kitchen|cupboards?) (?:is |are |gets |)(?:locked|"
        r"padlocked)\b|\b(?:go|went|goes|sent) to bed hungry\b|\bleft (?:me|us) (?:alone|on "
        r"(?:my|our) own|home alone|by (?:myself|ourselves)) (?:for|all|at night|overnight|"
        r"with no)\b|\bno one (?:feeds|fed|looks after|looked after) (?:me|us)\b"
        r"|\b(?:starve|starves|starved|starving) (?:me|us)\b", negatable=False),
    Cue("abuse", "made to feel worthless",
        r"\b(?:calls?|called|calling|tells?|told|telling|says|said|saying) (?:me |us |)(?:im |"
        r"i am |i was |were |we are |we were |that im |that i was |youre |)(?:\w+ )?"
        r"(?:worthless|useless|a "
        r"waste of space|a mistake|a burden|nothing|a slag|a slut|a whore|fat|ugly|stupid|thick|"
        r"retard|unwanted|unloved|disgusting|pathetic|a waste)\b|\bonly (?:have|keep|want|"
        r"has|keeps|wants) (?:me|us) for (?:the )?money\b|\b(?:makes?|made) (?:me|us) "
        r"feel (?:worthless|like nothing|like (?:rubbish|shit|dirt)|useless|like a burden)\b"
        r"|\b(?:told|tells) (?:me|us) to kill (?:myself|yourself)\b|\bkill yourself\b",
        routes=(_TO_DOMESTIC,)),
    Cue("abuse", "told nobody wants them",
        r"\b(?:says|said|tells|told|telling|saying) (?:me |us )?(?:\w+ ){0,3}(?:that )?(?:nobody|"
        r"no one) (?:wants|loves|would want|will ever want|cares about|will ever love|would ever "
        r"want|would ever love|will want|will love|likes) (?:me|us)\b|\b(?:laughs|laughed|"
        r"laughing|smirks) (?:at me |at us |)when (?:i|we) (?:cry|cried|am crying|get upset|am "
        r"upset)\b",
        negatable=False, routes=(_TO_DOMESTIC,)),
    Cue("abuse", "threatened by someone",
        r"\b{THREAT} (?:to )?(?:hurt|hit|kill|batter|beat|smash|throw|kick|send) (?:me|us)\b"
        r"|\b(?:threaten|threatens|threatened|threatening) (?:me|us)\b",
        unless=r"\b(?:threaten\w* (?:me|us) with (?:detention|a detention|exclusion|"
               r"(?:a )?consequence|no phone|grounding|a fine)|kill (?:me|us) if i (?:dont|"
               r"forget|lose|break|am late)|(?:will|would|is going to|going to) kill me "
               r"(?:haha|lol))\b",
        routes=(_TO_DOMESTIC, _TO_VIOLENCE)),
    Cue("abuse", "afraid of someone at home or placement",
        r"\b(?:i|im|i am|i was|i get|i feel|we|were|we are|me|makes me|made me|feel) (?:\w+ )"
        r"{0,2}(?:scared|frightened|afraid|terrified|petrified) (?:of|to be around|to be near|to "
        r"be alone with) (?:my )?(?:{KIN}|him|her|them|the staff|staff|the carers|my carers)\b"
        r"|\b(?:scared|frightened|afraid|terrified|dread|dreading|hate) (?:of |about |)(?:going|"
        r"to go) (?:home|back home|back to (?:my )?(?:dads|mums|the house))\b|\bbecause of what "
        r"(?:my )?(?:stepdad|dad|mum|stepmum|uncle|he|she|they|brother|carer) (?:does|did|do|"
        r"keeps doing)\b"
        r"|\b(?:scared|frightened|afraid|terrified) to go (?:home|back)\b(?! to (?:school|"
        r"college|class))",
        unless=r"\b(?:of (?:my )?(?:dad|mum|him|her|them) (?:dying|leaving|being ill|getting ill"
               r"|finding out|moving)|(?:dying|ill|sick|cancer|die)\b)",
        routes=(_TO_DOMESTIC, _TO_VIOLENCE)),
    Cue("abuse", "not safe at home or placement",
        r"\b(?:dont|doesnt|never|not|dont always) (?:feel |felt |)safe (?:at home|at my (?:dads|"
        r"mums|nans|foster)|at (?:my )?(?:placement|carers)|in (?:my|the|this) (?:placement|"
        r"house|home|foster)|here|there|with (?:my |him|her|them|the )|around (?:him|her|them|"
        r"my)|at (?!school|college|night|the moment|all)\w+ (?:lodge|house|court|place|"
        r"home|view|close))\b|\b(?:isnt|is not|wasnt|not) safe (?:at home|in (?:my|the|our) "
        r"(?:house|home|placement)|there|here)\b",
        negatable=False, routes=(_TO_DOMESTIC,)),
    Cue("abuse", "not safe (place not said)",
        r"\b(?:dont|never|not|do not) (?:feel |felt )?safe\b(?! (?:to|talking|telling|saying|"
        r"asking|about|online))", level="review", negatable=False,
        unless=r"\b(?:area|estate|streets?|outside|town|go out|going out|walk\w* (?:home|back)"
               r"|bus|park|online|at school|in school|with money|financially|job|secure)\b"),
    Cue("abuse", "shouted or screamed at",
        r"\b(?:shout|shouts|shouted|shouting|scream|screams|screamed|screaming|swear|swears|"
        r"swore|swearing) (?:at|in) (?:me|us|my face)\b", level="review",
        unless=r"\b(?:teacher|teachers|coach|ref|referee|at school|in class|in pe|sorry)\b",
        routes=(_TO_DOMESTIC,)),
    Cue("abuse", "abuse or neglect named",
        r"\b(?:abuse|abused|abusing|abusive|neglect|neglected|neglecting|beats|beatings)\b",
        level="review", routes=(_TO_DOMESTIC,)),
    # ---------------------------------------------------------------- exploitation
    Cue("exploitation", "county lines or running drugs",
        r"\bcounty lines?\b|\b(?:going|went|gone|go|sent|send|sending|been) (?:ots|country|"
        r"cunch|out country)\b|\btrap (?:house|phone|line)\b|\btrapping\b|\bshotting\b"
        r"|\b(?:run|runs|running|ran|do|doing|did) (?:a line|lines|the line|the phone|drops|"
        r"drop offs|runs|food|packs|deliveries) for\b|\b(?:sell|sells|selling|sold|deal|deals|"
        r"dealing|dealt|move|moving|moved|bag|bagging) (?:up )?(?:drugs|weed|bud|coke|crack|"
        r"food|pills|gear|white|brown|ket|for (?:them|him|some|the|these|older))\b"
        r"|\bplug(?:ged|ging)?\b(?! (?:in|it|sockets?|the))|\bcuckoo\w*|\brunning lines\b",
        unless=r"\b(?:learn\w* (?:my|our|the) lines|(?:phone|bus|train|tram) lines?|"
               r"lines? (?:in|for) (?:the|a|our|my) (?:play|show|film|panto|school)|plug in\b|"
               r"plugged in|sell\w* (?:my |our )?(?:old |)(?:clothes|stuff|things|trainers|"
               r"phone|games|cakes)|dealing with)"),
    Cue("exploitation", "doing runs or drops under threat",
        r"\b(?:doing|do|did|does) (?:the |my |his |their )?(?:runs|drops|drop offs)\b(?=.{0,60}"
        r"\b(?:they|hurt|owe|pay|money|cash|lads|olders|threat\w*)\b)",
        unless=r"\b(?:school runs?|parkrun|park run|running club|paper round|deliveroo|just eat|"
               r"uber eats)\b"),
    Cue("exploitation", "made to carry, hold or sell",
        r"\b(?:made|make|makes|making|forced|force|forces|told|tell|tells|asked|asks|asking|"
        r"get|gets|got|pressure\w*|wants?|wanted) (?:me|us) (?:to )?(?:carry|hold|holding|"
        r"carrying|keep|keeping|sell|selling|deal|dealing|move|moving|drop|dropping|deliver|"
        r"delivering|stash|hide|hiding|do runs|run) (?:\w+ )?{DRUGS}\b"
        r"|\b(?:hold|holding|held|carry|carrying|carried|keep|keeping|kept|hide|hiding|hid|"
        r"stash|stashing|stashed|move|moving|moved|sell|selling|sold|run|running|ran) (?:\w+ )?"
        r"{DRUGS} (?:for|in my|up my|in (?:the|my) (?:bra|"
        r"pants|room|bag|school bag)) ?(?:them|him|some|the|these|older|olders|people|"
        r"a (?:man|guy|lad|mate))?\b",
        unless=r"\b(?:for (?:protection|my protection|safety|self defen[cs]e)|carry\w* (?:my|the|"
               r"our) (?:bag|bags|shopping|stuff|phone)|hold\w* (?:my|"
               r"the|our) (?:phone|bag|money)|pocket money|(?:lunch|dinner|bus) money|for my "
               r"(?:mum|nan|carer|brother|sister)|pack(?:ed)? lunch|for (?:years|ages|so long|a "
               r"long time|my whole life)|while (?:they|he|she|we) (?:play\w*|swim|swam|went "
               r"(?:swimming|in the sea)|got changed)|footy|football|match|pe)\b"),
    Cue("exploitation", "paid to take things to other towns",
        r"\b(?:pay|pays|paid|paying|give|gives|gave) (?:me|us) (?:\w+ )?to (?:take|carry|drop|"
        r"deliver|hold|move|sell|run|keep)\b|\b(?:take|taking|took|carry|carrying|carried) "
        r"(?:bags|packages|parcels|stuff|things|phones) (?:to|round|across) (?:other|another|"
        r"different) (?:towns?|cities|city|areas?|places)\b|\bwork for (?:him|them|her) "
        r"(?:till|until) (?:its|it is|the debt is|i have) (?:paid|paid it|paid off)\b",
        unless=r"\b(?:paper round|babysit\w*|wash (?:the|his|her) car|pocket money|chores|job)\b"),
    Cue("exploitation", "account used, paid in goods, a second phone",
        r"\b(?:used|use|uses|using) (?:my|our) (?:bank )?(?:account|card|bank)s? (?:to"
        r"|for) (?:move|"
        r"moving|send|sending|put|putting|transfer|hold|take|clean)\b|\bmoney (?:through|into) my"
        r" (?:bank|account)\b|\bpaid in (?:trainers|clothes|weed|drugs|food|vapes|stuff|gear|"
        r"phones|cash)\b|\b(?:drop|dropping|dropped|deliver|delivering|delivered|take|taking|"
        r"took|run|running) (?:\w+ ){0,2}(?:stuff|things|packages?|parcels?"
        r"|bags?) (?:off )?(?:for|to)"
        r" (?:someone|somebody|them|him|people|some (?:lads|men|guys))\b|\bcant (?:say|tell "
        r"(?:you|anyone)) what (?:work|i do|the work|the job|job)\b|\b(?:earn|pay|work) (?:it|"
        r"that|them|this|my phone|the money) (?:back|off) by (?:doing|running|selling|holding|"
        r"dropping|taking)\b|\bdoing (?:jobs|favours|runs|drops) for (?:them|him|some|these|the"
        r" olders|older)\b",
        unless=r"\b(?:amazon|royal mail|paper round|my (?:nan|mum|carer|neighbour)|charity "
               r"shop|food ?bank)\b"),
    Cue("exploitation", "carrying bags without knowing what is inside, used by older people",
        r"\b(?:dont|do not|didnt|never) (?:even )?know (?:whats|what is|what was|what) (?:in"
        r"|inside)"
        r" (?:it|them|the bag|the bags|the package|the parcel|the box)\b|\b(?:being|getting|got|"
        r"been) used by (?:some|these|older|the|a|an|this) \w*\b|\b(?:being|getting|been|got) "
        r"used to (?:deal|sell|run|carry|hold|move|drop)\b|\b(?:always|suddenly|now) (?:\w+ )?"
        r"(?:got|has|have|with) (?:loads of |lots of |so much )?(?:cash|money) and new (?:clothes|"
        r"trainers|phones?|stuff)\b|\b(?:got|has|have|had|with|"
        r"wearing) (?:loads of|lots of|all) new (?:stuff|clothes|things|trainers|phones)\b",
        negatable=False, unless=r"\b(?:present|presents|birthday|christmas|mystery box|secret "
                                r"santa)\b"),
    Cue("exploitation", "caught far from home with things that are not mine",
        r"\b(?:arrested|picked up|stopped|found|caught|nicked) (?:\w+ ){0,3}(?:in|at) (?:another|a "
        r"different|some other) (?:town|city|county|area)\b|\b(?:stuff|drugs|things|bags?|"
        r"packages?|parcels?|money|cash|a phone|phones) (?:on me |in my bag )?(?:that|which) "
        r"(?:wasnt|werent|isnt|arent|was not|were not) (?:mine|ours)\b",
        unless=r"\b(?:lost property|lent|borrowed|by mistake|mixed up|school trip|on holiday)\b"),
    Cue("exploitation", "a second phone (weak)",
        r"\b(?:two|2|second|another|extra|a burner|burner) phones?\b",
        level="review", unless=r"\b(?:old phone|broke|broken|smashed|cracked|for school)\b"),
    Cue("exploitation", "older people want something back",
        r"\b(?:want|wants|wanted|expect|expects|expected|ask|asks|asked) (?:something|stuff|"
        r"things|favours|it|me to do (?:something|stuff|things)|sex|pics|pictures) (?:back|in "
        r"return|for it|for them)\b|\b(?:said|says|say|told me|tells me) (?:i|we) (?:owe|owed)\b"
        r"|\b(?:i|we) (?:owe|owed) (?:them|him|some|the|these|people|older|money to|a debt|a "
        r"(?:lad|man|guy|dealer|bloke|gang)|£ ?\d+)\b"
        r"|\b(?:in|into) debt (?:to|with) (?:them|him|some|a|the)\b|\bwork (?:it|that|the debt)"
        r" off\b|\bpay (?:it|them|him) back\b(?! (?:for|when i))",
        unless=r"\b(?:(?:felt|feel|feeling) (?:like )?(?:i|we) (?:owe|owed)|owe (?:them|him|my "
               r"(?:mum|nan|carer|sister|brother)) (?:a favour|one|an "
               r"apology|everything|my life)|owe (?:my |our )?(?:carers?|foster \w+|mum|dad|nan|"
               r"sister|brother|mate|friend|teacher|worker|pa|keyworker|key worker) (?:£ ?\d+|"
               r"money|a (?:fiver|tenner))|pocket money|(?:council|student|phone|rent|arrears) (?:"
               r"debt|tax))"
               r"\b"),
    Cue("exploitation", "pay him back in other ways",
        r"\b(?:make it up|pay (?:it|him|her|them|(?:the|my) (?:rent|share|bills?|debt))"
        r"(?: back)?|pay) (?:to (?:him|her|"
        r"them) )?(?:in|with) (?:other ways|another way|other things|favours|a favour)\b",
        negatable=False),
    Cue("exploitation", "older people giving gifts or lifts",
        r"\b{OLDER} (?:who |that |)(?:\w+ ){0,4}(?:give|gives|gave|giving|buy|buys|bought|buying|"
        r"offer|offers|offered|pick|picks|picked|picking|drive|drives|drove) (?:me|us|you|kids|"
        r"girls|boys) (?:up |"
        r"around |about |)(?:{GIFT}|up|around|about)\b|\b(?:give|gives|gave|giving|buy|buys|"
        r"bought|buying) (?:me|us) (?:free |)(?:weed|drugs|vapes?|alcohol|booze|cigs|fags)\b",
        unless=r"\b(?:my|our) (?:carer|carers|foster|nan|grandad|mum|dad|brother|sister|aunt|"
               r"auntie|uncle|pa|social worker|key ?worker|worker|mentor|teacher|coach)\b"),
    Cue("exploitation", "an adult asks me into his house or car",
        r"\b(?:man|men|guy|bloke|woman|neighbour|he|she|they) (?:\w+ ){0,6}(?:asks?|asking|asked|"
        r"invites?|invited|inviting|keeps asking|wants?) (?:me|us) (?:to come )?(?:in|into|round|"
        r"back|inside|up) (?:to )?(?:his|their|her) (?:house|flat|car|place|van|room)\b",
        level="review", negatable=False),
    Cue("exploitation", "older people giving gifts (weak)",
        r"\b{OLDER} (?:from|on|at|in|round|i met)\b.{0,40}\b(?:give|gives|gave|buy|buys|bought"
        r"|lifts?|money|presents|gifts)\b", level="review",
        unless=r"\b(?:my|our) (?:carer|carers|foster|nan|grandad|mum|dad|brother|sister|pa|"
               r"social worker|worker|mentor|teacher|coach)\b|\bgift cards?\b"),
    Cue("exploitation", "made or pressured to send pictures",
        r"\b(?:made|make|makes|making|forced|force|keeps? asking|asked|asks|asking|wants|wanted"
        r"|pressure\w*|begging|begged|tells?|told|get|gets|got|tried to get) (?:me|us) (?:to )?"
        r"(?:send|sending|take|taking|share|sharing) (?:\w+ )?{PICS}\b|\bsen[dt] (?:him|them|"
        r"her) (?:\w+ )?{PICS}\b|\bnudes\b|\b(?:wants|wanted|asking for|asks for|asked for|"
        r"keeps asking for|begging for|demanding|demands) (?:more |some |new |)(?:{PICS})\b"
        r"|\b(?:takes|took|taking|take|filmed|films|filming) (?:\w+ )?(?:photos|pictures|pics|"
        r"videos|vids) of (?:me|us)\b",
        unless=r"\b(?:of (?:my|the) (?:dog|cat|room|food|art|homework|work|drawing|holiday)|"
               r"for (?:my|the) (?:portfolio|project|homework|passport|id|pa)|damp|mould|repairs?"
               r"|evidence|receipts?|landlord|council|housing|the leak)\b"),
    Cue("exploitation", "threat to share pictures",
        r"\b(?:{THREAT}|will|would|gonna) (?:to )?(?:share|send|post|show|leak|put) (?:\w+ )?"
        r"(?:my |the |our |me )?{PICS}\b|\b(?:share|send|post|leak|show) (?:\w+ )?{PICS} "
        r"(?:unless|if i dont|if i didnt|if we dont)\b|\bsextort\w*|\bblackmail\w*"
        r"|\b(?:share|send|post|leak|show) (?:the |my |)(?:other )?(?:ones|them|it) (?:to \w+ )?"
        r"(?:if|unless) (?:i|we) (?:dont|didnt|wont|do not|stop)\b|\b(?:or|otherwise|else) "
        r"(?:theyll|they will|hell|he will|shell|she will|theyre going to|hes going to|they "
        r"would|he would) (?:\w+ )?(?:post|share|send|leak|show|put up) (?:\w+ )?(?:my|the|"
        r"our|me) ?(?:\w+ )?{PICS}\b|\b(?:turned out to be|wasnt who (?:they|he|she) said"
        r"|was really) (?:someone else|a (?:man|grown man|adult|fake)|an (?:adult|older man))\b"
        r"[^.]{0,60}\b(?:money|pay|{PICS}|meet|threat\w*|demand\w*)\b", negatable=False),
    Cue("exploitation", "someone online wants secrets, meeting or pictures",
        r"(?:\b(?:man|men|guy|guys|someone|somebody|person|boy|lad|girl|people|adult|older \w+)"
        r" (?:i (?:met|talk to|chat to|play with) )?{ONLINE}|\b(?:met|meet|talk to|talked to|"
        r"chat to|chatting to|speak to|speaking to) (?:him|her|them|someone|a (?:man|guy|boy|"
        r"lad|girl)) {ONLINE}).{0,80}\b(?:secret|meet (?:up|him|her|them)|send (?:\w+ )?"
        r"{PICS}|dont tell|not to tell|come to (?:his|their) (?:house|flat|place)|gifts?|money|"
        r"skins|vbucks|v bucks|robux)\b", negatable=False),
    Cue("exploitation", "says I am mature for my age, age is just a number",
        r"\bmature for (?:my|your|her|his) age\b|\bage is (?:just|only) a number\b"),
    Cue("exploitation", "a much older partner of a child",
        r"\b(?:{PARTNER}|he|she|hes|shes)(?: is)? (?:1[89]|2\d|3\d|4\d)\b(?! (?:minutes|mins|"
        r"hours|quid|pounds|miles|percent))(?=.{0,120}\b(?:im|i am|im only|and im|i was|i turned)"
        r" (?:only )?(?:1[0-5]|twelve|thirteen|fourteen|fifteen)\b)|\b(?:im|i am|im only|i was) "
        r"(?:only )?(?:1[0-5]|twelve|thirteen|fourteen|fifteen)\b.{0,120}\b(?:{PARTNER}|he|hes|she|"
        r"shes)(?: is)? (?:1[89]|2\d|3\d|4\d)\b(?! (?:minutes|mins|hours|quid|pounds|miles|"
        r"percent))", negatable=False),
    Cue("exploitation", "an adult says I am mature or wants to meet",
        r"\b(?:1[89]|2\d|3\d|4\d|twenty \w+|thirty "
        r"\w+|twenty|thirty) ?(?:year old|yr old|yo|years old)\b.{0,60}\b(?:messag\w*|texts?|"
        r"texting|snap\w*|dms?|dming|meet|meet up|chat\w*|adds?|added|wants?)\b"
        r"|\b(?:picked up|collected|pick me up|picks me up) (?:from (?:the |my )?(?:unit|school|"
        r"home|placement|college|house) )?by (?:a|an|some|this|these|random|older) (?:guy|man|"
        r"men|lads?|bloke|older \w+|someone)\b",
        unless=r"\b(?:my|our) (?:carer|carers|foster|nan|grandad|mum|dad|brother|sister|pa|"
               r"social worker|worker|mentor|teacher|coach|taxi)\b"),
    Cue("exploitation", "someone has pictures or forces what I do",
        r"\b(?:has|got|have|had|took|taken) (?:\w+ )?{PICS} of (?:me|us)\b.{0,60}\b(?:send|"
        r"share|post|show|school|everyone|unless|if i)\b|\bif (?:i|we) dont do what (?:he|she|"
        r"they) (?:says?|wants?|tells? me)\b", negatable=False),
    Cue("exploitation", "offered easy money or messaged by strange adults",
        r"\b(?:earn|make|making|get) (?:some |a bit of |)(?:easy|quick|fast|free) (?:money|cash|"
        r"dough|p)\b|\b(?:random|older|strange|grown|adult|unknown) (?:men|man|guys?|blokes?|"
        r"adults|lads) (?:\w+ )?(?:started|keep|keeps|kept|been|are|were)? ?(?:messaging|texting|"
        r"adding|dming|snapping|contacting|following) (?:me|us)\b",
        unless=r"\b(?:scam|scams|job ad|side hustle|selling my|vinted|ebay|depop|babysit\w*)\b"),
    Cue("exploitation", "someone met online",
        r"\b(?:man|men|guy|guys|someone|somebody|person|boy|lad|girl|people|adult|older \w+)"
        r" (?:i|we) (?:met|meet|talk to|talked to|chat to|chatted to|speak to|play with|game "
        r"with|know|only know) {ONLINE}\b|\b{ONLINE} (?:wants|asked|asks|keeps asking) (?:me|us)"
        r" to (?:meet|send|keep|not tell)\b",
        level="review"),
    Cue("exploitation", "an adult who says he is family but is not",
        r"\b(?:isnt|is not|not|aint) (?:really|actually|even|properly) (?:my|our) (?:uncle|"
        r"auntie|aunt|cousin|brother|sister|godfather|stepdad)\b|\b(?:calls?|called|says?|said)"
        r" (?:himself|herself|hes|shes|he is|she is) (?:my|our) (?:uncle|auntie|cousin|big "
        r"brother)\b|\b(?:pretend\w*|make out|makes out|made out) (?:\w+ ){0,2}(?:my|our) "
        r"(?:uncle|auntie|cousin|brother|sister|dad)\b",
        unless=r"\b(?:step|half|foster|adopt\w*|blood|biological|family friend|godparent\w*|like"
               r" (?:an|a) (?:uncle|brother|sister|auntie))\b", negatable=False),
    Cue("exploitation", "comes back with new things or money",
        r"\b(?:coming|came|comes|come) back (?:\w+ )?with (?:new (?:phones?|trainers|clothes|"
        r"stuff)|loads of (?:money|cash|stuff)|money|cash|her nails done)\b", level="review"),
    Cue("abuse", "an adult says to keep it secret",
        r"\b(?:says|said|tells|told|saying|telling) (?:me |us |)(?:that )?(?:its|it is|it was)? ?"
        r"(?:our|a) (?:little |special )?secret\b|\b(?:told|tells|says|said|saying) (?:me |us |)"
        r"(?:not to|to never|never to|to not|dont) tell\b|\b(?:wants?|wanted|asks?|asked|makes?|"
        r"made|tells?|told|gets?) (?:me|us) to keep (?:\w+ )?secrets?\b", negatable=False,
        unless=r"\b(?:surprise|party|present|birthday|christmas)\b"),
    Cue("abuse", "a secret (weak)",
        r"\b(?:our|its our|its a) (?:little )?secret\b", level="review", negatable=False,
        unless=r"\b(?:surprise|party|present|birthday|christmas|recipe)\b"),
    Cue("exploitation", "grooming named",
        r"\bgroom(?:ed|ing|s)?\b(?! (?:the|my|a|our|his|her) (?:dog|dogs|horse|horses|pony|pet|"
        r"cat|hair))|\bexploit(?:ed|ing|ation)?\b|\btraffick\w*|\bmodern slavery\b",
        unless=r"\b(?:dog|dogs|horse|horses|pony|pets?|hair|salon)\b"),
    Cue("exploitation", "made to work for no pay",
        r"\b(?:work|works|working|worked) for (?:free|nothing|no (?:money|pay|wages))\b"
        r"|\b(?:dont|never|didnt|do not) (?:even )?get paid\b(?=[^.]{0,60}\b(?:cant leave|owe|"
        r"my keep|debt|for my (?:room|bed|keep)|pay (?:him|them) back)\b)"
        r"|\b(?:dont|doesnt|never|wont|didnt) (?:get )?pa(?:y|id) (?:me|us)\b"
        r"|\b(?:took|takes|taken|has|keeps|kept|got) (?:my|our) (?:passport|id|documents|papers)"
        r"\b|\b(?:made|make|makes|forced|force) (?:me|us) (?:to )?work\b|\b(?:forced|made) to "
        r"work\b|\b(?:boss|employer|owner|manager|they|them|the (?:man|men|guy|lads)) (?:\w+ )?"
        r"(?:keeps|takes|took|kept|holds|held|has) (?:all )?(?:my|our) (?:money|wages|pay|"
        r"passport|id)\b(?=[^.]{0,40}\b(?:debt|owe|cant leave|till|until|for (?:my|the) "
        r"(?:rent|room|travel|debt)))|\b(?:work|working|worked|pay|paying) off (?:my|a|the|our) "
        r"debt\b",
        negatable=False,
        unless=r"\b(?:volunteer\w*|work experience|placement|apprentice\w*|chores|homework|"
               r"housework|lost my|renew|for my (?:pa|social worker)|the council|the home office)"
               r"\b", routes=(_TO_DOMESTIC,)),
    # ---------------------------------------------------------------- missing
    Cue("missing", "running away",
        r"\b(?:run|runs|ran|running|runnin) (?:away|off)\b|\b(?:do|did|doing|done|pull|pulled) "
        r"a (?:runner|bunk)\b|\babscond\w*|\blegged it (?:from|out of)\b",
        unless=r"\b(?:from (?:a|the) (?:dog|spider|wasp|bee|bees|goose|geese|clown|cow|bull|"
               r"police horse)|with (?:the|my|a) (?:ball|prize|money|game|show)|ran away with "
               r"it|run away with (?:it|the)|time|in (?:a|the) (?:game|film|book|story)|run "
               r"off (?:my|the) (?:energy|feet)|ran off (?:to|into) (?:class|school|the shop|"
               r"play|lunch)|race|races|sports day|fast|faster|relay|(?:dog|cat|pet|hamster|"
               r"rabbit|budgie|tortoise|horse|pony) (?:ran|run|runs)|(?:run|runs|ran|running) off "
               r"with (?:my|the|a|his|her|our|your) (?!(?:\w+ )?(?:boyfriend|girlfriend|mates?|"
               r"friends?|brother|sister|cousins?|partner|ex|older|man|men|guys?|lads?|boys?|"
               r"girls?|bloke|fella|dad|mum|uncle|family|someone))\w+|(?:call\w*|put\w*|writ\w*|"
               r"wrote|labell?\w*|say|says|said) (?:it |me |us )?(?:as )?(?:absconding|"
               r"absconded|a runner))\b"),
    Cue("missing", "out all night or gone for days",
        r"\b(?:out|around|about|round|on the streets|walking|walk|walked|walks|wander\w*) (?:\w+ )?"
        r"all night\b"
        r"(?!.{0,30}\b(?:party|gaming|sleepover|revising|festival)\b)|\b(?:been|was|were|id "
        r"been|had been) gone (?:for )?(?:\d+|a few|two|three|four|five|six|several|a couple "
        r"of) (?:days|nights)\b|\b(?:police|coppers|they) (?:found|brought|picked) (?:me|us) "
        r"(?:up )?(?:in|back|from|at|on)\b|\b(?:police|coppers) (?:\w+ ){0,5}(?:find|look for|"
        r"looking for|search for|searching for) (?:me|us)\b|\b(?:police|coppers|staff|carers|"
        r"they) (?:\w+ ){0,2}(?:out |)(?:looking|searching) for (?:me|us) (?:all night|for hours|"
        r"everywhere)\b"
        r"|\binstead of (?:going )?(?:back|home) (?:to (?:the|"
        r"my) (?:home|placement|unit|carers|house))?\b",
        unless=r"\b(?:stayed up all night|gaming|revising|party|sleepover)\b"),
    Cue("missing", "cannot, will not or did not go back",
        r"\b(?:cant|wont|not going to|refuse to|too scared to) go back (?:to (?:the|my) "
        r"(?:placement|home|unit|carers|house|foster)|home)\b|\b(?:didnt|did not|never) "
        r"(?:go|come|went|came) back (?:to (?:the|my) (?:placement|home|unit|carers|foster \w+)|"
        r"(?:home|in) (?:that|last|at) night)\b", level="review",
        negatable=False),
    Cue("missing", "going missing",
        r"\b(?:go|goes|going|went|gone|been|keep|keeps|kept) (?:going )?"
        r"(?:reported )?missing\b(?! (?:out|lessons?|school|class|you|my|home|people|them|him|"
        r"her|it|the|family|friends|stuff|things|a lot of|lots of|some|college|days|half))|\b(?:wa"
        r"s|were|"
        r"is|am|im) missing (?:for (?:days|a (?:day|week|night)|hours|\w+ (?:days|nights|"
        r"hours|weeks))|from (?:care|home|my placement|the home|the unit))\b"
        r"|\breported (?:me |us )?(?:as )?missing\b|\bmissing (?:from|person|episode\w*|"
        r"persons?|from care|from home)\b"
        r"|\bmisper\w*\b",
        unless=r"\b(?:missing (?:out|you|my|home|them|school)|(?:my|the|a|our|his|her|their|"
               r"some) (?!(?:\w+ )?(?:brother|sister|bro|sis|siblings?|friends?|mates?|cousins?|"
               r"bestie|son|daughter|baby|kids?|child|children|mum|dad|boyfriend|girlfriend|"
               r"partner|girls?|boys?|lads?|man|woman|person|people)\b)(?:\w+ ){0,4}\w+ "
               r"(?:went|goes|has gone|have gone|gone|keep going|keeps going|go) missing|"
               r"(?:something|anything|stuff|"
               r"things|it|nothing) (?:\w+ )?(?:goes|went|go|going|gone) missing|(?:my|the|a|our|"
               r"his|her|their) "
               r"(?:cat|dog|keys|"
               r"phone|sock|socks|money|stuff|things|charger|trainers?|homework|bag|coat|clothes"
               r"|wallet|purse|hamster|rabbit|tortoise|pet|bike)s? (?:\w+ )?(?:go|goes|went|gone"
               r"|is|was|keep going|keeps going|going)? ?missing|(?:keys|phone|sock|socks|money|"
               r"stuff|things|charger|trainers?|homework|bag|coat|clothes|wallet|purse) (?:\w+ )?"
               r"(?:go|goes|went|gone|is|was|keep going|keeps going) missing)\b"),
    Cue("missing", "out of the window or crashing anywhere",
        r"\b(?:climb|climbs|climbed|climbing|go|goes|going|went|sneak|sneaks|sneaking|sneaked|"
        r"snuck|get|gets|got|getting|jump|jumped) (?:out|through) (?:of )?(?:the|my|a) window\b"
        r"|\bcome back (?:in the morning|the next (?:day|morning)|next day)\b|\b(?:go|went|"
        r"going|gone) awol\b|\bawol\b|\b{SLEEP} (?:wherever|anywhere i can|at different "
        r"(?:houses|places|peoples)|round different|in different (?:houses|places))\b|\b(?:"
        r"different|another) (?:house|houses|place|places|sofa|sofas) (?:most|every) nights?\b"
        r"|\b(?:dont|didnt|doesnt|never|wont) come (?:home|back) (?:till|until) (?:[1-6]|"
        r"midnight|one|two|"
        r"three|four|five|the morning|morning)\b"
        r"|\b(?:sneak|sneaks|sneaking|snuck|sneaked|slip|slips|slipped|slipping|get|gets|got|"
        r"getting|climb|climbs|climbed) out (?:\w+ ){0,3}(?:after|at|during|in the middle of) "
        r"(?:lights out|bedtime|bed time|night|midnight|the night|dark)\b|\b(?:get|got|come|"
        r"came|sneak|sneaking|creep|back) (?:back|in) (?:\w+ )?before (?:breakfast|anyone (?:wakes"
        r"|gets up)|the staff|staff|my carers|they) (?:wake|get up|notice|check)?\b"
        r"|\bafter lights out\b(?=.{0,40}\b(?:out|meet|leave|go|went|sneak\w*)\b)",
        unless=r"\b(?:fire drill|fresh air|open the window|sleepover|holiday|on my phone|"
               r"reading|read|torch|midnight feast|gaming|xbox)\b", negatable=False),
    Cue("missing", "out at night and nobody knows where",
        r"\b(?:leave|leaving|left|leaves|sneak out of|sneaking out of|go out of) (?:the |my )?"
        r"(?:placement|unit|home|house|carers) (?:at night|in the night|after dark|when (?:staff|"
        r"everyone|they) (?:are|is) asleep)\b|\b(?:staff|nobody|no one|noone|my carers|they) "
        r"(?:dont|doesnt|didnt|dont even|never) (?:know|knows|knew) where (?:i am|im|i go|i was|i"
        r" sleep)\b|\b(?:living|live|lived) out of (?:a|my) (?:bag|backpack|rucksack|suitcase)"
        r"\b|\bbetween (?:mates|friends|peoples|different) (?:houses|places|sofas|flats)"
        r"\b|\b(?:hide|hiding|hid|stay|staying|wait|waiting|sit|sitting) (?:\w+ ){0,4}(?:until|"
        r"till) (?:everyone|they|he|she|mum|dad|my stepdad|my dad)(?: at home)? (?:is|are|has|"
        r"have|goes|go|went)? ?(?:asleep|gone to bed|gone out|left)\b"
        r"|\b{SLEEP} (?:\w+ ){0,2}(?:at|round|with|over at)\b[^.]{0,80}\b(?:my (?:carers|"
        r"foster carers|social worker|mum|dad|worker)|staff|the staff|nobody|no one|they) "
        r"(?:dont|doesnt|didnt|never|do not|does not) (?:even )?know\b(?! (?:why|how|what))",
        negatable=False),
    Cue("missing", "not coming home at night",
        r"\b(?:dont|didnt|never|not|wont|havent|hasnt) (?:come|came|go|went|going|coming|been|"
        r"gone) (?:home|back)(?: to (?:my |the )?(?:placement|house|home|unit|carers))? (?:at "
        r"night|last night|all night|for (?:days|nights|a (?:few )?(?:days|nights)|(?:two|three|"
        r"2|3|4|four) (?:days|nights)|the weekend|a week)|till (?:the )?(?:morning|next day)|"
        r"until (?:the )?(?:morning|next day)|overnight)\b|\b(?:stay|stayed|staying|stays|been|"
        r"was|out|go|goes|going|went) out (?:all night|overnight|till (?:[1-5]|midnight|one|two|"
        r"three|four|five|"
        r"the morning|morning|next day)\b|until (?:the morning|morning|next day|[1-5]\b)|for "
        r"days)\b", negatable=False),
    Cue("missing", "sleeping rough or in cars",
        r"\b{SLEEP} (?:rough|on the streets?|in (?:a |the |my |his |their |someones |my \w+s |"
        r"\w+s )?(?:car|"
        r"cars|car park|park|stairwell|tent|bus station|train station|bin shed|doorway|shed|"
        r"garage|bus shelter|underpass)|outside|on (?:a |the )?(?:bench|benches|streets?|night "
        r"bus|night buses|buses|trains))\b|\b(?:{SLEEP}|bed|beds|living|lived|live|lives|home) "
        r"(?:\w+ ){0,4}(?:back seat|backseat|front seat) of\b|\bstreet homeless\b"
        r"|\bsofa ?surf\w*|\bcouch ?surf\w*|\b{SLEEP} on (?:a |the )?(?:different|someones|"
        r"random|mates|a mates|friends|a friends|strangers|peoples) (?:sofa|couch|floor)s?\b"
        r"|\b(?:slept|sleep|sleeping|sleeps|kip\w*|crash\w*) at (?:a |the )?(?:bus station|train "
        r"station|station|car park|bus stop)\b|\b(?:im|i am|ive been|been|ended up|end up|living|"
        r"now|still) (?:\w+ )?on the streets?\b(?! (?:next|near|by|where|opposite|behind|with|"
        r"outside|at|in|round|from))",
        unless=r"\b(?:camping|festival|holiday|scouts|cubs|brownies|guides|dofe|duke of "
               r"edinburgh|road trip|garden|back garden|sleepover)\b",
        routes=(("destitution", (r"\b(?:lost my (?:flat|home|tenancy|place|house)|evicted|"
                                r"kicked out of my (?:flat|house)|tenancy)\b")),)),
    Cue("missing", "staying with strangers",
        r"\b{SLEEP} (?:at|with|round|on the floor of|on the sofa of) (?:random|strangers?|"
        r"people i (?:dont|didnt|barely|hardly) (?:really )?know|someone i (?:dont|didnt|barely|"
        r"hardly) (?:really )?know|some (?:guys?|mans?|man|men|lads?|bloke|blokes|random|older)|"
        r"older (?:lads|guys|men|man|boys|people)|(?:a |some )?(?:man|guy|bloke) i (?:met|just "
        r"met|dont know))\b|\b(?:with|at) (?:people|someone|a guy|a man|men|guys|lads) "
        r"(?:i|ive|id) (?:only |just |only just |barely |hardly )?(?:met|know)\b|\b(?:houses|"
        r"flats|places|sofas|floors) (?:of )?(?:people |someone )?(?:that )?i (?:dont|didnt|"
        r"barely|hardly|do not) (?:really |even )?know\b",
        negatable=False),
    Cue("missing", "means to leave and not come back",
        r"\b(?:go|leave|walk out|run|run off|disappear|take off|pack a bag) and (?:not|never) "
        r"(?:come|go) back\b|\b(?:go|going|run|running|leave|leaving) (?:off )?(?:somewhere|to "
        r"where) (?:no one|nobody|they|staff|my carers) (?:will|can|would|wont|cant|will not) "
        r"(?:ever )?find (?:me|us)\b",
        level="review", negatable=False,
        unless=r"\b(?:holiday|uni|university|abroad|travel\w*|australia|america|spain|this "
               r"(?:town|country|city|area)|college|job)\b"),
    Cue("missing", "homeless or locked out: nowhere safe to sleep",
        r"\bstreet homeless\b|\b(?:im|i am|ive been|i was|i became|i ended up|been|was) (?:\w+ )?"
        r"homeless\b|\b(?:landlord|council|housing|they|staff) (?:\w+ ){0,2}(?:changed the locks|"
        r"locked me out)\b|\b(?:im|i am|i was|left) (?:stuck )?outside with (?:nothing|no)\b",
        unless=r"\b(?:homeless (?:people|shelter volunteer|charity|charities)|volunteer\w*)\b"),
    Cue("exploitation", "staying with an older man",
        r"\b(?:staying|stays|stayed|sleeping|sleeps|slept|goes|going|went|living|lives) "
        r"(?:round |over |)(?:at |with |to )(?:an |some |this |these |a )?older (?:man|men|guy|"
        r"guys|lad|lads|boyfriend|bloke)s?\b"),
    Cue("missing", "nowhere safe to stay",
        r"\b(?:nowhere|no where|no place|not anywhere|nowhere safe|no safe place|not got "
        r"anywhere|havent got anywhere|dont have anywhere|dont have a place|no one to stay with|"
        r"nobody to stay with) (?:safe )?(?:to |i can )?(?:go|stay|sleep|live|be)\b"
        r"(?:.{0,20}\b(?:tonight|right now|this weekend|this week|at the moment|atm)\b)"
        r"|\bnowhere safe\b",
        negatable=False),
    # ---------------------------------------------------------------- domestic_abuse
    Cue("domestic_abuse", "partner hurts or threatens",
        r"\b(?<!mums )(?<!mams )(?<!dads )(?<!her )(?<!his )(?<!nans )(?<!sisters )(?<!brothers )"
        r"(?<!friends )(?<!mates )(?:my |the |me |our |babys |kids |)(?:{PARTNER}) (?:\w+ ){0,3}"
        r"(?:{HIT}|"
        r"threaten\w*|strangl\w*|chok\w*|smash\w*|broke my|throws|threw|spat|spits) (?:\w+ )?"
        r"(?:me|at me|my|us|her|the baby|my baby)\b|\b(?:{PARTNER}) (?:has been|is|was|gets|"
        r"can be|been|became|got) (?:\w+ )?(?:violent|abusive|aggressive|rough|nasty|physical)"
        r"\b|\b(?:abusive|violent|controlling|toxic) relationship\b|\b(?:{PARTNER})\b[^.]{0,80}"
        r"\bif (?:i|we) (?:ever )?(?:leave|left|end it|break up|dont|tell|go)\b|\bif i (?:ever )?"
        r"leave (?:him |her |)(?:he|she|hell|shell)\b|\b(?<!mums )(?<!her )(?:my |me |our |)"
        r"(?:{PARTNER}) (?:\w+ ){0,2}(?:threaten\w* to (?!(?:break up|dump|leave|finish|split|"
        r"end it|unfollow|block)\b)|(?:says|said) (?:hell|shell|hed|shed|he will|she will|he "
        r"would|she would) (?:\w+ )?(?:burn|kill|hurt|smash|stab|batter|strangle))",
        unless=_HIT_IDIOMS),
    Cue("domestic_abuse", "partner controls money, phone or going out",
        r"\b{PARTNER} (?:\w+ ){0,2}(?:takes|took|has|had|keeps|kept|controls|checks|checking|"
        r"goes through|track|tracks|tracking|smashed|broke|reads|stole|steals|spends) (?:all )?"
        r"(?:my|our) (?:money|phone|bank cards?|cards?|benefits|universal credit|wages|pay|keys|"
        r"passport|messages|location)\b|\b{PARTNER} (?:\w+ ){0,2}(?:wont|doesnt|dont|never) let (?"
        r":me|us) "
        r"(?:see|go|have|talk|leave|work|out|speak|use|keep|get)\b|\b{PARTNER}\b.{0,40}\b"
        r"(?:controlling|coercive)\b|\b(?:controlling|coercive) (?:relationship|{PARTNER})\b"
        r"|\b(?:he|she) (?:\w+ ){0,2}(?:controls|takes|took|keeps|kept|has|had|spends|stole|steals)"
        r" (?:all )?my (?:money|universal credit|benefits|bank card|card|wages|pay)\b"
        r"|\b(?:someone|he|she|{PARTNER}) (?:who |that )?(?:controlled|controls|was controlling|"
        r"is controlling) (?:everything|every|all|my|what|where|who)\b"
        r"|\b(?:he|she) (?:\w+ ){0,2}(?:checks|reads|goes through|went through|checked|read) "
        r"(?:all )?my (?:messages|texts|phone|snaps|dms)\b"
        r"|\b(?:makes?|made) (?:me|us) (?:give|hand over|transfer) (?:him |her |them |)(?:all )?"
        r"(?:my|our) (?:money|wages|pay|benefits|universal credit|card|bank card)\b"
        r"|\b{PARTNER} (?:\w+ ){0,2}(?:takes|took|has|keeps|spends) (?:whatever|any|all the) "
        r"money (?:i|we)\b"
        r"|\b(?:taken|takes|took|taking) over (?:all )?(?:the|my|our) (?:money|finances|bank|"
        r"benefits|universal credit)\b|\b{PARTNER}\b[^.]{0,80}\b(?:have|has|need) to ask (?:him|"
        r"her) (?:for (?:money|every penny|anything)|before i (?:buy|spend|go)|when i (?:need|"
        r"want) to (?:buy|spend|go))\b|\bchecks? (?:all )?(?:the|my) receipts\b",
        negatable=False, unless=r"\bcontrolling (?:my )?(?:anger|temper|breathing|asthma)\b",
        routes=(("abuse", (r"\b(?<!babys )(?<!baby )(?<!kids )(?<!sons )(?<!daughters )(?:dad|"
                           r"mum|stepdad|stepmum|carers?|foster|staff|nan|uncle|brother|sister)"
                           r"\b")),)),
    Cue("domestic_abuse", "phone broken so I cannot call anyone",
        r"\b(?:smashed|smashes|broke|breaks|snapped|snaps|stamped on|stamps on|threw|throws|hid|"
        r"hides) (?:my|our) (?:phone|sim|sim card)\b[^.]{0,15}\bso (?:that )?(?:i|we) "
        r"(?:couldnt|cant|cannot|could not|wouldnt|would not|can not) (?:\w+ )?(?:ring|call|"
        r"phone|text|message|contact|tell|speak to|talk to|get (?:help|hold of))\b",
        negatable=False, routes=(_TO_ABUSE,)),
    Cue("domestic_abuse", "partner goes mad, stalking",
        r"\b{PARTNER} (?:\w+ ){0,2}(?:goes|gets|went|got|kicks off|kicked off) (?:mad|crazy|nuts|"
        r"angry|psycho|mental|off) (?:if|when|at me)\b|\bstalk\w* (?:me|us)\b|\b(?:turns|turned|"
        r"turning|keeps turning|keep turning) up at (?:my|our) (?:work|flat|house|college|door|"
        r"school|nursery)\b", negatable=False,
        routes=(("violence", r"^(?!.*\b(?:ex|exs|{PARTNER}|he|him)\b)"),)),
    Cue("domestic_abuse", "never allowed out without a partner (weak)",
        r"\b(?:she|he|my (?:mum|sister|auntie|nan|brother)) (?:never|cant|isnt allowed to|is not "
        r"allowed to|doesnt|is never allowed to|cannot) (?:\w+ )?(?:go|goes|going|see|sees|talk "
        r"to|leave the house) (?:\w+ )?(?:anywhere|anyone|out|her friends|his friends|us|her "
        r"family)? ?without (?:him|her|her (?:{PARTNER}|husband)|his (?:{PARTNER}|wife))\b",
        level="review", negatable=False),
    Cue("domestic_abuse", "hurts me then says sorry",
        r"\b(?:{HIT}|shoves|grabs|throws things)\b[^.]{0,60}\b(?:(?:always|then|but) (?:\w+ )?"
        r"(?:says|said) (?:\w+ )?sorry|says? (?:it|that) (?:wont|will never) happen again|"
        r"promises? (?:it wont|hell never|shell never|never to)|buys me (?:flowers|stuff|"
        r"presents) after)\b",
        unless=_HIT_IDIOMS + r"|\b(?:lol|haha|pool|game|playing)\b"),
    Cue("domestic_abuse", "afraid of a partner",
        r"\b(?:scared|frightened|afraid|terrified|petrified) (?:of|to leave|to tell|to go home "
        r"to) (?:my |her |the )?(?:{PARTNER}|him)\b(?=.{0,60}\b{PARTNER}\b)|\b(?:scared|"
        r"frightened|afraid|terrified|petrified) (?:of|to leave) (?:my |the )?{PARTNER}\b"),
    Cue("domestic_abuse", "violence between adults at home",
        r"\b(?:dad|father|stepdad|stepfather|mums boyfriend|mums partner|mums fella|her boyfriend"
        r"|her partner|he) (?:\w+ ){0,2}(?:{HIT}|threaten\w*|strangl\w*|chok\w*|screams? at|"
        r"screaming at|shouts? at|shouting at|yells? at|yelling at) (?:my |our )?(?:mum|mother|"
        r"stepmum|her)\b|\b(?:mum|mother|stepmum) (?:\w+ ){0,2}(?:{HIT}|stabbed|threaten\w*) "
        r"(?:my |our )?(?:dad|father|stepdad|her boyfriend|her partner)\b|\b(?:she|mum|my mum|my "
        r"sister) (?:\w+ )?flinch\w* (?:when|whenever|if|every time) (?:he|her (?:partner|"
        r"boyfriend|husband))\b|\b(?:mum|dad|parents|they) (?:and (?:my |"
        r"her |)?(?:dad|stepdad|mum|boyfriend|partner) )?(?:fight|fighting|fights|fought|row|"
        r"rowing)\b.{0,50}\b(?:police|hurt|blood|smash\w*|hit|bruis\w*|scared|hospital)\b"
        r"|\b(?:mums|mams|her|sisters|my sister|dads|his) (?:new )?(?:{PARTNER}|husband|wife) "
        r"(?:\w+ ){0,3}(?:{HIT}|threaten\w*|strangl\w*|throws (?:\w+ )?at|threw (?:\w+ )?at|"
        r"controls|controlling|is controlling|seems (?:\w+ )?(?:controlling|violent|scary)|"
        r"violent|abusive) ?(?:her|him|my mum|my sister|my dad)?\b|\b(?:lives|living|is) with "
        r"(?:a|some|this|her|an older) (?:guy|man|bloke|fella|lad|boyfriend|partner) (?:who|that)"
        r" (?:\w+ )?(?:{HIT}|threatens|controls)\b|\b(?:he|she) (?:\w+ )?(?:throws|threw|"
        r"chucks|chucked) (?:\w+ )?at (?:her|my mum|mum)\b|\b(?:mum|her) and (?:her |my )?"
        r"(?:{PARTNER}|dad|stepdad) (?:fight|argue|row|scream)\w*\b|\bdomestic (?:abuse|"
        r"violence)\b|\b(?:police|coppers) (?:come|came|called|were called|"
        r"get called|got called) (?:round|to (?:ours|the house|our house))\b",
        unless=_HIT_IDIOMS),
    # ---------------------------------------------------------------- violence
    Cue("violence", "stabbed or weapons",
        r"\b(?:stab|stabs|stabbed|stabbing|stabbings|shank|shanked|shanking|slash|slashed|"
        r"machete|machetes|zombie knife|rambo knife|acid attack|shot at|got shot|been shot)\b"
        r"|\b(?:carry|carries|carrying|carried|got|has|have|had|pulled|pull|pulls|pulled out|"
        r"brought|bring|keep|keeps) (?:a |his |their |out a |out )?(?:knife|knives|blade|"
        r"shank|gun|strap|bat|hammer|machete|weapon|weapons|blades|shanks)\b(?! (?:and fork|"
        r"set))|\b(?:carry|carrying|carries|carried|keep|keeps|bring|brings|take|takes) (?:\w+ )"
        r"{0,2}(?:for|as) (?:protection|my protection|self defen[cs]e|safety|my safety)\b"
        r"|\b(?:showed|shows|flashed|flashes|waved|waves|pointed|points) (?:me |us )?(?:a |his |"
        r"her |their |the )?(?:knife|blade|gun|machete|weapon|shank)\b|\bknife (?:crime|to my|"
        r"at my|to me|at me)\b|\bguns?\b(?=.{0,30}\b(?:at me|at us|to my"
        r"|point\w*)\b)|\bpulled (?:a )?(?:knife|blade|gun) on\b",
        unless=r"\b(?:back ?stab\w*|stabbed (?:me )?in the back|knife and fork|butter knife|"
               r"(?:cooking|kitchen|bread|steak) knife|knife skills|to cut (?:up )?(?:food|"
               r"veg|my food)|nerf|water gun|glue gun|laser|game|fortnite|cod|call of duty|"
               r"film|book|slashed (?:prices|budgets?|funding)|flu shot|shot at (?:goal|it|"
               r"the)|a shot at|cricket bat|baseball bat at the|rounders|lazer|paintball\w*|"
               r"laser tag|airsoft|rape alarm|whistle|torch)\b"),
    Cue("violence", "attacked or jumped",
        r"\b(?:got|get|gets|getting|been|being|was|were) (?:jumped|attacked|mugged|robbed|"
        r"chased|beaten up|battered|shot|stabbed|slashed|set on|set upon|ganged up on|glassed|"
        r"kicked in|ambushed|surrounded)\b"
        r"|\b(?:jumped|mugged|robbed|battered|glassed|chased) (?:me|us|my (?:mate|brother|"
        r"friend))\b|\b(?:beat|beating|beaten|smashed|kicked) (?:me|us|him) (?:up|in)\b",
        unless=r"\b(?:paintball\w*|laser tag|airsoft|nerf)\b|\b(?:panic|asthma|heart"
               r"|anxiety) attack\w*|\battacked by (?:a |the )?(?:dog|"
               r"goose|swan|seagull|bees?|wasps?)\b|\brobbed (?:of )?(?:a|the) (?:win|goal|"
               r"point|chance)\b|\b(?:in|at) (?:a |the )?(?:game|fortnite|fifa|tag|it)\b",
        routes=(_TO_DOMESTIC, _TO_VIOLENCE, _TO_ABUSE)),
    Cue("violence", "gangs",
        r"\bgangs?\b(?! of (?:friends|mates))|\bopps\b|\bpostcode (?:war|wars|beef|thing)\b"
        r"|\b(?:beef|war) with\b|\bon (?:the|their) (?:patch|turf|block)\b", level="review",
        unless=r"\b(?:a gang of (?:us|mates|friends|girls|lads from school)|gang of us|the "
               r"(?:whole )?gang (?:came|was|were|all|round)|gang show|girl gang|our "
               r"gang|beef (?:burger|stew|mince|and)|war with (?:my|the) (?:sister|brother|"
               r"siblings|homework))\b"),
    Cue("violence", "a gang trying to draw me in",
        r"\b(?:gangs?|olders|elders|the lads|older lads|they|them)\b.{0,40}\b(?:get|getting|got|"
        r"drag|dragging|draw|pull|pulling|recruit\w*) (?:me|us) (?:involved|in|into it|to join)"
        r"\b|\b(?:want|wants|wanted|trying to get) (?:me|us) to join\b",
        unless=r"\b(?:club|team|choir|band|youth council|cadets|scouts|football|gym|course)\b"),
    Cue("violence", "threatened if I tell; people looking for me",
        r"\bif (?:i|we) (?:ever )?(?:tell|told|grass|snitch|say anything|say owt|go to the "
        r"police|talk)\b.{0,50}\b(?:theyll|they will|hell|he will|shell|she will|theyd|hed|"
        r"gonna|going to|will) (?:\w+ )?(?:do|hurt|kill|get|batter|stab|find|come|burn|smash)\b"
        r"|\b(?:people|lads|men|someone|somebody|gang|boys|guys|they) (?:\w+ )?(?:looking for|"
        r"out to get|coming for|after) (?:me|us)\b|\b(?:put|hid|hide|stashed|planted) (?:a |"
        r"the )?(?:knife|blade|gun|machete|weapon) in (?:my|our) (?:bag|room|pocket|locker)\b",
        unless=r"\b(?:(?:my )?(?:social worker|carer|teacher|mum|nan|dad|worker|pa|police) "
               r"(?:is|was|were|are|has been|have been|came|come) (?:\w+ )?(?:looking|out)|hide "
               r"and seek)\b", routes=(_TO_DOMESTIC, _TO_ABUSE)),
    Cue("violence", "a worry that something will happen to someone",
        r"\b(?:worry|worried|worrying|scared|afraid"
        r"|frightened) (?:that )?something (?:bad )?(?:will"
        r"|might|could|is going to|gonna) happen to (?:my|her|him|them)\b", level="review",
        routes=(("abuse", r"\b(?:at home|with (?:my )?(?:mum|dad|stepdad))\b"),
                ("missing", r"\b(?:missing|ran away|run away)\b"))),
    Cue("violence", "said they would cut, stab or kill me",
        r"\b(?:theyd|hed|shed|theyll|hell|shell|they would|he would|she would|they will|he will|"
        r"she will) (?:\w+ )?(?:cut|stab|shank|kill|hurt|batter|jump|smash|burn|slash) (?:me|us|"
        r"my (?:face|mum|brother|sister|family))\b",
        unless=r"\b(?:my (?:mum|nan|carer|teacher|dad) (?:would|will|is going to) kill me|kill me"
               r" if i|haha|lol|joking)\b", routes=(_TO_DOMESTIC, _TO_ABUSE)),
    Cue("violence", "told I am dead when they see me",
        r"\b(?:said|says|say|saying|told me|tell me|messaged|texted) (?:that )?(?:im|i am|youre|"
        r"you are|were|we are) (?:dead|getting (?:done|stabbed|shanked|merked|got)|done for)"
        r"(?: (?:when|if|next time|once) (?:they|he|she|we|i|you)\b|\b(?! (?:funny|lol|haha)))",
        unless=r"\b(?:my (?:mum|nan|carer|dad|teacher)|lol|haha|joke|joking|when (?:she|he|they) "
               r"(?:finds?|sees?) (?:my|the) (?:room|grades|report))\b",
        routes=(_TO_DOMESTIC, _TO_ABUSE)),
    Cue("violence", "threatened with serious harm",
        r"\b{THREAT} (?:to )?(?:stab|shank|kill|shoot|jump|slash|do|get|smash|cut|burn) "
        r"(?:me|us|my (?:mate|brother|sister|family|friend|mum))\b|\b(?:death threats?|"
        r"threatened my life)\b|\b(?:going to|gonna|will|are going to) (?:get|jump|do) (?:me|us)"
        r" (?:in|if|when|after)\b|\b(?:looking for|after) (?:me|us) (?:with|to)\b|\b(?:are|"
        r"were|is|been|keep|keeps|still|now) (?:looking|out) for (?:me|us)\b"
        r"|\b(?:theyre|they are|hes|he is|shes|now theyre) after (?:me|us)\b",
        unless=r"\b(?:im|i am|ill|i will|i) (?:\w+ )?(?:going to|gonna) kill\b|\bkill (?:him|her|"
               r"my \w+) if (?:he|she|they) (?:eats|takes|touches|uses|steals|borrows|reads)\b|"
               r"\b(?:kill (?:me|us) if i (?:dont|forget|lose|break|am late)|my (?:mum|nan|"
               r"carer|teacher|dad) (?:will|is going to|would) kill me|get me (?:a|some|one)|do "
               r"me (?:a|some)|kill me (?:haha|lol))\b",
        routes=(_TO_DOMESTIC, _TO_ABUSE)),
    Cue("violence", "they know where my family lives",
        r"\b(?:they|he|she|theyve|hes|shes) (?:\w+ ){0,3}(?:know|knows|found out|find out) where "
        r"(?:my (?:\w+ )?(?:mum|dad|nan|family|sister|brother|girlfriend|boyfriend|baby|kids)|i|"
        r"we) (?:lives?|stays?|sleeps?)\b(?=.{0,40}\b(?:hurt|get|come|do|burn|stab|smash|if)\b)",
        routes=(_TO_DOMESTIC,)),
    Cue("violence", "something thrown through my window",
        r"\b(?:brick|bricks|rock|rocks|stone|stones|bottle|bottles|firework|fireworks|petrol) "
        r"(?:\w+ )?(?:through|in|into) (?:my|our) (?:window|windows|door|letterbox|letter box|"
        r"front door)\b", unless=r"\b(?:ball|football|accident|by mistake)\b",
        routes=(_TO_DOMESTIC,)),
    Cue("violence", "followed or cornered",
        r"\b(?:followed|follows|following|follow|cornered|corners|chased) (?:me|us) (?:home|"
        r"halfway|all the way|back|to|down|into|in|round|after)\b",
        level="review", unless=r"\b(?:dog|cat|puppy|on (?:insta|instagram|tiktok|snap|twitter)|"
                               r"(?:word|label|name|reputation|it|that|this|file) followed)\b",
        routes=(_TO_DOMESTIC,)),
    Cue("violence", "afraid to go out",
        r"\b(?:scared|afraid|frightened|terrified|too scared|dont dare|dare not) (?:to )?"
        r"(?:go out|go outside|leave the house|leave my (?:flat|house|room)|walk (?:home|to|"
        r"back|round|through)|go (?:to|into) town|go to (?:school|college|the shop|the park))",
        unless=r"\b(?:anxiety|social anxiety|agoraphob\w*|panic|covid|corona|lockdown|because of "
               r"how i look|my weight|spots|acne|people looking|people staring|spiders?|dogs?)\b",
        level="review", negatable=False),
    Cue("violence", "someone will hurt me outside",
        r"\b(?:someone|somebody|people|they|them|lads|boys|men|the (?:lads|boys|gang|olders|"
        r"elders)|he|she) (?:will|would|are going to|is going to|gonna|might|said they would|"
        r"want to|wanna) (?:hurt|jump|stab|attack|get|kill|batter|beat up|find) (?:me|us)\b",
        unless=r"\b(?:get (?:me|us) (?:a|some|one|something|into|to)|my (?:mum|nan|carer|"
               r"teacher|dad) (?:will|would|is going to) kill me|kill me if|find (?:me|us) a)\b",
        routes=(_TO_DOMESTIC, _TO_ABUSE)),
    # ---------------------------------------------------------------- destitution
    Cue("destitution", "has not eaten",
        r"\b(?:havent|hasnt|not|didnt|have not|has not|did not|aint) (?:\w+ )?(?:eaten|ate|eat|"
        r"had (?:anything|any food|food|a meal|a proper meal|a hot meal)|had nothing)\b"
        r"(?:.{0,25}\b{TIME}\b)|\b(?:nothing|no food) to eat\b|\bno food (?:in|at|for|left|"
        r"till|until|since)\b|\b(?:only )?eat (?:once|one meal|one time) a day\b|\b(?:go|going"
        r"|gone|goes|went) (?:without|with no) (?:food|meals|eating|"
        r"dinner|tea)\b|\b(?:skip|skipping|skipped) meals\b|\b(?:go|went|going|gone|been) "
        r"hungry\b", negatable=False,
        routes=(("abuse", (r"\b(?:carers?|foster|staff|the home|dad|mum|stepdad|stepmum|nan|"
                          r"they dont feed)\b(?!.{0,40}\b(?:flat|rent|benefits|universal "
                          r"credit|my baby|wages|job)\b)")),)),
    Cue("destitution", "no money for food, heating or power",
        r"\bno (?:money|cash|credit) (?:for|to (?:buy|get|pay for|put on)) {BASIC}\b|\b(?:cant"
        r"|couldnt|cannot) afford (?:to )?(?:eat|food|{BASIC}|to heat|heat|nappies|rent|tea|"
        r"dinner|to feed)\b|\bno (?:gas|electric|electricity|heating|heat|hot water|power|"
        r"lights)\b|\b(?:gas|electric|meter|credit|emergency credit) (?:has |had |)(?:run|ran|"
        r"gone|went) (?:out|off)\b|\bon emergency (?:credit|electric|gas)\b|\b(?:cut|cut off|"
        r"turned off|switched off) (?:my |the |our )?(?:gas|electric|electricity|power|water)\b"
        r"|\b(?:gas|electric|electrics|electricity|power|water|heating) (?:was |got |been |is |"
        r"has been |have been |is still |has |)(?:cut|cut off|turned off|switched off|"
        r"disconnected|off (?:for|since|all))"
        r"\b|\b(?:cant|couldnt|cannot) (?:buy|get|afford) (?:any )?(?:food|formula|nappies|"
        r"milk|gas|electric|electricity|heating|dinner|tea) for (?:my|the) (?:baby|son|daughter|"
        r"kids?|little one|children)\b|\blost my (?:flat|home|tenancy|place|house)\b"
        r"|\bfood ?banks?\b|\bfood parcels?\b",
        unless=r"\b(?:no (?:gas|electric|heating) (?:bill|in the car|car|cooker|hob)|power cut "
               r"(?:in the storm|at school)|volunteer\w*|donat\w*|collection|raised|raise|"
               r"fundrais\w*|app|deals?)\b", negatable=False),
    Cue("destitution", "living on scraps, bailiffs, nowhere to sleep",
        r"\b(?:lived|living|live|lives|survived|surviving|survive) (?:off |on )(?:\w+ ){0,3}"
        r"(?:biscuits|noodles|toast|crisps|bread|cereal|nothing|coffee|water|tea|porridge|rice|"
        r"beans|samples|freebies|scraps|leftovers|handouts|tins|free food)\b|\bbailiffs?\b|\b(?:do"
        r"nt|do not|didnt) know where (?:i|we|me and my \w+|my "
        r"\w+ and me|me and the baby) (?:will|are going to|can|am going to|gonna|would) (?:sleep|"
        r"stay|live|go)\b", negatable=False,
        unless=r"\b(?:on holiday|for uni|at uni|university|for the trip)\b"),
    Cue("destitution", "no heating on, locked out by the landlord, a night shelter",
        r"\b(?:cant|cannot|couldnt|dont|daren?t) (?:afford to )?(?:put|turn|have|keep) (?:the |my |"
        r")?(?:heating|electric|gas|lights|radiators?|oven|hot water) on\b|\blandlord (?:\w+ ){0,3}"
        r"(?:changed the locks|locked me out|kicked me out|threw me out|chucked (?:me|my stuff) "
        r"out|put my stuff)\b|\b(?:sleeping|staying|slept|stayed|stay|living|live) (?:in|at) "
        r"(?:a |the )?(?:night shelter|homeless shelter|shelter|emergency bed)\b",
        negatable=False),
    Cue("destitution", "a hostel or emergency housing (weak)",
        r"\b(?:sleeping|staying|slept|stayed|stay|living|live|put|placed) (?:in|at) (?:a |the )?"
        r"(?:hostel|b ?and ?b|bnb|b&b|emergency accommodation|temporary accommodation)\b",
        level="review", negatable=False),
    Cue("destitution", "a few pounds a week to live on",
        r"\b(?:living|live|lives|survive|surviving|manage|managing|get by) on (?:about |only |just "
        r"|)£ ?\d+ (?:a|per|each) (?:week|fortnight|month)\b", negatable=False),
    Cue("destitution", "empty cupboards, a few pounds to last (weak)",
        r"\b(?:nothing|no food|nowt) (?:left )?in (?:the|my|our) (?:cupboards?|fridge|kitchen)\b"
        r"|\b(?:cupboards?|fridge) (?:is |are )?(?:empty|bare)\b|\b(?:got|have|left with|only "
        r"got|only have) (?:£ ?\d+|\d+ quid|a (?:few|couple of) (?:quid|pounds)) (?:left )?(?:to "
        r"last|till|until|for the (?:week|fortnight|month))\b",
        level="review", negatable=False,
        unless=r"\b(?:i like|nice|good|healthy|snacks?|treats?|worth|interesting|to do)\b"),
    Cue("destitution", "hungry or starving (weak)",
        r"\b(?:im|am|was|were|always|so|constantly|permanently) (?:\w+ )?(?:hungry|starving)\b",
        level="review",
        unless=r"\b(?:now|when is|whens|whats for|lunch|dinner time|tea time|after pe|after "
               r"school|from school|when i get (?:home|back|in)|lol|haha|pizza|chips|mcdonalds|"
               r"maccies|snack|snacks|after (?:football|training|pe|practice|the gym|swimming|"
               r"dance|boxing))\b"),
    Cue("destitution", "evicted or homeless",
        r"\b(?:got|get|been|being|was|were|am|im|getting) (?:evicted|kicked out|chucked out|"
        r"thrown out|made homeless)\b|\b(?:eviction|section 21|notice to quit)\b|\b(?:im|i am|"
        r"been|became|become|now|currently|still|are|were|was|end up|be|being|becoming) "
        r"(?:\w+ )?homeless\b|\b(?:kicked|chucked|threw|thrown) (?:me|us) out\b",
        unless=r"\b(?:kicked out of (?:class|lessons?|the lesson|the room|the game|the team|"
               r"the club|school|college)|thrown out of (?:class|lessons?|the lesson|the game)|"
               r"homeless (?:people|shelter volunteer|charity))\b",
        routes=(("missing", r"\b(?:tonight|right now|safe|run\w* away|ran away)\b"),)),
    Cue("destitution", "nowhere to live",
        r"\bnowhere (?:to go|to live|to sleep|to stay)\b|\bno (?:roof|bed|home to go to)\b",
        negatable=False,
        unless=r"\bnowhere to go (?:on|in|at) (?:the )?(?:weekends?|holidays|summer|evenings?|"
               r"after school|youth|round here|our area|this town)|theres nothing for\b",
        routes=(("missing", r"\b(?:tonight|right now|safe|run\w* away|ran away)\b"),)),
)


@dataclass(frozen=True)
class CompiledCue:
    """A :class:`Cue` with its patterns compiled."""

    cue: Cue
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None
    routes: tuple[tuple[str, re.Pattern[str]], ...]


@functools.cache
def compiled_cues() -> tuple[CompiledCue, ...]:
    """The cue rules with their patterns compiled (once, on first use).

    Returns
    -------
    tuple of CompiledCue
    """
    return tuple(CompiledCue(
        cue, re.compile(_expand(cue.pattern)),
        re.compile(_expand(cue.unless)) if cue.unless else None,
        tuple((category, re.compile(_expand(p))) for category, p in cue.routes))
        for cue in CUES)
