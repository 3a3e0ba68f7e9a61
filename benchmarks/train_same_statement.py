"""Train the same-statement judge on MSRP's training part and write its weights as JSON.

The model is a logistic regression over :func:`storyweave.align.statement_model.pair_features`
(embedding cosine, word and character overlap, numbers, names, negation, length). It is
evaluated by 10-fold cross-validation inside the training file (no test part is here),
with the decision threshold chosen inside each training fold, and then fitted on folds 1–9:
fold 0 (pairs with index 0 mod 10) is held out, as it is for the cross-encoder
(``train_cross_encoder.py``) that storyweave averages this model with, so
``benchmarks/compare.py --task msrp`` scores both on pairs neither was trained on.

Usage::

    .venv/bin/python benchmarks/train_same_statement.py --data ../shared/data/msrp [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storyweave.align.statement_model import FEATURES, MODEL_FILE, MODEL_NAME, pair_features  # noqa: E402

FOLDS = 10
C = 1.0


def load(data_dir: Path, name: str = "msr_paraphrase_train.txt") -> tuple[list[tuple[str, str]], np.ndarray]:
    """The pairs and labels of an MSRP file (tab-separated, not CSV: strings hold unbalanced quotes)."""
    path = data_dir / name
    pairs, labels = [], []
    with path.open(encoding="utf-8-sig") as handle:
        next(handle)
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                labels.append(int(parts[0]))
                pairs.append((parts[3], parts[4]))
    return pairs, np.array(labels)


def cosines(pairs: list[tuple[str, str]]) -> np.ndarray:
    """MiniLM cosine of each pair (storyweave's embedder)."""
    from storyweave.embed import embed

    texts = sorted({t for p in pairs for t in p})
    vectors = dict(zip(texts, embed(texts)))
    return np.array([float(vectors[a] @ vectors[b]) for a, b in pairs])


def features(pairs: list[tuple[str, str]], cos: np.ndarray) -> np.ndarray:
    return np.stack([pair_features(a, b, float(c)) for (a, b), c in zip(pairs, cos)])


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """The cut with the highest accuracy (ties: the middle of the best run)."""
    candidates = np.unique(np.round(scores, 4))
    accuracy = np.array([np.mean((scores >= t) == (y == 1)) for t in candidates])
    best = np.flatnonzero(accuracy == accuracy.max())
    return float(candidates[best[len(best) // 2]])


def metrics(pred: np.ndarray, y: np.ndarray) -> dict[str, float]:
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    return {"accuracy": float(np.mean(pred == (y == 1))), "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0}


def folds(n: int) -> np.ndarray:
    """Deterministic fold of each pair: its index modulo :data:`FOLDS`."""
    return np.arange(n) % FOLDS


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, object]:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit((x - mean) / scale, y)
    return mean, scale, model


def cross_validate(x: np.ndarray, y: np.ndarray, cos: np.ndarray) -> dict[str, dict[str, float]]:
    """Out-of-fold predictions of the model and of the cosine baseline, thresholds tuned per fold."""
    fold = folds(len(y))
    model_pred = np.zeros(len(y), bool)
    cosine_pred = np.zeros(len(y), bool)
    for k in range(FOLDS):
        train, test = fold != k, fold == k
        mean, scale, model = fit(x[train], y[train])
        train_p = model.predict_proba((x[train] - mean) / scale)[:, 1]  # type: ignore[attr-defined]
        t = best_threshold(train_p, y[train])
        model_pred[test] = model.predict_proba((x[test] - mean) / scale)[:, 1] >= t  # type: ignore[attr-defined]
        cosine_pred[test] = cos[test] >= best_threshold(cos[train], y[train])
    return {"model": metrics(model_pred, y), "cosine": metrics(cosine_pred, y)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder laid out like ../shared/data/msrp")
    parser.add_argument("--write", action="store_true", help=f"write storyweave/data/{MODEL_FILE}")
    parser.add_argument("--cache", type=Path, help="an .npy file keeping the cosines between runs")
    args = parser.parse_args(argv)
    pairs, y = load(args.data)
    if args.cache and args.cache.exists():
        cos = np.load(args.cache)
    else:
        cos = cosines(pairs)
        if args.cache:
            np.save(args.cache, cos)
    x = features(pairs, cos)
    cv = cross_validate(x, y, cos)
    print(f"{FOLDS}-fold CV on {len(y)} pairs: model {cv['model']}, cosine {cv['cosine']}")
    if args.write:
        train = folds(len(y)) != 0
        mean, scale, model = fit(x[train], y[train])
        p = model.predict_proba((x[train] - mean) / scale)[:, 1]  # type: ignore[attr-defined]
        spec = {
            "name": MODEL_NAME,
            "trained_on": "MSRP msr_paraphrase_train.txt, pairs with index mod 10 != 0, benchmarks/train_same_statement.py",
            "cross_validation": cv,
            "features": list(FEATURES),
            "mean": [round(float(v), 8) for v in mean],
            "scale": [round(float(v), 8) for v in scale],
            "weights": [round(float(v), 8) for v in model.coef_[0]],  # type: ignore[attr-defined]
            "bias": round(float(model.intercept_[0]), 8),  # type: ignore[attr-defined]
            "threshold": best_threshold(p, y[train]),
        }
        out = ROOT / "storyweave" / "data" / MODEL_FILE
        out.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out} (threshold {spec['threshold']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
