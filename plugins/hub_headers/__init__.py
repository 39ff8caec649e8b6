"""Deployment headers: what a host must send that a <meta> Content-Security-Policy cannot."""

from .plugin import register

__all__ = ["register"]
