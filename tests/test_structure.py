"""Every built page has the structure that screen readers and keyboard users rely on."""

import re

import pytest
from bs4 import BeautifulSoup
from pages import all_html, template_examples

CSP_REQUIRED = ("default-src 'self'", "script-src 'self'", "object-src 'none'")


@pytest.fixture(scope="module")
def parsed(site):
    return {
        path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(), "lxml")
        for path in all_html(site)
    }


def test_site_has_every_template(site):
    examples = template_examples(site)
    assert {"home", "guidance", "case study", "topic", "glossary", "a to z", "404"} <= set(examples)
    for url in examples.values():
        path = site / (url.strip("/") or "index.html")
        path = path if path.suffix == ".html" else path / "index.html"
        assert path.exists(), url


def test_every_page_has_one_h1_lang_and_landmarks(parsed):
    for name, soup in parsed.items():
        assert soup.html.get("lang", "").lower() == "en-gb", name
        assert len(soup.find_all("h1")) == 1, f"{name} has {len(soup.find_all('h1'))} h1"
        assert soup.find("main", id="main"), name
        assert soup.find("header") and soup.find("footer") and soup.find("nav"), name
        skip = soup.find("a", class_="skip-link")
        assert skip and skip["href"] == "#main", name
        assert soup.title and soup.title.get_text().strip(), name


def test_every_page_forbids_inline_and_outside_scripts(parsed):
    for name, soup in parsed.items():
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp, name
        assert all(rule in csp["content"] for rule in CSP_REQUIRED), name
        assert "unsafe-inline" not in csp["content"] and "unsafe-eval" not in csp["content"]
        for script in soup.find_all("script"):
            assert script.get("src") and not script.string, f"inline script in {name}"
        assert not soup.find(attrs={"style": True}), f"inline style in {name}"
        assert not re.search(r"\son[a-z]+=", str(soup.body)), f"inline event handler in {name}"


def test_no_page_loads_anything_from_another_site(parsed):
    for name, soup in parsed.items():
        for tag, attr in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
            ("audio", "src"),
        ):
            for element in soup.find_all(tag):
                url = element.get(attr, "")
                if (
                    tag == "link"
                    and "stylesheet" not in element.get("rel", [])
                    and "icon" not in element.get("rel", [])
                ):
                    continue
                assert not re.match(r"^(https?:)?//", url), f"{name} loads {url}"


def test_guidance_pages_show_review_dates_sources_and_contents(site, parsed):
    guidance = [n for n in parsed if n.startswith("guidance/")]
    assert len(guidance) >= 3
    for name in guidance:
        soup = parsed[name]
        dates = soup.select(".review-dates time")
        assert len(dates) == 2 and all(
            re.fullmatch(r"\d{4}-\d\d-\d\d", d["datetime"]) for d in dates
        ), name
        assert soup.select(".sources li"), f"{name} cites no source"
        assert soup.select(".contents-list a"), f"{name} has no contents list"
        for link in soup.select(".contents-list a"):
            assert soup.find(id=link["href"][1:]), (
                f"{name}: contents link {link['href']} has no target"
            )


def test_home_page_routes_by_need(parsed):
    routes = parsed["index.html"].select(".routes a")
    labels = [a.get_text(strip=True) for a in routes]
    assert labels == [
        "Someone has told me about their mental health",
        "Someone is off sick",
        "Conditions and work",
        "The law and your duties",
        "Making adjustments",
        "Recruiting",
        "Getting advice",
        "Training and charters",
    ]


def test_topic_pages_list_their_guidance(site, parsed):
    soup = parsed["topics/adjustments/index.html"]
    listed = {a["href"] for a in soup.select("ol.step-list a")}
    assert "/guidance/reasonable-adjustments/" in listed


def test_glossary_terms_are_linked_where_first_used(parsed):
    glossary = parsed["glossary/index.html"]
    anchors = {div["id"] for div in glossary.select(".glossary > div")}
    links = [
        a
        for n, s in parsed.items()
        if n.startswith("guidance/")
        for a in s.select("a.glossary-link")
    ]
    assert links, "no glossary term is linked from guidance"
    for link in links:
        assert link["href"].split("#")[1] in anchors
