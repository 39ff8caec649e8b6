"""The link check reads the search records, so a result can never lead to a missing section."""

import json
import shutil

import hub_search
import pytest
from hub_kernel.pipeline import data_readers
from hub_linkcheck.check import check_site
from hub_search.records import record_links

READERS = {"search/index/r-*/*.json": record_links}


def test_the_search_stage_tells_the_link_check_where_its_links_are():
    hub_search.register()
    assert data_readers == READERS


@pytest.mark.slow  # checks every link of the site
def test_search_records_link_to_real_sections(site):
    packs = sorted(site.glob("search/index/r-*/*.json"))
    assert packs, "the build wrote no search records"
    links = [link for pack in packs for link in record_links(json.loads(pack.read_text()))]
    assert any("#" in link for link in links)
    result = check_site(site, data_readers=READERS, workers=1)
    assert not [b for b in result.broken if b.page.startswith("search/")]


@pytest.mark.slow  # checks every link of the site
def test_a_search_record_pointing_at_a_missing_section_is_reported(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    pack_path = min(copy.glob("search/index/r-*/*.json"))
    pack = json.loads(pack_path.read_text())
    pack["r"][0][1] = "no-such-section"
    pack_path.write_text(json.dumps(pack))
    result = check_site(copy, data_readers=READERS, workers=1)
    broken = [b for b in result.broken if b.page == pack_path.relative_to(copy).as_posix()]
    assert [b.target for b in broken] == [f"{pack['u']}#no-such-section"]
