"""The story's timeline: its sentences placed at the dates they tell, one entry per fact and
day, in time order. A stage of its own after align (it needs the facts) so that the analysis
JSON only writes it down."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any, Sequence

from ._text import DATELINE
from .extract.dates import iso_week, value_start
from .extract.quote_marks import quoted_spans
from .model import Annotation, Claim, DateMention, Extraction, Passage, TimelineEntry

#: Words before a date that make it a point of reference, not the time of what the sentence
#: tells: "his first visit since July 2000" did not happen in 2000, nor did "unlike in May
#: 2019, the vote was calm" (the parser hangs "in May 2019" on the verb).
_REFERENCE_POINT = re.compile(r"\b(?:(?:ever )?since|(?:(?:un)?like|than)(?:\s+(?:in|on|at|during|of))?)\s+(?:the\s+)?$", re.I)


def timeline(extraction: Extraction, annotations: Sequence[Annotation]) -> tuple[TimelineEntry, ...]:
    """Each sentence at each day or month it is told at (years alone are too coarse to
    order a story by), earliest first; a sentence told at one day in two ways ("yesterday
    (July 21st)") once, at its finest value ("this morning (July 21)": 2013-07-21TMO; "last
    week Friday": the Friday, not the week)."""
    docs = {a.article.id: a.doc for a in annotations}
    texts = {a.article.id: a.article.text for a in annotations}
    quoted = {a.article.id: quoted_spans(a.article.text) for a in annotations}
    dated: dict[tuple[str, str, tuple[int, int]], Claim] = {}
    for before, date in zip((None, *extraction.dates), extraction.dates):
        if not (date.value and len(date.value) >= 7 and date.value[:4].isdigit()):
            continue
        if before is not None and before.article == date.article and _ends_a_range(texts.get(date.article, ""), before, date):
            continue
        if _speakers_day(date, quoted.get(date.article, [])):
            continue
        sentence = next((c for c in extraction.claims if c.article == date.article and c.span[0] <= date.span[0] < c.span[1]), None)
        if sentence is not None and not _dates_something_else(date, sentence, docs.get(date.article)):
            dated[(date.value, date.article, sentence.span)] = sentence
    finer = {(article, span, value[:10]) for value, article, span in dated if len(value) > 10}
    finer |= {(article, span, iso_week(dt.date.fromisoformat(value[:10]))) for value, article, span in dated if _DAY.match(value)}
    kept = sorted((key for key in dated if not ((len(key[0]) == 10 or "-W" in key[0]) and (key[1], key[2], key[0]) in finer)),
                  key=_in_time)
    return _one_entry_per_fact([(value, dated[(value, article, span)]) for value, article, span in kept])


def _dates_something_else(date: DateMention, sentence: Claim, doc: Any) -> bool:
    """Whether the date is not the time of what the sentence tells: a point of reference
    ("since July 2000"), the report's own dateline ("PHILADELPHIA, July 29 (UPI) —"), or
    the time of a thing the sentence compares with ("warned of floods like those seen in
    March 2010"). A description keeps its date: "the blaze, which broke out on Sunday" and
    "Clinton, who declared victory on Tuesday night" often tell the story's own events
    (of 23 dates in descriptions of people on the timelines of 100 PolNeAR articles, about
    half did)."""
    before = sentence.text[: date.span[0] - sentence.span[0]]
    dateline = DATELINE.match(sentence.text)
    if _REFERENCE_POINT.search(before) or dateline and len(before) < dateline.end():
        return True
    tokens = doc.char_span(date.span[0], date.span[1], alignment_mode="expand") if doc is not None else None
    token = tokens.root if tokens is not None else None
    while token is not None and token.head.i != token.i:
        if token.lower_ in COMPARISONS and token.dep_ in ("prep", "pobj", "dobj", "nsubj", "attr"):
            return True
        token = token.head
    return False


#: Words that count days from the day they are said: inside a quotation that day is the
#: speaker's, which the publication date does not tell ("“Last night you said …”", asked in
#: an interview the day before the report).
_SAID_DAY = re.compile(r"(?:earlier\s+|later\s+)?(?:today|tonight|yesterday|tomorrow|last\s+night|"
                       r"this\s+(?:morning|afternoon|evening))\b", re.I)


def _speakers_day(date: DateMention, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether a date is a day counted from a speaker's "today" inside quotation marks."""
    return bool(_SAID_DAY.match(date.text)) and any(start <= date.span[0] < end for start, end in quoted)


#: A time span's two ends: "between Oct. 30 and Nov. 9", "from May 2 through May 9" (not "from
#: Tuesday to Friday", which may move a thing to its new day).
_RANGE_OPENER = re.compile(r"\b(?:between|from)\s+$", re.I)
_RANGE_JOIN = {"between": re.compile(r"\s*and\s*"), "from": re.compile(r"\s*(?:through|until|till|-|–)\s*")}


def _ends_a_range(text: str, first: DateMention, date: DateMention) -> bool:
    """Whether ``date`` closes a span ``first`` opens: the sentence is told once, at the
    span's start ("The poll was conducted between Oct. 30 and Nov. 9")."""
    opener = _RANGE_OPENER.search(text, max(0, first.span[0] - 10), first.span[0])
    return bool(opener) and bool(_RANGE_JOIN[opener.group().split()[0].lower()].fullmatch(text, first.span[1], date.span[0]))


#: Words setting what they govern beside another time: "floods like those of 2010", "the
#: kind seen in 2010", "worse than in 2010".
COMPARISONS = frozenset({"like", "unlike", "than", "kind", "sort", "type"})


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: Where TIMEX3's parts of a day fall in it, as hours: morning before afternoon, evening
#: before night (as text, "TAF" < "TMO" < "TNI").
_PART_HOURS = {"MO": 9.0, "DT": 12.0, "AF": 15.0, "EV": 19.0, "NI": 22.0}
_TIME_OF_DAY = re.compile(r"T(?:(MO|DT|AF|EV|NI)|(\d{2}):(\d{2}))")


def _hour(value: str) -> float:
    """The hour a value's time of day starts at; -1 for a value with none (a whole day comes
    before its parts)."""
    m = _TIME_OF_DAY.match(value, 10)
    if m is None:
        return -1.0
    return _PART_HOURS[m.group(1)] if m.group(1) else int(m.group(2)) + int(m.group(3)) / 60


def _in_time(key: tuple[str, str, tuple[int, int]]) -> tuple[dt.date, float, str, str, tuple[int, int]]:
    """Sorts entries by when their time starts: "2016-W30" (a week in July) comes before
    "2016-11-08", and a morning before the afternoon of its day, which sorting the values
    as text would not do."""
    return (value_start(key[0]) or dt.date.max, _hour(key[0]), *key)


def _one_entry_per_fact(dated: list[tuple[str, Claim]]) -> tuple[TimelineEntry, ...]:
    """Sentences of one fact on one date made one entry, citing every article's sentence
    (``passages``): copies of a wire story tell the same event at the same date, and the
    reader should see it once with its sources, as the facts list shows it. The first
    sentence in time order speaks for them."""
    entries: list[TimelineEntry] = []
    first_of: dict[tuple[str, str], int] = {}
    for value, sentence in dated:
        passage = Passage(sentence.article, sentence.span)
        at = first_of.get((value, sentence.fact)) if sentence.fact else None
        if at is not None:
            entries[at] = replace(entries[at], passages=(*entries[at].passages, passage))
            continue
        if sentence.fact:
            first_of[(value, sentence.fact)] = len(entries)
        entries.append(TimelineEntry(value, sentence.text, sentence.article, sentence.span, (passage,)))
    return tuple(entries)
