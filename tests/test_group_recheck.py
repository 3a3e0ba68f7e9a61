"""The re-check of story grouping (moves and merges), order sensitivity, and whole stories
in ``analyze --db``."""

from __future__ import annotations

import datetime as dt
import json
import random
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _ecbplus import b_cubed_f1, ecb_documents

from storyweave.group import checks as group_checks, profile as group_profile, stories as group_stories
from storyweave.cli import app
from storyweave.group import GROUPER, Grouper, group_articles, group_whole
from storyweave.group.features import Sketch, sketch
from storyweave.group.window import _Pending
from storyweave.model import Article
from storyweave.store import open_store

#: ECB+ train topics used (each two events of one kind): small enough for a fast test.
TOPICS = {28, 31, 32, 33}

QUAKE_A = (
    "Quake kills five in southern Iran",
    "A magnitude 5.9 earthquake struck Qeshm Island in the Persian Gulf on Sunday, killing five people and "
    "injuring dozens, Iranian state television said. The quake destroyed homes in the villages of Tolla and "
    "Kusheh, the governor of Hormozgan province, Mohammad Reza Fakhar, told the IRNA agency.",
)
QUAKE_B = (
    "Deadly earthquake hits Qeshm Island",
    "Iranian state television said five people were killed on Sunday when a magnitude 5.9 earthquake hit "
    "Qeshm Island in the Persian Gulf. Governor Mohammad Reza Fakhar of Hormozgan province said homes in "
    "Tolla and Kusheh collapsed.",
)
QUAKE_C = (
    "Qeshm quake survivors sleep outdoors",
    "Villagers in Tolla and Kusheh on Qeshm Island slept in tents on Monday after Sunday's magnitude 5.9 "
    "earthquake killed five people, Hormozgan governor Mohammad Reza Fakhar said, as aftershocks shook the "
    "Persian Gulf island.",
)


def _article(key: str, title: str, text: str) -> Article:
    return Article(id=key, source="test", location=key, title=title, text=text)


def _ecb_docs() -> list[tuple[str, str, str, str]]:
    return _ecb_docs_of(TOPICS)


def _ecb_docs_of(topics: set[int]) -> list[tuple[str, str, str, str]]:
    """(id, title, text, gold sub-topic) of the given topics, by id; tokens joined by spaces."""
    docs = []
    for d in ecb_documents(topics):
        lines = d.lines(" ".join)
        docs.append((d.doc_id, lines[0], "\n".join(lines[1:]), d.subtopic))
    return sorted(docs)


