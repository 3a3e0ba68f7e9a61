"""Exceptions storyweave raises, all rooted at :class:`StoryweaveError`.

    StoryweaveError
    ├── InputError          an input (file, URL, JSONL line) cannot be read; carries .source
    │   ├── FetchError      a URL could not be fetched
    │   └── BlockedURLError a URL points at a private, loopback or link-local address
    ├── StoreError          the store cannot be opened, read or written
    ├── ConfigError         options that do not fit together
    └── ModelMissingError   an NLP model package is not installed

Every message says what happened, to which input, and what to do next.
"""

from __future__ import annotations


class StoryweaveError(Exception):
    """Base of every storyweave error."""


class InputError(StoryweaveError):
    """One input cannot be read. ``source`` names it (``FILE:LINE`` for JSONL)."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class FetchError(InputError):
    """A URL could not be fetched."""


class BlockedURLError(FetchError):
    """A URL resolves to an address storyweave does not fetch by default."""


class StoreError(StoryweaveError):
    """The store cannot be opened, read or written."""


class ConfigError(StoryweaveError):
    """Options that are invalid or do not fit together."""


class ModelMissingError(StoryweaveError):
    """A model package is missing; the message names the pip install that fixes it."""
