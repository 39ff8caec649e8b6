"""The summary box and the "What the law says" box: guidance writes them as ordinary
sections (`## In short`, `## What the law says (Great Britain)`); each such h2 and what
follows it, up to the next h2, is wrapped in a <section> the theme styles as a box."""

import re

H2_START = re.compile(r"(?=<h2[\s>])")
H2_ID = re.compile(r'<h2[^>]*\bid="(?P<id>[^"]+)"')
# h2 id (from Markdown's toc extension) -> the box's class
BOXES = (("in-short", "summary-box"), ("what-the-law-says", "law-box"))


def box_class(section: str) -> str:
    found = H2_ID.match(section)
    if not found:
        return ""
    return next((name for prefix, name in BOXES if found["id"].startswith(prefix)), "")


def wrap_boxes(page_html: str) -> str:
    if "<h2" not in page_html:
        return page_html
    parts = []
    for section in H2_START.split(page_html):
        name = box_class(section)
        if name:
            anchor = H2_ID.match(section)["id"]
            section = f'<section class="{name}" aria-labelledby="{anchor}">{section}</section>\n'
        parts.append(section)
    return "".join(parts)
