"""The finder's core, called directly: reading the catalogue, ranking, checks, pages and data."""

import json

from conftest import ROOT
from hub_finder.catalogue import Adjustment, adjustment_from_metadata, parse_fit
from hub_finder.checks import check_finder
from hub_finder.data import finder_data
from hub_finder.pages import finder_pages, finder_url
from hub_finder.ranking import rank
from hub_finder.related import Page, case_studies_for, guidance_for, linked_adjustments
from hub_kernel.register import load_known

TAXONOMY = {
    "difficulties": {"focus": "Focus", "memory": "Memory", "plan": "Plans"},
    "settings": {"office": "Office", "shift": "Shift"},
    "costs": {"none": "No cost", "one-off": "One-off", "ongoing": "Ongoing"},
    "cost_bands": {"free": "£0", "low": "Low", "high": "High"},
    "when": {"always": "All the time"},
}
SMALL = dict(TAXONOMY, difficulties={"focus": "Focus", "memory": "Memory"})


def make(slug, difficulties=("focus",), office=3, shift=3, cost="none", band="free", **extra):
    return Adjustment(
        slug=slug,
        title=slug.title(),
        summary="",
        url=f"adjustments/{slug}/",
        difficulties=tuple(difficulties),
        fit={"office": office, "shift": shift},
        cost=cost,
        cost_band=band,
        access_to_work=False,
        when="always",
        source_path=f"content/adjustments/{slug}.md",
        **extra,
    )


def slugs(results):
    return [r.adjustment.slug for r in results]


def test_ranking_puts_the_best_fit_for_the_setting_first():
    catalogue = [make("so-so", office=1), make("strong", office=3), make("good", office=2)]
    assert slugs(rank(catalogue, ["focus"], "office", SMALL)) == ["strong", "good", "so-so"]


def test_the_same_difficulty_ranks_differently_in_another_setting():
    catalogue = [make("desk", office=3, shift=1), make("rota", office=1, shift=3)]
    assert slugs(rank(catalogue, ["focus"], "office", SMALL)) == ["desk", "rota"]
    assert slugs(rank(catalogue, ["focus"], "shift", SMALL)) == ["rota", "desk"]


def test_ties_go_to_more_chosen_difficulties_then_lower_cost_then_slug():
    catalogue = [
        make("b-one-off-low", cost="one-off", band="low"),
        make("a-ongoing-low", cost="ongoing", band="low"),
        make("c-free"),
        make("d-high", cost="one-off", band="high", difficulties=("focus", "memory")),
        make("e-free"),
    ]
    assert slugs(rank(catalogue, ["memory", "focus"], "office", SMALL)) == [
        "d-high",
        "c-free",
        "e-free",
        "b-one-off-low",
        "a-ongoing-low",
    ]


def test_ranking_leaves_out_what_does_not_apply_or_does_not_help():
    catalogue = [
        make("no-office", office=0),
        make("memory-only", difficulties=("memory",)),
        make("fits"),
    ]
    assert slugs(rank(catalogue, ["focus"], "office", SMALL)) == ["fits"]
    assert rank(catalogue, [], "office", SMALL) == []
    assert slugs(rank(catalogue, ["focus", "nonsense"], "nowhere", SMALL)) == []


def test_without_a_setting_the_fit_over_every_setting_ranks():
    catalogue = [make("one-place", office=3, shift=0), make("everywhere", office=2, shift=2)]
    results = rank(catalogue, ["focus"], None, SMALL)
    assert slugs(results) == ["everywhere", "one-place"]
    assert [r.score for r in results] == [4, 3]
    assert results[0].covers == ("focus",)


def test_front_matter_is_read_leniently():
    fit, repeated = parse_fit("office 3, remote two, shift 1, office 2")
    assert fit == {"office": 2, "shift": 1} and repeated == ("office",)
    adjustment = adjustment_from_metadata(
        "quiet",
        "adjustments/quiet/",
        {
            "title": "Quiet",
            "summary": "<p>A &ldquo;calm&rdquo; place &amp; less noise.</p>",
            "difficulties": "focus, , memory, focus",
            "fit": "office 3",
            "access_to_work": "Yes",
            "cost": "none",
            "cost_band": "free",
            "when": "always",
        },
    )
    assert adjustment.summary == "A \u201ccalm\u201d place & less noise."
    assert adjustment.difficulties == ("focus", "memory")
    assert adjustment.access_to_work is True
    assert adjustment_from_metadata("x", "u", {"access_to_work": "no"}).access_to_work is False


