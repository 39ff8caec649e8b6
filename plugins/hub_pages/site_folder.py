"""Links an editor writes from the site's root (`/finder/`, `/data/adjustments.csv`) work
wherever the hub is published. Under a folder (SITEURL `https://example.github.io/hub`) each
is given the folder's path, so it stays inside the site instead of pointing at the host's root.
"""

import re
from urllib.parse import urlsplit

# href="/..." and src="/..." but not protocol-relative "//host/...". The page's HTML has been
# cleaned by the content checks, which write every attribute in double quotes.
ROOTED = re.compile(r'(?P<attribute>\b(?:href|src)=")/(?!/)')


def site_folder(site_url: str) -> str:
    """'https://example.github.io/hub/' -> '/hub'; '' for a site at a host's root."""
    return urlsplit(site_url).path.rstrip("/")


def inside_site_folder(html: str, site_url: str) -> str:
    folder = site_folder(site_url)
    if not folder or not html:
        return html
    return ROOTED.sub(lambda match: f"{match['attribute']}{folder}/", html)
