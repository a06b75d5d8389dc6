"""The cue rules of the ``self_harm`` category: self-harm, suicidal thoughts, plans or attempts.

See :mod:`._shared` for what a rule holds; :mod:`carevoice.safeguarding.cues` tries them in this
order, after the categories before this one in :data:`~._shared.CATEGORIES`.
"""

from __future__ import annotations

from ._shared import Cue

__all__ = ["CUES"]

#: The ``self_harm`` rules, in the order the screen tries them.
CUES: tuple[Cue, ...] = (
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
)
