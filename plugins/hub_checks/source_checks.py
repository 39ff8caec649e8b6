"""Every check that needs only the files in content/, run before Pelican reads any of them.

`check_content` is what the build runs first (and what the tests call directly): the gate
(gate.py), the data files, each page's front matter, its dates and the files its links name.
A file with a problem is refused: Pelican never reads it, so a bad file gives a message, not
a traceback, and nothing from it is published.
"""

import datetime
import functools
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from hub_kernel.problems import Problem
from hub_kernel.register import load_known
from hub_kernel.source_lines import SourceLines, source_lines_of
from hub_kernel.values import SLUG

from .gate import IMAGES, Gate, scan
from .links import missing_link, target_file
from .rules import check_file, parse_date
from .source_register import check_register, heading_lines
from .toml_syntax import check_toml

# Pelican's own fields, allowed on every type (rules.PELICAN_FIELDS), and what they may hold.
STATUSES = {"published", "hidden"}
GLOSSARY_FIELDS = {"term", "definition", "expansion", "source", "historic"}
LINK = re.compile(r"\{(?P<what>static|attach|filename)\}(?P<target>[^\s)\"'>]+)")


@dataclass
class Checked(Gate):
    warnings: list[Problem] = field(default_factory=list)  # reported, never stop the build
    data_ok: bool = True
    sources: dict[Path, SourceLines] = field(default_factory=dict)  # each page's lines

    @functools.cached_property
    def readable(self) -> set[Path]:
        """The pages Pelican may read: every page the gate found that has no problem."""
        return {p for paths in self.pages.values() for p in paths} - self.refused


def check_content(
    content: Path, shown, today: datetime.date, templates: set[str], static: tuple[str, ...] = ()
) -> Checked:
    """Everything the gate refuses, every front-matter problem, and the overdue reviews.

    A page whose only problems are in the values of its fields is still read, so the preview
    shows it with its problems listed on it (a strict build stops before writing anyway);
    anything Pelican acts on (its own fields, a missing title, links out of content/) is
    refused: such a page is never read."""
    content = Path(content)
    checked = Checked(**vars(scan(content, shown, static)))
    for path in checked.data:
        for problem in data_problems(path, shown(path), today):
            checked.refuse(path, problem.path, problem.message, problem.fix, problem.line)
            checked.data_ok = False
    if not checked.data_ok:
        return checked  # without its data files no page can be checked (or built)
    known = load_known(content)
    slugs = {kind: {p.stem for p in paths} for kind, paths in checked.pages.items()}
    for kind, paths in checked.pages.items():
        for path in paths:
            name = shown(path)
            # Read once: the later stages find their lines in what is kept here.
            text = path.read_text(encoding="utf-8-sig")
            lines = checked.sources[path] = source_lines_of(text)
            fields = lines.fields
            problems = check_file(path, kind, known, slugs, name, fields, text)
            problems += pelican_field_problems(fields, templates, name)
            problems += date_problems(fields, today, name, checked.warnings)
            problems += link_problems(path, content, name, text)
            for problem in problems:
                if unsafe_to_read(problem):
                    checked.refuse(path, problem.path, problem.message, problem.fix, problem.line)
                else:  # read all the same, so the preview can show the page with its problems
                    checked.report(problem)
    return checked


# Problems Pelican would act on (a field it reads, a missing title, a link out of content/):
# a page with one is never read. Others (a value not in the taxonomy ...) only stop the build.
UNSAFE = (
    "unknown front matter",
    "missing front matter 'Title'",
    "'Title: ",
    "'Slug: ",
    "'Status: ",
    "'Template: ",
)


def unsafe_to_read(problem: Problem) -> bool:
    return problem.message.startswith(UNSAFE) or problem.message.endswith(
        ("points outside content/", "is not in content/images/")
    )


def data_problems(path: Path, shown: str, today: datetime.date) -> list[Problem]:
    try:
        problems = check_toml(path, shown)
    except UnicodeDecodeError:
        return [Problem(shown, 0, "is not UTF-8 text", "save it as UTF-8 in your editor")]
    if problems:
        # tomllib gives no line for an error at the end of the file: that is its last line.
        last = len(path.read_text(encoding="utf-8").splitlines())
        return [replace(p, line=p.line or last) for p in problems]
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if path.name == "glossary.toml":
        return glossary_problems(data, shown)
    if path.name == "sources.toml":
        text = path.read_text(encoding="utf-8")
        documents = data.get("documents", {})
        return register_problems(data, text, shown) + check_register(documents, text, shown, today)
    return []


