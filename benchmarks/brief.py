"""How well the brief is cited and how much it covers, next to an extractive baseline.

Usage::

    .venv/bin/python benchmarks/brief.py --data ../shared/data/ecbplus --seeds ../shared/seeds [--limit N] [--part train|dev]

Stories: the seed articles (one story), and ECB+ dev documents (``--part train``: train
documents) grouped by gold sub-topic
(text rebuilt from the XML tokens by ``ecbplus_data``, which leaves out the URL that opens
``ecbplus`` documents). Each story's articles go through
:func:`storyweave.pipeline.analyze_articles`.

Measures, for storyweave's brief and for LexRank (``sumy``) over the same articles with as
many sentences, each LexRank sentence cited to the article it came from:

* supported (model): share of citations whose article has a sentence, or an opening
  clause of one (:func:`storyweave.brief.support.statement_units`: up to a comma, six words or
  more), that states the cited sentence — :func:`storyweave.align.same_statement` ≥
  ``SAME_STATEMENT`` (:func:`storyweave.brief.support.model_states`), the model alone, without
  the brief's own word tests;
* supported (words): an independent check by token overlap — at least half of the cited
  sentence's content words in one whole sentence of the article;
* sentences fully supported: share of sentences all of whose citations are supported (model);
* corroborated covered: share of the facts storyweave found corroborated that some
  sentence of the summary states (same_statement ≥ ``SAME_STATEMENT``);
* cited: share of sentences with at least one citation.

A control row cites each brief sentence to one article of its story that the brief does
not cite: the share the judges accept there shows they can fail (some of it is the
brief's own misses: articles that say it but were not cited).

The table is Markdown, for docs/benchmarks.md ("Brief").
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ecbplus_data import as_written, read_documents  # noqa: E402
from storyweave.align import SAME_STATEMENT, same_statement  # noqa: E402
from storyweave.align.words import content_words  # noqa: E402
from storyweave.brief.support import model_states, plain  # noqa: E402
from storyweave.model import Article  # noqa: E402
from storyweave.nlp import load_nlp  # noqa: E402

DEV_TOPICS = {2, 5, 12, 18, 21, 23, 34, 35}


@dataclass
class Story:
    name: str
    articles: list[Article]


@dataclass
class Scores:
    citations: int = 0
    model_ok: int = 0
    words_ok: int = 0
    sentences: int = 0
    sentences_ok: int = 0
    cited: int = 0
    facts: int = 0
    covered: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        for name in ("citations", "model_ok", "words_ok", "sentences", "sentences_ok", "cited", "facts", "covered"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds
        self.failures += other.failures


def _article(doc_id: str, title: str, body: str, source: str) -> Article:
    import hashlib

    aid = hashlib.sha1(body.encode()).hexdigest()[:16]
    return Article(id=aid, source=source, location=doc_id, title=title, text=body)


def ecb_stories(folder: Path, limit: int | None, part: str = "dev") -> list[Story]:
    """ECB+ documents of one part ("dev": the dev topics; "train") grouped by gold sub-topic."""
    groups: dict[str, list[Article]] = {}
    for doc in read_documents(folder, part):
        if part == "dev" and doc.topic not in DEV_TOPICS:
            continue
        lines = [s for s in doc.lines(as_written) if s.strip()]
        if len(lines) < 2:
            continue
        groups.setdefault(doc.subtopic, []).append(_article(doc.doc_id, lines[0], " ".join(lines[1:]), doc.doc_id))
    names = sorted(groups, key=lambda s: (int(s.split("_")[0]), s))
    stories = [Story(n, sorted(groups[n], key=lambda a: a.location)) for n in names if len(groups[n]) >= 2]
    return stories[:limit] if limit else stories


def seed_stories(folder: Path) -> list[Story]:
    from storyweave.pipeline import read_sources

    return [Story("seeds", read_sources([str(folder)]).articles)]


def _sentences(text: str) -> list[str]:
    """spaCy's sentences, split again at line breaks (a paragraph never ends mid-sentence)."""
    return [p.strip() for s in load_nlp()(text).sents for p in s.text.split("\n") if p.strip()]


def _supported(statement: str, sentences: list[str]) -> tuple[bool, bool]:
    statement = plain(statement)  # "[Kim] said": the brief's brackets name, they add no claim
    core = statement.rstrip(".")  # a brief sentence cut at its aside ends where the source's comma was
    if any(statement == s or statement in s or core in s for s in sentences):
        return True, True
    wanted = set(content_words(statement))
    words = any(wanted and len(wanted & set(content_words(s))) / len(wanted) >= 0.5 for s in sentences)
    model = any(model_states(statement, s) for s in sentences)
    return model, words


def score(summary: list[tuple[str, list[str]]], article_sentences: dict[str, list[str]], corroborated: list[str]) -> Scores:
    """Scores of one summary: (sentence, cited article ids) pairs."""
    out = Scores(sentences=len(summary), facts=len(corroborated))
    for text, citations in summary:
        out.cited += bool(citations)
        all_ok = bool(citations)
        for aid in citations:
            model, words = _supported(text, article_sentences.get(aid, []))
            out.citations += 1
            out.model_ok += model
            out.words_ok += words
            if not model:
                out.failures.append(f"{aid}: {text}")
            all_ok &= model
        out.sentences_ok += all_ok
    for fact in corroborated:
        out.covered += any(same_statement(fact, plain(text)) >= SAME_STATEMENT for text, _ in summary)
    return out


