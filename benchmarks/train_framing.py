"""Train storyweave's headline-sensationalism model (``framing-lr.v1``).

Regenerates ``storyweave/data/framing_model.json`` from a folder laid out like
``/work/shared/data/clickbait`` (a ``headlines.tsv`` with ``label<TAB>headline``)::

    .venv/bin/python benchmarks/train_framing.py --data /work/shared/data/clickbait

Steps:

1. Split ``headlines.tsv`` deterministically (:func:`split`): every 10th row (row index
   ``i % 10 == 9``, counting data rows from 0) is the *evaluation slice*, never used for
   fitting or tuning; the rest is the *train part*. (The development set has no split of
   its own; its test part is kept elsewhere.)
2. Build features with :func:`storyweave.framing._features` (the very code the runtime
   uses): hashed word 1-2-grams + character 2-5-grams, plus one column per signal.
3. Scale every column by its naive-Bayes log-count ratio (NB-LR, Wang & Manning 2012;
   +0.3 points of CV accuracy here), pick the regularisation ``C`` by stratified 5-fold
   cross-validation on the train part (fixed seed; the ratios are refitted in each fold),
   fit on the whole train part and fold the ratios into the weights, so the runtime needs
   no extra table.
4. Keep only non-zero weights, quantise them to ``1e-3`` and write the JSON sparsely
   (delta-encoded bucket indices).
5. Report accuracy, clickbait F1 and ROC-AUC on the evaluation slice with the shipped
   (quantised) weights, through :func:`storyweave.framing.sensationalism`.

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
OUT = ROOT / "storyweave" / "data" / "framing_model.json"


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


def export(model, ratios: np.ndarray, c: float, n_train: int,  # type: ignore[no-untyped-def]
           cv_acc: float | None) -> dict:
    coef = model.coef_[0] * ratios  # NB ratios folded into the weights
    hashed = coef[: framing.N_BUCKETS]
    q = np.rint(hashed / QUANTUM).astype(np.int64)
    nz = np.flatnonzero(q)
    deltas = np.diff(np.concatenate([[0], nz]))
    return {
        "version": framing.MODEL_VERSION,
        "n_buckets": framing.N_BUCKETS,
        "features": "word 1-2-grams (lower-cased, digits -> 0) + char 2-5-grams, crc32-hashed, "
                    "binary, L2-normalised per block; plus one binary column per signal; "
                    "NB-LR (naive-Bayes ratios folded into the weights)",
        "trained_on": f"clickbait headlines.tsv train part ({n_train} rows: all rows i with "
                      f"i % {HOLDOUT_EVERY} != {HOLDOUT_REMAINDER})",
        "C": c,
        "cv_accuracy": None if cv_acc is None else round(cv_acc, 4),
        "seed": SEED,
        "bias": round(float(model.intercept_[0]), 4),
        "signal_weights": {
            name: round(float(coef[framing.N_BUCKETS + j]), 4)
            for j, name in enumerate(framing.SIGNAL_NAMES)
        },
        "scale": QUANTUM,
        "index_deltas": deltas.tolist(),
        "values": q[nz].tolist(),
    }


def evaluate(headlines: list[str], y: np.ndarray) -> dict[str, float]:
    """Accuracy, clickbait F1 and ROC-AUC of the shipped model (threshold 0.5)."""
    from sklearn.metrics import f1_score, roc_auc_score

    scores = np.array([framing.sensationalism(h) for h in headlines])
    pred = (scores >= 0.5).astype(int)
    return {
        "accuracy": float((pred == y).mean()),
        "f1": float(f1_score(y, pred)),
        "auc": float(roc_auc_score(y, scores)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/clickbait"),
                        help="folder with headlines.tsv (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=OUT, help="model JSON (default: %(default)s)")
    parser.add_argument("--c", type=float, default=None, help="skip CV and use this C")
    args = parser.parse_args(argv)

    headlines, y = load(args.data)
    train, held = split(len(headlines))
    print(f"{len(train)} train rows, {len(held)} evaluation rows", file=sys.stderr)
    t0 = time.perf_counter()
    x = featurise(headlines)
    print(f"features in {time.perf_counter() - t0:.1f}s", file=sys.stderr)

    x_tr, y_tr = x[train], y[train]
    if args.c is None:
        cv = cross_validate(x_tr, y_tr)
        c = max(cv, key=lambda k: (cv[k], -k))
        cv_acc = cv[c]
    else:
        c, cv_acc = args.c, None
    model, ratios = fit(x_tr, y_tr, c)
    data = export(model, ratios, c, len(train), cv_acc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, "
          f"{len(data['values'])} weights, C={c:g})", file=sys.stderr)

    if args.out.resolve() == OUT.resolve():
        framing._model.cache_clear()
        m = evaluate([headlines[i] for i in held], y[held])
        print(f"evaluation slice ({len(held)} rows): accuracy {m['accuracy']:.4f}, "
              f"F1 {m['f1']:.4f}, ROC-AUC {m['auc']:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
