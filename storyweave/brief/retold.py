"""brief's repeats: whether a candidate line tells again what a chosen line tells — the
same run of words (:func:`repeats`), the same event (:func:`same_event`), the same deed
by the same doer however worded (:func:`same_deed`), or told with another verb of that deed in
the same named place (:func:`same_deed_in_other_words`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from ..align import SAME_STATEMENT, same_statement
from ..align.shared_words import NOUN_CLAUSES
from ..align.words import common_runs, content_words
from ..extract.attribution_words import SPEECH_VERBS
from ..model import Annotation
from ..nlp import parsed
from .support import figures

#: A run of this many content words in common tells one event twice: "The alarm was raised
#: after a CCTV operator noticed smoke coming from the roof" / "Crews were called … after a
#: CCTV operator noticed smoke coming from the building's roof".
REPEATED_RUN = 5


def repeats(line: str, chosen: str) -> bool:
    """Whether a brief line tells again what a chosen line tells: the statement judge takes
    them for one statement, or they share a run of :data:`REPEATED_RUN` content words (the
    judge scores a line apart when each adds its own detail) outside a clause describing a
    noun of the line: "Salazar rescinded the changes that allowed agencies to decide for
    themselves …" tells the rescinding, not again "The move allowed agencies to decide …"."""
    runs = common_runs(line, chosen, REPEATED_RUN)
    return bool(runs) and _told_outside_descriptions(line, {w for run in runs for w in run}) \
        or same_statement(line, chosen) >= SAME_STATEMENT


#: Verbs too general to tell one event: "Ross was a minister" and "Ross was at the meeting".
GENERAL_VERBS = frozenset("be have do get make go".split())
#: Auxiliaries that put an event ahead ("will miss two games" is not "missed four games").
FUTURE_AUXILIARIES = frozenset("will would shall may might could can".split())


def same_event(line: str, chosen: str) -> bool:
    """Whether two lines tell one event in other words: the same named person or
    organisation does the same thing (the same main verb, the reported one when a source
    is quoted: "Police said Ross had drowned" is "Lia Ross drowned on Monday"), at the same
    time (past, future or habitual), to the same object, with no figure of the event one
    has that the other lacks (figures describing the doer, "Ross, 61, who led the board
    for ten years", tell no other event). The statement judge scores such lines far apart
    when each adds its own details ("Ross died of a heart attack at her home")."""
    one, other = _event(line), _event(chosen)
    if one is None or other is None or one[:4] != other[:4] or _placed_apart(one[6], other[6]):
        return False
    places = {p: ws for p, ws in one[5].items() if p in other[5]}
    return (one[4] <= other[4] or other[4] <= one[4]) and all(ws & other[5][p] for p, ws in places.items())


