"""Report a TOML file that does not parse (content/data/*.toml) as a Problem with its line."""

import re
import tomllib
from pathlib import Path

from hub_kernel.problems import Problem

AT_LINE = re.compile(r"\(at line (?P<line>\d+), column \d+\)")


def toml_problem(error: tomllib.TOMLDecodeError, shown_as: str) -> Problem:
    message = str(error)
    match = AT_LINE.search(message)
    return Problem(
        shown_as,
        int(match["line"]) if match else 0,
        f"is not valid TOML: {AT_LINE.sub('', message).strip()}",
        "each entry is 'key = \"value\"' with the value in double quotes, "
        "under a '[section]' line; keys are unique within a section",
    )


def check_toml(path: Path, shown_as: str) -> list[Problem]:
    try:
        tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        return [toml_problem(error, shown_as)]
    return []
