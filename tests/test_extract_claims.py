"""The claim-strength model inside find_claims: it may hedge, never assert."""

from __future__ import annotations

import pytest

def _certainty(text: str):
    """The certainty and cue the claim rules give one sentence written alone."""
    from storyweave.extract.claims import certainty_of
    from storyweave.nlp import load_nlp

    return certainty_of(load_nlp()(text)[:], text, False)


pytestmark = pytest.mark.slow


def test_extract_claims_model_hedges_a_conditional_finding_with_its_cue():
    from storyweave.embed import embed
    from storyweave.extract.claims import _model_hedge
    from storyweave.model import Certainty
    from storyweave.nlp import load_nlp

    hedged = "The findings suggest that daily exercise could potentially slow memory loss in older adults."
    direct = "Daily exercise slows memory loss in older adults, the trial found."
    vectors = embed([hedged, direct])
    nlp = load_nlp()
    assert _model_hedge(hedged, vectors[0], nlp(hedged)) == (Certainty.HEDGED, "suggest")
    assert _model_hedge(direct, vectors[1], nlp(direct)) is None


def test_extract_claims_strength_probabilities_are_calibrated_and_read_the_parse():
    from storyweave.embed import embed
    from storyweave.extract.strength import dependency_features, strength_probabilities
    from storyweave.nlp import load_nlp

    texts = ["Regular aspirin use may lower the risk of colon cancer, the researchers said.",
             "Regular aspirin use lowers the risk of colon cancer."]
    nlp = load_nlp()
    parses = [nlp(t) for t in texts]
    probabilities = strength_probabilities(texts, embed(texts), parses)
    assert probabilities.shape == (2, 4) and abs(probabilities.sum() - 2.0) < 1e-9
    assert probabilities[0].argmax() == 2 and probabilities[1].argmax() == 3
    # The modal on the main verb is a fact of the parse; without a parse one is made.
    assert set(dependency_features(parses[0])) != set(dependency_features(parses[1]))
    assert abs(strength_probabilities(texts, embed(texts)) - probabilities).max() < 1e-9


def test_extract_claims_a_main_clause_keeps_to_its_sentence():
    # Where the parser's sentence runs past ours, the words past it are another claim's:
    # a "main clause" holding them would join this claim to that claim's fact.
    from storyweave.extract.claims import main_clause, speech_parts
    from storyweave.nlp import load_nlp

    text = "Harbour master Ada Quell told the court in Tamsk on Monday that the old ferry pier was safe for trucks."
    doc = load_nlp()(text)
    ours = doc.char_span(0, text.index(" that"))
    core = main_clause(ours)
    assert core is None or "pier" not in core
    said = speech_parts(ours)
    assert said is None or "pier" not in said[0]


def test_extract_claims_a_full_stop_of_an_abbreviation_ends_no_claim():
    from storyweave.annotate import _sentences
    from storyweave.nlp import load_nlp

    text = ("Lopez was arrested for walking down Pitkin Ave. brandishing a loaded gun three years ago, police said.\n"
            "the next line is its own paragraph.")
    sentences = [s.text for s in _sentences(load_nlp()(text))]
    # A paragraph still ends its sentence, whatever letter the next one opens with.
    assert sentences == ["Lopez was arrested for walking down Pitkin Ave. brandishing a loaded gun three years ago, police said.",
                         "the next line is its own paragraph."]
    # A title in the plural before two names ends no sentence either.
    text = "The mayor spared her rivals, particularly Sens. Ada Roos and Ivo Marr, who say she lacks experience."
    assert [s.text for s in _sentences(load_nlp()(text))] == [text]


def test_extract_claims_a_typewriter_quotation_mark_opens_the_sentence_it_quotes():
    from storyweave.annotate import _sentences
    from storyweave.nlp import load_nlp

    # News archives write quotation marks as two apostrophes; the one opening a sentence
    # belongs to it, not to the sentence before.
    text = ("It favours limiting the sway of big harbour firms in politics. ''We need to be writing those rules "
            "into the port's charter.'' Some pilots are less sure.")
    assert [s.text for s in _sentences(load_nlp()(text))] == [
        "It favours limiting the sway of big harbour firms in politics.",
        "''We need to be writing those rules into the port's charter.''",
        "Some pilots are less sure."]


