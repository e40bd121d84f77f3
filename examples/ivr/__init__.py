"""A small IVR on the generated client: answer inbound calls, read a menu, press 1 to be transferred."""

from .app import IVR, create_app

__all__ = ["IVR", "create_app"]
