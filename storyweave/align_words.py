"""align's words: the content words two sentences are compared by, headline words put in
plain ones, and the runs of words two texts share. Every stage that weighs wording (facts,
quote groups, the brief, compare's findings) reads text this one way."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

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


def plain_wording(text: str) -> str:
    """The text with headline words (:data:`PLAIN_WORDS`) put in plain words."""
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
