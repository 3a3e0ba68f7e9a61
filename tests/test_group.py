"""Near-duplicates and incremental story grouping (storyweave.group and the group command)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyweave.group import stories as group_stories
from storyweave.cli import app
from storyweave.group import Grouper, group_articles, group_sources
from storyweave.model import Article
from storyweave.store import open_store

QUAKE_1 = (
    "Quake kills five in southern Iran",
    "A magnitude 5.9 earthquake struck Qeshm Island in the Persian Gulf on Sunday, killing five people "
    "and injuring dozens, Iranian state television said. The quake destroyed homes in the villages of "
    "Tolla and Kusheh, the governor of Hormozgan province, Mohammad Reza Fakhar, told the IRNA agency. "
    "Rescue teams from Bandar Abbas reached the island by boat. Aftershocks shook Qeshm through the night.",
)
QUAKE_1B = (
    "Deadly earthquake hits Qeshm Island",
    "Iranian state television said five people were killed on Sunday when a magnitude 5.9 earthquake hit "
    "Qeshm Island in the Persian Gulf. Governor Mohammad Reza Fakhar of Hormozgan province said homes in "
    "Tolla and Kusheh collapsed. Boats carried rescue teams from Bandar Abbas to Qeshm.",
)
QUAKE_2 = (
    "Earthquake in Chile kills eight",
    "A magnitude 6.4 earthquake shook northern Chile on Tuesday, killing eight people in the mining town "
    "of Tocopilla, the interior minister Edmundo Perez Yoma said. The quake cut power across Antofagasta "
    "region and damaged the hospital in Tocopilla. President Michelle Bachelet flew to the region.",
)
OTHER = (
    "Senate passes farm bill",
    "The United States Senate passed a five-year farm bill on Thursday, sending the measure to President "
    "Barack Obama. Senator Debbie Stabenow of Michigan said the bill cuts subsidies for cotton growers.",
)


def _article(key: str, title: str, text: str, published: str | None = None) -> Article:
    return Article(id=key, source="test", location=key, title=title, text=text, published=published)


def test_group_same_event_joins_one_story() -> None:
    out = group_articles([_article("a", *QUAKE_1), _article("b", *QUAKE_1B), _article("c", *OTHER)])
    assert out[0].story == out[1].story
    assert out[2].story != out[0].story


def test_group_two_events_of_one_kind_stay_apart() -> None:
    out = group_articles([_article("a", *QUAKE_1), _article("b", *QUAKE_1B), _article("c", *QUAKE_2)])
    assert out[0].story == out[1].story
    assert out[2].story != out[0].story


def test_group_a_report_reused_with_other_names_is_another_event(monkeypatch: pytest.MonkeyPatch) -> None:
    # A wire template reused two days later for another quake: every word the same but the
    # who and where. The words alone would join them; the names keep them apart.
    import storyweave.group.stories as stories

    swaps = {"Qeshm Island": "Lombok", "Qeshm": "Lombok", "Persian Gulf": "Bali Sea", "Iranian": "Indonesian",
             "Tolla": "Sembalun", "Kusheh": "Senaru", "Hormozgan": "West Nusa Tenggara",
             "Mohammad Reza Fakhar": "Lalu Gita Ariadi", "IRNA": "Antara", "Bandar Abbas": "Mataram", "Iran": "Indonesia"}
    title, text = QUAKE_1
    for old, new in swaps.items():
        title, text = title.replace(old, new), text.replace(old, new)
    first = _article("a", *QUAKE_1, published="2024-03-03T08:00:00Z")
    reused = _article("b", title, text, published="2024-03-05T08:00:00Z")
    out = group_articles([first, reused])
    assert out[0].story != out[1].story
    monkeypatch.setattr(stories, "NAME_VETO_COSINE", 0.0)
    out = group_articles([first, reused])
    assert out[0].story == out[1].story


def test_group_same_text_months_apart_is_another_story() -> None:
    first = _article("a", *QUAKE_1, published="2024-01-10T08:00:00Z")
    later = _article("b", *QUAKE_1B, published="2024-09-10T08:00:00Z")
    out = group_articles([first, later])
    assert out[0].story != out[1].story


def test_group_wire_copy_and_light_rewrite_are_duplicates() -> None:
    title, text = QUAKE_1
    copy = text + " Officials said the toll could rise."
    rewrite = text.replace("said", "stated").replace("through the night", "overnight")
    out = group_articles([_article("a", title, text), _article("b", "Five dead", copy), _article("c", title, rewrite),
                          _article("d", *QUAKE_1B)])
    assert [o.duplicate_of for o in out] == [None, "a", "a", None]
    assert len({o.story for o in out}) == 1


def test_group_feeding_the_same_articles_twice_changes_nothing(tmp_path: Path) -> None:
    articles = [_article("a", *QUAKE_1), _article("b", *QUAKE_2), _article("c", *QUAKE_1B)]
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        first = group_articles(articles, store)
        state = store.load_grouping("tfidf-names-minhash.v1")
    with open_store(db) as store:
        again = group_articles(articles, store)
        state_again = store.load_grouping("tfidf-names-minhash.v1")
    assert again == first
    assert state_again == state


def test_group_store_extends_stories_day_after_day(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        day1 = group_articles([_article("a", *QUAKE_1, published="2024-03-03T08:00:00Z"),
                               _article("c", *OTHER, published="2024-03-03T09:00:00Z")], store)
    with open_store(db) as store:
        day2 = group_articles([_article("b", *QUAKE_1B, published="2024-03-04T08:00:00Z"),
                               _article("d", *QUAKE_2, published="2024-03-04T09:00:00Z")], store)
    assert day2[0].story == day1[0].story
    assert day2[1].story not in {day1[0].story, day1[1].story}
    # The same four articles in one batch give the same stories.
    batch = group_articles([_article("a", *QUAKE_1, published="2024-03-03T08:00:00Z"),
                            _article("c", *OTHER, published="2024-03-03T09:00:00Z"),
                            _article("b", *QUAKE_1B, published="2024-03-04T08:00:00Z"),
                            _article("d", *QUAKE_2, published="2024-03-04T09:00:00Z")])
    assert [a.story for a in batch] == [a.story for a in day1 + day2]


def test_group_copy_found_across_runs(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        group_articles([_article("a", *QUAKE_1)], store)
    with open_store(db) as store:
        out = group_articles([_article("b", "Copy", QUAKE_1[1] + " More later.")], store)
    assert out[0].duplicate_of == "a"


def test_group_stories_are_deterministic() -> None:
    articles = [_article(k, *v) for k, v in zip("abcd", (QUAKE_1, QUAKE_2, OTHER, QUAKE_1B))]
    assert group_articles(articles) == group_articles(articles)


def test_group_grouper_ignores_an_article_given_again() -> None:
    grouper = Grouper()
    first = grouper.add(_article("a", *QUAKE_1))
    assert grouper.add(_article("a", *QUAKE_1)) == first
    assert grouper.stories.documents == 1


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_group_cli_one_line_per_input_in_order(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [
        {"id": "x1", "title": QUAKE_1[0], "text": QUAKE_1[1]},
        {"id": "x2", "title": QUAKE_1[0], "text": QUAKE_1[1]},
        {"id": "x3", "title": QUAKE_2[0], "text": QUAKE_2[1]},
        {"id": "x4", "title": QUAKE_1B[0], "text": QUAKE_1B[1]},
    ])
    result = CliRunner().invoke(app, ["group", str(src)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["x1", "x2", "x3", "x4"]
    assert rows[1] == {"id": "x2", "story": rows[0]["story"], "duplicate_of": "x1"}
    assert rows[0]["duplicate_of"] is None and rows[3]["duplicate_of"] is None
    assert rows[3]["story"] == rows[0]["story"] != rows[2]["story"]


def test_group_cli_bad_line_is_reported_and_the_rest_grouped(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x1", "title": OTHER[0], "text": OTHER[1]}) + "\nnot json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["group", str(src)])
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["x1"]
    assert f"{src}:2" in result.stderr


def test_group_cli_db_keeps_stories_between_runs(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    one = _jsonl(tmp_path / "one.jsonl", [{"id": "x1", "title": QUAKE_1[0], "text": QUAKE_1[1]}])
    two = _jsonl(tmp_path / "two.jsonl", [{"id": "x2", "title": QUAKE_1B[0], "text": QUAKE_1B[1]}])
    runner = CliRunner()
    first = json.loads(runner.invoke(app, ["group", str(one), "--db", db]).stdout)
    second = json.loads(runner.invoke(app, ["group", str(two), "--db", db]).stdout)
    assert second["story"] == first["story"]


def test_group_sources_on_seed_articles(seeds_dir: Path) -> None:
    rows, failures = group_sources([str(seeds_dir)])
    assert not failures
    assert len(rows) == len(list(seeds_dir.iterdir()))
    # The seeds are five outlets covering one summit: one story.
    assert len({r["story"] for r in rows}) == 1


@pytest.mark.parametrize("bad", [0.0, 1.5])
def test_group_duplicate_threshold_is_checked(bad: float) -> None:
    from storyweave.group.dups import DuplicateIndex

    with pytest.raises(ValueError, match="threshold"):
        DuplicateIndex(bad)


def test_group_signature_is_datasketch_minhash(seeds_dir: Path) -> None:
    # The numpy signature must be exactly datasketch's affine32 MinHash of the shingles,
    # or copies stored by an earlier version (and the Spark job's bands) stop matching.
    from datasketch import MinHash

    from storyweave.group.dups import NUM_PERM, SEED, signature
    from storyweave.group.features import shingle_hashes

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.iterdir()) if p.is_file()]
    texts += [QUAKE_1[1], OTHER[1], "one two", " ".join(f"w{i}" for i in range(5000))]
    for text in texts:
        shingles = shingle_hashes(text)
        expected = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme="affine32")
        expected.update_batch(shingles.tolist())
        assert signature(shingles).tolist() == expected.hashvalues.tolist()
    empty = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme="affine32")
    assert signature(shingle_hashes("")).tolist() == empty.hashvalues.tolist()


def test_group_features_read_names_after_sentence_openers() -> None:
    from storyweave.group.features import sketch

    features = sketch("", "Police said on Monday that Kim Jong Un met Moon Jae-in in Seoul.\n  Later Kim left. "
                          '"Talks went well," Moon told reporters.')
    assert {"@kim jong un", "@moon jae-in", "@seoul", "@kim", "@moon"} <= features.names
    # A capital that opens a sentence (after a full stop and a line break, or a quote
    # mark) is not a name: "Police", "Later", "Talks".
    assert not {"@police", "@later", "@talks"} & features.names
    # Names follow the plain words in the terms, as the scoring expects.
    terms = list(features.terms)
    assert all(t.startswith("@") for t in terms[features.words:])
    assert not any(t.startswith("@") for t in terms[: features.words])


def test_group_features_a_word_written_in_lower_case_elsewhere_is_not_a_name() -> None:
    from storyweave.group.features import sketch

    # A title-case headline capitalises every word; the body writes most of them in lower
    # case, so only the words it never does ("Brooklyn", "Lorna Vance") are names there.
    features = sketch("Teen Arrested In Shooting Of Hero Brooklyn Mom",
                      "A teen was arrested on Friday over the shooting of Lorna Vance, a mom hailed as a hero "
                      "after she shielded children in Brooklyn. The Harlow Police Department said police found "
                      "the gun.")
    assert {"@brooklyn", "@lorna vance", "@harlow", "@department"} <= features.names
    assert not {"@arrested", "@shooting", "@hero", "@mom", "@hero brooklyn mom", "@police",
                "@harlow police department"} & features.names
    # The words stay terms of the article, as plain words.
    assert {"arrested", "shooting", "hero", "police"} <= set(features.terms)


def test_group_features_an_undated_page_takes_its_own_date_stamp() -> None:
    from storyweave.group.features import sketch

    # A title that is only a stamp (its day over 12 settles the order) dates the page; so
    # does a stamp after the last sentence of a page whose lead tells no date.
    titled = sketch("Posted 11/27/2005 7:21 AM", "Aftershocks shook the island of Orsk on Sunday, officials said.")
    assert titled.day == dt.date(2005, 11, 27).toordinal()
    below = sketch("Brel mill fire", "A fire gutted the Brel paper mill near Lusk on Monday, officials said.\n"
                                     "No one was hurt.\nPosted April 12, 2007 at 4:45 pm")
    assert below.day == dt.date(2007, 4, 12).toordinal()
    # A publication time comes first.
    assert sketch("Brel mill fire", "No one was hurt. Posted April 12, 2007", "2007-04-13T09:00:00Z").day == \
        dt.date(2007, 4, 13).toordinal()


SHOOTING = [
    ("Two killed in Dunmore bakery plant shooting",
     "A suspended worker, Marla Quint, returned to the Dunmore Foods bakery plant in Northfield on Thursday night and "
     "shot three co-workers, killing two, police said. Quint was arrested at the scene. Police Commissioner Alden Roy "
     "said she had been escorted out minutes earlier."),
    ("Suspended employee held after Northfield plant shooting",
     "Marla Quint, 43, was charged with two counts of murder after the shooting at the Dunmore Foods plant in "
     "Northfield, police commissioner Alden Roy said. Two women died and a man was wounded when Quint opened fire in "
     "a break room on Thursday."),
    ("Co-workers describe Dunmore shooting suspect",
     "Colleagues of Marla Quint, the suspended Dunmore Foods employee accused of killing two co-workers at the "
     "Northfield bakery plant, said she had long complained of being targeted. Commissioner Alden Roy said the "
     "handgun was bought legally."),
]
VERDICT = ("Marla Quint convicted of Dunmore plant murders",
           "A Northfield judge on Monday found Marla Quint guilty of murdering two co-workers at the Dunmore Foods "
           "bakery plant in September 2010. Quint, the suspended employee who opened fire in a break room, faces "
           "life in prison, prosecutors said.")
MILL = ("Two killed in Harlow paper mill shooting",
        "A fired worker, Tobias Wren, returned to the Castell paper mill in Harlow on Tuesday and shot three "
        "co-workers, killing two, police said. It was the town's worst shooting since 2010. Wren was arrested at the "
        "scene. Police chief Edna Vale said he had been escorted out an hour earlier.")


def _shooting_reports() -> list[Article]:
    """The shooting's three reports, on its day and the next."""
    days = ["2010-09-10T10:00:00Z", "2010-09-10T15:00:00Z", "2010-09-11T09:00:00Z"]
    return [_article(f"s{n}", title, text, day) for n, ((title, text), day) in enumerate(zip(SHOOTING, days))]


