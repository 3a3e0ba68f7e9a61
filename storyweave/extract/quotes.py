"""Quotes: who said what, through which channel.

Split the way a reader does (compare bbc/citron): find the quoted content, find the
reporting cue (a speech verb or "according to"), then the source span, then decide which
belong together by the parse (the content lies in the cue's subtree). Indirect speech
("Kim said the pact would …") is the clausal complement of a speech verb.

Speakers written as pronouns ("he said") or role nouns ("the leader said") are resolved
to the most salient person before them: the last speaker within two sentences, else the
last person who was a grammatical subject, else the last person named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Annotation, Quote
from .entities import EntityIndex

SPEECH_VERBS = frozenset(
    """say tell state add describe call express declare announce note stress emphasise emphasize
    praise quote report write ask insist warn claim accuse deny confirm hail thank vow pledge
    reply respond explain argue suggest acknowledge admit assert affirm urge tweet post remark
    comment recall reiterate predict promise complain criticise criticize condemn welcome
    highlight point underscore mention allege implicate blame""".split()
)
#: Verbs whose clausal complement is speech, for indirect quotes (a narrower set: "call" or
#: "describe" take no clause).
INDIRECT_VERBS = frozenset(
    "say tell state add announce declare warn claim insist argue explain stress note confirm deny "
    "predict promise reiterate acknowledge admit assert affirm emphasise emphasize suggest".split()
)
PRONOUNS = frozenset({"he", "she", "him", "her"})
NON_PERSON_PRONOUNS = frozenset({"it", "they", "we", "i", "you", "this", "that", "which", "who"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
ROLE_NOUNS = frozenset(
    "leader president minister premier chancellor official spokesman spokeswoman spokesperson "
    "king ruler head chief envoy diplomat ambassador secretary governor mayor".split()
)
OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"'}
#: A quote of fewer words is a scare quote or a name ("the ‘illegal’ sanctions") unless a
#: speech verb claims it.
MIN_QUOTE_WORDS = 2
MIN_UNCUED_QUOTE_WORDS = 4


@dataclass(frozen=True)
class Attribution:
    """A quote before ids are given: the span and how confident the speaker is."""

    quote: Quote
    confidence: float  # 1.0 named in the attribution; lower when resolved from context


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the content inside quotation marks (marks excluded)."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        close = None
        if ch in OPENERS:
            close = OPENERS[ch]
        elif ch == "‘" and (i == 0 or not text[i - 1].isalnum()):
            close = "’"
        if close is None:
            i += 1
            continue
        end = i + 1
        paragraph_end = text.find("\n", i)
        limit = n if paragraph_end < 0 else paragraph_end
        found = -1
        while end < limit:
            if text[end] == close and (close != "’" or end + 1 >= n or not text[end + 1].isalpha()):
                found = end
                break
            end += 1
        if found < 0:
            i += 1
            continue
        start, stop = i + 1, found
        while stop > start and text[stop - 1] in " ,":
            stop -= 1
        if stop > start:
            spans.append((start, stop))
        i = found + 1
    return spans


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


class _Context:
    """Who was speaking or acting in the sentences read so far, for pronoun resolution."""

    def __init__(self, annotation: Annotation, index: EntityIndex) -> None:
        self.annotation = annotation
        self.index = index
        self.article = annotation.article.id
        self.speakers: list[tuple[int, int, str]] = []  # (sentence, char, entity)
        self.persons: list[tuple[int, int, str, bool]] = []  # (sentence, char, entity, is_subject)
        starts = [s.span[0] for s in annotation.sentences]
        self._starts = starts
        for m in annotation.mentions:
            eid = index.by_mention.get((self.article, m.span[0], m.span[1]))
            entity = index.get(eid)
            if entity and entity.type == "PERSON":
                self.persons.append((m.sentence, m.span[0], eid, self._is_subject(m.span)))  # type: ignore[arg-type]

    def _is_subject(self, span: tuple[int, int]) -> bool:
        doc = self.annotation.doc
        chunk = doc.char_span(span[0], span[1], alignment_mode="expand")
        return bool(chunk is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in chunk))

    def sentence_of(self, char: int) -> int:
        lo = 0
        for i, s in enumerate(self._starts):
            if s <= char:
                lo = i
        return lo

    def resolve(self, char: int) -> tuple[str | None, float]:
        sentence = self.sentence_of(char)
        recent = [s for s in self.speakers if s[1] < char and sentence - s[0] <= 2]
        if recent:
            # A speaker in the sentence before is the strongest cue a reader has.
            return recent[-1][2], 0.9 if sentence - recent[-1][0] <= 1 else 0.7
        subjects = [p for p in self.persons if p[1] < char and p[3] and sentence - p[0] <= 3]
        if subjects:
            return subjects[-1][2], 0.6
        named = [p for p in self.persons if p[1] < char and sentence - p[0] <= 3]
        if named:
            return named[-1][2], 0.4
        return None, 0.0


def _np_span(token: Any) -> tuple[int, int]:
    """The noun phrase a subject token heads, without relative clauses or appositions."""
    skip = {"relcl", "acl", "appos", "punct", "advcl", "prep"}
    tokens = [token]
    stack = [c for c in token.children if c.dep_ not in skip]
    while stack:
        t = stack.pop()
        tokens.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"relcl", "acl", "punct", "advcl"})
    if any(c.dep_ == "appos" for c in token.children) and token.ent_type_ == "":
        # "the state news agency KCNA": the apposed name is the speaker's name.
        tokens.extend(t for c in token.children if c.dep_ == "appos" for t in c.subtree)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def _subject(verb: Any) -> Any:
    """The grammatical subject of a verb, climbing from participles to the clause they hang on."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        for child in verb.children:
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _according_to(sent: Any) -> Any:
    for token in sent:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


