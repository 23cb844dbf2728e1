"""The built-in checks; importing this package registers them (see toolkit.qa.registry)."""

from . import consistency, kkscript, numbers, preserve, punctuation, terms, text  # noqa: F401
