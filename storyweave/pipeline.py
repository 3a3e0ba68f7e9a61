"""The pipeline in order, in one place.

    sources ─▶ ingest ─▶ clean ─▶ annotate ─▶ group ─▶ extract ─▶ align ─▶ compare ─▶ brief

Each stage is a plain function over :mod:`storyweave.model`. Provenance is measured
before align, because copies of one text count as one source when facts are counted.
Renderers read only the finished analysis JSON (:mod:`storyweave.analysis_json`).
"""

from __future__ import annotations

import hashlib
import sys
from collections import deque
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from . import __version__
from .align import align_claims
from .align.quotes import group_quotes
from .analysis_json import story_json, to_json, unanalysed_story_json
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
from .nlp import forget_parses, load_nlp
from .options import Options
from .provenance import provenance, source_groups
from .store.base import Store
from .brief.timeline import timeline
from .workers import BatchAnalyser


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
    quotes, quote_groups = group_quotes(extracted.extraction.quotes, extracted.confidences)
    published = {article: day for article, (day, lower_bound) in extracted.anchors.items() if not lower_bound}
    claims, facts = align_claims(extracted.extraction.claims, annotations, independent, extracted.extraction.entities, quotes,
                                 extracted.extraction.dates, published)
    extraction = type(extracted.extraction)(
        extracted.extraction.entities, tuple(quotes), tuple(claims), extracted.extraction.dates, extracted.extraction.event_date
    )
    alignment = Alignment(extraction, tuple(facts), tuple(quote_groups))
    comparison = compare(alignment, annotations, links, extracted.anchors, extracted.confidences)
    alignment = replace(alignment, facts=tuple(contest(alignment.facts, comparison.discrepancies, alignment.extraction.claims)))
    story_brief = make_brief(alignment, comparison, annotations)
    alignment = replace(alignment, facts=named_facts(alignment, annotations))
    return StoryAnalysis(story, alignment, comparison, story_brief, timeline(alignment.extraction, annotations))


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
                     progress: Callable[[str, int, int], None] | None = None, workers: int = 1) -> dict[str, Any]:
    """The analysis JSON of cleaned articles.

    A store caches parses and vectors, and each story's analysis for the same articles
    and options, so a second run of the same files reads instead of computing.
    """
    analysis = stream_articles(articles, options, store, progress, workers)
    return {**analysis, "stories": list(analysis["stories"])}


def stream_articles(articles: Sequence[Article], options: Options | None = None, store: Store | None = None,
                    progress: Callable[[str, int, int], None] | None = None, workers: int = 1) -> dict[str, Any]:
    """:func:`analyze_articles`, its ``stories`` an iterator that analyses each story as it
    is read (once), so that a run over an archive holds one batch of stories at a time.

    The articles are grouped before this returns. Read the stories to the end: the last
    ones are saved to the store only then.
    """
    options = options or Options()
    with use_store(store, options.embedder), one_blas_thread():
        stories, earlier = group_whole(articles, store=store)
    if earlier:  # members stored by earlier runs: a small story is shown whole
        listed = {a.id: a for a in [*earlier, *articles]}
        articles = [listed.pop(i) for s in stories for i in s.articles if i in listed] + list(listed.values())
    head = to_json(Analysis(tuple(articles), ()), options)
    return {**head, "stories": _analysed_stories(stories, articles, options, store, progress or _silent, workers)}


def _silent(stage: str, done: int, total: int) -> None:
    pass


def _analysed_stories(stories: Sequence[Story], articles: Sequence[Article], options: Options, store: Store | None,
                      report: Callable[[str, int, int], None], workers: int = 1) -> Iterator[dict[str, Any]]:
    """Each story's JSON in order: read from the store when saved for this run's key,
    otherwise annotated and analysed a batch of stories at a time (in ``workers``
    processes), and saved."""
    # Keyed after grouping: members other runs added since make it a new analysis.
    key = _analysis_key(articles, options)
    by_id = {a.id: a for a in articles}
    batches = list(story_batches(stories, _batch_size(sum(len(s.articles) for s in stories), workers)))
    done = 0

    def finish(batch: list[Story], saved: dict[str, dict[str, Any]], todo: list[Story], made: Any) -> Iterator[dict[str, Any]]:
        nonlocal done
        analysed = {titled.id: (titled, one) for titled, one in analyser.result(made, todo, by_id)}
        if store is not None and analysed:
            store.save_stories([titled for titled, _ in analysed.values()])
            for story_id, (_, one) in analysed.items():
                if "error" not in one:  # a failed story is analysed again by the next run
                    store.save_analysis(story_id, key, one)
        for story in batch:
            yield saved.pop(story.id) if story.id in saved else analysed.pop(story.id)[1]
        done += len(batch)
        report("analyse", done, len(stories))

    report("analyse", 0, len(stories))
    with use_store(store, options.embedder), one_blas_thread(), \
            BatchAnalyser(options, store, workers if len(batches) > 1 else 1) as analyser:
        # Up to ``analyser.ahead`` batches wait for their results, so that every worker has one.
        waiting: deque[tuple[list[Story], dict[str, dict[str, Any]], list[Story], Any]] = deque()
        for batch in batches:
            saved = {s.id: one for s in batch if (one := _saved_story(store, s, key)) is not None}
            todo = [s for s in batch if s.id not in saved]
            waiting.append((batch, saved, todo, analyser.submit(todo, by_id)))
            while len(waiting) > analyser.ahead:
                yield from finish(*waiting.popleft())
        while waiting:
            yield from finish(*waiting.popleft())


