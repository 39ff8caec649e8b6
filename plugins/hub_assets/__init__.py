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
import tempfile
from pathlib import Path

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


def bundle(generators) -> None:
    settings = generators[0].settings
    target = Path(settings["OUTPUT_PATH"]) / settings.get("THEME_STATIC_DIR", "theme") / "js"
    if not ESBUILD.exists():
        stop(settings, "esbuild is missing. Run 'make deps' (or 'npm ci --ignore-scripts').")
        return
    node = setting(settings, "HUB_ASSETS_NODE")
    kept = kept_folder(settings["PATH"], "assets") / inputs_key(node)
    if not kept.is_dir() and not keep_new_bundles(settings, node, kept):
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


def keep_new_bundles(settings, node: str, kept: Path) -> bool:
    """Run esbuild into a folder of its own, then keep it as `kept` (in place of the bundles
    of older sources). False if esbuild failed (the build is stopped)."""
    kept.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(dir=kept.parent, prefix="new-"))
    if not run_esbuild(settings, node, fresh):
        shutil.rmtree(fresh, ignore_errors=True)
        return False
    for old in kept.parent.iterdir():
        if old not in (fresh, kept) and not old.name.startswith("new-"):
            shutil.rmtree(old, ignore_errors=True)
    try:
        fresh.rename(kept)
    except OSError:  # a build running beside this one kept the same bundles first
        shutil.rmtree(fresh, ignore_errors=True)
    return True


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
