"""Quotes, mention linking and capitals on short texts written for the tests."""

from __future__ import annotations

import numpy as np
import pytest

from storyweave.extract.entities import canonical_entities
from storyweave.extract.mention_links import MentionRef, link_mentions
from storyweave.extract.quotes import find_quotes

pytestmark = pytest.mark.slow


def _annotation(text: str):
    from storyweave.annotate import _sentences, entity_mentions
    from storyweave.model import Annotation, Article
    from storyweave.nlp import load_nlp

    doc = load_nlp()(text)
    sentences = _sentences(doc)
    mentions = tuple(entity_mentions(doc, [s.span[0] for s in sentences]))
    article = Article(id="a1", source="test", location="test", title="", text=text)
    return Annotation(article, tuple(sentences), mentions, np.zeros((len(sentences), 384), np.float32), doc)


def _quotes(text: str):
    ann = _annotation(text)
    index = canonical_entities([ann])
    return ann, index, find_quotes(ann, index)


def test_extract_quotes_mixed_quote_keeps_words_and_reported_clause():
    text = "Mayor Ilse Varga said the harbour wall would be finished “well before the winter storms” next year."
    _, index, found = _quotes(text)
    mixed = [a for a in found if a.quote.kind == "mixed"]
    assert mixed and mixed[0].quote.text == "well before the winter storms"
    start, end = mixed[0].content_span
    assert text[start:end].startswith("the harbour wall would be finished")
    assert index.get(mixed[0].quote.speaker).name == "Ilse Varga"


def test_extract_quotes_uncued_passage_continues_the_quote_before_it():
    text = ("“We will rebuild the pier this summer,” Tomas Brennick said. “The fishermen have waited "
            "long enough for it.”")
    _, index, found = _quotes(text)
    follow = [a for a in found if a.continues]
    assert len(follow) == 1 and follow[0].quote.text.startswith("The fishermen")
    assert index.get(follow[0].quote.speaker).name == "Tomas Brennick"


def test_extract_quotes_according_to_clause_is_attributed_with_its_cue_span():
    text = "According to Noor Halloway, the council ignored three warnings about the flooding."
    _, _, found = _quotes(text)
    assert found and found[0].quote.cue == "according to"
    assert found[0].quote.text.startswith("the council ignored")
    assert text[slice(*found[0].cue_span)] == "According to"


def test_extract_quotes_headline_colon_attribution():
    text = "Brennick: The barrier will protect every family on the waterfront\n\nThe council met on Monday."
    _, index, found = _quotes(text)
    colon = [a for a in found if a.quote.cue == ":"]
    assert colon and colon[0].quote.text.startswith("The barrier will protect")
    # the closing single mark of a headline's quotation is no part of the words
    _, _, found = _quotes("Trump: ‘I’m the Best Thing That Ever Happened to the Harbour.’\n\nDonald Trump spoke on Monday.")
    assert [a.quote.text for a in found if a.quote.cue == ":"] == ["I’m the Best Thing That Ever Happened to the Harbour"]


def test_extract_entities_capital_stands_for_its_country():
    ann = _annotation("Moscow and Russia signed the deal. Russia said the deal was fair, and Moscow agreed.")
    index = canonical_entities([ann])
    moscow = next(e for e in index.entities if e.name == "Moscow")
    russia = next(e for e in index.entities if e.name == "Russia")
    assert moscow.type == "GPE" and moscow.stands_for == russia.id


def test_extract_entities_link_mentions_joins_names_heads_and_pronouns():
    mentions = [
        MentionRef("d1", 0, 0, "Hugh Jackman", "person"),
        MentionRef("d1", 0, 5, "he", "person"),
        MentionRef("d2", 0, 0, "Jackman", "person"),
        MentionRef("d2", 1, 0, "the host", "person"),
        MentionRef("d3", 0, 0, "host", "person"),
        MentionRef("d3", 0, 3, "Sydney", "place"),
    ]
    labels = link_mentions(mentions)
    assert labels[0] == labels[1] == labels[2]
    assert labels[3] == labels[4] and labels[5] not in (labels[0], labels[3])


def test_extract_claims_strength_model_tells_correlation_hedge_and_cause():
    from storyweave.embed import embed
    from storyweave.extract.strength import claim_strength

    texts = ["Coffee drinking is associated with a lower risk of liver cancer.",
             "Coffee may reduce the risk of liver cancer.",
             "Coffee reduces liver cancer risk."]
    assert claim_strength(texts, embed(texts)) == [1, 2, 3]


def test_extract_quotes_according_to_a_source_that_is_no_entity():
    text = "The harbour wall will cost twice the first estimate, according to a new council report."
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("a new council report", "according to", "The harbour wall will cost twice the first estimate")]
    assert found[0].quote.speaker is None


def test_extract_quotes_scare_quotes_stay_reported_speech_and_datelines_leave_the_speaker():
    text = ("HAMAR, Norway (AP) — Harbour commissioner Ilse Varga says the new ferry schedule is “chaotic” "
            "and will be rewritten before the summer.")
    _, _, found = _quotes(text)
    assert len(found) == 1
    quote = found[0].quote
    assert quote.speaker_text == "Harbour commissioner Ilse Varga" and quote.cue == "says"
    assert quote.text.startswith("the new ferry schedule is “chaotic”")


def test_extract_quotes_a_call_for_something_is_what_was_said():
    text = "Mayor Ilse Varga called for an independent review of the harbour wall contract."
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("Mayor Ilse Varga", "called for", "an independent review of the harbour wall contract")]


def test_extract_quotes_a_thing_that_calls_for_something_makes_no_demand():
    text = "Mayor Ilse Varga said the rising sea level called for a much higher harbour wall."
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.cue) for a in found] == [("Mayor Ilse Varga", "said")]


def test_extract_quotes_a_label_with_a_beneficiary_is_no_call_for_it():
    # the parser hangs "for the workers" on "called": naming the merger a good day asks for nothing
    _, _, found = _quotes("Holm called the merger a good day for the workers.")
    assert [(a.quote.cue, a.quote.text) for a in found] == [("called", "the merger a good day")]


def test_extract_quotes_a_wish_of_others_joined_after_a_comma_is_their_own_report():
    text = ("Many residents worry that the levy will hurt shops on the high street, and councillors in Vell "
            "want to see the figures first.")
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("Many residents", "the levy will hurt shops on the high street"),
        ("councillors in Vell", "to see the figures first")]


def test_extract_quotes_common_noun_speakers_are_unnamed_with_their_description():
    text = ("The barrier will cost $2.1 billion, according to figures released by both city halls. "
            "The gates will close when storm tides rise, engineers from both city halls said. "
            "The sluices will be tested every spring, a senior official said.")
    _, _, found = _quotes(text)
    assert [(a.quote.speaker, a.quote.speaker_text, a.unnamed) for a in found] == [
        (None, "figures released by both city halls", True),
        (None, "engineers from both city halls", True),
        (None, "a senior official", True)]
    for a in found:
        assert text[slice(*a.quote.speaker_span)] == a.quote.speaker_text


def test_extract_quotes_plural_role_noun_is_not_the_person_in_focus():
    text = ("“The barrier is the strongest promise we can make,” Mayor Tomas Brennick said. "
            "The national ministry may cover up to half of the cost, officials said. "
            "It will be finished by 2030, the mayor said.")
    _, index, found = _quotes(text)
    said = {a.quote.text.split()[0]: a for a in found}
    assert said["The"].quote.speaker_text == "officials" and said["The"].quote.speaker is None and said["The"].unnamed
    # a named speaker, and the singular role noun that stands for him, are still him
    assert index.get(said["It"].quote.speaker).name == index.get(found[0].quote.speaker).name == "Tomas Brennick"
    assert not found[0].unnamed and not said["It"].unnamed


def test_extract_quotes_a_speaker_with_a_name_in_it_stays_a_speaker():
    text = "Russian state media reported that the two countries had also signed a health agreement."
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.unnamed) for a in found] == [("Russian state media", False)]


def _said(found):
    return [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found]


def test_extract_quotes_two_passages_on_one_cue_are_one_utterance():
    text = ("“The pier will reopen in May,” Mayor Ilse Varga said at a meeting in the harbour hall on "
            "Tuesday evening, before the vote on the new budget. “The ferries will follow a week later.”")
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.continues) for a in found] == [("Mayor Ilse Varga", False), ("Mayor Ilse Varga", True)]
    assert found[1].quote.text.startswith("The ferries will follow")


def test_extract_quotes_a_verb_in_the_next_paragraph_does_not_introduce_a_quote():
    text = ("“The harbour wall will hold for another fifty years.”\n\n"
            "Tomas Brennick, who led the last inspection, said he would ask for a second opinion.")
    _, _, found = _quotes(text)
    assert not any(a.quote.text.startswith("The harbour wall") and a.quote.speaker_text == "Tomas Brennick"
                   for a in found)
    assert ("Tomas Brennick", "said", "he would ask for a second opinion") in _said(found)


def test_extract_quotes_calling_something_a_name_is_a_verdict():
    text = "Senator Ilse Varga called the harbour plan a reckless waste of public money."
    _, _, found = _quotes(text)
    assert _said(found) == [("Senator Ilse Varga", "called", "the harbour plan a reckless waste of public money")]


def test_extract_quotes_a_label_in_quotation_marks_keeps_its_object():
    text = "Senator Ilse Varga called the harbour plan “a reckless gamble” on Tuesday."
    _, _, found = _quotes(text)
    assert len(found) == 1 and found[0].quote.kind == "mixed" and found[0].quote.text == "a reckless gamble"
    assert text[slice(*found[0].content_span)] == "the harbour plan “a reckless gamble”"


def test_extract_quotes_a_group_called_by_a_name_says_nothing():
    text = "A fishermen's group called the Harbour Watch met the mayor on Monday."
    _, _, found = _quotes(text)
    assert found == []


def test_extract_quotes_stances_topics_and_choices_are_what_was_voiced():
    text = ("Mayor Ilse Varga criticised the port authority for its slow response to the flood. "
            "Tomas Brennick spoke about the future of the fishing fleet. "
            "Most fishermen would vote for the harbour tax proposed by the council. "
            "Many residents see the new harbour wall as a waste of money.")
    _, _, found = _quotes(text)
    assert _said(found) == [
        ("Mayor Ilse Varga", "criticised", "the port authority for its slow response to the flood"),
        ("Tomas Brennick", "spoke about", "the future of the fishing fleet"),
        ("Most fishermen", "vote for", "the harbour tax proposed by the council"),
        ("Many residents", "see", "the new harbour wall as a waste of money")]


def test_extract_quotes_a_stance_on_a_pronoun_is_no_quote():
    text = "Mayor Ilse Varga and Tomas Brennick agreed to support each other in the election."
    _, _, found = _quotes(text)
    # "support each other" is no stance; since session 10 the agreement itself is the act
    # the two voiced (PolNeAR annotates "agreed to …")
    assert [(a.quote.cue, a.quote.text) for a in found] == [("agreed", "to support each other in the election")]


def test_extract_quotes_requests_and_questions_are_reported_speech():
    text = ("Mayor Ilse Varga urged the council to rebuild the pier before the winter storms. "
            "Tomas Brennick asked whether the ferries would run during the repairs.")
    _, _, found = _quotes(text)
    assert _said(found) == [
        ("Mayor Ilse Varga", "urged", "the council to rebuild the pier before the winter storms"),
        ("Tomas Brennick", "asked", "whether the ferries would run during the repairs")]


def test_extract_quotes_a_belief_inside_reported_speech_belongs_to_the_speaker():
    text = "Mayor Ilse Varga told reporters that she believes the harbour wall will hold."
    _, _, found = _quotes(text)
    # the one told is part of the cue: "told the organisation would …" would misread
    assert _said(found) == [("Mayor Ilse Varga", "told reporters", "she believes the harbour wall will hold")]


def test_extract_quotes_a_headline_source_noun_before_a_colon():
    text = "Poll: Most residents want a higher harbour wall\n\nThe council will vote on the wall in May."
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.cue, a.unnamed) for a in found] == [("Poll", ":", True)]
    assert found[0].quote.text == "Most residents want a higher harbour wall"


def test_extract_quotes_a_live_blog_time_is_not_the_speaker():
    text = "9:30 p.m.\n\nIlse Varga says the pier will reopen in May if the inspectors agree."
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("Ilse Varga", "the pier will reopen in May if the inspectors agree")]


def test_extract_quotes_a_quote_opening_the_reported_clause_is_mixed():
    text = "Mayor Ilse Varga said “the pier is perfectly safe” despite the cracks found by the inspectors."
    _, _, found = _quotes(text)
    assert len(found) == 1 and found[0].quote.kind == "mixed" and found[0].quote.text == "the pier is perfectly safe"
    assert text[slice(*found[0].content_span)].endswith("despite the cracks found by the inspectors")


def test_extract_quotes_reported_clause_before_the_speaker_is_kept_whole():
    # The parser hangs "but the main hall …" on "said": the content must not stop at "but".
    text = ("Half the roof at the entrance of the market has collapsed but the main hall is intact with "
            "only smoke damage, fire crews said.")
    _, _, found = _quotes(text)
    assert [a.quote.text for a in found] == [
        "Half the roof at the entrance of the market has collapsed but the main hall is intact with only smoke damage"]
    # With the speaker after the verb, the verb is no part of what was said.
    _, _, found = _quotes("The roof has collapsed but the main hall is intact, says fire chief Ida Marsh.")
    assert [(a.quote.text, a.quote.cue) for a in found] == [("The roof has collapsed but the main hall is intact", "says")]


def test_extract_quotes_reported_speech_stays_in_its_paragraph():
    text = ("ON DEADLINE: Live updates and local coverage\n\nDeputies chased him at speeds of more than 100 mph "
            "before he finally pulled over, Undersheriff Ivo Mahl said.")
    _, _, found = _quotes(text)
    assert [a.quote.text for a in found] == ["Deputies chased him at speeds of more than 100 mph before he finally pulled over"]


def test_extract_quotes_a_participle_hung_on_a_thing_is_no_quote():
    # What a photo or a finding "shows" is no one's statement; what officials add is.
    text = ("A photo of the meeting was published on Friday, hinting it was staged in the harbour office. "
            "The new scanners found cracks in the pier, revealing how badly the storm had damaged it.")
    _, _, found = _quotes(text)
    assert found == []
    _, _, found = _quotes("Port officials closed the pier on Friday, adding that repairs would take a month.")
    assert [a.quote.speaker_text for a in found] == ["Port officials"]


def test_extract_quotes_a_writers_guess_at_a_mind_is_no_quote():
    _, _, found = _quotes("Even as Mayor Ilse Varga praises the new pier, she must know it will not survive the storms.")
    assert not any(a.quote.cue == "know" for a in found)
    _, _, found = _quotes("Mayor Ilse Varga knows the harbour wall will not hold another winter.")
    assert [(a.quote.cue, a.quote.text) for a in found] == [("knows", "the harbour wall will not hold another winter")]


def _credited(found, index):
    """(speaker name or text, cue, quote text) of each quote, for short assertions."""
    return [((index.get(a.quote.speaker).name if a.quote.speaker else a.quote.speaker_text), a.quote.cue, a.quote.text)
            for a in found]


def test_extract_quotes_reported_clause_is_the_one_after_the_verb():
    # A quoted paragraph the parser joins to the next sentence is a second clause of "said",
    # before it; what Brennick said is the clause after the verb.
    text = ("“There has been a natural base of donors for anyone willing to take on the council.”\n\n"
            "Brennick, who has already sent letters on Varga’s behalf, said he also may campaign for her.")
    _, index, found = _quotes(text)
    assert ("Brennick", "said", "he also may campaign for her") in _credited(found, index)


def test_extract_quotes_that_clause_hung_on_a_noun_after_the_verb():
    text = "Ilse Varga said earlier on Friday during a news conference that she may wait until spring to decide."
    _, index, found = _quotes(text)
    assert _credited(found, index) == [("Ilse Varga", "said", "she may wait until spring to decide")]


def test_extract_quotes_demonstrative_that_is_the_subject_of_the_clause():
    text = "Asked about the delay, Tomas Brennick said that was a normal part of building a pier."
    _, index, found = _quotes(text)
    assert _credited(found, index) == [("Tomas Brennick", "said", "that was a normal part of building a pier")]


def test_extract_quotes_second_speech_verb_shares_the_first_ones_speaker():
    text = ("Tomas Brennick spoke on Monday. He said the new pier has brought more visitors to the harbour and "
            "said that the council did not keep its “promise to the fishermen.”")
    _, index, found = _quotes(text)
    said = _credited(found, index)
    assert ("Tomas Brennick", "said", "the new pier has brought more visitors to the harbour") in said
    assert ("Tomas Brennick", "said", "promise to the fishermen.") in said


def test_extract_quotes_reported_clause_ends_before_another_speakers_report():
    text = ("Three quarters of the voters said they were worried about the economy, and more than half said "
            "the mayor would handle it best.")
    _, index, found = _quotes(text)
    assert _credited(found, index) == [("Three quarters of the voters", "said", "they were worried about the economy"),
                                   ("more than half", "said", "the mayor would handle it best")]


def test_extract_quotes_cue_in_a_sentence_of_its_own():
    # "…!” he wrote." split from its quote, and a quote in the paragraph after "declared:".
    text = ("Tomas Brennick answered the critics on Sunday.\n\n“Everyone is laughing at the council. "
            "A sad spectacle!” he wrote.")
    _, index, found = _quotes(text)
    assert _credited(found, index) == [("Tomas Brennick", "wrote", "Everyone is laughing at the council. A sad spectacle!")]
    text = "At the meeting, Tomas Brennick declared:\n\n“The pier will be finished before the storms arrive.”"
    _, index, found = _quotes(text)
    assert _credited(found, index) == [("Tomas Brennick", "declared", "The pier will be finished before the storms arrive.")]


def test_extract_quotes_shouted_words_are_speech():
    _, index, found = _quotes("“Build the pier now!” shouted Ilse Varga.")
    assert _credited(found, index) == [("Ilse Varga", "shouted", "Build the pier now!")]


def test_extract_quotes_a_vow_to_act_is_what_was_voiced():
    _, index, found = _quotes("Ilse Varga vowed to rebuild the harbour wall before the winter.")
    assert _credited(found, index) == [("Ilse Varga", "vowed", "to rebuild the harbour wall before the winter")]
    text = "Ilse Varga vowed to “finish the job” before the winter storms arrive."
    _, index, found = _quotes(text)
    assert [(a.quote.kind, text[slice(*a.content_span)]) for a in found] == [
        ("mixed", "to “finish the job” before the winter storms arrive")]


def test_extract_quotes_thanks_and_one_name_stances():
    _, index, found = _quotes("Tomas Brennick thanked the volunteers for their work on the pier.")
    assert _credited(found, index) == [("Tomas Brennick", "thanked", "the volunteers for their work on the pier")]
    _, index, found = _quotes("Ilse Varga endorsed Brennick on Monday.")
    assert _credited(found, index) == [("Ilse Varga", "endorsed", "Brennick")]
    # an act asked of someone else is no stance of the one who asked
    _, index, found = _quotes("Ilse Varga asked him to condemn the attacks on the harbour.")
    assert _credited(found, index) == [("Ilse Varga", "asked", "him to condemn the attacks on the harbour")]


def _spans(text, found):
    """(speaker span text, cue, content text) of each quote, content as the benchmark reads it."""
    return [(text[slice(*a.quote.speaker_span)], a.quote.cue, text[slice(*(a.content_span or a.quote.span))]) for a in found]


def test_extract_quotes_speaker_of_a_relative_clause_keeps_its_pronoun():
    text = "The harbour board met fishermen who said the new pier had cut their catch by half."
    _, _, found = _quotes(text)
    assert _spans(text, found) == [("fishermen who", "said", "the new pier had cut their catch by half")]
    text = "Tomas Brennick, who endorsed Ilse Varga in May, spoke at the harbour."
    _, index, found = _quotes(text)
    assert [(index.get(a.quote.speaker).name, text[slice(*a.quote.speaker_span)]) for a in found] == [
        ("Tomas Brennick", "Tomas Brennick, who")]


def test_extract_quotes_relative_clause_inside_a_report_is_part_of_it():
    text = "Ilse Varga said the pier was built for fishermen who know how hard the winters are."
    _, _, found = _quotes(text)
    assert _spans(text, found) == [("Ilse Varga", "said", "the pier was built for fishermen who know how hard the winters are")]


def test_extract_quotes_an_act_inside_the_report_is_no_second_report():
    text = "Tomas Brennick says he would sit the mayor down and tell her the pier must be rebuilt."
    _, _, found = _quotes(text)
    assert ("Tomas Brennick", "says", "he would sit the mayor down and tell her the pier must be rebuilt") in _spans(text, found)


def test_extract_quotes_quoted_words_inside_an_object():
    text = "Ilse Varga noted the shift from the old harbour motto “Safe Waters for All” in her speech."
    _, _, found = _quotes(text)
    assert [(a.quote.kind, text[slice(*a.content_span)]) for a in found] == [
        ("mixed", "the shift from the old harbour motto “Safe Waters for All” in her speech")]


def test_extract_quotes_second_that_clause_joined_to_the_verb():
    text = "Brennick said the pier needs new pilings, but that the council would not pay for them."
    _, _, found = _quotes(text)
    assert _spans(text, found) == [
        ("Brennick", "said", "the pier needs new pilings, but that the council would not pay for them")]


def test_extract_quotes_reported_clause_ends_before_a_speech_participle():
    text = "Ilse Varga said she saw no need to delay the vote, telling reporters that the harbour could not wait."
    _, _, found = _quotes(text)
    assert ("Ilse Varga", "said", "she saw no need to delay the vote") in _spans(text, found)


def test_extract_quotes_calling_on_someone_to_act_is_a_demand():
    text = "Tomas Brennick called on the harbour board to resign over the flooding."
    _, _, found = _quotes(text)
    assert _spans(text, found) == [("Tomas Brennick", "called on", "the harbour board to resign over the flooding")]
    text = "Tomas Brennick is calling for the harbour board to rebuild the pier before the winter storms."
    _, _, found = _quotes(text)
    assert _spans(text, found) == [("Tomas Brennick", "calling", "the harbour board to rebuild the pier before the winter storms")]


def test_extract_quotes_what_a_poll_shows_is_its_finding():
    text = "A new harbour survey shows Ilse Varga with a ten-point lead over Tomas Brennick."
    _, _, found = _quotes(text)
    assert _spans(text, found) == [("A new harbour survey", "shows", "Ilse Varga with a ten-point lead over Tomas Brennick")]
    # a person showing something makes no claim
    _, _, found = _quotes("Tomas Brennick showed the inspectors the cracks in the harbour wall.")
    assert found == []


def test_extract_quotes_quote_closed_by_a_mark_hands_over_to_the_attribution():
    text = ("The storm hit the harbour on Sunday.\n\n“I think the pier is finished, on repairs as well as on "
            "safety, but certainly on safety,” Ilse Varga, the mayor, said on Monday.")
    _, index, found = _quotes(text)
    assert _credited(found, index) == [
        ("Ilse Varga", "said", "I think the pier is finished, on repairs as well as on safety, but certainly on safety")]


def test_extract_quotes_told_in_a_sentence_of_its_own():
    text = ("Ilse Varga spoke about the storm.\n\n“Will the pier survive another winter like this?” "
            "Tomas Brennick told the harbour gazette on Monday.")
    _, index, found = _quotes(text)
    assert ("Tomas Brennick", "told", "Will the pier survive another winter like this?") in _credited(found, index)
    text = "“Why did nobody act when the wall cracked?” Brennick asked the council in a letter on Monday."
    _, index, found = _quotes(text)
    assert _credited(found, index) == [("Brennick", "asked", "Why did nobody act when the wall cracked?")]


def test_extract_quotes_the_speaker_is_no_channel_of_his_own_words():
    text = "The harbour is in good shape, according to Tomas Brennick, who stressed that the new wall will hold for decades."
    _, _, found = _quotes(text)
    stressed = [a for a in found if a.quote.cue == "stressed"]
    assert [(text[slice(*a.quote.speaker_span)], a.quote.channel) for a in stressed] == [("Tomas Brennick, who", None)]


def test_extract_quotes_a_speaker_in_the_paragraph_before_is_no_channel():
    # The parser runs a paragraph ending in a colon (an embedded post follows) into the next.
    text = ("As the candidates sparred over the harbour, Mayor Ilse Varga pointed out that the ferries were ignored:\n\n"
            "After the board opposed a new quay, Tomas Brennick reminded viewers that he has always backed one:\n\n")
    _, _, found = _quotes(text)
    assert [(a.quote.cue, a.quote.channel) for a in found if a.quote.cue.startswith("reminded")] == [("reminded viewers", None)]


def test_extract_quotes_grousing_is_speaking():
    # Not a speech verb, the quoted words went to the last speaker before them.
    text = ("“We do not sell tickets at the quay,” ferry chief Ida Marsh said on Thursday.\n"
            "On Monday, Mayor Tomas Brennick groused to a crowd that the ferry “never runs on time” before leaving.")
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.text) for a in found][-1] == ("Mayor Tomas Brennick", "never runs on time")


def test_extract_quotes_a_name_running_through_of_is_the_speaker_whole():
    found = _quotes("Ferry traffic in the harbour rose sharply over the last year, the University of Orsk reported on Monday.")[2]
    assert [a.quote.speaker_text for a in found] == ["the University of Orsk"]
    assert found[0].quote.speaker is not None


def test_extract_quotes_a_pronoun_continues_its_sentences_subject_who_is_no_channel_of_her_own_words():
    text = ("Mayor Tomas Brennick, who is battling Maria Santos for the harbour seat, told Radio Orsk that there is "
            "“a strange deal going on” at the pier.\n\n"
            "In her Sunday interviews, Maria Santos again criticized the harbour board, though she added that the "
            "new quay would help the fishing fleet.")
    _, index, found = _quotes(text)
    added = next(a.quote for a in found if a.quote.cue == "added")
    # The last speaker is Brennick; the sentence's own subject is Santos, and she relays nothing of hers.
    assert (index.get(added.speaker).name, added.channel) == ("Maria Santos", None)


def test_extract_quotes_few_or_many_name_no_one():
    # Counted people speak, but no entity is made of "few": reports list them as unnamed.
    for text in ("But few believe the new quay will ever pay for itself.", "Many say the old pier is unsafe."):
        found = _quotes(text)[2]
        assert [(a.unnamed, a.quote.speaker) for a in found] == [(True, None)], text


def test_extract_quotes_what_a_group_wants_is_its_stance():
    found = _quotes("Only about 4 in 10 harbour voters want all the old ferries to be sold.")[2]
    assert [(s, c, t) for s, c, t in _said(found)] == [
        ("Only about 4 in 10 harbour voters", "want", "all the old ferries to be sold")]
    found = _quotes("Mayor Ilse Varga wants to rebuild the pier before the winter storms.")[2]
    assert _said(found) == [("Mayor Ilse Varga", "wants", "to rebuild the pier before the winter storms")]


def test_extract_quotes_an_accusation_keeps_its_charge():
    found = _quotes("Tomas Brennick has repeatedly accused Varga of hiding the harbour accounts.")[2]
    assert _said(found) == [("Tomas Brennick", "accused", "Varga of hiding the harbour accounts")]


def test_extract_quotes_what_someone_announces_or_offers_is_voiced():
    found = _quotes("Mayor Ilse Varga announced a series of new steps to tighten harbour rules in the city.")[2]
    assert _said(found) == [("Mayor Ilse Varga", "announced", "a series of new steps to tighten harbour rules in the city")]
    found = _quotes("Tomas Brennick also offered his early assessment of the harbour plan.")[2]
    assert _said(found) == [("Tomas Brennick", "offered", "his early assessment of the harbour plan")]
    # a thing that offers something voices nothing
    assert _quotes("The new harbour plan offers generous tax credits to small ferry firms.")[2] == []


def test_extract_quotes_a_group_choosing_a_named_candidate():
    found = _quotes("About 6 in 10 older voters supported Brennick.")[2]
    assert [(s, c, t, a.unnamed) for (s, c, t), a in zip(_said(found), found)] == [
        ("About 6 in 10 older voters", "supported", "Brennick", True)]
    assert _quotes("Most voters supported it.")[2] == []


def test_extract_quotes_a_speech_noun_made_is_a_speech_act():
    found = _quotes("Tomas Brennick made no mention of the harbour wall in his speech.")[2]
    # the noun goes with the cue: "made the harbour wall" would say the opposite
    assert _said(found) == [("Tomas Brennick", "made no mention of", "the harbour wall")]
    found = _quotes("Tomas Brennick made the observation that the pier was unsafe for ferries.")[2]
    assert _said(found) == [("Tomas Brennick", "made the observation", "that the pier was unsafe for ferries")]
    assert _quotes("Tomas Brennick made a fortune in the ferry trade.")[2] == []
    found = _quotes("Ilse Varga made conflicting statements about how she would fund the pier.")[2]
    assert _said(found) == [("Ilse Varga", "made conflicting statements about", "how she would fund the pier")]
    found = _quotes("Ilse Varga also made a reference to Brel's testimony on the harbour fund.")[2]
    assert _said(found) == [("Ilse Varga", "made a reference to", "Brel's testimony on the harbour fund")]
    # an announcement "for" something says nothing of it; a case "for" it argues it
    assert _quotes("Tomas Brennick made an announcement for the harbour speech.")[2] == []
    found = _quotes("Tomas Brennick made the case for a higher harbour wall.")[2]
    assert _said(found) == [("Tomas Brennick", "made the case for", "a higher harbour wall")]
    # "on Wednesday" is when the case was made, not what it was about
    assert _quotes("Ilse Varga and Tomas Brennick made their cases to voters in Portview on Wednesday.")[2] == []


def test_extract_quotes_referring_to_someone_as_a_label():
    found = _quotes("Tomas Brennick referred to Varga as a bright, charismatic leader.")[2]
    assert _said(found) == [("Tomas Brennick", "referred to", "Varga as a bright, charismatic leader")]


def test_extract_quotes_assuring_someone_reports_a_clause():
    found = _quotes("Tomas Brennick is assuring voters he is tough enough to run the harbour.")[2]
    assert _said(found) == [("Tomas Brennick", "assuring voters", "he is tough enough to run the harbour")]


def test_extract_quotes_an_accusation_without_its_charge_is_no_stance():
    # The parser hangs "and Japan of hiding …" on the verb: what is left of the object has no charge.
    text = "Ilse Varga accused the United States, South Korea, and Japan of hiding the cracks and asked for a review."
    _, _, found = _quotes(text)
    assert not any(a.quote.cue == "accused" and "hiding" not in a.quote.text for a in found)


# --- session 7 (quotes4): rules read from PolNeAR train errors; sentences made up ---

def _by_cue(found, cue):
    return [a for a in found if a.quote.cue == cue]


def test_extract_quotes_any_verb_with_a_that_clause_voices_it():
    found = _by_cue(_quotes("Tomas Brennick joked that the ferry would need a bigger harbour.")[2], "joked")
    assert _said(found) == [("Tomas Brennick", "joked", "the ferry would need a bigger harbour")]


def test_extract_quotes_a_short_clause_with_its_own_subject_is_kept():
    found = _quotes("In the harbour towns, half of the fishermen said they were angry.")[2]
    assert _said(found) == [("half of the fishermen", "said", "they were angry")]


def test_extract_quotes_speaker_read_as_a_modifier_of_the_verb():
    found = _quotes("“Not one of the new berths is ready,” Varga notes.")[2]
    assert _said(found) == [("Varga", "notes", "Not one of the new berths is ready")]
    found = _quotes("About 4 in 10 say they want a new harbour master.")[2]
    assert _said(found) == [("About 4 in 10", "say", "they want a new harbour master")]


def test_extract_quotes_they_and_we_speak_unnamed():
    found = _quotes("They said the harbour wall would hold through the winter.")[2]
    assert [(a.quote.speaker_text, a.quote.text, a.unnamed) for a in found] == [
        ("They", "the harbour wall would hold through the winter", True)]


def test_extract_quotes_writers_words_before_a_closing_quote_are_reported():
    text = "Ilse Varga says no matter what the council decides, “the pier stays open.”"
    found = _quotes(text)[2]
    assert [a.quote.kind for a in found] == ["mixed"]
    assert text[slice(*found[0].content_span)].startswith("no matter what the council decides")


def test_extract_quotes_continue_to_be_is_no_speech():
    text = "Varga said she is sure Brennick will continue to be “a loyal friend of the harbour.”"
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.cue) for a in found] == [("Varga", "said")]


def test_extract_quotes_more_likely_to_say_has_the_subject_of_be():
    found = _quotes("Older voters are more likely to say that the harbour needs a new wall.")[2]
    assert _said(found) == [("Older voters", "say", "the harbour needs a new wall")]


def test_extract_quotes_where_clause_reports_whole():
    _, index, found = _quotes("Brennick has spent weeks in Orsk, where he says he can win the vote.")
    assert _said(found) == [("he", "says", "he can win the vote")]
    assert index.get(found[0].quote.speaker).name == "Brennick"


def test_extract_quotes_short_answers_and_that_according_to():
    found = _by_cue(_quotes("Asked whether the pier should reopen, 62 percent of residents said yes.")[2], "said")
    assert _said(found) == [("62 percent of residents", "said", "yes")]
    found = _quotes("That’s according to a new survey of harbour workers.")[2]
    assert _said(found) == [("a new survey of harbour workers", "according to", "That")]


def test_extract_quotes_that_according_to_shows_the_sentence_it_stands_for():
    # the words shown are the sentence before; corpora's content span stays the pronoun
    text = "Ferry fares rose by a third in two years. That is according to Noor Halloway, a harbour economist."
    found = _quotes(text)[2]
    assert _said(found) == [("Noor Halloway", "according to", "Ferry fares rose by a third in two years")]
    assert text[slice(*found[0].marked_content_span)] == "That"


def test_extract_quotes_a_later_reporter_relays_the_pledge_of_a_joined_verb():
    text = ("Earlier, Mayor Ilse Varga met harbour workers in Orsk and vowed to “rebuild every pier before "
            "the winter storms,” the Orsk Ledger reported.")
    _, index, found = _quotes(text)
    assert [(index.get(a.quote.speaker).name, a.quote.channel) for a in found] == [("Ilse Varga", "the Orsk Ledger")]


def test_extract_quotes_a_colon_hands_a_quote_to_the_act_or_name_before_it():
    found = _quotes("Mayor Ilse Varga released the following statement: “The harbour is safe for every ferry and every crew.”")[2]
    assert [(a.quote.speaker_text, a.quote.kind) for a in found] == [("Mayor Ilse Varga", "direct")]
    found = _quotes("The news did not surprise harbour historian John Miller: “Every storm here brings the same old argument.”")[2]
    assert _said(found) == [("John Miller", ":", "Every storm here brings the same old argument.")]


def test_extract_quotes_first_act_subject_speaks_for_a_subjectless_says():
    found = _by_cue(_quotes("Tomas Brennick thanked the crew, then says he will welcome any help with the pier.")[2], "says")
    assert _said(found) == [("Tomas Brennick", "says", "he will welcome any help with the pier")]


def test_extract_quotes_verbs_of_remarking_on_a_topic():
    assert _said(_quotes("Ilse Varga joked about moving the town hall to the pier.")[2]) == [
        ("Ilse Varga", "joked about", "moving the town hall to the pier")]
    assert _said(_quotes("Tomas Brennick railed against the new ferry tax.")[2]) == [
        ("Tomas Brennick", "railed against", "the new ferry tax")]


