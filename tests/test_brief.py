"""The brief: what a journalist would write from the sources, each sentence cited.

Built by hand from small invented articles (no model loads beyond the statement judge),
so each test shows one rule: a pronoun named from its sentence's context, a pronoun
speaker named or the sentence left out, a teaser never used, a contested fact told
through a wording without the disputed detail.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from storyweave.brief import brief, named_facts
from storyweave.brief.headlines import headline_like
from storyweave.brief.names import _unattributed_quote
from storyweave.brief.support import model_states, plain, statement_units, supports
from storyweave.model import (
    Alignment, Annotation, Article, Certainty, Claim, Comparison, Discrepancy, DiscrepancyItem, DiscrepancyKind,
    Entity, Extraction, Fact, FactStatus, Framing, Mention, ProvenanceLink, Quote, Sentence,
)


def _annotation(aid: str, sentences: list[str], mentions: list[tuple[str, str, int]] = ()) -> Annotation:
    text = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    found = []
    for words, label, index in mentions:
        start = text.index(words, spans[index][0])
        found.append(Mention(words, label, (start, start + len(words)), index))
    article = Article(id=aid, source=aid, location=aid, title=f"Title {aid}", text=text)
    return Annotation(article, tuple(Sentence(s, sp, str(n)) for n, (s, sp) in enumerate(zip(sentences, spans))), tuple(found), None)


def _claim(ann: Annotation, index: int, cid: str, fact: str) -> Claim:
    s = ann.sentences[index]
    return Claim(cid, ann.article.id, s.text, s.span, Certainty.ASSERTED, fact=fact)


def _run(anns: list[Annotation], facts: list[tuple[str, FactStatus, list[Claim]]], quotes: list[Quote] = (),
         entities: list[Entity] = (), discrepancies: list[Discrepancy] = (), framing: list[Framing] = (),
         provenance: list[ProvenanceLink] = (), event_date: str | None = None) -> list[tuple[str, tuple[str, ...]]]:
    claims = [c for _, _, cs in facts for c in cs]
    fact_objs = [Fact(fid, cs[0].text, tuple(sorted({c.article for c in cs})), tuple(c.id for c in cs), status,
                      len({c.article for c in cs})) for fid, status, cs in facts]
    extraction = Extraction(tuple(entities), tuple(quotes), tuple(claims), (), event_date)
    out = brief(Alignment(extraction, tuple(fact_objs), ()), Comparison(tuple(discrepancies), tuple(provenance), tuple(framing)), anns)
    return [(s.text, s.citations) for s in out.sentences]


US_A = ["The harbour board of Port Ellis approved a new container quay on Monday.",
        "The United States and its allies say they fear the quay could serve naval ships.",
        "It has accused the board of hiding the quay's military use."]
US_B = ["Port Ellis's harbour board approved a new container quay on Monday.",
        "The United States has accused the board of hiding the quay's military use."]


def test_brief_names_an_opening_pronoun_from_the_sentence_before() -> None:
    a, b = _annotation("a", US_A, [("Port Ellis", "GPE", 0), ("The United States", "GPE", 1)]), _annotation("b", US_B)
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 2, "c3", "f2")])]
    out = dict(_run([a, b], facts))
    assert "[The United States] has accused the board of hiding the quay's military use." in out
    # Cited by both: b says it with the name, a with the pronoun the brackets resolve.
    assert out["[The United States] has accused the board of hiding the quay's military use."] == ("a", "b")


def test_brief_leaves_out_an_opening_pronoun_it_cannot_name() -> None:
    a = _annotation("a", ["Crowds gathered at the quay.", "It has accused the board of hiding the quay's military use."])
    b = _annotation("b", ["Crowds gathered at the quay on Monday.", "The harbour board approved a new quay on Monday."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert not any(t.startswith(("It ", "[")) for t in texts), texts


def test_brief_does_not_name_an_it_that_stands_for_a_clause() -> None:
    from dataclasses import replace

    from storyweave.nlp import load_nlp

    sentences = ["The harbour board is under the mayor's sway.",
                 "It falls to the council to rule on the legality of the quay."]
    a = _annotation("a", sentences, [("The harbour board", "ORG", 0)])
    a = replace(a, doc=load_nlp()(a.article.text))
    b = _annotation("b", ["The harbour board is under the mayor's sway.", "The council met on Monday."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert not any("[The harbour board] falls" in t for t in texts), texts


def _opening_it_brief(sentences: list[str], subject: str, label: str) -> list[str]:
    from dataclasses import replace

    from storyweave.nlp import load_nlp

    a = _annotation("a", sentences, [(subject, label, 0)])
    a = replace(a, doc=load_nlp()(a.article.text))
    b = _annotation("b", [sentences[0], "The harbour board met on Monday."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2")])]
    return [t for t, _ in _run([a, b], facts)]


def test_brief_does_not_name_an_it_that_is_said_to_be_something() -> None:
    # "It was …" + a noun phrase as often tells what the sentence before did: the win.
    texts = _opening_it_brief(["The Ferrand club beat Vell 3-1 in the first game of the season.",
                               "It was the first win in a year for the coach, Lia Ross."], "The Ferrand club", "ORG")
    assert not any("[The Ferrand club] was" in t for t in texts), texts


def test_brief_does_not_name_an_it_that_holds_the_place_of_a_clause() -> None:
    # "It is expected that …": the "it" is what is expected, not the board.
    texts = _opening_it_brief(["The harbour board set the vote for May 3.",
                               "It is expected that observers from three ports will attend the vote."], "The harbour board", "ORG")
    assert not any("[The harbour board] is expected" in t for t in texts), texts


def test_brief_does_not_name_an_it_as_a_plural_name() -> None:
    texts = _opening_it_brief(["The Hawks jumped to a two-goal lead before the break.",
                               "It added a third goal late in the game."], "The Hawks", "ORG")
    assert not any("[The Hawks]" in t for t in texts), texts
    texts = _opening_it_brief(["The Hawkins Group opened a second depot in the port last May.",
                               "It has since moved its head office to Vell."], "The Hawkins Group", "ORG")
    assert "[The Hawkins Group] has since moved its head office to Vell." in texts, texts


def test_brief_names_a_pronoun_speaker_or_drops_the_quote() -> None:
    said = "“This quay is the best promise we can make to the fishermen,” he said."
    a = _annotation("a", ["Mayor Mara Lind opened the new quay on Monday.", said], [("Mara Lind", "PERSON", 0)])
    b = _annotation("b", ["Mayor Mara Lind opened the new quay on Monday in Port Ellis.", said])
    start = a.article.text.index(" he said") + 1
    quote = Quote("q1", "a", "ent-lind", "he", (start, start + 2), "said", None, "This quay is the best promise we can make to the fishermen",
                  (a.article.text.index("This"), a.article.text.index(",”")), speaker_resolved=True)
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    lind = Entity("ent-lind", "Mara Lind", "PERSON", ("Lind",), ("a", "b"))
    texts = [t for t, _ in _run([a, b], facts, [quote], [lind])]
    assert "“This quay is the best promise we can make to the fishermen,” [Mara Lind] said." in texts
    # Without the resolved quote, "he said" has no name: the sentence stays out.
    texts = [t for t, _ in _run([a, b], facts, [], [lind])]
    assert not any("he said" in t for t in texts), texts


def test_brief_does_not_name_a_pronoun_speaker_as_the_person_the_sentence_names() -> None:
    # A wrong resolution of "he" to the person "he" criticises would have the brief say
    # that she criticised herself; the sentence stays out instead.
    said = "He has criticized Lind for accepting fees from port firms."
    a = _annotation("a", ["Mayor Mara Lind opened the new quay on Monday.", said], [("Mara Lind", "PERSON", 0)])
    b = _annotation("b", ["Mayor Mara Lind opened the new quay on Monday in Port Ellis.", said])
    start = a.article.text.index(said)
    quote = Quote("q1", "a", "ent-lind", "He", (start, start + 2), "criticized", None, "Lind for accepting fees from port firms",
                  (a.article.text.index("Lind for"), a.article.text.index(" firms.") + 6), speaker_resolved=True)
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    lind = Entity("ent-lind", "Mara Lind", "PERSON", (), ("a", "b"))
    texts = [t for t, _ in _run([a, b], facts, [quote], [lind])]
    assert not any("[Mara Lind] has criticized" in t for t in texts), texts


def test_brief_an_opening_pronoun_amid_a_quotation_is_not_named_from_the_writers_words() -> None:
    from storyweave.brief import named_facts

    # "He" is in Brel's words and goes on from them: Tomas, maybe, never Brel himself
    sentences = ["Ivo Brel thanked the harbour master, telling the Ledger, “Tomas and I have sailed together for years.",
                 "He is a fine sailor.”"]
    a = _annotation("a", sentences, [("Ivo Brel", "PERSON", 0), ("Tomas", "PERSON", 0)])
    claims = [_claim(a, i, f"c{i}", f"f{i}") for i in range(2)]
    facts = tuple(Fact(f"f{i}", c.text, ("a",), (c.id,), FactStatus.SINGLE_SOURCE, 1) for i, c in enumerate(claims))
    brel = Entity("ent-brel", "Ivo Brel", "PERSON", ("Brel",), ("a",))
    named = [f.text for f in named_facts(Alignment(Extraction((brel,), (), tuple(claims), (), None), facts, ()), [a])]
    assert named[1] == sentences[1]


def test_brief_an_opening_pronoun_is_not_named_against_a_title() -> None:
    a = _annotation("a", ["Mr. Brel described the flaws of the quay.", "She had no engineer checking the cranes."], [("Brel", "PERSON", 0)])
    b = _annotation("b", ["Mr. Brel described the flaws of the quay on Monday.", "The harbour board approved a new quay on Monday."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert not any("[Brel]" in t for t in texts), texts


def test_brief_an_opening_pronoun_is_not_named_against_a_gender_another_article_shows() -> None:
    from dataclasses import replace

    from storyweave.nlp import load_nlp

    # Article a shows nothing of Brel's gender; article b names him Tomas Brel.
    a = _annotation("a", ["After a storm wrecked the old pier of Varga, she drew up a plan to rebuild it: "
                          "President Brel later took up the idea.",
                          "She had no engineer checking the cranes."], [("Varga", "PERSON", 0), ("Brel", "PERSON", 0)])
    a = replace(a, doc=load_nlp()(a.article.text))

    def opening(other: Annotation) -> list[str]:
        facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(other, 0, "c2", "f1")]),
                 ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2")])]
        return [t for t, _ in _run([a, other], facts) if "engineer" in t]

    b = _annotation("b", ["President Tomas Brel adopted the plan to rebuild the quay on Monday.",
                          "The harbour board approved a new quay on Monday."], [("Tomas Brel", "PERSON", 0)])
    assert opening(b) == []  # (a pronoun the brief cannot name leaves the sentence out)
    # Unseen by any article, the gender leaves Brel a fit.
    b = _annotation("b", ["President Brel adopted the plan to rebuild the quay on Monday.",
                          "The harbour board approved a new quay on Monday."], [("Brel", "PERSON", 0)])
    assert opening(b) == ["[Brel] had no engineer checking the cranes."]


def test_brief_an_opening_pronoun_does_not_vouch_for_the_gender_of_whom_it_is_taken_for() -> None:
    from dataclasses import replace

    from storyweave.nlp import load_nlp

    # Only the "She" being named follows Brel in article a; article b names him Tomas Brel.
    a = _annotation("a", ["Brel described the flaws of the quay.", "She had no engineer checking the cranes."],
                    [("Brel", "PERSON", 0)])
    a = replace(a, doc=load_nlp()(a.article.text))
    b = _annotation("b", ["Tomas Brel described the flaws of the quay on Monday.",
                          "The harbour board approved a new quay on Monday."], [("Tomas Brel", "PERSON", 0)])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert not any("[Brel]" in t or "[Tomas Brel]" in t for t in texts), texts


def test_brief_a_surname_two_people_share_shows_no_gender() -> None:
    from dataclasses import replace

    from storyweave.nlp import load_nlp

    # "Mr. Brel" is Tomas; it says nothing against the "She" after a bare "Brel" being Ilse Brel.
    a = _annotation("a", ["Tomas Brel and Ilse Brel opened the quay in May.", "Mr. Brel praised the crews.",
                          "Brel described the flaws of the quay.", "She had no engineer checking the cranes."],
                    [("Tomas Brel", "PERSON", 0), ("Ilse Brel", "PERSON", 0), ("Brel", "PERSON", 1), ("Brel", "PERSON", 2)])
    a = replace(a, doc=load_nlp()(a.article.text))
    b = _annotation("b", ["Tomas Brel and Ilse Brel opened the quay on a sunny Monday in May.",
                          "The harbour board approved a new quay on Monday."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 3, "c3", "f2")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert "[Brel] had no engineer checking the cranes." in texts, texts


def test_brief_never_uses_a_teaser_lead() -> None:
    teaser = "Two mayors, one old hall and a $4 million plan: the harbour is finally getting its quay."
    a = _annotation("a", [teaser, "The harbour board approved a new container quay on Monday."])
    b = _annotation("b", ["The harbour board of Port Ellis approved a new container quay on Monday.", "Work starts in May."])
    facts = [("f1", FactStatus.SINGLE_SOURCE, [_claim(a, 0, "c1", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c2", "f2"), _claim(b, 0, "c3", "f2")]),
             ("f3", FactStatus.SINGLE_SOURCE, [_claim(b, 1, "c4", "f3")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert teaser not in texts
    assert headline_like(teaser) and headline_like("So who pays?") and not headline_like(US_A[0])
    assert not headline_like("Putin said: “We will help.”")


def test_brief_tells_a_contested_fact_without_its_disputed_detail() -> None:
    a = _annotation("a", ["The mayors signed a deal to build a 12 km flood barrier.", "Crews start in April."])
    b = _annotation("b", ["The mayors signed a deal to build a 15 km flood barrier.", "Crews start in April."])
    c = _annotation("c", ["The two mayors have signed a deal to build a flood barrier across the estuary.", "Crews start in April."])
    facts = [("f1", FactStatus.CONTESTED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1"), _claim(c, 0, "c3", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c4", "f2"), _claim(b, 1, "c5", "f2")])]
    disc = Discrepancy("d1", DiscrepancyKind.NUMBER, "12 km / 15 km",
                       (DiscrepancyItem("a", a.sentences[0].text, a.sentences[0].span), DiscrepancyItem("b", b.sentences[0].text, b.sentences[0].span)))
    texts = [t for t, _ in _run([a, b, c], facts, discrepancies=[disc])]
    assert "The two mayors have signed a deal to build a flood barrier across the estuary." in texts
    assert not any("km" in t for t in texts), texts


def test_brief_citation_needs_the_quoted_words() -> None:
    assert supports("Lind called it “the best promise” for the port.", "Lind called it “the best promise” for the port.")
    assert not supports("Lind called it “the best promise” for the port.", "Lind called it “the firmest promise” for the port.")
    assert not supports("Kim welcomed Putin at the airport.", "Putin arrived at Pyongyang’s airport earlier in the day.")
    assert plain("[The United States] has accused Pyongyang.") == "The United States has accused Pyongyang."


QUAY = "Port Ellis's harbour board approved a new container quay on Monday."
QUAY_AND_ASIDE = ("The harbour board of Port Ellis approved a new container quay on Monday, ending a dispute with the "
                  "fishermen that had dragged on for years and cost two board members their seats.")


def test_brief_a_sentence_saying_the_opposite_is_no_citation() -> None:
    statement = "The new sea wall in Corrow failed overnight as the tide peaked."
    assert supports(statement, "The new sea wall in Corrow failed overnight as the tide peaked, residents said.")
    assert not supports(statement, "The new sea wall in Corrow held overnight as the tide peaked, the board said.")
    into = "The singer Lena Roos has checked into the Ferro Clinic in Lund."
    assert supports(into, "The singer Lena Roos has checked into the Ferro Clinic in Lund, her agent said.")
    assert not supports(into, "The singer Lena Roos has checked out of the Ferro Clinic in Lund, her agent said.")
    # Asking someone to do a thing is not their doing it.
    rescinded = "The Lind harbour master rescinded the late changes to the harbour rules."
    assert supports(rescinded, "On Tuesday the Lind harbour master rescinded the late changes to the harbour rules.")
    assert not supports(rescinded, "In a letter, the ferry crews urged the Lind harbour master to rescind the late changes "
                                   "to the harbour rules.")
    # A plea of not guilty is no citation for a plea of guilty.
    guilty = "Tarvo Lind pleaded guilty to the fraud charges in a Kessby court on Monday."
    assert supports(guilty, "On Monday Tarvo Lind pleaded guilty to the fraud charges in a Kessby court.")
    assert not supports(guilty, "On Monday Tarvo Lind pleaded not guilty to the fraud charges in a Kessby court.")
    # Issue 7: a wish is no citation for the deed, nor a refusal to tell for the telling.
    booked = "The Harbour Theatre has already booked a March opening for its new comedy."
    assert supports(booked, "The Harbour Theatre has booked a March opening for its new comedy, its director said.")
    assert not supports(booked, "Apparently the Harbour Theatre would like a March opening for its new comedy.")
    told = "Fenn said on Monday that the councillor was being questioned at the Lind police station."
    assert not supports(told, "Fenn would not say why the councillor was being questioned at the Lind police station.")


def test_brief_a_figure_in_words_is_checked_as_one_in_digits() -> None:
    # "four and a half months" (or "4 1/2", or "41/2" with the space lost) is no citation for
    # "four months", nor "five months"; "4 months" is.
    statement = "Tarvo Lind served four months in a state prison for fraud."
    assert supports(statement, "Tarvo Lind served 4 months in a state prison for fraud.")
    assert not supports(statement, "Tarvo Lind served four and a half months in a state prison for fraud.")
    assert not supports(statement, "Tarvo Lind served 41/2 months in a state prison for fraud.")
    assert not supports(statement, "Tarvo Lind served five months in a state prison for fraud.")
    assert supports("Sixty-five boats were lost in the storm off Kessby.", "In the storm off Kessby 65 boats were lost.")


def test_brief_a_sentence_telling_what_another_party_did_is_no_citation() -> None:
    # Written in words, the figure no longer keeps the other bidder's sentence out: the
    # doer does ("the Owls have offered" / "the Herons have made an … offer").
    statement = "A radio station is reporting that the Owls have offered Ivo Varis an 8-year, $160 million contract."
    assert supports(statement, "The Owls have offered Ivo Varis an eight-year contract worth $160 million, a radio station said.")
    assert not supports(statement, "The Herons have made an eight-year offer to Varis in excess of $160 million, but sources "
                                   "say it is less than the $184 million first reported.")
    # In digits as well: the model takes the two for one statement.
    assert not supports(statement, "The Herons have made an 8-year offer to Ivo Varis in excess of $160 million, a radio "
                                   "station said.")


def test_brief_a_sentence_naming_someone_else_is_no_citation() -> None:
    statement = "Orsk will pay for the repairs to the footbridge, the council said."
    assert supports(statement, "Orsk will pay for the repairs to the footbridge, the regional council said.")
    assert not supports(statement, "Wexmoor will pay for the repairs to the footbridge, the council said.")


def test_brief_statement_units_are_the_sentence_and_its_openings() -> None:
    assert statement_units(QUAY_AND_ASIDE) == [QUAY_AND_ASIDE, "The harbour board of Port Ellis approved a new container quay on Monday"]
    assert statement_units("Lind, the chair, spoke to the council.") == ["Lind, the chair, spoke to the council."]  # too short
    # What follows may take the opening back: then the opening alone states nothing.
    retracted = "The harbour board of Port Ellis approved a new container quay on Monday, the chair said, though the vote was not valid."
    assert statement_units(retracted) == [retracted]


def test_brief_citation_may_rest_on_an_opening_clause() -> None:
    # The whole sentence says more than the brief does; its opening says just that.
    assert model_states(QUAY, QUAY_AND_ASIDE)
    assert supports(QUAY, QUAY_AND_ASIDE)
    aside_only = ("Container ships have used the old quay of Port Ellis since Monday, the harbour board said, "
                  "while fishermen wait for a new one that was never approved.")
    assert not supports(QUAY, aside_only)


def test_brief_drops_a_citation_the_model_does_not_support() -> None:
    a = _annotation("a", [QUAY, "Work will start in May, the board said."])
    # Every word of the statement, and yet not the statement.
    b = _annotation("b", ["A new container quay would double Port Ellis's trade, the harbour board's chair wrote in a "
                          "letter published on Monday, though it has not been approved.", "Fishermen are against it."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")])]
    out = dict(_run([a, b], facts))
    assert out[QUAY] == ("a",)


def test_brief_on_the_sample_corpus_reads_like_news(example_analysis: dict[str, Any]) -> None:
    examples_brief = example_analysis["stories"][0]["brief"]["sentences"]
    texts = [s["text"] for s in examples_brief]
    assert 3 <= len(texts) <= 15
    assert all(s["citations"] for s in examples_brief)
    assert not any(t.rstrip(".").endswith(("he said", "she said")) for t in texts), texts
    assert not any(":" in t.split("“")[0] for t in texts), texts  # no "Two mayors, …: …" teaser
    # What happened is there, told once: the mayors' signing was two lines, one naming them,
    # one describing them ("The mayors of … have signed" / "… put their names … to a plan").
    signing = [t for t in texts if re.search(r"\bsigned\b|\bput their names\b", t)]
    assert len(signing) == 1, texts
    # … in the wording two articles print, not the one only its own outlet does (issue 7).
    assert "have signed an agreement" in signing[0], texts


def test_brief_leaves_out_pieces_of_sentences() -> None:
    pieces = ["Nadia Orm, head of the Tamsk ferry union, says her members will probably strike:",
              "Varis hit 308 with 33 homers last season, including.",
              "40am on Saturday and found the ferry adrift.",
              "Where the crossing is wholly safe, or",
              "The ferry then left the quay and struck a buoy near Capt.",
              "According to harbour radio and the Tamsk Gazette",
              # A subheading ending in a quoted title (issue 7): no full stop inside the mark.
              "Director says she cannot commit to the shooting schedule for 'Harbour Lights'",
              # Its quotation cut off with "the Rev." in the line before: said what?
              "Ida Marr of the Tamsk harbour board said on Monday, adding that divers were searching the quay.",
              # A quotation cut at its comma, the full stop put after it.
              "A deckhand told the Tamsk Gazette “The crew just ran to the boats so fast,.",
              # No finite verb: a caption or a label, which states nothing.
              "Ada Roos setting the Tamsk club record for ferry crossings in one year.",
              "Posted on March 3, 2024 The crossing."]
    a = _annotation("a", [*pieces, "The harbour board approved a new container quay on Monday."])
    b = _annotation("b", [*pieces, "The harbour board of Port Ellis approved a new container quay on Monday."])
    facts = [(f"f{i}", FactStatus.CORROBORATED, [_claim(a, i, f"c{i}a", f"f{i}"), _claim(b, i, f"c{i}b", f"f{i}")])
             for i in range(len(pieces) + 1)]
    texts = [t for t, _ in _run([a, b], facts)]
    assert not any(p in texts for p in pieces), texts
    assert any("container quay" in t for t in texts), texts
    from storyweave.brief import says_nothing

    # What a passive speech verb says is its subject.
    assert not says_nothing("Results of the ferry vote will be announced within ten days.")


def _brief_with_someone_named_between(between: str, name: str) -> list[str]:
    """The brief of two reports of a mayor's quay opening where one names ``between``
    (``name``) after the mayor and before "…,” she said." (resolved to the mayor)."""
    said = "“This quay is the best promise we can make to the fishermen,” she said."
    a = _annotation("a", ["Mayor Mara Lind opened the new quay on Monday.", between, said],
                    [("Mara Lind", "PERSON", 0), (name, "PERSON", 1)])
    b = _annotation("b", ["Mayor Mara Lind opened the new quay on Monday in Port Ellis.", said])
    start = a.article.text.index(" she said") + 1
    quote = Quote("q1", "a", "ent-lind", "she", (start, start + 3), "said", None, "This quay is the best promise we can make to the fishermen",
                  (a.article.text.index("This"), a.article.text.index(",”")), speaker_resolved=True)
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 2, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    lind = Entity("ent-lind", "Mara Lind", "PERSON", ("Lind",), ("a", "b"))
    return [t for t, _ in _run([a, b], facts, [quote], [lind])]


def test_brief_does_not_name_a_pronoun_speaker_past_another_person() -> None:
    # The resolver credited the words to the mayor; the harbour master is named since.
    texts = _brief_with_someone_named_between("Harbour master Ilse Norr spoke after her.", "Ilse Norr")
    assert not any("[Mara Lind]" in t for t in texts), texts


def test_brief_names_a_pronoun_speaker_past_someone_of_the_other_gender() -> None:
    # "she" cannot be the man the article calls Mr Norr: the mayor is the only candidate.
    texts = _brief_with_someone_named_between("Harbour master Mr Olle Norr spoke after her.", "Olle Norr")
    assert "“This quay is the best promise we can make to the fishermen,” [Mara Lind] said." in texts, texts


def test_brief_names_every_person_a_joint_they_stands_for() -> None:
    said = "“This quay is the best promise we can make to the fishermen,” they said."
    first = "Mayor Mara Lind and her deputy, Tomas Berg, opened the new quay on Monday."
    a = _annotation("a", [first, said], [("Mara Lind", "PERSON", 0), ("Tomas Berg", "PERSON", 0)])
    b = _annotation("b", [first.replace("on Monday", "on Monday in Port Ellis"), said])
    start = a.article.text.index(" they said") + 1
    quote = Quote("q1", "a", "ent-lind", "they", (start, start + 4), "said", None, "This quay is the best promise we can make to the fishermen",
                  (a.article.text.index("This"), a.article.text.index(",”")), speaker_resolved=True, speakers=("ent-lind", "ent-berg"))
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    people = [Entity("ent-lind", "Mara Lind", "PERSON", ("Lind",), ("a", "b")), Entity("ent-berg", "Tomas Berg", "PERSON", ("Berg",), ("a", "b"))]
    texts = [t for t, _ in _run([a, b], facts, [quote], people)]
    assert "“This quay is the best promise we can make to the fishermen,” [Mara Lind and Tomas Berg] said." in texts, texts


def test_brief_headline_is_never_a_time_stamp_nor_shouted() -> None:
    anns = [_annotation("a", US_A), _annotation("b", US_B)]
    facts = [("f1", FactStatus.CORROBORATED, [_claim(anns[0], 0, "c1", "f1"), _claim(anns[1], 0, "c2", "f1")])]
    claims = [c for _, _, cs in facts for c in cs]
    extraction = Extraction((), (), tuple(claims), (), None)
    fact_objs = (Fact("f1", claims[0].text, ("a", "b"), ("c1", "c2"), FactStatus.CORROBORATED, 2),)
    # A page whose title was lost shows when it was updated: the plainest "headline", and no news.
    framing = (Framing("a", "updated 8:41 p.m. EST, Tue March 3, 2009", 0.0, ()),
               Framing("b", "Port Ellis approves container quay", 0.05, ()))
    out = brief(Alignment(extraction, fact_objs, ()), Comparison((), (), framing), anns)
    assert out.headline == "Port Ellis approves container quay"
    # Nor a headline in capitals, while another outlet writes one in small letters.
    shouted = (Framing("a", "PORT ELLIS APPROVES QUAY", 0.0, ()), framing[1])
    assert brief(Alignment(extraction, fact_objs, ()), Comparison((), (), shouted), anns).headline == framing[1].headline
    # Nor a byline an archive put in the title's place.
    byline = (Framing("a", "BYLINE: Ana Ruiz", 0.0, ()), framing[1])
    assert brief(Alignment(extraction, fact_objs, ()), Comparison((), (), byline), anns).headline == framing[1].headline
    # With nothing better, the time stamp is still shown rather than nothing.
    alone = brief(Alignment(extraction, fact_objs, ()), Comparison((), (), framing[:1]), anns)
    assert alone.headline == "updated 8:41 p.m. EST, Tue March 3, 2009"


def test_brief_leaves_out_words_it_cannot_credit() -> None:
    # Quoted words with their speaker named elsewhere in the article: read alone, no one said them.
    bare = ["“The ferry is the town's lifeline and we will fight for it.”",
            "“Nobody on the quay saw the buoy until the ferry struck it, and nobody was hurt."]
    credited = "“The ferry is the town's lifeline,” union head Nadia Orm said."
    sentences = [*bare, credited, "The harbour board approved a new container quay on Monday."]
    a, b = _annotation("a", sentences), _annotation("b", sentences)
    facts = [(f"f{i}", FactStatus.CORROBORATED, [_claim(a, i, f"c{i}a", f"f{i}"), _claim(b, i, f"c{i}b", f"f{i}")]) for i in range(4)]
    texts = [t for t, _ in _run([a, b], facts)]
    assert not any(s in texts for s in bare), texts
    assert credited in texts, texts


def test_brief_a_quotation_whose_sentence_names_no_one_is_headed_by_its_speaker() -> None:
    from storyweave.brief import named_facts

    sentences = ["“The quay is the best promise we can make to the fishermen.",
                 "We will keep it,” Mayor Mara Lind said."]
    a = _annotation("a", sentences, [("Mara Lind", "PERSON", 1)])
    text = a.article.text
    quote = Quote("q1", "a", "ent-lind", "Mara Lind", None, "said", None, text[1 : text.index(",”")], (1, text.index(",”")))
    claims = [_claim(a, 0, "c1", "f1"), _claim(a, 1, "c2", "f2")]
    facts = tuple(Fact(f"f{n}", c.text, ("a",), (c.id,), FactStatus.SINGLE_SOURCE, 1) for n, c in enumerate(claims, 1))
    lind = Entity("ent-lind", "Mara Lind", "PERSON", ("Lind",), ("a",))
    extraction = Extraction((lind,), (quote,), tuple(claims), (), None)
    named = [f.text for f in named_facts(Alignment(extraction, facts, ()), [a])]
    # Listed away from its article, the first sentence would be words no one said; the
    # quotation it opens is closed at its end.
    assert named == ["[Mara Lind:] " + sentences[0] + "”", sentences[1]]
    # Words no quote credits to a named entity stay as written.
    unnamed = Extraction((), (), tuple(claims), (), None)
    assert [f.text for f in named_facts(Alignment(unnamed, facts, ()), [a])] == sentences


def test_brief_a_sentence_amid_a_quotation_of_several_is_headed_by_its_speaker() -> None:
    from storyweave.brief import named_facts

    sentences = ["“The quay is the best promise we can make to the fishermen.",
                 "Nobody will take it away from them.",
                 "We will keep it,” Mayor Mara Lind said.",
                 "The harbour board meets on Monday."]
    a = _annotation("a", sentences, [("Mara Lind", "PERSON", 2)])
    text = a.article.text
    quote = Quote("q1", "a", "ent-lind", "Mara Lind", None, "said", None, text[1 : text.index(",”")], (1, text.index(",”")))
    claims = [_claim(a, i, f"c{i}", f"f{i}") for i in range(4)]
    facts = tuple(Fact(f"f{i}", c.text, ("a",), (c.id,), FactStatus.SINGLE_SOURCE, 1) for i, c in enumerate(claims))
    lind = Entity("ent-lind", "Mara Lind", "PERSON", ("Lind",), ("a",))
    extraction = Extraction((lind,), (quote,), tuple(claims), (), None)
    named = [f.text for f in named_facts(Alignment(extraction, facts, ()), [a])]
    # The middle sentence has no quotation marks: listed alone it would be the outlet's claim,
    # and headed by its speaker without them, a paraphrase.
    assert named == ["[Mara Lind:] " + sentences[0] + "”", f"[Mara Lind:] “{sentences[1]}”", sentences[2], sentences[3]]


def test_brief_a_sentence_closing_a_quotation_opened_before_it_is_headed_with_the_mark_it_lacks() -> None:
    from storyweave.brief import named_facts

    sentences = ["Mayor Mara Lind spoke at the Ellis quay on Monday.",
                 "“The quay is the best promise we can make to the fishermen.",
                 "And we will keep that promise to them.”"]
    a = _annotation("a", sentences, [("Mara Lind", "PERSON", 0)])
    text = a.article.text
    start, end = text.index("“") + 1, text.index(".”") + 1
    quote = Quote("q1", "a", "ent-lind", "Mara Lind", None, "said", None, text[start:end], (start, end))
    claims = [_claim(a, i, f"c{i}", f"f{i}") for i in range(3)]
    facts = tuple(Fact(f"f{i}", c.text, ("a",), (c.id,), FactStatus.SINGLE_SOURCE, 1) for i, c in enumerate(claims))
    lind = Entity("ent-lind", "Mara Lind", "PERSON", ("Lind",), ("a",))
    named = [f.text for f in named_facts(Alignment(Extraction((lind,), (quote,), tuple(claims), (), None), facts, ()), [a])]
    assert named[2] == "[Mara Lind:] “And we will keep that promise to them.”"


def test_brief_a_quotation_closed_before_its_speakers_name_with_no_verb_is_headed() -> None:
    from storyweave.brief import named_facts

    # The outlet dropped the speech verb after the name: the line is still the end of her
    # words, opened in the sentence before.
    sentences = ["“The quay is the best promise we can make to the fishermen.",
                 "We will keep it,” Mayor Mara Lind from the quay steps."]
    a = _annotation("a", sentences, [("Mara Lind", "PERSON", 1)])
    text = a.article.text
    quote = Quote("q1", "a", "ent-lind", "Mara Lind", None, ",", None, text[1 : text.index(",”")], (1, text.index(",”")))
    claims = [_claim(a, i, f"c{i}", f"f{i}") for i in range(2)]
    facts = tuple(Fact(f"f{i}", c.text, ("a",), (c.id,), FactStatus.SINGLE_SOURCE, 1) for i, c in enumerate(claims))
    lind = Entity("ent-lind", "Mara Lind", "PERSON", ("Lind",), ("a",))
    named = [f.text for f in named_facts(Alignment(Extraction((lind,), (quote,), tuple(claims), (), None), facts, ()), [a])]
    assert named[1] == "[Mara Lind:] “We will keep it,” Mayor Mara Lind from the quay steps."
    assert _unattributed_quote(sentences[1], sentences[1])
    # with its speech verb the line says who spoke
    said = "We will keep it,” Mayor Mara Lind said from the quay steps."
    assert not _unattributed_quote(said, said)


def test_brief_does_not_head_a_typewriter_quotation_whose_line_says_who_spoke() -> None:
    from storyweave.brief import named_facts

    # News archives write quotation marks as two apostrophes.
    line = "''The quay is the best promise we can make to the fishermen,'' Mayor Mara Lind said."
    a = _annotation("a", [line], [("Mara Lind", "PERSON", 0)])
    quote = Quote("q1", "a", "ent-lind", "Mara Lind", None, "said", None, line[2:line.index(",''")], (2, line.index(",''")))
    claims = [_claim(a, 0, "c1", "f1")]
    facts = (Fact("f1", line, ("a",), ("c1",), FactStatus.SINGLE_SOURCE, 1),)
    lind = Entity("ent-lind", "Mara Lind", "PERSON", ("Lind",), ("a",))
    extraction = Extraction((lind,), (quote,), tuple(claims), (), None)
    assert [f.text for f in named_facts(Alignment(extraction, facts, ()), [a])] == [line]


def test_brief_does_not_head_a_quotation_whose_line_says_who_spoke() -> None:
    from storyweave.brief import named_facts

    # Its marks garbled, the line still says whom the Post quoted: a heading with the
    # speaker a quote elsewhere was credited to could only contradict it.
    line = "\"The crew just ran to the boats so fast, “the Vell Post quoted deckhand Ivo Brand as saying."
    a = _annotation("a", [line], [("Ivo Brand", "PERSON", 0)])
    quote = Quote("q1", "a", "ent-post", "the Vell Post", None, "quoted", None, line[1:-1], (1, len(line) - 1))
    claims = [_claim(a, 0, "c1", "f1")]
    facts = (Fact("f1", line, ("a",), ("c1",), FactStatus.SINGLE_SOURCE, 1),)
    post = Entity("ent-post", "the Vell Post", "ORG", (), ("a",))
    extraction = Extraction((post,), (quote,), tuple(claims), (), None)
    assert [f.text for f in named_facts(Alignment(extraction, facts, ()), [a])] == [line]


def test_brief_cuts_only_an_aside_that_ends_the_sentence() -> None:
    from storyweave.brief import _cuts

    trailing = "The harbour board approved a new container quay for Port Ellis, ending a decade of delays."
    assert _cuts(trailing)[1:] == ["The harbour board approved a new container quay for Port Ellis."]
    # The verb comes after the aside: cut there, the sentence would have none.
    inside = "The trial of the ferry captain accused of sinking three boats, wrecking two of them, starts Monday."
    assert _cuts(inside) == [inside]


def test_brief_leaves_out_a_sentence_that_answers_one_it_does_not_have() -> None:
    a = _annotation("a", ["The storm hit Port Ellis on Monday.", "Instead, the ferry stayed in the harbour all week."])
    b = _annotation("b", ["The storm hit Port Ellis on Monday.", "Instead, the ferry stayed in the harbour all week."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert texts and not any(t.startswith("Instead") for t in texts), texts


def test_brief_leaves_out_a_part_of_a_pronouns_things() -> None:
    line = "Of his nine goals this season, six came in home games."
    a = _annotation("a", ["The Ellis Rovers won the cup on Sunday.", line])
    b = _annotation("b", ["The Ellis Rovers won the cup on Sunday.", line])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    assert [t for t, _ in _run([a, b], facts)] == ["The Ellis Rovers won the cup on Sunday."]


def test_brief_leaves_out_a_time_or_things_told_by_the_sentence_before() -> None:
    for line in ["That same year she sold the ferry to a firm in Tamsk.", "Later that year, Ida Roos sold the ferry to a firm in Tamsk.",
                 "Other shops on the quay lost their windows.", "That was the worst damage to the quay in forty years.",
                 "That's more than the harbour board can pay for.",
                 # "that" after a preposition points at a thing of the sentence before
                 "No one was hurt in that fire.", "The cause of that blaze is not known.",
                 # "Yet" opens an answer to the sentence before, as "But" does
                 "Yet the ferry left the quay on time."]:
        a = _annotation("a", ["A storm hit the Ellis quay on Sunday.", line])
        b = _annotation("b", ["A storm hit the Ellis quay on Sunday.", line])
        facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
                 ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
        assert [t for t, _ in _run([a, b], facts)] == ["A storm hit the Ellis quay on Sunday."], line


def test_brief_leaves_out_a_date_stamp_glued_before_a_sentence() -> None:
    # A page's stamp the extraction glued to its first sentence is no part of what it says.
    a = _annotation("a", ["Published at 09:15, Friday, 3 May 2024 A ferry ran aground off Kessby Point.",
                          "The harbour master said all forty passengers were brought ashore."])
    b = _annotation("b", ["Updated 7:40 p.m. May 3, 2024 A ferry ran aground off Kessby Point on Friday.",
                          "All forty passengers were brought ashore, the harbour master said."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert "A ferry ran aground off Kessby Point." in texts, texts
    assert not any("2024" in t for t in texts), texts
    # A day written in figures, and two time zones, are a stamp's too.
    from storyweave.extract.dates import leading_stamp_end

    for stamp in ("05/03/24 07:40 PM ET EDT ", "7:40 PM PDT 5/3/2024 "):
        assert leading_stamp_end(stamp + "A ferry ran aground off Kessby Point.") == len(stamp), stamp
    assert leading_stamp_end("Nov. 3, 2024 US officials said a ferry ran aground.") == len("Nov. 3, 2024 ")
    # The sentence after the stamp is a unit of the article's sentence, so the citation stands.
    assert "A ferry ran aground off Kessby Point." in statement_units(a.sentences[0].text)
    # The corroborated facts are listed without it too.
    claims = [c for _, _, cs in facts for c in cs]
    fact = Fact("f1", claims[0].text, ("a", "b"), ("c1", "c2"), FactStatus.CORROBORATED, 2)
    listed = named_facts(Alignment(Extraction((), (), tuple(claims), (), None), (fact,), ()), [a, b])
    assert listed[0].text == "A ferry ran aground off Kessby Point."


def test_brief_leaves_out_the_end_of_a_quotation_begun_in_the_sentence_before() -> None:
    end = "There was smoke everywhere,' said Ada Lenk, who was hurt along with a boy nearby, the Kessby Post reported."
    a = _annotation("a", ["'I ran for the door.", end, "A fire broke out at the Kessby ferry terminal on Monday."])
    b = _annotation("b", [end, "A fire broke out at the Kessby ferry terminal on Monday night."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 1, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 2, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert texts and not any("smoke" in t for t in texts), texts


def test_brief_leaves_out_the_last_sentence_of_a_quotation_run_over_several() -> None:
    # The closing mark says whose words these are; no one is named in the sentence.
    end = "Not only had the harbour master begun the inquiry, but he appeared to have found the leak.”"
    opening = "“The memo was a fine cover for the harbour master, Ada Lenk wrote."
    a = _annotation("a", [opening, end, "A fire broke out at the Kessby ferry terminal on Monday."])
    b = _annotation("b", [opening, end, "A fire broke out at the Kessby ferry terminal on Monday night."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 1, "c1", "f1"), _claim(b, 1, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 2, "c3", "f2"), _claim(b, 2, "c4", "f2")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert texts and not any("leak" in t for t in texts), texts
    # A closing single mark may be an apostrophe ("the Joneses’."): the sentence stays.
    assert not _unattributed_quote("The fire started in the kitchen of the Joneses’.", "The fire started in the kitchen of the Joneses’.")
    # Two apostrophes typed for a closing double mark close the quotation just the same.
    typed = "The memo was a fine cover for the harbour master, they said. ''"
    assert _unattributed_quote(typed, typed)
    assert not _unattributed_quote("The fire started in the kitchen of the Joneses'.", "The fire started in the kitchen of the Joneses'.")


def test_brief_benchmark_reads_ecbplus_tokens_as_they_were_written():
    import sys
    from pathlib import Path

    sys.path.append(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from ecbplus_data import as_written

    def written(text: str) -> str:
        return as_written(text.split())

    # A lost negation, a figure read as 4, a sentence ended at "p .": what the corpus's
    # spacing made of these read as other facts.
    assert written("Lenk couldn ’ t attend , she said .") == "Lenk couldn’t attend, she said."
    assert written("Sales rose 5 . 4 per cent by 3 : 45 p . m . Friday .") == "Sales rose 5.4 per cent by 3:45 p.m. Friday."
    assert written("The U . S . firm , TMZ . com reported on 10 / 25 / 11 .") == "The U.S. firm, TMZ.com reported on 10/25/11."
    assert written("She fired a . 357 Magnum .") == "She fired a .357 Magnum."
    assert written("Gems worth £35 , 000 went from Cap d ’ Antibes .") == "Gems worth £35,000 went from Cap d’Antibes."
    assert written("`` We did n't know , '' Kim ’ s aide said .") == "“We didn't know,” Kim’s aide said."
    # Straight quotation marks take their side, also when a quotation runs on into the next line.
    assert written('He said " no " , then : " We will go .') == "He said “no”, then: “We will go."
    assert written('Nothing will change . " The parents ’ group agreed .') == "Nothing will change.” The parents’ group agreed."
    # A mark the tokeniser left glued to its word keeps its side, and the marks after it theirs.
    assert written('They chanted "HARBOUR now " , then : " We stay ! "') == "They chanted “HARBOUR now”, then: “We stay!”"


def test_brief_tells_an_event_once_though_a_line_adds_detail() -> None:
    # The statement judge scores these apart, each adding its own detail; the reader sees
    # the alarm told twice.
    short = "The alarm was raised after a night guard noticed smoke coming from the depot roof."
    long = ("Fire crews and police officers were called to the Quay Street depot shortly before 9pm on Friday "
            "after a night guard noticed smoke coming from the depot roof.")
    a = _annotation("a", [short, "Work on the quay starts in May."])
    b = _annotation("b", ["The alarm was raised after a night guard noticed smoke coming from the depot roof.",
                          "The harbour board will meet on Monday."])
    c = _annotation("c", [long, "The depot had stood empty for a year."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.SINGLE_SOURCE, [_claim(c, 0, "c3", "f2")]),
             ("f3", FactStatus.SINGLE_SOURCE, [_claim(c, 1, "c4", "f3")])]
    texts = [t for t, _ in _run([a, b, c], facts)]
    assert short in texts and long not in texts


def test_brief_a_line_repeating_another_only_in_a_description_is_kept() -> None:
    from storyweave.brief.retold import repeats

    # The repeated words describe the changes; the line tells their repeal.
    assert not repeats("Today the minister rescinded late changes to harbour rules that allowed port boards to decide "
                       "for themselves if their own quays would harm the marsh.",
                       "The move allowed port boards to decide for themselves if their own quays would harm the marsh.")
    assert repeats("Crews were called to the depot shortly before 9pm after a night guard noticed smoke coming from the depot roof.",
                   "The alarm was raised after a night guard noticed smoke coming from the depot roof.")


def test_brief_tells_the_figure_far_more_sources_give_and_only_then() -> None:
    told = "Rescuers found the skipper, Edda Vik, 52, alive on the reef on Sunday."
    other = "Rescuers found the skipper, Edda Vik, 57, alive on the reef on Sunday."
    majority = [_annotation(aid, [told]) for aid in "abc"]
    dissent = _annotation("d", [other])

    def brief_of(anns: list[Annotation]) -> list[tuple[str, tuple[str, ...]]]:
        claims = [_claim(ann, 0, f"c{n}", "f1") for n, ann in enumerate(anns)]
        disc = Discrepancy("d1", DiscrepancyKind.NUMBER, "52 / 57", tuple(
            DiscrepancyItem(ann.article.id, ann.sentences[0].text, ann.sentences[0].span, "57" if ann is dissent else "52")
            for ann in anns))
        return _run(anns, [("f1", FactStatus.CONTESTED, claims)], discrepancies=[disc])

    # three independent sources against one: the line is told, cited to the three alone
    assert brief_of(majority + [dissent]) == [(told, ("a", "b", "c"))]
    # two against one (an early figure and a later one) stay in dispute: no line tells either
    assert brief_of(majority[:2] + [dissent]) == []


def test_brief_tells_once_what_one_named_person_did() -> None:
    from storyweave.brief.retold import same_event

    # Each line adds its own details; the statement judge scores them apart, yet both tell
    # one death.
    assert same_event("Harbour police said Mira Calloway had drowned late on Friday night.",
                      "Mira Calloway, 48, drowned in the canal on Friday evening after she is thought to have slipped on the ice.")
    assert same_event("Tomas Verlaine, the ferry pilot who steered the Vell crossing for thirty years, has died.",
                      "Verlaine, whose boat rescued a crew of nine in the storm of 1988, died on Sunday at home.")
    told = "Tomas Verlaine, the ferry pilot who steered the Vell crossing for thirty years, has died."
    retold = "Verlaine, whose boat rescued a crew of nine in the storm of 1988, died on Sunday at home."
    a = _annotation("a", [told, "The harbour board will meet on Monday."])
    b = _annotation("b", [told, "Work on the quay starts in May."])
    c = _annotation("c", [retold, "The depot had stood empty for a year."])
    for status, kept in ((FactStatus.SINGLE_SOURCE, False), (FactStatus.CORROBORATED, True)):
        facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
                 ("f2", status, [_claim(c, 0, "c3", "f2")])]
        texts = [t for t, _ in _run([a, b, c], facts)]
        # One outlet's retelling is a repeat; a fact align found corroborated stays its own.
        assert told in texts and (retold in texts) == kept, (status, texts)


def test_brief_tells_once_a_corroborated_deed_told_in_one_setting() -> None:
    from storyweave.brief.retold import same_event_and_setting

    # Two facts align keeps apart, one death in one place: the reader sees it told twice.
    told = "Ivo Brand, who ran the Vell ferry line for twenty years, died at the harbour hospital in Tamsk, his family said."
    retold = "Ivo Brand, the founder of the Vell ferry line, died on Sunday in the harbour hospital."
    assert same_event_and_setting(retold, told)
    # Another place, or none named, is no such sign: the facts may be two.
    assert not same_event_and_setting("Ivo Brand died on Sunday in his sleep.", told)
    assert not same_event_and_setting("Ivo Brand died on Sunday.", told)
    anns = [_annotation(aid, [told, "The harbour board will meet on Monday."]) for aid in "abc"]
    others = [_annotation(aid, [retold, "Work on the quay starts in May."]) for aid in "de"]
    facts = [("f1", FactStatus.CORROBORATED, [_claim(ann, 0, f"c{n}", "f1") for n, ann in enumerate(anns)]),
             ("f2", FactStatus.CORROBORATED, [_claim(ann, 0, f"d{n}", "f2") for n, ann in enumerate(others)])]
    texts = [t for t, _ in _run(anns + others, facts)]
    assert (told in texts) != (retold in texts), texts


def test_brief_keeps_other_deeds_of_one_named_person() -> None:
    from storyweave.brief.retold import same_event

    # Another object, another time, other figures, or a denial: other facts.
    assert not same_event("The Hawkins Group hired Ana Ruiz as its new pilot.", "The Hawkins Group hired Ian Holm as harbour master.")
    assert not same_event("Calloway will miss the last two races of the season.", "Calloway missed four races earlier this season.")
    assert not same_event("Calloway missed two races in May.", "Calloway missed four races in June.")
    assert not same_event("Calloway did not sign the lease.", "Calloway signed the lease on Monday.")
    assert not same_event("Calloway checked into a clinic near the port.", "Calloway checked into the Lark Centre in Vell.")


def test_brief_keeps_contests_won_in_other_places() -> None:
    from storyweave.brief.retold import same_deed, same_event

    # Session 40: a contest named by its place is another contest than those won elsewhere;
    # the same place told two ways, or an arrest placed two ways, may be one deed.
    one = "Ada Roos won the Tamsk council primary, the wire service declared on Thursday."
    other = "Ada Roos won the council primaries in Lusk, Orsk and Vell, widening her lead."
    assert not same_event(one, other) and not same_deed(one, other)
    assert same_event("Ada Roos won the Tamsk council primary on Tuesday.", "Ada Roos won the council primary in Tamsk.")
    assert same_deed("Harbour police arrested Ivo Brand in Orsk on Monday.",
                     "Harbour police arrested Ivo Brand at his home in Tamsk.")


def test_brief_tells_once_a_deed_whose_doer_is_described() -> None:
    from storyweave.brief.retold import same_deed

    # The doer described, not named: the head word of the description stands in the
    # other subject, with the names it gives.
    assert same_deed("A Tamsk jury has handed down a guilty verdict for Oren Vass.",
                     "A jury returned a guilty verdict for Oren Vass on Friday.")
    assert same_deed("The wardens of Orsk and Vell have signed a pact to dredge the shared canal.",
                     "Vell Warden Ana Ruiz and her Orsk counterpart Ian Holm put their names to a plan for the shared canal.")
    assert same_deed("Three masked men drove a van into a bakery in Orsk on Sunday.",
                     "The three men drove their van into the bakery just after dawn.")
    assert same_deed("The old ferry pilot passed away in Tamsk on Sunday.", "The pilot died on Sunday in Tamsk.")
    # A named doer known by a shorter name: the same deed.
    assert same_deed("Vass, 52, escaped from a prison van.", "Harbour pilot Oren Vass escaped on Monday.")
    told = "A Tamsk jury has handed down a guilty verdict for Oren Vass."
    retold = "A jury returned a guilty verdict for Oren Vass on Friday."
    a = _annotation("a", [told, "The harbour board will meet on Monday."])
    b = _annotation("b", [told, "Work on the quay starts in May."])
    c = _annotation("c", [retold, "The depot had stood empty for a year."])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.SINGLE_SOURCE, [_claim(c, 0, "c3", "f2")])]
    texts = [t for t, _ in _run([a, b, c], facts)]
    assert told in texts and retold not in texts, texts


def test_brief_knows_a_described_doer_by_what_the_story_calls_the_named_one() -> None:
    from storyweave.brief.retold import same_deed, story_descriptions
    from storyweave.nlp import load_nlp

    def parsed_annotation(aid: str, text: str) -> Annotation:
        article = Article(id=aid, source=aid, location=aid, title=f"Title {aid}", text=text)
        return Annotation(article, (Sentence(text, (0, len(text)), "0"),), (), None, load_nlp()(text))

    told = "Marta Lind, the ferry pilot, has died."
    retold = "The star of the harbour regatta films passed away in Tamsk on Thursday."
    story = [parsed_annotation("a", "Lind was the star of the harbour regatta films."), parsed_annotation("b", told)]
    known = story_descriptions(story)
    assert known["star"] == {"lind"}
    assert same_deed(retold, told, known)
    # Without what the story says of Lind, "the star" may be anyone.
    assert not same_deed(retold, told)
    # A noun the story gives to two people names neither.
    both = story + [parsed_annotation("c", "Ivo Brand was the star of the first regatta film.")]
    assert not same_deed(retold, told, story_descriptions(both))


def test_brief_keeps_other_deeds_of_a_described_doer() -> None:
    from storyweave.brief.retold import same_deed

    # Another party, figure, verb, time or place: other deeds.
    assert not same_deed("Two men drove a van into a bakery in Orsk.", "Three men drove a van into a bakery in Orsk.")
    assert not same_deed("Thieves drove a van into a bakery in Orsk.", "Three men drove a van into a bakery in Orsk.")
    assert not same_deed("A jury acquitted the harbour pilot.", "A jury returned a guilty verdict for the harbour pilot.")
    assert not same_deed("In 2019, the champion beat Ivo Brand in the ninth round.",
                         "The champion beat Ivo Brand in the fourth round on Saturday night.")
    assert not same_deed("The council approved the plan on Monday.", "The council rejected the plan on Monday.")
    assert not same_deed("The pilot was taken to a clinic in Orsk.", "The pilot was taken to the Lark Centre in Vell.")
    assert not same_deed("He drove a van into a bakery.", "Three men drove a van into a bakery.")


def test_brief_leaves_out_a_line_opening_on_the_writers_stance() -> None:
    kept = "Remarkably few ferries sail in winter."
    for line, wanted in (("Oddly, both ferries on the Vell crossing were named Marta.", False),
                         ("Incredibly, the pilot steered the ferry home without a rudder.", False), (kept, True)):
        a = _annotation("a", ["A storm hit the Ellis quay on Sunday.", line])
        b = _annotation("b", ["A storm hit the Ellis quay on Sunday.", line])
        facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
                 ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
        assert (line in [t for t, _ in _run([a, b], facts)]) == wanted, line


def test_brief_leaves_out_a_quotation_opened_and_never_closed() -> None:
    line = "“The “Harbour Lights” star sold her house in Tamsk, then bought a ferry."
    a = _annotation("a", ["A storm hit the Ellis quay on Sunday.", line])
    b = _annotation("b", ["A storm hit the Ellis quay on Sunday.", line])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    assert [t for t, _ in _run([a, b], facts)] == ["A storm hit the Ellis quay on Sunday."]


CANAL_NAMED = "Orsk Warden Ana Ruiz and her Vell counterpart Ian Holm put their names on Monday to a plan for a lock on the shared canal."
CANAL_DESCRIBED = "The wardens of Orsk and Vell have signed an agreement to build a lock on the shared canal."


def _canal_story(reprinted: bool) -> tuple[list[Annotation], list[tuple[str, FactStatus, list[Claim]]], list[ProvenanceLink]]:
    # One signing told twice: a corroborated fact whose wording only its own outlet prints,
    # and one outlet's plainer opening, reprinted or not by a second article.
    a = _annotation("a", [CANAL_NAMED, "The canal board will meet on Friday."])
    b = _annotation("b", ["Both towns will share what the new lock costs.", "Dredging starts in June."])
    c = _annotation("c", [CANAL_DESCRIBED, "Barges wait for weeks at the old lock."])
    d = _annotation("d", [CANAL_DESCRIBED, "Barges wait for weeks at the old lock."])
    described = [_claim(c, 0, "c3", "f2")] + ([_claim(d, 0, "c4", "f2")] if reprinted else [])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.SINGLE_SOURCE, described)]
    links = [ProvenanceLink("c", "d", "copy", 1.0, 2)] if reprinted else []
    return [a, b, c] + ([d] if reprinted else []), facts, links


def test_brief_tells_one_deed_in_the_wording_more_articles_cite() -> None:
    anns, facts, links = _canal_story(reprinted=True)
    out = dict(_run(anns, facts, provenance=links))
    # One independent source each; the reader can check the plainer line in two articles.
    assert out.get(CANAL_DESCRIBED) == ("c", "d") and CANAL_NAMED not in out, out


def test_brief_keeps_the_first_wording_of_one_deed_when_citations_tie() -> None:
    # Without the reprint each line has one source and one article: no reason to swap.
    out = dict(_run(*_canal_story(reprinted=False)[:2]))
    assert out.get(CANAL_NAMED) == ("a",) and CANAL_DESCRIBED not in out, out


def test_brief_tells_a_running_storys_openings_in_the_order_the_news_came() -> None:
    from dataclasses import replace

    openings = {"2025-03-03": "The harbour board of Port Ellis voted on Monday to study a new container quay.",
                "2025-03-05": "Hundreds of dockers marched through the old town on Wednesday, chanting and waving flags.",
                "2025-03-07": "Mayor Ida Varga resigned on Friday after a week of protests."}
    anns = [_annotation(aid, [text, "Its offices stand by the old pier."])
            for aid, text in zip("zyx", openings.values())]
    anns = [replace(a, article=replace(a.article, published=f"{day}T09:00:00+00:00")) for a, day in zip(anns, openings)]
    # Fact ids run against the days, so the days must decide.
    facts = [(f"f{9 - n}", FactStatus.SINGLE_SOURCE, [_claim(a, 0, f"c{n}", f"f{9 - n}")]) for n, a in enumerate(anns)]
    texts = [t for t, _ in _run(anns, facts)]
    assert [t for t in texts if t in openings.values()] == list(openings.values())
    # What was written before the event's day (a preview, background) comes after the news.
    texts = [t for t, _ in _run(anns, facts, event_date="2025-03-05")]
    assert [t for t in texts if t in openings.values()] == [*list(openings.values())[1:], openings["2025-03-03"]]


def _told_by_both(person: Entity, sentences: list[str], others: Sequence[Entity] = ()) -> list[str]:
    """The brief of two articles that each tell every one of ``sentences``, the story knowing ``person`` (and ``others``)."""
    anns = [_annotation(aid, sentences) for aid in "ab"]
    facts = [(f"f{n}", FactStatus.CORROBORATED, [_claim(ann, n, f"c{n}{ann.article.id}", f"f{n}") for ann in anns])
             for n in range(len(sentences))]
    return [t for t, _ in _run(anns, facts, entities=[person, *others])]


def _told(line: str) -> bool:
    a = _annotation("a", ["A storm hit the Ellis quay on Sunday.", line])
    b = _annotation("b", ["A storm hit the Ellis quay on Sunday.", line])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    return line in [t for t, _ in _run([a, b], facts)]


def test_brief_leaves_out_the_outlets_judgement_of_a_person() -> None:
    # Session 30: words that condemn or mock whom they describe are the outlet's, not news.
    assert not _told("The brash harbour master closed the Ellis quay on Monday.")
    assert not _told("The harbour master fired back with a statement on Monday.")
    assert not _told("The harbour master railed against the council at a meeting on Monday.")
    assert _told("The harbour master closed the Ellis quay on Monday.")


def test_brief_leaves_out_the_outlets_verdict_advice_and_guesses() -> None:
    assert not _told("The harbour master had a rough day on Monday.")
    assert not _told("Monday was a very good night for the harbour master.")
    assert not _told("“We will rebuild,” the harbour master said calmly after the storm.")
    assert not _told("The harbour master should resign before the vote on Friday.")
    assert not _told("The quay will almost certainly stay closed until the spring.")
    assert not _told("The harbour master appeared closer to closing the quay for good.")
    # Said by someone, the advice or the guess is theirs, and news.
    assert _told("The council said the harbour master should resign before the vote on Friday.")
    assert _told("“We will rebuild,” the harbour master said on Monday after the storm.")
    assert _told("The harbour master must pay a fine, the court ruled on Monday.")


def test_brief_leaves_out_a_caption_whose_verb_is_below_its_participle() -> None:
    assert not _told("Mara Lind saying she was “very pleased” and Tomas Berg calling it “a good day.”")
    assert _told("Mara Lind said she was “very pleased” with the new quay.")


def test_brief_tells_once_a_deed_told_with_another_verb_in_one_place() -> None:
    from storyweave.brief.retold import same_deed_in_other_words

    # Session 31: one night's win told with three verbs by one outlet and another; each adds
    # its own words, and the statement judge reads "won" and "captured" no closer than "lost".
    won = "Ada Roos has won another council race, this time in Bavaria."
    captured = "Ada Roos has captured Bavaria and her home region of Saxony."
    beat = "Ada Roos beat her rivals in Bavaria."
    assert same_deed_in_other_words(captured, won) and same_deed_in_other_words(beat, captured)
    # a lead in the polls is no win
    assert not same_deed_in_other_words("Ada Roos topped the polls in Bavaria.", won)
    # Another deed, place or doer: two lines.
    assert not same_deed_in_other_words("Ada Roos campaigned in Bavaria.", won)
    assert not same_deed_in_other_words("Ada Roos lost Bavaria.", captured)
    assert not same_deed_in_other_words("Ada Roos has captured Saxony.", won)
    assert not same_deed_in_other_words("Ian Holm has captured Bavaria.", won)
    a = _annotation("a", [won, captured])
    b = _annotation("b", [won, captured])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert (won in texts) != (captured in texts), texts


def test_brief_leaves_out_a_line_told_against_the_one_before() -> None:
    # Session 31: a connective, a step of a sequence, a time counted from a day told before or
    # a question put before: read alone, the line answers nothing the brief has.
    assert not _told("For her part, the harbour master closed the Ellis quay on Monday.")
    assert not _told("In fact, the harbour master is not even in Tamsk this week.")
    assert not _told("First her deputy resigned after the council published the report.")
    assert not _told("A month later, the harbour master closed the Ellis quay.")
    assert not _told("Asked about it after the meeting, the harbour master said the quay was safe.")
    assert not _told("The harbour master instead closed the Ellis quay for a week.")
    assert not _told("The harbour master closed the Ellis quay the next morning.")
    # Told inside a clause of its own, or a title, the word answers that clause.
    assert _told("The harbour master has struggled to keep the quay open, instead closing it twice this year.")
    assert _told("The harbour master questioned a crew about a fire that had broken out the previous day.")
    assert _told("First Mate Ana Ruiz closed the Ellis quay on Monday.")


def test_brief_leaves_out_the_outlets_verdict_on_what_an_event_means() -> None:
    # Session 31: what an event does for someone, how much it matters, a forecast: the outlet's.
    assert not _told("The ruling was a setback for the harbour master.")
    assert not _told("The hearing comes with high stakes for the harbour master.")
    assert not _told("The closure is notable because the quay had never closed before.")
    assert not _told("Now comes the real test for the harbour master.")
    assert not _told("The harbour master is poised to close the Ellis quay for good.")
    assert not _told("Maybe the old rules of the harbour still apply.")
    assert not _told("Apparently the harbour also has a night curfew.")
    # A speech verb's word that no one speaks puts nothing in anyone's mouth …
    assert not _told("The storm will almost certainly force the harbour master to acknowledge the damage.")
    assert not _told("The ruling was a setback for the harbour master, whose lawyers argued the quay was safe.")
    # … while said by someone, the verdict or the guess is theirs, and news.
    assert _told("The mayor said the ruling was a setback for the harbour master.")
    assert _told("The quay will almost certainly stay closed, the harbour master said on Monday.")


def test_brief_line_is_cited_by_the_sentences_that_state_it_and_no_others() -> None:
    from storyweave.brief.support import supported_by_any, supports
    line = "The harbour board approved a new sea wall for Port Halvern on Monday."
    said = ["Port Halvern's harbour board approved a new sea wall on Monday.",
            "The harbour board rejected a new sea wall for Port Halvern on Monday.",
            "Fishermen in Port Halvern say the winter was the worst in years."]
    assert [supports(line, s) for s in said] == [True, False, False]
    assert supported_by_any(line, said) and not supported_by_any(line, said[1:])
    # the word test comes first, and a sentence that is the line itself needs no other test
    assert supported_by_any("[Varga] signed it.", ["Varga signed it."])


def test_sentences_parsed_ahead_in_a_batch_read_as_when_parsed_alone() -> None:
    from storyweave.nlp import forget_parses, load_nlp, parse_ahead, parsed

    lines = ["The ferry left Orsk at dawn with 40 passengers.", "Brennick said the council would vote on Friday.",
             "Police closed the quay after the storm, officials said.", "Varga, 52, was charged on Tuesday."]
    forget_parses()
    parse_ahead(lines)
    alone = [load_nlp()(line) for line in lines]
    reading = lambda doc: [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc]  # noqa: E731
    assert [reading(parsed(line)) for line in lines] == [reading(doc) for doc in alone]
    assert all(parsed(line) is parsed(line) for line in lines)  # remembered, not parsed again


def test_brief_does_not_open_with_a_quotation() -> None:
    plea = "“We ask that the family's privacy be respected at this time,” her agent said."
    news = "The singer Ilse Marwood checked into a clinic in Orsk on Tuesday."
    anns = [_annotation(aid, [plea, news, "The clinic treats about forty patients."]) for aid in "abc"]
    anns.append(_annotation("d", [news, "Her tour was put off."]))
    facts = [("f1", FactStatus.CORROBORATED, [_claim(ann, 0, f"q{n}", "f1") for n, ann in enumerate(anns[:3])]),
             ("f2", FactStatus.CORROBORATED, [_claim(ann, 1 if ann is not anns[3] else 0, f"n{n}", "f2")
                                              for n, ann in enumerate(anns)])]
    texts = [t for t, _ in _run(anns, facts)]
    # the agent's plea is told by three outlets and opens the articles, but the news goes first
    assert texts[0] == news and any(t.startswith("“We ask") for t in texts[1:])


def test_brief_line_kinds_a_quotation_and_a_news_line() -> None:
    from storyweave.brief.order import is_quotation

    assert is_quotation("“We will not stop,” the mayor said.")
    assert is_quotation("[Ilse Marwood:] “I am grateful to everyone.")
    assert not is_quotation("The mayor called the plan “a betrayal” on Monday and left the hall.")
    assert not is_quotation("Harbour police said Mira Calloway had drowned.")


def test_brief_dates_a_yesterday_by_the_day_its_article_was_written() -> None:
    from storyweave.model import Article
    from storyweave.pipeline import analyze_articles

    death = "The singer Ilse Marwood died late yesterday in a hospital in Orsk, her agent said."
    texts = {"a": f"{death} She had suffered a heart attack a week before. “She sang until the end today,” her agent said.",
             "b": f"{death} Marwood had suffered a heart attack a week before."}

    def brief_lines(published: str | None) -> list[str]:
        articles = [Article(id=aid, source=aid, location=aid, title="Singer Ilse Marwood dies at 71", text=text,
                            published=published) for aid, text in texts.items()]
        return [s["text"] for story in analyze_articles(articles)["stories"] for s in story["brief"]["sentences"]]

    lines = brief_lines("2008-12-12T10:00:00")
    assert "The singer Ilse Marwood died late yesterday [11 December 2008] in a hospital in Orsk, her agent said." in lines
    assert not any("today [" in line for line in lines)  # a speaker's "today" stays theirs
    # with no publication date the day is not known, and no day is guessed
    assert death in brief_lines(None)


def test_brief_a_day_added_in_brackets_is_no_word_of_the_source() -> None:
    assert plain("Marwood died late yesterday [11 December 2008] in Orsk, [her agent] said.") == \
        "Marwood died late yesterday in Orsk, her agent said."


def test_brief_names_a_pronoun_after_an_opening_phrase_or_leaves_the_line_out() -> None:
    first = "Edda Vik was the harbour master of Orsk for twenty years."
    after = "As head of the port board, she fought the plan to fill the old dock."
    named = "While Ivo Brand was away, he lost his seat on the board."

    def lines(sentences: list[str], mentions: list[tuple[str, str, int]]) -> list[str]:
        a = _annotation("a", sentences, mentions)
        facts = [(f"f{n}", FactStatus.CORROBORATED, [_claim(a, n, f"c{n}", f"f{n}")]) for n in range(len(sentences))]
        return [t for t, _ in _run([a], facts)]

    assert "As head of the port board, [Edda Vik] fought the plan to fill the old dock." in \
        lines([first, after], [("Edda Vik", "PERSON", 0)])
    # no one the "she" can stand for in the sentence before: the line needs it, and is left out
    assert not any("fought the plan" in t for t in lines(["Crowds gathered at the quay.", after], []))
    # a phrase naming the person tells who "he" is
    assert named in lines(["Crowds gathered at the quay.", named], [("Ivo Brand", "PERSON", 1)])
    # a man in the sentence before is not who "she" stands for, nor is a phrase's "he" hers
    man = "Ivo Brand, 52, was the harbour master of Orsk for twenty years, he said."
    assert not any("fought the plan" in t for t in lines([man, after], [("Ivo Brand", "PERSON", 0)]))
    answered = "After he gave her an answer about the dock, she said he had her vote."
    assert not any("had her vote" in t for t in lines([first, answered], [("Edda Vik", "PERSON", 0)]))


def test_brief_leaves_out_an_event_told_as_the_doer_of_a_change_to_a_race() -> None:
    # Session 33: what an event did to a contest or a standing, said for no one, is the outlet's reading.
    assert not _told("The flood at the Ellis quay reframed the race for harbour master on Monday.")
    assert not _told("The storm's damage to the quay has laid bare the harbour master's old quarrels with the board.")
    assert not _told("Ada Roos's win in Tamsk reclaimed control of the race for the council.")
    assert not _told("The focus on the storm has created a natural opening for Ada Roos to talk about the quay.")
    # A body or a person does a deed, and what someone says an event did is their view.
    assert _told("The harbour party reclaimed control of the Tamsk council on Monday.")
    assert _told("Ada Roos said the flood at the Ellis quay reframed the race for harbour master.")
    assert _told("The collapse of the old sea wall flooded the harbour master's office on Monday.")


def test_brief_leaves_out_a_heated_verb_for_criticism() -> None:
    assert not _told("Ada Roos ripped Harbour Master Ian Holm for closing the Ellis quay on Monday.")
    assert not _told("Ada Roos tore into Ian Holm over the closing of the Ellis quay.")
    assert not _told("The harbour master joined the jingoistic call to close the Ellis quay to foreign ships.")
    # the storm's deed is no one's words
    assert _told("The collapse of the sea wall ripped the roof off the Harbour Office for good on Monday.")


def test_brief_does_not_open_with_a_guess_at_what_will_happen() -> None:
    guess = "Ian Holm will back Ada Roos before the council vote, predicted Ivo Brand, a former mayor of Tamsk."
    news = "Ada Roos won the Tamsk council primary on Tuesday with 61 percent of the vote."
    anns = [_annotation(aid, [guess, news, "The vote was the third of the year."]) for aid in "abc"]
    anns.append(_annotation("d", [news, "Turnout was low."]))
    facts = [("f1", FactStatus.CORROBORATED, [_claim(ann, 0, f"g{n}", "f1") for n, ann in enumerate(anns[:3])]),
             ("f2", FactStatus.CORROBORATED, [_claim(ann, 1 if ann is not anns[3] else 0, f"n{n}", "f2")
                                              for n, ann in enumerate(anns)])]
    texts = [t for t, _ in _run(anns, facts)]
    # the guess opens three articles, but the result goes first; the guess stays in the brief
    assert texts[0] == news and guess in texts[1:]
    from storyweave.brief.order import is_forecast
    # what officials announce will happen is news
    assert not is_forecast("Ada Roos will meet Ian Holm on Friday, council officials said Wednesday.")
    assert not is_forecast("The quay, which officials expect will open in May, was finished on Monday.")


def _lines_after(sentences: list[str], mentions: list[tuple[str, str, int]], entities: list[Entity] = ()) -> list[str]:
    from dataclasses import replace

    from storyweave.nlp import load_nlp

    a = _annotation("a", sentences, mentions)
    a = replace(a, doc=load_nlp()(a.article.text))
    facts = [(f"f{n}", FactStatus.CORROBORATED, [_claim(a, n, f"c{n}", f"f{n}")]) for n in range(len(sentences))]
    return [t for t, _ in _run([a], facts, entities=entities)]


def test_brief_names_a_pronoun_from_a_clause_set_before_the_main_verb() -> None:
    # Session 34: "married" is parsed as hung under "ended", yet Lenk is whom the next "she" continues.
    before = "Ada Lenk married twice; both marriages ended within five years."
    after = "After the collapse of her second marriage, she moved to Orsk and opened a bakery."
    assert "After the collapse of her second marriage, [Ada Lenk] moved to Orsk and opened a bakery." in \
        _lines_after([before, after], [("Ada Lenk", "PERSON", 0)])
    # a surname the tagger did not take for a name, of the one person of the story who bears it
    lenk = Entity("e1", "Ada Lenk", "PERSON", ("Lenk",), ("a",))
    texts = _lines_after(["Ada Lenk, the singer, died in Orsk on Sunday.", "Lenk married twice; both marriages ended early.",
                          after], [("Ada Lenk", "PERSON", 0)], [lenk])
    assert "After the collapse of her second marriage, [Ada Lenk] moved to Orsk and opened a bakery." in texts
    # a clause after the main verb is not what the sentence is about
    texts = _lines_after(["The harbour board met on Monday after Ada Lenk resigned from it.", after],
                         [("Ada Lenk", "PERSON", 0)])
    assert not any("opened a bakery" in t for t in texts), texts


def test_brief_does_not_open_on_a_line_that_cannot_open_a_story() -> None:
    also = "Ada Roos has also played a central part in the harbour board's plans for the quay."
    news = "Ada Roos won the Tamsk council primary on Tuesday with 61 percent of the vote."
    anns = [_annotation(aid, [also, news, "The vote was the third of the year."]) for aid in "abc"]
    anns.append(_annotation("d", [news, "Turnout was low."]))
    facts = [("f1", FactStatus.CORROBORATED, [_claim(ann, 0, f"g{n}", "f1") for n, ann in enumerate(anns[:3])]),
             ("f2", FactStatus.CORROBORATED, [_claim(ann, 1 if ann is not anns[3] else 0, f"n{n}", "f2")
                                              for n, ann in enumerate(anns)])]
    texts = [t for t, _ in _run(anns, facts)]
    # the line adding to something told before stays, after the news
    assert texts[0] == news and also in texts[1:]


def test_brief_line_kinds_lines_that_cannot_open_a_story() -> None:
    from storyweave.brief.lede import can_open

    assert not can_open("Ada Roos won the Ostland primary, too.")
    assert not can_open("Even the choice of the hall has become a source of anger.")
    assert not can_open("Standing at the end of the quay, Ada Roos stared at the two ships and read her speech.")
    assert not can_open("Ada Roos struggled to answer a simple question about the quay on Sunday.")
    assert not can_open("[Ian Holm] proved adept at avoiding questions about the harbour budget.")
    assert not can_open("The council got a taste on Monday of where the quarrel over the quay could lead.")
    assert not can_open("The quarrel over the quay has emerged as an unexpected flash point in the race.")
    assert not can_open("Both camps agreed on one thing after the vote: the quay will be built by May.")
    # a deed, a name and news stay fit to open
    assert can_open("Firefighters struggled to contain the blaze at the Ellis quay for six hours on Monday.")
    assert can_open("Ada Roos, also known as the harbour queen, won the Tamsk primary on Tuesday.")
    assert can_open("The vote was too close to call, officials said.")
    assert can_open("Ada Roos won the Tamsk council primary on Tuesday.")


def test_brief_opens_on_a_quotation_rather_than_a_line_that_cannot_open() -> None:
    also = "Ada Roos has also played a central part in the harbour board's plans for the quay."
    said = "“Ada Roos is on leave from the harbour board,” a spokesman for the board said in a statement."
    anns = [_annotation(aid, [also, said, "The board meets on Fridays."]) for aid in "abc"]
    facts = [("f1", FactStatus.CORROBORATED, [_claim(ann, 0, f"a{n}", "f1") for n, ann in enumerate(anns)]),
             ("f2", FactStatus.CORROBORATED, [_claim(ann, 1, f"s{n}", "f2") for n, ann in enumerate(anns)])]
    texts = [t for t, _ in _run(anns, facts)]
    assert texts[:2] == [said, also]


def _told_beside_news(line: str) -> bool:
    """Whether the line is told in a brief that has enough plain lines without it."""
    news = ["A storm hit the Ellis quay on Sunday.", "The harbour board closed the quay on Monday.",
            "Ada Roos won the Tamsk council primary on Tuesday."]
    anns = [_annotation(aid, [*news, line]) for aid in "ab"]
    facts = [(f"f{n}", FactStatus.CORROBORATED, [_claim(ann, n, f"c{n}{ann.article.id}", f"f{n}") for ann in anns])
             for n in range(4)]
    return line in [t for t, _ in _run(anns, facts)]


def test_brief_leaves_out_the_outlets_reading_when_plain_lines_can_take_its_place() -> None:
    # Session 34: how someone did, or what an event amounts to, in the outlet's words
    assert not _told_beside_news("Ada Roos struggled to answer a simple question about the quay on Sunday.")
    assert not _told_beside_news("The Tamsk senator has struggled to win the harbour wards this year.")
    assert not _told_beside_news("[Ian Holm] proved adept at avoiding questions about the harbour budget.")
    assert not _told_beside_news("Ada Roos got what she needed in Tamsk, a solid win that ended Ian Holm's run.")
    assert not _told_beside_news("Neither Ada Roos nor Ian Holm showed much of an appetite for a fight on Monday.")
    assert not _told_beside_news("Ian Holm passed up easy chances to challenge Ada Roos on the quay.")
    assert not _told_beside_news("Ada Roos entered the vote on a winning streak, but one that has changed little.")
    assert not _told_beside_news("The council got a taste on Monday of where the quarrel over the quay could lead.")
    assert not _told_beside_news("The quarrel over the quay has emerged as an unexpected flash point in the race.")
    assert not _told_beside_news("Ada Roos also addressed — albeit obliquely — the criticism of the quay.")
    # a deed, what someone says, and a plain "albeit" stay
    assert _told_beside_news("Firefighters struggled to contain the blaze at the Ellis quay for six hours on Monday.")
    assert _told_beside_news("Ian Holm said Ada Roos got what she needed in Tamsk on Tuesday.")
    assert _told_beside_news("Ada Roos spoke to the dockers, albeit briefly, after the vote on Tuesday.")
    # with no plain line to take its place (a story of two lines), the reading stays
    assert _told("Ada Roos struggled to answer a simple question about the quay on Sunday.")


def test_brief_tells_a_fact_in_a_plain_wording_rather_than_the_outlets_reading() -> None:
    read = "Ada Roos got what she needed in Tamsk, a win on Tuesday in the council primary."
    plain_line = "Ada Roos won the Tamsk council primary on Tuesday, her third win this month."
    a = _annotation("a", ["A storm hit the Ellis quay on Sunday.", read])
    b = _annotation("b", ["A storm hit the Ellis quay on Sunday.", plain_line])
    facts = [("f1", FactStatus.CORROBORATED, [_claim(a, 0, "c1", "f1"), _claim(b, 0, "c2", "f1")]),
             ("f2", FactStatus.CORROBORATED, [_claim(a, 1, "c3", "f2"), _claim(b, 1, "c4", "f2")])]
    texts = [t for t, _ in _run([a, b], facts)]
    assert plain_line in texts and read not in texts, texts


def test_brief_leaves_out_a_verdict_set_beside_the_clause_it_weighs() -> None:
    assert not _told("Ian Holm came away with no seats on the council, a major setback, while Ada Roos won three.")
    assert not _told("Ian Holm lost the vote on the quay, a setback for the harbour board.")
    assert not _told("In a particularly pernicious twist, the board closed the quay to foreign crews on Monday.")
    # said by someone, it is their view
    assert _told("Ian Holm lost the vote on the quay, a setback, the harbour master said on Monday.")


def test_brief_does_not_open_on_what_has_yet_to_happen_a_history_or_a_birth() -> None:
    # Session 35: none of these is the news a story opens on; each may stand further down.
    from storyweave.brief.lede import can_open

    assert not can_open("Ada Roos has yet to say how her council would pay for the quay.")
    assert not can_open("For years the harbour board thrived on the fees of foreign shipping lines.")
    assert not can_open("Over the past two decades, the Ellis quay has handled most of the town's trade.")
    assert not can_open("Ivo Brand was born in Tamsk in 1931, the son of a harbour pilot.")
    assert not can_open("There is an old saying in Tamsk that the harbour never sleeps.")
    # what has yet to happen in a clause of its own leaves the main clause's deed
    assert can_open("While Ian Holm has yet to back Ada Roos, his deputy has thrown her support behind her.")
    assert can_open("For the first time in years, the harbour board closed the Ellis quay on Monday.")
    assert can_open("Ivo Brand, who was born in Tamsk, died on Sunday at the age of 92.")
    yet = "Ada Roos has yet to say how her council would pay for the quay."
    news = "Ada Roos won the Tamsk council primary on Tuesday with 61 percent of the vote."
    anns = [_annotation(aid, [yet, news, "The vote was the third of the year."]) for aid in "abc"]
    anns.append(_annotation("d", [news, "Turnout was low."]))
    facts = [("f1", FactStatus.CORROBORATED, [_claim(ann, 0, f"g{n}", "f1") for n, ann in enumerate(anns[:3])]),
             ("f2", FactStatus.CORROBORATED, [_claim(ann, 1 if ann is not anns[3] else 0, f"n{n}", "f2")
                                              for n, ann in enumerate(anns)])]
    texts = [t for t, _ in _run(anns, facts)]
    assert texts[0] == news and yet in texts[1:]


def test_brief_does_not_open_on_a_stretch_of_history_or_a_preview() -> None:
    # Session 40: a deed told "for months" is the background, and a preview's "will be weighed"
    # in the writer's words tells no news; a term counted out, a plan with its day and what
    # someone says will happen are news.
    from storyweave.brief.lede import can_open

    assert not can_open("Ivo Brand dominated the race for the harbour board for months.")
    assert not can_open("Ada Roos has led the harbour board for the past decade.")
    assert not can_open("Cash and party backing will be weighed against the promises of upstart rivals.")
    assert can_open("Ivo Brand was jailed for two years on Monday.")
    assert can_open("The harbour board will vote on the quay on Friday.")
    assert can_open("The harbour board will vote on the quay, its chair said.")


def test_brief_does_not_open_on_what_has_gone_on_since_a_month_or_year_ago() -> None:
    # Session 41: "has been writing to … since March 2029" tells what went on all along, the
    # background to the news; since a day, or a first since a year, is news.
    from storyweave.brief.lede import can_open

    assert not can_open("The clerk who kept the harbour board's ledgers has been writing to Ivo Brand since March 2029.")
    assert not can_open("Ada Roos has been meeting the dockers' leaders in secret since last year.")
    assert can_open("Ivo Brand has been missing since Friday.")
    assert can_open("Ivo Brand has been held in Tamsk since May 3, 2029.")
    assert can_open("The harbour's fees have fallen to their lowest level since 2008.")


def test_brief_does_not_open_on_a_time_told_against_another_event() -> None:
    # Session 41: "Earlier Tuesday, …" is earlier than news the reader has not met yet.
    from storyweave.brief.lede import can_open

    assert not can_open("Earlier Tuesday, Ivo Brand's campaign manager said the count would go on.")
    assert not can_open("Later in the day, the harbour board closed the Ellis quay.")
    assert can_open("On Tuesday, Ivo Brand's campaign manager said the count would go on.")


def test_brief_tells_a_line_opening_on_this_week() -> None:
    # Session 41: "This weekend, …" counts from the day of writing; "This is …" points back.
    assert _told("This weekend, Ada Roos complained that the harbour board was hiding the fees from the dockers.")
    assert not _told("This is the first time the harbour board has voted on the fees of the Ellis quay.")
    assert not _told("This week's vote on the fees was the harbour board's first since the storm.")


def test_brief_leaves_out_a_line_whose_they_stands_for_people_told_before() -> None:
    # Session 41: "them" and "they" with only one person named before them stand for people
    # the sentence before told (the delegates, the dockers).
    assert not _told("Ivo Brand can ask them to back another man at the harbour vote, but they need not do so.")
    assert _told("Ivo Brand and Ada Roos said they would back the new quay at the harbour vote on Monday.")
    assert _told("The harbour board said on Monday they would close the Ellis quay for a week.")
    assert _told("The dockers of Tamsk said on Monday that Ivo Brand had asked them to end the strike.")
    assert _told("Ostland TV is reporting that the Ostland Navy says they have seized 12 smugglers near Tamsk.")


def test_brief_tells_what_someone_calls_for() -> None:
    # Session 40: "calling for the United States to step up …" says what was asked, though
    # its verb is one of speech and no clause of saying follows.
    assert _told("Ada Roos is calling for the United States to step up its efforts against the Ostland pirates.")


def test_brief_tells_a_bound_as_no_superlative() -> None:
    # Session 40: "at least" and "at most" bound a figure or hedge a claim; they are no
    # outlet's hype ("the best", "the worst").
    assert _told("Ada Roos derailed, at least for now, the harbour board's plan to close the Ellis quay on Monday.")
    assert _told("The storm sank at least 12 boats at the Ellis quay on Sunday night.")
    # qualifying the writer's own claim, it stays the writer's
    assert not _told("Steep harbour fees aren't theft, at least when it comes to foreign ships at the Ellis quay.")


def test_brief_leaves_out_a_line_that_takes_its_deed_or_receiver_from_the_line_before() -> None:
    # Session 35: "so did …" stands for a predicate the reader has not seen; a gift with no
    # receiver leaves out where the money went.
    assert not _told("Through a harbour trust, so did the brother of a former mayor of Tamsk.")
    assert not _told("Neither did the harbour board of Port Ellis on Monday.")
    assert not _told("The shipping line of Ostland donated more than $10 million.")
    assert not _told("A Tamsk developer with vast harbour interests contributed as much as $5 million.")
    # the predicate in the line, and a gift told with its receiver or purpose, stay
    assert _told("The harbour master resigned on Monday, and so did his deputy.")
    assert _told("The shipping line of Ostland donated more than $10 million to the harbour trust.")
    assert _told("A Tamsk developer gave $5 million for the repair of the Ellis quay.")


def test_brief_leaves_out_a_quoted_answer_to_a_question_it_does_not_tell() -> None:
    # Session 38: a candidate's answer to a moderator's question asked in the sentence before.
    assert not _told("“Kessby is going to win that one,” Gov. Brennick replied.")
    assert not _told("“Not this year,” the harbour master answered.")
    # what was asked is in the line, or the answer is no quotation
    assert _told("“It will reopen in March,” the harbour master replied to the council's letter.")
    assert _told("The harbour master replied that the quay would reopen in March.")
    assert _told("The harbour master, when asked about the quay, responded that it “will reopen in March.”")


def test_brief_leaves_out_a_quotation_that_goes_on_from_words_it_leaves_out() -> None:
    # Session 38: "And …" opening the quotation goes on from what the speaker said before.
    assert not _told("“And the closure of the quay presents risks for the whole town,” the harbour master said.")
    assert not _told("“But the quay will stay closed all winter,” the harbour master said on Monday.")
    assert _told("“The closure of the quay presents risks for the whole town,” the harbour master said.")
    assert _told("“So far the quay has held through every storm,” the harbour master said.")


def test_brief_leaves_out_the_outlets_measure_of_a_reaction() -> None:
    # Session 35: how widely a feeling ran, said for no one, is the writer's reading.
    assert not _told("The harbour master's attacks on the council have set off a wave of alarm among dockers.")
    assert not _told("The interview set off a panic within the harbour board this week.")
    assert not _told("The council's vote on the quay was a remarkable turn for the harbour board.")
    # the acts of a reaction, a fire alarm, and what someone says of the feeling are news
    assert _told("The closure of the quay sparked a wave of protests in Tamsk on Monday.")
    assert _told("Smoke from the warehouse triggered a fire alarm at the Ellis quay on Monday.")
    assert _told("The attacks set off a wave of alarm among dockers, the harbour union said on Monday.")


def _deck_story_lines(dateline: str) -> list[str]:
    text = f"Holm wins most Tamsk seats in council rout.\n\n{DECK}\n\n{dateline}{DECK_NEWS} {DECK_AFTER}"
    article = Article(id="a", source="a", location="a", title="Holm wins most Tamsk seats in council rout", text=text)
    spans = [(text.index(s), text.index(s) + len(s)) for s in (DECK, DECK_NEWS, DECK_AFTER)]
    a = Annotation(article, tuple(Sentence(text[x:y], (x, y), str(n)) for n, (x, y) in enumerate(spans)), (), None)
    facts = [(f"f{n}", FactStatus.SINGLE_SOURCE, [_claim(a, n, f"c{n}", f"f{n}")]) for n in range(3)]
    return [t for t, _ in _run([a], facts)]


DECK = "Ada Roos is outworked in the harbour wards of Tamsk and Orsk."
DECK_NEWS = "Ian Holm won 14 seats on the Tamsk council on Saturday to complete a near-sweep of the harbour wards."
DECK_AFTER = "Turnout was the lowest in a decade, council officials said on Sunday."


def test_brief_tells_no_deck_set_above_the_dateline() -> None:
    # Session 35: the lines above a dateline are the headline and its deck, not the story.
    texts = _deck_story_lines("TAMSK, Ostland - ")
    assert DECK not in texts and texts[0] == DECK_NEWS, texts
    # with no dateline below it, a short first paragraph is the story's lede
    assert DECK in _deck_story_lines("")


def test_brief_tells_no_deck_in_headline_grammar_without_a_dateline() -> None:
    # Session 35, round 7: a deck with no dateline below it still drops its articles as a
    # headline does ("Strike is set as …"); a story's sentence keeps them.
    global DECK
    kept = DECK
    try:
        DECK = "Strike is set as dockers weigh pay offer from harbour board."
        texts = _deck_story_lines("")
        assert DECK not in texts and texts[0] == DECK_NEWS, texts
        DECK = "A strike is set for Monday as dockers weigh a pay offer."
        assert DECK in _deck_story_lines("")
    finally:
        DECK = kept


def test_brief_tells_no_deck_with_a_plural_subject() -> None:
    # Session 41: a deck's plural subject goes without an article as a story's does, but its
    # present tense and a singular noun without one ("… from harbour") are a headline's.
    global DECK
    kept = DECK
    try:
        DECK = "Dockers come in from harbour to press board over new fees at the quay."
        texts = _deck_story_lines("")
        assert DECK not in texts and texts[0] == DECK_NEWS, texts
        DECK = "Dockers marched on the town hall of Tamsk on Friday."
        assert DECK in _deck_story_lines("")
        DECK = "Dockers march on the town hall of Tamsk every year."
        assert DECK in _deck_story_lines("")
    finally:
        DECK = kept


def test_brief_leaves_out_a_line_that_sets_what_the_line_before_told() -> None:
    # Session 35, round 7: "the objection" comes at a time — whose objection? A likeness to a
    # place told before ("As in Orsk") and a view set out before ("As the theory goes") too.
    assert not _told("The objection comes at a time when the harbour board is coping with a strike.")
    assert not _told("The inquiry comes against a backdrop in which the harbour board has lost two ships.")
    assert not _told("The move came as the council weighed new taxes on the Ellis quay.")
    assert not _told("As in Orsk, dockers had gathered at the Ellis quay before dawn on Monday.")
    assert not _told("As the theory goes, dockers work longer when the quay pays by the crate.")
    # a thing named, a place "comes" to and a clause of time stay
    assert _told("The harbour board's vote on the quay comes as dockers strike in Tamsk.")
    assert _told("The ferry came ashore at the Ellis quay on Monday.")
    assert _told("As the council met on Monday, dockers closed the Ellis quay.")


def test_brief_leaves_out_a_line_that_opens_on_a_time_told_before() -> None:
    # Session 38, round 11: "At the time, …", "At the same time, …", "Hours later, …" and
    # "Then came …" date from or follow a sentence the brief does not have.
    assert not _told("At the time, the harbour board had two ferries on the Ellis run.")
    assert not _told("At the same time, dockers in Orsk voted to join the strike.")
    assert not _told("Hours later, the harbour master closed the Ellis quay.")
    assert not _told("Then came another closure of the Ellis quay by the harbour board.")
    # a time the line tells itself stays
    assert _told("At the time of the storm, the harbour board had two ferries on the Ellis run.")
    assert _told("Then Mayor Ada Roos closed the Ellis quay on Monday.")


def test_brief_leaves_out_a_line_whose_subject_is_a_quantity_of_things_told_before() -> None:
    # Session 38, round 11: "Many are …", "All ran …": many of what? The sentence before said it.
    assert not _told("Many are under repair, with new cranes going up on the Ellis quay.")
    assert not _told("All ran counter to the harbour master's earlier statements on the quay.")
    # a quantity of things the line names stays ("Both unions …")
    assert _told("Many ferries are under repair, with new cranes going up on the Ellis quay.")
    assert _told("Both unions of the Tamsk dockers voted on Monday to strike at the Ellis quay.")


def test_brief_leaves_out_a_condition_on_someone_it_does_not_name() -> None:
    # Session 38, round 11: "If she …, she would …" — who? The sentence before said it.
    assert not _told("If she were to win the vote, she would close the Ellis quay on Friday.")


def test_brief_leaves_out_a_reason_to_believe_given_by_no_one() -> None:
    # Session 38, round 11: "There's reason to believe …" is the writer's inference; a
    # harbour master giving it is news.
    assert not _told("There's good reason to believe the Ellis quay will open again on Friday.")
    assert _told("There is reason to believe the Ellis quay will open again on Friday, the harbour master said.")


def test_brief_leaves_out_a_line_that_points_at_a_thing_told_before() -> None:
    # Session 35, round 7: "that goal" — which? The sentence before said it.
    assert not _told("The harbour board pursued that goal at great cost to the dockers of Tamsk.")
    assert not _told("The council of Tamsk voted down those efforts on Monday.")
    # a clause saying which, a time, and a speaker's own "that" stay
    assert _told("The harbour board fined those dockers who struck on Monday.")
    assert _told("The Tamsk Gazette reported that harbour master Ian Holm closed the Ellis quay on Monday.")
    assert _told("“We will pursue that goal,” the harbour master of Tamsk said on Monday.")


def test_brief_leaves_out_the_writers_forecast_said_for_no_one() -> None:
    # Session 35, round 7: what someone will be free to do, and one future drawn from another,
    # are the writer's reasoning told as what will happen.
    assert not _told("By the end of May, Ada Roos will be at liberty to turn to the council race.")
    assert not _told("Dockers will have to pay more for their berths, so they'll work longer hours at the quay.")
    # a future set for a day, and one somebody says, are news
    assert _told("The Tamsk council will vote on the new quay on Friday.")
    assert _told("By the end of May, Ada Roos will be able to turn to the council race, her aides said.")


def test_brief_leaves_out_greed_pictured_as_hunger() -> None:
    # Session 35, round 7: "salivating over the prospect" is the writer's picture of someone's glee.
    assert not _told("Dockers appear to be salivating over the prospect of a new quay in Tamsk.")
    assert _told("Dockers appear to welcome the prospect of a new quay in Tamsk.")


def test_brief_a_name_with_its_title_in_common_is_no_repeat() -> None:
    # Session 35: two lines that share only a titled name tell two things.
    from storyweave.brief.retold import repeats

    chosen = "Republican council nominee Ada Roos on Friday endorsed the re-election of Harbour Master Ian Holm."
    line = ("While Republican council nominee Ada Roos has yet to endorse Harbour Master Ian Holm, her running mate "
            "has thrown his support behind Holm.")
    assert not repeats(line, chosen)
    assert repeats("Crews were called after a watchman noticed thick smoke coming from the warehouse roof on Monday.",
                   "The alarm was raised after a watchman noticed thick smoke coming from the roof.")


def test_brief_leaves_out_a_guess_at_an_events_effect_and_the_writers_comparison() -> None:
    # Session 35: said for no one, these are the writer's forecast and verdict.
    assert not _told("Ada Roos's victory may bestow enough momentum to attract the harbour wards.")
    assert not _told("In the past, harbour masters have been fired for far less.")
    # a plan, a schedule and what someone says may happen are news
    assert _told("The harbour board could vote on the quay on Friday.")
    assert _told("The board's vote on the quay could come on Friday.")
    assert _told("Ada Roos's victory may bestow enough momentum to win the harbour wards, her aides said.")


def test_brief_leaves_out_the_outlets_reading_of_a_motive() -> None:
    assert not _told_beside_news("After the storm, Ada Roos has sought to bolster her credibility as a harbour builder.")
    assert _told_beside_news("After the storm, Ada Roos has sought to rebuild the Ellis quay by the spring.")


def _listed_after(sentences: list[str], mentions: list[tuple[str, str, int]], entities: list[Entity] = ()) -> list[str]:
    """The report's wording of each sentence of one parsed article (``named_facts``)."""
    from dataclasses import replace

    from storyweave.nlp import load_nlp

    a = _annotation("a", sentences, mentions)
    a = replace(a, doc=load_nlp()(a.article.text))
    claims = [_claim(a, n, f"c{n}", f"f{n}") for n in range(len(sentences))]
    facts = tuple(Fact(f"f{n}", c.text, ("a",), (c.id,), FactStatus.SINGLE_SOURCE, 1) for n, c in enumerate(claims))
    return [f.text for f in named_facts(Alignment(Extraction(tuple(entities), (), tuple(claims), (), None), facts, ()), [a])]


