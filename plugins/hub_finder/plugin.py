"""Pelican wiring: build the catalogue once the content checks have passed, check it, write
the finder's pages."""

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from hub_kernel.front_matter import split_list
from hub_kernel.pelican_items import articles_generator, shown_as
from hub_kernel.pipeline import content_checked
from hub_kernel.problems import report_and_stop
from hub_kernel.register import load_known, situations_of
from hub_kernel.settings import declare, kept_folder, setting
from pelican import signals
from pelican.generators import Generator

from .catalogue import Adjustment, adjustment_from_metadata
from .checks import check_finder
from .data import finder_data
from .filters import FILTERS, FilterView, filter_views
from .opendata import LICENCE, SCHEMA_FILE, records, to_csv
from .page_cache import KeptPages, inputs_key
from .pages import finder_pages, finder_url
from .ranking import FIT_LABELS, RELEVANCE_WORDS, best_settings
from .related import Page, case_studies_for, guidance_for, linked_adjustments
from .render_once import RenderOnce

log = logging.getLogger(__name__)

# Documented in the package docstring.
DEFAULTS = declare(
    {
        "FINDER_MIN_RESULTS": 3,
        "FINDER_REVIEW_WEEKS": 4,
        "FINDER_GUIDANCE_TOPICS": ["adjustments"],
        "FINDER_SIMILAR_CASE_STUDIES": 3,
        "FINDER_DATA_SAVE_AS": "finder/finder-data.json",
        "FINDER_FUNDING_GUIDANCE": "access-to-work",
        "FINDER_SHOW_FIRST": 8,
        "FINDER_OPEN_DATA_FOLDER": "data",
    }
)


@dataclass
class FinderSite:
    """What every finder template (and the adjustment template) sees as `finder`."""

    adjustments: list[Adjustment]
    taxonomy: dict[str, dict[str, str]]
    review_weeks: int
    data_url: str
    funding_url: str = ""  # the guidance page on Access to Work, when there is one
    show_first: int = 8  # results shown before "Show all"
    articles: dict = field(default_factory=dict)  # slug -> the adjustment's Pelican article
    once: RenderOnce = field(default_factory=RenderOnce)  # macros rendered once per build
    fit_labels = FIT_LABELS
    relevance_words = RELEVANCE_WORDS
    filters = FILTERS

    @staticmethod
    def url(difficulty=None, setting=None, plan=False, situation=None) -> str:
        return finder_url(difficulty, setting, plan, situation)

    def best_settings(self, adjustment: Adjustment) -> tuple[int, list[str]]:
        """For a ranking over every setting: the best Fit score and the settings that reach it."""
        return best_settings(adjustment, self.taxonomy)

    def filter_views(self, results) -> list[FilterView]:
        """What each combination of the "Show only" filters leaves of a ranked list."""
        return filter_views(results, self.show_first)

    def situations(self, difficulty: str) -> dict[str, str]:
        """What exactly can be hard under a difficulty: {situation key: label}."""
        return dict(self.taxonomy.get("situations", {}).get(difficulty, {}))

    def situation_label(self, situation: str) -> str:
        return situations_of(self.taxonomy).get(situation, ("", situation))[1]

    def situation_parent(self, situation: str) -> str:
        """The difficulty a situation comes under ('' if unknown)."""
        return situations_of(self.taxonomy).get(situation, ("", ""))[0]


def page_ref(article) -> Page:
    return Page(
        slug=article.slug,
        title=article.title,
        url=article.url,
        difficulties=tuple(split_list(getattr(article, "difficulties", ""))),
        adjustments=tuple(split_list(getattr(article, "adjustments", ""))),
        topic=getattr(article, "topic", ""),
        links_to=linked_adjustments(article._content),
    )


