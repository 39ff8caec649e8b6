"""Screenshots of the home page, a guidance page and the finder at 375 px and 1280 px.

    make html && .venv/bin/python bench/screenshots.py [--site output] [--out bench/results/shots]

Serves the built site on a random 127.0.0.1 port, drives Debian's chromium as the tests do
(every request off the site is blocked), saves full-page PNGs and prints the header's height
on a 375 x 667 phone. Screenshots are for looking at, so they go outside the repository.
"""

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM_FLAGS, open_context, serving

PAGES = {"home": "/", "guidance": "/guidance/reasonable-adjustments/", "finder": "/finder/"}
WIDTHS = {375: 667, 1280: 900}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "output")
    parser.add_argument("--out", type=Path, default=Path("bench/results/shots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with serving(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS
        )
        for width, height in WIDTHS.items():
            context = open_context(browser, viewport={"width": width, "height": height})
            page = context.new_page()
            for name, url in PAGES.items():
                page.goto(base + url)
                path = args.out / f"{name}-{width}.png"
                page.screenshot(path=str(path), full_page=True)
                header = page.evaluate(
                    "document.querySelector('.site-header').getBoundingClientRect().height"
                )
                print(f"{path}  header {header:.0f}px at {width}x{height}")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
