"""Attribution findings: one quote group's words, surely attributed, credited to two
voices in different articles; names, spokesmen and pronouns that make two credits one
voice."""

from __future__ import annotations

import difflib
import re
from typing import Any, Sequence

from rapidfuzz.distance import Levenshtein

from .._text import names_together
from ..align.quotes import VERBATIM_SHARE, wording_similarity
from ..model import DiscrepancyKind, Quote
from ..name_swaps import TITLES
from ..nlp import load_nlp
from .figures import _NOT_A_NAME
from .findings import _item

#: Only attributions at least this sure are set against each other (named, or "he said"
#: right after the speaker's own quote).
SURE_ATTRIBUTION = 0.9
#: Word-sequence similarity from which two pieces of reported speech are the same words.
SAME_REPORTED_WORDS = 0.6
#: Shorter quoted phrases are names or slogans ("comprehensive strategic partnership"),
#: which any speaker may use.
MIN_ATTRIBUTED_WORDS = 4


def quoted_words(text: str) -> int:
    """How many words a quote holds, a hyphenated compound counting as one: "single-payer
    health care" is a term of three words, not a remark of four."""
    return len(re.findall(r"\w+(?:[-‐]\w+)*", text))


def _attribution_drift(quotes: Sequence[Quote], confidences: dict[str, float], docs: dict[str, Any], names: dict[str, str],
                       add: Any) -> None:
    """One attribution finding when one quote group's words, surely attributed, are credited
    to two voices in different articles."""
    sure = [q for q in quotes if confidences.get(q.id, 0.0) >= SURE_ATTRIBUTION and q.speaker
            and quoted_words(q.text) >= MIN_ATTRIBUTED_WORDS]
    by_speaker: dict[str, Quote] = {}
    for q in sure:
        by_speaker.setdefault(q.speaker, q)  # type: ignore[arg-type]
    voices: list[Quote] = []
    for q in sorted(by_speaker.values(), key=lambda q: q.kind == "indirect"):
        if not any(_same_voice(_speaker_names(q, names), _speaker_names(v, names)) for v in voices):
            voices.append(q)
    if len(voices) < 2 or len({q.article for q in voices}) < 2:
        return
    chosen = voices[:2]
    # The same words credited to two people: words in quotation marks, or reported speech
    # in nearly the same words. Two outlets paraphrasing one report, each from its own
    # source ("the navy said two boats were closing in and firing" / "the crew said two
    # boats were firing small arms"), is no drift.
    if all(q.kind == "indirect" for q in chosen) and wording_similarity(chosen[0].text, chosen[1].text) < SAME_REPORTED_WORDS:
        return
    # Quoted words are the same words when the longer quote keeps half the shorter's, in
    # order: two people each saying they back one candidate and using one slogan ("I support
    # and endorse Ida Marn …" / "I strongly support Ida Marn, … we need Ida Marn") are two
    # remarks, however close in meaning.
    if kept_in_order(chosen[0].text, chosen[1].text) < VERBATIM_SHARE:
        return
    if not _same_predicate(chosen[0], chosen[1], docs):
        return
    if any(_speaks_for(x, y, docs, names) or _pronoun_near_other_name(x, y, docs, names) for x, y in (chosen, chosen[::-1])):
        return
    voices_named = [_voice_name(q, names) for q in chosen]
    # A joint voice ("A and B") is set off from the other with "together", so the reader
    # sees two voices, not three people.
    who = " and ".join(f"{v} together" if len(q.credited()) > 1 else v for q, v in zip(chosen, voices_named))
    add(DiscrepancyKind.ATTRIBUTION, f"The same words are credited to different speakers: {who}.",
        [_item(q.article, q.text, q.span) for q in chosen])


def kept_in_order(a: str, b: str) -> float:
    """The share of the shorter quote's words that the longer one has in the same order:
    an outlet quoting a part of a remark keeps all of that part, whatever the rest."""
    wa, wb = [w.lower() for w in re.findall(r"[\w’'-]+", a)], [w.lower() for w in re.findall(r"[\w’'-]+", b)]
    if not wa or not wb:
        return 0.0
    kept = sum(m.size for m in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_matching_blocks())
    return kept / min(len(wa), len(wb))


