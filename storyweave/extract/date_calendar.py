"""Rule builders of calendar expressions: dates, months, years, decades, quarters and seasons."""

from __future__ import annotations

import datetime as dt
import re

from .time_words import (MONTHS, ORDINALS, SEASONS, WEEKDAYS, WEEKDAY_RE, YEAR_RE, _Built, _Ctx, _Found,
                         _at_sentence_start, _is_cap, _prev_word, _valid)
from .date_tense import (SCHEDULED_MONTHS_AHEAD, _PAST_EVENT_BEFORE, _POSSESSIVE, _cued_tense, _days_from_anchor,
                         _names_a_thing, _resolve_month, _scheduled_noun_after, _season_value, _tense)
from .date_present import _SCHEDULED_IN


def _day_num(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _b_iso(m: re.Match, ctx: _Ctx) -> _Built:
    d = _valid(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return None
    if m["h"]:
        return _Found(m.start(), m.end(), "TIME", f"{d.isoformat()}T{m['h']}:{m['mi']}")
    return _Found(m.start(), m.end(), "DATE", d.isoformat())


def _b_slash(m: re.Match, ctx: _Ctx) -> _Built:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    if a > 12 and b <= 12:      # unambiguous day/month (European order)
        d = _valid(y, b, a)
    elif b > 12 and a <= 12:    # unambiguous month/day (US order)
        d = _valid(y, a, b)
    elif a <= 12 and b <= 12:   # 03/04/2024: either order; do not guess
        return _Found(m.start(), m.end(), "DATE", None)
    else:
        return None
    return _Found(m.start(), m.end(), "DATE", d.isoformat()) if d else None


def _b_full_date(m: re.Match, ctx: _Ctx) -> _Built:
    """"June 18, 2024", "18 June 2024", "Wednesday, June 19, 2024"."""
    if not _is_cap(m["mon"]):
        return None
    d = _valid(int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")], _day_num(m["d"]))
    return _Found(m.start(), m.end(), "DATE", d.isoformat()) if d else None


def _b_month_day(m: re.Match, ctx: _Ctx) -> _Built:
    """"June 18", "18 June", "on Wednesday, June 19" (year from the anchor)."""
    mon = m["mon"]
    if not _is_cap(mon):
        return None
    if mon.lower() in ("may", "march") and m["d"] and not re.match(r"\d", m["d"]):
        return None
    # "June 18 2.5%" / "May 5,000": the number belongs to something else
    if re.match(r"\s*(?:%|percent|per\s+cent|million|billion|people|[,.]\d)", ctx.text[m.end():m.end() + 10]):
        return None
    month, day = MONTHS[mon.lower().rstrip(".")], _day_num(m["d"])
    if not 1 <= day <= 31:
        return None
    res = _resolve_month(ctx, month, m.start(), m.end(), None, day)
    if res is not None and ctx.anchor is not None and (_PAST_EVENT_AFTER.match(ctx.text, m.end())
                                                       or _PAST_EVENT_BEFORE.search(ctx.text, max(0, m.start() - 80), m.start())):
        # "after the Sept. 11 terrorist attacks", "the harbour massacre on June 12": an attack
        # named by its day has happened; one more than half a year back is named by a day of
        # some year the text does not give.
        gone = _valid(ctx.anchor.year - ((month, day) > (ctx.anchor.month, ctx.anchor.day)), month, day)
        res = (gone.year, True) if gone and (ctx.anchor - gone).days <= RECENT_EVENT_DAYS else None
    if res is None:
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}", None, True)
    d = _valid(res[0], month, day)
    if d is None:
        return None
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), _days_from_anchor(d, ctx), True)


#: Nouns of events that can only have happened, after a month and day: "the Sept. 11 terrorist
#: attacks", "the Nov. 13 shootings".
_PAST_EVENT_AFTER = re.compile(r"(?:\s+[a-z-]+)?\s+(?:attacks?|bombings?|shootings?|massacres?|killings?|"
                               r"crash(?:es)?|explosions?|blasts?|riots?|ambush(?:es)?|hijackings?)\b")


#: How far back a day naming such an event may lie and still be taken for this year's or last.
RECENT_EVENT_DAYS = 183


