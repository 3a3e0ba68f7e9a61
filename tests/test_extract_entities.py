"""Entities: capitals standing for governments, and cross-document mention linking."""

from __future__ import annotations

import pytest

from storyweave.extract.entities import canonical_entities, normalise_name
from storyweave.extract.mention_links import MentionRef, link_mentions


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


def test_extract_entities_link_mentions_misspelt_surname_joins_its_one_person():
    labels = link_mentions([MentionRef("d1", 0, 0, "Hugo Brennick", "person"),
                            MentionRef("d2", 0, 0, "Brenick", "person"),
                            MentionRef("d2", 1, 0, "Brannock", "person")])
    assert labels[0] == labels[1] != labels[2]  # two letters off is someone else


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


def _hand_annotation(article_id: str, text: str, mentions: list[tuple[str, str]]):
    """An annotation with hand-made NER mentions (no model): (surface, label) found in text."""
    import numpy as np

    from storyweave.model import Annotation, Article, Mention, Sentence

    found = []
    for surface, label in mentions:
        start = text.index(surface)
        found.append(Mention(surface, label, (start, start + len(surface)), 0))
    article = Article(id=article_id, source=article_id, location=article_id, title="", text=text)
    return Annotation(article, (Sentence(text, (0, len(text)), "h"),), tuple(found), np.zeros((1, 384), np.float32))


def test_extract_entities_kyiv_and_kiev_are_one_place_standing_for_ukraine():
    a1 = _hand_annotation("a1", "Kyiv rejected the offer on Monday.", [("Kyiv", "GPE")])
    a2 = _hand_annotation("a2", "Kiev said the offer came too late.", [("Kiev", "ORG")])
    places = [e for e in canonical_entities([a1, a2]).entities if "Kiev" in (e.name, *e.aliases)]
    assert len(places) == 1 and {places[0].name, *places[0].aliases} == {"Kyiv", "Kiev"}
    assert places[0].articles == ("a1", "a2") and places[0].type == "GPE"
    ukraine = next(e for e in canonical_entities([a1, a2]).entities if e.name == "Ukraine")
    assert places[0].stands_for == ukraine.id


@pytest.mark.parametrize("capital, country", [
    ("Ouagadougou", "Burkina Faso"), ("Bogotá", "Colombia"), ("Naypyidaw", "Myanmar"),
    ("Ulan Bator", "Mongolia"), ("Wellington", "New Zealand"), ("Chisinau", "Moldova"),
    ("Brussels", "European Union"),  # news writes it for the EU, not Belgium
])
def test_extract_entities_every_sovereign_capital_stands_for_its_country(capital, country):
    ann = _hand_annotation("a1", f"{capital} announced new measures.", [(capital, "ORG")])
    entities = {e.name: e for e in canonical_entities([ann]).entities}
    assert entities[capital].type == "GPE"
    assert entities[capital].stands_for == entities[country].id


def test_extract_entities_spelling_variants_of_a_capital_and_country_join():
    ann = _hand_annotation("a1", "Bogota and Bogotá; Czechia, the Czech Republic and Prague.",
                           [("Bogota", "GPE"), ("Bogotá", "GPE"), ("Czechia", "GPE"),
                            ("the Czech Republic", "GPE"), ("Prague", "GPE")])
    entities = canonical_entities([ann]).entities
    names = sorted(e.name for e in entities)
    assert names == ["Bogotá", "Colombia", "Prague", "the Czech Republic"]  # Colombia: added for its capital
    czech = next(e for e in entities if "Czechia" in (e.name, *e.aliases))
    assert next(e for e in entities if e.name == "Prague").stands_for == czech.id


def test_extract_entities_ambiguous_capital_links_only_when_the_country_is_named():
    alone = _hand_annotation("a1", "Victoria announced a lockdown in Melbourne.", [("Victoria", "GPE"), ("Melbourne", "GPE")])
    entities = {e.name: e for e in canonical_entities([alone]).entities}
    assert entities["Victoria"].stands_for is None and "Seychelles" not in entities
    named = _hand_annotation("a2", "Victoria said the Seychelles would reopen.", [("Victoria", "GPE"), ("Seychelles", "GPE")])
    entities = {e.name: e for e in canonical_entities([named]).entities}
    assert entities["Victoria"].stands_for == entities["Seychelles"].id


