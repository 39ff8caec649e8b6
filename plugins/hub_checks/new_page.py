"""The text of a new content file: every required field, with notes for the editor.

Fields with a fixed list of answers get an example that passes the checks, and a note listing
the other choices. Fields that state a fact only the editor knows (the summary, the sources, a
story's year) are left empty, so the checks fail until they are filled in: a made-up default
would pass the build and reach readers.
"""

import datetime

from hub_kernel.register import Known
from hub_kernel.values import SLUG

from .new_page_text import BODIES, NOTES_START
from .rules import display
from .schema import FIELDS_BY_TYPE

# The name an editor types -> the content folder (also accepted as the type).
TYPES = {
    "guidance": "guidance",
    "case-study": "case-studies",
    "adjustment": "adjustments",
    "page": "pages",
}

LEFT_FOR_THE_EDITOR = {
    "guidance": {"summary", "sources"},
    "case-studies": {"summary", "sources", "adjustments", "outcome", "year"},
    "adjustments": {"summary", "sources", "fit"},
    "pages": {"summary"},
}

# Where the fields of one type go: title and summary first, review dates and sources last.
FIRST, LAST = ("title", "summary"), ("reviewed", "review_due", "sources")


class NewPageError(ValueError):
    """A bad type or slug; the message says what to type instead."""


# Page URLs are /<slug>/: these are already taken by the hub's own sections.
TAKEN_PAGE_SLUGS = {
    "guidance",
    "case-studies",
    "adjustments",
    "topics",
    "a-z",
    "search",
    "finder",
    "theme",
    "feeds",
    "images",
}


def folder_for(type_name: str) -> str:
    if type_name in TYPES:
        return TYPES[type_name]
    if type_name in TYPES.values():
        return type_name
    raise NewPageError(f"'{type_name}' is not a content type: use one of {', '.join(TYPES)}")


def check_slug(slug: str) -> None:
    if SLUG.match(slug):
        return
    hint = suggested_slug(slug)
    suggestion = f" Did you mean '{hint}'?" if hint and hint != slug else ""
    raise NewPageError(
        f"'{slug}' is not a valid slug: use lower-case letters and digits, with words joined "
        f"by '-' and no '.md' (for example 'sick-pay').{suggestion}"
    )


def suggested_slug(text: str) -> str:
    text = text.removesuffix(".md").lower()
    return "-".join("".join(c if c.isalnum() and c.isascii() else " " for c in text).split())


def a_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def title_from_slug(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


def front_matter(folder: str, slug: str, today: datetime.date) -> list[str]:
    rules = FIELDS_BY_TYPE[folder]
    required = [name for name, rule in rules.items() if rule.required]
    middle = [name for name in required if name not in FIRST + LAST]
    values = {
        "title": title_from_slug(slug),
        "reviewed": today.isoformat(),
        "review_due": a_year_after(today).isoformat(),
    }
    order = [n for n in FIRST if n in rules] + middle + [n for n in LAST if n in rules]
    lines = []
    for name in order:
        if name in LEFT_FOR_THE_EDITOR[folder]:
            value = ""
        else:
            value = values.get(name, rules[name].example)
        lines.append(f"{display(name)}: {value}".rstrip())
    return lines


def editor_notes(folder: str, known: Known) -> list[str]:
    """What to change before publishing. An HTML comment: it never shows on the page."""
    rules = FIELDS_BY_TYPE[folder]
    left = [name for name in rules if name in LEFT_FOR_THE_EDITOR[folder]]
    notes = [
        f"{NOTES_START} change what they say, then delete this whole comment.",
        (
            f"- Fill in the empty fields: {', '.join(display(n) for n in left)}. The build fails "
            "until you do (run: make check FILES=<this file>)."
        ),
    ]
    if "sources" in rules and rules["sources"].required:
        only = {
            "guidance": " Guidance may cite the documents 000 to 004 and official pages.",
            "case-studies": " Case studies may cite only the documents 000 to 004.",
        }.get(folder, "")
        notes.append(
            "- Sources: the documents your facts come from, e.g. "
            f"'000 para 29; 003 Rec 5' (keys in content/data/sources.toml).{only}"
        )
    for name, rule in rules.items():
        if rule.required and rule.kind in ("key", "keys") and name not in left:
            how = "one" if rule.kind == "key" else "one or more (comma-separated)"
            notes.append(
                f"- {display(name)}: '{rule.example}' is only an example. Choose {how} "
                f"of: {', '.join(known.keys(rule.group))}."
            )
        elif rule.required and rule.kind == "bool" and name not in left:
            notes.append(
                f"- {display(name)}: '{rule.example}' is only an example: answer yes or no."
            )
    if folder == "adjustments":
        notes.append(
            "- Fit: how well it suits each work setting, 0 (does not apply) to 3 "
            f"(a strong fit), e.g. '{rules['fit'].example}'."
        )
        notes.append(
            "- Difficulties and Situations: how directly it helps with each, 3 (head-on), "
            "2 (helps) or 1 (can help), backed by its Sources; situations are listed "
            "under [situations.<difficulty>] in content/data/taxonomy.toml."
        )
    if folder == "case-studies":
        notes.append(
            "- Adjustments: slugs of files in content/adjustments/. "
            "Year: the year of the source story."
        )
    if "related" in rules:
        notes.append(
            "- Optional: 'Related: slug, slug' lists guidance pages or case studies "
            "to show under Related pages."
        )
    if "reviewed" in rules:
        notes.append(
            "- Reviewed is today and Review_due a year on: change them when you check "
            "the facts against the sources again."
        )
    notes.append("- The editors' guide: docs/editing.md. Field by field: docs/content-model.md.")
    # Inside an HTML comment two hyphens in a row are an error.
    return [notes[0]] + [line.replace("--", "-") for line in notes[1:]] + ["-->"]


def next_link(folder: str, slugs: dict[str, set[str]]) -> str:
    """An example link to a page that exists, so the new file builds as it stands."""
    guidance = sorted(slugs.get("guidance", set()))
    if not guidance:
        return "- Link to the pages a reader should go to next."
    target = "reasonable-adjustments" if "reasonable-adjustments" in guidance else guidance[0]
    prefix = "" if folder == "guidance" else "../guidance/"
    return f"- Read about [{title_from_slug(target).lower()}]({{filename}}{prefix}{target}.md)."


def new_page_text(
    type_name: str, slug: str, today: datetime.date, known: Known, slugs: dict[str, set[str]]
) -> str:
    folder = folder_for(type_name)
    check_slug(slug)
    if folder == "pages" and slug in TAKEN_PAGE_SLUGS:
        raise NewPageError(
            f"the page address /{slug}/ is used by the hub itself: choose another slug"
        )
    body = BODIES[folder].format(next_link=next_link(folder, slugs))
    return "\n".join(
        front_matter(folder, slug, today) + [""] + editor_notes(folder, known) + [""] + [body]
    )
