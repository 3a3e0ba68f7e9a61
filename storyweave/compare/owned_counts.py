"""Owned-count findings: different counts of one owner's or one deed's thing, tied by the parse."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Sequence

from ..align.words import UPDATED_AFTER_DAYS, content_words
from ..model import Claim
from ..name_swaps import TITLES
from .figures import (_MODALS, _PLACES, _compatible, _holder_named, _names_by_article, _numbers, _report_counts,
                      bare_count_tokens)

#: Verbs telling that a thing was destroyed whole: "leveled seven villages", "four
#: villages were destroyed" count one thing in other words. (Damage is another count: a
#: village damaged may stand.)
_DESTROY_VERBS = frozenset({"destroy", "level", "flatten", "raze", "demolish", "wreck", "obliterate"})


def _owner_words(token: Any) -> set[str]:
    """The words of a name (a proper noun and its compound parts), titles left out; empty
    for anything but a name ("he", "the team")."""
    return {w for t in _name_tokens(token) for w in content_words(t.text)}


def _name_tokens(token: Any) -> list[Any]:
    """The proper nouns of a name, titles left out; none for anything but a name."""
    if token.pos_ != "PROPN":
        return []
    return [t for t in token.subtree if t.pos_ == "PROPN" and t.lower_.rstrip(".") not in TITLES]


def _subject_of(verb: Any) -> Any:
    """The subject of a verb, read through a relative clause ("Vell, who now has 40") and
    through verbs joined by "and" that share the first one's subject ("finished with 20
    and now has 40")."""
    while True:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return verb.head
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head


