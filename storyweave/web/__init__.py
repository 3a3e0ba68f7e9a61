"""The web app and REST API: a FastAPI app over the same store and analysis as the CLI.

:func:`create_app` builds the app; ``storyweave serve`` runs it with uvicorn.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
