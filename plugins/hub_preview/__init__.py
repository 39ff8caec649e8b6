"""The editors' preview (`make serve`): rebuild on every save, serve the last good build.

Not a Pelican plugin: a small program that runs Pelican in a child process, so a broken build
can never take the server down. Builds go to their own folder (`.build/preview`), so `output/`
keeps the last good site that `make html` made.

- `watch.py` notices saved, added and removed files by polling their modification times.
- `builder.py` rebuilds after each change; a change made during a build queues one more build.
- `server.py` serves the preview with the hub's 404 page and a quiet request log.
- `__main__.py` ties them together and stops cleanly on Ctrl+C and SIGTERM.
"""
