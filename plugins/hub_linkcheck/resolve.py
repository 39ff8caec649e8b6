"""Turn a reference as written in a page into what it points at: a file of this site (with
an optional #fragment), an external URL, or a place that cannot work on the public site."""

from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

# Schemes that are not fetched: mail, phone and inline data are nobody's broken link.
IGNORED_SCHEMES = {"mailto", "tel", "sms", "data", "javascript", "about", "blob"}


@dataclass(frozen=True)
class Internal:
    path: str  # URL path inside the site, unquoted, always starting with "/"
    fragment: str  # unquoted, "" when there is none


@dataclass(frozen=True)
class External:
    url: str


@dataclass(frozen=True)
class Unreachable:
    """A reference that can never work for a reader of the public site."""

    reason: str


class SiteUrls:
    """Resolves references for one site; `site_url` is Pelican's SITEURL ("" for root-relative).

    Links that start with `site_url` are internal; so are links relative to a page. Results
    are cached: most references (the header, the footer) repeat on every page.
    """

    def __init__(self, site_url: str = ""):
        parts = urlsplit(site_url.strip())
        self.scheme = parts.scheme.lower()
        self.netloc = parts.netloc.lower()
        self.prefix = parts.path.rstrip("/")  # the folder the site lives in, e.g. "/hub"
        self._cache: dict[tuple[str, str], Internal | External | Unreachable | None] = {}

    def page_url(self, output_file: str) -> str:
        """'guidance/x/index.html' -> '/guidance/x/index.html' (under the site's folder)."""
        return f"{self.prefix}/{output_file}"

    def resolve(self, target: str, page_url: str):
        """What `target`, written on the page at `page_url`, points at (None: nothing to check)."""
        independent = target.startswith("/") or ":" in target.split("/", 1)[0]
        key = ("", target) if independent else (page_url, target)
        if key not in self._cache:
            self._cache[key] = self._resolve(target, page_url)
        return self._cache[key]

    def _resolve(self, target: str, page_url: str):
        try:
            parts = urlsplit(target)
        except ValueError:
            return Unreachable("is not a valid URL")
        scheme = parts.scheme.lower()
        if scheme in IGNORED_SCHEMES:
            return None
        if scheme or target.startswith("//"):
            if (
                (scheme or self.scheme) == self.scheme
                and parts.netloc.lower() == self.netloc
                and self.scheme
            ):
                return self._inside(parts.path, parts.fragment)
            if scheme == "file":
                return Unreachable("is a file on the computer that built the site")
            return External(target)
        if target.startswith("/") and "/." not in target:  # root-relative: nothing to join
            return self._inside(parts.path, parts.fragment)
        joined = urlsplit(urljoin(page_url, target))
        return self._inside(joined.path, joined.fragment)

    def _inside(self, path: str, fragment: str):
        if self.prefix and not (path == self.prefix or path.startswith(self.prefix + "/")):
            return Unreachable(f"points outside the site's folder {self.prefix}/")
        return Internal(unquote(path[len(self.prefix) :]) or "/", unquote(fragment))


def output_file(path: str, files: set[str], folders: set[str]) -> str | None:
    """The output file a site path is served from: '/about/' -> 'about/index.html'."""
    name = path.lstrip("/")
    if not name or name.endswith("/"):
        name += "index.html"
    if name in files:
        return name
    if name in folders and f"{name}/index.html" in files:
        return f"{name}/index.html"  # a server redirects '/about' to '/about/'
    return None


def anchor_exists(fragment: str, ids: set[str]) -> bool:
    """`#` and `#top` always work (HTML scrolls to the top); text fragments are not ids."""
    return (
        not fragment or fragment.lower() == "top" or fragment.startswith(":~:") or fragment in ids
    )
