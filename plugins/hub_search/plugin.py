"""Pelican wiring: turn the rendered pages into search files and write the /search/ page."""

import json
import logging
import shutil
from pathlib import Path

from hub_kernel.front_matter import split_list
from hub_kernel.glossary import load_terms
from hub_kernel.pipeline import add_data_reader, content_checked
from hub_kernel.problems import stop_build
from hub_kernel.processes import can_fork, worker_pool
from hub_kernel.register import load_known
from hub_kernel.settings import kept_folder
from hub_kernel.values import says_yes
from pelican import signals
from pelican.generators import Generator

from .documents import Page
from .extra_pages import finder_pages, glossary_pages
from .index_types import Field, IndexOptions, ShardOptions
from .records import record_links
from .settings import DEFAULTS, setting
from .synonyms import SynonymError, load_synonyms

log = logging.getLogger(__name__)
LUNR_VERSION = "2.3.9"
INDEX_DIR = "search/index"  # search.js finds it beside the /search/ page


def boost_of(item) -> float:
    try:
        return float(getattr(item, "search_boost", 1) or 1)
    except ValueError:
        return 1  # the content checks report a bad number


def tags_of(item, taxonomy: dict) -> list[str]:
    """Labels of the item's taxonomy keys: what a reader would call the page's subjects (a
    case study's sector and employer size among them)."""
    labels = []
    for attribute, group in (
        ("topic", "topics"),
        ("audience", "audiences"),
        ("sector", "sectors"),
        ("employer_size", "employer_sizes"),
        ("difficulties", "difficulties"),
    ):
        for item_key in split_list(str(getattr(item, attribute, "") or "")):
            key = item_key.split()[0]  # adjustments score each: 'anxiety 3'
            labels.append(taxonomy.get(group, {}).get(key, key))
    return labels


# Fields of a page a reader can filter its type's results by: attribute, facet key, label,
# taxonomy group.
FACETS = {
    "case-studies": [
        ("sector", "sector", "Sector", "sectors"),
        ("employer_size", "size", "Employer size", "employer_sizes"),
    ]
}


def facets_of(item, kind: str, taxonomy: dict) -> list[list[str]]:
    facets = []
    for attribute, key, label, group in FACETS.get(kind, []):
        value = str(getattr(item, attribute, "") or "").strip()
        if value:
            facets.append([key, label, value, taxonomy.get(group, {}).get(value, value)])
    return facets


def page_of(item, kind: str, taxonomy: dict, kind_label: str = "") -> Page:
    summary = str(getattr(item, "summary", "") or "")
    outcome = getattr(item, "outcome", "")
    if outcome:
        summary = f"{summary} {outcome}"
    return Page(
        url=item.url,
        title=item.title,
        kind=kind,
        html=item._content or "",
        summary=summary,
        tags=([kind_label] if kind_label else []) + tags_of(item, taxonomy),
        boost=boost_of(item),
        facets=facets_of(item, kind, taxonomy),
    )


# Kinds whose name people type with their words ("case study care home"): it joins the tags.
NAMED_KINDS = {"case-studies", "adjustments"}


def searchable_pages(context: dict) -> list[Page]:
    taxonomy = load_known(Path(context["PATH"])).taxonomy
    labels = dict(setting(context, "SEARCH_TYPES"))
    articles = [
        a for a in context.get("articles", []) if not says_yes(getattr(a, "search_exclude", ""))
    ]
    pages = []
    for article in articles:
        kind = getattr(article, "kind", "guidance")
        pages.append(
            page_of(article, kind, taxonomy, labels.get(kind, "") if kind in NAMED_KINDS else "")
        )
    pages += [
        page_of(p, "pages", taxonomy)
        for p in context.get("pages", [])
        if not says_yes(getattr(p, "search_exclude", ""))
    ]
    pages += glossary_pages(load_terms(Path(context["PATH"])))
    adjustments = [a for a in articles if getattr(a, "kind", "") == "adjustments"]
    pages += finder_pages(taxonomy, adjustments)
    return pages


def index_options(settings) -> IndexOptions:
    synonyms_path = Path(settings["PATH"]) / setting(settings, "SEARCH_SYNONYMS")
    try:
        synonyms = load_synonyms(synonyms_path)
    except SynonymError as error:
        stop_build(settings, f"The build stopped: {error}")
        synonyms = {}  # the preview goes on without synonyms
    return IndexOptions(
        fields=[Field(name, boost) for name, boost in setting(settings, "SEARCH_FIELDS")],
        types=dict(setting(settings, "SEARCH_TYPES")),
        shard=ShardOptions(
            setting(settings, "SEARCH_FIRST_TIER"),
            setting(settings, "SEARCH_TIER_GROWTH"),
            setting(settings, "SEARCH_SHARD_BYTES"),
        ),
        synonyms=synonyms,
        gzip=setting(settings, "SEARCH_GZIP"),
        record_pack_bytes=setting(settings, "SEARCH_RECORD_PACK_BYTES"),
        skip_headings=tuple(setting(settings, "SEARCH_SKIP_HEADINGS")),
    )


