"""Compiled templates kept between builds.

Pelican compiles every template anew in each build and in each generator (35 compilations,
about 0.3 s). Jinja's bytecode cache keeps the compiled code in `.build/jinja/<key>/` beside
the content folder and checks it against each template's source, so only an edited template is
compiled again. The key covers what else changes the compiled code: the JINJA_ENVIRONMENT
options (trim_blocks, autoescape, ...) and the names of the filters and tests.
"""

import hashlib
from pathlib import Path

from hub_kernel.settings import kept_folder
from jinja2 import FileSystemBytecodeCache


def cache_folder(settings) -> Path:
    options = repr(
        (
            sorted((k, repr(v)) for k, v in settings.get("JINJA_ENVIRONMENT", {}).items()),
            sorted(settings.get("JINJA_FILTERS", {})),
            sorted(settings.get("JINJA_TESTS", {})),
        )
    )
    key = hashlib.sha256(options.encode()).hexdigest()[:24]
    return kept_folder(settings["PATH"], "jinja") / key


def keep_compiled_templates(generator) -> None:
    """Give the generator's Jinja environment the build's bytecode cache (each generator has
    an environment of its own; they share the cache)."""
    folder = cache_folder(generator.settings)
    folder.mkdir(parents=True, exist_ok=True)
    generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder))
