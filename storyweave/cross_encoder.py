"""Fine-tuned MiniLM cross-encoders, run as int8 ONNX (no PyTorch).

A cross-encoder reads a sentence (or a pair of sentences) whole and returns class logits.
storyweave ships two, fine-tuned from all-MiniLM-L6-v2 by
``benchmarks/train_cross_encoder.py``, each beside a JSON card saying what it was trained
on: ``same_statement_ce.onnx`` (do two sentences state the same thing) and
``strength_ce.onnx`` (claim strength). They share the embedder's tokenizer.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from .embed import session_options, tokenizer_file
from .errors import ModelMissingError

MAX_TOKENS = 128


class CrossEncoder:
    """One exported model; :meth:`logits` is thread-safe."""

    def __init__(self, path: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        if not path.is_file():
            raise ModelMissingError(f"{path} is missing; reinstall storyweave (pip install --force-reinstall -e .)")
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file()))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.session = onnxruntime.InferenceSession(str(path), session_options(), providers=["CPUExecutionProvider"])
        self._lock = threading.Lock()

    def logits(self, texts: Sequence[str], pairs: Sequence[str] | None = None) -> np.ndarray:
        """One row of logits per text, or per ``(texts[i], pairs[i])`` pair.

        Each input runs alone: the int8 model quantises its activations with one scale per
        batch, so in a batch an input's score would depend on the inputs beside it.
        """
        inputs = list(zip(texts, pairs)) if pairs is not None else list(texts)
        rows = []
        with self._lock:
            for encoding in self.tokenizer.encode_batch(inputs):
                feed = {
                    "input_ids": np.array([encoding.ids], dtype=np.int64),
                    "attention_mask": np.array([encoding.attention_mask], dtype=np.int64),
                    "token_type_ids": np.array([encoding.type_ids], dtype=np.int64),
                }
                rows.append(self.session.run(["logits"], feed)[0][0])
        return np.stack(rows) if rows else np.zeros((0, 1), dtype=np.float32)


@lru_cache(maxsize=None)
def load(name: str) -> CrossEncoder:
    """A shipped model by file name, loaded once per process.

    Raises:
        ModelMissingError: the model file is not in the installed package.
    """
    return CrossEncoder(Path(str(resources.files("storyweave").joinpath("data", name))))
