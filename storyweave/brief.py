"""brief: a neutral summary built from the best-supported facts, every sentence cited.

Reads the aligned facts, the comparison and the annotated articles; adds the brief.

1. Candidates: every fact that is not contested, worded by one of its own claims (the
   fact's wording first, else the plainest member): no sentence another source
   contradicts, no asserted version of a claim others hedge, no loaded words, no
   pronoun opening that needs the sentence before it.
2. Citations: each article one of whose sentences states the candidate — the same test
   the benchmark applies (:func:`storyweave.align.same_statement` at
   :data:`~storyweave.align.SAME_STATEMENT` and most of the content words present) — so a
   sentence cites every article that says it, and only those.
3. Support: the citing articles, with articles that copy one another counted once.
4. Choice: every candidate two or more independent sources support, strongest first, then
   the other facts align found corroborated, then the opening sentences of single outlets
   so that a thin story still reads as a story;
   a candidate that repeats a chosen sentence is dropped.
5. Order: the chosen sentences in the order the articles tell them (news puts what
   matters first), which also keeps background after the event.

The wording is always a source sentence, never a new one: hedges are kept, and the
headline is the least sensational of the story's headlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .align import SAME_STATEMENT, content_words, same_statement
from .model import Alignment, Annotation, Brief, BriefSentence, Comparison, Fact, FactStatus
from .provenance import independent_groups

MIN_SENTENCES = 3
MAX_SENTENCES = 15
#: Opening sentences of single outlets added when fewer than this many are corroborated.
FILL_TO = 8
#: Opening sentences of single outlets always offered to the brief.
MIN_LEADS = 2
#: A sentence with these is opinion or a teaser, not a summary line.
SLANTED = re.compile(r"\b(you|your|we|our|us|I|my)\b|[!?]|\.\.\.|…", re.I)
#: Loaded words: a neutral brief does not take them over from an outlet.
LOADED = re.compile(
    r"\b(furious|furiously|watershed|shock\w*|stun\w*|bombshell|slam\w*|blast(ed|s)|chilling|alarming|"
    r"outrag\w*|disastrous|catastroph\w*|historic|explosive|sleep|nightmare|humiliat\w*|brutal|"
    r"bad news|flaunt\w*|stage-managed|peril)\b",
    re.I,
)
#: A sentence that needs the one before it to be understood.
UNCLEAR_START = re.compile(r"^(he|she|they|it|this|these|those|his|her|their|and|but|however|also|additionally|meanwhile)\b", re.I)
ODD_CHARACTERS = re.compile(r"[`|]|\w\(|\)\w")
#: "The most important of these": points back at a sentence the brief does not have.
BACK_REFERENCE = re.compile(r"\b(of|among|from|like) (these|those|them)\b", re.I)
#: Quoted words are the speaker's, not the outlet's: "we" inside a quote is no slant.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
MAX_WORDS = 45
#: Share of a sentence's content words a citing article's sentence must contain.
MIN_WORD_RECALL = 0.5
#: Opening sentences: the first fifth of an article.
LEAD_POSITION = 0.2
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass
class _Candidate:
    text: str
    citations: tuple[str, ...]
    support: int
    position: float
    fact: Fact


def word_recall(statement: str, sentence: str) -> float:
    """Share of the statement's content words found in the sentence (0–1)."""
    wanted = set(content_words(statement))
    return len(wanted & set(content_words(sentence))) / len(wanted) if wanted else 0.0


def supports(statement: str, sentence: str) -> bool:
    """True when ``sentence`` states ``statement``: the same statement, most of its words."""
    if statement == sentence:
        return True
    if not set(NUMBER.findall(statement)) <= set(NUMBER.findall(sentence)):
        return False  # "24 years" is not supported by a sentence saying "75 years"
    if word_recall(statement, sentence) < MIN_WORD_RECALL:
        return False
    # A source sentence may say more than the statement ("…, describing it as …"): the
    # statement is supported when the sentence, or its opening up to a comma, states it.
    openings = [sentence[: m.start()] for m in re.finditer(r",\s", sentence) if len(sentence[: m.start()].split()) >= MIN_OPENING_WORDS]
    return any(same_statement(statement, text) >= SAME_STATEMENT for text in [sentence, *reversed(openings)])


