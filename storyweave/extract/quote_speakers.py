"""Who a quote credits (``SpeakerFinding``): a cue's speaker, the person a pronoun or role stands for, the channel."""

from __future__ import annotations

import re
from typing import Any

from ..nlp import tokens_starting_in
from .attribution import Speaker
from .attribution_words import (BENCH_NOUNS, BODY_PARTS, CANDIDACY_NOUNS, CONTRAST_MARKS, DEMAND_VERBS, DOCUMENT_NOUNS,
                                FIRST_PERSON, GERUND_PREPS, GROUP_PRONOUNS, INDEFINITE, INDIRECT_VERBS,
                                INSTITUTION_NOUNS, LABEL_VERBS, LISTENER_VERBS, MAX_DESCRIPTION_WORDS, NAMING_LABELS,
                                NON_PERSON_PRONOUNS, OPENERS, PERSON_NOUNS, PHRASAL_SPEECH, PRONOUNS, RANK_NOUNS,
                                RECORD_NOUNS, RELATIVE_PRONOUNS, REPLY_NOUNS, RESEARCH_NOUNS, ROLE_NOUNS,
                                SPEECH_NOUNS, SPOKESBODY_NOUNS, VIEW_NOUNS, VOICING_VERBS, WORK_NOUNS)
from .quote_cues import _according_to, _clear_word, _complement, _is_speech, _taken_aim_at
from .quote_holders import _finding_holder, _side_taker
from .quote_marks import _words
from .quote_misparsed import _speech_verb_read_as_noun
from .quote_noun_phrases import _named_person_around, _np_span
from .quote_referents import Referents
from .quote_roles import (_capitalised_role, _common_noun_read_as_name, _description_of_one, _names_no_one, _second_role,
                          _one_in_focus, _place_of_role, _the_two, _two_described)
from .quote_subjects import (_existential, _main_subject_past_relative, _noun_before_time_clause, _object_controller,
                             _one_apposed, _shown_speaking, _shown_speaking_before, _subject)

#: How sure "they" is of the joint subject of the sentence before, and "the two leaders" of
#: the only two people the sentences before name: below a name in the attribution (1.0) and
#: below "he" after that person's own quote (0.9), so another outlet's named attribution of
#: the same words wins.
JOINT_PRONOUN_CONFIDENCE = 0.7


#: Speech verbs whose participle opening a sentence is said to its subject ("Asked whether …,
#: Varga shook her head"), not by it.
_TOLD_WHOM = frozenset({"tell", "inform", "assure", "reassure", "warn", "advise", "notify", "remind", "brief", "ask", "urge"})


#: What lies between the first of two joined people and the second one's surname: "and",
#: then the second one's capitalised titles and first names ("and House Speaker Paul ").
_JOINED_BEFORE = re.compile(r"\s+and\s+(?:[A-Z][\w.'’-]*\s+)+")
#: Words that open an adverbial clause, whose speech is timed or set against the main
#: clause's act, never relayed by it.
ADVERBIAL_OPENERS = CONTRAST_MARKS | {"when", "as", "after", "before", "because", "since", "although", "though", "until", "once"}
#: Words of a cue made of "make" and its noun of speech, up to the preposition.
MAX_NOUN_CUE_WORDS = 5
#: Words of the one told that a cue shows ("told foundation employees", "told The
#: Associated Press"); a longer description is left to the article.
MAX_LISTENER_WORDS = 4
#: At most this many words from "take" to the preposition of its target make the cue ("took
#: a swipe at", "took some sharp shots at"); longer, the verb alone is.
MAX_AIM_WORDS = 5


#: Nouns that count people without saying who they are ("a number of the families").
_COUNT_NOUNS = frozenset({"number", "group", "handful", "majority", "minority", "few", "couple", "dozen", "dozens",
                          "hundreds", "thousands", "score", "scores", "host"})
#: Nouns for a body of people, which may take a side ("a harbour group that backed Varga").
_BODY_NOUNS = frozenset({"group", "coalition", "alliance", "faction", "caucus", "bloc", "movement", "organization",
                         "organisation", "association", "family", "crowd", "audience", "public", "electorate",
                         "community", "board", "panel", "club", "society", "lobby", "body", "team", "staff", "majority",
                         "minority"})