def _placed_apart(one: tuple[frozenset[str], frozenset[str]], other: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether two deeds, one of whose objects is named by its place, name places and none
    in common (each given as :func:`_named_places`): "won the Ostland primary" and "won the
    primaries in Orsk and Lusk" are two contests (session 40). Where only the verb is placed
    ("arrested Holm in Orsk" / "… at his home in Ostland") the places may be one told two ways."""
    return bool((one[0] or other[0]) and one[1] and other[1] and not one[1] & other[1])


def _named_places(verb: Any, thing: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The places a deed's object names ("Ostland" of "the Ostland primary") and those it
    and the verb's prepositions name ("Orsk", "Lusk" of "won primaries in Orsk and Lusk"), lower case."""
    of_thing = frozenset(t.lower_ for t in (thing.subtree if thing is not None else ()) if t.ent_type_ in _PLACE_TYPES)
    placed = [t for c in verb.children if c.dep_ == "prep" for t in c.subtree if t.ent_type_ in _PLACE_TYPES]
    return of_thing, of_thing | frozenset(t.lower_ for t in placed)


def same_event_and_setting(line: str, chosen: str) -> bool:
    """Whether two lines tell one event (:func:`same_event`) and name the same setting for
    it: a noun one of the verb's prepositions takes in both, whatever the preposition
    ("died in a federal prison" / "died at the federal prison in Vell"). Facts align keeps
    apart need this further sign before one is taken for the other's repeat."""
    one, other = _event(line), _event(chosen)
    if one is None or other is None or one[:4] != other[:4] or not (one[4] <= other[4] or other[4] <= one[4]):
        return False
    return bool(frozenset().union(*one[5].values()) & frozenset().union(*other[5].values()))


def _main_verb(sentence: Any) -> Any:
    """The verb of a line's main event: the root, or what it reports when the root is a
    verb of saying ("Police said Ross had drowned"); None for a general verb ("was", "had")."""
    verb = next((t for t in sentence if t.dep_ == "ROOT"), None)
    if verb is not None and verb.lemma_.lower() in SPEECH_VERBS:
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in GENERAL_VERBS:
        return None
    return verb


@lru_cache(maxsize=4096)
def _event(text: str) -> tuple[str, str, str, str, frozenset[str], dict[str, frozenset[str]],
                               tuple[frozenset[str], frozenset[str]]] | None:
    """(named doer, verb, time, object, figures, places, the object's named places) of a line's main event, or None
    when it has no named doer, a general or negated verb. Places are the nouns each of the
    verb's prepositions takes, times left out ("checked into a clinic" / "checked into the
    Lark Centre" may be two stays; "on Tuesday evening" / "on Tuesday night" one day)."""
    sentence = parsed(text)
    verb = _main_verb(sentence)
    if verb is None:
        return None
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return None
    doer = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if doer is None or doer.pos_ != "PROPN" or doer.ent_type_ not in ("PERSON", "ORG"):
        return None
    auxiliaries = {c.lower_ for c in children if c.dep_ == "aux"}
    time = "ahead" if auxiliaries & FUTURE_AUXILIARIES else "habit" if verb.tag_ in ("VBZ", "VBP") else "past"
    thing_token = next((c for c in children if c.dep_ in ("dobj", "attr", "oprd")), None)
    thing = thing_token.lemma_.lower() if thing_token is not None else ""
    described = {t.i for t in doer.subtree} | {t.i for c in sentence if c.dep_ in NOUN_CLAUSES for t in c.subtree}
    told = " ".join(t.text for t in verb.subtree if t.i not in described)
    places: dict[str, set[str]] = {}
    for preposition in (c for c in children if c.dep_ == "prep"):
        for noun in (g for g in preposition.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")):
            places.setdefault(preposition.lower_, set()).add(noun.lemma_.lower())
    return (doer.text.lower(), verb.lemma_.lower(), time, thing, figures(told), {p: frozenset(ws) for p, ws in places.items()},
            _named_places(verb, thing_token))


#: Verb phrases that say what one plain verb says: "passed away" is "died", "put their
#: names to" a plan is "signed" it. Keyed by (verb, particle) or (verb, object, preposition).
VERB_PHRASES = {("pass", "away"): "die", ("put", "name", "to"): "sign"}
#: Support verbs: with a noun that names a deed, the noun says what was done and the verb
#: only that it was done ("returned a verdict", "handed down a verdict", "reached a verdict").
SUPPORT_VERBS = frozenset("give deliver return hand issue reach render".split())
#: Subjects that name no one: a pronoun stands for whoever the sentence before said.
_NO_DOER_POS = frozenset({"PRON", "DET", "NUM"})


@dataclass(frozen=True)
class _Doer:
    """Who does a line's deed: the head word of its subject ("jury" of "A Brooklyn jury",
    "Brennick" of "Saltmere Mayor Tomas Brennick"), whether that is a name, the words of the
    subject without its clauses and the names among them, and the figures it gives ("Four
    men")."""

    head: str
    named: bool
    words: frozenset[str]
    names: frozenset[str]
    figures: frozenset[str]


@dataclass(frozen=True)
class _Deed:
    doer: _Doer
    verb: str
    time: str
    thing: str
    thing_nouns: frozenset[str]
    thing_places: tuple[frozenset[str], frozenset[str]]  # as :func:`_named_places`
    figures: frozenset[str]
    places: dict[str, frozenset[str]]
    when: frozenset[str]


@lru_cache(maxsize=4096)
def _deed(text: str) -> _Deed | None:
    """A line's main deed, whoever does it: its doer (named or described), verb (the
    reported one after "said", a verb phrase read as its plain verb), time, object and the
    nouns that describe it, the figures of the event and its places (as :func:`_event`);
    None when the subject is a pronoun or the verb general or negated."""
    sentence = parsed(text)
    verb = _main_verb(sentence)
    if verb is None:
        return None
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if any(c.dep_ == "neg" for c in children) or subject is None or subject.pos_ in _NO_DOER_POS:
        return None
    lemma, thing_token, used = _plain_verb(verb)
    auxiliaries = {c.lower_ for c in children if c.dep_ == "aux"}
    time = "ahead" if auxiliaries & FUTURE_AUXILIARIES else "habit" if verb.tag_ in ("VBZ", "VBP") else "past"
    clauses = {t.i for c in sentence if c.dep_ in NOUN_CLAUSES for t in c.subtree}
    own = [t for t in verb.subtree if t.i not in clauses and t.i not in {s.i for s in subject.subtree}]
    told = " ".join(t.text for t in own)
    # "in the sixth round" / "in the 11th round": an order is a figure of the event too.
    ordinals = frozenset(t.lower_ for t in own if t.ent_type_ == "ORDINAL")
    when = _dated(verb)
    places: dict[str, set[str]] = {}
    for preposition in (c for c in children if c.dep_ == "prep" and c.i not in used):
        for noun in (g for g in preposition.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")):
            places.setdefault(preposition.lower_, set()).add(noun.lemma_.lower())
    thing = thing_token.lemma_.lower() if thing_token is not None else ""
    thing_nouns = frozenset(t.lemma_.lower() for t in (thing_token.subtree if thing_token is not None else ())
                            if t.pos_ in ("NOUN", "PROPN"))
    return _Deed(_doer(subject, clauses), lemma, time, thing, thing_nouns, _named_places(verb, thing_token), figures(told) | ordinals,
                 {p: frozenset(ws) for p, ws in places.items()}, when)


def _dated(verb: Any) -> frozenset[str]:
    """The words of the times the verb itself is dated by ("on Monday", "Tuesday night"),
    not those of a clause under it ("ending three years of talks")."""
    heads = [c for c in verb.children if c.dep_ in ("npadvmod", "tmod")]
    heads += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return frozenset(t.lower_ for h in heads for t in h.subtree
                     if t.ent_type_ in ("DATE", "TIME") and not (t.is_punct or t.is_stop))


def _plain_verb(verb: Any) -> tuple[str, Any, set[int]]:
    """The verb's lemma, its object and the tokens a verb phrase used up, with a verb
    phrase read as the plain verb it stands for (:data:`VERB_PHRASES`): "put their names
    to a plan" is (sign, plan)."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    thing = next((c for c in children if c.dep_ in ("dobj", "attr", "oprd")), None)
    for particle in (c for c in children if c.dep_ in ("prt", "advmod")):
        if (lemma, particle.lower_) in VERB_PHRASES:
            return VERB_PHRASES[(lemma, particle.lower_)], thing, {particle.i}
    for preposition in (c for c in children if c.dep_ == "prep"):
        if thing is not None and (lemma, thing.lemma_.lower(), preposition.lower_) in VERB_PHRASES:
            target = next((g for g in preposition.children if g.dep_ == "pobj"), None)
            return VERB_PHRASES[(lemma, thing.lemma_.lower(), preposition.lower_)], target, {preposition.i}
    return lemma, thing, set()


def _doer(subject: Any, clauses: set[int]) -> _Doer:
    """The doer of a deed, read from its subject without the clauses that describe it
    ("Ross, 61, who led the board"), an apposition kept: it says who the subject is ("Ida
    Marr, the harbour master")."""
    kept = clauses - {t.i for c in subject.subtree if c.dep_ == "appos" for t in c.subtree}
    phrase = [t for t in subject.subtree if t.i not in kept and not t.is_punct]
    named = subject.pos_ == "PROPN"
    return _Doer(subject.lemma_.lower() if not named else subject.text.lower(), named,
                 frozenset(t.lemma_.lower() for t in phrase if t.pos_ in ("NOUN", "PROPN")),
                 frozenset(t.text.lower() for t in phrase if t.pos_ == "PROPN"),
                 figures(" ".join(t.text for t in phrase)))


def story_descriptions(annotations: Sequence[Annotation]) -> dict[str, frozenset[str]]:
    """What the story's articles call the people and bodies they name: noun -> the names (the head
    word of each) it is given to, as a title before the name ("Deputy Jon Ortiz"), an
    apposition ("Esther Vale, the swimming champion") or what the name is said to be ("Vale
    was the star of …"). A description of the story's news ("The star … died") stands for
    the one person the articles give that noun to."""
    out: dict[str, set[str]] = {}
    for annotation in annotations:
        for token in annotation.doc if annotation.doc is not None else ():
            if token.pos_ != "PROPN" or token.dep_ in ("compound", "flat"):
                continue
            # A title is a word before the name outside any name ("Deputy" of "Deputy Jon Ortiz").
            nouns = [c for c in token.children if c.dep_ == "compound" and not c.ent_type_ and c.pos_ in ("NOUN", "PROPN")]
            nouns += [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            if token.dep_ == "nsubj" and token.head.lemma_ == "be":
                nouns += [c for c in token.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
            for noun in nouns:
                out.setdefault(noun.lemma_.lower(), set()).add(token.text.lower())
    return {noun: frozenset(names) for noun, names in out.items()}


def _same_doer(one: _Doer, other: _Doer, known: dict[str, frozenset[str]]) -> bool:
    """Whether two subjects may be one party: two names when the words of one's name are
    all in the other's ("Comeaux" / "Texas inmate Arcade Comeaux"); a description when the
    other subject holds its head word ("A jury" / "A Brooklyn jury", "The mayors of Ross
    and Vell" / "Vell Mayor Ida Marr and her Ross counterpart") and every name it gives, or
    when the story gives its head word to one person alone, the other subject's
    (:func:`story_descriptions`); never with a figure against the other's ("Four men" /
    "Two men")."""
    if one.figures and other.figures and one.figures != other.figures:
        return False
    if one.named and other.named:
        return one.names <= other.names or other.names <= one.names
    if not (one.named or other.named):
        alike = one.head == other.head and (one.names <= other.names or other.names <= one.names)
        return alike or len(known.get(one.head, ())) == 1 and known.get(one.head) == known.get(other.head)
    described, other_one = (one, other) if not one.named else (other, one)
    return described.head in other_one.words and described.names <= other_one.names \
        or known.get(described.head) == frozenset({other_one.head})


def same_deed(line: str, chosen: str, known: dict[str, frozenset[str]] | None = None) -> bool:
    """Whether a line tells again the deed a chosen line tells, whoever its doer is, named
    or described (:func:`_same_doer`): the same verb (a verb phrase read as its plain verb:
    "passed away" is "died"), time and places as :func:`same_event`, the same object or
    one described by a noun in common ("signed an agreement to build a flood barrier" /
    "put their names to a plan for a flood barrier"), and no figure of the event one has
    that the other lacks. ``known``: the story's descriptions of the people it names
    (:func:`story_descriptions`)."""
    one, other = _deed(line), _deed(chosen)
    if one is None or other is None or one.time != other.time or not _same_doer(one.doer, other.doer, known or {}):
        return False
    supported = one.thing and one.thing == other.thing and {one.verb, other.verb} <= SUPPORT_VERBS
    if one.verb != other.verb and not supported:
        return False
    if one.thing != other.thing and not one.thing_nouns & other.thing_nouns or _placed_apart(one.thing_places, other.thing_places):
        return False
    if one.when and other.when and not one.when & other.when:
        return False  # "in 2008" / "on Saturday night": dated apart, two deeds
    shared = {p: ws for p, ws in one.places.items() if p in other.places}
    return (one.figures <= other.figures or other.figures <= one.figures) and all(ws & other.places[p] for p, ws in shared.items())


#: Verbs that tell one deed in other words, in the sense news gives them with a named place
#: or party: a contest won ("won Ostland", "captured Ostland", "carried Ostland", "beat
#: his rivals in Ostland"), someone arrested, a company bought, someone dismissed. Each group
#: is one deed; a verb may have other senses, so a place both lines name must tie them too.
#: "top" is left out: "topped the polls in Ostland" is no win there.
SAME_DEED_VERBS: tuple[frozenset[str], ...] = (
    frozenset("win capture carry sweep clinch beat defeat".split()),
    frozenset("arrest detain apprehend".split()),
    frozenset("buy acquire purchase".split()),
    frozenset("fire dismiss sack oust".split()),
)
#: Entity types of a place a deed is done in or to.
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def same_deed_in_other_words(line: str, chosen: str, known: dict[str, frozenset[str]] | None = None) -> bool:
    """Whether two lines tell one deed with two verbs of it (:data:`SAME_DEED_VERBS`): the
    same doer (:func:`_same_doer`) at the same time, a named place both give the deed ("has
    captured Ostland" / "beat his rivals in Ostland" / "won another primary, this time in
    Ostland"), no dates apart and no figure of the event one has and the other lacks. The
    statement judge cannot tell "won" from "captured" better than from "lost", nor the lines
    from two deeds: each adds its own words."""
    one, other = _deed(line), _deed(chosen)
    if one is None or other is None or one.verb == other.verb or one.time != other.time:
        return False
    if not any({one.verb, other.verb} <= verbs for verbs in SAME_DEED_VERBS):
        return False
    if not _same_doer(one.doer, other.doer, known or {}) or one.when and other.when and not one.when & other.when:
        return False
    return bool(_deed_places(line) & _deed_places(chosen)) and (one.figures <= other.figures or other.figures <= one.figures)


@lru_cache(maxsize=4096)
def _deed_places(text: str) -> frozenset[str]:
    """The named places a line's main verb takes, as object or through any preposition under
    it ("won another primary, this time in Ostland"), outside its subject and the clauses
    describing a noun."""
    sentence = parsed(text)
    verb = _main_verb(sentence)
    if verb is None:
        return frozenset()
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    clauses = {t.i for c in sentence if c.dep_ in NOUN_CLAUSES for t in c.subtree}
    return frozenset(t.lemma_.lower() for t in verb.subtree
                     if t.ent_type_ in _PLACE_TYPES and t.pos_ == "PROPN" and t.i not in subject | clauses)


def retold(line: str, chosen: str, known: dict[str, frozenset[str]]) -> bool:
    """Whether one outlet's line tells a chosen line's deed again, its doer named
    (:func:`same_event`) or described (:func:`same_deed`), or with another verb of the deed
    (:func:`same_deed_in_other_words`)."""
    return same_event(line, chosen) or same_deed(line, chosen, known) or same_deed_in_other_words(line, chosen, known)


def _told_outside_descriptions(line: str, words: set[str]) -> bool:
    """Whether any of ``words`` (content words) stands in ``line`` outside a relative
    clause, a participle or an apposition, and outside a name with its title: two lines that
    share only "Republican presidential nominee Ada Roos" name one person and tell two
    things (session 35: a line on her running mate's endorsement went as a repeat of hers)."""
    sentence = parsed(line)
    described = {t.i for clause in sentence if clause.dep_ in NOUN_CLAUSES for t in clause.subtree}
    described |= _titled_names(sentence)
    return any(t.i not in described and set(content_words(t.text)) & words for t in sentence)


def _titled_names(sentence: Any) -> set[int]:
    """The tokens of each name and the title set before it ("Republican presidential nominee
    Ada Roos", "House Speaker Ian Holm")."""
    out: set[int] = set()
    for head in sentence:
        if head.pos_ == "PROPN" and head.dep_ not in ("compound", "flat"):
            out.update(t.i for t in head.subtree if t.i <= head.i and t.dep_ in ("compound", "amod", "flat") or t is head)
    return out
