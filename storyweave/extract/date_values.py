"""Rule builders of relative and clock expressions ("last week", "two days ago", "on Friday",
"at 9 a.m.", "daily", holidays): each turns one matched expression into its TIMEX3 type and value.
Calendar expressions (dates, months, years) are built in ``date_calendar``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .time_words import (HOLIDAYS, PARTS_OF_DAY, UNIT_RE, WEEKDAYS, _Built, _Ctx, _Found, _alt, _at_sentence_start,
                         _duration_value, _is_cap, _number, _prev_word, _sentence_of, _shift_months, _unit_key, _valid,
                         iso_week)
from .date_tense import (_after_a_forward_word, _cued_tense, _day_found, _days_from_anchor, _resolve_month,
                         _resolve_weekday, _tense)
from .date_present import (_RECURS, _a_present_habit, _future_age, _in_a_name, _in_a_title, _nowadays,
                           _speaking_day_offset)


def _b_relative_unit(m: re.Match, ctx: _Ctx) -> _Built:
    """"this week", "last year", "the past year", "the end of the year", "next month"."""
    if m["det"] and m.group().istitle() and _in_a_title(ctx.text, m.start(), m.group()):
        return None  # "said on ABC's This Week": a programme, not a week
    det = re.sub(r"\s+", " ", (m["det"] or "").lower()).strip()
    unit = m["unit"].lower()
    mod = (m["mod"] or "").lower()
    start, end = m.start(), m.end()
    if det in ("", "the") and not mod:
        return None                                   # "the year", "year" alone
    if det in ("the past", "past", "the coming", "the next") and unit not in ("weekend",):
        return _Found(start, end, "DURATION", _duration_value(1, unit))
    if det == "the last" and _OF_AFTER.match(ctx.text, end):
        return _Found(start, end, "DATE", None, None, True)   # "the last year of his term"
    if det in ("the last",) and unit in ("year", "decade", "century"):
        # "said about Latinos in the last year", written in July, is the twelve months up to
        # the report, as "the past year" is, not the calendar year before ("the last week"
        # stays the week before, as TempEval annotates it).
        return _Found(start, end, "DURATION", _duration_value(1, unit))
    if det in ("the previous", "the following", "previous", "following"):
        return _Found(start, end, "DATE", None, None, True)   # relative to the narrative
    a = ctx.anchor
    if a is None:
        return _Found(start, end, "DATE", None, None, True)
    shift = {"last": -1, "the last": -1, "next": 1, "this": 0, "the current": 0, "current": 0,
             "the coming": 1, "coming": 1}.get(det)
    if shift is None:    # "the end of (the) year": the nearest one in the clause's tense
        if unit == "year":
            month = 12 if "end" in mod or "close" in mod else 1 if ("start" in mod or "beginning" in mod or "early" in mod) else a.month
            tense = _tense(ctx, start, end)
            y = a.year - 1 if tense == "past" and month > a.month else a.year
            return _Found(start, end, "DATE", str(y), None, True)
        shift = 0
    if unit == "year":
        return _Found(start, end, "DATE", str(a.year + shift), None, True)
    if unit == "month":
        y, mo = _shift_months(a, shift)
        return _Found(start, end, "DATE", f"{y}-{mo:02d}", None, True)
    if unit == "week":
        if shift == -1 and a.weekday() == 6:
            # Written on a Sunday, "last week" is the week that is ending ("Trump last week
            # invited …" of a Wednesday four days back), not the one before it.
            shift = 0
        elif shift == 0 and a.weekday() == 0 and ctx.clause_tense is not None and ctx.clause_tense(start, end) == "past":
            # Written on a Monday (often the evening before), what "this week" saw happen, told
            # in the past tense, is of the seven days just gone ("said during this week's
            # debate" of a Saturday two days back), not of the new week hardly begun.
            shift = -1
        return _Found(start, end, "DATE", iso_week(a + dt.timedelta(weeks=shift)), None, True)
    if unit == "weekend":
        sat = a + dt.timedelta(days=(5 - a.weekday()) % 7 + 7 * shift)
        if shift == 0 and a.weekday() == 6:
            sat = a - dt.timedelta(days=1)
        if shift == -1 or shift == 0 and a.weekday() < 5 and _weekend_past(ctx, mod, start, end):
            sat = a - dt.timedelta(days=(a.weekday() - 5) % 7 or 7)
        return _Found(start, end, "DATE", iso_week(sat) + "-WE", None, True)
    if unit == "quarter":
        q = (a.month - 1) // 3 + shift
        y, q = a.year + q // 4, q % 4 + 1
        return _Found(start, end, "DATE", f"{y}-Q{q}", None, True)
    if unit == "decade":
        return _Found(start, end, "DATE", str(a.year // 10 + shift), None, True)
    if unit == "century":
        return _Found(start, end, "DATE", f"{a.year // 100 + shift:02d}", None, True)
    return None


#: "the last year of his term": the final one of something, not the time up to the report.
_OF_AFTER = re.compile(r"\s+of\b")


def _weekend_past(ctx: _Ctx, mod: str, start: int, end: int) -> bool:
    """Whether "this weekend", written on a weekday, is the one just gone: "suggesting
    earlier this weekend", "Starting this weekend, his wife has joined him" (a past cue
    says so; with none, the coming weekend is meant)."""
    return mod.startswith("earlier") or _cued_tense(ctx, start, end) == "past"


def _b_earlier_in(m: re.Match, ctx: _Ctx) -> _Built:
    """"earlier in the day" -> the anchor day; "later in the week/month/year" likewise."""
    unit = m["unit"].lower()
    a = ctx.anchor
    if unit == "day":
        # the day the story is telling of ("As voters went to the polls earlier in the day",
        # after Tuesday's results): found as a clock time's day is, by _attach_clock_times
        return replace(_day_found(ctx, m.start(), m.end(), 0), floating=True)
    if a is None:
        return _Found(m.start(), m.end(), "DATE", None, None, True)
    value = {"week": iso_week(a), "month": f"{a.year}-{a.month:02d}", "year": str(a.year)}[unit]
    return _Found(m.start(), m.end(), "DATE", value, None, True)


#: A unit in the plural before "ago" with no count: "months ago", "years ago".
_PLURAL_AGO = re.compile(r"s\s+ago$", re.I)


def _b_ago(m: re.Match, ctx: _Ctx) -> _Built:
    """"six years ago" -> anchor year - 6; "a week ago" -> that ISO week; vague -> PAST_REF."""
    n = _number(m["num"])
    unit = _unit_key(m["unit"])
    a = ctx.anchor
    start, end = m.start(), m.end()
    if n is None or m["num"] is None and _PLURAL_AGO.search(m.group()):
        # "Months ago, he was written off": a count left untold is no one month back
        return _Found(start, end, "DATE", "PAST_REF")
    if a is None:
        return _Found(start, end, "DATE", None, None, True)
    n = int(n) if float(n).is_integer() else n
    if not isinstance(n, int):
        return _Found(start, end, "DATE", None, None, True)
    if unit == "year":
        return _Found(start, end, "DATE", str(a.year - n), None, True)
    if unit == "decade":
        return _Found(start, end, "DATE", str(a.year - 10 * n), None, True)
    if unit == "month":
        y, mo = _shift_months(a, -n)
        return _Found(start, end, "DATE", f"{y}-{mo:02d}", None, True)
    if unit in ("week", "fortnight"):
        return _Found(start, end, "DATE", iso_week(a - dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))), None, True)
    if unit == "day":
        return _day_found(ctx, start, end, -n)
    return _Found(start, end, "TIME", None, None, True)   # "two hours ago": time of day unknown


def _b_weekday_ago(m: re.Match, ctx: _Ctx) -> _Built:
    """"two Sundays ago" -> the Sunday two weeks back (strictly before the anchor)."""
    n = _number(m["num"])
    if ctx.anchor is None or n is None or not float(n).is_integer():
        return _Found(m.start(), m.end(), "DATE", None, None, True)
    back = (ctx.anchor.weekday() - WEEKDAYS[m["wd"].lower()]) % 7 or 7
    return _day_found(ctx, m.start(), m.end(), -(back + 7 * (int(n) - 1)))


#: Prepositions/verbs after which a bare plural unit is a duration ("for years", "in decades").
BARE_UNIT_CONTEXT = {"for", "in", "over", "within", "after", "than", "took", "take", "takes",
                     "taken", "spent", "spend", "lasted", "last", "lasting"}
#: Words/values before "a <unit>" that make it a rate: "$5 million a year", "twice a day".
RATE_BEFORE = re.compile(r"(?:\d[\d,.]*\s*(?:%|percent|million|billion|trillion|[a-z]+s)?|"
                         rf"million|billion|trillion|once|twice|times|thrice|{UNIT_RE}s)\s*$", re.I)


def _titled_unit(text: str, m: re.Match) -> bool:
    """Whether a duration's unit is capitalised inside a sentence written in small letters
    ("The movie 13 Hours by Michael Bay", "Zuckoff's 13 Hours book") or stands in quotation
    marks ("Movie ’13 Hours’ Is About To Come Out"): a title. A headline capitalising every
    word ("Talks Drag On For 3 Weeks") says nothing either way."""
    unit_start = m.start("unit")
    if not text[unit_start].isupper() or _at_sentence_start(text, m.start()):
        return False
    closing = text[m.end() - 1:m.end() + 1]  # the pattern may have taken it for a plural's "’"
    if re.search(r"[’'\"”]", closing) and re.search(r"[‘’'\"“]$", text[max(0, m.start() - 1):m.start()]):
        return True
    before = re.search(r"([A-Za-z][\w’'-]*)\W*$", text[max(0, m.start() - 30):m.start()])
    after = re.match(r"\W*([A-Za-z]\w*)", text[m.end():m.end() + 30])
    return bool(before and before.group(1)[0].islower() or after and after.group(1)[0].islower())


def _b_duration(m: re.Match, ctx: _Ctx) -> _Built:
    """"24 years", "a month", "the past two years", "recent weeks", "a mere 24 hours"."""
    det = (m["det"] or "").lower()
    adjs = (m["adj"] or "").lower().split()
    num, unit, plural = m["num"], m["unit"], m["plural"]
    start, end = m.start(), m.end()
    t = ctx.text
    after = t[end:end + 20]
    if _titled_unit(t, m):
        return None   # the film "13 Hours", "Zuckoff's 13 Hours book": a title, not a duration
    if re.match(r"[\s-]*(?:old|olds)\b|\s+and\s+(?:older|over|up)\b", after):
        return None   # ages ("22 years old", "6 months and older") are not annotated in TimeML
    if re.match(r"\s+ago\b", after):
        return None   # handled by the "ago" rule
    key = _unit_key(unit)
    if num is None:
        if det in ("a", "an"):
            if key == "second":
                return None    # "a second time", "a second round"
            n: float | None = 1
        elif plural and ("recent" in adjs or "past" in adjs or "last" in adjs or "coming" in adjs
                         or "next" in adjs or "few" in adjs):
            n = None
        elif plural and not det and not adjs and _prev_word(t, start) in BARE_UNIT_CONTEXT:
            n = None          # "for years"
        elif plural and key in ("decade", "century") and not det and not adjs:
            n = None          # "decades of conflict"
        else:
            return None
    else:
        n = _number(num)
        if num.lower() in ("second",):
            return None
        if det in ("a", "an") and n not in (None,) and not re.match(r"(?:few|couple|dozen|hundred)", num.lower()):
            # "a 24 hours" is not English; "a mere 24 hours" is (adjective between)
            if not adjs and not m["hyphen"]:
                return None
        if n is not None and not plural and n != 1 and not m["hyphen"]:
            return None   # "two hour" is not a duration (it is "two-hour")
        if n is not None and plural and n == 1 and not re.match(r"\d", num):
            return None   # "one years"
    if det in ("a", "an") and not adjs and num is None and RATE_BEFORE.search(t[max(0, start - 25):start]):
        return _Found(start, end, "SET", _duration_value(1, unit))   # "$5 million a year"
    if m["hyphen"]:
        if re.match(r"-old\b", t[end:end + 5]):
            return None
        # "a four-week closure": the compound is an adjective, the article belongs to the noun
        start = m.start("num")
    return _Found(start, end, "DURATION", _duration_value(n, unit))


def _b_weekday(m: re.Match, ctx: _Ctx) -> _Built:
    """"Wednesday", "last Friday", "Sunday night", "Fridays" (a SET)."""
    wd_word = m["wd"]
    if not _is_cap(wd_word):
        return None
    wd = WEEKDAYS[wd_word.lower()]
    prev = _prev_word(ctx.text, m.start())
    if prev in ("good", "black", "ash", "holy", "super", "cyber", "easter", "palm", "bloody", "maundy"):
        return None   # named days ("Black Friday") need a calendar, not the weekday rule
    nxt = ctx.text[m.end():m.end() + 20]
    if re.match(r"\s+(?:Times|Telegraph|Mail|Express|Post|Night\s+Football|Herald|Mirror|Star|Tribune)\b", nxt):
        return None   # newspaper and show names
    if m["plural"] or m["part_plural"]:
        # "debates on Saturday evenings" recur as "on Saturdays" do: no one day
        return _Found(m.start(), m.end(), "SET", f"XXXX-WXX-{wd + 1}")
    part = m["part"]
    typ, suffix = ("TIME", "T" + PARTS_OF_DAY[part.lower()]) if part else ("DATE", "")
    if not m["det"] and prev in ("one", "some"):
        # "One Sunday in late 2001", "some Friday night": some such day, which the text does
        # not tell
        return _Found(m.start(), m.end(), typ, None, None, True)
    d = _resolve_weekday(ctx, wd, m.start(), m.end(), m["det"])
    if d is None:
        return _Found(m.start(), m.end(), typ, None, None, True)
    return _Found(m.start(), m.end(), typ, d.isoformat() + suffix, _days_from_anchor(d, ctx), True)


def _b_deictic_day(m: re.Match, ctx: _Ctx) -> _Built:
    """today / tonight / yesterday (morning) / tomorrow / last night / this morning."""
    if _in_a_title(ctx.text, m.start(), m.group()):
        return None  # "on CBS This Morning", "NBC's Today": a programme, not a day
    w = re.sub(r"\s+", " ", m.group().lower())
    w = re.sub(r"^(?:earlier|later) ", "", w)
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    if w == "today" and _nowadays(ctx.text, m.start(), m.end()):
        return _Found(m.start(), m.end(), "DATE", "PRESENT_REF")
    if w == "tomorrow" and _future_age(ctx.text, m.start(), m.end()):
        return _Found(m.start(), m.end(), "DATE", "FUTURE_REF")
    # Quoted words count their days from the day they were spoken ("Durbin said on Thursday
    # he “hand-delivered a letter … today”", in Friday's paper, is Thursday).
    spoken = _speaking_day_offset(ctx, m.start())
    if w in offsets:
        typ, suffix = ("TIME", "TNI") if "night" in w else ("DATE", "")
        return _day_found(ctx, m.start(), m.end(), spoken + offsets[w], typ, suffix)
    first, _, part = w.partition(" ")
    offset = {"this": 0, "yesterday": -1, "tomorrow": 1, "today": 0, "tonight": 0}.get(first)
    if offset is None or part not in PARTS_OF_DAY:
        return None
    return _day_found(ctx, m.start(), m.end(), spoken + offset, "TIME", "T" + PARTS_OF_DAY[part])


def _b_clock(m: re.Match, ctx: _Ctx) -> _Built:
    """"3 p.m.", "15:00 GMT", "8:30 am Saturday", "6.30am", "noon" -> anchor date + THH:MM."""
    if m["named"]:
        if _in_a_name(ctx.text, m.start(), m.end()):
            return None  # the police unit "known as the Midnight Crew", "High Noon"
        hh, mm = (12, 0) if m["named"].lower() in ("noon", "midday") else (0, 0)
    else:
        hh, mm = int(m["h"]), int(m["mi"] or m["mi_dot"] or 0)
        ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if ampm:
            if not 1 <= hh <= 12:
                return None
            hh = hh % 12 + (12 if ampm == "pm" else 0)
        elif not m["mi"] or not (m["tz"] or _prev_word(ctx.text, m.start()) in ("at", "by", "until", "from", "before", "after")):
            return None    # a bare "15:30" could be a score or a ratio
        if hh > 24 or mm > 59:
            return None
    clock = f"T{hh:02d}:{mm:02d}"
    if m["wd"]:
        if not _is_cap(m["wd"]):
            return None
        d = _resolve_weekday(ctx, WEEKDAYS[m["wd"].lower()], m.start(), m.end(), None)
    elif m["rel"]:
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()]
        d = ctx.anchor + dt.timedelta(days=off) if ctx.anchor and not ctx.lower_bound else None
    else:
        if _RECURS.search(_sentence_of(ctx.text, m.start())) or _a_present_habit(ctx, m.start(), m.end()):
            # "airs weekdays from 6:00AM to 9:00AM", "the day shift starts at 6 a.m.": an hour
            # of every such day, of none in particular
            return _Found(m.start(), m.end(), "TIME", clock)
        # A bare "6am" is on the publication day, which a lower bound does not give.
        d = None if ctx.lower_bound else ctx.anchor
        if d is None:
            return _Found(m.start(), m.end(), "TIME", "T" + clock[1:], None, True, floating=True)
        return _Found(m.start(), m.end(), "TIME", d.isoformat() + clock, 0, True, floating=True)
    if d is None:
        return _Found(m.start(), m.end(), "TIME", None, None, True)
    return _Found(m.start(), m.end(), "TIME", d.isoformat() + clock, _days_from_anchor(d, ctx), True)


REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
        "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
        "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
        "the future": "FUTURE_REF"}


def _b_ref(m: re.Match, ctx: _Ctx) -> _Built:
    """now / currently -> PRESENT_REF; recently -> PAST_REF; the future -> FUTURE_REF."""
    w = re.sub(r"\s+", " ", m.group().lower())
    if w == "now" and re.match(r"\s*(?:that|-)", ctx.text[m.end():m.end() + 6]):
        return None   # "now that ..." is a conjunction; "now-defunct" is an adjective
    return _Found(m.start(), m.end(), "DATE", REFS[w])


SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
               "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H",
               "biweekly": "P2W", "biannually": "P6M"}


def _b_set(m: re.Match, ctx: _Ctx) -> _Built:
    """"every week" / "weekly" -> P1W; "every two years" -> P2Y; "every Monday" -> XXXX-WXX-1."""
    g = m.group()
    groups = m.groupdict()
    if groups.get("adv"):
        if not g.islower():
            return None   # "Daily Mail", "Weekly Standard"
        return _Found(m.start(), m.end(), "SET", SET_ADVERBS[g.lower()])
    if groups.get("wd"):
        return _Found(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}")
    if groups.get("part"):
        return _Found(m.start(), m.end(), "SET", "T" + PARTS_OF_DAY[m["part"].lower()])
    n = _number(m["num"]) if groups.get("num") else 1
    return _Found(m.start(), m.end(), "SET", _duration_value(n, m["unit"]))


#: Words before a holiday that make it a day something happens on: "on Christmas", "by
#: Christmas", "before New Year's Eve", "last Christmas".
HOLIDAY_TIME_WORDS = frozenset(
    """on at by before after until till since over for around during through throughout from
    near past this last next of""".split())
#: One of those words, maybe with an article and an adjective: "during a chaotic New Year's Eve".
_HOLIDAY_TIME_BEFORE = re.compile(
    rf"\b(?i:{_alt(HOLIDAY_TIME_WORDS)})\s+(?:(?i:a|an|the)\s+)?(?:[a-z]+\s+)?$")


#: Days ahead of the report within which a feast is "the" feast a span before it counts from.
FEAST_DAYS_AHEAD = 14


def _coming_feast(anchor: dt.date | None, month: int, day: int) -> dt.date | None:
    """The next day of a feast on or after the anchor, when it is at most
    ``FEAST_DAYS_AHEAD`` days away."""
    if anchor is None:
        return None
    d = _valid(anchor.year + ((month, day) < (anchor.month, anchor.day)), month, day)
    return d if d is not None and (d - anchor).days <= FEAST_DAYS_AHEAD else None


def _b_holiday(m: re.Match, ctx: _Ctx) -> _Built:
    """"Christmas", "New Year's Eve" -> month-day in the anchor's (tense-adjusted) year."""
    key = m.group().lower().replace("’", "'")
    key = re.sub(r"\s+", " ", key)
    month, day = HOLIDAYS[key]
    if not _HOLIDAY_TIME_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        # "Pope Francis calling Christmas a sham", "the Christmas party slaughter": the feast
        # or its season, not a day of the story; TimeML leaves its year unspecified.
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}")
    coming = _coming_feast(ctx.anchor, month, day)
    if coming is not None and _after_a_forward_word(ctx.text, m.start()):
        # "the debate was held the Saturday before Christmas", two days before it: what is
        # counted back from a feast a few days ahead is counted from that one (last year's
        # would be "last Christmas"), whatever the verb's tense.
        return _Found(m.start(), m.end(), "DATE", coming.isoformat(), _days_from_anchor(coming, ctx), True)
    res = _resolve_month(ctx, month, m.start(), m.end(), _prev_word(ctx.text, m.start()) if _prev_word(ctx.text, m.start()) in ("last", "next", "this") else None, day)
    if res is None:
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}", None, True)
    d = dt.date(res[0], month, day)
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), _days_from_anchor(d, ctx), True)
