"""``planaction merge BASE OURS THEIRS [-o OUT]``: three versions of a plan merged by meaning.

By hand (CI, a hosted merge request, which runs no custom driver) and as git's merge driver,
which ``git-setup`` configures as ``planaction merge %O %A %B -o %A -L %L -p %P``: git then
reads the result from %A and the exit code (0 merged, 1 conflict). What happened is said on
stderr, one line each, naming the file. A file that does not read as a plan gets git's own
line merge; one that cannot be merged at all is left as it was (never half written).
"""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.cli.output import EXIT_INVALID, EXIT_OK, problems, tell
from planaction.words.cli import say

NAME = "merge"
SUMMARY = "summary_merge"
EXAMPLE = "planaction merge base.yaml ours.yaml theirs.yaml -o merged.yaml"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    def helps(key: str) -> str:
        return say(key, lang).replace("%", "%%")  # git's %O, %A...: argparse formats help with %

    parser.add_argument("base", metavar="BASE", help=helps("help_merge_base"))
    parser.add_argument("ours", metavar="OURS", help=helps("help_merge_ours"))
    parser.add_argument("theirs", metavar="THEIRS", help=helps("help_merge_theirs"))
    parser.add_argument("-o", "--output", metavar="OUT", help=helps("help_merge_output"))
    parser.add_argument("-L", "--marker-size", type=int, default=7, metavar="N", help=helps("help_merge_marker_size"))
    parser.add_argument("-p", "--path", metavar="NAME", help=helps("help_merge_path"))
    options.language(parser, lang, "help_merge_lang")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from planaction.core.registers import REGISTER
    from planaction.store import MAX_FILE_BYTES, SaveError, write_atomic
    from planaction.store.plan_merge import line_merge, merge_bytes
    from planaction.store.userfiles import read_regular
    from planaction.words.merging import say as said

    lang = args.lang or args.ui
    name = args.path or args.output or args.ours
    raw = []
    for given in (args.base, args.ours, args.theirs):
        try:
            raw.append(read_regular(Path(given), MAX_FILE_BYTES))
        except OSError as exc:
            tell(said("cannot_write", lang, file=given, reason=exc.strerror or exc))
            tell(said("unmerged", lang, file=name))
            return EXIT_INVALID
    size = max(7, min(args.marker_size, 64))
    names = (f"{name} (base)", name, f"{name} (theirs)")
    result = merge_bytes(*raw, names, marker_size=size)
    code = EXIT_OK
    data = result.data
    if result.same_as:
        tell(said("same_as", lang, file=name, side=said("side_" + result.same_as, lang)))
    elif result.unreadable:
        problems(result.problems)
        tell(said("unreadable", lang, file=name, side=said("side_" + result.unreadable, lang)))
        fallback = line_merge(*raw, marker_size=size)
        data = fallback[0] if fallback else None
        code = EXIT_INVALID
    elif result.invalid or result.not_exact:
        key, values = ("invalid", {"reason": result.invalid}) if result.invalid else ("not_exact", {})
        tell(said(key, lang, file=name, **values))
        data, code = None, EXIT_INVALID
    for change in result.renumbered:
        noun = _noun(REGISTER[change.register].model.noun, lang)
        tell(said("renumbered", lang, file=name, noun=noun, old=change.old, new=change.new))
    if result.problems and not result.unreadable:
        problems(result.problems)
        tell(said("result_invalid", lang, file=name))
        code = EXIT_INVALID
    if result.conflicts:
        for clash in result.conflicts:
            tell(
                said(
                    "conflict",
                    lang,
                    file=name,
                    what=" ".join(clash.path),
                    ours=_shown(clash.ours, lang),
                    theirs=_shown(clash.theirs, lang),
                )
            )
        lines = ", ".join(str(line) for line in result.marker_lines)
        tell(said("conflict_lines", lang, file=name, count=len(result.marker_lines), lines=lines))
        code = EXIT_INVALID
    elif result.clean and not result.same_as:
        tell(said("clean", lang, file=name))
    if data is None:
        tell(said("unmerged", lang, file=name))
        return EXIT_INVALID
    if args.output:
        target = Path(args.output)
        try:
            write_atomic(target, data)  # a device or a pipe is written into, never replaced
        except (SaveError, OSError) as exc:
            tell(said("cannot_write", lang, file=args.output, reason=getattr(exc, "strerror", None) or exc))
            return EXIT_INVALID
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return code


def _noun(model_noun: str, lang: str) -> str:
    from planaction.core.diagnose import a_noun

    return a_noun(model_noun).text(lang)


def _shown(value: object, lang: str) -> str:
    """A side's value in a few words: a scalar as written, an item or a list shortened."""
    from planaction.words.merging import say as said
    from planaction.words.safetext import one_line

    if value is None:
        return said("absent", lang)
    if isinstance(value, dict):
        value = value.get("title") or value.get("name") or value.get("result") or ", ".join(value)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = one_line(str(value))
    return text if len(text) <= 40 else text[:39] + "…"