def test_extract_quotes_nouns_of_voicing_a_view():
    assert _said(_quotes("Ilse Varga avoided any criticism of the harbour board.")[2]) == [
        ("Ilse Varga", "avoided any criticism of", "the harbour board")]
    assert _said(_quotes("Ilse Varga renewed her call for a new ferry terminal.")[2]) == [
        ("Ilse Varga", "call", "a new ferry terminal")]


def test_extract_quotes_two_apostrophes_are_quotation_marks():
    found = _quotes("''The pier will reopen in May,'' Ilse Varga said.")[2]
    assert [(a.quote.kind, a.quote.text) for a in found] == [("direct", "The pier will reopen in May")]


def test_extract_quotes_short_fragment_of_an_unnamed_speakers_clause():
    text = "A top harbour adviser says the town is on a “glide path” to a new pier."
    found = _quotes(text)[2]
    assert [(a.quote.kind, a.quote.speaker_text) for a in found] == [("mixed", "A top harbour adviser")]
    assert text[slice(*found[0].content_span)] == "the town is on a “glide path” to a new pier"


def test_extract_quotes_a_second_quoting_act_ends_the_first_report():
    found = _quotes("She says she respects Brennick and calls him “a tireless harbour master with a long record.”")[2]
    assert ("She", "says", "she respects Brennick") in _said(found)


def _parsed(rows, ents=(), starts=(0,)):
    """An annotation of a parse given token by token (word, trailing space, head, dep, pos,
    tag, lemma), to test rules against parser slips the model makes on some texts only;
    ``starts`` are the tokens that open a sentence."""
    from spacy.tokens import Doc

    from storyweave.annotate import _sentences
    from storyweave.model import Annotation, Article, Mention
    from storyweave.nlp import load_nlp

    words, spaces, heads, deps, pos, tags, lemmas = zip(*rows)
    iob = ["O"] * len(words)
    for i in ents:  # a token index (a person) or an (index, label) pair
        i, label = i if isinstance(i, tuple) else (i, "PERSON")
        iob[i] = f"B-{label}"
    doc = Doc(load_nlp().vocab, words=list(words), spaces=list(spaces), heads=list(heads), deps=list(deps),
              pos=list(pos), tags=list(tags), lemmas=list(lemmas), sent_starts=[i in starts for i in range(len(words))],
              ents=iob)
    mentions = tuple(Mention(e.text, e.label_, (e.start_char, e.end_char), 0) for e in doc.ents)
    article = Article(id="a1", source="test", location="test", title="", text=doc.text)
    ann = Annotation(article, tuple(_sentences(doc)), mentions, np.zeros((1, 384), np.float32), doc)
    index = canonical_entities([ann])
    return doc.text, find_quotes(ann, index)


def test_extract_quotes_a_verb_that_opens_the_quote_introduces_it():
    # The parser makes "said" a parataxis of the quote's verb, with a long clause before it.
    text, found = _parsed([
        ("Asked", True, 13, "advcl", "VERB", "VBN", "ask"), ("what", True, 4, "dobj", "PRON", "WP", "what"),
        ("the", True, 3, "det", "DET", "DT", "the"), ("town", True, 4, "nsubj", "NOUN", "NN", "town"),
        ("needs", True, 0, "ccomp", "VERB", "VBZ", "need"), ("most", False, 4, "advmod", "ADV", "RBS", "most"),
        (",", True, 8, "punct", "PUNCT", ",", ","), ("Varga", True, 8, "nsubj", "PROPN", "NNP", "Varga"),
        ("said", False, 13, "parataxis", "VERB", "VBD", "say"), (",", True, 8, "punct", "PUNCT", ",", ","),
        ("“", False, 13, "punct", "PUNCT", "``", "“"), ("We", True, 13, "nsubj", "PRON", "PRP", "we"),
        ("have", True, 13, "aux", "AUX", "VBP", "have"), ("got", True, 13, "ROOT", "VERB", "VBN", "get"),
        ("to", True, 15, "aux", "PART", "TO", "to"), ("stay", True, 13, "xcomp", "VERB", "VB", "stay"),
        ("dry", False, 15, "acomp", "ADJ", "JJ", "dry"), (".", False, 13, "punct", "PUNCT", ".", "."),
        ("”", False, 13, "punct", "PUNCT", "''", "”"),
    ], ents=[7])
    direct = [a for a in found if a.quote.kind == "direct"]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in direct] == [("Varga", "said", "We have got to stay dry.")]


def test_extract_quotes_a_mixed_quotes_clause_stays_in_its_paragraph():
    # The parser runs one sentence over a paragraph break and makes the earlier report a
    # clause of the "she said" after the quote.
    text, found = _parsed([
        ("Varga", True, 1, "nsubj", "PROPN", "NNP", "Varga"), ("added", True, 19, "ccomp", "VERB", "VBD", "add"),
        ("that", True, 5, "mark", "SCONJ", "IN", "that"), ("the", True, 4, "det", "DET", "DT", "the"),
        ("pier", True, 5, "nsubj", "NOUN", "NN", "pier"), ("was", True, 1, "ccomp", "AUX", "VBD", "be"),
        ("safe", False, 5, "acomp", "ADJ", "JJ", "safe"), (".", False, 1, "punct", "PUNCT", ".", "."),
        ("\n\n", False, 7, "dep", "SPACE", "_SP", "\n\n"), ("“", False, 1, "punct", "PUNCT", "``", "“"),
        ("I", True, 11, "nsubj", "PRON", "PRP", "I"), ("walk", True, 1, "ccomp", "VERB", "VBP", "walk"),
        ("along", True, 11, "prep", "ADP", "IN", "along"), ("it", True, 12, "pobj", "PRON", "PRP", "it"),
        ("every", True, 15, "det", "DET", "DT", "every"), ("day", False, 11, "npadvmod", "NOUN", "NN", "day"),
        (",", False, 19, "punct", "PUNCT", ",", ","), ("”", True, 19, "punct", "PUNCT", "''", "”"),
        ("she", True, 19, "nsubj", "PRON", "PRP", "she"), ("said", False, 19, "ROOT", "VERB", "VBD", "say"),
        (".", False, 19, "punct", "PUNCT", ".", "."),
    ], ents=[0])
    said = [a for a in found if a.quote.cue == "said"]
    assert [a.quote.text for a in said] == ["I walk along it every day"]
    assert said[0].content_span is None or "\n" not in text[slice(*said[0].content_span)]


def test_extract_quotes_echoing_a_quote_is_saying_it():
    found = _quotes("“The pier is safe for every ferry,” Brennick echoed.")[2]
    assert _said(found) == [("Brennick", "echoed", "The pier is safe for every ferry")]


def test_extract_quotes_an_inserted_attribution_reports_the_clause_around_it():
    text = "The old pier, Mayor Ilse Varga said, will reopen to the fishermen in May."
    _, index, found = _quotes(text)
    pier = [a for a in found if "will reopen to the fishermen" in a.quote.text]
    assert pier and pier[0].quote.text.startswith("The old pier")
    assert index.get(pier[0].quote.speaker).name == "Ilse Varga"


def test_extract_quotes_transcript_lines_credit_the_speaker_named_by_surname():
    text = ("Mayor Ilse Varga spoke to the radio host Tomas Brennick on Friday.\n\n"
            "BRENNICK: Will the harbour wall be finished before the storms arrive?\n\n"
            "VARGA: We expect the crews to finish the wall by the end of October.")
    _, index, found = _quotes(text)
    by_text = {a.quote.text: index.get(a.quote.speaker).name for a in found if a.quote.cue == ":"}
    assert by_text.get("We expect the crews to finish the wall by the end of October") == "Ilse Varga"
    assert by_text.get("Will the harbour wall be finished before the storms arrive?") == "Tomas Brennick"


def test_extract_quotes_a_headline_source_named_by_surname_alone():
    text = ("Varga: Harbour Wall Will Hold This Winter.\n\n"
            "Mayor Ilse Varga told the council on Tuesday that the repairs were finished.")
    _, index, found = _quotes(text)
    head = [a for a in found if a.quote.cue == ":"]
    assert head and index.get(head[0].quote.speaker).name == "Ilse Varga"


def test_extract_quotes_a_clause_of_time_after_the_verb_is_not_what_was_said():
    text = ("“His harbour will live on,” Brennick said, as a few young sailors worked out inside the boathouse, "
            "while outside some tourists stopped to take photos near the old mast. “His stories will live on here.”")
    _, _, found = _quotes(text)
    assert not any("sailors worked out" in a.quote.text for a in found)
    follow = [a for a in found if a.continues]
    assert follow and follow[0].quote.text.startswith("His stories")


def test_extract_quotes_a_remark_of_the_same_speaker_does_not_end_the_quote():
    text = ("“We need the money,” said Ilse Varga, referring to the harbour fund set up by the council. "
            "“Give us the funds and the crews will finish the wall.”")
    _, _, found = _quotes(text)
    follow = [k for k, a in enumerate(found) if a.continues]
    assert follow, "the second passage continues the first"
    before = found[follow[0] - 1]
    assert before.quote.text == "We need the money"


def test_extract_quotes_a_verb_opens_a_quote_in_two_apostrophes():
    text = ("Admiral Ilse Varga leads the fleet.\n\nIn her ''commander's intent,'' a document she drew up last year "
            "describing her goals, she wrote, ''We must communicate clearly with key allies, partners and rivals.''")
    _, _, found = _quotes(text)
    memo = [a for a in found if a.quote.text.startswith("We must communicate")]
    assert memo and memo[0].quote.cue == "wrote" and memo[0].quote.speaker_text == "she"


def test_extract_quotes_a_clause_set_in_a_poll_is_its_finding():
    text = "In a survey last month, the pier plan led the other two proposals by ten points."
    _, _, found = _quotes(text)
    poll = [a for a in found if a.quote.text.startswith("the pier plan led")]
    assert poll and "survey" in poll[0].quote.speaker_text and poll[0].quote.cue == "In"


def test_extract_quotes_proposals_plans_and_descriptions_are_voiced():
    text = ("Mayor Ilse Varga proposed a new toll on the harbour bridge. The council plans to rebuild the "
            "harbour wall next spring. Varga described the flooded streets of the old town.")
    _, _, found = _quotes(text)
    texts = {a.quote.text: a.quote.cue for a in found}
    assert texts.get("a new toll on the harbour bridge") == "proposed"
    assert texts.get("to rebuild the harbour wall next spring") == "plans"
    assert texts.get("the flooded streets of the old town") == "described"


def test_extract_quotes_a_stance_keeps_what_completes_its_object_but_not_when():
    text = ("Mayor Ilse Varga praised the council's leadership in the aftermath of the storm and its ability "
            "to get things done. Tomas Brennick praised the harbour crews in 2019.")
    _, _, found = _quotes(text)
    texts = [a.quote.text for a in found]
    assert "the council's leadership in the aftermath of the storm and its ability to get things done" in texts
    assert "the harbour crews" in texts


def test_extract_quotes_relative_clause_reports_what_is_said_of_its_noun():
    for text, said, name in (
            ("Mayor Ilse Varga praised the new harbour levy on Monday, which she said was long overdue.",
             "was long overdue", "Ilse Varga"),
            ("Tomas Brennick backed a toll on heavy trucks, which he said the port authority should collect.",
             "the port authority should collect", "Tomas Brennick")):
        _, index, found = _quotes(text)
        quote = [a for a in found if a.quote.cue == "said"]
        assert [a.quote.text for a in quote] == [said]
        assert index.get(quote[0].quote.speaker).name == name


def test_extract_quotes_attribution_inserted_in_a_clause_with_a_quoted_fragment():
    text = "The new pier, Ilse Varga said, is “safe for now” but will need repairs."
    _, index, found = _quotes(text)
    assert len(found) == 1 and found[0].quote.kind == "mixed" and found[0].quote.text == "safe for now"
    start, end = found[0].content_span
    assert text[start:end].startswith("The new pier") and text[start:end].endswith("will need repairs")
    assert index.get(found[0].quote.speaker).name == "Ilse Varga"


def test_extract_quotes_quote_after_an_inserted_attribution_is_the_utterance_alone():
    text = "Asked about the storm damage, Ilse Varga said, “The pier will be rebuilt by the summer.”"
    _, _, found = _quotes(text)
    quote = [a for a in found if a.quote.text.startswith("The pier will be rebuilt")]
    assert quote and quote[0].quote.speaker_text == "Ilse Varga"
    assert quote[0].content_span is None or text[slice(*quote[0].content_span)].startswith("The pier")


def test_extract_quotes_gerund_after_by_or_after_speaks_for_the_main_subject():
    text = ("Ilse Varga began by talking about the drug crisis in the harbour town. "
            "Tomas Brennick angered the council by saying that the pier would close for a year.")
    _, index, found = _quotes(text)
    by_text = {a.quote.text: a for a in found}
    assert index.get(by_text["the drug crisis in the harbour town"].quote.speaker).name == "Ilse Varga"
    assert index.get(by_text["the pier would close for a year"].quote.speaker).name == "Tomas Brennick"


def test_extract_quotes_continued_after_a_quote_is_its_own_cue():
    text = ("“The pier will reopen in May,” Mayor Ilse Varga said. “Let’s not rush the repairs,” she continued. "
            "“The divers need another month.”")
    _, _, found = _quotes(text)
    cues = {a.quote.text: a.quote.cue for a in found}
    assert cues.get("Let’s not rush the repairs") == "continued"
    assert cues.get("The pier will reopen in May") == "said"


def test_extract_quotes_manner_of_speaking_verbs_cue_a_quote():
    text = "“Nobody asked the fishermen,” Tomas Brennick retorted."
    _, index, found = _quotes(text)
    assert found and found[0].quote.cue == "retorted" and found[0].quote.text == "Nobody asked the fishermen"
    assert index.get(found[0].quote.speaker).name == "Tomas Brennick"


def test_extract_quotes_speaker_named_after_the_quote_with_a_long_description():
    for text in ("“We have had better summers than this one,” harbour master Tomas Brennick, wearing a yellow coat "
                 "and a cap with the town crest on it, said as the rain fell.",
                 "“Very good reporter, very good reporter this guy,” Tomas Brennick, the harbour master and the "
                 "favourite to win the mayoral race by a wide margin after the primaries, said when Varga asked him "
                 "a question."):
        _, index, found = _quotes(text)
        assert len(found) == 1 and found[0].quote.kind == "direct" and found[0].content_span is None
        assert index.get(found[0].quote.speaker).name == "Tomas Brennick"
        assert text[slice(*found[0].quote.span)] == found[0].quote.text and found[0].quote.text.endswith(("one", "guy"))


def test_extract_quotes_a_quoted_show_title_is_where_it_was_said_not_what():
    text = "Tomas Brennick said on “Harbour Morning Live” that the toll was unfair."
    _, _, found = _quotes(text)
    assert [a.quote.text for a in found] == ["the toll was unfair"]
    _, _, found = _quotes("Ilse Varga told the Coast Gazette’s “Weekend Review” on Sunday.")
    assert not found
    _, _, found = _quotes("Tomas Brennick said he would tell him “no more nonsense” next week.")
    assert [a.quote.text for a in found] == ["no more nonsense"]


def test_extract_quotes_a_contrast_after_the_reported_clause_is_not_said():
    text = "About half of the residents say they prefer a new pier, while about 4 in 10 want the old one repaired."
    _, _, found = _quotes(text)
    said = [a for a in found if a.quote.cue == "say"]
    assert [a.quote.text for a in said] == ["they prefer a new pier"]
    assert said[0].quote.speaker_text == "About half of the residents"


def test_extract_quotes_fragment_in_an_according_to_sentence_keeps_the_sentence():
    text = "The old pier is now “a danger to every boat in the bay,” according to Ilse Varga."
    _, index, found = _quotes(text)
    assert len(found) == 1 and found[0].quote.kind == "mixed" and found[0].quote.cue == "according to"
    assert found[0].quote.text == "a danger to every boat in the bay"
    assert text[slice(*found[0].content_span)].startswith("The old pier is now")
    assert index.get(found[0].quote.speaker).name == "Ilse Varga"


def test_extract_quotes_telling_someone_then_a_quote_credits_the_subject():
    for text in ("Ilse Varga seemed ready to joke about the storm, telling the crowd, “Some people get a little "
                 "carried away, have you noticed that?”",
                 "Tomas Brennick shrugged off the criticism, telling reporters, “Nobody has ever asked me to resign.”"):
        _, index, found = _quotes(text)
        assert len(found) == 1 and found[0].quote.cue in ("telling the crowd", "telling reporters") and found[0].quote.kind == "direct"
        assert found[0].quote.text.startswith(("Some people", "Nobody has"))
        assert index.get(found[0].quote.speaker).name in ("Ilse Varga", "Tomas Brennick")
        assert found[0].quote.speaker_text in ("Ilse Varga", "Tomas Brennick")


def test_extract_quotes_speech_verbs_with_a_particle_cue_their_own_quote():
    text = ("“I chose to fulfil my duty,” Ilse Varga said. “You know, it happens, right?” Tomas Brennick went on, "
            "as if he didn’t hear her.")
    _, index, found = _quotes(text)
    on = [a for a in found if a.quote.text.startswith("You know")]
    assert on and on[0].quote.cue == "went on" and not on[0].continues
    assert index.get(on[0].quote.speaker).name == "Tomas Brennick"
    _, _, found = _quotes("Ilse Varga shot back, “I chose to fulfil my duty.”")
    assert found and found[0].quote.cue == "shot back" and found[0].quote.speaker_text == "Ilse Varga"
    # going on to do something is no speech: the show's title is not a quote
    _, _, found = _quotes("Tomas Brennick went on to promote “Harbour Nights,” his new show.")
    assert not [a for a in found if a.quote.cue.startswith("went")]


def test_extract_quotes_a_particle_inside_the_reported_words_is_no_part_of_the_cue():
    # "show … up" is no phrasal verb here: "up by 12 points" is what the polls show
    _, _, found = _quotes("Polls show Varga up by 12 points in the harbour district, where she grew up.")
    shown = [a for a in found if a.quote.text.startswith("Varga up by 12 points")]
    assert shown and shown[0].quote.cue == "show"


def test_extract_quotes_an_unnamed_source_too_long_described_keeps_its_description_up_to_the_comma():
    text = ("“There is no other way to reopen the pier,” said one of those harbour engineers, who spoke on the "
            "condition of anonymity to share the board’s internal figures.")
    _, _, found = _quotes(text)
    assert found and found[0].quote.speaker is None and found[0].quote.speaker_text == "one of those harbour engineers"


def test_extract_quotes_subject_read_as_apposition_of_an_opening_phrase():
    text = ("In a statement to the Coast Gazette, her senior policy adviser, Ana Ruiz, said: “The mayor believes "
            "that the harbour wall is essential.”")
    _, _, found = _quotes(text)
    assert found and found[0].quote.text.startswith("The mayor believes")
    assert found[0].quote.speaker_text.endswith("Ana Ruiz")


def test_extract_quotes_live_blog_time_stamp_is_not_the_speaker():
    # the parse the tagger gives a live blog's entry: the time stamp as subject, the speaker
    # hung on it across the paragraph break
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from storyweave.extract.quotes import _after_dateline

    words = ["2:40", "p.m.", "\n\n", "The", "harbour", "master", "says", "the", "pier", "is", "safe", "."]
    heads = [1, 6, 1, 5, 5, 1, 6, 8, 9, 6, 9, 6]
    deps = ["nummod", "nsubj", "dep", "det", "compound", "appos", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["NUM", "ADP", "SPACE", "DET", "NOUN", "NOUN", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    doc = Doc(Vocab(), words=words, spaces=[True, False, False] + [True] * 8 + [False], heads=heads, deps=deps, pos=pos)
    assert _after_dateline(doc[1], doc[6]).text == "master"


def test_extract_quotes_a_choice_leaves_out_the_writers_description_of_the_name():
    text = "Nearly 10 percent of them voted for Tomas Brennick, a harbour pilot who has never held office."
    _, _, found = _quotes(text)
    vote = [a for a in found if a.quote.cue == "voted for"]
    assert [a.quote.text for a in vote] == ["Tomas Brennick"]
    assert vote[0].quote.speaker_text == "Nearly 10 percent of them"


def test_extract_quotes_a_group_speaks_through_a_participle_of_speech():
    text = ("The harbour departments declined to provide any documents, saying they cannot discuss the case "
            "because of the investigation.")
    _, _, found = _quotes(text)
    saying = [a for a in found if a.quote.cue == "saying"]
    assert [a.quote.text for a in saying] == ["they cannot discuss the case because of the investigation"]
    assert saying[0].quote.speaker_text == "The harbour departments" and saying[0].unnamed


def _speaker_of(text: str, words: str) -> str | None:
    _, index, found = _quotes(text)
    quote = next(a.quote for a in found if words in a.quote.text)
    return index.get(quote.speaker).name if quote.speaker else None


@pytest.mark.parametrize("text, words, speaker", [
    pytest.param("Robin Brennick and Sasha Varga met on Monday. Mrs Varga praised the new pier. "
                 "Mr. Brennick toured the harbour. “The pier is safe,” she said.",
                 "The pier is safe", "Sasha Varga", id="honorifics"),
    pytest.param("Sasha Varga, the council's spokeswoman, opened the pier on Monday. "
                 "Chairman Robin Brennick thanked the builders. “It took three years,” she said.",
                 "It took three years", "Sasha Varga", id="role-nouns"),
    pytest.param("Sasha Varga and her husband Robin Brennick visited the pier on Sunday. "
                 "Brennick praised the builders. “It will last a century,” she said.",
                 "It will last a century", "Sasha Varga", id="her-husband"),
    pytest.param("Robin Brennick opened the harbour meeting. He thanked the builders. Sasha Varga arrived late. "
                 "She apologised to the builders. Brennick closed the meeting. “The pier is safe,” she said.",
                 "The pier is safe", "Sasha Varga", id="pronouns-the-article-uses"),
    # a first name nearly always given to one gender (and no other evidence)
    pytest.param("Loretta Ames proposed the bridge in March. Gregory Tallis opposed the cost. "
                 "“We cannot wait another decade,” she said.",
                 "We cannot wait another decade", "Loretta Ames", id="first-names"),
    # a pronoun opening a clause before the main one points ahead to its subject
    pytest.param("Robin Brennick chose the harbour board in May. Ever since she endorsed the ferry plan, Sasha Varga "
                 "has toured the pier.", "the ferry plan", "Sasha Varga", id="pointing-ahead"),
    # a person of unknown gender stays a candidate
    pytest.param("Robin Brennick opened the pier on Monday. “It is safe,” she said.",
                 "It is safe", "Robin Brennick", id="unknown-gender"),
    pytest.param("Robin Brennick and Sasha Varga, the harbour's spokeswoman, met on Monday. Mrs Varga praised "
                 "the new pier. Mr. Brennick toured the harbour. The spokeswoman said the pier would open in May.",
                 "the pier would open in May", "Sasha Varga", id="gendered-role-noun-speaker"),
    pytest.param("Sasha Varga opened the pier on Monday. Robin Brennick thanked the builders. "
                 "“It took three years,” he said. “The pier is safe,” she said.",
                 "It took three years", "Robin Brennick", id="he-after-she-named"),
    pytest.param("Sasha Varga opened the pier on Monday. Robin Brennick thanked the builders. "
                 "“It took three years,” he said. “The pier is safe,” she said.",
                 "The pier is safe", "Sasha Varga", id="she-after-he-said"),
])
def test_extract_quotes_a_pronoun_or_role_noun_speaker_skips_people_of_the_other_gender(text, words, speaker):
    assert _speaker_of(text, words) == speaker


def test_extract_quotes_a_pronoun_in_a_speakers_own_reported_clause_is_that_speaker():
    # "he" opens Kane's reported clause: it is Kane, and so is the "he said" after it.
    text = ("Mayor Tomas Brennick said the harbour would stay open. Harbour master Ed Kane, at a briefing "
            "on Monday, said that he knew the repairs would anger fishermen. "
            "“Nothing in the plan closes the harbour,” he said.")
    assert _speaker_of(text, "Nothing in the plan closes the harbour") == "Ed Kane"


def test_extract_quotes_curly_quote_closed_by_a_straight_mark_is_one_quote():
    from storyweave.extract.quotes import quoted_spans

    text = '“The pier is safe," Ilse Varga said. "We will reopen it in May,” she added.'
    spans = [text[s:e] for s, e in quoted_spans(text)]
    assert spans == ["The pier is safe", "We will reopen it in May"]


def test_extract_quotes_a_quote_running_into_the_next_paragraph_is_not_dropped():
    from storyweave.extract.quotes import quoted_spans

    text = ("“The pier is safe,” Varga said. “The crews checked every beam last week.\n\n"
            "“We will reopen it in May.”")
    spans = [text[s:e] for s, e in quoted_spans(text)]
    assert "The crews checked every beam last week." in spans


def test_extract_quotes_a_quote_marked_only_where_it_opens_and_closes_runs_over_its_paragraphs():
    # One opening mark, two paragraphs without marks, one closing mark: all of it is the
    # speaker's, and a belief inside it ("knowing that …") is no one else's statement.
    text = ("His aunt, Ilse Varga, said the boy was unarmed. “They were wrong about him,” she said.\n\n"
            "“He is only fifteen years old.\n\nWhy would he run at six officers, knowing that they would shoot him?\n\n"
            "He knew far better than that.\"\n\nCouncillor Tomas Brennick said the inquiry would start on Monday.")
    _, index, found = _quotes(text)
    said = {a.quote.text.strip(): index.get(a.quote.speaker).name if a.quote.speaker else None for a in found}
    assert said.get("He is only fifteen years old.") == "Ilse Varga"
    assert said.get("He knew far better than that.") == "Ilse Varga"
    assert said.get("Why would he run at six officers, knowing that they would shoot him?") == "Ilse Varga"
    assert "they would shoot him" not in said


def test_extract_quotes_a_stray_closing_mark_paragraphs_later_opens_no_quote():
    from storyweave.extract.quotes import quoted_spans

    # An opening mark whose quote closes in its own paragraph, then narration, then a
    # paragraph with marks of its own: nothing runs over the narration.
    text = ("“The pier is safe,” Varga said.\n\nThe crews left at noon.\n\n"
            "Brennick called it “a relief.”")
    assert [text[s:e] for s, e in quoted_spans(text)] == ["The pier is safe", "a relief."]


def test_extract_quotes_first_person_beliefs_outside_quotes_are_statements():
    text = ("Q: Will the pier reopen?\n\nA: I think the crews will finish the repairs before the summer. "
            "We believe the harbour deserves it.")
    _, _, found = _quotes(text)
    said = {a.quote.speaker_text: a.quote.text for a in found}
    assert said.get("I") == "the crews will finish the repairs before the summer"
    assert said.get("We") == "the harbour deserves it"
    assert all(a.quote.speaker is None for a in found if a.quote.speaker_text in ("I", "We"))


def test_extract_quotes_they_think_in_the_writers_voice_stays_unattributed():
    text = "The fishermen waited at the harbour. They think the pier will never reopen."
    _, _, found = _quotes(text)
    assert not [a for a in found if a.quote.speaker_text == "They"]


def test_extract_quotes_a_relative_statement_inside_a_reported_clause_is_its_own():
    text = ("Sixty percent of residents said they want the pier rebuilt, against a quarter of residents "
            "who said the council should spend the money on schools.")
    _, _, found = _quotes(text)
    texts = [a.quote.text for a in found]
    assert "they want the pier rebuilt" in texts
    assert "the council should spend the money on schools" in texts


def test_extract_quotes_attacks_and_rejections_are_stances():
    text = ("Mayor Ilse Varga slammed the council's budget. Tomas Brennick rejected the allegations. "
            "Varga blamed the port authority for the delay. Brennick ripped the new toll.")
    _, _, found = _quotes(text)
    by_cue = {a.quote.cue: a.quote.text for a in found}
    assert by_cue.get("slammed") == "the council's budget"
    assert by_cue.get("ripped") == "the new toll"
    assert by_cue.get("rejected") == "the allegations"
    assert by_cue.get("blamed", "").startswith("the port authority for the delay")


def test_extract_quotes_a_statement_saying_is_said_by_who_issued_it():
    text = "Mayor Ilse Varga issued a statement saying the pier will reopen in May."
    _, index, found = _quotes(text)
    said = [a for a in found if a.quote.text == "the pier will reopen in May"]
    assert said and index.get(said[0].quote.speaker).name == "Ilse Varga" and said[0].quote.cue == "saying"


def test_extract_quotes_a_man_saying_is_not_the_subject_speaking():
    text = "Ilse Varga met a fisherman saying the pier will reopen in May."
    _, _, found = _quotes(text)
    assert not [a for a in found if a.quote.speaker_text == "Ilse Varga" and a.quote.text.startswith("the pier")]


@pytest.mark.parametrize("text, voiced", [
    # sides taken, votes against and beliefs held
    ("Mayor Ilse Varga sided with the harbour crews. Tomas Brennick voted against the new toll. "
     "Brennick believes in a smaller council.",
     {"sided with": "the harbour crews", "voted against": "the new toll", "believes in": "a smaller council"}),
    # what someone cites, questions or unveils
    ("Mayor Ilse Varga cited the rising cost of steel. Tomas Brennick questioned the council's figures. "
     "Varga unveiled a plan for the harbour.",
     {"cited": "the rising cost of steel", "questioned": "the council's figures", "unveiled": "a plan for the harbour"}),
    # an infinitive running on from the object says what the object is, though the parser
    # hangs it on the verb
    ("Ilse Varga defended her call to raise the harbour toll to ten crowns a day. "
     "Tomas Brennick is defending his new rules to tighten checks on ferry tickets.",
     {"defended": "her call to raise the harbour toll to ten crowns a day",
      "defending": "his new rules to tighten checks on ferry tickets"}),
    # when, where or through what a stance was voiced is no part of it ("on" after a person)
    ("Ilse Varga criticized Tomas Brennick during the debate. Brennick attacked the harbour board from the council floor. "
     "Mayor Ilse Varga praised the ferry crews at a rally. Ilse Varga ripped Tomas Brennick on social media.",
     {"criticized": "Tomas Brennick", "attacked": "the harbour board", "praised": "the ferry crews",
      "ripped": "Tomas Brennick"}),
])
def test_extract_quotes_positions_voiced_by_verb_and_object(text, voiced):
    _, _, found = _quotes(text)
    by_cue = {a.quote.cue: a.quote.text for a in found}
    assert {cue: by_cue.get(cue) for cue in voiced} == voiced


def test_extract_quotes_a_refusal_to_comment_is_attributed():
    text = "Mayor Ilse Varga declined to comment."
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("Mayor Ilse Varga", "to comment")]


def test_extract_quotes_a_portrayal_as_something_is_a_label():
    text = "Mayor Ilse Varga cast the new toll as a burden on every fisherman."
    _, _, found = _quotes(text)
    assert [a.quote.text for a in found] == ["the new toll as a burden on every fisherman"]


def test_extract_quotes_a_survey_finds_but_a_graduate_only_finds_a_job():
    text = ("A new survey found broad support for the harbour wall among residents. "
            "The young graduate found a job in the harbour office last spring.")
    _, _, found = _quotes(text)
    texts = [a.quote.text for a in found]
    assert any(t.startswith("broad support for the harbour wall") for t in texts)
    assert not any("a job" in t for t in texts)


def test_extract_quotes_a_clause_ending_in_a_poll_is_its_finding():
    text = "Ilse Varga leads Tomas Brennick by eight points in the latest harbour survey."
    _, _, found = _quotes(text)
    poll = [a for a in found if a.quote.text.startswith("Ilse Varga leads Tomas Brennick")]
    assert poll and "survey" in poll[0].quote.speaker_text


def test_extract_quotes_lawmakers_call_for_but_a_situation_does_not():
    text = ("Several lawmakers called for an inquiry into the harbour contract. "
            "The storm damage calls for a careful repair of the pier.")
    _, _, found = _quotes(text)
    texts = [a.quote.text for a in found]
    assert "an inquiry into the harbour contract" in texts
    assert not any("careful repair" in t for t in texts)


def test_extract_quotes_speaker_opening_a_paragraph_the_parser_ran_into_the_quote_before():
    text = ("“We will see how the repairs go,” the engineer said.\n\n"
            "Mayor Ilse Varga, facing a hard election in the spring, said she would welcome the crews.")
    _, index, found = _quotes(text)
    said = [a for a in found if a.quote.text == "she would welcome the crews"]
    assert said and index.get(said[0].quote.speaker).name == "Ilse Varga"


def test_extract_quotes_questioning_whether_is_reported_speech():
    text = "Tomas Brennick questioned whether the council could afford the new harbour wall."
    _, _, found = _quotes(text)
    assert [(a.quote.cue, a.quote.text) for a in found] == [
        ("questioned", "whether the council could afford the new harbour wall")]


def test_extract_quotes_a_paragraph_about_the_speaker_does_not_end_the_quote():
    text = ("“The pier belongs to the fishermen,” said Ilse Varga, a harbour pilot from Kessel. "
            "Varga has worked on the water for thirty years. “Nobody asked them what they need.”")
    _, index, found = _quotes(text)
    follow = [a for a in found if a.quote.text.startswith("Nobody asked them")]
    assert follow and follow[0].continues and index.get(follow[0].quote.speaker).name == "Ilse Varga"


def test_extract_quotes_a_passage_after_another_speaker_in_the_paragraph_is_not_continued():
    text = ("“The pier belongs to the fishermen,” said Ilse Varga. Tomas Brennick disagreed with her "
            "on the cost. “Nobody asked the taxpayers what they need.”")
    _, _, found = _quotes(text)
    assert not [a for a in found if a.quote.text.startswith("Nobody asked") and a.continues
                and a.quote.speaker_text == "Ilse Varga"]


def _marked(text: str, found) -> list[tuple[str, str, str]]:
    """(source, cue, content) of each attribution as attribution corpora mark them."""
    return [(text[slice(*a.source_span)], text[slice(*a.cue_span)], text[slice(*a.marked_content_span)]) for a in found]


def test_extract_quotes_direct_content_is_marked_with_its_quotation_marks():
    text = "“We will rebuild the pier before the storms,” Tomas Brennick said."
    _, _, found = _quotes(text)
    assert _marked(text, found) == [("Tomas Brennick", "said", "“We will rebuild the pier before the storms,”")]
    assert found[0].quote.text == "We will rebuild the pier before the storms"  # reports show the words only


def test_extract_quotes_reported_clause_is_marked_with_its_complementiser():
    text = "Mayor Ilse Varga said that the harbour wall would be finished next year."
    _, _, found = _quotes(text)
    assert _marked(text, found)[0][2] == "that the harbour wall would be finished next year"
    assert found[0].quote.text == "the harbour wall would be finished next year"


def test_extract_quotes_source_is_marked_with_its_apposition_and_speaker_text_stays_the_name():
    text = "Ilse Varga, the mayor of Orsk, said the harbour wall would be finished next year."
    _, index, found = _quotes(text)
    assert _marked(text, found)[0][0] == "Ilse Varga, the mayor of Orsk,"
    assert found[0].quote.speaker_text == "Ilse Varga"
    assert index.get(found[0].quote.speaker).name == "Ilse Varga"


def test_extract_quotes_cue_is_marked_with_its_auxiliary_and_particle():
    text = ("Tomas Brennick has also said the pier is unsafe for the ferries. "
            "Ilse Varga pointed out that the ferries had stopped running in March.")
    _, _, found = _quotes(text)
    assert [cue for _, cue, _ in _marked(text, found)] == ["has also said", "pointed out"]


def test_extract_quotes_speaker_in_a_relative_clause_is_marked_by_the_pronoun():
    text = "The ferries stopped in March, according to Tomas Brennick, who said that the pier was unsafe."
    _, _, found = _quotes(text)
    said = [a for a in found if a.quote.cue == "said"]
    assert _marked(text, said) == [("who", "said", "that the pier was unsafe")]
    assert text[slice(*said[0].quote.speaker_span)] == "Tomas Brennick, who"


def test_extract_quotes_colon_joins_the_cue_and_a_quoted_clause_keeps_its_complementiser():
    text = ("Ilse Varga said: “The pier will open in May.”\n\n"
            "Tomas Brennick said that “the new pier is a disgrace.”")
    _, _, found = _quotes(text)
    assert [(cue, content) for _, cue, content in _marked(text, found)] == [
        ("said:", "“The pier will open in May.”"),
        ("said", "that “the new pier is a disgrace.”"),
    ]


def test_extract_quotes_writers_aside_after_a_comma_is_left_out_of_the_marked_content():
    text = "Tomas Brennick said the ferry contract went to Ilse Varga, who ran the harbour board until May."
    _, _, found = _quotes(text)
    assert [content for _, _, content in _marked(text, found)] == ["the ferry contract went to Ilse Varga"]
    # a relative clause without a comma is part of what was said, and so are quoted words
    text = ("Tomas Brennick said the council ignored the engineers who had warned about the pier. "
            "Ilse Varga said she would vote for Brennick, “who has always told the truth.”")
    _, _, found = _quotes(text)
    contents = [content for _, _, content in _marked(text, found)]
    assert "the council ignored the engineers who had warned about the pier" in contents
    assert any(c.endswith("“who has always told the truth.”") for c in contents)
    # so is a description set beside a name; a name beside a description says who was meant
    text = "Tomas Brennick said the ferry contract went to Ilse Varga, a former harbour pilot."
    _, _, found = _quotes(text)
    assert [content for _, _, content in _marked(text, found)] == ["the ferry contract went to Ilse Varga"]
    text = "Tomas Brennick said the council would sue its old chairman, Karl Olsen."
    _, _, found = _quotes(text)
    assert [content for _, _, content in _marked(text, found)] == ["the council would sue its old chairman, Karl Olsen"]


def test_extract_quotes_noun_of_saying_with_a_that_clause_is_voiced_by_its_possessor():
    text = "Voters remembered Tomas Brennick's claim that the pier would reopen by June."
    _, index, found = _quotes(text)
    assert [(index.get(a.quote.speaker).name, a.quote.cue, a.quote.text) for a in found] == [
        ("Tomas Brennick", "claim", "the pier would reopen by June")]
    # the place where something was said is no speaker of its own
    text = "Ilse Varga stressed in her remarks that the harbour budget was already spent."
    _, _, found = _quotes(text)
    assert not [a for a in found if a.quote.speaker_text == "her"]
    # the noun as the subject of "was", its "that" clause after the copula
    text = "Tomas Brennick spoke for an hour. His argument was that the pier would bring the ferries back."
    _, index, found = _quotes(text)
    assert [(index.get(a.quote.speaker).name, a.quote.cue, a.quote.text) for a in found] == [
        ("Tomas Brennick", "argument", "the pier would bring the ferries back")]
    # a conclusion or a position names no one who voiced it
    _, _, found = _quotes("The report was long. The conclusion was that the pier is unsafe. Its position was that it must close.")
    assert found == []


def test_extract_quotes_colon_after_a_name_hands_over_the_quote_across_a_no_break_space():
    text = "The vote was close.\n\nMore from Mayor Ilse Varga:\u00a0“The pier is older than the town and it will stay.”"
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("Ilse Varga", ":", "The pier is older than the town and it will stay.")]


