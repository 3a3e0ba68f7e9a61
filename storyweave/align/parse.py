"""Parse readings align's vetoes share: a word's stem, a verb's subject, doer and stated clause, a negated verb."""

from __future__ import annotations

from typing import Any

from ..extract.attribution_words import SPEECH_VERBS
from .words import content_words


def _stem(token: Any) -> str | None:
    words = content_words(token.text)
    return words[0] if words else None


#: Dependents of a main verb that name who or what the sentence is about.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def _predicate_stems(clause: Any) -> set[str]:
    """The stems a clause tells its news with: its verb, or what "be" links its subject to
    ("were eligible")."""
    words = [clause] + [c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd")]
    return {stem for t in words if (stem := _stem(t)) is not None}


#: Subjects that deny their verb as "not" would ("nothing in the rule requires it").
_DENYING_SUBJECTS = frozenset({"nothing", "nobody", "none", "neither", "no-one"})


def _negated_verb(verb: Any) -> bool:
    """Whether a verb is negated by "not"/"never" or by a subject that denies it ("nobody
    signed")."""
    return any(c.dep_ == "neg" or c.dep_ in ("nsubj", "nsubjpass") and (
        c.lower_ in _DENYING_SUBJECTS or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
        for c in verb.children)


def _stated_clause(sentence: Any) -> Any:
    """The verb of what a sentence states: its main verb, or the clause a speech verb
    reports ("Vale told reporters he would like to stay": like)."""
    verb = sentence.root
    if verb.lemma_.lower() in SPEECH_VERBS and not _negated_verb(verb):
        verb = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), verb)
    return verb


#: The words of a subject that name it: "the film's main stars" → film, main, stars; what
#: hangs from it further ("including Ida Marsh", or a name the parser wrongly hangs there
#: from a phrase before it) is left out.
_NAMING_DEPS = frozenset({"compound", "amod", "poss", "flat", "conj"})


def subject_words(subject: Any) -> frozenset[str]:
    """The content words naming a parsed subject (:data:`_NAMING_DEPS`)."""
    words = [subject] + [c for c in subject.children if c.dep_ in _NAMING_DEPS]
    words += [c for w in words if w.dep_ == "conj" for c in w.children if c.dep_ in ("compound", "flat")]
    return frozenset(content_words(" ".join(w.text for w in words)))


def _one_stem(a: str, b: str) -> bool:
    """Whether two lemmas are one word in two forms: "react" / "reaction", "offer" / "offered"."""
    if min(len(a), len(b)) < 4:
        return a == b
    return b.startswith(a[:max(4, len(a) - 2)]) or a.startswith(b[:max(4, len(b) - 2)])


def _doer(sentence: Any) -> Any:
    """The subject of a parsed sentence's main verb, the one who does or says what it tells
    ("Vale said …": Vale); None when there is none."""
    return next((c for c in sentence.root.children if c.dep_ == "nsubj"), None)


#: Pronouns a reported clause names its speaker by ("Varga said he would stay").
_SPEAKER_PRONOUNS = frozenset({"he", "she"})


def speaker_and_words(sentence: Any) -> tuple[str, str] | None:
    """Who a sentence's main speech verb names as speaking, and what the first clause it
    reports says, with the speaker's name for its pronoun subject: "Varga declared on
    Monday that he cannot back Lind" gives ("Varga", "Varga cannot back Lind"). None when
    the main verb is no speech verb with a named subject and a reported clause."""
    root = sentence.root
    if root.pos_ != "VERB" or root.lemma_.lower() not in SPEECH_VERBS:
        return None
    speaker = next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    clause = next((c for c in root.children if c.dep_ == "ccomp"), None)
    if speaker is None or clause is None:
        return None
    # An adverbial clause tells what followed from the words or why ("…, throwing the
    # party into doubt"), not what was said.
    aside = {t.i for c in clause.children if c.dep_ == "advcl" for t in c.subtree}
    words = []
    for token in clause.subtree:
        if token.text == "," and token.i > clause.i:
            break  # what follows a comma after the verb is an aside or another statement
        if token.i in aside or token.dep_ == "mark" and token.head == clause:
            continue  # "that"
        if token.dep_ == "nsubj" and token.head == clause and token.lower_ in _SPEAKER_PRONOUNS:
            words.append(speaker.text + token.whitespace_)
        elif token.is_quote:
            words.append(token.whitespace_)  # a quoted "not ready" reads as the same words unquoted
        else:
            words.append(token.text_with_ws)
    return speaker.text, " ".join("".join(words).split()).strip(" ,")
