"""The build's order, and the data one stage hands to another, owned here so that stages never
import each other or depend on their order in PLUGINS.

    read (Pelican) -> check (hub_checks) -> enrich (hub_pages, hub_finder, hub_search)
                   -> write (generators) -> link check (hub_linkcheck)

- `content_checked` is sent by hub_checks once every page Pelican read has been checked (on
  `all_generators_finalized`), with the generators. A build with problems stops before it is
  sent; under HUB_PREVIEW the problems are reported and it is sent all the same, so the preview
  shows the site as it is. Stages that enrich pages or start work on the content connect to it.
- `data_readers`: output files whose links are packed too tightly for the link check's JSON key
  rule. The stage that writes them adds a reader (an output glob and a function from the parsed
  JSON to its URLs); hub_linkcheck reads them all.
"""

from collections.abc import Callable

from blinker import signal

content_checked = signal("hub_content_checked")

DataReader = Callable[[object], list[str]]
data_readers: dict[str, DataReader] = {}


def add_data_reader(pattern: str, reader: DataReader) -> None:
    data_readers[pattern] = reader