def copy_lunr(settings, output: Path) -> None:
    source = Path(setting(settings, "SEARCH_LUNR_JS"))
    package = source.parent / "package.json"
    if not source.exists():
        stop_build(
            settings,
            f"The build stopped: lunr.js is missing ({source}). Run 'make deps' "
            "(or 'npm ci') to install the npm packages.",
        )
    version = json.loads(package.read_text(encoding="utf-8")).get("version")
    if version != LUNR_VERSION:
        stop_build(
            settings,
            f"The build stopped: lunr.js {version} is installed but the search "
            f"index is made for {LUNR_VERSION}. Run 'npm ci'.",
        )
    target = output / "theme" / "js" / "lunr.min.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def write_index(pages: list[Page], options: IndexOptions, folder: Path, kept: Path) -> dict:
    """The index of `pages` in `folder`: a kept one if its inputs are unchanged
    (kept_index.py), else made by site_index.write_site_index and kept in `kept`. Imported
    here: numpy and lunr load in the process that writes the index, not in every build's own
    (see index_types.py)."""
    from .kept_index import KeptIndex, index_key

    index = KeptIndex(kept, index_key(pages, options))
    stats = index.restore(folder)
    if stats is not None:
        return {**stats, "kept": True}
    from .site_index import write_site_index

    stats = write_site_index(pages, options, folder)
    index.keep(folder, stats)
    return stats


class IndexJob:
    """The index, built in a second process while Pelican writes the pages.

    Bare Pelican uses one core; on a machine with two, the index costs the build little time.
    It starts once the content checks have passed (the kernel's `content_checked`).
    """

    def __init__(self):
        self.pool = self.future = None
        self.pages: list[Page] = []
        self.arguments: tuple = ()

    def start(self, generators) -> None:
        generator = generators[0]
        settings, output = generator.settings, Path(generator.output_path)
        self.pages = searchable_pages(generator.context)
        kept = kept_folder(settings["PATH"], "search")
        arguments = (self.pages, index_options(settings), output / INDEX_DIR, kept)
        self.arguments, self.pool, self.future = arguments, None, None
        if settings.get("DELETE_OUTPUT_DIRECTORY") or not can_fork():
            return  # Pelican would empty the output under a running job: build in-process
        # The pages go to the forked worker as its start-up state: not pickled (tens of MB).
        self.pool = worker_pool(1, _set_job, (arguments,))
        self.future = self.pool.submit(_write_job)

    def result(self) -> dict:
        if self.future is None:
            return write_index(*self.arguments)
        try:
            return self.future.result()
        finally:
            self.pool.shutdown()


_job = IndexJob()
_job_arguments: tuple = ()  # in the worker: what IndexJob.start gave it


def _set_job(arguments: tuple) -> None:
    global _job_arguments
    _job_arguments = arguments


def _write_job() -> dict:
    return write_index(*_job_arguments)


class SearchGenerator(Generator):
    """Writes /search/ and the index files the page's JavaScript reads."""

    def generate_output(self, writer):
        writer.write_file(
            "search/index.html", self.get_template("search"), self.context, page_name="search/index"
        )
        output = Path(self.output_path)
        copy_lunr(self.settings, output)
        stats, pages = _job.result(), _job.pages
        kept = " (unchanged since a recent build: kept)" if stats.get("kept") else ""
        log.info(
            "Search: %(documents)d sections of %(pages)d pages, %(terms)d terms, %(files)d files%(kept)s",
            {**stats, "kept": kept},
        )
        stats_path = setting(self.settings, "SEARCH_STATS_PATH")
        if stats_path:
            # The benchmark reruns the index step alone on exactly these pages.
            Path(stats_path).write_text(json.dumps(stats, indent=1), encoding="utf-8")
            Path(stats_path + ".pages.json").write_text(
                json.dumps([vars(page) for page in pages]), encoding="utf-8"
            )


def add_generator(pelican):
    return SearchGenerator


def add_defaults(pelican):
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


def register():
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(add_generator)
    content_checked.connect(_job.start)
    # The records are packed too tightly for the link check's JSON key rule: say where their
    # links are.
    add_data_reader(f"{INDEX_DIR}/r-*/*.json", record_links)
