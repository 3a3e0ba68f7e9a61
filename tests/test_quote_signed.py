"""Readers' letters and posts on an outlet's page: each signed passage is its writer's."""

from __future__ import annotations

from storyweave.extract.quote_signed import signed_passages
from storyweave.model import Article
from storyweave.pipeline import analyze_articles

LETTERS_PAGE = "\n\n".join([
    "The Kessby council voted on Tuesday to close the ferry pier for repairs.",
    "The pier closure will cut the island off for a month. The council should have waited for spring.",
    "Nobody asked the families who cross every day.",
    "Lena Varga.",
    "Kessby, Ont.",
    "Closing the pier is the only safe choice. The planks are rotten.",
    "Tomas Brennick.",
    "Orsk.",
    "We asked our followers what they thought of the closure.",
    "The council waited far too long to fix the pier.",
    "@harbourwatch.",
    "A month without a ferry is a month without customers for my shop.",
    "@orskbaker.",
])


def _passages(text: str) -> list[tuple[str, str]]:
    return [(p.signer, text[p.span[0] : p.span[1]]) for p in signed_passages(text)]


def test_signed_passages_give_each_reader_the_words_above_their_name() -> None:
    assert _passages(LETTERS_PAGE) == [
        # the page opens on the news the readers answer: that paragraph stays the outlet's
        ("Lena Varga", "The pier closure will cut the island off for a month. The council should have waited for "
                       "spring.\n\nNobody asked the families who cross every day."),
        ("Tomas Brennick", "Closing the pier is the only safe choice. The planks are rotten."),
        # the outlet's question to its followers is no follower's post
        ("@harbourwatch", "The council waited far too long to fix the pier."),
        ("@orskbaker", "A month without a ferry is a month without customers for my shop."),
    ]


def test_one_letter_signed_with_the_writers_town_is_a_signed_passage() -> None:
    text = "LETTERS.\n\nThe pier must stay open all winter.\n\nLena Varga.\n\nKessby, Ont."
    assert _passages(text) == [("Lena Varga", "The pier must stay open all winter.")]


def test_a_section_signed_another_way_leaves_its_opening_paragraph_to_the_outlet() -> None:
    # letters signed with their towns, then readers' posts signed with names alone: the
    # cleaning took out the section's label, and its first paragraph is the outlet's
    text = "\n\n".join(["The pier must stay open all winter.", "Lena Varga.", "Kessby, Ont.",
                        "The council has said the pier will close for a month.",
                        "A month is too long for the island.", "Tomas Brennick.",
                        "The repairs are overdue.", "Ada Holm."])
    assert _passages(text) == [("Lena Varga", "The pier must stay open all winter."),
                               ("Tomas Brennick", "A month is too long for the island."),
                               ("Ada Holm", "The repairs are overdue.")]


def test_a_news_report_closed_by_its_reporters_names_has_no_signed_passage() -> None:
    report = "The council voted on Tuesday to close the pier.\n\nRepairs start next week, the mayor said."
    assert _passages(f"{report}\n\nLena Varga.") == []  # one name alone is a byline
    assert _passages(f"{report}\n\nLena Varga.\n\nTomas Brennick.") == []  # names with no words between


def test_names_heading_the_paragraphs_below_them_are_no_signatures() -> None:
    profiles = "\n\n".join(["Lena Varga.", "A teacher from Kessby, she crossed daily.",
                            "Tomas Brennick.", "He ran the pier cafe for twenty years."])
    assert _passages(profiles) == []


def test_a_readers_letter_is_their_quote_and_no_line_of_the_brief() -> None:
    news = ("The Kessby council voted on Tuesday to close the ferry pier for repairs, the mayor said. "
            "The pier will reopen in March, according to the council.")
    articles = [
        Article(id="news", source="kessby-post", location="news", title="Kessby council closes ferry pier",
                text=news, published="2026-02-04"),
        Article(id="page", source="orsk-daily", location="page", title="Readers on the pier closure",
                text=LETTERS_PAGE.replace("The pier closure will cut the island off for a month.",
                                          "The Kessby council voted to close the ferry pier for repairs."),
                published="2026-02-05"),
    ]
    story = analyze_articles(articles)["stories"][0]
    names = {e["id"]: e["name"] for e in story["entities"]}
    signed = [(q["speaker_text"], names.get(q["speaker"])) for q in story["quotes"] if q["cue"] == "signed"]
    assert ("Tomas Brennick", "Tomas Brennick") in signed
    assert ("@harbourwatch", "@harbourwatch") in signed
    safe = [c["certainty"] for c in story["claims"] if c["text"] == "Closing the pier is the only safe choice."]
    assert safe == ["attributed"]
    lines = [s["text"] for s in story["brief"]["sentences"]]
    assert lines and not any("safe choice" in line or "waited" in line or "ferry is a month" in line for line in lines)
