"""Turn a page's `Sources:` line into numbered citations with plain labels.

A reader sees "Work, Recovery and Inclusion, HM Government, 2009, paragraphs 29 and 93" or
"Statutory Sick Pay, GOV.UK, checked 1 December 2026", never a register key or a line number.
"""

import datetime

from hub_kernel.front_matter import SOURCE_REF, split_list

# How each locator reads in a label (one, several). Line numbers point into our own copy of a
# text, which readers do not have, so a `line` locator cites the document alone.
LOCATOR_WORDS = {
    "para": ("paragraph", "paragraphs"),
    "Box": ("Box", "Boxes"),
    "Rec": ("recommendation", "recommendations"),
    "fn": ("footnote", "footnotes"),
}


def citations(sources_value: str, register: dict[str, dict]) -> list[dict]:
    """One entry per cited source, in first-cited order, with its locators gathered and a
    plain `label` (and `details`, the label after the title, for templates that link it)."""
    cited: dict[str, dict] = {}
    for ref in split_list(sources_value, ";"):
        match = SOURCE_REF.match(ref)
        if not match or match["key"] not in register:
            continue
        entry = cited.setdefault(
            match["key"], {"key": match["key"], **register[match["key"]], "places": []}
        )
        place = f"{match['locator']} {match['number']}"
        if match["locator"] in LOCATOR_WORDS and place not in entry["places"]:
            entry["places"].append(place)
    for entry in cited.values():
        entry["name"] = entry.get("short_title") or entry["title"]
        entry["details"] = details(entry)
        entry["label"] = ", ".join(part for part in (entry["name"], entry["details"]) if part)
    return list(cited.values())


def source_label(ref: str, register: dict[str, dict]) -> str:
    """The plain label of one reference such as "000 para 29" (empty if it is not known)."""
    found = citations(ref, register)
    return found[0]["label"] if found else ""


def details(entry: dict) -> str:
    """Publisher, date (or the date an official page was checked) and places, comma-joined."""
    when = entry.get("date", "")
    if entry.get("checked"):
        when = "checked " + long_date(entry["checked"])
    parts = [entry.get("publisher") or entry.get("author", ""), when, places_text(entry["places"])]
    return ", ".join(part for part in parts if part)


def places_text(places: list[str]) -> str:
    """["para 29", "para 93", "Box 2"] -> "paragraphs 29 and 93, Box 2"."""
    numbers_by_locator: dict[str, list[str]] = {}
    for place in places:
        locator, number = place.split()
        numbers_by_locator.setdefault(locator, []).append(number)
    parts = []
    for locator, numbers in numbers_by_locator.items():
        one, several = LOCATOR_WORDS[locator]
        numbers = sorted(set(numbers), key=int)
        parts.append(f"{one if len(numbers) == 1 else several} {joined(runs(numbers))}")
    return ", ".join(parts)


def runs(numbers: list[str]) -> list[str]:
    """Three or more consecutive numbers read as a range: 113, 114, 115 -> "113 to 115"."""
    groups: list[list[int]] = []
    for number in map(int, numbers):
        if groups and number == groups[-1][-1] + 1:
            groups[-1].append(number)
        else:
            groups.append([number])
    return [f"{g[0]} to {g[-1]}" if len(g) >= 3 else ", ".join(map(str, g)) for g in groups]


def joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def long_date(iso_date: str) -> str:
    """2026-12-01 -> 1 December 2026 (a date that does not parse is shown as written)."""
    try:
        day = datetime.date.fromisoformat(iso_date)
    except ValueError:
        return iso_date
    return f"{day.day} {day:%B %Y}"
