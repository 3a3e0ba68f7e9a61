"""Direct quotes: the cue that introduces a passage in quotation marks (the speech verb
that governs it, an attribution inserted in it or handed over to by a comma or colon, a
verb in a sentence of its own beside it), quoted names that are a channel, not words
said, and mixed quotes, a quoted fragment inside reported speech whose content is the
clause around it."""

from __future__ import annotations

import re
from typing import Any

from ..nlp import tokens_starting_in
from .attribution_words import (
    DEMAND_VERBS, STANCE_VERBS, REASON_PREPS, PREP_OBJECT_VERBS, LISTENER_VERBS, CHANNEL_PREPS,
    COMMIT_VERBS, OPENERS, MAX_ATTRIBUTING_GAP, PRONOUNS, MIN_QUOTE_WORDS, MIN_UNCUED_QUOTE_WORDS,
)
from .quote_context import FinderBase
from .quote_cues import _complement, _is_speech, _predicate_read_as_report, _put_it, _voiced_object
from .quote_marks import _past_closing_mark, _words
from .quote_subjects import _subject


# "on CNN’s ", "on the network’s ", "on ": a preposition of medium, then the owner's name
_CHANNEL_BEFORE = re.compile(r"\b(?:%s)\s+(?:(?:the\s+)?(?:[A-Z][\w.&-]*\s+)*[\w.&-]+[’']s\s+)?[“\"‘']*$"
                             % "|".join(sorted(CHANNEL_PREPS)))


def _second_object(verb: Any, obj: Any) -> Any:
    """A noun joined by "and" or "or" to a verb's object but hung by the parser on the verb
    itself, with nothing but the conjunction (and a closing quotation mark) between them;
    None otherwise."""
    if obj.dep_ not in ("dobj", "obj") or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = obj.doc
    cc = next((c for c in verb.children if c.dep_ == "cc" and c.lower_ in ("and", "or") and c.i > obj.right_edge.i
               and all(t.is_quote for t in doc[obj.right_edge.i + 1 : c.i])), None)
    if cc is None:
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.left_edge.i == cc.i + 1 and c.pos_ in ("NOUN", "PROPN")), None)


#: Verbs by which a subject of its own gives the quoted label ("cast her as “reckless”", "called
#: it “a farce”"); not those of seeing ("voters see him as “crazy”"), where the words are the
#: reporter's reading of a view.
PORTRAYING_VERBS = frozenset({"call", "label", "brand", "dub", "cast", "paint", "dismiss"})


def _stance_between(verb: Any, inside: list[Any]) -> Any:
    """A participle of taking a stance, no verb of speech, set beside ``verb``, that the
    quote's words hang under on their way up to it ("continued on, mocking Holm's boast of
    “…”"), else None."""
    if not inside:
        return None
    current = inside[0]
    for _ in range(12):
        if current.head.i == current.i or current.i == verb.i:
            return None
        current = current.head
        if current.i == verb.i:
            return None
        if current.pos_ == "VERB" and current.tag_ == "VBG" and current.dep_ in ("advcl", "conj", "xcomp") \
                and current.lemma_.lower() in STANCE_VERBS and not _is_speech(current):
            return current  # (a stance in the clause reported, "said she would back “…”", is said)
    return None


def _past_writers_quote(verb: Any) -> Any:
    """The speech verb a writer's "and I quote" is set beside ("Varga said, and I quote,
    “…”"): the writer vouches for the wording, the one who said it speaks; else the verb."""
    subject = _subject(verb)
    if verb.lemma_.lower() == "quote" and verb.dep_ == "conj" and _is_speech(verb.head) and subject is not None \
            and subject.lower_ in ("i", "we") and not any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return verb.head
    return verb


