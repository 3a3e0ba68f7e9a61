"""brief's views: lines that tell the outlet's own view as news (:func:`writers_view`,
:func:`outlets_reading`), and whether someone in a line holds what it says (:func:`attributed`).

A brief keeps to what happened and who said what. "The council had a rough week", "Voters
should …", "The ruling was a setback for the mayor", "The attacks reframed the race": each is
the writer's verdict said for no one, which the reader should judge from the facts. Said by
someone in the line ("…, the union said"), the same words are that person's view, and news.
"""

from __future__ import annotations

import re

from ..extract.attribution_words import SPEECH_VERBS
from ..nlp import parsed
from .reading import reading_at
from .support import QUOTED, plain

#: The writer's own verdict on how someone fared ("Tuesday was a good night for the mayor",
#: "The council had a rough week"): how it went is the reader's to judge from what happened.
FARED = re.compile(r"\b(?:had|has|have|having|was|is|were|are)\s+(?:a|an)\s+(?:(?:very|really|pretty|particularly|"
                   r"especially)\s+)?(?:good|great|bad|rough|tough|terrible|awful|horrible|strong|solid|dismal|"
                   r"disappointing|miserable|banner)\s+(?:day|night|week|month|year|outing|showing|evening|morning)\b", re.I)


#: The writer's verdict on what an event means for someone, when the line says it for no one
#: (session 31): what it did for them ("The ruling was a setback for the mayor", "The vote is a
#: blow to the union", "The hearing comes with high stakes for …"), how much it matters ("The
#: move is notable because …"), what it puts to the test ("Now comes the real test for …").
#: Said by someone, it is their view, and news. Also set beside the clause it weighs ("…, a major
#: setback, …").
VERDICT = re.compile(r"\b(?:is|was|are|were|be|been)\s+(?:(?:a|an|another)\s+)?(?:\w+\s+)?(?:setback|blow|boost|coup|"
                     r"windfall|lifeline|headache|embarrassment|black eye)\s+(?:for|to)\b"
                     r"|\b(?:is|was|are|were)\s+(?:(?:also|particularly|especially|all the more)\s+)?(?:notable|noteworthy|"
                     r"significant|remarkable|striking|telling|ironic)\b(?:\s+in part)?\s+(?:because|since|given)\b"
                     r"|\b(?:real|true|ultimate)\s+test\s+(?:for|of)\b"
                     r"|\b(?:high|higher|huge|big|enormous)\s+stakes\s+for\b"
                     # what news it is for them ("The poll's results are disappointing news for the
                     # mayor"), session 36
                     r"|\b(?:is|was|are|were|be|been)\s+(?:(?:also|more|most|particularly|especially)\s+)?(?:good|great|"
                     r"welcome|unwelcome|disappointing|grim|encouraging|troubling|worrying|worrisome|sobering|mixed|"
                     r"terrible|awful|dire)\s+news\s+(?:for|to)\b"
                     # who has the momentum, the writer's reading of a race ("The result gives fresh
                     # momentum to Ada Roos", "Roos has momentum after …"), session 37
                     r"|\b(?:provides?|provided|providing|gives?|gave|given|giving|lends?|lent|brings?|brought)\s+"
                     r"(?:[\w-]+\s+){0,4}?momentum\s+(?:for|to)\b"
                     r"|\b(?:has|have|had)\s+(?:(?:the|new|fresh|real|more)\s+)?momentum\b"
                     # set beside the clause it weighs ("Brand came away with no seats, a major setback, …"),
                     # session 34
                     r"|,\s+(?:a|an|another)\s+(?:(?:major|big|huge|serious|severe|significant|crushing|stunning)\s+)?"
                     r"(?:setback|embarrassment|coup|windfall)(?:\s*[,.;]|\s+(?:for|to)\b)", re.I)


#: The outlet's reading of what an event did to a contest or to someone's standing (session 33,
#: read on running political stories): "The attacks reframed the race", "The assault has thrust
#: security to the heart of the campaign", "Her win reclaimed control of the race", "The focus on
#: trade has created an opening for the mayor". An event does not reframe, lay bare or open
#: anything; the writer says what it amounts to. Told only when its doer is an event or a thing
#: (a common noun told with what it is of, no name) and no one says it (:func:`event_as_doer`).
EVENT_READING = re.compile(r"\b(?:re(?:fram|shap|defin)(?:e|es|ed|ing)|recast(?:s|ing)?|upend(?:s|ed|ing)?|"
                           r"overshadow(?:s|ed|ing)?|crystalli[sz](?:e|es|ed|ing)|"
                           r"reclaim(?:s|ed|ing)? control|(?:lay|lays|laid|laying) bare|"
                           r"thrust(?:s|ing)? (?:[\w'’-]+ ){1,4}(?:to|into) the (?:heart|cent(?:er|re)|forefront)|"
                           r"creat(?:e|es|ed|ing) (?:an? )?(?:\w+ )?opening for)\b", re.I)


