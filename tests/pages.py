"""Which pages stand for each template, so every template is tested on a real page."""

from pathlib import Path

# One example URL per template; the content folders give the rest.
FIXED = {
    "home": "/",
    "topic": "/topics/adjustments/",
    "case-study index": "/case-studies/",
    "glossary": "/glossary/",
    "a to z": "/a-z/",
    "page": "/about/",
    "404": "/404.html",
}
FIRST_OF_KIND = {"guidance": "guidance", "case study": "case-studies", "adjustment": "adjustments"}


def template_examples(site: Path) -> dict[str, str]:
    examples = dict(FIXED)
    for name, folder in FIRST_OF_KIND.items():
        pages = sorted((site / folder).glob("*/index.html"))
        if pages:
            examples[name] = f"/{folder}/{pages[0].parent.name}/"
    for extra in ("search", "finder"):
        if (site / extra / "index.html").exists():
            examples[extra] = f"/{extra}/"
    # The finder's static pages: a difficulty, a difficulty in a setting, and a plan.
    difficulties = sorted(
        p.parent for p in (site / "finder").glob("*/index.html") if p.parent.name != "plan"
    )
    if difficulties:
        examples["finder difficulty"] = f"/finder/{difficulties[0].name}/"
        settings = sorted(p.parent.name for p in difficulties[0].glob("*/index.html"))
        if settings:
            examples["finder results"] = f"/finder/{difficulties[0].name}/{settings[0]}/"
    if (site / "finder" / "plan" / "index.html").exists():
        examples["finder plan"] = "/finder/plan/"
    return examples


def all_html(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
