"""The brief of a story that ran over weeks or months: each dated phase told, in time order.

Small invented stories (a shooting at an Orsk ferry office, the arrest, the verdict weeks
later); the articles are built as in tests/test_brief.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from storyweave.brief import MAX_SENTENCES, brief
from storyweave.brief.phases import MAX_PHASED_SENTENCES, PHASE_SENTENCES, has_room, story_phases, written_day
from storyweave.model import (Alignment, Annotation, Article, Brief, Certainty, Claim, Comparison, Extraction, Fact,
                              FactStatus, Sentence)


def _article(aid: str, sentences: list[str], published: str | None = None, stamp: str = "") -> Annotation:
    text, spans, pos = stamp, [], len(stamp)
    for n, s in enumerate(sentences):
        text += ("" if n == 0 else " ") + s
        start = len(text) - len(s)
        spans.append((start, len(text)))
    article = Article(id=aid, source=aid, location=aid, title=f"Title {aid}", text=text,
                      published=f"{published}T09:00:00+00:00" if published else None)
    return Annotation(article, tuple(Sentence(s, sp, str(n)) for n, (s, sp) in enumerate(zip(sentences, spans))), (), None)


def _brief_lines(articles: list[Annotation]) -> list[str]:
    """The brief's lines (:func:`_brief`)."""
    return [s.text for s in _brief(articles).sentences]


def _brief(articles: list[Annotation]) -> Brief:
    """The brief of articles whose sentences alike are one fact (corroborated when two outlets print
    it), each other sentence a fact of its own."""
    by_text: dict[str, list[Claim]] = {}
    for a in articles:
        for n, s in enumerate(a.sentences):
            by_text.setdefault(s.text, []).append(Claim(f"{a.article.id}-{n}", a.article.id, s.text, s.span,
                                                        Certainty.ASSERTED, fact=""))
    facts, claims = [], []
    for n, (text, told) in enumerate(by_text.items()):
        fid = f"f{n}"
        claims += [replace(c, fact=fid) for c in told]
        sources = tuple(sorted({c.article for c in told}))
        facts.append(Fact(fid, text, sources, tuple(c.id for c in told),
                          FactStatus.CORROBORATED if len(sources) > 1 else FactStatus.SINGLE_SOURCE, len(sources)))
    extraction = Extraction((), (), tuple(claims), (), None)
    return brief(Alignment(extraction, tuple(facts), ()), Comparison((), (), ()), articles)


SHOOTING = ["A gunman shot three people at the Orsk ferry office on Monday morning.",
            "Police arrested Ivo Brennick, a former clerk of the ferry company, after a chase on the coast road."]
VERDICT = ["A jury in Orsk convicted Ivo Brennick of murder on Tuesday.",
           "The judge set his sentencing for the first week of June."]


def test_written_day_is_the_publication_day_else_a_page_stamp() -> None:
    assert written_day(_article("a", SHOOTING, published="2031-04-07")) == dt.date(2031, 4, 7)
    assert written_day(_article("a", SHOOTING, stamp="Apr 9, 2031 ")) == dt.date(2031, 4, 9)
    # a stamp after the last sentence is the page's too
    assert written_day(_article("a", [*SHOOTING, "Posted Apr 9, 2031 at 4:45 pm"])) == dt.date(2031, 4, 9)
    # a stamp in figures alone may be month first or day first; no stamp, no day
    assert written_day(_article("a", SHOOTING, stamp="Updated 4/9/2031 6:04 PM ")) is None
    assert written_day(_article("a", SHOOTING)) is None


def test_a_story_told_within_days_is_one_phase() -> None:
    days = ["2031-04-07", "2031-04-09", "2031-04-15", "2031-04-20"]
    articles = [_article(f"a{n}", SHOOTING, published=d) for n, d in enumerate(days)]
    assert story_phases(articles, ()) == ([], {})


def test_a_story_back_after_weeks_has_a_new_phase_and_an_undated_report_joins_its_facts() -> None:
    articles = [_article("a", SHOOTING, published="2031-04-07"), _article("b", SHOOTING, published="2031-04-08"),
                _article("c", VERDICT, published="2031-05-20"), _article("d", VERDICT)]
    verdict = Fact("f1", VERDICT[0], ("c", "d"), ("c-0", "d-0"), FactStatus.CORROBORATED, 2)
    phases, phase_of = story_phases(articles, (verdict,))
    assert [(p.first, p.last) for p in phases] == [(dt.date(2031, 4, 7), dt.date(2031, 4, 8)),
                                                  (dt.date(2031, 5, 20), dt.date(2031, 5, 20))]
    assert phase_of == {"a": 0, "b": 0, "c": 1, "d": 1}