def test_extract_claims_a_closing_quotation_mark_before_a_paragraph_break_ends_its_sentence():
    from storyweave.annotate import _sentences
    from storyweave.nlp import load_nlp

    # The parser may end the sentence inside the quotation and make a sentence of the mark
    # alone; the mark closes the quotation, and a brief line must not leave it open.
    text = 'The mayor called the bridge "a relic."\n\nEngineers disagreed.'
    assert [s.text for s in _sentences(load_nlp()(text))] == ['The mayor called the bridge "a relic."', "Engineers disagreed."]


def test_extract_claims_a_dateline_is_no_sentence_and_no_subject():
    from storyweave.annotate import _sentences
    from storyweave.nlp import load_nlp

    text = ("DUNMORE BAY, Ore. (AP) — The two ferry companies merged on Friday, ending a decade of rivalry.\n"
            "LINDQVIST - Harbour pilots in the town went on strike.\n"
            "A STORM - SURGE warning was lifted at noon.")
    doc = load_nlp()(text)
    assert [s.text for s in _sentences(doc)] == [
        "The two ferry companies merged on Friday, ending a decade of rivalry.",
        "Harbour pilots in the town went on strike.",
        # a lead in capitals is no dateline
        "A STORM - SURGE warning was lifted at noon."]
    subjects = {t.text for t in doc if t.dep_ == "nsubj" and t.head.lemma_ in ("merge", "go")}
    assert subjects == {"companies", "pilots"}


def test_extract_claims_a_related_headline_or_a_bid_to_the_reader_is_no_claim():
    from storyweave.extract.claims import find_claims
    from test_extract_quotes import _annotation

    text = ("The harbour board approved a new container quay for Port Ellis on Monday.\n"
            "Take some 7,000 fishermen and a quay half a mile long.\n"
            "Ferry Crews Walk Out Over Pay In Row With The Board\n"
            "INTENSE WORK ON BOTH PIERS IS PLANNED.\n"
            "Work on the quay will start in the spring.")
    claims = [c.text for c in find_claims(_annotation(text), [])]
    # Another story's headline, a subheading in capitals and a feature's bid to the reader
    # state nothing of this one.
    assert claims == ["The harbour board approved a new container quay for Port Ellis on Monday.",
                      "Work on the quay will start in the spring."]



def test_extract_claims_a_line_cut_off_at_a_comma_or_a_conjunction_is_no_claim():
    from storyweave.extract.claims import find_claims
    from test_extract_quotes import _annotation

    text = ("The new rules let the port skip a review in three cases.\n"
            "Where the dredging is wholly beneficial to the harbour, or\n"
            "Ida Marsh, director of the Lind Harbour Trust, commented,\n"
            "The trust will go to court over the rules.")
    claims = [c.text for c in find_claims(_annotation(text), [])]
    # Half a statement, which another outlet's whole one ("It must be wholly beneficial,
    # …") had corroborated as a fact of its own.
    assert claims == ["The new rules let the port skip a review in three cases.",
                      "The trust will go to court over the rules."]


def test_extract_claims_a_quotation_mark_opening_the_next_sentence_stays_with_it():
    from storyweave.annotate import _sentences
    from storyweave.nlp import load_nlp

    text = "No one photographed the handshake. ''That wasn't a good way to treat me,'' the mayor said afterward."
    assert [s.text for s in _sentences(load_nlp()(text))] == [
        "No one photographed the handshake.", "''That wasn't a good way to treat me,'' the mayor said afterward."]


def test_extract_claims_a_quotation_mark_ending_a_paragraph_closes_its_quotation():
    from storyweave.annotate import _sentences
    from storyweave.nlp import load_nlp

    # Issue 7. Text written with `` and '': the mark before a line break ends the quotation,
    # and the next paragraph's statement does not open with it.
    text = ("`` The crews saved the chapel next door. The hall itself is gone. ''\n"
            "Chief Ida Marsh added that no one had been hurt in the blaze.")
    sentences = [s.text for s in _sentences(load_nlp()(text))]
    assert sentences[-1] == "Chief Ida Marsh added that no one had been hurt in the blaze."
    assert sentences[-2].endswith("gone. ''")