def register_problems(data: dict, text: str, shown: str) -> list[Problem]:
    """Each source has what pages show of it (its title and kind; locators, if any, a list)."""
    problems, lines = [], heading_lines(text)
    needs = {"documents": {"kind": str, "title": str, "locators": list}}
    for group, fields in needs.items():
        for key, entry in data.get(group, {}).items():
            for name, kind in fields.items():
                optional = name == "locators" and name not in entry
                if not optional and not isinstance(entry.get(name), kind):
                    example = "[]" if kind is list else '"..."'
                    problems.append(
                        Problem(
                            shown,
                            lines.get(key, 0) if group == "documents" else 0,
                            f"[{group}.{key}] has no '{name}'",
                            f"add a line '{name} = {example}' to it",
                        )
                    )
    return problems


def glossary_problems(data: dict, shown: str) -> list[Problem]:
    """Each [[term]] has a term and a definition, and no field the glossary does not know."""
    problems = []
    for number, entry in enumerate(data.get("term", []), start=1):
        name = entry.get("term") or f"number {number}"
        if not entry.get("term") or not entry.get("definition"):
            missing = "term" if not entry.get("term") else "definition"
            problems.append(
                Problem(
                    shown,
                    0,
                    f"term '{name}' has no '{missing}'",
                    f"add a line '{missing} = \"...\"' to that [[term]]",
                )
            )
        for key in sorted(set(entry) - GLOSSARY_FIELDS):
            problems.append(
                Problem(
                    shown,
                    0,
                    f"term '{name}' has unknown field '{key}'",
                    "use only " + ", ".join(sorted(GLOSSARY_FIELDS)),
                )
            )
    return problems


def pelican_field_problems(fields, templates: set[str], shown: str) -> list[Problem]:
    """Slug, Status and Template: Pelican acts on them, so a bad value must never reach it."""
    problems = []
    if "slug" in fields and not SLUG.match(fields["slug"].value):
        problems.append(
            Problem(
                shown,
                fields["slug"].line,
                f"'Slug: {fields['slug'].value}' is not a slug",
                "lower-case letters and digits joined by '-', e.g. 'sick-pay'",
            )
        )
    if "status" in fields and fields["status"].value.lower() not in STATUSES:
        problems.append(
            Problem(
                shown,
                fields["status"].line,
                f"'Status: {fields['status'].value}' is not 'published' or 'hidden'",
                "remove the line: every file in content/ is published "
                "(keep drafts on a git branch), or write 'Status: hidden' for a page no list shows",
            )
        )
    if "template" in fields and fields["template"].value not in templates:
        problems.append(
            Problem(
                shown,
                fields["template"].line,
                f"'Template: {fields['template'].value}' is not one of the theme's templates",
                "remove the line (each type has its template)",
            )
        )
    return problems


def date_problems(fields, today: datetime.date, shown: str, warnings: list) -> list[Problem]:
    reviewed = parse_date(fields["reviewed"].value) if "reviewed" in fields else None
    due = parse_date(fields["review_due"].value) if "review_due" in fields else None
    if due and due < today:
        warnings.append(
            Problem(
                shown,
                fields["review_due"].line,
                f"review overdue since {due.isoformat()}",
                "check the page against its sources, then set 'Reviewed' to "
                "that day and 'Review_due' a year later",
            )
        )
    if reviewed and reviewed > today:
        return [
            Problem(
                shown,
                fields["reviewed"].line,
                f"'Reviewed: {reviewed.isoformat()}' is after today ({today.isoformat()})",
                "write the day the page was last checked",
            )
        ]
    return []


def link_problems(path: Path, content: Path, shown: str, text: str | None = None) -> list[Problem]:
    """{static}, {attach} and {filename} links name files inside content/ that exist
    (static ones in content/images/), so nothing from elsewhere can be copied. `text`: the
    file's text, when the caller has read it."""
    problems = []
    root = os.path.abspath(content)
    text = path.read_text(encoding="utf-8-sig") if text is None else text
    for number, line in enumerate(text.splitlines(), start=1):
        for match in LINK.finditer(line):
            target = os.path.abspath(target_file(path, Path(root), match["target"]))
            if os.path.commonpath([root, target]) != root:
                problems.append(
                    Problem(
                        shown,
                        number,
                        f"'{match[0]}' points outside content/",
                        "link only to files in content/; images go in "
                        "content/images/, e.g. {static}/images/chart.png",
                    )
                )
            elif match["what"] != "filename" and not target.startswith(
                os.path.join(root, IMAGES) + os.sep
            ):
                problems.append(
                    Problem(
                        shown,
                        number,
                        f"'{match[0]}' is not in content/images/",
                        "put files for readers in content/images/ and link "
                        "them as {static}/images/name.png",
                    )
                )
            elif not os.path.isfile(target):
                problems.append(missing_link(shown, number, match[0]))
    return problems
