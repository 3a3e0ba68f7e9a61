"""Time expressions read against one another: clock times take their day, restated days, repeated years."""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Sequence

from .time_words import (DAY_RE, MONTH_RE, PAST_READINGS, WEEKDAY_RE, _Ctx, _Found, _inside_quotation,
                         _sentence_of, _sentence_start, iso_week)
from .date_tense import FUTURE_CUES, PAST_CUES, _cued_tense


#: What stands between a relative date and the full date in brackets that restates it
#: ("today (4 November 2011)"), and after that date.
_OPENING_BRACKET = re.compile(r"\s*\(\s*")
_CLOSING_BRACKET = re.compile(r"\s*\)")


def _bracketed_days(text: str, found: Sequence[_Found]) -> list[tuple[range, dt.date]]:
    """Runs of relative dates the text restates at once as a full date in brackets
    ("yesterday (10 October 2011)", "Last week Friday (14 October 2011)"): the indices of
    the run in ``found`` and the day in the brackets."""
    runs = []
    for i in range(len(found) - 1):
        last, stated = found[i], found[i + 1]
        day = _DAY_VALUE.match(stated.value or "") if not stated.relative else None
        if not (day and last.relative and _OPENING_BRACKET.fullmatch(text, last.end, stated.start)
                and _CLOSING_BRACKET.match(text, stated.end)):
            continue
        first = i
        while first > 0 and found[first - 1].relative and not text[found[first - 1].end:found[first].start].strip():
            first -= 1
        runs.append((range(first, i + 1), dt.date(int(day[1]), int(day[2]), int(day[3]))))
    return runs


def _restated_in_brackets(text: str, found: list[_Found]) -> list[_Found]:
    """A relative date the text restates in brackets takes the written day: the writer knew
    the day, the anchor is only a guess when the publication date is unknown ("Last week
    Friday (14 October 2011)" resolved against a later story date fell a week off)."""
    out = list(found)
    for run, day in _bracketed_days(text, found):
        for i in run:
            f = out[i]
            if f.value is None:
                continue
            value = iso_week(day) if "-W" in f.value else day.isoformat() + (f.value[10:] if _DAY_VALUE.match(f.value) else "")
            out[i] = _Found(f.start, f.end, f.type, value, f.day_offset, f.relative, f.floating)
    return out


def _told_in_the_past(ctx: _Ctx, f: _Found) -> bool:
    """Whether the clause of ``f`` is told in the past, by its cue words or its parse."""
    parsed = ctx.clause_tense(f.start, f.end) if ctx.clause_tense is not None else None
    return parsed in PAST_READINGS or parsed is None and _cued_tense(ctx, f.start, f.end) == "past"


def _attach_clock_times(text: str, found: list[_Found], anchor: dt.date | None,
                        told_in_the_past: Callable[[_Found], bool] = lambda f: False) -> list[_Found]:
    """Give a clock time, or "earlier in the day", the date written right after it ("at 7
    a.m. on May 4, 2009") or before it ("June 18, 2024 at 9:14 pm"), or in a past clause
    the day the story was last telling of."""
    out = list(found)
    dated: list[int] = []   # the clock times given a day so far, which carry the narrative's day on
    for i in range(len(out)):
        f = out[i]
        if not f.floating:
            continue
        prev = _day_after_clock(text, out, i) or _day_before_clock(text, out, i, told_in_the_past(f)) or (
            None if _a_stamp_line(text, f) else _narrative_day(text, out, i, anchor, dated[-1] if dated else None))
        if prev is None:
            continue
        dated.append(i)
        m = _DAY_VALUE.match(prev.value or "")
        clock = f.value[f.value.index("T"):] if f.value and "T" in f.value else ""
        out[i] = _Found(f.start, f.end, f.type, f"{m[1]}-{m[2]}-{m[3]}{clock}", prev.day_offset,
                        prev.relative)
    return [_Found(f.start, f.end, f.type, None if f.floating and f.value and f.value.startswith("T") else f.value,
                   f.day_offset, f.relative) if f.floating else f for f in out]