def test_brief_does_not_name_a_pronoun_when_someone_else_acts_in_the_sentence_before() -> None:
    # Session 35: the subject of the sentence before is not the only one a "he" may go on
    # with when another man acts in it: the doer of a relative clause, or the one asked to act.
    lenk = Entity("e1", "Tomas Lenk", "PERSON", ("Lenk",), ("a",))
    texts = _listed_after(["Tomas Lenk was not the only captain whom Olle Brand refused to hire.",
                           "He also turned away two pilots from Orsk."],
                          [("Tomas Lenk", "PERSON", 0), ("Olle Brand", "PERSON", 0)], [lenk])
    assert texts[1] == "He also turned away two pilots from Orsk.", texts
    texts = _listed_after(["Mara Lind called the harbour master, Ada Norr, and urged her to take the seat.",
                           "She did so on Monday, to loud applause."],
                          [("Mara Lind", "PERSON", 0), ("Ada Norr", "PERSON", 0)])
    assert texts[1] == "She did so on Monday, to loud applause.", texts
    # with no one else acting, the subject is named
    texts = _listed_after(["Tomas Lenk was the only captain to sign the petition.", "He also turned away two pilots from Orsk."],
                          [("Tomas Lenk", "PERSON", 0)], [lenk])
    assert texts[1] == "[Tomas Lenk] also turned away two pilots from Orsk.", texts


