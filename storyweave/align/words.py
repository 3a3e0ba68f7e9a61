"""align's words: the content words two sentences are compared by, headline words put in
plain ones, the runs of words two texts share, and the figures a text gives. Every stage
that weighs wording (facts, quote groups, the brief, compare's findings) reads text this one
way."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator

STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been being it its this
    that these those he she they we i you his her their our your has have had do does did not no will would
    shall should can could may might must than then so such also into over after before about against between
    said says say told which who whom whose what when where while there here up out if""".split()
)


@lru_cache(maxsize=65536)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(content_words_uncached(text))


def content_words(text: str) -> list[str]:
    """Lowercased content words (see :func:`content_words_uncached`), memoised."""
    return list(_content_words(text))


def content_words_uncached(text: str) -> list[str]:
    """Lowercased content words, with a crude suffix strip so "transfers" meets "transfer"
    and hyphens dropped so "multi-polar" meets "multipolar"."""
    text = re.sub(r"(?<=\w)-(?=\w)", "", text.lower().replace("’", "'"))
    words = [w for w in re.findall(r"[a-z0-9]+", text) if w not in STOPWORDS]
    return [re.sub(r"(?<=[a-z]{3})(ing|ed|es|s)$", "", w) for w in words]


def word_overlap(a: str, b: str) -> float:
    """Dice coefficient of the two sentences' content words (0–1)."""
    wa, wb = set(content_words(a)), set(content_words(b))
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


#: Headline words news writers use for plain ones ("inked a pact" for "signed an
#: agreement"). The sentence model barely knows them (MiniLM puts "inked" as near
#: "signed" as "denied" is), so claims' main clauses are compared in plain words.
PLAIN_WORDS = {
    "ink": "sign", "inks": "signs", "inked": "signed", "inking": "signing",
    "pact": "agreement", "pacts": "agreements", "accord": "agreement", "accords": "agreements",
    "slam": "criticise", "slams": "criticises", "slammed": "criticised",
    "vow": "pledge", "vows": "pledges", "vowed": "pledged",
    "probe": "investigation", "probes": "investigations",
    "oust": "remove", "ousts": "removes", "ousted": "removed",
    "hike": "increase", "hikes": "increases", "hiked": "increased",
    "axe": "cut", "axes": "cuts", "axed": "cut",
    "quit": "resign", "quits": "resigns",
    "nab": "arrest", "nabs": "arrests", "nabbed": "arrested",
    "mull": "consider", "mulls": "considers", "mulled": "considered",
    "solon": "legislator", "solons": "legislators", "cops": "police",
}
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=65536)
def plain_wording(text: str) -> str:
    """The text with headline words (:data:`PLAIN_WORDS`) put in plain words (memoised:
    each claim is compared with every other claim of its story)."""
    return _WORD.sub(lambda m: PLAIN_WORDS.get(m.group(0).lower(), m.group(0)), text)


def common_runs(a: str, b: str, length: int = 3, words: Callable[[str], list[str]] = content_words) -> set[tuple[str, ...]]:
    """Every run of ``length`` words (as ``words`` reads a text) the two texts share, in order."""
    wa, wb = words(a), words(b)
    runs = {tuple(wa[i : i + length]) for i in range(len(wa) - length + 1)}
    return {tuple(wb[i : i + length]) for i in range(len(wb) - length + 1) if tuple(wb[i : i + length]) in runs}


#: "among" and the group it picks out ("among likely voters", "among that group"); "among
#: other things" and "among them" pick out nothing the other sentence could lack.
_AMONG = re.compile(r"\bamong\s+(?!(?:other|others|them|those|these)\b)((?:[\w'’-]+\s+){0,3}?[\w'’-]+?)(?=[\s,.;:]|$)", re.I)


def among_other_groups(a: str, b: str) -> bool:
    """Whether the two sentences' figures are of different groups: one restricted "among"
    a group the other does not name ("the margin of error among that group was four
    points" / "the margin of error is 5.7 points"; "among the dead were 12 children" /
    "30 people died")."""
    groups_a = {" ".join(content_words(m.group(1))) for m in _AMONG.finditer(a)}
    groups_b = {" ".join(content_words(m.group(1))) for m in _AMONG.finditer(b)}
    return groups_a != groups_b


#: Number words a figure may be written in ("four months" is "4 months"). "One" is left
#: out: it is mostly no count ("one of the", "the one who").
_UNIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
FIGURE_WORDS = {**{w: str(n) for w, n in _UNIT_WORDS.items() if w != "one"},
                "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
                "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "hundred": "100",
                **{w: str(n) for w, n in _TENS_WORDS.items()}}
#: A figure, in digits or words ("sixty-five" whole), with a half after it ("4 1/2",
#: "4-1/2", "4½", "four and a half"), or a fraction alone.
FIGURE = re.compile(r"(\d+/\d+)|(\d+(?:[.,]\d+)?|\b(?:(?:" + "|".join(_TENS_WORDS) + r")[\s-](?:" + "|".join(_UNIT_WORDS)
                    + r")|" + "|".join(FIGURE_WORDS) + r")\b)(\s*-?\s*1/2\b|\s*½|\s+and\s+a\s+half\b)?", re.I)
#: "41/2 months": a half whose space the page lost ("4½" scraped), read as "4 1/2".
_GLUED_HALF = re.compile(r"(?<=\d)(?=1/2\b)")


def _figure_matches(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Each figure a text gives, as digits (:func:`figures`), with its match."""
    for m in FIGURE.finditer(text):
        if m.group(1):
            yield m.group(1), m
            continue
        word = m.group(2).lower()
        tens, _, unit = word.replace("-", " ").partition(" ")
        number = str(_TENS_WORDS[tens] + _UNIT_WORDS[unit]) if unit in _UNIT_WORDS else FIGURE_WORDS.get(word, m.group(2))
        yield (f"{number}.5" if m.group(3) and number.isdigit() else number), m


@lru_cache(maxsize=65536)
def figures(text: str) -> frozenset[str]:
    """The figures a text gives, as digits: "four" is "4", "four and a half" and "4 1/2" are
    "4.5" (and no "4"), so that a sentence saying "four and a half months" is no citation
    for "four months", nor one saying "five" for "four"."""
    return frozenset(number for number, _ in _figure_matches(_GLUED_HALF.sub(" ", text)))


_NEXT_WORD = re.compile(r"\W*(\w+)")


def figures_of_a_kind(text: str) -> frozenset[tuple[str, str]]:
    """Each figure a text gives (:func:`figures`) with the word after it, which says what
    kind of figure it is: "About 4 in 10 voters" → ("4", "in"), ("10", "voters");
    "866 delegates" → ("866", "delegates")."""
    text = _GLUED_HALF.sub(" ", text)
    out = set()
    for number, m in _figure_matches(text):
        after = _NEXT_WORD.match(text, m.end())
        out.add((number, after.group(1).lower() if after else ""))
    return frozenset(out)


#: Reports this many days apart or more may give a running figure as it stood on each day
#: ("Varga has 503 delegates" / "Varga has at least 866 delegates", ten days on), or
#: the figures of two polls.
UPDATED_AFTER_DAYS = 3
