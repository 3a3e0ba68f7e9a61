"""Canonical entities across the articles of one story.

Mentions are normalised (honorifics, possessives, hyphens and stray punctuation go), then
joined in three passes: same normalised name; a close spelling of a multi-word name
(edit ratio, same number of words) or a shorter form that is a prefix of a longer one;
and a one-word mention ("Putin", "Mr Kim") to the one multi-word person whose first or
last word it is. Common variants of country names join through a small alias table, and
other spellings of capitals ("Kiev", "Kyiv") through the capitals table.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from typing import Iterable

from rapidfuzz.distance import OSA, Levenshtein

from ..errors import ModelMissingError
from ..model import Annotation, Entity, Mention
from .genders import DOMINANCE, FEMALE, MALE, TITLES, given_name_gender, honorific_gender, person_genders
from .quote_marks import quoted_spans
from .story_people import SurnameGenders, following_pronoun, resolve_shared_surnames, story_genders

ENTITY_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "FAC"}

#: Variant forms of frequently written country and body names. General knowledge, not tuned
#: to any corpus: the user sees the joined aliases in the output.
COUNTRY_ALIASES = {
    "us": "united states", "u s": "united states", "usa": "united states", "u s a": "united states",
    "america": "united states", "united states of america": "united states", "the united states": "united states",
    "uk": "united kingdom", "u k": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "russian federation": "russia", "dprk": "north korea", "democratic people s republic of korea": "north korea",
    "rok": "south korea", "republic of korea": "south korea", "prc": "china", "people s republic of china": "china",
    "un": "united nations", "u n": "united nations", "eu": "european union", "uae": "united arab emirates",
}


#: Similarity above which two multi-word names of the same type are one person (a misspelt
#: first name such as "Vladimar" still scores about 0.93). Calibrated by hand on invented
#: name pairs; two different people sharing a surname score below 0.8.
NAME_SIMILARITY = 0.86
#: A lone surname this long may be a misspelling of the one surname a letter away.
MISSPELT_SURNAME_LENGTH = 5
#: A word tagged as a place that English writes at least this often (Zipf scale) is a
#: place, not a misspelt surname.
COMMON_ZIPF = 3.0


#: A possessive ending, with the apostrophe typed as a straight quote, a right or a left
#: quotation mark ("Varga‘s", an editor's slip) or a backquote.
POSSESSIVE_S = r"['’‘`]s"


def normalise_name(text: str) -> str:
    """Lowercase words of a name without honorifics, possessives or punctuation."""
    # A mention glued to other words by brackets or backquotes keeps its last part.
    text = re.split(r"[(\[`]", text)[-1]
    text = re.sub(r"\s[“\"][^”\"]{1,20}[”\"](?=\s)", "", text)  # a nickname: John “Tig” Tiegen
    text = re.sub(POSSESSIVE_S + r"\b", "", text)
    text = re.sub(r"\b([A-Za-z])['’](?=[A-Z])", r"\1", text)  # "O’Malley" is one word, as "OMalley"
    text = re.sub(r"[^\w\s]", " ", text.replace("-", " ")).lower()
    words = text.split()
    while words and words[0] in TITLES | {"the"}:
        words = words[1:]
    # "Arcade Joseph Comeaux Jr" is "Comeaux" too: generational suffixes are no surname.
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return " ".join(words)


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Last words of the name of a public office, named after the place it serves.
OFFICE_NOUNS = frozenset("office department ministry committee commission council court agency authority".split())
#: The legal form after a company's name ("Orsk Cables Plc", "Brel Shipping Ltd."): no part of
#: the name a report calls it by.
COMPANY_SUFFIXES = frozenset("plc ltd inc corp llc sa ag nv gmbh spa bv".split())


def _without_company_suffix(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


CAPITALS_FILE = "capitals.json"


def _fold(text: str) -> str:
    """Without diacritics: "Bogotá" and "Bogota" are one key."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _capital_tables() -> tuple[dict[str, str], dict[str, str], frozenset[str], dict[str, str]]:
    """The capitals table of ``storyweave/data/capitals.json``, keyed by normalised names.

    Returns:
        capital → country, capital variant → capital ("kiev" → "kyiv"), the ambiguous
        capitals, and country variant → country ("czechia" → "czech republic").
    """
    try:
        raw = resources.files("storyweave.data").joinpath(CAPITALS_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise ModelMissingError(
            f"the capitals table {CAPITALS_FILE} is missing from the storyweave package; reinstall storyweave"
        ) from exc
    data = json.loads(raw)
    capitals: dict[str, str] = {}
    variants: dict[str, str] = {}
    ambiguous: set[str] = set()
    for row in data["countries"]:
        country = normalise_name(row["country"])
        names = [normalise_name(n) for n in row["capitals"]]
        for name in names:
            capitals[name] = country
        for variant in row["variants"]:
            variants[normalise_name(variant)] = names[0]
        for name in names + [normalise_name(v) for v in row["variants"]]:
            if _fold(name) != name:
                variants[_fold(name)] = variants.get(name, name)
        ambiguous.update(normalise_name(n) for n in row["ambiguous"])
    for capital, body in data.get("stands_for_instead", {}).items():
        capitals[normalise_name(capital)] = normalise_name(body)  # "Brussels decided": the EU
    countries = {normalise_name(k): normalise_name(v) for k, v in data["country_variants"].items()}
    countries.update({_fold(k): v for k, v in countries.items()})
    return capitals, variants, frozenset(ambiguous), countries


#: Capitals that news writes for the country's government ("Moscow said", "Washington
#: warned"), normalised capital → normalised country: every sovereign state's, from
#: ``storyweave/data/capitals.json`` (general knowledge). ``CAPITAL_VARIANTS`` maps other
#: spellings to the capital ("kiev" → "kyiv"), so both are one entity.
CAPITALS, CAPITAL_VARIANTS, AMBIGUOUS_CAPITALS, _COUNTRY_VARIANTS = _capital_tables()
for _variant, _country in _COUNTRY_VARIANTS.items():
    COUNTRY_ALIASES.setdefault(_variant, _country)
_COUNTRY_KEYS = frozenset(COUNTRY_ALIASES.values())


def place_key(key: str) -> str:
    """The canonical key of a normalised place name: country aliases ("u s" → "united
    states") and capital variants ("kiev" → "kyiv"); any other key unchanged."""
    key = COUNTRY_ALIASES.get(key, key)
    if key in CAPITALS or key in _COUNTRY_KEYS:
        return key
    folded = _fold(key)
    return CAPITAL_VARIANTS.get(key) or CAPITAL_VARIANTS.get(folded) or COUNTRY_ALIASES.get(folded, key)


def group_key(label: str, key: str) -> str:
    """A group's key in the singular, so that "Republicans" and "Republican calls" are one
    group ("swiss" stays); any other key unchanged."""
    if label == "NORP" and key.endswith("s") and not key.endswith("ss") and len(key) > 4:
        return key[:-1]
    return key


def entity_id(name: str, label: str) -> str:
    return "ent-" + hashlib.sha1(f"{label}|{name.lower()}".encode()).hexdigest()[:10]


@dataclass
class _Cluster:
    label: str
    keys: set[str] = field(default_factory=set)
    surfaces: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)

    @property
    def words(self) -> list[str]:
        return max(self.keys, key=lambda k: (len(k.split()), k)).split()


