"""Age findings: different numbers of children for one parent, different ages for the people of one group, and different ages for one person."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Sequence

from ..align.words import content_words
from ..model import Claim, DiscrepancyKind, Entity
from .figures import NUMBER_WORDS, _NAME, _NOT_A_NAME, _figure_value, _longest_run
from .findings import _item

#: "a mother of 12", "father of three": how many children someone has, a detail reports of
#: one story often disagree on while their sentences say nothing else alike.
_CHILDREN = re.compile(r"\b((?:grand)?(?:mother|father|parent|mom|mum|dad))\s+of\s+(\d+|" + "|".join(NUMBER_WORDS) + r")\b", re.I)
_PARENT_WORD = {"mom": "mother", "mum": "mother", "dad": "father"}


def _children_conflicts(claims: Sequence[Claim], add: Any) -> None:
    """Different numbers of children for one person in different articles ("Horton, a
    mother of 12" / "Brooklyn mother of 13 Zurana Horton"). Compared whatever else the two
    sentences say, when both name the person: a parent in a sentence that names no one may
    be another parent of the story."""
    found: dict[str, list[tuple[Claim, str, int, set[str]]]] = {}
    for c in claims:
        # A name opening the sentence counts too: it must be among the other sentence's names.
        opening = re.findall(r"^[A-Z][a-z]+\b", c.text)
        named = {w.lower() for w in [w for m in _NAME.findall(c.text) for w in m if w] + opening} - _NOT_A_NAME
        for m in _CHILDREN.finditer(c.text):
            parent = m.group(1).lower()
            who = named - {parent, _PARENT_WORD.get(parent, parent)}
            if who:
                count = m.group(2).lower()
                value = int(count) if count.isdigit() else NUMBER_WORDS[count]
                found.setdefault(_PARENT_WORD.get(parent, parent), []).append((c, m.group(2), value, who))
    for parent, mentions in sorted(found.items()):
        versions: dict[str, tuple[Claim, str]] = {}
        person: set[str] = set()
        for i, (a, shown_a, value_a, who_a) in enumerate(mentions):
            for b, shown_b, value_b, who_b in mentions[i + 1:]:
                if a.article != b.article and value_a != value_b and who_a & who_b:
                    versions.setdefault(a.id, (a, shown_a))
                    versions.setdefault(b.id, (b, shown_b))
                    person = person or who_a & who_b
        if versions:
            ordered = sorted(versions.values(), key=lambda cv: (cv[0].article, cv[0].span))
            name = _person_named(person, [c.text for c, _ in ordered])
            figures = " / ".join(dict.fromkeys(shown.lower() for _, shown in ordered))
            add(DiscrepancyKind.NUMBER, f"The sources give different numbers of children for {name}: {figures}.",
                [_item(c.article, c.text, c.span, _figure_value(shown)) for c, shown in ordered])


#: People counted with their ages listed after them: "two women, 71 and 39", "three men --
#: 19, 20 and 25-years-old".
_GROUP_AGES = re.compile(
    r"\b(" + "|".join(w for w, n in NUMBER_WORDS.items() if 2 <= n <= 9) + r"|[2-9])\s+(?:[a-z]+\s+)?"
    r"(women|men|people|victims|girls|boys|children|teenagers|teens|sisters|brothers|adults)\s*(?:,|--|—|–)\s*"
    r"(?:aged\s+)?(\d{1,3}(?:\s*(?:,\s*and|,|and)\s*\d{1,3})+)\b", re.I)
#: A name: words in capitals, which may hold capitals inside ("McCarthy") and hyphens.
_NAME_WORDS = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*"
#: A person named with an age after the name, set off by commas or closing the clause: "Ida
#: Roos, 64," / "… and Ida Roos, 64." (not "Roos, 45,000" nor "Roos, 4.5").
_NAMED_AGE = re.compile(rf"\b({_NAME_WORDS}),\s*(\d{{1,3}})(?=,\s+(?!\d)|\.(?!\d)|;|\s+and\b|\s*$)")
#: … or with the age before it: "64-year-old Ida Roos", "a 64 - year - old nurse, Ida Roos"
#: (up to two words between).
_AGED_NAME = re.compile(rf"\b(\d{{1,3}})\s*-\s*years?\s*-\s*old\s+(?:[a-z]+\s+){{0,2}},?\s*({_NAME_WORDS})")


def _group_age_conflicts(claims: Sequence[Claim], add: Any) -> None:
    """Different ages of one group of people: "the bodies of two women, 71 and 39, were
    found" / "the bodies of Ida Roos, 64, and Eva Lind, 39, were found". The group's list
    counts as many people as the other sentence names with an age; one age at least is in
    both lists (it tells which people they are) and the lists differ; and the sentences
    share a word that is no name, age or count ("bodies"), so they tell of one event."""
    groups, named = [], []
    for c in claims:
        for m in _GROUP_AGES.finditer(c.text):
            count = m.group(1).lower()
            ages = sorted(int(a) for a in re.findall(r"\d+", m.group(3)))
            if len(ages) == (int(count) if count.isdigit() else NUMBER_WORDS[count]):
                groups.append((c, f"{count} {m.group(2).lower()}", ages))
        pairs = _NAMED_AGE.findall(c.text) + [(name, age) for age, name in _AGED_NAME.findall(c.text)]
        if len(pairs) >= 2:
            named.append((c, sorted(int(a) for _, a in pairs), {w.lower() for n, _ in pairs for w in n.split()}))
    for group, people, ages in groups:
        versions = [(c, listed) for c, listed, _ in named if c.article != group.article and len(listed) == len(ages)
                    and set(listed) & set(ages) and listed != ages and _share_a_plain_word(group.text, c.text)]
        # Other sentences giving the same people the same ages tell the disputed ages too.
        told = {tuple(listed) for _, listed in versions}
        who = {w for c, _, names in named for v, _ in versions if c is v for w in names}
        versions += [(c, listed) for c, listed, names in named if c.article != group.article and tuple(listed) in told
                     and names & who and all(c is not v for v, _ in versions)]
        if versions:
            shown = " / ".join(dict.fromkeys(_list_ages(listed) for listed in [ages] + [v for _, v in versions]))
            add(DiscrepancyKind.NUMBER, f"The sources give different ages of the {people}: {shown}.",
                [_item(c.article, c.text, c.span, _list_ages(listed)) for c, listed in [(group, ages)] + versions])


def _list_ages(ages: list[int]) -> str:
    return ", ".join(str(a) for a in ages[:-1]) + f" and {ages[-1]}"


def _share_a_plain_word(text_a: str, text_b: str) -> bool:
    """Whether two sentences share a content word that is no name (written in capitals in
    either) and no figure."""
    capitalised = set(content_words(" ".join(re.findall(r"\b[A-Z][\w'’-]*", text_a + " " + text_b))))

    def plain_words(text: str) -> set[str]:
        return {w for w in content_words(text) if not w[0].isdigit() and w not in capitalised}

    return bool(plain_words(text_a) & plain_words(text_b))


def _person_named(person: set[str], texts: Sequence[str]) -> str:
    """The person's name: the longest run of the person's words in one of the versions. The
    first version listed may name no one ("a Kessby mother of 12 died", tied to the others
    through a third version), and a place both versions name ("Kessby") is no part of the
    name."""
    words = ([re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’-]+", text)] for text in texts)
    return _longest_run(words, lambda word: word.lower() in person) or "one person"


#: Words of a tally, in which "Varga, 45," is a share or a count, not an age.
#: ("as a result of" is no tally's result)
_TALLY_WORDS = re.compile(r"\b(?:percent|per cent|points?|votes?|delegates?|seats?|poll\w*|(?<!as a )results?)\b|%", re.I)
#: Ages a year apart are told within this many days of each other before they are compared: a
#: birthday may fall between two reports further apart.
BIRTHDAY_DAYS = 60


def _person_age_conflicts(claims: Sequence[Claim], entities: Sequence[Entity],
                          days: dict[str, dt.date | None], add: Any) -> None:
    """Different ages for one person in two articles ("Ida Roos, 64," / "Roos, 65,"), the
    person known by the story's entity index, so a surname alone in one report is the full
    name in another. Ages a year apart count only in reports at most ``BIRTHDAY_DAYS`` apart
    whose days are known, and the explanation then gives the days between them; ages in
    reports a year or more apart are not compared."""
    people = [e for e in entities if e.type == "PERSON"]
    roles = _roles_named(claims)
    told: dict[str, list[tuple[Claim, int]]] = {}
    for c in claims:
        if _TALLY_WORDS.search(c.text):
            continue
        found = [(name, age) for name, age in _NAMED_AGE.findall(c.text)]
        # (a full name only: in "the 78-year-old Varga supporter" the name is a modifier)
        found += [(name, age) for age, name in _AGED_NAME.findall(c.text) if " " in name]
        found += _aged_roles(c, roles)
        for name, age in found:
            person = _the_person(name, c.article, people)
            if person is not None and 0 < int(age) <= 110:
                told.setdefault(person.id, []).append((c, int(age)))
    for person in people:
        mentions = told.get(person.id, [])
        versions: dict[str, tuple[Claim, int]] = {}
        apart: set[int] = set()
        for i, (a, age_a) in enumerate(mentions):
            for b, age_b in mentions[i + 1:]:
                gap = _days_apart(days.get(a.article), days.get(b.article))
                if a.article == b.article or age_a == age_b or gap is not None and gap >= 365:
                    continue
                if abs(age_a - age_b) == 1 and (gap is None or gap > BIRTHDAY_DAYS):
                    continue
                versions.setdefault(a.id, (a, age_a))
                versions.setdefault(b.id, (b, age_b))
                if abs(age_a - age_b) == 1 and gap:
                    apart.add(gap)
        if versions:
            # (in the order the reports came out, so the ages read as they were told)
            ordered = sorted(versions.values(), key=lambda ca: (days.get(ca[0].article) or dt.date.max, ca[0].article,
                                                                ca[0].span))
            ages = " / ".join(dict.fromkeys(str(age) for _, age in ordered))
            days_apart = max(apart, default=0)
            note = f" (the reports are {days_apart} day{'s' if days_apart > 1 else ''} apart)" if days_apart else ""
            add(DiscrepancyKind.NUMBER, f"The sources give different ages for {person.name}: {ages}{note}.",
                [_item(c.article, c.text, c.span, str(age)) for c, age in ordered])


#: A role named before its holder: "campaign manager Ivo Brel" (up to three words in lower
#: case right before the name) …
_ROLE_THEN_NAME = re.compile(rf"((?:\b[a-z]+\s+){{1,3}})({_NAME_WORDS})")
#: … or after it, set off by a comma: "Brel, the campaign manager," / "Ivo Brel, Varga's
#: campaign manager."
_NAME_THEN_ROLE = re.compile(rf"\b({_NAME_WORDS}),\s+(?:the|an?|his|her|their|{_NAME_WORDS}['’]s)\s+"
                             r"((?:[a-z]+\s+){0,2}[a-z]+)(?=\s*[,.;]|\s+(?:who|and)\b)")
#: An age told with a role and no name: "the candidate's 41-year-old campaign manager".
_AGED_ROLE = re.compile(r"\b(\d{1,3})-years?-old\s+((?:[a-z]+\b\s*){1,4})")
#: Words that are no part of a role read back from a name ("met with Ida Roos", "said Roos",
#: "the campaign manager Ivo Brel"): the role is the words after the last of them.
_NOT_A_ROLE = frozenset({"the", "a", "an", "and", "or", "of", "to", "by", "with", "for", "from", "at", "on", "in", "as",
                         "that", "his", "her", "their", "its", "say", "said", "says", "told", "asked", "accused", "called",
                         "named", "met", "saw", "when", "while", "after", "before", "than", "who", "whom", "but",
                         "former", "then", "also", "is", "was", "were", "are", "be", "been", "has", "had", "have"})


def _roles_named(claims: Sequence[Claim]) -> dict[tuple[str, str], set[str]]:
    """The names each article gives a role ("campaign manager Ivo Brel", "Brel, the
    campaign manager,"), keyed by article and role, so an age told with the role alone
    ("the 41-year-old campaign manager") can be told of the person."""
    roles: dict[tuple[str, str], set[str]] = {}
    for c in claims:
        found = [(words, name) for words, name in _ROLE_THEN_NAME.findall(c.text)]
        found += [(words, name) for name, words in _NAME_THEN_ROLE.findall(c.text)]
        for words, name in found:
            role = _role_words(words.split())
            # Each ending of the run may be the role ("charged campaign manager Ivo Brel"
            # gives "campaign manager" and "manager"): the age's words pick the longest.
            for n in range(len(role)):
                roles.setdefault((c.article, " ".join(role[n:])), set()).add(re.sub(r"['’]s$", "", name))
    return roles


def _role_words(words: list[str]) -> list[str]:
    """The words a run of lower-case words before a name ends in, after the last one that
    is no part of a role ("and", "said", "the")."""
    kept: list[str] = []
    for word in reversed(words):
        if word in _NOT_A_ROLE:
            break
        kept.insert(0, word)
    return kept


def _aged_roles(claim: Claim, roles: dict[tuple[str, str], set[str]]) -> list[tuple[str, str]]:
    """The names of people a claim gives an age through their role ("the 41-year-old
    campaign manager yanked …", whose article names its campaign manager "Ivo Brel"): the
    role is the longest that the article gives one person and the age's words begin with."""
    found = []
    for m in _AGED_ROLE.finditer(claim.text):
        if _AGED_NAME.match(claim.text, m.start()):
            continue  # "a 64-year-old nurse, Ida Roos": the name itself is told
        words = m.group(2).split()
        for n in range(len(words), 0, -1):
            names = roles.get((claim.article, " ".join(words[:n])), set())
            if names:
                if len(names) == 1 or _one_person(names):
                    found.append((max(names, key=len), m.group(1)))
                break
    return found


def _one_person(names: set[str]) -> bool:
    """Whether several names for one role are one person's ("Ivo Brel", "Brel"): each is
    the last words of the longest."""
    longest = max(names, key=len)
    return all(longest == n or longest.endswith(" " + n) for n in names)


def _the_person(name: str, article: str, people: Sequence[Entity]) -> Entity | None:
    """The one person of the story an article names so: by a name or alias of theirs, or by
    words all of which are in their name, the last being its last ("Roos" of "Ida Roos").
    Of several, the one the article itself names; the tagger may miss a name in one report
    ("Ida Roos, 65, was charged …"), so a person the article does not name may still be it."""
    words = re.sub(r"['’]s$", "", name).split()
    fitting = [e for e in people if name in (e.name, *e.aliases)
               or any(set(words) <= set(n.split()) and words[-1] == n.split()[-1] for n in (e.name, *e.aliases))]
    if len(fitting) > 1:
        fitting = [e for e in fitting if article in e.articles]
    return fitting[0] if len(fitting) == 1 else None


def _days_apart(a: dt.date | None, b: dt.date | None) -> int | None:
    """Days between two reports' publication days; None when either is unknown."""
    return abs((a - b).days) if a is not None and b is not None else None
