"""Pelican wiring: write output/_headers and output/nginx-headers.conf after every build."""

from pathlib import Path

from pelican import signals

from .files import HEADERS_FILE, NGINX_FILE, headers_file, nginx_snippet


def write_headers(pelican) -> None:
    headers = pelican.settings.get("HEADERS") or {}
    if not headers:
        return
    output = Path(pelican.output_path)
    (output / HEADERS_FILE).write_text(headers_file(headers), encoding="utf-8")
    (output / NGINX_FILE).write_text(nginx_snippet(headers), encoding="utf-8")


def register():
    signals.finalized.connect(write_headers)
