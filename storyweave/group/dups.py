"""Near-duplicates: wire copies and light rewrites, found with MinHash LSH (datasketch).

Each article's word 5-shingles are summarised in a MinHash signature; the LSH index
returns the earlier articles likely to share at least :data:`DUPLICATE_JACCARD` of their
shingles, and the signatures' estimated Jaccard similarity confirms them. An article is
a duplicate of the *first* article of its copy set, so a copy of a copy points at the
original. Signatures are kept (and stored), so copies are found across runs.

Signatures are datasketch's ``affine32`` MinHash signatures, computed for a whole
article at once in numpy with the permutation parameters of datasketch's ``MinHash``
(the same values as ``MinHash.update_batch`` gives, without building a ``MinHash`` and
a Python list per article); the index holds them as ``LeanMinHash`` objects.

``import datasketch`` takes about 0.7 s on this machine (its ``__init__`` imports its
LSH module, which imports ``scipy.integrate``; importing the ``datasketch.minhash``
submodule runs that ``__init__`` too), so this module is imported only where articles
are grouped.
"""

from __future__ import annotations

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

#: Permutations per signature: the Jaccard estimate's standard error is about 0.06.
NUM_PERM = 64
#: Shingle Jaccard similarity from which one article is a copy or light rewrite of
#: another (a wire story with a paragraph cut or a few words changed stays above it).
DUPLICATE_JACCARD = 0.5
SEED = 1
_SCHEME = "affine32"
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme=_SCHEME).permutations
# One row each (a and b of the affine permutations), as uint32: products wrap mod 2**32,
# which is the scheme's arithmetic.
_A = np.ascontiguousarray(_PERMUTATIONS[0], dtype=np.uint32)[None, :]
_B = np.ascontiguousarray(_PERMUTATIONS[1], dtype=np.uint32)[None, :]
_EMPTY = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
#: Shingles hashed per block: bounds the (shingles × NUM_PERM) temporary to 1 MB.
_BLOCK = 4096


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which datasketch's ``affine32`` scheme applies to
    every input hash before permuting it (uint32 products wrap, as intended)."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def signature(shingles: np.ndarray) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of an article's shingle hashes.

    Equal to ``MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme="affine32")``
    updated with the shingles (``tests/test_group.py`` checks it on real articles).
    """
    if not len(shingles):
        return _EMPTY.copy()
    mixed = _fmix32(np.asarray(shingles, dtype=np.uint32))[:, None]
    sig = _EMPTY.copy()
    for start in range(0, len(mixed), _BLOCK):
        np.minimum(sig, (mixed[start : start + _BLOCK] * _A + _B).min(axis=0), out=sig)
    return sig


def _minhash(values: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=_SCHEME)


class DuplicateIndex:
    """Articles by MinHash signature; answers "which earlier article does this copy?".

    Args:
        threshold: shingle Jaccard similarity from which two articles are duplicates.

    Raises:
        ValueError: the threshold is not in (0, 1].
    """

    def __init__(self, threshold: float = DUPLICATE_JACCARD) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0.0, 1.0]")
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}
        self._order: dict[str, int] = {}
        self._root: dict[str, str] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._order

    def __len__(self) -> int:
        return len(self._order)

    def original(self, sig: np.ndarray) -> str | None:
        """The first earlier article the signature duplicates (its copy set's root), or None."""
        if not self._order:
            return None
        found = []
        for key in self._lsh.query(_minhash(sig)):
            if float(np.mean(self._signatures[key] == sig)) >= self.threshold:
                found.append(key)
        if not found:
            return None
        first = min(found, key=self._order.__getitem__)
        return self._root.get(first, first)

    def insert(self, key: str, sig: np.ndarray, duplicate_of: str | None) -> None:
        """Index an article's signature, remembering the original it copies (or None)."""
        if key in self._order:
            return
        self._order[key] = len(self._order)
        self._signatures[key] = sig
        if duplicate_of is not None:
            self._root[key] = duplicate_of
        # Empty texts all share one signature; they are not copies of one another.
        if int(sig.min(initial=np.iinfo(np.uint32).max)) != np.iinfo(np.uint32).max:
            self._lsh.insert(key, _minhash(sig), check_duplication=False)
