"""Attributions to a source named without a speech verb: "according to X" clauses, a clause
set in a poll or survey ("In a poll released Monday, …"), and a line opened by a name and
a colon (headlines "Kerry: …", "Poll: …", transcripts "TAPPER: …", "…, says pollster Ana
Ruiz: “…”")."""

from __future__ import annotations

import re
from typing import Any

from .._text import DATELINE, capitalised
from ..model import Quote
from .attribution import Attribution
from .attribution_words import (
    SPEECH_VERBS, INDIRECT_VERBS, MIN_UNCUED_QUOTE_WORDS, HEADLINE_SOURCE_NOUNS,
    MAX_HEADLINE_SOURCE_WORDS, POLL_NOUNS, OPINION_NOUNS, FIRST_PERSON, CIRCUMSTANCE_MARKS, DOCUMENT_NOUNS,
    RECORD_NOUNS, RESEARCH_NOUNS, FINDING_WORDS, MAX_RECORD_SOURCE_WORDS, PERSON_NOUNS, FINITE_TAGS,
)
from .quote_context import FinderBase
from .quote_cues import _according_to
from .quote_marks import _words


#: The labels of an interview's turns: the question, the answer.
INTERVIEW_LABELS = ("Q", "A")
#: Mentions that make the person an interview is with: the title and the introduction.
INTERVIEWEE_MENTIONS = 2
_PLACE_OR_ADDRESSEE = re.compile(r"\s+(?:at|in|to|before|on)\s+[^,;:]{1,40}")


#: The longest source a title puts before a colon in any form ("Carly Fiorina: 'Fair game.'").
MAX_TITLE_SOURCE_WORDS = 3
#: Prepositions that tell whose records or study they are ("a survey by the port
#: authority finds", "a review of court filings shows").
SOURCE_PREPS = frozenset({"by", "of", "from", "for"})


def _record_head(words: Any) -> Any:
    """The noun of records or a study that heads a phrase: its last noun before any
    preposition ("a survey by the port authority" → "survey"), else None."""
    head = None
    for word in words:
        if word.pos_ == "ADP":
            break
        if word.pos_ == "NOUN":
            head = word
    if head is None or head.lemma_.lower() not in RECORD_NOUNS | RESEARCH_NOUNS or head.tag_ == "NNP":
        return None
    return head


def _people_in_plural(word: str) -> bool:
    """Whether a word names people in the plural ("Insiders", "Voters"): a headline's source."""
    return word.lower().endswith("s") and word.lower()[:-1] in PERSON_NOUNS


def _runs_on(word: Any, aside_start: Any) -> bool:
    """Whether the clause around an aside runs on in the phrase after it: a preposition
    hung on a word before the aside ("Most oppose the levy, a survey finds, with many
    calling it unfair")."""
    return word.pos_ == "ADP" and word.head.i < aside_start.i - 1


def _closes_sentence(phrase: Any) -> bool:
    """Whether a phrase after its head is the last thing in its sentence but punctuation."""
    sent = phrase.sent
    last = max((t.i for t in sent if not t.is_punct and not t.is_space), default=phrase.i)
    return phrase.i > phrase.head.i and phrase.right_edge.i == last


#: Dependencies that stay in a clause's own predicate ("continues to lead", "trails Varga by
#: 9 points", "came in second"): a phrase reached through them places that clause; subjects,
#: asides and clauses of their own ("Varga, who leads in the polls, said") are not entered.
PREDICATE_DEPS = frozenset({"xcomp", "prep", "pobj", "dobj", "npadvmod", "advmod", "acomp", "attr", "oprd", "dative",
                            "quantmod", "nummod", "amod", "compound", "pcomp", "prt", "aux", "neg"})


def _closes_clause(phrase: Any) -> bool:
    """Whether a phrase ends its sentence, but for punctuation, a time after it ("leads in
    every poll this year", "in the survey released Monday") and the margin of a lead ("trails
    in the latest poll by 9 points", "led in every survey, usually by double digits")."""
    last = phrase.right_edge.i
    margins = {t.i for by in phrase.sent if _a_margin(by) and by.i > last for t in by.subtree}
    rest = [t for t in phrase.sent if t.i > last and not t.is_punct and not t.is_space and t.i not in margins]
    return all(t.ent_type_ in ("DATE", "TIME") or t.dep_ == "advmod" and t.head.i in margins for t in rest)


