"""Production settings (`make publish`): absolute URLs, feeds and a sitemap."""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from pelicanconf import *

# The public address comes from the environment, e.g. SITEURL=https://hub.example.org make publish
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL:
    raise SystemExit(
        "Set SITEURL to the site's public address, e.g. "
        "SITEURL=https://hub.example.org make publish"
    )
RELATIVE_URLS = False

# "Suggest a change" and "Report a problem" link to the repository: set HUB_REPOSITORY_URL,
# or let GitHub Actions' own variables name the repository being published.
if os.environ.get("HUB_REPOSITORY_URL"):
    HUB_REPOSITORY_URL = os.environ["HUB_REPOSITORY_URL"].rstrip("/")
elif os.environ.get("GITHUB_REPOSITORY"):
    HUB_REPOSITORY_URL = (
        os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        + "/"
        + os.environ["GITHUB_REPOSITORY"]
    )
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"

PLUGINS = PLUGINS + ["pelican.plugins.sitemap"]
SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.7, "indexes": 0.5, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "weekly", "pages": "monthly"},
}