#: The outlet's measure of a reaction, said for no one (session 35): "The attacks have set off a
#: wave of alarm among lawyers", "The interview set off a panic within the party". How widely a
#: feeling ran is the writer's reading; what someone says of it is news ("… a wave of alarm, the
#: bar association said"), and so are the acts of a reaction ("sparked a wave of protests").
REACTION_READING = re.compile(r"\b(?:set(?:s|ting)?\s+off|spark(?:s|ed|ing)?|trigger(?:s|ed|ing)?|unleash(?:es|ed|ing)?)\s+"
                              r"(?:(?:a|an)\s+(?:\w+\s+)?(?:wave|storm|firestorm|flurry|chorus|torrent)\s+of\s+(?:\w+\s+)?"
                              r"(?:alarm|concern|anxiety|unease|dismay|fear|worry|anger|outrage|indignation|panic|hand-wringing)"
                              r"|(?:a\s+)?(?:\w+\s+)?(?:panic|hand-wringing))\b", re.I)


#: The writer's own stance on what happened, when the sentence says it for no one: advice
#: ("should", "ought to", "must" as duty) and the writer's guess ("in all likelihood",
#: "almost certainly") and impression ("appeared closer to …"). Said by someone, it is their
#: view, and news.
WRITERS_STANCE = re.compile(r"\b(?:should|ought to|must(?! have\b)|in all likelihood|almost certainly|"
                            r"undoubtedly|arguably|obviously|clearly|surely|seemingly"
                            # the writer's forecast ("is poised to bounce back", "is on the verge of running
                            # away with", "now all but certain to clinch"), session 31
                            r"|poised to|on the verge of|all but (?:certain|impossible|assured|guaranteed|inevitable)"
                            # and guess set before the line ("Maybe the old rules still apply"; "Perhaps 200
                            # people came" is a count)
                            r"|^(?:maybe|perhaps)(?!\s+(?:\d|a\s+(?:dozen|hundred|thousand)))"
                            # or inferred ("Apparently the town also has a curfew", a column's quip),
                            # session 38
                            r"|^apparently\b"
                            # and a reason "there is" to believe, given by no one ("There's reason to believe
                            # their hopes are well founded", a column's), session 38
                            r"|^there(?:'s|’s|\s+is|\s+was)\s+(?:good\s+|every\s+|some\s+|little\s+|no\s+)?reason\s+to\s+"
                            r"(?:believe|think|doubt|expect|suspect|fear|hope)\b"
                            # the writer's impression ("The speaker appeared closer to …", "It seemed unlikely …")
                            r"|(?:seems|seemed|appears|appeared)\s+(?:to|as if|as though|likely|unlikely|closer|set|poised|ready|"
                            r"capable|incapable|able|unable|headed|bound|destined)"
                            # ("The dockers appeared headed for a long strike"), and how things look to the
                            # writer ("Both plans look increasingly dubious"; "Looks
                            # like someone told …" with no one looking), session 37
                            r"|(?:looks?|looked|looking)\s+(?:increasingly\s+|ever\s+more\s+)?(?:dubious|doubtful|shaky|"
                            r"bleak|grim|hopeless|inevitable|unlikely)"
                            r"|^(?:looks|seems|sounds)\s+like"
                            # the writer's comparison of two people's ways ("… posed a sharp contrast to …") and
                            # a plight the writer sees ("… finds herself struggling to …"), session 37
                            r"|(?:sharp|stark|striking)\s+contrast"
                            r"|(?:finds?|found|finding)\s+(?:herself|himself|itself|themselves)\s+(?:struggling|scrambling|"
                            r"battling|fighting)"
                            # advice put as a wish ("The board might want to reconsider …"), session 37
                            r"|(?:might|may)\s+(?:well\s+)?(?:want|wish)\s+to"
                            # and comparison ("Staffers have been fired for far less"), session 35
                            r"|for\s+(?:far|much|a\s+lot)\s+less(?=\s*[.,;]))\b",
                            re.I)