def _tagged(article_id: str, *mentions: tuple[str, str]):
    """An annotation whose NER mentions are given (text, label), as the tagger might read them."""
    from storyweave.model import Annotation, Article, Mention

    text = " ".join(m for m, _ in mentions)
    found, at = [], 0
    for m, label in mentions:
        found.append(Mention(m, label, (at, at + len(m)), 0))
        at += len(m) + 1
    return Annotation(Article(article_id, "s", "l", "t", text), (), tuple(found), None)


def test_extract_entities_a_middle_initial_left_out_is_the_same_person():
    index = canonical_entities([
        _tagged("a1", ("Robert J. Pickell", "PERSON"), ("Pickell", "ORG")),  # the tagger's lone-surname slip
        _tagged("a2", ("Robert Pickell", "PERSON"), ("George H. W. Bush", "PERSON")),
        _tagged("a3", ("George W. Bush", "PERSON")),
    ])
    people = _by_name(index)
    assert set(people) == {"Robert J. Pickell", "George H. W. Bush", "George W. Bush"}
    assert people["Robert J. Pickell"].articles == ("a1", "a2")


def test_extract_entities_a_surname_run_together_or_apart_is_the_same_person():
    index = canonical_entities([
        _tagged("a1", ("Judge Ivo DelVecchio", "PERSON"), ("Ana Le Roux", "PERSON")),
        _tagged("a2", ("Ivo Del Vecchio", "PERSON"), ("LeRoux", "PERSON")),
    ])
    people = _by_name(index)
    assert len(people) == 2, people
    assert all(p.articles == ("a1", "a2") for p in people.values())


def test_extract_entities_a_surname_the_tagger_took_for_a_place_is_the_person():
    index = canonical_entities([
        _tagged("a1", ("Sean Payton", "PERSON"), ("Payton", "GPE"), ("Dallas", "GPE")),
        _tagged("a2", ("Sean Payton", "PERSON"), ("Ida Dallas", "PERSON"), ("Paris", "GPE")),
    ])
    people = _by_name(index)
    assert people["Sean Payton"].articles == ("a1", "a2") and "Payton" in people["Sean Payton"].aliases
    # "Dallas" in an article that never names Ida Dallas is the city; a capital always a place.
    assert {"Dallas", "Paris"} <= {e.name for e in index.entities if e.type == "GPE"}
    # a surname misspelt and tagged as a place is the person; a place a letter off a surname stays a place
    index = canonical_entities([_tagged("a1", ("Gary Byrne", "PERSON"), ("Bryne", "GPE"), ("Tom Walls", "PERSON"),
                                        ("Wales", "GPE"))])
    assert _by_name(index)["Gary Byrne"].aliases == ("Bryne",)
    assert "Wales" in {e.name for e in index.entities if e.type == "GPE"}


def test_extract_entities_a_person_is_shown_by_a_full_name_written_more_than_once():
    index = canonical_entities([
        _tagged("a1", ("Marco Varga", "PERSON"), ("Varga", "PERSON"), ("Hugo Brennick", "PERSON"), ("Brennick", "PERSON")),
        _tagged("a2", ("Marco Varga", "PERSON"), ("Marco Varga Answers Question", "PERSON"), ("Brennick", "PERSON")),
    ])
    # A run the tagger read into a headline, seen once, is no name to show; a full name seen
    # once still beats the surname.
    assert {e.name for e in index.entities if e.type == "PERSON"} == {"Marco Varga", "Hugo Brennick"}


def test_extract_entities_a_short_organisation_name_joins_the_one_it_shortens():
    index = canonical_entities([
        _tagged("a1", ("the Indian Navy", "ORG"), ("the Russian Army", "ORG")),
        _tagged("a2", ("Navy", "ORG"), ("Army", "ORG"), ("the Ukrainian Army", "ORG")),
    ])
    names = {e.name: e for e in index.entities}
    assert names["the Indian Navy"].articles == ("a1", "a2") and "Navy" in names["the Indian Navy"].aliases
    assert "Army" in names  # two armies: the short name stays its own


