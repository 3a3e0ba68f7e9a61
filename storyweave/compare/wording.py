"""Wording findings: one quote printed in different words by different outlets, the
changes named in plain words (:func:`word_changes`), spelling conventions
(:func:`same_spelling`), elisions and the outlet's own insertions left out."""

from __future__ import annotations

import difflib
import re
from typing import Any, Sequence

from ..align import SAME_STATEMENT, same_statement
from ..align.quotes import VERBATIM_SHARE, other_speakers, word_diff, wording_similarity
from ..align.words import content_words
from ..extract.dates import ORDINALS
from ..model import DiscrepancyKind, Quote
from .attribution import MIN_ATTRIBUTED_WORDS, kept_in_order, quoted_words
from .figures import NUMBER_WORDS
from .findings import _item

#: Quotes count as reworded from this share of changed words (a changed comma is not).
WORDING_DRIFT = 0.05
#: A reworded quote keeps most of the words of the shorter version in order, or, reworded
#: whole (two translations of one remark), about its length. A much longer quote that keeps
#: little of the shorter one is another remark by the same speaker on the same subject ("I
#: have no problem with being checked" / "I have always said that I expect to be checked
#: by anyone who wants to"), not a version of it.
SAME_REMARK_KEPT = 0.65
SAME_REMARK_LENGTH = 1.3


def _wording_drift(verbatim: Sequence[Quote], add: Any) -> None:
    """One wording finding per quote group: the first quote and every variant that words
    it differently, as items; the explanation lists each distinct change once, so three
    outlets sharing one rewording read as one finding, not one per pair."""
    # A phrase of a word or two in quotation marks ("the conflagration") is a label an
    # outlet borrows, not a version of the sentence another outlet quotes whole.
    verbatim = [q for q in verbatim if quoted_words(q.text) >= MIN_ATTRIBUTED_WORDS]
    if not verbatim:
        return
    first = verbatim[0]
    variants: list[Quote] = []
    changes: list[tuple[str, str, str]] = []
    for q in verbatim[1:]:
        if q.article == first.article or 1.0 - wording_similarity(first.text, q.text) < WORDING_DRIFT:
            continue
        if _other_remark_of_the_speaker(first.text, q.text) or _two_peoples_remarks(first, q):
            continue
        found = [c for c in map(_respelt_ends_trimmed, _unelided(word_changes(word_diff(_mark_elisions(first.text), _mark_elisions(q.text)))))
                 if not (c[0] == "replace" and same_spelling(c[1], c[2])) and not _editorial(c, first.text, q.text)
                 and re.search(r"\w", c[1] + c[2])]  # a dash printed as "--" or "—" is punctuation
        if not found:
            continue  # one outlet quotes only part of the sentence: same words, shorter extract
        if any(v.article == q.article for v in variants):
            continue  # one article's wording is shown once
        variants.append(q)
        changes += [c for c in found if c not in changes]
    if not variants:
        return
    # The changes of words that carry meaning are named first; a swapped "with"/"to" is
    # counted among the rest when there are more changes than are shown.
    shown = sorted(sorted(range(len(changes)), key=lambda i: (not _carries_meaning(changes[i]), i))[:MAX_CHANGES_SHOWN])
    listed = "; ".join(_change_phrase(changes[i]) for i in shown)
    rest = len(changes) - len(shown)
    more = f" and {rest} more change{'s' if rest != 1 else ''}" if rest else ""
    outlets = f" ({len(variants) + 1} sources)" if len(variants) > 1 else ""
    add(DiscrepancyKind.WORDING, f"The same quote is worded differently{outlets}: {listed}{more}.",
        [_item(q.article, q.text, q.span) for q in [first, *variants]])


#: Stands in a quote for the words an outlet left out and marked with an ellipsis.
_ELISION = "__elided__"
_ELLIPSIS = re.compile(r"\s*(?:…|\.\s?\.\s?\.)\s*")


def _mark_elisions(text: str) -> str:
    return _ELLIPSIS.sub(f" {_ELISION} ", text)


