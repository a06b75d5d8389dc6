"""The cue rules of the ``missing`` category: running away and going missing.

Not coming home at night, sleeping rough or with strangers, nowhere safe to stay.

See :mod:`._shared` for what a rule holds; :mod:`carevoice.safeguarding.cues` tries them in this
order, after the categories before this one in :data:`~._shared.CATEGORIES`.
"""

from __future__ import annotations

from ._shared import Cue

__all__ = ["CUES"]

#: The ``missing`` rules, in the order the screen tries them.
CUES: tuple[Cue, ...] = (
    Cue("missing", "running away",
        r"\b(?:run|runs|ran|running|runnin) (?:away|off)\b|\b(?:do|did|doing|done|pull|pulled) "
        r"a (?:runner|bunk)\b|\babscond\w*|\blegged it (?:from|out of)\b",
        unless=r"\b(?:(?:and|to) join (?:the|a) circus|from (?:a|the) (?:dog|spider|wasp|bee|"
               r"bees|goose|geese|clown|cow|bull|"
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
    Cue("missing", "nowhere safe to stay",
        r"\b(?:nowhere|no where|no place|not anywhere|nowhere safe|no safe place|not got "
        r"anywhere|havent got anywhere|dont have anywhere|dont have a place|no one to stay with|"
        r"nobody to stay with) (?:safe )?(?:to |i can )?(?:go|stay|sleep|live|be)\b"
        r"(?:.{0,20}\b(?:tonight|right now|this weekend|this week|at the moment|atm)\b)"
        r"|\bnowhere safe\b",
        negatable=False),
)
