"""Tests for storyweave.framing (headline sensationalism)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyweave.framing import HeadlineFraming, frame_headline, sensationalism, sensationalism_many

CLICKBAIT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "clickbait"

# Measured 0.9862 on the evaluation slice (1,600 rows) with the committed model
# (framing-ens.v2; 0.9819 with framing-lr.v1); the floor leaves 0.005 (8 headlines) of
# slack. Raise it when the model improves; never lower it without saying why.
EVAL_SLICE_ACCURACY_FLOOR = 0.981

PLAIN = [
    "Putin and Kim sign defence pact in Pyongyang",
    "Central bank holds interest rates at 4.5 per cent",
    "Flooding closes three motorways in northern England",
    "Parliament Approves Budget After Late-Night Vote",
    "Chile elects new president in run-off",
]
TEASERS = [
    "Now America will lose its sleep... X and Y joined hands",
    "X made a deal, America got into tension – know what is the agreement?",
    "You won't believe what happened next",
    "17 Things Only People Who Hate Mornings Will Understand",
    "This Dog's Reaction To Snow Will Make Your Whole Day",
]


def test_framing_plain_scores_low_and_teasers_high() -> None:
    plain = [sensationalism(h) for h in PLAIN]
    teasers = [sensationalism(h) for h in TEASERS]
    assert max(plain) < 0.3, plain
    assert min(teasers) > 0.7, teasers
    assert max(plain) < min(teasers)


def test_framing_teaser_joined_to_a_summary_still_reads_as_a_teaser() -> None:
    # A long headline whose plain second half (a summary with names and facts) made the
    # models read the whole as news: the reader meets the teaser first.
    teaser = "Now the mayor will lose his sleep..."
    summary = ("Harbour board of Port Ellis approves new container quay - The board voted 7 to 2 on Monday "
               "to build a 400-metre quay at the north pier, officials said")
    assert sensationalism(f"{teaser} {summary}") > 0.7
    assert sensationalism(summary) < 0.3  # two plain parts stay plain


def test_framing_title_case_does_not_change_plain_score() -> None:
    sentence = sensationalism("Putin and Kim sign defence pact in Pyongyang")
    title = sensationalism("Putin And Kim Sign Defence Pact In Pyongyang")
    assert sentence == title


@pytest.mark.parametrize(
    ("headline", "signal"),
    [
        ("Is the euro finished?", "question"),
        ("Storm brings MASSIVE floods to the coast", "ALL CAPS ('MASSIVE')"),
        ("Now America will lose its sleep... X and Y joined hands", "ellipsis"),
        ("Now America will lose its sleep… X and Y joined hands", "ellipsis"),
        ("What this means for your savings", "second person ('your')"),
        ("10 things to do in Paris", "number list ('10 things')"),
        ("Here's why the market fell (VIDEO)", "media tag ('(VIDEO)')"),
        ("Deal struck, know what is in it", "'know what…' tease"),
    ],
)
def test_framing_signals_found(headline: str, signal: str) -> None:
    assert signal in frame_headline(headline).signals


def test_framing_plain_headline_has_no_signals() -> None:
    assert frame_headline("Putin and Kim sign defence pact in Pyongyang").signals == ()


def test_framing_the_u_of_us_is_no_second_person() -> None:
    for headline in ("Mayor calls on U.S. to lead harbour talks", "U.N. vote on ferries delayed", "Council makes U-turn on levy"):
        assert not any(s.startswith("second person") for s in frame_headline(headline).signals), headline
    assert "second person ('u')" in frame_headline("What u need to know about the levy").signals


def test_framing_acronyms_are_not_all_caps() -> None:
    signals = frame_headline("NATO and the EU meet in Brussels").signals
    assert not any(s.startswith("ALL CAPS") for s in signals)


def test_framing_deterministic() -> None:
    headline = "You Won't Believe What This Politician Said About Taxes"
    first = frame_headline(headline)
    assert frame_headline(headline) == first
    assert sensationalism(headline) == first.sensationalism


@pytest.mark.parametrize("headline", ["", "   ", "\n\t"])
def test_framing_empty_headline(headline: str) -> None:
    assert sensationalism(headline) == 0.0
    assert frame_headline(headline) == HeadlineFraming(headline, 0.0, ())


def test_framing_many_scores_in_order_with_blanks() -> None:
    scores = sensationalism_many([PLAIN[0], "  ", TEASERS[2], PLAIN[1]])
    assert scores[1] == 0.0
    assert scores[0] < 0.5 < scores[2] and scores[3] < 0.5
    assert scores[2] == sensationalism(TEASERS[2])


def test_framing_score_in_unit_interval() -> None:
    for h in PLAIN + TEASERS + ["!!!", "?", "a" * 2000]:
        assert 0.0 <= sensationalism(h) <= 1.0


def test_framing_body_gap_flagged() -> None:
    body = (
        "The city council voted on Tuesday to extend the tram line to the airport.\n\n"
        "Construction will start next spring and cost about 40 million euros, the council said."
    )
    framing = frame_headline("Celebrity chef reveals secret pasta recipe", body)
    assert "headline not supported by the body" in framing.signals
    assert framing.sensationalism == sensationalism("Celebrity chef reveals secret pasta recipe")


def test_framing_body_supporting_headline_not_flagged() -> None:
    body = (
        "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a "
        "mutual defence pact in Pyongyang on Wednesday.\n\nThe agreement commits each side "
        "to help the other if attacked."
    )
    framing = frame_headline("Putin and Kim sign defence pact in Pyongyang", body)
    assert "headline not supported by the body" not in framing.signals


def test_framing_captions_and_a_time_stamp_above_the_story_are_not_its_lead() -> None:
    body = (
        "Mayor Ada Holm at the opening of the ferry terminal in Port Ellis on Monday.\n"
        "The old terminal closed in 2019.\n"
        "MONDAY, APRIL 8, 2013, 9:53 PM\n"
        "A new ferry terminal opened in Port Ellis on Monday, six years after a storm wrecked the old one, "
        "and the first crossing to Orsk sailed full.\n"
        "The terminal cost the town 40 million euros."
    )
    framing = frame_headline("First Orsk crossing sails full as new terminal opens", body)
    assert "headline not supported by the body" not in framing.signals


@pytest.mark.slow  # embeds 1,600 headlines
@pytest.mark.skipif(not (CLICKBAIT_DIR / "headlines.tsv").exists(), reason="../shared absent")
def test_framing_eval_slice_accuracy_gate() -> None:
    """Accuracy on the rows held out from training (data row i with i % 10 == 9)."""
    rows = (CLICKBAIT_DIR / "headlines.tsv").read_text("utf-8").splitlines()[1:]
    rows = [r for r in rows if r]
    held = [rows[i].split("\t", 1) for i in range(len(rows)) if i % 10 == 9]
    scores = sensationalism_many([h for _, h in held])
    correct = sum((score >= 0.5) == (label == "1") for score, (label, _) in zip(scores, held))
    accuracy = correct / len(held)
    assert accuracy >= EVAL_SLICE_ACCURACY_FLOOR, f"{accuracy:.4f} on {len(held)} rows"
