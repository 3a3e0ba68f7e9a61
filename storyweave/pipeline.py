"""The pipeline in order, in one place.

    sources ─▶ ingest ─▶ clean ─▶ annotate ─▶ group ─▶ extract ─▶ align ─▶ compare ─▶ brief

Each stage is a plain function over :mod:`storyweave.model`. Provenance is measured
before align, because copies of one text count as one source when facts are counted.
Renderers read only the finished analysis JSON (:mod:`storyweave.analysis_json`).
"""

from __future__ import annotations

import hashlib
import sys
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from . import __version__
from .align import align_claims, group_quotes
from .analysis_json import story_json, to_json
from .annotate import annotate
from .brief import brief as make_brief
from .brief import named_facts
from .clean import NOTHING_LEFT, clean
from .compare import compare, contest
from .embed import use_store
from .errors import StoryweaveError
from .extract import extract
from .group import group_whole
from .ingest import ingest
from .model import Alignment, Analysis, Article, InputFailure, Story, StoryAnalysis
from .options import Options
from .provenance import provenance, source_groups
from .store.base import Store


@dataclass
class ReadResult:
    """What ingest and clean made of the sources."""

    articles: list[Article] = field(default_factory=list)
    failures: list[InputFailure] = field(default_factory=list)


def read_sources(sources: Iterable[str], options: Options | None = None) -> ReadResult:
    """Ingest and clean every source; a failing input becomes a failure record, never an exception."""
    options = options or Options()
    result = ReadResult()
    seen: set[str] = set()
    for source in sources:
        for item in ingest(source, options):
            if isinstance(item, InputFailure):
                result.failures.append(item)
                continue
            try:
                article = clean(item, options)
            except StoryweaveError as exc:
                result.failures.append(InputFailure(item.location, str(exc)))
                continue
            if not article.text.strip():
                result.failures.append(InputFailure(item.location, NOTHING_LEFT))
                continue
            if article.id in seen:
                continue  # the same article given twice is analysed once
            seen.add(article.id)
            result.articles.append(article)
    return result


@lru_cache(maxsize=1)
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager[Any]:
    """Within the block, numpy's BLAS runs on one thread. storyweave's matrices are small
    (a story's sentences by 384), too small for threads to pay, and BLAS threads left
    spinning fight the parser, the ONNX models and other processes for the cores: the
    seeds' analysis took 1.69 s with two BLAS threads and 0.97 s with one on a busy
    2-core machine (0.52 s either way on a quiet one)."""
    return _blas().limit(limits=1, user_api="blas")


def analyze_story(story: Story, annotations: Sequence[Any]) -> StoryAnalysis:
    """extract ▶ align ▶ compare ▶ brief for one story."""
    with one_blas_thread():
        return _analyze_story(story, annotations)


