"""Cheap per-article features for grouping: who, where, when and what, without a model.

Story grouping has to keep up with a feed of thousands of articles a day on two cores, so
it reads only the article's title and text with regular expressions (no spaCy, no
embedder — see ``docs/group.md`` for the measurements behind that choice):

* ``terms``: lower-cased content words with sublinear counts; the title and the lead
  (first :data:`LEAD_SENTENCES` sentences) count :data:`LEAD_WEIGHT` times, because news
  puts the event there.
* ``names``: capitalised word n-grams that do not open a sentence (people, places,
  organisations: the *who* and *where* that keep two earthquakes apart) and four-digit
  years (the *when*), prefixed ``"@"`` so they never collide with plain terms. A
  capitalised word the same article also writes in lower case ("Police", "Shooting" in a
  title-case headline) is a plain word there, not a name.
* ``day``: the publication day, for the time window; without one, the latest full
  date written in the title or the first lines (a dateline), which bounds it from below.
* ``shingles``: hashed word 5-shingles of the body, for near-duplicate detection.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from itertools import repeat

import numpy as np

from .._text import dateline_day, trailing_stamp_day

#: Words per shingle: five words rarely repeat by chance across different articles.
SHINGLE_WORDS = 5
#: Sentences after the title that count as the lead.
LEAD_SENTENCES = 3
#: How much more a lead or title word counts than a body word (tuned on ECB+ train).
LEAD_WEIGHT = 2.0
#: Body text read per article: long articles drift away from their event.
MAX_CHARS = 6000
#: Characters of the body searched for a dateline when the article has no publication time.
DATELINE_CHARS = 300

# A word: a letter, then letters, digits and inner apostrophes or hyphens, ending on a
# letter or digit (all-digit tokens never count as terms, so they are not matched).
_WORD = re.compile(r"[^\W\d_]\w*(?:['’\-]+\w+)*")
_SHINGLE_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")
_YEARS = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A capital not preceded by a word character (the lookbehind after the capital, not a
# leading \b, lets the regex engine jump from capital to capital: twice as fast).
_CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*")
#: Where a capital opens a sentence rather than a name: after one of ``.!?:"“”‘’'`` and
#: any white space (the match ends where the capital starts), or at the text's start.
_SENTENCE_OPENING = re.compile(r"[.!?:\"“”‘’']\s*(?=[A-Z])")
# A word written in lower case (the same characters as a word of a capitalised run).
_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z][\w'’\-]*")
_start = operator.methodcaller("start")
_text = operator.methodcaller("group", 0)

# Function words and news boilerplate: frequent in every story, so they say nothing
# about which story an article belongs to.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even ever every
    few for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just last least less let like made make many may me might more most much
    must my myself near new news next no nor not now of off on once one only or other our ours
    ourselves out over own per said same say says she should since so some such than that the
    their theirs them themselves then there these they this those though through to too under
    until up upon us very was we were what when where which while who whom whose why will with
    within without would yet you your yours yourself yourselves told according reported report
    reports reuters ap afp update updated read more photo photos video click share comment comments
    mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    week weeks year years day days time times two three four five six seven eight nine ten first
    second third well back get got going still way people""".split()
)


@dataclass(frozen=True)
class Sketch:
    """What grouping knows about one article.

    Attributes:
        terms: term -> weight (sublinear count; lead words weigh more). Names and years
            are in here too, under their ``"@"`` keys, after all plain words (the
            scoring finds the two parts by position: see :attr:`words`).
        names: the ``"@"`` keys of names and years, for the entity profile.
        day: publication day as an ordinal (``date.toordinal()``), or None.
        shingles: 32-bit hashes of the body's word 5-shingles.
    """

    terms: dict[str, float]
    names: frozenset[str]
    day: int | None
    shingles: np.ndarray

    @property
    def words(self) -> int:
        """How many of :attr:`terms` are plain words (they come first; names follow)."""
        return len(self.terms) - len(self.names)


def _lead_end(body: str) -> int:
    """Character offset where the lead (the first :data:`LEAD_SENTENCES` sentences) ends."""
    end = 0
    for n, match in enumerate(_SENTENCE_END.finditer(body)):
        end = match.end()
        if n + 1 >= LEAD_SENTENCES:
            return end
    return len(body)


def _count_words(text: str, weight: float, counts: dict[str, float]) -> None:
    # Counted in C first, then each distinct word is tested once. Weights are 1 or 2,
    # so ``weight * n`` is exactly ``n`` additions of ``weight``, and a Counter keeps the
    # words in order of first appearance, as adding them one by one did.
    for word, n in Counter(_WORD.findall(text.lower())).items():
        if len(word) > 2 and word not in STOPWORDS and not word.isdigit():
            counts[word] = counts.get(word, 0.0) + weight * n


