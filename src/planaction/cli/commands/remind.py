"""``planaction remind PATH...``: each person gets one e-mail of what they have overdue or due soon,
across plans, in their plans' language, with their own calendar attached.

Safe from cron every hour: the journal in the user's state folder keeps the same digest from
going twice to one address on one day (``--force`` sends it again); ``--outbox`` writes one file
per address and day, written over by the next run. One recipient that fails
does not stop the others; the summary line and the exit code say what happened (0: all sent or
nothing to send; 1: a plan did not validate or gives an address that cannot be used; 2: usage;
4: some messages could not be sent).
"""

from __future__ import annotations

import argparse

from planaction.cli import options
from planaction.words.cli import say as cli_say
from planaction.words.remind import say

NAME = "remind"
SUMMARY = "summary_remind"
EXAMPLE = "planaction remind plans/ --smtp mail.example.org:587 --starttls --user plans --from plans@example.org"

#: Some messages could not be sent (the others were).
EXIT_UNSENT = 4


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    from planaction.cli.mailing import config_path

    parser.add_argument("paths", nargs="+", metavar="PATH", help=cli_say("help_paths", lang))
    parser.add_argument("--within", type=int, default=7, metavar="DAYS", help=cli_say("help_within", lang))
    parser.add_argument("--owner", metavar="NAME", help=cli_say("help_owner", lang))
    parser.add_argument("--smtp", metavar="HOST[:PORT]", help=say("help_smtp", lang))
    security = parser.add_mutually_exclusive_group()
    security.add_argument("--starttls", action="store_true", help=say("help_starttls", lang))
    security.add_argument("--ssl", action="store_true", help=say("help_ssl", lang))
    parser.add_argument("--user", metavar="USER", help=say("help_user", lang))
    parser.add_argument("--from", dest="sender", metavar="ADDRESS", help=say("help_from", lang))
    parser.add_argument("--config", metavar="FILE", help=say("help_config", lang, path=config_path()))
    parser.add_argument("--dry-run", action="store_true", help=say("help_dry_run", lang))
    parser.add_argument("--outbox", metavar="DIR", help=say("help_outbox", lang))
    parser.add_argument("--force", action="store_true", help=say("help_force", lang))
    options.today(parser, lang)


