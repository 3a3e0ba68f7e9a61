"""What every finder of :mod:`storyweave.compare` builds a finding from: the items it sets
side by side and the discrepancy's id."""

from __future__ import annotations

import hashlib
from typing import Iterable

from ..model import DiscrepancyItem


def _id(kind: str, items: Iterable[DiscrepancyItem]) -> str:
    key = kind + "|" + "|".join(f"{i.article}:{i.span[0]}" for i in items)
    return "x-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def _item(article: str, text: str, span: tuple[int, int], figure: str = "") -> DiscrepancyItem:
    return DiscrepancyItem(article, text, span, figure)
