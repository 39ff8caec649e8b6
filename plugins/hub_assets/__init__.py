"""Bundle the theme's JavaScript into the build, and keep what is costly to make again (the
bundles, and the compiled templates: see templates.py) in `.build/` between builds.

The browser scripts are ES modules under theme/src/js; theme/build-js.mjs (esbuild) bundles
them into theme/js/hub.js, search.js and finder.js in the output folder, so `make html`,
`make serve` and the tests' builds all serve the current sources. Nothing generated is kept in
the repository.

esbuild takes about 0.2 s, so its bundles are kept in `.build/assets/<key>/` beside the content
folder, the key a hash of everything they are made from (the modules, the build script,
esbuild's version, the node program): a build whose sources are unchanged copies them.

Settings (with defaults):
- HUB_ASSETS_NODE = "node", the program that runs the build script.
"""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from hub_kernel.kept import keep_entry
from hub_kernel.problems import stop_build
from hub_kernel.settings import declare, kept_folder, setting
from pelican import signals

from .templates import keep_compiled_templates

DEFAULTS = declare({"HUB_ASSETS_NODE": "node"})
ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "theme" / "build-js.mjs"
SOURCES = ROOT / "theme" / "src" / "js"
ESBUILD = ROOT / "node_modules" / "esbuild" / "package.json"


def stop(settings, why: str) -> None:
    print(why, file=sys.stderr)
    stop_build(settings, "The build stopped: the site's JavaScript could not be bundled.")


class NotBundled(Exception):
    """esbuild failed (the build is stopped, with its message)."""


def bundle(generators) -> None:
    settings = generators[0].settings
    target = Path(settings["OUTPUT_PATH"]) / settings.get("THEME_STATIC_DIR", "theme") / "js"
    if not ESBUILD.exists():
        stop(settings, "esbuild is missing. Run 'make deps' (or 'npm ci --ignore-scripts').")
        return
    node = setting(settings, "HUB_ASSETS_NODE")
    kept = kept_folder(settings["PATH"], "assets") / inputs_key(node)

    def run_into(folder: Path) -> None:
        if not run_esbuild(settings, node, folder):
            raise NotBundled

    try:
        if not kept.is_dir() and not keep_entry(kept.parent, kept.name, run_into, newest=1):
            run_into(target)  # the bundles could not be kept: this build has its own
            return
    except NotBundled:
        return
    shutil.copytree(kept, target, dirs_exist_ok=True)


def inputs_key(node: str) -> str:
    """A hash of what the bundles are made from; any edit to a module gives a new key."""
    digest = hashlib.sha256(node.encode())
    for path in [SCRIPT, ESBUILD, *sorted(SOURCES.rglob("*"))]:
        if path.is_file():
            content = path.read_bytes()
            name = str(path).encode()
            digest.update(b"%d %d " % (len(name), len(content)) + name + content)
    return digest.hexdigest()[:24]


def run_esbuild(settings, node: str, folder: Path) -> bool:
    try:
        result = subprocess.run(
            [node, str(SCRIPT), str(folder)],
            check=False,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except OSError as error:
        stop(settings, f"Could not run {node} ({error}). Install Node.js 20 or later.")
        return False
    if result.returncode != 0:
        stop(
            settings,
            "The JavaScript under theme/src/js did not bundle. esbuild says:\n"
            + (result.stderr or result.stdout).strip(),
        )
        return False
    return True


def register() -> None:
    signals.all_generators_finalized.connect(bundle)
    signals.generator_init.connect(keep_compiled_templates)
