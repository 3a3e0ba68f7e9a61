"""The table of time-expression rules, and the candidates they find in a text."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from .time_words import (DAY_RE, HOLIDAYS, L, MOD_RE, MONTHS, MONTH_FULL_RE, MONTH_RE, NUMBER_RE, ORDINALS, PART_RE, R,
                         SEASON_RE, TZ_RE, UNIT_RE, WEEKDAY_RE, YEAR_RE, Build, _Built, _Ctx, _Found, _alt, _is_cap,
                         iso_week)
from .date_calendar import (_b_bare_month, _b_century, _b_decade, _b_full_date, _b_half, _b_iso, _b_month_day,
                            _b_month_of_relative_year, _b_month_year, _b_quarter, _b_season, _b_slash, _b_year,
                            _b_year_range)
from .date_values import (SET_ADVERBS, _b_ago, _b_clock, _b_deictic_day, _b_duration, _b_earlier_in, _b_holiday, _b_ref,
                          _b_relative_unit, _b_set, _b_weekday, _b_weekday_ago)


#: The weeks of a month counted from its start or its end: "the first week of March" is
#: March 1-7, "the last week of October" October 25-31.
WEEK_OF_MONTH_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def _b_week_of_month(m: re.Match, ctx: _Ctx) -> _Built:
    """"the last week of October", "the first week of March 2016": the ISO week holding
    the middle of those seven days (the week most of them fall in); the month's year as a
    month alone would have it ("came the last week of October", written in January, is the
    October gone)."""
    if not _is_cap(m["mon"]):
        return None
    month = MONTHS[m["mon"].lower()]
    if m["y"]:
        year = int(m["y"])
    else:
        alone = _rule_named("bare_month").pattern.match(ctx.text, m.start("mon"))
        found = _b_bare_month(alone, ctx) if alone and alone.end() == m.end("mon") else None
        value = found.value if isinstance(found, _Found) else None
        if not value or not value[:4].isdigit():
            return _Found(m.start(), m.end(), "DATE", None, None, True)
        year = int(value[:4])
    nth = WEEK_OF_MONTH_ORDINALS[m["nth"].lower()]
    last_day = calendar.monthrange(year, month)[1]
    middle = dt.date(year, month, 7 * nth - 3 if nth > 0 else last_day - 3)
    return _Found(m.start(), m.end(), "DATE", iso_week(middle), None, not m["y"])


# --------------------------------------------------------------------------------------------
# The pattern table. Order is priority among candidates of the same length; longer candidates
# always win over shorter overlapping ones.
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    """One pattern of the table: its name, compiled regex, builder and why it exists."""

    name: str
    pattern: re.Pattern
    build: Build
    why: str
    needs: tuple[str, ...] = ()   # lower-case substrings without which the rule cannot match


def _rule(name: str, pattern: str, build: Build, why: str, needs: tuple[str, ...] = ()) -> Rule:
    return Rule(name, re.compile(pattern, re.I), build, why, needs)


def _rule_named(name: str) -> Rule:
    """The rule of the table with that name."""
    return next(r for r in RULES if r.name == name)


# Pieces shared by several rules of the table.
_WD_PREFIX = rf"(?:(?:{WEEKDAY_RE}),?\s+)?"             # "Wednesday, " before a date
_DATE_SEP = r"(?:\s*,\s*|\s+)"                            # "June 18, 2024" / "June 18 2024"
_DET_REL = (r"(?:the\s+(?:last|next|past|coming|previous|following|current)|"
            r"this|last|next|past|coming|previous|following|current|the)")
#: Determiners and adjectives that TimeML keeps inside a duration's extent.
_DUR_DET = r"(?:the|a|an|these|those|its|their|his|her|our)"
_DUR_ADJ = (r"(?:mere|full|whole|entire|past|last|next|coming|recent|additional|further|extra|"
            r"consecutive|straight|first|final)")
_ISO_TIME = r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)"
# "6.30am", the British style, only with am/pm: a bare "6.30" is a number.
_CLOCK = (r"(?:(?P<named>noon|midday|midnight)|(?P<h>\d{1,2})(?::(?P<mi>\d{2})|\.(?P<mi_dot>\d{2})(?=\s*[ap]\.?\s?m))?"
          r"(?:\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b))?)")
_CLOCK_DAY = rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY_RE})|(?P<rel>today|tonight|tomorrow|yesterday))\b)"
_QUARTER_ORD = r"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)"

RULES: list[Rule] = [
    # --- explicit calendar dates (not anchor-relative) ---------------------------------------
    _rule("iso_date", rf"{L}(?P<y>\d{{4}})-(?P<mo>\d{{2}})-(?P<d>\d{{2}}){_ISO_TIME}?(?!\d)", _b_iso,
          "machine dates in datelines and credits: 2024-06-18, 2024-06-18T15:00"),
    _rule("slash_date", rf"{L}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})(?![\d/])",
          _b_slash, "numeric dates; only an unambiguous day/month order gets a value"),
    _rule("full_date_mdy",
          rf"{L}{_WD_PREFIX}(?P<mon>{MONTH_RE})\s+(?P<d>{DAY_RE}){_DATE_SEP}(?P<y>{YEAR_RE}){R}",
          _b_full_date, "US order with year: June 18, 2024 (a weekday in front is part of it)"),
    _rule("full_date_dmy",
          rf"{L}{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE}){_DATE_SEP}(?P<y>{YEAR_RE}){R}",
          _b_full_date, "British order with year: 18 June 2024, the 18th of June 2024"),
    _rule("month_year", rf"{L}(?P<mod>{MOD_RE})?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?P<y>{YEAR_RE}){R}",
          _b_month_year, "month of a given year: May 2010, early June 2024"),
    _rule("month_of_relative_year",
          rf"{L}(?P<mod>{MOD_RE})?(?P<mon>{MONTH_RE})(?:\s+(?P<d>{DAY_RE}))?,?\s+of\s+(?P<rel>last|this|next)\s+year\b",
          _b_month_of_relative_year, "a month of a year named from the anchor: January of last year -> 2015-01",
          (" of last year", " of this year", " of next year")),
    _rule("year_range", rf"{L}(?P<y>{YEAR_RE})\s*[-–]\s*(?P<y2>\d{{4}}|\d{{2}})(?![\d-])",
          _b_year_range, "2009-2010 and 1957-58 are two DATEs in TimeML",
          ("-", "–")),
    _rule("year", rf"{L}(?:{MOD_RE}|fiscal\s+(?:year\s+)?|FY\s?)?(?P<y>{YEAR_RE}){R}(?![-–]\d)(?!['’]?s\b)",
          _b_year, "a year: 1961, mid-2023, fiscal 2013, the end of 2012 (counts refused)"),
    _rule("decade", rf"{L}(?:(?:early|late|mid)(?:-|\s+))?(?:(?P<dec>1[5-9]\d0|20\d0)|['’](?P<dec2>\d0))['’]?s\b",
          _b_decade, "decades: the 1990s -> 199 ('the' left out, as for centuries)",
          ("0s", "0's", "0’s")),
    _rule("century",
          rf"{L}(?:(?:early|late|mid)(?:-|\s+))?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_alt(ORDINALS)})[\s-]+century\b",
          _b_century, "centuries: the 20th century -> 19 ('the' left out as in the TE3 gold)",
          ("century",)),
    _rule("quarter_of",
          rf"{L}(?:the\s+)?{_QUARTER_ORD}[\s-]quarter(?:\s+of\s+(?:(?P<y>{YEAR_RE})|the\s+year|this\s+year))?\b",
          _b_quarter, "quarters: the third quarter (of 2023), first-quarter (profit)",
          ("quarter",)),
    _rule("quarter_q", rf"{L}(?:(?P<q>Q[1-4])(?:\s+(?P<y>{YEAR_RE}))?|(?P<y2>{YEAR_RE})\s+(?P<q2>Q[1-4]))\b",
          _b_quarter, "quarters in business copy: Q3 2023, 2023 Q3"),
    _rule("half",
          rf"{L}the\s+(?P<h>first|second)\s+half\s+of\s+(?:(?P<y>{YEAR_RE})|(?P<rel>this|last|next|the)\s+year)\b",
          _b_half, "halves of a year: the first half of 2024 -> 2024-H1",
          ("half",)),
    _rule("holiday", rf"{L}(?:{_alt(HOLIDAYS)})\b", _b_holiday,
          "fixed-date holidays: Christmas -> XXXX-12-25 in the anchor's year",
          ("christmas", "new year", "halloween", "valentine", "boxing")),

    # --- dates whose year or day comes from the anchor -----------------------------------------
    _rule("month_day", rf"{L}{_WD_PREFIX}(?P<mon>{MONTH_RE})\s+(?P<d>{DAY_RE})(?!\d|:\d)\b",
          _b_month_day, "month and day without year: April 7 (year from the anchor and tense)"),
    _rule("day_month", rf"{L}{_WD_PREFIX}(?P<d>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE})\b",
          _b_month_day, "day and month without year: 7 April"),
    _rule("bare_month",
          rf"{L}(?P<mod>{MOD_RE})?(?:(?P<det>last|next|this)\s+)?(?P<mon>{MONTH_FULL_RE})\b(?!-)",
          _b_bare_month, "a month alone: in September, late last July (May/March need context)"),
    _rule("week_of_month",
          rf"{L}the\s+(?P<nth>{_alt(WEEK_OF_MONTH_ORDINALS)})\s+week\s+(?:of|in)\s+(?P<mon>{MONTH_FULL_RE})(?:,?\s+(?P<y>{YEAR_RE}))?{R}",
          _b_week_of_month, "a week counted in a month: the last week of October -> 2015-W44",
          ("week of", "week in")),
    _rule("season",
          rf"{L}(?P<mod>{MOD_RE})?(?:(?P<det>this|last|next)\s+|the\s+)?(?P<season>{SEASON_RE})(?:\s+(?:of\s+)?(?P<y>{YEAR_RE}))?\b",
          _b_season, "seasons: last summer -> 2012-SU (bare 'fall' and noun uses refused)"),
    _rule("relative_unit",
          rf"{L}(?P<mod>{MOD_RE}|(?:earlier|later)\s+)?(?P<det>{_DET_REL})?\s*(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century)\b(?!-)",
          _b_relative_unit, "calendar units relative to the anchor: this week, last year, the past year"),
    _rule("earlier_in", rf"{L}(?:earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year)\b",
          _b_earlier_in, "earlier in the day -> the anchor date",
          ("earlier", "later")),
    _rule("ago", rf"{L}(?P<num>{NUMBER_RE})?\s*(?P<unit>{UNIT_RE})s?\s+ago\b",
          _b_ago, "N units ago -> the anchor moved back (TimeML keeps 'ago' in the extent)",
          ("ago",)),
    _rule("weekday_ago", rf"{L}(?P<num>{NUMBER_RE})\s+(?P<wd>{WEEKDAY_RE})s?\s+ago\b", _b_weekday_ago,
          "two Sundays ago -> that date (otherwise 'Sundays' would read as a SET)",
          ("ago",)),
    _rule("weekday",
          rf"{L}(?:(?:early|late)\s+)?(?:(?P<det>last|next|this)\s+)?(?P<wd>{WEEKDAY_RE})(?P<plural>s)?(?:\s+(?P<part>{PART_RE})(?P<part_plural>s)?)?\b",
          _b_weekday, "weekdays resolved against the anchor by tense; plural = SET"),
    _rule("deictic_day",
          rf"{L}(?:(?:earlier|later)\s+)?(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:yesterday|tomorrow|today|this|tonight)(?:\s+(?:{PART_RE}))?|last\s+night)\b",
          _b_deictic_day, "today / yesterday / tomorrow / this morning / last night"),
    _rule("clock", rf"{L}{_CLOCK}(?:\s+(?P<tz>{TZ_RE}))?{_CLOCK_DAY}?(?![\w:])",
          _b_clock, "clock times: 3 p.m., 15:00 GMT Saturday (date from the weekday or anchor)"),

    # --- durations, reference points, recurrences ---------------------------------------------
    _rule("duration",
          rf"{L}(?:(?P<det>{_DUR_DET})\s+)?(?P<adj>(?:{_DUR_ADJ}\s+)+)?"
          rf"(?:(?P<num>{NUMBER_RE})(?:\s+|(?P<hyphen>-)))?(?P<unit>{UNIT_RE})(?P<plural>s)?(?(plural)['’]?)(?![\w-])",
          _b_duration, "durations: 24 years, a month, the past two years, two-day, recent weeks"),
    _rule("ref",
          rf"{L}(?:now|currently|presently|nowadays|these\s+days|at\s+present|recently|lately|the\s+past|the\s+future)\b"
          rf"(?!\s+(?:{NUMBER_RE}|{UNIT_RE}|[a-z]+s)\b)",
          _b_ref, "TimeML reference points: now -> PRESENT_REF, recently -> PAST_REF"),
    _rule("set_adverb", rf"{L}(?P<adv>{_alt(SET_ADVERBS)})\b", _b_set,
          "recurrence adverbs: weekly -> P1W, annually -> P1Y (lower case only: not 'Daily Mail')"),
    _rule("set_every",
          rf"{L}(?:every|each)\s+(?:(?P<wd>{WEEKDAY_RE})|(?P<part>{PART_RE})|(?:(?P<num>{NUMBER_RE})\s+)?(?P<unit>{UNIT_RE}))s?\b",
          _b_set, "every week -> P1W, every two years -> P2Y, every Monday -> XXXX-WXX-1",
          ("every", "each")),
    _rule("set_per", rf"{L}(?:once|twice|\w+\s+times)\s+(?:a|an|per)\s+(?P<unit>{UNIT_RE})\b", _b_set,
          "frequencies: twice a year -> P1Y",
          ("once", "twice", "times")),
]


# --------------------------------------------------------------------------------------------
# Running the table over a text
# --------------------------------------------------------------------------------------------

def _candidates(ctx: _Ctx) -> list[tuple[_Found, int]]:
    out: list[tuple[_Found, int]] = []
    lower = ctx.text.lower()
    for prio, rule in enumerate(RULES):
        if rule.needs and not any(n in lower for n in rule.needs):
            continue
        for m in rule.pattern.finditer(ctx.text):
            if m.end() == m.start():
                continue
            built = rule.build(m, ctx)
            if built is None:
                continue
            for f in ([built] if isinstance(built, _Found) else built):
                out.append((f, prio))
    return out


def _trim(text: str, f: _Found) -> _Found:
    """Drop whitespace and trailing punctuation a pattern may have swallowed."""
    s, e = f.start, f.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
        e -= 1
    if (s, e) == (f.start, f.end):
        return f
    return replace(f, start=s, end=e)