def test_group_verdict_years_later_joins_the_story_it_looks_back_on() -> None:
    # An article two years on sees only the stories near its day; the re-check links it
    # back because it names the year of the shooting and tells the same people and place.
    shooting = _shooting_reports()
    verdict = _article("verdict", *VERDICT, published="2012-09-10T10:00:00Z")
    mill = _article("mill", *MILL, published="2012-09-12T10:00:00Z")
    out = group_articles([*shooting, verdict, mill])
    assert len({a.story for a in out[:4]}) == 1
    assert out[4].story != out[0].story  # another shooting, other people and place
    # Without a look back (no earlier year named) a verdict years on stays a story of its own.
    unanchored = _article("verdict2", VERDICT[0], VERDICT[1].replace("in September 2010", "two years ago"),
                          "2012-09-10T10:00:00Z")
    out = group_articles([*shooting, unanchored])
    assert out[3].story != out[0].story


#: The sentence a year on, told through the judge's and the lawyers' names.
SENTENCE = ("Quint gets life for bakery killings",
            "Marla Quint, the suspended worker who shot three co-workers at the Dunmore Foods bakery plant in "
            "Northfield in September 2010, killing two, was sentenced to life in prison on Friday by Judge Hollis "
            "Brandt. Her lawyer, Gideon Pryce, said she would appeal, prosecutor Wendell Ashby said.")


