"""The Nu HTML Checker (vnu-jar from npm) finds no error anywhere in the built site."""

import shutil
import subprocess

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow  # runs the Nu HTML Checker (Java)

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_whole_site_is_valid_html(site):
    java = shutil.which("java")
    assert java, "the HTML checker needs Java (Debian: default-jre-headless)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "gnu", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-5000:]
