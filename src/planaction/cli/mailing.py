"""How ``remind`` reaches people: its settings, the message of one person, the ways out (SMTP, an
outbox folder) and the journal that keeps an hourly cron from sending a digest twice in a day.

Everything comes from the standard library (``email``, ``smtplib``, ``tomllib``). Headers are made
with ``email.headerregistry.Address`` from a name put on one line and an address that
``people.usable_email`` accepted, so a name or a plan's text can never add a header. The password
comes from ``PLANACTION_SMTP_PASSWORD`` or, if the ``keyring`` package is installed, the system
keyring (service ``planaction-smtp``); never from a plan, nor from the settings file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import smtplib
import ssl
import tomllib
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path

from planaction.present.people import usable_email
from planaction.store.atomic import write_atomic
from planaction.store.userdirs import config_dir, state_dir
from planaction.words.remind import say
from planaction.words.safetext import one_line

#: The keys ``remind.toml`` may hold (all texts); the password is not one of them.
CONFIG_KEYS = ("smtp", "security", "user", "from")
SECURITY = ("starttls", "ssl", "none")
KEYRING_SERVICE = "planaction-smtp"


#: What sending one message may raise besides OSError.
SMTP_ERRORS = (smtplib.SMTPException,)


class Refused(Exception):
    """Settings that cannot work; ``str`` is the sentence to show, already in the person's language."""


def config_path() -> Path:
    return config_dir() / "remind.toml"


def journal_path() -> Path:
    return state_dir() / "remind-journal.json"


def read_config(path: Path, lang: str) -> dict[str, str]:
    """The settings file, if there is one: ``smtp = "host:587"``, ``security = "starttls"``, ``user``, ``from``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise Refused(say("bad_config", lang, path=path, problem=exc)) from None
    for key, value in data.items():
        if key not in CONFIG_KEYS:
            raise Refused(say("bad_config", lang, path=path, problem=say("config_unknown_key", lang, key=key)))
        if not isinstance(value, str):
            raise Refused(say("bad_config", lang, path=path, problem=say("config_not_text", lang, key=key)))
    return data


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    security: str  # starttls, ssl or none
    user: str | None

    @classmethod
    def parse(cls, text: str, security: str, user: str | None, lang: str) -> Server:
        """``HOST[:PORT]``; the port defaults to 465 over SSL, 587 with STARTTLS, 25 otherwise."""
        host, _, port_text = text.strip().rpartition(":") if ":" in text else (text.strip(), "", "")
        default = {"ssl": 465, "starttls": 587}.get(security, 25)
        try:
            port = int(port_text) if port_text else default
        except ValueError:
            port = 0
        if not 0 < port < 65536:
            raise Refused(say("bad_port", lang, value=port_text))
        return cls(host.strip("[]"), port, security, user or None)


def sender(text: str, lang: str) -> Address:
    """``--from``: ``ana@example.org`` or ``Plans <ana@example.org>``, refused if it is not one address."""
    name, address = parseaddr(text)
    if not usable_email(address) or any(ch in text for ch in "\r\n"):
        raise Refused(say("bad_from", lang, value=one_line(text)))
    return Address(display_name=one_line(name), addr_spec=address)


def password(user: str | None) -> str | None:
    """``PLANACTION_SMTP_PASSWORD``, else the keyring's password for ``user`` when ``keyring`` is installed."""
    found = os.environ.get("PLANACTION_SMTP_PASSWORD")
    if found or not user:
        return found or None
    try:
        import keyring  # type: ignore[import-not-found]  # optional: not a dependency
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, user)
    except Exception:  # a keyring with no backend raises its own errors: no password, then
        return None


