"""The ``planaction`` command: which command a word names, then that command's module runs.

Exit codes: 0 success, 1 invalid input or refused operation, 2 usage error,
3 (``due``) something is overdue. ``planaction [PATH]`` opens the app;
``planaction COMMAND ...`` runs a command of ``registry.COMMANDS``. Only the
module of the command asked for is imported, so ``planaction validate``
starts without the app, the workbook or the reports.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from planaction.cli import options, registry
from planaction.cli.output import EXIT_OK, EXIT_USAGE, printable_output, speak, tell


def main(argv: Sequence[str] | None = None) -> int:
    with printable_output():
        try:
            return _main(list(sys.argv[1:] if argv is None else argv))
        except BrokenPipeError:  # `planaction --help | head`: the reader has what it wanted
            if argv is None:  # the real command, not a caller's stream
                _quiet_stdout()
            return EXIT_OK


def run() -> NoReturn:
    """The ``planaction`` executable: ``main``, then leave without Python's teardown.

    At exit Python frees every module and object one by one and collects the
    cycles: 50 to 90 ms of a command that read a 1,000-action plan (about a
    tenth of the merge driver git starts per file), for memory the system takes
    back at once anyway. When ``main`` returns a command has written, closed and
    waited for everything: no atexit handler, thread or open file of ours is left
    (tests/test_cli_exit.py checks the output and the temporary folder). The
    app keeps Python's own exit: Textual has threads and restores the terminal.
    """
    code = main()
    if "textual" not in sys.modules:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):  # a reader gone (`| head`) or a closed stream: nothing more to say
                pass
        os._exit(code)
    sys.exit(code)


def _main(argv: list[str]) -> int:
    lang = options.ui_language(argv)
    speak(lang)
    first = argv[0] if argv else None
    if first in ("-h", "--help"):
        from planaction.cli import overview

        print(overview.text(lang))
        return EXIT_OK
    if first == "--version":
        from planaction import __version__

        print(f"planaction {__version__}")
        return EXIT_OK
    if first in registry.COMMANDS:
        args = registry.parser_for(first, lang).parse_args(argv[1:])
        args.command, args.ui = first, lang
        try:
            return registry.load(first).run(args)
        except KeyboardInterrupt:
            return 130
    if first is not None and _unknown_command(first):
        _say_unknown(first, lang)
        return EXIT_USAGE
    from planaction.cli import app

    return app.run(argv, lang)


def _quiet_stdout() -> None:
    """After a broken pipe, stdout goes nowhere, so that Python's final flush does not complain."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno())


def _unknown_command(word: str) -> bool:
    """A word that names no command and no existing path, and does not look like a path either
    (``plan.yaml``, ``plans/``: those are reported as missing files, as before)."""
    if word.startswith("-") or Path(word).exists():
        return False
    return not any(mark in word for mark in ("/", "\\", ".", "~"))


def _say_unknown(word: str, lang: str) -> None:
    import difflib

    from planaction.words.cli import say

    tell("planaction: " + say("unknown_command", lang, word=word))
    close = difflib.get_close_matches(word, registry.COMMANDS, n=3, cutoff=0.5)
    if close:
        tell("  hint: " + say("did_you_mean", lang, commands=", ".join(close)))
    tell("  hint: " + say("list_commands", lang))


if __name__ == "__main__":  # pragma: no cover
    run()