def _voice_name(quote: Quote, names: dict[str, str]) -> str:
    """How a quote's voice is named to a reader: every person it is credited to."""
    credited = [names[e] for e in quote.credited() if e in names]
    return names_together(credited) if credited else quote.speaker_text or "?"


def _said_and_words(quote: Quote, docs: dict[str, Any]) -> tuple[set[str], set[str]]:
    """What a quote says was done or is so, and all its words: the lemmas of its verbs and
    of an adjective after "be" ("he would be unavailable"), and of every word. Read in the
    article's parse where the span holds the quote's words, else in the quote's own."""
    doc = docs.get(quote.article)
    chunk = doc.char_span(quote.span[0], quote.span[1], alignment_mode="expand") if hasattr(doc, "char_span") else None
    if chunk is None or re.findall(r"\w+", chunk.text) != re.findall(r"\w+", quote.text):
        chunk = load_nlp()(quote.text)
    said = {t.lemma_.lower() for t in chunk if t.pos_ == "VERB" or t.pos_ == "ADJ" and t.dep_ in ("acomp", "oprd")}
    return said, {t.lemma_.lower() for t in chunk} | {t.lower_ for t in chunk}


def _same_predicate(a: Quote, b: Quote, docs: dict[str, Any]) -> bool:
    """Whether two quotes credited to two voices say the same thing of what they share: a
    verb (or "be" and its adjective) of one is among the other's words. Two remarks that end
    in one phrase ("Kane could miss the last three races" / "the club found he would be
    unfit for the team's last three races") are a guess and a finding, not one quote,
    however many of the shorter's words the phrase holds: the words both say must include
    what is said of them. A quote with no verb, an extract ("an engine for a new multipolar
    world"), is judged by the quote group's rules alone."""
    (said_a, words_a), (said_b, words_b) = _said_and_words(a, docs), _said_and_words(b, docs)
    return not said_a or not said_b or bool(said_a & words_b or said_b & words_a)


#: Sentences before a "he said" quote in which the person it stands for was named.
PRONOUN_REACH = 2


def _pronoun_near_other_name(quote: Quote, other: Quote, docs: dict[str, Any], names: dict[str, str]) -> bool:
    """Whether a quote credited by "he" or "she" comes within :data:`PRONOUN_REACH`
    sentences of the name the other outlet credits the words to: the pronoun may as well
    stand for that person, and a finding that the words changed speakers would rest on our
    reading of it, not on what either outlet wrote."""
    if (quote.speaker_text or "").strip().lower() not in ("he", "she"):
        return False
    doc = docs.get(quote.article)
    named = re.findall(r"\b[A-Z][\w'’-]*", names.get(other.speaker or "", "") or other.speaker_text or "")
    if doc is None or not named:
        return False
    sentences = list(doc.sents)
    at = next((k for k, s in enumerate(sentences) if s.start_char <= quote.span[0] < s.end_char), None)
    if at is None:
        return False
    end = max(quote.span[1], quote.speaker_span[1] if quote.speaker_span else 0)
    before = doc.text[sentences[max(0, at - PRONOUN_REACH)].start_char : end]
    return re.search(r"\b" + re.escape(named[-1]) + r"\b", before) is not None


#: Words between a body's name and its officer's name: "Tamsk Police Lt. Ida Marsh".
TITLE_REACH = 3


def _body_names(quote: Quote, names: dict[str, str]) -> set[str]:
    """How an article may call the speaker of a quote: its capitalised words as the quote
    and as the entity index name it, and their initials ("Oregon Coast Police" → OCP)."""
    out = set()
    for written in (quote.speaker_text or "", names.get(quote.speaker or "", "")):
        words = re.findall(r"\b[A-Z][\w'’-]*", written)
        if words:
            out.add(" ".join(words))
        if len(words) > 1:
            out.add("".join(w[0] for w in words))
    return out


