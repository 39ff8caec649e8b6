"""The hub's shared kernel: what every build stage (hub_checks, hub_pages, hub_finder,
hub_search, hub_linkcheck) needs, so that stages import this package and never each other.

- front_matter: a Markdown file's `Key: value` lines with their line numbers, split_list, and
  the Sources and Fit item patterns.
- source_lines: a Markdown file read once for its fields' and link targets' lines, carried
  with its page (`item.source_lines`).
- register: content/data/taxonomy.toml and sources.toml, read once per build.
- problems: the Problem type, and "report the problems, then stop" (HUB_PREVIEW only reports).
- values: the one yes/no parser, the slug pattern and plain_text.
- settings: each stage's settings with their documented defaults.
- pipeline: the `content_checked` signal and the link check's `data_readers`: what one stage
  hands to another.
- pelican_items: the pages Pelican has read, and their paths as an editor knows them.
- glossary: the glossary's terms and their anchors (content/data/glossary.toml).

It is not a Pelican plugin: it connects to no Pelican signal.
"""