def test_checks_name_adjustments_the_finder_could_never_show():
    lines = {"difficulties": 3, "fit": 4}
    problems = check_finder(
        [
            make("no-difficulty", difficulties=(), lines=lines),
            make("fits-nowhere", office=0, shift=0, lines=lines),
            make("twice", repeated_settings=("office",), lines=lines),
            make("fine", lines=lines),
        ],
        SMALL,
        0,
    )
    text = [str(p) for p in problems]
    assert text == [
        (
            "content/adjustments/no-difficulty.md:3: has no difficulty, so the finder would never "
            "list it. Fix: name at least one key from [difficulties], e.g. "
            "'Difficulties: concentration'."
        ),
        (
            "content/adjustments/fits-nowhere.md:4: fits no setting (every Fit score is 0), so the "
            "finder would never list it. Fix: give a score of 1 to 3 to each setting where it can "
            "work."
        ),
        (
            "content/adjustments/twice.md:4: gives setting 'office' more than one Fit score. "
            "Fix: keep one score per setting."
        ),
    ]


def test_coverage_check_names_each_thin_difficulty_and_setting():
    catalogue = [
        make("a"),
        make("b", shift=0),
        make("c", shift=0),
        make("m", difficulties=("memory",)),
    ]
    problems = [str(p) for p in check_finder(catalogue, SMALL, 3)]
    assert len(problems) == 3
    assert (
        "content/adjustments/: the finder offers 1 adjustment(s) for 'Focus' in 'Shift' (a); "
        "it needs at least 3"
    ) in problems[0]
    assert "'Memory' in 'Office' (m)" in problems[1] and "'Memory' in 'Shift' (m)" in problems[2]
    assert all("Fix: give another adjustment" in p for p in problems)
    assert check_finder(catalogue, SMALL, 0) == []
    assert check_finder([], SMALL, 3) == []  # no catalogue yet: nothing to cover


def test_taxonomy_keys_must_make_finder_urls():
    bad = dict(SMALL, difficulties={"plan": "Plans", "Bad Key": "Bad"})
    problems = [str(p) for p in check_finder([], bad, 3)]
    assert problems == [
        (
            "content/data/taxonomy.toml: [difficulties] key 'plan' clashes with the finder's own "
            "page /finder/plan/. Fix: choose another key."
        ),
        (
            "content/data/taxonomy.toml: [difficulties] key 'Bad Key' cannot be part of a finder "
            "URL. Fix: use lower-case letters, digits and '-' only, e.g. 'customer-facing'."
        ),
    ]


def test_the_real_taxonomy_gives_a_page_for_every_difficulty_and_setting():
    taxonomy = load_known(ROOT / "content").taxonomy
    pages = finder_pages([make("x")], taxonomy)
    urls = [p.url for p in pages]
    difficulties, settings = len(taxonomy["difficulties"]), len(taxonomy["settings"])
    assert (difficulties, settings) == (10, 5)
    assert len(urls) == len(set(urls)) == 2 + difficulties + 2 * difficulties * settings
    assert finder_url("anxiety", "shift", plan=True) in urls
    assert finder_url("anxiety", "shift") == "finder/anxiety/shift/"
    assert finder_url(plan=True) == "finder/plan/" and finder_url() == "finder/"
    assert all(p.save_as == p.url + "index.html" for p in pages)


def test_finder_data_keeps_taxonomy_order_and_is_json():
    data = json.loads(json.dumps(finder_data([make("b"), make("a")], TAXONOMY)))
    assert [key for key, _ in data["difficulties"]] == ["focus", "memory", "plan"]
    assert [a["slug"] for a in data["adjustments"]] == ["a", "b"]
    assert data["fit_labels"][0] == "Does not apply" and len(data["fit_labels"]) == 4
    assert data["adjustments"][0]["fit"] == {"office": 3, "shift": 3}


def test_adjustment_pages_find_case_studies_and_guidance_sharing_their_keys():
    quiet = make("quiet", difficulties=("focus", "memory"))
    stories = [
        Page("z-named", "Zed", "case-studies/z/", ("memory",), ("quiet",)),
        Page("two", "Two shared", "case-studies/two/", ("focus", "memory")),
        Page("one", "One shared", "case-studies/one/", ("focus",)),
        Page("none", "Nothing shared", "case-studies/none/", ("other",)),
    ]
    named, similar = case_studies_for(quiet, stories, 5)
    assert [c.slug for c in named] == ["z-named"]
    assert [c.slug for c in similar] == ["two", "one"]
    assert case_studies_for(quiet, stories, 1)[1] == [stories[1]]
    guidance = [
        Page("on-topic", "B on topic", "g/b/", topic="adjustments"),
        Page("linking", "C links", "g/c/", topic="told", links_to=frozenset({"quiet"})),
        Page("related", "A related", "g/a/", topic="adjustments"),
        Page("elsewhere", "D", "g/d/", topic="told"),
    ]
    found = guidance_for(quiet, guidance, ["adjustments"], already_listed=["related"])
    assert [g.slug for g in found] == ["linking", "on-topic"]


def test_links_to_adjustments_are_found_before_and_after_pelican_resolves_them():
    html = (
        '<a href="{filename}../adjustments/quiet-workspace.md">x</a> '
        '<a href="/adjustments/mentor/#raising-it">y</a> <a href="/guidance/other/">z</a>'
    )
    assert linked_adjustments(html) == {"quiet-workspace", "mentor"}