def _b_month_year(m: re.Match, ctx: _Ctx) -> _Built:
    """"May 2010", "February 2022", "early June 2024", "March of 2003"."""
    if not _is_cap(m["mon"]):
        return None
    return _Found(m.start(), m.end(), "DATE", f"{m['y']}-{MONTHS[m['mon'].lower().rstrip('.')]:02d}")


def _b_month_of_relative_year(m: re.Match, ctx: _Ctx) -> _Built:
    """"January of last year", "June 5 of next year", "late March of this year": one date,
    the month (and day) in the year named relative to the anchor."""
    if not _is_cap(m["mon"]):
        return None
    month = MONTHS[m["mon"].lower().rstrip(".")]
    if ctx.anchor is None:
        return _Found(m.start(), m.end(), "DATE", None, None, True)
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    if not m["d"]:
        return _Found(m.start(), m.end(), "DATE", f"{year}-{month:02d}", None, True)
    d = _valid(year, month, _day_num(m["d"]))
    if d is None:
        return None
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), _days_from_anchor(d, ctx), True)


#: Words before a bare "May"/"March" that make it the month, not the verb/noun.
MONTH_CONTEXT = {"in", "last", "next", "this", "early", "late", "mid", "since", "until", "till",
                 "by", "through", "before", "after", "from", "during", "of", "between", "and",
                 "or", "to", "that", "each", "every", "throughout"}


#: Words of time that "and"/"or" may join a month to: "between now and March".
_TIME_WORDS = frozenset("now then today tomorrow year month week spring summer fall winter".split())


def _joined_to_a_non_month(text: str, start: int, prev: str) -> bool:
    """Whether "and"/"or" before "May"/"March" joins it to something other than a month ("the
    Coalition to Stop Trump and March on the RNC"), so that it says nothing of a month
    ("in April and May" does)."""
    if prev not in ("and", "or"):
        return False
    before = re.search(r"([\w.]+)\W+(?:and|or)\W*$", text[max(0, start - 40):start], re.I)
    word = before.group(1).lower().rstrip(".") if before else ""
    return not (word in MONTHS or word in WEEKDAYS or word in SEASONS or word in _TIME_WORDS or word[:1].isdigit())


