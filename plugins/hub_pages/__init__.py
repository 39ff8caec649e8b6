"""Hub pages: topic pages, the glossary, contents lists, sources and related links."""

from .plugin import register

__all__ = ["register"]