@dataclass(frozen=True)
class EntityIndex:
    """The canonical entities of a story and a way to find one from a name."""

    entities: tuple[Entity, ...]
    by_key: dict[tuple[str, str], str]  # (label group, normalised name) -> entity id
    by_mention: dict[tuple[str, int, int], str]  # (article, start, end) -> entity id
    #: (article, surname) -> the person a surname two people of the story share is in that article
    shared_surnames: dict[tuple[str, str], str] = field(default_factory=dict)
    #: person -> the gender most of the story's articles that show one show
    genders: dict[str, str] = field(default_factory=dict)
    #: person -> the titles the story writes before their name, each as its lower-cased
    #: words ("Ostland Sen. Robin Brennick" -> ("ostland", "sen")), with the place of a
    #: "Senator Tomas Lind of Orsk" added to its title
    titles: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)
    #: person -> the common nouns the story describes them by, before their name or set off
    #: after it ("shipping magnate Ivo Brel", "Varga, a retired surgeon," -> "shipping",
    #: "magnate", "surgeon")
    descriptions: dict[str, frozenset[str]] = field(default_factory=dict)

    def lookup(self, text: str, labels: Iterable[str] = ("PERSON", "ORG", "GPE", "NORP"),
               article: str | None = None) -> str | None:
        """The entity a name refers to, trying surname and alias forms too; a surname two
        people share is the one ``article``'s own mentions of it name, else the one every
        article of the story that names it alone means."""
        key = place_key(normalise_name(text))
        for label in labels:
            found = self.by_key.get((label, group_key(label, key)))
            if found:
                return found
        words = key.split()
        if words:
            for label in labels:
                # an office's first word is the place it serves ("Orsk" of "the Orsk District
                # Attorney's Office"), no name of it; a poll's is its pollster's
                for part in words[-1:] if label != "PERSON" and words[-1] in OFFICE_NOUNS else (words[-1], words[0]):
                    found = self.by_key.get((label, part))
                    if found:
                        return found
        if len(words) > 1 and "PERSON" in labels:
            # A surname of two words ("Le Pen" of "Marine Le Pen"): the one person named so.
            people = {eid for (label, name), eid in self.by_key.items()
                      if label == "PERSON" and name.endswith(" " + key)}
            if len(people) == 1:
                return next(iter(people))
        if len(words) == 1 and "PERSON" in labels:
            # A surname the tagger never tagged alone ("Jealous said"): the one person of the
            # story with that surname.
            people = self._surnames.get(key, set())
            if len(people) == 1:
                return next(iter(people))
            if article is not None and (article, key) in self.shared_surnames:
                return self.shared_surnames[(article, key)]
            # An article whose lone surnames the tagger missed ("Brel served two years") goes
            # with what the story's other articles mean by it, when they all mean one person.
            meant = {eid for (_, surname), eid in self.shared_surnames.items() if surname == key}
            if len(meant) == 1:
                return meant.pop()
        return None

    def namesakes(self, text: str) -> set[str]:
        """The people of the story whose surname a one-word name is ("Brel" of Ivo and Ana Brel)."""
        return set(self._surnames.get(place_key(normalise_name(text)), ()))

    @cached_property
    def _surnames(self) -> dict[str, set[str]]:
        """Surname → the person entities named with it, built on the first look-up."""
        out: dict[str, set[str]] = defaultdict(set)
        for (label, name), eid in self.by_key.items():
            if label == "PERSON":
                out[name.split()[-1]].add(eid)
        return out

    @cached_property
    def _by_id(self) -> dict[str, Entity]:
        """Id → entity (the first of an id), built on the first look-up: speakers and
        mentions are looked up hundreds of times a story."""
        out: dict[str, Entity] = {}
        for e in self.entities:
            out.setdefault(e.id, e)
        return out

    def get(self, entity: str | None) -> Entity | None:
        return self._by_id.get(entity) if entity is not None else None


