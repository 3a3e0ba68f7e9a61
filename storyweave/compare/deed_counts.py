"""Deed-count findings: one person's deed, told with the same verb by two outlets, its count
given differently ("Vell missed nine games this season" / "he missed 10 games this season")."""

from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

from ..align.words import UPDATED_AFTER_DAYS, content_words
from ..model import Claim
from .figures import _MODALS, _compatible, _holder_named, _numbers, _report_counts, bare_count_tokens
from .owned_counts import _owner_words

#: Verbs that tell no deed of their own ("has 20 points", "is 30", "made 12 of 15"): what
#: they count is told by the owned-count and number rules, or is too loose to tie.
_LIGHT_VERBS = frozenset({"have", "be", "do", "get", "make", "take", "give", "include", "see", "need", "want", "use", "put"})

#: Words that make a count one stage or one stretch of a deed, not all of it: "an
#: additional six engines" after "four" is a sum, "the final two games" a stretch.
_STAGE_WORDS = frozenset({"additional", "further", "extra", "more", "another", "other", "first", "last", "final", "next",
                          "remaining", "straight", "consecutive", "previous", "following", "initial", "early", "late",
                          "then", "again", "later", "earlier", "already", "still", "now", "once", "also", "each", "per"})

#: Words of a setting: a time or a place the verb is told at ("in the first half", "at
#: the stadium", "on Tuesday"), which must not part two counts.
_SETTING_PREPOSITIONS = frozenset({"in", "on", "at", "during", "over", "through", "throughout", "within", "by", "from",
                                   "against", "after", "before", "since", "until", "across", "into"})

_PERSONAL_PRONOUNS = frozenset({"he", "she"})


def _doer_of(verb: Any) -> Any:
    """The subject of the verb, read through verbs joined by "and" and through a participle
    or an infinitive without one of its own ("despite missing four games": the main
    clause's subject)."""
    while True:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ not in ("conj", "advcl", "xcomp", "pcomp") or verb.head is verb:
            return subject
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head  # "despite missing": the clause of "despite"


def _people_named(sentence: Any) -> list[Any]:
    """The tokens of people's names in a sentence."""
    return [t for t in sentence if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]


def _named_doer(subject: Any) -> frozenset[str]:
    """The name words of a doer: a name, or "he"/"she" when the sentences before it tell
    of one person only, as their subjects ("Vell came back in May. He had 79 yards. But he
    missed 10 games": Vell). Empty when the doer is not named or may be another person."""
    if subject is None:
        return frozenset()
    if subject.pos_ == "PROPN":
        return frozenset(_owner_words(subject))
    if subject.lower_ not in _PERSONAL_PRONOUNS:
        return frozenset()
    if any(t.i < subject.i for t in _people_named(subject.sent)):
        return frozenset()  # "Tal told Vell he missed …": either may be meant
    sentence = subject.sent
    for _ in range(3):
        if sentence.start == 0:
            return frozenset()
        sentence = subject.doc[sentence.start - 1].sent
        main = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        names = {w for t in _people_named(sentence) for w in content_words(t.text)}
        if main is not None and main.lower_ == subject.lower_ and not names:
            continue
        owner = _owner_words(main) if main is not None and main.pos_ == "PROPN" else set()
        # Only the subject's own name in that sentence: another person named may be meant.
        return frozenset(owner) if owner and names <= owner else frozenset()
    return frozenset()


def _setting_words(verb: Any, counted: Any) -> set[str]:
    """The content words of the times and places the deed is set in: the verb's (and the
    counted noun's) prepositional phrases of time or place, and its bare time phrases
    ("this season", "Tuesday")."""
    words: set[str] = set()
    for head in (verb, counted):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in _SETTING_PREPOSITIONS or c.dep_ == "npadvmod":
                words |= {w for t in c.subtree for w in content_words(t.text)}
    return words


