"""planaction: action plans (plans d'action) as YAML files, steered from a terminal."""

__version__ = "0.1.0"

# What the floors say is a code (``planaction.message``); the words floor turns codes into
# sentences and must be there before anything is said, whichever module is imported first.
from planaction.words import messages as _messages  # noqa: F401
