"""The ``planaction`` command."""

from planaction.cli.main import main

__all__ = ["main"]
