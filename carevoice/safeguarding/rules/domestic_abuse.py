"""The cue rules of the ``domestic_abuse`` category: partners and adults at home.

Violence, threats or coercive control by a partner or ex-partner, or between adults at home.

See :mod:`._shared` for what a rule holds; :mod:`carevoice.safeguarding.cues` tries them in this
order, after the categories before this one in :data:`~._shared.CATEGORIES`.
"""

from __future__ import annotations

from ._shared import HIT_IDIOMS, TO_ABUSE, Cue

__all__ = ["CUES"]

#: The ``domestic_abuse`` rules, in the order the screen tries them.
CUES: tuple[Cue, ...] = (
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
        unless=HIT_IDIOMS),
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
        negatable=False, routes=(TO_ABUSE,)),
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
        unless=HIT_IDIOMS + r"|\b(?:lol|haha|pool|game|playing)\b"),
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
        unless=HIT_IDIOMS),
)