def test_group_a_lone_follow_up_a_year_on_naming_the_story_s_own_name_joins_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The sentence meets the shooting's centroid at 0.43 (under FAR_NAMED_COSINE); it names
    # the year, the shooting's people and place, and the accused, whom only these stories name.
    shooting = _shooting_reports()
    sentence = _article("sentence", *SENTENCE, published="2011-10-14T10:00:00Z")
    out = group_articles([*shooting, sentence])
    assert len({a.story for a in out}) == 1
    # When no name may be the stories' own, it stays a story of its own.
    monkeypatch.setattr(group_stories, "OWN_SHARE", 2.0)
    out = group_articles([*shooting, sentence])
    assert out[3].story != out[0].story
    monkeypatch.undo()
    monkeypatch.setattr(group_stories, "FAR_FOLLOW_UP_COSINE", 1.0)
    out = group_articles([*shooting, sentence])
    assert out[3].story != out[0].story


TRIAL = [
    ("Jury selection begins in Quint murder trial",
     "Lawyers for Marla Quint asked Judge Hollis Brandt on Monday to move the trial out of Northfield, saying jurors "
     "had read too much about the September 2010 shooting at the Dunmore Foods bakery plant, where two co-workers "
     "were killed. Defense attorney Gideon Pryce said his client would plead insanity; prosecutor Wendell Ashby "
     "called the request a delay."),
    ("Quint defense seeks insanity ruling",
     "Defense attorney Gideon Pryce told Judge Hollis Brandt that Marla Quint, the suspended employee, heard voices "
     "before she shot three co-workers at the Dunmore Foods bakery plant in 2010, killing two. Prosecutor Wendell "
     "Ashby said experts found her fit for trial, which opens next month in Northfield."),
]


