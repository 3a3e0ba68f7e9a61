"""How many a statement tells of: one and many, all and only, part and whole, everybody and one, other groups."""

from __future__ import annotations

import re
from typing import Any

from .parse import _SUBJECTS, _doer, _predicate_stems, _stem
from .words import among_other_groups, content_words, figures, plain_wording


#: Dependencies of what a verb is done to: its object, or its subject in the passive.
_THEMES = frozenset({"dobj", "nsubjpass"})
#: Words that count a noun as one thing ("a pact", "one man") or as several ("many
#: agreements", "three men"); a bare noun counts nothing ("damage" / "damages").
_ONE = frozenset({"a", "an", "one", "single"})
_SEVERAL = frozenset({"many", "several", "numerous", "multiple", "various", "dozens", "hundreds", "thousands", "both"})


def _counted(noun: Any) -> bool:
    """Whether a noun's words count it: as one thing when singular ("a pact", "one man"),
    as several when plural ("many agreements", "three men")."""
    for child in noun.children:
        word = child.lower_
        if noun.tag_ == "NN" and child.dep_ in ("det", "nummod") and word in _ONE:
            return True
        if noun.tag_ == "NNS" and (word in _SEVERAL or child.dep_ == "nummod" and child.like_num and word not in _ONE):
            return True
    return False


def _deeds_done_to(sentence: Any) -> dict[tuple[str, str], set[tuple[bool, bool]]]:
    """Each main verb of a sentence with the noun it is done to, in plain words, and that
    noun's number (plural or not) and whether words count it ("inked a pact" → ("sign",
    "agreement"): {(False, True)}; "many agreements have been signed" → {(True, True)})."""
    found: dict[tuple[str, str], set[tuple[bool, bool]]] = {}
    for verb in sentence:
        if verb.dep_ not in ("ROOT", "conj", "ccomp") or verb.pos_ not in ("VERB", "AUX"):
            continue
        for noun in verb.children:
            if noun.dep_ in _THEMES and noun.pos_ == "NOUN" and noun.tag_ in ("NN", "NNS"):
                deed = (plain_wording(verb.lemma_.lower()), plain_wording(noun.lemma_.lower()))
                found.setdefault(deed, set()).add((noun.tag_ == "NNS", _counted(noun)))
    return found


def one_and_many(sentence: Any, other: Any) -> bool:
    """Whether two sentences tell one deed done to one thing in one and to several in the
    other ("Putin and Kim inked a defence pact" / "Many agreements have also been signed
    between them"; "police arrested a man" / "police arrested men"): the one is not the
    many, however alike the rest of the words. One side's words must count its noun: a
    bare noun ("the agreement", "damage" / "damages") may stand for either."""
    mine = _deeds_done_to(sentence)
    return any(plural != other_plural and (counted or other_counted)
               for deed, numbers in _deeds_done_to(other).items() if deed in mine
               for plural, counted in numbers for other_plural, other_counted in mine[deed])


#: Words before "all" / "every" that make it less than all ("nearly all") or no quantity
#: ("after all", "at all"), and before "only" that make it no limit ("not only").
_NOT_ALL = frozenset({"after", "at", "above", "not", "nearly", "almost", "virtually", "practically"})
_NOT_ONLY = frozenset({"not", "if"})
#: Words after "all" / "only" read as what they bound.
ALL_REACH, ONLY_REACH = 6, 3


def _bounded(text: str, quantifiers: frozenset[str], exceptions: frozenset[str], reach: int) -> list[set[str]]:
    """For each quantifier of ``text`` (not after one of ``exceptions``), the content words
    of the few words that follow it, plural "s" dropped and figures left out: what it bounds."""
    words = re.findall(r"[\w’'-]+", text.lower())
    return [{w[:-1] if w.endswith("s") and len(w) > 3 else w
             for w in content_words(" ".join(words[i + 1 : i + 1 + reach])) if not any(c.isdigit() for c in w)}
            for i, w in enumerate(words) if w in quantifiers and (i == 0 or words[i - 1] not in exceptions)]


