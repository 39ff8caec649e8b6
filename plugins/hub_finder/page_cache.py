"""The finder's rendered pages, kept between builds in `.build/finder/`.

The finder's few hundred pages (a page per difficulty, per difficulty and setting, and the
plans) are most of a second to rank and render, and depend only on the catalogue, the
taxonomy, the templates, the settings and the hub's own code: never on a guidance page's text.
A build whose inputs are those of the last one copies the pages that build rendered.

What the pages depend on is hashed into one key (`inputs_key`); anything that cannot be named
plainly there (a setting holding an object) goes in by its type and name, so a change to it
is not missed by accident: the whole plugins/ and templates/ folders are in the key too.
"""

import dataclasses
import datetime
import hashlib
import json
import marshal
from pathlib import Path

import jinja2
import pelican
from hub_kernel.kept import copy_files, hash_files, keep_entry, plain_relative

PLUGINS = Path(__file__).resolve().parent.parent  # the hub's own code, every stage
# Settings that differ between builds of the same site without changing a finder page.
NOT_IN_KEY = {"OUTPUT_PATH", "HUB_CHECKS_EXCLUDES"}
LIST_NAME = "files.json"  # in each kept build: the pages, relative to the output folder


def inputs_key(finder, context: dict, settings: dict) -> str:
    """One hash of everything the finder's pages are made from."""
    digest = hashlib.sha256()
    hash_files(digest, Path(settings["THEME"]) / "templates")
    hash_files(digest, PLUGINS, "*.py")
    fields = {
        name: getattr(finder, field.name)
        for field in dataclasses.fields(finder)
        if (name := field.name) not in ("articles", "once")
    }
    urgent = context.get("urgent_help_page")
    plain = {
        "versions": [pelican.__version__, jinja2.__version__],
        "settings": {k: v for k, v in settings.items() if k not in NOT_IN_KEY},
        "finder": fields,
        "taxonomy": context.get("taxonomy"),
        "urgent_help_page": [urgent.url, urgent.title] if urgent else None,
    }
    digest.update(json.dumps(plain, sort_keys=True, default=_plain).encode())
    return digest.hexdigest()


def _plain(value):
    """A JSON-able stand-in for a value json cannot write, the same in every build."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, set | frozenset):
        return sorted(map(str, value))
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    code = getattr(value, "__code__", None)  # a function in the settings (a Jinja filter)
    body = hashlib.sha1(marshal.dumps(code)).hexdigest() if code else ""
    return f"<{getattr(value, '__module__', '')}.{name} {body}>"


class KeptPages:
    """The last build's finder pages, under `folder/<key>/`."""

    def __init__(self, folder: Path, key: str):
        self.folder, self.key = Path(folder), key
        self.kept = self.folder / key

    def names(self) -> list[str] | None:
        """The pages kept for this key (relative to the output folder), or None."""
        try:
            names = json.loads((self.kept / LIST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(names, list) or not all(map(plain_relative, names)):
            return None
        return names

    def copy_to(self, output: Path, names: list[str]) -> list[Path] | None:
        """The kept pages copied into `output`, or None if one cannot be (then render)."""
        try:
            copy_files(names, self.kept, output)
        except OSError:
            return None
        return [Path(output) / name for name in names]

    def keep(self, output: Path, names: list[str]) -> None:
        """Keep this build's pages for the next one (with one earlier build's)."""

        def fill(folder: Path) -> None:
            copy_files(names, output, folder)
            (folder / LIST_NAME).write_text(json.dumps(names), encoding="utf-8")

        keep_entry(self.folder, self.key, fill)
