"""Pelican settings for a local build of the hub (`make html`, `make serve`)."""

SITENAME = "Working Minds"
SITE_TAGLINE = "Mental health at work: clear guidance for employers and line managers"
SITEURL = ""
RELATIVE_URLS = False
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = False  # the build swaps a complete new output in (see Makefile)

# The folder a file sits in sets its content type (see docs/content-model.md).
ARTICLE_PATHS = ["guidance", "case-studies", "adjustments"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
PATH_METADATA = r"(?P<kind>guidance|case-studies|adjustments)/.*"
ARTICLE_URL = "{kind}/{slug}/"
ARTICLE_SAVE_AS = "{kind}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
SLUGIFY_SOURCE = "basename"

# The hub writes its own topic pages; Pelican's blog archives are not wanted.
DIRECT_TEMPLATES = ["index", "404", "atoz"]
ATOZ_SAVE_AS = "a-z/index.html"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False
DEFAULT_PAGINATION = False
DEFAULT_DATE = None

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# No smarty: its inline patterns made the Markdown step about 40% slower.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# The packages in plugins/ are importable once `make deps` has installed the project
# (pyproject.toml). Their order here does not matter: the stages start on the kernel's
# `content_checked` signal, and the link check after everything is written. hub_assets bundles
# theme/src/js with esbuild (theme/build-js.mjs).
PLUGINS = [
    "hub_checks",
    "hub_pages",
    "hub_finder",
    "hub_search",
    "hub_assets",
    "hub_headers",
    "hub_linkcheck",
]

# Every value shown in a template is escaped unless the template marks it `| safe` (the HTML
# of a page's body and summary, which the content checks have cleaned). No auto_reload: each
# build (the preview's too) is a new Pelican run that reads the templates afresh, so checking
# their modification times on every page (tens of thousands of times) buys nothing.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "auto_reload": False,
}

# The Content-Security-Policy every page carries in a <meta> (base.html), and the headers a
# host must send for what a <meta> cannot do (frame-ancestors, HSTS, ...): the build writes
# them as output/_headers (Netlify, Cloudflare Pages) and output/nginx-headers.conf.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
HEADERS = {
    # frame-ancestors: no other site may frame the hub (the plan page holds health notes).
    "Content-Security-Policy": CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}

# Contact details are settings, never typed into content (content writes `{advice_line}`).
ADVICE_LINE_TEXT = (
    "For free, confidential advice on employment law and workplace problems, "
    "contact Acas through its website."
)
ADVICE_LINE_URL = "https://www.acas.org.uk/contact"

# Who stands behind the hub (footer, About, accessibility statement, "Report a problem").
# These are the project's own placeholders: a deployer sets their own name, contact and
# repository (see README, "Publishing your own copy"). Never a real person's details here.
HUB_PUBLISHER = "The Working Minds project"
HUB_REPOSITORY_URL = ""  # e.g. "https://github.com/your-org/working-minds"; "" hides edit links
HUB_REPOSITORY_BRANCH = "main"
HUB_CONTENT_DIR = "content"  # where content/ sits inside the repository
# How the host shows a file for editing; {repository}, {branch} and {path} are filled in.
HUB_EDIT_URL_PATTERN = "{repository}/edit/{branch}/{path}"
HUB_NEW_ISSUE_URL_PATTERN = "{repository}/issues/new"
HUB_CONTACT_EMAIL = ""  # e.g. "hub@your-organisation.example"; mailto links use it first
HUB_CONTACT_URL = ""  # a contact page; without email or page, the repository's issues page

# Urgent help, shown in every page's footer and in content as {urgent:KEY}. Each number was
# checked on the service's own or an official NHS or government page on the date given.
URGENT_HELP = {
    "emergency": {
        "name": "Emergency services",
        "contact": "999",
        "href": "tel:999",
        "when": "Call 999 or go to A&E now if a life is at risk or someone is badly hurt.",
        "source": "https://www.lpft.nhs.uk/contact-us/need-help-now",
        "checked": "2026-12-01",
    },
    "nhs-111": {
        "name": "NHS 111, mental health option (England)",
        "contact": "111",
        "href": "tel:111",
        "when": "Urgent but no life at risk: call 111 and choose the mental health option, day or night.",
        "source": "https://www.lpft.nhs.uk/contact-us/need-help-now",
        "checked": "2026-12-01",
    },
    "nhs-111-wales": {
        "name": "NHS 111 Wales, option 2",
        "contact": "111",
        "href": "tel:111",
        "when": "In Wales, call 111 and press 2 for urgent mental health help; free, even without credit.",
        "source": "https://abuhb.nhs.wales/urgent-out-of-hours/mental-health-crisis/",
        "checked": "2026-12-01",
    },
    "nhs-24-scotland": {
        "name": "NHS 24 (Scotland)",
        "contact": "111",
        "href": "tel:111",
        "when": "In Scotland, call 111 for urgent help with mental health distress.",
        "source": "https://nhs24.scot/about-nhs-24/facts-about-nhs24",
        "checked": "2026-12-01",
    },
    "northern-ireland": {
        "name": "Lifeline (Northern Ireland)",
        "contact": "0808 808 8000",
        "href": "tel:08088088000",
        "when": "In Northern Ireland, call Lifeline free, day or night, in distress or despair.",
        "source": "https://publichealth.hscni.net/news/world-suicide-prevention-day-contact-lifeline-if-youre-distress-or-despair",
        "checked": "2026-12-01",
    },
    "samaritans": {
        "name": "Samaritans",
        "contact": "116 123",
        "href": "tel:116123",
        "when": "To talk to someone, any time of day or night; free from any phone.",
        "source": "https://www.samaritans.org/how-we-can-help/contact-samaritan/",
        "checked": "2026-12-01",
    },
    "shout": {
        "name": "Shout",
        "contact": "text SHOUT to 85258",
        "href": "sms:85258?body=SHOUT",
        "when": "If talking is hard: free text support, day or night, anywhere in the UK.",
        "source": "https://giveusashout.org/about-us/faq/",
        "checked": "2026-12-01",
    },
}
# The footer lists these, in this order; every key must be in URGENT_HELP.
URGENT_HELP_FOOTER = ["emergency", "nhs-111", "samaritans"]
URGENT_HELP_PAGE = "guidance/urgent-help/"

# `make serve` sets HUB_PREVIEW: problems are reported and the preview keeps running.
HUB_PREVIEW = False

import datetime as _datetime


def long_date(value):
    """'2026-11-22' -> '22 November 2026', as GOV.UK writes dates."""
    try:
        day = _datetime.date.fromisoformat(str(value))
    except ValueError:
        return value
    return f"{day.day} {day:%B %Y}"


JINJA_FILTERS = {"long_date": long_date}