def test_extract_quotes_short_passage_right_after_a_quote_continues_it():
    text = "“They complain,” Ilse Varga said. “Everyone complains, right?”"
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.text, a.continues) for a in found] == [
        ("Ilse Varga", "They complain", False), ("Ilse Varga", "Everyone complains, right?", True)]
    # a short quote inside a sentence is a scare quote, not a passage of its own
    text = "“They complain,” Ilse Varga said. The “harbour lobby” left early."
    _, _, found = _quotes(text)
    assert [a.quote.text for a in found] == ["They complain"]


@pytest.mark.parametrize("text, expected", [
    # agreements to act are voiced by the one who agreed
    ("Tomas Brennick agreed to pay for the repairs to the old pier.",
     [("Tomas Brennick", "agreed", "to pay for the repairs to the old pier")]),
    # an aim pursued is voiced too (session 24: with today's phases it adds about two right
    # attributions for each wrong one on PolNeAR train; a thing's purpose stays out)
    ("Ilse Varga sought to reassure the harbour workers about their jobs.",
     [("Ilse Varga", "sought", "to reassure the harbour workers about their jobs")]),
    # hopes, though the parser lemmatises "hopes" and "hoped" as "hop"
    ("Ilse Varga hopes to win the harbour ward in the spring election.",
     [("Ilse Varga", "hopes", "to win the harbour ward in the spring election")]),
    ("Tomas Brennick hoped the council would rebuild the pier before the summer.",
     [("Tomas Brennick", "hoped", "the council would rebuild the pier before the summer")]),
    # echoing, recalling and writing voice their object
    ("Tomas Brennick spoke after the mayor. He echoed her criticism of the ferry company.",
     [("He", "echoed", "her criticism of the ferry company")]),
    ("Ilse Varga spoke for an hour, recalling a visit to the harbour as a child.",
     [("Ilse Varga", "recalling", "a visit to the harbour as a child")]),
    ("Tomas Brennick wrote an open letter urging the council to rebuild the pier.",
     [("Tomas Brennick", "wrote", "an open letter urging the council to rebuild the pier")]),
    # a report or the weather voices nothing
    ("The storm damaged the harbour. The report echoed earlier warnings about the pier. "
     "The fog recalled the winter of 1987.", []),
])
def test_extract_quotes_agreements_hopes_and_echoes_are_voiced(text: str, expected: list) -> None:
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == expected


def test_extract_quotes_attacks_and_welcomes_in_words_are_stances():
    text = ("Ilse Varga assailed the harbour board for its delays. Tomas Brennick attacked the ferry company over "
            "the new fares. Ilse Varga welcomed the ruling on the old pier.")
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("Ilse Varga", "assailed", "the harbour board for its delays"),
        ("Tomas Brennick", "attacked", "the ferry company over the new fares"),
        ("Ilse Varga", "welcomed", "the ruling on the old pier")]
    # gunmen attack without words, a mayor welcoming a guest greets; an attack asked of
    # others is the demand's, no stance of its own
    _, _, found = _quotes("Gunmen attacked the ferry terminal at night. Ilse Varga welcomed Tomas Brennick at the harbour.")
    assert found == []
    _, _, found = _quotes("Tomas Brennick called on the council to attack the harbour levy.")
    assert [(a.quote.cue, a.quote.text) for a in found] == [("called on", "the council to attack the harbour levy")]


@pytest.mark.parametrize("speaker_after_quote, speaker", [("Lind", "Mara Lind"), ("Brennick", None)])
def test_extract_quotes_a_description_after_a_quotation_with_no_verb_is_its_speaker(speaker_after_quote, speaker):
    # "“…,” Lind from her desk" has no verb, but Lind is its speaker, still in view of the
    # description in the paragraph after it
    text = ("Mara Lind promised ferries through the night on Monday. “The boats will run until dawn,” Lind said at "
            "a meeting in Orsk.\nThe harbour master, Tomas Brennick, called the promise reckless on Tuesday.\nOn a "
            "morning show Wednesday, Lind insisted that the crossings would pay for themselves.\n“The late boats are "
            f"always full. Nobody has counted the riders,” {speaker_after_quote} from the studio. “Count them.”\n"
            "In a later post, the candidate boasted that “every town” now wants night ferries.")
    assert _speaker_of(text, "every town") == speaker


def test_extract_quotes_a_participle_the_parser_hung_on_the_subject_is_its_speech():
    # the parser hangs "alleging" on "Varga" as a clause of its own; Varga alleges
    _, index, found = _quotes("Varga, later alleging that Mayor Brennick wanted to shut the harbour, said he "
                              "would close the port.")
    alleged = [a.quote for a in found if a.quote.cue == "alleging"]
    assert [(q.speaker_text, q.text) for q in alleged] == [("Varga", "Mayor Brennick wanted to shut the harbour")]


def test_extract_quotes_an_aside_set_off_by_dashes_keeps_the_clause_its_verb_reports():
    # the spaced hyphens enclose the writer's aside; the "that" clause after them is what
    # Varga claims, however the parser hung it (here on "Varga", the participle too)
    _, _, found = _quotes("Ilse Varga, later claiming - again wrongly - that the Lusk council had sold "
                          "the ferry, said she would buy it back.")
    claimed = [a.quote for a in found if a.quote.cue == "claiming"]
    assert [(q.speaker_text, q.text) for q in claimed] == [("Ilse Varga", "the Lusk council had sold the ferry")]


def test_extract_quotes_an_as_phrase_inside_a_relative_clause_that_says_what_the_noun_is_is_no_judgement():
    # the rifts were bitter as a result of the strike; the rivals only see them
    assert _quotes("The two rivals plainly see the rifts that have been bitter in Orsk as a result of the long strike.")[2] == []
    # a clause that does something leaves the "as" the parser put in it to the judgement
    _, _, found = _quotes("Voters see the levy that the council passed in May as a burden.")
    assert [(a.quote.cue, a.quote.text) for a in found] == [("see", "the levy that the council passed in May as a burden")]


def test_extract_quotes_one_person_described_by_two_roles_is_the_one_the_second_fits():
    # no one is named governor, but "the … nominee" is the one person named so far
    text = ("Ada Varga toured the Orsk docks on Monday. On a radio show later, the onetime governor and "
            "present Harbour Party nominee said she wanted to talk to the fishermen.")
    _, index, found = _quotes(text)
    assert [[index.get(e).name for e in a.quote.credited()] for a in found] == [["Ada Varga"]]


def test_extract_quotes_a_participle_after_the_name_opening_its_sentence_is_that_names_act():
    # the parser hangs "hinting" and its clause on anything; Lind, whom the comma sets it
    # after, still does the hinting
    _, _, found = _quotes("Ada Lind, later hinting - again without proof - that Holm wanted to sell 40 berths, "
                          "said she would block it.")
    assert [(a.quote.cue, a.quote.speaker_text, a.quote.text) for a in found if a.quote.cue == "hinting"] == [
        ("hinting", "Ada Lind", "Holm wanted to sell 40 berths")]


def test_extract_quotes_admitting_people_is_letting_them_in():
    # someone who admits mistakes owns up to them; someone who admits people lets them in
    _, _, found = _quotes("Ilse Varga admitted two mistakes in the harbour budget.")
    assert [(a.quote.cue, a.quote.text) for a in found] == [("admitted", "two mistakes in the harbour budget")]
    for text in ("Tomas Brennick admitted 9,000 Ostlanders before the winter.",
                 "Tomas Brennick admitted 400 refugees last year.",
                 "The mayor admitted Tom Holm into the harbour guild."):
        assert _quotes(text)[2] == []
    # what another alleges someone wanted is the allegation's, no admission of theirs
    _, _, found = _quotes("Ilse Varga, alleging - falsely - that Tomas Brennick wanted to admit 9,000 Ostlanders, "
                          "said she would close the port.")
    assert [a.quote.cue for a in found if a.quote.speaker_text != "Ilse Varga"] == []


def test_extract_quotes_a_joint_subject_credits_everyone_it_names():
    text = ("Mayor Ana Lindqvist and her deputy, Tomas Berglund, agreed to close the Harbour Bridge on Friday. "
            "The Harbour Board and its lawyers said the bridge would reopen in May.")
    ann, index, found = _quotes(text)
    joint, board = (a.quote for a in found)
    assert joint.text == "to close the Harbour Bridge on Friday"
    assert [index.get(e).name for e in joint.speakers] == ["Ana Lindqvist", "Tomas Berglund"]
    assert joint.speaker == joint.speakers[0]
    # "its lawyers" names no one: the statement stays the board's alone.
    assert board.speakers == () and board.credited() == (board.speaker,)


THEY_SAID = " They said the Harbour Bridge would reopen in May."
TWO_SAID = " The two leaders said the Harbour Bridge would reopen in May."


@pytest.mark.parametrize("text, credited", [
    # "they" after a joint subject is everyone it named; after one person, no one
    ("Mayor Ana Lindqvist and her deputy, Tomas Berglund, met harbour workers on Friday." + THEY_SAID,
     ["Ana Lindqvist", "Tomas Berglund"]),
    ("Mayor Ana Lindqvist met harbour workers on Friday." + THEY_SAID, []),
    # "the two leaders" are the two people just named
    ("President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Friday." + TWO_SAID,
     ["Emmanuel Macron", "Olaf Scholz"]),
    # the tagger misses "Ana Lindqvist" here: two people found may be two of three, so no one is credited
    ("Mayor Ana Lindqvist met Governor Tomas Berglund and Karl Olsen on Friday." + TWO_SAID, []),
])
def test_extract_quotes_they_and_the_two_leaders_stand_for_the_people_just_named(text, credited):
    ann, index, found = _quotes(text)
    quote = found[-1].quote
    said_by = "They" if text.endswith(THEY_SAID) else "The two leaders"
    assert (quote.speaker_text, quote.text) == (said_by, "the Harbour Bridge would reopen in May")
    assert [index.get(e).name for e in quote.credited()] == credited


def test_extract_quotes_telling_a_channel_without_an_infinitive_is_no_request():
    # "told the gazette in an interview taped on Monday": no act asked of the gazette
    _, _, found = _quotes("Ilse Varga told the Harbour Gazette in an interview taped on Monday.")
    assert found == []


def test_extract_quotes_typewriter_quote_reopened_in_the_next_paragraph_runs_on():
    text = ("''The harbour needs the ferries,'' Ilse Varga said. ''The pier is old. It must be rebuilt.\n\n"
            "''And the council will have to pay for it, whatever the board says.''")
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.text, a.continues) for a in found] == [
        ("Ilse Varga", "The harbour needs the ferries", False),
        ("Ilse Varga", "The pier is old. It must be rebuilt.", True),
        ("Ilse Varga", "And the council will have to pay for it, whatever the board says.", True)]


def test_extract_quotes_an_and_inside_a_name_makes_no_joint_speaker():
    # "of Fisheries and Harbours" coordinates inside the department's name: one speaker, not
    # the department and its deputy director side by side.
    text = ("“The pier is not safe for ferries,” the Norland Department of Fisheries and Harbours deputy director, "
            "Ilse Varga, told the gazette.")
    ann, index, found = _quotes(text)
    assert [len(a.quote.credited()) for a in found] == [1]


def test_extract_quotes_a_source_named_without_an_entity_keeps_its_words():
    # Only a speaker found from context may take another outlet's speaker for the same words
    # (align_quotes.group_quotes): a seismology centre named in the text is named, not guessed.
    text = ("A strong earthquake shook the island of Qeshm on Sunday. Tehran's seismologic center said the quake "
            "measured magnitude 5.9. Mayor Ilse Varga visited the harbour. He said the pier would reopen.")
    _, _, found = _quotes(text)
    resolved = {a.quote.speaker_text: a.quote.speaker_resolved for a in found}
    assert resolved == {"Tehran's seismologic center": False, "He": True}


@pytest.mark.parametrize("text, expected", [
    # telling or warning someone to act is a request voiced, as urging is
    ("Ilse Varga told the harbour board to close the old pier before the winter.",
     [("Ilse Varga", "told", "the harbour board to close the old pier before the winter")]),
    ("Tomas Brennick warned the fishermen not to sail past the breakwater.",
     [("Tomas Brennick", "warned", "the fishermen not to sail past the breakwater")]),
    # a show named before the verb is the channel, not a quote
    ("On Sunday, on the radio show “Harbour Morning Live,” Ilse Varga said the pier would reopen in May.",
     [("Ilse Varga", "said", "the pier would reopen in May")]),
    # also when the parser hangs the show on a participle before the speaker
    ("Speaking on “Harbour Morning Live,” Ilse Varga said the pier would reopen in May.",
     [("Ilse Varga", "said", "the pier would reopen in May")]),
    # "according to" vouches for its whole side of the sentence, the clause of "say" inside too
    ("Nearly two in three say they would pay more for local fish, but few shops sell it, according to the harbour survey.",
     [("the harbour survey", "according to", "Nearly two in three say they would pay more for local fish, but few shops sell it")]),
    # "according to" closing a sentence vouches for the clause after its colon
    ("The levy has not driven the boats away: Orsk was the busiest fishing port of the coast last year, "
     "according to one shipping index.",
     [("one shipping index", "according to", "Orsk was the busiest fishing port of the coast last year")]),
    # "said about half of …" read as "said about": the clause had lost its subject
    ("The harbour office said about half of the rise in its costs reflected repairs to the old pier.",
     [("The harbour office", "said", "about half of the rise in its costs reflected repairs to the old pier")]),
    # one clause the parser broke into two complements of "told", reported whole
    ("Tomas Brennick told the board that he was upset there have not been more boats repaired this winter.",
     [("Tomas Brennick", "told the board", "he was upset there have not been more boats repaired this winter")]),
    # "said Tomas Brennick, half joking": the parser makes the name the subject of "joking"
    ("''I am better with ropes than I am with numbers,'' said Tomas Brennick, half joking. He has fished for years.",
     [("Tomas Brennick", "said", "I am better with ropes than I am with numbers")]),
    # the parser makes "keeping …" a clause of "supports", not its object
    ("Ilse Varga supports keeping the old pier open through the winter.",
     [("Ilse Varga", "supports", "keeping the old pier open through the winter")]),
    # a clause placed in someone's view is what they think, the noun its cue
    ("In Tomas Brennick's view, the council could win back the northern wards next spring.",
     [("Tomas Brennick", "view", "the council could win back the northern wards next spring")]),
    # endorsing someone named before is a side taken, though the object is a pronoun
    ("Ilse Varga ran for mayor in the spring. Governor Tomas Brennick endorsed her.",
     [("Governor Tomas Brennick", "endorsed", "her")]),
    # "made it clear that …" states its clause
    ("Tomas Brennick made it clear that the pier would stay closed until the spring.",
     [("Tomas Brennick", "made it clear", "the pier would stay closed until the spring")]),
])
def test_extract_quotes_requests_channels_views_and_misparsed_reports(text, expected):
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == expected


def test_extract_quotes_who_was_told_is_no_speaker():
    text = ("Mayor Ilse Varga had been told before the vote that she would lose narrowly. The harbour board "
            "was told by Tomas Brennick that the pier would stay closed.")
    _, index, found = _quotes(text)
    speakers = {a.quote.text: index.get(a.quote.speaker).name if a.quote.speaker else None for a in found}
    assert "she would lose narrowly" not in speakers or speakers["she would lose narrowly"] != "Ilse Varga"
    assert speakers.get("the pier would stay closed") == "Tomas Brennick"


@pytest.mark.parametrize("sentence, cue", [
    ("The harbour board should formally ask the court to rule on the pier.", "should formally ask"),
    ("Varga could offer a potent defence of the pier plan at the hearing.", "could offer"),
    ("Varga never said the pier was unsafe for the fishing boats.", "never said"),
    ("Varga did not say whether the pier would reopen before the winter.", "did not say"),
])
def test_extract_quotes_advice_guess_or_denial_keeps_its_words_in_the_cue(sentence, cue):
    # The clause was not (or not yet) said: the cue shows it, or a reader takes the clause
    # for the speaker's words.
    _, _, found = _quotes("Mayor Ilse Varga met the harbour board on Monday. " + sentence)
    later = [a.quote.cue for a in found if a.quote.span[0] > 50]
    assert later == [cue]


def test_extract_quotes_inserted_attribution_is_left_out_of_the_words():
    text = "Underneath the sharp criticism, council sources said, Varga still respects the harbour board."
    _, _, found = _quotes(text)
    assert found and found[0].quote.text == "Underneath the sharp criticism … Varga still respects the harbour board"


def test_extract_quotes_role_noun_stands_only_for_someone_given_that_role():
    text = ("Mayor Ilse Varga opened the new pier on Monday with harbour master Tomas Brennick. "
            "“We kept our promise,” the mayor said. Later the fire chief said the old pier would be torn down.")
    _, index, found = _quotes(text)
    by_text = {a.quote.text: a.quote.speaker for a in found}
    assert index.get(by_text["We kept our promise"]).name == "Ilse Varga"
    assert by_text.get("the old pier would be torn down") is None


def test_extract_quotes_a_surname_that_is_also_a_word_is_the_story_s_person():
    text = ("Ben Jealous spoke first at the harbour meeting. “The board cannot win on $12,” Jealous said. "
            "“It must go further,” he added.")
    _, index, found = _quotes(text)
    assert [index.get(a.quote.speaker).name for a in found] == ["Ben Jealous", "Ben Jealous"]
    # also one the tagger reads as a preposition ("From said" for Walter From)
    text = ("“We won fewer votes than any party has ever won,” said Walter From, who founded the council.\n\n"
            "“The circumstances changed when the mills closed,” From said.")
    _, index, found = _quotes(text)
    assert [index.get(a.quote.speaker).name for a in found] == ["Walter From", "Walter From"]


def test_extract_quotes_a_speech_verb_inside_the_quotation_is_no_channel():
    text = "''He says what everyone else wants to say,'' Steve Moody, a baker, said at the harbour rally on Tuesday."
    _, index, found = _quotes(text)
    assert found and found[0].quote.channel is None and index.get(found[0].quote.speaker).name == "Steve Moody"


def test_extract_quotes_one_in_four_names_no_one():
    _, _, found = _quotes("One in four voters in a Courier poll said the old pier should be torn down.")
    assert found and found[0].quote.speaker is None and found[0].unnamed


def test_extract_quotes_what_a_speaker_says_of_someone_else_is_not_that_one_s_statement():
    text = ("''I would point out that on the harbour, the question of our time, I cast the right vote,'' Tomas "
            "Brennick told the Courier last year. ''On the other hand, Mayor Varga voted for that pier. Her judgment "
            "was not right.''")
    _, index, found = _quotes(text)
    assert {index.get(a.quote.speaker).name for a in found} == {"Tomas Brennick"}


def test_extract_quotes_two_speech_verbs_side_by_side_relay_nothing():
    text = ("Ilse Varga and Tomas Brennick met on Monday. Varga saying she was “very encouraged” and Brennick "
            "calling it a “great meeting.”")
    _, index, found = _quotes(text)
    great = [a for a in found if a.quote.text.startswith("great meeting")]
    assert great and great[0].quote.channel is None and index.get(great[0].quote.speaker).name == "Tomas Brennick"


def test_extract_quotes_two_people_joined_after_a_dateline_speak_together():
    # The parser hangs "Donald Trump and House" on "Speaker"; the words still join two people.
    text = "PORT ELLIS (AP) — Donald Trump and House Speaker Paul Ryan promised to meet again in the harbour town next month."
    _, index, found = _quotes(text)
    assert found and sorted(index.get(e).name for e in found[0].quote.credited()) == ["Donald Trump", "Paul Ryan"]


@pytest.mark.parametrize("text, words, speaker", [
    # Nobody near after a long quotation: the last one who spoke.
    pytest.param("Tomas Brennick defended the pier. “It was built to last. It will stand for a century. The storms "
                 "will not move it. Every plank was tested,” he said. "
                 "“To the extent they care,” he said of the council, “I answered every question they asked.”",
                 "To the extent", "Tomas Brennick", id="after-a-long-quotation"),
    pytest.param("Mayor Ilse Varga visited the harbour on Monday, where Tomas Brennick is the harbour master. "
                 "“Nobody knows the pier better,” she said.",
                 "Nobody knows", "Ilse Varga", id="main-subject-before-a-clause-s"),
    # Ilse Varga is named more often, but the sentence before the pronoun names Brennick.
    pytest.param("Ilse Varga won the vote in the morning. Varga thanked the board. The board met at noon. "
                 "Everyone praised Tomas Brennick's plan at length. He said the pier would reopen in May.",
                 "the pier would reopen", "Tomas Brennick", id="whom-the-latest-sentence-names"),
    pytest.param("Former mayor Tomas Brennick backed Ilse Varga's rival in the spring, he said on Wednesday. "
                 "“Varga is my next choice. Not hard to figure out. Anton Keller lost me a long time ago,” he said.",
                 "Varga is my next choice", "Tomas Brennick", id="not-a-name-inside-the-quotation"),
    # The parser reads "as Anna Berg, …, criticized" as a prepositional phrase and a clause
    # with no subject.
    pytest.param("The drumbeat of names denouncing Tomas Brennick grew louder Wednesday as Anna Berg, the mayor’s "
                 "daughter, criticized Brennick for comments made this week about the pier.",
                 "Brennick for comments", "Anna Berg", id="subject-read-as-a-preposition-s-object"),
    # the one booed does the telling, not the crowd that booed her
    pytest.param("Ilse Varga runs the port. Ilse Varga was booed and shouted down by harbour workers after telling the crowd that they were "
                 "“wasting everyone's time.”", "wasting everyone's time", "Ilse Varga", id="passive-agent-not-the-gerund-s-doer"),
    # a name set off by an apposition is still the story's person of that surname
    pytest.param("Jamal Okafor is a Democratic consultant and a contributor who also worked in the White House. Okafor, "
                 "an Obama supporter, said he saw the 2008 shift in attitude in his own Detroit family.",
                 "he saw the 2008 shift", "Jamal Okafor", id="surname-with-apposition"),
    # "if he would ever endorse Varga": that "he" is not Varga, and neither is the next one
    pytest.param("Last month, when I asked Tomas Brennick if he would ever endorse Anna Varga, he smiled and said, "
                 "“I'm going to endorse you!”", "going to endorse you", "Tomas Brennick", id="pronoun-not-its-own-object"),
    # a transposed pair of letters is one slip in a surname
    pytest.param("Singer Anna Kiedner said the album was finished. “We wrote two dozen songs for it,” Keidner said.",
                 "two dozen songs", "Anna Kiedner", id="surname-with-swapped-letters"),
    # the relative clause is about the governor, not the word set off after the name
    pytest.param("Gov. Ilse Varga of Portview, a Republican who has not endorsed a candidate, spoke on Monday.",
                 "a candidate", "Ilse Varga", id="relative-clause-on-an-apposition"),
    # "what" happened; the one who recalled it points something out
    # the clause is hung on the administration; "who" is the harbour master named before it
    pytest.param("“The levy is a mistake,” said Tomas Brennick, a harbour master during the Varga administration who "
                 "has endorsed Anna Lind in the mayoral race.", "Anna Lind", "Tomas Brennick", id="who-after-a-phrase-about-a-name"),
    pytest.param("But state Rep. Ilse Varga, a member of the harbour board, recalled what happened in 2008 to point out "
                 "that the port’s lead in the region could erode.", "the port’s lead", "Ilse Varga", id="what-is-no-speaker"),
    # a day opening the paragraph the parser ran the headline into is no speaker
    # a place that "announced" something is no "he"
    pytest.param("“I did not see it coming,” Anna Lind said. White America embracing the harbour plan announced “a new "
                 "era, that is the best way to put it.”\n\nTomas Brennick, a pilot and the host of a radio show, is a "
                 "Portview resident who crossed the river to vote for the pier. “If the storm had come first, the pier "
                 "would not exist,” he said.", "the pier would not exist", "Tomas Brennick", id="he-is-a-person"),
    pytest.param("Tomas Brennick: Ilse ‘Better Suited to Run the Port for This Time Than I Was When I Ran’\n\n"
                 "Tomas Brennick: Ilse ‘Better Suited to Run the Port for This Time Than I Was When I Ran.’\n\n"
                 "Tuesday in Portview City, while on the campaign trail for his wife Democratic harbour front-runner Ilse "
                 "Brennick, former mayor Tomas Brennick said his wife was uniquely qualified to run the port at this time "
                 "because “the harbour’s in tough shape.”\n\nBrennick said, “She was the most popular figure in the harbour.”",
                 "tough shape", "Tomas Brennick", id="a-day-opening-the-paragraph"),
    # a question's subject between an interview's answers does not take the interviewee's "he"
    pytest.param("“I think they will run out the clock this year,” Carl Lindqvist said. “That will leave the next mayor "
                 "with 100 vacancies to fill.”\n\nBut what if Anna Varga wins? Don’t the pilots run the risk of her "
                 "closing the pier?\n\n“Anna should just do whatever she wants to do,” he said.",
                 "whatever she wants", "Carl Lindqvist", id="a-question-s-subject"),
])
def test_extract_quotes_a_speaker_found_where_the_parse_or_the_context_hides_it(text, words, speaker):
    assert _speaker_of(text, words) == speaker


@pytest.mark.parametrize("text", [
    "Let’s hope we see more of the harbour board’s friends grilled about their ties to the pier deal.",
    "Anna Berg: Possession of methamphetamine, possession of a controlled substance, held in jail in lieu of $70,000 bond",
])
def test_extract_quotes_a_wish_of_the_writer_or_a_list_of_charges_is_no_quote(text):
    _, _, found = _quotes("Police arrested Anna Berg on Monday.\n" + text)
    assert not [a for a in found if a.quote.span[0] > 40]


def test_extract_quotes_titles_in_quotation_marks_are_no_quotes():
    text = ("“We will play the whole catalog,” the singer said. According to the band, expect to hear its hits, "
            "including “Listen To The Harbour,” “Takin’ It To The Pier,” “What A Fool Believes.”")
    _, _, found = _quotes(text)
    assert [a.quote.text for a in found] == ["We will play the whole catalog"]


@pytest.mark.parametrize("text", [
    pytest.param("Ilse Varga met the board on Monday. He said that Varga announced the new pier would open in May.",
                 id="a-pronoun"),
    # the one booed does the telling; the crowd that booed relays nothing
    pytest.param("Ilse Varga runs the port. Ilse Varga was booed and shouted down by harbour workers after telling the "
                 "crowd that they were “wasting everyone's time.”", id="a-gerund-after-a-passive"),
    # an act timed by another's ("was trying to ask … when he shot back that …")
    pytest.param("Anna Lind is a reporter. The reporter for Harbour News was trying to ask a question about the pier "
                 "when Tomas Brennick shot back that the reporter had not been called on.", id="a-time-clause"),
])
def test_extract_quotes_no_relay_channel(text):
    _, _, found = _quotes(text)
    assert found and all(a.quote.channel is None for a in found)


def test_extract_quotes_asides_and_datelines_are_not_the_words_reported():
    text = ("PORTVIEW, Jan. 4 (UPI) — The harbour choir's next record is almost complete, singer Ilse Varga said.\n\n"
            "Her deputy Tomas Brennick said — on the radio, as it happens — that the pier cost $4 million.")
    _, _, found = _quotes(text)
    assert sorted(a.quote.text for a in found) == ["The harbour choir's next record is almost complete", "the pier cost $4 million"]


def test_extract_quotes_question_or_condition_takes_no_side_and_a_work_performed_is_no_quote():
    text = ("Tomas Brennick asked Ilse Varga if she would ever endorse the levy. "
            "“Ladies and gentlemen, the harbour choir,” Varga said, and the choir went on to perform “Bridge Over The Harbour.”")
    _, _, found = _quotes(text)
    # the question is the asker's words (session 24, second round); the one asked takes no side
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("Tomas Brennick", "if she would ever endorse the levy"), ("Varga", "Ladies and gentlemen, the harbour choir")]


def test_extract_quotes_a_year_cut_short_opens_no_quote():
    text = "Ilse Varga said in ‘08 that the pier would last. “It will outlive us all,” she said. “It is our ‘harbour heart.’”"
    _, _, found = _quotes(text)
    assert "the pier would last" in [a.quote.text for a in found]
    assert not any("08" in a.quote.text for a in found)


def test_extract_quotes_a_stance_ends_before_the_next_one():
    _, _, found = _quotes("Among harbour workers, 28 percent supported Mr. Brennick, 23 percent favored Mrs. Varga and "
                          "15 percent backed Anna Lind.")
    assert "Mrs. Varga" in [a.quote.text for a in found]


def test_extract_quotes_contrast_clause_relays_nothing_and_asides_are_the_writer_s():
    _, _, found = _quotes("Tomas Brennick has continued to push for a public ferry service — a dream for many islanders — "
                          "while Ilse Varga has slammed his proposal as too costly and politically unrealistic.")
    said = {a.quote.speaker_text: a.quote for a in found}
    assert said["Tomas Brennick"].text == "a public ferry service"
    assert said["Ilse Varga"].channel is None
    _, _, found = _quotes("Ilse Varga backed the new ferry levy — a tax most islanders oppose — at the council meeting.")
    assert [a.quote.text for a in found] == ["the new ferry levy"]


def test_extract_quotes_a_closing_mark_opened_in_the_paragraph_before_is_no_part_of_the_clause():
    text = ("“The harbour needs someone who will fight for it. They have not had that since\n\n"
            "1988. In the spring, Varga is going to win back the pier,” Tomas Brennick says.")
    _, _, found = _quotes(text)
    assert any(a.quote.text.endswith("win back the pier") for a in found)


def test_extract_quotes_a_role_noun_nearer_than_any_name_is_whom_he_stands_for():
    _, _, found = _quotes("Tomas Brennick spoke on Monday. Brennick’s campaign removed the mayor of Portview from its team "
                          "in November after he suggested that the old ferry could be sold for scrap.")
    [quote] = [a.quote for a in found if a.quote.text.startswith("the old ferry")]
    assert quote.speaker is None  # the mayor, whom the article never names


def test_extract_quotes_the_one_asked_is_no_speaker_of_the_question():
    _, _, found = _quotes("Asked on Monday whether Tomas Brennick would hold a seat on the board, Ilse Varga shook her head.")
    assert not found
    _, _, found = _quotes("“Ferries, ferries, ferries,” Ilse Varga said when asked what Tomas Brennick would do at the port.")
    assert [a.quote.text for a in found] == ["Ferries, ferries, ferries"]


def test_extract_quotes_a_passive_speech_verb_s_subject_is_what_was_said_of():
    _, _, found = _quotes("Mayor Ilse Varga let the new harbour master get a vote. Nobody opposed him — he was confirmed "
                          "12 to 0.")
    assert not found


def test_extract_quotes_a_body_part_is_no_speaker_and_a_stranded_preposition_no_part_of_the_words():
    _, index, found = _quotes("Mayor Ilse Varga’s eyes welled with tears as she spoke of the town and urged voters to keep "
                              "the ferry running.")
    [quote] = [a.quote for a in found if a.quote.text.startswith("voters")]
    assert index.get(quote.speaker).name == "Ilse Varga" and quote.speaker_text == "Mayor Ilse Varga"


def test_extract_quotes_a_dateline_s_agency_relays_nothing_and_a_label_keeps_its_closing_mark():
    _, _, found = _quotes("PORTVIEW, July 19 (UPI) — Former Harbour Master Tomas Brennick told the council that the pier "
                          "should be closed for the winter.")
    [quote] = [a.quote for a in found]
    assert quote.channel is None and quote.speaker_text.endswith("Tomas Brennick")
    _, _, found = _quotes("Campaign chair Ilse Varga dismissed the whole dispute as “absurd.”")
    assert [a.quote.text for a in found] == ["the whole dispute as “absurd.”"]


def test_extract_quotes_a_headline_s_speaker_is_the_person_before_where_they_spoke():
    _, index, found = _quotes("Former AG Tomas Brennick at RNC: Ferry levy disqualifies Ilse Varga\n\nThe council met.")
    [quote] = [a.quote for a in found]
    assert index.get(quote.speaker).name == "Tomas Brennick"


def test_extract_quotes_a_clause_after_an_object_and_a_comma_is_not_what_was_announced():
    _, _, found = _quotes("Yet, a year since the harbour master announced his plan for the pier, here we are.")
    assert not any("here we are" in a.quote.text for a in found)