def _group(label: str) -> str:
    # GPE and LOC mentions of one place are often labelled inconsistently by the NER model.
    return "GPE" if label in ("GPE", "LOC") else label


def canonical_entities(annotations: Iterable[Annotation]) -> EntityIndex:
    """Join the entity mentions of a story's articles into canonical entities.

    Args:
        annotations: the story's annotated articles.

    Returns:
        An :class:`EntityIndex` with one :class:`Entity` per person, organisation or place.
    """
    annotations = list(annotations)
    read: list[tuple[str, Mention, str, str]] = []
    honoured: set[str] = set()  # surnames written after "Mr.", "Ms." …: a person's
    joined: dict[tuple[str, int], str] = {}  # "Piet and Anna Holm": Piet's mention -> "Holm"
    for ann in annotations:
        starts = {m.span[0]: m for m in ann.mentions if m.label == "PERSON"}
        for m in ann.mentions:
            if m.label not in ENTITY_LABELS:
                continue
            key = normalise_name(m.text)
            if not key or not re.search(r"[a-z]", key):
                continue
            key = place_key(key)
            label = _group(m.label)
            surname = _shared_surname(ann.article.text, m.span[1], starts) if label == "PERSON" and " " not in key else None
            if surname:
                key = f"{key} {normalise_name(surname)}"
                joined[(ann.article.id, m.span[0])] = surname
            if label == "ORG" and key in CAPITALS and key not in AMBIGUOUS_CAPITALS:
                label = "GPE"  # "Washington warned": the tagger reads the capital-as-actor as a body
            if label == "ORG":
                key = _without_company_suffix(key)
            key = group_key(label, key)
            read.append((ann.article.id, m, label, key))
            if label == "PERSON" and " " not in key and honorific_gender(ann.article.text[max(0, m.span[0] - 6) : m.span[0]]):
                honoured.add(key)
    texts = {ann.article.id: ann.article.text for ann in annotations}
    people = _people_taken_for_organisations(read, honoured, texts) | _surnames_taken_for_groups(read)
    bodies = _organisations_taken_for_people(read, honoured, texts)
    clusters: dict[tuple[str, str], _Cluster] = {}
    mentions: list[tuple[str, int, int, str, str]] = []
    for article, m, label, key in read:
        label = "PERSON" if (label, key) in people else "ORG" if (label, key) in bodies else label
        cluster = clusters.setdefault((label, key), _Cluster(label, {key}))
        surface = re.split(r"[(\[`]", m.text)[-1].strip()
        surface = re.sub(POSSESSIVE_S + "$", "", surface)
        if (article, m.span[0]) in joined:
            surface = f"{surface} {joined[(article, m.span[0])]}"
        cluster.surfaces[surface] += 1
        cluster.articles.add(article)
        mentions.append((article, m.span[0], m.span[1], label, key))

    parent: dict[tuple[str, str], tuple[str, str]] = {k: k for k in clusters}

    def find(k: tuple[str, str]) -> tuple[str, str]:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            # The longer name is the root, so a cluster is named by its fullest form.
            if (len(rb[1].split()), rb[1]) > (len(ra[1].split()), ra[1]):
                ra, rb = rb, ra
            parent[rb] = ra

    keys = sorted(clusters)
    multi = [k for k in keys if len(k[1].split()) > 1]
    for i, a in enumerate(multi):
        for b in multi[i + 1 :]:
            if a[0] != b[0]:
                continue
            wa, wb = a[1].split(), b[1].split()
            short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
            same_length = len(wa) == len(wb) and Levenshtein.normalized_similarity(a[1], b[1]) >= NAME_SIMILARITY
            if same_length and wa[-1] != wb[-1] and wa[0] != wb[0]:
                same_length = False  # two people who share neither first nor last name
            # "Kim Jong" is short for "Kim Jong Un"; "Mayor Ilse Varga" and "Ilse Varga" are one.
            affix = long_[: len(short)] == short and not _partner_of_joint_name(
                " ".join(short), clusters[b if short is wa else a].surfaces) \
                or (a[0] == "PERSON" and long_[-len(short) :] == short)
            # "Robert J Pickell" is "Robert Pickell": a middle initial one article leaves out
            # ("George W Bush" keeps his: it tells him from "George H W Bush").
            initials = (a[0] == "PERSON" and all(len(w) > 1 for w in short)
                        and [w for w in long_ if len(w) > 1][-len(short):] == short and len(short) < len(long_))
            # "Alan Mark Grayson" is "Alan Grayson": a middle name one article leaves out.
            middle = a[0] == "PERSON" and len(short) == 2 and len(long_) == 3 and short == [long_[0], long_[-1]]
            # "Vincent DelGiudice" and "Vincent Del Giudice": one name written run together or apart.
            joined = "".join(wa) == "".join(wb)
            if same_length or affix or initials or middle or joined:
                union(a, b)
    # "Le Pen" that the tagger took for a building, in a story of "Marine Le Pen": a name of
    # two words or more ending the one person's name is that person's surname.
    for other in (k for k in multi if k[0] != "PERSON"):
        people = {find(m) for m in multi if m[0] == "PERSON" and m[1].endswith(" " + other[1])}
        if len(people) == 1:
            union(other, people.pop())
    # A surname two people of the story share ("Varga"): each article's own decides.
    shared_surnames: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for single in (k for k in keys if len(k[1].split()) == 1):
        word = single[1]
        misspelt = False
        if single[0] == "PERSON":
            candidates = {find(m) for m in multi if m[0] == "PERSON"
                          and word in (m[1].split()[0], m[1].split()[-1], "".join(m[1].split()[-2:]))}
            if not candidates and len(word) >= MISSPELT_SURNAME_LENGTH:
                misspelt = True
                # A surname misspelt once ("Heffner" for the story's "Hugh Hefner", "Keidis"
                # for "Kiedis"): one letter off, or two swapped, the one person's surname it
                # can be, and starting alike.
                candidates = {find(m) for m in multi if m[0] == "PERSON" and m[1].split()[-1][0] == word[0]
                              and OSA.distance(word, m[1].split()[-1]) == 1}
        elif single[0] == "GPE" and word not in CAPITALS and word not in _COUNTRY_KEYS:
            # The tagger takes a lone surname for a place as well ("Payton said …" in a story
            # of coach Sean Payton): the one person of the story with that surname, named in
            # every article that has the "place".
            candidates = {find(m) for m in multi if m[0] == "PERSON" and word == m[1].split()[-1]}
            if not candidates and len(word) >= MISSPELT_SURNAME_LENGTH:
                # misspelt as well ("Bryne" for the story's "Gary Byrne"), when the word is
                # rare in English ("Wales" beside a "Tom Walls" is the country)
                misspelt = True
                candidates = {find(m) for m in multi if m[0] == "PERSON" and m[1].split()[-1][0] == word[0]
                              and OSA.distance(word, m[1].split()[-1]) == 1}
                if candidates and _common_word(word):
                    candidates = set()
            if len(candidates) == 1 and not clusters[single].articles <= clusters[next(iter(candidates))].articles:
                candidates = set()
        elif single[0] == "ORG":
            # The NER model often takes a lone surname for an organisation; else "the Navy"
            # is short for the one organisation the story names with that last word ("the
            # Indian Navy"), unless it names two ("the Russian Army", "the Ukrainian Army").
            candidates = {find(m) for m in multi if m[0] == "PERSON" and word == m[1].split()[-1]}
            if not candidates:
                candidates = {find(m) for m in multi if m[0] == "ORG" and word == m[1].split()[-1]}
        else:
            continue
        if len(candidates) == 1:
            union(single, candidates.pop())
        elif len(candidates) > 1 and all(c[0] == "PERSON" for c in candidates) and not misspelt:
            # (a word a letter off two people's surnames, "Hansen" beside "Hanson" and
            # "Hanssen", may be either: it stays its own)
            shared_surnames[single] = candidates

    members: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for k in keys:
        members[find(k)].append(k)
    entities = []
    by_key: dict[tuple[str, str], str] = {}
    for root, group in sorted(members.items()):
        surfaces: Counter[str] = Counter()
        articles: set[str] = set()
        for k in group:
            surfaces.update(clusters[k].surfaces)
            articles |= clusters[k].articles
        # a group is named by its plural ("Republicans" said, "Republican calls"), when written
        name = max(surfaces, key=lambda s: (root[0] == "NORP" and s.lower().endswith("s"), _shown_rank(s, surfaces)))
        eid = entity_id(root[1], root[0])
        entities.append(Entity(eid, name, root[0], tuple(sorted(set(surfaces) - {name})), tuple(sorted(articles))))
        for k in group:
            by_key[k] = eid
    by_mention = {(a, s, e): by_key[(label, key)] for a, s, e, label, key in mentions}
    shared = {k: {by_key[c] for c in cs} for k, cs in shared_surnames.items()}
    resolve_shared_surnames(mentions, by_mention, shared, _surname_genders(annotations, by_mention, shared))
    # A shared surname every mention of which went to one of its people is no one of its own
    # (a "Varga" listed beside Ilse and Tomas Varga, named by nothing).
    named = set(by_mention.values())
    unused = {by_key[key] for key in shared if by_key[key] not in named}
    by_article: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for article, start, end, label, key in mentions:
        if (label, key) in shared and by_mention[(article, start, end)] in shared[(label, key)]:
            by_article[(article, key)][by_mention[(article, start, end)]] += 1
    article_surnames = {where: counts.most_common(1)[0][0] for where, counts in by_article.items()
                        if len(counts) == 1 or counts.most_common(2)[1][1] < counts.most_common(1)[0][1]}
    entities = [e for e in entities if e.id not in unused]
    by_key = {key: eid for key, eid in by_key.items() if eid not in unused}
    _link_capitals(entities, by_key)
    entities.sort(key=lambda e: (-len(e.articles), e.name))
    people = {e.id for e in entities if e.type == "PERSON"}
    return EntityIndex(tuple(entities), by_key, by_mention, article_surnames,
                       story_genders(annotations, by_mention, people), _story_titles(annotations, by_mention, people),
                       _story_descriptions(annotations, by_mention, people))


