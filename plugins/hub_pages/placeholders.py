"""Settings filled into content, so contact details are never typed into a page.

- `{advice_line}` (a paragraph of its own): ADVICE_LINE_TEXT and ADVICE_LINE_URL.
- `{publisher}`: HUB_PUBLISHER. `{contact}`: a link to HUB_CONTACT_EMAIL, else HUB_CONTACT_URL,
  else the repository's issues page (HUB_REPOSITORY_URL), as the footer shows it.
- `{urgent:KEY}`: one URGENT_HELP entry (name, number as a tel: or sms: link, when to use it).
  An unknown KEY is a content error (see `unknown_urgent_keys`).
"""

import re
from html import escape

ADVICE_LINE = "<p>{advice_line}</p>"
URGENT = re.compile(r"\{urgent:([^{}<>\s]*)\}")


def advice_line_html(settings) -> str:
    return (
        f'<p class="advice-line">{escape(settings["ADVICE_LINE_TEXT"])} '
        f'<a href="{escape(settings["ADVICE_LINE_URL"])}">'
        f"{escape(settings['ADVICE_LINE_URL'])}</a></p>"
    )


def contact_html(settings) -> str:
    email = settings.get("HUB_CONTACT_EMAIL", "")
    page = settings.get("HUB_CONTACT_URL", "")
    repository = settings.get("HUB_REPOSITORY_URL", "")
    if email:
        return f'<a href="mailto:{escape(email)}">{escape(email)}</a>'
    if page:
        return f'<a href="{escape(page)}">our contact page</a>'
    if repository:
        return f'<a href="{escape(repository)}/issues">the project\'s issues page</a>'
    return "the links at the foot of every page"


def urgent_html(entry: dict) -> str:
    """The same words as the footer's entries (theme/templates/site-macros.html)."""
    return (
        f'<span class="urgent-entry"><strong>{escape(entry["name"])}</strong>: '
        f'<a href="{escape(entry["href"])}">{escape(entry["contact"])}</a>. '
        f"{escape(entry['when'])}</span>"
    )


def fill_placeholders(page_html: str, settings) -> str:
    """The page with every known placeholder filled in; unknown urgent keys are left as typed
    (the build stops on them first)."""
    if "{" not in page_html:
        return page_html
    if ADVICE_LINE in page_html:
        page_html = page_html.replace(ADVICE_LINE, advice_line_html(settings))
    page_html = page_html.replace("{publisher}", escape(settings.get("HUB_PUBLISHER", "")))
    if "{contact}" in page_html:
        page_html = page_html.replace("{contact}", contact_html(settings))
    entries = settings.get("URGENT_HELP", {})
    return URGENT.sub(lambda m: urgent_html(entries[m[1]]) if m[1] in entries else m[0], page_html)


def unknown_urgent_keys(text: str, known) -> list[tuple[int, str]]:
    """(line number, key) of each `{urgent:KEY}` in a Markdown file whose KEY is not known."""
    return [
        (number, match[1])
        for number, line in enumerate(text.splitlines(), start=1)
        for match in URGENT.finditer(line)
        if match[1] not in known
    ]