def test_extract_quotes_he_after_an_unnamed_speaker_is_not_the_last_named_person():
    _, _, found = _quotes("Tomas Brennick will address the council on Friday. One harbour worker said he tried to give "
                          "away tickets to the meeting. He was unable to find a single taker, he said, on condition of "
                          "anonymity to speak freely about his union’s leader. “Not one of my friends wanted to go,” he said.")
    assert not any(a.quote.speaker for a in found)
    assert not any("union’s leader" in a.quote.text for a in found)


def test_extract_quotes_a_refused_act_keeps_its_refusal_in_the_cue_and_brackets_stay_out():
    _, _, found = _quotes("Tomas Brennick vowed to rebuild the pier, declined at first to criticize former mayor Ilse Varga, "
                          "and called the ferry crews “heroes” (although he allowed that some might be lazy).")
    cues = {a.quote.text: a.quote.cue for a in found}
    assert cues.get("former mayor Ilse Varga") == "declined at first to criticize"
    assert "some might be lazy" in cues


def test_extract_quotes_a_name_set_after_one_of_a_group_is_the_speaker():
    _, index, found = _quotes("One of the authors of that 2013 report, Tomas Brennick, said the pier will test their "
                              "conclusions.")
    [quote] = [a.quote for a in found]
    assert index.get(quote.speaker).name == "Tomas Brennick"


def test_extract_quotes_a_suggestion_s_clause_is_not_what_denied_it_and_brackets_close():
    _, _, found = _quotes("The mayor has denounced suggestions by the harbour board and Sen. Tomas Brennick (R-Tex.), "
                          "that they would sell the pier to a developer.")
    assert not any("sell the pier" in a.quote.text for a in found)
    assert any(a.quote.text.endswith("(R-Tex.)") for a in found)


def test_extract_quotes_one_share_s_verdict_relays_no_other_share():
    _, _, found = _quotes("On social issues they lean left: 42% say they're liberal, 32% call themselves conservative.")
    assert [a.quote.channel for a in found if a.quote.text == "they're liberal"] == [None]


def test_extract_quotes_a_digest_s_next_heading_ends_a_speaker_s_passage():
    _, index, found = _quotes("FERRY ROW GROWS Tomas Brennick said his rival is in “serious trouble” over the levy. [Gazette.]\n\n"
                              "HARBOUR FLOODS AGAIN “The harbour has flooded three times this winter, and the wall is still "
                              "not finished,” [Herald.]")
    assert not any(a.quote.text.startswith("The harbour has flooded") and a.quote.speaker for a in found)


def test_extract_quotes_who_after_a_phrase_about_a_person_is_that_person_and_all_told_tells_nothing():
    _, _, found = _quotes("“It was not a convincing argument,” said one councillor familiar with the discussion, who added "
                          "that the harbour board seemed rattled. All told, up to 5,000 families could be eligible for the "
                          "programme.")
    speakers = {a.quote.text: a.quote.speaker_text for a in found}
    assert speakers.get("the harbour board seemed rattled") == "one councillor familiar with the discussion"
    assert not any("eligible" in text for text in speakers)


def test_extract_quotes_a_leading_but_is_the_writer_s_link():
    _, _, found = _quotes("But the mayor had limited time to speak as members peppered her with questions, the people said.")
    assert [a.quote.text for a in found] == ["the mayor had limited time to speak as members peppered her with questions"]


def test_extract_quotes_a_perception_is_no_report_and_a_joined_clause_no_relay():
    _, _, found = _quotes("After savaging the harbour board, Tomas Brennick is finding its members reluctant to open their wallets.")
    assert not found
    _, _, found = _quotes("Fishermen say the rules are unfair, and the Harbour Rights League has sued the council, saying "
                          "they violate free-speech rights.")
    [quote] = [a.quote for a in found if a.quote.text == "they violate free-speech rights"]
    assert quote.channel is None


def test_extract_quotes_who_after_a_description_of_a_named_person_is_the_person():
    _, index, found = _quotes("Tomas Brennick, the harbour donor and co-founder of a shipping fund who once backed Mayor "
                              "Ilse Varga, said the pier must close.")
    assert {index.get(a.quote.speaker).name for a in found if a.quote.speaker} == {"Tomas Brennick"}


def test_extract_quotes_calls_received_are_not_the_receiver_s_words_and_a_leading_of_is_no_speaker():
    _, _, found = _quotes("11:00 am – Police receive 911 calls saying shots have been fired inside the ferry terminal.")
    assert not any(a.quote.speaker_text in ("911", "Police") for a in found)
    _, index, found = _quotes("Of Thompson, Levine, who has given money to the harbour fund, said, “He’s flat-out scary.”")
    [quote] = [a.quote for a in found]
    assert quote.speaker_text == "Levine" and index.get(quote.speaker).name == "Levine"


def test_extract_quotes_a_condition_by_inversion_is_not_reported():
    _, _, found = _quotes("Councillors supporting Mrs. Varga have pointed to two harbour pilots as potential peacemakers, "
                          "should the ferry union keep up its attacks on the mayor.")
    assert not any("keep up" in a.quote.text for a in found)


def test_extract_quotes_what_someone_was_asked_about_a_mind_is_no_one_s_statement():
    _, _, found = _quotes("Asked if she believed Tomas Brennick wanted the ferry to fail, Ilse Varga said she was not going "
                          "to jump to that conclusion.")
    assert [a.quote.text for a in found] == ["she was not going to jump to that conclusion"]


def test_extract_quotes_a_quotation_mark_the_words_open_is_closed():
    _, _, found = _quotes("Mayor Tomas Brennick urged the port to reopen. Brennick later defended his comments as being "
                          "\"sarcastic.\"")
    [quote] = [a.quote for a in found if "comments" in a.quote.text]
    assert quote.text.endswith('"sarcastic."')


def test_extract_quotes_according_to_vouches_for_its_own_paragraph_and_not_an_aside_after_it():
    _, _, found = _quotes("The number of harbours that have already had female masters, according to the Port Institute, "
                          "although very few of those women have stayed in the job for more than a year.\n\n30,000.\n\nThe number "
                          "of ferry tickets sold.")
    assert [a.quote.text for a in found] == ["The number of harbours that have already had female masters"]


def test_extract_quotes_a_statement_inside_the_words_cuts_them_before_its_phrase_and_a_view_of_it_is_none():
    _, _, found = _quotes("The article was by Tomas Brennick, who reported that the port paid a $3 million settlement to a "
                          "clerk who said the harbour master harassed her. Skeptics were wary of her professed opposition to it.")
    said = [a.quote.text for a in found]
    assert "the port paid a $3 million settlement" in said and not any(text == "it" for text in said)


def test_extract_quotes_what_someone_is_yet_to_say_or_a_thing_promises_is_no_quote():
    _, _, found = _quotes("Harbour editor Tomas Brennick will come on the program to talk about the ferry levy and its costs.")
    assert not found
    _, _, found = _quotes("The council's decision will increase the pressure on her to say whether she agrees with the port "
                          "board. The value of both, as looming retirements promise to swell pension costs, is in new thinking.")
    assert not found
    _, _, found = _quotes("Ilse Varga went on the radio to applaud the council's plan for the harbour.")
    assert [a.quote.text for a in found] == ["the council's plan for the harbour"]


def test_extract_quotes_his_in_a_list_elaborating_a_named_owner_s_words_is_that_owner():
    _, index, found = _quotes("Councillor Anna Lind suggested she would only offer conditional support. Councillors are uneasy "
                              "about Brennick’s statements, including his proposal to close the pier and his claim that the "
                              "ferry crews are lazy.")
    [quote] = [a.quote for a in found if a.quote.text.startswith("the ferry crews")]
    assert index.get(quote.speaker).name.endswith("Brennick")


def test_extract_quotes_one_party_member_described_is_not_the_party():
    _, index, found = _quotes("The Wisconsin Republican gave the mayor some credit, saying she should be congratulated for "
                              "the harbour.")
    [quote] = [a.quote for a in found]
    assert quote.speaker is None and quote.speaker_text == "The Wisconsin Republican"
    _, index, found = _quotes("“The polls are wrong,” another New Hampshire Republican added.")
    [quote] = [a.quote for a in found]
    assert quote.speaker is None and quote.speaker_text == "another New Hampshire Republican"


def test_extract_quotes_shares_side_by_side_relay_nothing():
    _, _, found = _quotes("Already, 520 pilots have publicly said they support Mrs. Varga, 39 have said they support Tomas "
                          "Brennick and 160 have not publicly announced their choice.")
    assert [a.quote.channel for a in found if a.quote.text == "they support Mrs. Varga"] == [None]


@pytest.mark.parametrize("text, words, speaker", [
    # the owner of a sentence’s subject is whom his stands for
    ("Anton Keller won the first round. In the council race, Tomas Brennick’s campaign "
     "took root among dock workers. His attacks on the harbour board and its contractors resonated with "
     "the unions.",
     "the harbour board", "Tomas Brennick"),
    # a role word inside the quotation is not who he is
    ("Tomas Brennick said the pier was unsafe. “Over the years, Ilse Varga has done a lot to show why "
     "she should not be mayor of this town,” he said.",
     "Over the years", "Tomas Brennick"),
    # a gerund hung inside the reported clause is the speaker’s act
    ("Tomas Brennick said the council’s deadlock has “kept the pier safe” before claiming that "
     "open gates are “putting families at risk.”",
     "putting families", "Tomas Brennick"),
    # a role noun owning a thing is not who he is
    ("“The mayor matters more than anyone,” said Tomas Brennick, a pollster.\n\nMrs. Varga, with her "
     "eagerness to defend the president's policies on the harbour, “is seen as the loyal one,” he said.",
     "is seen", "Tomas Brennick"),
    # a document’s owner before a colon speaks its words
    ("Aides say the mayor plans to “actively support” the levy. From Tomas Brennick's Facebook post: “For the "
     "sake of our harbour, we must move past the divisions of this campaign.”",
     "For the sake", "Tomas Brennick"),
    # she after a main subject is not a clause’s subject
    ("Mayor Tomas Brennick made an impromptu call on Judge Anna Lind last week. Lind still has the final "
     "say on whether Brennick faces charges, and though she has said she will accept the advice of the "
     "prosecutors, critics are still crying foul.",
     "she will accept", "Anna Lind"),
])
def test_extract_quotes_whom_a_pronoun_description_or_headline_credits(text, words, speaker):
    _, index, found = _quotes(text)
    [quote] = [a.quote for a in found if a.quote.text.startswith(words)]
    assert index.get(quote.speaker).name == speaker


def test_extract_quotes_the_title_of_a_work_beside_its_noun_is_no_quote():
    text = ("But Varga tossed “cold water on the idea immediately,” she wrote in her memoir, “Tough Choices.” "
            "“It has happened,” she said, as recalled by Walter Orrin in Hugo Brel's book “Backfire: Ilse Varga's "
            "High-Stakes Battle for the Soul of the Harbour.” “The pier is safe,” Varga later told the "
            "“Harbour Morning” show. Varga helped persuade Orrin to film “Harbour Lights,” the cult series, she added.")
    _, _, found = _quotes(text + " Joe Orrin, host of MSNBC’s “Morning Harbour,” suggested the strike could end.")
    assert [a.quote.text for a in found] == ["cold water on the idea immediately", "It has happened",
                                             "The pier is safe", "Varga helped persuade Orrin to film “Harbour Lights,” "
                                             "the cult series", "the strike could end"]


def test_extract_quotes_a_result_clause_is_no_statement():
    _, _, found = _quotes("Mayor Ilse Varga was so consumed with the harbour strike that she cancelled her trip. "
                          "Tomas Brennick joked that the pier was older than he was.")
    assert [(a.quote.cue, a.quote.text) for a in found] == [("joked", "the pier was older than he was")]


def test_extract_quotes_places_that_voted_voice_no_choice():
    _, _, found = _quotes("The map has been stable: 40 states have voted for the same party in every race since 2000. "
                          "A number of counties in eastern Ohio voted twice for Tomas Brennick. "
                          "Most union members voted for Tomas Brennick.")
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("Most union members", "Tomas Brennick")]


def test_extract_quotes_a_list_closing_the_reported_clause_is_no_part_of_the_speaker():
    _, index, found = _quotes("Tomas Brennick, a harbour pilot, spoke for the crews. His allegiance has shifted from "
                              "Carla Ruiz to Varga to, now, Orrin, Brennick said during his speech.")
    [quote] = [a.quote for a in found if a.quote.cue == "said"]
    assert index.get(quote.speaker).name == "Tomas Brennick"
    assert quote.text == "His allegiance has shifted from Carla Ruiz to Varga to, now, Orrin"


def test_extract_quotes_people_named_in_the_plural_describe_no_one_person():
    _, _, found = _quotes("In Portview, Tomas Brennick won at least 19 delegates. Brennick is far ahead in the overall delegate "
                          "count because of early endorsements from superdelegates, the party leaders who can support "
                          "the candidate of their choice.")
    assert [(a.quote.speaker, a.quote.speaker_text, a.unnamed) for a in found] == [(None, "the party leaders", True)]


def test_extract_quotes_a_name_set_off_after_an_organisation_names_the_speaker():
    _, index, found = _quotes("Hugo Weber told the AP that the harbour fund paid for the study. The director of the "
                              "Portview Harbour Trust, Ilse Kestel, told the AP her group never worked with the fund. "
                              "She said she had met with Weber twice.")
    assert [(index.get(a.quote.speaker).name, a.quote.text) for a in found][1:] == [
        ("Ilse Kestel", "her group never worked with the fund"), ("Ilse Kestel", "she had met with Weber twice")]


def test_extract_quotes_a_name_right_after_an_organisation_noun_names_the_organisation():
    _, index, found = _quotes("“The odds are that the pier opens late,” said another harbour advocate, "
                              "Tomas Brennick of the law firm Hugo Weber.")
    assert [index.get(a.quote.speaker).name for a in found] == ["Tomas Brennick"]


def test_extract_quotes_a_quote_opening_inside_a_reported_clause_is_that_verbs():
    _, _, found = _quotes("Ilse Varga called the plan “a disgrace.” A campaign official later walked back the comments, "
                          "saying that Varga “didn’t have a particular plan in mind, but he is being used in social media.”")
    assert [(a.quote.speaker_text, a.quote.cue) for a in found if a.quote.text.startswith("didn’t")] == [
        ("A campaign official", "saying")]


def test_extract_quotes_a_title_abbreviation_keeps_the_name_in_its_sentence():
    _, index, found = _quotes("“The crews just don’t understand the harbour,” said Army Capt. Tomas Brennick, who said "
                              "he would not vote for either plan.")
    assert [index.get(a.quote.speaker).name for a in found] == ["Tomas Brennick", "Tomas Brennick"]


def test_extract_quotes_an_office_abbreviation_spacy_lacks_keeps_the_name_in_its_sentence():
    _, index, found = _quotes("“The crews just don’t understand the harbour,” said Pres. Tomas Brennick, who said "
                              "he would not vote for either plan.")
    assert [index.get(a.quote.speaker).name for a in found] == ["Tomas Brennick", "Tomas Brennick"]


def test_extract_quotes_a_reported_topic_runs_on_past_an_office_abbreviation():
    _, _, found = _quotes("The mayor also discussed Pres. Brennick’s visit to Orsk, calling it “a quiet success for "
                          "the harbour.”")
    assert [a.quote.text for a in found][0] == "Pres. Brennick’s visit to Orsk"


def test_extract_quotes_a_sentence_glued_to_a_closing_mark_is_no_part_of_the_quote_before():
    _, _, found = _quotes("On Monday Ilse Varga posted a photo of a pie. “Happy pie day,” she tweeted. “The best pies "
                          "are made in Orsk. I love Ostland!”Former mayor Tomas Brennick told the Lusk Courier what "
                          "was wrong with the photo: “It was so insensitive. Not all of Ostland eats pie.”")
    assert [(a.quote.text, a.quote.speaker_text) for a in found] == [
        ("Happy pie day", "she"), ("The best pies are made in Orsk. I love Ostland!", "she"),
        ("what was wrong with the photo", "Former mayor Tomas Brennick"),
        ("It was so insensitive. Not all of Ostland eats pie.", "Former mayor Tomas Brennick")]


def test_extract_quotes_a_sentence_glued_on_with_no_stop_is_a_sentence_of_its_own():
    text = ("Brennick ignored that Varga was born and raised in OstlandIn an interview with the Lusk Courier, Brennick "
            "continued his attacks, saying the judge was biased.")
    ann, _, found = _quotes(text)
    assert [s.text for s in ann.doc.sents][0].endswith("in Ostland")
    saying = [a for a in found if a.quote.cue == "saying"]
    assert saying and saying[0].quote.text == "the judge was biased"


def test_extract_quotes_no_sentence_starts_after_a_word_in_small_letters_and_a_space():
    # The parser cut a poll's sentence after "back", the next sentence opening on "Will,".
    text = ("In the dockers’ poll, 45 percent would choose Varga and 43 percent would back Will, while 6 percent prefer "
            "Ada Roos of the Dock Party. The poll was taken on Monday.")
    ann, _, _ = _quotes(text)
    assert [s.text for s in ann.doc.sents] == [text[:text.index(" The poll")], "The poll was taken on Monday."]
    # A headline run into its story still ends before the word opening the story.
    ann, _, _ = _quotes("Lusk quay blaze: Man denies arson A man has denied setting fire to the fish market early on "
                        "Sunday.")
    assert [s.text for s in ann.doc.sents][0] == "Lusk quay blaze: Man denies arson"


def test_extract_quotes_a_name_a_verb_lacks_as_its_object_does_not_speak_for_the_share_after_it():
    # "prefer [Brennick and 3 percent] support …": the parser made the preferred candidate
    # and the next share one subject; Brennick supports no one.
    _, index, found = _quotes("In a poll of dock workers, 44 percent said they would pick Varga and 39 percent would back "
                              "Lind, while 7 percent prefer independent candidate Tomas Brennick and 3 percent support "
                              "the Dock Party’s Ada Roos.")
    support = [a.quote for a in found if a.quote.cue == "support"]
    assert support and all(q.speaker is None or index.get(q.speaker).name != "Tomas Brennick" for q in support)


def test_extract_quotes_the_name_after_a_quote_speaks_when_the_parser_took_its_place_for_a_verb():
    # The parse the parser gave a real two-sentence quote: the place opening the speaker's
    # title read as a verb taking the title as its object, "said" joined to the quote's
    # last verb with no subject of its own.
    from spacy.tokens import Doc

    from storyweave.extract.quote_misparsed import _misparsed_subject
    from storyweave.nlp import load_nlp

    words = ["“", "I", "will", "keep", "this", "promise", ".", "We", "will", "find", "the", "truth", ",", "”",
             "Orsk", "police", "Chief", "Ivo", "Brel", "said", "Monday", "."]
    heads = [3, 3, 3, 3, 5, 3, 3, 9, 9, 9, 11, 9, 9, 9, 9, 16, 14, 18, 16, 9, 19, 9]
    deps = ["punct", "nsubj", "aux", "ROOT", "det", "dobj", "punct", "nsubj", "aux", "ROOT", "det", "dobj", "punct",
            "punct", "dep", "compound", "dobj", "compound", "appos", "conj", "npadvmod", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT",
           "PUNCT", "VERB", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
    ents = ["O"] * 14 + ["B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "B-DATE", "O"]
    spaces = [False, True, True, True, True, False, True, True, True, True, True, False, False, True,
              True, True, True, True, True, True, False, False]
    doc = Doc(load_nlp().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents,
              lemmas=["say" if w == "said" else w.lower() for w in words], sent_starts=[True] + [False] * 6 + [True] + [False] * 14)
    speaker = _misparsed_subject(doc[19])
    assert speaker is not None and speaker.text == "Brel"


def test_extract_quotes_she_is_the_woman_named_before_it_when_the_subject_shows_no_gender():
    # "Robin" tells no gender; "Ada" does: a writer meaning Brel would not write "she" here.
    text = ("Governor Robin Brel called Mayor Ada Varga a “menace” after she criticised harbour pilots and blamed the "
            "floods on “rusty pumps” at the port.")
    assert _speaker_of(text, "harbour pilots") == "Ada Varga"
    # A subject shown to be a woman keeps the pronoun.
    assert _speaker_of(text.replace("Governor Robin Brel", "Governor Anna Brel"), "harbour pilots") == "Anna Brel"
    # So does one whose sentence names the woman only in a possessive.
    assert _speaker_of("Governor Robin Brel did not question Mayor Ada Varga’s plan for the port, but she did call for "
                       "more money for the harbour.", "more money") == "Robin Brel"


def test_extract_quotes_a_reported_clause_runs_past_an_opening_phrase_the_parser_took_for_it():
    # The parse the parser gave a real "learned … that no matter the setting, …, X will
    # insist …": the phrase's noun is the verb's clause, the clause with a verb another.
    from spacy.tokens import Doc

    from storyweave.extract.quote_reported import _verb_after_fragment
    from storyweave.nlp import load_nlp

    words = ["Dockers", "learned", "that", "no", "matter", "the", "venue", ",", "Ada", "Varga", "will", "insist", "."]
    heads = [1, 1, 6, 4, 6, 6, 1, 6, 9, 11, 11, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "neg", "advmod", "det", "ccomp", "punct", "compound", "nsubj", "aux", "ccomp", "punct"]
    pos = ["NOUN", "VERB", "PRON", "ADV", "ADV", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "AUX", "VERB", "PUNCT"]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True] * 6 + [False] + [True] * 4 + [False, False], heads=heads,
              deps=deps, pos=pos)
    assert _verb_after_fragment(doc[1], doc[6]).text == "insist"
    # A clause with its own verb ends where it ends.
    assert _verb_after_fragment(doc[1], doc[11]) is None


def test_extract_quotes_a_finding_of_an_object_and_an_adjective_keeps_its_object():
    _, _, found = _quotes("He still trusted the online straw polls that showed him victorious in most of the harbour "
                          "debates.")
    assert [a.quote.text for a in found if a.quote.cue == "showed"] == ["him victorious in most of the harbour debates"]


def test_extract_quotes_the_owner_of_an_answer_says_what_the_answer_was_to_say():
    text = ("Tomas Brel spoke at the quay. Asked how he would pay for the pier, his only answer was to say the port "
            "would find the money.")
    assert _speaker_of(text, "the port would find") == "Tomas Brel"


def test_extract_quotes_a_headline_topic_ending_in_small_letters_says_nothing():
    # "Lusk harbour fire: …" is what the story is about; no body or place named "Lusk" speaks.
    _, _, found = _quotes("Lusk harbour fire: Skipper charged with arson\nA BLAZE gutted the fish market in Lusk's "
                          "harbour. A skipper was charged with starting it on Sunday, police said.")
    assert [a.quote.text for a in found if a.quote.cue == ":"] == []


def test_extract_quotes_an_apposition_the_parser_hung_on_the_speaker_past_the_verb_is_no_part_of_them():
    _, _, found = _quotes("Most dockers expect Varga to win Friday's vote, the last of the harbour board's three ballots, "
                          "at Lusk Town Hall -- 44 percent to Brel's 34 percent.")
    assert [a.quote.speaker_text for a in found if a.quote.cue == "expect"] == ["Most dockers"]


def test_extract_quotes_the_name_after_as_speaks_a_verb_joined_to_the_main_clause_without_and():
    _, _, found = _quotes("The bickering began even before he cleared Ostland airspace, as Ivo Brel, contradicting "
                          "Varga, said he had told Varga at the beginning of the meeting that Ostland would not pay "
                          "for a wall.")
    assert [a.quote.speaker_text for a in found] == ["Ivo Brel"]


def test_extract_quotes_a_participle_after_a_clause_joined_without_and_is_that_clauses():
    _, _, found = _quotes("As the debate progressed and Varga stood by his comment Monday that \"Orsk hates us,\" "
                          "refusing to acknowledge that not all Orskers hate the U.S., Brel again tried to rebuke the "
                          "front-runner, but in a calm, confident manner.")
    assert [(a.quote.cue, a.quote.speaker_text) for a in found if a.quote.cue.startswith("refusing")] == [
        ("refusing to acknowledge", "Varga")]


@pytest.mark.parametrize("text, cue", [
    ("Varga knocked Brel for his vote on the pier.", "knocked"),
    ("Varga spent much of the week panning Ostland for its vote.", "panning"),
    ("Varga spent much of the week slamming Ostland for its vote.", "slamming"),
])
def test_extract_quotes_knocks_and_pans_are_stances_also_over_time_spent(text, cue):
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.cue) for a in found] == [("Varga", cue)]


def test_extract_quotes_a_nouns_that_clause_goes_on_after_an_attribution_set_in_before_it():
    _, _, found = _quotes("Adding to the campaign's continued wariness is an understanding that Brel, after suspending "
                          "his campaign Tuesday night, has laid off his staff with the exception of his delegate team — "
                          "an indication, some people in Varga world believe, that Brel and perhaps some establishment "
                          "Republicans could be trying to maintain the option of adopting rules changes that could "
                          "somehow wrest the nomination away from Varga in Orsk.")
    assert [a.quote.text.split(" — ")[1] for a in found] == [
        "an indication … that Brel and perhaps some establishment Republicans could be trying to maintain the option "
        "of adopting rules changes that could somehow wrest the nomination away from Varga in Orsk"]


def test_extract_quotes_an_attribution_set_in_keeps_its_description_whole():
    _, _, found = _quotes("Adding to the wariness is an understanding that Brel has laid off his staff — an indication, "
                          "some people in Varga world believe, that Brel could be trying to keep the option of changing "
                          "the rules.")
    assert [a.quote.speaker_text for a in found] == ["some people in Varga world"]


def test_extract_quotes_according_to_set_into_an_inverted_sentence_credits_the_whole_sentence():
    _, _, found = _quotes("Among the rulings at risk, according to Ms. Holm, are 16 involving trade, unions or tax "
                          "policy, including Orsk v. Lind, which denied relief to the workers of the port.")
    assert [a.quote.text for a in found] == [
        "Among the rulings at risk … are 16 involving trade, unions or tax policy, including Orsk v. Lind, which "
        "denied relief to the workers of the port"]


@pytest.mark.parametrize("text", ["Lind won the vote, knocking both Brel and Kessby out of the race.",
                                  "The council knocked out a pillar of the harbour act."])
def test_extract_quotes_a_knock_with_a_particle_is_no_stance(text):
    assert [a.quote.text for a in _quotes(text)[2]] == []


def test_extract_quotes_the_name_after_as_speaks_a_verb_that_took_the_main_clause_for_its_own():
    # The parser makes "began" a clause of "said", which has no subject of its own.
    rows = [("The", True, 1, "det", "DET", "DT", "the"), ("quarrel", True, 2, "nsubj", "NOUN", "NN", "quarrel"),
            ("began", True, 13, "ccomp", "VERB", "VBD", "begin"), ("before", True, 5, "mark", "SCONJ", "IN", "before"),
            ("he", True, 5, "nsubj", "PRON", "PRP", "he"), ("left", False, 2, "advcl", "VERB", "VBD", "leave"),
            (",", True, 5, "punct", "PUNCT", ",", ","), ("as", True, 5, "prep", "ADP", "IN", "as"),
            ("Brel", False, 7, "pobj", "PROPN", "NNP", "Brel"), (",", True, 13, "punct", "PUNCT", ",", ","),
            ("contradicting", True, 13, "advcl", "VERB", "VBG", "contradict"),
            ("Varga", False, 10, "dobj", "PROPN", "NNP", "Varga"), (",", True, 13, "punct", "PUNCT", ",", ","),
            ("said", True, 13, "ROOT", "VERB", "VBD", "say"), ("he", True, 17, "nsubj", "PRON", "PRP", "he"),
            ("would", True, 17, "aux", "AUX", "MD", "would"), ("not", True, 17, "neg", "PART", "RB", "not"),
            ("pay", True, 13, "ccomp", "VERB", "VB", "pay"), ("for", True, 17, "prep", "ADP", "IN", "for"),
            ("the", True, 20, "det", "DET", "DT", "the"), ("wall", False, 18, "pobj", "NOUN", "NN", "wall"),
            (".", False, 13, "punct", "PUNCT", ".", ".")]
    _, found = _parsed(rows, ents=(8, 11))
    assert [(a.quote.text, a.quote.speaker_text) for a in found] == [("he would not pay for the wall", "Brel")]


def test_extract_quotes_the_preposition_of_what_was_voiced_reads_with_the_cue():
    _, _, found = _quotes("“It’s not useful to anyone to be in a position where you could overturn the will of the "
                          "electorate,” said Sen. Tomas Brennick of Portview, who has spoken privately to a dozen other "
                          "Democratic senators about the matter.")
    assert [(a.quote.cue, a.quote.text) for a in found][1:] == [("spoken about", "the matter")]


def test_extract_quotes_a_sentence_opening_with_he_continues_the_subject_named_since_the_last_speaker():
    _, index, found = _quotes("Tomas Brennick also vowed, “We are going to rebuild the pier and we are going to do it "
                              "fast.”\n\nEarlier, Harbour Sheriff Hugo Orrin, one of the most polarizing figures in the "
                              "debate, vouched for Brennick's plan to build a wall along the harbour.\n\n"
                              "He said, “Tomas Brennick will build the wall.”")
    quote = next(a.quote for a in found if a.quote.text.startswith("Tomas Brennick will"))
    assert index.get(quote.speaker).name.endswith("Hugo Orrin")


def test_extract_quotes_a_name_in_the_words_reported_before_he_said_is_not_the_speaker():
    _, index, found = _quotes("Hugo Weber, a retired engineer, came to the rally with his wife. "
                              "Also, Brennick isn't a conservative, he said. Tomas Brennick spoke later.")
    quote = next(a.quote for a in found if "conservative" in a.quote.text)
    assert index.get(quote.speaker).name == "Hugo Weber"


def test_extract_quotes_who_a_question_was_about_is_not_who_answered_it():
    _, index, found = _quotes("“That is a fair concern,” Loretta Ames told the radio station on Monday. Asked about her own "
                              "vote in the event that Anna Lind faces Tomas Brennick, who has insulted the crews, she "
                              "replied: “I don’t know. I’m going to see what happens.”")
    quote = next(a.quote for a in found if a.quote.text.startswith("I don’t know"))
    assert index.get(quote.speaker).name == "Loretta Ames"


def test_extract_quotes_according_to_someones_book_is_their_word():
    _, index, found = _quotes("Tomas Brennick has cited his boats as proof of how he gets good value. In the 1980s, for "
                              "example, he paid $8 million to buy a 1968 ferry from a troubled company, according to his "
                              "book ''The Art of the Harbour.''")
    quote = next(a.quote for a in found if a.quote.cue == "according to")
    assert index.get(quote.speaker).name == "Tomas Brennick" and quote.speaker_text == "his"


def test_extract_quotes_an_occupation_stands_for_the_one_the_article_gives_it():
    _, index, found = _quotes("Oscar-winning actress Ilse Varga, star of “Harbour Lights,” is not sure she can vote for "
                              "Tomas Brennick. The actress said she was tired of the status quo. The novelist said the "
                              "pier was safe.")
    said = {a.quote.text.split()[0]: a.quote for a in found}
    assert index.get(said["she"].speaker).name == "Ilse Varga"
    assert said["the"].speaker is None  # no one in the story is a novelist


def test_extract_quotes_relative_clauses_report_whole_or_about_their_noun():
    # "in which" opens a whole clause; a "which" gap is shown with the noun it stands for,
    # and the comma closing the aside ends what was said
    found = _quotes("It was a campaign in which Tomas Brennick has said that the harbour judge would not treat him fairly.")[2]
    assert _said(found) == [("Tomas Brennick", "said", "the harbour judge would not treat him fairly")]
    found = _quotes("The levy, which Mayor Ilse Varga said was long overdue, passed on Monday.")[2]
    assert [a.quote.text for a in found] == ["[the levy] was long overdue"]


def test_extract_quotes_reported_words_keep_the_quotation_mark_they_open_with():
    found = _quotes("The Orsk Harbour Authority released a statement on Monday, offering “a deep and sincere "
                    "apology” to Mayor Ilse Varga after the leaked emails.")[2]
    assert [a.quote.text for a in found] == ["“a deep and sincere apology” to Mayor Ilse Varga after the leaked emails"]


def test_extract_quotes_an_office_that_issues_a_statement_speaks():
    for text, speaker in (("Her office issued a statement saying the harbour will not pay for another ferry.", "Her office"),
                          ("The office of Sen. Tomas Brennick put out a statement saying the harbour “does not have "
                           "the money to run another ferry.”", "The office of Sen. Tomas Brennick")):
        assert [a.quote.speaker_text for a in _quotes(text)[2]] == [speaker]


def test_extract_quotes_a_pronoun_and_a_name_speak_jointly():
    text = ("Sen. Tomas Brennick opened the pier on Monday.\n\n"
            "He and House Harbour Committee Chairman Ilse Varga both condemned the ferry program because it favors tourists.")
    _, index, found = _quotes(text)
    assert [[index.get(s).name for s in a.quote.speakers] for a in found] == [["Tomas Brennick", "Ilse Varga"]]


def test_extract_quotes_a_condition_after_a_dash_stays_in_the_reported_clause():
    found = _quotes("But as people continue to cross into Orsk in search of work, the board is planning to expand "
                    "the program to allow siblings, parents and caregivers to enter Orsk as well — as long as they are "
                    "accompanying minors approved under the existing guidelines, officials announced.\n\n"
                    "The board meets again in May.")[2]
    assert [a.quote.text.endswith("approved under the existing guidelines") for a in found] == [True]


def test_extract_quotes_a_show_named_where_it_was_said_is_no_quote():
    text = ("Tomas Brennick spoke on Monday.\n\nMr. Brennick said on ORSK's ''Meet the Press'' on Sunday that the mayor "
            "had shown disrespect to his wife, and he accused the mayor of running a campaign of hatred.")
    _, index, found = _quotes(text)
    assert [(a.quote.text, index.get(a.quote.speaker).name) for a in found] == [
        ("the mayor had shown disrespect to his wife", "Tomas Brennick"),
        ("the mayor of running a campaign of hatred", "Tomas Brennick")]


def test_extract_quotes_a_name_given_is_no_label_and_a_contraction_stays_with_its_subject():
    assert _quotes("An anti-Varga super PAC called Our Harbour is ramping up its operations.")[2] == []
    found = _quotes("Orsk Gov. Mark Lind is backing Ilse Varga, but he’s not predicting she’ll win the harbour caucuses.")[2]
    assert [a.quote.cue for a in found if "win" in a.quote.text] == ["not predicting"]


def test_extract_quotes_a_verb_the_parser_made_the_subject_gives_way_to_the_name(polnear_train):
    # "Mrs. Clinton, the presumptive Democratic nominee and strong favorite to win the
    # presidential election come November, proposed to draft Mr. Clinton …": "come" parsed
    # as the subject
    _, index, found = _quotes(polnear_train["nyt_2016-06-15_clinton-s-chance-to-make-bold-ch"])
    proposed = [a for a in found if a.quote.cue == "proposed"]
    assert [index.get(a.quote.speaker).name for a in proposed] == ["Hillary Clinton"]


def test_extract_quotes_people_a_participle_hangs_on_speak_not_the_clause_around_them():
    found = _quotes("One harbour group posted a message on Twitter that showed dock workers warning of “a winter "
                    "of strikes and closures across every pier” if the council cut their pay.")[2]
    assert [a.quote.speaker_text for a in found] == ["dock workers"]