def test_extract_claims_hedge_words_in_a_sense_that_weakens_nothing_hedge_nothing():
    from storyweave.model import Certainty

    # a poll's population, an inability, a sight, people held, a surprising pairing
    for text in ("The survey of 900 likely Democratic primary voters shows Vale ahead.",
                 "Tusk could not be reached for comment on Monday.",
                 "In some streets, bodies could be seen on the pavement.",
                 "Police arrested two suspects near the harbour on Friday.",
                 "The pact capped an unlikely alliance between the two mayors."):
        assert _certainty(text) == (Certainty.ASSERTED, None), text
    # … while the same words still hedge a statement
    assert _certainty("The tax could rise next year.") == (Certainty.HEDGED, "could")
    assert _certainty("The plan could be seen as a retreat by the board.") == (Certainty.HEDGED, "could")
    assert _certainty("Police suspect the fire was set on purpose.") == (Certainty.HEDGED, "suspect")
    assert _certainty("The ministry likely hid the breach for two years.") == (Certainty.HEDGED, "likely")
    assert _certainty("Officials fear that the dam will break soon.") == (Certainty.HEDGED, "fear")


def test_extract_claims_past_hedges_unattributed_reports_and_quotes_before_their_speaker():
    from types import SimpleNamespace

    from storyweave.extract.claims import _speech_after_quotation, certainty_of
    from storyweave.model import Certainty
    from storyweave.nlp import load_nlp

    nlp = load_nlp()
    for text, cue in (("The board appeared to back down on Friday.", "appeared to"),
                      ("The judges seemed to accept the harbour board's argument.", "seemed to"),
                      ("It has been reported that the harbour master quietly resigned.", "It has been reported that")):
        assert certainty_of(nlp(text)[:], text, False) == (Certainty.HEDGED, cue), text

    # The parser may leave "said" with no subject after a quotation ("''…,'' Ann Lee, his aide,
    # said"): the verb after the closing mark still attributes the sentence.
    def token(text: str, pos: str = "X", lemma: str | None = None) -> SimpleNamespace:
        return SimpleNamespace(text=text, pos_=pos, lemma_=lemma or text.lower())

    words = [token("''"), token("They"), token("were", "AUX", "be"), token("rivals"), token(","), token("''"),
             token("Ann", "PROPN"), token("Lee", "PROPN"), token(","), token("said", "VERB", "say"), token(".")]
    assert _speech_after_quotation(words) == "said"
    assert _speech_after_quotation(words[1:]) is None


def test_extract_claims_a_hedge_inside_a_clause_that_qualifies_a_noun_weakens_nothing_said():
    from storyweave.model import Certainty

    # the modal, or the doubt, is about a noun's description, not what the sentence states
    for text in ("Of all the arguments that could be made against the levy, the mayor chose the cost.",
                 "The board agreed to set up a panel to study rules that could cut the pilots' role.",
                 "The council backed a register of ferries that might be unsafe.",
                 "The ministry misled the public about alleged fraud at the port authority.",
                 "Varga remained the lone and unlikely rival to the mayor.",
                 "Older pilots are more likely to sail in fog.",
                 "The crews could no longer defend the old timetable."):
        assert _certainty(text) == (Certainty.ASSERTED, None), text
    # … while a modal of the main clause, or of what a main "is" states, still hedges
    assert _certainty("This is a pilot who could be bribed tomorrow.") == (Certainty.HEDGED, "could")
    assert _certainty("The alleged smuggler fled the harbour.") == (Certainty.HEDGED, "alleged")
    assert _certainty("Varga lost the ward that she could have won, but she might win the next one.") == (Certainty.HEDGED, "might")


