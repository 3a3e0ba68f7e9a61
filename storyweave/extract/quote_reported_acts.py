"""Reported speech that is no clause of a speech verb, found from cue words in the parse:
labels ("called him a loser"), requests and vows, attitudes, findings of polls and records,
stances, sides taken, short answers ("said so") and nouns of voicing a view ("her criticism
of …"). Each phase returns candidates ``(start, end, cue token, kind)`` that do not overlap
the spans ``covered`` by the phases before it; the clauses a speech or belief verb reports
are :mod:`~storyweave.extract.quote_reported`'s."""

from __future__ import annotations

from typing import Any

from .attribution_words import (ADVANTAGE_VERBS, AGENT_COMMIT_VERBS, ANSWER_VERBS, ANSWER_WORDS, BACKING_VERBS,
                                COMMIT_VERBS, CONTRAST_MARKS, DEMAND_VERBS, EFFORT_VERBS, FINDING_VERBS, GREETING_VERBS,
                                INSTITUTION_NOUNS, LABEL_VERBS, MARK_NOUNS, MIN_LABEL_WORDS, MIN_STANCE_WORDS,
                                OBJECT_PRONOUNS, ORDER_VERBS, PERSON_NOUNS, PRESSING_VERBS, REASON_PREPS,
                                REFLEXIVE_PRONOUNS, REGARD_VERBS, RELATIVE_PRONOUNS, REQUEST_VERBS, RESEARCH_NOUNS,
                                RESEARCH_ONLY_FINDING_VERBS, SPEAKER_ONLY_TOPIC_VERBS, STANCE_VERBS, TOPIC_VERBS,
                                VOICING_VERBS, WITHHELD_NOUNS)
from .quote_context import FinderBase
from .quote_cues import _a_broadcast, _complement, _is_speech, _passive, _voiced_object, demanded_of_subject
from .quote_holders import _finding_holder, _quoted_label, _side_taker
from .quote_marks import _words
from .quote_report_clauses import _set_off_by_dash, _stranded, _that_clause
from .quote_stances import (_PASSIVE_NO_VIEW, _PEOPLE_WORDS, bodily_attack, _a_place, _attitude_complement,
                            _circumstance_prep, _linked_attitude, _list_tail, _object_infinitive, medium_phrase,
                            _opening_attitude, _regarded_as, _side_taken_by_role, _small_clause, _supposed)
from .quote_subjects import _subject
from .quote_views import _named_owner_above, _owner_of_example, _view_content


#: Fractions that count the people of a group ("half favor the levy", "a third backed her").
_FRACTIONS = frozenset({"half", "third", "quarter", "fifth", "tenth"})


def _a_share(noun: Any) -> bool:
    """Whether a subject counts people, as a poll does: a number, a percentage or a fraction
    ("23 percent", "six in 10", "half")."""
    return noun.ent_type_ in ("PERCENT", "CARDINAL") or noun.pos_ == "NUM" or noun.lemma_.lower() in _FRACTIONS \
        or any(c.dep_ == "nummod" or c.ent_type_ in ("PERCENT", "CARDINAL") for c in noun.children)


def _time_spent_on(verb: Any) -> bool:
    """Whether a participle says what its subject spent a stretch of time doing ("spent much
    of the week panning the plan"): the object before it is that time, not someone asked to
    act, so the stance is the subject's own."""
    obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i), None)
    return verb.tag_ == "VBG" and obj is not None and any(t.ent_type_ in ("DATE", "TIME") for t in obj.subtree)