def test_extract_quotes_a_question_asked_in_an_aside_leaves_the_next_passage_to_the_speaker():
    text = ('"And I am not being paid!" Varga declared, a point he likes to make after a recent appearance on an '
            "urban radio station during which callers asked how much money he was getting to talk up the mayor. "
            '"I make my own money. I have a five-star-rated business."')
    found = _quotes(text)[2]
    assert sorted((a.quote.speaker_text, a.quote.text[:20]) for a in found) == [
        ("Varga", "And I am not being p"), ("Varga", "I make my own money."), ("callers", "how much money he wa")]


def test_extract_quotes_a_view_noun_a_verb_voices_is_part_of_the_cue():
    # "launched Ilse Varga" would misread; calls named by a party are the party's
    for text, said in (
            ("At a press conference, Tomas Brennick launched an attack against Ilse Varga.",
             ("Tomas Brennick", "launched an attack against", "Ilse Varga")),
            ("The lengthy investigation by the Ardley Courier has renewed Republican calls for a special prosecutor to "
             "investigate the harbour deal.", ("Republican", "renewed Republican calls for", "a special prosecutor")),
            ("Ilse Varga and Dora Lind, two of the three people who survived the harbour fire, made an impassioned call "
             "for calm and unity on Wednesday.", ("Ilse Varga and Dora Lind", "made an impassioned call for", "calm and unity"))):
        assert _said(_quotes(text)[2]) == [said]


def test_extract_quotes_a_retort_is_the_retorter_s():
    # "…,” an angry Varga retaliated" was read as uncued and went on the speaker before
    text = ("Soon after the fire, Tomas Brennick asserted that the harbour had lost its identity: “Orsk is no longer "
            "Orsk,” he claimed.\n“Orsk will always be Orsk,” an angry Varga retaliated. “It never gives up.”")
    _, index, found = _quotes(text)
    assert [index.get(a.quote.speaker).name for a in found if a.quote.kind == "direct"] == [
        "Tomas Brennick", "Varga", "Varga"]
    found = _quotes("“The pier was never safe,” Brennick countered on Monday.")[2]
    assert [(a.quote.speaker_text, a.quote.cue) for a in found] == [("Brennick", "countered")]


def test_extract_quotes_an_attribution_inserted_with_the_name_after_the_verb():
    # "The plan, said Mayor Ilse Varga, …": the parser gave "plan" to "said" as its subject
    for text, name in (("The harbour plan, said Mayor Ilse Varga, is doomed to fail within a year.", "Ilse Varga"),
                       ("The harbour plan, said Varga, is doomed to fail within a year.", "Varga")):
        _, index, found = _quotes(text)
        assert [(index.get(a.quote.speaker).name, a.quote.text) for a in found] == [
            (name, "The harbour plan … is doomed to fail within a year")]


def test_extract_quotes_a_quoted_label_in_a_relative_aside_leaves_the_report_before_it():
    # the report used to be dropped whole because the aside holds a direct quote
    text = ("Tomas Brennick said he has backed a bill that would curb the power of the harbour boards, "
            "which he called “a cartel for the shipping trade.”")
    found = _quotes(text)[2]
    assert sorted((a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found) == [
        ("Tomas Brennick", "said", "he has backed a bill that would curb the power of the harbour boards"),
        ("he", "called", "a cartel for the shipping trade.")]


def test_extract_quotes_the_topic_after_a_speaker_s_apposition_is_no_part_of_the_source():
    text = ("“He did not overlook the facts,” said Ilse Varga, director of the Harbour Trust in Orsk, "
            "about the auditor’s report.")
    assert _marked(text, _quotes(text)[2])[0][0] == "Ilse Varga, director of the Harbour Trust in Orsk"


def test_extract_quotes_an_infinitive_the_object_was_brought_to_is_the_object_s():
    text = "The harbour vote prompted Mayor Ilse Varga to declare that the old pier was saved."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("Mayor Ilse Varga", "the old pier was saved")]


def test_extract_quotes_what_is_asked_of_someone_is_not_yet_said():
    for text in ("Mayor Ilse Varga urged the fishermen to say that the harbour was safe.",
                 "Tomas Brennick ignored her call to admit the pier plan is wrong."):
        assert not _quotes(text)[2]


def test_extract_quotes_a_role_inserted_after_a_name_without_its_closing_comma_speaks():
    found = _quotes("Varga, a top aide said, “is very confident, very confident in the contrast” between her and "
                    "Brennick, and she has often told the council so.")[2]
    assert [(a.quote.speaker_text, a.quote.speaker) for a in found if a.quote.kind == "direct"] == [("a top aide", None)]
    found = _quotes("Varga, a council spokesman, said the harbour plan would be ready by May.")[2]
    assert [a.quote.speaker_text for a in found] == ["Varga"]


def test_extract_quotes_a_question_after_a_dash_goes_to_its_asker_not_the_verb_before():
    text = ("If the port is failing — as many traders believe, but the board strongly denies — “why wouldn’t you "
            "want to raise the alarm now?” asked Ilse Varga, a harbour pilot.")
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.cue) for a in found if a.quote.kind == "direct"] == [("Ilse Varga", "asked")]


def test_extract_quotes_a_title_in_a_report_and_a_participle_s_own_quote():
    # the book's title used to block the report, and the quote after "explaining" went to "said"
    text = ('Brennick said the harbour strike reminds him of the 1969 book titled "The Long Winter at Orsk," '
            'explaining, "because what could have been was lost."')
    found = _quotes(text)[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [
        ("said", 'the harbour strike reminds him of the 1969 book titled "The Long Winter at Orsk,"'),
        ("explaining", "because what could have been was lost.")]


def test_extract_quotes_a_denial_of_a_claim_is_a_stance_but_withholding_is_not():
    assert _said(_quotes("Tomas Brennick denied the charges on Friday.")[2]) == [("Tomas Brennick", "denied", "the charges")]
    assert _said(_quotes("The harbour board has denied the sale of the pier.")[2]) == [
        ("The harbour board", "denied", "the sale of the pier")]
    assert not _quotes("Ilse Varga can deny Tomas Brennick the nomination by swamping him in the vote.")[2]


def test_extract_quotes_an_infinitive_after_a_passive_is_not_yet_said():
    # a correction note and an expectation; "was forced to admit" did admit
    for text in ("This story has been updated to note that Ilse Varga posted the harbour plan on her page.",
                 "Ilse Varga is expected to announce that the pier will close."):
        assert not _quotes(text)[2]
    found = _quotes("Ilse Varga was forced to admit that the pier had failed.")[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("Ilse Varga", "the pier had failed")]


def test_extract_quotes_a_participle_after_a_label_with_as_is_the_labeller_s():
    text = ("Inside the hall, Tomas Brennick on Tuesday dismissed Mayor Ilse Varga as an ineffective leader, "
            "arguing that the mayor has been a poor steward of the harbour.")
    found = _quotes(text)[2]
    assert {a.quote.speaker_text for a in found} == {"Tomas Brennick"}


def test_extract_quotes_going_before_reporters_to_denounce_is_the_goers_denunciation():
    text = ("The top councillors in the House and the Senate went before reporters on Capitol Hill Tuesday to "
            "denounce the stance taken by the mayor.")
    found = _quotes(text)[2]
    assert [a.quote.speaker_text for a in found] == ["The top councillors in the House and the Senate"]


def test_extract_quotes_a_statement_issued_before_an_event_reports_nothing_more():
    text = ('"The pier plan is reckless and costly for every taxpayer," spokesman Tomas Brennick said in a statement '
            "issued a half-hour before the council meeting was set to begin.")
    found = _quotes(text)[2]
    assert [a.quote.text for a in found] == ["The pier plan is reckless and costly for every taxpayer"]


def test_extract_quotes_a_caution_after_a_quote_is_its_own_report():
    text = ('"The pier will pay for itself within ten years," Varga says, but she cautions that she sees '
            '"two different sides to it."')
    found = _quotes(text)[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [
        ("says", "The pier will pay for itself within ten years"), ("cautions", "two different sides to it.")]


def test_extract_quotes_a_clause_with_a_gerund_subject_is_reported():
    for text, said in (("Tomas Brennick said seeing so many police officers at the harbour was a welcome sight.",
                        "seeing so many police officers at the harbour was a welcome sight"),
                       ("Ilse Varga said having Brennick at the top of the ticket puts even senior councillors at risk "
                        "of losing their seats.", "having Brennick at the top of the ticket puts even senior councillors "
                                                  "at risk of losing their seats")):
        assert [(a.quote.cue, a.quote.text) for a in _quotes(text)[2]] == [("said", said)]


def test_extract_quotes_to_counter_a_quoted_phrase_is_an_act_inside_the_report():
    text = ('Brennick said he planned to use the proceeds from the sale to fight harbour crime and to counter '
            '"the mayor\'s anti-fishing rhetoric."')
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.cue) for a in found] == [("Brennick", "said")]


def test_extract_quotes_an_attribution_opened_by_as_says_the_clause_around_it():
    for text, said in (("As Mayor Ilse Varga told the Orsk Ledger, the harbour tax is paid in exchange for new jobs.",
                        "the harbour tax is paid in exchange for new jobs"),
                       ("The pier will close in May, as Tomas Brennick announced last week.", "The pier will close in May")):
        assert [a.quote.text for a in _quotes(text)[2]] == [said]
    # "as" of time, and "as he said it would", attribute nothing
    assert not _quotes("As the crowd shouted, the mayor left the hall.")[2]
    assert [a.quote.text for a in _quotes("The pier closed as Varga said it would close.")[2]] == ["it would close"]


def test_extract_quotes_words_framing_an_as_attribution_are_not_said():
    found = _quotes("Of course, as Ana Ruiz of the Orsk Ledger observed, the biggest winner was the harbour itself.")[2]
    assert [a.quote.text for a in found] == ["the biggest winner was the harbour itself"]
    found = _quotes("If the wages rise through more spending at the harbour, as some councillors hope, the town could gain "
                    "in its fight for new jobs.")[2]
    assert [a.quote.text for a in found] == ["the wages rise through more spending at the harbour"]


def test_extract_quotes_an_interview_s_answers_are_the_interviewee_s():
    text = ("Harbour pilot Ilse Varga talks about the storm.\n\n"
            "Ilse Varga has guided ships into Orsk for thirty years. Questions and answers have been edited.\n\n"
            "Q: What did you see that night?\n\n"
            "A: I saw the pier break in two and the lights of the ferry go out.\n\n"
            "Q: Will the town rebuild the pier?\n\n"
            "A: I think the council will rebuild it before the winter, because the fishermen need it.")
    _, index, found = _quotes(text)
    turns = [(a.quote.speaker_text, index.get(a.quote.speaker).name if a.quote.speaker else None, a.quote.text[:12])
             for a in found if a.quote.cue == ":"]
    assert turns == [("Q", None, "What did you"), ("A", "Ilse Varga", "I saw the pi"),
                     ("Q", None, "Will the tow"), ("A", "Ilse Varga", "I think the ")]


def test_extract_quotes_people_left_saying_something_say_it():
    text = "The closures of the harbour have left 62 percent of voters saying the town is growing poorer."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("62 percent of voters", "the town is growing poorer")]


def test_extract_quotes_a_spaced_hyphen_ends_the_speaker_s_phrase():
    text = ("Ilse Varga is seen as far more able to deal with the strike than Tomas Brennick - 60 percent of voters "
            "said Varga would be better at handling it.")
    found = _quotes(text)[2]
    assert [_marked(text, [a])[0][0] for a in found] == ["60 percent of voters"]
    # an aside set off by spaced hyphens before the subject, as by dashes
    text = ("In the letter - addressed to the harbour attorney for the District of Orsk, Tomas D. Brennick - the Orsk "
            'Republican asks for an inquiry to determine whether "Mayor Varga or her staff violated statutes that '
            'prohibit destruction of records."')
    assert [a.quote.speaker_text for a in _quotes(text)[2]] == ["the Orsk Republican"]


def test_extract_quotes_a_that_clause_after_now_is_a_circumstance():
    assert not _quotes("Mayor Ilse Varga is spending more freely now that other towns pay for the pier.")[2]
    found = _quotes("Mayor Ilse Varga conceded that other towns pay for the pier.")[2]
    assert [a.quote.text for a in found] == ["other towns pay for the pier"]


def test_extract_quotes_a_hyphenated_object_is_read_whole():
    text = "Mayor Ilse Varga on Friday endorsed the re-election of harbour master Tomas Brennick and councillor Ana Ruiz."
    found = _quotes(text)[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [
        ("endorsed", "the re-election of harbour master Tomas Brennick and councillor Ana Ruiz")]


def test_extract_quotes_a_show_a_remark_went_out_on_is_not_its_topic():
    assert not _quotes("Ilse Varga made similar comments Thursday morning on the station’s “Harbour Live” program.")[2]
    found = _quotes("Ilse Varga commented on the radio about the delay at the pier.")[2]
    assert [a.quote.text for a in found] == ["the delay at the pier"]
    assert not _quotes("Tomas Brennick posted a comment on Twitter in August that compared the mayor to a pirate.")[2]


def test_extract_quotes_adding_a_thing_to_others_says_nothing():
    text = "Thanks to the festival, Ilse Varga can add a new title to her long list of honours: “harbour poet.”"
    assert not _quotes(text)[2]
    found = _quotes("“We will rebuild the pier before the storms,” Ilse Varga added.")[2]
    assert [a.quote.cue for a in found] == ["added"]


def test_extract_quotes_it_after_an_organisation_speaks_for_it():
    text = ("The Orsk Harbour Authority released its findings on Monday. It said the pier had been neglected for "
            "years by the council.")
    _, index, found = _quotes(text)
    assert [(a.quote.speaker_text, index.get(a.quote.speaker).name) for a in found] == [("It", "The Orsk Harbour Authority")]
    # "it" after no organisation is nobody's
    assert not _quotes("The storm was expected. It said the pier had been neglected for years by the council.")[2]


def test_extract_quotes_a_reproof_says_what_for_even_of_a_pronoun():
    for text, said in (("Ilse Varga criticized him for saying the pier was safe.", "him for saying the pier was safe"),
                       ("Ilse Varga rebuked Tomas Brennick for suggesting that the pier could wait.",
                        "Tomas Brennick for suggesting that the pier could wait"),
                       ("Ilse Varga blasted Tomas Brennick on Monday over his handling of the strike.",
                        "Tomas Brennick on Monday over his handling of the strike")):
        found = _quotes(text)[2]
        assert [a.quote.text for a in found if a.quote.speaker_text == "Ilse Varga"] == [said]


def test_extract_quotes_as_with_a_clause_of_its_own_tells_when():
    found = _quotes("Ilse Varga tweeted her thoughts on the vote as she waited outside the hall.")[2]
    assert [a.quote.text for a in found] == ["her thoughts on the vote"]
    found = _quotes("Ilse Varga described the crowd as shocked.")[2]
    assert [a.quote.text for a in found] == ["the crowd as shocked"]


def test_extract_quotes_a_name_ending_in_ly_after_said_is_the_speaker():
    text = ("Harbour pilot Tomas Brightly has guided ships into Orsk for thirty years.\n\n"
            "“The new pier is the best thing to happen to this town,” said Brightly, explaining he had pushed for it.")
    _, index, found = _quotes(text)
    direct = [a for a in found if a.quote.kind == "direct"]
    assert [index.get(a.quote.speaker).name for a in direct] == ["Tomas Brightly"]


def test_extract_quotes_an_opening_mark_typed_as_the_closing_one_still_closes():
    text = ("“It is unusual,“ said Ilse Varga, the harbour master. “The tide has never come this high in "
            "thirty years.”")
    found = _quotes(text)[2]
    assert [a.quote.text for a in found] == ["It is unusual", "The tide has never come this high in thirty years."]


def test_extract_quotes_an_opening_mark_typed_after_the_space_closes_when_nothing_else_does():
    text = ("The ferry line said its service had stopped for an hour. “A cable was cut near Orsk at dawn. All "
            "crossings are running again. The stop lasted 64 minutes, “the company said in a statement.")
    found = _quotes(text)[2]
    assert [a.quote.text for a in found if a.quote.kind == "direct"] == [
        "A cable was cut near Orsk at dawn. All crossings are running again. The stop lasted 64 minutes"]


def test_extract_quotes_an_opening_mark_typed_before_words_in_small_letters_closes():
    text = ("“I saw the flash and then the smoke, “testified Ada Lusk, who was hurt in the blast. Lusk, 40, said "
            "a man had shouted “get down,” and she ran.")
    _, index, found = _quotes(text)
    flash = next(a.quote for a in found if a.quote.kind == "direct")
    assert flash.text == "I saw the flash and then the smoke" and index.get(flash.speaker).name == "Ada Lusk"


def test_extract_quotes_scorn_disowning_and_portrayals_are_positions_voiced():
    for text, cue, said in (
            ("Mayor Ilse Varga has publicly derided the plan for a second pier.", "derided", "the plan for a second pier"),
            ("Tomas Brennick has never disavowed his call for a harbour tax.", "has never disavowed",
             "his call for a harbour tax"),
            ("Ilse Varga portrayed Tomas Brennick as a reckless spender.", "portrayed",
             "Tomas Brennick as a reckless spender"),
            ("Ilse Varga has often characterized him as a reckless spender.", "has often characterized",
             "him as a reckless spender"),
            ("Ilse Varga spoke of her hopes for the harbour.", "spoke of", "her hopes for the harbour")):
        found = _quotes(text)[2]
        assert [(_marked(text, [a])[0][1], a.quote.text) for a in found] == [(cue, said)], text
    # what a thing portrays is no one's position
    assert not _quotes("The mural portrays the harbour as it was in 1900.")[2]


def test_extract_quotes_a_that_the_parser_made_a_subject_still_opens_the_report():
    text = ("In October, Ilse Varga told investors that concerns about the harbour bonds were ''overblown,'' "
            "adding that the port had ''significant upside.''")
    found = _quotes(text)[2]
    assert [(a.quote.cue, a.quote.speaker_text) for a in found] == [("told investors", "Ilse Varga"), ("adding", "Ilse Varga")]
    found = _quotes("But the harbour board insisted that was not part of the deal with the ferry company.")[2]
    assert [a.quote.text for a in found] == ["that was not part of the deal with the ferry company"]


def test_extract_quotes_a_gerund_reported_is_the_topic_told():
    found = _quotes("Tomas Brennick reported raising $1.3 million for the harbour fund in March.")[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [("reported", "raising $1.3 million for the harbour fund in March")]


def test_extract_quotes_a_belief_inside_a_report_leaves_the_report_standing():
    text = "Ana Ruiz, a spokeswoman for the harbour board, said that the board felt the audit misread its accounts."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.cue) for a in found] == [
        ("Ana Ruiz, a spokeswoman for the harbour board", "said"), ("the board", "felt")]


def test_extract_quotes_a_title_beside_its_author_is_a_work_not_words_said():
    text = ("According to ''Harbour Lights: Three Generations That Built a Port,'' by Ana Ruiz, Tomas Brennick told "
            "his brother that the ferry business had cleared a path for him.")
    found = _quotes(text)[2]
    assert [a.quote.text for a in found] == ["the ferry business had cleared a path for him"]


def test_extract_quotes_a_poll_share_takes_a_side_on_anything():
    found = _quotes("Only 32 percent of Orsk residents opposed the harbour tax.")[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("Only 32 percent of Orsk residents", "the harbour tax")]
    # an unnamed group without a share says nothing so short
    assert not _quotes("Some residents opposed the harbour tax.")[2]


def test_extract_quotes_a_description_named_in_an_apposition_can_speak():
    text = ("The other man, his cousin Jonas Berg, 40, cited the mayor's apparent fondness for President Ilse Varga of "
            "Lindia as a potential danger.")
    found = _quotes(text)[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [
        ("cited", "the mayor's apparent fondness for President Ilse Varga of Lindia as a potential danger")]


def test_extract_quotes_a_demand_is_whole_in_a_few_words_and_runs_on_to_its_purpose():
    for text, said in (("Ilse Varga called for higher harbour wages.", "higher harbour wages"),
                       ("Ilse Varga called for banning trawlers from the bay.", "banning trawlers from the bay"),
                       ("Ilse Varga called for a special prosecutor to look into the harbour contracts.",
                        "a special prosecutor to look into the harbour contracts")):
        assert [(a.quote.cue, a.quote.text) for a in _quotes(text)[2]] == [("called for", said)], text
    # called on, not calling; and a date is when, not what
    assert not _quotes("More than 500 harbour workers were called for the night shift.")[2]


def test_extract_quotes_a_second_subject_the_parser_joined_to_the_first_verb_speaks():
    text = ("One in three said the council does not care very much about the harbour and one in four said the "
            "council was outright hostile to the harbour.")
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("One in three", "the council does not care very much about the harbour"),
        ("one in four", "the council was outright hostile to the harbour")]
    # two objects and a second verb of the same subject stay one speaker's
    found = _quotes("Ilse Varga praised the crews and the police and thanked the mayor.")[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("Ilse Varga", "the crews and the police"), ("Ilse Varga", "the mayor")]


def test_extract_quotes_a_poll_deeper_in_the_predicate_is_the_finding_of_its_clause():
    found = _quotes("Tomas Brennick continues to lead in the harbour polls.")[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("the harbour polls", "in", "Tomas Brennick continues to lead")]
    # a poll inside the subject places nothing the clause says
    assert not _quotes("Brennick's standing in the polls has fallen sharply this spring.")[2]


def test_extract_quotes_people_and_bodies_described_by_a_noun_voice_a_topic():
    found = _quotes("Dock workers described the old pier as a death trap.")[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("Dock workers", "described", "the old pier as a death trap")]
    found = _quotes("The shipping company reported its smallest quarterly profit in a decade.")[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("The shipping company", "its smallest quarterly profit")]
    # things voice nothing
    assert not _quotes("The new plans offer tax credits to fishermen.")[2]


def test_extract_quotes_a_label_given_oneself_and_a_name_identified():
    found = _quotes("Ilse Varga, who described herself as a lifelong sailor, spoke first.")[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [("described", "herself as a lifelong sailor")]
    found = _quotes("The coroner identified the drowned man as Jonas Berg, 41.")[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("The coroner", "identified", "the drowned man as Jonas Berg, 41")]


def test_extract_quotes_what_someone_acknowledged_is_voiced():
    found = _quotes("Tomas Brennick acknowledged Ilse Varga's strong showing in the harbour towns.")[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [("acknowledged", "Ilse Varga's strong showing in the harbour towns")]


def test_extract_quotes_people_described_by_their_role_take_a_side_in_few_words():
    found = _quotes("Ilse Varga ran for mayor of Orsk. The harbour mayors endorsed her.")[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [("The harbour mayors", "endorsed", "her")]
    # "some" residents are no one in particular (see the poll-share test)
    assert not _quotes("Some residents opposed the harbour tax.")[2]


def test_extract_quotes_a_clause_joined_in_the_present_after_a_past_speech_verb_is_still_reported():
    found = _quotes("Marta Kell noted the ferry was rebuilt last year, and it still leaks at the stern.")[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [
        ("noted", "the ferry was rebuilt last year, and it still leaks at the stern")]
    found = _quotes("Tomas Brennick said the council had approved the budget, and the pier will reopen in May.")[2]
    assert [a.quote.text for a in found] == ["the council had approved the budget, and the pier will reopen in May"]
    # the writer's narration goes on in the past, after what was said
    found = _quotes("Jon Ardal said the pier was safe, and left the room.")[2]
    assert [a.quote.text for a in found] == ["the pier was safe"]
    found = _quotes("Anna Berg said the ferry was late, but the council blamed the weather.")[2]
    assert [a.quote.text for a in found] == ["the ferry was late"]
    # a belief of other people joined to the verb is their own report
    found = _quotes("Marta Kell said the ferry was rebuilt last year, and now the fishermen fear that it will sink.")[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("Marta Kell", "the ferry was rebuilt last year"), ("the fishermen", "it will sink")]


def test_extract_quotes_pointing_a_thing_at_someone_is_no_speech():
    # ".357" spaced as "a. 357" leaves the parser reading the gun as a clause "pointed" reports
    assert not _quotes("After the guards left the van to check, the driver pointed a. 357 magnum revolver at them.")[2]
    assert not _quotes("The driver got out of the truck and pointed a. 357 caliber revolver at the two guards.")[2]
    # pointing out, pointing to evidence and pointing the finger (blaming) still voice something
    found = _quotes("Lena Marsh pointed out that the pier had been closed for years.")[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [("pointed out", "the pier had been closed for years")]
    found = _quotes("Harbour voters cannot just point their fingers and cry “but the council is crooked!”")[2]
    assert [a.quote.text for a in found] == ["but the council is crooked!"]


def test_extract_quotes_a_pronoun_is_not_the_one_its_reported_clause_names():
    ann, index, found = _quotes("Mara Lind chaired the harbour meeting on Monday. She said that Lind had been misquoted by the paper.")
    assert [(a.quote.speaker_text, a.quote.speaker) for a in found] == [("She", None)]
    # a clause before the pronoun is not under it: "…, she said" may be Lind's own
    ann, index, found = _quotes("Mara Lind chaired the harbour meeting on Monday. Lind had been misquoted by the paper, she said.")
    assert [index.get(a.quote.speaker).name for a in found] == ["Mara Lind"]


def test_extract_quotes_a_vouched_for_statement_is_marked_as_the_outermost_attribution():
    # PolNeAR marks only the outermost of nested attributions: "according to" a transcript is
    # the source of the whole sentence, speaker and verb included; the quote keeps the mayor
    text = "The harbour will close in May, Mayor Ilse Varga told the council, according to a transcript of the meeting."
    ann, index, found = _quotes(text)
    assert _marked(text, found) == [("a transcript of the meeting", "according to",
                                     "The harbour will close in May, Mayor Ilse Varga told the council")]
    assert index.get(found[0].quote.speaker).name == "Ilse Varga"
    assert found[0].quote.text == "The harbour will close in May"
    # a phrase inside what was said vouches for no one's statement
    text = "Ilse Varga said that, according to the audit, the levy was a mistake."
    assert _marked(text, _quotes(text)[2])[0][:2] == ("Ilse Varga", "said")
    # nor does one closing another clause of the sentence
    text = "Mayor Ilse Varga has praised the crews, and won 60 percent of the vote in the port, according to exit polls."
    assert _marked(text, _quotes(text)[2])[0][:2] == ("Mayor Ilse Varga", "has praised")


def test_extract_quotes_a_relayed_statement_is_marked_as_the_relay():
    text = "The Gazette reported that Ilse Varga told the council the pier would close in May."
    ann, index, found = _quotes(text)
    assert _marked(text, found) == [("The Gazette", "reported", "that Ilse Varga told the council the pier would close in May")]
    assert (index.get(found[0].quote.speaker).name, found[0].quote.channel) == ("Ilse Varga", "The Gazette")
    text = "A new harbour poll showed that 62 percent of fishermen said the levy was too high."
    assert _marked(text, _quotes(text)[2]) == [
        ("A new harbour poll", "showed", "that 62 percent of fishermen said the levy was too high")]
    # a statement inside a description of something the relay names is its own
    text = "Pal Brennick pointed to a visit to Orsk, where the mayor told the crowd that the pier would close."
    assert ("the mayor", "told", "that the pier would close") in _marked(text, _quotes(text)[2])


def test_extract_quotes_records_set_off_by_commas_state_their_clause():
    # the parser makes "records" a compound of "show", or "show" a noun
    found = _quotes("In all, the harbour board raised $5 million, port authority records show.")[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("port authority records", "show", "In all, the harbour board raised $5 million")]
    assert found[0].unnamed and found[0].quote.speaker is None
    found = _quotes("During the same month, port records show, the ferry sailed only twice.")[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("port records", "During the same month … the ferry sailed only twice")]
    # set off after "and", the records vouch for the clause after them; before "and", for the one before
    found = _quotes("Ilse Varga owns two boats and, records show, does not use them much.")[2]
    assert [a.quote.text for a in found] == ["does not use them much"]
    found = _quotes("The ferry was insured for $3 million in 2011, records show, and experts say it is worth less.")[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("records", "The ferry was insured for $3 million in 2011"), ("experts", "it is worth less")]


def test_extract_quotes_a_name_hung_on_an_opening_participle_clause_speaks():
    # the parser reads the name as an apposition of "Nevada", leaving "said" with no subject
    text = "Alarmed by the unrest in Nevada, Senator Ilse Varga, the minority leader, said that she spoke with Mr. Brennick on Tuesday."
    ann, index, found = _quotes(text)
    assert [(index.get(a.quote.speaker).name, a.quote.text) for a in found] == [
        ("Ilse Varga", "she spoke with Mr. Brennick on Tuesday")]


def test_extract_quotes_a_poll_opening_the_sentence_is_marked_as_the_source_of_its_shares():
    text = "In a harbour poll released last Thursday, 62 percent of fishermen said the levy was too high and 30 percent said it was fair."
    found = _quotes(text)[2]
    assert {m for m in _marked(text, found)} == {(
        "a harbour poll released last Thursday", "In",
        "62 percent of fishermen said the levy was too high and 30 percent said it was fair")}
    assert [a.quote.text for a in found] == ["the levy was too high", "it was fair"]  # reports keep each share's words
    # someone named reports on their own
    text = "In a harbour poll released last Thursday, Ilse Varga said the levy was too high."
    assert _marked(text, _quotes(text)[2]) == [("Ilse Varga", "said", "the levy was too high")]


def test_extract_quotes_a_mixed_quote_runs_on_as_reported_speech_does():
    # the clause joined after the quoted fragment is still what was said, as it is without quotation marks
    text = "Ana Ruiz said that her brother ''could be very stubborn,'' and that Tom had suffered from his temper and his silence."
    assert [m[2] for m in _marked(text, _quotes(text)[2])] == [
        "that her brother ''could be very stubborn,'' and that Tom had suffered from his temper and his silence"]
    text = "Tomas Brennick told reporters that the forecasts could be “far too rosy,” and are often wrong."
    assert [m[2] for m in _marked(text, _quotes(text)[2])] == ["that the forecasts could be “far too rosy,” and are often wrong"]


def test_extract_quotes_a_participle_after_a_joined_noun_leaves_the_report_whole():
    # "historians trying …" is no subject of a second verb joined to the report
    text = "Ms. Ruiz noted that the files may be useful to police officers and historians trying to study old smuggling routes."
    assert [a.quote.text for a in _quotes(text)[2]] == [
        "the files may be useful to police officers and historians trying to study old smuggling routes"]


def test_extract_quotes_a_participle_of_speech_narrated_in_the_past_keeps_its_present_clause():
    text = "Mr. Ross added, noting that more than half of the boats were insured in 1990, but only a tenth are today."
    assert [a.quote.text for a in _quotes(text)[2]] == [
        "more than half of the boats were insured in 1990, but only a tenth are today"]
    # the writer's narration goes on in the past
    text = "Mr. Ross left, noting that the boats were insured, and went home."
    assert [a.quote.text for a in _quotes(text)[2]] == ["the boats were insured"]


def test_extract_quotes_a_participle_after_a_report_of_the_speakers_own_doing_is_the_writers():
    text = "Ms. Varga said she would keep the harbour open, touting a plan for new moorings."
    said = [a for a in _quotes(text)[2] if a.quote.cue == "said"]
    assert [a.quote.text for a in said] == ["she would keep the harbour open"]
    # a participle after a report of what happened to others is still what was said
    text = "Officials said the storm hit the coast, killing two fishermen."
    assert [a.quote.text for a in _quotes(text)[2]] == ["the storm hit the coast, killing two fishermen"]
    # nor do the speaker's own quoted words lose theirs
    text = 'Ms. Varga said she wants a plan that pays for "new moorings, a longer pier, dredging the channel and more."'
    assert any("dredging the channel" in a.quote.text for a in _quotes(text)[2])


def test_extract_quotes_a_second_object_after_a_quoted_one_is_part_of_the_mixed_quote():
    text = 'Ruiz questioned Varga\'s "harbour values" and her readiness to lead the council.'
    assert [m[2] for m in _marked(text, _quotes(text)[2])] == [
        'Varga\'s "harbour values" and her readiness to lead the council']


def test_extract_quotes_records_set_off_after_a_stance_state_the_whole_clause():
    text = "Voters favor Varga over Brennick, the latest poll shows, by nine points."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("the latest poll", "Voters favor Varga over Brennick")]
    # without the records the stance is the voters'
    text = "Voters favor Varga over Brennick by nine points."
    assert [(a.quote.speaker_text, a.quote.cue) for a in _quotes(text)[2]] == [("Voters", "favor")]


def test_extract_quotes_an_aim_or_a_decision_to_act_is_what_the_subject_voiced():
    text = "Mayor Ilse Varga sought to calm the ferry crews after the vote."
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in _quotes(text)[2]] == [
        ("Mayor Ilse Varga", "sought", "to calm the ferry crews after the vote")]
    text = "Tomas Brennick decided to run for the harbour board."
    assert [(a.quote.speaker_text, a.quote.text) for a in _quotes(text)[2]] == [("Tomas Brennick", "to run for the harbour board")]
    # a thing that aims at something voices nothing
    assert _quotes("The new levy aims to cut the harbour's debts by half.")[2] == []


def test_extract_quotes_an_adjective_of_attitude_names_a_position_its_subject_holds():
    text = "Senator Ana Ruiz was eager to reopen the harbour before the storms."
    assert [(a.quote.speaker_text, a.quote.text) for a in _quotes(text)[2]] == [
        ("Senator Ana Ruiz", "to reopen the harbour before the storms")]
    text = "Tomas Brennick has been critical of the new ferry levy."
    assert [(a.quote.speaker_text, a.quote.text) for a in _quotes(text)[2]] == [("Tomas Brennick", "the new ferry levy")]
    text = "Ilse Varga is confident that the ferry will sail on time."
    assert [a.quote.text for a in _quotes(text)[2]] == ["the ferry will sail on time"]
    # a thing holds no attitude, and an attitude towards nothing named states no position
    assert _quotes("The ferry is critical to the island's economy.")[2] == []
    assert _quotes("The weather was poor. Ilse Varga was angry.")[2] == []
    # an attitude the writer supposes is no one's statement
    assert _quotes("Ilse Varga met Ana Ruiz on the pier and so would have been wary of provoking the council.")[2] == []


def test_extract_quotes_a_feeling_opening_the_sentence_is_the_subjects():
    text = "Alarmed by the unrest in the port, Senator Ana Ruiz called the harbour board."
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in _quotes(text)[2]] == [
        ("Senator Ana Ruiz", "Alarmed by", "the unrest in the port")]
    text = "Convinced that the pier was unsafe, Ilse Varga closed it on Monday."
    assert [(a.quote.speaker_text, a.quote.text) for a in _quotes(text)[2]] == [("Ilse Varga", "the pier was unsafe")]
    # a state of the body is no attitude
    assert _quotes("Tired after the long trip, Ilse Varga slept.")[2] == []


def test_extract_quotes_records_named_with_their_owner_state_the_clause_around_them():
    text = "The ferry sailed twice in May, a review of harbour logs shows."
    assert [(a.quote.speaker_text, a.quote.text) for a in _quotes(text)[2]] == [
        ("a review of harbour logs", "The ferry sailed twice in May")]
    # the clause runs on past the aside in a phrase hung on a word before it
    text = "Most islanders want a new ferry, a survey by the port finds, with most of them in the north."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("a survey by the port", "Most islanders want a new ferry … with most of them in the north")]


def test_extract_quotes_a_title_after_a_source_and_a_colon_is_the_sources_in_any_form():
    text = "Holm: 'Never, ever underestimate Brennick.'\n\nAnna Holm has some advice for the council. Holm said so on Monday."
    assert ("Holm", "'Never, ever underestimate Brennick.'") in [(a.quote.speaker_text, a.quote.text) for a in _quotes(text)[2]]
    text = "Insiders: Brennick will rebound in the north.\n\nTomas Brennick is poised to bounce back after his loss."
    assert [(a.quote.speaker_text, a.quote.text) for a in _quotes(text)[2]] == [("Insiders", "Brennick will rebound in the north")]
    # two names joined are what the title is about; below the title a colon still needs a statement
    text = "Varga and Holm: A long rivalry on the harbour board.\n\nIlse Varga and Anna Holm have met often."
    assert _quotes(text)[2] == []
    text = "Bill is back: Holm's husband on the harbour board.\n\nBill Holm returned to the board on Monday."
    assert [a for a in _quotes(text)[2] if a.quote.cue == ":"] == []
    text = "The council met.\n\nHolm: 'Never, ever underestimate Brennick.'\n\nAnna Holm spoke on Monday."
    assert [a.quote.text for a in _quotes(text)[2] if a.quote.cue == ":"] == []


def test_extract_quotes_as_someone_put_it_is_a_way_of_saying():
    text = 'As Ana Ruiz, a professor of law, put it, "The council should remember that a compromise is better than a fight."'
    assert [(a.quote.speaker_text, a.quote.text) for a in _quotes(text)[2]] == [
        ("Ana Ruiz, a professor of law", "The council should remember that a compromise is better than a fight.")]
    text = "As Ana Ruiz put it, the council should remember that a compromise is better than a fight."
    assert [(a.quote.speaker_text, a.quote.text) for a in _quotes(text)[2]] == [
        ("Ana Ruiz", "the council should remember that a compromise is better than a fight")]
    # putting something somewhere says nothing
    assert _quotes("As Ana Ruiz put it on the table, the council began to vote on the pier.")[2] == []


def test_extract_quotes_a_participle_taking_a_side_is_the_side_of_the_noun_it_describes():
    text = "A super PAC supporting Ana Lind spent two million dollars on radio ads in May."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [("A super PAC", "supporting", "Ana Lind")]
    text = "Dock workers opposing the new harbour levy marched on the town hall."
    assert [(a.quote.speaker_text, a.quote.text) for a in _quotes(text)[2]] == [("Dock workers", "the new harbour levy")]
    # a thing that supports a claim takes no side ("the figures backing the plan")
    assert _quotes("The figures backing the claim were thin.")[2] == []
    # nor does a participle of some other act ("a PAC spending")
    assert _quotes("A super PAC spending money on Ana Lind ran ads in May.")[2] == []
    # a name set off after the object is no part of the side
    text = "One pastor supporting Ana Lind, Tom Holm of the harbour church, said the pier was safe."
    assert ("One pastor", "supporting", "Ana Lind") in [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in _quotes(text)[2]]
    # a side inside another attribution is left to it
    text = "Tom Holm plans to recruit volunteer captains supporting Ana Lind in every precinct."
    assert [(a.quote.speaker_text, a.quote.cue) for a in _quotes(text)[2]] == [("Tom Holm", "plans")]


def test_extract_quotes_a_relative_with_no_pronoun_or_a_free_relative_reports_its_gap():
    text = "The council began a review Ana Lind said was long overdue."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("Ana Lind", "[a review] was long overdue")]
    text = "The council adapted to what Ana Lind said is a growing demand for ferries."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("Ana Lind", "[it] is a growing demand for ferries")]
    # a gap left elsewhere in the clause shows nothing said about the noun
    assert _quotes("These are the things Ana Lind said she would do next year.")[2] == []


