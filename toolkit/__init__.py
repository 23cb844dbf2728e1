"""Offline translation and terminology toolkit for diplomatic press releases."""

__version__ = "0.1.0"