def test_extract_claims_verbs_of_speech_in_another_sense_attribute_nothing():
    from storyweave.model import Certainty

    for text in ("The two ferry lines called off their merger after the ruling.",
                 "The new rules let owners write off their losses at once.",
                 "Varga continues to lead the race for mayor.",
                 "The levy is pointing the port toward a very different future.",
                 "As a pilot who has written about the harbour for 20 years, I distrust the plan."):
        assert _certainty(text) == (Certainty.ASSERTED, None), text
    assert _certainty("The mayor kept saying the pier was safe.") == (Certainty.ATTRIBUTED, "saying")
    assert _certainty("The council continued: the pier will reopen in May.")[0] is Certainty.ATTRIBUTED
    assert _certainty("Sherman, who reported that the port paid a fine, left.")[0] is Certainty.ATTRIBUTED


def test_extract_claims_a_forecast_and_an_impression_are_hedged():
    from storyweave.extract.claims import certainty_of
    from storyweave.model import Certainty
    from storyweave.nlp import load_nlp

    nlp = load_nlp()
    for text, cue in (("The ferry line is expected to cut 40 jobs this week.", "is expected to"),
                      ("The mayor had been expected to visit the quay on Monday.", "had been expected to"),
                      ("It seems a near certainty that the levy will pass.", "It seems")):
        assert certainty_of(nlp(text)[:], text, False) == (Certainty.HEDGED, cue), text
    text = "The ferry line expected to cut 40 jobs, but kept them all."
    assert certainty_of(nlp(text)[:], text, False)[0] is not Certainty.HEDGED


def test_extract_claims_speech_verbs_that_report_no_words_leave_the_sentence_the_outlets():
    from storyweave.model import Certainty

    for text in ("The captain's silence is telling in its own right.",        # "telling" = revealing
                 "Only time will tell whether the levy works.",
                 "The ferry line continued its attacks on the levy.",         # "continue" with an object
                 "Most of the harbour's guidebooks were written by pilots.",  # authorship
                 "The protests only added to the council's troubles.",        # "add to" = increase
                 "The port must also acknowledge its debts.",                 # a demand of the writer
                 "The ferry line did not respond to the request.",            # no words were given
                 "The levy has divided the port since the mayor announced her plan in March.",
                 "Varga changed her tone when she read from prepared notes."):
        assert _certainty(text) == (Certainty.ASSERTED, None), text
    for text, cue in (("The mayor told reporters the pier was safe.", "told"),
                      ("She added that the vote was close.", "added"),
                      ("He did not say whether he would run.", "say"),
                      ("The levy is a mistake, as the Gazette noted in an editorial.", "noted"),
                      ("Sixty percent back the levy while 30 percent say the opposite.", "say"),
                      ("The owners contended in a letter that the levy was illegal.", "contended")):
        assert _certainty(text) == (Certainty.ATTRIBUTED, cue), text


def test_extract_claims_a_modal_of_a_condition_or_a_doubt_on_an_object_weakens_nothing_said():
    from storyweave.model import Certainty

    assert _certainty("Varga told the board she would run again if she could win the harbour ward.") \
        == (Certainty.ATTRIBUTED, "told")
    assert _certainty("The council rejected the plan, although some of its members might back it later.") \
        == (Certainty.ASSERTED, None)
    assert _certainty("The council turned to how the party treats its likely nominee.") == (Certainty.ASSERTED, None)
    assert _certainty("A poll found 60 percent of likely women voters back the levy.")[0] is not Certainty.HEDGED
    # the main clause's modal, a doubt on the subject and a chance weighed still hedge
    assert _certainty("The pier may close if the storm returns.") == (Certainty.HEDGED, "may")
    assert _certainty("The likely nominee will face a runoff.") == (Certainty.HEDGED, "likely")
    assert _certainty("Varga spoke, with a remark not likely to win her votes.") == (Certainty.HEDGED, "likely")