def test_extract_quotes_an_if_clause_after_the_one_asked_is_the_question():
    text = "Then Ana Lind asked the students if they were always so quiet in class."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("Ana Lind", "asked the students", "if they were always so quiet in class")]
    # a condition on an act asked of someone stays the act's
    text = "Ana Lind asked the crews to stay home if the storm came back."
    assert [a.quote.text for a in _quotes(text)[2]] == ["the crews to stay home if the storm came back"]
    # "asked by X whether …": the one the "by" phrase names asked; with no "by", no one said
    text = "Asked by Ana Lind whether the pier was safe, Tom Holm nodded."
    assert [(a.quote.speaker_text, a.quote.text) for a in _quotes(text)[2]] == [("Ana Lind", "whether the pier was safe")]
    assert _quotes("Asked whether the pier was safe, Tom Holm nodded.")[2] == []


def test_extract_quotes_an_inserted_attribution_leaves_the_opening_phrase_to_its_clause():
    text = "At times last year, people close to the mayor said, the mere mention of the levy could make him angry."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("people close to the mayor", "At times last year … the mere mention of the levy could make him angry")]
    text = "Whatever progress Tom Holm has made, Ana Lind said, could easily be undone by a storm."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("Ana Lind", "Whatever progress Tom Holm has made … could easily be undone by a storm")]
    # a relative adverb opens a description, whose inserted remark reports inside it
    assert [a.quote.text for a in _quotes("She recalled the days when, Ana Lind said, the pier was full of boats.")[2]
            if a.quote.speaker_text == "Ana Lind"] == []


def test_extract_quotes_a_list_opened_by_a_stance_or_a_plan_runs_on_to_its_end():
    text = "Mayor Ilse Varga touted her plans to dredge the harbour, rebuild the old pier, and cut the harbour levy."
    assert [a.quote.text for a in _quotes(text)[2]] == [
        "her plans to dredge the harbour, rebuild the old pier, and cut the harbour levy"]
    text = "Tom Holm vowed to dredge the harbour, rebuild the old pier, and cut the harbour levy."
    assert [a.quote.text for a in _quotes(text)[2]] == ["to dredge the harbour, rebuild the old pier, and cut the harbour levy"]
    text = "Mayor Ilse Varga endorsed the re-election of Councillor Holm (D-Orsk), Councillor Lind (R-Vale), and Councillor Berg (R-Tor)."
    assert [a.quote.text for a in _quotes(text)[2]] == [
        "the re-election of Councillor Holm (D-Orsk), Councillor Lind (R-Vale), and Councillor Berg (R-Tor)"]
    # what follows is of another kind, or a clause of its own: the stance stops at the comma
    text = "Tom Holm vowed to dredge the harbour, and the council agreed with him."
    assert [a.quote.text for a in _quotes(text)[2]] == ["to dredge the harbour"]


def test_extract_quotes_a_passive_stance_is_voiced_by_its_by_phrase():
    found = _quotes("The new harbour levy was opposed by most fishermen in Orsk.")[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("most fishermen in Orsk", "opposed", "The new harbour levy")]
    found = _quotes("The pier plan has been sharply criticized by Mayor Ida Varga.")[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("Mayor Ida Varga", "The pier plan")]
    # no one named who can voice a view, or a greeting of a person: no stance
    assert _quotes("The claim is backed by data from the port.")[2] == []
    assert _quotes("Tom Holm was welcomed by the dock workers.")[2] == []
    assert _quotes("The new harbour levy was opposed from the start.")[2] == []
    # what it was blamed for lies after the verb: one span cannot hold the position
    assert _quotes("Tom Holm was berated by his father for the long delay at the pier.")[2] == []


def test_extract_quotes_laying_out_or_spelling_out_sets_out_a_topic():
    found = _quotes("Mayor Ilse Varga laid out a plan for the new pier on Monday.")[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("Mayor Ilse Varga", "laid out", "a plan for the new pier")]
    # without the particle, or with another one, nothing was set out in words
    assert _quotes("The council laid off forty clerks in the spring.")[2] == []
    assert _quotes("Tom Holm laid a wreath at the old pier.")[2] == []


def test_extract_quotes_taking_aim_or_issue_is_a_stance_on_its_target():
    found = _quotes("Mayor Ilse Varga took aim at the harbour levy on Tuesday.")[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("Mayor Ilse Varga", "took aim at", "the harbour levy")]
    found = _quotes("The fishermen took issue with the new rules for the pier.")[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [("took issue with", "the new rules for the pier")]
    # other takings attack nothing
    assert _quotes("Tom Holm took a shot of whisky at the bar.")[2] == []
    assert _quotes("Ilse Varga took the issue to the courts.")[2] == []


def test_extract_quotes_a_verb_in_the_cues_tense_after_the_report_is_the_speakers_next_act():
    text = "Ilse Varga said she would resign soon and left the room."
    assert [a.quote.text for a in _quotes(text)[2]] == ["she would resign soon"]
    text = "Ilse Varga proposed that more crews be left at the pier, and pushed for a new levy."
    assert [a.quote.text for a in _quotes(text)[2]][:1] == ["more crews be left at the pier"]


def test_extract_quotes_a_group_whose_description_names_its_people_takes_a_short_side():
    found = _quotes("Several leading candidates for mayor, including Ilse Varga and Tom Holm, criticized the levy.")[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [("criticized", "the levy")]
    # a group named by no one in particular still needs a named side
    assert _quotes("Several voters criticized the levy.")[2] == []


def test_extract_quotes_a_candidate_turned_down_leaves_its_words_to_later_phases():
    # the short stance "the levy" of no one named is turned down; the survey then holds the clause
    found = _quotes("In the harbour survey, most fishermen backed the levy.")[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("the harbour survey", "most fishermen backed the levy")]
    # a stance that stands keeps its words
    found = _quotes("In the harbour survey, Mayor Ilse Varga backed the levy on ferries.")[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("Mayor Ilse Varga", "the levy on ferries")]
    # words turned down as one report no one can be credited with hold no report of their own
    assert _quotes("It said the fishermen planned to strike at the pier on Monday.")[2] == []


def test_extract_quotes_a_description_opened_by_a_demonstrative_names_no_one():
    # the name inside modifies the noun: a look-alike of Holm is not Holm
    found = _quotes("Tom Holm spoke first at the pier. This Holm look-alike declared that the levy would stay in place.")[2]
    assert [(a.quote.speaker_text, a.quote.speaker, a.unnamed) for a in found] == [("This Holm look-alike", None, True)]
    found = _quotes("Tom Holm spoke first at the pier. That Holm supporter said the levy would stay in place.")[2]
    assert [(a.quote.speaker, a.unnamed) for a in found] == [(None, True)]
    # the name itself still speaks
    found = _quotes("Tom Holm spoke first at the pier. Holm declared that the levy would stay in place.")[2]
    assert [a.unnamed for a in found] == [False] and found[0].quote.speaker is not None


def test_extract_quotes_reported_words_stay_on_the_line_of_their_verb():
    # A title that reports ("… say the harbour will reopen …") runs into the date line
    # under it in one parse; the date is not what the officials said.
    text = ("Ferry officials say the harbour will reopen within ten days\nMarch 4, 2025\n"
            "As most commuters have noticed, the ferries stopped running again.")
    _, _, found = _quotes(text)
    assert _spans(text, found) == [("Ferry officials", "say", "the harbour will reopen within ten days")]


def test_extract_quotes_no_sentence_runs_across_a_paragraph_break():
    # the abbreviation closing the speaker's title does not carry the sentence into the next
    # paragraph, whose subject the parser would otherwise take the name for
    text = ("The pier will not close this year, said Ana Holm, head of the Harbour Workers of the U.S.A.\n\n"
            "Ivo Brenn met the board on Friday.")
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("Ana Holm", "said", "The pier will not close this year")]


def test_extract_quotes_a_name_after_an_inverted_verb_speaks_though_parsed_as_its_object():
    # "recalled Ms. Holm" after the quotation: the quotation is what was recalled
    found = _quotes("The council met on Monday.\n\n“We had to wait for the vote,” recalled Ms. Holm. "
                    "“Then the mayor gave in.”")[2]
    assert [(a.quote.speaker_text, a.quote.cue) for a in found] == [("Ms. Holm", "recalled")] * 2
    # also when the parser sets the question apart as a sentence of its own
    found = _quotes("The mayor spoke to the crews.\n\n“Is the mayor running against the council?” asked Ivo Lind, "
                    "referring to the feud. “The answer is no.”")[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found][:2] == [
        ("Ivo Lind", "asked", "Is the mayor running against the council?"), ("Ivo Lind", "asked", "The answer is no.")]


def test_extract_quotes_a_poll_finding_before_the_margin_of_the_lead():
    # the poll closes the clause it found but for the margin; a side clause before it is no finding
    found = _quotes("While Varga leads in Orsk, she trails Tom Holm in the latest harbour poll by nearly 9 points.")[2]
    assert [(a.quote.speaker_text, a.quote.cue, a.quote.text) for a in found] == [
        ("the latest harbour poll", "in", "she trails Tom Holm")]
    found = _quotes("Ilse Varga has led Tom Holm in every ferry poll this year, usually by double digits.")[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("every ferry poll", "Ilse Varga has led Tom Holm")]
    # a place the act happened in, followed by "by" something, is no poll
    assert _quotes("Ilse Varga spoke in the town hall by the pier for 20 minutes.")[2] == []


def test_extract_quotes_a_name_set_off_right_before_a_verb_with_no_subject_speaks():
    text = ("The crews waited.\n\nOn Monday at the pier, while on a tour for her brother, the pilot Ivo Lind, "
            "former mayor Ilse Varga said the levy would stay.")
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("former mayor Ilse Varga", "the levy would stay")]


def test_extract_quotes_the_place_line_of_a_wire_story_is_no_part_of_what_a_source_vouches_for():
    found = _quotes("LUNDBY — Ilse Varga's views on the levy have cost her the support of most fishermen, "
                    "according to a poll of 400 harbour workers.")[2]
    assert [(a.quote.cue, a.quote.text) for a in found] == [
        ("according to", "Ilse Varga's views on the levy have cost her the support of most fishermen")]


def test_extract_quotes_spaces_inside_the_marks_are_no_words_of_the_speaker():
    # Some archives space their quotation marks: `` Like this, '' he said.
    text = ("The harbour pier of Tarnby reopened on Monday after a month of repairs.\n\n"
            "`` Now that the pilings are sound, the ferries can come back, '' harbour master Ivo Brand said.")
    ann, _, found = _quotes(text)
    (quote,) = [a.quote for a in found]
    assert quote.text == "Now that the pilings are sound, the ferries can come back"
    assert text[quote.span[0]:quote.span[1]] == quote.text


def test_extract_quotes_a_participle_of_finding_on_a_poll_or_record_is_its_finding():
    text = "The mayor spoke after a new harbour survey showing her support among young voters down to 20 percent."
    assert _marked(text, _quotes(text)[2]) == [
        ("a new harbour survey", "showing", "her support among young voters down to 20 percent")]
    text = "The race is tight in Orsk, with some polls indicating that the governor has a small lead."
    assert _marked(text, _quotes(text)[2]) == [("some polls", "indicating", "that the governor has a small lead")]
    # inside another attribution it is left to that one, as corpora mark only the outer one
    text = "Varga refused to dispute the many polls showing Holm leading the race in Orsk."
    assert [cue for _, cue, _ in _marked(text, _quotes(text)[2])] == ["refused"]
    # a participle on anything but a poll or a record shows, it finds nothing
    assert _quotes("The museum released a video showing the crowd at the gates of the harbour.")[2] == []


def test_extract_quotes_a_finding_keeps_its_figures_and_stops_at_the_next_poll():
    text = ("A Gazette poll out Monday showed Varga with a healthy lead over Holm in Orsk, earning 51 percent "
            "of the support of likely voters.")
    assert _marked(text, _quotes(text)[2])[0][2].endswith("earning 51 percent of the support of likely voters")
    text = ("Early polls show voters in the port towns resoundingly rejecting the levy: a Gazette poll this month "
            "found Varga about even with Holm statewide, but losing the coast by 38 points.")
    assert [(cue, content) for _, cue, content in _marked(text, _quotes(text)[2])] == [
        ("show", "voters in the port towns resoundingly rejecting the levy"),
        ("found", "Varga about even with Holm statewide, but losing the coast by 38 points")]
    # a writer's "although …" is no part of what was found
    text = "None of the harbour videos showed the scene she described, although one section comes close."
    assert _marked(text, _quotes(text)[2])[0][2] == "the scene she described"


def test_extract_quotes_a_second_subject_after_said_belongs_to_the_clause_after_it():
    text = ("Voter turnout:\n\nVarga, whose coalition includes young people and fishermen, said closed primaries "
            "-- those open only to party members -- deny many voters the right to choose.")
    assert _marked(text, _quotes(text)[2]) == [
        ("Varga, whose coalition includes young people and fishermen,", "said",
         "closed primaries -- those open only to party members -- deny many voters the right to choose")]
    # the name after an inserted "said" still speaks
    text = "The plan, said Mayor Ida Marsh, is doomed to fail in the spring."
    assert [source for source, _, _ in _marked(text, _quotes(text)[2])] == ["Mayor Ida Marsh"]


def test_extract_quotes_an_inserted_said_after_a_time_clause_reports_the_sentence():
    text = "When she finally noticed the mayor, he said, her eyes widened with surprise."
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.cue) for a in found] == [("he", "said")]
    assert _marked(text, found)[0][2].startswith("When she finally noticed the mayor")
    # inside a description ("the days when, he said, …") it still reports nothing
    assert _quotes("He recalled the days when, he said, the pier was full of boats.")[2] == []


def test_extract_quotes_a_concession_after_a_reported_clause_is_the_writers():
    text = "Varga said the pier would stay open, even as the council voted to close it in May."
    assert _marked(text, _quotes(text)[2]) == [("Varga", "said", "the pier would stay open")]
    # a condition is part of what was said
    text = "Varga said the pier would stay open even if the council voted to close it in May."
    assert _marked(text, _quotes(text)[2])[0][2].endswith("even if the council voted to close it in May")


def test_extract_quotes_a_contracted_has_before_a_participle_is_no_passive():
    # the parser reads "'s" as "is" ("He is said …"); with a clause after it, it is "has"
    text = "He's said he believes the pier is safe for the boats."
    assert _marked(text, _quotes(text)[2]) == [("He", "'s said", "he believes the pier is safe for the boats")]
    # "is said to be" stays passive: he is not the one who said it
    text = "He's said to be angry at the council."
    assert all(cue != "'s said" for _, cue, _ in _marked(text, _quotes(text)[2]))
    # a time after the participle is no object voiced
    text = "She's argued for years with the council."
    assert all(cue != "'s argued for" for _, cue, _ in _marked(text, _quotes(text)[2]))


def test_extract_quotes_a_thing_after_since_is_no_speaker():
    # the parser reads "since the storm's damage" as opening a clause whose subject is the damage
    text = ("The harbour pilots who have struck daily since the storm's damage have vowed to stay out "
            "until the board pays them.")
    assert [(a.quote.speaker_text, a.quote.cue) for a in _quotes(text)[2]] == [("The harbour pilots", "vowed")]
    text = "Dock workers who have walked out since the pier's collapse say they will not return until the board pays them."
    assert [(a.quote.speaker_text, a.quote.cue) for a in _quotes(text)[2]] == [("Dock workers", "say")]
    # a person after the time word still speaks for themselves
    text = "Dock workers who walked out after the manager warned that wages would be cut said they would stay out."
    assert [(a.quote.speaker_text, a.quote.cue) for a in _quotes(text)[2]] == [
        ("the manager", "warned"), ("Dock workers", "said")]


def test_extract_quotes_his_after_a_role_noun_is_that_role_holder():
    # "his appeals" after "the prime minister" are the minister's, not those of a person named before
    text = ("Prime Minister Tomas Berglund met union leaders on Monday. Police shot dead Nikos Verros, 15, on "
            "Saturday night. The opposition has increased calls for the prime minister to quit, ignoring his "
            "appeals for national unity.")
    ann, index, found = _quotes(text)
    appeals = [a for a in found if a.quote.cue == "appeals"]
    assert appeals and index.get(appeals[0].quote.speaker).name == "Tomas Berglund"
    # with no one given the role, "his" stands for no one the article named
    text = ("Police shot dead Nikos Verros, 15, on Saturday night. The opposition has increased calls for the "
            "prime minister to quit, ignoring his appeals for national unity.")
    ann, index, found = _quotes(text)
    assert all(index.get(a.quote.speaker) is None or index.get(a.quote.speaker).name != "Nikos Verros" for a in found)


def test_extract_quotes_a_plural_noun_opening_the_sentence_is_no_name():
    text = "Crowds of fishermen gathered at the pier, chanting: “Pay us what you owe!”"
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("Crowds of fishermen", "Pay us what you owe!")]
    # a conjunction opening the sentence is no part of the speaker
    text = "But young pilots who have struck daily since the storm's damage have vowed to stay out until the board pays them."
    assert [a.quote.speaker_text for a in _quotes(text)[2]] == ["young pilots"]


def test_extract_quotes_a_speaker_named_before_a_paragraph_break_ends_at_the_name():
    text = "The pier was closed on Monday, according to Harbourwatch\n\nThe board met later."
    assert [a.quote.speaker_text for a in _quotes(text)[2]] == ["Harbourwatch"]


def test_extract_quotes_a_second_act_after_a_which_clause_is_the_main_subjects():
    # the parser joins "vowed" to "which had favoured …": rules vow nothing, the mayor does
    text = "The mayor scrapped some of the rules which had favoured the old board and vowed to open the harbour to all boats."
    assert [(a.quote.speaker_text, a.quote.cue) for a in _quotes(text)[2]] == [("The mayor", "vowed")]
    text = "The council rejected the plan, which had drawn protests and said it would consult residents."
    assert [(a.quote.speaker_text, a.quote.cue) for a in _quotes(text)[2]] == [("The council", "said")]


def test_extract_quotes_a_place_set_off_after_a_person_noun_is_not_the_speaker():
    text = "The only independent candidate in the capital, Portview, says the vote is fair."
    ann, index, found = _quotes(text)
    assert [a.quote.cue for a in found] == ["says"]
    assert index.get(found[0].quote.speaker) is None or index.get(found[0].quote.speaker).name != "Portview"


def test_extract_quotes_a_capitalised_role_after_a_place_is_no_place():
    # "the Nordland Governor" is the governor, not Nordland
    text = ("“We kept our promise,” Governor Ana Lindqvist said on Monday. On Tuesday, the Nordland Governor "
            "said she regrets the delay.")
    ann, index, found = _quotes(text)
    by_cue = [(a.quote.speaker_text, index.get(a.quote.speaker).name if a.quote.speaker else None) for a in found]
    assert by_cue[-1][0] == "the Nordland Governor" and by_cue[-1][1] == by_cue[0][1]
    # with no governor speaking before, the role names no one
    text = "Storms closed the Nordland pier on Monday. On Tuesday, the Nordland Governor said she regrets the delay."
    ann, index, found = _quotes(text)
    assert [a.quote.speaker for a in found] == [None]


def test_extract_quotes_his_after_a_role_noun_keeps_a_person_named_before_it():
    # a person named before the role in the sentence may own "her" as well: no role holder is forced
    text = "Ilse Varga asked the governor to quit, repeating her appeals for calm."
    ann, index, found = _quotes(text)
    assert {index.get(a.quote.speaker).name for a in found if a.quote.speaker} == {"Ilse Varga"}


def test_extract_quotes_a_second_that_clause_after_and_belongs_to_the_same_report():
    # "but that …" adds a second clause to what was said, even with a speech verb of its own
    text = ("Ilse Varga said that the new ferry was safe but that if the council wanted a second one, "
            "it should have insisted on a proper tender.")
    found = _quotes(text)[2]
    assert [(a.quote.speaker_text, a.quote.cue) for a in found] == [("Ilse Varga", "said")]
    assert found[0].quote.text.endswith("it should have insisted on a proper tender")


def test_extract_quotes_what_someone_stressed_or_detailed_is_what_was_voiced():
    assert _said(_quotes("Ilse Varga stressed her support for a new ferry terminal.")[2]) == [
        ("Ilse Varga", "stressed", "her support for a new ferry terminal")]
    assert _said(_quotes("Tomas Brennick detailed his plan for the harbour at a rally.")[2]) == [
        ("Tomas Brennick", "detailed", "his plan for the harbour")]
    # a thing that stresses or underscores something voices nothing
    assert _said(_quotes("The storm underscores the need for a new sea wall.")[2]) == []


def test_extract_quotes_a_judgement_after_a_long_object_of_seeing_is_a_view():
    # the parser hangs "as …" on the object or makes it a clause; it is still how they see it
    assert _said(_quotes("Most fishermen see the new levy on diesel as a burden.")[2]) == [
        ("Most fishermen", "see", "the new levy on diesel as a burden")]
    assert _said(_quotes("Ilse Varga sees Tomas Brennick as captured by the shipping lobby.")[2]) == [
        ("Ilse Varga", "sees", "Tomas Brennick as captured by the shipping lobby")]
    # examples named with "such as" are no judgement
    assert _said(_quotes("Most fishermen see costs such as diesel and nets.")[2]) == []


def test_extract_quotes_embraced_positions_warnings_against_and_outbursts_at():
    assert _said(_quotes("Ilse Varga embraced the plan for a new ferry terminal.")[2]) == [
        ("Ilse Varga", "embraced", "the plan for a new ferry terminal")]
    assert _said(_quotes("Several councillors cautioned against reading too much into the vote.")[2]) == [
        ("Several councillors", "cautioned against", "reading too much into the vote")]
    assert [(s, t) for s, _, t in _said(_quotes("Tomas Brennick lashed out at the harbour board.")[2])] == [
        ("Tomas Brennick", "the harbour board")]


# session 29 (helper round, issue #6): nested reports, inserted attributions, relative "that"

def _role(text: str, attribution, role: str) -> str | None:
    span = getattr(attribution, role)
    return text[span[0] : span[1]] if span is not None else None


def test_extract_quotes_a_report_holding_a_quote_credited_inside_it_is_the_reporters():
    # the quoted words are credited to the mayor inside what Lind said; Lind's report holds
    # them whole and is the outer attribution, the mayor's words relayed through it
    text = "Rep. Ana Lind said the mayor had called on the members to be “closely coordinated.”"
    _, _, found = _quotes(text)
    outer = [a for a in found if _role(text, a, "source_span") == "Rep. Ana Lind"]
    assert outer and _role(text, outer[0], "cue_span") == "said"
    assert _role(text, outer[0], "marked_content_span").startswith("the mayor had called on the members")


def test_extract_quotes_an_inserted_attribution_holding_another_report_is_the_outer_one():
    text = "Instead, she said, her boss told her he had booked a room for them."
    _, _, found = _quotes(text)
    assert [_role(text, a, "source_span") for a in found] == ["she"]
    assert _role(text, found[0], "marked_content_span").endswith("her boss told her he had booked a room for them")


def test_extract_quotes_an_inserted_attribution_is_left_out_of_the_marked_content():
    text = "The solution, the partner told them, was simple."
    _, _, found = _quotes(text)
    assert len(found) == 1
    assert _role(text, found[0], "inserted_span") == ", the partner told them,"
    start, end = found[0].marked_content_span
    gap = found[0].inserted_span
    assert (text[start : gap[0]], text[gap[1] : end].strip()) == ("The solution", "was simple")


def test_extract_quotes_a_relative_that_names_no_one_its_noun_does():
    text = "Donors gave money to a harbour group that backed Varga in the primary."
    _, _, found = _quotes(text)
    assert found and _role(text, found[0], "source_span") == "a harbour group"


def test_extract_quotes_a_speech_verb_in_a_relative_clause_of_the_subject_speaks_for_no_one():
    text = "Nothing the mayor said will calm the fishermen, Senator Ana Brel said."
    _, index, found = _quotes(text)
    assert len(found) == 1
    assert found[0].quote.text == "Nothing the mayor said will calm the fishermen"
    assert index.get(found[0].quote.speaker).name == "Ana Brel"


def test_extract_quotes_an_outlet_reporting_after_a_quoted_pledge_is_the_outer_source():
    text = ("Earlier, Ilse Varga met the crews and pledged to “do everything to reopen the pier for the "
            "fishermen,” the Harbour Gazette reported.")
    _, _, found = _quotes(text)
    outer = [a for a in found if _role(text, a, "source_span") == "the Harbour Gazette"]
    assert outer and _role(text, outer[0], "marked_content_span").startswith("Earlier, Ilse Varga met the crews")


def test_extract_quotes_a_quote_set_off_by_dashes_is_no_part_of_the_report_before_it():
    text = ("Ilse Varga suggested the council had shown a fondness for grand plans - “They would have loved a second "
            "pier,” Varga said twice - and reminded the crowd of the cost.")
    _, _, found = _quotes(text)
    assert found and not any(_role(text, a, "marked_content_span").startswith("Ilse Varga suggested") for a in found)


def test_extract_quotes_a_side_taker_named_by_role_holds_that_side():
    text = ("Senator Ana Brel has been a vocal critic of the new harbour levy on fishing boats. "
            "Tomas Brennick is an advocate for cheaper ferry fares and a second harbour.")
    _, _, found = _quotes(text)
    assert _said(found) == [
        ("Senator Ana Brel", "critic of", "the new harbour levy on fishing boats"),
        ("Tomas Brennick", "advocate for", "cheaper ferry fares and a second harbour")]


def test_extract_quotes_a_role_with_no_side_named_voices_nothing():
    text = "Senator Ana Brel has been a critic for many years, and Tomas Brennick is a supporter."
    _, _, found = _quotes(text)
    assert found == []


def test_extract_quotes_a_speaker_named_before_a_relative_clause_is_named_without_it():
    text = ("Rivals such as Tomas Brennick, who claimed that the harbour was sinking, and Ilse Varga, who suggested "
            "that the pier could be sold, have not won a ward.")
    _, _, found = _quotes(text)
    claimed = [a for a in found if a.quote.cue == "claimed"]
    assert claimed and claimed[0].quote.speaker_text == "Tomas Brennick"
    suggested = [a for a in found if a.quote.cue == "suggested"]
    assert suggested and suggested[0].quote.speaker_text == "Ilse Varga"


def test_extract_quotes_people_who_begin_urging_speak_not_the_clause_above():
    _, _, found = _quotes("The harbour meeting unfolded on Monday as more councillors have begun urging the board to "
                          "put the quarrel behind it.")
    urging = [a for a in found if a.quote.cue == "urging"]
    assert urging and urging[0].quote.speaker_text == "more councillors"


def test_extract_quotes_a_label_read_as_a_clause_of_its_own_is_the_label_given():
    for text, said in (("Ilse Varga considers the new levy unfair.", ("Ilse Varga", "considers", "the new levy unfair")),
                       ("Ilse Varga considers him a liar.", ("Ilse Varga", "considers", "him a liar"))):
        assert _said(_quotes(text)[2]) == [said]
    # a clause with a complementiser of its own is no label
    assert not _quotes("Ilse Varga considered whether to run.")[2]


def test_extract_quotes_a_view_they_voice_is_theirs_unnamed():
    text = "The fishermen met at the harbour on Monday. They denounced the new levy on diesel."
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.text, a.unnamed) for a in found] == [
        ("They", "the new levy on diesel", True)]
    # what a writer advises them or an act asked of them is not their view
    assert not _quotes("The fishermen met at the harbour. They may want to reconsider the levy on diesel.")[2]


def test_extract_quotes_it_after_a_document_speaks_for_it_unnamed():
    text = ("The harbour report also listed the repairs still due. It said the council had neglected the pier "
            "for years.")
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.quote.text, a.unnamed) for a in found] == [
        ("It", "the council had neglected the pier for years", True)]


def test_extract_quotes_a_participle_joined_to_a_reported_verb_is_the_first_participle_s():
    text = ("Ilse Varga spoke again on Thursday, warning fishermen on the radio and in interviews that the union "
            "could easily shut the port and implying that some members might already be planning to do so.")
    implying = [a for a in _quotes(text)[2] if a.quote.cue == "implying"]
    assert implying and implying[0].quote.speaker_text == "Ilse Varga"


def test_extract_quotes_his_example_of_a_named_owner_s_plans_is_the_owner_s():
    text = ("Brennick spoke on Monday. Later, Mayor Ilse Varga voiced doubts about Brennick's plans for the harbour, "
            "in particular his proposal for a levy on cruise ships.")
    _, index, found = _quotes(text)
    proposal = [a for a in found if a.quote.cue == "proposal"]
    assert proposal and index.get(proposal[0].quote.speaker).name == "Brennick"
    # with no named owner before the example, "his" is still the subject's
    text = "Later, Mayor Ilse Varga voiced doubts about the harbour plans, in particular her proposal for a levy."
    _, index, found = _quotes(text)
    assert [index.get(a.quote.speaker).name for a in found if a.quote.cue == "proposal"] == ["Ilse Varga"]


def test_extract_quotes_an_assertion_joined_to_a_verb_s_object_owns_its_that_clause():
    text = ("Ilse Varga spoke on Monday. The fishermen cannot trust the harbour board or Brennick's assertion "
            "on Tuesday that the pier is safe.")
    assert _said(_quotes(text)[2]) == [("Brennick", "assertion", "the pier is safe")]


def test_extract_quotes_a_place_the_parser_made_a_second_subject_does_not_speak():
    # "Most voters in Kent, Surrey and Sussex said …": the parser made the rest of the list a subject
    text, found = _parsed([
        ("Most", True, 1, "amod", "ADJ", "JJS", "most"), ("voters", True, 8, "nsubj", "NOUN", "NNS", "voter"),
        ("in", True, 1, "prep", "ADP", "IN", "in"), ("Kent", False, 2, "pobj", "PROPN", "NNP", "Kent"),
        (",", True, 8, "punct", "PUNCT", ",", ","), ("Surrey", True, 8, "nsubj", "PROPN", "NNP", "Surrey"),
        ("and", True, 5, "cc", "CCONJ", "CC", "and"), ("Sussex", True, 5, "conj", "PROPN", "NNP", "Sussex"),
        ("said", True, 8, "ROOT", "VERB", "VBD", "say"), ("they", True, 10, "nsubj", "PRON", "PRP", "they"),
        ("felt", True, 8, "ccomp", "VERB", "VBD", "feel"), ("ignored", True, 10, "acomp", "ADJ", "VBN", "ignored"),
        ("by", True, 11, "agent", "ADP", "IN", "by"), ("the", True, 14, "det", "DET", "DT", "the"),
        ("board", False, 12, "pobj", "NOUN", "NN", "board"), (".", False, 8, "punct", "PUNCT", ".", "."),
    ], ents=[(3, "GPE"), (5, "GPE"), (7, "GPE")])
    said = [a for a in found if a.quote.cue == "said"]
    assert said and said[0].quote.speaker_text.startswith("Most voters")


def test_extract_quotes_a_clause_read_into_a_joint_subject_leaves_the_last_conjunct_speaking():
    # "A group of pilots called for a strike, and the Harbour League said …": the parser read
    # the first clause into a subject "group … and League"
    text, found = _parsed([
        ("A", True, 1, "det", "DET", "DT", "a"), ("group", True, 13, "nsubj", "NOUN", "NN", "group"),
        ("of", True, 1, "prep", "ADP", "IN", "of"), ("pilots", True, 2, "pobj", "NOUN", "NNS", "pilot"),
        ("called", True, 1, "acl", "VERB", "VBD", "call"), ("for", True, 4, "prep", "ADP", "IN", "for"),
        ("a", True, 7, "det", "DET", "DT", "a"), ("strike", False, 5, "pobj", "NOUN", "NN", "strike"),
        (",", True, 1, "punct", "PUNCT", ",", ","), ("and", True, 1, "cc", "CCONJ", "CC", "and"),
        ("the", True, 12, "det", "DET", "DT", "the"), ("Harbour", True, 12, "compound", "PROPN", "NNP", "Harbour"),
        ("League", True, 1, "conj", "PROPN", "NNP", "League"), ("said", True, 13, "ROOT", "VERB", "VBD", "say"),
        ("it", True, 16, "nsubj", "PRON", "PRP", "it"), ("would", True, 16, "aux", "AUX", "MD", "would"),
        ("sue", True, 13, "ccomp", "VERB", "VB", "sue"), ("the", True, 18, "det", "DET", "DT", "the"),
        ("board", False, 16, "dobj", "NOUN", "NN", "board"), (".", False, 13, "punct", "PUNCT", ".", "."),
    ], ents=[(11, "ORG")])
    said = [a for a in found if a.quote.cue == "said"]
    assert said and said[0].quote.speaker_text == "the Harbour League"


