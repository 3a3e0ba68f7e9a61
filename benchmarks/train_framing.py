"""Train storyweave's headline-sensationalism model (``framing-ens.v2``).

Regenerates ``storyweave/data/framing_model.json`` and ``framing_neighbours.npy`` from a
folder laid out like ``/work/shared/data/clickbait`` (a ``headlines.tsv`` with
``label<TAB>headline``)::

    .venv/bin/python benchmarks/train_framing.py --data /work/shared/data/clickbait

Steps:

1. Split ``headlines.tsv`` deterministically (:func:`split`): every 10th row (row index
   ``i % 10 == 9``, counting data rows from 0) is the *evaluation slice*, never used for
   fitting or tuning; the rest is the *train part*. (The development set has no split of
   its own; its test part is kept elsewhere.)
2. Build features with the very code the runtime uses: hashed word 1-2-grams + character
   2-5-grams + one column per signal (:func:`storyweave.framing._features`), and the MiniLM
   vector of each headline (:func:`storyweave.embed.embed`; ``--vectors`` caches them).
3. n-gram model: scale every column by its naive-Bayes log-count ratio (NB-LR, Wang &
   Manning 2012), pick ``C`` by stratified 5-fold cross-validation on the train part.
4. Out-of-fold scores on the train part (the same 5 folds) of the n-gram model, of a
   logistic regression over the MiniLM vectors (``C`` = :data:`EMBEDDING_C`) and of the
   neighbour vote (:data:`NEIGHBOURS` nearest training headlines, vectors reduced by PCA to
   :data:`DIMENSIONS` and stored as int8); a logistic regression over those three scores
   is the stacker. 5-fold CV of the stack on the train part: 0.982 (n-grams alone 0.974).
5. Refit the three models on the whole train part; write the n-gram weights sparsely
   (quantised to ``1e-3``, delta-encoded bucket indices), the vector model, the PCA and the
   stacker to the JSON, and the int8 neighbour table (last column: label) to the ``.npy``.
6. Report accuracy, clickbait F1 and ROC-AUC on the evaluation slice with the shipped
   files, through :func:`storyweave.framing.sensationalism_many`.

Needs scikit-learn and scipy (training only; the runtime module does not import them).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storyweave import framing  # noqa: E402

SEED = 13
HOLDOUT_EVERY = 10
HOLDOUT_REMAINDER = 9
C_GRID = (10.0, 30.0, 100.0, 300.0)
QUANTUM = 1e-3
EMBEDDING_C = 4.0
STACK_C = 10.0
NEIGHBOURS = 15
DIMENSIONS = 128
OUT = ROOT / "storyweave" / "data" / "framing_model.json"
NEIGHBOURS_OUT = ROOT / "storyweave" / "data" / "framing_neighbours.npy"


def load(data_dir: Path) -> tuple[list[str], np.ndarray]:
    """Read ``headlines.tsv``: headlines and 0/1 labels, in file order."""
    headlines: list[str] = []
    labels: list[int] = []
    with open(data_dir / "headlines.tsv", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header != ["label", "headline"]:
            raise SystemExit(f"{data_dir / 'headlines.tsv'}: header {header}, want label, headline")
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            label, headline = line.split("\t", 1)
            labels.append(int(label))
            headlines.append(headline)
    return headlines, np.array(labels, dtype=np.int64)


def split(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the train part and of the evaluation slice (every 10th row)."""
    idx = np.arange(n)
    held = idx % HOLDOUT_EVERY == HOLDOUT_REMAINDER
    return idx[~held], idx[held]


def featurise(headlines: list[str]):  # type: ignore[no-untyped-def]
    """Sparse matrix: ``N_BUCKETS`` hashed columns, then one column per signal."""
    from scipy.sparse import csr_matrix

    sig_col = {name: framing.N_BUCKETS + j for j, name in enumerate(framing.SIGNAL_NAMES)}
    indptr, indices, values = [0], [], []
    for h in headlines:
        feats, signals = framing._features(framing._normalise(h))
        for b, v in sorted(feats.items()):
            indices.append(b)
            values.append(v)
        for s in signals:
            indices.append(sig_col[s])
            values.append(1.0)
        indptr.append(len(indices))
    shape = (len(headlines), framing.N_BUCKETS + len(framing.SIGNAL_NAMES))
    return csr_matrix((np.array(values), np.array(indices), np.array(indptr)), shape=shape)