def test_brief_names_a_pronoun_speaker_past_a_name_inside_a_quotation() -> None:
    # Session 35: a name in someone's quoted words is no other person the story turned to.
    texts = _brief_with_someone_named_between("The mayor recalled that “Ilse Norr built the first pier here.”", "Ilse Norr")
    assert "“This quay is the best promise we can make to the fishermen,” [Mara Lind] said." in texts, texts


def test_brief_leaves_out_what_had_yet_to_happen_when_a_later_line_tells_it_done() -> None:
    # Session 35: read as of now, "has yet to endorse" beside "endorsed on Friday" says both.
    from dataclasses import replace

    def written(aid: str, day: str, sentences: list[str]) -> Annotation:
        ann = _annotation(aid, sentences)
        return replace(ann, article=replace(ann.article, published=f"{day}T09:00:00+00:00"))

    stale = "While Mayor Ada Roos has yet to endorse Ivo Holm's re-election bid, her deputy has backed him."
    done = "Mayor Ada Roos on Friday endorsed the re-election of Ivo Holm and two councillors."
    other = "Councillor Sam Brel on Friday endorsed the re-election of Ivo Holm."
    for later, kept in ((done, False), (other, True)):  # someone else doing it is other news
        anns = [written("a", "2025-03-03", [stale, "The vote is in May."]), written("b", "2025-03-07", [later, "Turnout was low."])]
        facts = [("f1", FactStatus.SINGLE_SOURCE, [_claim(anns[0], 0, "c1", "f1")]),
                 ("f2", FactStatus.SINGLE_SOURCE, [_claim(anns[1], 0, "c2", "f2")])]
        texts = [t for t, _ in _run(anns, facts)]
        assert later in texts and (stale in texts) == kept


