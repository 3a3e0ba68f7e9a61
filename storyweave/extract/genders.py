"""Genders of the people one article names, read from the article and their first names.

What an English text says is the honorific ("Mrs Varga", "Mr. Brel"), a gendered role
noun in a title or apposition ("spokeswoman Ilse Varga", "Varga, the company's
chairman,", "her husband Tomas") and the pronoun the writer uses right after naming
someone ("Varga arrived late. She said …"). A first name nearly all of whose bearers share
a gender ("Loretta", not "Jordan") is evidence too, from a table of names (first_names.py),
weighing as much as a title. A person gets a gender only when the evidence agrees;
pronoun resolution then skips people whose gender conflicts with the pronoun, and keeps
everyone else (unknown gender) as a candidate.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Callable

from ..model import Annotation, Mention
from .first_names import female_share

MALE, FEMALE = "male", "female"

#: Words that precede a name without being part of it.
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "president", "prime", "minister", "premier",
    "chancellor", "king", "queen", "prince", "leader", "supreme", "general", "gen", "secretary",
    "senator", "sen", "rep", "governor", "gov", "mayor", "chairman", "chief", "comrade", "pope",
    "judge", "justice", "ambassador", "director", "spokesman", "spokeswoman", "colonel", "captain",
    "ag", "attorney", "vice", "speaker", "congressman", "congresswoman", "rev", "reverend", "sheriff",
    "lt", "sgt", "professor", "prof", "former",
    # abbreviated ranks and offices ("Army Capt. Ana Ruiz", "Det. Ivo Penn")
    "capt", "maj", "col", "cpl", "pvt", "cmdr", "det", "insp", "supt", "atty", "brig", "spc", "amb",
    # abbreviated offices the tokenizer keeps whole ("Vice Pres. Ana Ruiz", "Sec. Ivo Lind")
    "pres", "secy", "asst",
    # plural titles before one of the names they head ("Presidents Obama and Bush")
    "presidents", "senators", "governors", "mayors", "messrs",
}
#: Honorifics placed before a name ("Mr." with or without its dot).
HONORIFICS = {"mr": MALE, "sir": MALE, "lord": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE,
              "lady": FEMALE, "madam": FEMALE, "dame": FEMALE}
#: Role nouns that say a person's gender; gender-neutral ones ("actor", "chair") say nothing.
ROLE_GENDERS = {
    **dict.fromkeys(
        "actress spokeswoman chairwoman congresswoman businesswoman councilwoman policewoman "
        "wife mother daughter sister widow queen princess duchess countess girlfriend "
        "grandmother aunt niece woman girl lady".split(), FEMALE),
    **dict.fromkeys(
        "spokesman chairman congressman businessman councilman policeman husband father son "
        "brother widower king prince duke boyfriend grandfather uncle nephew man boy".split(), MALE),
}
#: Pronouns that say the gender of whom they stand for.
PRONOUN_GENDERS = {**dict.fromkeys("he him his himself".split(), MALE),
                   **dict.fromkeys("she her hers herself".split(), FEMALE)}
#: Words that end an apposition before it reaches its noun ("Brel, who praised his wife,").
_APPOSITION_BREAKS = frozenset("who whom whose which that and or but his her their its said says".split())
#: Pronouns that open a sentence continuing the person the sentence before is about
#: ("She said …", "His plan …"); "Reach him at …" is no continuation.
OPENING_PRONOUNS = frozenset({"he", "she", "his", "her"})
#: Words allowed before such a pronoun ("But she said …"); after "When" or "As" the
#: pronoun may point ahead ("When she was a prosecutor, Lynch …").
LEAD_WORDS = frozenset({"but", "and", "yet", "so", "then", "still"})
#: Honorifics and role nouns weigh more than a pronoun that follows a name: a pronoun can
#: stand for someone the article described but did not name.
TITLE_WEIGHT = 3
#: A first name nearly all of whose bearers share a gender weighs as much as a title: one
#: pronoun the article seems to use for the person (it may stand for someone else) does
#: not outweigh it, two do.
NAME_WEIGHT = 3
#: A first name tells a gender when at most this share of its bearers have the other one
#: (stricter than the table's own default of 0.1: "Lindsey", 90 % women, would make Senator
#: Lindsey Graham a woman in an article saying nothing else of him), ...
NAME_UNCERTAINTY = 0.05
#: ... and the table saw at least this many of them.
NAME_OBSERVATIONS = 10
#: One gender is known when its evidence outweighs the other's this many times over.
DOMINANCE = 3

_DETERMINERS = frozenset("the a an this that his her their its our my your".split())
#: Words before a name that are no first name ("Senator", "Mrs", "spokeswoman").
_NO_FIRST_NAMES = frozenset(TITLES | HONORIFICS.keys() | ROLE_GENDERS.keys())

_HONORIFIC_BEFORE = re.compile(r"\b(" + "|".join(HONORIFICS) + r")\.?\s+$", re.I)
_ROLE_BEFORE = re.compile(r"\b(" + "|".join(ROLE_GENDERS) + r")\s+$|\b(?:her|his|their|the)\s+("
                          + "|".join(ROLE_GENDERS) + r"),\s+$", re.I)  # "her husband, Bill Clinton"
_APPOSITION = re.compile(r"^\s*,\s+(?:the|a|an)\s+((?:[\w'’.-]+\s+){0,4}?)(" + "|".join(ROLE_GENDERS)
                         + r")\b(?=\s*[,.;)]|\s+(?:of|for|at|in|to|with|from)\b)", re.I)
_PRONOUN = re.compile(r"\b(" + "|".join(PRONOUN_GENDERS) + r")\b", re.I)


def pronoun_gender(word: str) -> str | None:
    """The gender a pronoun or role noun states ("she", "spokesman"), if any."""
    word = word.lower()
    return PRONOUN_GENDERS.get(word) or ROLE_GENDERS.get(word)


def phrase_gender(text: str) -> str | None:
    """The gender a person's phrase states by its honorific or head noun ("Mr. Brel",
    "the spokeswoman", "her husband"), if any."""
    words = [w.strip(".,'’").lower() for w in text.split()]
    words = [w for w in words if w and w not in _DETERMINERS]
    if not words:
        return None
    return HONORIFICS.get(words[0]) if len(words) > 1 and words[0] in HONORIFICS else ROLE_GENDERS.get(words[-1])


def given_name_gender(name: str) -> str | None:
    """The gender nearly everyone with a full name's first name shares ("Loretta Ames",
    "Attorney General Loretta Ames" -> female); None for a lone word, which may be a
    surname, and for names given to women and men alike ("Jordan", "Kim")."""
    words = [w.strip(".,'’") for w in name.split()]
    while words and words[0].lower() in _NO_FIRST_NAMES:
        words = words[1:]
    if len(words) < 2 or not words[0][:1].isupper() or words[0].isupper():
        return None
    gender = _first_name_gender(words[0])
    if gender is not None and len(words) > 2 and _first_name_gender(words[1]) not in (None, gender):
        # "Marine John Tiegen": a word before the given name that reads as one ("Marine" is a
        # woman's name in France) says nothing when the next word is the other gender's
        return None
    return gender


def _first_name_gender(word: str) -> str | None:
    found = female_share(word)
    if found is None or found[1] < NAME_OBSERVATIONS:
        return None
    share = found[0]
    return MALE if share <= NAME_UNCERTAINTY else FEMALE if share >= 1 - NAME_UNCERTAINTY else None


def is_main_subject(doc: Any, span: tuple[int, int]) -> bool | None:
    """Whether the words at ``span`` are the subject of their sentence's main verb (the
    first conjunct of "Varga and Brennick said" too); None without a parse. Only such a
    subject is what the next pronoun continues (not "Trump" in "she joked about leaving if
    Trump is elected")."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    if chunk is None:
        return None
    root = chunk.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT"


def honorific_gender(before: str) -> str | None:
    """The gender an honorific ending ``before`` states ("… told Mrs. " → female), if any."""
    match = _HONORIFIC_BEFORE.search(before)
    return HONORIFICS[match.group(1).lower()] if match and "\n" not in match.group(0) else None


def compatible(gender: str | None, wanted: str | None) -> bool:
    """Whether a person of ``gender`` may be what a word of gender ``wanted`` stands for."""
    return gender is None or wanted is None or gender == wanted


def _title_gender(text: str, mention: Mention) -> str | None:
    """The gender an honorific or role noun right before a name, or an apposition right
    after it, gives the named person ("Mrs Varga", "spokesman Brel", "Varga, the actress,")."""
    start, end = mention.span
    before = text[max(0, start - 30) : start]
    first = mention.text.split()[0].rstrip(".").lower() if mention.text.split() else ""
    if len(mention.text.split()) > 1 and (first in HONORIFICS or first in ROLE_GENDERS):
        return HONORIFICS.get(first) or ROLE_GENDERS[first]  # the title inside the entity span
    # (a paragraph may open with the title: "\n\nMrs. Varga"; none runs over a break to the name)
    if (match := _HONORIFIC_BEFORE.search(before)) and "\n" not in match.group(0):
        return HONORIFICS[match.group(1).lower()]
    if (match := _ROLE_BEFORE.search(before)) and "\n" not in match.group(0):
        return ROLE_GENDERS[(match.group(1) or match.group(2)).lower()]
    match = _APPOSITION.match(text[end : end + 80])
    if match and not any(w.lower() in _APPOSITION_BREAKS for w in match.group(1).split()):
        return ROLE_GENDERS[match.group(2).lower()]
    return None


def _outside(spans: list[tuple[int, int]], at: int) -> bool:
    return not any(s <= at < e for s, e in spans)


def person_genders(annotation: Annotation, person_of: Callable[[Mention], str | None],
                   quoted: list[tuple[int, int]], is_subject: Callable[[Mention], bool] = lambda m: True,
                   unread: int | None = None) -> dict[str, str]:
    """Person -> gender for the people of one article whose gender the article makes clear.

    Args:
        annotation: the article, its sentences and its entity mentions.
        person_of: the person (any key, e.g. an entity id) a mention names, or None for
            mentions that name no person.
        quoted: character spans of quoted words; a name or pronoun in someone's words
            ("“I told him”") stands for someone the speaker means, not the writer.
        is_subject: whether a mention is the subject of its sentence's main clause; a
            pronoun continues that subject, not an object ("… to ward off Sanders, but it will
            push her") or the subject of an aside ("she joked about leaving if Trump is elected").
        unread: the index of a sentence whose opening pronoun is the one being named, which
            cannot vote for the gender of whoever it may stand for.
    """
    text = annotation.article.text
    weights: dict[str, dict[str, int]] = defaultdict(lambda: {MALE: 0, FEMALE: 0})
    by_sentence: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
    by_name: dict[str, set[str]] = defaultdict(set)
    for m in annotation.mentions:
        person = person_of(m)
        if person is None:
            continue
        if gender := given_name_gender(m.text):
            by_name[person].add(gender)
        if not _outside(quoted, m.span[0]):
            continue
        by_sentence[m.sentence].append((m.span[0], person, is_subject(m)))
        gender = _title_gender(text, m)
        if gender:
            weights[person][gender] += TITLE_WEIGHT
    for i, sentence in enumerate(annotation.sentences):
        if i == unread:
            continue
        pronoun = next((p for p in _PRONOUN.finditer(text, *sentence.span) if _outside(quoted, p.start())), None)
        if pronoun is None:
            continue
        person = _continued(by_sentence[i], by_sentence[i - 1] if i else [], pronoun, text[sentence.span[0] : pronoun.start()])
        if person is not None:
            weights[person][PRONOUN_GENDERS[pronoun.group(1).lower()]] += 1
    for person, named in by_name.items():
        if len(named) == 1:
            weights[person][named.pop()] += NAME_WEIGHT
    genders: dict[str, str] = {}
    for person, w in weights.items():
        for gender, other in ((MALE, FEMALE), (FEMALE, MALE)):
            if w[gender] and w[gender] >= DOMINANCE * w[other]:
                genders[person] = gender
    return genders


def only_lead_words(text: str) -> bool:
    """Whether the words opening a sentence before a pronoun let it continue the sentence
    before: none, or one lead word ("But she said …")."""
    opening = text.split()
    return len(opening) <= 1 and all(w.strip(",").lower() in LEAD_WORDS for w in opening)


def _continued(here: list[tuple[int, str, bool]], before: list[tuple[int, str, bool]],
               pronoun: re.Match[str], lead: str) -> str | None:
    """The one named person a sentence opening with a pronoun ("She said …") plainly
    continues, if any: the only person the sentence before names, its subject. A pronoun
    later in a sentence may stand for anyone the sentence passed on the way, named or not
    ("Warren told Stumpf, after he admitted …")."""
    if any(at < pronoun.start() for at, _, _ in here) or pronoun.group(1).lower() not in OPENING_PRONOUNS \
            or not only_lead_words(lead):
        return None
    people = {person for _, person, _ in before}
    if len(people) != 1 or not any(subject for _, _, subject in before):
        return None
    return people.pop()