def test_group_trial_years_later_naming_the_story_s_people_joins_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # A trial 18 months on, told through its lawyers' names, meets the shooting's centroid
    # at 0.46 (under FAR_MERGE_COSINE), but its heaviest names are the shooting's people
    # and place and it names the year: FAR_NAMED_COSINE.
    shooting = _shooting_reports()
    trial = [_article(f"t{n}", title, text, day)
             for n, ((title, text), day) in enumerate(zip(TRIAL, ["2012-03-05T10:00:00Z", "2012-03-06T10:00:00Z"]))]
    mill = _article("mill", *MILL, published="2012-09-12T10:00:00Z")
    out = group_articles([*shooting, *trial, mill])
    assert len({a.story for a in out[:5]}) == 1
    assert out[5].story != out[0].story  # another shooting, other people and place
    monkeypatch.setattr(group_stories, "FAR_NAMED_COSINE", group_stories.FAR_MERGE_COSINE)
    # (A story of two reports naming the accused, the stories' own name, would still merge
    # from FAR_FOLLOW_UP_COSINE.)
    monkeypatch.setattr(group_stories, "FAR_FOLLOW_UP_COSINE", group_stories.FAR_MERGE_COSINE)
    out = group_articles([*shooting, *trial, mill])
    assert out[3].story != out[0].story


