"""Each stage's settings with their defaults.

A stage declares its DEFAULTS once (`declare(DEFAULTS)`, documented in its package docstring);
`setting(settings, NAME)` is then the value from pelicanconf.py or `-e`, or else the default.
Every name starts with its stage's prefix (SEARCH_, FINDER_, LINKCHECK_), so none can clash.
"""

from pathlib import Path

DEFAULTS: dict[str, object] = {}


def declare(defaults: dict[str, object]) -> dict[str, object]:
    for name, value in defaults.items():
        if DEFAULTS.get(name, value) != value:
            raise ValueError(f"setting {name} is declared twice with different defaults")
        DEFAULTS[name] = value
    return defaults


def setting(settings, name: str):
    return settings.get(name, DEFAULTS[name])


def kept_folder(content_path, name: str) -> Path:
    """`.build/<name>/` beside the content folder (the project's own `.build/`): where a stage
    keeps what lasts from one build to the next (the link check's cache, bundles, templates)."""
    return Path(content_path).resolve().parent / ".build" / name
