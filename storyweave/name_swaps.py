"""Two versions of a sentence that differ in who or where: "Orsk will pay for the repairs" /
"Wexmoor will pay for the repairs".

The sentence model and the statement judge score such a pair as one statement (0.94): all
other words are shared. Counted as one fact, it would say that both outlets report that
Orsk pays, and a brief sentence would cite an article that names someone else. The two are
told apart here from the words in which they differ: a name in one version that stands
where the other has another name, neither appearing in the other version.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Any, Callable

from .extract.attribution_words import SPEECH_VERBS
from .group.background import word_frequency

#: A word this frequent in English is an ordinary word when it opens a sentence
#: ("Police said" / "Officials said"), whatever its capital.
COMMON_WORD_FREQUENCY = 1e-5
#: Titles and roles, capitalised before a name but no name ("Supreme Leader", "Assistant
#: General Manager").
TITLES = frozenset("""mr mrs ms dr sir dame president vice leader supreme minister prime chancellor secretary
    general manager assistant senior chief executive officer director deputy judge justice governor mayor senator
    representative sergeant sgt lieutenant captain colonel commander inspector detective constable officer
    professor king queen prince princess pope""".split())
#: Days and months: a different day is a date discrepancy (compare's), not another party.
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december""".split())
#: Verbs whose object is the outlet or person told, not a party to what is stated.
TOLD = frozenset({"told", "tell", "tells", "telling"})
#: Longest run of words read as one name.
MAX_NAME_WORDS = 4
#: A word of one name that begins a word of the other makes them one name ("Russia" /
#: "Russian", "Oct" / "October") from this many characters on.
MIN_PREFIX = 3

# Words, with inner dots ("U.N", "People.com") but not a sentence's full stop.
_WORD = re.compile(r"[\w’'-]+(?:\.[\w’'-]+)*")
# Short forms of titles and words that are no names ("Sgt. Earley", "200 W. American").
_ABBREVIATED = re.compile(r"[A-Z][a-z]{0,3}\.")


def _is_name(words: list[str], abbreviated: list[bool], opens_sentence: bool) -> bool:
    if not words or len(words) > MAX_NAME_WORDS or not all(w[:1].isupper() for w in words):
        return False
    named = [w.lower().strip("’'") for w, short in zip(words, abbreviated) if not short]
    named = [w for w in named if w not in TITLES and w not in CALENDAR]
    if opens_sentence:
        return any(word_frequency(w) < COMMON_WORD_FREQUENCY for w in named)
    return bool(named)


def _abbreviated(text: str, words: list[re.Match[str]]) -> list[bool]:
    """For each word, whether it is a short form: a capital and up to three letters and a
    dot that does not end the text ("Sgt. Earley"; "in Orsk." ends its sentence)."""
    return [bool(_ABBREVIATED.fullmatch(text[m.start():m.end() + 1])) and bool(text[m.end() + 1:].strip())
            for m in words]


def plain_name(name: str) -> str:
    """A name in lower case without possessive "'s", dots and apostrophes, hyphens and
    spaces as single spaces: "U.N." is "un", "Kim Jong-un" is "kim jong un", "Korea's" is
    "korea"."""
    name = re.sub(r"[’']s\b", "", name.lower())
    return re.sub(r"[\s-]+", " ", re.sub(r"[.’']", "", name)).strip()


def same_name(a: str, b: str) -> bool:
    """Whether two names can be one person, body or place by their words: they share a
    word ("Kim" / "Kim Jong Un", "Korea's Supreme Leader" / "North Korean Leader"), or a
    word of one begins a word of the other ("Russia" / "Russian"). Lenient on purpose: a
    swap missed costs a merged fact, a swap invented splits one."""
    words_a, words_b = plain_name(a).split(), plain_name(b).split()
    initials_a, initials_b = "".join(w[0] for w in words_a), "".join(w[0] for w in words_b)
    if "".join(words_a) in (initials_b, initials_b[1:]) or "".join(words_b) in (initials_a, initials_a[1:]):
        return True  # "AFC" / "American Football Conference", "UN" / "the United Nations"
    for x in words_a:
        for y in words_b:
            short, long = sorted((x, y), key=len)
            if x == y or len(short) >= MIN_PREFIX and long.startswith(short):
                return True
    return False


