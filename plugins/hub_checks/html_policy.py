"""The HTML a page may carry: what Markdown writes, plus a few tags editors need.

Raw HTML in Markdown reaches the page as it is, so every page's HTML is cleaned by nh3 (Rust's
ammonia) to the allow-list below. `removed` lists, for the report, what the cleaning takes
away; both read the same allow-list and `url_allowed`, so they cannot disagree.
"""

import html.parser
import re
from dataclasses import dataclass

import nh3

# Markdown's output (with `extra` and `toc`), plus abbr, kbd, details/summary and boxes.
TAG_NAMES = """
    p br hr h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code em strong b i a img
    table thead tbody tfoot tr th td caption abbr sup sub kbd samp var del ins mark s
    small q cite span div section details summary figure figcaption
"""
TAGS = set(TAG_NAMES.split())
# Removed with everything inside them (the rest keep their text when removed).
REMOVED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript", "textarea"}
REMOVED_WITH_CONTENT |= {"select", "svg", "math", "title"}
ATTRIBUTES = {
    "*": {"id", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "details": {"open"},
}
# Classes Markdown writes (footnotes, fenced code) and the theme's boxes for content.
CLASSES = {
    "div": {"footnote", "in-short", "law", "callout", "notice", "advice-line"},
    "section": {"in-short", "law", "callout"},
    "a": {"footnote-ref", "footnote-backref", "glossary-link"},
    "p": {"advice-line"},
}
CODE_CLASS = re.compile(r"^language-[\w+-]+$")
URL_ATTRIBUTES = {"href", "src"}
LINK_SCHEMES = {"https", "mailto", "tel"}
# Pelican resolves these to the site's own files; the link checks make sure they exist.
PELICAN_LINK = re.compile(r"^\{(filename|static|attach)\}")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop these characters before reading a scheme ("java\nscript:").
IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")


def url_allowed(tag: str, attribute: str, value: str) -> bool:
    """Links: https:, mailto:, tel: or the site's own paths; images: the site's own files."""
    url = IGNORED_IN_URL.sub("", value)
    if PELICAN_LINK.match(url) or url.startswith("#"):
        return True
    if url.startswith(("//", "\\", "/\\")):  # another site, without a scheme
        return False
    scheme = SCHEME.match(url)
    if not scheme:
        return True  # a path on this site
    return attribute == "href" and tag == "a" and scheme[1].lower() in LINK_SCHEMES


def class_allowed(tag: str, name: str) -> bool:
    return name in CLASSES.get(tag, ()) or (tag == "code" and bool(CODE_CLASS.match(name)))


def attribute_allowed(tag: str, attribute: str) -> bool:
    return attribute in ATTRIBUTES["*"] or attribute in ATTRIBUTES.get(tag, ())


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in URL_ATTRIBUTES and not url_allowed(tag, attribute, value):
        return None
    if attribute == "class":
        kept = [name for name in value.split() if class_allowed(tag, name)]
        return " ".join(kept) or None
    return value


def clean(html: str) -> str:
    """The HTML with everything outside the allow-list removed."""
    attributes = {tag: set(names) for tag, names in ATTRIBUTES.items()}
    for tag in {*CLASSES, "code"}:
        attributes.setdefault(tag, set()).add("class")
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=attributes,
        attribute_filter=_filter,
        url_schemes=LINK_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


@dataclass(frozen=True, order=True)
class Removal:
    what: str  # what the reader would have got, as the editor wrote it
    find: str  # text to look for in the source file, to give the line
    fix: str


FIX_TAG = (
    "remove it: a page may use Markdown and the HTML tags listed in docs/editing.md "
    "(abbr, kbd, details and summary, tables, boxes)"
)
FIX_LINK = "link with https:, mailto: or tel:, or to a page of this site (/...)"
FIX_IMAGE = "put the image in content/images/ and write ![what it shows]({static}/images/name.png)"
FIX_ATTRIBUTE = "remove it: the theme styles and scripts pages; content carries text and links"
FIX_CLASS = "use one of the box classes listed in docs/editing.md, or none"


class _Scanner(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.removals: set[Removal] = set()

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self.removals.add(Removal(f"<{tag}>", f"<{tag}", FIX_TAG))
            return
        for name, value in attrs:
            value = value or ""
            if name == "class":
                for bad in (c for c in value.split() if not class_allowed(tag, c)):
                    self.removals.add(Removal(f"class '{bad}' on <{tag}>", bad, FIX_CLASS))
            elif not attribute_allowed(tag, name):
                self.removals.add(
                    Removal(f"the '{name}' attribute on <{tag}>", name, FIX_ATTRIBUTE)
                )
            elif name in URL_ATTRIBUTES and not url_allowed(tag, name, value):
                kind = "image address" if name == "src" else "link"
                self.removals.add(
                    Removal(
                        f"the {kind} '{value}'", value, FIX_IMAGE if name == "src" else FIX_LINK
                    )
                )

    handle_startendtag = handle_starttag


def removed(html: str) -> list[Removal]:
    """What `clean` takes out of `html`, each once, in a stable order."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return sorted(scanner.removals)
