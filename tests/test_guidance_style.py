"""Guidance reads task-first: it says what to do, and leaves who-said-what to the sources.

A "source-narrating sentence" retells a source instead of giving the advice: "In 2009, the
government planned ...", "Slides from about 2010 advised ...", "A 2017 charity report said ...".
We flag a sentence that has a reporting verb together with a year or a word for a source
(a report, the government, a charity, slides ...). Pages about the sources themselves are
exempt, and so is the short "Background" section that may end a page.

Run `python tests/test_guidance_style.py` for the count on each page.
"""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDANCE = ROOT / "content" / "guidance"
MOST_PER_PAGE = 1
# Pages whose subject is the sources or a closed scheme's history (DESIGN.md allows history there).
ABOUT_HISTORY = {"about-the-sources"}

YEAR = re.compile(r"\b(?:19|20)\d\d\b")
SOURCE_WORD = re.compile(
    r"\b(?:government|charity|charities|report|reports|slides|briefing|response|document|"
    r"documents|review|survey|study|studies|paper|authors?|source|sources|presentation|"
    r"guidance from|commissioning guidance|perkins|nmhdu)\b",
    re.IGNORECASE,
)
REPORTING_VERB = re.compile(
    r"\b(?:said|says|advised|advises|planned|reported|found|finds|recommended|"
    r"recommends|proposed|proposes|suggested|suggests|noted|argued|argues|stated|"
    r"warned|warns|called for|calls for|pointed out|listed|described|describes|urged|"
    r"promised|set out|sets out|gave|gives the example)\b",
    re.IGNORECASE,
)
# Verbs that also describe what people in a survey felt ("wanted a job"): they count only
# together with a word for a source, not with a year alone.
WEAK_VERB = re.compile(r"\b(?:asked|wanted)\b", re.IGNORECASE)


def body(markdown: str) -> str:
    """The page body: no front matter, no editor notes, no Background section, no link targets."""
    text = markdown.split("\n\n", 1)[1] if "\n\n" in markdown else ""
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    parts = re.split(r"^(?=## )", text, flags=re.MULTILINE)
    text = "".join(part for part in parts if not part.startswith("## Background"))
    return re.sub(r"\]\([^)]*\)", "]", text)


def sentences(text: str) -> list[str]:
    lines = [re.sub(r"^\s*(?:[-*]|\d+\.|#+)\s*", "", line) for line in text.splitlines()]
    return [s.strip() for line in lines for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]


def narrating(sentence: str) -> bool:
    if REPORTING_VERB.search(sentence):
        return bool(YEAR.search(sentence) or SOURCE_WORD.search(sentence))
    return bool(WEAK_VERB.search(sentence) and SOURCE_WORD.search(sentence))


def narrating_sentences(path: Path) -> list[str]:
    return [s for s in sentences(body(path.read_text(encoding="utf-8"))) if narrating(s)]


def test_the_detector_tells_narration_from_advice():
    assert narrating("In 2009, the government planned an advice line for small firms.")
    assert narrating("Slides from about 2010 advised employment services to be clear.")
    assert narrating("A 2017 charity report said few notes were issued.")
    assert not narrating("Tell them what to expect from the meeting.")
    assert not narrating("Agree a review date and write it down.")
    assert narrating("The review asked for a Disability Employment Adviser.")
    assert not narrating("In 2009, 86% of people out of work wanted a job.")


def test_background_section_is_left_out_but_later_sections_count():
    page = (
        "Title: x\n\nIntro.\n\n## Background\n\nIn 2009 the government planned a pilot.\n\n"
        "## What to do next\n\nThe 2017 report said this.\n"
    )
    assert sentences(body(page)) == ["Intro.", "What to do next", "The 2017 report said this."]


PAGES = sorted(p for p in GUIDANCE.glob("*.md") if p.stem not in ABOUT_HISTORY)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_guidance_page_says_what_to_do_rather_than_who_said_it(path):
    found = narrating_sentences(path)
    assert len(found) <= MOST_PER_PAGE, (
        f"{path.relative_to(ROOT)} has {len(found)} sentences that retell a source (at most "
        f"{MOST_PER_PAGE}). Say what to do and put the source in 'Sources:', or move history "
        "to '## Background' at the foot:\n  " + "\n  ".join(found)
    )


if __name__ == "__main__":
    total = 0
    for page in sorted(GUIDANCE.glob("*.md")):
        count = len(narrating_sentences(page))
        total += count
        print(f"{count:3d}  {page.relative_to(ROOT)}")
    print(f"{total:3d}  total")
    if "-v" in sys.argv:
        for page in sorted(GUIDANCE.glob("*.md")):
            for s in narrating_sentences(page):
                print(f"{page.stem}: {s}")
