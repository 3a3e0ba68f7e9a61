"""Time expressions (TIMEX3): find them in news text and normalise them to ISO-8601 values.

Pure Python, no NLP model: a table of small patterns (``date_rules.RULES``), each with a builder that
checks its context and computes a TimeML ``type`` and ``value``. All rules run over the text,
overlapping candidates are resolved longest-first, and anchor-relative expressions are
resolved against the article's publication date (the *anchor*) with news conventions:

* "today" / "tonight" / "this morning" = anchor, "yesterday" = anchor - 1, "tomorrow" = + 1;
* a bare weekday is the nearest such day on or before the anchor in past-tense sentences (the
  default in news), on or after it when a future cue ("will", "is to", "next", "until" ...)
  comes just before; when the anchor is only a lower bound of the real publication date, the
  first such day on or after the anchor;
* a month without a year takes the anchor's year, moved back (past) or forward (future) a
  year when that year would put it on the wrong side of the anchor.

Extents follow the TimeML / TempEval-3 conventions: prepositions ("on", "in", "since") and
quantity modifiers ("about", "more than") are left out; determiners and temporal modifiers
("the past two years", "early December", "a mere 24 hours", "six years ago") are kept.
Without an anchor nothing anchor-relative is guessed: the expression is returned with
``value=None`` (months without a year get the TimeML underspecified ``XXXX-MM``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable

from .._text import DATELINE_WORDS, dateline_day, trailing_stamp_day
from .time_words import MONTHS, MONTH_RE, ORDINALS, YEAR_RE, ClauseTense, Tense, _Ctx, _Found, _valid, iso_week
from .date_tense import _nearest_year
from .date_rules import _candidates, _trim
from .date_neighbours import (_DAY_VALUE, _attach_clock_times, _bracketed_days, _one_day_for_one_thing,
                              _order_day_ranges, _quoted_days_of_the_telling, _repeat_written_years,
                              _restated_in_brackets, _told_in_the_past)

__all__ = ["ORDINALS", "TimeExpression", "find_time_expressions", "iso_week", "latest_explicit_date", "leading_stamp_end",
           "looked_forward_to", "page_stamp_day", "stated_day", "value_start", "wire_dateline_day"]


@dataclass(frozen=True)
class TimeExpression:
    """One time expression found in a text.

    Attributes:
        text: The expression as written.
        span: ``(start, end)`` character offsets into the text given.
        type: TIMEX3 type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
        value: TIMEX3 value (``2024-06-19``, ``2024-06``, ``2024-W25``, ``P24Y``,
            ``PRESENT_REF``, ``XXXX-09`` ...), or ``None`` when it cannot be resolved.
        day_offset: For expressions of one day relative to the anchor (today 0, yesterday -1,
            "on Wednesday" ...), the offset in days from the anchor; else ``None``.
        relative: True when the value depends on the anchor.
    """

    text: str
    span: tuple[int, int]
    type: str
    value: str | None
    day_offset: int | None = None
    relative: bool = False


def find_time_expressions(text: str, anchor: dt.date | None = None, *,
                          anchor_is_lower_bound: bool = False,
                          tense_hint: Tense | None = None,
                          weekdays_ahead: bool | None = None,
                          clause_tense: ClauseTense | None = None) -> list[TimeExpression]:
    """Find time expressions in ``text`` and normalise them to TIMEX3 values.

    Args:
        text: Plain text (an article body, a sentence ...).
        anchor: The publication date that relative expressions are resolved against
            ("yesterday", "on Wednesday", "last year"). Without it they get ``value=None``.
        anchor_is_lower_bound: The real publication date is unknown but not earlier than
            ``anchor`` (e.g. the latest date written in the article): a bare weekday then
            resolves to the first such day on or after the anchor.
        tense_hint: Force "past" or "future" resolution of weekdays/months instead of
            guessing the tense from cue words around each expression.
        weekdays_ahead: Whether a bare weekday resolves to the first such day on or after
            the anchor (None: when the anchor is a lower bound). False for an anchor that
            is a guess near the real date (another article's of the story): weekdays then
            follow the tense, as with a real anchor.
        clause_tense: The tense of an expression's clause as a parse reads it: a past cue
            word near the expression is set aside when the clause is in the present or the
            future (cue words cannot tell whose verb they are).

    Returns:
        The expressions in text order, non-overlapping.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    ctx = _Ctx(text, anchor, anchor_is_lower_bound, tense_hint,
               anchor_is_lower_bound if weekdays_ahead is None else weekdays_ahead, clause_tense)
    cands = [(_trim(text, f), p) for f, p in _candidates(ctx)]
    cands.sort(key=lambda fp: (-(fp[0].end - fp[0].start), fp[1], fp[0].start))
    taken: list[_Found] = []
    for f, _ in cands:
        if f.end <= f.start:
            continue
        if any(f.start < t.end and t.start < f.end for t in taken):
            continue
        taken.append(f)
    taken.sort(key=lambda f: f.start)
    taken = _attach_clock_times(text, taken, None if ctx.lower_bound else anchor, lambda f: _told_in_the_past(ctx, f))
    taken = _quoted_days_of_the_telling(text, taken, None if ctx.lower_bound else anchor)
    taken = _one_day_for_one_thing(text, taken, None if ctx.lower_bound else anchor)
    taken = _order_day_ranges(text, taken)
    taken = _repeat_written_years(text, taken)
    taken = _restated_in_brackets(text, taken)
    return [TimeExpression(text[f.start:f.end], (f.start, f.end), f.type, f.value, f.day_offset,
                           f.relative) for f in taken]


_YEAR_IN_BRACKETS = re.compile(r"\([^()]{0,40}\b\d{4}\s*\)")


def stated_day(text: str) -> dt.date | None:
    """The day a text says it was written on, from the first relative day it restates in
    brackets ("announced today (4 November 2011)", "said yesterday (10 October 2011)"), or
    None."""
    if not _YEAR_IN_BRACKETS.search(text):
        return None  # (the whole text is read for dates only when a bracket may hold one)
    found = find_time_expressions(text)
    for run, day in _bracketed_days(text, [_Found(e.span[0], e.span[1], e.type, e.value, e.day_offset, e.relative)
                                           for e in found]):
        offset = found[run[-1]].day_offset
        if offset is not None:
            return day - dt.timedelta(days=offset)
    return None


#: Words before a date in its sentence that put it ahead of the writing: "is tentatively
#: scheduled to open November 20, 2009", "the vote will be held on May 5, 2025".
_AHEAD = re.compile(r"\b(?:will|shall|scheduled|slated|set to|expected to|planned|plans? to|is to|are to)\b"
                    r"[^.!?\n]*$", re.I)


def looked_forward_to(text: str, start: int) -> bool:
    """Whether the sentence before a date tells it as still to come: a date an article
    looks forward to is no day it must have been published after."""
    return _AHEAD.search(text, max(0, start - 200), start) is not None


def latest_explicit_date(texts: Iterable[str]) -> dt.date | None:
    """The latest fully written calendar date (day precision) in the texts.

    Only dates written out with day, month and year count ("June 18, 2024", "18 June 2024",
    "2024-06-18", "6/18/2024" when unambiguous); nothing relative is resolved. Used as a lower
    bound for an article's publication date when its metadata has none (an embedded social
    post's credit line, an update stamp).

    Args:
        texts: Texts to scan (title, body, captions ...).

    Returns:
        The latest such date, or None when no text has one.
    """
    best: dt.date | None = None
    for text in texts:
        if not text:
            continue
        for te in find_time_expressions(text):
            if te.relative or te.value is None or looked_forward_to(text, te.span[0]):
                continue
            m = _DAY_VALUE.match(te.value)
            if not m:
                continue
            d = _valid(int(m[1]), int(m[2]), int(m[3]))
            if d and (best is None or d > best):
                best = d
    return best


#: A stamp glued before a sentence starts near it: a date past this many characters is the
#: sentence's own.
STAMP_MAX_CHARS = 70
#: Punctuation, a time and a time zone (or two: "07:05 PM ET EDT") between a stamp's date
#: and the sentence ("… 2013, 10:34 PM EDT A man …").
_STAMP_TAIL = re.compile(r"[\s,|:;-]*(?:(?:at\s+)?\d{1,2}\s*[:.]\s*\d{2}\s*(?:[aApP]\.?\s*[mM]\b\.?)?\s*(?:[A-Z]{2,4}\b)?)?"
                         r"(?:\s*(?:[ECMPAH][SD]?T|GMT|UTC|BST|CES?T)\b)?[\s,|:;-]*")
#: A day written in figures, year included ("6/6/2013", "06/06/13"): which figure is the month
#: is not known, yet a stamp's day it is.
_NUMERIC_DAY = re.compile(r"\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})")
#: A full stop after a stamp's time ("May 2, 2013 1:35 pm. A man …").
_STAMP_STOP = re.compile(r"(?<=[mMT])\.\s+")
#: What opens a sentence after a stamp: a capital or an opening quotation mark.
_SENTENCE_OPENING = re.compile(r"[A-Z“\"‘'(]")


def leading_stamp_end(text: str) -> int:
    """Where a page's date stamp, glued before a sentence by the extraction of the page,
    ends; 0 when the text opens with none. A stamp holds a full date, perhaps a weekday,
    a time and stamp words, and the sentence after it opens with a capital: "Published at
    12:45, Wednesday, 12 June 2013 A trial date has been set" (the date is the page's, not
    the trial's), "Nov. 30, 2009 A prisoner escaped today". "On Nov. 30, 2009 a prisoner
    escaped" and "Monday Police said" open with no stamp."""
    if not any(c.isdigit() for c in text[:STAMP_MAX_CHARS]):
        return 0  # a stamp's date has figures: most sentences are done with here (a hot path)
    last, end, dated = 0, 0, False
    # Past the first stamp, so that a second one ("PUBLISHED: … UPDATED: …") is taken whole;
    # every stamp starts near the beginning, and ends before three times that.
    for te in find_time_expressions(text[: 3 * STAMP_MAX_CHARS]):
        if te.span[0] > STAMP_MAX_CHARS or not _only_stamp_words(text[last : te.span[0]]):
            break
        if te.relative and not any(c.isdigit() for c in te.text):
            break  # "… 5:40 p.m. ET Early Friday morning, around 1:30 …": the sentence's time, no stamp's
        last = end = te.span[1]
        dated = dated or bool(not te.relative and (te.value and _DAY_VALUE.match(te.value)
                                                   or _NUMERIC_DAY.fullmatch(text[te.span[0]:te.span[1]])))
    if not dated:
        return 0
    end += _STAMP_TAIL.match(text, end).end() - end
    stop = _STAMP_STOP.match(text, end)
    end = stop.end() if stop else end
    rest = text[end:]
    return end if _SENTENCE_OPENING.match(rest) and len(rest.split()) >= 4 else 0


#: A weekday, whole or cut short, before a stamp's date ("Fri Aug 2, 2013", "Thu., Jun 13").
_WEEKDAY_ABBREVIATION = re.compile(r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)|(?:mon|tues|wednes|thurs|fri|satur|sun)day")


def _only_stamp_words(gap: str) -> bool:
    """Whether text between a stamp's dates and times is only punctuation, numbers, time
    zones and stamp words ("Last updated at")."""
    return all(w.lower() in DATELINE_WORDS or (w.isupper() and len(w) <= 4) or w.lower() in ("a", "p", "m")
               or _WEEKDAY_ABBREVIATION.fullmatch(w.lower())  # "Posted on Thu Jun 13, 2013"
               for w in re.findall(r"[^\W\d_]+", gap))  # "7:15 a.m." spelt out


def page_stamp_day(text: str, title: str = "") -> dt.date | None:
    """The day a page's own date stamp gives, for an article with no publication time: a
    stamp glued before its first sentence ("Posted April 12, 2007 A fired clerk …",
    :func:`leading_stamp_end`; its first full date, not one in figures alone, "4/9/2009",
    which may be month first or day first), a title that is only a date (clean's dateline,
    :func:`storyweave._text.dateline_day`), or a stamp after its last sentence ("… said on
    Monday. Posted April 12, 2007 at 4:45 pm"). It is the day the page was written on, not
    a date its story tells; None when the page has no such stamp."""
    end = leading_stamp_end(text)
    for expression in find_time_expressions(text[:end]) if end else ():
        m = _DAY_VALUE.match(expression.value or "")
        day = _valid(int(m[1]), int(m[2]), int(m[3])) if m and not expression.relative else None
        if day is not None:
            return day
    return dateline_day(title.strip()) or trailing_stamp_day(text)


#: A wire dateline opening a paragraph: a place in capitals, a month and day, perhaps the
#: year and the agency, then a dash ("LOS ANGELES, Feb. 2 (UPI) —", "PARIS, June 3, 2024 —").
_WIRE_DATELINE = re.compile(
    rf"(?m)^[A-Z][A-Z .'’-]{{2,}}(?:,\s*[A-Z][\w.]*\.?)*,\s*(?P<mon>(?i:{MONTH_RE}))\s+(?P<d>\d{{1,2}})"
    rf"(?:,\s*(?P<y>{YEAR_RE}))?\s*(?:\([A-Za-z .]+\))?\s*(?:—|–|―|--|-)\s")
#: Characters from the start of an article searched for its dateline (title and lead).
WIRE_DATELINE_CHARS = 400
#: Days between a dateline's day and the publication date within which the dateline is the
#: day the report was written: a wire story filed late at night or abroad is often stamped
#: the day before or after.
WIRE_DATELINE_DAYS = 2


def wire_dateline_day(text: str, published: dt.date) -> dt.date | None:
    """The day of the wire dateline opening the article ("LOS ANGELES, Feb. 2 (UPI) —"),
    when it lies within :data:`WIRE_DATELINE_DAYS` of the publication date; None otherwise.
    The report's "yesterday" and "Tuesday" are told from the dateline's day."""
    m = _WIRE_DATELINE.search(text[:WIRE_DATELINE_CHARS])
    if m is None or not m["mon"][:1].isupper():
        return None
    month, day = MONTHS[m["mon"].lower().rstrip(".")], int(m["d"])
    d = _valid(int(m["y"]), month, day) if m["y"] else _valid(_nearest_year(published, month, day), month, day)
    if d is None or abs((d - published).days) > WIRE_DATELINE_DAYS:
        return None
    return d


#: A TIMEX3 calendar value: a year and, after it, a month (and day), an ISO week (and its
#: weekend), a quarter, a half or a season.
_CALENDAR_VALUE = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})(-WE)?|Q([1-4])|H([12])|(SP|SU|FA|WI)))?(?:T.*)?")
#: The month a season of a year starts in (winter of Y starts in December of Y).
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def value_start(value: str) -> dt.date | None:
    """The first day of the time a TIMEX3 calendar value names ("2016-W30" → Monday 25 July
    2016, "2016-SU" → 1 June 2016, "2016-07-30TNI" → 30 July 2016), so that values of
    different precision sort in time: "2016-W30" before "2016-11-08". None for any other
    value (PRESENT_REF, durations, sets, centuries)."""
    m = _CALENDAR_VALUE.fullmatch(value or "")
    if m is None:
        return None
    year = int(m[1])
    try:
        if m[4]:
            monday = dt.date.fromisocalendar(year, int(m[4]), 1)
            return monday + dt.timedelta(days=5) if m[5] else monday
        month = (int(m[2]) if m[2] else 3 * int(m[6]) - 2 if m[6] else 6 * int(m[7]) - 5 if m[7]
                 else _SEASON_MONTHS[m[8]] if m[8] else 1)
        return dt.date(year, month, int(m[3]) if m[3] else 1)
    except ValueError:
        return None
