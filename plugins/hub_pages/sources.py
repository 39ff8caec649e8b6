"""Turn a page's `Sources:` line into readable citations."""

from hub_kernel.front_matter import SOURCE_REF, split_list


def citations(sources_value: str, register: dict[str, dict]) -> list[dict]:
    """One entry per cited source, in first-cited order, with its locators gathered."""
    cited: dict[str, dict] = {}
    for ref in split_list(sources_value, ";"):
        match = SOURCE_REF.match(ref)
        if not match or match["key"] not in register:
            continue
        entry = cited.setdefault(
            match["key"], {"key": match["key"], **register[match["key"]], "places": []}
        )
        if match["locator"]:
            entry["places"].append(f"{match['locator']} {match['number']}")
    return list(cited.values())