def run(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from planaction.cli import mailing
    from planaction.cli.output import EXIT_INVALID, EXIT_OK, EXIT_USAGE, complain, no_plans, tell
    from planaction.cli.plans import read_plans
    from planaction.exchange.ics import calendar
    from planaction.present.people import usable_email
    from planaction.report import due, due_digest
    from planaction.store.atomic import SaveError
    from planaction.words.folding import person_key
    from planaction.words.safetext import one_line

    lang = args.ui
    if args.within < 0:
        complain(cli_say("within_negative", lang))
        return EXIT_USAGE
    if args.owner is not None and not person_key(args.owner):
        tell("planaction: " + cli_say("owner_not_a_name", lang, owner=repr(args.owner)))
        return EXIT_USAGE
    config_file = Path(args.config) if args.config else mailing.config_path()
    try:
        config = mailing.read_config(config_file, lang)
        smtp = args.smtp or config.get("smtp")
        security = "ssl" if args.ssl else "starttls" if args.starttls else config.get("security", "none")
        if security not in mailing.SECURITY:
            raise mailing.Refused(say("bad_config", lang, path=config_file, problem=f"security = {security!r}"))
        if not (smtp or args.outbox or args.dry_run):
            raise mailing.Refused(say("no_transport", lang, path=config_file))
        origin_text = args.sender or config.get("from")
        if not origin_text and not args.dry_run:
            raise mailing.Refused(say("no_from", lang, path=config_file))
        origin = mailing.sender(origin_text, lang) if origin_text else None
        server = None
        if smtp and not (args.outbox or args.dry_run):
            server = mailing.Server.parse(smtp, security, args.user or config.get("user"), lang)
    except mailing.Refused as exc:
        complain(str(exc))
        return EXIT_USAGE
    secret = mailing.password(server.user) if server is not None else None
    if server is not None and server.user and not secret:
        complain(say("password_missing", lang))
        return EXIT_USAGE

    documents, invalid = read_plans(args.paths)
    if not documents and not invalid:
        no_plans(args.paths, lang)
        return EXIT_INVALID
    today = args.today or dt.date.today()
    plans = [(str(path), doc.plan) for path, doc in documents]
    by_file = {str(path): doc for path, doc in documents}

    # addresses a plan gives that no message may carry: said where they are, never used
    refused: set[str] = set()
    for path, doc in documents:
        for i, person in enumerate(doc.plan.people):
            if person.email and not usable_email(person.email):
                refused.add(person_key(person.name))
                line, col = doc.location(("people", i, "email"))
                shown = one_line(person.email)
                tell(f"{path}:{line}:{col}: error: " + say("bad_email", lang, value=shown, name=one_line(person.name)))
                tell("  hint: " + say("bad_email_hint", lang))

    people = [p for p in due.collect(plans, today, args.within, args.owner) if p.items]
    journal = mailing.Journal(mailing.journal_path(), today)
    sender = mailing.Smtp(server, secret) if server is not None else None
    ics_plans = [(doc.plan_id, doc.plan) for _path, doc in documents]
    now = dt.datetime.now(dt.UTC)
    sent = skipped = failed = missing = ready = 0
    try:
        for person in people:
            address = None if person_key(person.name) in refused else usable_email(person.email)
            if address is None:
                missing += 1
                if person_key(person.name) not in refused:
                    first = person.items[0]
                    line, col = by_file[first.file].location(first.where) if first.where else (1, 1)
                    name = one_line(person.name)
                    tell(f"{first.file}:{line}:{col}: warning: " + say("no_email", lang, name=name))
                    tell("  hint: " + say("no_email_hint", lang, name=name))
                continue
            mail_digest = due_digest.digest(person, today)
            to = f"{one_line(person.name)} <{address}>"
            if args.dry_run:
                ready += 1
                overdue, soon = len(person.overdue), len(person.soon)
                print(say("would_send", lang, to=to, overdue=overdue, soon=soon))
                continue
            fingerprint = mailing.Journal.fingerprint(mail_digest.subject, mail_digest.text)
            # the outbox needs no journal: its file of the day for an address is written over, never doubled
            if not args.outbox and journal.has(address, fingerprint) and not args.force:
                skipped += 1
                print(say("already_sent", lang, to=to))
                continue
            title = say("calendar_of", due_digest.language(person), name=person.name)
            ics = calendar(ics_plans, title, today, now=now, owner=person.name)
            mail = mailing.message(
                origin=origin,
                name=person.name,
                to=address,
                subject=mail_digest.subject,
                text=mail_digest.text,
                html=mail_digest.html,
                calendar=ics,
                now=now,
            )
            try:
                if args.outbox:
                    written = mailing.write_outbox(Path(args.outbox), today, address, mail)
                    print(say("written", lang, file=one_line(str(written))))
                else:
                    sender.send(mail, address)
                    print(say("sent_to", lang, to=to))
            except (OSError, SaveError, *mailing.SMTP_ERRORS) as exc:
                failed += 1
                tell("planaction: " + say("failed", lang, to=to, reason=mailing.reason(exc)))
                continue
            sent += 1
            if args.outbox:
                continue
            try:
                journal.add(address, fingerprint)
            except (OSError, SaveError) as exc:
                tell("planaction: " + say("journal_unwritable", lang, path=journal.path, reason=one_line(str(exc))))
    finally:
        if sender is not None:
            sender.close()
    if args.dry_run:
        print(say("summary_dry", lang, count=ready, missing=missing))
    else:
        print(say("summary", lang, sent=sent, skipped=skipped, failed=failed, missing=missing))
    if failed:
        return EXIT_UNSENT
    return EXIT_INVALID if invalid or refused else EXIT_OK
