"""One frozen ``Options`` object, built the same way from the CLI, the web app and Python."""

from __future__ import annotations

from dataclasses import dataclass

#: Versioned names of the implementations, recorded in every analysis so a run can be repeated.
EMBEDDER = "minilm-l6-int8.v1"
NLP_MODEL = "en_core_web_sm.v3.8"


@dataclass(frozen=True)
class Options:
    """Everything that changes what an analysis says.

    Thresholds are named constants in the stage modules; only what a user may want to
    change lives here.
    """

    embedder: str = EMBEDDER
    nlp_model: str = NLP_MODEL
    max_article_chars: int = 2_000_000
    allow_private_urls: bool = False
    show_progress: bool = True

    def fingerprint(self) -> str:
        """The options that affect analysis output, as a stable string."""
        return f"{self.embedder}|{self.nlp_model}|{self.max_article_chars}"
