"""Find the references in one output file: HTML, CSS, JSON data or an XML feed or sitemap.

Plain functions over text; they know nothing of Pelican or of the rest of the site.
"""

import json
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from bs4 import BeautifulSoup
from lxml import etree

# The attributes that load or link to another resource, by tag, and what each one is.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "base": ("href",),
    "meta": ("content",),
}
KIND_BY_TAG = {
    "a": "link",
    "area": "link",
    "script": "script",
    "img": "image",
    "source": "media",
    "video": "media",
    "audio": "media",
    "track": "media",
    "iframe": "frame",
    "embed": "media",
    "object": "media",
    "form": "form",
    "use": "image",
}
KIND_BY_REL = {"stylesheet": "stylesheet", "icon": "image", "alternate": "feed"}
REFRESH_URL = re.compile(r"^\s*\d+\s*[;,]\s*url\s*=\s*['\"]?([^'\"]*)", re.IGNORECASE)
CSS_URL = re.compile(
    r"""url\(\s*(['"]?)(?P<url>[^'")]*?)\1\s*\)"""
    r"""|@import\s+(['"])(?P<import>[^'"]+)\3"""
)


class Reference(NamedTuple):  # a pair, so the cache's [target, kind] lists stand in for it
    target: str  # exactly as written in the file
    kind: str  # link, image, stylesheet, script, feed, media, frame, form, data, style


@dataclass
class PageReferences:
    """What one file offers (the ids a `#fragment` may name) and what it refers to."""

    ids: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)
    base: str = ""  # a <base href>, which changes how relative links resolve


class _Collector:
    """lxml's parser target: told of each start tag in document order, as a browser reads the
    page (content after a stray </html> included, which lxml's tree would drop)."""

    def __init__(self):
        self.page = PageReferences()

    def start(self, tag, attrs):
        page = self.page
        if "id" in attrs:
            page.ids.add(attrs["id"])
        names = URL_ATTRIBUTES.get(tag)
        if not names:
            return
        if tag == "a" and "name" in attrs:
            page.ids.add(attrs["name"])  # the old way to make an anchor; browsers still honour it
        if tag == "base":
            page.base = page.base or attrs.get("href", "")
        elif tag == "meta":
            refresh = attrs.get("http-equiv", "").lower() == "refresh" and REFRESH_URL.match(
                attrs.get("content", "")
            )
            if refresh:
                page.references.append(Reference(refresh.group(1).strip(), "link"))
        else:
            kind = KIND_BY_TAG.get(tag) or link_kind(attrs.get("rel", ""))
            for name in names:
                value = attrs.get(name)
                if value is None:
                    continue
                if name == "srcset":
                    page.references += [Reference(url, kind) for url in srcset_urls(value)]
                else:
                    page.references.append(Reference(value.strip(), kind))

    def end(self, tag):
        pass

    def data(self, text):
        pass

    def close(self) -> PageReferences:
        return self.page


def html_references(markup: str | bytes) -> PageReferences:
    """The ids and references of one HTML page, read once by lxml (libxml2's HTML parser,
    which copes with any markup as browsers do)."""
    if not markup.strip():
        return PageReferences()
    encoding = None  # pages are UTF-8; a file that is not falls back to what it declares
    if isinstance(markup, bytes):
        try:
            markup.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            pass
    parser = etree.HTMLParser(target=_Collector(), encoding=encoding)
    return etree.fromstring(markup, parser)


def link_kind(rel: str) -> str:
    for word in rel.lower().split():
        if word in KIND_BY_REL:
            return KIND_BY_REL[word]
    return "link"


def srcset_urls(srcset: str) -> list[str]:
    """'a.png 1x, b.png 2x' -> ['a.png', 'b.png']."""
    return [part.split()[0] for part in srcset.split(",") if part.strip()]


def css_references(text: str) -> PageReferences:
    """`url(...)` and `@import` in a stylesheet; `url(#id)` points into an SVG, not a file."""
    page = PageReferences()
    for match in CSS_URL.finditer(text):
        url = (match["url"] if match["url"] is not None else match["import"] or "").strip()
        if url and not url.startswith("#"):
            page.references.append(Reference(url, "style"))
    return page


def json_references(text: str, keys: tuple[str, ...]) -> PageReferences:
    """Links in a JSON data file (search index, finder data): see `is_url_key` for the rule.

    Raises ValueError when the file is not JSON.
    """
    page = PageReferences()
    data = json.loads(text)
    lowered = text.lower()
    if not any(name.lower() in lowered for name in keys):
        return page  # no key can match: skip the walk (search indexes are thousands of files)
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, str) and is_url_key(key, keys):
                    page.references.append(Reference(item.strip(), "data"))
                elif isinstance(item, list) and is_url_key(key, keys):
                    page.references += [
                        Reference(s.strip(), "data") for s in item if isinstance(s, str)
                    ]
                    stack += [s for s in item if isinstance(s, (dict, list))]
                elif isinstance(item, (dict, list)):
                    stack.append(item)
        elif isinstance(value, list):
            stack += [item for item in value if isinstance(item, (dict, list))]
    page.references = [r for r in page.references if r.target]
    return page


def data_references(text: str, reader) -> PageReferences:
    """Links in JSON data whose format a plugin knows best: `reader(data)` lists them."""
    page = PageReferences()
    page.references = [Reference(url, "data") for url in reader(json.loads(text)) if url]
    return page


def is_url_key(key: str, keys: tuple[str, ...]) -> bool:
    """A key names a URL when it is one of `keys` or its plural, in any case ("url", "URL",
    "urls"), or ends with one after "_" or as a camelCase word ("page_url", "pageUrl")."""
    lower = key.lower()
    for name in keys:
        for form in (name.lower(), name.lower() + "s"):
            if (
                lower == form
                or lower.endswith("_" + form)
                or key.endswith((form[:1].upper() + form[1:], form.upper()))
            ):
                return True
    return False


def xml_references(markup: str | bytes) -> PageReferences:
    """Links in an Atom or RSS feed or a sitemap: <link href>, RSS <link>text</link>, <loc>."""
    soup = BeautifulSoup(markup, "xml")
    page = PageReferences()
    for tag in soup.find_all(["link", "loc"]):
        target = tag.get("href") or (tag.string or "")
        if target.strip():
            page.references.append(Reference(target.strip(), "feed-entry"))
    return page