class ReportedActs(FinderBase):
    """The phases that find reported labels, requests, attitudes, findings, stances, answers and views."""

    def _labels(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Bush called him a loser": the object and its label, as reported speech."""
        out = []
        for token in self.doc:
            span = self._label_span(token) if token.pos_ == "VERB" else None
            if span is None or _words(self.text[span[0] : span[1]]) < MIN_LABEL_WORDS:
                continue
            if any(s < span[1] and span[0] < e for s, e in covered):
                continue
            out.append((span[0], span[1], token, "indirect"))
        return out

    def _label_span(self, verb: Any) -> tuple[int, int] | None:
        """Characters of the object and its label after a labelling verb in the active voice
        ("called [him a loser]", "labelled [the plan “reckless”]"); None for a name given
        ("a group called the Freedom Caucus": no subject) or a passive ("he was called")."""
        span = self._label_by_parse(verb)
        if span is None and (words := _quoted_label(verb)) is not None and _subject(verb) is not None:
            # the parser may hang the object or the label anywhere ("called the system
            # “rigged”" read the label as the object's participle), or read the verb as a
            # noun's modifier; the quotation marks still show where the label ends
            span = words[0].idx, words[1].idx + len(words[1].text)
        return span

    def _label_by_parse(self, verb: Any) -> tuple[int, int] | None:
        """The object and label of ``_label_span`` as the parse shows them."""
        lemma = verb.lemma_.lower()
        if lemma not in LABEL_VERBS and lemma not in REGARD_VERBS and lemma != "refer" or verb.dep_ in ("acl", "relcl", "amod"):
            return None
        if _passive(verb) or _subject(verb) is None:
            return None
        if lemma == "refer":
            # "referred to Varga as a bright leader": a label given through "to … as"
            to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i), None)
            as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and to is not None and c.i > to.i), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is None or as_ is None:
                return None
            start, last = obj.left_edge.idx, as_.right_edge
            return start, self._clause_end(last.idx + len(last.text), start)
        if lemma in REGARD_VERBS:
            predicates = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
            predicates = predicates or _regarded_as(verb)
        elif (small := _small_clause(verb)) is not None:
            # "considers Varga untrustworthy", "called him a liar": object and label read as one clause
            return small.left_edge.idx, self._clause_end(small.right_edge.idx + len(small.right_edge.text), small.left_edge.idx)
        else:
            predicates = [c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i]
            # "called the plan “a reckless gamble”" is often parsed as an apposition
            predicates += [a for c in verb.children if c.dep_ in ("dobj", "obj") for a in c.children if a.dep_ == "appos"]
        right = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "obj", "oprd", "nmod", "ccomp")]
        objects = [c for c in right if not (c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"))]
        if not predicates or len(objects) < 2 and not any(c.dep_ in ("dobj", "obj") for c in right):
            # "called Trump" with no label, or a label with no object (a clause after it is no
            # object: "a PAC called Our Principles is ramping up" gives a name, read as the main verb)
            return None
        start = right[0].left_edge.idx
        last = predicates[-1].right_edge
        return start, self._clause_end(last.idx + len(last.text), start)

    def _requests(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Varga urged the council to rebuild the pier": whom the subject asked, and to do
        what. (Questions, "asked whether …", are clauses and read as indirect speech.)"""
        out = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if token.pos_ != "VERB" or lemma not in REQUEST_VERBS and lemma not in COMMIT_VERBS \
                    and lemma not in DEMAND_VERBS or token.dep_ in ("amod", "acl", "relcl"):
                continue
            if _passive(token) or _subject(token) is None:
                continue
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None)
            act = next((c for c in token.children if c.dep_ == "xcomp" and c.i > token.i), None)
            pressed = obj if lemma in PRESSING_VERBS else None  # "pushed the board to act", as "urged"
            if lemma in DEMAND_VERBS:
                if not self._can_demand(_subject(token)):
                    continue  # "the plan calls for the council to pay": a document's terms, no demand
                # "called on the mayor to resign": the one asked is the object of "on"; "called for
                # the council to act": the parser makes the act a clause marked by "for".
                on = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "on" and c.i > token.i), None)
                obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
                if on is not None and obj is None:
                    # the parser often leaves "on" bare and hangs the person on the verb
                    obj = next((c for c in token.children if c.dep_ in ("oprd", "dobj", "obj") and c.i > on.i), None)
                clause = next((c for c in token.children if c.dep_ == "advcl" and c.i > token.i and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
                if obj is None and clause is not None:
                    obj = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                    act = clause
                obj = pressed if obj is None and on is None and clause is None else obj
            if lemma in COMMIT_VERBS and not (lemma in DEMAND_VERBS and obj is not None):
                # "vowed to veto the bill": the act alone, no one asked ("pushed for the board
                # to act" stays a demand of the board, and "pushed the board to act" asks it)
                obj = act if obj is None and not any(c.dep_ in ("dobj", "obj") and c.i > token.i for c in token.children) else None
                subject = _subject(token)
                if lemma in ("promise", "threaten") and not (self._can_speak(subject) or subject.ent_type_ == "NORP"
                                                            or subject.lemma_.lower() in PERSON_NOUNS):
                    continue  # "retirements promise to swell costs", "the decision threatens to create a bind"
                if lemma in AGENT_COMMIT_VERBS and subject.pos_ == "NOUN" and "Plur" not in subject.morph.get("Number") \
                        and not self._person_or_speaker(subject):
                    continue  # "the levy aims to cut debts": a thing's purpose, no one's aim
                if lemma == "look" and (act is None or act.lemma_.lower() == "be" or token.tag_ != "VBG"):
                    continue  # "is looking to win" is an aim; "looks to be close" a guess
            if obj is None or act is None or act.i < obj.i:
                continue
            if lemma in ORDER_VERBS and not any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
                continue  # "told the gazette in an interview recorded …": no act asked of anyone
            start = obj.left_edge.idx
            last = act.right_edge
            while last.i > act.i and (last.is_punct or last.dep_ == "cc"):
                last = last.nbor(-1)
            tail = _list_tail(last)  # "vowed to dredge the harbour, rebuild the pier and cut the levy"
            last = tail if tail is not None else act.right_edge
            end = self._clause_end(last.idx + len(last.text), start)
            if any(s < end and start < e for s, e in covered):
                continue
            if _words(self.text[start:end]) < 4:
                if not (lemma in COMMIT_VERBS and _is_speech(act)):
                    continue
                # "declined to comment", "refused to say": a refusal to speak is short but whole
                self._short_answers.add((start, end))
            out.append((start, end, token, "indirect"))
        return out

    def _attitudes(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Varga was eager to reopen the pier", "the mayors are wary of the levy", "Holm is
        confident that the ferry will sail": an adjective of attitude after a linking verb
        names a position its subject holds; what its complement names is that position. So
        does one, or a participle of feeling, opening the sentence ("Alarmed by the vote,
        party leaders …", "Convinced that the pier was unsafe, Varga …")."""
        out = []
        for adjective in self.doc:
            side = _side_taken_by_role(adjective)
            if not (_linked_attitude(adjective) or _opening_attitude(adjective) or side is not None):
                continue
            subject = _subject(adjective)
            if subject is None or not self._person_or_speaker(subject) or _supposed(adjective.head):
                continue
            what = side if side is not None else _attitude_complement(adjective)
            if what is None:
                continue
            tokens = [t for t in sorted(what.subtree, key=lambda t: t.i) if not (t.dep_ == "mark" and t.head.i == what.i)]
            start = tokens[0].idx
            end = self._clause_end(tokens[-1].idx + len(tokens[-1].text), start)
            if _words(self.text[start:end]) < MIN_STANCE_WORDS or any(s < end and start < e for s, e in covered):
                continue
            out.append((start, end, adjective, "indirect"))
        return out

    def _findings(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"A new poll shows Brennick with a ten-point lead", "records showed the council
        ignoring the warnings": what a poll, record or document shows is its finding, a
        source's claim. A person who shows something ("showed his papers") makes no claim."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in FINDING_VERBS or token.dep_ in ("amod", "acl", "relcl") \
                    or _finding_holder(token) is not None:
                continue  # (a participle's finding, "a poll showing …", is read last: _participle_findings)
            if _passive(token) or any(c.dep_ == "ccomp" for c in token.children):
                continue
            subject = _subject(token)
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None)
            if subject is None or obj is None or subject.pos_ != "NOUN" or self._can_speak(subject) \
                    or subject.ent_type_ == "PERSON":
                continue
            if token.lemma_.lower() in RESEARCH_ONLY_FINDING_VERBS and subject.lemma_.lower() not in RESEARCH_NOUNS:
                continue  # "the refugees found their way", "a graduate finds a job": no finding
            if subject.lemma_.lower() in MARK_NOUNS:
                continue  # "Red dots show the ports": marks on a map or picture point, they find nothing
            span = self._finding_span(token, obj, covered)
            if span is not None:
                out.append((*span, token, "indirect"))
        return out

    def _finding_span(self, verb: Any, obj: Any, covered: list[tuple[int, int]]) -> tuple[int, int] | None:
        """What a finding verb's object and the words after it state, None when it is under
        four words or overlaps ``covered``."""
        # the figures a finding goes on to give are part of it ("showed Varga ahead, winning 51
        # percent to 39", "…, 32 to 25, while Holm was at 18"), and so is a participle joined
        # to it that says more of the object ("found Varga even statewide, but losing the
        # coast"); a joined verb of its own, or a writer's "although …" or "because …", is not
        rest = [c for c in verb.children if c.i >= obj.i and (
            c.dep_ not in ("punct", "cc", "conj", "advcl")
            or c.dep_ in ("conj", "advcl") and c.tag_ == "VBG"
            and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
            or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONTRAST_MARKS for m in c.children))]
        start = obj.left_edge.idx
        last = max((c.right_edge for c in rest), key=lambda t: t.i)
        end = self._clause_end(last.idx + len(last.text), start)
        if _words(self.text[start:end]) < 4 or any(s < end and start < e for s, e in covered):
            return None
        return start, end

    def _participle_findings(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"With a new poll showing Brennick ahead", "a survey showing her support down to 20
        percent": a participle of finding on a poll or record states that noun's finding, its
        object and what follows it, or the clause the parser made of them ("polls showing Varga
        leading Holm"). Read last, as ``_sides_taken``, so that a finding inside another
        attribution ("refused to dispute the polls showing Varga leading") is left to it, as
        corpora mark only the outer one. (A "that" clause after it, "a poll showing that …", is
        reported speech, read first by ``_indirect``, whose stances it holds.)"""
        out = []
        for token in self.doc:
            if _finding_holder(token) is None or _that_clause(token) \
                    or _passive(token):
                continue
            clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
            if clause is not None:
                start, end = self._clause_span(clause)
                if _words(self.text[start:end]) >= 4 and not any(s < end and start < e for s, e in covered):
                    out.append((start, end, token, "indirect"))
                continue
            # "suggesting" and "indicating" report a clause; an object alone ("a report suggesting
            # donors [were granted …]") is the parser's cut of one
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None) \
                if token.lemma_.lower() in FINDING_VERBS else None
            span = self._finding_span(token, obj, covered) if obj is not None else None
            if span is not None:
                out.append((*span, token, "indirect"))
        return out

    def _stances(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Most voters support a ban on imports", "Varga criticised the council for its
        delay", "spoke about the budget", "would vote for Brennick": the object (with what
        it is blamed or praised for) is the position, topic or choice voiced."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB" or token.dep_ in ("amod", "acl"):
                continue
            if _passive(token):
                span = self._passive_stance(token)
                if span is not None and not any(s < span[1] and span[0] < e for s, e in covered):
                    out.append((span[0], span[1], token, "indirect"))
                continue
            if _subject(token) is None:
                continue
            first = token
            while first.dep_ == "conj":
                first = first.head
            if first.dep_ == "xcomp" and (any(c.dep_ in ("dobj", "obj") for c in first.head.children)
                                          and not _time_spent_on(first)
                                          or first.head.lemma_.lower() in DEMAND_VERBS):
                # "asked him to condemn violence", "called on the council to attack the levy", "urged
                # them to rebuild and praise the crews": an act asked of someone else, not a stance
                continue
            if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in token.children):
                continue  # "asked Varga if she would ever endorse Brennick": a question, no side taken
            if demanded_of_subject(token):
                continue  # "demanded that the council back the levy": asked of it, no side it took
            obj = _voiced_object(token)
            if obj is None or not any(t.pos_ in ("NOUN", "PROPN", "VERB", "NUM") for t in obj.subtree) and not (
                    obj.lower_ in OBJECT_PRONOUNS | REFLEXIVE_PRONOUNS
                    and any(c.dep_ == "nsubj" and c.lower_ not in OBJECT_PRONOUNS for c in token.children)
                    and (token.lemma_.lower() in BACKING_VERBS or any(
                        c.dep_ == "prep" and (c.lower_ in REASON_PREPS or c.lower_ == "as") and c.i > obj.i for c in token.children))):
                # "agreed to support each other": no position in the words; but "the governor
                # endorsed her" takes a side on someone named before, and "criticized him for
                # saying …" or "portrayed him as aloof" says what for or as what, when the verb
                # has its own subject ("would see him endorse her" is the writer's guess at an outcome)
                continue
            if token.lemma_.lower() in GREETING_VERBS and (obj.ent_type_ == "PERSON" or obj.pos_ == "PRON"):
                continue  # "Kim welcomed Putin at the airport": a greeting, not a stance
            if bodily_attack(token):
                continue
            if token.lemma_.lower() in ADVANTAGE_VERBS and self._stands_for_a_thing(_subject(token)) \
                    and not _a_share(_subject(token)):
                # "the wider picture should favor Varga": a thing gives an advantage, no side taken
                # ("23 percent favored Varga", "half favor her" are people counted)
                continue
            objects = [c for c in token.children if c.dep_ in ("dobj", "obj", "dative")]
            if token.lemma_.lower() == "deny" and (any(o.lemma_.lower() in WITHHELD_NOUNS for o in objects) or len(objects) > 1
                                                   or any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)):
                continue  # "denied Sanders the nomination" withholds; "denied the charges" answers
            # "voted for Brennick, a harbour pilot who …": a description set off after a name
            # is the writer's, not the choice voiced
            # ("pushed for a single-payer system — a dream for many Democrats —": an aside
            # set off by dashes is the writer's whatever it describes)
            described = {t.i for a in obj.children if a.dep_ in ("appos", "relcl") and a.i > obj.i and (
                obj.pos_ == "PROPN" and self.doc[a.left_edge.i - 1].text == "," or _set_off_by_dash(a)) for t in a.subtree}
            medium = medium_phrase(obj)
            tokens = [t for t in obj.subtree if t.i not in described and (medium is None or t.i < medium.i)]
            while described and tokens and (tokens[-1].is_punct or tokens[-1].is_space):
                tokens.pop()
            glued = max(tokens, key=lambda t: t.i)
            while not glued.whitespace_ and glued.i + 1 < len(self.doc) and self.doc[glued.i + 1].head.i == obj.head.i \
                    and self.doc[glued.i + 1].dep_ == obj.dep_:
                # "endorsed the re-election of …": the parser can read the parts of a hyphenated
                # word as objects side by side; the object runs on through all of them
                glued = self.doc[glued.i + 1]
                tokens.extend(glued.subtree)
            if token.lemma_.lower() in SPEAKER_ONLY_TOPIC_VERBS and not self._person_or_speaker(_subject(token)):
                continue
            if token.lemma_.lower() == "vote" and _a_place(_subject(token)):
                continue
            if token.lemma_.lower() in EFFORT_VERBS and obj.ent_type_ in ("GPE", "LOC"):
                continue  # "stayed off the air to focus on Ostland": where the effort goes, no topic voiced
            reason = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in REASON_PREPS and c.i > obj.i
                           and not any(_a_broadcast(c, p) for p in c.children)), None)
            if reason is None and token.lemma_.lower() == "accuse" and not any(
                    c.dep_ == "prep" and c.lower_ in REASON_PREPS for c in obj.children):
                # an accusation without its charge (or with a charge the parser lost) says
                # nothing; "accused the mayor of lying" may hang the charge on the person
                continue
            if reason is not None:
                tokens.extend(reason.subtree)
            # the parser hangs what completes the object on the verb ("announced a concert in
            # support of the senator", "described the crowd as shocked"); a comma ends it
            last = max(tokens, key=lambda t: t.i)
            for c in sorted(token.children if obj.head.i == token.i else (), key=lambda c: c.i):
                if c.i <= last.i:
                    continue
                if c.dep_ not in ("prep", "oprd", "advcl") or c.dep_ == "advcl" and (not any(
                        m.dep_ == "mark" and m.lower_ == "as" for m in c.children) and c.left_edge.lower_ != "as"
                        or any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)):
                    break  # ("tweeted his observations as he lined up outside": "as" with a subject is when)
                if any(t.is_punct or t.is_space for t in self.doc[last.i + 1 : c.left_edge.i]) or c.lower_ in REASON_PREPS \
                        or any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree) or _circumstance_prep(c, obj):
                    # when, where or how it was voiced ("endorsed her in 2008", "mocked Varga on
                    # the radio", "praised the crews at a rally") is no part of it
                    break
                tokens.extend(c.subtree)
                last = max(tokens, key=lambda t: t.i)
            # "announced a series of steps to tighten gun sales", "defended his call to raise the
            # wage": the parser hangs the purpose on the verb, but it says what the object is
            purpose = next((c for c in token.children if c.dep_ == "xcomp" and c.i > obj.i), None) \
                if token.lemma_.lower() in TOPIC_VERBS else None
            if purpose is None:
                purpose = _object_infinitive(token, last)
            if purpose is not None:
                tokens.extend(purpose.subtree)
            tokens.sort(key=lambda t: t.i)
            while len(tokens) > 1 and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
                tokens.pop()  # "favored Mr. Cruz and 12 percent backed …": the parser's loose "and"
            tail = _list_tail(tokens[-1])
            if tail is not None:
                # the parser hangs a list's later members anywhere; they share its first one's role
                tokens.extend(self.doc[tokens[-1].i + 1 : tail.i + 1])
            start = min(t.idx for t in tokens)
            end = max(t.idx + len(t.text) for t in tokens)
            if "\n" in self.text[start:end] and start > token.idx:
                # the parser can run a headline into the next paragraph; a stance stays in its own
                end = self._clause_end(self.text.index("\n", start), start)
            # what it is blamed or praised for may hold a report of its own ("criticized him for
            # saying he had served"): both stand, one inside the other
            reason_from = reason.idx if reason is not None else end
            if any(t.i > token.i and self._record_aside(t) is not None for t in token.sent):
                # "Most residents oppose the levy, a survey found, …": records set off after the
                # verb state the whole clause (``_record_asides``), the stance with it
                continue
            if _words(self.text[start:end]) < MIN_STANCE_WORDS or any(s < end and start < e and not reason_from <= s < e <= end
                                                                     for s, e in covered):
                continue
            out.append((start, end, token, "indirect"))
        return out

    def _passive_stance(self, verb: Any) -> tuple[int, int] | None:
        """"The levy was opposed by most fishermen", "the plan has been criticized by Varga":
        a stance or topic verb in the passive voices its subject, and the "by" phrase names who
        voiced it (``_subject`` reads the speaker there). None without a "by" phrase naming
        someone who can voice a view ("was opposed from the start", "is backed by data"), and
        for the verbs whose object is no view in the passive ("was denied bail", "was offered a
        post", "was identified by police"; "was welcomed" a person is a greeting)."""
        lemma = verb.lemma_.lower()
        if not (lemma in STANCE_VERBS or lemma in TOPIC_VERBS) or lemma in _PASSIVE_NO_VIEW:
            return None
        agent = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
        voicer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if voicer is None or not (self._person_or_speaker(voicer) or voicer.lower_ in _PEOPLE_WORDS or self._can_demand(voicer)
                                  or voicer.ent_type_ == "PERCENT" or voicer.pos_ == "NUM"):
            return None
        if any(c.dep_ == "prep" and c.i > verb.i and (c.lower_ in REASON_PREPS or c.lower_ == "as") for c in verb.children):
            # "Holm was berated by his father for the delay", "was dismissed by critics as a
            # lightweight": the position runs on either side of the verb, more than one span holds
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
        if subject is not None and lemma in GREETING_VERBS and (subject.ent_type_ == "PERSON" or subject.pos_ == "PRON"):
            return None  # "Putin was welcomed by Kim": a greeting; "the ruling was welcomed" a stance
        if subject is None or not any(t.pos_ in ("NOUN", "PROPN", "NUM", "VERB") for t in subject.subtree) \
                and subject.lower_ not in RELATIVE_PRONOUNS:
            return None  # "it was endorsed by the board": no position in the words
        last = subject.right_edge
        while last.i > subject.i and (last.is_punct or last.dep_ == "cc"):
            last = last.nbor(-1)  # ("Berlin's pledge to add soldiers, and …": the parser's loose "and")
        start = subject.left_edge.idx
        end = self._clause_end(last.idx + len(last.text), start)
        return (start, end) if end <= verb.idx and "\n" not in self.text[start:verb.idx] else None

    def _sides_taken(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"A super PAC backing Varga", "dock workers opposing the levy": a participle of
        taking a side on a noun says that noun's side, the participle's object. Read last, so
        that a side inside another attribution ("a poll found 78 percent of them backing
        Varga", "plans to recruit captains supporting Holm") is left to it, as corpora mark
        only the outer one."""
        out = []
        for token in self.doc:
            if _side_taker(token) is None:
                continue
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None)
            if obj is None:
                continue
            # "one pastor supporting Mr. Cruz, Ana Lind of …": a name set off after the object is
            # the writer's, most often the noun's own (the parser hangs it on the nearer name)
            aside = next((c for c in obj.children if c.dep_ in ("appos", "relcl") and c.i > obj.i
                          and self.doc[c.left_edge.i - 1].text == ","), None)
            last = self.doc[aside.left_edge.i - 2] if aside is not None else obj.right_edge
            start = obj.left_edge.idx
            end = self._clause_end(last.idx + len(last.text), start)
            if any(s < end and start < e for s, e in covered) or any(s <= token.idx < e for s, e in covered):
                continue
            out.append((start, end, token, "indirect"))
        return out

    def _person_or_speaker(self, subject: Any) -> bool:
        """Whether a subject can voice a topic: someone who can speak, or people or a body
        described by a noun for them ("dock workers described the pier as a wreck", "the
        company reported a loss"; "the plans offer credits" voice nothing)."""
        if subject.lower_ in ("who", "that") and subject.head.dep_ == "relcl":
            # "Ana Berg, who described herself as …": the noun the clause is on speaks (PolNeAR
            # marks what a relative clause says someone voiced, as for any other verb)
            subject = subject.head.head
        return self._can_speak(subject) or subject.ent_type_ in ("ORG", "NORP") \
            or subject.pos_ == "NOUN" and subject.lemma_.lower() in PERSON_NOUNS | INSTITUTION_NOUNS

    def _answers(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Half said so", "72 percent said yes", "a third say the same of the mayor": a
        short answer stands for a clause said before, and is what the subject said (polls
        report their findings this way)."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in ANSWER_VERBS or token.dep_ in ("amod", "acl"):
                continue
            if _complement(token) is not None or _subject(token) is None:
                continue
            answer = next((c for c in token.children if c.i > token.i and c.dep_ in ("dobj", "obj", "advmod", "intj", "ccomp", "acomp")
                           and c.lower_ in ANSWER_WORDS), None)
            if answer is None:
                continue
            tokens = list(answer.subtree)
            start = min(t.idx for t in tokens)
            end = self._clause_end(max(t.idx + len(t.text) for t in tokens), start)
            if self.text[start:end].lower() in ("same", "opposite"):
                continue  # "the same" with nothing it is about is only half an answer
            if any(s < end and start < e for s, e in covered):
                continue
            self._short_answers.add((start, end))
            out.append((start, end, token, "indirect"))
        return out

    def _views(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Her criticism of the council", "Varga avoided any mention of the mayor", "renewed
        his call for a ban", "his claim that the pier is safe": a noun of voicing a view names
        what was voiced after its preposition or in its "that" clause; the speaker is its
        possessor or the subject of the verb that voices it."""
        out = []
        for noun in self.doc:
            if noun.pos_ != "NOUN":
                continue
            what = _view_content(noun)
            if what is None or what.lower_ in ("it", "this", "that") and what.n_lefts + what.n_rights == 0:
                continue  # "her professed opposition to it": a view of nothing the reader is shown
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None:
                # the noun's verb, for the speaker's subject and a cue, is the noun itself
                if owner.lower_ in ("its", "their", "our", "my", "your") or not (
                        owner.lower_ in ("his", "her") or self._can_speak(owner)):
                    continue
                cue = noun
                holder = noun.head.head if noun.head.dep_ == "prep" else noun.head
                subject = _subject(holder) if holder.pos_ in ("VERB", "AUX") and holder.lemma_.lower() in VOICING_VERBS else None
                example_of = _owner_of_example(owner) if owner.lower_ in ("his", "her") else None
                if example_of is not None:
                    owner = example_of
                elif owner.lower_ in ("his", "her") and subject is not None and subject.i < owner.i and self._can_speak(subject):
                    # "Trump is doubling down on his support for …": the one who voices it again
                    # is the subject that "his" points back to.
                    owner = subject
                elif owner.lower_ in ("his", "her"):
                    owner = _named_owner_above(noun) or owner
            elif noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in VOICING_VERBS and noun.head.pos_ == "VERB" \
                    and _subject(noun.head) is not None and not any(c.dep_ in ("nsubjpass", "auxpass") for c in noun.head.children):
                cue = noun.head
                # "the report renewed Republican calls for …": the calls are the Republicans'
                owner = next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"), None)
            else:
                continue
            if what.dep_ in ("acl", "ccomp"):
                start, end = self._clause_span(what)
            else:
                start = what.left_edge.idx
                last = what.right_edge
                while last.i > what.i and _stranded(last):
                    last = last.nbor(-1)
                end = self._clause_end(last.idx + len(last.text), start)
            if "\n" in self.text[start:end] or any(s < end and start < e for s, e in covered):
                continue
            self._view_owners[(start, end)] = owner.i if owner is not None else None
            out.append((start, end, cue, "indirect"))
        return out
