"""brief's names: who a line's opening pronoun stands for, and whom a quotation it holds is
credited to, named in brackets (:class:`_Names`), and the quotations a line holds with no one
named (:func:`_unattributed_quote`).

A brief line is read without the sentences around it, so "He said the pier …" must say who
"he" is, or leave the line out: the pronoun is named only when the sentence before it has one
fitting subject (of the pronoun's kind and gender), and a quotation only when the article
credits it to one speaker.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any, Sequence

from .._text import names_together
from ..align import ends_a_quotation
from ..extract.entities import POSSESSIVE_S
from ..extract.genders import DOMINANCE, compatible, is_main_subject, person_genders, pronoun_gender
from ..extract.quotes import quoted_spans
from ..model import Annotation, Claim, Entity, Mention, Quote
from .support import QUOTED


#: A sentence opening with a quotation mark.
OPENING_MARK = re.compile(r"\s*[“\"‘']")
#: Opening pronouns the brief may name from the sentence before ("It has accused …").
RESOLVABLE_START = re.compile(r"^(It|He|She)\b(?!['’]\w)")
#: A "he" or "she" as the subject after an opening adverbial phrase ("After the collapse of
#: her second marriage, she suffered …", "Asked about the vote, he …"): as unclear alone as
#: an opening "She", unless the phrase names the person; so is a condition's ("If she were to
#: win, she would …", session 38). Since session 39 also after an opening "Earlier …" or
#: "Later …", and a possessive's ("Earlier Tuesday, his campaign manager said …": whose?), which
#: since session 40 the brief names as it would a "he" there ("[Ivo Brand's] campaign manager").
PRONOUN_AFTER_PHRASE = re.compile(
    r"^(?P<phrase>(?:(?:In|On|At|By|After|Before|As|While|Though|Although|When|Since|During|For|Despite|Under|With"
    r"|Without|Once|Until|Upon|Within|Throughout|Following|Amid|Unlike|Like|Now|If|Unless|Earlier|Later)\b"
    r"|[A-Z][a-z]+(?:ing|ed)\b)"
    r"[^,;:“”\"]{2,80}),\s+(?P<pronoun>he|she|his|her|their)\b(?!['’]\w)")
#: The possessives :data:`PRONOUN_AFTER_PHRASE` may find; "his" and "her" the brief names
#: as the "he" or "she" they go with (session 40), "their" it does not.
POSSESSIVES = frozenset({"his", "her", "their"})
#: The subject pronoun a possessive goes with: whose "his lawyer" is, a "he" would be.
SUBJECT_OF_POSSESSIVE = {"his": "he", "her": "she"}
#: Two capitalised words in a row past a phrase's first word: a person's full name, maybe.
FULL_NAME = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")


#: Entity types whose words a quotation may be headed with ("[Karolos Papoulias:] “…”").
NAMED_VOICES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Entity types a pronoun can stand for.
PRONOUN_TYPES = {"it": {"GPE", "ORG", "NORP"}, "he": {"PERSON"}, "she": {"PERSON"}}
#: A speaker named only by a pronoun: "…,” he said."
PRONOUN_SPEAKER = re.compile(r"[”\"’,]\s*(he|she|they)\s+(said|says|added|told|stated|noted|wrote|continued|explained)\b", re.I)
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
#: A double quotation mark closing a sentence (a single one may be an apostrophe: "the
#: Joneses’."); plain text typed on a typewriter's keys writes it as two apostrophes ('').
CLOSED_AT_END = re.compile(r"(?:[”\"]|'')\W*$")
#: A sentence that closes a quotation it never opened and then only names someone, with no
#: verb ("… keep it,” Ada Lind from the quay steps."): the speaker's words, the verb left out.
CLOSED_THEN_NAMED = re.compile(r"^[^“”\"]*[\w.!?,…](?P<mark>”|\")\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
                               r"(?:\s+(?:from|at|on|in|during|after|before|with|via)\b[^,;:“”\"]*)?[.!?]?$")


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    """Whether a sentence's span lies inside a quotation's, its closing stop aside."""
    return outer[0] <= inner[0] and inner[1] <= outer[1] + 1


def _unattributed_quote(text: str, own: str) -> bool:
    """Whether the sentence is someone's words with no one named: all of it in quotation
    marks, or a quotation opened and not closed in it (the speaker comes sentences later),
    or the end of one opened in the sentence before (:func:`~storyweave.align.ends_a_quotation`,
    and a sentence closing a double quotation mark it never opened: "Not only had he begun the
    inquiry, but he found the leaker.”" is a speaker's words, told as the outlet's; so is one
    that closes it and then names the speaker with no speech verb: "… keep it,” Lind from
    the quay steps.").
    The article names the speaker elsewhere; the brief, read on its own, would not."""
    if ends_a_quotation(text) or CLOSED_AT_END.search(text) and not re.search(r"[“\"]", CLOSED_AT_END.sub("", text)):
        return True
    if CLOSED_THEN_NAMED.match(text):
        return True
    if not OPENING_MARK.match(text):
        return False
    # "“The “Harbour Lights” star sold the house …": the quotation the line opens is never closed.
    unclosed = text.count("“") > text.count("”")
    return unclosed or OPENING_MARK.match(own) is not None or len(re.findall(r"\w+", own)) < 2


#: The heading :meth:`_Names.name_quoted` puts before someone's words: "[Mara Lind:] ".
SPEAKER_HEADING = re.compile(r"\[[^\[\]]+:\] ")


def quotation_marks_whole(line: str) -> str:
    """A line headed by its speaker ("[Mara Lind:] …") with the quotation marks of the words
    after the heading made whole; any other line as it is. Cut from a quotation of several
    sentences, the words may close a quotation they never opened, open one they never close,
    or have no marks at all, and so read as a paraphrase. (The brief's checks read the line
    as the article has it: this is for showing it.)"""
    heading = SPEAKER_HEADING.match(line)
    return line if heading is None else heading.group() + _in_quotation_marks(line[heading.end():])


def _in_quotation_marks(text: str) -> str:
    opened, closed = text.count("“"), text.count("”")
    if opened < closed:
        return "“" + text
    if opened > closed:
        return text + "”"
    # straight and typewriter marks ("''", "``") do not say which way they face
    for mark in ('"', "''"):
        count = text.count(mark) + (text.count("``") if mark == "''" else 0)
        if count % 2:
            return text + mark if text.lstrip().startswith((mark, "``")) else mark + text
        if count:
            return text
    return text if opened else f"“{text}”"


#: A quotation's end followed by whom the line itself says spoke ("…, so fast,” the Vell Post
#: quoted a deckhand as saying"): a heading from elsewhere could only contradict it.
_SPEAKER_AFTER = re.compile(r"[,!?]\s*(?:[”“\"]|'')\s*(?:[\w.'’-]+\s+){0,8}?(?:said|says|saying|told|quoted|added|according\s+to)\b", re.I)


class _Names:
    """Names for the pronouns of one story: entities by their names, quotes by article."""

    def __init__(self, entities: Sequence[Entity], quotes: Sequence[Quote], annotations: Sequence[Annotation]):
        self.entities = {e.id: e for e in entities}
        self.by_name: dict[str, Entity] = {}
        for e in entities:
            for name in (e.name, *e.aliases):
                self.by_name.setdefault(_key(name), e)
        self.quotes: dict[str, list[Quote]] = {}
        for q in quotes:
            self.quotes.setdefault(q.article, []).append(q)
        self.annotations = {a.article.id: a for a in annotations}
        self._genders: dict[tuple[str, int | None], dict[str, str]] = {}
        self._story_votes: dict[str, Counter[str]] | None = None
        self._quoted_spans: dict[str, list[tuple[int, int]]] = {}

    def _surname_genders(self, annotation: Annotation, unread: int | None = None) -> dict[str, str]:
        """Surname key -> gender of the people one article names, as their given names,
        titles and the pronouns that go on from them show it. A surname the article gives a
        man and a woman ("Bill and Hillary Clinton") is one key: its given names cancel out,
        but its pronouns may still lean one way, so a bare surname is checked against
        :func:`_shared_surnames` where it is read (:meth:`_shown_gender`, :meth:`_story_gender`).
        The opening pronoun of the sentence ``unread``, the one being named, does not count:
        it would vouch for whomever it is taken for."""
        key = (annotation.article.id, unread)
        if key not in self._genders:
            self._genders[key] = person_genders(
                annotation, lambda m: _key(m.text.split()[-1]) if m.label == "PERSON" and m.text.split() else None,
                quoted_spans(annotation.article.text),
                lambda m: _is_subject(annotation, m.span, annotation.sentences[m.sentence].span), unread)
        return self._genders[key]

    def _story_gender(self, annotation: Annotation, surname: str) -> str | None:
        """The gender the story's other articles agree on for a surname this article shows
        none of ("President Varga" alone here, "Ilse Varga" and "she" elsewhere); none when
        this article names two people of that surname."""
        if surname in _shared_surnames(annotation):
            return None
        if self._story_votes is None:
            self._story_votes = defaultdict(Counter)
            for other in self.annotations.values():
                for key, gender in self._surname_genders(other).items():
                    self._story_votes[key][gender] += 1
        counts = self._story_votes.get(surname, Counter()).copy()
        own = self._surname_genders(annotation).get(surname)
        if own is not None:
            counts[own] -= 1  # (this article's own vote may rest on the very pronoun being named)
        return next((gender for gender in counts if counts[gender]
                     and counts[gender] >= DOMINANCE * sum(n for g, n in counts.items() if g != gender)), None)

    def name_speaker(self, text: str, claim: Claim) -> str | None:
        """The claim with a pronoun speaker ("he said") named in brackets; None when a
        pronoun speaker cannot be named."""
        for q in sorted(self.quotes.get(claim.article, []), key=lambda q: -(q.speaker_span or (0, 0))[0]):
            if not q.speaker_span or (q.speaker_text or "").lower() not in PERSONAL_PRONOUNS:
                continue
            start, end = q.speaker_span[0] - claim.span[0], q.speaker_span[1] - claim.span[0]
            if not (0 <= start < end <= len(text)) or text[start:end] != q.speaker_text:
                continue
            people = [self.entities.get(eid) for eid in q.credited()]
            if not people or any(e is None or e.type != "PERSON" or e.name.lower() in PERSONAL_PRONOUNS for e in people):
                return None
            # A pronoun stands for someone the sentence does not name again: "he has
            # criticized Lind" is not Lind criticising herself (that would be "herself"), so
            # a resolution to a person the rest of the sentence names is a wrong guess.
            rest = text[:start] + " " + text[end:]
            if any(re.search(rf"\b{re.escape(n)}\b", rest) for e in people for n in (e.name, *e.aliases, e.name.split()[-1]) if n):
                return None
            # "they" after a joint subject names all of them, so the others are named between.
            if len(people) == 1 and self._someone_else_named_between(people[0], claim.article, q.speaker_span[0], q.speaker_text or ""):
                return None
            text = f"{text[:start]}[{names_together([e.name for e in people])}]{text[end:]}"  # type: ignore[union-attr]
        return None if PRONOUN_SPEAKER.search(text) else text

    def _someone_else_named_between(self, entity: Entity, article: str, at: int, pronoun: str = "") -> bool:
        """Whether the article names another person after its last mention of ``entity``
        and before a pronoun credited to it: "… Hefner said. The best photos of Page were
        her bondage poses. “I never understood …,” she later said." is Page speaking, not
        Hefner, whatever the resolver guessed; naming either would be a guess. Someone the
        article calls Mr is no rival for a "she"."""
        annotation = self.annotations.get(article)
        if annotation is None:
            return False
        names = [n for n in (entity.name, *entity.aliases, entity.name.split()[-1]) if n]
        text = annotation.article.text[:at]
        last = max((m.end() for n in names for m in re.finditer(rf"\b{re.escape(n)}\b", text)), default=-1)
        if last < 0:
            return False
        own = {_key(n) for n in names}
        genders, wanted = self._surname_genders(annotation), pronoun_gender(pronoun)
        # a name inside quotation marks is in someone's words ("“Ana promised …,” she
        # said"), no one the story has turned to
        quoted = self._quoted(annotation)
        return any(m.label == "PERSON" and last <= m.span[0] < at and _key(m.text) not in own
                   and not any(s <= m.span[0] < e for s, e in quoted)
                   and not any(_key(part) in own for part in m.text.split())
                   and compatible(genders.get(_key(m.text.split()[-1])), wanted) for m in annotation.mentions)

    def _quoted(self, annotation: Annotation) -> list[tuple[int, int]]:
        """The spans inside quotation marks of an article, once per article."""
        article = annotation.article.id
        if article not in self._quoted_spans:
            self._quoted_spans[article] = quoted_spans(annotation.article.text)
        return self._quoted_spans[article]

    def name_quoted(self, text: str, claim: Claim) -> str:
        """A sentence that is someone's words with no one named in it ("“Our country has
        reached the edge of the abyss."), headed by whom the article credits them to:
        "[Karolos Papoulias:] “Our country …", as "Who said what" lists them; so is a
        sentence amid a quotation of several, which has no marks of its own. Only a quote
        credited to named entities of the story is trusted for it; otherwise the sentence is
        left as it is."""
        if _SPEAKER_AFTER.search(text):
            return text
        marked = _unattributed_quote(text, QUOTED.sub("", text))
        # of a line that closes a quotation and then names its speaker, the words are the part
        # before the mark
        closed = CLOSED_THEN_NAMED.match(text)
        words = closed.start("mark") if closed is not None else claim.span[1] - claim.span[0]
        for q in self.quotes.get(claim.article, []):
            overlap = min(q.span[1], claim.span[1]) - max(q.span[0], claim.span[0])
            if q.kind == "indirect" or overlap < words / 2:
                continue
            # A sentence amid a quotation of several has no marks of its own ("I'm not going
            # to be lied about." between the one that opens it and the one that names him).
            if not marked and not _within(claim.span, q.span):
                continue
            people = [self.entities.get(eid) for eid in q.credited()]
            if people and all(e is not None and e.type in NAMED_VOICES for e in people):
                return f"[{names_together([e.name for e in people])}:] {text}"  # type: ignore[union-attr]
        return text

    def names_a_person(self, text: str, claim: Claim) -> bool:
        """Whether the opening phrase of a claim worded as ``text`` names a person (the one
        a "he" after it then stands for: "While Varga did not win, he …")."""
        after_phrase = PRONOUN_AFTER_PHRASE.match(text)
        annotation = self.annotations.get(claim.article)
        if after_phrase is None or annotation is None:
            return False
        # a phrase with a full name in it ("While Mayor Ada Roos has yet to …, her deputy …")
        # tells whose a possessive is, tagged or not
        if after_phrase["pronoun"] in POSSESSIVES and FULL_NAME.search(after_phrase["phrase"], 1):
            return True
        start = claim.span[0] + claim.text.find(after_phrase["phrase"])
        end = start + len(after_phrase["phrase"])
        return any(m.label == "PERSON" and start <= m.span[0] < end for m in annotation.mentions)

    def _untagged_people(self, annotation: Annotation, index: int) -> list[Mention]:
        """The subjects of the main clauses of sentence ``index`` that the tagger did not take
        for a person's name but that name one person of the story ("Lenk married twice; …" of a
        story on Ada Lenk), as mentions."""
        doc, sentence = annotation.doc, annotation.sentences[index]
        span = doc.char_span(*sentence.span, alignment_mode="expand") if doc is not None else None
        if span is None:
            return []
        people = [e for e in self.entities.values() if e.type == "PERSON" and e.name.split()]
        found: list[Mention] = []
        for token in span:
            # (a name opening the sentence is often tagged a common noun: "Lenk married …")
            if (token.pos_ not in ("PROPN", "NOUN") or not token.text[:1].isupper() or not _main_clause_subject(token)
                    or any(m.span[0] <= token.idx < m.span[1] and m.label == "PERSON" for m in annotation.mentions)):
                continue
            # the person the story calls by that one word, else the one whose surname it is
            named = [e for e in people if _key(token.text) in {_key(n) for n in (e.name, *e.aliases)}] or \
                [e for e in people if _key(e.name.split()[-1]) == _key(token.text)]
            if len(named) == 1:
                found.append(Mention(named[0].name, "PERSON", (token.idx, token.idx + len(token)), index))
        return found

    def _another_doer(self, annotation: Annotation, index: int, subject: Mention, gender: str | None) -> bool:
        """Whether sentence ``index`` shows a person other than its subject doing something a
        "he" or "she" after it may go on with: the subject of a relative clause ("Holm was not
        the only one whom Varga refused to endorse. She also withheld …" is Varga), or the one
        a verb asks to act ("Lind urged Ava Brel to take the slot. She did so …" is Brel)."""
        doc, sentence = annotation.doc, annotation.sentences[index]
        span = doc.char_span(*sentence.span, alignment_mode="expand") if doc is not None else None
        if span is None:
            return False
        genders, own = self._surname_genders(annotation), self._person_key(subject)
        for token in span:
            if subject.span[0] <= token.idx < subject.span[1]:
                continue
            doer = token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "relcl"
            asked = token.dep_ == "dobj" and any(c.dep_ == "xcomp" and not any(g.dep_ == "nsubj" for g in c.children)
                                                 for c in token.head.children)
            if not (doer or asked):
                continue
            if token.lower_ in PERSONAL_PRONOUNS:
                # an object pronoun not reflexive is someone other than the subject; a pronoun
                # in a relative clause may be the subject itself ("the plan he drafted")
                if asked and compatible(pronoun_gender(token.lower_), gender):
                    return True
                continue
            person = next((m for m in annotation.mentions if m.label == "PERSON" and m.span[0] <= token.idx < m.span[1]), None)
            if person is not None and self._person_key(person) != own and compatible(
                    genders.get(_key(_without_possessive(person.text).split()[-1])), gender):
                return True
        return False

    def _shown_gender(self, annotation: Annotation, genders: dict[str, str], mention: Mention) -> str | None:
        """The gender of the person a mention names, as its article shows it, else as the
        story's other articles do ("President Varga adopted it. She …" is not about Varga
        when another report writes "Tomas Varga … he")."""
        words = _without_possessive(mention.text).split()
        surname = _key(words[-1])
        if len(words) == 1 and surname in _shared_surnames(annotation):
            return None  # (a bare "Clinton" beside "Bill Clinton" and "Hillary Clinton" may be either)
        return genders.get(surname) or self._story_gender(annotation, surname)

    def _person_key(self, mention: Mention) -> str:
        """The story's entity a mention names (its id), else its own words."""
        entity = self.by_name.get(_key(_without_possessive(mention.text)))
        return entity.id if entity is not None else _key(mention.text)

    def name_opening(self, text: str, claim: Claim) -> str | None:
        """The claim with its opening pronoun ("It has …", or "he" after an opening phrase
        that names no one: "As director of the agency, he …") named in brackets after the
        subject of the article's sentence before; None when that is not clear."""
        after_phrase = PRONOUN_AFTER_PHRASE.match(text)
        if after_phrase is not None and after_phrase["pronoun"] == "their":
            return None  # "their" may be anyone's: a party's, a family's, a crowd's
        if after_phrase is not None:
            # a pronoun of the phrase that is someone else's ("After he gave her an answer,
            # she said …") leaves the subject's pronoun open
            pronoun = SUBJECT_OF_POSSESSIVE.get(after_phrase["pronoun"], after_phrase["pronoun"])
            wanted = pronoun_gender(pronoun)
            if any(not compatible(pronoun_gender(w), wanted) for w in re.findall(r"\b(?:he|him|his|she|her|hers)\b",
                                                                              after_phrase["phrase"], re.I)):
                return None
            named = self.name_opening(pronoun.capitalize() + text[after_phrase.end("pronoun"):], claim)
            if named is None:
                return None
            # "Earlier Tuesday, his campaign manager said …" → "…, [Ivo Brand's] campaign manager
            # said …": whose is whom a "he" there would be (session 40)
            if pronoun != after_phrase["pronoun"]:
                named = re.sub(r"^\[([^\]]+)\]", lambda m: f"[{possessive(m.group(1))}]", named, count=1)
            return f"{after_phrase['phrase']}, {named}"
        match = RESOLVABLE_START.match(text)
        annotation = self.annotations.get(claim.article)
        if match is None or annotation is None:
            return None
        index = next((i for i, s in enumerate(annotation.sentences) if s.span[0] <= claim.span[0] < s.span[1]), None)
        if not index:
            return None
        if match.group(1) == "It" and _it_names_nothing(annotation, claim.span[0] + len(claim.text) - len(claim.text.lstrip())):
            return None
        wanted = PRONOUN_TYPES[match.group(1).lower()]
        previous = annotation.sentences[index - 1]
        subjects = [m for m in annotation.mentions if m.sentence == index - 1
                    and (_is_subject(annotation, m.span, previous.span) or _subject_of_clause_before_main(annotation, m.span))]
        subjects += self._untagged_people(annotation, index - 1) if match.group(1) != "It" else []
        # a pronoun amid a quotation is the speaker's: it goes on from the quoted words
        # before it, not from the writer's sentence around them ("Brel praised Holm, telling
        # the Ledger, “Tomas and I go back years. He is …”" is not Brel)
        at = claim.span[0] + len(claim.text) - len(claim.text.lstrip())
        quotation = next(((start, end) for start, end in self._quoted(annotation) if start <= at < end), None)
        if quotation is not None:
            subjects = [m for m in subjects if quotation[0] <= m.span[0] < quotation[1]]
        genders, gender = self._surname_genders(annotation, index), pronoun_gender(match.group(1))
        fitting = [m for m in subjects if m.label in wanted and not (match.group(1) == "It" and _plural_in_use(annotation, m))
                   and not (m.label == "PERSON" and m.text.split()
                            and not compatible(self._shown_gender(annotation, genders, m), gender))]
        # one person told twice ("Ada Lenk" as one clause's subject, "Lenk" as another's) is one
        if len({self._person_key(m) for m in fitting}) != 1:
            return None  # no subject of the pronoun's kind, or two: naming one would be a guess
        mention = fitting[0]
        if match.group(1) != "It" and self._another_doer(annotation, index - 1, mention, gender):
            return None
        # A title says whom a pronoun cannot stand for: "Mr. Brel described the flaws. She
        # had no …" is about someone else.
        title = re.search(r"\b(Mr|Mrs|Ms|Miss)\.?\s*$", annotation.article.text[max(0, mention.span[0] - 6) : mention.span[0]])
        titled = title or re.match(r"(Mr|Mrs|Ms|Miss)\b", mention.text)
        if titled and (titled.group(1) == "Mr") != (match.group(1) == "He"):
            return None
        name = _without_possessive(mention.text)
        entity = self.by_name.get(_key(name))
        if entity is not None and entity.type == "PERSON":
            name = entity.name
        name = name[0].upper() + name[1:]
        return f"[{name}]{text[match.end():]}"


