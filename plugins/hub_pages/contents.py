"""The contents list of a page: its h2 headings, which Markdown's toc extension gave ids."""

import html
import re

H2 = re.compile(r'<h2 id="(?P<id>[^"]+)"[^>]*>(?P<text>.*?)</h2>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def contents_list(page_html: str) -> list[tuple[str, str]]:
    """(anchor id, heading text) for each h2, in order."""
    return [
        (m["id"], html.unescape(TAG.sub("", m["text"])).strip()) for m in H2.finditer(page_html)
    ]