#: Capitalised words right before a name: its title ("Ostland Sen.", "Former Gov.").
_TITLE_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*\.?[ \t]+){1,4}$")
_PLACE_AFTER = re.compile(r"[ \t]+of[ \t]+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)")


def _story_titles(annotations: list[Annotation], by_mention: dict[tuple[str, int, int], str],
                  people: set[str]) -> dict[str, frozenset[tuple[str, ...]]]:
    """Person -> each title the story's articles write before their name, as its words.
    One article may call a senator "the Ostland senator" where only another one wrote
    "Ostland Sen. Robin Brennick"."""
    titles: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for ann in annotations:
        text = ann.article.text
        for m in ann.mentions:
            eid = by_mention.get((ann.article.id, *m.span))
            if eid not in people or len(m.text.split()) < 2:
                continue
            before = _TITLE_BEFORE.search(text[max(0, m.span[0] - 50) : m.span[0]])
            if before is None:
                continue
            words = tuple(w.rstrip(".").lower() for w in before.group().split())
            if place := _PLACE_AFTER.match(text, m.span[1]):
                words += tuple(place.group(1).lower().split())
            titles[eid].add(words)
    return {eid: frozenset(found) for eid, found in titles.items()}


def _story_descriptions(annotations: list[Annotation], by_mention: dict[tuple[str, int, int], str],
                        people: set[str]) -> dict[str, frozenset[str]]:
    """Person -> the common nouns the story's articles describe them by: nouns the parser hung
    on their name as part of it ("former surgeon Ana Varga") or set off after it in an
    apposition ("Brel, the shipping magnate,"), with the nouns joined to those. A name a
    clause governs gets none ("the senator praised Ivo Brel": the senator is another
    person). One report may say "the magnate said" where only another wrote "shipping
    magnate Ivo Brel"."""
    found: dict[str, set[str]] = defaultdict(set)
    for ann in annotations:
        if ann.doc is None:
            continue
        for m in ann.mentions:
            eid = by_mention.get((ann.article.id, *m.span))
            if eid not in people:
                continue
            name = ann.doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
            if name is None:
                continue
            for part in name.root.children:
                if (part.dep_ == "compound" and part.i < name.start or part.dep_ == "appos" and part.i >= name.end) \
                        and part.pos_ == "NOUN" and part.text.islower():
                    found[eid].add(part.lemma_.lower())
                    found[eid].update(c.lemma_.lower() for c in part.children
                                      if c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower())
    return {eid: frozenset(nouns) for eid, nouns in found.items()}


