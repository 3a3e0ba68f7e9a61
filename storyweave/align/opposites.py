"""Opposite moves and steps: going in and out of a place, pleas of guilty and not guilty, steps of a criminal case."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..nlp import parsed
from .proceedings import offence_and_step
from .words import STOPWORDS, content_words


#: A verb with the way it goes: "checked into" / "checked out of", "moved in" / "moved out".
_WAY = re.compile(r"\b([a-z]{3,})\s*-?\s*(into|in to|out of|in|out)\b")
_INWARD = frozenset({"into", "in to", "in"})
_BARE_WAY_END = re.compile(r"\s*(?:$|[.,;:!?)]|(?:at|on|to|for|with|after|before|early|late|again)\b)")


def _ways(text: str) -> set[tuple[str, bool]]:
    """Each verb followed by into/in or out (of), as (its stem, whether inward). A bare
    "in" or "out" counts only where no place or thing follows it ("checked in at Ferro
    House", "moved out on Friday."), since "in" mostly says where ("was arrested in Lund")."""
    found = set()
    lower = text.lower()
    for m in _WAY.finditer(lower):
        verb, way = m.group(1), m.group(2)
        if verb in STOPWORDS or not content_words(verb):
            continue
        if way in ("in", "out") and not _BARE_WAY_END.match(lower, m.end()):
            continue
        found.add((content_words(verb)[0], way in _INWARD))
    return found


#: Being in a state or place a common noun names ("is in talks", "joined the race") and
#: leaving it ("pulled out of talks", "withdrew from the race"), whatever the verb; "in and
#: out of prison" is both.
_DETERMINER = r"(?:(?:the|a|an|its|his|her|their|our|these|those)\s+)?"
_INSIDE = re.compile(r"\b(?:in and out of|in|into|in to|entered|enters|entering|joined|joins|joining)\s+" + _DETERMINER + r"([a-z]+)")
_OUTSIDE = re.compile(r"\b(?:out of|(?:withdr[ae]wn?|withdraw(?:s|ing)?|walk(?:ed|s|ing)? away|exit(?:ed|s|ing)?) from)\s+"
                      + _DETERMINER + r"([a-z]+)")
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve hundred thousand".split())


def _states(text: str) -> set[tuple[str, bool]]:
    """Each common noun the text has someone in or out of, as (its stem, whether in). A
    capitalised place is left to :func:`_ways`, since "in Lund" mostly only says where;
    "two out of three" is a count."""
    found = set()
    for pattern, inside in ((_INSIDE, True), (_OUTSIDE, False)):
        for m in pattern.finditer(text.replace("’", "'")):
            noun = m.group(1)
            if noun not in _NUMBER_WORDS and content_words(noun):
                found.add((content_words(noun)[0], inside))
    return found


def opposite_ways(a: str, b: str) -> bool:
    """Whether one sentence has someone go into what the other has them come out of, with
    one verb ("has checked into the Ferro Clinic" / "has checked out of the Ferro Clinic"),
    or be in a state the other has them leave ("is still in talks" / "has pulled out of
    talks"): the words the two share, all but one or two, make them close to every model,
    and they tell two events."""
    ways_a, ways_b = _ways(a), _ways(b)
    if any((verb, not inward) in ways_b and (verb, not inward) not in ways_a for verb, inward in ways_a):
        return True
    states_a, states_b = _states(a), _states(b)
    return any((noun, not inside) in states_b and (noun, not inside) not in states_a and (noun, inside) not in states_b
               for noun, inside in states_a)


#: Any form of a verb of :data:`proceedings.STEP_OF` or "guilty": a pair without one
#: tells no step of a case.
_STEP_WORD = re.compile(r"\b(?:arrest|detain|apprehend|charg|indict|accus|plead|pled|deni|deny|admit|convict|guilty|"
                        r"acquit|sentenc|jail|impris)", re.I)


@lru_cache(maxsize=65536)
def texts_offence_and_step(a: str, b: str) -> bool:
    """:func:`proceedings.offence_and_step` of two bare sentences (parsed here, and remembered)."""
    if not _STEP_WORD.search(a) and not _STEP_WORD.search(b):
        return False  # no step of a case: the brief asks of every candidate, so spare the parse
    return offence_and_step(parsed(a)[:], parsed(b)[:])


#: What a plea may be: "pleaded guilty", "pleaded not guilty", "pleads innocent".
_PLEAS = frozenset({"guilty", "innocent"})


def _pleas(sentence: Any) -> set[bool]:
    """The pleas a parsed sentence tells, each as whether it admits guilt: "pleaded guilty"
    is True, "pleaded not guilty" and "pleads innocent" False ("not" may hang from the verb
    or the adjective)."""
    found = set()
    for t in sentence:
        if t.pos_ != "VERB" or t.lemma_.lower() != "plead":
            continue
        for plea in (c for c in t.children if c.lower_ in _PLEAS):
            negated = any(c.dep_ == "neg" for c in (*t.children, *plea.children))
            found.add((plea.lower_ == "guilty") != negated)
    return found


def opposite_pleas(a: Any, b: Any) -> bool:
    """Whether one parsed sentence tells a plea of guilty and the other one of not guilty:
    a defendant who pleads not guilty at the arraignment may plead guilty years later
    ("had pleaded not guilty and had been free on bond" / "in April 2003 he pleaded guilty
    to obstruction"), so the two are two events, not two outlets disagreeing on one."""
    pleas_a, pleas_b = _pleas(a), _pleas(b)
    return len(pleas_a) == 1 and len(pleas_b) == 1 and pleas_a != pleas_b


@lru_cache(maxsize=65536)
def texts_opposite_pleas(a: str, b: str) -> bool:
    """:func:`opposite_pleas` of two bare sentences (parsed here, and remembered)."""
    if not all(re.search(r"\bplead", t, re.I) and re.search(r"\b(?:guilty|innocent)\b", t, re.I) for t in (a, b)):
        return False  # no two pleas: spare the parse
    return opposite_pleas(parsed(a)[:], parsed(b)[:])