#: How someone spoke, in the outlet's word for it ("“…,” she said carefully"): the
#: manner is the writer's reading. Adverbs of time, frequency or channel say nothing of it.
SPOKEN_MANNER = re.compile(r"\b(?:said|says|told|added|replied|answered|responded)\s+(?:\w+\s+)?(?P<adverb>\w+ly)\b", re.I)
NOT_MANNER = frozenset(
    """recently previously repeatedly publicly privately separately jointly officially formally initially
    subsequently originally only early reportedly frequently regularly daily weekly monthly yearly nightly
    briefly directly shortly personally internally locally nationally also""".split()
)


#: Words that put a statement in someone's mouth (lemmas), beyond the speech verbs.
ATTRIBUTING = frozenset({"accord", "rule", "find", "believe", "think", "expect", "predict", "hope", "fear", "want",
                         "poll", "survey", "show", "suggest"})


#: The writer setting what happened against what a reader might have expected (session 36):
#: "Rather than questions about her rival's chances, the mayor faced …", "The rise heralds not a
#: gentle tap on the brakes, but a starting gun …". What it is not is the writer's framing; a
#: plain line tells what it is. ("Rather than wait, the board voted" is a choice, told by a verb;
#: "not only … but" adds.)
CONTRAST_READING = re.compile(r"^rather\s+than\s+(?:(?:a|an|the|any|more|fewer|his|her|its|their)\s+)?[\w'’-]+(?:s|ness|ion|ity|ment)\b"
                              r"|\bnot\s+(?:a|an)\s+[^,;.“”\"]{3,80}?,?\s+but\s+(?:rather\s+)?(?:a|an)\s+", re.I)
#: The writer speaking for everyone's mind (session 36): "… in ways nobody is quite ready to
#: contemplate", "Everyone knows the vote is close". Who was hurt ("No one was injured") is news.
EVERYONE_MINDS = re.compile(r"\b(?:no\s*one|no-one|nobody|everyone|everybody)\s+(?:is|was|are|were|seems|seemed)?\s*"
                            r"(?:(?:quite|really|fully|yet|truly|entirely)\s+)?(?:ready|prepared|knows|knew|expects|expected|"
                            r"imagines|imagined|wants|wanted|cares|cared|understands|understood|saw\s+it\s+coming)\b", re.I)
#: Bare words for sayers the line does not name (session 36): "Some say they hear echoes of …",
#: "Critics argue …". Who says it is the reader's first question; the writer's view in others'
#: mouths is no one's line. ("Some of the dockers said …" and "Critics in the council said …" say who.)
VAGUE_SAYERS = frozenset({"some", "many", "others", "critics", "observers", "skeptics", "sceptics", "detractors",
                          "commentators", "pundits"})


def vague_sayer(own: str) -> bool:
    """Whether the line's main verb of saying or thinking has for its subject a bare word for
    people it does not name ("Some say …", "Critics argue …")."""
    doc = parsed(own)
    for verb in doc:
        if verb.dep_ != "ROOT" or (verb.lemma_.lower() not in SPEECH_VERBS and verb.lemma_.lower() not in ATTRIBUTING):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in VAGUE_SAYERS and not any(True for _ in subject.children):
            return True
    return False


def writers_view(own: str) -> bool:
    """Whether the line, outside its quotations, is the outlet's own verdict rather than
    news: how someone fared ("had a rough day"), how someone spoke ("said carefully"), or
    advice, guesses and verdicts said for no one ("Voters should …", "… will almost certainly
    …", "The ruling was a setback for …")."""
    if FARED.search(own):
        return True
    if any(m.group("adverb").lower() not in NOT_MANNER for m in SPOKEN_MANNER.finditer(own)):
        return True
    for stance in (VERDICT, WRITERS_STANCE, REACTION_READING, CONTRAST_READING, EVERYONE_MINDS):
        match = stance.search(own)
        if match and not attributed(own, match.start()):
            return True
    return (event_as_doer(own) or guess_at_an_events_effect(own) or reasoned_forecast(own)
            or vague_sayer(own))


#: Auxiliaries of a guess ("may bestow", "could give"): what may follow, not what happened.
GUESS_AUXILIARIES = frozenset({"may", "might", "could"})
#: Verbs of when an event happens ("The vote could come on Friday"): its timing, not its effect.
OCCURRING = frozenset({"come", "take", "happen", "occur", "begin", "start", "end", "arrive", "be", "last"})


def guess_at_an_events_effect(own: str) -> bool:
    """Whether the line, said for no one, guesses what someone's deed may bring about: "Ada
    Roos's victory may bestow enough momentum to …" (session 35). The doer is an event told
    as someone's ("her win", "the council's vote"); what a person or body may do ("The board
    could vote on Friday") is a plan, and news, and so is what someone says may happen."""
    doc = parsed(own)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_ in OCCURRING:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in GUESS_AUXILIARIES for c in root.children):
        return False
    doer = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return (doer is not None and doer.pos_ == "NOUN" and not doer.ent_type_
            and any(c.dep_ == "poss" for c in doer.children) and not attributed(own, root.idx))


