"""The timeline places a sentence at the time of what it tells, not at the time of a thing
it only mentions (invented reports, published on Saturday, August 24, 2013)."""

from __future__ import annotations

import pytest


def _timeline(folder, sentence: str) -> list[str]:
    """The timeline dates of a one-sentence report published on Saturday, August 24, 2013."""
    from storyweave.pipeline import analyze
    from storyweave.store import open_store

    (folder / "orsk.txt").write_text(f"Saturday, August 24, 2013\nOrsk Harbour News\n\n{sentence}\n", encoding="utf-8")
    with open_store(":memory:") as store:
        analysis, failures = analyze([str(folder)], store=store)
    assert not failures
    return [entry["date"] for entry in analysis["stories"][0]["timeline"]]


@pytest.mark.parametrize("sentence, told", [
    # a span reaching back to the telling is no point of it
    ("Ferry bookings fell among travellers who decided over the last month, the harbour office said on Friday.",
     ["2013-08-23"]),
    # what is done ahead of a time is not at it
    ("Ahead of the August 30 vote, Mayor Ida Marsh toured the harbour on Friday.", ["2013-08-23"]),
    # a past thing named in a clause told in the present
    ("Harbour master Lina Varis faces a fine over the August 12 spill.", []),
    # a thing named in a clause another date places
    ("On Friday, the council overturned Monday's ruling on the ferry fares.", ["2013-08-23"]),
    # a present told after a time since gone, and a thing named by the time it follows
    ("After her August 20 defeat, Mayor Ida Marsh is weighing her options.", []),
    ("The ferry crews will strike on Friday, August 30, the first sailing day after the August 20 storm.", ["2013-08-30"]),
    # a day gone named in what is still to come, or in what should be now
    ("The ruling of August 19, 2013 on the ferry fares will reverberate along the coast.", []),
    ("The mayor should get a boost from the win August 20, 2013, her aides said.", []),
    # the time a span or a change is counted from
    ("The mayor has toured the harbour twice since becoming harbour chair in July.", []),
    ("Ferry bookings are down 12 percent from the first quarter.", []),
    # times offered as alternatives
    ("The council may vote on the fares in September or October.", []),
    # a bare month of a year the sentence has named
    ("Eight years ago, the harbour closed for repairs in February.", []),
    # the time of a clause of comparison
    ("The ferry ran faster than it did on Tuesday.", []),
    # a perfect after a time tells a thing done since, and a thing to come after a time is not at it
    ("After suspending the ferry on Tuesday night, the harbour office has laid off its crews.", []),
    ("After Tuesday's storm, the mayor had already closed the pier.", []),
    ("The fares case is set to go to trial after the October election.", []),
    ("Both sides agreed on one thing in the wake of Tuesday's ruling: fares will rise.", []),
    # the time of a thing mentioned
    ("The harbour master referred to Tuesday's vote.", []),
    # a span counted back to the telling
    ("The mayor and her aides have spent the last week trying to reach a deal.", []),
    # a coming thing named in a clause told in the past
    ("Mayor Ida Marsh was not hopeful about the looming vote in October.", []),
    ("The council's deal set the stage for a calmer regatta next weekend.", []),
    # a thing the clause tells to have come after or before
    ("The crews' walkout followed the union's August 2 vote.", []),
    # an hour told in the past with no day written is of a day the report does not give
    ("Across the port, the dockers began meeting at 10 a.m. and left at noon.", []),
    ("Shortly before midnight, with most ballots counted, the mayor had a narrow lead.", []),
    # a season of a habit told of things in general, and a time a speaker only suggests
    ("Ferry fares rise in the spring, the harbour master told the council on Friday.", ["2013-08-23"]),
    ("\"If you want calm seas, you might want to wait until October,\" the harbour master said on Friday.",
     ["2013-08-23"]),
    # days one after the other giving a stand each: a figure of someone who keeps changing
    ("\"Not a mayor who says she is neutral on Monday, hostile on Tuesday and who knows what on Wednesday,\" he said.",
     []),
    # a page's own stamp glued before the sentence: the day the page was written, not an event's
    ("Aug. 24, 2013 10:34 PM EDT The ferry to Orsk sailed again on Friday after the storm.", ["2013-08-23"]),
])
def test_timeline_leaves_out_the_time_of_a_thing_only_mentioned(tmp_path, sentence: str, told: list[str]):
    assert _timeline(tmp_path, sentence) == told


