"""The genders of a story's people across its articles, and which of two people sharing a
surname a lone surname names in each article.

:func:`story_genders` reads each article as :func:`~storyweave.extract.genders.person_genders`
does and lets the story's articles vote; :func:`resolve_shared_surnames` gives a lone surname
("Varga" beside "Ilse Varga" and "Tomas Varga") to one of its bearers, article by article.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from typing import Any

from ..model import Annotation, Mention
from .genders import DOMINANCE, FEMALE, MALE, PRONOUN_GENDERS, is_main_subject, person_genders
from .quote_marks import quoted_spans


#: Genders for telling apart people who share a surname: by lone surname's honorific
#: (article, start), by the pronouns after the lone surname (article, surname), and by person.
SurnameGenders = tuple[dict[tuple[str, int], str], dict[tuple[str, str], str], dict[str, str]]


def story_genders(annotations: list[Annotation], by_mention: dict[tuple[str, int, int], str],
                   people: set[str]) -> dict[str, str]:
    """Person -> gender, as most articles of the story that show one read it (see
    :func:`~storyweave.extract.genders.person_genders`; one gender outnumbering the other
    ``DOMINANCE`` times over): "Varga" in a short wire story that never writes "she" right
    after her name is the woman the story's other articles call "Mrs. Varga"."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ann in annotations:

        def person_of(m: Mention, article: str = ann.article.id) -> str | None:
            eid = by_mention.get((article, *m.span))
            return eid if eid in people else None

        def is_subject(m: Mention, doc: Any = ann.doc) -> bool:
            return is_main_subject(doc, m.span) is not False  # (without a parse, any mention)

        quoted = quoted_spans(ann.article.text)
        shown = person_genders(ann, person_of, quoted, is_subject)
        # An article that shows no gender by those means may still write one right after the
        # name ("Varga told the rally she would …"): its pronouns, if one gender dominates.
        following: dict[str, Counter[str]] = defaultdict(Counter)
        for i, m in enumerate(ann.mentions):
            if (eid := person_of(m)) is not None and eid not in shown \
                    and (gender := following_pronoun(ann, i, quoted)) is not None:
                following[eid][gender] += 1
        for eid, counts in following.items():
            shown.update({eid: gender for gender, other in ((MALE, FEMALE), (FEMALE, MALE))
                          if counts[gender] >= DOMINANCE * counts[other]})
        for eid, gender in shown.items():
            votes[eid][gender] += 1
    return {eid: gender for eid, counts in votes.items() for gender, other in ((MALE, FEMALE), (FEMALE, MALE))
            if counts[gender] >= DOMINANCE * counts[other]}


def following_pronoun(annotation: Annotation, index: int, quoted: list[tuple[int, int]]) -> str | None:
    """The gender of the first he/she word after mention ``index`` in its sentence, when no
    other name comes between and neither is quoted ("Brennick, who had left her post" ->
    female)."""
    mention, text = annotation.mentions[index], annotation.article.text
    if mention.sentence >= len(annotation.sentences) or any(a <= mention.span[0] < b for a, b in quoted):
        return None  # (an annotation made without sentences)
    sentence = annotation.sentences[mention.sentence]
    following = [m.span[0] for m in itertools.takewhile(lambda m: m.sentence == mention.sentence,
                                                         annotation.mentions[index + 1 :])]
    if _other_person_before(annotation, index, quoted):
        return None
    for word in re.finditer(r"\b(?:he|him|his|she|her)\b", text[mention.span[1] : sentence.span[1]], re.I):
        at = mention.span[1] + word.start()
        if any(start < at for start in following) or any(a <= at < b for a, b in quoted) \
                or _left_clause_before(annotation.doc, mention.span[0], at):
            return None
        return PRONOUN_GENDERS[word.group(0).lower()]
    return None