def _grouped_in_order(docs: list[tuple[str, str, str, str]], seed: int) -> Grouper:
    """The documents given one at a time in a seeded order, then the re-check."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    grouper = Grouper()
    for doc_id, title, text, _ in order:
        grouper.add(_article(doc_id, title, text))
    grouper.settle()
    return grouper


def test_group_recheck_arrival_order_barely_changes_the_stories() -> None:
    docs = _ecb_docs()
    gold = {d[0]: d[3] for d in docs}
    scores = []
    for seed in range(3):
        grouper = _grouped_in_order(docs, seed)
        scores.append(b_cubed_f1({k: grouper.members[k].story for k in gold}, gold))
    # Before the re-check (one greedy pass) these orders gave 0.87-0.97.
    assert min(scores) >= 0.9
    assert max(scores) - min(scores) < 0.01


def test_group_recheck_window_in_any_order_gives_the_same_stories() -> None:
    # Articles of one re-check window are placed again in the order of their ids, so the
    # order they came in decides nothing; a copy and its original move together, led by
    # the smaller id, not by the one that came first. Four topics of two events each where
    # the arrival order used to split stories differently, and four with wire copies
    # (pinned where they arrived, they gave 4 different groupings in 6 orders).
    for topics in ({1, 3, 4, 19}, {9, 10, 24, 35}):
        docs = _ecb_docs_of(topics)
        partitions = set()
        for seed in range(6):
            grouper = _grouped_in_order(docs, seed)
            stories: dict[str, set[str]] = {}
            for doc_id, *_ in docs:
                stories.setdefault(grouper.members[doc_id].story, set()).add(doc_id)
            partitions.add(frozenset(frozenset(members) for members in stories.values()))
        assert len(partitions) == 1, topics
        assert any(grouper.members[doc_id].duplicate_of for doc_id, *_ in docs) == (24 in topics)


def test_group_recheck_keeps_an_undated_event_apart_from_a_dated_one_of_its_kind() -> None:
    # Two ECB+ topics, each two events of one kind: the older event's articles carry no
    # date, the newer one's datelines do (Reggie Bush, then Pierre Thomas put on injured
    # reserve by the Saints; two Qeshm Island quakes). Merging two stories needs more
    # evidence when only one of them can be placed in time; at the plain merge threshold
    # each topic became one story (5 and 11 articles of the other event).
    docs = _ecb_docs_of({20, 25})
    grouper = _grouped_in_order(docs, 0)
    stories: dict[str, list[str]] = {}
    for doc_id, _, _, subtopic in docs:
        stories.setdefault(grouper.members[doc_id].story, []).append(subtopic)
    for members in stories.values():
        counts = sorted((members.count(s) for s in set(members)), reverse=True)
        assert sum(counts[1:]) <= 1, members


def test_group_one_topic_alone_is_not_split_for_lack_of_counts() -> None:
    # A folder of one topic's articles (two events of one kind, 20-39 articles), grouped on
    # its own. Without background word frequencies every article shares the topic's words,
    # they weigh nothing, and these topics fell into 4-7 stories each (B³-F1 0.55-0.80).
    for topic in (1, 3, 4, 19):
        docs = _ecb_docs_of({topic})
        gold = {d[0]: d[3] for d in docs}
        grouper = Grouper()
        for doc_id, title, text, _ in docs:
            grouper.add(_article(doc_id, title, text))
        grouper.settle()
        stories = {k: grouper.members[k].story for k in gold}
        # Topic 3's two undated reports of the sentencing years later, written from the
        # killer's college town, stayed a story of their own (cosine 0.52 with the dated
        # rest, where undated and dated need 0.65) until a small story naming the other's
        # people and places merged from SMALL_MERGE_COSINE.
        assert len(set(stories.values())) == 2, topic
        assert b_cubed_f1(stories, gold) >= 0.9, topic


AID_A = (
    "Red Crescent tents for Qeshm Island",
    "The Red Crescent flew tents, blankets and water to Qeshm Island on Tuesday for families whose homes fell in "
    "the Qeshm Island quake. Hormozgan officials said the aid reached Tolla first.",
)
AID_B = (
    "Aid reaches Qeshm Island",
    "Red Crescent planes landed on Qeshm Island with tents, blankets and water on Tuesday, Hormozgan officials "
    "said, for families left homeless on Qeshm Island.",
)


def _settled(reports: dict[str, tuple[str, str]]) -> Grouper:
    """The reports (key -> title, text) given one at a time, then the re-check."""
    grouper = Grouper()
    for key, (title, text) in reports.items():
        grouper.add(_article(key, title, text))
    grouper.settle()
    return grouper


def _quake_and_aid() -> Grouper:
    return _settled({"a": QUAKE_A, "b": QUAKE_B, "c": QUAKE_C, "x": AID_A, "y": AID_B})


def test_group_recheck_merges_a_small_story_naming_the_story_s_people_and_places(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Two reports of the aid after the Qeshm quake: closer to each other than to the quake
    # story (centroids 0.40 apart, under MERGE_COSINE), but their heaviest names, "Qeshm
    # Island" and "Qeshm", are the quake story's.
    grouper = _quake_and_aid()
    assert len({grouper.members[k].story for k in "abcxy"}) == 1
    # Without the rule, or when the pair's fourth name ("Crescent") must be the story's
    # too, the pair stays apart. (Its third is "Island": the quake reports also write
    # "the island", so for them "Qeshm Island" is "Qeshm" and the pair's "Island" is rare.)
    for modules, name, value in (((group_stories,), "SMALL_STORY", 0),
                                 ((group_stories, group_checks), "SMALL_MERGE_NAMES", 4)):
        with monkeypatch.context() as patch:
            for module in modules:  # each module that reads the setting
                patch.setattr(module, name, value)
            grouper = _quake_and_aid()
        assert grouper.members["x"].story == grouper.members["y"].story != grouper.members["a"].story, name
        assert len({grouper.members[k].story for k in "abc"}) == 1



def _primary_night_and_debate(documents_naming_each: int) -> tuple[group_stories.StoryIndex, group_stories.StoryProfile,
                                                                    group_stories.StoryProfile]:
    """A primary night's story (3 reports, days 100-101) and a debate's (2 reports, days
    96-97) naming the same candidate and state, which ``documents_naming_each`` documents
    read so far name."""
    index = group_stories.StoryIndex()
    index.documents = 300
    index.df = {"@marrow": documents_naming_each, "@tessel": documents_naming_each, "@varn": 2, "@sollby": 2}
    night = group_stories.StoryProfile(
        "night", 0, size=3, names={"@marrow": 3, "@tessel": 3, "@varn": 2, "@sollby": 2},
        total={"@marrow": 1.5, "@tessel": 1.2, "@varn": 1.5, "@sollby": 1.2, "primary": 2.0, "delegates": 1.4,
               "volunteers": 1.0})
    debate = group_stories.StoryProfile(
        "debate", 1, size=2, names={"@marrow": 2, "@tessel": 2},
        total={"@marrow": 1.1, "@tessel": 0.8, "debate": 1.5, "moderator": 3.0, "insults": 2.0, "delegates": 0.4,
               "primary": 0.3})
    for story, days in ((night, (100, 101, 101)), (debate, (96, 97))):
        for day in days:
            story.add_day(day)
        story.dated = len(days)
        index.stories[story.id] = story
        index._index(story)
    return index, night, debate


def test_group_recheck_keeps_a_small_story_naming_only_a_campaign_s_figures_apart() -> None:
    # The debate's centroid meets the night's at 0.38: under MERGE_COSINE, above
    # SMALL_MERGE_COSINE, and the debate's two heaviest names are the night's. When few
    # documents name them, they are the two stories' own, and the pair merges.
    index, night, debate = _primary_night_and_debate(5)
    assert index._merge_partner(debate) is night
    # When 40 documents name them (a candidate and a state of many stories), the debate
    # shows no "who" or "where" of the night's own, and stays a story of its own.
    index, night, debate = _primary_night_and_debate(40)
    assert index._merge_partner(debate) is None

DAM_FLOOD = {
    "a1": ("Velmora dam bursts, flooding valley",
           "The Velmora dam burst early on Saturday and sent a wall of water through the Tarn valley, flooding three "
           "villages. Engineer Ruth Okafor of the Tarn Water Board said cracks in the dam wall had been reported in "
           "spring."),
    "a2": ("Floodwater sweeps Tarn valley after Velmora dam failure",
           "Water poured through the Tarn valley on Saturday after the Velmora dam failed, and villagers fled to higher "
           "ground. Ruth Okafor, the Tarn Water Board engineer, said the dam wall gave way after days of heavy rain."),
    "a3": ("Villages flooded as Velmora dam gives way",
           "Three villages in the Tarn valley were flooded when the Velmora dam gave way on Saturday. The Tarn Water "
           "Board said its engineer Ruth Okafor had warned of cracks in the dam wall."),
    "b1": ("Rescuers search flooded villages",
           "Rescue teams in boats searched flooded houses on Saturday after the Velmora dam burst upstream. Captain "
           "Idris Falk of the Tarn valley rescue service said three villages were flooded and twelve people were "
           "missing."),
    "b2": ("Twelve missing after dam burst",
           "Twelve people were missing on Saturday after the Velmora dam burst and flooded villages in the Tarn valley, "
           "said Captain Idris Falk, who leads the rescue teams searching houses by boat after the dam wall gave way."),
    "b3": ("Boats search Tarn valley villages flooded by Velmora dam",
           "Captain Idris Falk said rescue teams in boats were searching flooded houses for twelve missing people after "
           "the Velmora dam burst in the Tarn valley on Saturday."),
    "d1": ("Velmora dam rebuilt a year on",
           "March 3, 2014 - A year after the Velmora dam burst and flooded the Tarn valley, the Tarn Water Board opened "
           "the rebuilt dam. Ruth Okafor, its engineer, said the new dam wall was twice as thick."),
}


#: A report of the dam burst above that names no one and no year (the town, the river and
#: the engineer left out): only its words can place it.
NAMELESS_FOLLOW_UP = (
    "Water still covers flooded villages",
    "Families in the flooded villages waited on rooftops for boats on Sunday, a day after the dam burst upstream. "
    "Rescuers said the water was still rising in places, and that heavy rain had weakened the wall for weeks.",
)


def test_group_recheck_places_a_report_naming_no_one_by_its_words() -> None:
    # Its words meet the story's at 0.30; weighed at 1 - NAME_WEIGHT against a name cosine
    # it cannot have (0.17), it stayed alone under RECHECK_COSINE (0.25).
    reports = {key: DAM_FLOOD[key] for key in ("a1", "a2", "a3")}
    assert _stories_of({**reports, "n": NAMELESS_FOLLOW_UP}) == {frozenset({"a1", "a2", "a3", "n"})}
    grouper = _settled(reports)
    index = grouper.stories
    story = index.stories[grouper.members["a1"].story]
    vec = index.vector(sketch(*NAMELESS_FOLLOW_UP))
    assert not any(term.startswith("@") for term in vec)
    words = index.cosine(vec, story)
    assert words >= group_stories.RECHECK_COSINE > (1 - group_stories.NAME_WEIGHT) * words
    # The rule is about names it does not have: the same words with a name are mixed as before.
    named = index.vector(sketch(NAMELESS_FOLLOW_UP[0], "Mayor Ines Varga said: " + NAMELESS_FOLLOW_UP[1]))
    assert index.cosine(named, story) < words


#: Three reports of one record night (a made-up player and school), and a conference preview
#: that recalls it in one sentence among other teams' news.
RECORD_NIGHT = {
    "r1": ("Marwick breaks Halvern scoring record",
           "Tamsin Marwick scored 31 points on Thursday night to break the Halvern University career scoring record, "
           "passing a mark that had stood for 28 years. The senior guard reached the record with a jump shot early in "
           "the second half as the Halvern Otters beat Dunmore 88-61 in front of a sold-out crowd."),
    "r2": ("Halvern's Marwick sets career points mark",
           "Senior guard Tamsin Marwick became Halvern University's all-time leading scorer on Thursday, scoring 31 "
           "points in an 88-61 win over Dunmore. Marwick broke the 28-year-old record with a jump shot in the second "
           "half, and the crowd stood to applaud her."),
    "r3": ("Record falls as Otters rout Dunmore",
           "The Halvern Otters routed Dunmore 88-61 on Thursday night, and Tamsin Marwick broke the school's career "
           "scoring record along the way. Marwick, a senior guard, finished with 31 points; the old record had stood "
           "for 28 years. Coach Ruth Okafor said the crowd had waited all season for the moment."),
}
SEASON_PREVIEW = (
    "Conference preview: Otters chase a fourth straight title",
    "The Halvern Otters open conference play next week as favourites again. Tamsin Marwick, who last week moved "
    "to the top of the school's career scoring list, leads a backcourt that also returns Jada Pell. Elsewhere, "
    "the Brisco Hawks lost two starters to injury and will lean on freshman centre Nina Sorel, while the Kell "
    "State Rams added a transfer from Oakridge, Maya Dunst. Westfield have won nine in a row behind forward "
    "Lena Troy, and the Carver Bears hope their zone defence holds up against bigger teams. Injuries and a "
    "short bench worry the Penrith Owls, whose coach Tara Ames called the league the deepest in a decade.",
)


def test_group_recheck_keeps_a_report_naming_the_story_s_own_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # The preview tells the record night in one sentence among other teams' news: its words
    # meet the story's centroid under RECHECK_COSINE, but it names the player the story is
    # about (its own name), so it joins from OWN_JOIN_COSINE rather than standing alone.
    together = {**RECORD_NIGHT, "p": SEASON_PREVIEW}
    assert _stories_of(together) == {frozenset(together)}
    grouper = _settled(RECORD_NIGHT)
    index = grouper.stories
    story = index.stories[grouper.members["r1"].story]
    vec = index.vector(sketch(*SEASON_PREVIEW))
    assert group_stories.OWN_JOIN_COSINE <= index.cosine(vec, story) < group_stories.RECHECK_COSINE
    assert index._names_own(vec, story)
    # Without the own-name cut it stood alone.
    monkeypatch.setattr(group_stories, "OWN_JOIN_COSINE", group_stories.RECHECK_COSINE)
    assert _stories_of(together) == {frozenset(RECORD_NIGHT), frozenset({"p"})}
    monkeypatch.undo()
    # A preview of the same kind that names another player (and so not the story's own
    # name) stays apart.
    other = (SEASON_PREVIEW[0], SEASON_PREVIEW[1].replace("Tamsin Marwick", "Ada Brenn"))
    assert _stories_of({**RECORD_NIGHT, "p": other}) == {frozenset(RECORD_NIGHT), frozenset({"p"})}


def test_group_recheck_one_dated_article_does_not_date_an_undated_story(monkeypatch: pytest.MonkeyPatch) -> None:
    # Undated reports of a dam burst (a folder of files without dates), in two stories
    # whose centroids meet at 0.46: the engineer's reports and the rescuers'. A dated
    # report a year on joins the engineer's story; one dated article in four does not place
    # that story in time, so the two merge as two undated stories do (from MERGE_COSINE).
    assert _stories_of(DAM_FLOOD) == {frozenset(DAM_FLOOD)}
    # Counted dated by its one dated article, the story needed UNDATED_MERGE_COSINE.
    monkeypatch.setattr(group_checks, "DATED_SHARE", 0.0)
    assert _stories_of(DAM_FLOOD) == {frozenset({"a1", "a2", "a3", "d1"}), frozenset({"b1", "b2", "b3"})}


def _stories_of(articles: dict[str, tuple[str, str]]) -> set[frozenset[str]]:
    """The stories a fresh grouper makes of ``articles`` (key → title and text), settled."""
    grouper = Grouper()
    for key, (title, text) in articles.items():
        grouper.add(_article(key, title, text))
    grouper.settle()
    found: dict[str, set[str]] = {}
    for key in articles:
        found.setdefault(grouper.members[key].story, set()).add(key)
    return {frozenset(keys) for keys in found.values()}


#: One-line reports of one museum theft (a title, no body), undated: three name the museum,
#: three only the curator; all name the town. Their two stories meet at 0.36.
CROWN_THEFT = {
    "a1": "Masked thieves smashed display cases at the Aldmoor Museum in Vessen and escaped with a gold crown, police said.",
    "a2": "A gold crown was stolen from the Aldmoor Museum in Vessen by masked thieves who smashed display cases overnight.",
    "a3": "Police in Vessen are hunting masked thieves who took a gold crown from the Aldmoor Museum after smashing glass "
          "cases.",
    "b1": "Curator Petra Lind said thieves who stole the gold crown in Vessen had broken a window and smashed a display "
          "case.",
    "b2": "Masked thieves broke a window in Vessen at night and stole a gold crown insured for 4 million euros, curator "
          "Petra Lind said.",
    "b3": "The gold crown taken in Vessen by masked thieves who smashed a display case was insured for 4 million euros, "
          "said curator Petra Lind.",
}


def test_group_recheck_merges_two_stories_of_one_line_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two stories made only of one-sentence reports merge from SHORT_MERGE_COSINE (0.35),
    # under MERGE_COSINE (0.45): a sentence shares few words with another sentence.
    titles_only = {key: (title, "") for key, title in CROWN_THEFT.items()}
    assert _stories_of(titles_only) == {frozenset(CROWN_THEFT)}
    # Not counted as one-line reports, they stay two stories.
    for module in (group_stories, group_profile):  # counted on joining and on leaving alike
        monkeypatch.setattr(module, "SHORT_WORDS", 0)
    assert _stories_of(titles_only) == {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})}


def test_group_recheck_keeps_a_copy_with_its_original() -> None:
    title, text = QUAKE_A
    grouper = Grouper()
    grouper.add(_article("a", title, text))
    grouper.add(_article("copy", "Five dead", text + " Officials said the toll could rise."))
    grouper.add(_article("b", *QUAKE_B))
    grouper.settle()
    assert grouper.members["copy"].duplicate_of == "a"
    assert grouper.members["copy"].story == grouper.members["a"].story == grouper.members["b"].story


def _store_grouping_a_and_b(tmp_path: Path) -> str:
    """A store file where an earlier run grouped two reports of one quake."""
    db = str(tmp_path / "s.db")
    first = [_article("a", *QUAKE_A), _article("b", *QUAKE_B)]
    with open_store(db) as store:
        store.add_articles(first)
        group_whole(first, store)
    return db


def test_group_whole_story_lists_the_members_stored_earlier(tmp_path: Path) -> None:
    with open_store(_store_grouping_a_and_b(tmp_path)) as store:
        later = _article("c", *QUAKE_C)
        store.add_articles([later])
        stories, earlier = group_whole([later], store)
    assert [s.articles for s in stories] == [("a", "b", "c")]
    assert [a.id for a in earlier] == ["a", "b"]


def test_group_whole_story_above_the_limit_lists_only_this_run(tmp_path: Path) -> None:
    with open_store(_store_grouping_a_and_b(tmp_path)) as store:
        stories, earlier = group_whole([_article("c", *QUAKE_C)], store, limit=2)
    assert [s.articles for s in stories] == [("c",)]
    assert earlier == []


def test_group_analyze_db_shows_the_whole_story() -> None:
    from storyweave.pipeline import analyze_articles

    with open_store(":memory:") as store:
        first = [_article("a", *QUAKE_A), _article("b", *QUAKE_B)]
        store.add_articles(first)
        analyze_articles(first, store=store)
        later = _article("c", *QUAKE_C)
        store.add_articles([later])
        result = analyze_articles([later], store=store)
    assert [s["articles"] for s in result["stories"]] == [["a", "b", "c"]]
    assert [a["id"] for a in result["articles"]] == ["a", "b", "c"]


def test_group_analyze_db_rerun_sees_members_added_since() -> None:
    """Analysing the first files again after another run grew their story must not return
    the analysis cached before the story grew."""
    from storyweave.pipeline import analyze_articles

    with open_store(":memory:") as store:
        first = [_article("a", *QUAKE_A), _article("b", *QUAKE_B)]
        store.add_articles(first)
        analyze_articles(first, store=store)
        later = _article("c", *QUAKE_C)
        store.add_articles([later])
        analyze_articles([later], store=store)
        again = analyze_articles(first, store=store)
    assert [s["articles"] for s in again["stories"]] == [["a", "b", "c"]]


def test_group_analyze_db_cached_analysis_is_not_reused_by_other_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """A store written by an older storyweave must not serve that version's analysis."""
    import storyweave.pipeline as pipeline

    analysed_again: list[object] = []

    def must_not_run(*args: object, **kwargs: object) -> None:
        analysed_again.append(args)
        raise AssertionError("analysed again")

    with open_store(":memory:") as store:
        articles = [_article("a", *QUAKE_A), _article("b", *QUAKE_B)]
        store.add_articles(articles)
        first = pipeline.analyze_articles(articles, store=store)
        with monkeypatch.context() as patched:
            patched.setattr(pipeline, "analyze_story", must_not_run)
            assert pipeline.analyze_articles(articles, store=store) == first  # same code: cached
            assert not analysed_again
            patched.setattr(pipeline, "code_fingerprint", lambda: "other code")
            again = pipeline.analyze_articles(articles, store=store)
            assert analysed_again  # (the failure is the story's, listed with its error)
            assert all("analysed again" in story["error"] for story in again["stories"])