def _count_of_one_owner(number: Any) -> tuple[str, str, frozenset[str], str] | None:
    """What a bare count is a count of, when its sentence ties it to one owner or one deed
    whatever else the sentences say: what a named person or body has ("Vell now has 2,040
    points", "Vell has 2,040") — by the thing counted and the name; a named owner's
    measure given with "of" ("Vell's record of 2,012") — by the measure and the name; or
    things destroyed whole ("leveled seven villages", "four villages were destroyed") — by
    the thing. As (kind, the thing or measure, the owner's name words, the word printed);
    None for any other count, a part ("three of the seven"), or a count negated or under
    a modal ("would have 30")."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children):
        return None
    counted = number.head if number.dep_ == "nummod" else number
    found = None
    # Only what one has now ("has 2,040"): what one had ("had 10 points in the first seven
    # minutes") may be a stretch of the event, a running count.
    if counted.dep_ == "dobj" and counted.head.lemma_.lower() == "have" and counted.head.tag_ in ("VBZ", "VBP"):
        subject = _subject_of(counted.head)
        owner = _owner_words(subject) if subject is not None else set()
        noun = "" if counted is number else counted.lemma_.lower()
        found = ("has", noun, frozenset(owner), "" if counted is number else counted.lower_), counted.head
    elif counted.dep_ == "pobj" and counted.head.lower_ == "of" and counted.head.head.pos_ == "NOUN":
        measure = counted.head.head
        owner = next((_owner_words(c) for c in measure.children if c.dep_ == "poss"), set())
        found = ("of", measure.lemma_.lower(), frozenset(owner), measure.lower_), measure
    elif counted is not number and counted.pos_ == "NOUN" and (
            counted.dep_ in ("dobj", "nsubjpass") and counted.head.lemma_.lower() in _DESTROY_VERBS):
        found = ("destroyed", counted.lemma_.lower(), frozenset(), counted.lower_), counted.head
    if found is None or (found[0][0] != "destroyed" and not found[0][2]):
        return None
    what, word = found
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MODALS for t in [word, *word.ancestors] for c in t.children):
        return None
    return what


def _owned_count_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None,
                           days: dict[str, dt.date | None] | None = None) -> None:
    """Different counts of one owner's or one deed's thing in sentences built differently,
    which the general number rule cannot take for one statement: "Vell now has 2,040
    points" / "Vell now has 2,004 points in 96 games"; "Vell's record of 2,012" / "Vell's
    scoring record of 2,021 points"; "leveled seven villages" / "four villages were
    destroyed". The owner's name and the verb (or the measure) tie the figures, as the harm
    ties counts of casualties (:func:`_casualty_conflicts`); two things counted ("has 20
    points" / "has 12 rebounds") or two owners are kept apart. A sentence naming another
    time ("had 40 in 2009") is left out, and so are places the other sentence lacks; articles
    published ``UPDATED_AFTER_DAYS`` apart (``days``) tell a running count on two days
    ("Varga has 503 delegates" / "Varga has 866 delegates")."""
    if not docs:
        return
    counts: list[tuple[Claim, str, tuple[str, str, frozenset[str], str], tuple[float, str]]] = []
    # A place most articles name is the story's own ("seven villages in Ostland"): it sets no
    # count apart from one told without it. Other places do ("four villages in Tarn").
    named_in = _names_by_article(claims, docs)
    story_places = {w for w in set().union(*named_in.values()) if 2 * sum(w in ws for ws in named_in.values()) > len(named_in)}
    where: dict[str, set[str]] = {}
    figures = {c.id: {(v, u) for _, u, _, v, _ in _numbers(c.text)} for c in claims}
    for c, shown, value, bound, token in bare_count_tokens(claims, docs):
        found = _count_of_one_owner(token)
        if found is not None:
            counts.append((c, shown, found, (value, bound)))
            where[f"{c.id} {shown}"] = _places_of_count(token, found[0] == "destroyed") - story_places
    # The things each owner is told to have: a count told without its noun ("who now has
    # 2,004") is of the one thing, when only one is told.
    nouns_had: dict[str, set[str]] = {}
    for _, _, (kind, thing, owner, _), _ in counts:
        for w in owner if kind == "has" and thing else ():
            nouns_had.setdefault(w, set()).add(thing)
    conflicts: dict[tuple[str, str, str], dict[str, tuple[Claim, str]]] = {}
    conflicts_words: dict[tuple[str, str, str], tuple[str, set[str]]] = {}
    for i, (a, shown_a, (kind_a, thing_a, owner_a, word_a), value_a) in enumerate(counts):
        for b, shown_b, (kind_b, thing_b, owner_b, word_b), value_b in counts[i + 1 :]:
            if a.article == b.article or kind_a != kind_b or _compatible(value_a, value_b):
                continue
            day_a, day_b = (days or {}).get(a.article), (days or {}).get(b.article)
            if day_a and day_b and abs((day_a - day_b).days) >= UPDATED_AFTER_DAYS:
                continue
            if thing_a != thing_b and not (kind_a == "has" and not (thing_a and thing_b) and owner_a & owner_b
                                           and len(nouns_had.get(min(owner_a & owner_b), ())) <= 1):
                continue  # "has 20 points" / "has 12 rebounds"; "has 2,040" is the one count told of its owner
            if kind_a != "destroyed" and not owner_a & owner_b:
                continue
            if (value_a[0], "") in figures[b.id] or (value_b[0], "") in figures[a.id]:
                continue  # both figures in both sentences: two things counted
            if where[f"{a.id} {shown_a}"] - set(content_words(b.text)) or where[f"{b.id} {shown_b}"] - set(content_words(a.text)):
                continue  # "leveled seven villages in Lusk" / "four villages in Tarn"
            key = (kind_a, thing_a or thing_b, min(owner_a & owner_b) if owner_a & owner_b else "")
            versions = conflicts.setdefault(key, {})
            versions.setdefault(f"{a.id} {shown_a}", (a, shown_a))
            versions.setdefault(f"{b.id} {shown_b}", (b, shown_b))
            conflicts_words.setdefault(key, (word_a or word_b, owner_a & owner_b))
    # "has 2,302" and "has 2,301 points": a count told without its noun is the one count of
    # that owner told with one, when there is only one.
    for kind, thing, owner in [k for k in conflicts if k[0] == "has" and not k[1]]:
        told = [k for k in conflicts if k[0] == "has" and k[1] and k[2] == owner]
        if len(told) == 1:
            for version, cited in conflicts.pop((kind, thing, owner)).items():
                conflicts[told[0]].setdefault(version, cited)
    for key, versions in sorted(conflicts.items()):
        kind, _, _ = key
        word, owner = conflicts_words[key]
        # "Tal Orrin's record": the name without its possessive ending.
        name = _holder_named(set(owner), [re.sub(r"['’]s\b", "", c.text) for c, _ in versions.values()]) if owner else ""
        counted = {"has": f"of {word} {name} has" if word else f"for what {name} has",
                   "of": f"for {name}'s {word}", "destroyed": f"of {word} destroyed"}[kind]
        _report_counts(add, counted, versions)


def _places_of_count(number: Any, destroyed: bool) -> set[str]:
    """The places the things counted are told to be in ("seven villages in Ostland's south"),
    or, for things destroyed, where the verb says they were ("three villages were
    destroyed in Tarn"), leaving out the doer ("the quake in Lund")."""
    counted = number.head if number.dep_ == "nummod" else number
    tokens = list(counted.subtree)
    if destroyed:
        doer = {t.i for c in counted.head.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
        tokens += [t for t in counted.head.subtree if t.i not in doer]
    # Any proper noun: the tagger may miss a small town ("three villages in Tarn").
    return {w for t in tokens if t.ent_type_ in _PLACES or t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")
            for w in content_words(t.text)}