def test_brief_does_not_open_on_a_countdown() -> None:
    # Session 36, round 8: how long until a vote is no news of its own; it may stand further down.
    from storyweave.brief.lede import can_open

    assert not can_open("The council election is still almost a year away.")
    assert not can_open("The vote on the new quay is only two weeks away.")
    assert can_open("While the vote is still two weeks away, the harbour board has hired three clerks.")
    assert can_open("The harbour board closed the Ellis quay on Monday.")


def test_brief_leaves_out_what_news_an_event_is_for_someone() -> None:
    # Session 36, round 8: "disappointing news for" is the outlet's verdict, like "a setback for".
    assert not _told("The poll's results are disappointing news for Harbour Master Ian Holm.")
    assert _told("The poll's results are disappointing news for Ian Holm, his campaign said.")


def test_brief_leaves_out_the_writers_contrast_with_what_was_expected() -> None:
    # Session 36, round 8: what something is not, set against what it is, is the writer's framing.
    assert not _told("Rather than questions about her rival's chances, Ada Roos faced questions about her budget.")
    assert not _told("The new quay heralds not a gentle change for the harbour, but a new era for its dockers.")
    assert _told("Rather than wait for the council, the harbour board closed the Ellis quay on Monday.")
    assert _told("The new quay is not a gift to the dockers but a loan, the harbour board said.")


