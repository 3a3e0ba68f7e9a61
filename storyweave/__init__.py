"""storyweave: many news articles about one event, read at once.

The public names are listed in ``__all__``; they are imported on first use, so that
``import storyweave`` stays fast and loads no model.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "analyze": "storyweave.pipeline",
    "analyze_articles": "storyweave.pipeline",
    "read_sources": "storyweave.pipeline",
    "stream_articles": "storyweave.pipeline",
    "stream_sources": "storyweave.pipeline",
    "ingest": "storyweave.ingest",
    "clean": "storyweave.clean",
    "annotate": "storyweave.annotate",
    "group": "storyweave.group",
    "extract": "storyweave.extract",
    "align_claims": "storyweave.align",
    "group_quotes": "storyweave.align.quotes",
    "same_statement": "storyweave.align",
    "compare": "storyweave.compare",
    "brief": "storyweave.brief",
    "sensationalism": "storyweave.framing",
    "open_store": "storyweave.store",
    "Options": "storyweave.options",
    "Article": "storyweave.model",
    "Story": "storyweave.model",
    "Entity": "storyweave.model",
    "Quote": "storyweave.model",
    "Claim": "storyweave.model",
    "Fact": "storyweave.model",
    "Discrepancy": "storyweave.model",
    "Brief": "storyweave.model",
    "Analysis": "storyweave.model",
    "StoryweaveError": "storyweave.errors",
    "InputError": "storyweave.errors",
    "FetchError": "storyweave.errors",
    "BlockedURLError": "storyweave.errors",
    "StoreError": "storyweave.errors",
    "ConfigError": "storyweave.errors",
    "ModelMissingError": "storyweave.errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'storyweave' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