#: What someone will be free to do, a forecast of a state rather than a deed set for a day
#: ("… will be at liberty to turn to …", "… will be able to …").
FREED_TO = re.compile(r"\b(?:will|’ll|'ll) be (?:able|free|at liberty|in a position) to\b", re.I)
#: A future, then ", so" and another drawn from it ("… will pay more, so they'll shop …").
#: (The parser often takes the second clause for the main one; the words say it plainly.)
FUTURE_DRAWN = re.compile(r"\b(?:will|shall)\b[^.;“”\"]*?,\s+so\s+(?:that\s+)?(?:[\w-]+\s+){0,3}?(?:will\b|[\w-]+(?:’ll|'ll)\b)", re.I)


def reasoned_forecast(own: str) -> bool:
    """Whether the line, said for no one, is the writer's forecast: what someone will be free
    to do ("By May, Roos will be at liberty to turn to …"), or one future drawn from another
    ("Dockers will pay more, so they'll work longer"), the writer's reasoning told as what
    will happen. A future set for a day ("The council will vote on Friday") stays news."""
    freed = FREED_TO.search(own)
    if freed and not attributed(own, freed.start()):
        return True
    drawn = FUTURE_DRAWN.search(own)
    return bool(drawn) and not attributed(own, drawn.start())


def outlets_reading(text: str) -> bool:
    """Whether the line, said for no one, is the outlet's reading of how someone did or what
    an event amounts to (:func:`~storyweave.brief.reading.reading_at`: "Varga struggled to
    answer …", "… got what she needed", "… addressed — albeit obliquely — …"). Said by someone
    in the line, it is their view, and news."""
    own = QUOTED.sub("", plain(text))
    at = reading_at(own)
    return at is not None and not attributed(own, at)


def event_as_doer(own: str) -> bool:
    """Whether the line, said for no one, makes an event or a thing the doer of a change to
    a contest or a standing (:data:`EVENT_READING`): "The attacks reframed the race". A
    person or body named as the doer ("The Senate reclaimed control of the budget") does a
    deed, and is news; so is what someone says an event did."""
    for match in EVENT_READING.finditer(own):
        verb = next((t for t in parsed(own) if t.idx == match.start()), None)
        if verb is None or attributed(own, match.start()):
            continue
        # a verb joined to another shares its subject ("… attacks reframed the race and upended …")
        holder = verb.head if verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children) else verb
        doer = next((c for c in holder.children if c.dep_ == "nsubj"), None)
        # An event is told with what it is of or whose it is ("the attacks in Paris", "the
        # assault on the port", "her win"); a bare common noun is as often a body ("the party
        # reclaimed control of the House"), whose deed is news.
        if (doer is not None and doer.pos_ == "NOUN" and not doer.ent_type_
                and any(c.dep_ in ("poss", "prep") for c in doer.children)):
            return True
    return False


def attributed(text: str, at: int | None = None) -> bool:
    """Whether someone in the line says or holds what it says: "according to", or a verb of
    saying or thinking with a subject of its own ("the council said", "critics fear") that the
    words at character ``at`` (when given) are told under ("… should resign, the court ruled").
    Such a verb's word with no one doing it ("pledged delegates", "will force him to
    acknowledge"), or in a clause of its own ("The ruling was a setback for the mayor, whose
    lawyers argued …"), puts the line in no one's mouth."""
    doc = parsed(text)
    if any(t.lemma_.lower() == "accord" for t in doc):
        return True
    token = next((t for t in doc if t.idx <= at < t.idx + len(t) + 1), None) if at is not None else None
    if token is None:
        verbs = list(doc)
    else:
        # The verb the words are reported under: the one whose clause holds them ("critics fear
        # the vote will …"), or one set beside their clause ("…, the court ruled").
        chain = [token, *token.ancestors]
        verbs = [t.head for t in chain if t.dep_ == "ccomp"] + [c for t in chain for c in t.children if c.dep_ == "parataxis"]
        verbs += [t for t in chain if t.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c in chain for c in t.children)]
    return any((t.lemma_.lower() in SPEECH_VERBS or t.lemma_.lower() in ATTRIBUTING)
               and any(c.dep_ in ("nsubj", "nsubjpass", "agent", "expl") for c in t.children) for t in verbs)