def _partner_of_joint_name(short: str, surfaces: Counter[str]) -> bool:
    """Whether ``short`` is the first partner of a name two bodies share, in every way the
    longer name is written ("the Lind Courier" of a "Lind Courier-Harbour Polls poll", "the
    Orsk Herald" of an "Orsk Herald-Ostland Radio" one): the joint venture is not the partner."""
    def joined_after(surface: str) -> bool:
        return any(normalise_name(surface[: m.start() + 1]) == short for m in re.finditer(r"\w-(?=[A-Z])", surface))

    return bool(surfaces) and all(joined_after(s) for s in surfaces)


def _common_word(word: str) -> bool:
    """Whether English writes ``word`` often (Zipf frequency 3 or more: "Wales", "Akron"),
    as a place is and a misspelt name is not. wordfreq loads its list on first use only."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= COMMON_ZIPF


def _shared_surname(text: str, end: int, starts: dict[int, Mention]) -> str | None:
    """The surname, as written, of a full name a lone first name ending at ``end`` is joined
    to by "and" ("Piet and Anna Holm": Holm), else None."""
    joined = re.match(r"\s+and\s+", text[end : end + 8])
    partner = starts.get(end + joined.end()) if joined else None
    words = partner.text.split() if partner is not None else []
    return words[1] if len(words) == 2 and words[1][:1].isupper() else None


def _people_taken_for_organisations(read: list[tuple[str, Mention, str, str]], honoured: set[str] = frozenset(),
                                    texts: dict[str, str] | None = None) -> set[tuple[str, str]]:
    """Organisation names the tagger made of a person's first name and surname ("Ada
    Brennick" beside her husband, "Olaf Brennick"; "Spokeswoman Greta Lind" beside a lone
    "Lind"): a first name nearly always given to one gender, followed by a surname a
    person of the story bears or that speaks alone in the article ("radio host Ivo
    Kessby" and, later, "Kessby said"); or any two words whose second is a surname the
    story writes after an honorific ("Arun Orsk" beside "Mr. Orsk"). A company named
    after its founder ("Walt Disney") is one only when no one of the story bears the surname
    and it never speaks by the surname alone."""
    surnames = {key.split()[-1] for _, _, label, key in read if label == "PERSON"}
    # "Disney said in a statement", tagged an organisation: the company speaking
    companies = {(article, key) for article, _, label, key in read if label == "ORG" and " " not in key}
    people = set()
    for article, m, label, key in read:
        if label != "ORG" or len(words := key.split()) != 2:
            continue
        if words[1] in honoured or given_name_gender(m.text) is not None and (
                words[1] in surnames or texts is not None and (article, words[1]) not in companies
                and _speaks_by_surname(m.text.split()[-1], texts.get(article, ""))):
            people.add((label, key))
    return people


#: Head nouns of a description set off after a name that make the name an organisation's
#: ("Bremka, the official news agency,"): no person is described so.
ORGANISATION_HEADS = frozenset("agency newspaper broadcaster network company firm corporation group organization "
                               "organisation foundation association institute website".split())
#: ", the official state news agency," after a name: an article, a few modifiers, the head
#: noun (no preposition between: "Holm, the head of the agency," is a person).
_BODY_APPOSED = re.compile(r",\s+(?:the|a|an)\s+(?:(?!(?:of|at|for|in|with|to|from|by|and|or)\s)[\w'’-]+\s+){0,4}?"
                           r"(\w+)\s*[,.;—(]")


#: Words that, put before a person's name, name that person's people ("Team Varga").
ENTOURAGE_WORDS = frozenset({"team"})


def _organisations_taken_for_people(read: list[tuple[str, Mention, str, str]], honoured: set[str],
                                    texts: dict[str, str]) -> set[tuple[str, str]]:
    """One-word names the tagger read as a person's that a report describes, set off right
    after the name, as an organisation ("Bremka, the official Ostland news agency, wrote"):
    the body, unless a report writes the word after an honorific, as a surname; names the
    story tags as an organisation more often; and a person's team ("Team Varga")."""
    found = set()
    # A name of two words or more the story tags as an organisation more often than as a
    # person ("Orsk Telecom" twice a company, once a person) is the organisation.
    tagged = Counter((label, key) for _, _, label, key in read if " " in key)
    found |= {("PERSON", key) for label, key in tagged if label == "PERSON" and tagged[("ORG", key)] > tagged[("PERSON", key)]}
    for article, m, label, key in read:
        if label == "PERSON" and key.split()[0] in ENTOURAGE_WORDS and len(key.split()) > 1:
            found.add((label, key))  # "Team Varga" is her people, no person of its own
            continue
        if label != "PERSON" or " " in key or key in honoured:
            continue
        described = _BODY_APPOSED.match(texts.get(article, ""), m.span[1])
        if described is not None and described.group(1).lower() in ORGANISATION_HEADS:
            found.add((label, key))
    return found


def _surnames_taken_for_groups(read: list[tuple[str, Mention, str, str]]) -> set[tuple[str, str]]:
    """Single words the tagger read as a people or party ("Lopez was reportedly aiming …"
    tagged like "Latinos") that are the surname of a person of the story, written in the
    singular: that person, not a group."""
    surnames = {key.split()[-1] for _, _, label, key in read if label == "PERSON" and " " in key}
    plural = {key for _, m, label, key in read if label == "NORP" and m.text.rstrip().endswith("s")}
    return {("NORP", key) for _, _, label, key in read
            if label == "NORP" and " " not in key and key in surnames and key not in plural}


def _speaks_by_surname(surname: str, text: str) -> bool:
    """Whether ``surname`` alone is the one who speaks in a sentence of ``text`` ("…,”
    Kessby said", "said Kessby"), not a part of a longer name."""
    name = re.escape(surname)
    return re.search(rf"(?<!\w )(?<![\w’']){name}\s+(?:{_SAID})\b|\b(?:{_SAID})\s+{name}\b(?!\s+[A-Z])", text) is not None


#: Past and present forms of the speech verbs a surname alone is the subject of.
_SAID = "said|says|added|told|asked|wrote|argued|noted|explained|continued|insisted|replied"


def _surname_genders(annotations: list[Annotation], by_mention: dict[tuple[str, int, int], str],
                       shared: dict[tuple[str, str], set[str]]) -> SurnameGenders:
    """For the people who share a surname: the gender each lone surname's honorific states
    ("Mrs. Varga", keyed by article and start), the gender of the pronouns that follow
    the lone surname in each article ("Brennick, who had left her post, …", keyed by article
    and surname), and each person's gender as the story's full-name mentions make it clear
    (read as :func:`~storyweave.extract.genders.person_genders` reads one article; people
    the articles disagree on get none)."""
    people = set().union(*shared.values()) if shared else set()
    stated: dict[tuple[str, int], str] = {}
    continued: dict[tuple[str, str], str] = {}
    found: dict[str, set[str]] = defaultdict(set)
    if not people:
        return stated, continued, {}
    for ann in annotations:
        text, article = ann.article.text, ann.article.id
        quoted = quoted_spans(text)
        pronouns: dict[str, Counter[str]] = defaultdict(Counter)
        for i, m in enumerate(ann.mentions):
            if len(m.text.split()) != 1:
                continue
            gender = honorific_gender(text[max(0, m.span[0] - 6) : m.span[0]])
            if gender:
                stated[(article, m.span[0])] = gender
            elif (gender := following_pronoun(ann, i, quoted)) is not None:
                pronouns[place_key(normalise_name(m.text))][gender] += 1
        for surname, counts in pronouns.items():
            for gender, other in ((MALE, FEMALE), (FEMALE, MALE)):
                if counts[gender] and counts[gender] >= DOMINANCE * counts[other]:
                    continued[(article, surname)] = gender

        def full_name(m: Mention, article: str = article) -> str | None:
            eid = by_mention.get((article, *m.span))
            return eid if eid in people and len(m.text.split()) > 1 else None

        for eid, gender in person_genders(ann, full_name, quoted).items():
            found[eid].add(gender)
    return stated, continued, {eid: next(iter(g)) for eid, g in found.items() if len(g) == 1}


def _shown_rank(surface: str, surfaces: Counter[str]) -> tuple[bool, int, int, int, str]:
    """How fit a written form is to name its entity: a full name ("Hugo Brennick", not
    "Brennick"), the fullest of those written twice or more — a form seen once may be the
    tagger running a name into a headline ("Hugo Lusk Responds To Question") or a rare
    formal one."""
    words = len(normalise_name(surface).split())
    return words > 1, min(surfaces[surface], 2), words, surfaces[surface], surface


def _link_capitals(entities: list[Entity], by_key: dict[tuple[str, str], str]) -> None:
    """Point every capital at the country whose government it stands for ("Moscow said").

    The capital stays a place. When the story never names the country itself, the country
    is added as an entity of its own (named in the articles that name its capital), so the
    link always has a target; an ambiguous capital ("Victoria", "Kingston") is linked only
    when the story names its country. Changes ``entities`` and ``by_key`` in place.
    """
    countries = {key: eid for (label, key), eid in by_key.items() if label == "GPE"}
    added: dict[str, int] = {}  # country key -> position of the entity added for it
    for n, entity in enumerate(list(entities)):
        country = CAPITALS.get(place_key(normalise_name(entity.name))) if entity.type == "GPE" else None
        if not country:
            continue
        if country not in countries and place_key(normalise_name(entity.name)) in AMBIGUOUS_CAPITALS:
            continue  # "Victoria" may be the Australian state: Seychelles only if the story names it
        if country in added:
            known = entities[added[country]]
            articles = tuple(sorted(set(known.articles) | set(entity.articles)))
            entities[added[country]] = replace(known, articles=articles)
        elif country not in countries:
            countries[country] = by_key[("GPE", country)] = entity_id(country, "GPE")
            added[country] = len(entities)
            entities.append(Entity(countries[country], _country_name(country), "GPE", (), entity.articles))
        if countries[country] != entity.id:
            entities[n] = replace(entity, stands_for=countries[country])


def _country_name(key: str) -> str:
    return " ".join(w.capitalize() for w in key.split())