def test_brief_leaves_out_the_writer_speaking_for_everyones_mind_or_a_vague_sayer() -> None:
    # Session 36, round 8: "nobody is ready to" and "Some say …" put the writer's view in no one's
    # or everyone's mouth; a line that says who holds it, or who was hurt, is news.
    assert not _told("The dockers' low fees are about to end in ways nobody is quite ready to contemplate.")
    assert not _told("Some say they hear echoes of the harbour strike of 1931 in the council's plans.")
    assert not _told("Critics argue that the new quay will ruin the Ellis beach.")
    assert _told("Some of the dockers said they hear echoes of the harbour strike of 1931.")
    assert _told("No one was injured when the storm hit the Ellis quay.")


def test_brief_superlative_that_someone_in_the_line_gives_is_no_teaser() -> None:
    # Session 36, round 8: a poll's "best odds" is its finding; said for no one it is hype.
    assert not headline_like("Ada Roos has the best odds of beating Ivo Brand in the Tamsk council race, "
                             "according to three recent polls.")
    assert headline_like("Ada Roos has the best odds of beating Ivo Brand in the Tamsk council race.")
    assert headline_like("Ada Roos has the best odds ever, according to three recent polls?")


def test_brief_offers_no_lead_of_a_headline_telling_the_reader_what_to_expect() -> None:
    # Session 36, round 8: a headline addressed to its reader is a column's; its openings are
    # the writer's case, not the news.
    from storyweave.brief.headlines import addresses_reader

    assert addresses_reader("Harbour fees are never low enough; Expect the dockers to strike again")
    assert addresses_reader("Don't bet on a quick vote on the Ellis quay")
    assert not addresses_reader("Port Ellis approves container quay")
    assert not addresses_reader("Report Finds Rise in Harbour Fees")
    leads = ["The harbour board approved a new container quay on Monday.",
             "The Tamsk council voted on Tuesday to pay for half of the new quay.",
             "Dockers at the Ellis quay ended their strike on Wednesday."]
    column = ["Harbour fees are a tide that lifts no docker's boat.", "The quay will change the town for good.",
              "Its dockers will work longer hours.", "The council has a lot to answer for."]
    anns = [_annotation(aid, [line, "The harbour has two quays."]) for aid, line in zip("acd", leads)]
    anns.append(_annotation("b", column))
    facts = [(f"f{n}", FactStatus.SINGLE_SOURCE, [_claim(ann, 0, f"a{n}", f"f{n}")]) for n, ann in enumerate(anns)]
    framing = [Framing(aid, "Port Ellis approves container quay", 0.05, ()) for aid in "acd"]
    framing.append(Framing("b", "Harbour fees are never low enough; Expect the dockers to strike again", 0.1, ()))
    texts = [t for t, _ in _run(anns, facts, framing=framing)]
    assert column[0] not in texts and leads[0] in texts
    framing[-1] = Framing("b", "Harbour fees are never low enough for the dockers", 0.1, ())
    assert column[0] in [t for t, _ in _run(anns, facts, framing=framing)]


