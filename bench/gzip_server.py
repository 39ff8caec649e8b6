"""A static server that sends what a production server would: pre-compressed `.gz` files where
they exist, other text compressed on the fly, so byte counts match a real deployment."""

import functools
import gzip
import http.server
import threading
from pathlib import Path

TEXT = {".html", ".css", ".js", ".json", ".svg", ".txt", ".xml"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not accepts:
            return super().send_head()
        packed = path.with_name(path.name + ".gz")
        if packed.is_file():
            body = packed.read_bytes()
        elif path.suffix in TEXT:
            body = gzip.compress(path.read_bytes(), 6)
        else:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self._body = body
        return None

    def do_GET(self):
        self._body = None
        result = self.send_head()
        if self._body is not None:
            self.wfile.write(self._body)
        elif result:
            try:
                self.copyfile(result, self.wfile)
            finally:
                result.close()


def serve(folder: Path):
    """Serve `folder` on a free 127.0.0.1 port; returns (server, base URL)."""
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