def _is_speech(token: Any) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS


class QuoteFinder:
    """Finds the direct and indirect quotes of one article."""

    def __init__(self, annotation: Annotation, index: EntityIndex) -> None:
        self.annotation = annotation
        self.index = index
        self.doc = annotation.doc
        self.text = annotation.article.text
        self.context = _Context(annotation, index)

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
            if True:
                entity = self.index.get(eid)
                rank = {"PERSON": 0, "ORG": 1}.get(entity.type if entity else "", 2)
                if best is None or (rank, -start) < best[0]:
                    best = ((rank, -start), eid)
        if best:
            return best[1]
        return self.index.lookup(text) if head is None or head.pos_ == "PROPN" else None

    def _speaker(self, subject: Any) -> tuple[str | None, str | None, tuple[int, int] | None, float]:
        """(entity id, speaker text, speaker span, confidence) for a subject token."""
        if subject is None:
            return None, None, None, 0.0
        span = _np_span(subject)
        words = self.text[span[0] : span[1]]
        if subject.lower_ in PRONOUNS:
            eid, confidence = self.context.resolve(subject.idx)
            return eid, subject.text, (subject.idx, subject.idx + len(subject.text)), confidence
        if subject.lower_ in NON_PERSON_PRONOUNS:
            return None, subject.text, (subject.idx, subject.idx + len(subject.text)), 0.0
        eid = self._entity_for(span, words, subject)
        if eid is None and subject.lemma_.lower() in ROLE_NOUNS and subject.pos_ == "NOUN":
            # "the North Korean leader said": a role noun stands for the person in focus.
            eid, confidence = self.context.resolve(subject.idx)
            return eid, words, span, confidence
        return eid, words, span, 1.0 if eid else 0.5

    def _channel(self, verb: Any, sent: Any, speaker_span: tuple[int, int] | None) -> str | None:
        if verb.lemma_.lower() == "quote":
            subject = _subject(verb)
            return self._channel_name(subject) if subject is not None else None
        according = _according_to(sent)
        if according is not None:
            return self._channel_name(according)
        head = verb.head
        hops = 0
        while head is not None and head is not verb and hops < 3:
            if _is_speech(head):
                subject = _subject(head)
                if subject is not None and (speaker_span is None or not (speaker_span[0] <= subject.idx < speaker_span[1])):
                    return self._channel_name(subject)
            if head.head is head:
                break
            head, hops = head.head, hops + 1
        return None

    def _channel_name(self, token: Any) -> str:
        span = _np_span(token)
        for (article, start, end), eid in self.index.by_mention.items():
            if article == self.annotation.article.id and start >= span[0] and end <= span[1]:
                entity = self.index.get(eid)
                if entity and entity.type == "ORG":
                    return self.text[start:end]
        return self.text[span[0] : span[1]]

    def _quote_verb(self, sent: Any, start: int, end: int) -> Any:
        """The speech verb of a sentence that governs the quoted span."""
        inside = [t for t in sent if start <= t.idx < end]
        candidates = [t for t in sent if _is_speech(t) and not (start <= t.idx < end)]
        if not candidates:
            return None
        governed = []
        for verb in candidates:
            subtree = {t.i for t in verb.subtree}
            share = sum(t.i in subtree for t in inside) / max(1, len(inside))
            if share >= 0.5:
                governed.append((len(subtree), verb))
        if governed:
            return min(governed, key=lambda g: (g[0], g[1].i))[1]
        # A quote that is the whole clause ("“…,” he said.") is often parsed as a sibling.
        outside = [t for t in sent if not (start - 1 <= t.idx <= end)]
        if len([t for t in outside if not t.is_punct]) <= 6 or sent.root in candidates:
            return min(candidates, key=lambda v: min(abs(v.idx - start), abs(v.idx - end)))
        return None

    def find(self) -> list[Attribution]:
        """Direct quotes first (they claim their spans), then indirect speech; speakers are
        resolved in text order so that "he said" sees every speaker before it."""
        candidates: list[tuple[int, int, Any, str]] = []
        for start, end in quoted_spans(self.text):
            words = _words(self.text[start:end])
            if words < MIN_QUOTE_WORDS:
                continue
            chunk = self.doc.char_span(start, end, alignment_mode="expand")
            if chunk is None:
                continue
            verb = None
            for s in sorted({t.sent.start: t.sent for t in chunk}.values(), key=lambda s: -s.start):
                verb = self._quote_verb(s, start, end)
                if verb is not None:
                    break
            if verb is None:
                if words < MIN_UNCUED_QUOTE_WORDS or _according_to(chunk[0].sent) is None:
                    continue
                verb = _according_to(chunk[0].sent).head.head  # the "according" token
            candidates.append((start, end, verb, "direct"))
        covered = [(s, e) for s, e, _, _ in candidates]
        candidates.extend(self._indirect(covered))
        candidates.sort(key=lambda c: (c[0], c[1]))
        found = []
        for start, end, verb, kind in candidates:
            attribution = self._attribute(start, end, verb, kind)
            if attribution is not None:
                found.append(attribution)
        return found

    def _attribute(self, start: int, end: int, verb: Any, kind: str) -> Attribution | None:
        words = _words(self.text[start:end])
        according = _according_to(verb.sent)
        if verb.lower_ == "according":
            speaker = self._speaker(according)
            return self._make(start, end, speaker, "according to", None, kind) if speaker[0] else None
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() == "quote":
            verb = verb.head.head  # "X quoted Y as saying …": the quoting verb names both
        speaker_token = None
        if verb.lemma_.lower() == "quote":
            speaker_token = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if speaker_token is None:
            speaker_token = self._subject(verb)
            if speaker_token is not None and start <= speaker_token.idx < end:
                speaker_token = None
        speaker = self._speaker(speaker_token)
        if speaker[0] is None and according is not None and verb.lemma_.lower() != "quote":
            # "… is described as ‘X’, according to Putin": the phrase names the speaker.
            speaker = self._speaker(according)
            cue = "according to"
            channel = None
        else:
            cue = self._cue_text(verb)
            channel = self._channel(verb, verb.sent, speaker[2])
        if speaker[0] is None and (speaker[1] is None or speaker[1].lower() in NON_PERSON_PRONOUNS):
            return None
        if speaker[0] is None and words < MIN_UNCUED_QUOTE_WORDS:
            return None
        return self._make(start, end, speaker, cue, channel, kind)

    def _subject(self, verb: Any) -> Any:
        """The subject of a speech verb. From a participle ("…, describing it as") climb to
        the clause it hangs on until the subject is someone who can speak."""
        current = verb
        for _ in range(4):
            subject = _subject(current)
            if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
                subject = subject.head.head  # "Putin, who emphasised": the noun the clause is about
            if subject is not None and (current is verb and verb.tag_ != "VBG" or self._can_speak(subject)):
                return subject
            if current.dep_ not in ("advcl", "xcomp", "conj", "acl", "ccomp") or current.head is current:
                return subject
            current = current.head
        return None

    def _can_speak(self, token: Any) -> bool:
        if token.lower_ in PRONOUNS or token.lemma_.lower() in ROLE_NOUNS:
            return True
        entity = self.index.get(self._entity_for(_np_span(token), token.text, token))
        return entity is not None and entity.type in ("PERSON", "ORG")

    def _cue_text(self, verb: Any) -> str:
        if verb.lemma_.lower() == "quote":
            return verb.text + (" … as saying" if "as saying" in verb.sent.text else "")
        particles = [c.text for c in verb.children if c.dep_ == "prt"]
        return " ".join([verb.text, *particles])

    def _indirect(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        out = []
        for token in self.doc:
            if not (token.pos_ == "VERB" and token.lemma_.lower() in INDIRECT_VERBS) or token.dep_ == "relcl":
                continue
            clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
            if clause is None or any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS for c in clause.children):
                continue
            tokens = list(clause.subtree)
            start = min(t.idx for t in tokens)
            end = max(t.idx + len(t.text) for t in tokens)
            content = self.text[start:end]
            lead = re.match(r"(that|whether)\s+", content, re.I)
            if lead:
                start += lead.end()
            while end > start and self.text[end - 1] in ".,;: ":
                end -= 1
            if start <= token.idx or _words(self.text[start:end]) < 4:
                continue
            if any(s < end and start < e for s, e in covered) or re.search(r"[“”\"«»]", self.text[start:end]):
                continue
            out.append((start, end, token, "indirect"))
        return out

    def _make(self, start: int, end: int, speaker: tuple[str | None, str | None, tuple[int, int] | None, float],
              cue: str, channel: str | None, kind: str) -> Attribution:
        eid, speaker_text, speaker_span, confidence = speaker
        if eid and speaker_span and _words(self.text[start:end]) >= MIN_UNCUED_QUOTE_WORDS:
            # Only real utterances set who is speaking; a two-word phrase in quotes does not.
            self.context.speakers.append((self.context.sentence_of(start), start, eid))
            self.context.speakers.sort(key=lambda s: s[1])
        quote = Quote(
            id="",
            article=self.annotation.article.id,
            speaker=eid,
            speaker_text=speaker_text,
            speaker_span=speaker_span,
            cue=cue,
            channel=channel,
            text=self.text[start:end],
            span=(start, end),
            kind=kind,
            speaker_resolved=confidence < 1.0,
        )
        return Attribution(quote, confidence)


def find_quotes(annotation: Annotation, index: EntityIndex) -> list[Attribution]:
    """The quotes of one article, direct and indirect, in text order."""
    return QuoteFinder(annotation, index).find()
