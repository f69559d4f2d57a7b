"""One module per ``planaction`` command, each listed once in ``cli/registry.py`` (see there)."""
