"""The hub in a real browser (Debian's chromium): routes, accessibility, no JavaScript, no tracking."""

import pytest
from conftest import axe_violations
from pages import template_examples

pytestmark = pytest.mark.browser


def test_home_routes_lead_to_real_guidance(page, server):
    page.goto(server + "/")
    routes = page.locator(".routes a")
    # Every topic but the background one is a route from the home page.
    assert routes.count() == 8
    for index in range(8):
        page.goto(server + "/")
        label = page.locator(".routes a").nth(index).inner_text()
        page.locator(".routes a").nth(index).click()
        assert page.locator("h1").inner_text() == label
        cards = page.locator(".step-list a")
        assert cards.count() >= 1, f"route '{label}' lists no guidance"
        cards.first.click()
        assert page.locator("article h1").count() == 1
        assert page.title() != "404"


@pytest.mark.parametrize(
    "template",
    [
        "home",
        "guidance",
        "case study",
        "adjustment",
        "topic",
        "case-study index",
        "glossary",
        "a to z",
        "page",
        "404",
        "search",
        "finder",
    ],
)
def test_every_template_has_no_axe_violations(axe_page, server, site, template):
    examples = template_examples(site)
    if template not in examples:
        pytest.fail(f"no page uses the {template} template")
    axe_page.goto(server + examples[template])
    assert axe_violations(axe_page) == []


def test_keyboard_user_can_skip_to_content(page, server):
    page.goto(server + "/guidance/reasonable-adjustments/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_focus_is_visible(page, server):
    page.goto(server + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [s.backgroundColor, s.boxShadow, s.outlineStyle]; }""")
    assert style[0] != "rgba(0, 0, 0, 0)" or style[1] != "none" or style[2] != "none"


def test_pages_work_without_javascript(page_without_js, server, site):
    for name, url in template_examples(site).items():
        page_without_js.goto(server + url)
        assert page_without_js.locator("h1").count() == 1, name
        # The search page has its own box, so the header's is hidden there.
        header_box = page_without_js.locator("form.site-search input[name=q]")
        assert header_box.is_visible() == (name != "search"), name
    page_without_js.goto(server + "/")
    page_without_js.fill("#site-search-q", "phased return")
    page_without_js.locator("form.site-search button").click()
    assert "/search/?q=phased+return" in page_without_js.url


def test_print_button_appears_only_with_javascript(page, page_without_js, server):
    url = server + "/guidance/reasonable-adjustments/"
    page.goto(url)
    assert page.locator("[data-module=print-page]").is_visible()
    page_without_js.goto(url)
    assert not page_without_js.locator("[data-module=print-page]").is_visible()


def test_pages_fit_a_phone_screen(browser, server, site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for url in template_examples(site).values():
        page.goto(server + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} scrolls sideways on a phone by {overflow}px"
    context.close()