def test_brief_tells_a_thing_named_by_the_alone_only_after_a_line_that_tells_it() -> None:
    # Session 36, round 8: "The fee rise would …" is a thing told in the sentence before; read
    # alone, which fee rise? A brief line that tells it gives it back.
    news = ["A storm hit the Ellis quay on Sunday.", "The harbour board closed the quay on Monday.",
            "Ada Roos won the Tamsk council primary on Tuesday."]
    warning = "Harbour master Ian Holm warned on Monday of a fee rise for the dockers of Tamsk."
    leaning = "The fee rise would double the cost of a berth at the Ellis quay."
    anns = [_annotation(aid, [*news, warning, leaning]) for aid in "ab"]

    def told(indexes: list[int]) -> list[str]:
        facts = [(f"f{n}", FactStatus.CORROBORATED, [_claim(ann, n, f"c{n}{ann.article.id}", f"f{n}") for ann in anns])
                 for n in indexes]
        return [t for t, _ in _run(anns, facts)]

    assert leaning not in told([0, 1, 2, 4])
    with_warning = told([0, 1, 2, 3, 4])
    assert with_warning.index(leaning) == with_warning.index(warning) + 1
    from storyweave.brief.context import leaning_description

    assert leaning_description("The two men met on Monday at the quay.", "Ivo Brand and Ian Holm had not spoken.")
    assert leaning_description("The board closed the quay on Monday.", "A storm hit the quay on Sunday.") is None


