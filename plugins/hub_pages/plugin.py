"""Pelican wiring: enrich each page for the templates and write the topic and glossary pages."""

from functools import lru_cache
from pathlib import Path

from hub_kernel.front_matter import split_list
from hub_kernel.pelican_items import articles_generator, rendered_items, shown_as
from hub_kernel.pipeline import content_checked
from hub_kernel.problems import Problem, report_and_stop
from hub_kernel.register import load_known
from hub_kernel.values import says_yes
from pelican import signals
from pelican.generators import Generator

from .boxes import wrap_boxes
from .contents import contents_list
from .glossary import link_first_uses, load_terms
from .placeholders import URGENT, fill_placeholders, unknown_urgent_keys
from .site_folder import inside_site_folder
from .sources import citations, source_label
from .topic_order import check_topic_order, in_reading_order

GLOSSARY_URL = "/glossary/"


@lru_cache(maxsize=4)
def glossary_for(content_path: str):
    return load_terms(Path(content_path))


def prepare_content(instance):
    """Fill settings into placeholders and link glossary terms, before the page is rendered."""
    html = getattr(instance, "_content", None)
    if not html:
        return
    settings = instance.settings
    html = wrap_boxes(fill_placeholders(html, settings))
    if getattr(instance, "slug", "") != "glossary":
        html = link_first_uses(
            html, glossary_for(settings["PATH"]), settings["SITEURL"] + GLOSSARY_URL
        )
    instance._content = inside_site_folder(html, settings["SITEURL"])
    summary = instance.metadata.get("summary")
    if summary:
        instance.metadata["summary"] = instance._summary = inside_site_folder(
            str(summary), settings["SITEURL"]
        )


TEMPLATE_BY_KIND = {
    "guidance": "guidance",
    "case-studies": "case-study",
    "adjustments": "adjustment",
}


def choose_template(generator, metadata):
    """Each content type has its own template, chosen by the folder it sits in."""
    if "template" not in metadata and metadata.get("kind") in TEMPLATE_BY_KIND:
        metadata["template"] = TEMPLATE_BY_KIND[metadata["kind"]]


def check_pages(generators) -> None:
    """Content errors only this stage can see: [topic_order] against the guidance pages, and
    `{urgent:KEY}` placeholders whose KEY is not in URGENT_HELP (fill_placeholders left them)."""
    settings = generators[0].settings
    content_path = Path(settings["PATH"])
    root = content_path.parent
    known = load_known(content_path)
    problems: list[Problem] = []
    guidance = {}
    for item in rendered_items(generators):
        path = Path(item.source_path)
        if getattr(item, "kind", "") == "guidance":
            topic_line = item.source_lines.fields.get("topic")
            guidance[item.slug] = (
                getattr(item, "topic", ""),
                shown_as(path, root),
                topic_line.line if topic_line else 0,
            )
        if URGENT.search(item._content or ""):
            keys = settings.get("URGENT_HELP", {})
            for line, key in unknown_urgent_keys(path.read_text(encoding="utf-8"), keys):
                problems.append(
                    Problem(
                        shown_as(path, root),
                        line,
                        f"uses '{{urgent:{key}}}', but '{key}' is not in "
                        f"URGENT_HELP (known: {', '.join(keys)})",
                        "use one of the known keys, e.g. {urgent:emergency}, or "
                        "add the service to URGENT_HELP in pelicanconf.py",
                    )
                )
    taxonomy_text = (content_path / "data" / "taxonomy.toml").read_text(encoding="utf-8")
    problems += check_topic_order(
        known.taxonomy.get("topic_order", {}), known.keys("topics"), guidance, taxonomy_text
    )
    report_and_stop(settings, problems, "The content")


def enrich_articles(generators):
    """Once the content checks have passed: what the templates show beside each article."""
    check_pages(generators)
    generator = articles_generator(generators)
    known = load_known(Path(generator.settings["PATH"]))
    by_slug = {a.slug: a for a in generator.articles}
    topics = {key: [] for key in known.keys("topics")}
    for article in generator.articles:
        article.contents_list = contents_list(article._content or "")
        article.is_historic = says_yes(getattr(article, "historic", ""))
        article.citations = citations(getattr(article, "sources", ""), known.sources)
        article.related_items = [
            by_slug[s] for s in split_list(getattr(article, "related", "")) if s in by_slug
        ]
        if article.kind == "guidance":
            # Under HUB_PREVIEW a page may still lack a known topic (the checks reported it).
            topic = getattr(article, "topic", "")
            article.topic_label = known.keys("topics").get(topic, "")
            topics.setdefault(topic, []).append(article)
    order = known.keys("topic_order")
    for key, pages in topics.items():
        topics[key] = in_reading_order(pages, order.get(key, []) if isinstance(order, dict) else [])
    generator.context["topics"] = topics
    generator.context["taxonomy"] = known.taxonomy
    guidance = [a for a in generator.articles if a.kind == "guidance"]
    generator.context["guidance"] = guidance
    # Every page's urgent-help links lead here when the page exists (base.html): found once per
    # build, rather than by a search of `guidance` on each page (which grows with the site).
    generator.context["urgent_help_page"] = next(
        (a for a in guidance if a.slug == "urgent-help"), None
    )
    generator.context["case_studies"] = [a for a in generator.articles if a.kind == "case-studies"]


class HubPagesGenerator(Generator):
    """Writes /topics/<key>/ for each topic and /glossary/."""

    def generate_output(self, writer):
        labels = self.context["taxonomy"]["topics"]
        for key, pages in self.context.get("topics", {}).items():
            if key not in labels:
                continue
            writer.write_file(
                f"topics/{key}/index.html",
                self.get_template("topic"),
                self.context,
                topic_key=key,
                topic_label=labels[key],
                topic_pages=pages,
                page_name=f"topics/{key}/index",
            )
        writer.write_file(
            "case-studies/index.html",
            self.get_template("case-studies"),
            self.context,
            page_name="case-studies/index",
        )
        terms = glossary_for(self.settings["PATH"])
        letters = sorted({t.term[0].upper() for t in terms})
        # Each term's source as a reader-facing label, never a register key.
        register = load_known(Path(self.settings["PATH"])).sources
        source_labels = {t.term: source_label(t.source, register) for t in terms}
        writer.write_file(
            "glossary/index.html",
            self.get_template("glossary"),
            self.context,
            terms=terms,
            letters=letters,
            source_labels=source_labels,
            page_name="glossary/index",
        )


def add_generator(pelican):
    return HubPagesGenerator


def register():
    signals.content_object_init.connect(prepare_content)
    signals.article_generator_context.connect(choose_template)
    content_checked.connect(enrich_articles)
    signals.get_generators.connect(add_generator)
