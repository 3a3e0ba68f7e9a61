"""Date findings: versions of one statement that carry different days, once relative
dates ("today", "on Tuesday") are resolved against the publication dates."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Sequence

from ..align import SAME_STATEMENT, same_statement
from ..align.words import content_words
from .._text import dateline_day
from ..extract.dates import find_time_expressions, leading_stamp_end
from ..extract.quote_marks import quoted_spans
from ..model import Claim, DiscrepancyKind, Quote
from .figures import CURRENCY_WORDS, _numbers
from .findings import _item


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
    """One deed dated to two years (or months) by two articles, in sentences that need not
    be one statement: tied by a sum, or by the deed's parties and what it was about."""
    _sum_year_conflicts(claims, add, docs)
    _deed_date_conflicts(claims, add, docs)


def _sum_year_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None) -> None:
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


#: When a deed was done, to the month: "in 1969", "in July 1973", "on June 27, 1973", and
#: "in a 2005 interview" (what is said in an interview, a book or an article is said when it
#: appeared). A year bounding a stretch ("since 1957") or naming a decade ("the 1960s") is
#: no date of one deed.
_DEED_DATE = re.compile(
    r"\b(?:in|on)\s+(?:(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?"
    r"(?P<year>(?:1[89]|20)\d\d)\b(?!['’]?s\b)"
    r"|\bin\s+(?:a|an|the|his|her|their|its)\s+(?P<told>(?:1[89]|20)\d\d)\s+(?:[A-Z][\w-]*\s+){0,3}"
    r"(?:interview|article|book|memoir|letter|speech|statement|report|column|testimony)\b", re.I)

#: Endings that make a noun of a verb ("indictment", "approval", "revelation"): the noun
#: names the deed its verb does.
_DEED_NOUN = re.compile(r"(?:ment|[st]ion|al|ance|ence|ure)s?$")

#: Pronouns standing for one person, resolved to the person last named before them.
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})


def _deed_head(token: Any) -> Any:
    """The word a date phrase dates: what "in"/"on" hangs from ("indicted in 1970", "his
    death in 1969"), the verb of a clause a fronted date opens ("In 1970, he was indicted"),
    or, for a date modifying a told piece, the verb of the telling ("admitted in a 2005
    article")."""
    prep = next((t for t in [token, *token.ancestors] if t.dep_ == "prep" and t.lower_ in ("in", "on")), None)
    if prep is None:
        return None
    head = prep.head
    return head if head.pos_ in ("VERB", "NOUN") else None


def _verb_between(deed: Any, date: Any) -> bool:
    """Whether another verb stands between a deed and its date ("served a sentence … for
    investigating the break-in …, which housed the committee, on June 17, 1972"): the date
    may then be that verb's, whatever the parse hangs it from."""
    low, high = sorted((deed.i, date.i))
    return any(t.pos_ == "VERB" for t in deed.doc[low + 1 : high])


