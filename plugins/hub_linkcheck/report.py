"""Say what is broken in words an editor can act on, and write the external-links report.

Plain functions over plain data: `pages` maps an output file to the Markdown that made it.
"""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from hub_kernel.kept import replace_file
from hub_kernel.settings import kept_folder
from hub_kernel.source_lines import SourceLines

from .check import Finding, SiteCheck


@dataclass(frozen=True)
class PageSource:
    """Where an output page came from: its Markdown file (shown as written, e.g.
    'content/guidance/x.md'), whether its front matter says `Historic: true`, and each link
    target the Markdown writes with its first line (the kernel's SourceLines.links)."""

    source: str
    historic: bool = False
    links: dict[str, int] = field(default_factory=dict)

    def line_of(self, finding: Finding) -> int:
        """The first line of the Markdown that links to the target (or its #fragment), else 0."""
        lines = SourceLines(links=self.links)
        if "#" in finding.target:
            return lines.link_line(finding.target, "#" + finding.target.split("#", 1)[1])
        return lines.link_line(finding.target)


WHAT = {
    "link": "links to",
    "image": "shows the image",
    "stylesheet": "loads the stylesheet",
    "script": "loads the script",
    "feed": "links to the feed",
    "media": "plays",
    "frame": "embeds",
    "form": "sends its form to",
    "style": "loads",
    "data": "links to",
    "feed-entry": "lists",
}


def page_url(output_file: str) -> str:
    """'guidance/x/index.html' -> '/guidance/x/'; '404.html' stays '/404.html'."""
    if output_file == "index.html":
        return "/"
    if output_file.endswith("/index.html"):
        return "/" + output_file[: -len("index.html")]
    return "/" + output_file


def say(finding: Finding) -> str:
    """What is wrong, e.g. "links to '/x/', but there is no page or file at /x/"."""
    if finding.problem == "unreadable":
        return finding.detail
    what = f"{WHAT.get(finding.kind, 'links to')} '{finding.target}'"
    match finding.problem:
        case "missing":
            return f"{what}, but there is no page or file at {finding.detail}"
        case "anchor":
            return f"{what}, but that page has no heading or element with id '{finding.detail}'"
        case _:
            return f"{what}, but it {finding.detail}"


def fix(finding: Finding, made_from: str) -> str:
    if finding.problem == "unreadable":
        return "the plugin that wrote this file must write valid JSON"
    if finding.kind == "data":
        return "correct the plugin that wrote this data file, or the page it points to"
    if finding.problem == "anchor":
        return (
            "link to an id that page has: a heading's id is its text in lower case with "
            "words joined by '-' (see that page's contents list)"
        )
    if finding.kind == "image":
        return "put the image in content/images/ and link it as '{static}/images/name.png'"
    if made_from.endswith(".md"):
        return (
            "link to other pages as '[text]({filename}other-page.md)' (relative to this file)"
            " and check the spelling"
        )
    return "correct the link in theme/templates/ or theme/static/, or add what it points to"


def where(page: str, pages: dict[str, PageSource], line: int = 0) -> tuple[str, str]:
    """(how to name the page in a message, the file an editor should open)."""
    source = pages.get(page)
    if source:
        at = f"{source.source}:{line}" if line else source.source
        return f"{at} (page {page_url(page)})", source.source
    if page.endswith(".json"):
        return f"data file {page_url(page)} (written by a plugin)", page
    if page.endswith((".css", ".js", ".xml")):
        return f"{page_url(page)} (written by the build)", page
    return f"page {page_url(page)} (made from the theme's templates)", "theme/templates/"


def describe(
    findings: list[Finding], pages: dict[str, PageSource], pages_shown: int = 5
) -> list[str]:
    """One line per broken reference and page; a target broken on more than `pages_shown`
    pages (usually a theme template) is one line naming the first few and the count."""
    by_target: dict[tuple, list[Finding]] = {}
    for finding in sorted(findings):
        by_target.setdefault((finding.target, finding.problem, finding.detail), []).append(finding)
    entries = []  # (page, line, target) to sort by, and the text
    for group in by_target.values():
        first = group[0]
        message = say(first)
        if len(group) > pages_shown:
            named = ", ".join(where(f.page, pages)[0] for f in group[:pages_shown])
            entries.append(
                (
                    (first.page, 0, first.target),
                    (
                        f"{len(group)} pages: {message}. On {named} and "
                        f"{len(group) - pages_shown} more. Fix: "
                        f"{fix(first, where(first.page, pages)[1])}."
                    ),
                )
            )
            continue
        for finding in group:
            source = pages.get(finding.page)
            line = source.line_of(finding) if source else 0
            shown, made_from = where(finding.page, pages, line)
            entries.append(
                (
                    (finding.page, line, finding.target),
                    f"{shown}: {message}. Fix: {fix(finding, made_from)}.",
                )
            )
    return [text for _, text in sorted(entries)]


def external_report(
    site: SiteCheck, pages: dict[str, PageSource], site_url: str, cache_hours: float
) -> dict:
    """External links with the pages that use them; links used only on Historic pages (about
    closed schemes) are marked so, and internal links to Historic pages are listed apart."""

    def used_on(files) -> list[dict]:
        return [
            {"page": page_url(f), "source": pages[f].source if f in pages else ""}
            for f in sorted(files)
        ]

    def historic(files) -> bool:
        return all(f in pages and pages[f].historic for f in files)

    return {
        "generated": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "site_url": site_url,
        "cache_hours": cache_hours,
        "external": [
            {"url": url, "historic": historic(files), "pages": used_on(files)}
            for url, files in sorted(site.external.items())
        ],
        # Current guidance that points readers at a closed scheme's page.
        "links_to_historic_pages": [
            {"target": page_url(target), "source": pages[target].source, "pages": used_on(current)}
            for target, files in sorted(site.internal.items())
            if target in pages
            and pages[target].historic
            and (current := [f for f in files if f in pages and not pages[f].historic])
        ],
    }


REPORT_NAME = "external-links.json"


def default_report_dir(content_path: Path) -> Path:
    """`.build/linkcheck/` beside the content folder."""
    return kept_folder(content_path, "linkcheck")


def write_json(path: Path, data: dict) -> None:
    replace_file(path, (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))


def summary_line(site: SiteCheck) -> str:
    return (
        f"Link check: {site.files_read} files, {site.references} references, "
        f"{len(site.broken)} broken, {len(site.external)} external links"
    )
