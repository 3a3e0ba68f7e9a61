"""Regroup the stored articles and re-analyse the stories that changed.

The web app's analysis step, run by the job worker after new articles are stored (or
one is deleted):

1. annotate every stored article, oldest first (parses and vectors come from the
   store's caches, so only new articles cost model time);
2. group them into stories (story ids come from each story's first article, so they
   stay the same from one refresh to the next);
3. analyse only the stories whose articles changed, or that have no analysis saved for
   these options, with :func:`storyweave.pipeline.analyze_story`;
4. save the stories, their analyses (the story objects of the analysis JSON) and a
   summary of each for the story list.
"""

from __future__ import annotations

import contextlib
from datetime import datetime, timezone
from typing import Any, Callable, Iterator, Sequence

from .. import __version__
from ..analysis_json import to_json
from ..annotate import annotate
from ..group import group
from ..model import Analysis, Article, Story
from ..options import Options
from ..pipeline import analyze_story
from ..store.base import Store

Progress = Callable[[int, int], None]


def analysis_key(options: Options) -> str:
    """The key the web app saves story analyses under: they depend on version and options."""
    return f"web|{__version__}|{options.fingerprint()}"


@contextlib.contextmanager
def _vector_cache(store: Store, options: Options) -> Iterator[None]:
    # Newer embedders read cached vectors through a context; older ones take the store
    # from annotate(). Either way vectors are cached in the store.
    try:
        from ..embed import use_store  # type: ignore[attr-defined]
    except ImportError:
        yield
        return
    with use_store(store, options.embedder):
        yield


def refresh(store: Store, options: Options | None = None, progress: Progress | None = None) -> list[str]:
    """Regroup all stored articles and re-analyse the stories that changed.

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
    articles = store.all_articles()
    if not articles:
        return []
    by_id = {a.id: a for a in articles}
    with _vector_cache(store, options):
        annotations = annotate(articles, options, store)
        stories = group(annotations)
        old = {s.id: s for s in store.get_stories()}
        summaries = {s["id"]: s for s in store.get_story_summaries()}
        todo = [s for s in stories if _stale(s, old.get(s.id), summaries.get(s.id), store, key)]
        ann_by_id = {a.article.id: a for a in annotations}
        done: list[tuple[Story, dict[str, Any]]] = []
        for n, story in enumerate(todo):
            if progress:
                progress(n, len(todo))
            analysed = analyze_story(story, [ann_by_id[a] for a in story.articles])
            members = tuple(by_id[a] for a in story.articles)
            story_json = to_json(Analysis(members, (analysed,)), options)["stories"][0]
            done.append((Story(story.id, analysed.brief.headline or story.title, story.articles, story.duplicates), story_json))
    if progress:
        progress(len(todo), len(todo))
    if not done:
        return []
    # Stories first (this drops the analyses of stories whose articles moved), then the
    # new analyses; readers in between see the story without analysis for a moment and
    # the app serves its last copy.
    store.save_stories([s for s, _ in done])
    for story, story_json in done:
        store.save_analysis(story.id, key, story_json)
    store.save_story_summaries([summarize(story_json, by_id) for _, story_json in done])
    return [s.id for s, _ in done]


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