def test_extract_entities_a_surname_misspelt_once_is_the_same_person():
    index = canonical_entities([
        _tagged("a1", ("Hugo Brennick", "PERSON"), ("Ada Quell", "PERSON")),
        _tagged("a2", ("Brenick", "PERSON"), ("Quel", "PERSON"), ("Tom Hanson", "PERSON"), ("Ann Hanssen", "PERSON"),
                ("Hansen", "PERSON")),
    ])
    people = _by_name(index)
    assert people["Hugo Brennick"].articles == ("a1", "a2") and "Brenick" in people["Hugo Brennick"].aliases
    assert "Quel" in people  # too short to tell a misspelling from another name
    assert "Hansen" in people  # a letter away from two people's surnames: either, so neither


def test_extract_entities_link_mentions_a_pronoun_skips_the_other_gender():
    mentions = [
        MentionRef("d1", 0, 0, "Maria Varga", "person"),
        MentionRef("d1", 1, 0, "Mr. Brennick", "person"),
        MentionRef("d1", 1, 5, "she", "person"),
        MentionRef("d1", 2, 0, "the actress", "person"),
        MentionRef("d1", 2, 4, "Ms. Lind", "person"),
        MentionRef("d1", 2, 8, "he", "person"),
    ]
    labels = link_mentions(mentions)
    # "she" passes over Mr. Brennick; "he" passes over Ms. Lind and the actress.
    assert labels[2] == labels[0] != labels[1]
    assert labels[5] == labels[1]


@pytest.mark.slow
def test_extract_entities_a_headline_verb_or_a_hashtag_is_no_part_of_a_name():
    from storyweave.annotate import entity_mentions
    from storyweave.nlp import load_nlp

    doc = load_nlp()("Brennick Tells Council He Will Not Resign\n\nTomas Brennick spoke on Monday. "
                     "“The pier is safe. #Pierfest,” he wrote.")
    people = [m.text for m in entity_mentions(doc, [0]) if m.label == "PERSON"]
    # The tagger reads "Brennick Tells" and "Pierfest" as people.
    assert people == ["Brennick", "Tomas Brennick"]
    doc = load_nlp()("Dempsey then rang Taylor to ask about his bedding.")
    # … and "rang Taylor" as one.
    assert "Taylor" in [m.text for m in entity_mentions(doc, [0]) if m.label == "PERSON"]
    # … or a small word after it ("… Manriquez of" before a place, as the tagger has read it)
    from spacy.tokens import Span

    doc = load_nlp()("Tomas Brennick of Portview carried one of the flags.")
    doc.ents = [Span(doc, 0, 3, label="PERSON")]
    assert [m.text for m in entity_mentions(doc, [0])] == ["Tomas Brennick"]
    doc = load_nlp()("Ri Song-un of Portview carried one of the flags.")
    doc.ents = [Span(doc, 0, 5, label="PERSON")]
    assert [m.text for m in entity_mentions(doc, [0])] == ["Ri Song-un"]  # a hyphenated part is the name's


@pytest.mark.slow
def test_extract_entities_a_role_word_before_a_name_and_a_word_in_capitals_are_no_names():
    from storyweave.annotate import _sentences, entity_mentions
    from storyweave.nlp import load_nlp

    def people(text: str) -> list[str]:
        doc = load_nlp()(text)
        return [m.text for m in entity_mentions(doc, [s.span[0] for s in _sentences(doc)]) if m.label == "PERSON"]

    # The tagger reads "Comedian" into the name the headline writes without it …
    assert people("Anna Varga mocks harbour workers. Comedian Anna Varga was booed by harbour workers on Monday.") \
        == ["Anna Varga", "Anna Varga"]
    # … and "NETWORK" as a person.
    assert people("I have spent seven years covering the senator for the USA TODAY NETWORK.") == []


def _parsed(article_id: str, text: str):
    from storyweave.annotate import _sentences, entity_mentions
    from storyweave.model import Annotation, Article
    from storyweave.nlp import load_nlp

    doc = load_nlp()(text)
    sentences = _sentences(doc)
    return Annotation(Article(id=article_id, source=article_id, location=article_id, title="", text=text),
                      tuple(sentences), tuple(entity_mentions(doc, [s.span[0] for s in sentences])), None, doc)


