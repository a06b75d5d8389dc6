"""The cue rules of the ``abuse`` category: abuse or neglect by anyone.

Hit, hurt, touched, locked in, starved, threatened, made to feel worthless: by a carer, staff,
a parent, a relative, another adult or young person.

See :mod:`._shared` for what a rule holds; :mod:`carevoice.safeguarding.cues` tries them in this
order, after the categories before this one in :data:`~._shared.CATEGORIES`.
"""

from __future__ import annotations

from ._shared import HIT_IDIOMS, TO_DOMESTIC, TO_VIOLENCE, Cue

__all__ = ["CUES"]

#: The ``abuse`` rules, in the order the screen tries them.
CUES: tuple[Cue, ...] = (
    Cue("abuse", "hit or hurt by someone",
        r"\b(?:he|she|they|dad|mum|stepdad|stepmum|carers?|staff|nan|grandad|uncle|auntie|"
        r"manager|managers|key worker|keyworker|teacher|brother|sister|parents|worker|him|her|"
        r"them|someone|people|man|lads|boys|girls|kids|"
        r"boyfriend|partner|girlfriend|husband|friend|friends|mate|mates|cousin|guy|bloke|lad|"
        r"boy|girl|woman"
        r"|nobody|no one"  # negated, but it may name an exception ("... except my stepdad")
        r"|who|and|then|always|sometimes|keeps|still|just|even|also|has|have|had|got|gets|"
        r"get|will|would|was|were|been|being) (?:\w+ ){0,2}{HIT} (?:me|us|my (?:little |baby "
        r"|big |younger |older |foster |step |half )?(?:brother|sister|siblings?|cousin)|my "
        r"(?:face|head|arm|arms|legs?|hair|neck|throat|wrists?|ears?)|another (?:kid|child|"
        r"boy|girl|lad|young person|resident)|one of the (?:other |"
        r"younger |little )?(?:kids|children|boys|girls|lads|young people)|(?:a|the) (?:younger|"
        r"little|other) (?:kids?|boys?|girls?|lads?|ones?))\b"
        r"|\b(?:drag|drags|dragged|dragging|grab|grabs|grabbed|pull|pulls|pulled|yank|yanks|"
        r"yanked|lift|lifted|threw|throws) (?:me|us) (?:by|up by|around by|across (?:the )?(?:room|"
        r"floor) by) (?:my|the|our) (?:hair|hoodie|hood|collar|arm|arms|neck|ear|ears|clothes|"
        r"top|jumper|wrist)\b"
        r"|\b(?:got|get|gets|getting|been|being|was|were) (?:hit|slapped|punched|kicked|"
        r"beaten|smacked|hurt|strangled|choked|belted|bashed|thumped|abused)"
        r"(?! (?:by (?:a|the) (?:ball|car|bus|bike)|in the (?:face )?(?:with|by) (?:a|the) "
        r"ball|up|out|off|\d+ (?:\d+|nil)|\w+ nil))\b",
        unless=HIT_IDIOMS, routes=(TO_DOMESTIC, TO_VIOLENCE)),
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
        routes=(TO_DOMESTIC,)),
    Cue("abuse", "does things to me, mocked when crying, left dirty",
        r"\b(?:does|did|doing|do|done) (?:stuff|things|something|bad things|sexual things|things i "
        r"dont like) to (?:me|us)\b|\b(?:laugh|laughs|laughed|laughing|film|films|filmed|filming|"
        r"mock|mocks|mocked|mocking) (?:\w+ ){0,3}(?:me |us |)when (?:i|we) (?:was |were |am |are "
        r"|)(?:crying|cry|cried|upset)\b|\b(?:same|dirty) clothes (?:all|for a|for|every) "
        r"(?:week|days|the week)\b",
        unless=r"\b(?:pranks?|tickl\w*|magic trick|surprise)\b", routes=(TO_DOMESTIC,)),
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
               r"out)\b", routes=(TO_DOMESTIC,)),
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
        unless=HIT_IDIOMS + r"|\b(?:roof|gym|shops|button|wall|target|jackpot|ball|floor)\b"),
    Cue("abuse", "comes in when undressed or in bed",
        r"\b(?:comes|walks|came|walked|barges|barged|keeps coming|keeps walking|keeps barging|"
        r"walking|coming|barging|gets|got) (?:in|into) (?:the bathroom|my room|my bedroom|the "
        r"shower|my bed) (?:\w+ )?(?:when|while|whenever) (?:im|i am|i was|we are|were) (?:in "
        r"there|in the bath|in the shower|changing|getting changed|getting dressed|asleep|in bed|"
        r"naked)\b", routes=(TO_DOMESTIC,)),
    Cue("abuse", "made to sit on an adult's lap",
        r"\b(?:makes?|made|making|wants?|wanted|pulls?|pulled|tells?|told|gets?|got) (?:me|us) "
        r"(?:to )?(?:sit|sitting) (?:on|in) (?:his|her|their) (?:lap|knee|knees)\b",
        unless=r"\b(?:nan|nana|grandma|granny|santa|father christmas|photos?|pictures?)\b",
        routes=(TO_DOMESTIC,)),
    Cue("abuse", "says what he wants to do to me",
        r"\bwhat (?:he|she|they|hed|shed|theyd) (?:wants?|wanted|would like|would love|likes?|d "
        r"like|is going|was going|wants? to try) to do to (?:me|us|my body)\b"
        r"(?! (?:after|when i leave|next|about))",
        routes=(TO_DOMESTIC, TO_VIOLENCE)),
    Cue("abuse", "told what happens if I tell",
        r"\b(?:ill|i will|i would|id|i|we|well|we will|we would|youll|you will|you would|youd) "
        r"(?:\w+ ){0,2}(?:get|be|got) (?:moved|taken away|sent away|put away|split up|"
        r"kicked out|taken off (?:him|her|them))\b[^.]{0,20}\bif (?:i|we|you) (?:ever )?"
        r"(?:tell|told|say anything|say something|grass|snitch)\b",
        negatable=False, routes=(TO_DOMESTIC,)),
    Cue("abuse", "told I am nothing",
        r"\b(?:calls?|called|calling|tells?|told|telling|says|said|saying) (?:me |us )?(?:that )?"
        r"(?:im|i am|i was|ill be|i will be|id be|i would be|were|we are) (?:nothing|a nobody|"
        r"no one)\b(?! (?:special|wrong|to (?:worry|be)|like|new|else|can|will))",
        negatable=False, routes=(("domestic_abuse", r"\bwithout (?:him|her)\b"), TO_DOMESTIC)),
    Cue("abuse", "restrained",
        r"\b(?:restrain|restrains|restrained|restraining|pin|pins|pinned) (?:me|us)\b",
        level="review"),
    Cue("abuse", "bruises or marks from someone",
        r"\b(?:bruises|bruised|bruise|black eye|marks) (?:on|from|where|because|cos|that) "
        r"(?:my|me|he|she|they|him|her|them)\b|\bgave (?:me|us) (?:a )?(?:bruises|black eye|"
        r"fat lip)\b", unless=r"\b(?:football|rugby|fell|fall|pe|trampoline|bike)\b",
        routes=(TO_DOMESTIC,)),
    Cue("abuse", "locked in or shut out",
        r"\block(?:s|ed)? (?:me|us) (?:in|out|up)\b|\blocked (?:in|inside) (?:my|the|a|our) "
        r"(?:room|bedroom|cupboard|house|shed|flat|bathroom)\b|\b(?:made|make|makes|kept|keep|"
        r"keeps|left) (?:me|us) (?:sleep |stay |stand |)(?:outside|in the (?:garden|cold|dark|"
        r"cupboard|shed)|on the floor)\b",
        unless=r"\block(?:ed|s)? (?:me|us) (?:out of|in) (?:my|the) (?:account|phone|fortnite"
               r"|game|ps\d|xbox|app)|by accident|accidentally\b",
        routes=(TO_DOMESTIC,)),
    Cue("abuse", "touched or sexual abuse",
        r"\b(?:touch|touches|touched|touching|feels|felt) (?:me|us|my (?:private|privates|bum|"
        r"boobs|chest|body|legs?|bottom)|my (?:little |baby |big |younger |older |foster |step |"
        r"half )?(?:brother|sister|siblings?|cousin)(?! (?:on the (?:shoulder|arm)|to wake)))\b"
        r"|\b(?:get|gets|got|getting|been|being) (?:touched|groped)\b(?! (?:base|by (?:the|your|"
        r"her|his|their) (?:story|film|words?|kindness|letter|card|speech)))"
        r"|\b(?:made|make|makes|tried to make|forced|force) "
        r"(?:me|us) (?:touch|do (?:stuff|things|sexual)|have sex|sleep with|watch (?:porn|"
        r"stuff))\b|\bsexual(?:ly)? (?:abuse\w*|assault\w*|touch\w*)\b|\braped?\b|\bmolest\w*"
        r"|\binterfer\w* with (?:me|us)\b|\b(?:comes|came|gets|got|climbs) (?:in|into) (?:my|"
        r"our) (?:room|bed) (?:at night|when)\b|\bgrope\w*\b",
        unless=r"\b(?:it|this|that|your|the|what you|the film|the story|the card|the letter|"
               r"the speech|the words?|her words|his words)\b (?:\w+ )?(?:really |deeply )?"
               r"touched (?:me|us|my heart)\b|\btouched my heart\b|\btouch(?:ed)? base\b"
               # a little one in my bed after a nightmare; not a little one who is touched
               r"|\b(?<!touch my )(?<!touches my )(?<!touched my )(?<!touching my )"
               r"(?:little (?:sister|brother)|baby (?:sister|brother)|dog|cat|puppy|kitten|"
               r"nightmares?|thunder|cuddle)\b",
        routes=(TO_DOMESTIC,)),
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
        routes=(TO_DOMESTIC,)),
    Cue("abuse", "told nobody wants them",
        r"\b(?:says|said|tells|told|telling|saying) (?:me |us )?(?:\w+ ){0,3}(?:that )?(?:nobody|"
        r"no one) (?:wants|loves|would want|will ever want|cares about|will ever love|would ever "
        r"want|would ever love|will want|will love|likes) (?:me|us)\b|\b(?:laughs|laughed|"
        r"laughing|smirks) (?:at me |at us |)when (?:i|we) (?:cry|cried|am crying|get upset|am "
        r"upset)\b",
        negatable=False, routes=(TO_DOMESTIC,)),
    Cue("abuse", "threatened by someone",
        r"\b{THREAT} (?:to )?(?:hurt|hit|kill|batter|beat|smash|throw|kick|send) (?:me|us)\b"
        r"|\b(?:threaten|threatens|threatened|threatening) (?:me|us)\b",
        unless=r"\b(?:threaten\w* (?:me|us) with (?:detention|a detention|exclusion|"
               r"(?:a )?consequence|no phone|grounding|a fine)|kill (?:me|us) if i (?:dont|"
               r"forget|lose|break|am late)|(?:will|would|is going to|going to) kill me "
               r"(?:haha|lol))\b",
        routes=(TO_DOMESTIC, TO_VIOLENCE)),
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
        routes=(TO_DOMESTIC, TO_VIOLENCE)),
    Cue("abuse", "not safe at home or placement",
        r"\b(?:dont|doesnt|never|not|dont always) (?:feel |felt |)safe (?:at home|at my (?:dads|"
        r"mums|nans|foster)|at (?:my )?(?:placement|carers)|in (?:my|the|this) (?:placement|"
        r"house|home|foster)|here|there|with (?:my |him|her|them|the )|around (?:him|her|them|"
        r"my)|at (?!school|college|night|the moment|all)\w+ (?:lodge|house|court|place|"
        r"home|view|close))\b|\b(?:isnt|is not|wasnt|not) safe (?:at home|in (?:my|the|our) "
        r"(?:house|home|placement)|there|here)\b",
        negatable=False, routes=(TO_DOMESTIC,)),
    Cue("abuse", "not safe (place not said)",
        r"\b(?:dont|never|not|do not) (?:feel |felt )?safe\b(?! (?:to|talking|telling|saying|"
        r"asking|about|online))", level="review", negatable=False,
        unless=r"\b(?:area|estate|streets?|outside|town|go out|going out|walk\w* (?:home|back)"
               r"|bus|park|online|at school|in school|with money|financially|job|secure)\b"),
    Cue("abuse", "shouted or screamed at",
        r"\b(?:shout|shouts|shouted|shouting|scream|screams|screamed|screaming|swear|swears|"
        r"swore|swearing) (?:at|in) (?:me|us|my face)\b", level="review",
        unless=r"\b(?:teacher|teachers|coach|ref|referee|at school|in class|in pe|sorry)\b",
        routes=(TO_DOMESTIC,)),
    Cue("abuse", "abuse or neglect named",
        r"\b(?:abuse|abused|abusing|abusive|neglect|neglected|neglecting|beats|beatings)\b",
        level="review", routes=(TO_DOMESTIC,),
        # a game won ("always beats me at chess"), not a beating
        unless=r"\bbeats (?:me|us|him|her|them|everyone|everybody) (?:at|on|in)\b(?! (?:my|the|"
               r"our|his|her|their) (?:face|head|stomach|ribs|room|bedroom|house|flat))"),
    Cue("abuse", "an adult says to keep it secret",
        r"\b(?:says|said|tells|told|saying|telling) (?:me |us |)(?:that )?(?:its|it is|it was)? ?"
        r"(?:our|a) (?:little |special )?secret\b|\b(?:told|tells|says|said|saying) (?:me |us |)"
        r"(?:not to|to never|never to|to not|dont) tell\b|\b(?:wants?|wanted|asks?|asked|makes?|"
        r"made|tells?|told|gets?) (?:me|us) to keep (?:\w+ )?secrets?\b", negatable=False,
        unless=r"\b(?:surprise|party|present|birthday|christmas)\b"),
    Cue("abuse", "a secret (weak)",
        r"\b(?:our|its our|its a) (?:little )?secret\b", level="review", negatable=False,
        unless=r"\b(?:surprise|party|present|birthday|christmas|recipe)\b"),
)
