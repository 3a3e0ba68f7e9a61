"""Train storyweave's claim-strength model (``strength-lr.v1``).

Regenerates ``storyweave/data/certainty_model.json`` from a folder laid out like
``/work/shared/data/claim-strength`` (``eureka.csv`` press releases, ``pubmed.csv``
abstract conclusions; the set's test part is kept elsewhere, so all rows here are the
train part the README allows)::

    .venv/bin/python benchmarks/train_certainty.py --data /work/shared/data/claim-strength

Steps:

1. Features, the runtime's own code: the MiniLM sentence vector
   (``storyweave.embed.embed``) and hashed binary word 1-3-grams
   (``storyweave.extract.strength.ngram_features``).
2. Five folds over the press releases, grouped by press release (``sentId`` without its
   last two fields) so that no release is split; the PubMed sentences are extra training
   rows in every fold and never scored. ``C`` and the weight of the vector block are picked
   by the mean macro-F1 over the folds.
3. Fit on everything with the chosen values and write the non-zero weights.

Needs scikit-learn and scipy (training only).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "storyweave" / "data" / "certainty_model.json"
C_GRID = (10.0,)
VECTOR_SCALES = (3.0,)
FOLDS = 5
QUANTUM = 1e-4


def load(data: Path) -> tuple[list[str], list[int], list[str], list[str], list[int]]:
    """Press-release sentences, labels and groups; PubMed sentences and labels."""
    texts, labels, groups = [], [], []
    with open(data / "eureka.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            texts.append(row["sentence"])
            labels.append(int(row["label"]))
            groups.append(row["sentId"].rsplit("-", 2)[0])
    p_texts, p_labels = [], []
    with open(data / "pubmed.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            p_texts.append(row["sentence"])
            p_labels.append(int(row["label"]))
    return texts, labels, groups, p_texts, p_labels


def features(texts: list[str], scale: float):
    """Sparse matrix: [vector * scale | hashed n-grams]."""
    from scipy import sparse

    from storyweave.embed import embed
    from storyweave.extract.strength import BUCKETS, ngram_features

    vectors = np.asarray(embed(texts), dtype=np.float64) * scale
    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        for bucket, value in ngram_features(text).items():
            rows.append(i)
            cols.append(bucket)
            vals.append(value)
    grams = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), BUCKETS))
    return sparse.hstack([sparse.csr_matrix(vectors), grams]).tocsr(), vectors / scale


def group_folds(groups: list[str], k: int = FOLDS) -> list[np.ndarray]:
    """Fold index of every row: sorted group ids dealt round-robin, so folds are fixed."""
    order = sorted(set(groups))
    fold_of = {g: i % k for i, g in enumerate(order)}
    fold = np.array([fold_of[g] for g in groups])
    return [np.where(fold == f)[0] for f in range(k)]


def cross_validate(data: Path) -> dict:
    """Grouped 5-fold CV on the press releases for every grid point; returns the best."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score

    texts, labels, groups, p_texts, p_labels = load(data)
    y = np.array(labels)
    py = np.array(p_labels)
    folds = group_folds(groups)
    best: dict = {}
    for scale in VECTOR_SCALES:
        X, vectors = features(texts, scale)
        PX, p_vectors = features(p_texts, scale)
        from scipy import sparse

        for C in C_GRID:
            pred = np.zeros_like(y)
            base = np.zeros_like(y)
            for test in folds:
                train = np.setdiff1d(np.arange(len(y)), test)
                clf = LogisticRegression(C=C, max_iter=3000)
                clf.fit(sparse.vstack([X[train], PX]), np.concatenate([y[train], py]))
                pred[test] = clf.predict(X[test])
                if scale == VECTOR_SCALES[0] and C == C_GRID[0]:
                    plain = LogisticRegression(C=10.0, max_iter=3000)  # the baseline: vectors only
                    plain.fit(np.vstack([vectors[train], p_vectors]), np.concatenate([y[train], py]))
                    base[test] = plain.predict(vectors[test])
            score = f1_score(y, pred, average="macro")
            print(f"scale={scale} C={C}: macro-F1 {score:.3f} accuracy {accuracy_score(y, pred):.3f}", file=sys.stderr)
            if scale == VECTOR_SCALES[0] and C == C_GRID[0]:
                best["baseline"] = {"macro_f1": f1_score(y, base, average="macro"), "accuracy": accuracy_score(y, base),
                                    "per_class": f1_score(y, base, average=None).tolist()}
            if score > best.get("macro_f1", -1):
                best.update(macro_f1=score, accuracy=accuracy_score(y, pred), C=C, scale=scale,
                            per_class=f1_score(y, pred, average=None).tolist())
    return best


def train(data: Path, C: float, scale: float) -> dict:
    """Fit on every row and return the JSON model."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    from storyweave.embed import DIMENSIONS

    texts, labels, _, p_texts, p_labels = load(data)
    X, _ = features(texts + p_texts, scale)
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(X, np.array(labels + p_labels))
    coef = clf.coef_
    dense = np.round(coef[:, :DIMENSIONS] / QUANTUM) * QUANTUM
    sparse_part = sparse.csc_matrix(coef[:, DIMENSIONS:])
    out_sparse = {}
    for bucket in np.unique(sparse_part.nonzero()[1]):
        weights = np.round(np.asarray(sparse_part[:, bucket].todense()).ravel() / QUANTUM) * QUANTUM
        if np.any(weights):
            out_sparse[str(int(bucket))] = [round(float(w), 4) for w in weights]
    return {"model": "strength-lr.v1", "classes": [int(c) for c in clf.classes_], "vector_scale": scale,
            "intercept": [round(float(b), 4) for b in clf.intercept_],
            "dense": [[round(float(w), 4) for w in row] for row in dense], "sparse": out_sparse,
            "trained_on": "claim-strength eureka.csv + pubmed.csv (development part), C=%g" % C}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    args = ap.parse_args(argv)
    best = cross_validate(args.data)
    print(json.dumps(best, indent=1))
    model = train(args.data, best["C"], best["scale"])
    OUT.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
