"""Generate a hub content folder with N guidance pages of about 500 words, for benchmarks."""

import json
import random
import shutil
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "employer",
    "manager",
    "adjustment",
    "sickness",
    "absence",
    "return",
    "phased",
    "plan",
    "support",
    "stress",
    "anxiety",
    "workload",
    "meeting",
    "review",
    "flexible",
    "hours",
    "quiet",
    "office",
    "remote",
    "shift",
    "team",
    "conversation",
    "confidential",
    "consent",
    "disclosure",
    "access",
    "funding",
    "occupational",
    "health",
    "advice",
    "training",
    "charter",
    "recruitment",
    "interview",
    "job",
    "retention",
    "fit",
    "note",
    "keeping",
    "touch",
    "wellbeing",
    "signs",
    "change",
    "feedback",
    "supervision",
    "break",
    "appointment",
    "colleague",
    "buddy",
    "mentor",
    "equipment",
]
TOPICS = ["told", "off-sick", "adjustments", "recruiting", "advice", "training", "background"]


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def page_text(index: int, rng: random.Random) -> str:
    sections = []
    for number in range(1, 5):
        sections.append(
            f"## Section {number} of page {index}\n\n"
            + paragraph(rng, 60)
            + "\n\n"
            + paragraph(rng, 60)
        )
    return (
        f"Title: Generated guidance {index}\n"
        f"Summary: {paragraph(rng, 15)}\n"
        f"Topic: {TOPICS[index % len(TOPICS)]}\n"
        "Audience: employers, managers\n"
        "Reviewed: 2026-11-22\nReview_due: 2027-11-22\nSources: 000 para 29\n\n"
        + paragraph(rng, 30)
        + "\n\n"
        + "\n\n".join(sections)
        + "\n"
    )


def make_content(pages: int, destination: Path, seed: int = 1) -> Path:
    """A content folder: all of the hub's content plus `pages` generated guidance pages."""
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(ROOT / "content", destination)
    guidance = destination / "guidance"
    rng = random.Random(seed)
    for index in range(pages):
        (guidance / f"generated-{index:05d}.md").write_text(page_text(index, rng), encoding="utf-8")
    add_to_topic_order(destination / "data" / "taxonomy.toml", pages)
    return destination


def add_to_topic_order(taxonomy: Path, pages: int) -> None:
    """Every guidance page must have its place in [topic_order] (the last table in the file):
    the generated pages follow each topic's own pages."""
    text = taxonomy.read_text(encoding="utf-8")
    order = tomllib.loads(text).get("topic_order", {})
    for index in range(pages):
        order.setdefault(TOPICS[index % len(TOPICS)], []).append(f"generated-{index:05d}")
    head = text[: text.index("[topic_order]")] if "[topic_order]" in text else text + "\n"
    lines = [f"{topic} = {json.dumps(slugs)}" for topic, slugs in order.items()]
    taxonomy.write_text(head + "[topic_order]\n" + "\n".join(lines) + "\n", encoding="utf-8")