#: A speaker's own day: "today", "tonight", "this morning".
_SPEAKERS_DAY = re.compile(r"(?:(?:earlier|later)\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))", re.I)
#: A verb telling in the past what was said: "she said", "told reporters", "wrote".
_TOLD = re.compile(r"\b(?:said|told|wrote|added|declared|insisted|warned|explained|argued|tweeted|stated|"
                   r"remarked|shouted|recalled|promised|vowed)\b")
#: A quotation within a sentence, for its words to be set apart from the telling's.
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|``.*?(?:''|$)", re.S)


def _quoted_days_of_the_telling(text: str, found: list[_Found], anchor: dt.date | None) -> list[_Found]:
    """Give a speaker's "today" or "tonight", in quoted words told in the past, the day they
    were spoken: a day written in the telling of its sentence ("an email sent on Tuesday
    night warned: “our victory tonight …”"), else the day the story was telling of when
    that is the day before the report, the day a morning paper's story was written ("Voters
    went to the polls on Tuesday. … “what voters confirmed here tonight,” she said", in
    Wednesday's paper)."""
    if anchor is None:
        return found
    out = list(found)
    for i, f in enumerate(out):
        if f.day_offset != 0 or not _SPEAKERS_DAY.fullmatch(text[f.start:f.end]):
            continue
        sentence = _sentence_start(text, f.start)
        if not _inside_quotation(text, sentence, f.start):
            continue
        told = _QUOTED.sub(" ", _sentence_of(text, f.start) + text[f.end:f.end + 200].split("\n", 1)[0])
        if not _TOLD.search(told):
            continue
        day = _day_of_the_telling(text, out, i, sentence, anchor)
        if day is None:
            continue
        suffix = f.value[10:] if f.value else ""
        out[i] = _Found(f.start, f.end, f.type, day.isoformat() + suffix, (day - anchor).days, f.relative)
    return out


def _day_of_the_telling(text: str, found: list[_Found], i: int, sentence: int, anchor: dt.date) -> dt.date | None:
    """The day quoted words at ``found[i]`` were spoken on: a day not after the report
    written outside quotation marks earlier in its sentence, else the last day so written
    before it within ``NARRATIVE_DAY_CHARS`` when that is the day before the report; None
    without one."""
    for j in range(i - 1, -1, -1):
        prev = found[j]
        if prev.start < found[i].start - NARRATIVE_DAY_CHARS:
            return None
        m = _DAY_VALUE.match(prev.value or "")
        if not m or prev.type not in ("DATE", "TIME") or _inside_quotation(text, _sentence_start(text, prev.start), prev.start):
            continue
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        if prev.start >= sentence:
            return day if day <= anchor else None
        return day if day == anchor - dt.timedelta(days=1) else None
    return None


def _a_stamp_line(text: str, f: _Found) -> bool:
    """Whether a clock time is a line of its own ("2:14 p.m." heading a live blog's entry): it
    stamps the entry on the report's day; the past verbs below it do not date it."""
    lo = text.rfind("\n", 0, f.start) + 1
    hi = text.find("\n", f.end)
    return not (text[lo:f.start] + text[f.end:hi if hi >= 0 else len(text)]).strip(" .:—–-")


#: How far back a clock time (or "earlier in the day") in a past clause looks for the day the
#: story is telling of.
NARRATIVE_DAY_CHARS = 1500


