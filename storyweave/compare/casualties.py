"""Casualty findings: different numbers of people killed or injured, and of times a person was hit."""

from __future__ import annotations

import re
from typing import Any, Sequence

from ..align.words import content_words
from ..extract.attribution_words import SPEECH_VERBS
from ..model import Claim
from ..name_swaps import TITLES
from .figures import (RANGE_START, _MODALS, _OTHER_TIME, _PLACES, _compatible, _figure_tokens, _names_by_article, _numbers,
                      _report_counts)

#: Words telling that people were hurt or killed, by what they count: "40 people were
#: injured", "25 were hurt" and "wounding 25" count one thing in other words.
CASUALTY_WORDS = {"injure": "injured", "injured": "injured", "hurt": "injured", "wound": "injured", "wounded": "injured",
                  "kill": "killed", "killed": "killed", "die": "killed", "dead": "killed"}
#: Nouns that say only that people are counted: "ten people" and "ten" count one thing,
#: "two officers" another.
_ANY_PEOPLE = frozenset({"people", "person", "other", "others"})
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
#: A subject that points back to what another sentence named: "It killed 300 people" may
#: be the quake of a paragraph about an earlier one.
_POINTING_BACK = frozenset({"it", "that", "this", "those", "these", "they"})


def _casualty(number: Any) -> tuple[str, str, Any] | None:
    """What a count of people hurt or killed counts, from the parse of its figure: the kind
    (injured, killed), the noun counted ("" for people in general) and the word telling the
    harm. "40 people were injured", "injuring 40", "at least 30 injured", "nine dead". None
    for a part of a count ("20 of the 60 wounded") or a figure of something else."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children):
        return None
    counted = number.head if number.dep_ == "nummod" else number
    if counted.lemma_.lower() in CASUALTY_WORDS and counted is not number:
        return CASUALTY_WORDS[counted.lemma_.lower()], "", counted  # "about 50 hurt"
    if counted.dep_ in ("nsubj", "nsubjpass", "dobj") and counted.head.lemma_.lower() in CASUALTY_WORDS:
        harm = counted.head
    else:
        harm = next((c for c in counted.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in CASUALTY_WORDS), None)
        if harm is None and counted.dep_ == "nsubj" and counted.head.lemma_ == "be":
            harm = next((c for c in counted.head.children if c.dep_ == "acomp" and c.lemma_.lower() in CASUALTY_WORDS), None)
    if harm is None:
        return None
    noun = counted.lemma_.lower() if counted.pos_ == "NOUN" and counted.lemma_.lower() not in _ANY_PEOPLE else ""
    return CASUALTY_WORDS[harm.lemma_.lower()], noun, harm


def _told_of_another_time_or_group(number: Any, harm: Any) -> bool:
    """Whether a count is told of a part of the people (named by place: "two people from
    Holm village"), of another time than the story's, of a subject pointing back to
    another sentence ("It killed 300 people"), or as what may be ("could rise to 100"),
    negated or hedged."""
    counted = number.head if number.dep_ == "nummod" else number
    if any(t.pos_ == "PROPN" for t in counted.subtree):
        return True
    clause = harm
    while clause.dep_ in ("conj", "advcl", "acl", "xcomp") and clause.head.i != clause.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            break
        clause = clause.head
    for verb in {harm, clause}:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != counted.i and (
                    c.lower_ in _POINTING_BACK or any(d.dep_ == "det" and d.lower_ in _POINTING_BACK for d in c.children)):
                return True
    # "could rise to 100 dead", "were not injured": a verb above the count says it may not be so.
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MODALS
               for t in [counted, harm, *harm.ancestors, *counted.ancestors] for c in t.children)


def _places_of_harm(harm: Any) -> set[str]:
    """The places a harm is told of ("killed ten in Lusk"), leaving out the doer's own
    description ("the blast in Lusk injured 40" is the story's blast wherever it was)."""
    doer = {t.i for c in harm.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
    return {w for t in harm.subtree if t.i not in doer and t.ent_type_ in _PLACES for w in content_words(t.text)}


def _days_told(doc: Any, claim: Claim) -> set[str]:
    """The weekdays a sentence places what it tells on, leaving out the day a source spoke
    ("40 were hurt on Saturday, police said on Monday" tells of Saturday): a weekday whose
    nearest verb is a verb of saying dates the report, not the event."""
    span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand") if doc is not None else None
    if span is None:
        return {d.lower() for d in _WEEKDAY.findall(claim.text)}
    days = set()
    for t in span:
        if not _WEEKDAY.fullmatch(t.text):
            continue
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.lemma_.lower() not in SPEECH_VERBS:
            days.add(t.lower_)
    return days


def _dates_part(text_a: str, text_b: str, days_a: set[str], days_b: set[str]) -> bool:
    """Whether two sentences place their counts at two times: one names another time than
    the story's ("in March", "in 1999", "over the past week"), or each names its
    own day ("on Saturday" / "on Sunday"; :func:`_days_told`). A day named by one only is
    the story's day."""
    if _OTHER_TIME.search(text_a) or _OTHER_TIME.search(text_b):
        return True
    return bool(days_a and days_b and not days_a & days_b)


def _casualty_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None) -> None:
    """Different counts of the people hurt (or killed) in different articles, however the
    sentences word it: "40 people were injured" / "25 were hurt" / "wounding 30". Bare counts
    elsewhere need the two sentences to be one statement; a count of casualties names what
    it counts by its verb, so the kind of harm and the people counted ("people", or the
    same noun: "officers" / "officers") tie them. Counts of a part, of another time or of
    a subject pointing back to another sentence are left out (:func:`_told_of_another_time_or_group`,
    :func:`_dates_part`); places the two sentences do not share set them apart."""
    if not docs:
        return
    counts: list[tuple[Claim, str, tuple[str, str], tuple[float, str], set[str]]] = []
    named_in = _names_by_article(claims, docs)
    for c in claims:
        doc = docs.get(c.article)
        for shown, unit, _, value, bound in _numbers(c.text):
            if unit or bound == RANGE_START:
                continue
            chunk = _figure_tokens(doc, c, shown)
            if not chunk:
                continue
            found = _casualty(chunk[-1])
            if not found or _told_of_another_time_or_group(chunk[-1], found[2]):
                continue
            elsewhere = {w for t in found[2].subtree if t.ent_type_ in _PLACES for w in content_words(t.text)}
            if any(not any(w in words for art, words in named_in.items() if art != c.article) for w in elsewhere):
                continue  # "a dozen were killed by a quake in eastern Lund": a place no other article names
            counts.append((c, shown, found[:2], (value, bound), _places_of_harm(found[2])))
    days = {c.id: _days_told(docs.get(c.article), c) for c, *_ in counts}
    conflicts: dict[tuple[str, str], dict[str, tuple[Claim, str]]] = {}
    for i, (a, shown_a, what_a, value_a, places_a) in enumerate(counts):
        for b, shown_b, what_b, value_b, places_b in counts[i + 1 :]:
            if a.article == b.article or what_a != what_b or _compatible(value_a, value_b):
                continue
            if _dates_part(a.text, b.text, days[a.id], days[b.id]):
                continue
            if places_a - set(content_words(b.text)) or places_b - set(content_words(a.text)):
                continue  # "killed 10 in Lusk" / "killed 3": another place's toll
            versions = conflicts.setdefault(what_a, {})
            versions.setdefault(f"{a.id} {shown_a}", (a, shown_a))
            versions.setdefault(f"{b.id} {shown_b}", (b, shown_b))
    for (kind, noun), versions in sorted(conflicts.items()):
        _report_counts(add, f"of {noun}s {kind}" if noun else f"of people {kind}", versions)


#: Verbs telling that a person was hit by gunfire: "Vell was shot nine times", "hitting
#: him six times", "six bullets struck Vell", "hit by six bullets".
_HIT_VERBS = frozenset({"shoot", "hit", "strike"})
#: Verbs of which a bullet is the subject when it hits someone: "seven bullets entered his body".
_BULLET_HITS = frozenset({"hit", "strike", "enter", "pierce"})
_BULLETS = frozenset({"bullet", "round", "shot"})
#: Findings on a body, whose owner is the one a pronoun in what they show stands for
#: ("Vell's autopsy showed he had been shot six times").
_BODY_FINDINGS = frozenset({"autopsy", "post-mortem", "postmortem", "x-ray", "scan"})
_HIT_PRONOUNS = frozenset({"he", "she", "him", "her"})


def _person_hit(verb: Any) -> Any:
    """The person a verb of hitting tells of, when it is named: the subject of "Vell was
    shot" or the object of "struck Vell", or the owner of an autopsy that shows "he was shot"
    (:func:`_owner_of_the_finding`). None for no one named ("he was shot"), a thing ("struck
    the car") or a shot aimed ("shot at Vell": how often someone fired)."""
    if any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children):
        return None
    person = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if person is not None and person.lower_ in _HIT_PRONOUNS:
        return _owner_of_the_finding(verb)
    return person if person is not None and person.pos_ == "PROPN" else None


def _owner_of_the_finding(verb: Any) -> Any:
    """The named owner of a finding on a body that reports the verb ("Vell's autopsy
    showed he had been shot six times": the only person it can be), else None: a pronoun
    is read no further ("Vell's lawyer said he had been shot" may be the lawyer)."""
    if verb.dep_ != "ccomp":
        return None
    finding = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.lemma_.lower() in _BODY_FINDINGS), None)
    owner = next((c for c in finding.children if c.dep_ == "poss"), None) if finding is not None else None
    return owner if owner is not None and owner.pos_ == "PROPN" else None