def test_extract_quotes_a_thing_won_is_no_joint_speaker_with_the_name_after_it():
    text = "Neither Hale nor Rubin has won a state and Kurz strongly suggested they should quit the race."
    assert _said(_quotes(text)[2]) == [("Kurz", "suggested", "they should quit the race")]


def test_extract_quotes_a_duty_to_say_keeps_its_must_in_the_cue():
    _, _, found = _quotes("Tomas Brennick must prove that he deserves the seat.")
    assert [(a.quote.cue, a.quote.text) for a in found] == [("must prove", "he deserves the seat")]
    # a guess at a mind stays the writer's
    assert not _quotes("Tomas Brennick must have known that the pier was unsafe.")[2]
    _, _, found = _quotes("Ilse Varga needs to explain why the pier closed.")
    assert [a.quote.cue for a in found] == ["needs to explain"]


def _labelled(text: str) -> list[tuple[str | None, str]]:
    """Who gave a label, and the object with its label as written."""
    _, index, found = _quotes(text)
    return [(index.get(a.quote.speaker).name if a.quote.speaker else None, text[slice(*(a.content_span or a.quote.span))])
            for a in found]


def test_extract_quotes_a_quoted_label_is_read_off_the_words_whatever_the_parse():
    # the parser reads a one-word label as the object's participle, or the object as the label's modifier
    assert _labelled("Senator Ilse Varga called the ferry system “rigged” in a speech on Tuesday.") == [
        ("Ilse Varga", "the ferry system “rigged”")]
    assert _labelled("Senator Ilse Varga called striking harbour pilots “thieves” and “liars” without proof.") == [
        ("Ilse Varga", "striking harbour pilots “thieves” and “liars”")]
    # a label given in a relative clause is the antecedent's
    assert _labelled("The vote went against Tomas Brennick, who has called the harbour pact “insanity,” on Monday.") == [
        ("Tomas Brennick", "the harbour pact “insanity,”")]
    # a name given has no object before it
    assert _labelled("A fishermen's group called “Harbour Watch” met the mayor on Monday.") == []


def test_extract_quotes_an_offer_or_pressure_to_act_is_what_was_voiced():
    _, _, found = _quotes("Mayor Ilse Varga offered to pay for the repairs to the old pier.")
    assert _said(found) == [("Mayor Ilse Varga", "offered", "to pay for the repairs to the old pier")]
    _, _, found = _quotes("Tomas Brennick pressed the mayor to resign.")
    assert _said(found) == [("Tomas Brennick", "pressed", "the mayor to resign")]
    # a demand of someone made through "for" stays that demand
    _, _, found = _quotes("Tomas Brennick has been quietly pushing for Ilse Varga to close the old pier.")
    assert [(a.quote.cue, a.quote.text) for a in found] == [("pushing for", "Ilse Varga to close the old pier")]


def test_extract_quotes_tokens_of_a_span_are_those_that_begin_in_it():
    from storyweave.nlp import load_nlp, tokens_starting_in
    doc = load_nlp()("Mayor Ilse Varga said the pier will reopen.")
    assert [t.text for t in tokens_starting_in(doc, 6, 16)] == ["Ilse", "Varga"]
    # a token begun before the span is not in it, and an empty span holds nothing
    assert [t.text for t in tokens_starting_in(doc, 8, 16)] == ["Varga"]
    assert tokens_starting_in(doc, 10, 10) == []


def test_extract_quotes_a_closing_attribution_the_parser_joined_as_a_second_verb_reports_the_clause():
    # (the parser makes "told" a second verb of "includes" here)
    text = "This includes a small fleet to assist the Norwegians, Transport Secretary Tomas Brennick told a Senate panel."
    _, index, found = _quotes(text)
    told = [a for a in found if a.quote.cue == "told"]
    assert len(told) == 1 and index.get(told[0].quote.speaker).name == "Tomas Brennick"
    assert told[0].quote.text == "This includes a small fleet to assist the Norwegians"


def test_extract_quotes_a_word_or_two_said_on_its_own_is_a_quote():
    text = ("The storms worried the fishermen of Orsk. “Never,” said Tomas Brennick, a trawler captain. "
            "Ilse Varga asked when the pier would reopen. “Not this year,” she said.")
    _, _, found = _quotes(text)
    texts = {a.quote.text: a.quote.speaker_text for a in found}
    assert texts.get("Never") == "Tomas Brennick" and texts.get("Not this year") == "she"
    # a word in quotation marks inside a sentence stays a scare quote
    _, _, found = _quotes("The mayor called the levy “theft” at the meeting.")
    assert not any(a.quote.text == "theft" and a.quote.kind == "direct" for a in found)


def test_extract_quotes_an_as_clause_of_saying_hands_over_to_the_quote_after_it():
    text = "The pier reopened. As Ilse Varga said last week in Orsk, “The harbour is the heart of this town.”"
    _, index, found = _quotes(text)
    assert len(found) == 1 and found[0].quote.text == "The harbour is the heart of this town."
    assert index.get(found[0].quote.speaker).name == "Ilse Varga" and found[0].quote.cue == "said"


def test_extract_quotes_a_relative_that_read_as_a_complementiser_still_leaves_its_gap():
    text = "Brennick ran a fund in Orsk that auditors said was drained by its own board."
    _, _, found = _quotes(text)
    said = [a for a in found if a.quote.cue == "said"]
    assert len(said) == 1 and said[0].quote.speaker_text == "auditors"
    assert said[0].quote.text == "[a fund in Orsk] was drained by its own board"


def test_extract_quotes_an_aim_someone_is_looking_to_reach_is_voiced():
    _, _, found = _quotes("Ilse Varga is looking to win the coast in the spring election.")
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [("Ilse Varga", "to win the coast in the spring election")]
    # a guess at how something will turn out is no one's aim
    _, _, found = _quotes("The spring election is looking to be close on the coast.")
    assert not found


def _story_speaker_of(texts: list[str], words: str) -> str | None:
    """The speaker credited with ``words`` in the last of ``texts``, read as one story."""
    from dataclasses import replace

    annotations = [_annotation(text) for text in texts]
    annotations = [replace(ann, article=replace(ann.article, id=f"a{i}")) for i, ann in enumerate(annotations)]
    index = canonical_entities(annotations)
    quote = next(a.quote for a in find_quotes(annotations[-1], index) if words in a.quote.text)
    return index.get(quote.speaker).name if quote.speaker else None


def test_extract_quotes_a_pronoun_skips_the_person_the_storys_other_articles_show_is_of_the_other_gender():
    # The second article says nothing of Varga's gender; the first calls her Mrs. Varga.
    first = "Mrs. Robin Varga opened the pier on Monday. She thanked the builders."
    second = "Sasha Brennick met Robin Varga on Monday. Varga praised the new pier. “It is safe,” he said."
    assert _story_speaker_of([second], "It is safe") == "Robin Varga"
    assert _story_speaker_of([first, second], "It is safe") == "Sasha Brennick"


def test_extract_quotes_a_pronoun_right_after_a_name_shows_that_persons_gender():
    text = ("Sasha Brennick opened the harbour meeting. Robin Varga told the council she would resign in May. "
            "“The pier is safe,” he said.")
    assert _speaker_of(text, "The pier is safe") == "Sasha Brennick"


@pytest.mark.parametrize("text, words, speaker", [
    # the sentence before the quotation introduces its speaker, named since the last one
    pytest.param("Robin Varga said the pier was safe. Sasha Brennick pointed to the levy as “theft.” "
                 "“We were robbed twice over,” he said.", "We were robbed", "Sasha Brennick", id="introduced"),
    # a quotation that speaks of "him" is about the one introduced, not his
    pytest.param("Robin Varga said the pier was safe. Sasha Brennick was jeered at the meeting. "
                 "“He lied to all of us,” he said.", "He lied", "Robin Varga", id="talked-about"),
])
def test_extract_quotes_a_pronoun_after_a_quotation_continues_the_subject_that_introduced_it(text, words, speaker):
    assert _speaker_of(text, words) == speaker


def test_extract_quotes_a_name_the_parser_left_without_a_verb_is_its_sentences_subject():
    # (the parser makes "Varga" the root, "call" its conjunct, and no verb of the first clause)
    text = ("Sasha Brennick said the pier was safe. Rep. Robin Varga (D-Ore.), chairman of the harbour panel, "
            "didn’t second-guess Brennick’s recommendation on the pier, but he did call for a full audit.")
    assert _speaker_of(text, "a full audit") == "Robin Varga"


def test_extract_quotes_a_pronoun_that_cannot_be_the_one_its_clause_names_is_the_next_who_fits():
    text = ("Robin Varga said on Monday that the pier was safe, whereas Sasha Brennick admitted that he knew "
            "the pier leaked. He also said that Brennick lied to the board.")
    assert _speaker_of(text, "Brennick lied to the board") == "Robin Varga"


@pytest.mark.parametrize("text, words, speaker", [
    # the owner of a statement the sentence hears is speaking, as "Brennick said" would be
    pytest.param("Robin Varga said the pier was safe. The panel was surprised by Sasha Brennick’s statement on "
                 "Tuesday. He called the levy “a costly mistake.”", "a costly mistake", "Sasha Brennick",
                 id="statement-owner"),
    # not when a person speaks in that sentence, quoting it
    pytest.param("Sasha Brennick tweeted on Monday, quoting Robin Varga’s statement. He added, “The pier is "
                 "unsafe and everyone knows it.”", "The pier is unsafe", "Sasha Brennick", id="quoted-statement"),
    # words before the pronoun that name no one it may stand for leave it the sentence before's subject
    pytest.param("Robin Varga said the pier was safe. Sasha Brennick’s campaign vowed to fight on. As word of the "
                 "count came in, he gave a speech, predicting he would win the county.", "he would win",
                 "Sasha Brennick", id="lead-clause"),
])
def test_extract_quotes_a_pronoun_continues_who_the_sentence_before_has_speaking_or_acting(text, words, speaker):
    assert _speaker_of(text, words) == speaker


def test_extract_quotes_list_headings_opening_with_one_pronoun_share_the_first_ones_subject():
    # each heading follows a story that ends quoting someone else; the list's "he" is its subject
    text = ("Robin Brennick has said many odd things about the harbour this year. Here are three of them.\n\n"
            "He said the pier would pay for itself.\n\n"
            "Photo.\n\n"
            "Brennick made the claim in May. Critics disagreed. “The pier has never paid for anything,” "
            "Sasha Varga said.\n\n"
            "He claimed that the ferries were empty.\n\n"
            "Brennick repeated it in June. The ferry owners were angry. “Our ferries are full every day,” "
            "Tomas Lind said.\n\n"
            "He insisted that the levy was theft.\n\n"
            "Brennick said it at a rally. Few agreed. “The levy is fair,” Ivo Marsh said.\n")
    assert _speaker_of(text, "the ferries were empty") == "Robin Brennick"
    assert _speaker_of(text, "the levy was theft") == "Robin Brennick"


def test_extract_quotes_a_short_paragraph_after_anothers_quote_is_still_theirs():
    # one such paragraph is no list: "He" goes on with the last speaker
    text = ("Robin Brennick opened the pier on Monday. He praised the builders. Critics disagreed. "
            "“The pier has never paid for anything,” Sasha Varga said.\n\n"
            "He claimed that the ferries were empty.\n\n"
            "The ferry owners were angry. They met on Tuesday. Nobody came.\n")
    assert _speaker_of(text, "the ferries were empty") == "Sasha Varga"


def test_extract_quotes_the_role_someone_becomes_names_them_by_it():
    text = ("A year ago few thought Robin Brennick would become the party's candidate for the harbour seat. "
            "The race took a turn in May, when the candidate claimed that the levy was theft.")
    assert _speaker_of(text, "the levy was theft") == "Robin Brennick"


def test_extract_quotes_the_owner_of_one_of_the_subjects_things_is_the_pronouns_person():
    text = ("Tomas Lind, a professor at the harbour college, said the pier was safe. But, he said, "
            "“the levy is another matter.” One of Robin Brennick's tirades came in May, when he told "
            "reporters that the levy was theft.")
    assert _speaker_of(text, "the levy was theft") == "Robin Brennick"


def test_extract_quotes_a_lone_surname_with_her_is_the_one_the_article_names_not_a_woman_named_elsewhere():
    # The first article shows Lena Varga is a woman; nothing shows Sasha Varga's gender, but
    # the second article names only Sasha, so its "Varga … she" is Sasha.
    first = "Lena Varga, a student, cut the ribbon at the pier. She thanked the builders."
    second = ("Sasha Varga won the harbour vote on Tuesday, the count showed. The port board backed Varga. "
              "Varga said she would cut the levy in May.")
    assert _story_speaker_of([first, second], "would cut the levy") == "Sasha Varga"


def test_extract_quotes_as_for_someone_a_pronoun_after_the_comma_is_them():
    text = ("Tomas Lind said the pier was safe. “The levy is fair,” Lind said. "
            "As for Robin Brennick, he said he was not worried about the vote.")
    assert _speaker_of(text, "was not worried") == "Robin Brennick"


def test_extract_quotes_a_role_of_a_place_is_the_one_the_story_titles_so():
    first = "Ostland Sen. Robin Brennick toured the harbour on Friday."
    second = ("Sen. Tomas Lind ended his campaign on Monday. Presidential candidate Robin Brennick held a rally "
              "in Kessby. Instead, the Ostland senator said the levy was theft.")
    assert _story_speaker_of([first, second], "the levy was theft") == "Robin Brennick"
    # without the place, the story's titles still let the role stand for the one in focus
    third = ("Sen. Tomas Lind ended his campaign on Monday. Presidential candidate Robin Brennick held a rally "
             "in Kessby. Later the senator said the levy was theft.")
    assert _story_speaker_of([first, third], "the levy was theft") == "Robin Brennick"
    # the place tells which senator, though another one was named last
    fourth = ("Presidential candidate Robin Brennick held a rally in Kessby. Sen. Tomas Lind ended his campaign on "
              "Monday. Instead, the Ostland senator said the levy was theft.")
    assert _story_speaker_of([first, fourth], "the levy was theft") == "Robin Brennick"


def test_extract_quotes_a_body_described_again_by_its_kind_is_the_one_named_before():
    from storyweave.extract import extract
    from storyweave.model import Story

    text = ("The Brennick campaign said it raised $2 million in May. "
            "The campaign said the average gift was $27. "
            "Harbour Freight Ltd said it had no contract with the port. "
            "“We wish the mayor well,” the company said.")
    ann = _annotation(text)
    result = extract(Story("s1", "", ("a1",)), [ann])
    names = {e.id: e.name for e in result.extraction.entities}

    def speaker(words: str) -> str | None:
        quote = next(q for q in result.extraction.quotes if words in q.text)
        return names.get(quote.speaker)

    assert speaker("the average gift was $27") == speaker("it raised $2 million in May") == "Brennick’s campaign"
    assert speaker("We wish the mayor well") == speaker("it had no contract with the port")


def test_extract_quotes_a_lone_surname_is_the_one_named_before_not_one_named_only_after():
    text = ("On Friday, Sasha Varga spoke to dock workers in Ostend about the ferry levy. “We will cut it by "
            "half,” Varga said. The levy itself dates from the years of Mayor Robin Varga, and the port still "
            "names a quay after Robin Varga.")
    assert _speaker_of(text, "We will cut it by half") == "Sasha Varga"


@pytest.mark.parametrize("text, words", [
    pytest.param("Socialists say the ferry levy hurts the poor. Besides, the board's own figures are out of date, "
                 "they say.", "the board's own figures", id="own-sentence-after-one"),
    pytest.param("Several Socialists backed the harbour plan on Monday. They accused the mayor of delaying the vote.",
                 "the mayor of delaying", id="sentence-before"),
    pytest.param("Still, Socialists have already attacked the levy, and they are handing out leaflets. One example: "
                 "that Mayor Sasha Varga misread the port's accounts. They are also angry about the ferries. "
                 "They say Varga doubled the levy.", "Varga doubled the levy", id="past-they-and-a-singular-subject"),
])
def test_extract_quotes_they_continues_the_group_named_as_a_subject_before(text, words):
    assert _speaker_of(text, words) == "Socialists"


def _extracted_speaker_of(texts: list[str], words: str) -> str | None:
    """The speaker ``extract`` credits with ``words`` in the last of ``texts``, read as one story."""
    from dataclasses import replace

    from storyweave.extract import extract
    from storyweave.model import Story

    annotations = [_annotation(text) for text in texts]
    annotations = [replace(ann, article=replace(ann.article, id=f"a{i}")) for i, ann in enumerate(annotations)]
    result = extract(Story("s1", "", tuple(a.article.id for a in annotations)), annotations)
    names = {e.id: e.name for e in result.extraction.entities}
    quote = next(q for q in result.extraction.quotes if words in q.text and q.article == annotations[-1].article.id)
    return names.get(quote.speaker) if quote.speaker else None


def test_extract_quotes_a_description_another_report_gives_a_person_stands_for_them():
    first = "The harbour board met retired shipbuilder Tomas Brennick on Monday."
    second = ("Tomas Brennick toured the pier on Tuesday with Mayor Ana Lind. "
              "The shipbuilder said the levy would ruin the ferry crews.")
    assert _extracted_speaker_of([first, second], "the levy would ruin") == "Tomas Brennick"
    # a name a clause governs is given no description: the senator is someone else
    praised = "The senator praised Tomas Brennick on Monday."
    assert _extracted_speaker_of([praised, second.replace("The shipbuilder", "The senator")],
                                 "the levy would ruin") != "Tomas Brennick"


def test_extract_quotes_the_candidate_after_the_only_person_named_is_them():
    text = ("Sasha Varga insists the harbour vote is hers to lose. “Nobody has worked harder than I have,” the "
            "Harbour Party candidate told a radio show on Sunday.")
    assert _extracted_speaker_of([text], "Nobody has worked harder") == "Sasha Varga"


def test_extract_quotes_a_name_in_an_aside_on_the_object_may_be_the_pronouns_person():
    # a relative clause set off by a comma is the writer's aside, not what she reports
    text = ("Sasha Varga opened the new quay on Monday and thanked Tomas Brennick for the funding. Later she said "
            "that the mayor, who has mocked Varga in every speech since May, is unfit to govern.")
    assert _speaker_of(text, "is unfit to govern") == "Sasha Varga"


def test_extract_quotes_a_who_clause_on_joined_names_agrees_with_its_verb():
    singular = ("Several councillors, including Tomas Brennick and Ana Lind, who has long opposed the levy, "
                "changed course on Monday.")
    _, index, found = _quotes(singular)
    quote = next(a.quote for a in found if "the levy" in a.quote.text)
    assert index.get(quote.speaker).name == "Ana Lind" and len(quote.speakers) <= 1


def test_extract_quotes_a_who_clause_in_the_plural_on_joined_names_is_theirs_and_no_ones_alone():
    # a "he" after what two men said together continues neither of them
    text = ("Mayor Tomas Varga ignored his critics on the council, notably Robin Brennick and Jonas Holm, who say "
            "the mayor has wasted the harbour fund. He defended the new quay, saying it would pay for itself.")
    _, index, found = _quotes(text)
    joint = next(a.quote for a in found if "wasted the harbour fund" in a.quote.text)
    assert {index.get(e).name for e in joint.speakers} == {"Robin Brennick", "Jonas Holm"}
    assert _speaker_of(text, "it would pay for itself") == "Tomas Varga"


def test_extract_quotes_what_others_want_of_someone_is_not_theirs():
    text = "Some councillors want Mayor Sasha Varga to call for a ban on diesel ferries."
    _, index, found = _quotes(text)
    assert not [a for a in found if a.quote.speaker and index.get(a.quote.speaker).name == "Sasha Varga"]
    assert any(a.quote.text.startswith("Mayor Sasha Varga to call for") for a in found)


def test_extract_quotes_the_name_after_a_participle_of_telling_is_the_one_told():
    # only a finite speech verb is inverted after a quotation ("“…,” said Varga")
    text = ("Ilse Varga has angered many in Orsk. The Harbour Widows Fund did not want to address “that woman,” "
            "telling Radio 9 that the fund is focused on “keeping the piers safe.”")
    assert _speaker_of(text, "keeping the piers safe") == "The Harbour Widows Fund"


def test_extract_quotes_a_photo_caption_is_no_antecedent():
    text = ("Tomas Brennick is selling the boat he sailed in the race. “It is a piece of history,” Brennick said "
            "on Tuesday.\n\nPOOL Harbour/Reuters.\n\nHarbour officer Peter Holm holds up the logbook of the boat "
            "during the 2013 inquiry.\n\n“The engine runs as well as ever,” he added.")
    assert _speaker_of(text, "The engine runs") == "Tomas Brennick"


def test_extract_quotes_a_he_after_a_report_continues_the_reporter_not_its_subject():
    text = ("Senator Tomas Brennick said on Sunday that Mr. Holm had crossed a line. Like his remarks about the "
            "judge, Mr. Brennick said, Mr. Holm's attacks on the Varga family were unacceptable. ''This is going "
            "to a place where we have never gone before,'' he said.")
    assert _speaker_of(text, "never gone before") == "Tomas Brennick"
    # a sentence whose only speaker is in a clause of it is no report: its subject goes on
    text = ("When Mr. Holm tried to defend his remarks calling the old pier ''safe'' after it collapsed in 1989, "
            "Mr. Brennick forcefully differed.\n\n''I think that the board failed those families,'' he said.")
    assert _speaker_of(text, "failed those families") == "Brennick"


def test_extract_quotes_a_remark_after_a_reported_clause_is_the_reporters():
    text = ("Mr. Holm questioned why Mr. Varga's wife did not speak alongside him at the rally, implying that she "
            "was forbidden from doing so.")
    assert _speaker_of(text, "she was forbidden") == "Holm"


def test_extract_quotes_the_justice_is_the_one_the_story_titles_so():
    first = ("Mayor Ivo Holm called on Monday for High Court Justice Ana Lindqvist to step down over her remarks "
             "about the harbour levy.")
    second = ("Ana Lindqvist regrets her remarks about the levy.\n\nThe High Court justice said she regretted her "
              "words and promised to stay out of the dispute.")
    assert _extracted_speaker_of([first, second], "she regretted her words") == "Ana Lindqvist"


def test_extract_quotes_the_company_after_a_website_that_spoke_is_that_website():
    text = ("Ivo Brel tried to sell the old ferry bell online. A statement posted on the website GunMart.com said "
            "listings are user generated. \"Mr. Brel never contacted anyone at the site,\" the company wrote. "
            "It added, \"We want no part in this sale.\"")
    assert _extracted_speaker_of([text], "never contacted anyone") == "GunMart.com"
    assert _extracted_speaker_of([text], "no part in this sale") == "GunMart.com"


def test_extract_quotes_a_headline_source_speaks_on_the_name_after_on():
    headline = "On Varga: ‘We Do Not Pay Captains To Sail.’\n\n"
    body = "Port chief Tomas Brennick said on Monday that the port does not pay captains, after Ilse Varga asked for a fee."
    assert _speaker_of("Brennick " + headline + body, "We Do Not Pay") == "Tomas Brennick"
    _, index, found = _quotes("Port Chief " + headline + body)
    assert not [a for a in found if a.quote.speaker and index.get(a.quote.speaker).name == "Ilse Varga"]
    # the title the story gives one person before their name names them in the headline
    titled = body.replace("Port chief", "Port Chief")
    assert _speaker_of("Port Chief " + headline + titled, "We Do Not Pay") == "Tomas Brennick"


def test_extract_quotes_a_quote_introduced_with_a_colon_is_the_speakers_though_an_outlet_reports_it():
    text = ("Ana Varga spoke to the Ostland Herald on Monday. Asked about the new pier, Varga said: "
            "\"There will always be delays,\" the Herald reported.")
    _, index, found = _quotes(text)
    quote = next(a.quote for a in found if "always be delays" in a.quote.text)
    assert index.get(quote.speaker).name.endswith("Varga")
    assert "Herald" in quote.channel


def test_extract_quotes_a_writers_and_i_quote_leaves_the_words_to_the_one_who_said_them():
    text = "Ana Varga has changed her tune. No wonder Varga said, and I quote, \"We love the old harbour.\""
    assert _speaker_of(text, "We love the old harbour").endswith("Varga")


def test_extract_quotes_a_passage_after_an_unnamed_speaker_stays_unnamed():
    text = "\"The pier will open in spring,\" the spokesman said. \"We have all the money we need for it.\""
    _, _, found = _quotes(text)
    assert [(a.quote.speaker_text, a.unnamed) for a in found] == [("the spokesman", True)] * 2


def test_extract_quotes_a_label_given_in_a_clause_of_its_own_is_not_the_reporters_quote():
    text = ("Ana Varga said she would not work with Piet Holm because the Ostland governor cast the harbour mayor "
            "as “reckless, vain and wrong” for proposing a toll on the bridge.")
    _, _, found = _quotes(text)
    assert not [a for a in found if a.quote.text == "reckless, vain and wrong"]
    said = next(a.quote for a in found if a.quote.cue == "said")
    assert said.speaker_text == "Ana Varga" and said.text.startswith("she would not work with Piet Holm")


def test_extract_quotes_the_people_around_a_person_are_one_body_however_worded():
    first = "Mr. Piet Holm's aides said he would campaign in the north."
    second = "Piet Holm is running for mayor against Ana Varga. Holm’ aides believe he can win the harbour too."
    assert _extracted_speaker_of([first], "campaign in the north") == "Piet Holm’s aides"
    assert _extracted_speaker_of([first, second], "win the harbour too") == "Piet Holm’s aides"
    # the campaign described again after the one named keeps its name
    third = "The Holm campaign said he would win. The campaign said it had raised more money than ever."
    assert _extracted_speaker_of([first, third], "raised more money") == "Piet Holm’s campaign"


def test_extract_quotes_a_pronoun_in_a_who_clause_is_the_one_the_clause_is_about():
    text = ("As the council drew up the harbour plan, Councillor Ivo Holm of Lund was clear about one thing: his "
            "party could not lose a vote.\n\nBut one holdout remained - Councillor Tomas Brennick of Orsk, who had "
            "fought a similar plan in 2007 and once again did not like rules in the new plan that he thought would "
            "ruin the fishermen.")
    assert _speaker_of(text, "ruin the fishermen") == "Tomas Brennick"


def test_extract_quotes_a_possessive_joined_to_a_named_owners_noun_is_that_owner():
    text = ("Tomas Brennick and Paul Holm are rivals for the mayoralty. Brennick has made veiled references to "
            "Holm's poor attendance record and his support for the harbour levy.")
    assert _speaker_of(text, "the harbour levy") == "Paul Holm"


@pytest.mark.parametrize("text, cue", [
    pytest.param("Mr. Brennick has pushed basically the same agenda since he was the mayor of Orsk, in the 1980s, "
                 "one that favors fishermen, dockers and students.", "favors", id="one-that"),
    pytest.param("Ana Varga wants to scale up those proposals, and there is little in her record to suggest "
                 "that she could succeed.", "suggest", id="there-is-little-to"),
    pytest.param("Mr. Brennick has been pushing the same agenda since 1980, an agenda that favors fishermen, veterans "
                 "and students.", "favors", id="an-agenda-that"),
])
def test_extract_quotes_a_thing_or_what_exists_is_no_speaker(text, cue):
    _, _, found = _quotes(text)
    assert not [a for a in found if a.quote.cue == cue]


def test_extract_quotes_a_phrase_a_thing_is_said_to_voice_is_the_reporters():
    text = "Lena Holm said the amendment was a gesture intended to highlight “the greed of the shipowners” in the port."
    assert _speaker_of(text, "the greed of the shipowners") == "Lena Holm"


def test_extract_quotes_a_recording_shows_its_speaker_saying_what_follows():
    text = ("Paul Holm's campaign tweeted a video on Thursday that showed Peter Lind discussing his amendments to "
            "the bill, saying that one would keep migrants from voting.")
    assert _speaker_of(text, "keep migrants from voting") == "Peter Lind"


def test_extract_quotes_an_unnamed_count_of_people_keeps_what_it_counts():
    text = ("A number of the families of those killed in the flood at Orsk harbour have filed a lawsuit against the "
            "port, alleging that the company's neglect caused the flood.")
    _, _, found = _quotes(text)
    assert [a.quote.speaker_text for a in found if a.quote.cue == "alleging"] == ["A number of the families"]


def test_extract_quotes_the_nominee_is_the_one_named_before_who_is_not_named_in_the_quote():
    text = ("Tomas Brennick called on Wednesday for Judge Lena Varga to resign for saying that she feels he is "
            "unfit to be mayor.\n\n\"Judge Varga of the harbour court has embarrassed all by making very dumb "
            "statements about me,\" the presumptive Harbour Party nominee wrote in an early morning tweet.")
    assert _extracted_speaker_of([text], "embarrassed all") == "Tomas Brennick"


def test_extract_quotes_a_description_in_a_lead_points_ahead_to_the_one_named_after_it():
    other = "Mayor Ivo Holm of Orsk met the press on Monday. Holm spoke about the harbour."
    lead = ("The port city's new mayor on Tuesday rejected Governor Paul Lind's offer to make an exception to his ban "
            "on ferries by allowing Ivo Holm.\n\nHolm, a sailor, was elected as mayor of Orsk last week.")
    assert _extracted_speaker_of([other, lead], "an exception") == "Ivo Holm"


def test_extract_quotes_ones_standing_for_things_say_nothing_but_people_in_the_plural_may():
    letters = ("She puts aside the ones without return addresses or signatures -- more than likely negative ones that "
               "accuse them of being pawns or worse.")
    assert not [a for a in _quotes(letters)[2] if a.quote.cue == "accuse"]
    voters = ("The Holm campaign attributed her narrow win in Orsk to the towns' overwhelmingly young electorates, "
              "which favor Brennick.")
    assert [a.quote.speaker_text for a in _quotes(voters)[2] if a.quote.cue == "favor"] == [
        "the towns' overwhelmingly young electorates"]


def test_extract_quotes_a_name_set_beside_an_owned_subject_is_whom_the_next_he_continues():
    text = ("While harbour chief Lena Holm has yet to back Mayor Tom Kane's budget, Holm's deputy — Councillor Sam "
            "Brel — has thrown his support behind Kane.\n\nAnd he claims his boss is fine with it.")
    assert _speaker_of(text, "his boss is fine with it") == "Councillor Sam Brel"


def test_extract_quotes_a_name_in_what_was_said_is_no_subject_a_he_after_it_continues():
    text = ("Tomas Brennick, a harbour pilot, spoke for the crews at the meeting.\n\nHis allegiance has shifted "
            "from Carla Ruiz to Varga to, now, Orrin, Brennick said during his speech.\n\n"
            "But he was not hopeful about the looming showdown in July.")
    assert _speaker_of(text, "the looming showdown") == "Tomas Brennick"


def test_extract_quotes_a_remark_right_after_a_denial_is_the_deniers():
    text = ("The harbour mayor complained that the vote had been \"rigged\" against him, a charge that port "
            "officials strongly denied, noting that they had been using the same rules since 2004.")
    _, _, found = _quotes(text)
    assert [a.quote.speaker_text for a in found if a.quote.cue == "noting"] == ["port officials"]


def _credited_names(text: str, words: str) -> list[str]:
    _, index, found = _quotes(text)
    quote = next(a.quote for a in found if words in a.quote.text)
    return [index.get(e).name for e in quote.credited()]


def test_extract_quotes_a_rank_stands_for_the_one_the_story_gives_it():
    # "the admiral" is Adm. Lind, and a "he said" after "the admiral chuckled" goes on with
    # him, not with the general who asked him before
    text = ("Adm. Tomas Lind leads the northern fleet. Gen. Ivo Brel recently asked Admiral Lind about the "
            "reef. The reports had two goals, the admiral said. Asked later about the reef, the admiral "
            "chuckled.\n\n“It is good that my voice is low,” he said.")
    assert _speaker_of(text, "two goals") == "Tomas Lind"
    assert _speaker_of(text, "my voice is low") == "Tomas Lind"


def test_extract_quotes_a_plural_subject_listing_names_is_each_of_them():
    text = ("The three harbour scholars -- Mr. Holm, Ms. Varga and Mr. Brel -- agreed there are able "
            "candidates for the board. Sam Holm, Lena Varga and Ivo Brel teach at Orsk.")
    assert _credited_names(text, "able candidates") == ["Sam Holm", "Lena Varga", "Ivo Brel"]


def test_extract_quotes_they_after_a_subject_along_with_others_is_all_of_them():
    text = ("Lena Varga, along with Judge Ivo Brel of the Ninth Circuit and Sam Holm, a law professor at "
            "Orsk University, wrote a long study of harbour cases. In it, they conclude that four of the "
            "judges favour the port.")
    assert _credited_names(text, "four of the judges") == ["Lena Varga", "Ivo Brel", "Sam Holm"]


def test_extract_quotes_what_a_country_lobbies_others_to_back_is_not_its_stance():
    text = ("Ostland has been lobbying Asian and other countries to back the judges' statement that their "
            "ruling must be binding, a call echoed by Nordland on Saturday.")
    _, index, found = _quotes(text)
    assert not [a for a in found if "judges' statement" in a.quote.text and a.quote.speaker_text == "Ostland"]


def test_extract_quotes_a_speaker_keeps_the_parenthesis_it_opened():
    text = ("Some 20 percent of people in a recent poll said they believe the mayor was born abroad; "
            "29 percent (and 43 percent of Greens) said they believe she is a spy.")
    _, _, found = _quotes(text)
    quote = next(a.quote for a in found if "spy" in a.quote.text)
    assert quote.speaker_text == "29 percent (and 43 percent of Greens)"


def test_extract_quotes_the_group_after_a_body_of_members_cited_for_a_figure_is_that_body():
    # an association is no news outlet: what it is cited for is its own account
    text = ("There are about 300 fewer trawlers in the bay than a decade ago, according to the Orsk Anglers "
            "Association. Forty piers shut last year alone, the group says. The trend will go on, "
            "the association predicts.")
    assert _extracted_speaker_of([text], "Forty piers shut") == "the Orsk Anglers Association"


def test_extract_quotes_a_speech_verb_read_as_a_noun_leaves_the_noun_before_it_the_speaker():
    text = ("Forty piers shut last year alone, the Orsk Anglers Association says. Some 10 to 16 piers close "
            "each year, a decline that the association predicts will continue ''for at least five more years.''")
    assert _extracted_speaker_of([text], "five more years") == "the Orsk Anglers Association"


def test_extract_quotes_a_gerund_after_of_has_the_noun_before_it_as_its_subject():
    text = "The tour mirrors his aides’ dread of polls going on to show wide distrust of the harbour board."
    _, _, found = _quotes(text)
    quote = next(a.quote for a in found if "wide distrust" in a.quote.text)
    assert quote.speaker_text == "polls"


def test_extract_quotes_a_thing_that_favors_someone_takes_no_side():
    _, _, found = _quotes("The wider picture — a port busy enough to hire again — should favor Mayor "
                          "Lena Varga.")
    assert not found
    # one who can hold a view still does, and so do the people a share counts
    _, _, found = _quotes("The harbour pilot Ivo Holm has long favored Mayor Lena Varga.")
    assert [a.quote.text for a in found] == ["Mayor Lena Varga"]
    _, _, found = _quotes("Among dock workers, half favored Mayor Lena Varga.")
    assert [a.quote.text for a in found] == ["Mayor Lena Varga"]


def test_extract_quotes_marks_on_a_map_find_nothing():
    _, _, found = _quotes("A map of the bay hangs by his desk. Red dots show the three new piers where the "
                          "company has built fuel depots.")
    assert not found


