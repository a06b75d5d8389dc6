"""The cue rules of the ``destitution`` category: no food, heating or home.

See :mod:`._shared` for what a rule holds; :mod:`carevoice.safeguarding.cues` tries them in this
order, after the categories before this one in :data:`~._shared.CATEGORIES`.
"""

from __future__ import annotations

from ._shared import Cue

__all__ = ["CUES"]

#: What someone is put out of that is not where they live: a game, a group chat, a team, a
#: lesson ("he kicked me out of the game", "kicked out of the group chat"). Out of a home, a
#: placement, a house or a flat, or out of nothing named, it is still losing a roof.
_NOT_A_HOME = (r"(?! of (?:the |my |our |a |an |his |her |their |this |that |every |our )?"
               r"(?:\w+ )?(?:games?|match|round|lobby|server|party|squad|team|club|band|choir|"
               r"group ?chats?|gcs?|chats?|groups?|whatsapp|discord|snapchat|snap|insta|"
               r"instagram|facebook|tiktok|call|facetime|stream|class|classes|lessons?|school|"
               r"college|uni|assembly|exams?|detention|canteen|library|gym|pool|shop|cinema|car|"
               r"kitchen|living room|lounge|meeting|tournament|league|competition|show|play|"
               r"cast|cubs|scouts|brownies|guides|youth club|after school club|fifa|fortnite|"
               r"roblox|minecraft|xbox|ps5|playstation|console)\b)")

#: The ``destitution`` rules, in the order the screen tries them.
CUES: tuple[Cue, ...] = (
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
        r"\b(?:got|get|been|being|was|were|am|im|getting) (?:evicted|(?:kicked out|chucked out|"
        r"thrown out)" + _NOT_A_HOME + r"|made homeless)\b|\b(?:eviction|section 21|notice to "
        r"quit)\b|\b(?:im|i am|been|became|become|now|currently|still|are|were|was|end up|be|"
        r"being|becoming) (?:\w+ )?homeless\b|\b(?:kicked|chucked|threw|thrown) (?:me|us) out\b"
        + _NOT_A_HOME,
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
