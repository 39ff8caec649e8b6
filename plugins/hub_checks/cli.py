"""The editors' command line (docs/editing.md). Run from the repository root:

    PYTHONPATH=plugins .venv/bin/python -m hub_checks.cli COMMAND ...

or through make: `make new TYPE=guidance SLUG=sick-pay`, `make check FILES=...`,
`make review-report`, `make readability`.

- `new TYPE SLUG`: write content/<folder>/<slug>.md from a template (TYPE: guidance,
  case-study, adjustment, page); never overwrites a file.
- `check FILE...`: the build's front-matter checks (rules.check_file) on just these files,
  plus a syntax check for .toml files; exit 1 on any problem.
- `review-report`: pages whose review is overdue or due within 30 days (`--days`), and
  sources last checked more than 12 months ago; exit 0.
- `readability`: the Flesch reading ease of each guidance page in a built site (`--site`).

`--content` (default: the repository's content/) and `--today` (default: today) let the
tests run each command on a copy of the content on a fixed day.
"""

import argparse
import datetime
import sys
import tomllib
from pathlib import Path

from hub_kernel.front_matter import read_front_matter
from hub_kernel.problems import Problem
from hub_kernel.register import Known, load_known

from .gate import text_problem
from .new_page import NewPageError, folder_for, new_page_text
from .readability import MINIMUM_READING_EASE
from .reviews import due_by, report, review_dates
from .rules import check_file
from .schema import CONTENT_TYPES
from .source_checks import data_problems as data_file_problems
from .source_checks import date_problems, link_problems, pelican_field_problems
from .source_register import stale_report, stale_sources
from .toml_syntax import check_toml

ROOT = Path(__file__).resolve().parents[2]


