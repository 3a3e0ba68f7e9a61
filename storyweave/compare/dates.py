"""Date findings: versions of one statement that carry different days, once relative
dates ("today", "on Tuesday") are resolved against the publication dates."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Sequence

from ..align import SAME_STATEMENT, same_statement
from ..align_words import content_words
from .._text import dateline_day
from ..extract.dates import find_time_expressions, leading_stamp_end
from ..extract.quote_marks import quoted_spans
from ..model import Claim, DiscrepancyKind, Quote
from .findings import _item
from .numbers import CURRENCY_WORDS, _numbers


#: A month and a day of it ("Nov. 30", "30 November") name the day whatever the publication
#: date: only the year comes from the anchor, so a lower bound of it resolves them as well
#: as a real date would, and "Nov. 30" is then a day to set against a "Monday".
NAMED_DAY = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
                       r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


@lru_cache(maxsize=8192)
def _day_expressions(text: str, anchor: tuple[dt.date | None, bool]) -> list[tuple[str, str | None, int | None]]:
    out = []
    stamp = leading_stamp_end(text)
    stamped = dateline_day(text[:stamp]) if stamp else None
    if stamped:
        # "June 6, 2013 The actress died on Thursday": the page's stamp is the day the
        # sentence was written, so its "Thursday" is read from it, not from a guess.
        anchor = (stamped, False)
    for e in find_time_expressions(text, anchor[0], anchor_is_lower_bound=anchor[1]):
        if e.type != "DATE" or not (e.day_offset is not None or (e.value and len(e.value) == 10)):
            continue
        if e.span[1] <= stamp:
            continue  # "Updated 11:24, Tuesday, 18 June 2013 A trial date has been set": the page's day
        if re.match(r"\s?['’]s\b", text[e.span[1] :]):
            continue  # "Sunday's game" names an event; it does not date what the sentence says
        if re.search(r"\bas\s+(?:of|at)\s+$", text[: e.span[0]], re.I):
            continue  # "as of Wednesday" is when a running tally was read, not when anything happened
        value = e.value if e.value and len(e.value) == 10 else None
        if e.day_offset is not None and anchor[1] and not NAMED_DAY.search(e.text):
            value = None  # "today" needs the real publication date, not a lower bound of it
        out.append((e.text, value, e.day_offset))
    return out


def _date_line(text: str, expression: str) -> bool:
    """Whether a line is only a date: "PUBLISHED: Monday, March 11, 2013, 10:34 PM" stamps a
    page; two outlets' stamps differ without any statement being dated differently."""
    rest = [w for w in content_words(text.replace(expression, " ")) if not w[0].isdigit() and w not in ("am", "pm")]
    # "Monday, Sep 10, 2012 | Updated 9:01 AM EDT": a stamp's own words and time zone are
    # no statement either.
    return len(rest) < 2 or dateline_day(text) is not None


def _in_quotation_marks(text: str, expression: str) -> bool:
    """Whether the first ``expression`` in ``text`` stands inside quotation marks."""
    at = text.find(expression)
    return at >= 0 and any(start <= at < end for start, end in quoted_spans(text))


