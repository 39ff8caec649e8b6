"""The finder against scenarios a line manager might bring (tests/finder_scenarios.toml).

A scenario passes when at least one adjustment a good adviser would expect is among the
finder's first five suggestions. The test prints the figure and fails below the floor.
"""

import tomllib

import pytest

from conftest import ROOT
from hub_kernel.front_matter import read_front_matter
from hub_kernel.register import load_known
from hub_finder.catalogue import adjustment_from_metadata
from hub_finder.ranking import rank

SCENARIOS = tomllib.loads((ROOT / "tests" / "finder_scenarios.toml").read_text("utf-8"))["scenario"]
TOP = 5
FLOOR = 0  # raised once the ranking is measured


@pytest.fixture(scope="module")
def known():
    return load_known(ROOT / "content")


@pytest.fixture(scope="module")
def catalogue():
    adjustments = []
    for path in sorted((ROOT / "content" / "adjustments").glob("*.md")):
        metadata = {key: field.value for key, field in read_front_matter(path).items()}
        adjustments.append(
            adjustment_from_metadata(path.stem, f"adjustments/{path.stem}/", metadata, str(path))
        )
    return adjustments


def top_five(catalogue, known, scenario):
    results = rank(
        catalogue,
        scenario["difficulties"],
        scenario["setting"],
        known.taxonomy,
        scenario["situations"],
    )
    return [r.adjustment.slug for r in results[:TOP]]


def test_the_scenarios_name_real_keys_and_adjustments(known, catalogue):
    slugs = {a.slug for a in catalogue}
    assert len(SCENARIOS) >= 25
    assert len({s["id"] for s in SCENARIOS}) == len(SCENARIOS)
    for scenario in SCENARIOS:
        assert scenario["setting"] in known.keys("settings"), scenario["id"]
        assert set(scenario["difficulties"]) <= set(known.keys("difficulties")), scenario["id"]
        assert scenario["expected"] and set(scenario["expected"]) <= slugs, scenario["id"]


def test_the_finder_suggests_what_an_adviser_expects(known, catalogue, capsys):
    passed, found, wanted, misses = 0, 0, 0, []
    for scenario in SCENARIOS:
        top = top_five(catalogue, known, scenario)
        hits = [slug for slug in scenario["expected"] if slug in top]
        passed += bool(hits)
        found += len(hits)
        wanted += len(scenario["expected"])
        if not hits:
            misses.append(f"  {scenario['id']}: got {', '.join(top)}")
    with capsys.disabled():
        print(
            f"\nFinder scenarios: {passed} of {len(SCENARIOS)} have an expected adjustment in "
            f"the top {TOP}; {found} of {wanted} expected adjustments are in the top {TOP}."
        )
        print("\n".join(misses))
    assert passed >= FLOOR