class _Words:
    """A sumy tokenizer over storyweave's sentences: sumy's own needs NLTK data from the net."""

    def to_sentences(self, paragraph: str) -> list[str]:
        return [paragraph]

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"\w+", sentence)


def lexrank(article_sentences: dict[str, list[str]], count: int) -> list[tuple[str, list[str]]]:
    """LexRank over every sentence of the story; each chosen sentence cites its article."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    words = _Words()
    origin: dict[str, str] = {}
    paragraphs = []
    for aid, sentences in article_sentences.items():
        paragraphs.append(Paragraph([Sentence(s, words) for s in sentences]))
        for s in sentences:
            origin.setdefault(s, aid)
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    chosen = summarizer(ObjectDocumentModel(paragraphs), count)
    return [(str(s), [origin[str(s)]]) for s in chosen]


def control(stories: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """Each brief sentence cited instead to the first article of its story that the brief
    does not cite (none when it cites them all): how often the judge accepts an article
    the brief left out — it should be rarely, or the judge could not fail."""
    out = []
    for st in stories:
        for s in st["brief"]["sentences"]:
            others = sorted(set(st["articles"]) - set(s["citations"]))
            if others:
                out.append((s["text"], others[:1]))
    return out


def run(stories: list[Story]) -> tuple[Scores, Scores, Scores]:
    from storyweave.pipeline import analyze_articles

    ours, base, check = Scores(), Scores(), Scores()
    for story in stories:
        start = time.perf_counter()
        analysis = analyze_articles(story.articles)
        ours_time = time.perf_counter() - start
        texts = {a["id"]: a["text"] for a in analysis["articles"]}
        article_sentences = {aid: _sentences(t) for aid, t in texts.items()}
        summary = [(s["text"], list(s["citations"])) for st in analysis["stories"] for s in st["brief"]["sentences"]]
        corroborated = [f["text"] for st in analysis["stories"] for f in st["facts"] if f["status"] == "corroborated"]
        mine = score(summary, article_sentences, corroborated)
        mine.seconds = ours_time
        start = time.perf_counter()
        baseline = lexrank(article_sentences, max(3, len(summary)))
        theirs = score(baseline, article_sentences, corroborated)
        theirs.seconds = time.perf_counter() - start
        ours.add(mine)
        base.add(theirs)
        check.add(score(control(analysis["stories"]), article_sentences, []))
        print(f"{story.name}: {len(story.articles)} articles, brief {len(summary)} sentences, "
              f"supported {mine.model_ok}/{mine.citations}, covered {mine.covered}/{mine.facts}", file=sys.stderr)
        for failure in mine.failures:
            print(f"  not supported (model): {failure}", file=sys.stderr)
    return ours, base, check


def _pct(n: int, d: int) -> str:
    return f"{n / d:.1%}" if d else "–"


def table(name: str, stories: list[Story], ours: Scores, base: Scores, check: Scores) -> str:
    rows = [
        f"**{name}** ({len(stories)} stories, {sum(len(s.articles) for s in stories)} articles)",
        "",
        f"| system | sentences | cited | citations supported (same_statement ≥ {SAME_STATEMENT}) | citations supported (word overlap ≥ 0.5) | sentences fully supported | corroborated facts covered | seconds |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, s in (("storyweave brief", ours), ("LexRank (sumy 0.13), cited to its article", base)):
        rows.append(f"| {label} | {s.sentences} | {_pct(s.cited, s.sentences)} | {_pct(s.model_ok, s.citations)} | "
                    f"{_pct(s.words_ok, s.citations)} | {_pct(s.sentences_ok, s.sentences)} | {_pct(s.covered, s.facts)} | {s.seconds:.1f} |")
    rows.append(f"| control: each brief sentence cited to one article of its story the brief does not cite | {check.sentences} | – | "
                f"{_pct(check.model_ok, check.citations)} | {_pct(check.words_ok, check.citations)} | {_pct(check.sentences_ok, check.sentences)} | – | – |")
    rows.append("| published figure | – | – | none published for this measure | – | – | – | – |")
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="a folder laid out like shared/data/ecbplus")
    parser.add_argument("--seeds", type=Path, help="a folder of articles about one event (shared/seeds)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N ECB+ sub-topics")
    parser.add_argument("--part", choices=("train", "dev"), default="dev",
                        help="which ECB+ part's sub-topics to score (default dev; train for work that must not look at dev)")
    args = parser.parse_args()
    if not args.data and not args.seeds:
        parser.error("give --data, --seeds or both")
    out = []
    if args.seeds:
        stories = seed_stories(args.seeds)
        out.append(table("Seeds", stories, *run(stories)))
    if args.data:
        stories = ecb_stories(args.data, args.limit, args.part)
        out.append(table(f"ECB+ {args.part}, stories = gold sub-topics", stories, *run(stories)))
    print("\n".join(out))


if __name__ == "__main__":
    main()
