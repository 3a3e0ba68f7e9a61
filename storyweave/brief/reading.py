"""brief's readings: whether a line is the outlet's reading of how someone did or what an
event amounts to (:func:`reading_at`).

Such a line is written as news but tells the reader what to make of it: "Varga struggled to
answer a simple question", "Varga got what she needed in Ostland", "Neither candidate showed
much of an appetite for a fight", "Varga passed up easy chances to challenge Brand", "a
winning streak, but one that changes little", "The quarrel has emerged as a flash point",
"Varga addressed — albeit obliquely — the criticism", "Varga has sought to bolster her
credibility as …". The brief leaves such a line out when a plain line of the story can take its
place (:func:`storyweave.brief.brief`); it never opens on one (:mod:`storyweave.brief.lede`).
"""

from __future__ import annotations

import re
from typing import Any

from ..nlp import parsed

#: An adjective the outlet rates someone's showing with after "proved" ("proved adept at
#: filibustering", "proved unable to …").
SHOWING = frozenset("adept able unable capable incapable skilled skillful skilful masterful inept effective ineffective"
                    " deft clumsy".split())
#: "got a taste of where the race could be heading": the outlet reads what an event
#: foreshadows.
FORETASTE = re.compile(r"\b(?:got|gets|get|getting)\s+(?:a|an|their|his|her|its|the)\s+(?:\w+\s+)?"
                       r"(?:taste|glimpse|foretaste|preview)\b", re.I)
#: What the outlet says an event has become for a contest ("has emerged as a flash point").
SIGNIFICANCE = re.compile(r"\b(?:emerged|emerges|emerging|become|became|becomes|becoming)\s+(?:as\s+)?(?:an?|the)\s+"
                          r"(?:[\w-]+\s+){0,4}?(?:flash\s*point|turning point|rallying cry|lightning rod|litmus test"
                          r"|test case|defining moment|wake-up call)\b", re.I)
#: The outlet's verdict on how someone did, told as what they did: the result they needed
#: ("got what she needed in Ostland"), the fight they showed no taste for ("showed little
#: appetite for a fight"), the chances it says they let go ("passed up easy chances to …").
SHOWED = re.compile(r"\b(?:got|gets|get|getting)\s+(?:just\s+|exactly\s+|precisely\s+)?what\s+(?:he|she|they|it)\s+"
                    r"(?:needed|wanted|came for)\b"
                    r"|\b(?:showed|shows|show|showing)\s+(?:much|little|no|any|more|less|an|a)\s+(?:of\s+an?\s+)?"
                    r"(?:appetite|stomach)\s+for\b"
                    r"|\b(?:passed|passes|pass|passing)\s+up\s+(?:\w+\s+){0,2}?(?:chances?|opportunit(?:y|ies))\s+to\b",
                    re.I)
#: "a winning streak, but one that changes little": the outlet weighs what the thing it has
#: named amounts to.
WEIGHED = re.compile(r",\s+but\s+one\s+(?:that|which)\b", re.I)
#: "addressed — albeit obliquely — the criticism": how someone did it, in the writer's word
#: ("albeit briefly" is how long).
ALBEIT_MANNER = re.compile(r"\balbeit\s+(?!(?:briefly|temporarily|partly|partially|only|slightly)\b)\w+ly\b", re.I)
#: The outlet's reading of a motive, said for no one (session 35): "has sought to bolster his
#: credibility as a tough enforcer", "is trying to soften her image". What someone did is news;
#: what they did it for, in the writer's words, is the writer's reading.
MOTIVE = re.compile(r"\b(?:sought|seeks?|seeking|tried|tries|try|trying|aims?|aimed|aiming|looks?|looked|looking)\s+to\s+"
                    r"(?:bolster|burnish|shore\s+up|polish|soften|improve|boost|cement|rehabilitate|repair|restore)\s+"
                    r"(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:credibility|image|standing|credentials|reputation|profile"
                    r"|bona\s+fides)\b", re.I)
#: Nouns of office that, with a name before them ("the Ostland senator", "the Republican
#: front-runner"), stand for one person.
OFFICE = frozenset("senator governor congressman congresswoman candidate nominee front-runner frontrunner president"
                   " mayor speaker secretary chairman chairwoman leader minister".split())


def reading_at(own: str) -> int | None:
    """Where the line, outside its quotations, gives the outlet's reading of how someone did
    or what an event amounts to (the character it starts at, for the caller to ask whether
    someone in the line says it), or None."""
    for pattern in (FORETASTE, SIGNIFICANCE, SHOWED, WEIGHED, ALBEIT_MANNER, MOTIVE):
        match = pattern.search(own)
        if match:
            return match.start() if pattern is not WEIGHED else match.end() - 1
    verb = outlets_verdict(parsed(own))
    return verb.idx if verb is not None else None


def outlets_verdict(doc: Any) -> Any | None:
    """The verb of the line's main clause that rates how a person did, in the outlet's
    words: "Varga struggled to answer a simple question", "Varga proved adept at dodging
    questions". Firefighters who "struggled to contain the blaze" did a deed; the verdict is
    on a named person (or a "he"/"she", or one named by office: "the Ostland senator"),
    whom the outlet judges."""
    for verb in doc:
        if not in_main_clause(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None or not _a_person(subject):
            continue
        if verb.lemma_ == "struggle" and any(c.dep_ == "xcomp" for c in verb.children):
            return verb
        if verb.lemma_ == "prove" and any(c.dep_ in ("acomp", "oprd") and c.lower_ in SHOWING for c in verb.children):
            return verb
    return None


def _a_person(subject: Any) -> bool:
    if subject.pos_ == "PROPN" or subject.lower_ in ("he", "she"):
        return True
    # "The Ostland senator": one office holder, named by the place or party before the title
    return (subject.tag_ == "NN" and subject.lower_ in OFFICE
            and any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in subject.children))


def in_main_clause(verb: Any) -> bool:
    """Whether a verb is the main verb of its sentence or one joined to it by "and"."""
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
