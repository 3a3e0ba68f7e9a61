"""What two sentences share: only names, an aside, the subject, a setting clause or a reported remark's frame."""

from __future__ import annotations

import re
from typing import Any

from ..model import Claim
from .parse import _SUBJECTS, _stem
from .words import content_words, plain_wording


#: A capitalised word inside a sentence: a name, which every sentence of a story repeats.
_NAME = re.compile(r"(?<=[\w,;:’'\"”)] )[A-Z](?:[\w’'-]|\.(?=\w))*")  # "UsMagazine.com" whole


def _reports_something_else(speech: Claim, other: Claim) -> bool:
    """Whether ``speech`` reports what someone said and meets ``other`` only on the words
    framing it: "Putin stated [during his first visit since 2000] that the two could
    cooperate militarily" and "Putin's first visit since 2000 was a chance to flaunt their
    friendship". That is when the reported clause shares nothing with ``other`` but names
    (the story's people and places, which nearly every sentence repeats), the framing
    does, and ``other`` says things ``speech`` does not."""
    if speech.speech is None:
        return False
    reported, framing = speech.speech
    names = set(content_words(" ".join(_NAME.findall(speech.text) + _NAME.findall(other.text))))
    others = set(content_words(other.text)) - names
    said, around = set(content_words(reported)), set(content_words(framing)) - names
    return not said & others and bool(around & others) and len(others - set(content_words(speech.text))) >= 2


