"""The finder's core, called directly: reading the catalogue, ranking, checks, pages and data."""

import json
from dataclasses import replace

from conftest import ROOT
from hub_finder.catalogue import Adjustment, adjustment_from_metadata, parse_fit
from hub_finder.checks import check_finder
from hub_finder.data import finder_data
from hub_finder.filters import filter_views
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
WITH_SITUATIONS = dict(
    SMALL,
    situations={
        "focus": {"noise": "Noise", "calls": "Calls"},
        "memory": {"forgetting": "Forgetting"},
    },
)


def make(slug, difficulties=("focus",), office=3, shift=3, cost="none", band="free", **extra):
    """Difficulties as {key: relevance}, or a list of keys that each help head-on (3)."""
    if not isinstance(difficulties, dict):
        difficulties = {key: 3 for key in difficulties}
    return Adjustment(
        slug=slug,
        title=slug.title(),
        summary="",
        url=f"adjustments/{slug}/",
        difficulties=difficulties,
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


def test_relevance_comes_before_fit_and_cost():
    catalogue = [
        make("a-can-help", {"focus": 1}),
        make("b-helps-costly", {"focus": 2}, cost="ongoing", band="high"),
        make("c-head-on-poor-fit", office=1),
        make("d-head-on"),
    ]
    assert slugs(rank(catalogue, ["focus"], "office", SMALL)) == [
        "d-head-on",
        "c-head-on-poor-fit",
        "b-helps-costly",
        "a-can-help",
    ]


def test_more_chosen_difficulties_helped_add_up():
    catalogue = [
        make("focus-only", {"focus": 3}),
        make("both", {"focus": 2, "memory": 2}),
        make("memory-only", {"memory": 1}),
    ]
    assert slugs(rank(catalogue, ["focus", "memory"], "office", SMALL)) == [
        "both",
        "focus-only",
        "memory-only",
    ]


def test_a_chosen_situation_puts_what_helps_with_it_first():
    catalogue = [
        make("head-on-generally", {"focus": 3}),
        make("for-calls", {"focus": 1}, situations={"calls": 3}),
        make("for-noise", {"focus": 2}, situations={"noise": 3}),
        make("memory", {"memory": 3}, situations={"forgetting": 3}),
    ]
    assert slugs(rank(catalogue, [], "office", WITH_SITUATIONS, ["noise"])) == [
        "for-noise",
        "head-on-generally",
        "for-calls",
    ], "a situation brings its difficulty"
    assert slugs(rank(catalogue, ["focus"], "office", WITH_SITUATIONS, ["noise", "calls"]))[:2] == [
        "for-noise",
        "for-calls",
    ]
    assert slugs(rank(catalogue, ["focus"], "office", WITH_SITUATIONS, ["nonsense"])) == [
        "head-on-generally",
        "for-noise",
        "for-calls",
    ]


def test_each_result_says_in_one_line_why_it_is_suggested():
    catalogue = [
        make(
            "noise",
            {"focus": 2, "memory": 1},
            office=3,
            cost="one-off",
            band="low",
            situations={"noise": 3},
        ),
        make("general", {"focus": 1}, office=2),
    ]
    by_slug = {
        r.adjustment.slug: r.reason
        for r in rank(catalogue, ["focus"], "office", WITH_SITUATIONS, ["noise"])
    }
    assert by_slug == {
        "noise": "Helps head-on with noise; strong fit for office; one-off, low",
        "general": "Can help with focus; good fit for office; no cost",
    }
    both = rank(catalogue, ["focus", "memory"], None, WITH_SITUATIONS)[0]
    assert (
        both.reason == "Helps with focus, can help with memory; strong fit for every kind of "
        "work; one-off, low"
    )


def test_front_matter_is_read_leniently():
    fit, repeated = parse_fit("office 3, remote two, shift 1, office 2")
    assert fit == {"office": 2, "shift": 1} and repeated == ("office",)
    adjustment = adjustment_from_metadata(
        "quiet",
        "adjustments/quiet/",
        {
            "title": "Quiet",
            "summary": "<p>A &ldquo;calm&rdquo; place &amp; less noise.</p>",
            "difficulties": "focus 3, , memory 1, focus 2, sleep",
            "fit": "office 3",
            "situations": "noise 3, calls 0",
            "access_to_work": "Yes",
            "cost": "none",
            "cost_band": "free",
            "when": "always",
        },
    )
    assert adjustment.summary == "A \u201ccalm\u201d place & less noise."
    assert adjustment.difficulties == {"focus": 2, "memory": 1}
    assert adjustment.situations == {"noise": 3}
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
            "list it. Fix: name at least one key from [difficulties] with a score, e.g. "
            "'Difficulties: concentration 3'."
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
    situations = sum(len(table) for table in taxonomy["situations"].values())
    assert all(3 <= len(table) <= 6 for table in taxonomy["situations"].values())
    assert (
        len(urls)
        == len(set(urls))
        == (2 + difficulties + 2 * difficulties * settings + situations * (1 + settings))
    )
    assert finder_url("anxiety", "shift", plan=True) in urls
    assert finder_url("anxiety", situation="phone-calls") in urls
    assert (
        finder_url("anxiety", "shift", situation="phone-calls")
        == "finder/anxiety/phone-calls/shift/"
    )
    assert finder_url("anxiety", "shift") == "finder/anxiety/shift/"
    assert finder_url(plan=True) == "finder/plan/" and finder_url() == "finder/"
    assert all(p.save_as == p.url + "index.html" for p in pages)


def test_finder_data_keeps_taxonomy_order_and_is_json():
    data = json.loads(json.dumps(finder_data([make("b"), make("a")], TAXONOMY)))
    assert [key for key, _ in data["difficulties"]] == ["focus", "memory", "plan"]
    assert [a["slug"] for a in data["adjustments"]] == ["a", "b"]
    assert data["fit_labels"][0] == "Does not apply" and len(data["fit_labels"]) == 4
    assert data["adjustments"][0]["fit"] == {"office": 3, "shift": 3}
    assert data["adjustments"][0]["difficulties"] == {"focus": 3}
    situated = json.loads(json.dumps(finder_data([make("a")], WITH_SITUATIONS)))
    assert situated["situations"] == [
        ["noise", "Noise", "focus"],
        ["calls", "Calls", "focus"],
        ["forgetting", "Forgetting", "memory"],
    ]


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


def test_checks_name_situations_the_finder_cannot_use():
    lines = {"difficulties": 3, "situations": 4, "fit": 5}
    catalogue = [
        make("a", situations={"noise": 3, "calls": 1}),
        make("wrong-parent", {"focus": 3}, situations={"forgetting": 2}, lines=lines),
    ]
    text = [str(p) for p in check_finder(catalogue, WITH_SITUATIONS, 0)]
    assert text == [
        (
            "content/adjustments/wrong-parent.md:4: helps with the situation 'forgetting', which "
            "comes under the difficulty 'memory', but its Difficulties line does not name 'memory'. "
            "Fix: add 'memory 1' (or 2 or 3) to its Difficulties line."
        )
    ]
    taxonomy = dict(
        WITH_SITUATIONS,
        situations={
            "focus": {"noise": "Noise", "office": "Office work", "Bad Key": "Bad"},
            "memory": {"noise": "Noise again", "forgetting": "Forgetting"},
            "sleep": {"naps": "Naps"},
        },
    )
    text = [str(p) for p in check_finder(catalogue, taxonomy, 0)]
    assert text == [
        (
            "content/data/taxonomy.toml: [situations.focus] key 'office' clashes with the finder "
            "page /finder/focus/office/. Fix: choose another key."
        ),
        (
            "content/data/taxonomy.toml: [situations.focus] key 'Bad Key' cannot be part of a finder "
            "URL. Fix: use lower-case letters, digits and '-' only, e.g. 'noise-and-interruptions'."
        ),
        (
            "content/data/taxonomy.toml: [situations.memory] key 'noise' is also under "
            "[situations.focus]. Fix: give each situation its own key."
        ),
        (
            "content/data/taxonomy.toml: [situations.sleep] is not under a key of [difficulties]. "
            "Fix: name the table after a difficulty, e.g. [situations.concentration]."
        ),
        (
            "content/adjustments/wrong-parent.md:4: helps with the situation 'forgetting', which "
            "comes under the difficulty 'memory', but its Difficulties line does not name 'memory'. "
            "Fix: add 'memory 1' (or 2 or 3) to its Difficulties line."
        ),
        (
            "content/data/taxonomy.toml: no adjustment helps with the situation 'office' "
            "([situations.focus]). Fix: add 'office 1' (or 2 or 3) to the Situations line of the "
            "adjustments that help with it, or remove it from the taxonomy."
        ),
        (
            "content/data/taxonomy.toml: no adjustment helps with the situation 'Bad Key' "
            "([situations.focus]). Fix: add 'Bad Key 1' (or 2 or 3) to the Situations line of the "
            "adjustments that help with it, or remove it from the taxonomy."
        ),
    ]


def test_show_only_filters_count_what_each_combination_leaves_of_a_list():
    catalogue = [
        make("a-free"),
        make("b-paid", cost="one-off", band="low"),
        replace(make("c-funded", cost="ongoing", band="high"), access_to_work=True),
        make("d-free"),
    ]
    results = rank(catalogue, ["focus"], "office", SMALL)
    assert slugs(results) == ["a-free", "d-free", "b-paid", "c-funded"]
    views = {
        v.token: (v.matching, v.matching_first, v.rest_is_empty, v.clause)
        for v in filter_views(results, 2)
    }
    assert views == {
        "no-cost": (2, 2, True, "that cost nothing"),
        "access-to-work": (1, 0, False, "that Access to Work may help fund"),
        "no-cost+access-to-work": (
            0,
            0,
            True,
            "that cost nothing and that Access to Work may help fund",
        ),
    }


def test_a_macro_rendered_once_gives_each_distinct_card_its_own_html():
    from hub_finder.render_once import RenderOnce
    from jinja2 import Environment

    card = (
        Environment(autoescape=True)
        .from_string(
            "{% macro card(a, setting, chosen) %}{{ a.title }}, {{ setting }}, "
            "{{ chosen | join('+') }}{% endmacro %}"
        )
        .module.card
    )
    once = RenderOnce()
    quiet, twin = make("quiet-room"), make("quiet-room")  # equal, but two adjustments
    first = once(card, quiet, "office", ["focus"])
    assert first == "Quiet-Room, office, focus"
    assert once(card, quiet, "office", ["focus"]) is first  # reused, not rendered again
    assert once(card, quiet, "shift", ["focus"]) == "Quiet-Room, shift, focus"
    assert once(card, quiet, "office", ["focus", "memory"]) == "Quiet-Room, office, focus+memory"
    assert once(card, twin, "office", ["focus"]) is not first