@pytest.mark.slow
def test_extract_entities_a_nickname_in_quotation_marks_stays_inside_the_name():
    ann = _parsed("a", "As reported by Western Journalism, former CIA operative and Marine John “Tig” Tiegen found both "
                       "issues to be disqualifying. Tiegen noted the error.")
    assert "Marine John “Tig” Tiegen" in [m.text for m in ann.mentions]
    index = canonical_entities([ann])
    tiegen = [e for e in index.entities if "Tiegen" in e.name]
    assert len(tiegen) == 1 and tiegen[0].type == "PERSON"


@pytest.mark.slow
def test_extract_entities_a_two_part_surname_the_tagger_cut_runs_on_when_the_article_writes_it_alone():
    ann = _parsed("a", "The harbour minister met with Orsk President Andrés Varga Nieto on Wednesday. "
                       "Later, Varga Nieto said that Orsk would not pay for the quay.")
    assert [m.text for m in ann.mentions if m.label == "PERSON" and "Varga" in m.text] == ["Andrés Varga Nieto", "Varga Nieto"]
    assert [e.name for e in canonical_entities([ann]).entities if "Varga" in e.name] == ["Andrés Varga Nieto"]


@pytest.mark.slow
def test_extract_entities_a_surname_two_people_share_is_the_one_each_article_names():
    a = _parsed("a", "Hillary Clinton spoke in Ohio. Clinton said the plan works. Mrs. Clinton left.")
    b = _parsed("b", "Bill Clinton addressed the convention. Clinton praised his wife.")
    c = _parsed("c", "Clinton won the vote, aides said.")
    # Named in full more often than her husband, she is the "Clinton" after his name too.
    d = _parsed("d", "Hillary Clinton won. Hillary Clinton thanked Bill Clinton. Clinton then left for Iowa.")
    # A first name alone ("her husband, Bill,") names no one in full.
    e = _parsed("e", "Hillary Clinton won in 2008, and that made her husband, Bill, proud. Clinton then left for Iowa.")
    index = canonical_entities([a, b, c, d, e])
    named = {(article, start): index.get(eid).name for (article, start, _), eid in index.by_mention.items()}
    assert named[("a", 31)] == named[("a", 65)] == "Hillary Clinton"
    assert named[("b", 39)] == "Bill Clinton"
    assert named[("c", 0)] == "Clinton"  # names neither: which Clinton is not known
    # With that report left out, every lone "Clinton" is one of the two: no third Clinton is listed.
    index = canonical_entities([a, b, d, e])
    assert sorted(e.name for e in index.entities if "Clinton" in e.name) == ["Bill Clinton", "Hillary Clinton"]
    assert index.lookup("Clinton") is None
    assert named[("d", 59)] == "Hillary Clinton"
    assert named[("e", e.article.text.index("Clinton then"))] == "Hillary Clinton"


@pytest.mark.slow
def test_extract_entities_an_honorific_picks_which_of_two_people_sharing_a_surname():
    # Another report shows which Varga is the woman ("… Ilse Varga arrived. She spoke …").
    a = _parsed("a", "Anna Varga arrived in Portview on Monday. She spoke at the harbour for an hour.")
    # Named in full more often, Tomas would otherwise be every lone "Varga" of this report.
    b = _parsed("b", "Tomas Varga built the pier. Tomas Varga runs the port. Anna Varga is his wife. "
                     "Mrs. Varga said Mr. Varga would run the harbour again.")
    # Which Lind is which, no report of this story says (first names given to women and men
    # alike): both keep the surname alone.
    c = _parsed("c", "Robin Lind met Sasha Lind. Robin Lind met Sasha Lind again. Sasha Lind left. "
                     "Mrs. Lind said Mr. Lind would stay.")
    index = canonical_entities([a, b, c])
    named = {(article, start): index.get(eid).name for (article, start, _), eid in index.by_mention.items()}
    text = b.article.text
    assert named[("b", text.index("Varga said"))] == "Anna Varga"
    assert named[("b", text.index("Varga would"))] == "Tomas Varga"
    text = c.article.text
    assert named[("c", text.index("Lind said"))] == named[("c", text.index("Lind would"))] == "Lind"


def test_extract_entities_a_plural_title_is_no_part_of_the_name():
    assert normalise_name("Presidents Obama") == "obama"


