"""Whom a description, a pronoun or a body of people stands for (``Referents``, the base of
:class:`~storyweave.extract.quote_speakers.SpeakerFinding`): the person in focus, the one
described, a namesake, a pair named before, the owner of "his team"."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .attribution_words import PERSON_NOUNS, ROLE_NOUNS
from .quote_context import UNNAMED_PERSON, FinderBase, group_continued
from .quote_noun_phrases import _named_person_around, _np_span
from .quote_roles import PARTY_MEMBERS, ROLE_ABBREVIATIONS, _party_of


#: How sure the resolver must be of the person in focus for a description to stand for them
#: wherever they were last seen (a speaker of the two sentences before, or the subject just
#: before); below it, :meth:`Referents._in_view` decides.
DESCRIBED_CONFIDENCE = 0.7
#: How sure the resolver must be of the person "his" or "her" stands for to credit their
#: team or campaign: one who spoke in the sentences right before ("his team believes …")…
OWNER_CONFIDENCE = 0.7
#: ... or of the article's main person, a subject of the sentences right before ("Varga is
#: racing to shore up her lead. She has scheduled stops in Orsk. Her campaign also announced …";
#: a subject there who is not the main person is too often not whom "his" stands for, unless
#: no one else it may stand for is named near: `_only_one_near`).
MAIN_OWNER_CONFIDENCE = 0.6
#: How near (in sentences) a full name as a subject picks which namesake a surname is.
NAMESAKE_SENTENCES = 2
#: How far (in paragraph breaks) a surname goes on standing for the namesake it stood for
#: last (a quotation running over two paragraphs between).
NAMESAKE_CHAIN_PARAGRAPHS = 2
#: How sure a description of one is of the one person the article has named before it.
LONE_PERSON_CONFIDENCE = 0.6
#: Offices people are elected to, which a description with a place names ("the Ostland
#: senator"); not those who speak for others ("spokesman", "official").
ELECTED_ROLES = frozenset({"senator", "governor", "mayor", "president"})
#: Verbs of putting a question to someone about something ("asked Varga about her remarks").
ASKING_VERBS = frozenset({"ask", "question", "press", "quiz", "grill"})
#: The end of a quotation that runs on into its attribution ("“… they are,” "), where the
#: name after it is the speaker, with a verb or not ("“…,” Varga from her office").
CLOSING_QUOTE = re.compile(r"[,!?]\s*(?:[”\"]|'')[ \t]+")


class Referents(FinderBase):
    """The people the speaker phase ties descriptions, pronouns and bodies to."""

    def _entourage_owner(self, subject: Any) -> tuple[str, float] | None:
        """The person whose people "his" or "her" names before a noun of a candidate's or
        official's people ("his team believes", "her campaign said"), and how sure that is:
        the person the pronoun stands for, when one who spoke or acted right before is
        (:data:`OWNER_CONFIDENCE`; further back, the owner is too often someone else)."""
        from .quote_bodies import ENTOURAGE_NOUNS  # (quote_bodies reads this module's results)

        owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if owner is None or subject.lower_ not in ENTOURAGE_NOUNS:
            return None
        word = "he" if owner.lower_ == "his" else "she"
        before = self._entourage_before(subject, ENTOURAGE_NOUNS)
        if before is not None and self.context.resolve(owner.idx, word, lambda e: e == before)[0] == before:
            return before, OWNER_CONFIDENCE
        eid, confidence = self.context.resolve(owner.idx, word)
        entity = self.index.get(eid) if eid is not None else None
        if entity is None or entity.type != "PERSON" or confidence < OWNER_CONFIDENCE and not (
                confidence >= MAIN_OWNER_CONFIDENCE and (self._main_person() == eid or self._only_one_near(owner, word, eid))):
            return None
        return eid, confidence

    def _only_one_near(self, pronoun: Any, word: str, eid: str) -> bool:
        """Whether no one but ``eid`` whom ``word`` may stand for is a subject in the sentences
        before ``pronoun``: ``eid``, a subject there, is then the one the pronoun means ("Varga
        is racing …. She has scheduled stops …, ahead of Brel. Her campaign also announced …";
        one only named there, "after a breakfast with Al Holm", does not compete)."""
        other, confidence = self.context.resolve(pronoun.idx, word, lambda e: e != eid)
        return other is None or confidence < MAIN_OWNER_CONFIDENCE

    def _named_in_next_paragraph(self, found: list[Any]) -> list[Any]:
        """Attributions to a description of one that no one named before fits ("The deputy
        head of the Orsk delegation said …") credited to the person the next paragraph opens
        by quoting, named there for the first time ("“…,” Rear Admiral Ivo Brel told
        reporters"): the writer names the speaker just described."""
        renamed: dict[tuple[int, int], str] = {}
        for attribution in found:
            span = attribution.quote.speaker_span
            if attribution.quote.speaker is not None or span is None or span in renamed or not self._one_described(span):
                continue
            after = self._quoted_next_paragraph(attribution, found)
            if after is not None:
                renamed[span] = after
        if not renamed:
            return found
        return [replace(a, quote=replace(a.quote, speaker=renamed[a.quote.speaker_span], speaker_resolved=True),
                        confidence=DESCRIBED_CONFIDENCE, unnamed=False)
                if a.quote.speaker is None and a.quote.speaker_span in renamed else a for a in found]

    def _one_described(self, span: tuple[int, int]) -> bool:
        """Whether a speaker phrase is "the" and a singular noun for one person ("the deputy
        head of the delegation"), naming no one."""
        phrase = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        if phrase is None or not len(phrase):
            return False
        head = phrase.root
        return head.tag_ == "NN" and head.lemma_.lower() in PERSON_NOUNS and phrase[0].lower_ == "the" \
            and not any(t.ent_type_ == "PERSON" for t in phrase)

    def _quoted_next_paragraph(self, attribution: Any, found: list[Any]) -> str | None:
        """The person the paragraph right after ``attribution``'s opens by quoting, when the
        article names them there for the first time; None otherwise."""
        end = attribution.quote.span[1]
        gap = re.match(r"[^\n]*\n\s*", self.text[end:])
        if gap is None:
            return None
        opening = end + gap.end()
        nxt = next((a for a in found if a.quote.span[0] >= opening), None)
        if nxt is None or nxt.quote.kind != "direct" or nxt.quote.speaker is None \
                or self.text[opening : nxt.quote.span[0]].strip(" “\"‘'`"):
            return None
        entity = self.index.get(nxt.quote.speaker)
        here = self.annotation.article.id
        first = min((start for (article, start, _), e in self.index.by_mention.items()
                     if article == here and e == nxt.quote.speaker), default=None)
        if entity is None or entity.type != "PERSON" or first is None or first < opening:
            return None
        return nxt.quote.speaker

    def _untitled_speaker_before(self, subject: Any, role: str) -> tuple[str | None, float]:
        """The person an office with a place ("the Ostland senator") stands for when the story
        titles no one with that office: the one who spoke in the sentence right before, if the
        story gives them no other office ("Former candidate Ivo Brel said he agrees. The
        Ostland senator declined to say …"; not a governor, and never for one who speaks for
        someone else: a spokesman is not the one who spoke before). (None, 0.0) otherwise."""
        if role not in ELECTED_ROLES or any(self._titled_from(e, role) for e in self.index.titles):
            return None, 0.0
        sentence = self.context.sentence_of(subject.idx)
        before = [s for s in self.context.speakers if s[0] == sentence - 1 and s[1] < subject.idx]
        if not before or len({s[2] for s in before}) != 1:
            return None, 0.0
        eid = before[-1][2]
        entity = self.index.get(eid)
        offices = {w for r in ROLE_NOUNS for w in (r, *ROLE_ABBREVIATIONS.get(r, ()))}
        if entity is None or entity.type != "PERSON" or any(
                w in offices for title in self.index.titles.get(eid, ()) for w in title):
            return None, 0.0
        return eid, DESCRIBED_CONFIDENCE

    def _namesake_in_focus(self, eid: str, surname: Any) -> str:
        """Of people of this article sharing a surname, the one the surname alone stands for:
        the last named in full as a subject in the sentences right before it ("Eva Holm, mother
        of the late Jon Holm, rejected the claim. “…,” Holm said" is Eva Holm), else ``eid``,
        the linker's choice (further back, the one the article is about: "Ana Holm" is "Holm"
        for pages after a paragraph on "Ivo Holm")."""
        entity = self.index.get(eid)
        if entity is None or entity.type != "PERSON":
            return eid
        here = self.annotation.article.id
        namesakes = {e for (article, _, _), e in self.index.by_mention.items() if article == here and e != eid
                     and (other := self.index.get(e)) is not None and other.type == "PERSON"
                     and other.name.split()[-1] == surname.text}
        if not namesakes or entity.name.split()[-1] != surname.text:
            return eid
        full = {m.span[0] for m in self.annotation.mentions if " " in self.text[m.span[0] : m.span[1]].strip()}
        sentence = self.context.sentence_of(surname.idx)
        subjects = [p for p in self.context.persons if p[1] < surname.idx and p[3] and p[1] in full
                    and sentence - p[0] <= NAMESAKE_SENTENCES and p[2] in namesakes | {eid}]
        chosen = self._namesakes_chosen.get(surname.text)
        if subjects:
            self._namesakes_chosen[surname.text] = (surname.idx, subjects[-1][2])
            return subjects[-1][2]
        if chosen is not None and len(re.findall(r"\n\s*", self.text[chosen[0] : surname.idx])) <= NAMESAKE_CHAIN_PARAGRAPHS \
                and not any(chosen[0] < p[1] < surname.idx and p[1] in full and p[2] != chosen[1]
                            for p in self.context.persons if p[2] in namesakes | {eid}):
            # the surname goes on standing for the namesake it stood for a paragraph or two
            # before, unless the article names another of them in full since
            self._namesakes_chosen[surname.text] = (surname.idx, chosen[1])
            return chosen[1]
        return eid

    def _entourage_before(self, subject: Any, nouns: frozenset[str]) -> str | None:
        """The one person whose people were the subject of one of the two sentences before
        ("Advisers to Varga point out … . Now his team is suggesting …": Varga's team, though
        the resolver reaches past the advisers' owner to another subject), else None."""
        doc = subject.doc
        # its own sentence first, up to it ("Then the Varga campaign went into overdrive, …
        # shortly after her campaign said …")
        sentences = [s for s in doc.sents if s.end <= subject.sent.start][-2:] + [doc[subject.sent.start : subject.i]]
        for sent in reversed(sentences):
            owners = self._entourage_owners(sent, nouns)
            if owners:
                # the nearest sentence with such a subject; two owners there name no one
                return owners[0] if len(owners) == 1 else None
        return None

    def _entourage_owners(self, sent: Any, nouns: frozenset[str]) -> list[str]:
        """The people named as owners of a subject of ``nouns`` in a sentence ("Advisers to
        Varga", "Varga's aides", "the staff of Varga", "the Varga campaign")."""
        owners: list[str] = []
        for token in sent:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ not in nouns:
                continue
            named = [c for c in token.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"] + [
                o for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "of", "for")
                for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
            for name in named:
                span = _np_span(name)
                eid = self._entity_for(span, self.text[span[0] : span[1]], name)
                entity = self.index.get(eid) if eid is not None else None
                if entity is not None and entity.type == "PERSON" and eid not in owners:
                    owners.append(eid)
        return owners

    def _main_person(self) -> str | None:
        """The person the article names most, if one is named more than any other."""
        ranked = self.context.mention_counts.most_common(2)
        if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    def _person_in_focus(self, subject: Any, noun: str, span: tuple[int, int],
                         content: tuple[int, int] | None) -> tuple[str, float] | None:
        """The person a definite description of one stands for, and how sure that is: the
        one the story describes by its noun, else, as a pronoun would, the person in focus
        near it who has spoken before ("Ana Varga said on Friday she met Brel. “…,” the
        gambling tycoon told reporters"; a description is a new way to name a speaker, so
        "Brel disbanded the unit. “…,” the Harbour Party candidate said" is not Brel, who
        only acted), not named in what is said or elsewhere in its sentence ("The Harbour
        front-runner, unlike Labour front-runner Lind, said" is not Lind) and not described as
        of another party ("the GOP front-runner" is no one the story calls a Democrat); one the
        resolver is unsure of only when still in view (:meth:`_in_view`). None otherwise."""
        from .quote_bodies import person_described  # (quote_bodies reads this module's results)

        described = person_described(self.text[span[0] : span[1]], span, self.annotation, self.index, content)
        if described is not None:
            return described, 0.9
        sentence = (subject.sent.start_char, subject.sent.end_char)
        named_in_quote = {eid for (article, start, _), eid in self.index.by_mention.items()
                          if article == self.annotation.article.id and (content is not None
                          and content[0] <= start < content[1] or sentence[0] <= start < sentence[1])}
        party = _party_of(subject) or (noun if noun in PARTY_MEMBERS else None)

        def fits(eid: str) -> bool:
            entity = self.index.get(eid)
            return entity is not None and entity.type == "PERSON" and eid not in named_in_quote \
                and any(s[2] == eid and s[1] < subject.idx for s in self.context.speakers) \
                and not self._of_another_party(eid, party)

        eid, confidence = self.context.resolve(subject.idx, "", fits)
        if eid is None:
            return self._only_person_so_far(subject, named_in_quote, party)
        if confidence < DESCRIBED_CONFIDENCE and not self._in_view(eid, subject.idx):
            return None
        return eid, confidence

    def _only_person_so_far(self, subject: Any, excluded: set[str], party: str | None) -> tuple[str, float] | None:
        """The one person the article names before a description of one, when it names only
        one ("It seemed unlikely Ivo Brel would run. Yet a year since the tycoon and reality
        star announced his candidacy …"), though they have not spoken: there is no one else
        it may describe. None when the article names more people, or that one is named
        beside the description or described as of another party."""
        people = {p[2] for p in self.context.persons if p[1] < subject.idx and p[2] != UNNAMED_PERSON}
        people = {e for e in people if (entity := self.index.get(e)) is not None and entity.type == "PERSON"}
        if len(people) != 1:
            return None
        eid = people.pop()
        if eid in excluded or self._of_another_party(eid, party):
            return None
        return eid, LONE_PERSON_CONFIDENCE

    def _in_view(self, eid: str, char: int) -> bool:
        """Whether a person the resolver is not sure of is still the one a description at
        ``char`` stands for: they spoke in its paragraph or the one before, or, as the
        article's main person, are a subject there ("Varga visited Orsk on Saturday. The
        self-described socialist said …"). Further back, a description opening its paragraph
        is as often someone else ("… Brel said. [a paragraph on Varga's week] The front-runner
        complained …" is not Brel)."""
        starts = [0] + [m.end() for m in re.finditer(r"\n\s*", self.text)]
        here = max(i for i, start in enumerate(starts) if start <= char)
        since = starts[max(0, here - 1)]
        if any(s[2] == eid and since <= s[1] < char for s in self.context.speakers):
            return True
        if self._named_after_a_quotation(eid, since, char):
            return True
        return self._main_person() == eid and any(p[2] == eid and p[3] and since <= p[1] < char
                                                 for p in self.context.persons)

    def _named_after_a_quotation(self, eid: str, start: int, end: int) -> bool:
        """Whether ``eid`` is named, between ``start`` and ``end``, in the speaker's place
        right after a quotation closed by a comma ("“… we do not know who they are,” Lind
        from her desk"): its speaker even with no verb, which the tagger may not read as a
        name, so matched by the entity's own names."""
        entity = self.index.get(eid)
        if entity is None:
            return False
        names = {entity.name, *entity.aliases, entity.name.split()[-1]}
        return any(self.text.startswith(name, m.end()) and not self.text[m.end() + len(name) : m.end() + len(name) + 1].isalnum()
                   for m in CLOSING_QUOTE.finditer(self.text, start, end) for name in names if name)

    def _of_another_party(self, eid: str, party: str | None) -> bool:
        """Whether the story calls ``eid`` a member of a party other than ``party``."""
        others = PARTY_MEMBERS - {party} if party is not None else set()
        words = {w.lower().rstrip("s") for title in self.index.titles.get(eid, ()) for w in title} \
            | {w.lower() for w in self.index.descriptions.get(eid, frozenset())}
        return any(w.startswith(o[:8]) for o in others for w in words)

    def _family_named(self, subject: Any) -> tuple[str, ...]:
        """The family a plural surname with "the" names ("the Vargas say" after "Ana Varga"
        and "Ivo Varga" is both of them, not one of them nor a group of its own): the people
        of the article named in full with that surname, in text order, when two or more are."""
        if subject.tag_ not in ("NNP", "NNPS") or not subject.text.endswith("s") \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return ()
        surnames = {subject.text[:-1], subject.text[:-2]} if subject.text.endswith("es") else {subject.text[:-1]}
        here = self.annotation.article.id
        family: list[str] = []
        for (article, _, _), eid in sorted(self.index.by_mention.items(), key=lambda m: m[0][1]):
            person = self.index.get(eid)
            if article == here and eid not in family and person is not None and person.type == "PERSON" \
                    and " " in person.name and person.name.split()[-1] in surnames:
                family.append(eid)
        return tuple(family) if len(family) > 1 else ()

    def _person_named_by(self, noun: Any) -> str | None:
        """The person entity a noun phrase names, if it names one."""
        eid = self._entity_for(_np_span(noun), noun.text, noun)
        entity = self.index.get(eid) if eid is not None else None
        return eid if entity is not None and entity.type == "PERSON" else None

    def _relative_antecedent(self, pronoun: Any) -> str | None:
        """The person a "who" clause is about, when a "he" or "she" inside it names no one
        else before it: "Senator Brennick, who did not like the provisions that he thought
        would cost jobs" is Brennick's thought, whoever the sentence before made its subject."""
        if pronoun.lower_ not in ("he", "she"):
            return None
        relative = next((t for t in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start])
                         if t.lower_ == "who" and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "relcl"), None)
        if relative is None or not self._inside_relative(pronoun, relative):
            return None
        person = self._person_named_by(_named_person_around(relative.head.head))
        named_between = [p for p in self.context.persons if relative.idx < p[1] < pronoun.idx and p[2] != person]
        return None if person is None or named_between else person

    def _inside_relative(self, token: Any, relative: Any) -> bool:
        """Whether a token lies in the clause a relative pronoun opens: under its verb in the
        parse, or, where the parser lost the clause ("who … and did not like the plan that he
        …", "like" read as a preposition), in a clause that closes the sentence after its
        main verb, with no new clause joined by a comma, a dash or a semicolon before the token."""
        if relative.head in token.ancestors:
            return True
        between = self.text[relative.idx : token.idx]
        return token.sent.root.i < relative.i and not re.search(r"[;:—–]|\s-\s|,\s+(?:and|but|while)\b", between)

    def _parallel_owner(self, pronoun: Any) -> str | None:
        """The owner a possessive pronoun repeats when its noun is joined by "and" to a noun
        a named person owns: "Varga's attendance record and his support for the levy" are both
        Varga's, whoever the sentence's subject is ("his own" is the subject's)."""
        doc = pronoun.doc
        if pronoun.dep_ != "poss" or pronoun.lower_ not in ("his", "her") or pronoun.i < 2 \
                or doc[pronoun.i - 1].lower_ != "and" or any(c.lower_ == "own" for c in pronoun.head.children):
            return None
        partner = doc[pronoun.i - 2]  # the noun closing the phrase before "and", however the parser joined the two
        owner = next((c for c in partner.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None) \
            if partner.pos_ == "NOUN" else None
        return self._person_named_by(owner) if owner is not None else None

    def _asked_about(self, pronoun: Any) -> str | None:
        """The person asked about what "he" or "she" said, when the pronoun speaks in a
        clause hung on the verb of asking after what it was asked about: "Holm asked Varga
        about remarks she had made the night before, when she claimed …" is Varga's claim,
        not the asker's (one is asked about one's own words)."""
        if pronoun.lower_ not in ("he", "she"):
            return None
        asking = next((t for t in pronoun.ancestors if t.lemma_.lower() in ASKING_VERBS), None)
        branch = next((t for t in (pronoun, *pronoun.ancestors) if asking is not None and t.head == asking), None)
        if branch is None or branch.dep_ not in ("prep", "advcl"):
            return None  # (not "Holm asked Varga about the pier, and he said …": a clause of its own)
        asked = next((c for c in asking.children if c.dep_ in ("dobj", "dative") and c.i < pronoun.i), None)
        about = next((c for c in asking.children if c.dep_ == "prep" and c.lower_ in ("about", "on", "over")
                      and asked is not None and asked.i < c.i < pronoun.i), None)
        return self._person_named_by(asked) if about is not None else None

    def _role_nearer(self, pronoun: Any, eid: str) -> str | None:
        """The role noun naming no one that stands between ``pronoun`` and any name in its
        sentence ("removed the mayor of Roanoke after he suggested …": "he" is the mayor,
        not the person named before; "calls for the premier to quit, ignoring his appeals":
        the appeals are the premier's), when the article never gives ``eid`` that role; else
        None."""
        if pronoun.lower_ not in ("he", "she") and not (pronoun.lower_ in ("his", "her") and pronoun.tag_ == "PRP$"):
            return None
        # "…, and he accused the mayor of …": the one he acts on is not he
        acted_on = {c.lemma_.lower() for c in pronoun.head.children if c.dep_ in ("dobj", "obj", "dative") and c.i > pronoun.i}
        mentions = [(m.span, m.label) for m in self.annotation.mentions]
        for token in reversed(self.doc[pronoun.sent.start : pronoun.i]):
            if any(a <= token.idx < b for a, b in self._quoted):
                continue  # a quotation's words are what was said, not who says it
            label = next((label for (a, b), label in mentions if a <= token.idx < b), None)
            if label == "PERSON" or label is None and token.pos_ == "PROPN":
                return None  # a name is nearer (a place or a date is no antecedent)
            if token.lemma_.lower() in ROLE_NOUNS and token.tag_ == "NN" and token.dep_ not in ("compound", "poss") \
                    and token.lemma_.lower() not in acted_on \
                    and not any(c.pos_ == "PROPN" and c.dep_ in ("compound", "appos") for c in token.children):
                if pronoun.tag_ == "PRP$" and any(label == "PERSON" and pronoun.sent.start_char <= a < token.idx
                                                  for (a, _), label in mentions):
                    # "Varga said the governor should resign, repeating her call …": a person named
                    # before the role may own it as well
                    return None
                return None if self._titled(eid, token.lemma_.lower()) else token.lemma_.lower()
        return None

    def _titled(self, eid: str, role: str) -> bool:
        """Whether the article names ``eid`` with the role noun: before a mention ("President
        Barack Obama", "North Korean leader Kim") or in an apposition after it ("Varga, the
        city's mayor"); or any article of the story titles them so."""
        if (eid, role) not in self._titles:
            self._titles[(eid, role)] = self._named_with_role(eid, role) or self._titled_from(eid, role)
        return self._titles[(eid, role)]

    def _titled_from(self, eid: str, role: str, place: str | None = None) -> bool:
        """Whether any article of the story writes the role (of ``place``, if given) as a
        title before ``eid``'s name ("Ostland Sen. Robin Brennick", "Senator Tomas Lind of
        Orsk"): the story's other reports may give the role this one leaves out."""
        words = {role, *ROLE_ABBREVIATIONS.get(role, ())}
        return any(words.intersection(title) and (place is None or all(w in title for w in place.split()))
                   for title in self.index.titles.get(eid, ()))

    def _named_with_role(self, eid: str, role: str) -> bool:
        words = "|".join(map(re.escape, (role, *ROLE_ABBREVIATIONS.get(role, ()))))
        title = re.compile(rf"\b(?i:{words})\.?[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){{0,3}}$")
        role_word = re.compile(rf"\b{re.escape(role)}\b", re.I)
        for (article, start, end), mentioned in self.index.by_mention.items():
            if article != self.annotation.article.id or mentioned != eid:
                continue
            # in an apposition, or as what the person is or becomes ("Varga would become the
            # party's candidate")
            after = re.match(r",\s+(?:the|a|an|its|his|her|their)\b[^,.;]{0,40}", self.text[end : end + 60]) \
                or re.match(r"\s+(?:(?:would|will|has|had)\s+)?(?:is|was|be|been|become|became)\s+"
                            r"(?:the|its|his|her|their)\b[^,.;]{0,40}", self.text[end : end + 70])
            if title.search(self.text[max(0, start - 60) : start]) or after and role_word.search(after.group()):
                return True
        return False

    def _joint_subject_before(self, pronoun: Any) -> tuple[str, ...]:
        """Everyone "they" stands for when the sentence before is about two or more named
        people together ("Lindqvist and her deputy, Berglund, met the workers. They said
        …"), else (): the subject of that sentence's main verb, and no plural subject
        between it and the pronoun."""
        sentence = pronoun.sent
        if sentence.start == 0:
            return ()
        before = pronoun.doc[sentence.start - 1].sent
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS") and t.i < pronoun.i
               for t in sentence):
            return ()
        for subject in before.root.children:
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            span = _np_span(subject)
            eid = self._entity_for(span, self.text[span[0] : span[1]], subject)
            also = self._also_credited(subject, eid) if eid else ()
            return (eid, *also) if also else ()
        return ()

    def _two_named_before(self, noun: Any) -> tuple[str, ...]:
        """The two people the two sentences before ``noun``'s name, in the order named, when
        they name exactly two ("Holm says she spoke to Brennick …. Holm told reporters …. The
        Ostland Republican and the Orsk businessman discussed …"), else ()."""
        sentence = self.context.sentence_of(noun.idx)
        named = [p[2] for p in self.context.persons if 1 <= sentence - p[0] <= 2]
        people = tuple(e for e in dict.fromkeys(named) if (entity := self.index.get(e)) is not None
                       and entity.type == "PERSON")
        return people if len(people) == 2 and len(set(named)) == 2 else ()

    def _pair_subject_before(self, noun: Any) -> tuple[str, ...]:
        """The two people "the two lawmakers" stand for when one of the three sentences before
        has them as its joint subject, the nearest such ("Holm and Committee Chairman Ivo Brel
        sent a letter …. While Varga said …, the two lawmakers argue …"), else ()."""
        sentences = [s for s in noun.doc.sents if s.end <= noun.sent.start][-3:]
        for sentence in reversed(sentences):
            for subject in (t for t in sentence if t.dep_ in ("nsubj", "nsubjpass")):
                span = _np_span(subject)
                eid = self._entity_for(span, self.text[span[0] : span[1]], subject)
                pair = (eid, *self._also_credited(subject, eid)) if eid else ()
                if len(pair) == 2 and all((e := self.index.get(p)) is not None and e.type == "PERSON" for p in pair):
                    return pair
        return ()

    def _group_continued(self, pronoun: Any) -> tuple[str, ...]:
        """The group "they" continues, when its subject names one ("Other Greens echoed the
        comments …. They criticized …" is the Greens'): not a place, nor a description that
        names no one ("her advisers")."""
        subject = group_continued(pronoun, self._quoted)
        if subject is None:
            return ()
        span = _np_span(subject)
        entity = self.index.get(self._entity_for(span, self.text[span[0] : span[1]], subject))
        if entity is None or entity.type in ("GPE", "LOC", "FAC") or subject.conjuncts:
            return ()  # (two people joined are _joint_subject_before's, the sentence before only)
        return (entity.id,)

    def _organisation_before(self, pronoun: Any) -> tuple[str, ...]:
        """The organisation "it" stands for when it opens its sentence and the sentence before
        is about one ("The agency released its findings on Monday. It said …"): that sentence's
        main subject, when it names an organisation; else ()."""
        sentence = pronoun.sent
        if sentence.start == 0 or pronoun.i != sentence.start:
            return ()
        before = pronoun.doc[sentence.start - 1].sent
        subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return ()
        span = _np_span(subject)
        entity = self.index.get(self._entity_for(span, self.text[span[0] : span[1]], subject))
        return (entity.id,) if entity is not None and entity.type == "ORG" else ()
