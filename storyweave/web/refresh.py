"""Group newly stored articles and re-analyse the stories that changed.

The web app's analysis step, run by the job worker after new articles are stored (or
one is deleted, or a followed feed brought new ones):

1. group the stored articles the store's grouping state does not hold yet, in the order
   stored, with the incremental group stage (:class:`storyweave.group.Grouper`), and save
   the state: the same stories ``analyze --db`` and ``follow`` extend, never regrouped from
   scratch;
2. read the stories off the grouping state (a deleted article leaves its story; story
   ids come from each story's first article, so they stay the same from one refresh to
   the next);
3. annotate and analyse only the stories whose articles changed, or that have no
   analysis saved for these options, a batch at a time with
   :func:`storyweave.pipeline.analyse_batch` as ``analyze`` does (parses and vectors come
   from the store's caches);
4. save the stories, their analyses (the story objects of the analysis JSON) and a
   summary of each for the story list, a batch of stories at a time.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable, Sequence

from .. import __version__
from ..embed import use_store
from ..group import Grouper
from ..model import Article, Story
from ..options import Options
from ..pipeline import analyse_batch, story_batches
from ..store.base import Store

Progress = Callable[[int, int], None]

#: Articles read from the store at a time while grouping new ones: bounds memory when a
#: large batch (or a store written by an older version) has many ungrouped articles.
GROUP_CHUNK = 500


def analysis_key(options: Options) -> str:
    """The key the web app saves story analyses under: they depend on version and options."""
    return f"web|{__version__}|{options.fingerprint()}"


def grouped_stories(store: Store) -> list[Story]:
    """Group the stored articles not grouped yet, save the grouping state, and return every
    story with its stored articles, in the order of their first article.

    Raises:
        StoreError: the store cannot be read or written.
    """
    stored = store.article_ids()
    grouper = Grouper(store)
    ungrouped = [aid for aid in stored if aid not in grouper.members]
    for i in range(0, len(ungrouped), GROUP_CHUNK):
        for article in store.get_articles(ungrouped[i : i + GROUP_CHUNK]):
            grouper.add(article)
    grouper.save()
    present = set(stored)
    members: dict[str, list[str]] = {}
    originals: dict[str, str | None] = {}
    for assignment in grouper.members.values():
        if assignment.article in present:
            members.setdefault(assignment.story, []).append(assignment.article)
            originals[assignment.article] = assignment.duplicate_of
    stories = []
    for sid, ids in members.items():
        inside = set(ids)
        duplicates = {aid: dup for aid in ids if (dup := originals[aid]) in inside and dup != aid}
        stories.append(Story(sid, "", tuple(ids), duplicates))
    return stories


def refresh(store: Store, options: Options | None = None, progress: Progress | None = None) -> list[str]:
    """Group new articles and re-analyse the stories that changed.

    Args:
        store: the store to read articles from and save stories, analyses and summaries to.
        options: analysis options.
        progress: called as ``progress(done, total)`` over the stories analysed.

    Returns:
        The ids of the stories analysed again.

    Raises:
        StoreError: the store cannot be read or written.
    """
    options = options or Options()
    key = analysis_key(options)
    stories = grouped_stories(store)
    if not stories:
        return []
    old = {s.id: s for s in store.get_stories()}
    summaries = {s["id"]: s for s in store.get_story_summaries()}
    todo = [s for s in stories if _stale(s, old.get(s.id), summaries.get(s.id), store, key)]
    if not todo:
        return []
    articles = store.get_articles([aid for s in todo for aid in s.articles])
    by_id = {a.id: a for a in articles}
    analysed_ids: list[str] = []
    with use_store(store, options.embedder):
        n = 0
        for batch in story_batches(todo):
            if progress:
                progress(n, len(todo))
            n += len(batch)
            # An article deleted since the grouping was read is left out.
            present = [_present(story, by_id) for story in batch]
            done = analyse_batch([story for story in present if story.articles], by_id, options, store)
            _save(store, key, done, by_id)
            analysed_ids += [s.id for s, _ in done]
    if progress:
        progress(len(todo), len(todo))
    return analysed_ids


def _present(story: Story, articles: dict[str, Article]) -> Story:
    """The story without the articles no longer stored."""
    kept = tuple(a for a in story.articles if a in articles)
    duplicates = {k: v for k, v in story.duplicates.items() if k in articles and v in articles}
    return Story(story.id, story.title, kept, duplicates)


def _save(store: Store, key: str, done: list[tuple[Story, dict[str, Any]]], articles: dict[str, Article]) -> None:
    """Save a batch of analysed stories as it is done, so a large import never holds every
    story's analysis. Stories first (this drops the analyses of stories whose articles
    moved), then the new analyses; readers in between see the story without analysis for
    a moment and the app serves its last copy."""
    if not done:
        return
    store.save_stories([s for s, _ in done])
    for story, analysis in done:
        store.save_analysis(story.id, key, analysis)
    store.save_story_summaries([summarize(analysis, articles) for _, analysis in done])


def _stale(story: Story, old: Story | None, summary: dict[str, Any] | None, store: Store, key: str) -> bool:
    if old is None or summary is None or tuple(old.articles) != tuple(story.articles):
        return True
    if old.duplicates != story.duplicates:
        return True
    return store.get_analysis(story.id, key) is None


def summarize(story: dict[str, Any], articles: dict[str, Article]) -> dict[str, Any]:
    """What the story list shows and filters on, from a story object of the analysis JSON.

    Args:
        story: the story object.
        articles: the stored articles by id.

    Returns:
        ``id, title, articles, sources, entities, event_date, latest, contested,
        corroborated, single_source, updated``.
    """
    members = [articles[a] for a in story["articles"] if a in articles]
    published = sorted(a.published for a in members if a.published)
    facts = story.get("facts", [])
    entities = sorted({e["name"] for e in story.get("entities", [])})
    aliases = sorted({alias for e in story.get("entities", []) for alias in [e["name"], *e.get("aliases", [])]})
    return {
        "id": story["id"],
        "title": story.get("brief", {}).get("headline") or story.get("title") or "",
        "articles": list(story["articles"]),
        "sources": sorted({a.source for a in members if a.source}),
        "entities": entities,
        "entity_aliases": aliases,
        "event_date": story.get("event_date"),
        "latest": published[-1] if published else None,
        "contested": len(story.get("discrepancies", [])) + sum(1 for f in facts if f.get("status") == "contested"),
        "corroborated": sum(1 for f in facts if f.get("status") == "corroborated"),
        "single_source": sum(1 for f in facts if f.get("status") == "single-source"),
        "updated": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
    }


def needs_refresh(store: Store) -> bool:
    """True when stored stories and their summaries disagree (e.g. another process, such as
    ``storyweave follow``, stored articles or stories the web app has not analysed)."""
    stories = {s.id: tuple(s.articles) for s in store.get_stories()}
    summaries = {s["id"]: tuple(s["articles"]) for s in store.get_story_summaries()}
    return stories != summaries


def stories_in(summaries: Sequence[dict[str, Any]], ids: Sequence[str]) -> list[dict[str, Any]]:
    """The summaries of the given story ids, in the order given."""
    wanted = {s["id"]: s for s in summaries}
    return [wanted[i] for i in ids if i in wanted]