#: A mayoral race told over five months (a candidacy, a debate, a poll, the result), seven
#: weeks apart, and the mayor's and the challenger's other news in between: each article
#: shares words and names with the next, but none tells the same event.
RACE = [
    ("2021-01-04T09:00:00Z", "Wendt to challenge Brecker for mayor",
     "Tomas Wendt said on Monday that he will run for mayor of Dorvale against Mayor Alma Brecker in June, promising "
     "to cut property taxes and bring back night buses. His campaign manager, Rhea Sollis, said voters wanted change."),
    ("2021-02-23T09:00:00Z", "Brecker and Wendt spar over taxes in mayoral debate",
     "Mayor Alma Brecker defended her budget against challenger Tomas Wendt in a debate on Radio Kestrel on Monday "
     "night. Wendt said property taxes had doubled under Brecker; she answered that voters got a new library."),
    ("2021-04-14T09:00:00Z", "Poll finds Brecker and Wendt tied in mayoral race",
     "A Ferris Institute poll of 600 likely voters puts Mayor Alma Brecker and her challenger Tomas Wendt level at 44 "
     "percent, with the cost of housing named the first concern. Pollster Dara Venn said the race would be decided "
     "by turnout."),
    ("2021-06-03T09:00:00Z", "Wendt unseats Brecker in mayoral election",
     "Tomas Wendt won Sunday's mayoral election with 52 percent of the vote, ending Mayor Alma Brecker's two terms. "
     "He told supporters at the Grand Hotel that night buses would run again and that property taxes would fall."),
]
RACE_BETWEEN = [
    ("2021-01-29T09:00:00Z", "Brecker sends snow crews out after storm",
     "Mayor Alma Brecker ordered every plough in Dorvale onto the roads on Monday after 40 centimetres of snow fell "
     "overnight. Schools stayed shut and the Tarrow line trains ran late."),
    ("2021-03-20T09:00:00Z", "Brecker opens rebuilt Tollgate bridge",
     "Mayor Alma Brecker cut the ribbon on the rebuilt Tollgate bridge over the Ness on Monday, two years after "
     "floods closed it. Engineer Ivo Karst said the new steel deck will carry lorries."),
    ("2021-05-09T09:00:00Z", "Wendt's firm wins harbour contract",
     "Wendt Marine, the shipyard owned by Tomas Wendt, won a contract to dredge Dorvale harbour, port director Lise "
     "Orm said on Monday. Work starts in June."),
]