def _unelided(changes: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The changes with the words opposite an ellipsis taken out: "We will … rebuild" says
    that words were left out there, so whatever the full quote has in their place is no
    change; other words changed next to it still are."""
    out = []
    for kind, old, new in changes:
        old_words = [w for w in old.split() if w.lower() != _ELISION]
        new_words = [w for w in new.split() if w.lower() != _ELISION]
        if (old_words, new_words) == (old.split(), new.split()):
            out.append((kind, old, new))
        elif old_words and new_words:
            out.append((kind, " ".join(old_words), " ".join(new_words)))
    return out


def _another_remark(a: str, b: str) -> bool:
    """Whether two quotes of about one length are two remarks that share one phrase ("The
    people of Lusk deserve a mayor who answers their calls" / "The people of Lusk deserve
    better than another four years of this"): they have one run of words in common, every
    other word differs, and the statement judge does not take them for one statement. A
    remark reworded whole ("perfectly peaceful and protective" / "strictly peace-loving and
    defensive") shares no phrase, only small words, and stays a rewording; so does one that
    keeps even a "the" of its rest in place ("We will reopen every bridge in the valley …" /
    "We will reopen every crossing over the river …"): the statement judge misses many
    paraphrases, so it decides only where the words leave nothing else in common."""
    wa = [w.lower() for w in re.findall(r"[\w’'-]+", a)]
    wb = [w.lower() for w in re.findall(r"[\w’'-]+", b)]
    runs = [m for m in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_matching_blocks() if m.size]
    if len(runs) != 1 or not content_words(" ".join(wa[runs[0].a : runs[0].a + runs[0].size])):
        return False
    rest_a = wa[: runs[0].a] + wa[runs[0].a + runs[0].size :]
    rest_b = wb[: runs[0].b] + wb[runs[0].b + runs[0].size :]
    if set(content_words(" ".join(rest_a))) & set(content_words(" ".join(rest_b))):
        return False
    return same_statement(a, b) < SAME_STATEMENT


def _other_remark_of_the_speaker(a: str, b: str) -> bool:
    """Whether two quotes of one group are two remarks, not one reworded: a much longer one
    keeping little of the shorter, or two sharing one phrase and nothing else
    (:func:`_another_remark`), of about one length or not. A speaker repeats a phrase of
    his from speech to speech ("And let's keep Lusk moving" / "We're behind, but we'll turn
    it around. We're going to keep Lusk moving"): the shorter quote may hold little besides
    it, and what stands before it in each is another remark's opening, not a rewording.
    A question and a statement keeping little of each other are two remarks as well
    (:func:`_asked_and_told`)."""
    kept, longer = kept_in_order(a, b), _length_ratio(a, b) > SAME_REMARK_LENGTH
    if kept < SAME_REMARK_KEPT and (longer or _asked_and_told(a, b)):
        return True
    return (kept < SAME_REMARK_KEPT or longer) and _another_remark(a, b)


def _asked_and_told(a: str, b: str) -> bool:
    """Whether one of two quotes asks a question and the other asks none. An outlet that
    rewords a quotation keeps its question a question; a speaker asking before an event
    ("Is Mayor Voss going to finally name the culprits?") and telling after it ("Mayor Voss
    refused to even name the culprits") made two remarks on one subject. Only quotes that
    keep little of each other's words in order are judged so: an extract of the question
    is the same words."""
    return ("?" in a) != ("?" in b)


def _two_peoples_remarks(a: Quote, b: Quote) -> bool:
    """Whether two quotes are credited to two people and keep under half of the shorter's
    words in order: each person's own remark ("I support and endorse Ida Marn" / "I strongly
    support Ida Marn, … we need Ida Marn"), not one outlet's rewording of the other's quote.
    The same words credited to two people stay one quote (attribution drift)."""
    return other_speakers(a, b) and kept_in_order(a.text, b.text) < VERBATIM_SHARE


def _length_ratio(a: str, b: str) -> float:
    """How many times longer, in words, the longer quote is."""
    na, nb = len(re.findall(r"[\w’'-]+", a)), len(re.findall(r"[\w’'-]+", b))
    return max(na, nb) / max(1, min(na, nb))


#: Words an outlet puts into a quote: anything in square brackets ("[The police] have"), or
#: a name in round ones ("her (Ida Marsh) and her family"), which names whom the speaker
#: meant. Round brackets holding other words may be the speaker's own aside.
_INSERTED = re.compile(r"\[([^\]]*)\]|\(((?:[A-Z][\w’'.-]*\s?)+)\)")


def _editorial(change: tuple[str, str, str], old_text: str, new_text: str) -> bool:
    """Whether a change only puts in or takes out words the outlet inserted
    (:data:`_INSERTED`): "[The police] have a hard time" for "They have a hard time" is the
    outlet's clarification, which the brackets mark as not the speaker's."""
    _, old, new = change
    def bracketed(words: str, text: str) -> bool:
        inside = {w.lower() for m in _INSERTED.finditer(text) for w in re.findall(r"[\w’'-]+", m.group(1) or m.group(2))}
        return bool(inside) and all(w.strip("()[]").lower() in inside for w in words.split())
    return any(words and bracketed(words, text) for words, text in ((old, old_text), (new, new_text)))


#: A wording finding names this many changes and counts the rest.
MAX_CHANGES_SHOWN = 4


#: British and American spellings of one word ("realised" / "realized", "defence" /
#: "defense"): an outlet's house style, not a change in what was said.
#: Each rule is narrow enough that what it merges is never two different words ("four" and
#: "for": 'our' needs two letters before it; "filled" and "filed": 'lled' needs "el"/"al").
_SPELLINGS = ((re.compile(r"is(e[sd]?|ing|ation)$"), r"iz\1"), (re.compile(r"ys(e[sd]?|ing)$"), r"yz\1"),
              (re.compile(r"(?<=\w\w)our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
              (re.compile(r"(?<=[^aeiou])tre(s)?$"), r"ter\1"), (re.compile(r"ence$"), "ense"),
              (re.compile(r"ogue$"), "og"), (re.compile(r"(?<=\w\w[ae])ll(ed|ing|er)$"), r"l\1"),
              (re.compile(r"amme$"), "am"))


def _ordinal_figure(n: int) -> str:
    """11 → "11th", 21 → "21st"."""
    return f"{n}{'th' if 10 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


#: Numbers and ordinals in words, as figures ("eleven" → "11", "eleventh" → "11th").
_NUMBER_SPELLINGS = {**{w: str(n) for w, n in NUMBER_WORDS.items() if w not in ("hundred", "dozen")},
                     **{w: _ordinal_figure(n) for w, n in ORDINALS.items()}}


#: Contractions whose long form is certain ("'s" and "'d" are not: "he's" is "he is" or "he
#: has"), irregular ones first.
_CONTRACTIONS = ((re.compile(r"\bwon\s?['’]\s?t\b"), "will not"), (re.compile(r"\bcan\s?['’]\s?t\b|\bcannot\b"), "can not"),
                 (re.compile(r"\bshan\s?['’]\s?t\b"), "shall not"), (re.compile(r"n\s?['’]\s?t\b"), " not"),
                 (re.compile(r"(?<=\w)\s?['’]\s?m\b"), " am"), (re.compile(r"(?<=\w)\s?['’]\s?re\b"), " are"),
                 (re.compile(r"(?<=\w)\s?['’]\s?ve\b"), " have"), (re.compile(r"(?<=\w)\s?['’]\s?ll\b"), " will"))


def _uncontracted(words: str) -> str:
    """Words with contractions written out: whether "I'm sorry" or "I am sorry" was printed
    is how a transcriber heard the speaker, not what was said."""
    for pattern, replacement in _CONTRACTIONS:
        words = pattern.sub(replacement, words)
    return words


def _spelling_key(words: str) -> str:
    words = _uncontracted(words.lower())
    # Where an apostrophe sits ("population's" / "populations'") and whether a compound is
    # hyphenated ("cyber-criminals" / "cyber criminals") is how a transcriber punctuated
    # the spoken words, not what was said.
    key = re.sub(r"(?<=\w)(?:\s['’‘]\s|['’‘])(?=\w)", "", words.lower())  # "I ’ m" = "I'm"
    key = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", re.sub(r"['’‘]", "", key))
    # A number in figures or in words ("the 11th hour" / "the eleventh-hour") is the
    # transcriber's style too; a dash left on its own is punctuation.
    words = [_NUMBER_SPELLINGS.get(w, w) for w in key.split() if re.search(r"\w", w)]
    for pattern, replacement in _SPELLINGS:
        words = [pattern.sub(replacement, w) for w in words]
    return " ".join(words)


def _respelt_ends_trimmed(change: tuple[str, str, str]) -> tuple[str, str, str]:
    """A replacement without the words at its ends that are only spelt another way: "I've"
    → "that I have" adds “that”. The words left are shown as the outlet printed them when
    it printed them whole, else in their long form."""
    kind, old, new = change
    if kind != "replace":
        return change
    key_old, key_new = _spelling_key(old).split(), _spelling_key(new).split()
    if not key_old or not key_new or key_old[0] != key_new[0] and key_old[-1] != key_new[-1]:
        return change
    while key_old and key_new and key_old[0] == key_new[0]:
        key_old, key_new = key_old[1:], key_new[1:]
    while key_old and key_new and key_old[-1] == key_new[-1]:
        key_old, key_new = key_old[:-1], key_new[:-1]
    if not key_old and not key_new:
        return ("replace", old, old)  # only spelt another way: no change
    if not key_old:
        return ("add", "", _as_printed(key_new, new))
    if not key_new:
        return ("drop", _as_printed(key_old, old), "")
    return ("replace", _as_printed(key_old, old), _as_printed(key_new, new))


def _as_printed(keys: list[str], text: str) -> str:
    """The words of ``text`` whose spelling keys are ``keys``, as printed, or the keys
    themselves when a printed word holds more than one of them ("I've" for "i have")."""
    printed = [w for w in text.split() if _spelling_key(w) in keys]
    return " ".join(printed) if [_spelling_key(w) for w in printed] == keys else " ".join(keys)


def same_spelling(a: str, b: str) -> bool:
    """Whether two wordings differ only in spelling convention, apostrophes or hyphens."""
    return _spelling_key(a) == _spelling_key(b)


def _word_key(word: str) -> str:
    """A word as compared for a change: case and a possessive ending do not count
    ("countries" and "Countries’" are the same word put in another order)."""
    return re.sub(r"['’]s?$", "", word.lower())


def word_changes(ops: Sequence[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """What a reader would say changed from one wording to another, from their word diff
    (:func:`~storyweave.align.quotes.word_diff`), as ``(kind, old, new)`` in text order.

    The diff's runs of equal words anchor the two wordings; the words between two anchors
    are one change: a ``replace`` (“fully” → “thoroughly”), an ``add`` (new only) or a
    ``drop`` (old only). A content word dropped between one pair of anchors and added
    between another was moved, not replaced: it is one ``move`` (old and new both the
    moved words, with those of its neighbours that moved along: “on Monday”), and the
    changes it sat in shrink to what was really changed, so "signed today, among other
    things, provides" against "signed yesterday provides, among other things" is
    “today” → “yesterday” and a moved “provides”. Words one wording only has at either end
    are where the outlets began or stopped quoting, no change (unless the same words sit
    at the other end: "this summer" put first); a replacement at an end is rewording and
    stays. Case and possessive endings alone are no change.
    """
    regions: list[tuple[list[str], list[str], bool]] = []  # (old words, new words, at an end)
    old: list[str] = []
    new: list[str] = []
    anchored = False
    for op, words in ops:
        if op == "equal":
            if old or new:
                regions.append((old, new, not anchored))
            old, new, anchored = [], [], True
        elif op == "delete":
            old += words.split()
        else:
            new += words.split()
    if old or new:
        regions.append((old, new, True))

    moves: list[tuple[int, str]] = []
    for i, (_, added, end_i) in enumerate(regions):
        for word in list(added):
            if word not in added or not content_words(word):
                continue  # a "the" that changed place alone is no news
            # Between the two ends, only the same words are a move ("this summer" put
            # first); otherwise they are where the outlets began and stopped quoting.
            j = next((j for j, (dropped, _, end_j) in enumerate(regions)
                      if j != i and any(_word_key(w) == _word_key(word) for w in dropped)
                      and (not (end_i and end_j) or sorted(map(_word_key, dropped)) == sorted(map(_word_key, added)))), None)
            if j is None:
                continue
            # The words that went with it move too ("on Monday" put first).
            dropped = regions[j][0]
            moved = []
            for w in list(added):
                match = next((d for d in dropped if _word_key(d) == _word_key(w)), None)
                if match is not None:
                    dropped.remove(match)
                    added.remove(w)
                    moved.append(w)
            moves.append((min(i, j), " ".join(moved)))

    found: list[tuple[int, tuple[str, str, str]]] = []
    for i, (dropped, added, at_end) in enumerate(regions):
        if dropped and added:
            if [_word_key(w) for w in dropped] != [_word_key(w) for w in added]:
                found.append((i, ("replace", " ".join(dropped), " ".join(added))))
        elif at_end:
            continue
        elif added:
            found.append((i, ("add", "", " ".join(added))))
        elif dropped:
            found.append((i, ("drop", " ".join(dropped), "")))
    found += [(i, ("move", words, words)) for i, words in moves]
    found.sort(key=lambda f: (f[0], f[1][0] == "move"))
    return [change for _, change in found]


def _carries_meaning(change: tuple[str, str, str]) -> bool:
    _, old, new = change
    return bool(content_words(f"{old} {new}"))


def _change_phrase(change: tuple[str, str, str]) -> str:
    """One change in plain words: “fully” → “thoroughly”, adds “a”, drops “x”, moves “y”."""
    kind, old, new = change
    if kind == "add":
        return f"adds “{new}”"
    if kind == "drop":
        return f"drops “{old}”"
    if kind == "move":
        return f"moves “{old}”"
    return f"“{old}” → “{new}”"