def test_extract_entities_an_apostrophe_inside_a_surname_keeps_it_one_word():
    assert normalise_name("Martin O’Malley") == "martin omalley" and normalise_name("O'Malley's") == "omalley"


@pytest.mark.slow
def test_extract_entities_case_names_platforms_small_letters_and_figures_are_no_people():
    from storyweave.annotate import entity_mentions
    from storyweave.nlp import load_nlp

    def tagged(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in entity_mentions(load_nlp()(text), [0]) if m.label in ("PERSON", "ORG")]

    # The tagger reads a case name, words in small letters and a platform as people …
    assert tagged("In the book Halvorsen v. Halvorsen, the couple fought over the casino.") == []
    assert tagged("Candidates are now tied in a general election matchup, the new poll indicates.") == []
    assert tagged("She doesn't run to Twitter to insult her rivals.") == [("Twitter", "ORG")]
    # … and a plural for a group of people as one person.
    doc = load_nlp()("She read the private mail of various Georgians, including a former minister.")
    assert [(m.text, m.label) for m in entity_mentions(doc, [0])] == [("Georgians", "NORP")]
    # … and runs a name on over a dash into a figure.
    doc = load_nlp()("Mrs. Vale is seen as more capable than Mr. Orrin - 60 percent of voters said so.")
    assert [m.text for m in entity_mentions(doc, [0]) if m.label == "PERSON"] == ["Vale", "Orrin"]
    # A hyphen inside a name is no such dash.
    doc = load_nlp()("Talks between Tomas Brennick and Park Min-jun ended on Monday.")
    assert "Park Min-jun" in [m.text for m in entity_mentions(doc, [0]) if m.label == "PERSON"]


@pytest.mark.slow
def test_extract_entities_a_gerund_or_a_closing_bracket_is_no_part_of_a_name():
    from storyweave.annotate import entity_mentions
    from storyweave.nlp import load_nlp

    def people(text: str) -> list[str]:
        return [m.text for m in entity_mentions(load_nlp()(text), [0]) if m.label == "PERSON"]

    # The tagger reads "Praising Vance" as one name and "Gary]" with the editor's bracket.
    assert people("Praising Vance was easy for the mayor.") == ["Vance"]
    assert "Gary" in people("“Vale needs a strategy for targeting [Libertarian candidate Gary] Johnson "
                            "& [Green Party hopeful Mara] Quist voters,” he tweeted.")


def test_extract_entities_a_two_word_surname_under_another_label_is_the_person():
    import numpy as np

    from storyweave.model import Annotation, Article, Mention

    text = "Anna De Vries backed the plan. De Vries said the harbour would reopen."
    mentions = (Mention("Anna De Vries", "PERSON", (0, 13), 0), Mention("De Vries", "FAC", (31, 39), 1))
    article = Article(id="a1", source="test", location="test", title="", text=text)
    index = canonical_entities([Annotation(article, (), mentions, np.zeros((0, 384), np.float32), None)])
    # The tagger took the surname for a building; it is Anna De Vries, found by that name too.
    assert [(e.name, e.type) for e in index.entities] == [("Anna De Vries", "PERSON")]
    assert index.lookup("De Vries") == index.entities[0].id


def test_extract_entities_a_title_abbreviation_is_no_first_name():
    index = canonical_entities([_tagged("a1", ("Former AG Brennick", "PERSON"), ("Tomas Brennick", "PERSON"),
                                        ("Speaker Varga", "PERSON"), ("Ilse Varga", "PERSON"))])
    assert set(_by_name(index)) == {"Tomas Brennick", "Ilse Varga"}


@pytest.mark.slow
def test_extract_entities_her_husband_set_off_by_a_comma_shows_he_is_the_man():
    # Named in full once each, the husband last: without his gender every later "Mrs." was his.
    a = _parsed("a", "Anna Varga won the harbour vote. A photo showed Mrs. Varga and her husband, Tomas Varga, at the pier. "
                     "Mrs. Varga said she would rebuild it.")
    b = _parsed("b", "Anna Varga spoke at the harbour. Officials praised Varga.")
    index = canonical_entities([a, b])
    named = {(article, start): index.get(eid).name for (article, start, _), eid in index.by_mention.items()}
    text = a.article.text
    assert named[("a", text.index("Varga said"))] == "Anna Varga"