def _a_margin(by: Any) -> bool:
    """A "by" phrase giving a number the lead is by ("by 9 points", "by double digits")."""
    return by.lower_ == "by" and by.dep_ == "prep" and any(
        t.like_num or t.ent_type_ in ("CARDINAL", "PERCENT", "QUANTITY") or t.lemma_.lower() in ("digit", "point")
        for t in by.subtree if t.i > by.i)


def _poll_phrases_within(root: Any) -> list[Any]:
    """"Varga continues to lead in the polls", "Brennick trails by 9 points in the latest
    survey": an "in" phrase naming a poll deeper in the main clause's predicate than the
    verb itself, closing the sentence; the clause is what the poll found."""
    out = []
    stack = [c for c in root.children if c.dep_ in PREDICATE_DEPS]
    while stack:
        token = stack.pop()
        if token.dep_ == "prep" and token.lower_ == "in" and token.head.i != root.i and token.i > root.i \
                and any(c.dep_ == "pobj" and _names_poll(c) for c in token.children) and _closes_clause(token):
            out.append(token)
            continue
        stack.extend(c for c in token.children if c.dep_ in PREDICATE_DEPS)
    return out


def _names_poll(noun: Any) -> bool:
    """Whether a noun names a poll or survey, or an average of them ("the average of recent
    polls")."""
    if noun.lemma_.lower() in POLL_NOUNS:
        return True
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return of is not None and any(c.dep_ == "pobj" and c.lemma_.lower() in POLL_NOUNS for c in of.children)


def _opinion_owner(noun: Any) -> Any:
    """The one whose mind a noun names ("her view", "Varga's opinion", "my point of view"),
    or None when the noun is no such noun or has no owner."""
    if noun.lemma_.lower() == "point":
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None or not any(c.dep_ == "pobj" and c.lower_ == "view" for c in of.children):
            return None
    elif noun.lower_ not in OPINION_NOUNS:
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


#: "On" right before a name in a headline's source ("Port Chief On Varga: …"): the name is
#: what the source speaks about.
_TOPIC_BEFORE = re.compile(r"\b[Oo]n\s+$")
#: The "On" that opens what a headline's source speaks about.
_TOPIC_WORD = re.compile(r"\s[Oo]n\s")


