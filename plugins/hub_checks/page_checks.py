"""The checks on a page's HTML as Markdown wrote it: the HTML policy and outside links.

`check_page_html` cleans the HTML (html_policy) and reports, with the source line, what the
cleaning removed and every link to a site that content/data/sources.toml does not list
(docs/editing.md: "Link to outside websites only with the addresses listed in ...").
"""

import functools
import html as html_text
import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from hub_kernel.problems import Problem

from .html_policy import clean, removed

HREF = re.compile(r"""<a\s[^>]*?href=["'](?P<url>https://[^"']+)["']""", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _sites(path: Path, mtime: int) -> frozenset[str]:
    register = tomllib.loads(path.read_text(encoding="utf-8"))
    urls = [
        entry.get("url", "")
        for group in register.values()
        if isinstance(group, dict)
        for entry in group.values()
        if isinstance(entry, dict)
    ]
    return frozenset(urlsplit(url).hostname for url in urls if url.startswith("https://"))


def source_sites(content: Path) -> frozenset[str]:
    """The hosts of every `url` in content/data/sources.toml: the sites pages may link to."""
    path = Path(content).resolve() / "data" / "sources.toml"
    return _sites(path, path.stat().st_mtime_ns)


def line_of(source, text: str) -> int:
    """The first line of the source that holds `text` (any case), or 0 when none does."""
    source = source() if callable(source) else source
    text = text.lower().splitlines()[0] if text.strip() else text.lower()
    for number, line in enumerate(source.lower().splitlines(), start=1):
        if text and text in line:
            return number
    return 0


def check_page_html(html: str, source, shown: str, sites) -> tuple[str, list[Problem]]:
    """(the cleaned HTML, the problems): `source` gives the Markdown file's text (a function,
    called only when there is a problem to place on a line, or the text itself)."""
    cleaned = clean(html)
    problems = []
    # Nearly every page comes out of the cleaner unchanged; only one that did not needs the
    # slower scan that names what was removed.
    if cleaned != html:
        problems += [
            Problem(
                shown, line_of(source, r.find), f"has HTML the hub does not allow: {r.what}", r.fix
            )
            for r in removed(html)
        ]
    for match in HREF.finditer(cleaned):
        url = html_text.unescape(match["url"])
        if urlsplit(url).hostname not in sites:
            problems.append(
                Problem(
                    shown,
                    line_of(source, url),
                    f"links to '{url}', a site that is not in content/data/sources.toml",
                    "link to a page of a site the register lists, or "
                    "add the source (with its url) to content/data/sources.toml first",
                )
            )
    return cleaned, problems
