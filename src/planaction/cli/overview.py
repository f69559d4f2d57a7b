"""``planaction --help``: how to open the app, then every command with its summary and an example.

Built from ``registry.COMMANDS``, so a new command appears here by being registered.
"""

from __future__ import annotations

from planaction.cli import registry
from planaction.cli.app import usage
from planaction.words.cli import say


def text(lang: str) -> str:
    modules = [registry.load(name) for name in registry.COMMANDS]
    width = max(len(module.NAME) for module in modules) + 2
    lines = [
        f"{say('usage', lang)} {usage(lang)}",
        "",
        say("description", lang),
        "",
        say("opens_app", lang),
        "  planaction plans/support-it.yaml",
        "",
        say("commands", lang),
    ]
    for module in modules:
        lines.append(f"  {module.NAME:<{width}}{say(module.SUMMARY, lang)}")
        lines.append(f"  {'':<{width}}  {module.EXAMPLE}")
    lines += [
        "",
        say("options", lang),
    ]
    options = [("-h, --help", say("help_help", lang)), ("--version", say("help_version", lang)), *_app_options(lang)]
    left = max(len(flags) for flags, _help in options) + 2
    lines += [f"  {flags:<{left}}{help_text}" for flags, help_text in options]
    lines += [
        "",
        say("command_help", lang),
    ]
    return "\n".join(lines)


def _app_options(lang: str) -> list[tuple[str, str]]:
    """The app's own options (``--today``, ``--lang``, ``--theme``), as its parser declares them."""
    from planaction.cli import app

    found = []
    for action in app.parser(lang)._actions:
        if not action.option_strings or action.option_strings[0] in ("-h", "--help"):
            continue
        value = "|".join(action.choices) if action.choices else action.metavar or action.dest.upper()
        found.append((f"{action.option_strings[0]} {value}", action.help or ""))
    return found
