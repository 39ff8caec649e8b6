"""Check one file's front matter against the schema. Plain functions over plain data."""

import datetime
import difflib
import re
from pathlib import Path

from hub_kernel.front_matter import FIT_ITEM, SOURCE_REF, Field, read_front_matter, split_list
from hub_kernel.problems import Problem
from hub_kernel.register import Known
from hub_kernel.values import NO_WORDS, SLUG, YES_WORDS

from .new_page_text import placeholder_lines
from .schema import FIELDS_BY_TYPE, SOURCE_KINDS_BY_TYPE, Rule

# A relevance score on Difficulties and Situations: 3 head-on, 2 helps, 1 can help.
SCORED_ITEM = re.compile(r"^(?P<key>[\w-]+)\s+(?P<score>[1-3])$")


def parse_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def check_file(
    path: Path,
    content_type: str,
    known: Known,
    slugs: dict[str, set[str]],
    shown_as: str,
    fields: dict[str, Field] | None = None,
    text: str | None = None,
) -> list[Problem]:
    """Every problem in one file; `slugs` maps a content folder to the slugs it holds.
    `fields` and `text`: its front matter and its text, when the caller has read them."""
    rules = FIELDS_BY_TYPE[content_type]
    fields = read_front_matter(path) if fields is None else fields
    problems = []

    def problem(line: int, message: str, fix: str) -> None:
        problems.append(Problem(shown_as, line, message, fix))

    if not SLUG.match(path.stem):
        problem(
            0,
            f"file name '{path.name}' is not a slug",
            "rename it in lower case with words joined by '-', e.g. 'sick-pay.md'",
        )
    for name, rule in rules.items():
        if name not in fields:
            if rule.required:
                problem(
                    1,
                    f"missing front matter '{display(name)}'",
                    f"add a line '{display(name)}: {rule.example}' at the top",
                )
            continue
        field = fields[name]
        for found in check_value(field, rule, known, slugs, content_type):
            # A finding with a likely meaning says it: "write 'Topic: off-sick'".
            message, meant = found if isinstance(found, tuple) else (found, None)
            fix = (
                f"write '{display(name)}: {meant}'"
                if meant
                else f"write it like '{display(name)}: {rule.example}'"
            )
            problem(field.line, f"'{display(name)}: {field.value}' {message}", fix)
    for name, field in fields.items():
        if name not in rules and name not in PELICAN_FIELDS:
            problem(
                field.line,
                f"unknown front matter '{display(name)}'",
                "remove it or correct its spelling (fields are listed in docs/content-model.md)",
            )
    source = path.read_text(encoding="utf-8") if text is None else text
    for line, placeholder in placeholder_lines(source):
        problem(
            line,
            f"still has the text 'make new' wrote for you: '{placeholder[:60]}'",
            "replace it with the page's own words, or delete it",
        )
    reviewed = parse_date(fields["reviewed"].value) if "reviewed" in fields else None
    due = parse_date(fields["review_due"].value) if "review_due" in fields else None
    if reviewed and due and due <= reviewed:
        problem(
            fields["review_due"].line,
            "'Review_due' is not after 'Reviewed'",
            "set the next review date after the last review, usually a year later",
        )
    return problems


# Pelican acts on these (source_checks checks their values). Lang and Translation would make
# a page a hidden translation of another, so they are unknown fields here.
PELICAN_FIELDS = {"slug", "status", "tags", "template"}


def display(name: str) -> str:
    return name[:1].upper() + name[1:]


def check_value(
    field: Field, rule: Rule, known: Known, slugs: dict[str, set[str]], content_type: str
) -> list[str | tuple[str, str]]:
    value = field.value
    if not value:
        return ["is empty"]
    match rule.kind:
        case "text":
            return []
        case "date":
            return [] if parse_date(value) else ["is not a date (YYYY-MM-DD)"]
        case "year":
            return [] if re.fullmatch(r"(19|20)\d\d", value) else ["is not a year"]
        case "number":
            try:
                float(value)
                return []
            except ValueError:
                return ["is not a number"]
        case "bool":
            ok = value.lower() in YES_WORDS | NO_WORDS
            return [] if ok else ["is not yes/no or true/false"]
        case "key":
            return unknown_keys([value], rule.group, known)
        case "keys":
            return unknown_keys(split_list(value), rule.group, known)
        case "scores":
            return check_scores(value, rule.group, known)
        case "fit":
            return check_fit(value, known)
        case "slugs":
            folders = rule.group.split()
            missing = [
                s
                for s in split_list(value)
                if not any(s in slugs.get(folder, set()) for folder in folders)
            ]
            where = " or ".join(f"content/{f}/" for f in folders)
            return [f"names '{s}', which is not a file in {where}" for s in missing]
        case "sources":
            return check_sources(value, known, content_type)
    raise ValueError(f"unknown rule kind {rule.kind}")


