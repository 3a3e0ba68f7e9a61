"""The analysis as JSON: the public contract, printed as is."""

from __future__ import annotations

import json
from typing import Any, Iterator


def render(analysis: dict[str, Any]) -> str:
    """The analysis JSON, indented, keys in the analysis's own order, ending with a newline.

    The same analysis always gives the same bytes, so outputs can be diffed and hashed.
    ``ensure_ascii=False`` keeps names like "Zelenskyy" or "Мединский" readable.
    """
    return "".join(chunks(analysis))


def chunks(analysis: dict[str, Any]) -> Iterator[str]:
    """:func:`render`'s text a story at a time: the bytes ``json.dumps(analysis, indent=2)``
    gives (``stories`` is the analysis JSON's last key), without holding every story at once."""
    stories = analysis.get("stories")
    if stories is None:
        yield json.dumps(analysis, ensure_ascii=False, indent=2) + "\n"
        return
    head = json.dumps({**{k: v for k, v in analysis.items() if k != "stories"}, "stories": []}, ensure_ascii=False, indent=2)
    # The head ends '  "stories": []\n}'; each story goes between the brackets, indented
    # two levels as json.dumps would nest it (strings never hold a raw newline in JSON).
    opening, closing = head.rsplit("[]", 1)
    yield opening + "["
    count = 0
    for story in stories:
        text = json.dumps(story, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield ("," if count else "") + "\n    " + text
        count += 1
    yield ("\n  ]" if count else "]") + closing + "\n"