class SourceAttributions(FinderBase):
    """The phases that attribute to a source named by a phrase or a colon."""

    def _according_clauses(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"According to Politico, the GOP leaners seem enamored with Trump": the rest of the
        sentence is what the source says."""
        out = []
        for sent in self.doc.sents:
            pobj = _according_to(sent)
            if pobj is None:
                continue
            according = pobj.head.head
            start, end = self._according_side(according)
            # "according" itself, not its subtree: the parser may hang "That is" on it
            s_start, p_start = sent.start_char, according.idx
            pointer = re.fullmatch(r"\s*(that|this|these|those)(?:’s|'s|\s+(?:is|was|are|were))\s*", self.text[s_start:p_start], re.I)
            if pointer is not None:
                # "That’s according to a new poll": the pronoun stands for what the sentence
                # before said, and the source says it.
                start, end = s_start + pointer.start(1), s_start + pointer.end(1)
                self._short_answers.add((start, end))
                self._pointers.add((start, end))
                if any(s < end and start < e for s, e in covered):
                    continue
                out.append((start, end, according, "indirect"))
                continue
            if _words(self.text[start:end]) < MIN_UNCUED_QUOTE_WORDS or any(s < end and start < e for s, e in covered):
                continue
            out.append((start, end, according, "indirect"))
        return out

    def _according_side(self, according: Any) -> tuple[int, int]:
        """Characters of what an "according to" phrase attributes: the longer side of its
        sentence, without the phrase and the punctuation around it."""
        sent = according.sent
        phrase = list(according.subtree)
        p_start = phrase[0].idx
        p_end = phrase[-1].idx + len(phrase[-1].text)
        s_start, s_end = sent.start_char, sent.end_char
        # the parser may run a sentence over a paragraph break ("…, according to the Pew
        # Research Center, although …\n\n30,000."); the phrase vouches for its own paragraph
        before = self.text.rfind("\n", s_start, p_start)
        s_start = before + 1 if before >= 0 else s_start
        after = self.text.find("\n", p_end, s_end)
        s_end = after if after >= 0 else s_end
        while s_end > s_start and self.text[s_end - 1] in ".,;: \n\u2014":
            s_end -= 1
        sides = [(s_start, p_start), (p_end, s_end)]
        opener = re.match(r"[\s,;:\u2014]*(\w+)", self.text[p_end:s_end])
        if opener and opener.group(1).lower() in CIRCUMSTANCE_MARKS and _words(self.text[s_start:p_start]) >= MIN_UNCUED_QUOTE_WORDS:
            sides = sides[:1]  # "…, according to Pew, although few of them won": the writer's aside after it
        start, end = max(sides, key=lambda r: r[1] - r[0])
        if self._inverted_around(according, s_start, p_start, s_end):
            # "Among the rulings at risk, according to Holm, are 16 on trade": the verb after
            # the phrase has its subject after it and what it is said of before it; the whole
            # sentence is what the source says, the phrase set into it
            start, end = s_start, s_end
            self._inserted[(start, self._clause_end(end, start))] = (p_start, p_end)
        cut = self.text.rfind(":", start, end)
        if end == p_start and cut >= 0 and _words(self.text[cut:end]) >= MIN_UNCUED_QUOTE_WORDS \
                and not any(s <= cut < e for s, e in self._quoted):
            # "…: Orsk was the busiest port of the coast, according to one index": a phrase
            # closing the sentence vouches for the clause after the colon (not one of a quoted
            # title, "“Crippled America: How to …”")
            start = cut + 1
        start += len(self.text[start:end]) - len(self.text[start:end].lstrip(" ,;:\u2014\xa0"))
        dateline = DATELINE.match(self.text, start, end)
        if dateline and _words(self.text[dateline.end() : end]) >= MIN_UNCUED_QUOTE_WORDS:
            start = dateline.end()  # "PORT ELLEN — …, according to the port": the wire's place line says nothing
        return start, self._clause_end(end, start)

    def _inverted_around(self, according: Any, s_start: int, p_start: int, s_end: int) -> bool:
        """Whether an "according to" phrase sits between a fronted phrase with no verb of
        its own and the sentence's verb ("Among the rulings at risk, according to Holm, are
        16 …")."""
        phrase = list(according.subtree)
        after = next((t for t in according.doc[phrase[-1].i + 1 :] if not t.is_punct), None)
        before = [t for t in according.sent if s_start <= t.idx < p_start and not t.is_punct]
        return after is not None and after.idx < s_end and after.tag_ in FINITE_TAGS and bool(before) \
            and before[0].pos_ == "ADP" and not any(t.tag_ in FINITE_TAGS for t in before) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < after.i for c in after.children)

    def _record_asides(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"The board raised $5 million, port records show", "In May, port records show, the
        ferry sailed twice": records or a study set off by commas after or inside a clause
        state that clause, whatever the parser made of the finding verb (a noun "show", or
        "records" a compound of it)."""
        out = []
        for cue in self.doc:
            aside = self._record_aside(cue)
            if aside is None:
                continue
            first, noun = aside
            sent = cue.sent
            after = self.doc[cue.i + 1]
            closes = after.is_sent_end or after.text in ".;!?" or after.i + 1 >= sent.end or "\n" in after.text
            # "…, records show, and experts say …": the aside closes the clause before it;
            # "owns two boats and, records show, does not use them": it opens the one after
            before = self.doc[first.i - 2] if first.i - 2 >= sent.start else None
            if before is not None and before.dep_ == "cc":
                words = [t for t in sent if t.i > cue.i + 1]
            elif closes or self.doc[cue.i + 2].dep_ == "cc" or not _runs_on(self.doc[cue.i + 2], first) and not any(
                    t.head.i > cue.i + 1 for t in sent if t.i < first.i - 1) and any(
                    t.tag_ in FINITE_TAGS for t in sent if t.i < first.i - 1):
                # (a clause that runs on past the aside has a word before it hung on one after
                # it, or no finite verb before it: "Soon after the vote, records show, …")
                words = [t for t in sent if t.i < first.i - 1]
            else:
                words = [t for t in sent if t.i < first.i - 1 or t.i > cue.i + 1]
            words = [t for t in words if not t.is_space]
            while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
                words.pop()
            if not words or "\n" in self.text[words[0].idx : words[-1].idx]:
                continue
            start = words[0].idx
            end = self._clause_end(words[-1].idx + len(words[-1].text), start)
            if start < first.idx < end and any(first.idx < e and s < end for s, e in covered):
                # what runs on past the aside holds an attribution of its own ("…, with many
                # calling it unfair"): the aside states the clause before it
                end = self._clause_end(self.doc[first.i - 2].idx + len(self.doc[first.i - 2].text), start)
            if _words(self.text[start:end]) < MIN_UNCUED_QUOTE_WORDS or any(s < end and start < e for s, e in covered):
                continue
            if start < first.idx < end:
                self._inserted[(start, end)] = (self.doc[first.i - 1].idx, after.idx + len(after.text))
            self._record_sources[cue.i] = (first.i, noun.i)
            out.append((start, end, cue, "indirect"))
        return out

    def _record_aside(self, cue: Any) -> tuple[Any, Any] | None:
        """The first and last words of records or a study set off by a comma before a
        finding word ("…, campaign finance records show", "…, a survey by the port finds"),
        or None."""
        if cue.lower_ not in FINDING_WORDS or cue.i + 1 >= len(self.doc) or cue.i < 2:
            return None
        after = self.doc[cue.i + 1]
        if not (after.text in (",", ".", ";") or "\n" in after.text):
            return None
        first = self.doc[cue.i - 1]
        while first.i > cue.sent.start and cue.i - first.i <= MAX_RECORD_SOURCE_WORDS:
            previous = self.doc[first.i - 1]
            if previous.text == ",":
                noun = _record_head(self.doc[first.i : cue.i])
                return (first, self.doc[cue.i - 1]) if noun is not None else None
            if previous.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV", "CCONJ", "PART") and not (
                    previous.pos_ == "ADP" and previous.lower_ in SOURCE_PREPS) or previous.is_punct \
                    and previous.text not in ("-", "/"):
                return None
            first = previous
        return None

    def _source_openings(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"In a poll released Monday, 50 percent chose the mayor", "Varga leads by 8 points
        in the latest survey": a clause that opens or ends by placing itself in a poll or
        survey states what that source found; the source is the phrase, and what was found
        is the rest of the clause."""
        out = []
        for sent in self.doc.sents:
            root = sent.root
            if (root.lemma_.lower() in INDIRECT_VERBS or root.lemma_.lower() in SPEECH_VERBS) \
                    and not any(c.dep_ == "xcomp" for c in root.children):
                # "In a study, the group found …": the clause names its own source ("continues
                # to lead in the polls" is no speech)
                continue
            deeper = _poll_phrases_within(root)
            for opener in list(root.children) + deeper:
                # a clause that opens with its source ("In a poll released Monday, …") or ends
                # with it ("Varga leads by 8 points in the latest survey")
                if opener.dep_ != "prep" or opener.lower_ not in ("in", "from") or opener.i != sent.start \
                        and not _closes_sentence(opener) and opener not in deeper \
                        and not (opener.i > root.i and _closes_clause(opener)):
                    continue
                source = next((c for c in opener.children if c.dep_ == "pobj"), None)
                # "In her view, the council could win": a clause placed in someone's mind is what
                # they think ("from my point of view" too); a poll is only ever "in"
                if source is None or not (_names_poll(source) and opener.lower_ == "in" or _opinion_owner(source) is not None):
                    continue
                phrase = list(opener.subtree)
                clause = [t for t in root.subtree if t.i < phrase[0].i or t.i > phrase[-1].i]
                if opener.i > root.i and opener not in deeper and not _closes_sentence(opener):
                    # "While Varga leads in Orsk, she trails Holm in the latest poll by 9
                    # points": the poll found the clause it closes, not the margin after it nor
                    # a side clause before the subject
                    aside = {t.i for c in root.children if c.dep_ == "advcl" and c.i < root.i for t in c.subtree}
                    clause = [t for t in clause if t.i < phrase[0].i and t.i not in aside]
                if opener.i < root.i:
                    # the source may carry its date ("In a poll last month, …"), but no clause of its own
                    comma = next((t.i for t in sent if source.i < t.i and t.text == ","), None)
                    if comma is None or comma - source.i > 8 or any(
                            t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in self.doc[source.i : comma]):
                        continue
                    clause = [t for t in clause if t.i > comma]
                words = [t for t in clause if not t.is_space and not t.is_punct]
                if not words:
                    continue
                start = words[0].idx
                end = self._clause_end(words[-1].idx + len(words[-1].text), start)
                if "\n" in self.text[start:end]:
                    continue
                if _words(self.text[start:end]) < MIN_UNCUED_QUOTE_WORDS or any(s < end and start < e for s, e in covered):
                    continue
                out.append((start, end, opener, "indirect"))
        return out

    def _colon_attributions(self, covered: list[tuple[int, int]]) -> list[Attribution]:
        """"Kerry: the law sets the maximum …" — a line that opens with a person's or an
        organisation's name and a colon attributes the rest of the line to them (headlines)."""
        out = []
        for m in re.finditer(r"(?m)^([^\n:]{1,60}):[ \t]+([^\n]+)$", self.text):
            name_start, name_end = m.span(1)
            c_start, c_end = m.span(2)
            # a closing single mark only after an opening one ("Varga: ‘We Will Rebuild.’"); else
            # it may end a word ("the Joneses’")
            closers = " .\"”’" if m.group(2).lstrip().startswith("‘") else " .\"”"
            c_end = len(self.text[:c_end].rstrip(closers))
            c_start += len(m.group(2)) - len(m.group(2).lstrip("“\"‘ "))
            if _words(self.text[c_start:c_end]) < MIN_UNCUED_QUOTE_WORDS or any(s < c_end and c_start < e for s, e in covered):
                continue
            if not self._says_something(c_start, c_end) and not self._a_title_statement(name_start, name_end):
                continue  # "Elizabeth Burton: Possession of methamphetamine, held in jail …": a list of charges
            eid = None
            span = None
            rank = 0
            for (article, start, end), entity in self.index.by_mention.items():
                if article != self.annotation.article.id or not (name_start <= start and end <= name_end):
                    continue
                known = self.index.get(entity)
                if known is None or known.type not in ("PERSON", "ORG"):
                    continue
                if _TOPIC_BEFORE.search(self.text[name_start:start]):
                    continue  # "Port Chief On Varga: ‘…’": the one spoken of, not the speaker
                if self._verb_between(name_start, start):
                    continue  # "It's not only the unions in Ostland: …" names no one who speaks
                tail = self.text[end:name_end]
                # "Mukasey at RNC: …", "Obama to Putin: …": the person speaks where or to whom
                # the phrase after them says
                fit = 2 if known.type == "PERSON" and _PLACE_OR_ADDRESSEE.fullmatch(tail) else int(tail.strip(" ’'s") == "")
                if fit and fit >= rank:
                    eid, span, rank = entity, (start, end), fit
            unnamed = False
            if eid is None:
                topic = _TOPIC_WORD.search(self.text[name_start:name_end])
                source_end = name_start + topic.start() if topic else name_end
                eid, span, unnamed = self._headline_source(name_start, source_end)
            if span is None:
                eid, span = self._transcript_speaker(name_start, name_end)
                unnamed = span is not None and eid is None  # an interview's "Q", or an answer of no one named
                if eid is not None and any(self.index.by_mention.get((self.annotation.article.id, s, e)) == eid
                                           for (a, s, e) in self.index.by_mention if c_start <= s < c_end):
                    # "Ana Ruiz: Pensions\nLast year Ruiz proposed …" is a heading over a story
                    # about her; a speaker's own turn does not name her in the third person
                    eid, span = None, None
            if span is None:
                continue
            quote = Quote(id="", article=self.annotation.article.id, speaker=eid, speaker_text=self.text[span[0]:span[1]],
                          speaker_span=span, cue=":", channel=None, text=self.text[c_start:c_end], span=(c_start, c_end),
                          kind="direct")
            out.append(Attribution(quote, 0.8, (name_end, name_end + 1), unnamed=unnamed))
        return out

    def _verb_between(self, start: int, end: int) -> bool:
        """Whether a verb comes between two characters: a clause before a name ("It's not
        only the unions in Ostland") makes the name a part of what it says."""
        words = self.doc.char_span(start, end, alignment_mode="expand") if end > start else None
        return words is not None and any(t.pos_ in ("VERB", "AUX") for t in words)

    def _a_title_statement(self, name_start: int, name_end: int) -> bool:
        """Whether a colon after one source opens the article's title: a headline puts what
        someone said after their name in any form ("Varga: Time for a new pier", "Holm: Trust
        the board", "Ruiz: 'Never give up.'"); two names joined are its subject ("Varga and
        Holm: A long rivalry"), and so is a clause ("Bill is back: …") or a column's long name."""
        name = self.doc.char_span(name_start, name_end, alignment_mode="expand")
        return not self.text[:name_start].strip() and name is not None and len(name) <= MAX_TITLE_SOURCE_WORDS \
            and not any(t.lower_ in ("and", "&") or t.tag_ in FINITE_TAGS for t in name)

    def _says_something(self, start: int, end: int) -> bool:
        """Whether the words after a name and a colon are a statement: a finite verb or a
        first person among them, quotation marks around them, or a headline's capitals
        (which the tagger reads as names: "Poll: Wealthy Voters Abandon …")."""
        if self.text[max(0, start - 1) : start] in ("“", '"') or any(s <= start and end <= e for s, e in self._quoted):
            return True
        capitals = capitalised(self.text[start:end])
        if capitals and sum(capitals) >= 0.6 * len(capitals):
            return True
        words = self.doc.char_span(start, end, alignment_mode="expand")
        return words is None or any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") or t.lower_ in FIRST_PERSON | {"me", "my", "us", "our"}
                                    for t in words)

    def _named_before_colon(self, start: int) -> tuple[str, tuple[int, int]] | None:
        """The person a colon hands a quote to ("…, says pollster Ana Ruiz: “…”", "doesn’t
        surprise pollster Ana Ruiz: “…”"): the name that ends the text before the colon."""
        before = self.text[:start].rstrip(" \t\xa0“\"‘'`")  # a no-break space too ("McDonald:\xa0“…”")
        if not before.endswith(":"):
            return None
        colon = len(before) - 1
        name_end = len(self.text[:colon].rstrip())
        # "From Bush's Facebook post: “…”": the one whose document it is
        ends = {name_end}
        document = re.search(r"(['’]s?)\s+(?:[\w-]+\s+){0,2}(\w+)$", self.text[max(0, name_end - 60) : name_end])
        if document and document.group(2).lower() in DOCUMENT_NOUNS:
            owner_end = name_end - len(document.group(0))
            ends = {owner_end, owner_end + len(document.group(1))}  # the tagger may keep the "'s"
        for (article, m_start, m_end), eid in self.index.by_mention.items():
            if article != self.annotation.article.id or m_end not in ends:
                continue
            entity = self.index.get(eid)
            if entity is not None and entity.type == "PERSON" and "\n" not in self.text[m_start:start]:
                return eid, (m_start, m_end)
        return None

    def _named_after_comma(self, end: int) -> tuple[str, tuple[int, int]] | None:
        """The person named right after a quotation closed by a comma when no verb follows
        in the sentence ("“…,” Varga from his desk in Orsk."): the writer left the verb out,
        and the name is the speaker's (a surname the tagger took for a word is looked up)."""
        closing = re.match(r",\s*(?:[”\"’]|'')\s*", self.text[end : end + 6])
        if closing is None or self.annotation.doc is None:
            return None
        name_start = end + closing.end()
        named = next(((m_end, eid) for (article, m_start, m_end), eid in self.index.by_mention.items()
                      if article == self.annotation.article.id and m_start == name_start), None)
        if named is None:
            word = re.match(r"[A-Z][\w’'-]+", self.text[name_start : name_start + 40])
            eid = self.index.lookup(word.group(), ("PERSON",), self.annotation.article.id) if word else None
            named = (name_start + word.end(), eid) if eid is not None else None
        entity = self.index.get(named[1]) if named is not None else None
        if entity is None or entity.type != "PERSON":
            return None
        name = self.annotation.doc.char_span(name_start, named[0], alignment_mode="expand")
        if name is None or not len(name):
            return None
        doc = name.doc
        stop = next((t for t in doc[name.end : name.end + 12] if t.text == "."), None)
        after = list(doc[name.end : stop.i]) if stop is not None else []
        if stop is None or "\n" in self.text[named[0] : stop.idx] \
                or any(t.pos_ in ("VERB", "AUX") or t.text in ("“", '"', ":", ";") for t in after):
            return None
        return named[1], (name_start, named[0])

    def _person_by_surname(self, name: str) -> str | None:
        """The one person of the story whose surname ``name`` is ("Varga" when the story
        names only "Ilse Varga", "VARGA" in a transcript); None when two share it. Headlines
        and transcripts name people by surname where the parser finds no name."""
        words = re.findall(r"[^\W\d_]+", name)
        if len(words) != 1:
            return None
        surname = words[0].lower()
        found = {e.id for e in self.index.entities if e.type == "PERSON"
                 and any([w.lower() for w in re.findall(r"[^\W\d_]+", n)][-1:] == [surname]
                         for n in (e.name, *e.aliases))}
        return found.pop() if len(found) == 1 else None

    def _transcript_speaker(self, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
        """The speaker a transcript line opens with ("TAPPER: Do you think …", "Lopez: Well,
        …"): a short capitalised name on a paragraph of its own that is someone the story
        names. Other labels ("Update: …", "Editor's note: …") name no one the story knows."""
        if start > 0 and self.text[start - 1] != "\n":
            return None, None
        name = self.text[start:end].strip()
        if name in INTERVIEW_LABELS and self._interview():
            # "Q: … / A: …": the interviewer asks, the one the interview is with answers
            return (self._interviewee() if name == "A" else None), (start, start + len(name))
        words = name.split()
        if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return None, None
        eid = self.index.lookup(name, ("PERSON",)) if len(words) > 1 else None
        eid = eid or self._person_by_surname(words[-1])
        if eid is None:
            return None, None
        return eid, (start, start + len(name))

    def _interview(self) -> bool:
        """Whether the article is an interview set out as questions and answers: at least
        two lines opened by "Q:" and two by "A:"."""
        return all(len(re.findall(rf"(?m)^{label}:[ \t]", self.text)) >= 2 for label in INTERVIEW_LABELS)

    def _interviewee(self) -> str | None:
        """The person an interview is with: the one its title and introduction name more
        than anyone else (twice or more), else no one named."""
        counts = self.context.mention_counts.most_common(2)
        if not counts or counts[0][1] < INTERVIEWEE_MENTIONS or len(counts) > 1 and counts[1][1] == counts[0][1]:
            return None
        return counts[0][0]

    def _headline_source(self, start: int, end: int) -> tuple[str | None, tuple[int, int] | None, bool]:
        """The source before the colon of a headline when the parser tagged no name there
        (title case misleads it): a name the article's entities know ("Lynch: …" when the
        story names Loretta Lynch), or a source noun ("Poll: …"). Other headings ("The
        Latest: …", "Delegate Update: …") attribute nothing."""
        if self.text[:start].strip():
            return None, None, False  # only the title line: body lines with colons are lists and labels
        name = self.text[start:end].strip()
        words = name.split()
        if not 1 <= len(words) <= MAX_HEADLINE_SOURCE_WORDS:
            return None, None, False
        # "Port Chief On Varga: …": the one person the story gives that title ("Port
        # Chief Ada Lind"), before the body the title names
        title = tuple(w.rstrip(".").lower() for w in words)
        titled = [eid for eid, titles in self.index.titles.items() if title in titles]
        eid = titled[0] if len(titled) == 1 else None
        if eid is None and words[-1][:1].isupper():
            # (a phrase ending in small letters is the headline's topic: "Lusk harbour fire: …"
            # is no body named "Fire")
            eid = self.index.lookup(name, ("PERSON", "ORG")) or self._person_by_surname(name)
        if eid is not None:
            return eid, (start, end), False
        if words[-1].lower() in HEADLINE_SOURCE_NOUNS or _people_in_plural(words[-1]):
            return None, (start, end), True
        return None, None, False
