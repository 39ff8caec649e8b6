"""Link check: a broken internal link, anchor, image, stylesheet, script or feed fails the build.

Every file in the output is read once: each page as Pelican writes it (its `content_written`
signal hands it to worker processes, so reading overlaps writing on a second core), and the
rest (feeds, data, stylesheets, and any page changed since it was read) once the whole site is
written (Pelican's `finalized` signal, so after every other plugin has written its files);
links are then resolved over the whole site. Each file's findings are cached between builds by
the hash of its bytes (`LINKCHECK_CACHE_DIR`), so a rebuild parses only changed files:

- HTML pages (Beautiful Soup over lxml, building only the tags that matter): `a`/`area` href,
  `link` href (stylesheets, icons, feeds), `script` src, `img`/`source` src and srcset,
  `video`/`audio`/`track`/`embed`/`iframe` src, `object` data, `form` action, SVG `use` href,
  `meta http-equiv=refresh`; and every `id` (and `a name`), which a `#fragment` must name.
- CSS: `url(...)` and `@import`, relative to the stylesheet.
- XML (feeds, sitemap): Atom `<link href>`, RSS `<link>` text, sitemap `<loc>`.
- JSON data (the search index, the finder data, any other `*.json`): **the rule** is that a
  string, or a list of strings, is a link when its key is one of `LINKCHECK_JSON_KEYS` (default
  `url`, `href`) or its plural in any case, or ends with one after `_` or as a camelCase word:
  `"url": "/guidance/x/#section"`, `"URL"`, `"urls": [...]`, `"page_url"`, `"sectionHref"`.
  A relative value there is relative to the site root (the data is read by scripts on many
  pages, so only the root is a stable base). A JSON file that does not parse is an error.
  Data packed too tightly for the rule is read by the reader its stage adds to the kernel's
  `data_readers` (hub_search adds one for its records, `search/index/r-*/*.json`).

A reference is internal when it is relative, root-relative or starts with `SITEURL`; it must
name a file in the output (`/x/` means `/x/index.html`), and its `#fragment` an id on that page
(`#` and `#top` always work). `mailto:`, `tel:`, `data:` and `javascript:` are skipped;
`file:` links and links outside the site's folder are broken. Every other absolute URL is
external: it is never fetched during the build, only listed with the pages that use it.

Each broken reference is reported once per page with the page, the Markdown file that made it
(with the line that links to the target, where one does: the content checks found it when
they read the Markdown) and the bad target; a target broken on
more than `LINKCHECK_PAGES_SHOWN` pages (a theme template) is one line with the count.

Settings (defaults in brackets):

- `LINKCHECK_STRICT` (True): any broken reference stops the build (exit status 1, through
  hub_kernel's `stop_build`). Under `HUB_PREVIEW` (`make serve`) `stop_build` only reports
  and the preview waits for the next change. False: reported only, in any build.
- `LINKCHECK_JSON_KEYS` (("url", "href")): the key names that mark links in JSON data.
- `LINKCHECK_WORKERS` (0 = one per core): processes that parse pages at the end; 1 parses
  in-process. While pages are written, one fewer reads them (the build's own process is busy
  writing). Sites under 300 pages are always parsed in-process, at the end.
- `LINKCHECK_PAGES_SHOWN` (5): pages named for one target before the rest are counted.
- `LINKCHECK_REPORT_DIR` ("" = `.build/linkcheck/` beside the content folder): where
  `external-links.json` is written: each external URL with the pages that use it, `historic`
  when it is used only on pages whose front matter says `Historic: true` (closed schemes), and
  `links_to_historic_pages` (current pages that link to a Historic page).
- `LINKCHECK_CACHE_DIR` ("" = `.build/linkcheck/cache/` beside the content folder): where
  each output file's ids and references are kept between builds, keyed by the sha1 of its
  bytes and of how it is read (cache.py); a rebuild parses only the files that changed, then
  resolves every link over the whole site as an uncached build does.
- `LINKCHECK_EXTERNAL_CACHE_HOURS` (24): how long `make linkcheck-external` trusts a result
  (see `external.py`, which checks the report's links with the `linkchecker` tool).

"""


def register():
    # Imported here so the core (check.py, external.py) can be used without loading Pelican.
    from .plugin import register as connect_signals

    connect_signals()