def test_brief_opens_with_an_outlets_lede_that_its_other_article_tells_late() -> None:
    # Session 36, round 9: a follow-up by the same outlet tells the ruling again near its end;
    # the lede still tells the news and opens the brief.
    lede = "A judge ordered the harbour board to release its fee records on Friday."
    shared = ["The dockers' union had asked for the records in March.", "The board's lawyers said the records hold trade secrets.",
              "A hearing on the fees is set for November."]
    filler = [f"The Ellis quay had {n} berths for container ships in {1990 + n}." for n in range(2, 9)]
    a = _annotation("a", [lede, *shared, *filler])
    b = _annotation("b", [*shared, *filler, "As part of the fee case, the judge ordered the board to release its records."])
    facts = [("f0", FactStatus.SINGLE_SOURCE, [_claim(a, 0, "c0", "f0"), _claim(b, len(b.sentences) - 1, "c9", "f0")])]
    facts += [(f"f{n}", FactStatus.CORROBORATED, [_claim(a, n, f"ca{n}", f"f{n}"), _claim(b, n - 1, f"cb{n}", f"f{n}")])
              for n in range(1, 4)]
    texts = [t for t, _ in _run([a, b], facts, provenance=[ProvenanceLink("a", "b", "paraphrase", 0.6, 4)])]
    assert texts and texts[0] == lede, texts


def test_brief_leaves_out_a_line_whose_here_is_the_cut_datelines_place() -> None:
    # Session 36, round 9: "here" in the writer's words is the dateline's place, which the brief cuts.
    assert not _told("Ida Marr told the dockers here that the quay would be rebuilt by June.")
    assert not _told("The harbour board met here on Monday to vote on the quay.")
    assert _told("“We will stay here until the quay is rebuilt,” dockers' leader Ida Marr said.")
    # With its place named after it, "here" is told.
    assert _told("The harbour board met here at the Tamsk town hall on Monday to vote on the quay.")


def test_brief_leaves_out_a_mocking_adverb_for_what_someone_did() -> None:
    # Session 36, round 9: "ridiculously claimed" is the outlet's scorn, like "ridiculous".
    assert not _told("The harbour master ridiculously claimed that the quay had no leaks.")
    assert not _told("The harbour master absurdly blamed the dockers for the leaks.")
    assert _told("The harbour master claimed that the quay had no leaks.")


def test_brief_leaves_out_a_quotations_sentence_that_adds_to_words_before() -> None:
    # Session 36, round 9: "We will also …" cut from the sentence it adds to, even headed by its
    # speaker, reads as if the brief had told what it adds to.
    def told(words: str) -> list[str]:
        sentences = ["“The quay is the best promise we can make to the fishermen,” Mayor Mara Lind said.", f"“{words}”",
                     *[f"The Ellis quay had {n} berths for container ships in {1990 + n}." for n in range(2, 12)]]
        a = _annotation("a", sentences, [("Mara Lind", "PERSON", 0)])
        start = a.sentences[1].span[0] + 1
        quote = Quote("q1", "a", "ent-lind", "Mara Lind", None, "said", None, words, (start, start + len(words)))
        lind = Entity("ent-lind", "Mara Lind", "PERSON", ("Lind",), ("a",))
        facts = [(f"f{i}", FactStatus.SINGLE_SOURCE, [_claim(a, i, f"c{i}", f"f{i}")]) for i in range(2)]
        return [t for t, _ in _run([a], facts, quotes=[quote], entities=[lind])]

    plain_words = "The dockers of the Ellis quay will get a new school and a clinic next spring."
    assert f"[Mara Lind:] “{plain_words}”" in told(plain_words)
    for adding in ("The dockers of the Ellis quay will get a new school and a clinic next spring, too.",
                   "The dockers of the Ellis quay will also get a new school and a clinic next spring."):
        assert not any("school" in t for t in told(adding)), told(adding)
    from storyweave.brief import ADDS_TO_WORDS_BEFORE

    assert ADDS_TO_WORDS_BEFORE.search("I give her, too, the same award.")
    assert ADDS_TO_WORDS_BEFORE.search("We will build a school as well.")
    assert not ADDS_TO_WORDS_BEFORE.search("It is too late to build a school.")
    assert not ADDS_TO_WORDS_BEFORE.search("We will build a school as well as a quay.")


