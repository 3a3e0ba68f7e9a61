"""Main-content extraction: storyweave's ingest + clean next to trafilatura, readability-lxml
and newspaper4k, run in this process on the same pages, scored with each set's own metric.

Usage::

    .venv/bin/python benchmarks/extraction.py --data ../shared/data/article-extraction
    .venv/bin/python benchmarks/extraction.py --data ../shared/data/trafilatura-eval --limit 100

The layout of ``--data`` tells the set: ``ground-truth.json`` + ``html/`` is
article-extraction (4-token-shingle F1, per-page normalised, F1 of macro P and R);
``annotations.jsonl`` is trafilatura-eval (with/without segments by substring,
F1 = 2TP/(2TP+FP+FN)). Prints a Markdown table: F1, precision, recall and pages per
second of every system, and the published figure of the best system from the set's README.
The systems take turns page by page, so load from other jobs on the machine falls on all
of them alike.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.setrecursionlimit(10_000)  # deep pages make lxml-based extractors recurse

PUBLISHED = {
    "article-extraction": "F1 0.970 (rs_trafilatura, Zyte AutoExtract; all 181 pages); trafilatura 2.0.0 0.958",
    "trafilatura-eval": "F1 0.924 (trafilatura 2.2.0; all 990 pages)",
}

Page = tuple[str, bytes, object]  # key, raw bytes, gold


def load(data: Path, limit: int | None) -> tuple[str, list[Page]]:
    if (data / "ground-truth.json").exists():
        gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
        pages = [(k, gzip.open(data / "html" / f"{k}.html.gz").read(), gold[k]["articleBody"]) for k in sorted(gold)]
        return "article-extraction", pages[:limit]
    if (data / "annotations.jsonl").exists():
        pages = []
        for line in (data / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            pages.append((item["url"], gzip.open(data / item["html"]).read(), item))
        return "trafilatura-eval", pages[:limit]
    raise SystemExit(f"{data}: neither ground-truth.json nor annotations.jsonl; pass a folder laid out like one of the sets")


# -- metrics -----------------------------------------------------------------------------------


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text)
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def score_shingles(pred: dict[str, str], pages: list[Page]) -> tuple[float, float, float]:
    """article-extraction's metric: per-page normalised shingle counts, F1 of macro P and R."""
    precisions, recalls = [], []
    for key, _raw, gold in pages:
        true, got = _shingles(str(gold)), _shingles(pred.get(key, ""))
        keys = set(true) | set(got)
        tp = sum(min(true[k], got[k]) for k in keys)
        fp = sum(max(0, got[k] - true[k]) for k in keys)
        fn = sum(max(0, true[k] - got[k]) for k in keys)
        total = tp + fp + fn
        if total:
            tp, fp, fn = tp / total, fp / total, fn / total
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    return 2 * p * r / (p + r), p, r


def score_segments(pred: dict[str, str], pages: list[Page]) -> tuple[float, float, float]:
    """trafilatura-eval's metric: with/without segments found by substring."""
    norm = lambda s: re.sub(r"\s+", " ", s).strip()  # noqa: E731
    tp = fp = fn = 0
    for key, _raw, gold in pages:
        out = norm(pred.get(key, ""))
        assert isinstance(gold, dict)
        for seg in gold["with"]:
            if out and norm(seg) in out:
                tp += 1
            else:
                fn += 1
        for seg in gold["without"]:
            if out and norm(seg) in out:
                fp += 1
    return 2 * tp / (2 * tp + fp + fn), tp / max(1, tp + fp), tp / max(1, tp + fn)


# -- systems -----------------------------------------------------------------------------------


def storyweave_system(raw: bytes) -> str:
    from storyweave import _html
    from storyweave.clean import clean
    from storyweave.ingest import _from_html
    from storyweave.model import Article

    article = _from_html(_html.decode_page(raw), location="page", source=None, fallback_source="page")
    return clean(article).text if isinstance(article, Article) else ""


def trafilatura_system(raw: bytes) -> str:
    import trafilatura

    return trafilatura.extract(raw, include_comments=False, include_tables=True, include_formatting=False) or ""


def readability_system(raw: bytes) -> str:
    import lxml.html
    from readability import Document

    from storyweave import _html

    summary = Document(_html.decode_page(raw)).summary(html_partial=True)
    return "\n".join(p.strip() for p in lxml.html.fromstring(summary).itertext() if p.strip()) if summary.strip() else ""


def newspaper_system(raw: bytes) -> str:
    from newspaper import Article as NArticle

    from storyweave import _html

    article = NArticle("https://example.invalid/", fetch_images=False)
    article.download(input_html=_html.decode_page(raw))
    article.parse()
    return article.text or ""


SYSTEMS: dict[str, Callable[[bytes], str]] = {
    "storyweave (trafilatura + readability-lxml cascade + junk rules)": storyweave_system,
    "trafilatura 2.3.1": trafilatura_system,
    "readability-lxml": readability_system,
    "newspaper4k": newspaper_system,
}


def run_all(systems: dict[str, Callable[[bytes], str]], pages: list[Page]) -> dict[str, tuple[dict[str, str], float]]:
    """Run every system on every page, page by page, timing each system's own calls.

    The systems take turns on each page (the order rotating from page to page) rather
    than one after the other over the whole set: on a machine shared with other jobs the
    load then falls on all of them alike, so their pages per second stay comparable.
    """
    out: dict[str, dict[str, str]] = {name: {} for name in systems}
    spent = dict.fromkeys(systems, 0.0)
    names = list(systems)
    for name in names:
        systems[name](pages[0][1])  # warm up imports and caches outside the timing
    for i, (key, raw, _gold) in enumerate(pages):
        for name in names[i % len(names):] + names[: i % len(names)]:
            start = time.perf_counter()
            try:
                out[name][key] = systems[name](raw)
            except Exception as exc:  # noqa: BLE001 - a crash counts as an empty answer, as the metric says
                print(f"{name}: {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
                out[name][key] = ""
            spent[name] += time.perf_counter() - start
    return {name: (out[name], len(pages) / spent[name]) for name in names}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a folder laid out like article-extraction or trafilatura-eval")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (quick runs)")
    parser.add_argument("--only", default=None, help="run only systems whose name contains this")
    args = parser.parse_args()
    dataset, pages = load(args.data, args.limit)
    score = score_shingles if dataset == "article-extraction" else score_segments
    print(f"### {dataset} ({len(pages)} pages)\n")
    print("| system | F1 | precision | recall | pages/s |")
    print("|---|---|---|---|---|")
    systems: dict[str, Callable[[bytes], str]] = {}
    missing: list[str] = []
    for name, system in SYSTEMS.items():
        if args.only and args.only not in name:
            continue
        try:
            system(pages[0][1])
        except ImportError as exc:
            missing.append(f"| {name} | not installed ({exc.name}) | | | |")
            continue
        systems[name] = system
    for name, (pred, speed) in run_all(systems, pages).items():
        f1, p, r = score(pred, pages)
        print(f"| {name} | {f1:.4f} | {p:.4f} | {r:.4f} | {speed:.1f} |", flush=True)
    for line in missing:
        print(line)
    print(f"| published best | {PUBLISHED[dataset]} | | | |")


if __name__ == "__main__":
    main()
