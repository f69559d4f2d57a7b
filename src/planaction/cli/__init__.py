"""The ``planaction`` command."""

from planaction.cli.startup import skip_pydantic_plugins

skip_pydantic_plugins()

from planaction.cli.main import main, run  # noqa: E402  (after the start-up above, on purpose)

__all__ = ["main", "run"]