def all_and_only(a: str, b: str) -> bool:
    """Whether one version says a thing of all of something and the other of only a part of
    it: "the flaw affects all versions of the browser" / "the flaw was proven to exist only
    in version 7" (or "only in IE 7") share nearly every word, but the second says the first
    is wrong, so they corroborate nothing."""
    def clash(every: str, some: str) -> bool:
        alls = _bounded(every, frozenset({"all", "every"}), _NOT_ALL, ALL_REACH)
        onlys = _bounded(some, frozenset({"only"}), _NOT_ONLY, ONLY_REACH)
        # "only in IE 7 on all versions of Windows" bounds itself: no claim of all.
        mine = _bounded(every, frozenset({"only"}), _NOT_ONLY, ONLY_REACH)
        return not mine and any(whole & part for whole in alls for part in onlys)
    return clash(a, b) or clash(b, a)


#: Heads of a subject that tells of a part of a group: "almost all of the voters", "half of
#: the 300 workers".
PART_WORDS = frozenset({"all", "most", "half", "some", "many", "none", "few", "majority", "minority", "third", "quarter",
                        "rest", "each", "one", "two", "three"})


def _clauses(sentence: Any) -> list[Any]:
    """A sentence's main clause and the clauses its verb reports ("…, reports said")."""
    root = sentence.root
    return [root] + [c for c in root.children if c.dep_ == "ccomp"]


def _tells_of_a_part(sentence: Any, other: Any) -> bool:
    """Whether ``sentence`` tells something new of a part of a group (its subject, "almost
    all of the 2,000 members eligible") and meets ``other`` only in that subject: what
    ``other`` tells ("2,000 members were eligible") is how the group is named here."""
    theirs = set().union(*(_predicate_stems(c) for c in _clauses(other)))
    for clause in _clauses(sentence):
        subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
        if subject is None or subject.lower_ not in PART_WORDS \
                or not any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
            continue
        if not theirs or _predicate_stems(clause) & theirs:
            continue
        group = {t.i for t in subject.subtree}
        hits = [t.i for t in sentence if _stem(t) in theirs]
        if hits and all(i in group for i in hits):
            return True
    return False


def part_and_whole(a: Any, b: Any) -> bool:
    """Whether one parsed version tells something of a part of a group the other only names
    or describes: "Almost all of the 2,000 members eligible cast a ballot" / "Some 2,000
    members were eligible to vote" share the figure and the group, and tell two things
    (the turnout, the electorate)."""
    return _tells_of_a_part(a, b) or _tells_of_a_part(b, a)


def figures_of_other_groups(a: str, b: str) -> bool:
    """Whether two versions give different figures, one of a group picked out with "among"
    that the other does not name: "The margin of error among the dockers polled was plus
    or minus six points" / "The margin of error is plus or minus 3.5 points" tell of two
    samples (compare reads no disagreement in them either, :func:`among_other_groups`)."""
    figures_a, figures_b = figures(a), figures(b)
    return bool(figures_a or figures_b) and not figures_a & figures_b and among_other_groups(a, b)


#: Subjects that tell of everybody: "just about everybody heads to Orsk" is no version of
#: "Vale heads to Orsk", which tells of one.
EVERYBODY = frozenset({"everybody", "everyone", "all"})
_ONE_PERSON = frozenset({"he", "she"})


def _of_one(subject: Any) -> bool:
    """Whether a parsed subject names one party: "he", "she", a name, a singular noun."""
    if subject.pos_ == "PRON":
        return subject.lower_ in _ONE_PERSON
    return subject.tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in subject.children)


def everybody_and_one(a: Any, b: Any) -> bool:
    """Whether one parsed sentence's main verb is said of everybody (:data:`EVERYBODY`) and
    the other's of one party: "Just about everybody now heads to Orsk" / "He will head to
    Orsk, where he leads the polls". What all do is not what one does, and the one is not
    all."""
    subjects = [_doer(s) for s in (a, b)]
    if None in subjects:
        return False
    every = [s.lower_ in EVERYBODY for s in subjects]
    return every[0] != every[1] and _of_one(subjects[every[0]])