def test_group_a_topic_running_for_months_is_not_chained_into_one_story(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [_article(f"r{n}", title, text, day) for n, (day, title, text) in enumerate(RACE + RACE_BETWEEN)]
    out = group_articles(articles)
    assert len({a.story for a in out}) == len(articles)
    # When a story's span may grow with every article, the race and the mayor's snow
    # storm and bridge become one "story" of four months.
    monkeypatch.setattr(group_stories, "SPAN_DAYS", 1000)
    monkeypatch.setattr(group_stories, "TOPIC_SPAN_DAYS", 1000)
    out = group_articles(articles)
    assert len({a.story for a in out[:6]}) == 1


#: Six weeks after the shooting above: new people (a judge, a lawyer), and the accused and
#: the plant the shooting story is about.
HEARING = ("Marla Quint ordered to stand trial for Dunmore shooting",
           "At a hearing on Wednesday, Judge Petra Lomax ordered Marla Quint to stand trial for the shooting at the "
           "Dunmore Foods plant and refused bail. Her lawyer, Owen Tace, said Quint had been treated for depression "
           "and would plead not guilty.")


def test_group_a_follow_up_weeks_later_naming_the_story_s_own_name_joins_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # The hearing meets the shooting's centroid at 0.43 (under MERGE_COSINE) and would
    # stretch its span to six weeks, but it names the plant, whose every article is the
    # shooting story's.
    shooting = _shooting_reports()
    hearing = _article("hearing", *HEARING, published="2010-10-20T10:00:00Z")
    out = group_articles([*shooting, hearing])
    assert len({a.story for a in out}) == 1
    # When no name may be the story's own, the hearing stays apart.
    monkeypatch.setattr(group_stories, "OWN_SHARE", 2.0)
    out = group_articles([*shooting, hearing])
    assert out[3].story != out[0].story



#: Two primary nights four weeks apart, each told the same way with both candidates, and
#: the candidates' other news: the nights share words and figures, who are in many stories.
PRIMARY_NIGHTS = [
    ("2023-03-07T23:00:00Z", "Marrow wins Tessel primary, Kettering takes Oster",
     "Ilse Marrow won the Tessel primary on Tuesday night and Dov Kettering carried Oster, leaving the two rivals "
     "close in the delegate count. Marrow told supporters in Varn that the vote was a call for cheaper rents, and "
     "thanked the volunteers who knocked on doors."),
    ("2023-04-04T23:00:00Z", "Kettering wins Brenn primary, Marrow takes Halden",
     "Dov Kettering won the Brenn primary on Tuesday night and Ilse Marrow carried Halden, keeping the two rivals "
     "close in the delegate count. Kettering told supporters in Sollby that the vote was a call for safer streets, "
     "and thanked the volunteers who knocked on doors."),
]
CANDIDATES_NEWS = [
    ("2023-02-10T09:00:00Z", "Marrow unveils rent plan",
     "Ilse Marrow proposed a cap on rent increases and new public housing, saying tenants in the capital pay half "
     "their wages to landlords. Economists at the Corran Institute said the cap could shrink supply."),
    ("2023-02-20T09:00:00Z", "Kettering promises more police",
     "Dov Kettering promised two thousand more police officers and longer sentences for burglary at a rally in a "
     "sports hall. Union leaders said the plan had no funding."),
    ("2023-05-02T09:00:00Z", "Marrow accused of closing schools",
     "Ilse Marrow was accused by teachers of planning to close village schools to pay for her housing scheme; her "
     "spokesman called the charge false."),
    ("2023-05-20T09:00:00Z", "Kettering raises record sum from donors",
     "Dov Kettering's campaign raised a record sum from small donors in April, his treasurer Ana Pell said."),
    ("2023-06-15T09:00:00Z", "Marrow's husband quits bank board",
     "Ilse Marrow's husband, Teo Marrow, resigned from the board of Lindqvist Bank after reporters asked about its "
     "loans to her campaign."),
    ("2023-01-12T09:00:00Z", "Kettering recovers from knee surgery",
     "Dov Kettering left Saint Olaf hospital after knee surgery and will return to the trail within a week, his "
     "doctor said."),
]


def test_group_two_nights_of_one_kind_weeks_apart_do_not_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    # The two nights' stories meet at 0.46 (from MERGE_COSINE) and would span four weeks;
    # the candidates are in four other stories, so neither night names the other's own name.
    articles = [_article(f"p{n}", title, text, day) for n, (day, title, text) in enumerate(PRIMARY_NIGHTS)]
    articles += [_article(f"c{n}", title, text, day) for n, (day, title, text) in enumerate(CANDIDATES_NEWS)]
    out = group_articles(articles)
    assert len({a.story for a in out}) == len(articles)
    # When MERGE_COSINE may stretch a story as far as it likes, the nights merge, and the
    # merged story then draws in the candidates' other news.
    monkeypatch.setattr(group_stories, "STRETCH_MERGE_COSINE", group_stories.MERGE_COSINE)
    out = group_articles(articles)
    assert out[0].story == out[1].story


#: The candidates' news of the year before, naming them and the places the nights were won
#: in, so that none of these names is one night's own.
YEAR_BEFORE_NEWS = [
    ("2022-07-04T09:00:00Z", "Marrow and Kettering tour the four provinces",
     "Ilse Marrow and Dov Kettering toured Tessel, Oster, Brenn and Halden to meet farmers hit by the drought."),
    ("2022-09-12T09:00:00Z", "Kettering and Marrow open flood defences",
     "Dov Kettering and Ilse Marrow opened new flood defences on the rivers of Tessel, Oster, Brenn and Halden."),
    ("2022-10-03T09:00:00Z", "Marrow and Kettering agree on rail link",
     "Ilse Marrow and Dov Kettering agreed to build a rail link between Tessel, Oster, Brenn and Halden by 2030."),
    ("2022-11-21T09:00:00Z", "Kettering and Marrow honour miners",
     "Dov Kettering and Ilse Marrow laid wreaths for the miners of Tessel, Oster, Brenn and Halden."),
]


def test_group_two_nights_of_one_kind_two_weeks_apart_stay_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two weeks apart, within SPAN_DAYS: the nights meet at MERGE_COSINE, and the
    # candidates and places they name are in other stories (of the year before, too far to
    # join), so neither night has a name of its own and the two are held to TOPIC_SPAN_DAYS.
    (_, title_1, text_1), (_, title_2, text_2) = PRIMARY_NIGHTS
    articles = [_article("p0", title_1, text_1, "2023-03-07T23:00:00Z"),
                _article("p1", title_2, text_2, "2023-03-21T23:00:00Z")]
    # The candidates' other news a year earlier, as YEAR_BEFORE_NEWS.
    articles += [_article(f"c{n}", title, text, day.replace("2023", "2022"))
                 for n, (day, title, text) in enumerate(CANDIDATES_NEWS + YEAR_BEFORE_NEWS)]
    out = group_articles(articles)
    assert out[0].story != out[1].story
    # Held only to SPAN_DAYS, as a story with a name of its own is, the nights merge.
    monkeypatch.setattr(group_stories, "TOPIC_SPAN_DAYS", group_stories.SPAN_DAYS)
    out = group_articles(articles)
    assert out[0].story == out[1].story


def test_group_a_story_with_a_name_of_its_own_still_spans_two_weeks(monkeypatch: pytest.MonkeyPatch) -> None:
    # The same two nights with no other news of the candidates: their names are the
    # story's own, and two weeks is within SPAN_DAYS.
    (_, title_1, text_1), (_, title_2, text_2) = PRIMARY_NIGHTS
    articles = [_article("p0", title_1, text_1, "2023-03-07T23:00:00Z"),
                _article("p1", title_2, text_2, "2023-03-21T23:00:00Z")]
    out = group_articles(articles)
    assert out[0].story == out[1].story
    # When every name counts as a figure of many stories, the nights are held to
    # TOPIC_SPAN_DAYS.
    monkeypatch.setattr(group_stories, "TOPIC_SHARE", 2.0)
    out = group_articles(articles)
    assert out[0].story != out[1].story


def test_group_a_merge_beyond_the_span_counts_the_own_name_over_both_stories() -> None:
    # Two parts of one plant's story: two reports and one, out of six documents naming the
    # plant. Neither part holds half of them; together they do, so the name is their own.
    index = group_stories.StoryIndex()
    index.df = {"@dunmore": 6, "@harlow": 40}
    fire = group_stories.StoryProfile("fire", 0, size=2, total={"@dunmore": 1.2, "@harlow": 0.5, "blaze": 1.0},
                                      names={"@dunmore": 2, "@harlow": 2})
    inquiry = group_stories.StoryProfile("inquiry", 1, size=1, total={"@dunmore": 0.7, "@harlow": 0.6, "report": 0.9},
                                         names={"@dunmore": 1, "@harlow": 1})
    assert index._share_own_name(fire, inquiry)
    index.df["@dunmore"] = 7  # one more document elsewhere names the plant: a name of many
    assert not index._share_own_name(fire, inquiry)
    inquiry.names.pop("@dunmore")  # the other story must name it too
    index.df["@dunmore"] = 6
    assert not index._share_own_name(fire, inquiry)


def test_group_a_merge_widens_a_span_only_when_it_adds_other_days() -> None:
    def story(first: int, last: int) -> group_stories.StoryProfile:
        return group_stories.StoryProfile(f"s{first}", first, size=1, first_day=first, last_day=last)

    month = story(1000, 1030)
    assert not group_stories._widens(month, story(1010, 1010))  # a day the month already covers
    assert group_stories._widens(month, story(1040, 1040))
    assert not group_stories._widens(month, group_stories.StoryProfile("undated", 9))


QUAKE_1C = (
    "Qeshm Island villagers sleep in tents",
    "Villagers in Tolla and Kusheh on Qeshm Island slept in tents for a second night after Sunday's magnitude 5.9 "
    "earthquake killed five people, Governor Mohammad Reza Fakhar of Hormozgan province said. Aftershocks shook the "
    "Persian Gulf island, and boats from Bandar Abbas brought water.",
)


def test_group_profiles_stored_before_days_were_counted_still_load(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # Profiles stored before a story counted its articles' days kept only its first and
    # last day. They load with that span held (it can no longer shrink inside it), and
    # grouping goes on: a third report joins the story, and its day is counted.
    monkeypatch.setattr(group_stories, "REVISIT_WINDOW", 2)  # each run's two articles close the window
    db = tmp_path / "s.db"
    with open_store(str(db)) as store:
        day1 = group_articles([_article("a", *QUAKE_1, published="2024-03-03T08:00:00Z"),
                               _article("b", *QUAKE_1B, published="2024-03-04T08:00:00Z")], store)
    story = day1[0].story
    assert day1[1].story == story
    with sqlite3.connect(db) as conn:  # the form written before: no "days", no "held"
        for sid, blob in conn.execute("SELECT id, profile FROM group_stories").fetchall():
            data = json.loads(zlib.decompress(blob))
            del data["days"]
            old_form = zlib.compress(json.dumps(data).encode())
            conn.execute("UPDATE group_stories SET profile = ? WHERE id = ?", (old_form, sid))
    march = dt.date(2024, 3, 1).toordinal()
    with open_store(str(db)) as store:
        profile = Grouper(store).stories.stories[story]
        assert (profile.held, profile.days, profile.size) == ((march + 2, march + 3), {}, 2)
        day2 = group_articles([_article("c", *QUAKE_1C, published="2024-03-05T08:00:00Z"),
                               _article("d", *QUAKE_2, published="2024-03-05T09:00:00Z")], store)
    assert day2[0].story == story != day2[1].story
    with open_store(str(db)) as store:
        profile = Grouper(store).stories.stories[story]
    assert (profile.held, profile.days, profile.first_day, profile.last_day) == (
        (march + 2, march + 3), {march + 4: 1}, march + 2, march + 4)
    # A story whose articles were all in the open window was stored empty with their span;
    # they are placed again on load, and their days alone make the span.
    emptied = {"v": 1, "seq": 0, "size": 0, "first": march, "last": march + 9, "dated": 0, "short": 0, "total": {},
               "names": {}}
    profile = group_stories.StoryProfile.from_bytes("s-x", zlib.compress(json.dumps(emptied).encode()))
    assert (profile.held, profile.first_day, profile.last_day) == (None, None, None)