def _count_names(text: str, weight: float, counts: dict[str, float], plain: frozenset[str] = frozenset()) -> None:
    """Count capitalised runs ("Bandar Abbas", "Kim Jong Un") and each of their words,
    and four-digit years. A run's first word is dropped when it opens a sentence, as
    every sentence opens with a capital; so is a word of ``plain`` (the words the
    article writes in lower case: "Harlow Police Department" where the text also says
    "police" gives "Harlow" and "Department"), which cuts the run where it stood."""
    opening = {m.end() for m in _SENTENCE_OPENING.finditer(text)}
    opening.add(len(text) - len(text.lstrip()))
    # A name recurs through an article: each distinct (run, opens a sentence) is read
    # once and counted ``n`` times (exact: weights are 1 or 2), in order of first
    # appearance, so the keys are inserted in the order a scan of every run gives.
    matches = list(_CAPITALISED.finditer(text))
    runs = Counter(zip(map(_text, matches), map(opening.__contains__, map(_start, matches))))
    for (run, opens), n in runs.items():
        words = run.lower().split()
        if opens:
            words = words[1:]
        words = [w for w in words if w not in STOPWORDS and len(w) > 1]
        add = weight * n
        stretch: list[str] = []
        for w in words:
            if w in plain:
                _count_run(stretch, add, counts)
                stretch = []
                continue
            counts["@" + w] = counts.get("@" + w, 0.0) + add
            stretch.append(w)
        _count_run(stretch, add, counts)
    for year in _YEARS.findall(text):
        counts["@" + year] = counts.get("@" + year, 0.0) + weight


def _count_run(words: list[str], add: float, counts: dict[str, float]) -> None:
    """Count a run of two or more name words as one name too ("@bandar abbas")."""
    if len(words) > 1:
        key = "@" + " ".join(words)
        counts[key] = counts.get(key, 0.0) + add


_MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_FULL_DATES = [
    (re.compile(r"\b(\d{4})-(\d\d)-(\d\d)\b"), (1, 2, 3)),
    (re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})\b", re.I), (3, 1, 2)),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\s*,?\s+(\d{4})\b", re.I), (3, 2, 1)),
]


def written_day(text: str) -> int | None:
    """The latest full calendar date (day, month and year) written in a text, as an
    ordinal; a dateline ("May 3, 2013", "27 November 2005", "2013-05-03")."""
    best = None
    for pattern, (y, m, d) in _FULL_DATES:
        for match in pattern.finditer(text):
            month = match.group(m)
            month_no = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
            try:
                day = dt.date(int(match.group(y)), month_no, int(match.group(d))).toordinal()
            except ValueError:
                continue
            best = day if best is None else max(best, day)
    return best


def parse_day(published: str | None) -> int | None:
    """The publication day of an ISO 8601 timestamp as an ordinal, or None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the word 5-shingles of a text (one per distinct shingle)."""
    words = _SHINGLE_WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint32)
    # crc32 is stable across runs and Python versions, unlike hash(); each word is hashed
    # once and a shingle's hash is a polynomial of its words' hashes.
    ids = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(ids))
    grams = np.zeros(len(ids) - width + 1, dtype=np.uint64)
    for k in range(width):
        grams = (grams * np.uint64(1_000_003) + ids[k : len(ids) - width + 1 + k]) & np.uint64(0xFFFFFFFF)
    # Sorted and deduplicated by hand: np.unique takes a hash-table path that costs
    # several times a sort on arrays this small.
    grams = np.sort(grams.astype(np.uint32))
    keep = np.empty(len(grams), dtype=bool)
    keep[0] = True
    np.not_equal(grams[1:], grams[:-1], out=keep[1:])
    return grams[keep]


def sketch(title: str, text: str, published: str | None = None) -> Sketch:
    """The grouping features of one article.

    Args:
        title: the headline (may be empty).
        text: the cleaned body.
        published: ISO 8601 publication time, when known.

    Returns:
        The article's :class:`Sketch`.
    """
    body = text[:MAX_CHARS]
    lead = _lead_end(body)
    counts: dict[str, float] = {}
    names: dict[str, float] = {}
    plain = frozenset(_LOWER_WORD.findall(title + "\n" + body))
    for part, weight in ((title, LEAD_WEIGHT), (body[:lead], LEAD_WEIGHT), (body[lead:], 1.0)):
        _count_words(part, weight, counts)
        _count_names(part, weight, names, plain)
    counts.update(names)  # after the words: Sketch.words relies on this order
    # Every count is at least 1 (weights are 1 and LEAD_WEIGHT), so 1 + log(count), in C.
    terms = dict(zip(counts, map(operator.add, repeat(1.0), map(math.log, counts.values()))))
    return Sketch(terms, frozenset(names), article_day(title, text, published), shingle_hashes(text))


def article_day(title: str, text: str, published: str | None = None) -> int | None:
    """The day an article was written, as an ordinal: its publication day, else its page's
    own date stamp where extraction reads it too (:mod:`storyweave._text`; grouping, an
    earlier stage, reads no extraction): a title that is only a date ("Posted 11/27/2005
    7:21 AM"), else the latest full date of its title and lead (:func:`written_day`, which
    holds a stamp glued before the first sentence), else a stamp after its last sentence.
    Articles with a publication time, most of a feed's, read no stamp."""
    day = parse_day(published)
    if day is not None:
        return day
    stamp = dateline_day(title.strip())
    if stamp is not None:
        return stamp.toordinal()
    day = written_day(title + "\n" + text[:DATELINE_CHARS])
    if day is not None:
        return day
    stamp = trailing_stamp_day(text)
    return stamp.toordinal() if stamp is not None else None