def _narrative_day(text: str, found: list[_Found], i: int, anchor: dt.date | None,
                   last_dated: int | None = None) -> _Found | None:
    """For a clock time in a past clause whose sentence names no day ("Only Connecticut
    remained uncalled as votes were counted by 9:30 p.m.", after "declared the winner …
    early Tuesday night"), the last day not after the report written before it, within
    ``NARRATIVE_DAY_CHARS``, and not in quoted words, whose days are the speaker's ("not a
    mayor who is neutral on Monday and who knows what on Wednesday"); after a night, an
    hour before dawn is of the next day ("late Monday night … landed at 1:48 a.m."). Further
    back, the day of the clock time last dated (``found[last_dated]``) goes on: a long
    account told hour by hour stays on its day. None in a present or future clause ("The
    hearing is at 3 p.m." is the report's day) or without such a day."""
    f = found[i]
    sentence = text[_sentence_start(text, f.start):f.end + 120].split(". ", 1)[0]
    if anchor is None or not PAST_CUES.search(sentence) or FUTURE_CUES.search(sentence):
        return None
    for j in range(i - 1, -1, -1):
        prev = found[j]
        beyond = prev.start < f.start - NARRATIVE_DAY_CHARS
        if beyond and (last_dated is None or j < last_dated):
            return None
        day = _DAY_VALUE.match(prev.value or "") if prev.type in ("DATE", "TIME") and not prev.floating else None
        if day and dt.date(int(day[1]), int(day[2]), int(day[3])) <= anchor \
                and not _inside_quotation(text, _sentence_start(text, prev.start), prev.start):
            # (beyond reach, only the clock time last dated carries its day on: another day
            # written after it has ended its account)
            return None if beyond and j != last_dated else _past_the_night(prev, f)
    return None


#: Hours of a night told after its evening ("Tuesday night", "at 11 p.m."), and hours
#: before dawn, which belong to the night before.
_NIGHT_HOURS, _SMALL_HOURS = range(18, 24), range(0, 6)


def _past_the_night(day: _Found, clock: _Found) -> _Found:
    """The day of a clock time told after ``day``: the next one when ``day`` is told as a
    night or an evening hour and the clock time is before dawn ("Tuesday night … shortly
    after midnight", "at 11 p.m. … at 1:48 a.m."); else ``day`` itself."""
    told = (day.value or "").partition("T")[2]
    hour = (clock.value or "").partition("T")[2][:2]
    night = told in ("NI", "EV") or told[:2].isdigit() and int(told[:2]) in _NIGHT_HOURS
    if not (night and hour.isdigit() and int(hour) in _SMALL_HOURS):
        return day
    after = dt.date.fromisoformat(day.value[:10]) + dt.timedelta(days=1)
    return _Found(day.start, day.end, day.type, after.isoformat(),
                  None if day.day_offset is None else day.day_offset + 1, day.relative)


def _day_before_clock(text: str, found: list[_Found], i: int, told_in_the_past: bool = False) -> _Found | None:
    """The day a clock time at ``found[i]`` is on: the date written right before it ("June
    18, 2024 at 9:14 pm"), else the last day written earlier in its sentence ("On the
    November 24 show, from 6AM to 9AM"); None when there is none. A day ahead of the report
    is another clause's when the clock time's own is told in the past ("after a talk on the
    caucus they will hold Monday night, the pilots left at 2 p.m.")."""
    sentence = _sentence_start(text, found[i].start)
    for j in range(i - 1, -1, -1):
        prev = found[j]
        if prev.start < sentence:
            return None
        if prev.type in ("DATE", "TIME") and prev.value and _DAY_VALUE.match(prev.value) and not prev.floating:
            if told_in_the_past and (prev.day_offset or 0) > 0 and _CLAUSE_BREAK.search(text, prev.end, found[i].start):
                return None
            return prev
    return None


#: What joins a clock time to the date after it: "at 7 a.m. on May 4, 2009".
_CLOCK_TO_DAY = re.compile(r"\s*,?\s*on\s+")
#: A comma or a dash between two parts of a sentence.
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\s-\s")


def _day_after_clock(text: str, found: list[_Found], i: int) -> _Found | None:
    """The day written right after a clock time with "on" ("at 7 a.m. on May 4,
    2009", "at 2 p.m. on June 3"), or None."""
    if i + 1 >= len(found):
        return None
    nxt = found[i + 1]
    if nxt.type in ("DATE", "TIME") and nxt.value and _DAY_VALUE.match(nxt.value) and not nxt.floating \
            and _CLOCK_TO_DAY.fullmatch(text, found[i].end, nxt.start):
        return nxt
    return None


