"""Benchmark story grouping: ECB+ B³ accuracy, and time and memory at scale.

1. ``ecbplus``: B³ precision/recall/F1 of storyweave's stories against ECB+ gold
   sub-topics, documents given ONE AT A TIME in a fixed (seeded) order, train and dev
   topics reported separately, next to a baseline run in the same process on the same
   documents: TF-IDF + average-link agglomerative clustering (scikit-learn) with the
   whole corpus in view, its distance threshold tuned on train like storyweave's. Also
   as a followed feed: saved to a store every 50 documents, so that each save freezes
   the stories of what came before it.
2. ``scale``: wall time and peak memory of grouping 1,000 / 10,000 / 100,000 articles of
   the corpus made by ``make_scale_corpus.py`` (each size in a fresh process), B³-F1
   against its gold events, and the baseline's time on the same input where it fits
   in memory.

Usage:
    python benchmarks/group.py ecbplus --data ../shared/data/ecbplus
    python benchmarks/group.py ecbplus --errors train   # where order 0 loses, topic by topic
    python benchmarks/group.py scale --data ../shared/data --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ecbplus_data import read_documents  # noqa: E402
from storyweave.group import Grouper, group_articles  # noqa: E402
from storyweave.model import Article  # noqa: E402
from storyweave.store import open_store  # noqa: E402

#: Seeded arrival orders each part is grouped in (order sensitivity: the F1 spread).
ORDERS = 5
#: Documents between two saves in the feed-like run (a followed feed saves after each poll).
SAVE_EVERY = 50
PUBLISHED_B3 = 0.968  # Barhom et al. 2019 released clusters, test topics (ecbplus/README.md)


def load_ecbplus(folder: Path) -> list[dict[str, Any]]:
    """ECB+ documents as article dicts: first sentence the title, the rest the body (a
    line each); the source URL of ``ecbplus`` documents goes to ``url``, which grouping
    does not read. Sorted by (topic, id), the order the seeded shuffles start from."""
    return [{"id": d.doc_id, "title": d.title, "text": d.body, "url": d.url, "split": d.split, "topic": d.topic,
             "subtopic": d.subtopic} for d in read_documents(folder)]


def b_cubed(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of a clustering against gold labels (same keys)."""
    pc, gc = Counter(pred.values()), Counter(gold.values())
    both = Counter((pred[k], gold[k]) for k in pred)
    p = sum(both[(pred[k], gold[k])] / pc[pred[k]] for k in pred) / len(pred)
    r = sum(both[(pred[k], gold[k])] / gc[gold[k]] for k in pred) / len(pred)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _article(d: dict[str, Any]) -> Article:
    return Article(id=d["id"], source=d.get("source", ""), location=d["id"], title=d["title"], text=d["text"],
                   url=d.get("url"), published=d.get("published"))


def storyweave_clusters(docs: Sequence[dict[str, Any]], seed: int) -> dict[str, str]:
    """storyweave's story of every document, documents given one at a time in a seeded order."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    grouper = Grouper()
    for d in order:
        grouper.add(_article(d))
    grouper.settle()  # the re-check of the last window (earlier ones ran as it filled)
    return {d["id"]: grouper.members[d["id"]].story for d in order}


def storyweave_saved_every(docs: Sequence[dict[str, Any]], seed: int, every: int) -> dict[str, str]:
    """storyweave's stories when the documents come as a feed is followed: one at a time
    in a seeded order, saved to a store every ``every`` documents. Each save ends a
    re-check window; stored articles then keep their story."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "feed.db")) as store:
        grouper = Grouper(store)
        for start in range(0, len(order), every):
            batch = [_article(d) for d in order[start:start + every]]
            store.add_articles(batch)
            for article in batch:
                grouper.add(article)
            grouper.save()
        return {d["id"]: grouper.members[d["id"]].story for d in order}


