"""Entities: capitals standing for governments, and cross-document mention linking."""

from __future__ import annotations

import pytest

from storyweave.extract.entities import MentionRef, canonical_entities, link_mentions, normalise_name


def _by_name(index):
    return {e.name: e for e in index.entities}


@pytest.mark.slow
def test_extract_entities_capital_stands_for_country_the_story_never_names():
    from test_extract_quotes import _annotation

    ann = _annotation("Moscow said on Tuesday it would respond. Washington warned that new sanctions would follow.")
    entities = _by_name(canonical_entities([ann]))
    assert entities["Moscow"].type == "GPE" and entities["Washington"].type == "GPE"
    ids = {e.id: e.name for e in entities.values()}
    assert ids[entities["Moscow"].stands_for] == "Russia"
    assert ids[entities["Washington"].stands_for] == "United States"
    # The added country is an entity of the articles that name its capital.
    assert entities["Russia"].articles == ("a1",) and entities["Russia"].stands_for is None


@pytest.mark.slow
def test_extract_entities_possessive_capital_links_to_the_named_country():
    from test_extract_quotes import _annotation

    ann = _annotation("Pyongyang's missile launch angered Tokyo. North Korea said the test was routine.")
    entities = _by_name(canonical_entities([ann]))
    assert entities["Pyongyang"].stands_for == entities["North Korea"].id
    assert entities["Tokyo"].stands_for == next(e.id for e in entities.values() if e.name == "Japan")


def test_extract_entities_generational_suffix_is_not_the_surname():
    assert normalise_name("Arcade Joseph Comeaux Jr.") == "arcade joseph comeaux"
    labels = link_mentions([MentionRef("d1", 0, 0, "Arcade Joseph Comeaux Jr", "person"),
                            MentionRef("d2", 0, 0, "Comeaux", "person")])
    assert labels[0] == labels[1]


def test_extract_entities_link_mentions_heads_ignore_prepositional_tails():
    mentions = [
        MentionRef("d1", 0, 0, "at the Kraft Foods plant in Northeast Philadelphia", "place"),
        MentionRef("d2", 0, 0, "the plant", "place"),
        MentionRef("d2", 1, 0, "Philadelphia", "place"),
    ]
    labels = link_mentions(mentions)
    assert labels[0] == labels[1] and labels[2] != labels[0]


def test_extract_entities_link_mentions_acronym_and_weekday_times():
    mentions = [
        MentionRef("d1", 0, 0, "Internet Explorer", "thing"),
        MentionRef("d2", 0, 0, "IE", "thing"),
        MentionRef("d1", 0, 4, "on Saturday", "time"),
        MentionRef("d2", 1, 0, "late Saturday night", "time"),
        MentionRef("d2", 1, 5, "on Sunday", "time"),
    ]
    labels = link_mentions(mentions)
    assert labels[0] == labels[1]
    assert labels[2] == labels[3] != labels[4]


def test_extract_entities_common_nouns_stay_inside_their_sub_story():
    mentions = [
        MentionRef("d1", 0, 0, "police", "person"),
        MentionRef("d2", 0, 0, "the police", "person"),
        MentionRef("d3", 0, 0, "police", "person"),
        MentionRef("d1", 1, 0, "Tara Reid", "person"),
        MentionRef("d3", 1, 0, "Tara Reid", "person"),
    ]
    labels = link_mentions(mentions, nominal_scope={"d1": 0, "d2": 0, "d3": 1})
    assert labels[0] == labels[1] != labels[2]
    assert labels[3] == labels[4]


def test_extract_entities_pronoun_prefers_the_named_person():
    mentions = [
        MentionRef("d1", 0, 0, "Brian Nichols", "person"),
        MentionRef("d1", 0, 3, "officials", "person"),
        MentionRef("d1", 1, 0, "he", "person"),
    ]
    labels = link_mentions(mentions)
    assert labels[2] == labels[0] != labels[1]
