"""The whole pipeline on real text: the five seed articles and the invented sample corpus.

Each test states a finding a careful reader of the articles would make (or would call
false if storyweave made it).
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow


def _story(analysis: dict) -> dict:
    assert len(analysis["stories"]) == 1
    return analysis["stories"][0]


def _source(analysis: dict, article_id: str) -> str:
    return next(a["source"] for a in analysis["articles"] if a["id"] == article_id)


def _article_id(analysis: dict, prefix: str) -> str:
    return next(a["id"] for a in analysis["articles"] if a["source"].startswith(prefix))


def _entity(story: dict, entity_id: str | None) -> dict:
    return next(e for e in story["entities"] if e["id"] == entity_id)


def _quote(story: dict, words: str, article: str | None = None) -> dict:
    found = [q for q in story["quotes"] if words in q["text"] and (article is None or q["article"] == article)]
    assert found, f"no quote containing {words!r}"
    return found[0]


def test_analyze_seeds_form_one_story_of_five(seed_analysis):
    story = _story(seed_analysis)
    assert len(story["articles"]) == 5
    assert story["event_date"] == "2024-06-19"


def test_analyze_each_leader_is_one_entity_whatever_the_spelling(seed_analysis):
    story = _story(seed_analysis)
    putin = [e for e in story["entities"] if "Putin" in e["name"] or any("Putin" in a for a in e["aliases"])]
    kim = [e for e in story["entities"] if e["name"].startswith("Kim") or any(a.startswith("Kim") for a in e["aliases"])]
    assert len(putin) == 1 and len(kim) == 1
    assert "Vladimar Putin" in putin[0]["aliases"]  # the misspelling joins
    assert {"Kim", "Kim Jong-un"} <= set(kim[0]["aliases"]) | {kim[0]["name"]}
    assert len(putin[0]["articles"]) == 5 and len(kim[0]["articles"]) == 5


def test_analyze_quotes_credited_to_the_right_leader(seed_analysis):
    story = _story(seed_analysis)
    name = lambda q: _entity(story, q["speaker"])["name"]  # noqa: E731
    assert "Kim" in name(_quote(story, "unconditionally and unreservedly support"))
    assert "Putin" in name(_quote(story, "The partnership agreement signed today"))
    assert "Putin" in name(_quote(story, "signed yesterday"))
    assert "Kim" in name(_quote(story, "new high level of engagement"))
    assert "Kim" in name(_quote(story, "level of an alliance"))
    # "he said" after the speaker's own quote resolves to him, not to the last name mentioned
    for q in story["quotes"]:
        if "full support and solidarity" in q["text"]:
            assert q["speaker_text"].lower() == "he" and "Kim" in name(q)


def test_analyze_relay_channels(seed_analysis):
    story = _story(seed_analysis)
    ria = _quote(story, "appreciate")
    assert "Putin" in _entity(story, ria["speaker"])["name"] and "RIA" in ria["channel"]
    tass = _quote(story, "will not refuse to develop military-technical cooperation")
    assert "Putin" in _entity(story, tass["speaker"])["name"] and tass["channel"] == "TASS"


def test_analyze_reworded_quotes_are_grouped_with_their_differences(seed_analysis):
    story = _story(seed_analysis)
    engagement = _quote(story, "new high level of engagement")
    alliance = _quote(story, "level of an alliance")
    assert engagement["group"] == alliance["group"]
    group = next(g for g in story["quote_groups"] if g["id"] == engagement["group"])
    changed = " ".join(w for d in group["differences"] for w in d["removed"] + d["added"])
    assert "engagement" in changed and "alliance" in changed
    wording = [d for d in story["discrepancies"] if d["kind"] == "wording"]
    assert any("engagement" in d["explanation"] and "alliance" in d["explanation"] for d in wording)


def test_analyze_facts_several_outlets_report_are_corroborated(seed_analysis):
    story = _story(seed_analysis)
    expand = [f for f in story["facts"] if re.search(r"expand cooperation|enhance cooperation", f["text"])]
    assert expand and expand[0]["status"] == "corroborated" and len(expand[0]["sources"]) >= 3
    denied = [f for f in story["facts"] if "denied" in f["text"] and "weapons transfer" in f["text"]]
    assert denied and denied[0]["status"] == "corroborated"


def test_analyze_claims_in_one_article_only_are_single_source(seed_analysis):
    story = _story(seed_analysis)
    claims = {c["id"]: c for c in story["claims"]}
    facts = {f["id"]: f for f in story["facts"]}
    f16 = next(c for c in story["claims"] if "F-16" in c["text"])
    fact = facts[f16["fact"]]
    assert fact["status"] == "single-source" and fact["sources"] == [f16["article"]]
    for f in story["facts"]:
        if len(f["sources"]) == 1:
            assert f["status"] == "single-source", f
        assert all(claims[c]["fact"] == f["id"] for c in f["claims"])


def test_analyze_facts_name_who_their_opening_pronoun_stands_for(seed_analysis):
    # A fact is read away from its article: "It has accused Pyongyang …" must say who.
    story = _story(seed_analysis)
    accused = next(f for f in story["facts"] if "accused Pyongyang" in f["text"])
    assert accused["status"] == "corroborated"
    assert accused["text"].startswith("[The United States] has accused")
    assert not [f["text"] for f in story["facts"] if re.match(r"(It|He|She) ", f["text"])
                and f["status"] != "single-source"]


def test_analyze_today_versus_yesterday_is_a_date_discrepancy(seed_analysis):
    story = _story(seed_analysis)
    dates = [d for d in story["discrepancies"] if d["kind"] == "date"]
    assert len(dates) == 1
    texts = " ".join(i["text"] for i in dates[0]["items"])
    assert "signed today" in texts and "signed yesterday" in texts


def test_analyze_hedged_nuclear_help_stated_as_fact_is_a_certainty_discrepancy(seed_analysis):
    story = _story(seed_analysis)
    certainty = [d for d in story["discrepancies"] if d["kind"] == "certainty"]
    assert len(certainty) == 1
    items = certainty[0]["items"]
    assert "nuclear" in items[0]["text"] and "fear" not in items[0]["text"]
    assert any("fear" in i["text"] for i in items[1:])


def test_analyze_words_credited_to_a_leader_and_to_an_agency_are_attribution_drift(seed_analysis):
    story = _story(seed_analysis)
    attribution = [d for d in story["discrepancies"] if d["kind"] == "attribution"]
    assert len(attribution) == 1
    assert "KCNA" in attribution[0]["explanation"] and "Kim" in attribution[0]["explanation"]


def test_analyze_reports_no_contradiction_or_number_clash_on_the_seeds(seed_analysis):
    # "24 years" and "since July 2000" agree; "has not yet reacted" and "has been muted" agree.
    story = _story(seed_analysis)
    assert not [d for d in story["discrepancies"] if d["kind"] in ("contradiction", "number")]


def test_analyze_strongest_copy_link_joins_the_wire_copies(seed_analysis):
    story = _story(seed_analysis)
    strongest = story["provenance"][0]
    pair = {_source(seed_analysis, strongest["source"])[:3], _source(seed_analysis, strongest["derived"])[:3]}
    assert pair == {"000", "003"}
    assert all(strongest["score"] >= p["score"] for p in story["provenance"])


def test_analyze_clickbait_headlines_framed_as_more_sensational(seed_analysis):
    story = _story(seed_analysis)
    score = {_source(seed_analysis, f["article"])[:3]: f["sensationalism"] for f in story["framing"]}
    assert min(score["000"], score["001"]) > max(score["002"], score["003"])


def test_analyze_brief_cites_every_sentence(seed_analysis):
    story = _story(seed_analysis)
    sentences = story["brief"]["sentences"]
    assert 3 <= len(sentences) <= 15
    articles = set(story["articles"])
    for s in sentences:
        assert s["citations"] and set(s["citations"]) <= articles


def test_analyze_spans_point_into_the_cleaned_text(seed_analysis):
    story = _story(seed_analysis)
    text = {a["id"]: a["text"] for a in seed_analysis["articles"]}
    for q in story["quotes"]:
        assert text[q["article"]][q["span"][0] : q["span"][1]] == q["text"]
    for c in story["claims"]:
        assert text[c["article"]][c["span"][0] : c["span"][1]] == c["text"]
    for d in story["discrepancies"]:
        for item in d["items"]:
            assert text[item["article"]][item["span"][0] : item["span"][1]] == item["text"]


def test_analyze_is_deterministic(seed_analysis, seeds_dir):
    from storyweave.pipeline import analyze
    from storyweave.store import open_store

    with open_store(":memory:") as store:
        again, _ = analyze([str(seeds_dir)], store=store)
    assert again == seed_analysis


# The same findings on articles written for the demo, about an invented event.


def test_analyze_examples_find_the_number_clash(example_analysis):
    story = _story(example_analysis)
    numbers = [d for d in story["discrepancies"] if d["kind"] == "number"]
    assert len(numbers) == 1 and "12 km" in numbers[0]["explanation"] and "15 km" in numbers[0]["explanation"]
    contested = [f for f in story["facts"] if f["status"] == "contested"]
    assert any("12 km" in f["text"] for f in contested)


def test_analyze_examples_find_date_wording_and_certainty_differences(example_analysis):
    story = _story(example_analysis)
    kinds = {d["kind"] for d in story["discrepancies"]}
    assert {"date", "wording", "certainty", "number"} <= kinds
    wording = " ".join(d["explanation"] for d in story["discrepancies"] if d["kind"] == "wording")
    assert "partnership" in wording and "cooperation" in wording


def test_analyze_examples_agency_relay_and_speakers(example_analysis):
    story = _story(example_analysis)
    relayed = [q for q in story["quotes"] if q["channel"] and "Coastal News Agency" in q["channel"]]
    assert relayed and all("Brennick" in _entity(story, q["speaker"])["name"] for q in relayed)
    people = [e["name"] for e in story["entities"] if e["type"] == "PERSON"]
    assert sum("Varga" in p for p in people) == 1  # "Varga", "Mayor Ilse Varga", "Ilse Varga": one person
    assert not [d for d in story["discrepancies"] if d["kind"] == "attribution"]


def test_analyze_examples_common_nouns_are_unnamed_sources_not_speakers(example_analysis):
    from storyweave.render import markdown

    story = _story(example_analysis)
    # "according to figures released by both city halls", "engineers from both city halls said",
    # "officials said": the outlets name no one, so no entity is made of them
    assert not {"figures", "engineers", "officials"} & {e["name"].lower() for e in story["entities"]}
    unnamed = {q["speaker_text"] for q in story["quotes"] if q["speaker"] is None}
    assert {"figures released by both city halls", "engineers from both city halls", "officials"} <= unnamed
    said = markdown.render(example_analysis).split("## Who said what")[1].split("## Where sources differ")[0]
    headings = re.findall(r"^### (.+)$", said, re.M)
    assert {"Ilse Varga", "Tomas Brennick"} <= set(headings) and headings[-1] == "Unnamed sources"
    assert not [h for h in headings if h[0].islower()]
    assert "saltmere-evening-post [3], citing “engineers from both city halls”" in said
    # "officials said" is not the mayor quoted two sentences earlier
    assert _quote(story, "Ministry of Coastal Affairs may cover")["speaker"] is None


def test_analyze_seed_speakers_and_channels_survive_unnamed_sources(seed_analysis):
    from storyweave.render import markdown

    story = _story(seed_analysis)
    said = markdown.render(seed_analysis).split("## Who said what")[1].split("## Where sources differ")[0]
    headings = re.findall(r"^### (.+)$", said, re.M)
    assert headings[:2] == ["Kim Jong Un", "Vladimir Putin"] and "KCNA" in headings
    assert "via Russian state news agency RIA" in said and "via TASS" in said
    # "the two leaders feel they need each other" is the writer's reading of both, not Kim's
    # alone; "agreed to support each other" is a joint act of the two
    names = {e["id"]: e["name"] for e in story["entities"]}
    for words in ("they need each other", "to support each other"):
        assert sorted(names[e] for e in _quote(story, words)["speakers"]) == ["Kim Jong Un", "Vladimir Putin"]
    assert "### Vladimir Putin and Kim Jong Un" in said


def test_analyze_a_shorter_extract_of_a_quote_is_not_rewording(seed_analysis, example_analysis):
    # "all of Russia's policies" quoted alone is part of the longer quote, not a new wording.
    for analysis in (seed_analysis, example_analysis):
        for d in _story(analysis)["discrepancies"]:
            if d["kind"] == "wording":
                # Two outlets with the same wording are both listed; only their end punctuation may differ.
                texts = [i["text"].strip(" .,;:") for i in d["items"]]
                assert not any(a != b and a in b for a in texts for b in texts), d


def test_analyze_a_relayed_quote_is_one_quote_with_its_channel(seed_analysis):
    # "Putin said Moscow was fighting …, Russian media reported": Putin's words, via Russian media.
    story = _story(seed_analysis)
    hegemonic = [q for q in story["quotes"] if "hegemonic" in q["text"]]
    assert len(hegemonic) == 2 and len({q["article"] for q in hegemonic}) == 2
    for q in hegemonic:
        assert "Putin" in _entity(story, q["speaker"])["name"] and "Russian media" in q["channel"]
        assert not q["text"].startswith("Putin")


def _analyse_files(folder, files: dict[str, str]) -> dict:
    """The analysis of text files written to ``folder`` (name → text), with no failure."""
    from storyweave.pipeline import analyze
    from storyweave.store import open_store

    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    with open_store(":memory:") as store:
        analysis, failures = analyze([str(folder)], store=store)
    assert not failures
    return analysis


def test_analyze_dates_yesterday_from_the_dateline_of_a_pasted_article(tmp_path):
    analysis = _analyse_files(tmp_path, {"ferry.txt": (
        "Saturday, August 24, 2013\nFerry Sails Again After Storm\n\n"
        "The ferry to Orsk sailed again yesterday (August 23) after a three-day halt, harbour master Lina Varis said.\n")})
    article = analysis["articles"][0]
    assert article["title"] == "Ferry Sails Again After Storm" and article["published"] == "2013-08-24"
    story = analysis["stories"][0]
    assert ("yesterday", "2013-08-23") in [(d["text"], d["value"]) for d in story["dates"]]
    assert story["event_date"] == "2013-08-23"
    # The sentence names its day twice; the timeline tells it once.
    assert [t["date"] for t in story["timeline"]] == ["2013-08-23"]


def test_analyze_an_undated_report_reads_its_weekdays_near_the_dated_ones(tmp_path):
    from storyweave.pipeline import analyze

    body = "Former harbour master Lina Varis died Saturday at her home in Orsk, the coroner said."
    (tmp_path / "a.txt").write_text(f"Wednesday, August 28, 2013\nLina Varis Dies at 81\n\n{body}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Orsk Mourns Lina Varis\n\n{body} She was 81.\n", encoding="utf-8")
    analysis, failures = analyze([str(tmp_path)])
    assert not failures
    [story] = analysis["stories"]
    # The undated report says what the dated one says: the Saturday before, not the one after.
    assert {d["value"] for d in story["dates"] if d["text"] == "Saturday"} == {"2013-08-24"}


def test_analyze_an_undated_report_is_read_on_the_day_it_says_it_was_written(tmp_path):
    analysis = _analyse_files(tmp_path, {"ferry.txt": (
        "Orsk Ferry Sails Again\n\nThe ferry to Orsk sailed again today (August 23, 2013), harbour master Lina "
        "Varis said. It had stopped on Tuesday after the storm damaged its ramp.\n")})
    [story] = analysis["stories"]
    assert {d["value"] for d in story["dates"] if d["text"] == "Tuesday"} == {"2013-08-20"}


@pytest.mark.parametrize("sentence, left_out", [
    # a date the sentence counts from
    ("Premier Lina Varis arrived in Orsk yesterday (August 23) on her first visit since March 2004.", "2004-03"),
    # the date of a dateline: the day the report was filed
    ("ORSK, Aug. 24 (UPI) — Premier Lina Varis arrived in Orsk on Friday for a two-day visit.", "2013-08-24"),
    # the time of a thing the sentence compares with, not of the arrival
    ("Premier Lina Varis arrived in Orsk yesterday (August 23), warning of floods like those seen in March 2010.",
     "2010-03"),
    ("Unlike in March 2010, Premier Lina Varis arrived in Orsk yesterday (August 23) on time.", "2010-03"),
    # the week of a day the sentence names ("last week Friday (…)"): the day is told
    ("Premier Lina Varis arrived in Orsk last week Friday (August 23, 2013).", "2013-W34"),
])
def test_analyze_timeline_leaves_out_dates_that_tell_no_event(tmp_path, sentence: str, left_out: str):
    analysis = _analyse_files(tmp_path, {"visit.txt": f"Saturday, August 24, 2013\nVaris Visits Orsk\n\n{sentence}\n"})
    story = analysis["stories"][0]
    assert left_out in [d["value"] for d in story["dates"]]  # the date is still read
    assert [t["date"] for t in story["timeline"]] == ["2013-08-23"]


def test_analyze_timeline_leaves_out_a_day_counted_from_a_speakers_today(tmp_path):
    # "today" and "last night" in the mayor's words count from the day she spoke, which the
    # report does not give; the same words outside quotation marks are the writer's and
    # count from the publication date.
    for quote in ("“The fire that broke out today is the work of criminals,” she said.",
                  "“The fire broke out last night,” she said."):
        body = f"Mayor Ida Marsh spoke to reporters. {quote} The council met last night to discuss the fire."
        folder = tmp_path / str(len(quote))
        folder.mkdir()
        analysis = _analyse_files(folder, {"fire.txt": f"Saturday, August 24, 2013\nFire Hits Orsk\n\n{body}\n"})
        timeline = analysis["stories"][0]["timeline"]
        assert [(t["date"], t["text"][:15]) for t in timeline] == [("2013-08-23TNI", "The council met")]


def test_analyze_timeline_places_a_span_at_its_start_once(tmp_path):
    sentence = "Premier Lina Varis toured the Orsk harbour between August 19 and August 22."
    analysis = _analyse_files(tmp_path, {"tour.txt": f"Saturday, August 24, 2013\nVaris Tours Orsk\n\n{sentence}\n"})
    story = analysis["stories"][0]
    assert "2013-08-22" in [d["value"] for d in story["dates"]]
    assert [t["date"] for t in story["timeline"]] == ["2013-08-19"]


def test_analyze_timeline_tells_one_event_told_alike_by_two_outlets_once_citing_both(tmp_path):
    body = ("The ferry to Orsk sailed again yesterday (August 23) after a three-day halt, harbour master Lina "
            "Varis said. Crews had repaired the ramp damaged in the storm.")
    analysis = _analyse_files(tmp_path, {
        "gazette.txt": f"Saturday, August 24, 2013\nFerry Sails Again After Storm\n\n{body}\n",
        "courier.txt": f"Saturday, August 24, 2013\nOrsk Ferry Back in Service\n\n{body} Tickets sold out within hours.\n"})
    [story] = analysis["stories"]
    [entry] = [t for t in story["timeline"] if t["date"] == "2013-08-23"]
    assert sorted(p["article"] for p in entry["passages"]) == sorted(story["articles"])
    assert entry["article"] == entry["passages"][0]["article"] and entry["span"] == entry["passages"][0]["span"]
    from storyweave.render import render

    timeline = render(analysis, "markdown").split("## Timeline")[1]
    assert [line.endswith("[1][2]") for line in timeline.splitlines() if "2013-08-23" in line] == [True]


def test_analyze_two_articles_of_one_outlet_corroborate_nothing(tmp_path):
    import json

    from storyweave.pipeline import analyze
    from storyweave.render import markdown
    from storyweave.store import open_store

    shared = "The Orsk harbour wall will be raised by two metres before the winter storms."
    rows = [
        {"id": "1", "url": "https://www.orsk-courier.example/news/wall", "title": "Orsk to raise its harbour wall",
         "text": f"{shared} Mayor Lina Varis said the work would start in May. The council approved the plan on Monday."},
        {"id": "2", "url": "https://orsk-courier.example/opinion/wall", "title": "Why the harbour wall matters",
         "text": f"Fishermen have waited years for this. {shared} Critics say the money should go to the ferry."},
    ]
    path = tmp_path / "wall.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with open_store(":memory:") as store:
        analysis, failures = analyze([str(path)], store=store)
    assert not failures
    (story,) = analysis["stories"]
    fact = next(f for f in story["facts"] if "two metres" in f["text"])
    assert len(fact["sources"]) == 2 and fact["status"] == "single-source" and fact["independent_sources"] == 1
    assert "2 are from orsk-courier.example" in markdown.render(analysis)


def test_analyze_a_shared_framing_is_no_corroboration_of_what_was_said(tmp_path):
    import json

    from storyweave.pipeline import analyze

    rows = [
        {"id": "1", "url": "https://orsk-courier.example/news/visit", "title": "Varis visits Wexmoor",
         "text": "Mayor Lina Varis said during her first visit to Wexmoor since 2019 that the two towns could "
                 "build a joint ferry service, tying it to the new harbour wall. The council approved the budget on Monday."},
        {"id": "2", "url": "https://wexmoor-post.example/varis", "title": "A warm welcome for Varis",
         "text": "Mayor Lina Varis's first visit to Wexmoor since 2019 was a chance for Orsk and Wexmoor to show off "
                 "their friendship. Varis said the towns could build a joint ferry service together."},
    ]
    path = tmp_path / "visit.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    analysis, failures = analyze([str(path)])
    assert not failures
    (story,) = analysis["stories"]
    claims = {c["id"]: c["text"] for c in story["claims"]}
    said = next(f for f in story["facts"] if any("during her first visit" in claims[c] for c in f["claims"]))
    assert said["status"] == "corroborated"
    assert "Varis said the towns could build a joint ferry service together." in [claims[c] for c in said["claims"]]
    friendship = next(f for f in story["facts"] if any("friendship" in claims[c] for c in f["claims"]))
    assert friendship["status"] == "single-source" and len(friendship["claims"]) == 1


def test_analyze_dates_the_event_by_a_part_of_its_day(tmp_path):
    analysis = _analyse_files(tmp_path, {"debate.txt": (
        "Thursday, March 10, 2016\nMayors Clash In Harbour Debate\n\n"
        "The two mayors clashed over the harbour on Wednesday night in a debate at the town hall. "
        "A vote on the harbour plan is due on Tuesday.\n")})
    story = analysis["stories"][0]
    assert ("Wednesday night", "2016-03-09TNI") in [(d["text"], d["value"]) for d in story["dates"]]
    assert story["event_date"] == "2016-03-09"


def test_analyze_event_date_is_near_the_reports_not_a_date_of_background(tmp_path):
    analysis = _analyse_files(tmp_path, {
        name: (f"{day}\nMayor Keeps Harbour Pledge\n\n"
               "Since the storm of Sept. 11, 2001, the mayor has fought for the harbour. She opened the new pier on Monday.\n")
        for name, day in (("a.txt", "Tuesday, March 15, 2016"), ("b.txt", "Wednesday, March 16, 2016"))})
    story = analysis["stories"][0]
    assert "2001-09-11" in [d["value"] for d in story["dates"]]
    assert story["event_date"] == "2016-03-14"
    # With only a background date written, the event's day is not known.
    (tmp_path / "column").mkdir()
    analysis = _analyse_files(tmp_path / "column", {"c.txt": (
        "Tuesday, March 15, 2016\nThe Harbour We Lost\n\n"
        "On April 18, 1977, the old pier burned down, and the town has argued about it ever since.\n")})
    assert analysis["stories"][0]["event_date"] is None


def test_analyze_a_pronoun_no_one_is_named_for_heads_no_speaker(tmp_path):
    """"She added" after an unnamed spokeswoman names no one: the follow-on quote is an
    unnamed source's, not the words of a speaker called "She"."""
    analysis = _analyse_files(tmp_path, {"depot.txt": (
        "Fire Destroys Orsk Depot\n\n"
        "A fire destroyed a grain depot in Orsk on Friday night.\n"
        "A police spokeswoman said nearby roads were reopened by noon on Saturday.\n"
        "She added: \"The focus today has been to keep the public safe and return calm to the area.\n"
        "\"Orsk Police would like to thank the residents who helped the crews through the night.\"\n")})
    story = _story(analysis)
    names = {e["id"]: e["name"] for e in story["entities"]}
    thanks = _quote(story, "would like to thank the residents")
    assert names.get(thanks["speaker"]) not in {"She", "she"}
    assert "She" not in names.values()