@pytest.mark.parametrize("sentence, told", [
    # the time of an event the clause happened at
    ("Mayor Ida Marsh clashed with the council at Tuesday's meeting.", ["2013-08-20"]),
    # a document speaks in the present of its day
    ("A Tuesday letter from the council warns that fares will rise.", ["2013-08-20"]),
    # the occasion of a telling dates the clause told
    ("She said the ferry does not need a subsidy, in an interview on Friday.", ["2013-08-23"]),
    # a thing told in the past after a time may be on its day; "before" a board is a place
    ("After the vote on Tuesday, Mayor Ida Marsh told reporters she was pleased.", ["2013-08-20"]),
    ("Mayor Ida Marsh testified before the harbour board on Friday.", ["2013-08-23"]),
    ("The ferry ran faster on Tuesday than it ever did.", ["2013-08-20"]),
    ("In a poll cited on Tuesday, the mayor led the field.", ["2013-08-20"]),
    ("The mayor's lawyer invoked the harbour's troubled history in hearings in June.", ["2013-06"]),
    ("If the vote fails, the council will be left with little more than the news release the mayor issued last week.",
     ["2013-W33"]),
    ("The harbour master said it looks like the ferry will be running again in October.", ["2013-10"]),
    # what lasts until a time reaches it
    ("The mayor vowed on Friday to keep the ferry running until the regatta in October.", ["2013-08-23", "2013-10"]),
    # a negated modal judges a deed, on its day; a month of the year named is placed
    ("\"You can't cut the ferry last February and then ask for our votes,\" the mayor told the council.", ["2013-02"]),
    ("In 2013 the harbour closed for repairs in February.", ["2013-02"]),
    ("The harbour closed for repairs in February.", ["2013-02"]),
    # a plan a past clause sets is at its coming day
    ("The council scheduled a vote on the fares for Tuesday, August 27.", ["2013-08-27"]),
    ("The harbour master was due to reopen the pier on Monday.", ["2013-08-26"]),
    # an hour still to come is the report's day's; a day written before carries it
    ("The hearing opens at 10 a.m.", ["2013-08-24T10:00"]),
    # a season of what will be, and a possibility, with or without a condition, keep their times
    ("Ferry fares will rise in the spring.", ["2014-SP"]),
    ("The council might vote on the fares in October.", ["2013-10"]),
    ("If the vote fails, the council will meet again in October.", ["2013-10"]),
    ("If the crews lose the vote, the strike might end in October.", ["2013-10"]),
    # days one after the other of places to be are an itinerary
    ("The mayor is in Oslo on Monday and in Bergen on Tuesday.", ["2013-08-19", "2013-08-20"]),
    ("The crews voted on Friday. They began meeting at 10 a.m.", ["2013-08-23", "2013-08-23T10:00"]),
])
def test_timeline_keeps_the_time_of_what_is_told(tmp_path, sentence: str, told: list[str]):
    assert _timeline(tmp_path, sentence) == told


def test_timeline_shows_a_quotation_the_parser_cut_from_its_opening_mark(tmp_path):
    from storyweave.pipeline import analyze
    from storyweave.store import open_store

    (tmp_path / "orsk.txt").write_text(
        "Saturday, August 24, 2013\nOrsk Harbour News\n\nThe ferry will sail again next month.\n\n"
        "“I would love to see the ferry back, I would love that. I think the harbour will do very well,” "
        "Mayor Ida Marsh said on Friday.\n", encoding="utf-8")
    with open_store(":memory:") as store:
        analysis, _ = analyze([str(tmp_path)], store=store)
    (article,) = analysis["articles"]
    (friday,) = [e for e in analysis["stories"][0]["timeline"] if e["date"] == "2013-08-23"]
    assert friday["text"].startswith("“I would love to see the ferry back")
    assert friday["text"].endswith("said on Friday.")
    start, end = friday["span"]
    assert article["text"][start:end] == friday["text"]