def test_extract_claims_an_impression_a_negated_forecast_and_a_shared_subject():
    from storyweave.model import Certainty

    assert _certainty("While the storm raged, the harbour team appeared paralyzed.") == (Certainty.HEDGED, "appeared")
    assert _certainty("Her supporters seemed equally unperturbed.") == (Certainty.HEDGED, "seemed")
    assert _certainty("But it was not expected to be the smoothest of votes.") == (Certainty.HEDGED, "was not expected to")
    assert _certainty("The pilots appeared at the hearing on Monday.") == (Certainty.ASSERTED, None)
    # a second verb, or a participle after a comma, speaks for the first verb's subject
    assert _certainty("In an interview with the Gazette, Varga doubled down on her comments and said the judge "
                     "had a conflict of interest.") == (Certainty.ATTRIBUTED, "said")
    assert _certainty("She has pushed back against the accusations, saying he has been a pioneer.") \
        == (Certainty.ATTRIBUTED, "saying")
    # … but only a verb that reports a clause: a passive or a naming reports nothing
    assert _certainty("Around 2,000 pilots sit the exam every year and around 300 are admitted.") \
        == (Certainty.ASSERTED, None)
    assert _certainty("The study adds to evidence that the levy works.") == (Certainty.ATTRIBUTED, "adds")
    assert _certainty("Advances in dredging are likely causes of the decline.") == (Certainty.HEDGED, "likely")


def test_extract_claims_a_doubt_the_writer_admits_and_a_look_of_a_state_are_hedged():
    from storyweave.model import Certainty

    assert _certainty("It’s unclear whether the ferry will run next week.") == (Certainty.HEDGED, "It’s unclear")
    assert _certainty("It's unclear at this point.") == (Certainty.HEDGED, "It's unclear")
    assert _certainty("The mayor appeared rattled at the hearing on Monday.") == (Certainty.HEDGED, "appeared")
    assert _certainty("The pilots appeared at the hearing on Monday.") == (Certainty.ASSERTED, None)


def test_extract_claims_not_knowing_how_or_when_something_happened_does_not_doubt_that_it_did():
    from storyweave.model import Certainty

    # The pipes were damaged; only how, and when they are mended, is unknown. Read as a
    # hedge, this sentence made "The storm broke all three pipes" a certainty shift.
    assert _certainty("It's still unclear how the pipes were damaged or when they will be fixed.")[0] \
        is Certainty.ASSERTED
    assert _certainty("It is unclear, exactly when the ferry will run again.")[0] is Certainty.ASSERTED
    assert _certainty("It's still unclear whether the pipes were damaged.")[0] is Certainty.HEDGED


def test_extract_claims_a_hedge_of_a_side_clause_or_an_intensifier_weakens_nothing_said():
    from storyweave.model import Certainty

    # a look, a doubt or a modal inside a clause about a noun or a time; "possibly" as "at most"
    assert _certainty("The pilot told a sailor who seemed to be lost where the harbour was.") \
        == (Certainty.ATTRIBUTED, "told")
    for text in ("The mayor signed a petition, which appeared to be aimed at the port board.",
                 "The port kept its fees after it allegedly hid the losses from the council.",
                 "She is staying as far away from the levy as she possibly can.",
                 "The board will do everything it possibly can to keep the ferry running."):
        assert _certainty(text) == (Certainty.ASSERTED, None), text
    assert _certainty("Varga says she couldn’t see herself backing the levy.") == (Certainty.ATTRIBUTED, "says")
    # … while a doubt of the sentence itself still hedges
    assert _certainty("The pilots possibly could strike next week.") == (Certainty.HEDGED, "possibly")
    assert _certainty("The pilots seem to be drifting toward the levy.") == (Certainty.HEDGED, "seem to")
    assert _certainty("Young pilots, who seem to be drifting toward the levy.") == (Certainty.HEDGED, "seem to")


def test_extract_claims_what_someone_did_in_a_side_clause_is_no_source_of_the_sentence():
    from storyweave.model import Certainty

    for text in ("The editor fired three reporters who criticized the owner.",
                 "A letter from the pilots, which urged a delay, reached the council on Monday.",
                 "The ruling comes before the hearing, which the port has vowed to ignore.",
                 "Even with all precincts reporting, the race remained too close to call.",
                 "The band added two new songs, including a ballad.",
                 "The mayor has spent her week responding to the port's troubles."):
        assert _certainty(text) == (Certainty.ASSERTED, None), text
    # words given, a report of a figure, a quoted answer and a finding still attribute
    for text, cue in (("The ferry line, which reported losing 40 million, cut its fares.", "reported"),
                      ("The mayor responded to the letter by calling it “a stunt”.", "responded"),
                      ("The economists found that the levy cut 300 jobs.", "found"),
                      ("They estimated that the levy cost the port 300 jobs.", "estimated"),
                      ("He then implied that the pilots should be fired.", "implied"),
                      ("The council also points out some figures on the levy:", "points")):
        assert _certainty(text) == (Certainty.ATTRIBUTED, cue), text


