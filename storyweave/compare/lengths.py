"""Length findings: different lengths of time in versions of one fact ("served four months" / "five months")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Sequence

from ..align.words import UPDATED_AFTER_DAYS, content_words
from ..extract.quote_marks import quoted_spans
from ..model import Claim, DiscrepancyKind
from .figures import (ESTIMATE, LOWER_BOUND, MONTHS, NUMBER_WINDOW, NUMBER_WORDS, QUANTIFIERS, UPPER_BOUND, _NAME, _NOT_A_NAME,
                      _NOT_A_THING, _OCCASION, _OTHER_TIME, _compatible, _figure_value)
from .findings import _item

#: Units of a length of time ("served four months", "a 12-year sentence").
DURATION_UNITS = {"hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week",
                  "month": "month", "months": "month", "year": "year", "years": "year"}
#: A length of time: a figure (a half after it: "4 1/2", "4-1/2", "four and a half") and
#: its unit, also joined by a hyphen ("a 4 - month term", as some archives space it).
_DURATION = re.compile(
    r"(?<![\w./-])(?<!/\s)(\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?P<half>\s*-?\s*1\s*/\s*2|\s*½|\s+and\s+a\s+half)?(?![\w/])\s*-?\s*(?P<unit>" + "|".join(DURATION_UNITS) + r")\b", re.I)
#: What follows a length of time when it tells no length: an age ("75 years old", "a
#: 30-year-old record"), or a point in time counted back from the day of writing ("two years
#: ago", which outlets writing on two days put differently).
_NO_LENGTH_AFTER = re.compile(r"\s*-?\s*(?:old|ago)\b")


def _durations(text: str) -> dict[str, list[tuple[str, float, str, tuple[set[str], set[str]]]]]:
    """The lengths of time a sentence gives, by unit: each as printed, its value, its bound
    ("more than five years") and the content words before it and after it, names left out.
    A half after a figure adds to it, also when the space before it was lost ("41/2
    months": 4½, as scraped pages print "4½") and when the tokenizer spaced its slash
    ("41 / 2 months": not "2 months"). Ages and "ago" are left out, and so are
    a speaker's words in quotation marks: "after three years" / "after four years" in one
    quote is a rewording of the quote, which the wording finding tells."""
    out: dict[str, list[tuple[str, float, str, tuple[set[str], set[str]]]]] = {}
    lower = text.lower()
    names = {w for m in re.findall(r"\b[A-Z][a-z]+", text) for w in content_words(m)}
    quoted = quoted_spans(text)
    for m in _DURATION.finditer(lower):
        if _NO_LENGTH_AFTER.match(lower, m.end()) or _quoted_at(text, m.start(), quoted):
            continue
        number = m.group(1)
        value = float(NUMBER_WORDS[number]) if number in NUMBER_WORDS else float(number)
        if m.group("half"):
            value += 0.5
        head = lower[max(0, m.start() - 30) : m.start()]
        bound = "min" if LOWER_BOUND.search(head) else "max" if UPPER_BOUND.search(head) else "about" if ESTIMATE.search(head) else "exact"
        # The words on each side, names left out: a name says whose, not what lasted.
        before = content_words(lower[max(0, m.start() - 40) : m.start()])[-NUMBER_WINDOW:]
        after = content_words(lower[m.end() : m.end() + 40])[:NUMBER_WINDOW]
        near = tuple({w for w in side if not w[0].isdigit() and w not in _NOT_A_THING and w not in QUANTIFIERS and w not in names}
                     for side in (before, after))
        out.setdefault(DURATION_UNITS[m.group("unit")], []).append((text[m.start() : m.end()], value, bound, near))
    return out


def _quoted_at(text: str, at: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether the character at ``at`` is inside quotation marks: a quoted span, or a
    quotation the sentence opens and does not close, or closes without opening (a quote
    running over several sentences)."""
    if any(start <= at < end for start, end in quoted):
        return True
    before, after = text[:at], text[at:]
    return before.count("“") > before.count("”") or "“" not in before and "”" in after and "“" not in after


def _same_digits(a: str, b: str) -> bool:
    """Whether two figures as printed have the same digits, only their marks apart ("41/2" /
    "412", "2.5" / "25"): a page that lost a fraction's slash or a point garbled one figure;
    two outlets did not report two."""
    digits_a, digits_b = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    return bool(digits_a) and digits_a == digits_b


def _lost_half(shown: str, other: float) -> bool:
    """Whether a figure is the other with its half typed "1/2" and the slash lost: "412
    months" against "four and a half months" (4½) is one figure a page garbled."""
    digits = re.sub(r"\D", "", shown)
    return len(digits) > 2 and digits.endswith("12") and float(digits[:-2]) + 0.5 == other


def _duration_conflicts(claims: Sequence[Claim], add: Any, days: dict[str, dt.date | None] | None = None,
                       docs: dict[str, Any] | None = None) -> None:
    """Different lengths of time in two versions of one fact ("He served four months in
    federal prison" / "He served five months in federal prison"). Lengths of time are
    compared where align joined the two sentences and each gives one length in that
    unit, tied by a word (not a name) both have on the same side of it: "led the country
    for 24 years" and "since July 2000" are no two lengths, and two lengths in sentences
    align kept apart may be of two things ("a 12-year sentence" / "another three-year
    sentence"). In sentences align kept apart, a length is compared only when words on
    both sides of it tie it (:func:`_lengths_told_alike`). Elsewhere lengths of time are no
    figures (:func:`_numbers`)."""
    by_fact: dict[str, list[Claim]] = {}
    for c in claims:
        if c.fact:
            by_fact.setdefault(c.fact, []).append(c)
    reported: set[tuple[str, str]] = set()
    for _, versions in sorted(by_fact.items()):
        lengths = {c.id: _durations(c.text) for c in versions}
        conflicts: dict[str, dict[str, tuple[Claim, str]]] = {}
        for i, a in enumerate(versions):
            for b in versions[i + 1 :]:
                if a.article == b.article:
                    continue
                for unit in sorted(set(lengths[a.id]) & set(lengths[b.id])):
                    if len(lengths[a.id][unit]) != 1 or len(lengths[b.id][unit]) != 1:
                        continue  # "served four months of a six-month term": which is which is not read here
                    (shown_a, value_a, bound_a, near_a), = lengths[a.id][unit]
                    (shown_b, value_b, bound_b, near_b), = lengths[b.id][unit]
                    # Tied by a word on the same side: "served four months" / "served five
                    # months"; "held two days before the trial" and "the trial lasted three
                    # days" share a word on two sides, and tell two things.
                    if _compatible((value_a, bound_a), (value_b, bound_b)) \
                            or not (near_a[0] & near_b[0] or near_a[1] & near_b[1]):
                        continue
                    if _same_digits(shown_a, shown_b) or _lost_half(shown_a, value_b) or _lost_half(shown_b, value_a):
                        continue  # "41/2 months" / "412 months" / "four and a half": one figure, its half garbled by a page
                    found = conflicts.setdefault(unit, {})
                    found.setdefault(a.id, (a, shown_a))
                    found.setdefault(b.id, (b, shown_b))
        _report_lengths(add, conflicts)
        reported.update((c.id, unit) for unit, found in conflicts.items() for c, _ in found.values())
    _lengths_told_alike(claims, add, days or {}, docs or {}, reported)


def _another_time(text: str, lengths: dict[str, list[tuple[str, float, str, tuple[set[str], set[str]]]]]) -> bool:
    """Whether a sentence tells of another time than its story's ("last year", "in 2019"),
    the words of its own lengths of time left out ("for the past three weeks")."""
    for found in lengths.values():
        for shown, *_ in found:
            text = re.sub(r"\bthe\s+(?:past|last)\s+" + re.escape(shown), " ", text, flags=re.I)
    return bool(_OTHER_TIME.search(text))


#: Letters that make one word of two forms ("sentenc-ed", "sentence") when a length's
#: article is asked how many lengths a word stands beside.
_STEM = 6
#: "a 12-year sentence", "a seven - year deal": a length joined to a noun by a hyphen.
_DESCRIBES_A_NOUN = re.compile(r"-\s*(?:" + "|".join(DURATION_UNITS) + r")$", re.I)


def _people_in(claim: Claim, doc: Any) -> set[str]:
    """The people a sentence names, by the tagger ("Roos had been …"; a place, "in Lusk",
    tells where, not whose); without a parse, its capitalised words inside it."""
    span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand") if doc is not None else None
    if span is None:
        return {w.lower() for m in _NAME.findall(claim.text) for w in m if w} - _NOT_A_NAME - set(MONTHS)
    return {t.text.lower() for t in span if t.ent_type_ == "PERSON"} - _NOT_A_NAME


def _report_lengths(add: Any, conflicts: dict[str, dict[str, tuple[Claim, str]]]) -> None:
    """One finding per unit: every version's length, in article order."""
    for unit, found in sorted(conflicts.items()):
        ordered = sorted(found.values(), key=lambda cv: (cv[0].article, cv[0].span))
        figures = " / ".join(dict.fromkeys(re.sub(r"\s+", " ", shown) for _, shown in ordered))
        add(DiscrepancyKind.NUMBER, f"The sources give different lengths of time: {figures}.",
            [_item(c.article, c.text, c.span, _figure_value(shown)) for c, shown in ordered])


def _lengths_told_alike(claims: Sequence[Claim], add: Any, days: dict[str, dt.date | None], docs: dict[str, Any],
                        reported: set[tuple[str, str]]) -> None:
    """Different lengths of time in sentences align kept apart, tied by a word on each side
    ("had been hospitalized for the past three weeks for pneumonia" / "had been hospitalized
    in Lusk for four weeks due to pneumonia": what lasted and what for), when each article
    ties both words to that one length in the unit, on either side ("sentenced to seven
    years" and "a 12-year sentence" in one article tie "sentence" to two), neither length
    describes a noun ("a seven-year deal" / "an eight-year deal": the terms of two offers
    may differ), neither sentence is in a finding of the versions of one fact already, the
    sentences name no two sets of people, no year or month one of them lacks and no other
    time (:data:`_OTHER_TIME`: "for four weeks last year"; "the past three weeks" is the
    length itself), and the articles are of one day (:data:`UPDATED_AFTER_DAYS`: "in
    hospital for three weeks" and "for four weeks" may be told a week apart)."""
    lengths = {c.id: _durations(c.text) for c in claims}
    # By article, unit and word: the lengths that word stands beside. A word is known by its
    # first letters here, as the crude suffix strip keeps "sentenced" and "sentence" apart.
    beside: dict[tuple[str, str, str], set[float]] = {}
    for c in claims:
        for unit, found in lengths[c.id].items():
            for _, value, _, near in found:
                for w in near[0] | near[1]:
                    beside.setdefault((c.article, unit, w[:_STEM]), set()).add(value)
    told = [c for c in claims if lengths[c.id] and not _another_time(c.text, lengths[c.id])]
    names = {c.id: _people_in(c, docs.get(c.article)) for c in told}
    dates = {c.id: {m.lower() for m in _OCCASION.findall(c.text)} for c in told}
    conflicts: dict[str, dict[str, tuple[Claim, str]]] = {}
    for i, a in enumerate(told):
        for b in told[i + 1 :]:
            if a.article == b.article or a.fact is not None and a.fact == b.fact or dates[a.id] != dates[b.id]:
                continue
            if names[a.id] and names[b.id] and not names[a.id] & names[b.id]:
                continue
            day_a, day_b = days.get(a.article), days.get(b.article)
            if day_a and day_b and abs((day_a - day_b).days) >= UPDATED_AFTER_DAYS:
                continue
            for unit in sorted(set(lengths[a.id]) & set(lengths[b.id])):
                if len(lengths[a.id][unit]) != 1 or len(lengths[b.id][unit]) != 1 or {(a.id, unit), (b.id, unit)} & reported:
                    continue
                (shown_a, value_a, bound_a, near_a), = lengths[a.id][unit]
                (shown_b, value_b, bound_b, near_b), = lengths[b.id][unit]
                if _compatible((value_a, bound_a), (value_b, bound_b)) or _same_digits(shown_a, shown_b) \
                        or _lost_half(shown_a, value_b) or _lost_half(shown_b, value_a):
                    continue
                if _DESCRIBES_A_NOUN.search(shown_a) or _DESCRIBES_A_NOUN.search(shown_b):
                    continue  # "a seven-year deal": a term, of which two offers may have two

                def of_one_length(side: int) -> bool:
                    return any(beside[(a.article, unit, w[:_STEM])] == {value_a} and beside[(b.article, unit, w[:_STEM])] == {value_b}
                               for w in near_a[side] & near_b[side])
                if of_one_length(0) and of_one_length(1):
                    found = conflicts.setdefault(unit, {})
                    found.setdefault(a.id, (a, shown_a))
                    found.setdefault(b.id, (b, shown_b))
    _report_lengths(add, conflicts)