def topics_alone(docs: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Each topic's documents grouped on their own, in order 0, as a user's folder of
    articles on one subject would be: the case where the corpus is too small for its own
    word counts."""
    by_topic: dict[Any, list[dict[str, Any]]] = {}
    for d in docs:
        by_topic.setdefault(d["topic"], []).append(d)
    out: dict[str, str] = {}
    for topic, members in sorted(by_topic.items()):
        out.update({k: f"{topic}:{story}" for k, story in storyweave_clusters(members, 0).items()})
    return out


def tfidf_agglomerative(docs: Sequence[dict[str, Any]], threshold: float) -> dict[str, int]:
    """The baseline: TF-IDF (sublinear, English stop words) + average-link cosine clustering."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([d["title"] + "\n" + d["text"] for d in docs])
    # Rows are unit length: cosine distance = 1 - dot product, computed sparse, so only
    # the n×n matrix is dense (not documents × vocabulary).
    distances = 1.0 - (x @ x.T).toarray()
    labels = AgglomerativeClustering(n_clusters=None, distance_threshold=threshold, metric="precomputed",
                                     linkage="average").fit_predict(distances)
    return {d["id"]: int(lab) for d, lab in zip(docs, labels)}


def loss_by_topic(pred: dict[str, Any], gold: dict[str, Any], topic: dict[str, Any]) -> dict[Any, tuple[float, float]]:
    """B³ loss per topic, in documents: topic -> (precision lost, recall lost), summed over
    its documents (a document in a story of 3 of which 1 is of another event loses 1/3 of
    precision), so the topics where a part loses most come first when sorted by the sum."""
    pc, gc = Counter(pred.values()), Counter(gold.values())
    both = Counter((pred[k], gold[k]) for k in pred)
    out: dict[Any, tuple[float, float]] = {}
    for k in pred:
        shared = both[(pred[k], gold[k])]
        p, r = out.get(topic[k], (0.0, 0.0))
        out[topic[k]] = (p + 1 - shared / pc[pred[k]], r + 1 - shared / gc[gold[k]])
    return out


def error_report(docs: Sequence[dict[str, Any]]) -> str:
    """Where storyweave's stories (order 0) lose B³ on these documents: each topic with a
    loss, worst first, with its stories and their documents (gold sub-topic, id, the day
    grouping reads, or "undated", and the title's start)."""
    from storyweave.group.features import sketch

    gold = {d["id"]: d["subtopic"] for d in docs}
    topic = {d["id"]: d["topic"] for d in docs}
    pred = storyweave_clusters(docs, 0)
    p, r, f = b_cubed(pred, gold)
    lines = [f"{len(docs)} documents, order 0: B³ P {p:.3f} R {r:.3f} F1 {f:.3f}"]
    losses = loss_by_topic(pred, gold, topic)
    for t, (lp, lr) in sorted(losses.items(), key=lambda kv: -sum(kv[1])):
        if lp + lr < 1e-9:
            continue
        lines.append(f"topic {t}: precision lost {lp:.2f} documents, recall lost {lr:.2f}")
        members = [d for d in docs if d["topic"] == t]
        for story in sorted({pred[d["id"]] for d in members}, key=lambda s: min(d["id"] for d in members if pred[d["id"]] == s)):
            inside = sorted((d for d in members if pred[d["id"]] == story), key=lambda d: (d["subtopic"], d["id"]))
            lines.append(f"  story {story}: " + ", ".join(f"{k} {n}" for k, n in sorted(Counter(d["subtopic"] for d in inside).items())))
            for d in inside:
                day = sketch(d["title"], d["text"]).day
                when = "undated" if day is None else date.fromordinal(day).isoformat()
                lines.append(f"    {d['subtopic']:<12} {d['id']:<14} {when:<10} {d['title'][:70]!r}")
    return "\n".join(lines)


def _tune(fn: Callable[[float], float], grid: Sequence[float]) -> float:
    return max(grid, key=lambda t: (fn(t), -t))


def run_ecbplus(folder: Path) -> str:
    docs = load_ecbplus(folder)
    splits = {s: [d for d in docs if d["split"] == s] for s in ("train", "dev")}
    splits["train+dev"] = docs
    gold = {d["id"]: d["subtopic"] for d in docs}
    topic = {d["id"]: d["topic"] for d in docs}
    train = splits["train"]
    threshold = _tune(lambda t: b_cubed(tfidf_agglomerative(train, t), {d["id"]: gold[d["id"]] for d in train})[2],
                      [0.7, 0.75, 0.8, 0.85, 0.9, 0.95])
    rows = [f"| part | docs | storyweave B³ P / R / F1 (order 0) | F1 over {ORDERS} orders (min–max, spread) | vs topics F1 "
            f"| saved every {SAVE_EVERY}: F1 mean ({ORDERS} orders, min–max) | each topic alone B³ P / R / F1 | baseline B³ P / R / F1 | published |",
            "|---|---|---|---|---|---|---|---|---|"]
    for name, part in splits.items():
        g = {d["id"]: gold[d["id"]] for d in part}
        t0 = time.perf_counter()
        ours = storyweave_clusters(part, 0)
        took = time.perf_counter() - t0
        p, r, f = b_cubed(ours, g)
        f1s = [f] + [b_cubed(storyweave_clusters(part, seed), g)[2] for seed in range(1, ORDERS)]
        ft = b_cubed(ours, {d["id"]: topic[d["id"]] for d in part})[2]
        saved = [b_cubed(storyweave_saved_every(part, seed, SAVE_EVERY), g)[2] for seed in range(ORDERS)]
        ap, ar, af = b_cubed(topics_alone(part), g)
        bp, br, bf = b_cubed(tfidf_agglomerative(part, threshold), g)
        rows.append(f"| {name} | {len(part)} | {p:.3f} / {r:.3f} / **{f:.3f}** ({took:.1f} s) | {min(f1s):.3f}–{max(f1s):.3f} ({max(f1s) - min(f1s):.3f}) | {ft:.3f} | "
                    f"{sum(saved) / len(saved):.3f} ({min(saved):.3f}–{max(saved):.3f}) | {ap:.3f} / {ar:.3f} / {af:.3f} | {bp:.3f} / {br:.3f} / {bf:.3f} | {PUBLISHED_B3} (test topics) |")
    rows.append("")
    rows.append(f"Baseline: TF-IDF + average-link agglomerative, cosine distance threshold {threshold} (tuned on train).")
    return "\n".join(rows)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _scale_child(path: Path, which: str) -> dict[str, Any]:
    """One measurement in this (fresh) process: time and peak memory of one method."""
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    base_mb = _peak_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    extra: dict[str, Any] = {}
    if which == "storyweave":
        grouper = Grouper()
        for d in docs:
            grouper.add(_article(d))
        grouper.settle()
        pred: dict[str, Any] = {d["id"]: grouper.members[d["id"]].story for d in docs}
    elif which.startswith("feed:"):
        # As a followed feed: a run per batch, each loading the store's state and saving it.
        every = int(which.split(":")[1])
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "feed.db"
            for start in range(0, len(docs), every):
                with open_store(str(db)) as store:
                    group_articles([_article(d) for d in docs[start:start + every]], store)
            with open_store(str(db)) as store:
                grouper = Grouper(store)
            extra["store_mb"] = db.stat().st_size / 2**20
        pred = {d["id"]: grouper.members[d["id"]].story for d in docs}
    else:
        pred = tfidf_agglomerative(docs, 0.85)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    f1 = b_cubed(pred, {d["id"]: d["event"] for d in docs})[2]
    return {"n": len(docs), "seconds": took, "cpu": cpu, "peak_mb": _peak_mb(), "loaded_mb": base_mb, "f1": f1, **extra}


def run_scale(data: Path, sizes: Sequence[int], baseline_max: int, workdir: Path, feed_every: int = 0) -> str:
    rows = ["| articles | storyweave time (CPU) | ms / article | peak memory | B³-F1 vs events | baseline time (CPU) "
            "| baseline peak | baseline F1 | baseline / storyweave CPU |",
            "|---|---|---|---|---|---|---|---|---|"]
    workdir.mkdir(parents=True, exist_ok=True)  # the corpora are built there on first use
    feed_rows: list[str] = []
    for n in sizes:
        path = workdir / f"scale-{n}.jsonl"
        if not path.exists():
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_scale_corpus.py"), "--data", str(data),
                            "--n", str(n), "-o", str(path)], check=True)
        results = {}
        for which in ("storyweave", "baseline"):
            if which == "baseline" and n > baseline_max:
                continue
            out = subprocess.run([sys.executable, __file__, "_child", str(path), which], check=True,
                                 capture_output=True, text=True).stdout
            results[which] = json.loads(out)
        s = results["storyweave"]
        b = results.get("baseline")
        base = (f"{b['seconds']:.1f} s ({b['cpu']:.1f} s) | {b['peak_mb']:.0f} MB | {b['f1']:.3f} | {b['cpu'] / s['cpu']:.1f}"
                if b else f"not run (dense {n}×{n} distances: {n * n * 8 / 2**30:.0f} GB) | | |")
        rows.append(f"| {n:,} | {s['seconds']:.1f} s ({s['cpu']:.1f} s) | {1000 * s['seconds'] / n:.2f} | {s['peak_mb']:.0f} MB "
                    f"(corpus loaded: {s['loaded_mb']:.0f} MB) | {s['f1']:.3f} | {base} |")
        print(rows[-1], file=sys.stderr, flush=True)  # progress: a 100k run takes minutes
        if feed_every:
            out = subprocess.run([sys.executable, __file__, "_child", str(path), f"feed:{feed_every}"], check=True,
                                 capture_output=True, text=True).stdout
            f = json.loads(out)
            feed_rows.append(f"| {n:,} | {feed_every} | {f['seconds']:.1f} s ({f['cpu']:.1f} s) | "
                             f"{1000 * f['seconds'] / n:.2f} | {f['peak_mb']:.0f} MB | {f['store_mb']:.0f} MB | {f['f1']:.3f} |")
            print(feed_rows[-1], file=sys.stderr, flush=True)
    if feed_rows:
        rows += ["", "Fed as a followed feed (a run per batch into a SQLite store, each loading and saving the state):",
                 "", "| articles | saved every | time (CPU) | ms / article | peak memory | store | B³-F1 vs events |",
                 "|---|---|---|---|---|---|---|", *feed_rows]
    return "\n".join(rows)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        print(json.dumps(_scale_child(Path(sys.argv[2]), sys.argv[3])))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    ecb = sub.add_parser("ecbplus", help="B³ of story grouping on ECB+ sub-topics")
    ecb.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ecbplus")
    ecb.add_argument("--errors", choices=("train", "dev", "train+dev"),
                     help="instead of the table: where this part's stories (order 0) lose, topic by topic")
    scale = sub.add_parser("scale", help="time and memory for 1k/10k/100k articles")
    scale.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    scale.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    scale.add_argument("--baseline-max", type=int, default=10000, help="largest size the baseline is run on")
    scale.add_argument("--workdir", type=Path, default=Path("/tmp"))
    scale.add_argument("--feed-every", type=int, default=0,
                       help="also group each corpus as a followed feed, a run per this many articles")
    args = parser.parse_args()
    if args.what == "ecbplus" and args.errors:
        docs = load_ecbplus(args.data)
        print(error_report([d for d in docs if args.errors == "train+dev" or d["split"] == args.errors]))
    elif args.what == "ecbplus":
        print(run_ecbplus(args.data))
    else:
        print(run_scale(args.data, args.sizes, args.baseline_max, args.workdir, args.feed_every))


if __name__ == "__main__":
    main()
