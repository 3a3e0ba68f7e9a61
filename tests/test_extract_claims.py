"""The claim-strength model inside find_claims: it may hedge, never assert."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_extract_claims_model_hedges_a_conditional_finding_with_its_cue():
    from storyweave.embed import embed
    from storyweave.extract.claims import _model_hedge
    from storyweave.model import Certainty

    hedged = "The findings suggest that daily exercise could potentially slow memory loss in older adults."
    direct = "Daily exercise slows memory loss in older adults, the trial found."
    vectors = embed([hedged, direct])
    assert _model_hedge(hedged, vectors[0]) == (Certainty.HEDGED, "suggest")
    assert _model_hedge(direct, vectors[1]) is None