@lru_cache(maxsize=4096)
def swapped_names(a: str, b: str, same: Callable[[str, str], bool] = same_name) -> tuple[str, str] | None:
    """The name of ``a`` and the name of ``b`` that stand in each other's place, or None.

    Only a replacement counts (the words around both names are shared), and only when
    neither name appears in the other text: "Putin met Kim" / "Kim met Putin" names the
    same two people.

    Args:
        same: whether two names stand for one entity (by default by their words alone;
            the pipeline also passes the story's aliases: "America" / "the United States").

    >>> swapped_names("Orsk will pay for the repairs.", "Wexmoor will pay for the repairs.")
    ('Orsk', 'Wexmoor')
    >>> swapped_names("Kim Jong Un met Putin.", "Kim met Putin.") is None
    True
    """
    found_a, found_b = list(_WORD.finditer(a)), list(_WORD.finditer(b))
    wa, wb = [m.group() for m in found_a], [m.group() for m in found_b]
    short_a, short_b = _abbreviated(a, found_a), _abbreviated(b, found_b)
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in wa], b=[w.lower() for w in wb], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace":
            continue
        x, y = wa[i1:i2], wb[j1:j2]
        if i1 and j1 and wa[i1 - 1].lower() in TOLD and wb[j1 - 1].lower() in TOLD:
            continue  # "her agent told People" / "told Us Weekly": whom it was told, not what
        if not (_is_name(x, short_a[i1:i2], i1 == 0) and _is_name(y, short_b[j1:j2], j1 == 0)):
            continue
        name_a, name_b = " ".join(x), " ".join(y)
        if same(name_a, name_b):
            continue
        if _named_in(name_a, wb, same) or _named_in(name_b, wa, same):
            continue
        return name_a, name_b
    return None


def _named_in(name: str, words: list[str], same: Callable[[str, str], bool]) -> bool:
    """Whether a run of capitalised words of a text is the same name."""
    return any(same(name, " ".join(words[k:k + n])) for n in range(1, MAX_NAME_WORDS + 1)
               for k in range(len(words) - n + 1) if words[k][:1].isupper())


def _deed_verb(sentence: Any) -> Any | None:
    """The verb of what a parsed sentence tells: its main verb, or the verb of the clause
    its speech verb reports ("Police said [Orsk paid]"); None when a speech verb reports no
    clause."""
    verb = sentence.root
    if verb.lemma_.lower() in SPEECH_VERBS:
        # The speaker does not do what is told; a quote credited two ways is compare's.
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    return verb


def doer(sentence: Any) -> str | None:
    """The name that is the subject of a parsed sentence's main verb, or of the clause its
    speech verb reports ("Police said [Orsk paid]"), with the words compounded before it
    ("the Red Sox"); None when the subject is no name ("the council", "Police")."""
    verb = _deed_verb(sentence)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    # The parser tags a made-up name as a noun as often as not: capitals decide, as for swaps.
    tokens = [t for t in subject.lefts if t.dep_ == "compound"] + [subject]
    words = [t.text for t in tokens]
    opens = all(t.is_punct for t in sentence.doc[sentence.start:tokens[0].i])
    # At a sentence's start a capital proves nothing, so a name of common words ("Jack
    # Hunter", "Rose Field") fails the rarity test; the parser's proper nouns, two or more
    # in a run, are one name.
    proper_run = len(tokens) > 1 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens)
    if not (_is_name(words, [False] * len(words), opens) or proper_run):
        return None
    return " ".join(words)


