"""brief's order: a brief's candidate lines and the order a reader meets them in.

The brief chooses :class:`Candidate` lines; these functions settle what goes in front (news,
not a quotation or a forecast: :func:`news_first`; the deed on a day a feature's teaser held
back: :func:`deed_on_a_day_first`), what follows what (a surname after the
line that gives the full name, a line leaning on an earlier one after it) and which of two
wordings of one deed a reader would rather cite (:func:`reader_order`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Sequence

from ..model import Entity, Fact, Sentence
from ..nlp import parsed
from .context import PERSON_ROLES, WHICH_DEPS, described_person, leaning_description
from .lede import can_open
from .support import BRACKETED, QUOTED, plain


#: Verbs of guessing at what will happen (lemmas): a brief does not open on a forecast.
GUESSING = frozenset({"predict", "expect", "forecast", "anticipate", "bet", "guess", "believe", "think", "hope",
                      "fear", "project"})


#: Marks that open a quotation at the start of a line.
QUOTE_OPENERS = frozenset("“\"‘")


@dataclass
class Candidate:
    """A line the brief may print: a source sentence's wording, the articles it cites, its
    independent sources and where its articles tell it (0 at the top, 1 at the end)."""

    text: str
    citations: tuple[str, ...]
    support: int
    position: float
    fact: Fact
    article: str
    span: tuple[int, int]  # the source sentence's, in its article
    reading: bool = False  # the outlet's reading (:func:`~storyweave.brief.views.outlets_reading`): only when no plain line can stand in
    phase: int = 0  # the story's phase it tells, earliest 0 (:mod:`~storyweave.brief.phases`)


@dataclass(frozen=True)
class Leaning:
    """A line whose subject leans on its article's sentence before (:func:`leaning_lines`): the
    noun standing for it and, for a person told by office alone, the surnames it may be (none
    known: only the sentence before tells which)."""

    line: Candidate
    noun: str
    before: Sentence
    people: frozenset[str] | None = None


def after_their_names(chosen: list[Candidate], entities: Sequence[Entity]) -> list[Candidate]:
    """Each line that opens on a person's surname alone ("Holm suggested …") read after the
    first line that gives the full name ("harbour master Ian Holm") when a later line does
    (session 36, round 9): a surname no line has introduced is someone the reader has not met.
    With no line giving it the line stays: "Varga has won Ostland …" reads well alone, and
    leaving such lines out lost good ones."""
    full: dict[str, set[str]] = {}
    for e in entities:
        words = e.name.split()
        if e.type == "PERSON" and len(words) >= 2:
            full.setdefault(words[-1], set()).update({e.name, *(a for a in e.aliases if len(a.split()) >= 2)})
    lines = list(chosen)
    for line in chosen:
        names = set().union(*(full.get(surname, set()) for surname in _surnames_told(plain(line.text))))
        introducing = [re.compile(re.escape(n)) for n in names] or _introductions(plain(line.text), entities)
        if not introducing or any(p.search(plain(line.text)) for p in introducing):
            continue
        here = next(n for n, c in enumerate(lines) if c is line)
        told = next((n for n, c in enumerate(lines) if any(p.search(plain(c.text)) for p in introducing)), None)
        if told is not None and told > here:
            lines.insert(told, lines.pop(here))  # the naming line moved up one when this one left
    return lines


def _introductions(text: str, entities: Sequence[Entity]) -> list[re.Pattern[str]]:
    """How a line would introduce each person the story knows by one name alone that ``text``
    names ("the former dock chief known as Oskar", session 39): such a name, anywhere in a line that
    does not introduce it, is someone the reader has not met."""
    alone = {e.name for e in entities if e.type == "PERSON" and len(e.name.split()) == 1
             and not any(len(a.split()) >= 2 for a in e.aliases)}
    return [re.compile(ONE_NAME_INTRODUCED.format(name=re.escape(name))) for name in alone
            if re.search(rf"\b{re.escape(name)}\b", text)]


#: The words that introduce someone by one name: "known as Oskar", "identified only as Oskar",
#: "who gave his name as Oskar", "called Oskar".
ONE_NAME_INTRODUCED = (r"\b(?:(?:known|identified|referred to|described)(?: only| simply)? as|(?:gave|give|gives|giving)"
                       r" (?:his|her|their) (?:first )?name as|called|named|nicknamed) {name}\b")


#: The one word that opens a line ("Holm suggested …").
OPENING_WORD = re.compile(r"^([A-Z][\w’'-]+)\s")
#: The one word a line's words are credited to at its end ("“…,” Holm said.", "…, Holm told
#: the council."), session 38; "On Monday, Holm said that …" opens on what Holm said, and a
#: line that tells it is read where it stands, as before.
SPEAKER_AFTER = re.compile(r"[,”\"]\s+([A-Z][\w’'-]+)\s+(?:said|says|told|added|wrote|noted|argued|explained)\b"
                           r"[^,“”\"]{0,40}$")


def _surnames_told(text: str) -> set[str]:
    """The words a line may name a person by alone: its opening word and the speaker its
    words are credited to."""
    return {m.group(1) for m in (OPENING_WORD.match(text), *SPEAKER_AFTER.finditer(text)) if m}


def leaning_lines(chosen: list[Candidate], sentences: dict[str, Sequence[Sentence]],
                  known: dict[str, frozenset[str]] | None = None, entities: Sequence[Entity] = ()) -> list[Leaning]:
    """The lines whose subject is a thing told only in their article's sentence before ("The
    policy mistake would see …", :func:`~storyweave.brief.context.leaning_description`), or a
    person told by office or trade alone ("The billionaire businessman only narrowly edged out
    …", :func:`~storyweave.brief.context.described_person`, session 37), each with what stands
    for its subject and that sentence."""
    surnames = frozenset(e.name.split()[-1].lower() for e in entities if e.type == "PERSON" and e.name.split())
    leaning = []
    for line in chosen:
        told = sentences.get(line.article, ())
        at = next((n for n, s in enumerate(told) if s.span[0] <= line.span[0] < s.span[1]), None)
        if at is None:
            continue
        role = described_person(plain(line.text))
        if role is not None:
            before = told[at - 1] if at else Sentence("", (0, 0), "")
            leaning.append(Leaning(line, role, before, _people_described(role, before.text, known or {}, surnames)))
            continue
        if not at:
            continue
        noun = leaning_description(plain(line.text), told[at - 1].text)
        if noun is not None:
            leaning.append(Leaning(line, noun, told[at - 1]))
    return leaning


def _people_described(role: str, before: str, known: dict[str, frozenset[str]],
                      surnames: frozenset[str]) -> frozenset[str]:
    """The surnames (lower case) a person's description may stand for: the one person the
    story's articles give that word to ("billionaire businessman Ivo Brand"), else the one
    person the article's sentence before names, when it is that sentence's subject ("Brand lost
    the vote …"; a name the tagger missed counts when a person of the story bears it,
    ``surnames``). A person told there as someone's object is often not who the next sentence
    goes on about ("… giving Roos nine seats. The front-runner complained …" is another), nor
    is either of two ("Roos defeated Brand. The businessman …"): then only that sentence
    tells which."""
    if len(known.get(role, ())) == 1:
        return known[role]
    doc = parsed(before)
    named = {e.root for e in doc.ents if e.label_ == "PERSON"} | {t for t in doc if t.pos_ == "PROPN" and t.lower_ in surnames}
    if len({t.lower_ for t in named}) != 1:
        return frozenset()
    return frozenset(t.lower_ for t in named if t.dep_ in ("nsubj", "nsubjpass"))


def after_what_they_lean_on(chosen: list[Candidate], leaning: list[Leaning], fewest: int) -> list[Candidate]:
    """Each leaning line (:func:`leaning_lines`) read right after the first brief line that
    tells its subject's thing or person (session 36); with none, the line is left out, as long
    as the brief keeps ``fewest`` lines."""
    lines = list(chosen)
    for lean in leaning:
        here = next(n for n, c in enumerate(lines) if c is lean.line)
        lines.pop(here)
        told = next((n for n, c in enumerate(lines) if _tells(c, lean)), None)
        if told is not None:
            lines.insert(told + 1, lean.line)
        elif len(lines) < fewest:
            lines.insert(here, lean.line)
    return lines


def _tells(other: Candidate, lean: Leaning) -> bool:
    """Whether a brief line tells the thing or person a leaning line's subject stands for: it
    is the sentence before that line in its article, names the person (a surname of
    ``lean.people``) or, for a thing, names the subject's noun."""
    if other.article == lean.line.article and tuple(other.span) == tuple(lean.before.span):
        return True
    if lean.people is not None:
        return bool(lean.people & {w.lower() for w in re.findall(r"[\w’'-]+", plain(other.text))})
    return lean.noun in {t.lemma_.lower() for t in parsed(plain(other.text)) if t.pos_ == "NOUN"}


def news_first(chosen: list[Candidate], leaning: Sequence[Candidate] = ()) -> list[Candidate]:
    """The lines with the first that tells the news put in front: a brief, like a news
    story, does not open with a quotation (a spokesman asking for privacy, a minister
    praising a rule), with a forecast (session 33: "Brennick will back Varga before the
    vote, predicted a former governor") nor with a line that cannot open a story (session 34,
    :func:`~storyweave.brief.lede.can_open`: "Varga has also played …", a feature's scene)
    when a line of its own tells what happened; the rest keep their order. A line that
    cannot open a story is the worse opening of the two: when every other line is a
    quotation or a forecast, a quotation goes before "Varga has also played …". Nor does a
    line open that leans on another for its subject (``leaning``, session 36: "The policy
    mistake would see …")."""
    fit = [can_open(c.text) and not any(c is line for line in leaning) for c in chosen]
    told = [not (is_quotation(c.text) or is_forecast(c.text)) for c in chosen]
    lines = range(len(chosen))
    first_news = ([n for n in lines if fit[n] and told[n]] + [n for n in lines if fit[n]] + [n for n in lines if told[n]]
                  + [0])[0]
    if not first_news:
        return chosen
    return [chosen[first_news]] + chosen[:first_news] + chosen[first_news + 1:]


def headline_lede_first(chosen: list[Candidate], ledes: set[tuple[str, int]],
                        leaning: Sequence[Candidate] = ()) -> list[Candidate]:
    """The lines with the lede of the article whose headline the brief shows (``ledes``: its
    article and where the lede starts) put in front (session 37): the reader meets the
    headline's news first, not another outlet's opening on a day before or on a side of the
    story ("Ivo Brand's campaign reserved air time …" under "Brand wins Ostland"). The first
    line stays when more independent sources tell it, and the lede must be fit to open (no
    quotation, forecast or line that cannot open, :func:`news_first`)."""
    at = next((n for n, c in enumerate(chosen) if (c.article, c.span[0]) in ledes), None)
    if not at:
        return chosen
    lede = chosen[at]
    if (chosen[0].support > lede.support or not can_open(lede.text) or is_quotation(lede.text)
            or is_forecast(lede.text) or any(lede is line for line in leaning)):
        return chosen
    return [lede] + chosen[:at] + chosen[at + 1:]


#: How many sentences after a teasing lede its article's news may come: the paragraph after
#: a feature's opening is often one or two sentences on.
DELAYED_LEDE_REACH = 2
#: Verbs that report what someone said or found (lemmas): a line told through them is news.
REPORTING = frozenset({"say", "tell", "report", "announce", "show", "find", "write", "state"})


def deed_on_a_day_first(chosen: list[Candidate], sentences: dict[str, Sequence[Sentence]],
                        leaning: Sequence[Candidate] = (), entities: Sequence[Entity] = ()) -> list[Candidate]:
    """The lines with a first line that tells neither a deed done nor when anything happened
    (a feature's teaser: "The ferries haven't sailed yet, but Varga is already counting the
    fares") put after the line of its own article, a sentence or two on, that tells a deed on a
    day ("Varga on Friday opened the new quay …", session 39): like a wire editor, the
    brief opens on who did what when, the delayed lede the feature held back. The line must be
    fit to open (:func:`news_first`); a surname it opens on ("Varga on Friday …") is named in
    full from the teaser ("[Ada Varga] on Friday …"), which no longer comes first to give it."""
    if not chosen or not _teases(chosen[0].text):
        return chosen
    lede = chosen[0]
    at = _sentence_at(lede, sentences)
    for n, line in enumerate(chosen[1:], 1):
        where = _sentence_at(line, sentences)
        if (line.article != lede.article or at is None or where is None or not 0 < where - at <= DELAYED_LEDE_REACH
                or not _deed_on_a_day(line.text) or not can_open(line.text) or is_quotation(line.text)
                or is_forecast(line.text) or any(line is other for other in leaning)):
            continue
        return [_named_in_full(_role_named(line, lede.text, entities), lede.text, entities)] + chosen[:n] + chosen[n + 1:]
    return chosen


def _role_named(line: Candidate, before: str, entities: Sequence[Entity]) -> Candidate:
    """The line with the one person it tells by office alone named after it, in brackets, as
    the teaser ``before`` names them ("… urged the Ostland senator to resign" after a teaser
    on "Ada Varga" → "… urged the Ostland senator [Ada Varga] to resign", session 41): the
    teaser that named the person no longer comes first, and a reader meeting "the senator"
    first does not know who is meant. Only when the line names no one and the teaser one
    person alone."""
    if BRACKETED.search(line.text):
        return line
    people = {e.name for e in entities if e.type == "PERSON" and len(e.name.split()) >= 2
              and any(n in plain(before) for n in (e.name, *e.aliases) if len(n.split()) >= 2)}
    if len(people) != 1:
        return line
    doc = parsed(line.text)
    surnames = {e.name.split()[-1] for e in entities if e.type == "PERSON" and e.name.split()}
    if any(e.label_ == "PERSON" for e in doc.ents) or any(t.pos_ == "PROPN" and t.text in surnames for t in doc):
        return line
    quoted = [m.span() for m in QUOTED.finditer(line.text)]
    roles = [t for t in doc if t.lower_ in PERSON_ROLES and t.tag_ == "NN" and not any(a <= t.idx < b for a, b in quoted)
             and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
             and not any(c.dep_ in WHICH_DEPS for c in t.children)]
    if len(roles) != 1 or roles[0].i + 1 < len(doc) and doc[roles[0].i + 1].pos_ == "PROPN":
        return line
    end = roles[0].idx + len(roles[0].text)
    return replace(line, text=f"{line.text[:end]} [{people.pop()}]{line.text[end:]}")


def _named_in_full(line: Candidate, before: str, entities: Sequence[Entity]) -> Candidate:
    """The line with the surname it opens on named in full, in brackets, as the line ``before``
    names that person ("Varga held …" after "… Mayor Ada Varga …" → "[Ada Varga] held …")."""
    opening = OPENING_WORD.match(line.text)
    if opening is None:
        return line
    names = [n for e in entities if e.type == "PERSON" and len(e.name.split()) >= 2 and e.name.split()[-1] == opening.group(1)
             for n in (e.name, *e.aliases) if len(n.split()) >= 2 and n in plain(before)]
    if not names:
        return line
    return replace(line, text=f"[{names[0]}]{line.text[opening.end(1):]}")


def _sentence_at(line: Candidate, sentences: dict[str, Sequence[Sentence]]) -> int | None:
    """Which sentence of its article a line is, counted from 0."""
    return next((n for n, s in enumerate(sentences.get(line.article, ())) if s.span[0] <= line.span[0] < s.span[1]), None)


def _teases(line: str) -> bool:
    """Whether a line tells no time and no deed done, nor reports anyone's words or findings:
    "Varga is weighing her options", "The dockers have more to say about Brel"."""
    doc = parsed(QUOTED.sub("", plain(line)))
    main = [t for t in doc if t.pos_ in ("VERB", "AUX") and (t.dep_ == "ROOT" or t.dep_ == "conj" and t.head.dep_ == "ROOT")]
    return not (any(e.label_ in ("DATE", "TIME") for e in doc.ents) or any(_done(v) or v.lemma_ in REPORTING for v in main)
                or "according to" in doc.text.lower())


def _done(verb: object) -> bool:
    """Whether a main verb tells a deed done: "held", "has won" (not "hasn't kicked off")."""
    children = list(verb.children)  # type: ignore[attr-defined]
    if any(c.dep_ == "neg" for c in children):
        return False
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in children)  # type: ignore[attr-defined]


