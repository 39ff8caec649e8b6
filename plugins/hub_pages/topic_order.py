"""Each topic's pages in reading order, from `[topic_order]` in content/data/taxonomy.toml.

`check_topic_order` lists every problem (file, line, fix): a topic that is not in [topics], a
list that is not a list of slugs, a slug that is not a guidance page, a page listed twice or
under another topic, and a guidance page its topic does not list. `in_reading_order` then
sorts each topic's pages by that list.
"""

from hub_kernel.problems import Problem

TAXONOMY = "content/data/taxonomy.toml"  # as an editor knows it


def key_lines(taxonomy_text: str, section: str) -> dict[str, int]:
    """Line number of each `key = ...` inside [section] (tomllib keeps no line numbers)."""
    lines, inside = {}, False
    for number, line in enumerate(taxonomy_text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped == f"[{section}]"
        elif inside and "=" in stripped and not stripped.startswith("#"):
            lines[stripped.split("=", 1)[0].strip().strip('"')] = number
    return lines


def check_topic_order(
    order, topics: dict[str, str], pages: dict[str, tuple[str, str, int]], taxonomy_text: str
) -> list[Problem]:
    """`pages`: slug -> (its topic, its file as an editor knows it, the line of its Topic)."""
    lines = key_lines(taxonomy_text, "topic_order")
    section_line = next(
        (
            n
            for n, line in enumerate(taxonomy_text.splitlines(), 1)
            if line.strip() == "[topic_order]"
        ),
        0,
    )
    problems = []
    if not isinstance(order, dict):
        order = {}
    listed: dict[str, str] = {}
    for topic, slugs in order.items():
        line = lines.get(topic, section_line)
        if topic not in topics:
            problems.append(
                Problem(
                    TAXONOMY,
                    line,
                    f"[topic_order] has '{topic}', which is not a "
                    f"key in [topics] (known: {', '.join(topics)})",
                    "use a key from [topics], or add the topic there first",
                )
            )
            continue
        if not isinstance(slugs, list) or not all(isinstance(s, str) for s in slugs):
            problems.append(
                Problem(
                    TAXONOMY,
                    line,
                    f"[topic_order] {topic} is not a list of page names",
                    f'write {topic} = ["first-page", "next-page"]',
                )
            )
            continue
        for slug in slugs:
            if slug not in pages:
                problems.append(
                    Problem(
                        TAXONOMY,
                        line,
                        f"[topic_order] {topic} lists '{slug}', "
                        f"which is not a file in content/guidance/",
                        "correct the name (the file name without .md) or remove it",
                    )
                )
            elif slug in listed:
                problems.append(
                    Problem(
                        TAXONOMY,
                        line,
                        f"[topic_order] lists '{slug}' twice (under {listed[slug]} and {topic})",
                        "list each page once, under its own topic",
                    )
                )
            elif pages[slug][0] != topic:
                problems.append(
                    Problem(
                        TAXONOMY,
                        line,
                        f"[topic_order] {topic} lists '{slug}', whose Topic is '{pages[slug][0]}'",
                        f"move '{slug}' to {pages[slug][0]} = [...], or change the page's Topic",
                    )
                )
            if slug in pages:
                listed.setdefault(slug, topic)
    for slug, (topic, path, line) in sorted(pages.items()):
        if slug not in listed and topic in topics:
            problems.append(
                Problem(
                    path,
                    line,
                    f"this page (topic '{topic}') is not in [topic_order] of {TAXONOMY}",
                    f'add "{slug}" to {topic} = [...] under [topic_order], '
                    "where it falls in reading order",
                )
            )
    return problems


def in_reading_order(pages: list, slugs: list[str]) -> list:
    """`pages` sorted by their place in `slugs`; any not listed go last, by title."""
    place = {slug: index for index, slug in enumerate(slugs)}
    return sorted(pages, key=lambda p: (place.get(p.slug, len(place)), p.title.lower()))