def _deed_word(token: Any) -> tuple[str, bool] | None:
    """The deed's lemma, and whether it is a noun made from a verb ("indictment"), or None
    for a noun that names no deed ("voters in 2009")."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        return lemma, False
    return (lemma, True) if _DEED_NOUN.search(lemma) and len(lemma) > 6 else None


def _same_deed(a: tuple[str, bool], b: tuple[str, bool]) -> bool:
    """Whether two deed words name one deed: one verb, or a verb and the noun made from it
    ("indicted" and "indictment", "approved" and "approval")."""
    (word_a, noun_a), (word_b, noun_b) = a, b
    if noun_a == noun_b:
        return word_a == word_b
    verb, noun = (word_b, word_a) if noun_a else (word_a, word_b)
    return len(verb) >= 4 and noun.startswith(verb.rstrip("e"))


def _person_named_before(token: Any) -> str | None:
    """The person a pronoun most likely stands for: the last one named as the subject of a
    clause before it ("Mr Kessby was outraged … he secretly helped two reporters … he
    finally broke cover" tells of Kessby throughout), as a story keeps its subject while
    other people come and go as objects."""
    names = [e for e in token.doc.ents if e.label_ == "PERSON" and e.end <= token.i and e.root.dep_.startswith("nsubj")
             and e.root.head.dep_ == "ROOT"]
    return names[-1][-1].lower_ if names else None


def _people_named(doc: Any) -> set[str]:
    """The last words of the people an article names: "Vask" is a person wherever the
    article once names "Rolo Vask" as one, though the parse may miss it elsewhere."""
    return {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON"}


def _key_of(token: Any) -> str | None:
    """Who or what a doer or object is, the same across outlets: a name by its last word
    ("Ivo Brel" and "Brel"), a pronoun by the person it stands for, a noun by its lemma.
    A person is marked as one ("person:brel"), so that only people can tie two deeds alone."""
    if token.lower_ in _PERSON_PRONOUNS:
        person = _person_named_before(token)
        return f"person:{person}" if person else None
    if token.pos_ == "PROPN":
        return f"person:{token.lower_}" if token.lower_ in _people_named(token.doc) else token.lower_
    return token.lemma_.lower() if token.pos_ == "NOUN" else None


def _parties(deed: Any) -> set[str]:
    """The doer and the one done to of a deed, each marked by its role ("doer:…", "done
    to:…", and "of:…" for the owner of a deed's noun, who may be either): the subject and
    object, or, for a verb whose subject the parse gives to the verb it hangs from ("broke
    cover, admitting in 2006"), that verb's subject."""
    roles = {"nsubj": "doer", "nsubjpass": "done to", "dobj": "done to", "poss": "of"}
    found = [t for t in deed.children if t.dep_ in roles]
    if not any(t.dep_.startswith("nsubj") for t in found) and deed.dep_ in ("advcl", "conj", "xcomp"):
        found += [t for t in deed.head.children if t.dep_ == "nsubj"]
    return {f"{roles[t.dep_]}:{k}" for t in found for k in [_key_of(t)] if k}


def _told_with(deed: Any, dated: tuple[int, int], quoted: list[tuple[int, int]]) -> dict[str, frozenset[str]]:
    """The words telling what the deed was about, outside its date and outside quotation
    marks (a quote is what was said, and a speaker says the same words more than once):
    its named things and nouns ("to bribe the Holm police force"), each with the
    words that say which one it is ("bribery" of "bribery charges")."""
    told: dict[str, frozenset[str]] = {}
    for t in deed.subtree:
        # Where the deed was done ("indicted in Osk") does not tell which deed it was: a
        # town sees many of one kind.
        if t.head.dep_ == "prep" and t.head.lower_ in ("in", "at") and t.head.head.i == deed.i:
            continue
        inside = dated[0] <= t.idx < dated[1] or any(start <= t.idx < end for start, end in quoted)
        if t.pos_ in ("PROPN", "NOUN") and not inside and t.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
            kinds = frozenset(m.lemma_.lower() for m in t.children if m.dep_ in ("compound", "amod"))
            told[t.lower_ if t.pos_ == "PROPN" else t.lemma_.lower()] = kinds
    return told


#: A claim dating one deed: the claim, its date (year, month or None), the deed's word and
#: whether it is a noun, the deed's parties, and the words telling what it was about.
DatedDeed = tuple[Claim, tuple[str, int | None], tuple[str, bool], set[str], dict[str, frozenset[str]]]


def _dated_deeds(claims: Sequence[Claim], docs: dict[str, Any]) -> list[DatedDeed]:
    """Each claim dating one deed, with its date (year, month), the deed's word, its
    parties and what else it tells of. A sentence giving two years is left out: which of
    them dates the deed, and which another event or a career's stages, is unclear."""
    out: list[DatedDeed] = []
    months = "jan feb mar apr may jun jul aug sep oct nov dec".split()
    for c in claims:
        doc = docs.get(c.article)
        dates = list(_DEED_DATE.finditer(c.text))
        if doc is None or len(dates) != 1 or len(set(re.findall(r"\b(?:1[89]|20)\d\d\b", c.text))) != 1:
            continue
        found = dates[0]
        year = found.group("year") or found.group("told")
        at = c.span[0] + found.start("year" if found.group("year") else "told")
        span = doc.char_span(at, at + 4, alignment_mode="expand")
        deed = _deed_head(span[0]) if span else None
        word = _deed_word(deed) if deed is not None else None
        # "was indicted again in 1990" tells of a deed done before.
        if word is None or _verb_between(deed, span[0]) or any(t.dep_ == "neg" or t.lower_ == "again" for t in deed.children):
            continue
        month = months.index(found.group("month").lower()[:3]) + 1 if found.group("month") else None
        dated = (c.span[0] + found.start(), c.span[0] + found.end())
        quoted = [(c.span[0] + start, c.span[0] + end) for start, end in quoted_spans(c.text)]
        out.append((c, (year, month), word, _parties(deed), _told_with(deed, dated, quoted)))
    return out


def _one_deed(a: DatedDeed, b: DatedDeed, repeated: set[tuple[str, str]]) -> bool:
    """Whether two dated deeds are one: the same verb (or its noun) done by or to the same
    one and about a same further thing, or about two same named things ("indicted … the
    Holm police" twice). One shared party and nothing else in common is not enough:
    a man indicted in 1969 for bribery and in 1990 for racketeering was indicted twice.
    Only a person doing the deed ties it alone, when one outlet tells nothing more of it
    ("he finally broke cover, admitting in 2006:" against "Kessby admitted in a 2005 … article
    he was the source"), and not when an article tells of that person doing it twice."""
    _, _, word_a, parties_a, told_a = a
    _, _, word_b, parties_b, told_b = b
    if not _same_deed(word_a, word_b) or _other_doers(parties_a, parties_b, told_a, told_b):
        return False
    # "his indictment" and "he was indicted" name the man in two roles: one party.
    named_a = {p.split(":")[-1] for p in parties_a}
    named_b = {p.split(":")[-1] for p in parties_b}
    named = named_a | named_b
    # "bribery charges" and "racketeering charges" share a noun but name two things.
    further = {w for w in told_a.keys() & told_b.keys() - named
               if not (told_a[w] and told_b[w] and not told_a[w] & told_b[w])}
    if named_a & named_b and further or len(further) >= 2:
        return True
    doers = {p for p in parties_a & parties_b if p.startswith("doer:person:")
             and (word_a[0], p) not in repeated and (word_b[0], p) not in repeated}
    return bool(doers) and (not told_a.keys() - named or not told_b.keys() - named)


def _other_doers(parties_a: set[str], parties_b: set[str], told_a: dict[str, Any], told_b: dict[str, Any]) -> bool:
    """Whether the two deeds have different doers: each names its own, or the doer of one
    is only on the receiving end of the other ("the field was sold to Osk Oil in 1957" /
    "Osk Oil sold the field in 1967": a sale and a resale)."""
    doers_a = {p.split(":")[-1] for p in parties_a if p.startswith("doer:")}
    doers_b = {p.split(":")[-1] for p in parties_b if p.startswith("doer:")}
    if doers_a and doers_b and not doers_a & doers_b:
        return True
    return bool(doers_a - doers_b & told_b.keys()) or bool(doers_b - doers_a & told_a.keys())


def _repeated_deeds(dated: Sequence[DatedDeed]) -> set[tuple[str, str]]:
    """The deeds an article tells of one person doing at two dates: done more than once."""
    dates: dict[tuple[str, str, str], set[str]] = {}
    for c, date, (word, _), parties, _ in dated:
        for p in parties:
            dates.setdefault((c.article, word, p), set()).add(date[0])
    return {(word, p) for (_, word, p), years in dates.items() if len(years) > 1}


def _dates_differ(a: tuple[str, int | None], b: tuple[str, int | None]) -> bool:
    """"In 1973" agrees with "in July 1973"; "in July 1973" and "on June 27, 1973" do not."""
    return a[0] != b[0] or (a[1] is not None and b[1] is not None and a[1] != b[1])


def _deed_date_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None) -> None:
    """One deed dated to two years, or two months, by two articles, the sentences otherwise
    free to differ ("In 1969, he was indicted … the Holm police" / "In 1970, he was
    indicted for bribing the … police force of Holm")."""
    if not docs:
        return
    dated = _dated_deeds(claims, docs)
    repeated = _repeated_deeds(dated)
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if a[0].article == b[0].article or not _dates_differ(a[1], b[1]) or not _one_deed(a, b, repeated):
                continue
            first, second = sorted((a, b), key=lambda d: (d[0].article, d[0].span))
            told = " / ".join(_shown_date(d[1]) for d in (first, second))
            unit = "years" if first[1][0] != second[1][0] else "months"
            add(DiscrepancyKind.DATE, f"The sources date the same event to different {unit}: {told}.",
                [_item(d[0].article, d[0].text, d[0].span) for d in (first, second)])


def _shown_date(date: tuple[str, int | None]) -> str:
    """A date as a reader says it: "July 1973", or the year alone."""
    year, month = date
    return f"{dt.date(2000, month, 1):%B} {year}" if month else year