def test_analysis_runs_blas_on_one_thread_and_gives_the_callers_setting_back():
    from threadpoolctl import threadpool_info, threadpool_limits

    from storyweave.pipeline import one_blas_thread

    def blas_threads() -> set[int]:
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    with threadpool_limits(limits=2, user_api="blas"):  # the caller's own choice
        with one_blas_thread():
            assert blas_threads() == {1}
        assert blas_threads() == {2}


def test_analyze_stories_annotated_a_few_at_a_time_read_as_in_one_batch(seeds_dir, examples_dir, seed_analysis,
                                                                       example_analysis, monkeypatch):
    # A run holds the parses of a few stories at a time; each story still reads as when
    # all its articles were parsed together with every other story's.
    from storyweave import pipeline
    from storyweave.store import open_store

    monkeypatch.setattr(pipeline, "ANNOTATE_BATCH", 1)
    with open_store(":memory:") as store:
        both, failures = pipeline.analyze([str(seeds_dir), str(examples_dir)], store=store)
    assert not failures
    assert both["stories"] == [_story(seed_analysis), _story(example_analysis)]


def test_analyze_in_two_worker_processes_reads_as_in_one(seeds_dir, examples_dir, seed_analysis, example_analysis,
                                                         monkeypatch, tmp_path):
    # An archive is analysed on every core: the stories come back in order and read as
    # one process makes them, and the workers fill the store's parse cache.
    from storyweave import pipeline
    from storyweave.annotate import PARSE_CACHE, text_hash
    from storyweave.store import open_store

    monkeypatch.setattr(pipeline, "ANNOTATE_BATCH", 1)
    here: list[str] = []
    real = pipeline.analyze_story
    monkeypatch.setattr(pipeline, "analyze_story", lambda story, notes: here.append(story.id) or real(story, notes))
    with open_store(str(tmp_path / "w.db")) as store:
        both, failures = pipeline.analyze([str(seeds_dir), str(examples_dir)], store=store, workers=2)
        assert not failures and here == []  # every story was analysed in a worker
        assert both["stories"] == [_story(seed_analysis), _story(example_analysis)]
        assert all(store.get_blob(PARSE_CACHE, text_hash(a["text"])) for a in both["articles"])