#: Verbs an "it" stands for nothing before when a clause follows them ("It falls to the
#: Parliament to decide", "It seems that …", "It is unclear whether …").
DUMMY_IT_VERBS = frozenset("be seem appear remain fall take make happen matter".split())


def _it_names_nothing(annotation: Annotation, char: int) -> bool:
    """Whether the "It" at ``char`` stands for no thing the sentence before names: a
    placeholder for a clause later in its sentence ("It falls to the council to rule"), or
    the subject of "be" with a noun phrase ("It was her second goal of the season"), a
    cleft or an identity statement that as often points at an event of the sentence
    before as at its subject ("The Hawks led 7-0. It was Ross's third goal" is the goal,
    not the team)."""
    doc = annotation.doc
    token = next((t for t in doc if t.idx == char), None) if doc is not None else None
    if token is None or token.lower_ != "it":
        return False
    verb = token.head
    if verb.lemma_.lower() == "be" and any(c.dep_ == "attr" for c in verb.children):
        return True
    if token.dep_ == "nsubjpass" and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return True  # "It is expected that observers will attend": the "it" holds the place of the clause
    return verb.lemma_.lower() in DUMMY_IT_VERBS and any(
        c.dep_ in ("ccomp", "xcomp", "csubj") or c.dep_ == "acomp" and any(g.dep_ in ("ccomp", "xcomp") for g in c.children)
        for c in verb.children)