def unknown_keys(values: list[str], group: str, known: Known) -> list:
    """A message for each unknown key; with the nearest known key when one is close, as
    (message, the whole value with that key in its place)."""
    allowed = list(known.keys(group))
    where = "a [situations.<difficulty>] table" if group == "situations" else f"[{group}]"
    found = []
    for value in values:
        if value in allowed:
            continue
        message = (
            f"uses '{value}', which is not a key in {where} of content/data/taxonomy.toml "
            f"(known: {', '.join(allowed)})"
        )
        nearest = nearest_key(value, allowed)
        if nearest:
            meant = ", ".join(nearest if v == value else v for v in values)
            found.append((f"{message}; did you mean '{nearest}'?", meant))
        else:
            found.append(message)
    return found


def nearest_key(value: str, allowed: list[str]) -> str | None:
    """The known key an editor most likely meant: 'off sick' -> 'off-sick'."""
    typed = "-".join(value.lower().replace("_", " ").split())
    close = difflib.get_close_matches(typed, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def check_scores(value: str, group: str, known: Known) -> list[str | tuple[str, str]]:
    """'concentration 3, anxiety 2': known keys, each once, each scored 1 to 3."""
    allowed = known.keys(group)
    seen, errors = set(), []
    for item in split_list(value):
        match = SCORED_ITEM.match(item)
        if not match:
            errors.append(
                f"has '{item}', which is not a key and a score: 3 helps head-on, "
                f"2 helps, 1 can help"
            )
        elif match["key"] not in allowed:
            for found in unknown_keys([match["key"]], group, known):
                if isinstance(found, tuple):  # the fix writes the whole line, scores kept
                    message, nearest = found
                    meant = ", ".join(
                        f"{nearest} {match['score']}" if part == item else part
                        for part in split_list(value)
                    )
                    found = (message, meant)
                errors.append(found)
        elif match["key"] in seen:
            errors.append(f"scores '{match['key']}' more than once")
        else:
            seen.add(match["key"])
    return errors


def check_fit(value: str, known: Known) -> list[str]:
    settings = known.keys("settings")
    seen, errors = set(), []
    for item in split_list(value):
        match = FIT_ITEM.match(item)
        if not match:
            errors.append(f"has '{item}', which is not 'setting score' with a score 0 to 3")
        elif match["setting"] not in settings:
            errors.append(f"has unknown setting '{match['setting']}'")
        else:
            seen.add(match["setting"])
    errors += [f"gives no score for setting '{s}'" for s in settings if s not in seen]
    return errors


def check_sources(value: str, known: Known, content_type: str) -> list[str]:
    errors = []
    for ref in split_list(value, ";"):
        match = SOURCE_REF.match(ref)
        source = known.sources.get(match["key"]) if match else None
        if not match:
            errors.append(f"has '{ref}', which is not 'KEY locator number' (e.g. 000 para 29)")
        elif source is None:
            errors.append(f"cites '{match['key']}', which is not in content/data/sources.toml")
        elif source["kind"] not in SOURCE_KINDS_BY_TYPE.get(content_type, {source["kind"]}):
            kinds = " or ".join(sorted(SOURCE_KINDS_BY_TYPE[content_type]))
            errors.append(
                f"cites '{match['key']}', a source of kind '{source['kind']}', but "
                f"this type may cite only sources of kind {kinds}"
            )
        elif match["locator"] and match["locator"] not in source.get("locators", []):
            errors.append(
                f"uses locator '{match['locator']}', which document {match['key']} "
                f"does not have (it has: {', '.join(source.get('locators', [])) or 'none'})"
            )
    return errors
