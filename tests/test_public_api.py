"""The public surface: names, the analysis JSON contract, and the stage order."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import storyweave

PACKAGE = Path(storyweave.__file__).parent
CONTRACT = Path(__file__).parent / "data" / "analysis_contract.json"
STAGES = ["ingest", "clean", "annotate", "group", "extract", "align", "compare", "brief", "render"]


def test_public_api_exports_exactly_these_names():
    assert storyweave.__all__ == sorted([
        "Analysis", "Article", "BlockedURLError", "Brief", "Claim", "ConfigError", "Discrepancy", "Entity",
        "Fact", "FetchError", "InputError", "ModelMissingError", "Options", "Quote", "StoreError", "Story",
        "StoryweaveError", "align_claims", "analyze", "analyze_articles", "annotate", "brief", "clean",
        "compare", "extract", "group", "group_quotes", "ingest", "open_store", "read_sources",
        "same_statement", "sensationalism", "stream_articles", "stream_sources",
    ]) + ["__version__"]
    for name in storyweave.__all__:
        assert getattr(storyweave, name) is not None


def _imports(path: Path) -> set[str]:
    """The modules of the package a file imports, relative ("from .extract import …") or
    absolute ("from storyweave.extract.dates import …", "import storyweave.extract"),
    at the top or inside a function (an import kept lazy is a dependency all the same)."""
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level >= 1:
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module == "storyweave":
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("storyweave."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[1] for alias in node.names if alias.name.startswith("storyweave."))
    return found


@pytest.mark.parametrize("stage", STAGES[:-1])
def test_public_api_no_stage_imports_a_later_stage_or_a_renderer(stage):
    path = PACKAGE / f"{stage}.py"
    if not path.exists():
        path = PACKAGE / stage / "__init__.py"
    files = [path] if path.name != "__init__.py" else sorted(path.parent.glob("*.py"))
    files += sorted(PACKAGE.glob(f"{stage}_*.py"))  # a stage split into helper modules
    later = set(STAGES[STAGES.index(stage) + 1 :])
    for file in files:
        assert not (_imports(file) & later), f"{file.name} imports a later stage: {_imports(file) & later}"


def _keys(analysis: dict) -> dict:
    story = analysis["stories"][0]
    return {
        "top": sorted(analysis),
        "article": sorted(analysis["articles"][0]),
        "story": sorted(story),
        **{name: sorted(story[name][0]) for name in
           ("entities", "quotes", "quote_groups", "claims", "dates", "facts", "discrepancies", "provenance", "framing")},
        "brief": sorted(story["brief"]),
    }


@pytest.mark.slow
def test_public_api_analysis_json_keys_match_the_contract(seed_analysis, request):
    """Keys may be added (update the snapshot with --update-contract); none may vanish."""
    keys = _keys(seed_analysis)
    if request.config.getoption("--update-contract"):
        CONTRACT.write_text(json.dumps(keys, indent=2) + "\n")
    pinned = json.loads(CONTRACT.read_text())
    for section, names in pinned.items():
        missing = set(names) - set(keys[section])
        assert not missing, f"{section} lost keys {missing}: that breaks the analysis JSON contract"
    assert keys == pinned, "new keys: review them, then rerun with --update-contract"