#: A month and day written without a year (the year a reader must supply).
_MONTH_DAY_ONLY = re.compile(rf"^(?:{WEEKDAY_RE},?\s+)?(?:{MONTH_RE}\s+{DAY_RE}|{DAY_RE}\s+(?:of\s+)?{MONTH_RE})$", re.I)


def _repeat_written_years(text: str, found: list[_Found]) -> list[_Found]:
    """A month and day in the past that the text wrote earlier with its year is that day
    again: after "testimony on November 12, 2012", "the November 12th admission" is of
    2012, not of the report's year."""
    written: dict[str, str] = {}
    out = []
    for f in found:
        day = _DAY_VALUE.match(f.value or "")
        if day and not f.relative:
            written.setdefault(f"{day[2]}-{day[3]}", day[1])
        elif day and f.relative and (f.day_offset or 0) < 0 and _MONTH_DAY_ONLY.match(text[f.start:f.end]) \
                and f"{day[2]}-{day[3]}" in written:
            # (a day ahead is the coming one: "Last year's fair opened on June 7, 2015; this
            # year it opens June 7")
            year = written[f"{day[2]}-{day[3]}"]
            f = _Found(f.start, f.end, f.type, year + f.value[4:], None, False)
        out.append(f)
    return out


def _order_day_ranges(text: str, found: list[_Found]) -> list[_Found]:
    """In "from Friday through Sunday" the second weekday cannot precede the first one."""
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if not (a.relative and b.relative and a.day_offset is not None and b.day_offset is not None
                and a.value and b.value and b.day_offset < a.day_offset <= b.day_offset + 7):
            continue
        if not re.fullmatch(r"\s*(?:-|–|to|through|thru|until|till)\s*", text[a.end:b.start]):
            continue
        m = _DAY_VALUE.match(b.value)
        if not m:
            continue
        d = dt.date(int(m[1]), int(m[2]), int(m[3])) + dt.timedelta(days=7)
        out[i] = _Found(b.start, b.end, b.type, d.isoformat() + b.value[10:], b.day_offset + 7, True)
    return out


_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")


#: A weekday naming a thing by a possessive: "Monday's debate", "Monday night's debate".
_WEEKDAY_THING = re.compile(rf"({WEEKDAY_RE})\b[^'’]{{0,12}}['’]s\s+([a-z]+)\b", re.I)


def _one_day_for_one_thing(text: str, found: list[_Found], anchor: dt.date | None) -> list[_Found]:
    """Give every "Monday's debate" of one text the day most of them are read as: one
    article's "Monday night's debate", "since Monday's debate" and "the fallout from Monday's
    debate is still unclear" are one debate, though the last, with no verb to place it, could
    be read as next Monday's. A tie changes nothing."""
    if anchor is None:
        return found
    days: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(found):
        thing = _WEEKDAY_THING.match(text, f.start)
        if f.relative and thing and thing.end(1) <= f.end <= thing.start(2) and _DAY_VALUE.match(f.value or ""):
            days.setdefault((thing[1].lower(), thing[2].lower()), []).append(i)
    out = list(found)
    for indices in days.values():
        counts: dict[str, int] = {}
        for i in indices:
            counts[found[i].value[:10]] = counts.get(found[i].value[:10], 0) + 1  # type: ignore[index]
        ranked = sorted(counts.values(), reverse=True)
        if len(ranked) < 2 or ranked[0] == ranked[1]:
            continue
        day = max(counts, key=counts.__getitem__)
        for i in indices:
            f = found[i]
            if f.value[:10] != day:  # type: ignore[index]
                chosen = dt.date.fromisoformat(day)
                out[i] = _Found(f.start, f.end, f.type, day + f.value[10:], (chosen - anchor).days, f.relative)  # type: ignore[index]
    return out