class DirectQuotes(FinderBase):
    """The cue verb of each quoted passage, and the clause around a mixed quote."""

    def _labelled_by_another(self, verb: Any, start: int, end: int) -> bool:
        """Whether the quoted words are a label that a clause under ``verb`` with a subject of
        its own gives ("Varga said she left because the governor cast her as “reckless”"): the
        label is the governor's, however the parser hung the clause on the speech verb."""
        words = self.doc.char_span(start, end, alignment_mode="expand")
        speaker = _subject(verb)
        if not words or speaker is None:
            return False
        for head in words[0].ancestors:  # (the first word tells where the parser hung the quote)
            if head.i == verb.i:
                return False
            subject = _subject(head)
            portrayed = any(c.dep_ in ("dobj", "obj") and c.idx < start for c in head.children)  # not "calls for"
            if head.lemma_.lower() in PORTRAYING_VERBS and portrayed and not start <= head.idx < end \
                    and subject is not None and subject.i != speaker.i and not start <= subject.idx < end:
                return True
        return False

    def _introduced_and_relayed(self, candidates: list[Any], start: int, end: int) -> Any:
        """The verb that introduces a quote with a colon when an outlet's report follows it
        ("Varga said: “…,” the Herald reported"): the one named before the colon spoke, the
        outlet only relays it (kept in :attr:`_relays`); None for any other quote."""
        introducer = next((v for v in candidates if v.idx < start and v.tag_ in ("VBD", "VBZ", "VBP")
                           and re.fullmatch(r"\s*:\s*(?:[“\"‘]|``)", self.text[v.idx + len(v.text) : start])
                           and (subject := _subject(v)) is not None and subject.idx < v.idx), None)
        if introducer is None:
            return None
        relay = next((v for v in candidates if v.idx >= end and (subject := _subject(v)) is not None
                      and subject.idx >= end and v.head.i == introducer.i), None)
        if relay is None:
            return None
        self._relays[(start, end)] = relay
        return introducer

    def _quote_verb(self, sent: Any, start: int, end: int) -> Any:
        """The speech verb of a sentence that governs the quoted span."""
        inside = [t for t in sent if start <= t.idx < end]
        # The parser's sentence can run over a paragraph break ("“…”\n\nSanders, who …, said
        # he …"): a verb in another paragraph does not introduce the quote.
        # "will continue to be “a champion”" goes on being, it does not go on speaking
        candidates = [t for t in sent if _is_speech(t) and not (start <= t.idx < end)
                      and "\n" not in self.text[min(t.idx, end) : max(t.idx, start)]
                      and not (t.lemma_.lower() == "continue" and any(c.dep_ in ("xcomp", "dobj") and c.i > t.i for c in t.children))]
        if not candidates:
            return None
        candidates = list({v.i: v for v in map(_past_writers_quote, candidates)}.values())
        # "Varga went on, mocking Holm's boast of “a stronger deal”": the words are what the
        # stance is about, the one it mocks said them; the stance reports them, not the verb
        candidates = [v for v in candidates if _stance_between(v, inside) is None]
        if not candidates:
            return None
        # "Nothing the mayor said “will calm them,” Brel said": the words are the predicate
        # of "Nothing", which the relative clause only describes; the verb after them is the cue
        candidates = [v for v in candidates if _predicate_read_as_report(v) is None] or candidates
        handed = self._handed_over(candidates, start, end)
        if handed is not None:
            return handed
        introduced = self._introduced_and_relayed(candidates, start, end)
        if introduced is not None:
            return introduced
        opening = next((v for v in candidates if v.tag_ == "VBG" and v.idx < start and not any(c.i > v.i for c in v.children
                        if not c.is_punct) and re.fullmatch(r"[\s,:]*(?:[“\"‘]|''|``)", self.text[v.idx + len(v.text) : start])), None)
        if opening is not None:
            # "…, explaining, “because …”": a participle with nothing after it but the quote
            # introduces it, though the parser hangs the quote on the verb before
            return opening
        governed = []
        for verb in candidates:
            subtree = {t.i for t in verb.subtree}
            share = sum(t.i in subtree for t in inside) / max(1, len(inside))
            if share >= 0.5:
                governed.append((len(subtree), verb))
        if governed:
            return min(governed, key=lambda g: (g[0], g[1].i))[1]
        for verb in candidates:
            # "saying that Varga “didn’t have a video in mind, but he is being used …”": a quote
            # opening inside the clause a verb reports is that verb's, wherever the parser
            # hangs the rest of it
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
            if inside and verb.idx < start and clause is not None and clause.left_edge.idx < start \
                    and inside[0].i in {t.i for t in clause.subtree}:
                return verb
        for verb in candidates:
            # "The pier, Varga said, is “safe for now”": an attribution inserted in the clause
            # that holds the quote introduces it, though the parser hangs it aside.
            around = self._inserted_clause(verb) if verb.dep_ == "parataxis" else None
            if around is not None and around[0] <= start and end <= around[1] + 1:
                return verb
        for verb in candidates:
            # "Asked what he wants, Varga said, “A pier.”": a verb that opens the quote with
            # only a comma or colon between introduces it, however the parser joined the two.
            if verb.idx < start and re.fullmatch(r"[\s,:]*(?:[“\"‘]|''|``)", self.text[self._after_listener(verb, start) : start]) \
                    and _subject(verb) is not None and _subject(verb).i < verb.i:
                return verb
        for verb in candidates:
            # "As Varga said last week in Orsk, “…”": an "as" clause of saying, with its time and
            # place, hands over to the quote right after its comma
            words = [t for t in verb.subtree if not t.is_punct and t.idx < start]
            if verb.idx < start and verb.dep_ == "advcl" and words and words[0].lower_ == "as" and words[0].dep_ == "mark" \
                    and _subject(verb) is not None and _subject(verb).i < verb.i \
                    and re.fullmatch(r"[\s,:]*(?:[“\"‘]|''|``)", self.text[words[-1].idx + len(words[-1].text) : start]):
                return verb
        if self._closed_for_handover(end):
            # "“…,” Varga, 61, told the gazette": a quote closed by a comma hands over to
            # the attribution right after it, however the parser joined the two.
            for verb in sorted(candidates, key=lambda v: v.i):
                subject = _subject(verb)
                if verb.idx > end and subject is not None and end <= subject.idx and subject.i <= verb.i + 2 \
                        and len(self.text[end : verb.idx]) <= 60 and not re.search(r"[.;:\n]\s", self.text[end : verb.idx]):
                    return verb
                if verb.idx > end and subject is not None and end <= subject.idx < verb.idx \
                        and self._only_speaker_between(end, subject, verb):
                    # "“…,” Ilse Varga, the mayor since 2019 and a critic of the plan, said": a
                    # long apposition still only describes the speaker the quote hands over to
                    return verb
        # A quote that is the whole clause ("“…,” he said.") is often parsed as a sibling.
        outside = [t for t in sent if not (start - 1 <= t.idx <= end)]
        if len([t for t in outside if not t.is_punct]) <= 6 or sent.root in candidates:
            return min(candidates, key=lambda v: min(abs(v.idx - start), abs(v.idx - end)))
        return None

    def _closed_for_handover(self, end: int) -> bool:
        """Whether a quote ending at ``end`` is closed by a comma, question or exclamation
        mark, as a quote is that hands over to its attribution."""
        return bool(re.match(r"[,?!](?:[”\"’]|'')", self.text[end : end + 3])) or (
            self.text[end - 1 : end] in ("?", "!") and self.text[end : end + 1] in ("”", '"', "’", "'"))

    def _handed_over(self, candidates: list[Any], start: int, end: int) -> Any:
        """The attribution a quote set off by a dash hands over to right after it ("… but
        Moscow denies — “why …?” asked Dunn", "…,” Dunn said"), which the parser may leave
        outside the quote's clause and give to the verb before the dash. (Without the dash,
        "vowed to “rebuild …,” the Ledger reported" is the vow, relayed.)"""
        if not self._closed_for_handover(end) or not re.search(r"[—–]\s*(?:[“\"‘]|''|``)$", self.text[max(0, start - 5) : start]):
            return None
        for verb in candidates:
            subject = _subject(verb)
            if verb.idx <= end or subject is None or subject.pos_ != "PROPN" and subject.lower_ not in PRONOUNS:
                continue
            between = self.text[end : min(verb.idx, subject.left_edge.idx)]
            if len(between) <= 4 and (verb.i < subject.i <= verb.i + 3 or subject.i == verb.i - 1):
                return verb
        return None

    def _after_listener(self, verb: Any, start: int) -> int:
        """Where the words of a verb of telling end before a quote at ``start``: after the
        one spoken to ("telling reporters, “…”", "told the crowd: “…”") or the "it" of the
        idiom ("as Varga put it, “…”"), else after the verb."""
        after = verb.idx + len(verb.text)
        put_it = _put_it(verb)
        if verb.lemma_.lower() not in LISTENER_VERBS and not put_it:
            return after
        said_how = ("advmod",) if put_it else ()  # "put it bluntly, “…”"
        for c in verb.children:
            last = c.right_edge
            if c.i > verb.i and c.dep_ in ("dobj", "dative", "obj", *said_how) and last.idx + len(last.text) <= start:
                after = max(after, last.idx + len(last.text))
        return after

    def _title_of_channel(self, verb: Any, start: int, end: int) -> bool:
        """Whether a quoted name is where or to whom something was said, not what: a show or
        a paper in a phrase of the verb ("said on “Harbour Morning Live”", "told CNN’s “New
        Day”"), a name with no finite verb of its own."""
        if verb.lower_ == "according":
            return False
        inside = tokens_starting_in(verb.doc, start, end)
        if not inside or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in inside):
            return False
        lemma = verb.lemma_.lower()
        for c in verb.children:
            where = c.dep_ == "prep" and c.lower_ in CHANNEL_PREPS and c.lower_ not in PREP_OBJECT_VERBS.get(lemma, ())
            # "told CNN’s “New Day” that …" names the one spoken to; "tell him “no more”" says it
            listener = c.dep_ in ("dobj", "dative") and lemma in ("tell", "ask", "inform") \
                and re.search(r"[’']s?\s*[“\"‘]$", self.text[max(0, start - 5) : start]) is not None
            # a show named before the verb ("On Sunday, on “Harbour Morning Live,” Varga said")
            # is a channel too when it reads as a title: each word but "and", "of", … capitalised
            title = all(t.text[:1].isupper() for t in inside if t.is_alpha and not t.is_stop)
            if (c.i > verb.i or where and title) and (where or listener):
                if all(c.left_edge.i <= t.i <= c.right_edge.i for t in inside):
                    return True
        return end <= verb.idx and self._show_before(inside)

    def _show_before(self, inside: list[Any]) -> bool:
        """Whether quoted words before a speech verb are the title of a show or paper where it
        was said ("Sunday on the network’s “Harbour Live,” the mayor said …", "Speaking on
        “Harbour Live,” she said …"): each word but "and", "of", … capitalised, right after a
        preposition of place or medium and the owner's name. Read from the words, since the
        parser often runs such an opening into a sentence of its own."""
        if not all(t.text[:1].isupper() for t in inside if t.is_alpha and not t.is_stop):
            return False
        before = self.text[max(0, inside[0].idx - 80) : inside[0].idx]
        return _CHANNEL_BEFORE.search(before) is not None

    def _only_speaker_between(self, end: int, subject: Any, verb: Any) -> bool:
        """Whether the words between a quote's end and its speech verb are the subject and what
        describes it (appositions and their commas), with nothing else and no paragraph break."""
        if "\n" in self.text[end : verb.idx] or len(self.text[end : verb.idx]) > MAX_ATTRIBUTING_GAP:
            return False
        described = {t.i for t in subject.subtree}
        between = [t for t in self.doc[subject.left_edge.i : verb.i] if not t.is_punct and not t.is_space]
        lead = self.text[end : subject.left_edge.idx]
        return bool(between) and all(t.i in described or t.dep_ == "advmod" and t.head.i == verb.i for t in between) \
            and re.fullmatch(r"[\s,?!”\"’']*", lead) is not None

    def _cue_across(self, start: int, end: int) -> Any:
        """A speech verb the parser put in a sentence of its own beside the quote: a
        quote ending in "!" or "?" is split from its "he wrote." after it, and "she
        declared:" introduces a quote set in the next paragraph."""
        after = end
        while after < len(self.text) and self.text[after] in "”\"’',.!? ":
            after += 1
        tail = self.doc.char_span(after, min(len(self.text), after + 1), alignment_mode="expand")
        if tail is not None and len(tail) and after > end and "\n" not in self.text[end:after]:
            sent = tail[0].sent
            root = sent.root
            # only the bare attribution ("he wrote.", "tweeted Trump on Sunday"), nothing it
            # reports; the object of "told" or "asked" is the one spoken to
            if sent.start == tail[0].i and _is_speech(root) and root.i - sent.start <= 4 \
                    and _subject(root) is not None and not any(
                        c.dep_ == "ccomp" or c.dep_ == "dobj" and root.lemma_.lower() not in ("tell", "ask") for c in root.children):
                return root
        before = start - (2 if self.text[max(0, start - 2) : start] in ("''", "``") else 1)
        while before > 0 and self.text[before - 1] in " \n\t":
            before -= 1
        if before > 0 and self.text[before - 1] == ":":
            colon = self.doc.char_span(before - 1, before, alignment_mode="expand")
            verb = colon[0].head if colon is not None and len(colon) else None
            if verb is not None and verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "obj") and verb.head.i < verb.i:
                verb = verb.head  # "released the following statement:"
            if verb is not None and _is_speech(verb) and verb.i < colon[0].i and _subject(verb) is not None:
                return verb
            # "The mayor released the following statement:", "She addressed the crowd again:":
            # any act of someone who can speak that a colon hands over to a quote introduces it.
            # ("can add a new title to his résumé: “song anthropologist”" names the object: a
            # few words after an act are a name or label, no statement)
            if verb is not None and verb.pos_ == "VERB" and verb.i < colon[0].i and _subject(verb) is not None \
                    and self._can_speak(_subject(verb)) and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) \
                    and _words(self.text[start:end]) >= MIN_UNCUED_QUOTE_WORDS:
                return verb
        return None

    def _mixed(self, candidates: list[tuple[int, int, Any, str]]) -> list[tuple[int, int, Any, str]]:
        """Mixed quotes: a quoted fragment inside reported speech ("Morris says the campaign
        will “compete vigorously”", "said “the pier is safe” despite the cracks", "called the
        plan “a gamble”"). The quote keeps the verbatim words as its span (wording drift is
        about them); the clause the speech verb governs (or the object and its label) is
        its content span."""
        out = []
        for start, end, verb, kind in candidates:
            if self.text[:start].rstrip(" \t\n“\"‘'`").endswith(":"):
                # "released the following statement: “…”": a colon hands over to the quote alone
                out.append((start, end, verb, kind))
                continue
            if verb.lower_ == "according":
                c_start, c_end = self._according_side(verb)
                c_start = max(c_start, self.text.rfind("\n", 0, start) + 1)
                if c_start <= start and end <= c_end + 1 and "\n" not in self.text[end:c_end] \
                        and _words(self.text[c_start:c_end]) - _words(self.text[start:end]) >= 2:
                    # "The pier is “safe for now,” according to Varga": the source says the sentence
                    self._clauses[(start, end)] = (c_start, _past_closing_mark(self.text, max(c_end, end)))
                    out.append((start, end, verb, "mixed"))
                    continue
            around = self._inserted_clause(verb) if verb.dep_ == "parataxis" else None
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if around is not None and around[0] <= start and end <= around[1] + 1 and not _words(self.text[around[3] : start]) \
                    and start >= around[3] and (subject is None or start <= subject.idx < end):
                # "Asked about the pier, Varga said, “It is safe.”": a quote the attribution hands
                # over to is the utterance alone when it holds its clause's subject ("The pier, she
                # said, “is safe”" does not)
                out.append((start, end, verb, kind))
                continue
            if around is not None and around[0] <= start and end <= around[1] + 1 and \
                    _words(self.text[around[0] : around[1]]) - _words(self.text[around[2] : around[3]]) - _words(self.text[start:end]) >= 2:
                # "The pier, Varga said, is “safe for now”": what was said is the clause the
                # attribution was inserted in, the quoted words with it
                self._clauses[(start, end)] = (around[0], _past_closing_mark(self.text, max(around[1], end)))
                out.append((start, end, verb, "mixed"))
                continue
            reported = self._reported(verb)
            if reported is not None:
                (c_start, c_end), min_extra = reported
                # what was said stays in the quote's paragraph, however far the parser's
                # sentence runs ("… she added.\n\n''I don't know,'' she said.")
                c_start = max(c_start, self.text.rfind("\n", 0, start) + 1)
                if "\n" in self.text[end:c_end]:
                    c_end = self._clause_end(self.text.index("\n", end), start)
                quoted_words = _words(self.text[start:end])
                if c_start <= start and end <= c_end + 1 and _words(self.text[c_start:c_end]) - quoted_words >= min_extra \
                        and not (c_start <= verb.idx < c_end) and not self._speaker_inside(verb, c_start, c_end):
                    stop = max(c_end, end)
                    stop = _past_closing_mark(self.text, stop)  # the fragment's closing mark belongs to the content
                    self._clauses[(start, end)] = (c_start, stop)
                    out.append((start, end, verb, "mixed"))
                    continue
            lead = self._lead_in(verb, start, end)
            if lead is not None:
                self._clauses[(start, end)] = lead
                out.append((start, end, verb, "mixed"))
                continue
            out.append((start, end, verb, kind))
        return out

    def _speaker_inside(self, verb: Any, start: int, end: int) -> bool:
        """Whether the speaker of a verb is written inside characters of the text: a clause
        the parser ran on past the quote into its attribution is no reported clause."""
        subject = _subject(verb)
        return subject is not None and start <= subject.idx < end

    def _lead_in(self, verb: Any, start: int, end: int) -> tuple[int, int] | None:
        """A quote that closes a sentence after words of the speaker's own put in the
        writer's words ("Ryan says no matter what the council does, “the pier stays”",
        "vowed to fight the plan “every step of the way.”"): the parser seldom makes the
        quote part of one clause with them, but what was said runs from the verb to the
        quote's end."""
        if verb.lower_ == "according" or verb.idx > start or "\n" in self.text[verb.idx : start]:
            return None
        sent = verb.sent
        tail = self.text[end : sent.end_char]
        if not re.fullmatch(r"[\s”\"’».,!?']*", tail):
            return None  # the quote must close the sentence
        between = [t for t in sent if verb.i < t.i and t.idx < start - 1]
        if not between or any(t.text in OPENERS or t.text in ("‘", "’", "''", "``") for t in between):
            return None
        lemma = verb.lemma_.lower()
        # Adjuncts of the verb (when and where it was said) and the one spoken to are no part
        # of what was said.
        skipped = {t.i for c in verb.children if c.i > verb.i and (
            c.dep_ in ("prep", "npadvmod", "prt", "punct", "dative", "agent")
            or c.dep_ in ("dobj", "obj") and lemma in ("tell", "ask", "assure", "remind", "warn", "inform"))
            for t in c.subtree}
        rest = [t for t in between if t.i not in skipped and not t.is_punct and not t.is_space]
        if not rest or any(not any(a.i == verb.i for a in t.ancestors) for t in rest) or \
                any(_is_speech(t) and t.i != verb.i for t in rest):
            return None
        first = rest[0]
        if first.lower_ == "that" and first.dep_ == "mark":
            rest = rest[1:]
        if _words(" ".join(t.text for t in rest)) < 2:
            return None
        return rest[0].idx, _past_closing_mark(self.text, end)

    def _reported(self, verb: Any) -> tuple[tuple[int, int], int] | None:
        """What a cue verb reports around a quoted fragment, and how many words it must add
        to the fragment to make a mixed quote: the clause it governs ("said the plan would
        “fail”"), or the object and its label ("called the plan “a disaster”", one word
        more is enough: the object is what the label is about)."""
        if verb.lower_ == "according":
            return None
        label = self._label_span(verb)
        if label is not None:
            return label, 1
        clause = _complement(verb)
        if clause is None and verb.lemma_.lower() in COMMIT_VERBS:
            # "vowed to “take the fight” to every state": the act promised
            clause = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if clause is None:
            # "noted the shift from the old motto “Safe Waters”", "called for a move to a
            # “greener harbour”": the object around the fragment is what was voiced.
            clause = _voiced_object(verb) or next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
            if clause is None and verb.lemma_.lower() in DEMAND_VERBS:
                prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
                clause = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if clause is None:
            return None
        start, end = self._clause_span(clause)
        if clause.dep_ == "ccomp":
            # "said that the pier was “unsafe,” and that it would close": what was said runs on
            # as it does without quotation marks, short of any other quote after the fragment
            later = [(s, e) for s, e in self._quoted if s >= end and _words(self.text[s:e]) >= MIN_QUOTE_WORDS]
            end = self._run_on_end(verb, clause, start, end, later)
        joined = _second_object(verb, clause)
        if joined is not None:
            # "questioned her “harbour values” and her readiness": the parser hung the second
            # object on the verb
            end = max(end, self._clause_end(joined.right_edge.idx + len(joined.right_edge.text), start))
        reason = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in REASON_PREPS and c.i > clause.i), None)
        if reason is not None and verb.lemma_.lower() in STANCE_VERBS:
            # "accused Brennick of an “artful smear”": the charge is part of what was voiced
            end = max(end, self._clause_end(reason.right_edge.idx + len(reason.right_edge.text), start))
        return (start, end), 2
