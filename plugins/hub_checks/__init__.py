"""Content checks: every file's front matter and links are valid, or the build fails."""

from .plugin import register

__all__ = ["register"]