def other_doers(a: Any, b: Any, same: Callable[[str, str], bool] = same_name) -> tuple[str, str] | None:
    """The names that do what two parsed sentences tell, when they are two parties each
    absent from the other sentence: "Orsk made Vale a four-year offer" / "Wexmoor has made
    a four-year offer to Vale, its agent said" are worded too differently for a swap of
    words in place (:func:`swapped_names`), yet name two bidders. A party the other sentence
    names anywhere ("Orsk bought the mill from Wexmoor" / "Wexmoor sold the mill to Orsk")
    may be one event told from the other side."""
    deed = _doers_of_one_deed(a, b, same)
    if deed:
        return deed
    doer_a, doer_b = doer(a), doer(b)
    if not doer_a or not doer_b or same(doer_a, doer_b):
        return None
    words_a, words_b = _WORD.findall(a.text), _WORD.findall(b.text)
    if _named_in(doer_a, words_b, same) or _named_in(doer_b, words_a, same):
        return None
    return doer_a, doer_b


#: Dependents that open a clause of its own on a verb: a party named there takes no part in
#: the verb's deed ("Lind won the Orsk primary, defeating Brel": Brel did not win).
_OWN_CLAUSES = frozenset({"advcl", "ccomp", "xcomp", "acl", "relcl", "parataxis", "conj", "advmod", "npadvmod"})


#: Entity types of a doer the parser names: a one-word name opening a sentence ("Brel won
#: …") fails the rarity test of :func:`doer`, which is there for "Police" and "Officials".
_DOER_ENTITIES = frozenset({"PERSON", "ORG", "GPE"})


def _named_doer(sentence: Any) -> str | None:
    """The doer of a parsed sentence's deed: a name by :func:`doer`, or a subject the
    parser tags as a person, organisation or place."""
    found = doer(sentence)
    verb = _deed_verb(sentence)
    if found or verb is None:
        return found
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in _DOER_ENTITIES:
        return None
    return " ".join(t.text for t in [t for t in subject.lefts if t.dep_ == "compound"] + [subject])


def _doers_of_one_deed(a: Any, b: Any, same: Callable[[str, str], bool]) -> tuple[str, str] | None:
    """The two named doers of one verb's deed in two parsed sentences, neither a party to
    the other's deed: "Brel won the Orsk primary in 2008" / "Lind won the Orsk primary on
    Tuesday, defeating Brel" are two wins, though each names both. A party the other
    sentence names as the verb's object or in its phrases may be one event told from the
    other side ("Orsk met Wexmoor" / "Wexmoor met Orsk"); so may two verbs ("Orsk bought
    the mill from Wexmoor" / "Wexmoor sold the mill to Orsk": :func:`other_doers` judges
    those)."""
    verb_a, verb_b = _deed_verb(a), _deed_verb(b)
    if verb_a is None or verb_b is None or verb_a.lemma_.lower() != verb_b.lemma_.lower():
        return None
    doer_a, doer_b = _named_doer(a), _named_doer(b)
    if not doer_a or not doer_b or same(doer_a, doer_b):
        return None
    if _party_to(verb_a, doer_b, same) or _party_to(verb_b, doer_a, same):
        return None
    # Doers each absent from the other sentence are :func:`other_doers`'s to judge, by
    # stricter names ("Moscow denied" / "the Kremlin denied" may be one party).
    if not (_named_in(doer_a, _WORD.findall(b.text), same) or _named_in(doer_b, _WORD.findall(a.text), same)):
        return None
    return doer_a, doer_b


def _party_to(verb: Any, name: str, same: Callable[[str, str], bool]) -> bool:
    """Whether a name stands among a verb's own words: its subject, object and phrases,
    not a clause of its own hung on it."""
    words = [t.text for c in verb.children if c.dep_ not in _OWN_CLAUSES for t in c.subtree]
    return _named_in(name, words, same)