def collect(generators):
    """Once the content checks have passed: build the catalogue, check it, and give each
    adjustment page its links."""
    generator = articles_generator(generators)
    settings = generator.settings
    content_path = Path(settings["PATH"])
    known = load_known(content_path)
    root = content_path.parent
    by_kind: dict[str, list] = {}
    for article in generator.articles:
        by_kind.setdefault(getattr(article, "kind", ""), []).append(article)
    adjustments = []
    for article in by_kind.get("adjustments", []):
        adjustment = adjustment_from_metadata(
            article.slug,
            article.url,
            article.metadata,
            shown_as(Path(article.source_path), root),
            article.source_lines.fields,
        )
        adjustments.append(adjustment)
        article.finder_adjustment = adjustment
    case_studies = [page_ref(a) for a in by_kind.get("case-studies", [])]
    guidance = [page_ref(a) for a in by_kind.get("guidance", [])]
    for article in by_kind.get("adjustments", []):
        adjustment = article.finder_adjustment
        related = split_list(getattr(article, "related", ""))
        article.finder_case_studies, article.finder_similar_case_studies = case_studies_for(
            adjustment, case_studies, setting(settings, "FINDER_SIMILAR_CASE_STUDIES")
        )
        article.finder_guidance = guidance_for(
            adjustment, guidance, setting(settings, "FINDER_GUIDANCE_TOPICS"), related
        )
    funding = setting(settings, "FINDER_FUNDING_GUIDANCE")
    finder = generator.context["finder"] = FinderSite(
        funding_url=next((g.url for g in guidance if g.slug == funding), ""),
        adjustments=sorted(adjustments, key=lambda a: (a.title.lower(), a.slug)),
        taxonomy=known.taxonomy,
        review_weeks=setting(settings, "FINDER_REVIEW_WEEKS"),
        data_url=setting(settings, "FINDER_DATA_SAVE_AS"),
        show_first=setting(settings, "FINDER_SHOW_FIRST"),
        articles={a.slug: a for a in by_kind.get("adjustments", [])},
    )
    # Checked before anything is written, like the content.
    problems = check_finder(
        finder.adjustments, finder.taxonomy, setting(settings, "FINDER_MIN_RESULTS")
    )
    report_and_stop(settings, problems, "The adjustment finder")


class FinderGenerator(Generator):
    """Writes the finder's pages and data (checked in `collect`)."""

    def generate_output(self, writer):
        finder: FinderSite | None = self.context.get("finder")
        if finder is None:  # the content checks did not run, so there is no catalogue
            return
        output = Path(self.output_path)
        kept = KeptPages(
            kept_folder(self.settings["PATH"], "finder"),
            inputs_key(finder, self.context, self.settings),
        )
        names = kept.names()
        copied = kept.copy_to(output, names) if names is not None else None
        if copied is None:
            kept.keep(output, self.write_pages(finder, writer))
        else:  # the same inputs as a recent build: its pages, announced as Pelican would
            for path in copied:
                signals.content_written.send(str(path), context=self.context)
            log.info("Finder: %d pages unchanged since a recent build, copied", len(copied))
        write(
            output / finder.data_url,
            json.dumps(
                finder_data(finder.adjustments, finder.taxonomy),
                ensure_ascii=False,
                separators=(",", ":"),
            ),
        )
        self.write_open_data(finder, output / setting(self.settings, "FINDER_OPEN_DATA_FOLDER"))

    def write_pages(self, finder: FinderSite, writer) -> list[str]:
        pages = finder_pages(finder.adjustments, finder.taxonomy)
        for page in pages:
            writer.write_file(
                page.save_as,
                self.get_template(page.template),
                self.context,
                page_name=page.url + "index",
                finder_page_url=page.url,
                **page.values,
            )
        return [page.save_as for page in pages]

    def write_open_data(self, finder: FinderSite, folder: Path):
        # Citations come from hub_pages (article.citations), so the labels are the ones
        # readers see on each page.
        pages = {
            slug: {
                "citations": getattr(article, "citations", []),
                "reviewed": article.metadata.get("reviewed", ""),
                "review_due": article.metadata.get("review_due", ""),
            }
            for slug, article in finder.articles.items()
        }
        rows = records(finder.adjustments, pages, finder.taxonomy, self.settings.get("SITEURL", ""))
        write(
            folder / "adjustments.json",
            json.dumps({"licence": LICENCE, "adjustments": rows}, ensure_ascii=False, indent=1),
        )
        write(folder / "adjustments.csv", to_csv(rows))
        write(folder / "adjustments.schema.json", SCHEMA_FILE.read_text(encoding="utf-8"))


def write(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")


def add_generator(pelican):
    return FinderGenerator


def register():
    content_checked.connect(collect)
    signals.get_generators.connect(add_generator)
