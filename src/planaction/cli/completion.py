"""Shell completion scripts for bash, zsh and fish, written from ``registry.COMMANDS``.

Every command's options come from its own parser (``registry.parser_for``),
so a new command or option completes without touching this module: the
command word, its options, the choices of an option that has them
(``--format``, ``--lang``) and file names for paths.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from planaction.cli import registry
from planaction.words.cli import say


@dataclass(frozen=True)
class Option:
    flags: tuple[str, ...]
    help: str
    takes_value: bool
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Command:
    name: str
    summary: str
    options: tuple[Option, ...]


def commands(lang: str) -> list[Command]:
    found = []
    for name in registry.COMMANDS:
        parser = registry.parser_for(name, lang)
        found.append(Command(name, say(registry.load(name).SUMMARY, lang), _options(parser)))
    return found


def app_options(lang: str) -> tuple[Option, ...]:
    from planaction.cli import app

    return _options(app.parser(lang))


def _options(parser: argparse.ArgumentParser) -> tuple[Option, ...]:
    return tuple(
        Option(
            tuple(action.option_strings),
            action.help or "",
            action.nargs != 0,
            tuple(str(choice) for choice in action.choices or ()),
        )
        for action in parser._actions
        if action.option_strings
    )


def bash(lang: str) -> str:
    found = commands(lang)
    top = [flag for option in app_options(lang) for flag in option.flags] + ["--version"]
    lines = [
        "# planaction completion for bash: source <(planaction completion bash)",
        "_planaction() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        "    local command=''",
        '    if (( COMP_CWORD > 1 )); then command="${COMP_WORDS[1]}"; fi',
        f'    local commands="{" ".join(c.name for c in found)}"',
        '    case "$command $prev" in',
    ]
    for name, options in [("", app_options(lang)), *((c.name, c.options) for c in found)]:
        for option in options:
            if option.choices:
                patterns = "|".join(f'"{name} {flag}"' for flag in option.flags)
                lines.append(
                    f'        {patterns}) COMPREPLY=($(compgen -W "{" ".join(option.choices)}" -- "$cur")); return;;'
                )
    lines += [
        "    esac",
        '    if [[ -z "$command" || "$command" == -* ]] && (( COMP_CWORD == 1 )); then',
        f'        if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "{" ".join(top)}" -- "$cur")); return; fi',
        '        COMPREPLY=($(compgen -W "$commands" -- "$cur") $(compgen -f -- "$cur")); return',
        "    fi",
        "    local options=''",
        '    case "$command" in',
    ]
    for command in found:
        flags = " ".join(flag for option in command.options for flag in option.flags)
        lines.append(f'        {command.name}) options="{flags}";;')
    lines += [
        f'        *) options="{" ".join(top)}";;',
        "    esac",
        '    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$options" -- "$cur")); return; fi',
        '    COMPREPLY=($(compgen -f -- "$cur"))',
        "}",
        "complete -o filenames -o bashdefault -F _planaction planaction",
    ]
    return "\n".join(lines) + "\n"


def _zsh_text(text: str) -> str:
    """Help text inside a single-quoted ``_arguments`` or ``_describe`` item."""
    for bad in "[]:\\":
        text = text.replace(bad, " ")
    return text.replace("'", "'\\''")


def _zsh_spec(option: Option) -> str:
    """An ``_arguments`` spec: ``'--format[help]:value:(text json)'``, or ``'(-o --output)'{-o,--output}'[help]...'``."""
    value = ":value:_files" if option.takes_value else ""
    if option.choices:
        value = f":value:({' '.join(option.choices)})"
    rest = f"[{_zsh_text(option.help)}]{value}"
    flags = option.flags
    if len(flags) > 1:
        return f"'({' '.join(flags)})'{{{','.join(flags)}}}'{rest}'"
    return f"'{flags[0]}{rest}'"


def zsh(lang: str) -> str:
    found = commands(lang)
    lines = [
        "#compdef planaction",
        "# planaction completion for zsh: source <(planaction completion zsh), or save it as _planaction in $fpath",
        "_planaction() {",
        "    local -a commands",
        "    commands=(",
        *(f"        '{c.name}:{_zsh_text(c.summary)}'" for c in found),
        "    )",
        "    if (( CURRENT == 2 )); then",
        "        _describe -t commands 'planaction command' commands",
        "        _files",
        "        return",
        "    fi",
        "    case $words[2] in",
    ]
    for command in found:
        specs = " ".join(_zsh_spec(option) for option in command.options)
        lines.append(f"        {command.name}) shift words; (( CURRENT-- )); _arguments {specs} '*:file:_files';;")
    app = " ".join(_zsh_spec(option) for option in app_options(lang))
    lines += [
        f"        *) _arguments {app} '*:file:_files';;",
        "    esac",
        "}",
        'if [[ "${zsh_eval_context[-1]}" == loadautofunc ]]; then',
        '    _planaction "$@"',
        "else",
        "    (( $+functions[compdef] )) && compdef _planaction planaction",
        "fi",
    ]
    return "\n".join(lines) + "\n"


def _fish_text(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_option(condition: str, option: Option) -> str:
    parts = ["complete -c planaction", f"-n {_fish_text(condition)}"]
    for flag in option.flags:
        parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
    if option.choices:
        parts.append(f"-x -a {_fish_text(' '.join(option.choices))}")
    elif option.takes_value:
        parts.append("-r -F")
    parts.append(f"-d {_fish_text(option.help)}")
    return " ".join(parts)


def fish(lang: str) -> str:
    found = commands(lang)
    names = " ".join(c.name for c in found)
    lines = ["# planaction completion for fish: planaction completion fish | source", "complete -c planaction -f"]
    for command in found:
        lines.append(
            f"complete -c planaction -n '__fish_use_subcommand' -a {command.name} -d {_fish_text(command.summary)}"
        )
    lines.append("complete -c planaction -n '__fish_use_subcommand' -F")
    for option in app_options(lang):
        lines.append(_fish_option(f"not __fish_seen_subcommand_from {names}", option))
    for command in found:
        condition = f"__fish_seen_subcommand_from {command.name}"
        lines.append(f"complete -c planaction -n {_fish_text(condition)} -F")
        lines += [_fish_option(condition, option) for option in command.options]
    return "\n".join(lines) + "\n"


SHELLS = {"bash": bash, "zsh": zsh, "fish": fish}