def _b_bare_month(m: re.Match, ctx: _Ctx) -> _Built:
    """A month name alone: "in September", "late last July", "early December"."""
    mon = m["mon"]
    if not _is_cap(mon):
        return None
    prev = _prev_word(ctx.text, m.start())
    has_ctx = bool(m["mod"] or m["det"]) or prev in MONTH_CONTEXT
    if mon.lower() in ("may", "march") and (not has_ctx or _joined_to_a_non_month(ctx.text, m.start(), prev)):
        return None   # "May could ..." (modal), "March on Washington", "Stop Trump and March on the RNC"
    nxt = ctx.text[m.end():m.end() + 20]
    # "June Carter", "August Wilson": a following capitalised name makes it a given name
    if not has_ctx and re.match(r"\s+[A-Z][a-z]", nxt) and not re.match(rf"\s+(?:{WEEKDAY_RE})\b", nxt):
        return None
    if not has_ctx and _at_sentence_start(ctx.text, m.start()) and re.match(r"\s+(?:is|was|has|said|says)\b", nxt):
        return None   # "June said ..." sentence-initial name
    month = MONTHS[mon.lower()]
    # ("said that November is …" is a conjunction and a month of its own)
    told_year = _year_told_before(ctx.text, m.start()) \
        if prev == "that" and not m["det"] and not _SUBJECT_OF_VERB.match(nxt) else None
    if told_year is not None:
        # "riots at the 1968 convention contributed to Humphrey's loss that November": the
        # month of the year the story is telling of, not of the report's.
        return _Found(m.start(), m.end(), "DATE", f"{told_year}-{month:02d}")
    cued = _cued_tense(ctx, m.start(), m.end())
    names_a_thing = _POSSESSIVE.match(ctx.text, m.end()) or (
        (_names_a_thing(ctx.text, m.start(), m.end()) or _names_a_qualified_scheduled_thing(ctx.text, m.start(), m.end()))
        and cued != "future"
        # "according to a February survey", in a past clause: a thing not scheduled ahead
        # was done in the month gone ("a June referendum" may be the coming one)
        and not (cued == "past" and not _scheduled_noun_after(ctx.text, m.end())))
    if not (m["det"] or m["mod"]) and ctx.anchor is not None and _REPORT_OF_THE_MONTH.match(ctx.text, m.end()):
        # "awaits the November housing report", written in December: a report of figures is
        # named by the month it counts, which is over by the time it comes out; the nearer
        # month is meant, whatever the tense
        return _Found(m.start(), m.end(), "DATE", f"{_nearest_month_year(ctx.anchor, month)}-{month:02d}", None, True)
    if not (m["det"] or m["mod"]) and names_a_thing and ctx.anchor is not None:
        # "called November's election a test" or "a June referendum", written in August or
        # March: the month names the election, whatever the verb's tense; the nearer one is meant.
        year = _nearest_month_year(ctx.anchor, month)
        if _names_a_date_set_ahead(ctx, m.start(), m.end(), month):
            year = ctx.anchor.year + (month < ctx.anchor.month)
        return _Found(m.start(), m.end(), "DATE", f"{year}-{month:02d}", None, True)
    if not (m["det"] or m["mod"]) and ctx.anchor is not None and cued is None \
            and 0 < (month - ctx.anchor.month) % 12 <= SCHEDULED_MONTHS_AHEAD and _SCHEDULED_IN.search(ctx.text, max(0, m.start() - 30), m.start()):
        # "does not translate into a victory in November", "the vote in June", written in
        # March with no verb to date it: the coming one
        return _Found(m.start(), m.end(), "DATE", f"{ctx.anchor.year + (month < ctx.anchor.month)}-{month:02d}", None, True)
    res = _resolve_month(ctx, month, m.start(), m.end(), m["det"])
    if res is None:
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}", None, True)
    return _Found(m.start(), m.end(), "DATE", f"{res[0]}-{month:02d}", None, True)


#: A report of figures after a month, past a word or two naming them: "the November jobs
#: report", "March retail sales figures", "the April consumer price index".
_REPORT_OF_THE_MONTH = re.compile(r"(?:\s+[a-z-]+){0,2}\s+(?:report|data|figures|numbers|statistics|index|readings?)\b")


#: A verb after a month: the month is the subject of a clause ("that November was cold").
_SUBJECT_OF_VERB = re.compile(r"\s+(?:is|was|will|would|has|had|could|may|might|should|must)\b", re.I)


#: A year written as a year: four digits not inside a longer number, a date or a count.
_WRITTEN_YEAR = re.compile(rf"(?<![\d,.$£€-])({YEAR_RE})(?![\d,]|['’]?s\b|\s+(?:people|percent|votes))")


#: How far back "that November" looks for the year it speaks of: its sentence and the one before.
TOLD_YEAR_CHARS = 300


def _year_told_before(text: str, start: int) -> int | None:
    """The year written last before ``start`` in its paragraph, within ``TOLD_YEAR_CHARS``:
    the one "that November" refers to; None without one."""
    lo = max(0, start - TOLD_YEAR_CHARS, text.rfind("\n", 0, start) + 1)
    years = _WRITTEN_YEAR.findall(text, lo, start)
    return int(years[-1]) if years else None


#: A determiner and one or two adjectives before a month: "a tough November", "the
#: crucial June" (a preposition or a conjunction ends the noun phrase: "the votes in June").
_DET_ADJECTIVES_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|that|its|their|his|her|our|whose)|\w['’]s)"
                                    r"(?:\s+(?!(?:and|or|but|to|at|in|on|of|by|for|from|with|as|than|that|which|who|"
                                    r"is|are|was|were|be|been|has|have|had)\b)(?-i:[a-z][a-z-]*)){1,2}\s+$", re.I)


def _names_a_qualified_scheduled_thing(text: str, start: int, end: int) -> bool:
    """Whether a month stands between the adjectives and the noun of something scheduled:
    "a tough November runoff election", "the crucial June primary" (the month names the
    event as it does right after the determiner)."""
    return bool(_DET_ADJECTIVES_BEFORE.search(text, max(0, start - 40), start) and _scheduled_noun_after(text, end))


