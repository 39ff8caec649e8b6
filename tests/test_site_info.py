"""Who stands behind the hub, on every page: publisher, contact, "Suggest a change",
"Report a problem" and the urgent-help numbers (settings in pelicanconf.py)."""

import importlib.util

import jinja2
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from pages import all_html


def load_settings() -> dict:
    spec = importlib.util.spec_from_file_location("hub_settings", ROOT / "pelicanconf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


SETTINGS = load_settings()


def render(call: str, **overrides) -> str:
    """One macro from theme/templates/site-macros.html, rendered with the hub's settings."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "theme" / "templates"))
    env.filters["long_date"] = SETTINGS["JINJA_FILTERS"]["long_date"]
    template = env.from_string(
        '{% from "site-macros.html" import edit_href, report_href, publisher_line with context %}'
        + call
    )
    return template.render(**{**SETTINGS, **overrides}).strip()


class Item:
    relative_source_path = "guidance/fit-notes.md"


REPO = "https://example.org/owner/hub"


def test_suggest_a_change_links_to_the_source_file_in_the_hosts_edit_view():
    href = render("{{ edit_href(item) }}", item=Item(), HUB_REPOSITORY_URL=REPO)
    assert href == REPO + "/edit/main/content/guidance/fit-notes.md"
    assert (ROOT / "content" / "guidance" / "fit-notes.md").exists()
    assert render("{{ edit_href(item) }}", item=Item(), HUB_REPOSITORY_URL="") == ""
    assert render("{{ edit_href(none) }}", HUB_REPOSITORY_URL=REPO) == ""


def test_report_a_problem_fills_in_the_page_and_prefers_email_then_the_issue_form():
    mail = render(
        '{{ report_href("https://hub.example/guidance/fit-notes/") }}',
        HUB_CONTACT_EMAIL="hub@example.org",
        HUB_REPOSITORY_URL=REPO,
    )
    assert mail.startswith("mailto:hub@example.org?subject=Problem%20with%20a%20page")
    assert "https%3A//hub.example/guidance/fit-notes/" in mail
    issue = render('{{ report_href("/x/") }}', HUB_REPOSITORY_URL=REPO)
    assert issue.startswith(REPO + "/issues/new?title=") and "&body=Page%3A%20/x/" in issue
    page = render('{{ report_href("/x/") }}', HUB_CONTACT_URL="https://example.org/contact")
    assert page == "https://example.org/contact"
    assert render('{{ report_href("/x/") }}').startswith("mailto:?subject=")


def test_footer_names_the_publisher_and_the_best_contact_there_is():
    assert "published by The Working Minds project." in render("{{ publisher_line() }}")
    assert 'href="mailto:hub@example.org"' in render(
        "{{ publisher_line() }}", HUB_CONTACT_EMAIL="hub@example.org"
    )
    assert f'href="{REPO}/issues"' in render("{{ publisher_line() }}", HUB_REPOSITORY_URL=REPO)


@pytest.fixture(scope="module")
def pages(site) -> dict[str, BeautifulSoup]:
    return {
        str(p.relative_to(site)): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in all_html(site)
    }


def test_every_page_shows_the_urgent_help_numbers_and_a_way_to_report_a_problem(pages):
    assert len(pages) > 100
    footer_entries = [SETTINGS["URGENT_HELP"][key] for key in SETTINGS["URGENT_HELP_FOOTER"]]
    assert {"emergency", "nhs-111", "samaritans"} <= set(SETTINGS["URGENT_HELP_FOOTER"])
    for name, soup in pages.items():
        header_link = soup.select_one(".site-header .urgent-bar a")
        assert header_link and header_link.get_text(strip=True) == (
            "Worried someone is in danger right now?"
        ), name
        footer = soup.select_one("footer .footer-urgent")
        assert footer, name
        for entry in footer_entries:
            link = footer.find("a", href=entry["href"])
            assert link and link.get_text(strip=True) == entry["contact"], (name, entry["name"])
        report = soup.find("a", string="Report a problem with this page")
        assert report and report["href"].startswith("mailto:"), name
        # Without a repository setting there is nothing to suggest a change in.
        assert not soup.find("a", string="Suggest a change to this page"), name
        assert (
            "published by The Working Minds project"
            in soup.select_one(".footer-publisher").get_text()
        ), name


def test_urgent_link_leads_to_the_urgent_help_page_or_the_footer_numbers(pages, site):
    href = pages["index.html"].select_one(".urgent-bar a")["href"]
    if (ROOT / "content" / "guidance" / "urgent-help.md").exists():
        assert href == "/guidance/urgent-help/"
    else:
        assert href == "#urgent-help" and pages["index.html"].find(id="urgent-help")


def test_every_urgent_help_entry_has_its_number_link_source_and_check_date():
    keys = {
        "emergency",
        "nhs-111",
        "nhs-111-wales",
        "nhs-24-scotland",
        "northern-ireland",
        "samaritans",
        "shout",
    }
    entries = SETTINGS["URGENT_HELP"]
    assert set(entries) <= keys and {"emergency", "nhs-111", "samaritans"} <= set(entries)
    for key, entry in entries.items():
        assert set(entry) == {"name", "contact", "href", "when", "source", "checked"}, key
        assert entry["href"].startswith(("tel:", "sms:")), key
        digits = "".join(c for c in entry["contact"] if c.isdigit())
        assert digits and digits in entry["href"], key
        assert entry["source"].startswith("https://"), key
        assert entry["checked"] == "2026-12-01", key