def test_extract_quotes_a_plural_surname_is_the_family_named_in_the_article():
    text = ("Ivo Varga and Lena Varga run a bakery in Orsk. During the past year, the Vargas say they have "
            "heard rising fears from their neighbours.")
    assert _credited_names(text, "rising fears") == ["Ivo Varga", "Lena Varga"]


def test_extract_quotes_a_party_leader_ahead_is_the_chairman_named_after_it():
    text = ("The harbour vote went to Lind on Saturday. The state's Harbour party leader said the process "
            "was fair. “It favors people who show up,” Ostland party chairman Ivo Holm said of the vote.")
    assert _extracted_speaker_of([text], "the process was fair") == "Ivo Holm"


def test_extract_quotes_a_colon_after_an_act_hands_over_its_quotation():
    # session 36: the parser hangs the colon on the quotation's verb, or on the sentence's
    # root when the speaker is named in a relative clause; the act before the colon is the cue
    text = ("Mayor Ada Lenk has since apologized for what happened: \"Yes, I should have warned the ferry crews. "
            "Not doing so was a mistake.\"\n\n"
            "Any ruling would involve harbour master Tomas Brennick, who told the council when asked about the levy: "
            "\"That matter is being handled by the inspectors of the port. They follow the evidence.\"")
    _, index, found = _quotes(text)
    direct = {a.quote.text.split(",")[0].split(" is ")[0]: index.get(a.quote.speaker).name
              for a in found if a.quote.kind == "direct"}
    assert direct == {"Yes": "Ada Lenk", "That matter": "Tomas Brennick"}


def test_extract_quotes_the_one_a_demand_is_made_of_says_nothing():
    # the group demands; the candidates are only asked to propose something
    _, _, found = _quotes("A fishing group is demanding that the council candidates propose plans that would "
                          "make the harbour a priority in the coming budget.")
    assert [(a.quote.speaker_text, a.quote.cue) for a in found] == [("A fishing group", "demanding")]
    _, _, found = _quotes("The union asked that Mayor Lena Varga explain why the pier had been closed for "
                          "three years.")
    assert [a.quote.speaker_text for a in found] == ["The union"]


def test_extract_quotes_a_title_in_quotation_marks_keeps_its_opening_mark_in_the_speaker():
    _, _, found = _quotes("“Harbour Hour” host Ilse Varga on Thursday showed that the council had ignored three "
                          "warnings about the flooding.")
    assert [a.quote.speaker_text for a in found] == ["“Harbour Hour” host Ilse Varga"]


def test_extract_quotes_a_name_in_a_condition_put_before_an_inserted_he_said_is_not_the_speaker():
    # the "if" clause is part of what Holm said; "he" goes on with the last speaker
    text = ("Rivals lashed out at the mayor and his deputy, Jordan Hale, on Thursday. “Our friends no longer "
            "trust us, and our rivals no longer fear us,” former harbour master Ivo Holm said. If Hale is "
            "elected, he said, “the deputy might be going back and forth between the town hall and the "
            "courthouse.”")
    assert _speaker_of(text, "back and forth") == "Ivo Holm"


def test_extract_quotes_the_campaign_of_a_described_person_is_that_persons_campaign():
    text = ("Former Ostland senator Rick Brel is running for governor. And Brel turned his sights on Holm, with "
            "the campaign of the former senator from Ostland saying Holm was “not a real friend of the harbour.”")
    assert _extracted_speaker_of([text], "real friend") == "Rick Brel’s campaign"


def test_extract_quotes_finding_oneself_somewhere_is_no_finding():
    # "found themselves attacked" tells the state they came to be in; no one voiced it
    _, _, found = _quotes("With the vote a month away, the two harbour candidates found themselves increasingly "
                          "attacked on Sunday by their rivals.")
    assert [a.quote.cue for a in found] == []


def test_extract_quotes_focusing_on_a_place_voices_no_topic():
    # where a campaign spends its effort is no topic spoken about
    _, _, found = _quotes("Mayor Lena Varga stayed off the airwaves to focus on Ohio.")
    assert found == []


def test_extract_quotes_the_writers_gloss_after_a_report_is_not_what_was_said():
    # "the latter a reference to …" explains the report's word; it is the writer's
    _, _, found = _quotes("Many of the closures, he said, have involved public and semiprivate piers, the latter a "
                          "reference to piers that have an active membership program but that let visitors fish "
                          "for a fee.")
    assert [a.quote.text for a in found] == ["Many of the closures … have involved public and semiprivate piers"]


def test_extract_quotes_a_clause_joined_after_an_inserted_they_said_goes_on_with_the_report():
    # the comma closes "they said"; "and you risk …" is the rest of what they said
    _, _, found = _quotes("Retired pilots said the crews were tired. Sell the ferry before the winter, they said, "
                          "and you risk being seen as trying to hide the losses.")
    assert [a.quote.text for a in found][1:] == [
        "Sell the ferry before the winter … and you risk being seen as trying to hide the losses"]


def test_extract_quotes_a_speech_verb_read_as_a_noun_is_the_cue():
    # "continue" is what the association predicts, not "it continued"
    _, _, found = _quotes("Between 30 and 40 piers are closing every year, a decline that the association predicts "
                          "will continue ''for the next few years.''")
    assert [(a.quote.speaker_text, a.quote.cue) for a in found] == [("the association", "predicts")]


def test_extract_quotes_what_someone_said_is_so_reports_the_complement():
    # "adapt to what she said is growing demand": she said it is growing demand
    _, _, found = _quotes("Ilse Varga, a lawyer who sits on the board of the harbour trust, has helped marinas adapt "
                          "to what she said is growing demand for fuel docks and repair yards.")
    assert [(a.quote.speaker_text, a.quote.text) for a in found] == [
        ("she", "[it] is growing demand for fuel docks and repair yards")]
    # a verdict on someone's words is no report of them
    _, _, found = _quotes("What he said was wrong about the pier and the boats.")
    assert found == []


def test_extract_quotes_a_passage_after_a_described_speaker_is_the_described_persons_too():
    # the second passage names no one apart, yet goes on in the words of the one the
    # description stood for in the first
    text = ("Tomas Brennick called on Wednesday for Judge Lena Varga to resign for saying that she feels he is "
            "unfit to be mayor.\n\n\"Judge Varga of the harbour court has embarrassed all by making very dumb "
            "statements about me,\" the presumptive Harbour Party nominee wrote in an early morning tweet. "
            "\"Her mind is shot — resign!\"")
    assert _extracted_speaker_of([text], "Her mind is shot") == "Tomas Brennick"


@pytest.mark.parametrize("text, words, speaker", [
    # a description no report gives anyone stands for the speaker in focus
    pytest.param("Arvid Marsh said on Friday that he had met the harbour board in Orsk.\n\n"
                 "“It went very well,” the gambling tycoon told reporters.",
                 "It went very well", "Arvid Marsh", id="tycoon"),
    # one who only acted in the sentence before is not who a description of a speaker names
    pytest.param("“The ferries must run,” Robert Kessby said in the spot.\n\n"
                 "Kessby called on Mayor William Hale to reopen the pier. Hale closed it in April.\n\n"
                 "“The pier is a disgrace,” the Harbour Party candidate said in an interview.",
                 "The pier is a disgrace", "Robert Kessby", id="not-the-one-who-acted"),
    # a party member is no one the story gives another party
    pytest.param("Democrat William Hale met Robert Kessby on Monday. “We disagree on the pier,” Hale said. "
                 "“We will talk again next week,” Kessby said.\n\n"
                 "Hale said the meeting was short. The Ostland Republican said the talks would go on.",
                 "the talks would go on", "Robert Kessby", id="party"),
    # a front-runner is no one named beside the description, nor of the other party
    pytest.param("Harbour Party front-runner Ivo Brennick said on Monday that the levy was theft and should go. "
                 "\"We will win the harbour seat,\" Democratic front-runner Anna Lindqvist said on Tuesday.\n\n"
                 "The Republican front-runner, unlike Democratic front-runner Anna Lindqvist, also said the pier "
                 "should close.", "the pier should close", "Ivo Brennick", id="front-runner"),
])
def test_extract_quotes_a_description_of_one_public_person_stands_for_the_speaker_in_focus(text, words, speaker):
    assert _speaker_of(text, words) == speaker


def test_extract_quotes_a_description_of_an_aide_stays_unnamed():
    text = ("“The ferries must run,” Robert Kessby said.\n\n"
            "The aide said the campaign would go on.")
    assert _speaker_of(text, "the campaign would go on") is None


def test_extract_quotes_one_asked_about_their_remarks_is_who_made_them():
    text = ("Olaf Dunmore asked Ivo Brennick about statements he had made the previous night, when he claimed "
            "that Mayor Lind was the founder of the gang.")
    assert _speaker_of(text, "founder of the gang") == "Ivo Brennick"
    # a clause of its own after the question stays the asker's to resolve
    text = "Olaf Dunmore asked Ivo Brennick about the pier, and he said that the levy was theft."
    assert _speaker_of(text, "the levy was theft") == "Olaf Dunmore"


def test_extract_quotes_a_description_of_one_of_two_who_act_on_each_other_is_no_one_in_focus():
    text = ("“The ferries must run all winter,” Robert Kessby said on Monday.\n\n"
            "As the race for the harbour seat heats up, the shipping mogul turned Harbour Party candidate and the "
            "Labour socialist have recently taken aim at one another, both candidates acknowledging that they could "
            "meet in the final race.")
    _, index, found = _quotes(text)
    assert not [a for a in found if "one another" in a.quote.text and a.quote.speaker is not None]


def test_extract_quotes_a_role_given_no_one_is_not_a_speaker_long_before():
    text = ("“The ferries must run all winter,” Robert Kessby said on Monday.\n\n"
            "The levy was passed in May. The pier closed in June. The ferries stopped in July. Trade fell. "
            "Grimes and Lind held a rally in Orsk, where the secretary of state said the pier would reopen.")
    assert _speaker_of(text, "the pier would reopen") != "Robert Kessby"


def test_extract_quotes_words_that_are_the_predicate_of_what_someone_said_go_to_the_verb_after_them():
    # "Nothing the governor said" is the subject of the quoted words, not their speaker
    text = ("Sen. Ivo Brennick, appearing on the radio right after the speech, said Lind failed to address the "
            "fears of the port. Nothing the governor said \"will assuage people's fears,\" the Ostland senator said.")
    assert _speaker_of(text, "will assuage") == "Ivo Brennick"


def test_extract_quotes_his_team_is_the_team_of_the_one_who_just_spoke():
    text = ("“We will win every town on the coast,” Robert Kessby said on Monday in Lusk. "
            "His team believes the northern towns are within reach.")
    assert _extracted_speaker_of([text], "northern towns") == "Robert Kessby’s team"


def test_extract_quotes_on_with_a_bare_noun_after_a_person_is_the_stance_topic():
    text = "Anna Holm knocked Ivo Brennick on trade at a rally in Orsk."
    _, _, found = _quotes(text)
    stance = [a for a in found if a.quote.cue == "knocked"]
    assert stance and stance[0].quote.text == "Ivo Brennick on trade"


def test_extract_quotes_on_the_radio_after_a_person_stays_out_of_the_stance():
    text = "Anna Holm mocked Ivo Brennick on the radio."
    _, _, found = _quotes(text)
    stance = [a for a in found if a.quote.cue == "mocked"]
    assert not stance or stance[0].quote.text == "Ivo Brennick"


def test_extract_quotes_an_op_ed_inside_the_object_ends_the_stance():
    text = "Tomas Brel is panning Varga's set of measures in an op-ed in the Orsk Courier."
    _, _, found = _quotes(text)
    stance = [a for a in found if a.quote.cue == "panning"]
    assert stance and stance[0].quote.text == "Varga's set of measures"


def test_extract_quotes_two_descriptions_joined_speak_for_the_two_people_just_named():
    text = ("Senate leader Anna Holm says she spoke to the front-runner Ivo Brennick and asked him to condemn the "
            "attacks. Holm told reporters that she had a conversation with the candidate on Tuesday. The Ostland "
            "Republican and the Orsk businessman discussed the recent violence at his rallies.")
    _, index, found = _quotes(text)
    joint = [a for a in found if a.quote.cue == "discussed"]
    assert joint and {index.get(e).name for e in joint[0].quote.speakers} == {"Anna Holm", "Ivo Brennick"}


def _owner_by_cue(text: str, cue: str) -> str | None:
    """The name of the person whose entourage speaks in the first quote of ``cue`` ("his
    team is suggesting …"), None when it is left unnamed; the quote must be found."""
    _, index, found = _quotes(text)
    quoted = [a for a in found if a.quote.cue == cue]
    assert quoted, [(a.quote.cue, a.quote.text) for a in found]
    return index.get(quoted[0].owner).name if quoted[0].owner is not None else None

def test_extract_quotes_his_team_after_advisers_to_a_person_is_that_persons_team():
    text = ("Mr. Brel's campaign is losing ground in the north, and Mr. Kessby has yet to win a county."
            "\n\nAdvisers to Mr. Varga are quick to point out that he has placed second in "
            "the last two contests.\n\nNow his team is suggesting that his finish in Holm has turned it into a "
            "two-man contest with Mr. Kessby.")
    assert _owner_by_cue(text, "suggesting") == "Varga"


def test_extract_quotes_a_shared_surname_is_the_namesake_last_a_subject():
    text = ("The crash killed four people, among them the pilot Jon Holm and the engineer Ivo Brel.\n\n"
            "Last week, Varga said the families were wrong. However, Eva Holm, mother of crash victim Jon Holm, "
            "forcefully rejected the claim.\n\n"
            "\"We stood side by side at the funeral. She lied to me,\" Holm said.\n\n"
            "Varga has denied it many times. Her aides call it a smear. The committee will report in June.\n\n"
            "\"She will answer for it one day,\" Holm said last week.")
    _, index, found = _quotes(text)
    said = [a for a in found if a.quote.text.startswith(("We stood", "She will answer"))]
    assert [index.get(a.quote.speaker).name for a in said] == ["Eva Holm", "Eva Holm"]


def test_extract_quotes_her_campaign_is_the_only_woman_named_before():
    text = ("Anna Varga is racing to shore up her lead in the south. She has scheduled stops in Lusk and Orsk, "
            "ahead of Tomas Brel. Her campaign also announced new support from the mothers of Orsk.\n\n"
            "Brel said on Tuesday that he would win in Orsk. Brel told voters in Lusk that the race was far from "
            "over. Brel added that Orsk would decide it.")
    assert _owner_by_cue(text, "announced") == "Anna Varga"


def test_extract_quotes_her_campaign_stays_unnamed_with_two_women_subjects_near():
    text = ("Anna Varga is racing to shore up her lead in the south. Mayor Maria Lind has scheduled stops in "
            "Lusk. Her campaign also announced new support from the mothers of Orsk.\n\n"
            "Brel said on Tuesday that he would win in Orsk. Brel told voters in Lusk that the race was far from "
            "over. Brel added that Orsk would decide it.")
    assert _owner_by_cue(text, "announced") is None


def test_extract_quotes_an_office_with_a_place_no_one_holds_is_the_speaker_before():
    text = ("Former candidate Ivo Brel, who on Tuesday endorsed Varga, said Wednesday he agrees with the judge's "
            "remarks.\n\nThe Ostland senator declined to say whether it is appropriate for a judge to criticize a "
            "candidate.")
    _, index, found = _quotes(text)
    declined = [a for a in found if a.quote.text.startswith("whether")]
    assert declined and declined[0].quote.speaker is not None and index.get(declined[0].quote.speaker).name == "Ivo Brel"


def test_extract_quotes_an_office_with_a_place_is_not_a_speaker_of_another_office():
    text = ("Ostland Gov. Ivo Brel said Wednesday he agrees with the judge's remarks.\n\nThe Lusk senator declined "
            "to say whether it is appropriate for a judge to criticize a candidate.")
    assert _speaker_of(text, "whether") is None


def test_extract_quotes_one_description_of_two_nouns_is_the_one_person_named_so_far():
    text = ("A year ago few expected Ivo Brennick to become the Harbour Party candidate. Twelve months after "
            "the businessman and reality star announced his candidacy for mayor, he leads the race.")
    _, index, found = _quotes(text)
    announced = [a for a in found if a.quote.cue == "announced"]
    assert announced and announced[0].quote.speaker is not None
    assert index.get(announced[0].quote.speaker).name == "Ivo Brennick"


def test_extract_quotes_a_description_is_the_one_the_next_paragraph_names_and_quotes_first():
    text = ("Defence minister Ana Lind said she would welcome Orsk's part in a security network.\n\n"
            "The deputy head of Orsk's delegation to the forum said Ostland should reduce its patrols in the region.\n\n"
            "\"This is a time of cooperation and common security,\" Rear Admiral Tomas Brennick told reporters.")
    assert _speaker_of(text, "Ostland should") == "Tomas Brennick"


def test_extract_quotes_a_description_is_not_one_named_before_and_quoted_next():
    text = ("Rear Admiral Tomas Brennick arrived on Monday. Defence minister Ana Lind said she would welcome Orsk's "
            "part in a security network.\n\n"
            "The deputy head of Orsk's delegation to the forum said Ostland should reduce its patrols in the region.\n\n"
            "\"This is a time of cooperation and common security,\" Brennick told reporters.")
    assert _speaker_of(text, "Ostland should") is None


def test_extract_quotes_an_abbreviated_office_before_a_surname_is_no_part_of_the_name():
    text = ("Vice Pres. John Miller said the pier would stay closed until May. Later, Vice Pres. Miller said the "
            "ferries would run again.")
    assert _speaker_of(text, "the ferries") == "John Miller"


def test_extract_quotes_the_two_lawmakers_are_the_joint_subject_of_a_sentence_before():
    text = ("Also Monday, Anna Holm and Committee Chairman Tomas Brennick sent a letter to Ivo Kessby, seeking more "
            "answers about his decisions.\n\nWhile Kessby said there was clear evidence that Varga was \"extremely "
            "careless,\" he said there's no precedent for prosecuting such a case. The two lawmakers, however, argue "
            "that \"there is precedent for prosecution,\" citing an earlier case.")
    _, index, found = _quotes(text)
    argue = [a for a in found if a.quote.cue == "argue"]
    assert argue and {index.get(e).name for e in argue[0].quote.speakers} == {"Anna Holm", "Tomas Brennick"}


def test_extract_quotes_a_stand_after_a_dash_is_no_statement_of_its_subject() -> None:
    # the clause after "Holm was <manner> —" is Holm's stand as the writer tells it: a duty
    # it puts on Brennick is nothing Brennick said
    text = "Ilse Holm was courteous yet clear — Tomas Brennick must show that he can run the port."
    assert not _quotes(text)[2]
    text = "Ilse Holm was blunt: the council should explain why the pier closed."
    assert not _quotes(text)[2]
    # what someone had said, told after a dash, is still theirs
    _, index, found = _quotes("Ilse Holm was furious — Tomas Brennick had said the levy would be dropped.")
    assert [(index.get(a.quote.speaker).name, a.quote.text) for a in found] == [
        ("Tomas Brennick", "the levy would be dropped")]


def test_extract_quotes_a_wish_the_writer_guesses_at_is_no_statement() -> None:
    # "likely", "probably" put the wish in the writer's mouth, not the speaker's
    text = "The inquiry will not touch Varga, but she will likely want her aides, like Tomas Brennick, to keep their seats."
    assert not [a for a in _quotes(text)[2] if a.quote.cue == "want"]
    assert not _quotes("Ilse Varga probably wants the pier rebuilt before the winter storms.")[2]
    # a wish told without a guess stays the speaker's, and so does one a speaker guesses at aloud
    _, index, found = _quotes("Ilse Varga wants her aides, like Tomas Brennick, to keep their seats on the board.")
    assert [index.get(a.quote.speaker).name for a in found] == ["Ilse Varga"]
    _, index, found = _quotes("“We probably want the pier rebuilt before the storms,” Ilse Varga said.")
    assert [index.get(a.quote.speaker).name for a in found] == ["Ilse Varga"]


def test_extract_quotes_one_a_film_depicts_asking_is_the_asker() -> None:
    # the parser hangs "asking" on the clause about Brennick; the film shows a clerk asking
    text = ("The documentary shows Brennick wanting to keep the office open and depicts one of the clerks asking, "
            "\"Why should we wait here all night for you?\"")
    _, _, found = _quotes(text)
    assert [a.quote.speaker_text for a in found] == ["one of the clerks"]


def test_extract_quotes_words_mocked_in_a_participle_are_the_stance_not_the_mockers_quote() -> None:
    # "went on, mocking Holm's boast of “…”": the quoted words are Holm's, whom Varga mocks;
    # they are what the stance is about, no quote of Varga's under "continued"
    text = "Ilse Varga continued on, mocking Tomas Holm's boast about \"a stronger deal\" with Orsk."
    _, _, found = _quotes(text)
    assert [(a.quote.cue, a.quote.kind) for a in found] == [("mocking", "indirect")]
    # a stance inside the clause a speech verb reports is still said
    _, _, found = _quotes("Ilse Varga said she would back \"a stronger deal\" with Orsk.")
    assert [(a.quote.cue, a.quote.text) for a in found] == [("said", "a stronger deal")]


def test_extract_quotes_the_main_person_is_counted_as_far_as_the_pronoun() -> None:
    # a sailor named once among the dead is named again only after the "he wrote": no main
    # person a reader of the quote could take the "he" for
    text = ("Varga claimed on Monday that her plan for the harbour \"kept every crew safe.\"\n\n"
            "She left out the fire on the Orsk quay that killed two dockers: foreman Peter Brel and crane "
            "driver John Holm.\n\n"
            "Varga took questions at a school hall on Monday night.\n\n"
            "\"Is the quay safe now? Not yet,\" Varga said. She then set her record in Orsk against the slow "
            "repairs in Lusk.\n\n"
            "\"Look at Lusk instead. Orsk was another matter, and nobody there got hurt,\" Varga said. "
            "\"We had no trouble.\"\n\n"
            "\"For Varga the two dockers are a footnote. She would rather talk about cranes. Their families will "
            "not forget,\" he wrote.\n\n"
            "Holm had served on the harbour for ten years. Holm left two children. A plaque for Holm was unveiled in May.")
    _, _, found = _quotes(text)
    wrote = [a for a in found if a.quote.cue == "wrote"]
    assert wrote and wrote[0].quote.speaker is None


def test_extract_quotes_a_means_hung_inside_a_nouns_content_is_the_act_on_the_noun() -> None:
    # the parser hangs "by citing" on "enter", inside what the position is; the one who
    # defended the position cited the poll, not the people it keeps out
    text = ("Brennick often leans on unnamed friends for his figures. He defended his stance of not allowing "
            "Lutherans to settle in Ostland by citing a survey run by the Orsk Fisheries Forum, a lobby known for "
            "its bold numbers.")
    _, index, found = _quotes(text)
    citing = [a for a in found if a.quote.cue == "citing"]
    assert citing and citing[0].quote.speaker_text == "He" and index.get(citing[0].quote.speaker).name == "Brennick"


def test_extract_quotes_her_campaign_after_the_named_campaign_in_its_own_sentence() -> None:
    # "the Lind campaign" is the subject of the sentence "her campaign" speaks in
    text = ("Hanna Lind raised the levy first, at a rally in Orsk on Tuesday. Brennick answered with a walk along "
            "the Lusk piers with Al Holm the next day. Then the Lind campaign stepped up its effort, phoning harbour "
            "owners soon after her campaign said the dockers' union would be knocking on doors for the former mayor.")
    assert _owner_by_cue(text, "said") == "Hanna Lind"


def test_extract_quotes_a_name_the_parser_left_hanging_before_a_reported_clause_said_it() -> None:
    # the parser hangs "Holm" and "claiming" on "wanted" and makes "wanted" a clause of
    # "said": the clause after "that" is what Holm alleged, and Holm said the rest
    rows = [
        ("Ivo", True, 1, "compound", "PROPN", "NNP", "Ivo"), ("Kane", True, 2, "nsubj", "PROPN", "NNP", "Kane"),
        ("floated", True, 2, "ROOT", "VERB", "VBD", "float"), ("the", True, 4, "det", "DET", "DT", "the"),
        ("notion", True, 2, "dobj", "NOUN", "NN", "notion"), ("of", True, 4, "prep", "ADP", "IN", "of"),
        ("closing", True, 5, "pcomp", "VERB", "VBG", "close"), ("the", True, 8, "det", "DET", "DT", "the"),
        ("port", False, 6, "dobj", "NOUN", "NN", "port"), (".", True, 2, "punct", "PUNCT", ".", "."),
        ("Holm", False, 17, "dep", "PROPN", "NNP", "Holm"), (",", True, 10, "punct", "PUNCT", ",", ","),
        ("later", True, 13, "advmod", "ADV", "RB", "later"), ("claiming", True, 17, "dep", "VERB", "VBG", "claim"),
        ("that", True, 17, "mark", "SCONJ", "IN", "that"), ("President", True, 16, "compound", "PROPN", "NNP", "President"),
        ("Ruiz", True, 17, "nsubj", "PROPN", "NNP", "Ruiz"), ("wanted", True, 23, "ccomp", "VERB", "VBD", "want"),
        ("to", True, 19, "aux", "PART", "TO", "to"), ("buy", True, 17, "xcomp", "VERB", "VB", "buy"),
        ("9,000", True, 21, "nummod", "NUM", "CD", "9,000"), ("trawlers", False, 19, "dobj", "NOUN", "NNS", "trawler"),
        (",", True, 17, "punct", "PUNCT", ",", ","), ("said", True, 23, "ROOT", "VERB", "VBD", "say"),
        ("he", True, 26, "nsubj", "PRON", "PRP", "he"), ("would", True, 26, "aux", "AUX", "MD", "would"),
        ("scrap", True, 23, "ccomp", "VERB", "VB", "scrap"), ("them", False, 26, "dobj", "PRON", "PRP", "they"),
        (",", True, 27, "punct", "PUNCT", ",", ","), ("who", True, 32, "nsubj", "PRON", "WP", "who"),
        ("he", True, 31, "nsubj", "PRON", "PRP", "he"), ("believes", True, 27, "relcl", "VERB", "VBZ", "believe"),
        ("are", True, 31, "ccomp", "AUX", "VBP", "be"), ("\"", False, 32, "punct", "PUNCT", "``", "\""),
        ("mostly", True, 35, "advmod", "ADV", "RB", "mostly"), ("wrecks", False, 32, "attr", "NOUN", "NNS", "wreck"),
        ("\"", True, 35, "punct", "PUNCT", "''", "\""), ("and", True, 35, "cc", "CCONJ", "CC", "and"),
        ("perhaps", True, 39, "advmod", "ADV", "RB", "perhaps"), ("part", True, 35, "conj", "NOUN", "NN", "part"),
        ("of", True, 39, "prep", "ADP", "IN", "of"), ("a", True, 42, "det", "DET", "DT", "a"),
        ("scheme", False, 40, "pobj", "NOUN", "NN", "scheme"), (".", True, 23, "punct", "PUNCT", ".", "."),
        ("On", True, 47, "prep", "ADP", "IN", "on"), ("Monday", True, 44, "pobj", "PROPN", "NNP", "Monday"),
        ("he", True, 47, "nsubj", "PRON", "PRP", "he"), ("said", True, 47, "ROOT", "VERB", "VBD", "say"),
        ("he", True, 52, "nsubj", "PRON", "PRP", "he"), ("would", True, 52, "aux", "AUX", "MD", "would"),
        ("\"", False, 52, "punct", "PUNCT", "``", "\""), ("seriously", True, 52, "advmod", "ADV", "RB", "seriously"),
        ("weigh", False, 47, "ccomp", "VERB", "VB", "weigh"), ("\"", True, 52, "punct", "PUNCT", "''", "\""),
        ("closing", True, 52, "xcomp", "VERB", "VBG", "close"), ("the", True, 56, "det", "DET", "DT", "the"),
        ("harbour", False, 54, "dobj", "NOUN", "NN", "harbour"), (".", False, 47, "punct", "PUNCT", ".", "."),
    ]
    _, found = _parsed(rows, ents=(0, 1, 10, 16), starts=(0, 10, 44))
    speakers = {a.quote.text: a.quote.speaker_text for a in found}
    assert speakers["mostly wrecks"] == "Holm"
    # and the "he" of the next sentence goes on with Holm, not with Kane before him
    consider = [a for a in found if a.quote.text == "seriously weigh"]
    holm = [a for a in found if a.quote.text == "mostly wrecks"][0].quote.speaker
    assert consider and consider[0].quote.speaker == holm


def test_extract_quotes_a_guessed_she_does_not_make_its_guess_a_woman() -> None:
    # the "She" is guessed at Holm, the subject before it (Lind is too far back); that guess
    # must not make Holm a "she", whom the "He" after "the president" then could not be
    text = ("Ms. Hanna Lind has put the levy and the piers at the heart of her campaign. After a storm in Orsk last "
            "year, she drew up a plan to pay for new piers with a local tax. President Holm later took up much the "
            "same plan. The piers opened again in May. She has called for a new ban on trawlers.\n\nAt the Orsk "
            "town hall on Sunday, the president told reporters the storm had shown the country at its best. He did "
            "not mention plans to shut the harbour to foreign boats or to tax the Lusk fishermen.")
    _, index, found = _quotes(text)
    mention = [a for a in found if a.quote.cue == "did not mention"]
    assert mention and mention[0].quote.speaker is not None and index.get(mention[0].quote.speaker).name == "Holm"


def test_extract_quotes_a_name_after_a_quotation_with_no_verb_is_its_speaker() -> None:
    # the writer left "said" out: the name right after the comma, with nothing but where
    # it was said after it, speaks
    text = ("Brennick posted a video about the quay on Thursday.\n\n"
            "\"Foreign trawlers are slipping into the bay again, as I warned. Nobody checks their papers,\" "
            "Brennick from his office. \"The port needs a new chief.\"")
    assert _speaker_of(text, "Foreign trawlers") == "Brennick"
    # a verb after the name is an attribution of its own, read as before
    _, index, found = _quotes("\"The pier will close in May for good,\" Brennick said from his desk.")
    assert [a.quote.cue for a in found] == ["said"]


def test_extract_quotes_a_past_form_right_after_a_prepositions_noun_describes_the_noun():
    # "aimed" is the meeting's aim, not an act of the two who vowed
    text = ("Mayor Ilse Varga and Governor Tomas Brennick vowed to cooperate despite their quarrel "
            "after a meeting Friday aimed calming a council split over the levy.")
    _, _, found = _quotes(text)
    assert not any(a.quote.cue == "aimed" for a in found), [(a.quote.cue, a.quote.text) for a in found]
    assert any(a.quote.cue == "vowed" for a in found)
    # what a speech is focused on is its speaker's
    text = ("Mayor Mara Lind has decried the state of the docks. She opened her tour with a speech in Lusk "
            "focused mainly on wages for the Ostland dockers.")
    _, index, found = _quotes(text)
    assert any(a.quote.cue.startswith("focused") and a.quote.speaker and index.get(a.quote.speaker).name == "Mara Lind"
               for a in found), [(a.quote.cue, a.quote.text) for a in found]


def test_extract_quotes_a_clause_before_a_colon_names_no_speaker():
    text = ("Dockers have fought the levy for years.\n\nIt is not only the Greens in the Senate: Ilse Varga turned "
            "against the levy in May. A week later she had the support of every dockers' union.\n\n"
            "The council voted for a delay.")
    _, index, found = _quotes(text)
    colon = [a for a in found if a.quote.cue == ":"]
    assert not any(a.quote.speaker and "Senate" in index.get(a.quote.speaker).name for a in colon), \
        [(index.get(a.quote.speaker).name, a.quote.text) for a in colon if a.quote.speaker]


def test_extract_quotes_a_pronoun_after_a_surname_two_people_share_is_no_one_named_before():
    # "Brel" is the son or the mother; either way the "He" is not the spokesman named before.
    text = ("Ivo Brel, 41, is to appear in court on Monday over the deaths of his mother, Ada Brel, 70, and a "
            "neighbour. He was held for several hours before the arrest, according to Tomas Lind, a spokesman "
            "for the county prosecutor. Brel has been jailed twice for violent crimes, court records show. Brel "
            "served 9 months of a 2-year sentence. He was released in 2019 and told a neighbour that he had changed.")
    _, index, found = _quotes(text)
    changed = next(a.quote for a in found if a.quote.text == "he had changed")
    assert changed.speaker is None or index.get(changed.speaker).name != "Tomas Lind"


@pytest.mark.parametrize("text", [
    "Ivo Brel was freed in 2019 and attacked a neighbour again, dragging him into the street. He had a knife, and "
    "the neighbour was stabbed twice.",
    "Ivo Brel met his cousin in a bar in March and attacked his cousin's wife. He began to choke her until staff stepped in.",
    "Ivo Brel has a long record. The fatal stabbing would be at least his third attack against Holm.",
])
def test_extract_quotes_an_attack_told_beside_bodily_harm_is_blows_not_words(text):
    _, _, found = _quotes(text)
    assert not [a for a in found if "attack" in (a.quote.cue or "")]


@pytest.mark.parametrize("text, said", [
    ("Ostland Mayor Ilse Varga attacked Tomas Brennick over the shooting at the port.", "Tomas Brennick over the shooting at the port"),
    ("Ilse Varga attacked Tomas Brennick in a speech on Monday.", "Tomas Brennick"),
    # shootings are what much political talk is about
    ("Ilse Varga attacked the harbour police after two shootings in Orsk.", "the harbour police"),
])
def test_extract_quotes_an_attack_in_words_stays_a_stance(text, said):
    _, _, found = _quotes(text)
    assert [a.quote.text for a in found if a.quote.cue == "attacked"] == [said]


def test_extract_quotes_a_quotation_naming_the_one_just_introduced_is_not_theirs():
    from storyweave.extract.quote_context import _Context

    text = "Sam Holm spoke first. Tomas Brennick pulled the trigger. “Tomas fired the shot,” he said."
    ann = _annotation(text)
    index = canonical_entities([ann])
    context = _Context(ann, index)
    assert context._introduced_before_quotation(text.index("he said"), "he", lambda e: True) is None
    # without the name the one introduced goes on speaking
    text = "Sam Holm spoke first. Tomas Brennick pulled the trigger. “I fired the shot,” he said."
    ann = _annotation(text)
    index = canonical_entities([ann])
    speaker = _Context(ann, index)._introduced_before_quotation(text.index("he said"), "he", lambda e: True)
    assert index.get(speaker).name == "Tomas Brennick"


def test_extract_quotes_the_unnamed_person_pointed_back_at_goes_on_speaking():
    text = ("Ada Kessby, 58, and her daughter were found dead at their home in Orsk on Saturday. A neighbour said "
            "the street had been quiet all week. Ada had been upset by the death of her old cat. The neighbour said "
            "she was cheerful when they met on Friday. She added: “We talked for an hour. She told me her daughter "
            "was coming home.”")
    _, index, found = _quotes(text)
    talked = next(a.quote for a in found if a.quote.text.startswith("We talked"))
    assert talked.speaker is None  # the neighbour, not the woman found dead
    # a named neighbour described so is still the one a "he" goes on with
    text = ("Ada Kessby was found dead at her home in Orsk on Saturday. Sam Holm, a neighbour, said the street had "
            "been quiet all week. Ada had been upset by the death of her old cat. The neighbour said she was cheerful "
            "when they met on Friday. He added: “We talked for an hour.”")
    _, index, found = _quotes(text)
    talked = next(a.quote for a in found if a.quote.text.startswith("We talked"))
    assert index.get(talked.speaker).name == "Sam Holm"