def analyse_batch(stories: Sequence[Story], articles: dict[str, Article], options: Options,
                  store: Store | None = None) -> list[tuple[Story, dict[str, Any]]]:
    """Annotate the articles of a batch of stories together and analyse each story.

    Returns:
        Each story titled with its brief's headline, and its story object of the
        analysis JSON. The batch's parses are freed when this returns.
    """
    members = [articles[i] for story in stories for i in story.articles]
    if not members:
        return []
    made = []
    with _parse_zone():
        annotations = {a.article.id: a for a in annotate(members, options, store)}
        for story in stories:
            try:
                analysed = analyze_story(story, [annotations[i] for i in story.articles])
            except Exception as exc:  # noqa: BLE001 (a fault in one story must not end a run over an archive)
                titled = replace(story, title=story.title or articles[story.articles[0]].title)
                made.append((titled, unanalysed_story_json(titled, exc)))
                continue
            # Made into JSON inside the zone: nothing spaCy made may be read after it.
            made.append((replace(story, title=analysed.brief.headline or story.title), story_json(analysed)))
    return made


@contextmanager
def _parse_zone() -> Iterator[None]:
    """spaCy's memory zone around a batch: the words its parses added to the vocabulary are
    freed after it, so a long run's vocabulary does not grow with every new word. Nothing
    spaCy made inside may outlive the zone: the batch's parses are dropped, and so are the
    sentences parsed and remembered on the way (:func:`nlp.parsed`)."""
    with load_nlp().memory_zone():
        try:
            yield
        finally:
            forget_parses()


def _saved_story(store: Store | None, story: Story, key: str) -> dict[str, Any] | None:
    """A story's analysis saved under ``key``, if it still has the story's articles."""
    if store is None:
        return None
    saved = store.get_analysis(story.id, key)
    return saved if saved is not None and saved.get("articles") == list(story.articles) else None


#: Articles annotated together: the parser and the embedder work in batches, and the
#: parses of one batch are all a run holds at once.
ANNOTATE_BATCH = 32
#: Batches each worker process gets at least, when the run is small enough for that to
#: make them smaller: one batch left to a single worker at the end leaves the others idle
#: (100 articles in batches of 32 are four batches, the last of four articles).
BATCHES_PER_WORKER = 4
#: Articles a batch keeps at least: the parser and embedder work on a batch at a time.
MIN_BATCH = 4


def _batch_size(articles: int, workers: int) -> int:
    if workers <= 1:
        return ANNOTATE_BATCH
    return min(ANNOTATE_BATCH, max(MIN_BATCH, articles // (workers * BATCHES_PER_WORKER)))


def story_batches(stories: Sequence[Story], limit: int | None = None) -> Iterator[list[Story]]:
    """Consecutive stories, gathered until they hold ``limit`` articles (:data:`ANNOTATE_BATCH`
    unless given)."""
    limit = ANNOTATE_BATCH if limit is None else limit
    batch: list[Story] = []
    size = 0
    for story in stories:
        batch.append(story)
        size += len(story.articles)
        if size >= limit:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def analyze(sources: Sequence[str], options: Options | None = None, store: Store | None = None,
            progress: Callable[[str, int, int], None] | None = None, workers: int = 1) -> tuple[dict[str, Any], list[InputFailure]]:
    """Read, clean, store and analyse sources.

    Args:
        sources: files, folders, JSONL files or ``-`` for stdin.
        options: analysis options.
        store: where articles, caches and analyses are kept; None keeps nothing.
        progress: called as ``progress(stage, done, total)``.
        workers: processes that analyse batches of stories side by side (each loads its
            own models, about 0.6 GB); the analysis is the same with any number.

    Returns:
        The analysis JSON and the inputs that could not be read.
    """
    analysis, failures = stream_sources(sources, options, store, progress, workers)
    return {**analysis, "stories": list(analysis["stories"])}, failures


def stream_sources(sources: Sequence[str], options: Options | None = None, store: Store | None = None,
                   progress: Callable[[str, int, int], None] | None = None,
                   workers: int = 1) -> tuple[dict[str, Any], list[InputFailure]]:
    """:func:`analyze`, the analysis's ``stories`` an iterator as in :func:`stream_articles`."""
    options = options or Options()
    read = read_sources(sources, options)
    if store is not None:
        store.add_articles(read.articles)
    return stream_articles(read.articles, options, store, progress, workers), read.failures


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)
