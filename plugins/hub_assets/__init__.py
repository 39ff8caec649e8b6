"""Bundle the theme's JavaScript into the build.

The browser scripts are ES modules under theme/src/js; theme/build-js.mjs (esbuild) bundles
them into theme/js/hub.js, search.js and finder.js in the output folder, once per build, so
`make html`, `make serve` and the tests' builds all serve the current sources. Nothing
generated is kept in the repository.

Settings (with defaults):
- HUB_ASSETS_NODE = "node", the program that runs the build script.
"""

import subprocess
import sys
from pathlib import Path

from hub_kernel.problems import stop_build
from hub_kernel.settings import declare, setting
from pelican import signals

DEFAULTS = declare({"HUB_ASSETS_NODE": "node"})
ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "theme" / "build-js.mjs"
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
    try:
        result = subprocess.run(
            [node, str(SCRIPT), str(target)],
            check=False,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except OSError as error:
        stop(settings, f"Could not run {node} ({error}). Install Node.js 20 or later.")
        return
    if result.returncode != 0:
        stop(
            settings,
            "The JavaScript under theme/src/js did not bundle. esbuild says:\n"
            + (result.stderr or result.stdout).strip(),
        )


def register() -> None:
    signals.all_generators_finalized.connect(bundle)