def _deed_on_a_day(line: str) -> bool:
    """Whether a line tells a deed done and when: "Varga on Friday held …"."""
    doc = parsed(QUOTED.sub("", plain(line)))
    main = [t for t in doc if t.pos_ in ("VERB", "AUX") and (t.dep_ == "ROOT" or t.dep_ == "conj" and t.head.dep_ == "ROOT")]
    deeds = [v for v in main if v.tag_ == "VBD" and _done(v)]
    return any(e.label_ in ("DATE", "TIME") and _dates(e.root, deeds) for e in doc.ents)


def _dates(word: Any, deeds: list[Any]) -> bool:
    """Whether a time's word tells when one of ``deeds`` was done ("held on Friday"), not when
    something else was ("the justice, who has been involved over the past few days, said …")."""
    while word.head.i != word.i:
        word = word.head
        if any(word.i == d.i for d in deeds):
            return True
        if word.pos_ in ("VERB", "AUX"):
            return False
    return False


def is_forecast(line: str) -> bool:
    """Whether a brief line is someone's guess at what will happen ("Brennick will back Varga
    before the vote, predicted a former governor", "Analysts expect the council will …"): a
    clause of "will" or "shall" under a verb of guessing. What officials say will happen (a
    meeting set, a vote called) is an announcement, and news."""
    doc = parsed(plain(line))
    for verb in doc:
        if verb.lemma_.lower() not in GUESSING:
            continue
        # "…, predicted the governor" is often parsed as hung on the clause it reports
        told = [c for c in verb.children if c.dep_ == "ccomp"] if verb.dep_ == "ROOT" else []
        told += [verb.head] if (verb.dep_ in ("parataxis", "ccomp", "conj") and verb.head.dep_ == "ROOT"
                                and verb.i > verb.head.i) else []
        if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "’ll", "shall", "wo") for t in told for c in t.children):
            return True
    return False


def is_quotation(line: str) -> bool:
    """Whether a brief line is mostly someone's quoted words: it opens with a quotation
    mark (after any bracketed speaker) or half its letters are inside quotation marks."""
    own = BRACKETED.sub("", line).lstrip(" :")
    if own[:1] in QUOTE_OPENERS:
        return True
    quoted = sum(len(m.group()) for m in QUOTED.finditer(own))
    return quoted * 2 >= len(own)


def reader_order(candidate: Candidate) -> tuple[int, int]:
    """How a reader ranks two wordings of one deed, best first: the one more independent
    sources support, then the one more articles print (a reprint adds no source, but one more
    place to check the line). On a tie the line chosen first stays: a word or two shorter is
    no reason to tell a corroborated fact through one outlet's sentence."""
    return -candidate.support, -len(candidate.citations)