def message(
    *, origin: Address, name: str, to: str, subject: str, text: str, html: str, calendar: str, now: dt.datetime
) -> EmailMessage:
    """One person's e-mail: text and HTML alternatives, their calendar attached as ``planaction.ics``."""
    mail = EmailMessage(policy=policy.SMTP)
    mail["Subject"] = one_line(subject)
    mail["From"] = origin
    mail["To"] = Address(display_name=one_line(name), addr_spec=to)
    mail["Date"] = format_datetime(now)
    mail["Message-ID"] = make_msgid(domain=origin.domain)
    mail["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a robot
    mail.set_content(text)
    mail.add_alternative(html, subtype="html")
    # as text in UTF-8 (base64 on the wire): a reader gets the names back, not bytes to guess
    mail.add_attachment(
        calendar,
        subtype="calendar",
        charset="utf-8",
        cte="base64",
        filename="planaction.ics",
        params={"method": "PUBLISH"},
    )
    return mail


class Smtp:
    """One connection for the run, opened at the first message and opened again after a failure."""

    def __init__(self, server: Server, secret: str | None) -> None:
        self.server = server
        self.secret = secret
        self.connection: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        server = self.server
        context = ssl.create_default_context()
        if server.security == "ssl":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=30, context=context)
        else:
            connection = smtplib.SMTP(server.host, server.port, timeout=30)
            if server.security == "starttls":
                connection.starttls(context=context)
        if server.user:
            connection.login(server.user, self.secret or "")
        return connection

    def send(self, mail: EmailMessage, to: str) -> None:
        """Send, or raise with the reason (``reason``)."""
        if self.connection is None:
            self.connection = self._connect()
        try:
            self.connection.send_message(mail, to_addrs=[to])
        except smtplib.SMTPRecipientsRefused:
            raise  # the server refused this one address: the connection is still good
        except (smtplib.SMTPException, OSError):
            self.close()
            raise

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()
            except (smtplib.SMTPException, OSError):
                self.connection.close()
            self.connection = None


def reason(exc: BaseException) -> str:
    """What went wrong with one message, on one line: the server's answer when it gave one."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, answer = next(iter(exc.recipients.values()))
        return one_line(f"{code} {answer.decode('utf-8', 'replace') if isinstance(answer, bytes) else answer}")
    if isinstance(exc, smtplib.SMTPResponseException):
        error = exc.smtp_error
        return one_line(f"{exc.smtp_code} {error.decode('utf-8', 'replace') if isinstance(error, bytes) else error}")
    return one_line(str(exc) or type(exc).__name__)


def outbox_file(folder: Path, today: dt.date, to: str) -> Path:
    """``2025-05-12-lea.fontaine-at-example.org.eml``: one file a day per address."""
    return folder / f"{today.isoformat()}-{re.sub(r'[^A-Za-z0-9._-]', '-', to.replace('@', '-at-'))}.eml"


def write_outbox(folder: Path, today: dt.date, to: str, mail: EmailMessage) -> Path:
    path = outbox_file(folder, today, to)
    write_atomic(path, mail.as_bytes(policy=policy.SMTP))
    return path


class Journal:
    """Which digest each address got today: ``{"day": ..., "sent": {address: [fingerprint...]}}``.

    Only today's entries are kept; a digest is known by a fingerprint of its subject and text, so
    a person whose items change during the day gets the new digest, and the same one never twice.
    """

    def __init__(self, path: Path, today: dt.date) -> None:
        self.path = path
        self.day = today.isoformat()
        self.sent: dict[str, list[str]] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if isinstance(data, dict) and data.get("day") == self.day and isinstance(data.get("sent"), dict):
            self.sent = {k: list(v) for k, v in data["sent"].items() if isinstance(v, list)}

    @staticmethod
    def fingerprint(subject: str, text: str) -> str:
        return hashlib.sha256(f"{subject}\n{text}".encode()).hexdigest()[:32]

    def has(self, to: str, fingerprint: str) -> bool:
        return fingerprint in self.sent.get(to.lower(), [])

    def add(self, to: str, fingerprint: str) -> None:
        """Record one sending at once, so that a run stopped half-way does not send the first ones again."""
        self.sent.setdefault(to.lower(), []).append(fingerprint)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"day": self.day, "sent": self.sent}
        write_atomic(self.path, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8"))