def _plural_in_use(annotation: Annotation, mention: Mention) -> bool:
    """Whether a mention is a plural noun phrase ("The Hawks", "the rebels") that an "it"
    cannot stand for. A country keeps its plural form in the singular ("The United States
    has"), so a place name is never taken for one."""
    if mention.label == "GPE" or annotation.doc is None:
        return False
    chunk = annotation.doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
    if chunk is None:
        return False
    # The verb's agreement, where it shows, says how the article uses the name ("General
    # Motors has"); else the noun's own form does.
    verbs = [chunk.root.head, *(t for t in chunk.root.head.children if t.dep_ in ("aux", "auxpass"))]
    agreement = {v.lower_ for v in verbs} & {"was", "were"} or {v.tag_ for v in verbs} & {"VBZ", "VBP"}
    if agreement:
        return bool(agreement & {"were", "VBP"})
    return "Plur" in chunk.root.morph.get("Number")


def _shared_surnames(annotation: Annotation) -> set[str]:
    """The surname keys an article gives to two people or more ("Bill Clinton" and "Hillary
    Clinton"), whose pronouns tell nothing of either."""
    given: dict[str, set[str]] = defaultdict(set)  # ("Hillary Rodham Clinton" and "Hillary Clinton" are one)
    for m in annotation.mentions:
        words = _key(m.text).split()
        if m.label == "PERSON" and len(words) > 1:
            given[words[-1]].add(words[0])
    return {surname for surname, firsts in given.items() if len(firsts) > 1}