def _date_conflicts(members: Sequence[Any], anchors: dict[str, tuple[dt.date | None, bool]], add: Any) -> None:
    """One discrepancy when the versions of one statement carry different days."""
    dated = []
    for m in members:
        days = _day_expressions(m.text, anchors.get(m.article, (None, False)))
        if len(days) == 1 and not _date_line(m.text, days[0][0]):
            dated.append((m, *days[0]))
    # Outlets that quote one utterance with the same "today" relay the speaker's word; the
    # day it meant is the day of speaking, which neither publication date tells. So do
    # sentences that hold it in quotation marks ("Marchers chanted “… how many will you
    # kill today”").
    if all(isinstance(m, Quote) or _in_quotation_marks(m.text, text) for m, text, _, _ in dated) \
            and len({text.lower() for _, text, _, _ in dated}) == 1:
        return
    # Two sentences that one fact holds by a shared subject ("the campaign sent a fundraising
    # email") may still tell of two events, each on its day; only versions the statement judge
    # takes for one statement can date it differently.
    if dated and not any(a.article != b.article and (va or oa) != (vb or ob) and same_statement(a.text, b.text) >= SAME_STATEMENT
                         for i, (a, _, va, oa) in enumerate(dated) for b, _, vb, ob in dated[i + 1 :]):
        return
    resolved = {value for _, _, value, _ in dated if value}
    # "after the Sept. 11 terrorist attacks" has a day of no told year (XXXX-09-11): it does
    # not disagree with "Sept. 11, 2001", only with another month and day.
    resolved = {v for v in resolved if not v.startswith("XXXX") or not any(k[4:] == v[4:] and k[:4].isdigit() for k in resolved)}
    offsets = {offset for _, _, value, offset in dated if offset is not None and not value}
    if len({m.article for m, *_ in dated}) < 2:
        return
    if len(resolved) > 1:
        versions = ", ".join(dict.fromkeys(f"{value} (“{text}”)" for _, text, value, _ in dated if value))
        explanation = f"The same statement is dated differently: {versions}."
    elif not resolved and len(offsets) > 1:
        words = " / ".join(dict.fromkeys(f"“{text}”" for _, text, _, _ in dated))
        explanation = (f"The same statement is dated differently: {words}. The publication dates are unknown, so "
                       "these can only all be right if the articles appeared on different days.")
    else:
        return
    add(DiscrepancyKind.DATE, explanation, [_item(m.article, m.text, m.span) for m, *_ in dated])


#: "in 1957", "in July 1973": the year a deed is told of (not "since 1957" or "until 1957",
#: which bound a stretch of time).
_IN_YEAR = re.compile(r"\bin\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?((?:1[89]|20)\d\d)\b", re.I)


def _deed_of_year(doc: Any, claim: Claim, at: int) -> Any:
    """The verb a year given at ``at`` in a claim dates ("sold … in 1957", "Voters in 2009
    approved …"): the nearest verb above it in the parse, or None."""
    span = doc.char_span(claim.span[0] + at, claim.span[0] + at + 4, alignment_mode="expand") if doc is not None else None
    if not span:
        return None
    return next((t for t in span[0].ancestors if t.pos_ == "VERB"), None)


def _year_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None) -> None:
    """One deed dated to two years by two articles, when the sentences tie the deed by the
    verb and by the same sum ("sold the field for $30 million in 1957" / "the field was sold
    for $30 million in 1967"; "approved a $3 million bond in 2009" / "… in 2010"): the sum
    names the deed as no noun can, for two deeds of one kind seldom come to one sum. A
    sentence giving two years is left out (which year dates the deed is then unclear)."""
    if not docs:
        return
    dated: list[tuple[Claim, str, str, set[tuple[float, str]]]] = []
    currencies = {"$", "€", "£", *CURRENCY_WORDS.values()}
    for c in claims:
        years = list(_IN_YEAR.finditer(c.text))
        if len(years) != 1 or len(set(re.findall(r"\b(?:1[89]|20)\d\d\b", c.text))) != 1:
            continue
        verb = _deed_of_year(docs.get(c.article), c, years[0].start(1))
        if verb is None or any(t.dep_ == "neg" for t in verb.children):
            continue
        sums = {(v, u) for _, u, _, v, _ in _numbers(c.text) if any(u.startswith(x) for x in currencies)}
        if sums:
            dated.append((c, years[0].group(1), verb.lemma_.lower(), sums))
    conflicts: dict[tuple[str, tuple[float, str]], dict[str, tuple[Claim, str]]] = {}
    for i, (a, year_a, verb_a, sums_a) in enumerate(dated):
        for b, year_b, verb_b, sums_b in dated[i + 1 :]:
            if a.article == b.article or verb_a != verb_b or year_a == year_b or not sums_a & sums_b:
                continue
            versions = conflicts.setdefault((verb_a, min(sums_a & sums_b)), {})
            versions.setdefault(a.id, (a, year_a))
            versions.setdefault(b.id, (b, year_b))
    for _, versions in sorted(conflicts.items()):
        ordered = sorted(versions.values(), key=lambda cv: (cv[0].article, cv[0].span))
        years = " / ".join(dict.fromkeys(year for _, year in ordered))
        add(DiscrepancyKind.DATE, f"The sources date the same event to different years: {years}.",
            [_item(c.article, c.text, c.span) for c, _ in ordered])
