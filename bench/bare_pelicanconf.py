"""Bare Pelican for the benchmark baseline: default theme and Markdown, no plugins."""

SITENAME = "Bare baseline"
ARTICLE_PATHS = ["guidance"]
PAGE_PATHS = ["pages"]
DISPLAY_PAGES_ON_MENU = False
DEFAULT_DATE = (2026, 11, 22)
PLUGINS = []