def shown(path: Path) -> str:
    """A path as the editor would type it: relative to where they stand, when it can be."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def content_slugs(content_path: Path) -> dict[str, set[str]]:
    return {kind: {p.stem for p in (content_path / kind).glob("*.md")} for kind in CONTENT_TYPES}


def day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: write it as YYYY-MM-DD")


def load_known_or_problems(content_path: Path) -> tuple[Known | None, list[Problem]]:
    """The allowed keys; a data file that does not parse becomes a problem, not a traceback."""
    try:
        return load_known(content_path), []
    except tomllib.TOMLDecodeError:
        data = sorted((content_path / "data").glob("*.toml"))
        return None, [p for path in data for p in check_toml(path, shown(path))]
    except FileNotFoundError as error:
        return None, [
            Problem(
                shown(Path(error.filename)),
                0,
                "is missing",
                "restore it: every content check needs it",
            )
        ]


# --- new ---------------------------------------------------------------------------------


def command_new(args) -> int:
    content_path = Path(args.content)
    try:
        folder = folder_for(args.type)
        known, problems = load_known_or_problems(content_path)
        if problems:
            return print_problems(problems)
        slugs = content_slugs(content_path)
        text = new_page_text(args.type, args.slug, args.today, known, slugs)
    except NewPageError as error:
        print(f"Not created: {error}", file=sys.stderr)
        return 2
    target = content_path / folder / f"{args.slug}.md"
    if target.exists():
        print(
            f"Not created: {shown(target)} already exists. Edit that file, or choose another slug.",
            file=sys.stderr,
        )
        return 1
    # Guidance, case studies and adjustments are found by slug (Related, Adjustments), so a
    # slug used by another of them would make those links ambiguous.
    article_folders = [f for f in CONTENT_TYPES if f != "pages"]
    if folder in article_folders:
        for other in article_folders:
            if args.slug in slugs.get(other, set()):
                print(
                    f"Not created: the slug '{args.slug}' is already used by "
                    f"{shown(content_path / other / (args.slug + '.md'))}. Choose another slug, "
                    "so links by slug stay unambiguous.",
                    file=sys.stderr,
                )
                return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
        file.write(text)
    print(f"Created {shown(target)}.")
    left = sorted(check_file(target, folder, known, content_slugs(content_path), shown(target)))
    if left:
        print("Fill these in before it will build (the notes at the top of the body say how):")
        print("\n".join(f"  {problem}" for problem in left))
    print(
        f"Then preview it with 'make serve' and check it with 'make check FILES={shown(target)}'."
    )
    return 0


# --- check -------------------------------------------------------------------------------


def content_folder(path: Path) -> tuple[str, Path]:
    """(content type folder, content folder) of a page at any depth, as the build sees it."""
    for parent in path.resolve().parents:
        if parent.name in CONTENT_TYPES and (parent.parent / "data").is_dir():
            return parent.name, parent.parent
    return path.resolve().parent.name, path.resolve().parent.parent


def page_problems(path: Path, content_path: Path, name: str) -> list[Problem]:
    """The build's checks of Pelican's own fields, the review dates and the file links."""
    fields = read_front_matter(path)
    templates = {p.stem for p in (ROOT / "theme" / "templates").glob("*.html")}
    return (
        pelican_field_problems(fields, templates, name)
        + date_problems(fields, datetime.date.today(), name, [])
        + link_problems(path, content_path, name)
    )


def check_paths(paths: list[Path]) -> list[Problem]:
    problems: list[Problem] = []
    known_by_content: dict[Path, tuple[Known | None, list[Problem]]] = {}
    slugs_by_content: dict[Path, dict[str, set[str]]] = {}
    for path in paths:
        name = shown(path)
        if not path.is_file():
            problems.append(Problem(name, 0, "does not exist", "check the file name"))
            continue
        try:
            if path.suffix == ".toml":
                problems += data_file_problems(path, name, datetime.date.today())
                continue
            folder, content_path = content_folder(path)
            if path.suffix != ".md" or folder not in CONTENT_TYPES:
                problems.append(
                    Problem(
                        name,
                        0,
                        "is not a content file",
                        "content files are .md files in "
                        + ", ".join(f"content/{kind}/" for kind in CONTENT_TYPES),
                    )
                )
                continue
            if content_path not in known_by_content:
                known_by_content[content_path] = load_known_or_problems(content_path)
                slugs_by_content[content_path] = content_slugs(content_path)
            known, data_problems = known_by_content[content_path]
            if data_problems:
                problems += data_problems
                continue
            unreadable = text_problem(path, name)
            if unreadable:
                problems.append(unreadable)
                continue
            problems += check_file(path, folder, known, slugs_by_content[content_path], name)
            problems += page_problems(path, content_path, name)
        except UnicodeDecodeError:
            problems.append(
                Problem(name, 0, "is not UTF-8 text", "save it as UTF-8 in your editor")
            )
    return sorted(set(problems))


def command_check(args) -> int:
    paths = [Path(p) for p in args.files]
    problems = check_paths(paths)
    if problems:
        return print_problems(problems)
    print(f"Checked {len(paths)} file(s): no problems.")
    return 0


def print_problems(problems: list[Problem]) -> int:
    print(f"{len(problems)} problem(s):", file=sys.stderr)
    print("\n".join(f"  {problem}" for problem in problems), file=sys.stderr)
    return 1


# --- review-report -----------------------------------------------------------------------


def command_review_report(args) -> int:
    content_path = Path(args.content)
    dated, undated = review_dates(content_path)
    print(report(due_by(dated, args.today, args.days), undated, args.today, args.days, shown))
    known, problems = load_known_or_problems(content_path)
    print()
    if problems:
        print("The sources could not be read:")
        print("\n".join(f"  {problem}" for problem in problems))
        return 0
    path = content_path / "data" / "sources.toml"
    stale = stale_sources(known.sources, path.read_text(encoding="utf-8"), args.today)
    print(stale_report(stale, args.today, shown(path)))
    return 0


# --- readability -------------------------------------------------------------------------


def command_readability(args) -> int:
    from .readability import guidance_scores, score_table  # loads textstat only when asked

    site = Path(args.site)
    if not (site / "guidance").is_dir():
        print(f"No built guidance pages in {shown(site)}: run 'make html' first.", file=sys.stderr)
        return 1
    scores = guidance_scores(site)
    print(
        "Flesch reading ease of each guidance page (higher is easier; aim for 60 or more, "
        f"the tests require {args.minimum:g}):\n"
    )
    print(score_table(scores, args.minimum))
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="hub_checks.cli", description="The editors' tools (docs/editing.md)."
    )
    main.add_argument(
        "--content",
        default=str(ROOT / "content"),
        help="the content folder (default: the repository's content/)",
    )
    commands = main.add_subparsers(dest="command", required=True)

    new = commands.add_parser("new", help="start a new page from a template")
    new.add_argument("type", metavar="TYPE", help="guidance, case-study, adjustment or page")
    new.add_argument("slug", metavar="SLUG", help="the file name without .md, e.g. sick-pay")
    new.add_argument("--today", type=day, default=datetime.date.today(), help="YYYY-MM-DD")
    new.set_defaults(run=command_new)

    check = commands.add_parser("check", help="check the front matter of these files")
    check.add_argument("files", metavar="FILE", nargs="+")
    check.set_defaults(run=command_check)

    review = commands.add_parser("review-report", help="pages due for review")
    review.add_argument("--today", type=day, default=datetime.date.today(), help="YYYY-MM-DD")
    review.add_argument("--days", type=int, default=30, help="look this many days ahead")
    review.set_defaults(run=command_review_report)

    readability = commands.add_parser("readability", help="reading ease of guidance pages")
    readability.add_argument(
        "--site", default=str(ROOT / "output"), help="the built site (default: output/)"
    )
    readability.add_argument("--minimum", type=float, default=MINIMUM_READING_EASE)
    readability.set_defaults(run=command_readability)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
