"""The analysis as JSON: the public contract, printed as is."""

from __future__ import annotations

import json
from typing import Any


def render(analysis: dict[str, Any]) -> str:
    """The analysis JSON, indented, keys in the analysis's own order, ending with a newline.

    The same analysis always gives the same bytes, so outputs can be diffed and hashed.
    ``ensure_ascii=False`` keeps names like "Zelenskyy" or "Мединский" readable.
    """
    return json.dumps(analysis, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