def test_each_phase_has_room_and_the_brief_stays_short() -> None:
    # the first days may take what one story's brief holds, while the room of a later phase is kept
    assert has_room(0, [MAX_SENTENCES - 1, 0], MAX_SENTENCES)
    assert not has_room(0, [MAX_SENTENCES, 0], MAX_SENTENCES)
    assert has_room(1, [MAX_SENTENCES, PHASE_SENTENCES - 1], MAX_SENTENCES)
    assert not has_room(1, [MAX_SENTENCES, PHASE_SENTENCES], MAX_SENTENCES)
    # a third phase's room is kept while the first two fill
    assert not has_room(1, [MAX_SENTENCES, MAX_PHASED_SENTENCES - MAX_SENTENCES - PHASE_SENTENCES, 0], MAX_SENTENCES)
    assert not has_room(0, [3] * 10, MAX_SENTENCES)  # never forty lines


FIRST_DAYS = [
    "A gunman shot three people at the Orsk ferry office on Monday morning.",
    "Police arrested Ivo Brennick after a chase on the coast road.",
    "The receptionist, Ada Roos, died at the harbour hospital.",
    "Two managers of the ferry company were wounded in the legs.",
    "Brennick had been dismissed from his post as a clerk four days earlier.",
    "Officers found a shotgun and shells in the boot of his car.",
    "The ferry company closed its Orsk office for the rest of the week.",
    "Brennick bought the shotgun at a hunting shop in Kessby on Friday.",
    "Witnesses said the gunman walked past the front desk without a word.",
    "Prosecutors charged Brennick with murder and two counts of attempted murder.",
    "A magistrate ordered him held without bail.",
    "Roos had worked for the ferry company for twenty years.",
    "The mayor of Orsk ordered flags on public buildings lowered to half mast.",
    "Brennick's neighbours described him as quiet and polite.",
    "Ferries to Holm sailed on time despite the closure.",
    "The union of ferry workers called for guards at every ticket office.",
]


def test_a_later_phase_is_told_though_the_first_days_fill_the_brief() -> None:
    articles = [_article("a", FIRST_DAYS, published="2031-04-07"), _article("b", FIRST_DAYS, published="2031-04-08"),
                _article("c", FIRST_DAYS, published="2031-04-08"), _article("d", VERDICT, published="2031-09-16")]
    lines = _brief_lines(articles)
    assert VERDICT[0] in lines
    assert lines.index(VERDICT[0]) == len(lines) - 1 or lines[-1] == VERDICT[1]  # the verdict after the first days
    # the first days keep the lines they had, the brief's whole room
    first_days = _brief_lines(articles[:3])
    assert len(first_days) >= MAX_SENTENCES - 3 and VERDICT[0] not in first_days
    assert [line for line in lines if line in FIRST_DAYS] == first_days


def test_the_phases_read_in_time_order() -> None:
    # the verdict two outlets print would otherwise go before the one report of the shooting
    articles = [_article("a", SHOOTING, published="2031-04-07"), _article("b", VERDICT, published="2031-09-16"),
                _article("c", VERDICT, published="2031-09-17"), _article("d", VERDICT, published="2031-09-17")]
    lines = _brief_lines(articles)
    assert lines.index(SHOOTING[0]) < lines.index(VERDICT[0])
    # each line carries its phase's days, for the reports to show where the verdict's begin
    phases = {s.text: s.phase for s in _brief(articles).sentences}
    assert phases[SHOOTING[0]] == ("2031-04-07", "2031-04-07")
    assert phases[VERDICT[0]] == ("2031-09-16", "2031-09-17")


def test_a_story_of_three_reports_weeks_apart_is_one_brief_news_first() -> None:
    articles = [_article("a", SHOOTING, published="2031-04-07"), _article("b", VERDICT, published="2031-09-16"),
                _article("c", VERDICT, published="2031-09-17")]
    assert story_phases(articles, ()) == ([], {})
    assert all(s.phase is None for s in _brief(articles).sentences)


def test_a_story_of_one_phase_reads_as_before() -> None:
    articles = [_article("a", SHOOTING, published="2031-04-07"), _article("b", VERDICT, published="2031-04-09"),
                _article("c", VERDICT, published="2031-04-10")]
    lines = _brief_lines(articles)
    assert lines.index(VERDICT[0]) < lines.index(SHOOTING[0])
    assert all(s.phase is None for s in _brief(articles).sentences)


def test_a_brief_telling_one_phase_of_several_shows_no_days() -> None:
    # the later report has no line the brief can tell: no heading over the one phase told
    later = _article("b", ["It was raining.", "They said so too."], published="2031-09-16")
    first_days = [_article(aid, SHOOTING, published="2031-04-07") for aid in ("a", "c", "d")]
    sentences = _brief([*first_days, later]).sentences
    assert [s.text for s in sentences] == SHOOTING
    assert all(s.phase is None for s in sentences)
