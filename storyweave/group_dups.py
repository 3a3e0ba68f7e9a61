"""Near-duplicates: wire copies and light rewrites, found with MinHash LSH (datasketch).

Each article's word 5-shingles are summarised in a MinHash signature; the LSH index
returns the earlier articles likely to share at least :data:`DUPLICATE_JACCARD` of their
shingles, and the signatures' estimated Jaccard similarity confirms them. An article is
a duplicate of the *first* article of its copy set, so a copy of a copy points at the
original. Signatures are kept (and stored), so copies are found across runs.
"""

from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH

#: Permutations per signature: the Jaccard estimate's standard error is about 0.06.
NUM_PERM = 64
#: Shingle Jaccard similarity from which one article is a copy or light rewrite of
#: another (a wire story with a paragraph cut or a few words changed stays above it).
DUPLICATE_JACCARD = 0.5
SEED = 1
_SCHEME = "affine32"
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme=_SCHEME).permutations


def signature(shingles: np.ndarray) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of an article's shingle hashes."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, permutations=_PERMUTATIONS, scheme=_SCHEME)
    if len(shingles):
        m.update_batch(shingles.tolist())
    return m.hashvalues.astype(np.uint32)


def _minhash(values: np.ndarray) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, hashvalues=values, permutations=_PERMUTATIONS, scheme=_SCHEME)


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