def _analyze_story(story: Story, annotations: Sequence[Any]) -> StoryAnalysis:
    extracted = extract(story, annotations)
    links = provenance(annotations)
    independent = source_groups(annotations, links)
    claims, facts = align_claims(extracted.extraction.claims, annotations, independent, extracted.extraction.entities)
    quotes, quote_groups = group_quotes(extracted.extraction.quotes, extracted.confidences)
    extraction = type(extracted.extraction)(
        extracted.extraction.entities, tuple(quotes), tuple(claims), extracted.extraction.dates, extracted.extraction.event_date
    )
    alignment = Alignment(extraction, tuple(facts), tuple(quote_groups))
    comparison = compare(alignment, annotations, links, extracted.anchors, extracted.confidences)
    alignment = replace(alignment, facts=tuple(contest(alignment.facts, comparison.discrepancies, alignment.extraction.claims)))
    story_brief = make_brief(alignment, comparison, annotations)
    alignment = replace(alignment, facts=named_facts(alignment, annotations))
    return StoryAnalysis(story, alignment, comparison, story_brief)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's code and model files.

    Part of a cached analysis's key, so that an analysis stored by other code (an upgrade,
    or a development checkout between releases) is made again rather than served stale.
    """
    root = Path(__file__).parent
    digest = hashlib.sha256()
    # ONNX weights are not read here (46 MB): each has a JSON card holding its sha256.
    for path in sorted(p for p in root.rglob("*") if p.suffix in {".py", ".json", ".npy"} and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _analysis_key(articles: Sequence[Article], options: Options) -> str:
    key = "|".join([__version__, code_fingerprint(), options.fingerprint(), *(a.id for a in articles)])
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def analyze_articles(articles: Sequence[Article], options: Options | None = None, store: Store | None = None,
                     progress: Callable[[str, int, int], None] | None = None) -> dict[str, Any]:
    """The analysis JSON of cleaned articles.

    A store caches parses and vectors, and the whole analysis of the same articles with
    the same options, so a second run of the same files reads instead of computing.
    """
    options = options or Options()
    report = progress or (lambda stage, done, total: None)
    with use_store(store, options.embedder), one_blas_thread():
        stories, earlier = group_whole(articles, store=store)
        if earlier:  # members stored by earlier runs: a small story is shown whole
            listed = {a.id: a for a in [*earlier, *articles]}
            articles = [listed.pop(i) for s in stories for i in s.articles if i in listed] + list(listed.values())
        # Keyed after grouping: members other runs added since make it a new analysis.
        key = _analysis_key(articles, options)
        cached = _saved_run(store, key) if store is not None else None
        if cached is not None:
            return cached
        by_id = {a.id: a for a in articles}
        # Each story is turned into its JSON once analysed: a run never holds both forms.
        stories_json: list[dict[str, Any]] = []
        titled: list[Story] = []
        for batch in story_batches(stories):
            report("analyse", len(titled), len(stories))
            # Parses are held for one batch of stories at a time, not for the whole run.
            annotations = {a.article.id: a for a in annotate([by_id[i] for s in batch for i in s.articles], options, store)}
            for story in batch:
                analysed = analyze_story(story, [annotations[i] for i in story.articles])
                stories_json.append(story_json(analysed))
                titled.append(replace(story, title=analysed.brief.headline))
        report("analyse", len(stories), len(stories))
    result = {**to_json(Analysis(tuple(articles), ()), options), "stories": stories_json}
    if store is not None:
        store.save_stories(titled)
        for story, one in zip(titled, stories_json):
            store.save_analysis(story.id, key, one)
        # The run lists its stories by id rather than holding a second copy of each.
        run = {k: v for k, v in result.items() if k != "stories"}
        store.save_analysis(RUN, key, {**run, "story_ids": [s["id"] for s in stories_json]})
    return result


#: Articles annotated together: the parser and the embedder work in batches, and the
#: parses of one batch are all a run holds at once.
ANNOTATE_BATCH = 32


def story_batches(stories: Sequence[Story]) -> Iterator[list[Story]]:
    """Consecutive stories, gathered until they hold :data:`ANNOTATE_BATCH` articles."""
    batch: list[Story] = []
    size = 0
    for story in stories:
        batch.append(story)
        size += len(story.articles)
        if size >= ANNOTATE_BATCH:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


#: Where a whole run's analysis is saved, beside its stories'.
RUN = "*run*"


def _saved_run(store: Store, key: str) -> dict[str, Any] | None:
    """The analysis JSON saved for a run, its stories read back in order; None when the run
    or one of its stories is not saved under ``key``."""
    run = store.get_analysis(RUN, key)
    if run is None:
        return None
    stories = [store.get_analysis(story_id, key) for story_id in run.pop("story_ids")]
    if any(story is None for story in stories):
        return None
    return {**run, "stories": stories}


def analyze(sources: Sequence[str], options: Options | None = None, store: Store | None = None,
            progress: Callable[[str, int, int], None] | None = None) -> tuple[dict[str, Any], list[InputFailure]]:
    """Read, clean, store and analyse sources.

    Args:
        sources: files, folders, JSONL files or ``-`` for stdin.
        options: analysis options.
        store: where articles, caches and analyses are kept; None keeps nothing.
        progress: called as ``progress(stage, done, total)``.

    Returns:
        The analysis JSON and the inputs that could not be read.
    """
    options = options or Options()
    read = read_sources(sources, options)
    if store is not None:
        store.add_articles(read.articles)
    return analyze_articles(read.articles, options, store, progress), read.failures


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)
