"""`python -m hub_preview`: build, serve and rebuild on save until Ctrl+C or SIGTERM."""

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from .builder import PreviewBuilder
from .forked import keep_from_builds, stop_running
from .server import make_server
from .watch import changed, snapshot

ROOT = Path(__file__).resolve().parents[2]


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="make serve", description=__doc__)
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--site", type=Path, default=ROOT / ".build" / "preview")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    return parser.parse_args(argv)


def watched(args) -> list[Path]:
    return [args.content, ROOT / "theme", ROOT / "plugins", args.settings]


def main(argv=None) -> int:
    args = parse_args(argv)
    args.site.parent.mkdir(parents=True, exist_ok=True)
    builder = PreviewBuilder(ROOT, args.content, args.site, args.settings)
    stop = threading.Event()
    try:
        httpd = make_server(args.site, args.host, args.port, args.verbose)
    except OSError as error:
        print(
            f"Cannot serve on {args.host}:{args.port} ({error.strerror}): stop the other "
            f"server, or choose another port: make serve PORT=8001",
            file=sys.stderr,
        )
        return 1

    def shut_down(signum, frame):
        stop.set()
        stop_running()
        threading.Thread(target=httpd.shutdown, daemon=True).start()

    keep_from_builds(httpd.socket)
    signal.signal(signal.SIGTERM, shut_down)
    signal.signal(signal.SIGINT, shut_down)

    before = snapshot(watched(args))
    builder.build_once()
    threading.Thread(target=builder.run_forever, args=(stop,), daemon=True).start()
    threading.Thread(target=watch_loop, args=(args, builder, before, stop), daemon=True).start()
    host, port = httpd.server_address[:2]
    print(
        f"Previewing the hub at http://{host}:{port}/ (it rebuilds when you save; "
        "problems show on the pages; Ctrl+C stops).",
        flush=True,
    )
    httpd.serve_forever(poll_interval=0.2)
    httpd.server_close()
    print("Preview stopped.", flush=True)
    return 0


POLL_SECONDS = 0.1  # a look at every watched file costs about a millisecond


def watch_loop(args, builder: PreviewBuilder, before, stop: threading.Event) -> None:
    while not stop.wait(POLL_SECONDS):
        after = snapshot(watched(args))
        if changed(before, after):
            builder.request()
        before = after


if __name__ == "__main__":
    sys.exit(main())