def test_extract_claims_a_stance_or_an_act_someone_took_is_the_outlets_statement():
    # session 35: the quote stage records "endorsed the bid" or "voted against the levy" as an
    # indirect quote; no words of anyone's are given, so the outlet states it
    from storyweave.extract.claims import find_claims
    from storyweave.model import Certainty
    from test_extract_quotes import _quotes

    text = ("Mayor Ilse Varga on Friday endorsed the re-election of harbour master Tomas Brennick.\n"
            "Councillor Ada Lenk voted against the new levy on ferry tickets in March.\n"
            "Brennick said no to the plan for a second container quay.\n"
            "Lenk said the levy would cost the port hundreds of jobs.\n"
            "Brennick weighed in on the allegations against the harbour master, calling them “a witch hunt”.")
    ann, _, found = _quotes(text)
    certainty = {c.text: c.certainty for c in find_claims(ann, found)}
    assert certainty == {
        "Mayor Ilse Varga on Friday endorsed the re-election of harbour master Tomas Brennick.": Certainty.ASSERTED,
        "Councillor Ada Lenk voted against the new levy on ferry tickets in March.": Certainty.ASSERTED,
        "Brennick said no to the plan for a second container quay.": Certainty.ASSERTED,
        # a clause someone said, or words quoted beside the stance, are still theirs
        "Lenk said the levy would cost the port hundreds of jobs.": Certainty.ATTRIBUTED,
        "Brennick weighed in on the allegations against the harbour master, calling them “a witch hunt”.": Certainty.ATTRIBUTED}


def test_extract_claims_a_testimony_a_response_or_a_concession_is_the_outlets_statement():
    # session 36: nothing of the testimony is told; what is responded to is not what was said;
    # a concession's speaker is not the source of what holds despite it
    from storyweave.model import Certainty

    for text in ("The harbour master testified before the port committee in 2019.",
                 "Brennick responded Friday to reports that he had sold his boat.",
                 "The council lost the vote, even though several members said they supported the levy.",
                 "The levy passed by nine votes, though four members said they had not read it.",
                 "Although the mayor said the quay was safe, the ferry line closed it on Monday.",
                 "Tomas Brennick found himself increasingly isolated on the council by Tuesday."):
        assert _certainty(text) == (Certainty.ASSERTED, None), text
    for text, cue in (("Ada Lenk testified that the quay was unsafe for trucks.", "testified"),
                      ("The mayor said the quay was safe, though she would not say when it reopens.", "said"),
                      ("Brennick belittled the complaint, calling it a “clerical slip” in a short statement.", "calling"),
                      ("A harbour group is demanding that the council publish the ferry contracts.", "demanding")):
        assert _certainty(text) == (Certainty.ATTRIBUTED, cue), text


def test_extract_claims_fearing_someone_and_a_doubt_on_a_circumstance_hedge_nothing():
    # session 36: "no longer fear us" dreads someone; "reportedly" doubts the "with" clause only
    from storyweave.model import Certainty

    assert _certainty("Our rivals no longer fear us, the mayor said.") == (Certainty.ATTRIBUTED, "said")
    assert _certainty("With the mayor reportedly weighing a second term, a survey found that she would win easily.") \
        == (Certainty.ATTRIBUTED, "found")
    assert _certainty("Residents fear more flooding after the storm.")[0] is Certainty.HEDGED
    assert _certainty("The mayor reportedly weighed a second term.")[0] is Certainty.HEDGED


def test_extract_claims_a_finding_of_oneself_is_no_quote():
    # session 36: the quote stage reads "found himself …" as a finding; it reports no words
    from storyweave.extract.claims import find_claims
    from storyweave.model import Certainty
    from test_extract_quotes import _quotes

    text = "Tomas Brennick found himself increasingly isolated on the harbour council by Tuesday."
    ann, _, found = _quotes(text)
    assert [c.certainty for c in find_claims(ann, found)] == [Certainty.ASSERTED]
