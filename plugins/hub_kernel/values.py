"""Small parsers every stage shares: yes/no values, the slug pattern and plain text."""

import html
import re

# What front matter may write for a yes/no field (the checks accept only these).
YES_WORDS = frozenset({"true", "yes"})
NO_WORDS = frozenset({"false", "no"})

# A file name, a taxonomy key or a finder URL part: lower-case words joined by '-'.
SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG = re.compile(rf"^{SLUG_PATTERN}$")


def says_yes(value, default: bool = False) -> bool:
    """A yes/no front-matter field or setting: yes/true/1 (any case) is True, no/false/0, none
    and an empty value are False, a bool is itself; any other text gives `default`.

    Front matter reads other text as no (`default` False); LINKCHECK_STRICT reads it as yes,
    the safe side, as its own parser (`is_true`) used to. The old front-matter parser also read
    '1' as no; the checks reject '1' in front matter, so no published page differs."""
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    if text in YES_WORDS or text == "1":
        return True
    if text in NO_WORDS or text in {"0", "none", ""}:
        return False
    return default


# Block-level tags become a space so words in neighbouring blocks never run together.
BLOCK = re.compile(
    r"<(?:/?(?:p|li|ul|ol|dl|dt|dd|div|h[1-6]|blockquote|pre|table|thead|tbody|"
    r"tr|td|th|section|aside|figure|figcaption|details|summary)\b[^>]*|br\s*/?)>",
    re.IGNORECASE,
)
DROPPED = re.compile(r"<(script|style|template)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")


def plain_text(fragment: str) -> str:
    """Rendered HTML (Markdown's own output) as one line of text: scripts and styles dropped,
    blocks separated by a space, entities decoded. Regular expressions are enough for
    Markdown's output and many times faster than a parser on thousands of pages."""
    fragment = DROPPED.sub(" ", fragment or "")
    fragment = TAG.sub("", BLOCK.sub(" ", fragment))
    return SPACE.sub(" ", html.unescape(fragment)).strip()
