"""Mention linking: coreference of given mentions (names, nouns, pronouns) across
documents, for gold mentions such as ECB+'s: names by their normalised form and spelling,
nouns by their head word, pronouns to the nearest fitting mention before them, places and
times by their key."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Hashable, Mapping

from rapidfuzz.distance import OSA, Levenshtein

from .entities import COUNTRY_ALIASES, MISSPELT_SURNAME_LENGTH, NAME_SIMILARITY, normalise_name
from .genders import PRONOUN_GENDERS, compatible, given_name_gender, phrase_gender

#: Pronouns that refer back to a person, and to a thing or place.
PERSON_PRONOUNS = frozenset("he him his himself she her hers herself who whom whose i me my mine we us our they them their".split())
THING_PRONOUNS = frozenset("it its itself which that this these those they them their there where".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our my your".split())


@dataclass(frozen=True)
class MentionRef:
    """A mention to link: where it is and what kind of thing it names.

    ``kind`` is ``person``, ``thing``, ``place`` or ``time``; ``position`` orders mentions
    within a document.
    """

    doc: str
    sentence: int
    position: int
    text: str
    kind: str


_PREPOSITIONS = frozenset("in at on of from near inside outside into by for with within".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def head_word(text: str) -> str:
    words = re.findall(r"[\w'-]+", text.lower())
    # "at the plant in Philadelphia" is headed by "plant": drop a leading preposition,
    # then cut at the first one that follows.
    while words and words[0] in _PREPOSITIONS:
        words = words[1:]
    cut = next((n for n, w in enumerate(words) if n and w in _PREPOSITIONS), len(words))
    words = words[:cut]
    words = [w for w in words if w not in _DETERMINERS]
    if not words:
        return text.lower()
    head = words[-1]
    # A crude plural fold ("officials" = "official"): good enough for head matching.
    return head[:-1] if len(head) > 4 and head.endswith("s") and not head.endswith("ss") else head


def _is_name(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in _DETERMINERS]
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _time_key(text: str) -> str:
    """What two time mentions of one story share when they name the same time: "on
    Saturday", "Saturday night" and "late Saturday" all give "saturday"."""
    key = re.sub(r"^((on|at|in|by|since|until|during|from|of|the)\s+)+", "", text.lower().strip())
    days = [w for w in re.findall(r"[a-z]+", key) if w in _WEEKDAYS]
    return days[0] if len(days) == 1 else key


def link_mentions(mentions: list[MentionRef], pronoun_window: int = 2,
                  nominal_scope: Mapping[str, Hashable] | None = None) -> list[int]:
    """Cluster mentions that refer to the same entity, within and across documents.

    Steps, in order: (1) names join by normalised form, country alias, a close spelling of a
    multi-word name, or a one-word name that is the first or last word of exactly one longer
    name; (2) common nouns join mentions of the same kind with the same head word; (3) a
    pronoun joins the nearest earlier mention of a compatible kind in its document, within
    ``pronoun_window`` sentences, skipping people whose phrases state the other gender.

    Args:
        mentions: the mentions; documents should be about one story (cluster them first).
        pronoun_window: how many sentences back a pronoun looks.
        nominal_scope: document -> a finer group (e.g. its sub-story); common nouns join only
            inside one group, because "the police" of two similar events are two police
            forces while a name means one entity across the story. Default: one group.

    Returns:
        A cluster number per mention, in input order.
    """
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    pronouns = [m.text.lower().strip() in PERSON_PRONOUNS | THING_PRONOUNS for m in mentions]
    by_key: dict[tuple[str, str], int] = {}
    names: dict[str, list[int]] = defaultdict(list)
    heads: dict[tuple[str, str, Hashable], int] = {}
    for i, m in enumerate(mentions):
        if pronouns[i]:
            continue
        if m.kind == "time":
            key = _time_key(m.text)
            first = by_key.setdefault(("time", key), i)
            union(first, i)
            continue
        # Mentions of one kind with the same head word are one entity in a story
        # ("the actor", "actor Hugh Jackman", "Jackman").
        scope = nominal_scope.get(m.doc) if nominal_scope is not None else None
        first = heads.setdefault((m.kind, head_word(m.text), scope), i)
        union(first, i)
        if _is_name(m.text):
            key = normalise_name(m.text)
            key = COUNTRY_ALIASES.get(key, key)
            if not key:
                continue
            first = by_key.setdefault((m.kind, key), i)
            union(first, i)
            names[key].append(i)
    keys = sorted(names)
    multi = [k for k in keys if len(k.split()) > 1]
    for i, a in enumerate(multi):
        for b in multi[i + 1 :]:
            wa, wb = a.split(), b.split()
            if len(wa) == len(wb) and (wa[-1] == wb[-1] or wa[0] == wb[0]) and \
                    Levenshtein.normalized_similarity(a, b) >= NAME_SIMILARITY:
                union(names[a][0], names[b][0])
    for single in (k for k in keys if len(k.split()) == 1):
        owners = {find(names[k][0]) for k in multi if single in (k.split()[0], k.split()[-1])}
        if not owners and len(single) >= MISSPELT_SURNAME_LENGTH:
            # A person's surname misspelt once, as in canonical_entities.
            owners = {find(names[k][0]) for k in multi if k.split()[-1][0] == single[0]
                      and OSA.distance(single, k.split()[-1]) == 1
                      and any(mentions[j].kind == "person" for j in names[k])}
        if len(owners) == 1:
            union(names[single][0], owners.pop())
        # An acronym names the one multi-word name whose initials it spells ("IE").
        owners = {find(names[k][0]) for k in multi if len(single) > 1 and "".join(w[0] for w in k.split()) == single}
        if len(owners) == 1:
            union(names[single][0], owners.pop())
    # What a cluster's own phrases say of its gender ("Mr. Brel", "the actress"), else its
    # first names ("Ilse Varga"); two conflicting phrases say nothing.
    stated: dict[int, set[str]] = defaultdict(set)
    named: dict[int, set[str]] = defaultdict(set)
    for i, m in enumerate(mentions):
        if not pronouns[i] and m.kind == "person":
            if gender := phrase_gender(m.text):
                stated[find(i)].add(gender)
            if gender := given_name_gender(m.text):
                named[find(i)].add(gender)
    genders = {j: next(iter(said)) for j in range(len(mentions))
               if len(said := stated.get(find(j)) or named.get(find(j), set())) == 1}
    for i, m in enumerate(mentions):
        if not pronouns[i]:
            continue
        word = m.text.lower().strip()
        wanted = {"person"} if word in PERSON_PRONOUNS - THING_PRONOUNS else {"thing", "place"} \
            if word in THING_PRONOUNS - PERSON_PRONOUNS else {"person", "thing", "place"}
        earlier = [j for j, o in enumerate(mentions) if o.doc == m.doc and not pronouns[j] and o.kind in wanted
                   and (o.sentence, o.position) < (m.sentence, m.position) and m.sentence - o.sentence <= pronoun_window]
        if word in PRONOUN_GENDERS:
            # "she" does not stand for the man the story calls Mr. Brel
            earlier = [j for j in earlier if compatible(genders.get(j), PRONOUN_GENDERS[word])]
        if "person" in wanted:
            # "he" more often continues the named person than the nearest "officials".
            named = [j for j in earlier if mentions[j].kind == "person" and _is_name(mentions[j].text)]
            earlier = named or earlier
        if earlier:
            union(i, max(earlier, key=lambda j: (mentions[j].sentence, mentions[j].position)))
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(mentions))]
