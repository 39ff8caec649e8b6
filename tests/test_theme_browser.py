"""The theme on a phone and in print, in a real browser: reflow at 320 px, a short header on a
375 x 667 phone, the Menu disclosure with and without JavaScript, one search box on the search
page, axe at both widths, and the line every printed page ends with."""

import datetime
import re

import pytest
from conftest import AXE, axe_violations, open_context
from pages import template_examples

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
WIDTHS = [320, 375]


@pytest.fixture(scope="module")
def examples(site):
    return template_examples(site)


def new_page(browser, width, javascript=True, axe=False, **options):
    context = open_context(
        browser, viewport={"width": width, "height": 667}, java_script_enabled=javascript, **options
    )
    if axe:
        context.add_init_script(path=str(AXE))
    return context, context.new_page()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_no_template_scrolls_sideways(browser, server, examples, width, javascript):
    context, page = new_page(browser, width, javascript)
    wide = {}
    for name, url in examples.items():
        page.goto(server + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            wide[name] = overflow
    assert not context.outside_requests
    context.close()
    assert wide == {}, f"pages wider than {width}px (by px): {wide}"


def test_header_takes_at_most_a_quarter_of_a_phone_screen(browser, server, examples):
    context, page = new_page(browser, PHONE["width"])
    for name, url in examples.items():
        page.goto(server + url)
        height = page.evaluate(
            "document.querySelector('.site-header').getBoundingClientRect().height"
        )
        assert height <= PHONE["height"] / 4, f"{name}: header {height}px on a 375x667 phone"
        assert page.locator("#site-nav").is_hidden(), f"{name}: topics shown before Menu is used"
    context.close()


def test_without_javascript_menu_is_a_link_that_shows_the_topics(browser, server):
    context, page = new_page(browser, PHONE["width"], javascript=False)
    page.goto(server + "/guidance/fit-notes/")
    menu = page.locator("a.menu-toggle")
    assert menu.inner_text() == "Menu" and menu.get_attribute("href") == "#site-nav"
    menu.click()
    topics = page.locator("#site-nav a")
    assert page.locator("#site-nav").is_visible() and topics.count() >= 6
    topics.first.click()
    assert "/topics/" in page.url
    context.close()


def test_with_javascript_menu_is_a_disclosure_button(browser, server):
    context, page = new_page(browser, PHONE["width"])
    page.goto(server + "/guidance/fit-notes/")
    button = page.get_by_role("button", name="Menu")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == "site-nav"
    assert page.locator("#site-nav").is_hidden()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator("#site-nav").is_visible()
    assert page.get_by_role("navigation", name="Topics").get_by_role("link").count() >= 6
    page.keyboard.press("Tab")  # from Menu straight into the topics
    assert page.evaluate("document.activeElement.closest('#site-nav') !== null")
    page.keyboard.press("Escape")
    assert (
        button.get_attribute("aria-expanded") == "false" and page.locator("#site-nav").is_hidden()
    )
    assert page.evaluate("document.activeElement.className") == "menu-toggle"
    assert "#" not in page.url
    context.close()


def test_wide_screens_show_the_topics_without_a_menu_button(browser, server):
    context, page = new_page(browser, 1280)
    page.goto(server + "/")
    assert page.locator("#site-nav").is_visible()
    assert page.locator(".menu-toggle").is_hidden()
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_search_page_shows_one_search_box(browser, server, javascript):
    context, page = new_page(browser, 1280, javascript)
    page.goto(server + "/search/?q=fit+note")
    visible = [box for box in page.locator("input[type=search]").all() if box.is_visible()]
    assert len(visible) == 1
    assert visible[0].get_attribute("id") == "search-page-q"
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_template_passes_axe_on_a_phone(browser, server, examples, width):
    context, page = new_page(browser, width, axe=True)
    problems = {}
    for name, url in examples.items():
        page.goto(server + url)
        if page.locator("button.menu-toggle").count():
            page.locator("button.menu-toggle").click()  # check the open menu too
        found = axe_violations(page)
        if found:
            problems[name] = found
    assert not context.outside_requests
    context.close()
    assert problems == {}


def test_printed_page_ends_with_name_address_and_date_in_words(browser, server):
    # A German browser still prints the date in English words, as the page is in English.
    context, page = new_page(browser, 1280, locale="de-DE")
    page.clock.set_fixed_time(datetime.datetime(2026, 12, 1, 10, 0))
    page.goto(server + "/guidance/fit-notes/")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    line = page.locator(".print-line")
    assert line.is_visible()
    text = line.inner_text()
    assert text.startswith("Working Minds")
    assert server + "/guidance/fit-notes/" in text
    assert text.endswith("Printed 1 December 2026")
    for hidden in (".site-header", ".footer-urgent", ".page-links"):
        assert page.locator(hidden).is_hidden(), hidden
    context.close()


def test_printed_page_without_javascript_shows_its_review_date_or_no_date(browser, server):
    context, page = new_page(browser, 1280, javascript=False)
    page.emulate_media(media="print")
    page.goto(server + "/guidance/fit-notes/")
    text = page.locator(".print-line").inner_text()
    assert re.search(r"/guidance/fit-notes/ · Last reviewed \d{1,2} [A-Z][a-z]+ \d{4}$", text), text
    page.goto(server + "/topics/adjustments/")
    assert page.locator(".print-line").inner_text().rstrip().endswith("/topics/adjustments/ ·")
    context.close()