def _key(name: str) -> str:
    return re.sub(r"^the\s+|['’]s$", "", name.strip().lower())


def _is_subject(annotation: Annotation, span: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """True when the mention is the grammatical subject of its sentence's main verb
    (with a parse), else when it opens the sentence."""
    main = is_main_subject(annotation.doc, span)
    if main is not None:
        return main
    return len(annotation.article.text[sentence[0]:span[0]].split()) <= 1


def _subject_of_clause_before_main(annotation: Annotation, span: tuple[int, int]) -> bool:
    """Whether the mention is the subject of a clause set before its sentence's main verb:
    "Lenk married twice; both marriages ended …" is parsed with "ended" as the main verb and
    "married" hung under it, yet the sentence is about Lenk as much as a "Lenk married" alone
    would be (a clause after the main verb, "… if Varga is elected", is not)."""
    doc = annotation.doc
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    return chunk is not None and _main_clause_subject(chunk.root)


def _main_clause_subject(token: Any) -> bool:
    """Whether the token is the subject of the main verb or of a clause joined to it before
    it (a complement, a conjunct or a clause beside it, set before the main verb)."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    clause = token.head
    return clause.dep_ == "ROOT" or (clause.dep_ in ("ccomp", "conj", "parataxis") and clause.head.dep_ == "ROOT"
                                     and clause.i < clause.head.i)


def possessive(name: str) -> str:
    """A name made a possessive as the wire writes it: "Ivo Brand's", "Tomas Lukas'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _without_possessive(name: str) -> str:
    """A name without its possessive ending ("Varga's", "Varga‘s" → "Varga")."""
    return re.sub(POSSESSIVE_S + "$", "", name)