def _deed_counted(number: Any) -> tuple[str, str, frozenset[str], str, str] | None:
    """What a bare count tells, when the parse makes it the count of a named doer's deed:
    the thing counted is the object of a verb told as done ("Vell missed nine games",
    "missing 10 games" after Vell). As (the verb, the thing, the doer's name words, the
    word printed); None for a part ("10 of the 16 games"), a count of one stage or stretch
    ("an additional six", "the final two games"), a running count ("has missed", "is
    missing"), and a count negated or under a modal."""
    if number.dep_ != "nummod" or any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children):
        return None
    counted = number.head
    verb = counted.head
    if counted.pos_ != "NOUN" or counted.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() in _LIGHT_VERBS:
        return None
    if any(c.lower_ in ("the", "this", "these", "those", "that", "his", "her", "its", "their")
           or c.lower_ in _STAGE_WORDS for c in counted.children if c.i != number.i):
        return None  # "the final two games", "his four games": a stretch named
    if any(c.lower_ in _STAGE_WORDS for c in verb.children) or any(c.lower_ in _STAGE_WORDS for c in number.children):
        return None  # "then called four", "also missed four": one stage told after another
    # A deed told as done: "missed", or a participle of a clause told as done ("despite
    # missing four games"). A perfect or a progressive tells a count to date, which runs on.
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp", "conj"):
        told = verb.head if verb.dep_ != "pcomp" else verb.head.head
        if told.tag_ != "VBD":
            return None
    elif verb.tag_ != "VBD" or any(c.dep_ == "aux" for c in verb.children):
        return None
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MODALS for t in [verb, *verb.ancestors] for c in t.children):
        return None
    doer = _named_doer(_doer_of(verb))
    if not doer:
        return None
    return verb.lemma_.lower(), counted.lemma_.lower(), doer, counted.lower_, verb.lower_ if verb.tag_ == "VBD" else ""


def _deed_count_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None,
                          days: dict[str, dt.date | None] | None = None) -> None:
    """Different counts of one named person's deed, told with the same verb and the same
    noun in sentences that are not one statement: "Vell missed nine games this season
    because of the injury" / "he missed 10 total games this season". The verb, the thing
    counted and the doer tie them; settings of time or place must be told by both, and
    sentences naming another time, a stage ("an additional six"), a stretch ("the final
    two") or a running count ("has missed") are left out, as are articles published
    ``UPDATED_AFTER_DAYS`` apart."""
    if not docs:
        return
    counts: list[tuple[Claim, str, tuple[str, str, frozenset[str], str, str], tuple[float, str], set[str]]] = []
    figures = {c.id: {v for _, _, _, v, _ in _numbers(c.text)} for c in claims}
    for c, shown, value, bound, token in bare_count_tokens(claims, docs):
        found = _deed_counted(token)
        if found is not None:
            counts.append((c, shown, found, (value, bound), _setting_words(token.head.head, token.head)))
    conflicts: dict[tuple[str, str, str], dict[str, tuple[Claim, str]]] = {}
    named: dict[tuple[str, str, str], tuple[str, frozenset[str]]] = {}
    past: dict[str, str] = {}
    for i, (a, shown_a, (verb_a, thing_a, doer_a, word_a, past_a), value_a, set_a) in enumerate(counts):
        for b, shown_b, (verb_b, thing_b, doer_b, _, past_b), value_b, set_b in counts[i + 1 :]:
            if a.article == b.article or verb_a != verb_b or thing_a != thing_b or not doer_a & doer_b:
                continue
            if _compatible(value_a, value_b) or value_a[0] in figures[b.id] or value_b[0] in figures[a.id]:
                continue  # both figures in both sentences: two things counted
            day_a, day_b = (days or {}).get(a.article), (days or {}).get(b.article)
            if day_a and day_b and abs((day_a - day_b).days) >= UPDATED_AFTER_DAYS:
                continue
            if set_a - set(content_words(b.text)) or set_b - set(content_words(a.text)):
                continue  # "scored 14 in the second half" / "scored 23"
            key = (verb_a, thing_a, min(doer_a & doer_b))
            versions = conflicts.setdefault(key, {})
            versions.setdefault(f"{a.id} {shown_a}", (a, shown_a))
            versions.setdefault(f"{b.id} {shown_b}", (b, shown_b))
            named.setdefault(key, (word_a, doer_a & doer_b))
            if past_a or past_b:
                past.setdefault(verb_a, past_a or past_b)
    for key, versions in sorted(conflicts.items()):
        word, doer = named[key]
        name = _holder_named(set(doer), [c.text for c, _ in versions.values()])
        # The verb as printed, "missed", "sent": a participle alone ("missing") is not one.
        counted = f"of {word} {name} {past[key[0]]}" if key[0] in past else f"of {word} ({name}, {key[0]})"
        _report_counts(add, counted, versions)
