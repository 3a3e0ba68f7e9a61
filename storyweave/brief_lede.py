"""brief's lede: whether a line could open a story (:func:`can_open`).

A brief, like a news story, opens on what happened. Some lines are good further down but
cannot be read first: they point back at a line before them ("Varga has also played …",
"Even the harbour master …"), hold back their news behind a colon ("… agreed on one thing:
…"), set a feature's scene ("Standing in the middle of the hall, Varga stared …") or give the
outlet's verdict on how someone did ("Varga struggled to answer …"). Such a line keeps its
place among the others; it only does not go in front.
"""

from __future__ import annotations

import re
from typing import Any

from .brief_support import QUOTED, plain
from .nlp import parsed

#: "Even the decision to …": the line tops a list the reader has not been given.
EVEN_START = re.compile(r"^even\b", re.I)
#: A feature's scene-setting opening: the person's posture or gaze before any news
#: ("Standing in the midst of the crowd, …", "Seated behind a desk, …").
SCENE_START = re.compile(r"^(?:standing|sitting|seated|leaning|perched|kneeling|lying|strolling|pacing|wandering|gazing"
                         r"|staring|peering)\b", re.I)
#: A teaser's colon: "Both sides agreed on one thing after the ruling: …" holds back what
#: it announces for the words after it.
TEASING_COLON = re.compile(r"\b(?:one|two|three|a few|several) (?:thing|question|message|lesson|point)s?\b[^:;.]*:\s", re.I)
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


def can_open(line: str) -> bool:
    """Whether a brief line could be the first a reader sees: it points back at no line
    before it, sets no feature's scene, teases with no colon, and gives no verdict of the
    outlet's on how someone did (:func:`outlets_verdict`) nor its reading of what an event
    foreshadows or has become."""
    own = QUOTED.sub("", plain(line)).strip()
    if EVEN_START.match(own) or SCENE_START.match(own):
        return False
    if TEASING_COLON.search(own) or FORETASTE.search(own) or SIGNIFICANCE.search(own):
        return False
    doc = parsed(own)
    return not (points_back(doc) or outlets_verdict(doc))


def points_back(doc: Any) -> bool:
    """Whether the line's main clause says it adds to something told before: "Varga has
    also played …", "Varga won Ostland, too" ("also known as" names, and adds to nothing;
    "too close to call" is a degree, told of no verb)."""
    for token in doc:
        if token.lower_ not in ("also", "too") or token.dep_ != "advmod" or not _in_main_clause(token.head):
            continue
        if token.lower_ == "also" and token.head.lemma_ in ("know", "call", "name"):
            continue
        return True
    return False


def outlets_verdict(doc: Any) -> bool:
    """Whether the line's main clause rates how a person did, in the outlet's words: "Varga
    struggled to answer a simple question", "Varga proved adept at dodging questions". Firefighters
    who "struggled to contain the blaze" did a deed; the verdict is on a named person (or a
    "he"/"she"), whom the outlet judges."""
    for verb in doc:
        if not _in_main_clause(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in ("he", "she")):
            continue
        if verb.lemma_ == "struggle" and any(c.dep_ == "xcomp" for c in verb.children):
            return True
        if verb.lemma_ == "prove" and any(c.dep_ in ("acomp", "oprd") and c.lower_ in SHOWING for c in verb.children):
            return True
    return False


def _in_main_clause(verb: Any) -> bool:
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