def _names_a_date_set_ahead(ctx: _Ctx, start: int, end: int, month: int) -> bool:
    """Whether a month names something scheduled ("the November election", "a June
    referendum") in a clause no verb puts in the past or future, and lies at most
    ``SCHEDULED_MONTHS_AHEAD`` months ahead: written in April, the coming November's
    election is meant, though last November is nearer."""
    ahead = (month - ctx.anchor.month) % 12 if ctx.anchor else 0
    return bool(_scheduled_noun_after(ctx.text, end) and 0 < ahead <= SCHEDULED_MONTHS_AHEAD
                and _cued_tense(ctx, start, end) is None)


def _nearest_month_year(anchor: dt.date, month: int) -> int:
    """The year putting ``month`` nearest the anchor's month (ahead on a tie)."""
    ahead = (month - anchor.month) % 12
    return anchor.year + (anchor.month + ahead > 12) if ahead <= 6 else anchor.year - (month > anchor.month)


#: Words after a bare year-like number that make it a count, not a year ("2000 people").
COUNT_NOUNS = re.compile(
    r"\s+(?:people|persons|men|women|children|troops|soldiers|police|officers|votes|voters|"
    r"cases|deaths|units|homes|houses|jobs|feet|ft|metres|meters|m|km|kilometres|kilometers|"
    r"miles|tons|tonnes|pounds|lbs|kg|dollars|euros|barrels|cars|vehicles|flights|students|"
    r"workers|employees|members|residents|square|acres|hectares|calories|points|rounds|"
    r"times|hours|GMT|UTC|BST|EST|EDT|PST|hrs|sq|mph|km/h)\b", re.I)


#: Capitalised words that may stand right before a year without making it part of a name.
NAME_OK_BEFORE_YEAR = {"fiscal", "fy", "spring", "summer", "fall", "autumn", "winter", "since", "in",
                       "by", "until", "of", "mid", "early", "late", "christmas", "easter"}


def _year_ok(m: re.Match, ctx: _Ctx, y: int) -> bool:
    t = ctx.text
    if ctx.anchor is not None and y > ctx.anchor.year + 30:
        return False
    if COUNT_NOUNS.match(t[m.end():m.end() + 14]):
        return False
    prev = _prev_word(t, m.start())
    if prev in ("no.", "no", "number", "page", "pages", "flight", "route", "room", "article",
                "section", "paragraph", "resolution", "at", "about", "nearly", "some", "than",
                "over", "almost", "approximately", "roughly", "around", "the"):
        # "at 1500 GMT", "about 2000 protesters", "more than 1900"; "the 2012 election" is
        # still a year, so "the" only refuses when a plural count noun does not follow
        if prev != "the" or re.match(r"\s+[a-z]+s\b", t[m.end():m.end() + 20]):
            return False
    if re.match(r"\s*(?:%|percent|per\s+cent|[.,]\d)", t[m.end():m.end() + 8]):
        return False
    pm = re.search(r"([A-Z][\w.&-]*)\s+$", t[max(0, m.start() - 30):m.start()])
    if (pm and pm.group(1).lower().rstrip(".") not in MONTHS and pm.group(1).lower() not in NAME_OK_BEFORE_YEAR
            and not _at_sentence_start(t, m.start() - len(pm.group(0)))):
        return False   # "Windows Server 2003", "Euro 2012": a product or event name
    return True


def _b_year(m: re.Match, ctx: _Ctx) -> _Built:
    """A year alone or with a modifier: "1961", "mid-2023", "fiscal 2013", "the end of 2012"."""
    y = int(m["y"])
    if not _year_ok(m, ctx, y):
        return None
    return _Found(m.start(), m.end(), "DATE", str(y))


def _b_year_range(m: re.Match, ctx: _Ctx) -> _Built:
    """"2009-2010", "1957-58": two DATEs, the dash between them belongs to neither."""
    y1, y2s = int(m["y"]), m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not y1 < y2 <= y1 + 30 or not _year_ok(m, ctx, y1):
        return None
    s2 = m.start("y2")
    return [_Found(m.start("y"), m.end("y"), "DATE", str(y1)),
            _Found(s2, m.end(), "DATE", str(y2))]


