"""The PolNeAR quote scorer of benchmarks/extract_polnear.py: the lines it lists for reading errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from extract_polnear import Attribution, QuoteScores  # noqa: E402


def _span(text: str, words: str) -> tuple[tuple[int, int], ...]:
    start = text.index(words)
    return ((start, start + len(words)),)


def test_polnear_scores_list_missed_and_false_pairs():
    text = "Varga said the pier is safe. Brennick warned the toll will rise."
    gold = [Attribution(_span(text, "Varga"), _span(text, "said"), _span(text, "the pier is safe")),
            Attribution(_span(text, "Brennick"), _span(text, "warned"), _span(text, "the toll will rise"))]
    predicted = [Attribution(_span(text, "Varga"), _span(text, "said"), _span(text, "the pier is safe")),
                 Attribution(_span(text, "Varga"), _span(text, "warned"), _span(text, "the toll will rise"))]
    errors: list[str] = []
    scores = QuoteScores()
    scores.add(text, gold, predicted, errors=errors, name="doc")
    assert scores.pair_correct == 1
    assert errors == [
        "doc: MISS [Brennick] <warned> the toll will rise | got [Varga] warned",
        "doc: FALSE [Varga] <warned> the toll will rise | gold [Brennick] <warned> the toll will rise",
    ]


def test_polnear_scores_list_span_boundaries_of_cue_paired_quotes():
    text = "Senator Varga said that the pier is safe."
    gold = [Attribution(_span(text, "Senator Varga"), _span(text, "said"), _span(text, "that the pier is safe"))]
    predicted = [Attribution(_span(text, "Varga"), _span(text, "said"), _span(text, "the pier is safe"))]
    spans: list[str] = []
    QuoteScores().add(text, gold, predicted, spans=spans, name="doc")
    assert spans == [
        "doc: SPAN source gold [Senator Varga] got [Varga]",
        "doc: SPAN content gold [that the pier is safe] got [the pier is safe]",
    ]


def test_polnear_to_citron_writes_citron_quotes_with_stripped_spans():
    from extract_polnear import Document
    from polnear_to_citron import citron_quotes

    text = "Varga said  the pier is safe. A long memo followed."
    gold = [Attribution(_span(text, "Varga"), _span(text, "said"), ((10, 28),)),
            Attribution((), (), _span(text, "A long memo followed"))]  # no cue: Citron cannot take it
    quotes, left_out = citron_quotes(Document("doc", text, gold))
    assert left_out == 1
    assert quotes == [{"cue": {"start": 6, "end": 10, "text": "said"},
                       "sources": [{"start": 0, "end": 5, "text": "Varga"}],
                       "contents": [{"start": 12, "end": 28, "text": "the pier is safe"}]}]


@pytest.mark.slow
def test_polnear_storyweave_content_leaves_out_an_inserted_attribution():
    # PolNeAR marks the content on either side of "…, she said, …", not the attribution in it
    from extract import quotes_storyweave

    text = "The solution, the partner told them, was simple."
    found = quotes_storyweave(text, "doc")
    assert len(found) == 1
    assert [text[a:b].strip(" ,") for a, b in found[0].content] == ["The solution", "was simple"]