def _speaks_for(person: Quote, body: Quote, docs: dict[str, Any], names: dict[str, str]) -> bool:
    """Whether the article quoting a person names that person, anywhere, as an officer of
    the body the other outlet credits ("Oregon Coast Police Lt. Marsh said", or "OCP Lt.
    Ida Marsh", in one place, "Marsh said" at the quote): a spokesman gives the body's
    word, as with a description at the quote itself (:func:`_same_voice`)."""
    doc = docs.get(person.article)
    surname = (re.findall(r"\b[A-Z][\w'’-]*", names.get(person.speaker or "", "") or person.speaker_text or "") or [None])[-1]
    bodies = {b for b in _body_names(body, names) if surname and surname not in b.split()}
    if doc is None or not surname or not bodies:
        return False
    # The words between are a title or a role ("Lt.", "general manager"), never a full stop
    # or a word joining two parties ("the police told Marsh", "the police and Marsh").
    title = r"\s+(?:(?!(?:and|or|with|to|by|from|for|of|said|told|asked|met|thanked)\b)(?:[A-Z][a-z]{0,3}\.|[\w'’-]+)\s+){0,%d}?" % TITLE_REACH
    return any(re.search(r"\b" + re.escape(b) + title + re.escape(surname) + r"\b", doc.text) for b in bodies) \
        or _set_off_as_officer(surname, bodies, doc.text)


def _set_off_as_officer(surname: str, bodies: set[str], text: str) -> bool:
    """Whether the text names the person, in an apposition, as an officer of one of the
    words of the body's name ("Ida Marsh, the city's harbour master," for the City of Tamsk;
    "Marsh, a spokeswoman for the Tamsk police,"). A title is no body: "a spokesman for the
    mayor" is another voice than Mayor Sorrel's."""
    words = {w for b in bodies for w in b.split() if len(w) >= 3 and w != surname and w.lower() not in TITLES}
    if not words:
        return False
    word = "(?:" + "|".join(re.escape(w) for w in sorted(words)) + ")"
    role = r"(?:[\w-]+\s+){0,%d}?" % TITLE_REACH
    return re.search(r"\b" + re.escape(surname) + r",\s+(?:the\s+" + word + r"['’]s\s+" + role + r"[\w-]+"
                     + r"|(?:the|an?)\s+" + role + r"[\w-]+\s+(?:of|for)\s+the\s+(?:[A-Z][\w-]*\s+)*" + word + r")\b",
                     text, re.I) is not None


def _speaker_names(quote: Quote, names: dict[str, str]) -> tuple[set[str], set[str]]:
    """The capitalised words that name a quote's speaker, as written and as the entity is
    called ("32-year-old protester Ida Marsh" → ida, marsh); and the same words with each
    two side by side also run together, which another spelling may match ("VanDort" is
    "Van Dort")."""
    words: set[str] = set()
    spellings: set[str] = set()
    for written in (quote.speaker_text or "", names.get(quote.speaker or "", "")):
        found = [w.lower() for w in re.findall(r"\b[A-Z][\w'’-]*", written)]
        words |= set(found)
        spellings |= set(found) | {a + b for a, b in zip(found, found[1:])}
    return words - _NOT_A_NAME, spellings - _NOT_A_NAME


#: Name words at least this long still match with one letter added, dropped or changed: a
#: misspelling, not another name.
_TYPO_MIN_LETTERS = 5


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two words are the same, or long words a letter added, dropped or changed apart."""
    return a == b or min(len(a), len(b)) >= _TYPO_MIN_LETTERS and Levenshtein.distance(a, b) <= 1


def _same_voice(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    """Whether two speakers' names (:func:`_speaker_names`) are one voice: every name word
    of one is in the other's ("Marsh" / "protester Ida Marsh"; "the Central Water Board" /
    "the Central Board for Water and Drains"), or the spokesman's description names the
    body that the other outlet credits ("Larks manager Ed Kane" / "the Larks"): the body
    speaks through him. One letter off still matches (the entity index keeps a misspelt
    name apart). Two people who share a first name ("Ed Kane" / "Ed Voss") stay apart."""
    if not a[0] or not b[0]:
        return False
    (small, _), (_, large) = sorted((a, b), key=lambda names: len(names[0]))
    return all(any(_one_letter_apart(w, x) for x in large) for w in small)