@pytest.mark.slow
def test_extract_entities_a_surname_two_people_share_goes_to_the_one_the_story_names_most():
    a = _parsed("a", "Anna Varga won the harbour vote. Anna Varga thanked the crews. Varga spoke for an hour.")
    b = _parsed("b", "Anna Varga will testify. Her husband, Tomas Varga, caused a furor last week. Varga faces no charges.")
    index = canonical_entities([a, b])
    named = {(article, start): index.get(eid).name for (article, start, _), eid in index.by_mention.items()}
    assert named[("b", b.article.text.index("Varga faces"))] == "Anna Varga"


def test_extract_entities_a_first_name_tells_a_gender_only_when_nearly_all_its_bearers_share_it():
    from storyweave.extract.genders import given_name_gender

    assert given_name_gender("Loretta Ames") == given_name_gender("Attorney General Loretta Ames") == "female"
    assert given_name_gender("Gregory Tallis") == given_name_gender("Jürgen Tallis") == "male"
    # a title, a name given to women and men alike, a lone surname, initials: no gender
    assert given_name_gender("Senator Robin Tallis") is None
    assert given_name_gender("Jordan Tallis") is None and given_name_gender("Tallis") is None
    assert given_name_gender("J.D. Tallis") is None
    # a word before the given name that is a name of the other gender ("Marine" in France)
    assert given_name_gender("Marine Gregory Tallis") is None and given_name_gender("Marine Tallis") == "female"


def test_extract_entities_a_person_the_tagger_took_for_an_organisation_shares_the_surname():
    index = canonical_entities([
        _tagged("a1", ("Loretta Brennick", "ORG"), ("Brennick", "ORG"), ("Tomas Brennick", "PERSON")),
        # a company named after its founder stays one while no one of the story bears the name
        _tagged("a2", ("Walter Orrin", "ORG"), ("Orrin", "ORG")),
        _tagged("a3", ("Spokeswoman Haley Brel", "ORG"), ("Brel", "PERSON")),
    ])
    assert {"Loretta Brennick", "Tomas Brennick"} <= set(_by_name(index))
    assert _by_name(index)["Spokeswoman Haley Brel"].aliases == ("Brel",)
    assert next(e for e in index.entities if e.name == "Walter Orrin").type == "ORG"


def test_extract_entities_a_middle_name_left_out_is_the_same_person():
    index = canonical_entities([_tagged("a1", ("Alan Mark Varga", "PERSON"), ("Alan Varga", "PERSON"),
                                        ("Ilse Varga", "PERSON"))])
    assert set(_by_name(index)) == {"Alan Mark Varga", "Ilse Varga"}


@pytest.mark.slow
def test_extract_entities_the_pronouns_after_a_shared_surname_pick_the_person():
    # Tomas is named in full more often, but the lone "Varga" is followed by "her" every time.
    a = _parsed("a", "Tomas Varga built the pier. Tomas Varga runs the port. Anna Varga owns it. "
                     "Varga said her plan would work. Varga added that her crews were ready.")
    index = canonical_entities([a])
    named = {(article, start): index.get(eid).name for (article, start, _), eid in index.by_mention.items()}
    text = a.article.text
    assert named[("a", text.index("Varga said"))] == named[("a", text.index("Varga added"))] == "Anna Varga"
    assert index.lookup("Varga", ("PERSON",), "a") == index.by_key[("PERSON", "anna varga")]


@pytest.mark.slow
def test_extract_entities_name_taken_for_an_organisation_is_the_person_called_mr():
    from test_extract_quotes import _annotation

    ann = _annotation("Eswar Mehrotra, a professor at Ardley University, said the bank erred.\n\n"
                      "Mr. Mehrotra, a former official at the fund, said it had no choice.")
    entities = _by_name(canonical_entities([ann]))
    assert entities["Eswar Mehrotra"].type == "PERSON"
    assert "Mehrotra" not in entities  # the lone surname is the same person


