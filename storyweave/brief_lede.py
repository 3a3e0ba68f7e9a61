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

from .brief_reading import in_main_clause, reading_at
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


def can_open(line: str) -> bool:
    """Whether a brief line could be the first a reader sees: it points back at no line
    before it, sets no feature's scene, teases with no colon, and gives no reading of the
    outlet's on how someone did or what an event amounts to (:mod:`storyweave.brief_reading`)."""
    own = QUOTED.sub("", plain(line)).strip()
    if EVEN_START.match(own) or SCENE_START.match(own):
        return False
    if TEASING_COLON.search(own) or reading_at(own) is not None:
        return False
    return not points_back(parsed(own))


def points_back(doc: Any) -> bool:
    """Whether the line's main clause says it adds to something told before: "Varga has
    also played …", "Varga won Ostland, too" ("also known as" names, and adds to nothing;
    "too close to call" is a degree, told of no verb)."""
    for token in doc:
        if token.lower_ not in ("also", "too") or token.dep_ != "advmod" or not in_main_clause(token.head):
            continue
        if token.lower_ == "also" and token.head.lemma_ in ("know", "call", "name"):
            continue
        return True
    return False