def _times_hit(number: Any) -> tuple[set[str], Any] | None:
    """The name of the person a count of hits tells of, and the verb telling it, from the
    parse of its figure: "Vell was shot nine times", "hitting Vell six times", "six bullets
    struck Vell", "Vell was hit by six bullets". None for shots fired ("fired 14 shots",
    "fired 14 times": the hits are another count), a part ("three of the seven bullets")
    and a figure of anything else."""
    if number.dep_ != "nummod" or any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children):
        return None
    counted = number.head
    noun = counted.lemma_.lower()
    verb = None
    if noun == "time" and counted.dep_ in ("npadvmod", "advmod") and counted.head.lemma_.lower() in _HIT_VERBS:
        verb = counted.head  # "shot nine times"
    elif noun == "time" and counted.dep_ == "appos" and counted.head.dep_ == "dobj" \
            and counted.head.head.lemma_.lower() in _HIT_VERBS:
        verb = counted.head.head  # "hitting Vell nine times", the count parsed as the name's apposition
    elif noun in _BULLETS and counted.dep_ == "nsubj" and counted.head.lemma_.lower() in _BULLET_HITS:
        verb = counted.head  # "six bullets struck Vell"
    elif noun in _BULLETS and counted.dep_ == "pobj" and counted.head.dep_ == "agent" \
            and counted.head.head.lemma_.lower() in _HIT_VERBS:
        verb = counted.head.head  # "was hit by six bullets"
    person = _person_hit(verb) if verb is not None else None
    if person is None:
        return None
    # A title ("Mr.", "Sgt.") is no part of whom: two men called "Mr." are two people.
    name = {w for t in person.subtree if t.pos_ == "PROPN" and t.lower_.rstrip(".") not in TITLES for w in content_words(t.text)}
    return (name, verb) if name else None


