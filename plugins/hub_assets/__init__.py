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

from pelican import signals

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "theme" / "build-js.mjs"
ESBUILD = ROOT / "node_modules" / "esbuild" / "package.json"


def stop(settings, message: str) -> None:
    """Exit 1 with `message`; the preview (HUB_PREVIEW) reports it and keeps running."""
    print(message, file=sys.stderr)
    if not settings.get("HUB_PREVIEW"):
        raise SystemExit(1)


def bundle(generators) -> None:
    settings = generators[0].settings
    target = Path(settings["OUTPUT_PATH"]) / settings.get("THEME_STATIC_DIR", "theme") / "js"
    if not ESBUILD.exists():
        stop(
            settings,
            "The build stopped: esbuild is missing, so the site's JavaScript cannot "
            "be bundled. Run 'make deps' (or 'npm ci --ignore-scripts').",
        )
        return
    node = settings.get("HUB_ASSETS_NODE", "node")
    try:
        result = subprocess.run(
            [node, str(SCRIPT), str(target)], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
    except OSError as error:
        stop(
            settings,
            f"The build stopped: could not run {node} to bundle the JavaScript "
            f"({error}). Install Node.js 20 or later.",
        )
        return
    if result.returncode != 0:
        stop(
            settings,
            "The build stopped: the JavaScript under theme/src/js did not bundle. "
            "esbuild says:\n" + (result.stderr or result.stdout).strip(),
        )


def register() -> None:
    signals.all_generators_finalized.connect(bundle)