def test_extract_entities_a_name_taken_for_an_organisation_that_speaks_by_its_surname_is_a_person():
    # "Orsk Radio host Kevin Ashgrove" tagged an organisation; later "“…,” Ashgrove said"
    host = canonical_entities([_tagged("a1", ("Kevin Ashgrove", "ORG"), ("“Move on,” Ashgrove said.", "WORK_OF_ART"))])
    assert _by_name(host)["Kevin Ashgrove"].type == "PERSON"
    # a company named after its founder speaks by the name the tagger gives it
    company = canonical_entities([_tagged("a1", ("Walt Kessel", "ORG"), ("Kessel", "ORG"), ("said in a statement.", "WORK_OF_ART"))])
    assert _by_name(company)["Walt Kessel"].type == "ORG"


@pytest.mark.slow
def test_extract_entities_a_first_name_joined_to_a_full_name_shares_its_surname():
    a = _parsed("a", "The parents, Tomas and Ilse Brennick, spoke at the harbour on Monday.")
    names = {e.name for e in canonical_entities([a]).entities}
    assert {"Tomas Brennick", "Ilse Brennick"} <= names and "Tomas" not in names


@pytest.mark.slow
def test_extract_entities_mr_beside_two_men_of_the_name_is_the_one_named_more():
    a = _parsed("a", "Tomas Brennick, the father of a fallen sailor, spoke on Monday. He thanked the crew. "
                     "Tomas Brennick later met the mayor. His wife, Ilse Brennick, stayed home. "
                     "Their son, Capt. Hugo Brennick, died at sea in 2004. He was 27.\n\n"
                     "Mr. Brennick said the harbour had failed his son. Ms. Brennick did not speak.")
    index = canonical_entities([a])
    named = {a.article.text[start:end] + f"@{start}": index.get(eid).name for (_, start, end), eid in index.by_mention.items()}
    assert named[f"Brennick@{a.article.text.index('Brennick said')}"] == "Tomas Brennick"
    assert named[f"Brennick@{a.article.text.index('Brennick did')}"] == "Ilse Brennick"


@pytest.mark.slow
def test_extract_entities_a_group_named_in_the_singular_and_the_plural_is_one():
    a = _parsed("a", "Republicans said the harbour deal was a scandal.\n\n"
                     "The lengthy investigation by the Ardley Courier has renewed Republican calls for a special prosecutor.")
    groups = [e.name for e in canonical_entities([a]).entities if e.type == "NORP"]
    assert groups == ["Republicans"]


def test_extract_entities_a_surname_the_tagger_took_for_a_group_is_the_person():
    # "Brennick was reportedly aiming …" tagged like "Latinos"; a name written in the plural
    # ("the Orrins") stays a group
    index = canonical_entities([
        _tagged("a1", ("Tomas Brennick", "PERSON"), ("Brennick", "NORP"), ("Ada Orrin", "PERSON"), ("Orrins", "NORP")),
    ])
    names = _by_name(index)
    assert names["Tomas Brennick"].aliases == ("Brennick",)
    assert names["Orrins"].type == "NORP"


def test_extract_entities_a_partner_of_a_joint_name_is_not_the_joint_venture():
    # the poll two bodies run is named for both; either body alone is its own, while a
    # shorter form of one name still joins it
    index = canonical_entities([
        _tagged("a1", ("The Harbour Courier-Ardley Polling", "ORG"), ("the Harbour Courier", "ORG"),
                ("Ardley Polling Group", "ORG"), ("Ardley Polling", "ORG")),
    ])
    names = _by_name(index)
    assert "the Harbour Courier" in names and "The Harbour Courier-Ardley Polling" in names
    assert names["Ardley Polling Group"].aliases == ("Ardley Polling",)


@pytest.mark.slow
def test_extract_entities_an_article_writes_one_person_mrs_from_first_to_last():
    # the story shows the daughter to be a woman, not the mother (a first name given to both)
    a = _parsed("a", "Robin Varga met Ilse Varga, her daughter, at the pier. Ilse Varga spoke of the port, and "
                     "Tomas Varga smiled. He had built it.")
    b = _parsed("b", "Robin Varga runs the harbour board. Mrs. Varga said the port would grow. Tomas Varga, her "
                     "husband, agreed. Their daughter, Ilse Varga, wrote to her. "
                     "Mrs. Varga replied that she was proud.")
    index = canonical_entities([a, b])
    named = {(article, start): index.get(eid).name for (article, start, _), eid in index.by_mention.items()}
    text = b.article.text
    assert named[("b", text.index("Varga said"))] == "Robin Varga"
    assert named[("b", text.index("Varga replied"))] == "Robin Varga"