def _other_person_before(annotation: Annotation, index: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether someone else is named before mention ``index`` in its sentence: a pronoun
    after the name may then stand for either ("Brel faulted Varga for echoing Holm's refusal
    and told her to quit" says nothing of Holm)."""
    mention = annotation.mentions[index]
    surname = mention.text.split()[-1] if mention.text.split() else ""
    return any(m.sentence == mention.sentence and m.label == "PERSON" and m.text.split()[-1:] != [surname]
               and not any(a <= m.span[0] < b for a, b in quoted) for m in annotation.mentions[:index])


def _left_clause_before(doc: Any, name: int, pronoun: int) -> bool:
    """Whether the pronoun at ``pronoun`` is outside a clause put before the main one
    that holds the name at ``name`` ("If Varga is re-elected, he said, …"): the main
    clause's subject may be someone else."""
    if doc is None:
        return False
    start = doc.char_span(name, name + 1, alignment_mode="expand")
    word = doc.char_span(pronoun, pronoun + 1, alignment_mode="expand")
    if not start or not word:
        return False
    clause = next((t for t in (start[0], *start[0].ancestors) if t.dep_ == "advcl"), None)
    return clause is not None and clause.i < word[0].i and word[0].i not in {t.i for t in clause.subtree}


def resolve_shared_surnames(mentions: list[tuple[str, int, int, str, str]], by_mention: dict[tuple[str, int, int], str],
                             shared: dict[tuple[str, str], set[str]],
                             genders: SurnameGenders = ({}, {}, {})) -> None:
    """A lone surname two people of the story share ("Varga" beside "Ilse Varga" and
    "Tomas Varga") is, in each article, the one of them that article names in full most
    often (of two named as often, the nearest before it); in an article naming neither it
    stays the surname's own entity. An honorific decides first: "Mrs. Varga" is the one
    of them the story shows to be a woman; in an article writing both "Mr. Varga" and
    "Mrs. Varga" about people whose genders the story does not show, each stays the
    surname's own entity rather than both becoming the one named most."""
    stated, continued, known = genders
    honorifics: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (article, label, surname) -> genders
    for article, start, _, label, key in mentions:
        if (article, start) in stated:
            honorifics[(article, label, key)].add(stated[(article, start)])
    # Only names in full count ("her husband, Bill," names no one in full).
    full: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for a, s, e, _, key in mentions:
        if len(key.split()) > 1:
            full[a].append((s, by_mention[(a, s, e)]))
    story_counts = Counter(eid for named in full.values() for _, eid in named)
    # an article writes one person "Mrs. Varga" from first to last, whoever it names in
    # full along the way ("Mrs. Varga replied" after "a visit by Ilse Varga")
    styled: dict[tuple[str, str, str], str] = {}
    for article, start, end, label, key in sorted(mentions, key=lambda m: m[:2]):
        people = shared.get((label, key)) or shared.get(("PERSON", key))
        honorific = stated.get((article, start))
        if people and honorific and (article, key, honorific) in styled:
            by_mention[(article, start, end)] = styled[(article, key, honorific)]
            continue
        if people and not honorific and (continuing := continued.get((article, key))):
            # the article's "she" after "Brennick" is Ada, where Olaf is shown to be a man; a
            # person the story shows no gender of may still be the one meant ("Varga … she" is
            # Lena, named in every report, not a daughter named once who is shown to be a woman)
            fitting = [eid for eid in people if known.get(eid) in (None, continuing)]
            if len(fitting) == 1:
                by_mention[(article, start, end)] = fitting[0]
                continue
            people = set(fitting) or people
        if people and honorific:
            fitting = [eid for eid in people if known.get(eid) == honorific]
            reader_knows = _named_before(full[article], start, people, known, honorific)
            if len(reader_knows) == 1 and not reader_knows & set(fitting):
                # a reader takes "Mrs. Varga" for the one named in full before it who may be a
                # woman, not for an Ilse Varga the story shows to be one but names only later
                fitting = list(reader_knows)
            if not fitting and len(people) - 1 == sum(1 for eid in people if known.get(eid) not in (None, honorific)):
                # "Mr. Varga" where the other Varga is shown to be a woman
                fitting = [eid for eid in people if known.get(eid) is None]
            if len(fitting) == 1:
                by_mention[(article, start, end)] = styled[(article, key, honorific)] = fitting[0]
                continue
            if len(fitting) > 1:
                people = set(fitting)  # "Mr. Holm" beside two men of the name: by how often each is named
            elif len(honorifics[(article, label, key)]) > 1:
                continue  # "Mr. Varga" and "Mrs. Varga" side by side: two people, which is which unknown
        named = sorted((s, eid) for s, eid in full[article] if eid in people) if people else []
        if named:
            counts = Counter(eid for _, eid in named)
            last_before = {eid: s for s, eid in named if s < start}
            # a reader knows only the ones named before: "Ana Varga told the council …. “…,”
            # Varga said" is Ana, though the article names her father Ivo Varga twice further on
            candidates = set(last_before) or set(counts)
            # of two named as often here, the one the story names more ("former Mayor Tomas
            # Varga caused a stir" once, beside Ilse Varga named in every report)
            by_mention[(article, start, end)] = max(candidates, key=lambda e: (counts[e], story_counts[e], last_before.get(e, -1), e))


def _named_before(named: list[tuple[int, str]], start: int, people: set[str], known: dict[str, str],
                  gender: str) -> set[str]:
    """Those of ``people`` an article names in full before ``start`` whom the story does not
    show to be of the other gender than ``gender``."""
    return {eid for s, eid in named if s < start and eid in people and known.get(eid) in (None, gender)}