#: Two sentences of one fact share at least this many content words besides names.
MIN_SHARED_OWN_WORDS = 2
#: Days and months are written with a capital but say when, as any word of the statement
#: does ("exploded Friday at a bank branch" / "The explosion occurred Friday at a branch").
CALENDAR_WORDS = frozenset(content_words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december"))


#: An age written after a name ("Ida Marsh, 36,") goes with the name: two sentences naming
#: the same people share it whatever they say of them.
_AGE = re.compile(r"(?<=[A-Za-z]), (\d{1,3}),")
#: A name opening an aside after a dash ("the victims - Ida Marsh and …").
_NAME_AFTER_DASH = re.compile(r"(?<=[–—-] )[A-Z][\w’'-]*")


def _own_shared(a: str, b: str, with_people: bool = False) -> set[str]:
    """The content words two sentences share besides names; ``with_people`` also sets aside
    names after a dash and the ages given with names."""
    a, b = plain_wording(a), plain_wording(b)  # "inked a pact" and "signed an agreement" share two words
    found = _NAME.findall(a) + _NAME.findall(b)
    if with_people:
        found += _NAME_AFTER_DASH.findall(a) + _NAME_AFTER_DASH.findall(b) + _AGE.findall(a) + _AGE.findall(b)
    names = set(content_words(" ".join(found))) - CALENDAR_WORDS
    own = (set(content_words(a)) & set(content_words(b))) - names
    return {w for w in own if len(w) > 1}


def _shares_only_names(a: str, b: str) -> bool:
    """Whether two sentences share fewer than :data:`MIN_SHARED_OWN_WORDS` content words
    besides names (a possessive's "s" aside): "His name is Deputy Ray Lund of the Harbour
    Police." and "Before he was shot, Harbour Police Deputy Ray Lund was looking for a
    burglar." share a long name, which lifts both the cosine and the word overlap, and
    state two things."""
    return len(_own_shared(a, b)) < MIN_SHARED_OWN_WORDS


#: Clauses that describe a noun ("the room where they were shot", "Ida Marsh, a nurse").
NOUN_CLAUSES = frozenset({"relcl", "acl", "appos"})


def _event_as_setting(sentence: Any, other: Any) -> bool:
    """Whether ``sentence`` tells something ``other`` does not (its main verb is not in
    ``other``) and names ``other``'s main event only in a clause describing a noun: "The
    far side of the hall was full of the victims' families - Ida Marsh and Lena Roos, who
    were shot there" describes the hall; it does not state "Ida Marsh was shot in the side"."""
    own, theirs = _stem(sentence.root), _stem(other.root)
    if own is None or theirs is None or own in content_words(other.text):
        return False
    described = {t.i for clause in sentence if clause.dep_ in NOUN_CLAUSES for t in clause.subtree}
    hits = [t.i for t in sentence if _stem(t) == theirs]
    return bool(hits) and all(i in described for i in hits)


#: Clauses that tell something of a noun ("the blaze, which police are treating as arson,";
#: "the victim, found at dawn,"). An apposition only names the noun again ("the Owls' offer
#: - a bid worth $40 million -"): what it shares is the noun's own description.
_ASIDE_CLAUSES = frozenset({"relcl", "acl"})
#: Marks that set an aside off from the noun it describes.
_ASIDE_MARKS = frozenset({",", "-", "–", "—", "(", "--"})


def _set_off(clause: Any) -> bool:
    """Whether a clause describing a noun is set off from it by a comma or a dash (a
    non-restrictive clause: an aside, not part of what names the noun)."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text in _ASIDE_MARKS


def _phrase_of(noun: Any) -> Any:
    """The head of the whole phrase a noun is part of, up to the verb it hangs from
    ("Kessby" in "at the scene of a fire in Kessby" → "at")."""
    while noun.head.i != noun.i and noun.head.pos_ not in ("VERB", "AUX"):
        noun = noun.head
    return noun


def shared_only_in_a_description(sentence: Any, other: Any) -> bool:
    """Whether all a parsed sentence shares with ``other`` (names aside) lies in a clause
    describing a noun, or is that noun, while its main clause tells something ``other``
    does not: "Nobody was hurt in the blaze, which police are treating as arson" shares
    "police", "treating" and "arson" with "Police are treating the blaze as arson" only in
    its relative clause, which sets the scene for its own statement (nobody was hurt). One
    sentence is one version of one fact, and this one's is the main clause's. Only a clause
    set off by a comma or a dash is an aside: "a guard who saw smoke rising from the roof
    raised the alarm" tells who raised it."""
    clauses = [clause for clause in sentence if clause.dep_ in _ASIDE_CLAUSES and _set_off(clause)]
    if not clauses:
        return False
    described = {t.i for clause in clauses for t in clause.subtree}
    # The noun described, with the phrase it is part of ("in the blaze at the dairy, which …").
    nouns = {t.i for clause in clauses for t in _phrase_of(clause.head).subtree} - described
    shared = _own_shared(sentence.text, other.text, with_people=True)
    hits = [t.i for t in sentence if _stem(t) in shared]
    if not any(i in described for i in hits) or not all(i in described or i in nouns for i in hits):
        return False
    names = set(content_words(" ".join(_NAME.findall(sentence.text)))) - CALENDAR_WORDS
    theirs = set(content_words(other.text))
    own = {w for t in sentence if t.i not in described and t.i not in nouns and not t.is_punct
           for w in content_words(t.text)} - theirs - names
    return bool(own)


def _subject_and_rest(sentence: Any) -> tuple[set[str], set[str], set[str]]:
    """The content words of a sentence's subjects (of its main verbs, with their
    descriptions), those of the rest of it, and the subjects' head words."""
    subjects = [child for root in sentence if root.dep_ == "ROOT" for child in root.children if child.dep_ in _SUBJECTS]
    subject = {t.i for child in subjects for t in child.subtree}
    words = [t for t in sentence if not t.is_punct]
    return (set(content_words(" ".join(t.text for t in words if t.i in subject))),
            set(content_words(" ".join(t.text for t in words if t.i not in subject))),
            set(content_words(" ".join(child.text for child in subjects))))


def _shares_only_the_subject(sentence: Any, other: Any) -> bool:
    """Whether two sentences about one party share words only in their subjects: "Ida
    Marsh, director of the Lind Harbour Trust, says the trust will sue" and "Ida Marsh,
    director of the Lind Harbour Trust, was blunt:" both name her with her long title, which
    lifts their similarity, and say two things (or the second nothing yet) about her. A
    subject of another head may hold the other's statement as a noun ("The reaction from
    Orsk, its main ally, has been muted" / "Orsk, its main ally, has not reacted")."""
    shared = set(content_words(sentence.text)) & set(content_words(other.text))
    (subject, rest, head), (other_subject, other_rest, other_head) = _subject_and_rest(sentence), _subject_and_rest(other)
    return bool(head & other_head) and bool(shared) and shared <= subject & other_subject \
        and not shared & (rest | other_rest)