def _speech_noun_cue(verb: Any, content_start: int) -> str:
    """The cue "make" voices through its noun, up to the preposition ("made no comment on",
    "made conflicting statements about", "made the case for"): "made" alone would show
    "made no comment on the ruling" as "made the ruling"; so do the verbs that voice a view
    noun ("launched an attack against", not "launched Varga"), unless what was voiced starts
    at the noun ("offered his assessment of the plan"); "" for other verbs."""
    lemma = verb.lemma_.lower()
    if lemma == "make":
        nouns = SPEECH_NOUNS | VIEW_NOUNS.keys()
    elif lemma in VOICING_VERBS:
        nouns = VIEW_NOUNS.keys()
    else:
        return ""
    noun = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in nouns), None)
    if noun is None or noun.idx >= content_start:
        return ""
    prep = next((c for holder in (noun, verb) for c in holder.children if c.dep_ == "prep" and c.i > noun.i), None)
    words = verb.doc[verb.i : (prep.i if prep is not None else noun.i) + 1]
    if len(words) > MAX_NOUN_CUE_WORDS:  # "made a series of conflicting statements about": the noun and its preposition
        words = [verb, noun] + ([prep] if prep is not None else [])
    return " ".join(t.text for t in words)


#: Nouns whose owner speaks for them: a work ("according to his book") or a reply ("her
#: answer was to say …"); the union is built once, as every quote's subject is checked.
_OWNER_SPEAKS = WORK_NOUNS | REPLY_NOUNS