def _partition(members: dict[str, str]) -> frozenset[frozenset[str]]:
    stories: dict[str, set[str]] = {}
    for article_id, story_id in members.items():
        stories.setdefault(story_id, set()).add(article_id)
    return frozenset(frozenset(ids) for ids in stories.values())


def _fed_in_batches(docs: list[tuple[str, str, str, str]], seed: int, every: int, db: str) -> list[dict[str, str]]:
    """The documents fed as a followed feed is, one run per ``every`` documents, each run
    grouping into the store and saving; the stories stored after each run."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    after_each_run = []
    for start in range(0, len(order), every):
        with open_store(db) as store:
            group_articles([_article(d, t, x) for d, t, x, _ in order[start:start + every]], store)
            after_each_run.append({aid: m.story for aid, m in Grouper(store).members.items()})
    return after_each_run


def test_group_feed_saved_after_every_few_articles_groups_as_one_batch(tmp_path: Path) -> None:
    # The re-check window stays open across saves: articles stored by an earlier run move
    # when later ones show where they belong. Before, each save made its articles' stories
    # final, and a feed saved every 50 ECB+ documents lost 0.02-0.04 B³-F1 against one batch.
    docs = _ecb_docs_of({1, 3, 4, 19})
    batch = _grouped_in_order(docs, 0)
    one_batch = _partition({doc_id: batch.members[doc_id].story for doc_id, *_ in docs})
    moved: set[str] = set()
    for seed, every in ((0, 5), (1, 12)):
        runs = _fed_in_batches(docs, seed, every, str(tmp_path / f"feed{seed}.db"))
        assert _partition(runs[-1]) == one_batch, (seed, every)
        # Stored articles whose story-mates (among the articles stored then) changed later
        # (in one of the two feeds at least: fed every 5 in order 0, every early choice holds).
        moved |= {aid for before in runs[:-1] for aid in before
                  if _partition_of(before, aid) != _partition_of({a: runs[-1][a] for a in before}, aid)}
    assert moved, "no stored article was ever moved by a later run"


def _partition_of(members: dict[str, str], article_id: str) -> frozenset[str]:
    """The articles grouped with ``article_id`` (itself included)."""
    story = members[article_id]
    return frozenset(aid for aid, s in members.items() if s == story)


def test_group_window_closes_when_full_and_its_stories_become_final(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyweave.group import stories as group_stories

    monkeypatch.setattr(group_stories, "REVISIT_WINDOW", 3)
    db = str(tmp_path / "s.db")
    title, text = QUAKE_A
    copy = _article("copy", "Five dead", text + " Officials said the toll could rise.")
    with open_store(db) as store:
        group_articles([_article("a", title, text), copy], store)
    with open_store(db) as store:
        assert set(Grouper(store).stories.pending) == {"a", "copy"}
        # The third fills the window; it is about something else, so the quake's story
        # is not touched by the last re-check.
        group_articles([_article("vote", "Council approves new harbour budget",
                                 "The city council of Leeds approved a budget for the harbour on Tuesday.")], store)
    with open_store(db) as store:
        grouper = Grouper(store)
        assert grouper.stories.pending == {}
        assert store.load_grouping(GROUPER).window == []
    story = grouper.members["a"].story
    assert grouper.members["copy"].story == story != grouper.members["vote"].story
    assert grouper.stories.sealed == {story, grouper.members["vote"].story}
    # Stored whole: the original and its copy (pinned, so never moved) are counted in it.
    assert grouper.stories.stories[story].size == 2


def test_group_cli_moved_lines_keep_a_callers_copy_of_the_stories(tmp_path: Path) -> None:
    # An aggregator groups each batch with `group --db` and keeps article -> story itself:
    # with --moved it learns which earlier articles a later run moved, so its copy stays
    # the store's.
    docs = _ecb_docs_of({1, 3, 4, 19})
    random.Random(0).shuffle(docs)
    db = str(tmp_path / "feed.db")
    copy: dict[str, str] = {}
    moved_lines = 0
    for start in range(0, len(docs), 5):
        batch = tmp_path / f"batch{start}.jsonl"
        batch.write_text("".join(json.dumps({"id": f"in-{d}", "title": t, "text": x}) + "\n"
                                 for d, t, x, _ in docs[start:start + 5]), encoding="utf-8")
        result = CliRunner().invoke(app, ["group", str(batch), "--db", db, "--moved"])
        assert result.exit_code == 0, result.output
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        inputs = [line for line in lines if not line.get("moved")]
        assert [line["id"] for line in inputs] == [f"in-{d}" for d, *_ in docs[start:start + 5]]
        moved = lines[len(inputs):]
        assert all(line["moved"] and line["article"] in copy for line in moved)
        moved_lines += len(moved)
        copy.update({line["article"]: line["story"] for line in lines})
    assert moved_lines, "no later batch moved an earlier article"
    with open_store(db) as store:
        assert copy == {aid: m.story for aid, m in Grouper(store).members.items()}
    plain = CliRunner().invoke(app, ["group", str(tmp_path / "batch0.jsonl"), "--db", db])
    assert all(set(json.loads(line)) == {"id", "story", "duplicate_of"} for line in plain.stdout.splitlines())


#: A river flood at one town (three reports over two days), a second flood downstream
#: three weeks on, first told by a report that recalls the first flood, and an inquiry
#: into the first flood three months after it.
TESSEL_FLOOD = [
    (0, "River Tessel floods Marlow",
     "The River Tessel burst its banks at Marlow on Monday, flooding two hundred homes and the old market, Mayor Ilse "
     "Dorn said. Firefighters took families from rooftops by boat. The water rose over the Holm Bridge before dawn."),
    (0, "Hundreds of homes flooded in Marlow",
     "Two hundred homes in Marlow were under water on Monday after the River Tessel rose over the Holm Bridge, Mayor "
     "Ilse Dorn told reporters. Boats carried families from rooftops to the sports hall."),
    (1, "Marlow counts flood damage",
     "Mayor Ilse Dorn said on Tuesday the flood that swept Marlow damaged two hundred homes and the old market. The "
     "River Tessel fell back below the Holm Bridge overnight; families slept in the sports hall."),
]
TESSEL_AGAIN = (20, "River Tessel floods again",
                "The River Tessel burst its banks again on Sunday, three weeks after it flooded Marlow, this time at "
                "Penby, where a hundred homes were flooded, Mayor Odo Krantz said. Boats took families from rooftops.")
PENBY_FLOOD = [
    (21, "Penby flood leaves hundred homes under water",
     "A hundred homes in Penby stood under water on Monday after the River Tessel burst its banks, Mayor Odo Krantz "
     "said. Rescuers from Kessel took families to the Penby school by boat."),
    (22, "Penby begins clean-up after flood",
     "Mayor Odo Krantz said on Tuesday that Penby had begun pumping out the hundred homes the River Tessel flooded. "
     "Families sheltering in the Penby school from Kessel and Penby went home."),
]
MARLOW_INQUIRY = (100, "Marlow flood inquiry blames Holm Bridge",
                  "An inquiry into the flood that swept Marlow in March found that debris caught under the Holm Bridge "
                  "raised the River Tessel, Mayor Ilse Dorn said on Thursday. The bridge will be rebuilt wider.")


def _flood_sketch(day: int, title: str, text: str) -> Sketch:
    return sketch(title, text, (dt.date(2019, 3, 4) + dt.timedelta(days=day)).isoformat() + "T09:00:00Z")


def _add_to_best(index: group_stories.StoryIndex, key: str, item: Sketch) -> group_stories.StoryProfile:
    """The article joins its best story, or starts one, as on arrival."""
    best, _, vec = index.best(item)
    story = best or index.new_story(group_stories.story_id_for(key))
    index.add(story, item, vec, key=key)
    return story


def test_group_recheck_an_article_moved_out_no_longer_stretches_its_old_story() -> None:
    # The Marlow story is final (its window closed). The report of the second flood joins it
    # on arrival (it recalls Marlow) and stretches it to three weeks; the Penby reports
    # that follow chain on. The re-check moves all three to a Penby story of their own:
    # Marlow's span shrinks back to its own two days, and the inquiry three months on,
    # which names Marlow's own names, is too far from them to join (WINDOW_DAYS).
    index = group_stories.StoryIndex()
    marlow = [_add_to_best(index, f"m{n}", _flood_sketch(*report)) for n, report in enumerate(TESSEL_FLOOD)][0]
    index.recheck(close=True)
    assert _add_to_best(index, "second", _flood_sketch(*TESSEL_AGAIN)) is marlow
    inquiry = _flood_sketch(*MARLOW_INQUIRY)
    assert index.best(inquiry)[0] is marlow  # stretched by the second flood, Marlow's span reaches it
    for n, report in enumerate(PENBY_FLOOD):
        _add_to_best(index, f"penby{n}", _flood_sketch(*report))
    placed = index.recheck(close=False).placed
    assert placed["second"] == placed["penby0"] == placed["penby1"] != marlow.id
    assert (marlow.size, marlow.last_day - marlow.first_day) == (3, 1)
    assert index.best(inquiry)[0] is None


#: A cable cut told twice on one day: by the operator's outage reports, and by a harbour's
#: reports of the trawler whose anchor cut it, in other words and with names of their own.
#: One report of each prints the operator's same sentence.
OPERATOR_LINE = "Traffic through the cable was rerouted over land lines until the repair ship arrived, the operator said."
CABLE_CUT = {
    "o1": ("Wire A", "Corvath cable outage cuts internet in three countries",
           "Internet traffic between Lurvia and Pelmont slowed to a crawl on Monday after the Corvath undersea cable "
           "failed. Telmark, which runs the Corvath cable, said a fault near the Pelmont landing station cut four of "
           "its six fibre pairs. " + OPERATOR_LINE),
    "o2": ("Wire B", "Telmark says Corvath cable fault near Pelmont",
           "Telmark said on Monday that a fault in the Corvath undersea cable near its Pelmont landing station had "
           "cut internet capacity between Lurvia and Pelmont. Customers reported slow connections and dropped calls "
           "for most of the day."),
    "o3": ("Wire C", "Slow internet across Lurvia as Corvath cable fails",
           "Businesses across Lurvia complained of slow internet on Monday after the Corvath cable failed near "
           "Pelmont. Telmark engineers were testing the fibre pairs to find the fault, the company said."),
    "h1": ("Harbour Daily", "Fishing trawler blamed for severed line",
           "Coast guard officers in Ostrand boarded a fishing trawler on Monday whose anchor is thought to have "
           "severed the Corvath cable off the coast, slowing internet traffic, harbour master Ilse Varga said. "
           + OPERATOR_LINE),
    "h2": ("Coast Times", "Ostrand coast guard holds trawler crew",
           "The crew of a fishing trawler was held in Ostrand harbour on Monday after its anchor dragged across the "
           "Corvath cable, harbour master Ilse Varga said. Officers questioned the captain about the cable fault."),
}


def _cable_cut(outlets: dict[str, str] | None = None) -> Grouper:
    grouper = Grouper()
    for key, (outlet, title, text) in CABLE_CUT.items():
        outlet = (outlets or {}).get(key, outlet)
        grouper.add(Article(id=key, source=outlet, location=key, title=title, text=text, source_named=True))
    grouper.settle()
    return grouper


def _cable_stories(grouper: Grouper, keys: str = "o1 o2 o3 h1 h2") -> list[frozenset[str]]:
    return sorted(map(frozenset, _partition({k: grouper.members[k].story for k in keys.split()})), key=sorted)


def test_group_recheck_merges_two_stories_printing_the_same_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    # The harbour's two reports meet the operator's story at 0.25, far under MERGE_COSINE;
    # the sentence two outlets both print tells that they report one event.
    assert _cable_stories(_cable_cut()) == [frozenset({"o1", "o2", "o3", "h1", "h2"})]
    apart = [frozenset({"h1", "h2"}), frozenset({"o1", "o2", "o3"})]
    # Without the rule, and when one outlet prints the sentence twice (its own words, one
    # witness), the two stay apart.
    assert _cable_stories(_cable_cut({"h1": "Wire A"})) == apart
    monkeypatch.setattr(group_stories, "SHARED_MERGE_COSINE", 1.0)
    assert _cable_stories(_cable_cut()) == apart


def test_group_recheck_copies_of_a_report_do_not_make_its_sentence_boilerplate() -> None:
    # Two outlets reprint the harbour's first report word for word: the operator's line is
    # then in four articles, but in two texts only.
    grouper = Grouper()
    reprints = {"c1": "Port Weekly", "c2": "Seaboard Post"}
    reprinted = [(key, (outlet, *CABLE_CUT["h1"][1:])) for key, outlet in reprints.items()]
    for key, (outlet, title, text) in [*CABLE_CUT.items(), *reprinted]:
        grouper.add(Article(id=key, source=outlet, location=key, title=title, text=text, source_named=True))
    grouper.settle()
    assert grouper.members["c1"].duplicate_of == "h1"
    assert _cable_stories(grouper, "o1 o2 o3 h1 h2 c1 c2") == [frozenset({"o1", "o2", "o3", "h1", "h2", "c1", "c2"})]


def test_group_recheck_sentence_printed_on_other_days_merges_nothing() -> None:
    # The harbour's reports a month later, the operator's sentence quoted again: the merge
    # would take the outage story into other days.
    grouper = Grouper()
    for key, (outlet, title, text) in CABLE_CUT.items():
        day = "2024-03-04" if key.startswith("o") else "2024-04-08"
        grouper.add(Article(id=key, source=outlet, location=key, title=title, text=text, source_named=True,
                            published=day))
    grouper.settle()
    assert _cable_stories(grouper) == [frozenset({"h1", "h2"}), frozenset({"o1", "o2", "o3"})]


def test_group_feed_links_a_sentence_printed_in_an_earlier_run(tmp_path: Path) -> None:
    # Each article in a run of its own (a followed feed): the window's sentences are kept
    # in the store with it, so the last run links the first run's article.
    db = str(tmp_path / "feed.db")
    for key, (outlet, title, text) in CABLE_CUT.items():
        with open_store(db) as store:
            group_articles([Article(id=key, source=outlet, location=key, title=title, text=text,
                                    source_named=True)], store)
    with open_store(db) as store:
        grouper = Grouper(store)
    assert _cable_stories(grouper) == [frozenset({"o1", "o2", "o3", "h1", "h2"})]


def test_group_window_reads_an_article_stored_before_sentences_were_kept() -> None:
    # A window row written before (day, terms, names, movable[, followed]) still reads.
    for row, follows in (([3, [["cable", 1.0]], [], True], None), ([3, [["cable", 1.0]], [], False, "a1"], "a1")):
        sketch_, movable, followed, sentences, outlet = _Pending.read(zlib.compress(json.dumps(row).encode()))
        assert (sketch_.terms, movable, followed, len(sentences), outlet) == ({"cable": 1.0}, row[3], follows, 0, "")


#: An office shooting told on its days by three reports, and the arraignment two days on by
#: two reports of the court: the accused, the firm and the town in both, their other words
#: (the shots; the judge, the bail) their own.
OFFICE_SHOOTING = {
    "s1": ("2024-05-06", "Gunman kills receptionist at Brel accounting firm",
           "A fired accountant walked into the Kessby and Roos accounting firm in Brel on Monday morning and opened "
           "fire with a shotgun, killing a receptionist and wounding two partners, police said. Officers arrested "
           "Tomas Lind, 41, after a car chase on the Holm motorway a few hours later."),
    "s2": ("2024-05-06", "One dead, two hurt in Brel office shooting",
           "A receptionist was killed and two partners of the Kessby and Roos firm were wounded when a former "
           "employee fired a shotgun inside the Brel office on Monday, police chief Nora Lusk said. The suspect, "
           "Tomas Lind, was caught on the Holm motorway after a chase."),
    "s3": ("2024-05-08", "Brel shooting suspect had been fired days before",
           "Tomas Lind, the accountant held over Monday's shooting at the Kessby and Roos office in Brel, had been "
           "fired four days earlier, police chief Nora Lusk said. Witnesses said the gunman fired at the reception "
           "desk before walking to the partners' offices."),
    "c1": ("2024-05-08", "Fired accountant charged with murder",
           "Tomas Lind was arraigned in Brel on Wednesday on charges of murder and attempted murder over the shooting "
           "at the Kessby and Roos firm. Judge Petra Varga ordered him held without bail after prosecutor Ivo "
           "Brennick read the complaint; a detective testified that the receptionist tried to stop him. His lawyer "
           "entered pleas of not guilty."),
    "c2": ("2024-05-08", "Lind ordered held without bail",
           "Judge Petra Varga refused bail on Wednesday for Tomas Lind, arraigned on charges of murder and attempted "
           "murder over the Kessby and Roos shooting in Brel, after prosecutor Ivo Brennick told the court the "
           "defendant had planned the attack. The family of the receptionist wept as Varga set a hearing for next "
           "month."),
}


def _office_shooting_stories() -> list[frozenset[str]]:
    grouper = Grouper()
    for key, (day, title, text) in OFFICE_SHOOTING.items():
        grouper.add(Article(id=key, source="test", location=key, title=title, text=text, published=day))
    grouper.settle()
    return sorted(map(frozenset, _partition({k: grouper.members[k].story for k in OFFICE_SHOOTING})), key=sorted)


def test_group_recheck_merges_stories_of_the_same_days_sharing_their_own_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # The court's story meets the shooting's at 0.42, under MERGE_COSINE; both are dated,
    # the merge adds no day to the shooting's, and both name the accused, whom only they name.
    assert _office_shooting_stories() == [frozenset(OFFICE_SHOOTING)]
    apart = [frozenset({"c1", "c2"}), frozenset({"s1", "s2", "s3"})]
    # When no name may be the stories' own (a figure of many stories), they stay apart.
    monkeypatch.setattr(group_stories, "OWN_SHARE", 2.0)
    assert _office_shooting_stories() == apart
    monkeypatch.undo()
    monkeypatch.setattr(group_stories, "SAME_DAYS_MERGE_COSINE", 1.0)
    assert _office_shooting_stories() == apart
