"""The story's timeline: its sentences placed at the dates they tell, one entry per fact and
day, in time order. A stage of its own after align (it needs the facts) so that the analysis
JSON only writes it down."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Sequence

from ..extract import written_day
from ..extract.date_neighbours import NARRATIVE_DAY_CHARS
from ..extract.dates import iso_week, leading_stamp_end, value_start
from ..extract.quote_marks import quoted_spans
from ..model import Annotation, Claim, DateMention, Extraction, Passage, TimelineEntry
from .timeline_clauses import (a_figure_of_changing_days, a_season_of_every_year, a_suggested_time, dates_something_else,
                               hour_of_a_kind, names_another_time, told_in_the_past)


def timeline(extraction: Extraction, annotations: Sequence[Annotation]) -> tuple[TimelineEntry, ...]:
    """Each sentence at each day or month it is told at (years alone are too coarse to
    order a story by), earliest first; a sentence told at one day in two ways ("yesterday
    (July 21st)") once, at its finest value ("this morning (July 21)": 2013-07-21TMO; "last
    week Friday": the Friday, not the week)."""
    docs = {a.article.id: a.doc for a in annotations}
    texts = {a.article.id: a.article.text for a in annotations}
    quoted = {a.article.id: quoted_spans(a.article.text) for a in annotations}
    # "Aug. 24, 2013 10:34 PM EDT The ferry sailed on Friday": a page's stamp glued before
    # its first sentence dates the page, not what the sentence tells
    stamps = {a.article.id: leading_stamp_end(a.article.text) for a in annotations}
    # the day each article was written: its relative dates were read from it
    published = {a.article.id: written_day(a) for a in annotations}
    dated: dict[tuple[str, str, tuple[int, int]], Claim] = {}
    for before, date in zip((None, *extraction.dates), extraction.dates):
        if not (date.value and len(date.value) >= 7 and date.value[:4].isdigit()):
            continue
        if before is not None and before.article == date.article and _ends_a_range(texts.get(date.article, ""), before, date):
            continue
        if date.span[1] <= stamps.get(date.article, 0) or _speakers_day(date, quoted.get(date.article, [])):
            continue
        sentence = next((c for c in extraction.claims if c.article == date.article and c.span[0] <= date.span[0] < c.span[1]), None)
        if sentence is None or dates_something_else(date, sentence, docs.get(date.article)):
            continue
        if _a_span_counted_back(date, sentence):
            continue
        if a_season_of_every_year(date, docs.get(date.article)) or a_suggested_time(date, docs.get(date.article)):
            continue
        neighbours = [d for d in extraction.dates if d.article == date.article and d is not date
                      and sentence.span[0] <= d.span[0] < sentence.span[1]]
        day = published.get(date.article)
        if _an_hour_of_a_day_not_told(date, extraction.dates, sentence, day, docs.get(date.article)):
            continue
        gone = day is not None and _ends_before(date.value, day)
        ahead = day is not None and (value_start(date.value) or dt.date.min) > day
        if names_another_time(date, neighbours, docs.get(date.article), gone, quoted.get(date.article, []), ahead):
            continue
        if _one_of_several_times(date, neighbours, texts.get(date.article, "")):
            continue
        if a_figure_of_changing_days(date, neighbours, docs.get(date.article)):
            continue
        if _of_a_year_named_before(date, neighbours, sentence, published.get(date.article)):
            continue
        dated[(date.value, date.article, sentence.span)] = sentence
    finer = {(article, span, value[:10]) for value, article, span in dated if len(value) > 10}
    finer |= {(article, span, iso_week(dt.date.fromisoformat(value[:10]))) for value, article, span in dated if _DAY.match(value)}
    kept = sorted((key for key in dated if not ((len(key[0]) == 10 or "-W" in key[0]) and (key[1], key[2], key[0]) in finer)),
                  key=_in_time)
    entries = _one_entry_per_fact([(value, dated[(value, article, span)]) for value, article, span in kept])
    return tuple(_from_its_opening_mark(e, texts.get(e.article, ""), quoted.get(e.article, [])) for e in entries)


#: How far before its sentence a quotation may open for the entry to show it from its first
#: word: a long speech is better cut than shown whole on one line of the timeline.
QUOTATION_REACH = 300


def _from_its_opening_mark(entry: TimelineEntry, text: str, quoted: Sequence[tuple[int, int]]) -> TimelineEntry:
    """An entry whose sentence closes a quotation opened in the sentence before, shown from
    the quotation's opening mark: the parser ends a sentence inside the quotation ("“I would
    love that. I think I'd win,” Varga said Sunday."), and "I think I'd win,” Varga said
    Sunday." read alone has lost its first words and its opening mark."""
    start, end = entry.span
    opened = next((a for a, b in quoted if a < start < b), None)
    if opened is None:
        return entry
    opening = opened - (2 if text[opened - 2:opened] in ("''", "``") else 1)
    if start - opening > QUOTATION_REACH or "\n" in text[opening:start]:
        return entry
    span = (opening, end)
    first = replace(entry.passages[0], span=span) if entry.passages and entry.passages[0].span == entry.span else None
    passages = (first, *entry.passages[1:]) if first else entry.passages
    return replace(entry, text=text[opening:end], span=span, passages=passages)


#: A span reaching back to the time of telling: "voters who decided over the last month",
#: "spending in this last week or two", "have spent the past week trying to …". What the
#: sentence tells fell somewhere in it (or is the span itself), so no single point of the
#: timeline is its own.
_SPAN_BACK = re.compile(r"\b(?:(?:over|during|in|within|throughout|for)\s+(?:the|this)|the)\s+(?:last|past)\s+"
                        r"(?:few\s+|couple\s+of\s+)?(?:days?|weeks?|months?)$", re.I)


def _a_span_counted_back(date: DateMention, sentence: Claim) -> bool:
    """Whether a date is a span counted back from the telling ("over the last month")."""
    return bool(_SPAN_BACK.search(sentence.text, 0, date.span[1] - sentence.span[0]))


#: A clock time with no day of its own: "at 10 a.m.", "shortly before midnight", "midday".
_HOUR_ALONE = re.compile(r"(?:\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?|midnight|noon|midday)", re.I)


def _an_hour_of_a_day_not_told(date: DateMention, dates: Sequence[DateMention], sentence: Claim,
                               published: dt.date | None, doc: object) -> bool:
    """Whether a clock time holds the report's own day only for want of one written (none in
    its sentence nor in the stretch of story before it that the date reader carries a day
    from) and is told in the past ("Along the quay, the dockers began meeting at 10 a.m.", in
    the paper of the morning after): a report tells the hours of days gone, often the day
    before its date, which it does not say; or whether it qualifies things in the plural
    ("ferries that make midnight sailings"), a kind of thing with no one time."""
    if published is None or not _HOUR_ALONE.fullmatch(date.text) \
            or not (date.value or "").startswith(published.isoformat()):
        return False
    day_of_the_report = published.isoformat()
    if any(other.article == date.article and other is not date and (other.value or "")[:10] == day_of_the_report
           and not _HOUR_ALONE.fullmatch(other.text)
           and (sentence.span[0] <= other.span[0] < sentence.span[1]
                or date.span[0] - NARRATIVE_DAY_CHARS <= other.span[0] < date.span[0])
           for other in dates):
        return False  # (a day written in reach gave it: "On Tuesday, … at 10 a.m.")
    return told_in_the_past(date, doc) or hour_of_a_kind(date, doc)


#: What joins the times of a list: "in May or June or July", "on Monday, Tuesday or Wednesday".
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:or|and)\s+)?(?:(?:in|on|at|by)\s+)?")