def _b_decade(m: re.Match, ctx: _Ctx) -> _Built:
    """"1990s", "the early 2000s", "'90s" -> 199 / 200 (TimeML decade value)."""
    digits = m["dec"] or m["dec2"]
    if len(digits) == 2:        # '90s
        if ctx.anchor is None:
            return _Found(m.start(), m.end(), "DATE", None)
        century = ctx.anchor.year // 100 if int(digits) <= ctx.anchor.year % 100 else ctx.anchor.year // 100 - 1
        return _Found(m.start(), m.end(), "DATE", f"{century}{digits[0]}")
    return _Found(m.start(), m.end(), "DATE", digits[:3])


def _b_century(m: re.Match, ctx: _Ctx) -> _Built:
    """"20th century" -> 19 (TimeML century value = first two digits of its years)."""
    w = m["ord"].lower()
    n = int(re.sub(r"\D", "", w)) if w[0].isdigit() else ORDINALS.get(w)
    if not n or n > 22:
        return None
    if m.group().rstrip()[-7:] == "Century" and re.match(r"\s+[A-Z]", ctx.text[m.end():m.end() + 3]):
        return None  # "21st Century Fox": a company's name
    return _Found(m.start(), m.end(), "DATE", f"{n - 1:02d}")


def _b_quarter(m: re.Match, ctx: _Ctx) -> _Built:
    """"the third quarter (of 2023)", "Q3 2023", "first-quarter" -> 2023-Q3."""
    groups = m.groupdict()
    q = (groups.get("q") or groups.get("q2") or "").lower()
    year = groups.get("y") or groups.get("y2")
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
         "4th": 4, "final": 4}.get(q) or int(q.lstrip("q"))
    if year:
        return _Found(m.start(), m.end(), "DATE", f"{year}-Q{n}")
    if ctx.anchor is None:
        return _Found(m.start(), m.end(), "DATE", None, None, True)
    cur = (ctx.anchor.month - 1) // 3 + 1
    if _tense(ctx, m.start(), m.end()) == "future":
        y = ctx.anchor.year if n >= cur else ctx.anchor.year + 1
    else:
        y = ctx.anchor.year if n <= cur else ctx.anchor.year - 1
    return _Found(m.start(), m.end(), "DATE", f"{y}-Q{n}", None, True)


def _b_half(m: re.Match, ctx: _Ctx) -> _Built:
    """"the first half of 2024" -> 2024-H1; "of this/last/next year" relative to the anchor."""
    n = 1 if m["h"].lower() == "first" else 2
    if m["y"]:
        return _Found(m.start(), m.end(), "DATE", f"{m['y']}-H{n}")
    if ctx.anchor is None:
        return _Found(m.start(), m.end(), "DATE", None, None, True)
    shift = {"this": 0, "the": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return _Found(m.start(), m.end(), "DATE", f"{ctx.anchor.year + shift}-H{n}", None, True)


def _b_season(m: re.Match, ctx: _Ctx) -> _Built:
    """"last summer", "this spring", "summer 2024", "the fall of 2008" -> 2024-SU."""
    season, det = m["season"], m["det"]
    code = SEASONS[season.lower()][0]
    if m["y"]:
        return _Found(m.start(), m.end(), "DATE", f"{m['y']}-{code}")
    prev = _prev_word(ctx.text, m.start())
    if not (det or m["mod"] or prev in ("in", "during", "since", "until", "by", "through", "over",
                                        "before", "after", "this", "last", "next", "early", "late")):
        return None   # "summer" as a noun modifier ("summer camp"), "fall" the verb
    if season.lower() == "fall" and not (det or m["mod"]):
        return None
    if _is_cap(season) and not _at_sentence_start(ctx.text, m.start("season")):
        return None   # "the Winter Olympics", "British Summer Time": part of a name
    return _Found(m.start(), m.end(), "DATE", _season_value(ctx, season, m.start(), m.end(), det),
                  None, True)