def nb_ratios(x, y: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Naive-Bayes log-count ratio of each column (add-one smoothed, binary counts)."""
    present = (x > 0).astype(np.float64)
    p = np.asarray(present[y == 1].sum(axis=0)).ravel() + 1.0
    q = np.asarray(present[y == 0].sum(axis=0)).ravel() + 1.0
    return np.log((p / p.sum()) / (q / q.sum()))


def fit(x, y: np.ndarray, c: float):  # type: ignore[no-untyped-def]
    """NB-LR: fit on NB-scaled columns; returns (model, ratios)."""
    from scipy.sparse import diags

    r = nb_ratios(x, y)
    return make_model(c).fit(x @ diags(r), y), r


def make_model(c: float):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="liblinear", intercept_scaling=10.0,
                              max_iter=1000, random_state=SEED)


def cross_validate(x, y: np.ndarray) -> dict[float, float]:  # type: ignore[no-untyped-def]
    """Mean 5-fold CV accuracy for each ``C`` in :data:`C_GRID`."""
    from sklearn.model_selection import StratifiedKFold

    folds = list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y))
    scores: dict[float, float] = {}
    for c in C_GRID:
        accs = []
        for tr, te in folds:
            from scipy.sparse import diags

            m, r = fit(x[tr], y[tr], c)
            accs.append(float((m.predict(x[te] @ diags(r)) == y[te]).mean()))
        scores[c] = float(np.mean(accs))
        print(f"  C={c:g}: CV accuracy {scores[c]:.4f}", file=sys.stderr)
    return scores


def vectors_of(headlines: list[str], cache: Path | None) -> np.ndarray:
    """MiniLM vectors of the headlines (normalised as the runtime does), cached in ``cache``."""
    if cache is not None and cache.exists():
        vectors = np.load(cache)
        if len(vectors) == len(headlines):
            return vectors
    from storyweave.embed import embed

    vectors = np.asarray(embed([framing._normalise(h) for h in headlines]), dtype=np.float32)
    if cache is not None:
        np.save(cache, vectors)
    return vectors


def pca(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and the :data:`DIMENSIONS` leading principal axes (rows), signs fixed so the
    largest coordinate of each axis is positive (SVD signs are otherwise arbitrary)."""
    mean = vectors.mean(axis=0)
    _, _, vt = np.linalg.svd(vectors - mean, full_matrices=False)
    axes = vt[:DIMENSIONS]
    signs = np.sign(axes[np.arange(len(axes)), np.abs(axes).argmax(axis=1)])
    return mean, axes * signs[:, None]


def neighbour_table(vectors: np.ndarray, mean: np.ndarray, axes: np.ndarray) -> np.ndarray:
    """Projected unit vectors quantised to int8 (the form shipped and used at runtime)."""
    return np.rint(framing.project(vectors, mean, axes) * 127).astype(np.int8)


def out_of_fold(x, vectors: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Columns n-gram logit, vector logit, neighbour logit, each predicted out of fold."""
    from scipy.sparse import diags
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    mean, axes = pca(vectors)
    table = neighbour_table(vectors, mean, axes).astype(np.float32) / 127.0
    projected = framing.project(vectors, mean, axes).astype(np.float32)
    scores = np.zeros((len(y), 3))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y):
        m, r = fit(x[tr], y[tr], c)
        scores[te, 0] = m.decision_function(x[te] @ diags(r))
        lr = LogisticRegression(C=EMBEDDING_C, max_iter=3000).fit(vectors[tr], y[tr])
        scores[te, 1] = lr.decision_function(vectors[te])
        scores[te, 2] = framing.neighbour_logit(projected[te], table[tr], y[tr].astype(np.float64), NEIGHBOURS)
    return scores


def export(model, ratios: np.ndarray, c: float, n_train: int,  # type: ignore[no-untyped-def]
           cv_acc: float | None, vector_model, mean: np.ndarray, axes: np.ndarray,
           stacker, stack_cv: float) -> dict:
    coef = model.coef_[0] * ratios  # NB ratios folded into the weights
    hashed = coef[: framing.N_BUCKETS]
    q = np.rint(hashed / QUANTUM).astype(np.int64)
    nz = np.flatnonzero(q)
    deltas = np.diff(np.concatenate([[0], nz]))
    return {
        "version": framing.MODEL_VERSION,
        "n_buckets": framing.N_BUCKETS,
        "features": "n-grams: word 1-2-grams (lower-cased, digits -> 0) + char 2-5-grams, "
                    "crc32-hashed, binary, L2-normalised per block, plus one binary column per "
                    "signal, NB-LR (naive-Bayes ratios folded into the weights); embedding: LR over "
                    "the MiniLM vector; neighbours: teaser share among the k nearest training "
                    "headlines (PCA, int8); stack: LR over the three out-of-fold logits",
        "trained_on": f"clickbait headlines.tsv train part ({n_train} rows: all rows i with "
                      f"i % {HOLDOUT_EVERY} != {HOLDOUT_REMAINDER})",
        "C": c,
        "cv_accuracy": None if cv_acc is None else round(cv_acc, 4),
        "stack_cv_accuracy": round(stack_cv, 4),
        "seed": SEED,
        "bias": round(float(model.intercept_[0]), 4),
        "signal_weights": {
            name: round(float(coef[framing.N_BUCKETS + j]), 4)
            for j, name in enumerate(framing.SIGNAL_NAMES)
        },
        "scale": QUANTUM,
        "index_deltas": deltas.tolist(),
        "values": q[nz].tolist(),
        "embedding": {
            "C": EMBEDDING_C,
            "weights": [round(float(w), 6) for w in vector_model.coef_[0]],
            "bias": round(float(vector_model.intercept_[0]), 6),
        },
        "neighbours": {
            "k": NEIGHBOURS,
            "file": NEIGHBOURS_OUT.name,
            "mean": [round(float(v), 6) for v in mean],
            "projection": [[round(float(v), 6) for v in row] for row in axes],
        },
        "stack": {
            "ngrams": round(float(stacker.coef_[0][0]), 6),
            "embedding": round(float(stacker.coef_[0][1]), 6),
            "neighbours": round(float(stacker.coef_[0][2]), 6),
            "bias": round(float(stacker.intercept_[0]), 6),
        },
    }


def evaluate(headlines: list[str], y: np.ndarray) -> dict[str, float]:
    """Accuracy, clickbait F1 and ROC-AUC of the shipped model (threshold 0.5)."""
    from sklearn.metrics import f1_score, roc_auc_score

    scores = np.array(framing.sensationalism_many(headlines))
    pred = (scores >= 0.5).astype(int)
    return {
        "accuracy": float((pred == y).mean()),
        "f1": float(f1_score(y, pred)),
        "auc": float(roc_auc_score(y, scores)),
    }


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/clickbait"),
                        help="folder with headlines.tsv (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=OUT, help="model JSON (default: %(default)s)")
    parser.add_argument("--c", type=float, default=None, help="skip CV and use this C")
    parser.add_argument("--vectors", type=Path, default=None,
                        help="cache the headlines' MiniLM vectors in this .npy (re-runs skip embedding)")
    args = parser.parse_args(argv)

    headlines, y = load(args.data)
    train, held = split(len(headlines))
    print(f"{len(train)} train rows, {len(held)} evaluation rows", file=sys.stderr)
    t0 = time.perf_counter()
    x = featurise(headlines)
    vectors = vectors_of(headlines, args.vectors)
    print(f"features in {time.perf_counter() - t0:.1f}s", file=sys.stderr)

    x_tr, y_tr, v_tr = x[train], y[train], vectors[train]
    if args.c is None:
        cv = cross_validate(x_tr, y_tr)
        c = max(cv, key=lambda k: (cv[k], -k))
        cv_acc = cv[c]
    else:
        c, cv_acc = args.c, None
    oof = out_of_fold(x_tr, v_tr, y_tr, c)
    for j, name in enumerate(("n-grams", "embedding", "neighbours")):
        print(f"  out-of-fold accuracy, {name}: {((oof[:, j] > 0) == y_tr).mean():.4f}", file=sys.stderr)
    stack_pred = cross_val_predict(LogisticRegression(C=STACK_C), oof, y_tr,
                                   cv=StratifiedKFold(5, shuffle=True, random_state=SEED + 1))
    stack_cv = float((stack_pred == y_tr).mean())
    print(f"  stack CV accuracy: {stack_cv:.4f}", file=sys.stderr)
    stacker = LogisticRegression(C=STACK_C).fit(oof, y_tr)

    model, ratios = fit(x_tr, y_tr, c)
    vector_model = LogisticRegression(C=EMBEDDING_C, max_iter=3000).fit(v_tr, y_tr)
    mean, axes = pca(v_tr)
    table = np.concatenate([neighbour_table(v_tr, mean, axes), y_tr.astype(np.int8)[:, None]], axis=1)
    data = export(model, ratios, c, len(train), cv_acc, vector_model, mean, axes, stacker, stack_cv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    np.save(args.out.parent / NEIGHBOURS_OUT.name, table, allow_pickle=False)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, "
          f"{len(data['values'])} weights, C={c:g}) and {NEIGHBOURS_OUT.name} "
          f"({table.nbytes / 1e6:.2f} MB)", file=sys.stderr)

    if args.out.resolve() == OUT.resolve():
        framing._model.cache_clear()
        m = evaluate([headlines[i] for i in held], y[held])
        print(f"evaluation slice ({len(held)} rows): accuracy {m['accuracy']:.4f}, "
              f"F1 {m['f1']:.4f}, ROC-AUC {m['auc']:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