#: An opening shorter than this is not a statement of its own.
MIN_OPENING_WORDS = 6


def _readable(text: str) -> bool:
    own = QUOTED.sub("", text)
    return not (SLANTED.search(own) or LOADED.search(own) or UNCLEAR_START.search(text) or BACK_REFERENCE.search(own)
                or ODD_CHARACTERS.search(text) or len(text.split()) > MAX_WORDS)


def brief(alignment: Alignment, comparison: Comparison, annotations: Sequence[Annotation]) -> Brief:
    """The story's brief: 3–15 cited sentences.

    Args:
        alignment: facts and quote groups.
        comparison: discrepancies, provenance and framing (the headline comes from the
            plainest title).
        annotations: the story's articles, with their sentences.

    Returns:
        A :class:`Brief` whose every sentence cites the articles that support it.
    """
    claims = {c.id: c for c in alignment.extraction.claims}
    length = {a.article.id: max(1, len(a.article.text)) for a in annotations}
    sentences = {a.article.id: [s.text for s in a.sentences] for a in annotations}
    groups = independent_groups(list(length), list(comparison.provenance))
    # Sentences another source contradicts are reported under "differ"; an assertion that
    # other sources hedge would overstate what is known.
    doubtful: set[str] = set()
    for d in comparison.discrepancies:
        if d.kind.value in ("date", "number", "contradiction"):
            doubtful.update(i.text for i in d.items if i.text)
        elif d.kind.value == "certainty" and d.items:
            doubtful.add(d.items[0].text)

    candidates: list[_Candidate] = []
    for fact in alignment.facts:
        if fact.status is FactStatus.CONTESTED:
            continue
        members = [claims[c] for c in fact.claims if c in claims]
        if not members or any(c.text in doubtful or any(c.text in t or t in c.text for t in doubtful) for c in members):
            continue
        wordings = [fact.text] + sorted({c.text for c in members} - {fact.text}, key=len)
        text = next((w for w in wordings if _readable(w)), None)
        if text is None:
            continue
        citing = [aid for aid, said in sentences.items() if any(supports(text, s) for s in said)]
        if not citing:
            continue
        support = len({groups.get(a, a) for a in citing})
        position = sum(c.span[0] / length.get(c.article, 1) for c in members) / len(members)
        candidates.append(_Candidate(text, tuple(sorted(citing)), support, position, fact))

    candidates.sort(key=lambda c: (-c.support, -c.fact.independent_sources, -len(c.citations), c.position, c.fact.id))
    chosen: list[_Candidate] = []

    def add(candidate: _Candidate) -> None:
        if len(chosen) < MAX_SENTENCES and not any(same_statement(candidate.text, c.text) >= SAME_STATEMENT for c in chosen):
            chosen.append(candidate)

    for candidate in candidates:
        # align's corroborated facts all belong in the brief, even where only one article
        # words it closely enough to be cited: the citation then names that one.
        if candidate.support >= 2 or candidate.fact.status is FactStatus.CORROBORATED:
            add(candidate)
    leads = sorted((c for c in candidates if c.support < 2 and c.position <= LEAD_POSITION), key=lambda c: (c.position, c.fact.id))
    # Opening sentences tell what happened even when no other outlet words them alike;
    # a few always go in, more when little is corroborated.
    for n, candidate in enumerate(leads):
        if n >= MIN_LEADS and len(chosen) >= FILL_TO:
            break
        add(candidate)
    for candidate in candidates:
        if len(chosen) >= MIN_SENTENCES:
            break
        add(candidate)
    chosen.sort(key=lambda c: (c.position, c.fact.id))
    out = tuple(BriefSentence(c.text, c.citations) for c in chosen)
    plain = min(comparison.framing, key=lambda f: (f.sensationalism, len(f.headline)), default=None)
    return Brief(plain.headline if plain else "", out)
