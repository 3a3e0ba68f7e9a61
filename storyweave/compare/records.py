"""Record findings: different win–loss records for one holder over one span."""

from __future__ import annotations

import re
from typing import Any, Sequence

from ..align.words import content_words
from ..model import Claim, DiscrepancyKind
from ..name_swaps import TITLES
from .figures import _NOT_A_NAME, _holder_named
from .findings import _item

#: A win–loss record ("52-3", "45-7-2", "25 - 7" as some archives space it): wins, losses
#: and draws.
_RECORD = r"(\d{1,3}\s*-\s*\d{1,3}(?:\s*-\s*\d{1,3})?)"
_HOLDER = r"([A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)*)"
#: The ways a report ties a record to its holder: in brackets after the name ("Vell
#: (52-3)"), between commas after it with a count of some kind of win after it ("Vell,
#: 52-3, 46 KOs," — "beat the Owls, 65-53, on Friday" is a score), or as what a result took
#: the holder to ("improved the Owls to 25-7", "Vell fell to 45-7-2").
_RECORDS = (
    re.compile(_HOLDER + r"\s*\(\s*" + _RECORD + r"\s*(?=[,;)])"),
    re.compile(_HOLDER + r",\s*" + _RECORD + r",\s*\d+\s+[A-Za-z]"),
    re.compile(r"\b(?:improv|took|take|drop|fell|fall|mov|lift|push|rais)\w*\s+(?:the\s+)?" + _HOLDER
               + r"(?:['’]s?\s+record)?\s+to\s+" + _RECORD + r"\b"),
    re.compile(_HOLDER + r"\s+(?:improved|fell|dropped|moved)\s+(?:(?:his|her|its|their)\s+record\s+)?to\s+" + _RECORD + r"\b"),
)


#: Where the words telling what a record spans end: "25-7 on the season and …", "52-3
#: with 46 KOs".
_SPAN_END = re.compile(r"[,;:.()]|\b(?:and|with|but|as|after)\b")


def _records(text: str) -> list[tuple[set[str], str, tuple[int, ...], frozenset[str]]]:
    """The win–loss records a sentence gives, each with the words naming its holder, as
    printed, as numbers, and with the words after it telling what it spans ("41-20
    all-time in tournament play", "25-7 on the season"; none for the record so far)."""
    found = []
    for pattern in _RECORDS:
        for m in pattern.finditer(text):
            holder = {w for w in content_words(m.group(1)) if w not in TITLES} - _NOT_A_NAME
            shown = re.sub(r"\s+", "", m.group(2))
            after = text[m.end(2) :]
            span = frozenset(content_words(after[: (_SPAN_END.search(after) or re.search(r"$", after)).start()]))
            if holder:
                found.append((holder, shown, tuple(int(n) for n in shown.split("-")), span))
    return found


def _one_result_apart(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Whether two records are one game or fight apart (52-3 / 53-3): the holder's record
    before the event and after it, as a preview and a report each rightly give it."""
    apart = sorted(abs(x - y) for x, y in zip(a, b))
    return len(a) == len(b) > 1 and apart[-1] == 1 and apart[-2] == 0


def _record_conflicts(claims: Sequence[Claim], add: Any) -> None:
    """Different win–loss records for one holder in different articles ("Vell (45-1, 33
    KOs)" / "Vell (43-1)"): the figure a sports reader compares first. Tied by a word of the
    holder's name, over one span (the words after each record: "on the season", "all-time in
    tournament play"), in reports that give another holder the same record
    (:func:`_agree_on_another_record`). Records one result apart are the record before the
    event and after it, and are left alone."""
    records = [(c, *r) for c in claims for r in _records(c.text)]
    by_article: dict[str, list[tuple[set[str], tuple[int, ...]]]] = {}
    for c, holder, _, record, _ in records:
        by_article.setdefault(c.article, []).append((holder, record))
    conflicts: dict[str, dict[str, tuple[Claim, str]]] = {}
    named: dict[str, set[str]] = {}
    for i, (a, holder_a, shown_a, record_a, span_a) in enumerate(records):
        for b, holder_b, shown_b, record_b, span_b in records[i + 1 :]:
            if a.article == b.article or not holder_a & holder_b or record_a == record_b or span_a != span_b \
                    or len(record_a) != len(record_b) or _one_result_apart(record_a, record_b):
                continue  # the same record, two holders, two spans ("25-7 on the season" / "41-20 all-time") or one result apart
            if not _agree_on_another_record(by_article.get(a.article, []), by_article.get(b.article, []), holder_a | holder_b):
                continue  # "the Herons (10-0)" / "the Herons (14-1)": two weeks of a season
            key = min(holder_a & holder_b)  # one finding a holder
            named.setdefault(key, set()).update(holder_a & holder_b)
            versions = conflicts.setdefault(key, {})
            versions.setdefault(f"{a.id} {shown_a}", (a, shown_a))
            versions.setdefault(f"{b.id} {shown_b}", (b, shown_b))
    for holder, versions in sorted(conflicts.items()):
        ordered = sorted(versions.values(), key=lambda cv: (cv[0].article, cv[0].span))
        name = _holder_named(named[holder], [c.text for c, _ in ordered])
        figures = " / ".join(dict.fromkeys(shown for _, shown in ordered))
        add(DiscrepancyKind.NUMBER, f"The sources give different win–loss records for {name}: {figures}.",
            [_item(c.article, c.text, c.span, shown) for c, shown in ordered])


def _agree_on_another_record(records_a: Sequence[tuple[set[str], tuple[int, ...]]],
                             records_b: Sequence[tuple[set[str], tuple[int, ...]]], holder: set[str]) -> bool:
    """Whether two articles (their records as ``(holder, record)``) give one other holder
    the same record (the opponent's "Osk (14-13-2)" in both): then they tell one stage of
    the season, and two records of the first holder cannot both be right. Records change
    with every game; without that, two reports may well be a week apart."""
    return any(ra == rb and ha & hb and not (ha | hb) & holder for ha, ra in records_a for hb, rb in records_b)
