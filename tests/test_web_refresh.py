"""The web app's refresh groups with the store's incremental grouping state (the same
stories ``follow`` and ``analyze --db`` extend), never regrouping everything in memory."""

from __future__ import annotations

from pathlib import Path

from storyweave.group import GROUPER, group_articles
from storyweave.model import Article
from storyweave.options import Options
from storyweave.store import open_store
from storyweave.web.refresh import grouped_stories

FLOOD = ("The river Wend burst its banks at Millford on Sunday night, flooding forty homes near the old mill, "
         "the county council said. Rescue boats carried residents to the school hall, where volunteers served soup.")
FLOOD_COPY = FLOOD + " The council said the water would fall by Tuesday."
FAIR = ("The autumn book fair opened in Lakeside on Saturday with stalls from sixty publishers, the organisers said. "
        "Readings by local poets fill the town hall every evening this week.")


def _article(n: int, title: str, text: str) -> Article:
    return Article(f"{n:016x}", f"Outlet {n}", f"f{n}.txt", title, text, published=f"2024-06-1{n}T08:00:00+00:00")


def test_web_refresh_extends_the_stored_grouping_and_drops_deleted_articles(tmp_path: Path) -> None:
    first = _article(1, "Floods at Millford", FLOOD)
    copy = _article(2, "Millford flooded", FLOOD_COPY)
    fair = _article(3, "Book fair opens", FAIR)
    with open_store(str(tmp_path / "w.db")) as store:
        store.add_articles([first])
        (earlier,) = group_articles([first], store)  # as `storyweave follow` groups it
        store.add_articles([copy, fair])
        stories = {s.id: s for s in grouped_stories(store)}
        assert set(stories) == {earlier.story, next(s for s in stories if s != earlier.story)}
        assert stories[earlier.story].articles == (first.id, copy.id)
        assert stories[earlier.story].duplicates == {copy.id: first.id}
        # The new articles are now in the stored grouping state, once each.
        members = [m[0] for m in store.load_grouping(GROUPER).members]
        assert members == [first.id, copy.id, fair.id]
        assert grouped_stories(store) == list(stories.values())  # nothing new: the same stories
        store.delete_article(first.id)
        after = {s.id: s for s in grouped_stories(store)}
    assert after[earlier.story].articles == (copy.id,) and after[earlier.story].duplicates == {}


def test_web_refresh_frees_the_words_its_parses_add_to_the_vocabulary(tmp_path: Path) -> None:
    # A server refreshes for weeks: each new name a parse meets must not stay in spaCy's
    # vocabulary for good, yet the analysis saved must still show it.
    from storyweave.nlp import load_nlp
    from storyweave.web.refresh import analysis_key, refresh

    strings = load_nlp().vocab.strings
    text = FLOOD.replace("Millford", "Quillabrook") + " Mayor Odrun Vestibar said the Quillabrook bridge stays shut."
    one = _article(4, "Floods at Quillabrook", text)
    assert "Vestibar" not in strings
    with open_store(str(tmp_path / "w.db")) as store:
        store.add_articles([one, _article(5, "Quillabrook flooded", text + " Boats stood by.")])
        (story_id,) = refresh(store)
        analysis = store.get_analysis(story_id, analysis_key(Options()))
    assert "Vestibar" not in strings and "Quillabrook" not in strings
    assert "Odrun Vestibar" in {entity["name"] for entity in analysis["entities"]}
