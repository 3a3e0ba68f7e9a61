"""storyweave follow: new articles only, each added to its story, nothing twice."""

from __future__ import annotations

from pathlib import Path

from _feedsite import publish
from _localserver import serve
from typer.testing import CliRunner

from storyweave.cli import app
from storyweave.follow import NewArticle, poll
from storyweave.model import InputFailure
from storyweave.options import Options
from storyweave.store import open_store

ALLOW = Options(allow_private_urls=True)


def test_follow_picks_up_an_added_item_on_the_next_poll_and_nothing_twice(tmp_path: Path) -> None:
    db = str(tmp_path / "follow.db")
    with serve() as server:
        publish(server, ["ferry", "library"])
        feed = server.url("/feed.xml")
        with open_store(db) as store:
            first = list(poll([feed], store, ALLOW))
        assert [e.article.title for e in first if isinstance(e, NewArticle)] == [
            "Harbour ferry suspended after storm damage", "Lakeside votes to reopen its old library",
        ]
        with open_store(db) as store:  # a restart: a new process, the same store
            assert list(poll([feed], store, ALLOW)) == []
            publish(server, ["ferry", "library", "bridge"])
            second = list(poll([feed], store, ALLOW))
            stories = {s.id: s for s in store.get_stories()}
        page_hits = server.hits["/news/ferry"]
    (added,) = second
    assert isinstance(added, NewArticle)
    assert added.article.title == "Old rail bridge to become a footpath"
    assert added.story_id in stories and added.article.id in stories[added.story_id].articles
    assert added.line() == f"{added.story_title}\tValley Post\tOld rail bridge to become a footpath"
    assert page_hits == 1  # a seen item's page is never fetched again


def test_follow_conditional_get_skips_an_unchanged_feed(tmp_path: Path) -> None:
    with serve() as server:
        publish(server, ["ferry"], etag='"v1"')
        feed = server.url("/feed.xml")
        with open_store(str(tmp_path / "f.db")) as store:
            assert len(list(poll([feed], store, ALLOW))) == 1
            assert list(poll([feed], store, ALLOW)) == []
            assert store.get_feed_state(feed)["etag"] == '"v1"'  # type: ignore[index]
        assert server.hits["/news/ferry"] == 1


def test_follow_failed_item_is_retried_at_the_next_poll(tmp_path: Path) -> None:
    with serve() as server:
        publish(server, ["ferry", "library"])
        page = server.routes.pop("/news/library")
        feed = server.url("/feed.xml")
        with open_store(str(tmp_path / "f.db")) as store:
            events = list(poll([feed], store, ALLOW))
            assert [type(e) for e in events] == [NewArticle, InputFailure]
            server.routes["/news/library"] = page
            (retried,) = list(poll([feed], store, ALLOW))
    assert isinstance(retried, NewArticle)
    assert retried.article.title == "Lakeside votes to reopen its old library"


def test_follow_poll_records_what_failed(tmp_path: Path) -> None:
    with serve() as server:
        publish(server, ["ferry", "library"])
        page = server.routes.pop("/news/library")
        feed = server.url("/feed.xml")
        missing = server.url("/gone.xml")
        with open_store(str(tmp_path / "f.db")) as store:
            for url in (feed, missing):
                store.follow_feed(url, 60)
            list(poll([feed, missing], store, ALLOW))
            feeds = {f["url"]: f for f in store.followed_feeds()}
            assert "1 article could not be read" in feeds[feed]["error"] and "/news/library" in feeds[feed]["error"]
            assert feeds[feed]["articles"] == 1
            assert "404" in feeds[missing]["error"] and feeds[missing]["polled_at"] and feeds[missing]["checked_at"] is None
            assert "\n" not in feeds[missing]["error"]
            server.routes["/news/library"] = page
            list(poll([feed], store, ALLOW))
            healed = next(f for f in store.followed_feeds() if f["url"] == feed)
            assert healed["error"] is None and healed["articles"] == 2


def test_follow_cli_once_prints_one_line_per_new_article(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    with serve() as server:
        publish(server, ["ferry"])
        feed = server.url("/feed.xml")
        refused = runner.invoke(app, ["follow", feed, "--db", db, "--once"])
        result = runner.invoke(app, ["follow", feed, "--db", db, "--once", "--allow-private-urls"])
        again = runner.invoke(app, ["follow", feed, "--db", db, "--once", "--allow-private-urls"])
    assert refused.exit_code == 1
    assert refused.stderr == f"storyweave: {feed}: refused: 127.0.0.1 is a loopback address; pass --allow-private-urls to fetch it\n"
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert line.endswith("\tValley Post\tHarbour ferry suspended after storm damage")
    assert again.exit_code == 0 and again.stdout == ""


def test_follow_cli_rejects_a_bad_interval() -> None:
    result = CliRunner().invoke(app, ["follow", "https://news.example/rss", "--every", "soon", "--once"])
    assert result.exit_code == 2
    assert result.stderr == "storyweave: --every 'soon': not an interval; write it like 90s, 15m or 1h\n"


def test_follow_stories_saved_after_a_poll_are_the_rechecked_ones(tmp_path: Path) -> None:
    # Each article is saved in the story it joins on arrival; once the poll is over the
    # re-check moves some of them, and the stored stories must show where they went.
    from _ecbplus import ecb_documents

    from storyweave.follow import StoryAssigner
    from storyweave.group import Grouper
    from storyweave.model import Article

    articles = []
    for d in ecb_documents({1, 4}):
        lines = d.lines(" ".join)
        articles.append(Article(id=d.doc_id, source="test", location=d.doc_id, title=lines[0], text="\n".join(lines[1:])))
    with open_store(str(tmp_path / "follow.db")) as store:
        store.add_articles(articles)
        assigner = StoryAssigner()
        on_arrival = {a.id: assigner(a, store) for a in articles}
        assigner.finish(store)
        saved = {aid: s.id for s in store.get_stories() for aid in s.articles}
        grouped = {aid: m.story for aid, m in Grouper(store).members.items()}
    assert saved == grouped
    assert on_arrival != grouped  # the re-check did move some
    assert len(set(saved.values())) == 4  # two topics of two events each


def test_follow_stories_moved_when_the_window_fills_mid_poll_are_saved(tmp_path: Path, monkeypatch) -> None:
    # A poll longer than the re-check window closes it on the way; the moves of that
    # re-check must reach the stored stories as well as the last one's.
    from _ecbplus import ecb_documents

    from storyweave.group import stories as group_stories
    from storyweave.follow import StoryAssigner
    from storyweave.group import Grouper
    from storyweave.model import Article

    articles = []
    for d in ecb_documents({1, 4}):
        lines = d.lines(" ".join)
        articles.append(Article(id=d.doc_id, source="test", location=d.doc_id, title=lines[0], text="\n".join(lines[1:])))
    # The poll's last article fills the window: the re-check that moves articles runs
    # inside add, and the one at the end of the poll has nothing left to do.
    monkeypatch.setattr(group_stories, "REVISIT_WINDOW", len(articles))
    with open_store(str(tmp_path / "follow.db")) as store:
        store.add_articles(articles)
        assigner = StoryAssigner()
        for a in articles:
            assigner(a, store)
        assigner.finish(store)
        saved = {aid: s.id for s in store.get_stories() for aid in s.articles}
        grouped = {aid: m.story for aid, m in Grouper(store).members.items()}
    assert saved == grouped
