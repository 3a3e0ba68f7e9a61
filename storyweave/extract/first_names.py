"""The gender a first name is usually given to, from a published table of names.

The table is nomquamgender's (Van Buskirk, Clauset and Larremore, "An open-source
cultural consensus approach to name-based gender classification", ICWSM 2023; MIT
licence; PyPI ``nomquamgender``): 721,739 lower-cased names, each with the number of its
sources and observations and p(gf), the share of its bearers gendered female. It ships
as one 22 MB JSON object sorted by name. Loading it whole costs 1.5-5 s and 200 MB, and
an article names a dozen people, so the file is memory-mapped and binary-searched in
place: a lookup reads a few hundred bytes and nothing is loaded up front (the package
itself, which imports pandas, is never imported).

What counts as evidence of a person's gender is genders.py's to say.
"""

from __future__ import annotations

import importlib.util
import json
import mmap
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..errors import ModelMissingError

_ENTRY = b'], "'  # what precedes every key but the first
_KEY_END = b'": ['


@lru_cache(maxsize=1)
def _table() -> mmap.mmap:
    spec = importlib.util.find_spec("nomquamgender")
    path = Path(next(iter(spec.submodule_search_locations or ()), "")) / "name_data.json" if spec else None
    if path is None or not path.is_file():
        raise ModelMissingError("the first-name table is missing; install it with: pip install nomquamgender==0.1.4")
    with path.open("rb") as file:
        return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)


def _key_at(table: mmap.mmap, start: int) -> tuple[bytes, int]:
    end = table.find(_KEY_END, start)
    return table[start:end], end + len(_KEY_END) - 1


def _record(table: mmap.mmap, value_start: int) -> list:
    end = table.find(_ENTRY, value_start)
    return json.loads(table[value_start : end + 1 if end != -1 else len(table) - 1])


def _lookup(table: mmap.mmap, name: bytes) -> list | None:
    first, value = _key_at(table, 2)  # the object opens with '{"'
    if first == name:
        return _record(table, value)
    lo, hi = 0, len(table)
    # Invariant: the name, if present, is the key of an entry whose separator starts in [lo, hi).
    while lo < hi:
        mid = (lo + hi) // 2
        at = table.find(_ENTRY, mid, hi + len(_ENTRY))
        if at == -1 or at >= hi:
            hi = mid
            continue
        key, value = _key_at(table, at + len(_ENTRY))
        if key == name:
            return _record(table, value)
        if key < name:
            lo = at + 1
        else:
            hi = at
    return None


def _plain(name: str) -> str:
    """The table's spelling of a name: lower case without diacritics ("Jürgen" -> "jurgen")."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def female_share(name: str) -> tuple[float, int] | None:
    """The share of women among the people called ``name`` ("Loretta" -> 0.989) and the
    number of observations behind it, or None for a name not in the table."""
    plain = _plain(name.strip())
    if not plain.isalpha():
        return None
    record = _lookup(_table(), json.dumps(plain).encode()[1:-1])
    if record is None:
        return None
    _, observations, share, *_ = record
    return share, observations