def _shot_count_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None) -> None:
    """Different counts of the times one named person was hit in a shooting, however the
    sentences word it: "Vell was shot nine times" / "six bullets struck Vell" / "hitting
    Vell six times". The person's name ties the two sentences, as the harm and the people
    counted tie counts of casualties (:func:`_casualty_conflicts`); shots fired are not
    hits ("fired 14 shots" / "six bullets hit him" tell two things). A count negated or
    under a modal, or a sentence naming another time ("shot twice in 2009"), is left out."""
    if not docs:
        return
    counts: list[tuple[Claim, str, set[str], tuple[float, str]]] = []
    for c in claims:
        if _OTHER_TIME.search(c.text):
            continue  # "shot twice in 2009": another shooting of the same man
        for shown, unit, _, value, bound in _numbers(c.text):
            if unit or bound == RANGE_START:
                continue
            chunk = _figure_tokens(docs.get(c.article), c, shown)
            found = _times_hit(chunk[-1]) if chunk else None
            if found is None or any(t.dep_ == "neg" or t.dep_ == "aux" and t.lower_ in _MODALS
                                    for v in [found[1], *found[1].ancestors] for t in v.children):
                continue
            counts.append((c, shown, found[0], (value, bound)))
    conflicts: dict[str, dict[str, tuple[Claim, str]]] = {}
    for i, (a, shown_a, name_a, value_a) in enumerate(counts):
        for b, shown_b, name_b, value_b in counts[i + 1 :]:
            if a.article != b.article and name_a & name_b and not _compatible(value_a, value_b):
                versions = conflicts.setdefault(min(name_a & name_b), {})  # one finding a person
                versions.setdefault(f"{a.id} {shown_a}", (a, shown_a))
                versions.setdefault(f"{b.id} {shown_b}", (b, shown_b))
    for _, versions in sorted(conflicts.items()):
        _report_counts(add, "of times a person was hit", versions)
