"""The cue rules of the ``violence`` category: serious violence outside the home.

See :mod:`._shared` for what a rule holds; :mod:`carevoice.safeguarding.cues` tries them in this
order, after the categories before this one in :data:`~._shared.CATEGORIES`.
"""

from __future__ import annotations

from ._shared import TO_ABUSE, TO_DOMESTIC, TO_VIOLENCE, Cue

__all__ = ["CUES"]

#: The ``violence`` rules, in the order the screen tries them.
CUES: tuple[Cue, ...] = (
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
               r"laser tag|airsoft|rape alarm|whistle|torch)\b"
               # poking at food, and a try at something: "stabbed at my peas", "have a stab at it"
               r"|\bstab(?:s|bed|bing)? at (?:my|his|her|their|our|the|your) (?:\w+ )?(?:food|"
               r"plate|dinner|tea|breakfast|lunch|peas|chips|beans|salad|pasta|cereal|veg|"
               r"vegetables|potatoes|sprouts|meal)\b|\b(?:a|another|one more) stab at\b"),
    Cue("violence", "attacked or jumped",
        r"\b(?:got|get|gets|getting|been|being|was|were) (?:jumped|attacked|mugged|robbed|"
        r"chased|beaten up|battered|shot|stabbed|slashed|set on|set upon|ganged up on|glassed|"
        r"kicked in|ambushed|surrounded)\b"
        r"|\b(?:jumped|mugged|robbed|battered|glassed|chased) (?:me|us|my (?:mate|brother|"
        r"friend))\b|\b(?:beat|beating|beaten|smashed|kicked) (?:me|us|him) (?:up|in)\b",
        unless=r"\b(?:paintball\w*|laser tag|airsoft|nerf)\b|\b(?:panic|asthma|heart"
               r"|anxiety) attack\w*|\battacked by (?:a |the )?(?:dog|"
               r"goose|swan|seagull|bees?|wasps?)\b|\brobbed (?:of )?(?:a|the) (?:win|goal|"
               r"point|chance)\b|\b(?:in|at) (?:a |the )?(?:game|fortnite|fifa|tag|it|race|match|"
               r"quiz|final|competition|tournament)\b"
               # a match lost by a score: "we got battered 5-0 on saturday"
               r"|\b(?:got|get|gets|getting|been|being|was|were) (?:battered|beaten|thrashed|"
               r"hammered) (?:\d+ (?:\d+|nil)|\w+ nil)\b",
        routes=(TO_DOMESTIC, TO_VIOLENCE, TO_ABUSE)),
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
               r"and seek)\b", routes=(TO_DOMESTIC, TO_ABUSE)),
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
               r" if i|haha|lol|joking)\b", routes=(TO_DOMESTIC, TO_ABUSE)),
    Cue("violence", "told I am dead when they see me",
        r"\b(?:said|says|say|saying|told me|tell me|messaged|texted) (?:that )?(?:im|i am|youre|"
        r"you are|were|we are) (?:dead|getting (?:done|stabbed|shanked|merked|got)|done for)"
        r"(?: (?:when|if|next time|once) (?:they|he|she|we|i|you)\b|\b(?! (?:funny|lol|haha)))",
        unless=r"\b(?:my (?:mum|nan|carer|dad|teacher)|lol|haha|joke|joking|when (?:she|he|they) "
               r"(?:finds?|sees?) (?:my|the) (?:room|grades|report))\b",
        routes=(TO_DOMESTIC, TO_ABUSE)),
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
        routes=(TO_DOMESTIC, TO_ABUSE)),
    Cue("violence", "they know where my family lives",
        r"\b(?:they|he|she|theyve|hes|shes) (?:\w+ ){0,3}(?:know|knows|found out|find out) where "
        r"(?:my (?:\w+ )?(?:mum|dad|nan|family|sister|brother|girlfriend|boyfriend|baby|kids)|i|"
        r"we) (?:lives?|stays?|sleeps?)\b(?=.{0,40}\b(?:hurt|get|come|do|burn|stab|smash|if)\b)",
        routes=(TO_DOMESTIC,)),
    Cue("violence", "something thrown through my window",
        r"\b(?:brick|bricks|rock|rocks|stone|stones|bottle|bottles|firework|fireworks|petrol) "
        r"(?:\w+ )?(?:through|in|into) (?:my|our) (?:window|windows|door|letterbox|letter box|"
        r"front door)\b", unless=r"\b(?:ball|football|accident|by mistake)\b",
        routes=(TO_DOMESTIC,)),
    Cue("violence", "followed or cornered",
        r"\b(?:followed|follows|following|follow|cornered|corners|chased) (?:me|us) (?:home|"
        r"halfway|all the way|back|to|down|into|in|round|after)\b",
        level="review", unless=r"\b(?:dog|cat|puppy|on (?:insta|instagram|tiktok|snap|twitter)|"
                               r"(?:word|label|name|reputation|it|that|this|file) followed)\b",
        routes=(TO_DOMESTIC,)),
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
        routes=(TO_DOMESTIC, TO_ABUSE)),
)