class SpeakerFinding(Referents):
    """Speakers and channels of the cue tokens the phases find."""

    def _entity_for(self, span: tuple[int, int], text: str, head: Any = None) -> str | None:
        """The entity a speaker phrase names: a mention that covers the phrase's head word
        ("North Korea's state news agency KCNA" is KCNA, not North Korea)."""
        best = None
        for (article, start, end), eid in self.index.by_mention.items():
            if article != self.annotation.article.id or not (start >= span[0] and end <= span[1]):
                continue
            if head is not None and not (start <= head.idx < end) and not any(
                start <= c.idx < end for c in head.children if c.dep_ == "appos"
            ):
                continue
            entity = self.index.get(eid)
            if entity is not None and entity.type in ("GPE", "LOC", "FAC") and head is not None and head.pos_ == "NOUN" \
                    and not start <= head.idx < end and head.lemma_.lower() in PERSON_NOUNS:
                continue  # "the only candidate in the capital, Ashford,": the place names the capital, not the candidate
            rank = {"PERSON": 0, "ORG": 1}.get(entity.type if entity else "", 2)
            if best is None or (rank, -start) < best[0]:
                best = ((rank, -start), eid)
        if best:
            entity = self.index.get(best[1])
            if entity is not None and entity.type == "NORP" and head is not None and head.tag_ in ("NNP", "NN") \
                    and any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE | {"the"} for c in head.children):
                # "The Wisconsin Republican said", "another Republican added": one party member
                # described, not the party
                return None
            if entity is not None and entity.type == "GPE" and len(entity.name.split()) == 1 and entity.stands_for is None:
                # "Kasich bemoaned …": a place that speaks, named like the story's one person of
                # that surname and standing for no government, is that person.
                return self.index.lookup(entity.name, ("PERSON",)) or best[1]
            return best[1]
        if head is not None and head.pos_ == "PROPN" and _capitalised_role(head):
            return None  # "the Nordland Governor said": the role is no name, the place not the speaker
        if head is not None and head.pos_ == "PROPN":
            # the name without what is set off after it ("Simmons, an Obama supporter")
            name = " ".join(t.text for t in head.subtree if t.i <= head.i and t.dep_ in ("compound", "flat") or t.i == head.i)
            here = self.annotation.article.id
            return self.index.lookup(name, article=here) or self.index.lookup(text, article=here)
        if head is not None and head.pos_ in ("NOUN", "ADP", "ADJ", "ADV", "VERB") and head.text[:1].isupper() \
                and span == (head.idx, head.idx + len(head.text)):
            # a surname alone the tagger took for a common noun or another word ("Trump later
            # defended …", "From said" for Al From)
            return self.index.lookup(head.text, ("PERSON",), self.annotation.article.id)
        return self.index.lookup(text, article=self.annotation.article.id) if head is None else None

    def _named_in_report(self, eid: str, pronoun: Any, content: tuple[int, int] | None) -> bool:
        """Whether the words a pronoun reports, after it, name the one it was resolved to: "she
        believed that Ivo had wanted to warn them" cannot be Ivo's (a pronoun does not stand
        for a name in the clause it governs); "Ivo was tired, he said" may be."""
        return content is not None and pronoun.idx < content[0] and any(
            p[2] == eid and content[0] <= p[1] < content[1] and not self._in_aside(p[1]) for p in self.context.persons)

    def _named_in_fronted_condition(self, eid: str, pronoun: Any, content: tuple[int, int] | None) -> bool:
        """Whether a pronoun whose speech verb is set into a quote ("If Varga wins, he said,
        “she will close the pier”") comes after a clause of that quote put first, naming
        ``eid``: the clause is part of what was said, so the pronoun does not stand for it."""
        verb = pronoun.head
        if content is None or verb.dep_ != "parataxis" or not content[0] <= verb.head.idx < content[1]:
            return False
        fronted = [c for c in verb.head.children if c.dep_ == "advcl" and c.right_edge.i < pronoun.i]
        return any(p[2] == eid and c.left_edge.idx <= p[1] < c.right_edge.idx + len(c.right_edge.text)
                   for c in fronted for p in self.context.persons)

    def _in_aside(self, char: int) -> bool:
        """Whether a name sits in a relative clause set off by a comma: the writer's aside on
        a noun, not what is reported ("she said that the mayor, who has hammered Varga for
        weeks, is unfit" may be Varga's words)."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None:
            return False
        for token in (span[0], *span[0].ancestors):
            if token.dep_ == "relcl":
                first = token.left_edge
                return first.i > 0 and self.doc[first.i - 1].text == ","
        return False

    def _speaker(self, subject: Any, content: tuple[int, int] | None = None) -> Speaker:
        """Who a subject token (or the object of "according to") credits; ``content`` is
        the quoted span, which an unnamed speaker's description must not run into."""
        if subject is None:
            return Speaker(None, None, None, 0.0)
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if (subject.lower_ in BODY_PARTS or subject.lemma_.lower() in _OWNER_SPEAKS) \
                and subject.pos_ == "NOUN" and owner is not None:
            # "his eyes … urged", "according to his book", "her answer was to say": the owner speaks
            subject = owner
        elif subject.pos_ == "ADP":
            # the parser's slip: "Of Carson, Levine … said" made "Of" the subject
            subject = next((c for c in subject.children if c.dep_ == "pobj"), subject)
            subject = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subject)
        span = _np_span(subject)
        said_as_noun = _speech_verb_read_as_noun(subject)
        if said_as_noun is not None:
            # "a decline that the association predicts will continue": the noun before the verb
            span, subject = (span[0], said_as_noun.idx + len(said_as_noun.text)), said_as_noun
        words = self.text[span[0] : span[1]]
        if subject.lower_ in PRONOUNS:
            eid, confidence = self.context.resolve(subject.idx, subject.lower_)
            bound = self._relative_antecedent(subject) or self._parallel_owner(subject) or self._asked_about(subject)
            if bound is not None and bound != eid:
                # "Brennick, who did not like a plan that he thought …", "Varga's record and
                # her vote": the person the clause or the phrase is about, if the pronoun fits
                fitting = self.context.resolve(subject.idx, subject.lower_, lambda e: e == bound)
                if fitting[0] is not None:
                    eid, confidence = fitting
            role = self._role_nearer(subject, eid) if eid is not None else None
            if role is not None:
                # "calls for the prime minister to quit, ignoring his appeals": "his" is the
                # minister's, whom the article may name with the role elsewhere
                eid, confidence = self.context.resolve(subject.idx, subject.lower_, lambda e: self._titled(e, role))
            elif eid is not None and (self._named_in_report(eid, subject, content)
                                      or self._named_in_fronted_condition(eid, subject, content)):
                # "Kane said …, whereas Brel admitted he knew …. He also said that Brel
                # lied": not the one named in what he reports, but the next one who fits
                named = eid
                eid, confidence = self.context.resolve(
                    subject.idx, subject.lower_, lambda e: e != named and not self._named_in_report(e, subject, content)
                    and not self._named_in_fronted_condition(e, subject, content))
            # "He and Chairman Ilse Varga both condemned …": a joint statement is each one's
            also = self._also_credited(subject, eid) if eid is not None else ()
            return Speaker(eid, subject.text, (subject.idx, subject.idx + len(subject.text)), confidence,
                           unnamed=eid is None, also=also)
        if subject.lower_ in NON_PERSON_PRONOUNS:
            joint = self._joint_subject_before(subject) if subject.lower_ == "they" else \
                self._organisation_before(subject) if subject.lower_ == "it" else ()
            if not joint and subject.lower_ == "they":
                joint = self._group_continued(subject)
            return Speaker(joint[0] if joint else None, subject.text, (subject.idx, subject.idx + len(subject.text)),
                           JOINT_PRONOUN_CONFIDENCE if joint else 0.0, also=joint[1:])
        eid = self._entity_for(span, words, subject) if not _common_noun_read_as_name(subject) else None
        if eid is not None and words == subject.text:
            eid = self._namesake_in_focus(eid, subject)
        if eid is None and subject.lemma_.lower() in ROLE_NOUNS | CANDIDACY_NOUNS | BENCH_NOUNS | RANK_NOUNS \
                and (subject.pos_ == "NOUN" or _capitalised_role(subject)) \
                and _one_in_focus(subject):
            # "the North Korean leader said": a role noun stands for the person in focus, if
            # the article gives them that role ("the mayor said" is not President Obama).
            role = subject.lemma_.lower()
            place = _place_of_role(subject)
            if place is not None and any(self._titled_from(e, role, place) for e in self.index.titles):
                # "the Ostland senator said": the senator the story names from Ostland, not
                # the senator from elsewhere named last (a place no title names leaves the role
                # to whoever holds it: "Governor Ana Lindqvist … the Nordland Governor")
                eid, confidence = self.context.resolve(subject.idx, role, lambda e: self._titled_from(e, role, place))
            else:
                eid, confidence = self.context.resolve(subject.idx, role, lambda e: self._titled(e, role))
            if eid is None and place is not None:
                eid, confidence = self._untitled_speaker_before(subject, role)
            second = _second_role(subject) if eid is None else None
            if (eid is not None or role not in CANDIDACY_NOUNS) and second is None:
                # (a candidate no one is named as stays the description it is)
                return Speaker(eid, words, span, confidence, unnamed=eid is None)
            if second is not None:
                # "the onetime governor and present Harbour Party nominee said": one person in
                # two roles, whom the story may know by the second
                described = self._person_in_focus(second, second.lemma_.lower(), span, content)
                if described is not None:
                    return Speaker(described[0], words, span, described[1])
                return Speaker(eid, words, span, confidence, unnamed=True)
        if eid is None and (_the_two(subject) or _two_described(subject)):
            # "the two leaders said", "the Ostland senator and the Orsk businessman discussed":
            # the two people the last sentences name, if only two.
            pair = (self._pair_subject_before(subject) or self.context.last_two_people(subject.idx)) \
                if _the_two(subject) else self._two_named_before(subject)
            if pair:
                return Speaker(pair[0], words, span, JOINT_PRONOUN_CONFIDENCE, also=pair[1:])
        if eid is None and (noun := _description_of_one(subject)) is not None:
            described = self._person_in_focus(subject, noun, span, content)
            if described is not None:
                return Speaker(described[0], words, span, described[1])
        owner = self._entourage_owner(subject) if eid is None else None
        if owner is not None:
            return Speaker(None, words, span, owner[1], owner=owner[0])
        if eid is None and _names_no_one(subject, span):
            span = self._description(subject, span, content)
            return Speaker(None, self.text[span[0] : span[1]], span, 0.5, unnamed=True)
        family = self._family_named(subject)
        if family:
            return Speaker(family[0], words, span, JOINT_PRONOUN_CONFIDENCE, also=family[1:])
        return Speaker(eid, words, span, 1.0 if eid else 0.5, also=self._also_credited(subject, eid) if eid else ())

    def _speaking_thing_before(self, pronoun: Any, depth: int = 0) -> bool:
        """Whether "it" stands for a body or a document that speaks: the subject of its
        sentence's main verb before it, or in the sentence before the main verb's subject or
        a speech verb's, is an organisation, a noun for a body or a document, or an "it" that
        stands for one ("The report also detailed the breaches. It said …", "…, the company
        wrote in its statement. It added …"); "The storm was expected. It said …" is no one's."""
        sentence = pronoun.sent
        candidates = [c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i]
        if not candidates and sentence.start > 0:
            before = pronoun.doc[sentence.start - 1].sent
            candidates = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and (
                t.head.i == before.root.i or _is_speech(t.head)) and not any(a <= t.idx < b for a, b in self._quoted)]
        for subject in candidates:
            if "Plur" in subject.morph.get("Number"):
                continue
            if subject.lower_ == "it" and depth < 3 and self._speaking_thing_before(subject, depth + 1):
                return True
            if subject.ent_type_ == "ORG" or subject.pos_ == "NOUN" and subject.lemma_.lower() in (
                    INSTITUTION_NOUNS | SPOKESBODY_NOUNS | DOCUMENT_NOUNS | RECORD_NOUNS):
                return True
        return False

    def _also_credited(self, subject: Any, eid: str) -> tuple[str, ...]:
        """The others a joint subject names beside its head, in text order ("Putin and his
        North Korean counterpart, Kim Jong-un, agreed"): a joint statement is each one's,
        not the first-named person's alone. A conjunct naming no one ("the United States and
        its allies") adds no one."""
        others: list[str] = []
        # A conjunct with no "and" or comma of its own before it is a parser slip or part of
        # one name ("California Department of Alcohol and Drug Program deputy director
        # Millicent Tidwell", "Procter and Gamble": the "and" is inside a name).
        joined = [c for c in subject.conjuncts if c.i > subject.i and any(
            t.lower_ in ("and", "&", ",") and not t.ent_type_ for t in subject.doc[subject.i + 1 : c.left_edge.i])]
        # "Mayor Ana Lindqvist and her deputy, Tomas Berglund": a name set off after the
        # second person describes that person, though the parser may hang it on the first.
        late_names = [c for c in subject.children if c.dep_ == "appos" and joined and c.i > joined[0].i]
        # "The three scholars -- Holm, Brel and Varga -- agreed": a plural noun the names set
        # off after it list is each of them
        listed = [n for c in subject.children if c.dep_ == "appos" and subject.tag_ in ("NNS", "NNPS")
                  for n in (c, *c.conjuncts)]
        for conj in joined + late_names + listed:
            span = _np_span(conj)
            found = self._entity_for(span, self.text[span[0] : span[1]], conj)
            if found and found != eid and found not in others:
                others.append(found)
        others += [o for o in self._accompanying(subject) if o != eid and o not in others]
        if not joined:
            # "Donald Trump and House Speaker Paul Ryan pledged": the parser may hang the first
            # name on the second one's title; the words still join two people.
            start = _np_span(subject)[0]
            for (article, a, b), other in self.index.by_mention.items():
                person = self.index.get(other)
                if article == self.annotation.article.id and start <= a and b <= subject.idx and other != eid \
                        and person is not None and person.type == "PERSON" and other not in others \
                        and _JOINED_BEFORE.fullmatch(self.text[b : subject.idx]):
                    others.append(other)
        return tuple(others)

    def _accompanying(self, subject: Any) -> list[str]:
        """The people a subject acts "along with" or "together with", set off beside it
        ("Varga, along with Judge Ivo Brel and Sam Holm, a law professor, wrote …"): they
        act with it, as if joined by "and", whether the parser hung the phrase on the subject
        or on the verb after it."""
        found: list[str] = []
        between = [c for c in subject.head.children if subject.i < c.i < subject.head.i]
        for prep in [*subject.children, *between]:
            with_ = next((c for c in prep.children if c.lower_ == "with"), None) \
                if prep.dep_ == "prep" and prep.lower_ in ("along", "together") else None
            if with_ is None:
                continue
            # (the parser may hang the last of them on "along" rather than on "with")
            start, end = with_.idx, prep.right_edge.idx + len(prep.right_edge)
            for (article, a, b), other in sorted(self.index.by_mention.items(), key=lambda m: m[0][1]):
                person = self.index.get(other)
                if article == self.annotation.article.id and start <= a and b <= end and person is not None \
                        and person.type == "PERSON" and other not in found:
                    found.append(other)
        return found

    def _within_aside(self, content: tuple[int, int], start: int, end: int) -> bool:
        """Whether characters lie in the attribution set into a reported clause ("The pier,
        engineers at the port said, will …"), which is no part of what was said."""
        aside = self._inserted.get(content)
        return aside is not None and aside[0] <= start and end <= aside[1]

    def _description(self, head: Any, span: tuple[int, int], content: tuple[int, int] | None) -> tuple[int, int]:
        """An unnamed speaker's words with the modifiers that say who they are
        ("engineers from both city halls", "figures released by both city halls")."""
        extra = [t for c in head.children if c.dep_ in ("prep", "acl") and c.i > head.i for t in c.subtree]
        comma = next((t.i for t in extra if t.text == ","), None)
        # a count says who only with what it counts ("A number of the families of those
        # killed in …" is at least "A number of the families")
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
        counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        counted_words = [t for t in extra if counted is not None and t.i <= counted.i] \
            if head.lemma_.lower() in _COUNT_NOUNS else []
        # too long whole ("one of those advisers, who spoke on the condition of anonymity to
        # share …"), the modifiers still say who it is up to their first comma
        for modifiers in (extra, [t for t in extra if comma is not None and t.i < comma], counted_words):
            if not modifiers:
                continue
            end = max(span[1], max(t.idx + len(t.text) for t in modifiers))
            wider = self.text[span[0] : end]
            if not (_words(wider) > MAX_DESCRIPTION_WORDS or "\n" in wider or any(m in wider for m in OPENERS)
                    or (content is not None and span[0] < content[1] and content[0] < end
                        and not self._within_aside(content, span[0], end))):
                return span[0], end
        return span

    def _subject_and_relative(self, verb: Any) -> tuple[Any, Any]:
        """The subject of a speech verb and, when the clause is a relative one ("Putin, who
        emphasised"), the relative pronoun that stands for it there. From a participle
        ("…, describing it as") climb to the clause it hangs on until the subject is someone
        who can speak."""
        if verb.lemma_.lower() in _TOLD_WHOM and verb.tag_ in ("VBN", "VBD") and verb.dep_ == "advcl" \
                and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
            # "Asked whether …, Varga shook her head", "Varga said when asked what …" (the
            # tagger may read it as a past tense): she was asked; who asked, unsaid, unless a
            # "by" phrase names the asker ("Asked by a reporter whether …": the question is hers)
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return asker, None
        holder = _side_taker(verb)
        if holder is None:
            holder = _finding_holder(verb)
        if holder is not None:
            return holder, None  # "groups backing Varga", "a poll showing …": the noun, whatever it is
        shown = _shown_speaking_before(verb) or _shown_speaking(verb)
        if shown is not None:
            return shown, None
        current = verb
        for _ in range(4):
            subject = _subject(current)
            owner = _noun_before_time_clause(current, subject)
            if owner is not None and not self._can_demand(subject) and self._a_thing(subject):
                # a death, a storm's damage: no thing vows or says
                return owner, None
            relative = None
            if current is not verb and _existential(current):
                # "there is little in his record to suggest that he could win": what the
                # sentence says exists suggests it, no one who spoke before
                return None, None
            if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
                relative = subject
                subject = subject.head.head  # "Putin, who emphasised": the noun the clause is about
                if relative.lower_ == "who":
                    subject = _named_person_around(subject)
                    # "councillors, including Brel and Holm, who has opposed …": a verb in the
                    # singular is about the last of the names joined, not all of them; one in
                    # the plural about all ("Councillors Brel and Holm, who say …", whichever
                    # name the parser hung the clause on)
                    names = sorted((subject, *subject.conjuncts), key=lambda t: t.i)
                    number = {t.tag_ for t in (relative.head, *relative.head.children)
                              if t.i == relative.head.i or t.dep_ in ("aux", "auxpass")}
                    if len(names) > 1 and "VBZ" in number:
                        subject = names[-1]
                    elif len(names) > 1 and "VBP" in number:
                        subject = names[0]
                doer = _main_subject_past_relative(current, relative)
                if doer is not None and self._a_thing(subject) and not self._a_thing(doer) \
                        and doer.lower_ not in NON_PERSON_PRONOUNS - GROUP_PRONOUNS:
                    # "scrapped the rules which had favoured the board and vowed to …": the
                    # parser joined the second act to the relative clause; rules vow nothing
                    return doer, None
                if relative.lower_ in ("that", "which") and self._stands_for_a_thing(subject):
                    # "the same agenda since 1980, one that favors workers", "a plan that
                    # favors the rich", "negative ones that accuse them": a thing takes no
                    # side and says nothing
                    return None, None
            reporter = self._reporter_around(verb) if current is verb and subject is not None and verb.dep_ != "relcl" \
                and self._a_thing(subject) and "Plur" not in subject.morph.get("Number") else None
            if reporter is not None:
                # "Holm said the levy was a move meant to punish “the greedy few”": a levy
                # voices nothing; the words are the ones of whoever says what the levy is (a
                # plural or a relative clause may be people the tables do not know: "fishermen
                # who know …")
                return reporter, None
            if subject is not None and (current is verb and (verb.tag_ != "VBG" or _object_controller(verb) is not None)
                                        or self._can_speak(subject) or self._people(subject)):
                return subject, relative
            if subject is not None and current is verb and subject.head.i == verb.i and subject.dep_ == "nsubj" \
                    and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
                    and _is_speech(verb) and (subject.lemma_.lower() in PERSON_NOUNS or subject.ent_type_ == "NORP"):
                # "showed dock workers warning of …": a participle's own subject, people, speaks
                # (not what the clause around it is about; "banners proclaiming" are things)
                return subject, relative
            host = current.head.head
            if current.dep_ == "pcomp" and current.head.lower_ in GERUND_PREPS and host.dep_ == "ccomp" and _is_speech(host.head):
                # "said the deadlock has kept us safe before claiming …": no thing claims; the
                # parser hung the gerund inside the reported clause
                current = host.head
                continue
            if current.dep_ not in ("advcl", "xcomp", "conj", "acl", "ccomp") or current.head is current:
                return subject, relative
            current = current.head
        return None, None

    def _stands_for_a_thing(self, noun: Any) -> bool:
        """Whether the noun a "that" or "which" clause is about is a thing: a "one" set after
        a phrase to name it again, "ones", or a thing in the singular that is no body of people
        ("a harbour group that backed Varga" may speak; a plural may be people the tables do
        not know: "the states' electorates, which favor Varga")."""
        return _one_apposed(noun) or noun.lower_ == "ones" or self._a_thing(noun) \
            and "Plur" not in noun.morph.get("Number") and noun.lemma_.lower() not in _BODY_NOUNS

    def _reporter_around(self, verb: Any) -> Any:
        """The subject of the speech verb whose reported clause holds ``verb``, if someone
        who can speak."""
        for clause in verb.ancestors:
            if clause.dep_ == "ccomp" and _is_speech(clause.head):
                subject = _subject(clause.head)
                return subject if subject is not None and self._can_speak(subject) else None
        return None

    def _people(self, noun: Any) -> bool:
        """Whether a noun names people ("more councillors have begun urging …", "more
        Republicans …"), who speak for the participle or infinitive their verb governs,
        before any subject of the clause above it ("the meeting unfolded as …")."""
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in PERSON_NOUNS or noun.ent_type_ == "NORP"

    def _a_thing(self, noun: Any) -> bool:
        """Whether a common noun names a thing, which cannot voice anything: no person,
        institution or body that speaks, no name, no document or finding that states."""
        return noun.pos_ == "NOUN" and noun.lemma_.lower() not in PERSON_NOUNS | INSTITUTION_NOUNS | SPOKESBODY_NOUNS \
            | DOCUMENT_NOUNS | RESEARCH_NOUNS | RECORD_NOUNS and noun.ent_type_ not in NAMING_LABELS and not self._can_speak(noun)

    def _can_speak(self, token: Any) -> bool:
        if token.lower_ in PRONOUNS or token.lemma_.lower() in ROLE_NOUNS:
            return True
        if token.lemma_.lower() in SPOKESBODY_NOUNS:
            # "her office issued a statement saying …", "the campaign of Sen. Varga said …"
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in token.children if c.dep_ == "poss"), None) or (
                next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None)
            if owner is not None and (owner.lower_ in ("his", "her") or self._can_speak(owner)):
                return True
        entity = self.index.get(self._entity_for(_np_span(token), token.text, token))
        if entity is None and token.pos_ == "NOUN":
            # "the other man, his cousin Ivo Marsh, cited …": a description named in an apposition
            return any(c.dep_ == "appos" and self._can_speak(c) for c in token.children)
        return entity is not None and entity.type in ("PERSON", "ORG")

    def _can_demand(self, subject: Any) -> bool:
        """Whether a subject can voice a demand: someone who can speak, a group named by its
        politics or nation ("Democrats"), or people described in the plural ("lawmakers have
        called for a ban"); a singular thing ("the situation calls for calm") cannot."""
        return self._can_speak(subject) or subject.ent_type_ == "NORP" or (
            subject.pos_ == "NOUN" and "Plur" in subject.morph.get("Number"))

    def _names_people(self, span: tuple[int, int] | None) -> bool:
        """Whether characters of the text (a speaker's description) name a person."""
        return span is not None and any(t.ent_type_ == "PERSON" for t in tokens_starting_in(self.doc, span[0], span[1]))

    def _names_someone(self, start: int, end: int) -> bool:
        """Whether characters of the text hold the name of a person or an organisation."""
        return any(start <= t.idx < end and (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP"))
                   for t in self.doc.char_span(start, end, alignment_mode="expand") or [])

    def _first_person_belief(self, speaker: Speaker, verb: Any, kind: str) -> bool:
        """Whether "I" or "we" report what they think, believe or hope in a clause ("I think
        the pier is safe" in an interview's answer), not quoted by anyone."""
        return kind == "indirect" and (speaker.text or "").lower() in FIRST_PERSON \
            and verb.lemma_.lower() in INDIRECT_VERBS and _complement(verb) is not None

    def _channel(self, verb: Any, sent: Any, speaker_span: tuple[int, int] | None) -> str | None:
        if verb.lemma_.lower() == "quote":
            subject = _subject(verb)
            return self._channel_name(subject) if subject is not None else None
        according = _according_to(sent)
        if according is not None and not (speaker_span is not None and speaker_span[0] <= according.idx < speaker_span[1]):
            # ("according to Varga, who stressed …": the speaker is no channel of her own words)
            return self._channel_name(according)
        head = verb.head
        hops = 0
        if verb.dep_ == "conj" and _is_speech(head):
            # "Ryan saying he was encouraged and Trump calling it a great meeting": two voices
            # side by side, neither relaying the other.
            return None
        if verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ADVERBIAL_OPENERS for c in verb.children):
            # "Sanders pushed for X, while Clinton slammed it", "was asking a question when Trump
            # shot back that …": two voices side by side, or one's act timed by the other's
            return None
        if verb.dep_ == "pcomp" and head.lower_ in GERUND_PREPS:
            # "was booed by supporters after telling them …": one doer's acts in a row, no relay
            return None
        child = verb
        while head.i != verb.i and hops < 3:  # (spaCy makes a new Token object each time: compare positions)
            # A speech verb in another paragraph (the parser runs a sentence ending in a colon
            # on into the next) relays nothing said here.
            if "\n" in self.text[min(head.idx, verb.idx) : max(head.idx, verb.idx)]:
                break
            if any(start <= head.idx < end for start, end in self._quoted):
                break  # "“He says what everyone wants to say,” Moody said": the speaker's words relay nothing
            if head.lemma_.lower() in LABEL_VERBS and any(c.dep_ == "oprd" for c in head.children):
                break  # "42% say they're liberal, 32% call themselves conservative": a verdict of its own
            if _is_speech(head) and any(c.dep_ == "ccomp" and c.i > head.i and c.i != child.i for c in head.children):
                break  # "520 said they back Clinton, 39 said they back Sanders": the second says words of its own
            if _is_speech(head):
                subject = _subject(head)
                if subject is not None and subject.pos_ in ("PRON", "DET"):
                    return None  # "via he", "via That": a pronoun names no relay
                if subject is not None and (speaker_span is None or not (speaker_span[0] <= subject.idx < speaker_span[1])):
                    return self._channel_name(subject)
            if head.head.i == head.i or head.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                # "Protest groups say …, and the A.C.L.U. has sued the city, saying …": a clause
                # joined with a subject of its own is no part of what the first verb reports
                break
            child, head, hops = head, head.head, hops + 1
        return None

    def _channel_name(self, token: Any) -> str:
        """The relay a subject names: an organisation named in it ("a White House
        spokesman": the White House), unless its head is a person's name ("GOP nominee
        Donald Trump" is Trump, not the GOP); else the phrase."""
        span = _np_span(token)
        named = [(start, end, self.index.get(eid)) for (article, start, end), eid in self.index.by_mention.items()
                 if article == self.annotation.article.id and start >= span[0] and end <= span[1]]
        organisations = [(start, end) for start, end, entity in named if entity and entity.type == "ORG"]
        person = next(((start, end) for start, end, entity in sorted(named, key=lambda n: n[:2])
                       if entity and entity.type == "PERSON" and start <= token.idx < end), None)
        if organisations:
            return self.text[slice(*(person or organisations[0]))]
        return self.text[span[0] : span[1]]

    def _cue_text(self, verb: Any, content_start: int) -> str:
        if verb.lemma_.lower() == "quote":
            return verb.text + (" … as saying" if "as saying" in verb.sent.text else "")
        said_as_noun = next((c for c in verb.children if c.dep_ == "nsubj" and _speech_verb_read_as_noun(c) is not None), None)
        if said_as_noun is not None:
            # "a decline that the association predicts will continue “…”": the speech verb the
            # parser read as a noun is the cue; "continue" is what is predicted, not "she continued"
            return said_as_noun.text
        noun_cue = _speech_noun_cue(verb, content_start)
        if noun_cue:
            return noun_cue
        clear = _clear_word(verb)
        if clear is not None:
            return self.text[verb.idx : clear.idx + len(clear.text)]  # "made it clear", not "made"
        target = _taken_aim_at(verb) if verb.lemma_.lower() == "take" else None
        if target is not None and target.head.i - verb.i <= MAX_AIM_WORDS:
            return self.text[verb.idx : target.head.idx + len(target.head.text)]  # "took aim at", not "took"
        listener = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "dative") and verb.i < c.i
                         and c.right_edge.idx < content_start), None) if verb.lemma_.lower() in LISTENER_VERBS else None
        if listener is not None and listener.left_edge.i == verb.i + 1 and listener.right_edge.i - verb.i <= MAX_LISTENER_WORDS \
                and listener.lower_ not in PRONOUNS:
            # "told foundation employees the organization would …": without them the cue
            # reads "told the organization would …"; a pronoun ("told him") adds nothing
            return self.text[verb.idx : listener.right_edge.idx + len(listener.right_edge.text)]
        # a particle inside the words reported is theirs ("Polls show Clinton up by 10 points")
        particles = [c.text for c in verb.children if not verb.idx < content_start <= c.idx and c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1
                     and PHRASAL_SPEECH.get(verb.lemma_.lower()) == c.lower_
                     # "call on him to quit": "call" alone reads as the noun
                     or c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ in ("on", "for") and verb.pos_ == "VERB"
                     and verb.lemma_.lower() in DEMAND_VERBS]
        return " ".join([verb.text, *particles])