def test_extract_entities_a_possessive_typed_with_a_left_quotation_mark_is_no_part_of_the_name():
    text = "Paul Holm spoke on Monday. Critics called Paul Holm‘s plan a folly."
    ann = _hand_annotation("a1", text, [("Paul Holm", "PERSON"), ("Paul Holm‘s", "PERSON")])
    people = [e for e in canonical_entities([ann]).entities if e.type == "PERSON"]
    assert [(e.name, e.aliases) for e in people] == [("Paul Holm", ())]


def test_extract_entities_a_name_set_off_as_a_news_agency_is_an_organisation():
    from test_extract_quotes import _annotation

    ann = _annotation("“The admiral is unkind,” Bremka, the official Ostland news agency, wrote.")
    assert _by_name(canonical_entities([ann]))["Bremka"].type == "ORG"
    # the head of an agency is a person
    ann = _annotation("“The admiral is unkind,” Bremka, the head of the Ostland news agency, wrote.")
    assert _by_name(canonical_entities([ann]))["Bremka"].type == "PERSON"


@pytest.mark.slow
def test_extract_entities_a_pronoun_after_a_name_that_follows_another_person_shows_no_gender():
    # "her" may be Ana Roos's as well as Brel's: only article a tells Brel's gender.
    a = _parsed("a", "Mayor Tomas Brel refused to sign the harbour deal on Monday.")
    b = _parsed("b", "Governor Ivo Holm faulted Ana Roos for echoing Brel’s refusal to sign the deal "
                     "and urged her to quit.")
    index = canonical_entities([a, b])
    brel = next(e for e in index.entities if e.name == "Tomas Brel")
    assert index.genders.get(brel.id) == "male"


@pytest.mark.slow
def test_extract_entities_a_team_named_after_a_person_is_no_person():
    a = _parsed("a", "Ana Roos spoke in Orsk on Monday. Team Roos said it would fight on.")
    index = canonical_entities([a])
    team = [e for e in index.entities if e.name.startswith("Team")]
    assert all(e.type != "PERSON" for e in team), [(e.name, e.type) for e in team]


@pytest.mark.slow
def test_extract_entities_a_shared_surname_an_article_never_writes_alone_is_the_one_the_other_articles_mean():
    a = _parsed("a", "Ivo Brel and his mother, Ada Brel, were both in the house. Mr. Brel said he heard nothing.")
    b = _parsed("b", "Ada Brel, 70, was found on Monday. Her son, Ivo Brel, was arrested that night.")
    index = canonical_entities([a, b])
    assert index.get(index.lookup("Brel", ("PERSON",), "b")).name == "Ivo Brel"
    # when the articles mean different people by it, it stays no one's
    c = _parsed("c", "Ivo Brel and Ada Brel spoke. Mrs. Brel said she was tired.")
    index = canonical_entities([a, b, c])
    assert index.lookup("Brel", ("PERSON",), "b") is None


def test_extract_entities_a_company_is_one_with_or_without_its_legal_form_and_whatever_one_tag_says():
    index = canonical_entities([
        _tagged("a1", ("Orsk Telecom Plc", "ORG"), ("Orsk Telecom", "ORG")),
        _tagged("a2", ("Orsk Telecom", "ORG"), ("Kessby Shipping Ltd.", "ORG")),
        _tagged("a3", ("Orsk TeleCom", "PERSON"), ("Kessby Shipping", "ORG")),
    ])
    orsk = [e for e in index.entities if e.name.lower().startswith("orsk")]
    assert len(orsk) == 1 and orsk[0].type == "ORG" and orsk[0].articles == ("a1", "a2", "a3")
    assert len([e for e in index.entities if e.name.startswith("Kessby")]) == 1


def test_extract_entities_an_office_named_after_its_place_is_not_the_place():
    index = canonical_entities([_tagged("a1", ("Orsk", "ORG"), ("Ada Lusk", "PERSON"), ("Holmgard", "ORG"))])
    assert index.lookup("the Orsk District Attorney's Office") is None
    assert index.get(index.lookup("Holmgard Poll")).name == "Holmgard"  # a poll is its pollster's
    assert index.get(index.lookup("Ada Lusk's")).name == "Ada Lusk"