def _one_of_several_times(date: DateMention, neighbours: Sequence[DateMention], text: str) -> bool:
    """Whether a date is one of times offered as alternatives ("tell us how much you love us
    in May or June or July", "a ruling expected Monday or Tuesday"): the sentence tells no
    one of them."""
    listed = sorted((*neighbours, date), key=lambda d: d.span[0])
    at = listed.index(date)
    start = end = at
    while start > 0 and _LIST_JOIN.fullmatch(text, listed[start - 1].span[1], listed[start].span[0]):
        start -= 1
    while end + 1 < len(listed) and _LIST_JOIN.fullmatch(text, listed[end].span[1], listed[end + 1].span[0]):
        end += 1
    joins = [text[listed[i].span[1]:listed[i + 1].span[0]] for i in range(start, end)]
    return any(re.search(r"\bor\b", join) for join in joins)


#: A month, season or quarter with no year of its own: "in February", "early June", "the summer".
_PART_OF_A_YEAR = re.compile(r"^\d{4}-(?:\d{2}|SP|SU|FA|WI|Q[1-4]|H[12])$")


#: Words tying a time to the telling, whose year they give: "last fall", "this summer", "next March".
_DEICTIC = re.compile(r"\b(?:this|last|next|past|coming|previous)\b", re.I)


#: A year named by the one told of before: "June of that year", "the same year".
_THAT_YEAR = re.compile(r"\b(?:that|the\s+same|the\s+following|the\s+previous)\s+year\b", re.I)


def _of_a_year_named_before(date: DateMention, neighbours: Sequence[DateMention], sentence: Claim,
                             published: dt.date | None) -> bool:
    """Whether a month or season written without a year may be of a year the sentence has
    just named ("Eight years ago, Varga had won 11 straight contests in February", "she
    stayed in the 2008 race until June", "the end of the primaries in early June of that
    year"): in a narrative a bare month belongs to the year being told of, which the
    publication date does not give, so the timeline cannot place it."""
    if not _PART_OF_A_YEAR.match(date.value or "") or re.search(r"\d{4}", date.text) or _DEICTIC.search(date.text):
        return False
    if _THAT_YEAR.search(sentence.text, 0, min(len(sentence.text), date.span[1] - sentence.span[0] + 20)):
        return True
    return any(other.span[0] < date.span[0] and re.fullmatch(r"\d{4}", other.value or "")
               and other.value not in (date.value[:4], published and str(published.year)) for other in neighbours)


def _ends_before(value: str, day: dt.date) -> bool:
    """Whether the time a value names (a day, an ISO week or a month) is over before ``day``."""
    start = value_start(value)
    if start is None:
        return False
    if _DAY.match(value):
        return start < day
    if "-W" in value:
        return start + dt.timedelta(days=6) < day
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return (start.year, start.month) < (day.year, day.month)
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
