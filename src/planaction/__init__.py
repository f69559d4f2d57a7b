"""planaction: action plans (plans d'action) as YAML files, steered from a terminal."""

__version__ = "0.1.0"