def test_analyze_an_interrupted_run_keeps_the_stories_it_finished(seeds_dir, examples_dir, seed_analysis,
                                                                  example_analysis, monkeypatch):
    # Stories are analysed and saved as they are read: a run stopped after the first
    # story leaves it saved, and the next run of the same files analyses only the other.
    from storyweave import pipeline
    from storyweave.store import open_store

    monkeypatch.setattr(pipeline, "ANNOTATE_BATCH", 1)
    analysed: list[str] = []
    real = pipeline.analyze_story
    monkeypatch.setattr(pipeline, "analyze_story", lambda story, notes: analysed.append(story.id) or real(story, notes))
    sources = [str(seeds_dir), str(examples_dir)]
    with open_store(":memory:") as store:
        stream, _ = pipeline.stream_sources(sources, store=store)
        stories = iter(stream["stories"])
        first = next(stories)
        stories.close()  # the reader stops here (Ctrl-C, a closed pipe)
        assert analysed == [first["id"]]
        again, _ = pipeline.analyze(sources, store=store)
    assert again["stories"] == [_story(seed_analysis), _story(example_analysis)]
    assert len(analysed) == 2 and analysed[1] != first["id"]


def test_annotate_parses_long_texts_a_few_at_a_time():
    # The parser's memory grows with the text of its batch: long articles that come
    # together (one story's live blogs) are parsed in smaller batches, in order.
    from storyweave.annotate import PARSE_BATCH, PARSE_BATCH_CHARS, _parse_batches

    texts = ["short"] * 20 + ["x" * (PARSE_BATCH_CHARS // 2)] * 3 + ["x" * (PARSE_BATCH_CHARS * 2)]
    batches = _parse_batches(range(len(texts)), texts)
    assert [i for b in batches for i in b] == list(range(len(texts)))
    assert all(len(b) <= PARSE_BATCH for b in batches)
    assert all(sum(len(texts[i]) for i in b) <= PARSE_BATCH_CHARS for b in batches if len(b) > 1)
    assert batches[-1] == [len(texts) - 1]  # a text longer than the budget is parsed alone



def test_analyze_examples_one_remark_worded_two_ways_is_one_corroborated_fact(example_analysis):
    # The mayor's promise in quotation marks: "strongest" in four articles (which share text),
    # "firmest" in one of its own, beside a description of where he stood.
    [story] = example_analysis["stories"]
    [fact] = [f for f in story["facts"] if "promise we can make" in f["text"]]
    assert fact["status"] == "corroborated" and len(fact["sources"]) == 5
    # the two wordings are still told apart
    assert any("firmest" in d["explanation"] for d in story["discrepancies"])


def test_analyze_an_undated_page_reads_its_relative_days_from_its_own_stamp(tmp_path):
    # The second report's stamp is later than the first's: each page's "Monday",
    # "yesterday" and "Tuesday" are told from its own day, not from the latest in the story.
    analysis = _analyse_files(tmp_path, {
        "a.txt": ("Harbour Master Quits\n\nPosted April 14, 2027 The harbour master of Orsk, Lina Varis, resigned "
                  "on Monday after the ferry ramp collapsed, the council said yesterday.\n"),
        "b.txt": ("Orsk Ferry Ramp Inquiry\n\nThe inquiry into the collapse of the Orsk ferry ramp opened on Tuesday, "
                  "the council said.\n\nThe ramp had been built in May 2026 by the Kessby yard.\n\nApril 22, 2027\n")})
    values = {d["text"]: d["value"] for s in analysis["stories"] for d in s["dates"]}
    assert (values["Monday"], values["yesterday"], values["Tuesday"]) == ("2027-04-12", "2027-04-13", "2027-04-20")
    # the stamp's day is no publication time
    assert [a["published"] for a in analysis["articles"]] == [None, None]
