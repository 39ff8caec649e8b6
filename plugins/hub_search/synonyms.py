"""The editors' synonym list (content/data/synonyms.toml): words people type = words we use.

Each line is `"what people type" = "what our pages say"`, or a list on the right:
`"sick note" = ["fit note", "doctor's note"]`. Typing the phrase on the left also searches for
the words on the right. It works one way only, so a line never drags unrelated words into a
search for the words our pages already use; write a second line for the other way round.
"""

import re
import tomllib
from pathlib import Path

WORD = re.compile(r"[\w']+")


class SynonymError(ValueError):
    """A problem in the synonym file, with the file, the line and what to do."""


def normalise(phrase: str) -> str:
    """Lower case words with single spaces, as the browser splits what people type."""
    return " ".join(WORD.findall(phrase.lower()))


def load_synonyms(path: Path) -> list[list]:
    """[[typed phrase, [phrases to add, ...]], ...] with every phrase normalised."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SynonymError(
            f'{path}: {error}. Write each line as "phrase" = "other phrase" '
            f'or "phrase" = ["one", "another"].'
        ) from None
    pairs = []
    for key, value in data.items():
        values = value if isinstance(value, list) else [value]
        if not values or not all(isinstance(v, str) for v in values):
            line = line_of(text, key)
            raise SynonymError(
                f"{path}, line {line}: '{key}' must equal a phrase in quotes or a "
                f'list of phrases, e.g. "{key}" = ["one", "another"].'
            )
        typed, *ours = [normalise(p) for p in [key, *values]]
        if not typed or not all(ours):
            raise SynonymError(
                f"{path}, line {line_of(text, key)}: a phrase in the line for "
                f"'{key}' has no words; remove it or write words in it."
            )
        pairs.append([typed, list(dict.fromkeys(ours))])
    return pairs


def line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith((f'"{key}"', f"'{key}'", f"{key} ", f"{key}=")):
            return number
    return 0
