"""Serve the preview folder: the hub's own 404 page, and no log line per request."""

import functools
import http.server
import sys
from pathlib import Path


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    verbose = False

    def send_error(self, code, message=None, explain=None):
        # A missing page gets the hub's 404 page, as the published site would.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        # The preview changes under the browser: never serve a stale copy.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):
        if self.verbose:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


def make_server(site: Path, host: str, port: int, verbose: bool) -> http.server.HTTPServer:
    handler = functools.partial(PreviewHandler, directory=str(site))
    PreviewHandler.verbose = verbose
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    return http.server.ThreadingHTTPServer((host, port), handler)