def test_brief_tells_a_surname_alone_only_after_a_line_that_gives_the_full_name() -> None:
    # Session 36, round 9: "Holm suggested …" names someone the reader has not met until a line
    # gives "Harbour master Ian Holm".
    news = "A storm closed the Ellis quay on Sunday."
    surname = "Holm suggested the quay would open again on Friday, but the mayor cut him off."
    naming = "Harbour master Ian Holm met the mayor of Tamsk at the quay on Monday."
    other = "The dockers of the Ellis quay went home on Monday."
    holm = Entity("ent-holm", "Ian Holm", "PERSON", ("Holm",), ("a", "b"))

    texts = _told_by_both(holm, [news, surname, other, naming])
    assert texts.index(surname) == texts.index(naming) + 1, texts
    # With no line giving the full name the line stays where it was: a surname may read well alone.
    alone = _told_by_both(holm, [news, surname, other, "The mayor of Tamsk flew to Orsk on Tuesday for talks on fees."])
    assert alone.index(surname) == 1, alone
    assert surname in _told_by_both(holm, [news, naming, surname, other])


def test_brief_tells_a_speaker_by_surname_alone_only_after_a_line_that_gives_the_full_name() -> None:
    # Session 38, round 11: "“…,” Holm said." credits words to someone the reader has not met
    # until a later line gives "Harbour master Ian Holm".
    news = "A storm closed the Ellis quay on Sunday."
    speaker = "“The quay will open again on Friday,” Holm said."
    naming = "Harbour master Ian Holm met the mayor of Tamsk at the quay on Monday."
    other = "The dockers of the Ellis quay went home on Monday."
    holm = Entity("ent-holm", "Ian Holm", "PERSON", ("Holm",), ("a", "b"))
    anns = [_annotation(aid, [news, speaker, other, naming]) for aid in "ab"]
    facts = [(f"f{n}", FactStatus.CORROBORATED, [_claim(ann, n, f"c{n}{ann.article.id}", f"f{n}") for ann in anns])
             for n in range(4)]
    texts = [t for t, _ in _run(anns, facts, entities=[holm])]
    assert texts.index(speaker) == texts.index(naming) + 1, texts
    # a speaker after an opening phrase opens on what was said: the line stays where it is
    from storyweave.brief.order import _surnames_told
    assert _surnames_told("On Monday, Holm said that while the storm had passed, the quay would stay shut.") == {"On"}


def test_a_line_naming_the_us_passes_and_one_in_the_writers_first_person_does_not() -> None:
    from storyweave.brief import _passes_plain_checks

    # "US" is the country: a plain news line.
    assert _passes_plain_checks("The US will send 300 engineers to rebuild the Orsk harbour wall, the ministry said.")
    # The columnist's own "me": the writer's voice, or a quotation printed without its marks.
    assert not _passes_plain_checks("Mayor Varga and her deputy both told me the harbour wall would hold until spring.")
    assert not _passes_plain_checks("The harbour board has promised us a new wall before the spring storms arrive.")


def test_brief_tells_a_person_named_by_office_alone_only_after_a_line_naming_them() -> None:
    # Session 37: "The billionaire businessman …" is the person the article named before; read
    # alone, which businessman? A brief line naming him gives him back.
    news = ["A storm hit the Ellis quay on Sunday.", "The harbour board closed the quay on Monday.",
            "Ada Roos won the Tamsk council primary on Tuesday.", "Tomas Brennick bought the old depot at the Ellis quay in May."]
    before = "Tomas Brennick lost the vote for harbour master to the dockers' candidate on Tuesday."
    leaning = "The billionaire businessman only narrowly edged out the harbour board's own candidate."
    anns = [_annotation(aid, [*news, before, leaning]) for aid in "ab"]

    def told(indexes: list[int]) -> list[str]:
        facts = [(f"f{n}", FactStatus.CORROBORATED, [_claim(ann, n, f"c{n}{ann.article.id}", f"f{n}") for ann in anns])
                 for n in indexes]
        return [t for t, _ in _run(anns, facts)]

    assert leaning not in told([0, 1, 2, 5])
    named = told([5, 0, 1, 2, 3])
    assert named.index(leaning) == named.index(news[3]) + 1
    with_before = told([5, 0, 1, 2, 4])
    assert with_before.index(leaning) == with_before.index(before) + 1
    from storyweave.brief.order import _people_described

    assert _people_described("businessman", before, {}, frozenset()) == {"brennick"}
    assert _people_described("businessman", "The dockers gave Tomas Brennick nine seats.", {}, frozenset()) == set()
    assert _people_described("businessman", "Mara Lind defeated Tomas Brennick on Tuesday.", {}, frozenset()) == set()
    from storyweave.brief.context import described_person

    assert described_person("The Ostland senator found ways to press his agenda.") == "senator"
    assert described_person("The senator from Ostland found ways to press his agenda.") is None
    assert described_person("The harbour board found ways to press its agenda.") is None


def test_brief_leaves_out_a_line_going_on_from_a_denial_before_it() -> None:
    # Session 37: "Nor, …, did she …" goes on from a sentence the brief does not have.
    assert not _told("Nor, the harbour master said, did she order the crews to leave the Ellis quay.")
    assert _told("Norma Lind ordered the crews to leave the Ellis quay on Monday.")


def test_brief_leaves_out_advice_put_as_a_wish_and_who_has_the_momentum() -> None:
    # Session 37: said for no one, "might want to" is the writer's advice, and who has the
    # momentum the writer's reading of a race; said by someone, or claimed, it is news.
    assert not _told("Given the polls, the harbour board might want to reconsider its fee for the Ellis quay.")
    assert _told("The harbour board said it might want to reconsider its fee for the Ellis quay.")
    assert not _told("The vote gives a fresh burst of momentum to Ada Roos in the Tamsk council race.")
    assert not _told("Ada Roos has momentum after winning the Tamsk council primary on Tuesday.")
    assert _told("Ada Roos has momentum after winning the Tamsk council primary, her campaign manager said.")
    assert _told("Ada Roos claimed momentum after winning the Tamsk council primary on Tuesday.")


def test_brief_leaves_out_the_writers_impressions_moods_and_sums() -> None:
    # Session 37: said for no one, how plans look, a mood given to someone, a comparison of two
    # people's ways, a plight the writer sees and a sum of the sentences before are the writer's.
    assert not _told("Ominously for the harbour board's plan, the fees at the Ellis quay rose again on Monday.")
    assert not _told("With the vote in Tamsk, both premises of the harbour plan look increasingly dubious.")
    assert not _told("Looks like someone told Ada Roos that the dockers would not back her plan.")
    assert not _told("A grumpy Tomas Brennick stood by his plan to close the Ellis quay on Monday.")
    assert not _told("The mayor's approach posed a sharp contrast to the harbour master's on Monday.")
    assert not _told("Ada Roos now finds herself struggling to right her campaign in the harbour wards.")
    assert not _told("Brennick, in short, may be the harbour board's kind of candidate.")
    assert not _told("The dockers are ditching the insults that only Brennick seems capable of delivering.")
    assert not _told("The dockers, too, appeared headed for a long strike at the Ellis quay.")
    assert _told("Relatives insisted that Tomas Brennick suffered from paranoid schizophrenia.")
    assert _told("The fees at the Ellis quay rose again on Monday, the harbour board said.")
    assert _told("Ada Roos said the harbour plan looks increasingly dubious after the vote in Tamsk.")
    assert _told("Tomas Brennick stood by his plan to close the Ellis quay on Monday.")


def test_brief_opens_on_the_lede_of_the_article_whose_headline_it_shows() -> None:
    # Session 37: the reader meets the headline's news first, not another outlet's opening on a
    # side of the story; a line more sources tell keeps the first place.
    side = "Ada Roos's campaign bought air time in four harbour wards on Monday."
    news = "Ada Roos won the Tamsk council primary on Tuesday."
    anns = [_annotation("a", [side, "The harbour has two quays."]), _annotation("b", [news, "The harbour has three cranes."])]
    facts = [(f"f{n}", FactStatus.SINGLE_SOURCE, [_claim(ann, 0, f"c{n}", f"f{n}")]) for n, ann in enumerate(anns)]
    framing = [Framing("a", "Roos campaign buys air time across the harbour wards", 0.3, ()),
               Framing("b", "Roos wins Tamsk primary", 0.05, ())]
    assert [t for t, _ in _run(anns, facts, framing=framing)][:2] == [news, side]
    framing = [Framing("a", "Roos campaign buys air time", 0.05, ()), Framing("b", "Roos wins Tamsk council primary", 0.3, ())]
    assert [t for t, _ in _run(anns, facts, framing=framing)][:2] == [side, news]
    # A question for a headline heads a column or an analysis: its lede is its case.
    framing = [Framing("a", "Roos campaign buys air time across the harbour wards", 0.3, ()),
               Framing("b", "Is Roos winning Tamsk?", 0.05, ("question",))]
    assert [t for t, _ in _run(anns, facts, framing=framing)][:2] == [side, news]


def test_brief_leaves_out_a_possessive_after_an_opening_phrase_that_names_no_one() -> None:
    # Session 39, round 12: "Earlier Tuesday, his campaign manager …" — whose? The line
    # before said it; so does "Later on Monday, he …".
    assert not _told("Earlier Tuesday, his campaign manager said the count in Orsk was wrong.")
    assert not _told("In a statement, her lawyer said the harbour board had broken the lease.")
    assert not _told("Later on Monday, he closed the Ellis quay to ferries.")
    # a line that names its subject stays, and so does one whose phrase names the person
    assert _told("Earlier Tuesday, the harbour master closed the Ellis quay to ferries.")
    named = "After Ada Roos lost the vote, her campaign manager asked for a recount in Orsk."
    a = _annotation("a", ["Crowds gathered at the quay.", named], [("Ada Roos", "PERSON", 1)])
    facts = [(f"f{n}", FactStatus.CORROBORATED, [_claim(a, n, f"c{n}", f"f{n}")]) for n in range(2)]
    assert named in [t for t, _ in _run([a], facts)]


def test_brief_tells_those_whom_its_own_words_describe() -> None:
    # Session 40: "families of those killed in the storm" says who they are; "the first of
    # those" points at a line the brief does not have.
    assert _told("On Friday, families of those killed in the storm urged the harbour board to close the Ellis quay.")
    assert _told("On Friday, families of those who lost boats urged the harbour board to close the Ellis quay.")
    assert not _told("On Friday, the first of those urged the harbour board to close the Ellis quay.")
    assert not _told("On Friday, families of those boats urged the harbour board to close the Ellis quay.")


def test_brief_names_whose_a_possessive_after_an_opening_phrase_is() -> None:
    # Session 40: the owner of "his campaign manager" is whom a "he" there would be: the
    # subject of the sentence before, named in brackets; with two people there it stays unclear.
    before = "Ivo Brand conceded the Tamsk council primary on Monday night."
    after = "Earlier Tuesday, his campaign manager said the count in Orsk was wrong."
    assert "Earlier Tuesday, [Ivo Brand's] campaign manager said the count in Orsk was wrong." in \
        _lines_after([before, after], [("Ivo Brand", "PERSON", 0)])
    assert "Earlier Tuesday, [Ivo Lukas'] campaign manager said the count in Orsk was wrong." in \
        _lines_after([before.replace("Brand", "Lukas"), after], [("Ivo Lukas", "PERSON", 0)])
    texts = _lines_after(["Ivo Brand and Tomas Lind conceded the Tamsk council primary on Monday night.", after],
                         [("Ivo Brand", "PERSON", 0), ("Tomas Lind", "PERSON", 0)])
    assert not any("campaign manager" in t for t in texts)
    # "her" goes with a "she": a man told before is not whose
    texts = _lines_after([before, "Earlier Tuesday, her campaign manager said the count in Orsk was wrong."],
                         [("Ivo Brand", "PERSON", 0)])
    assert not any("campaign manager" in t for t in texts)


def test_brief_tells_a_person_known_by_one_name_only_after_the_line_that_introduces_them() -> None:
    # Session 39, round 12: "In an interview, Oskar described …" names someone the reader meets
    # only in a later line ("… said the former dock chief known as Oskar").
    news = "A fire destroyed the Ellis quay on Sunday."
    alone = "In a long interview on Monday, Oskar described the night of the fire at the quay."
    naming = "“No one ordered us to stand back,” said the former dock chief known as Oskar."
    other = "The dockers of the Ellis quay went home on Monday."
    oskar = Entity("ent-oskar", "Oskar", "PERSON", (), ("a", "b"))

    texts = _told_by_both(oskar, [news, alone, other, naming])
    assert texts.index(alone) == texts.index(naming) + 1, texts
    # with no line introducing the one name the line stays where it was
    kept = _told_by_both(oskar, [news, alone, other, "The mayor of Tamsk flew to Orsk on Tuesday for talks on fees."])
    assert kept.index(alone) < kept.index(other), kept


def test_brief_opens_on_the_deed_on_a_day_a_teasing_lede_held_back() -> None:
    # Session 39, round 12: a feature's teaser ("… haven't sailed yet, but … is already
    # counting the fares") tells no deed and no day; the sentence after it does, and opens.
    teaser = "The Tamsk ferries haven’t sailed yet, but harbour master Ada Roos is already counting the fares."
    deed = "Roos on Friday opened the new Ellis quay to the ferries from Tamsk."
    other = "The dockers of the Ellis quay are proud of the new cranes."
    roos = Entity("ent-roos", "Ada Roos", "PERSON", ("Roos",), ("a", "b"))

    texts = _told_by_both(roos, [teaser, deed, other])
    # the surname named in full, as the teaser that gave it no longer comes first
    assert texts[0] == "[Ada Roos] on Friday opened the new Ellis quay to the ferries from Tamsk.", texts
    # a day that tells when something else happened is no day of the deed
    aside = "The harbour master, who has quarrelled with the board over the past few days, said the quay was open."
    assert _told_by_both(roos, [teaser, aside, other])[0] == teaser
    # a deed told far down the article is no delayed lede, and a lede telling a deed stays
    assert _told_by_both(roos, [teaser, other, other.replace("proud of", "fond of"), "Gulls circled the quay.", deed])[0] == teaser
    done = "Harbour master Ada Roos has counted the first fares of the Tamsk ferries."
    assert _told_by_both(roos, [done, deed, other])[0] == done


def test_brief_a_day_the_source_gives_after_its_day_word_is_not_added_again() -> None:
    from storyweave.brief import _dated
    from storyweave.brief.order import Candidate
    from storyweave.model import DateMention

    def dated(text: str) -> str:
        start = text.index("today")
        today = DateMention("d1", "a", "today", (start, start + 5), "2011-10-20")
        return _dated(Candidate(text, ("a",), 1, 0.0, None, "a", (0, len(text))), [today])  # type: ignore[arg-type]

    assert dated("The port reopened today (20 October 2011) after repairs.") == \
        "The port reopened today (20 October 2011) after repairs."
    assert dated("The port reopened today after repairs.") == "The port reopened today [20 October 2011] after repairs."
    assert dated("The port reopened today (at last) after repairs.") == \
        "The port reopened today [20 October 2011] (at last) after repairs."


def test_brief_names_the_person_a_delayed_lede_tells_by_office_alone() -> None:
    # Session 41: the teaser named the person; the delayed lede put before it tells them by
    # office alone ("the Tamsk harbour master"), whom a reader meeting it first cannot place.
    teaser = "The dockers of the Ellis quay have not finished with Ada Roos."
    deed = "At a loud rally by the Ellis quay on Friday, angry fishermen urged the Ostland senator to resign over the new fees."
    other = "The dockers of the Ellis quay are proud of the new cranes."
    roos = Entity("ent-roos", "Ada Roos", "PERSON", ("Roos",), ("a", "b"))

    texts = _told_by_both(roos, [teaser, deed, other])
    assert texts[0] == deed.replace("senator", "senator [Ada Roos]"), texts
    # a line that names someone is left as it is: the office may be another's
    named = deed.replace("angry fishermen", "Ivo Brand and angry fishermen")
    brand = Entity("ent-brand", "Ivo Brand", "PERSON", ("Brand",), ("a", "b"))
    assert _told_by_both(roos, [teaser, named, other], [brand])[0] == named
