"""What reminders say: the e-mail digest each person receives, ``remind``'s messages and summary,
the new kinds of due items (decisions, measurements, fired playbooks) and the per-person calendar.

The digest speaks the language of the person's plans; the command's own messages speak the
interface's language (``--lang``), as every command does.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "remind",
    {
        # --- kinds of due items and the roles that bring them to a person
        "kind_decision": ("décision", "decision"),
        "kind_measurement": ("mesure", "measurement"),
        "kind_playbook": ("playbook", "playbook"),
        "role_decision_owner": ("décideur", "decision owner"),
        "role_kpi_owner": ("responsable de l'indicateur", "KPI owner"),
        "role_playbook_owner": ("responsable du playbook", "playbook owner"),
        "measure_title": ("Mesurer {name}", "Measure {name}"),
        # --- the digest
        "subject": (
            "planaction : {overdue} en retard, {soon} bientôt — {date}",
            "planaction: {overdue} overdue, {soon} due soon — {date}",
        ),
        "hello": ("Bonjour {name},", "Hello {name},"),
        "intro": (
            "voici vos échéances au {date}, tous plans confondus.",
            "here is what is due for you as of {date}, across plans.",
        ),
        "section_overdue": ("En retard", "Overdue"),
        "section_soon": ("Bientôt", "Due soon"),
        "col_due": ("Échéance", "Due"),
        "col_item": ("Quoi", "What"),
        "col_plan": ("Plan", "Plan"),
        "col_when": ("Quand", "When"),
        "attached": (
            "Votre agenda est joint (planaction.ics) : importez-le pour recevoir les alertes.",
            "Your calendar is attached (planaction.ics): import it to get the alarms.",
        ),
        "footer": (
            "Envoyé par planaction. Pour corriger une échéance, modifiez le plan ; ce message n'attend pas de réponse.",
            "Sent by planaction. To change a date, edit the plan; this message needs no reply.",
        ),
        # --- the command
        "help_smtp": ("serveur SMTP, HOTE[:PORT]", "SMTP server, HOST[:PORT]"),
        "help_starttls": ("chiffre la connexion par STARTTLS", "encrypt the connection with STARTTLS"),
        "help_ssl": ("se connecte en SSL/TLS (port 465 par défaut)", "connect over SSL/TLS (port 465 by default)"),
        "help_user": (
            "identifiant SMTP ; le mot de passe vient de PLANACTION_SMTP_PASSWORD ou du trousseau",
            "SMTP user; the password comes from PLANACTION_SMTP_PASSWORD or the keyring",
        ),
        "help_from": ("adresse de l'expéditeur", "sender's address"),
        "help_dry_run": ("affiche qui recevrait quoi, sans rien envoyer", "print who would get what; send nothing"),
        "help_outbox": (
            "écrit chaque message en fichier .eml dans ce dossier au lieu de l'envoyer",
            "write each message as an .eml file in this folder instead of sending it",
        ),
        "help_force": (
            "renvoie même ce qui a déjà été envoyé aujourd'hui",
            "send again what was already sent today",
        ),
        "help_config": ("fichier de configuration (par défaut : {path})", "configuration file (default: {path})"),
        "no_transport": (
            "rien pour envoyer : donnez --smtp HOTE, --outbox DOSSIER ou --dry-run (ou un fichier {path})",
            "nothing to send with: give --smtp HOST, --outbox FOLDER or --dry-run (or a file {path})",
        ),
        "no_from": (
            "pas d'expéditeur : donnez --from ADRESSE (ou from = dans {path})",
            "no sender: give --from ADDRESS (or from = in {path})",
        ),
        "bad_from": ("« {value} » n'est pas une adresse électronique", '"{value}" is not an e-mail address'),
        "bad_port": ("« {value} » n'est pas un port (1-65535)", '"{value}" is not a port (1-65535)'),
        "bad_config": ("{path} : {problem}", "{path}: {problem}"),
        "config_unknown_key": ("clé inconnue « {key} »", 'unknown key "{key}"'),
        "config_not_text": ("« {key} » doit être un texte", '"{key}" must be a text'),
        "tls_twice": ("--starttls et --ssl s'excluent", "--starttls and --ssl exclude each other"),
        "bad_email": (
            "« {value} » n'est pas une adresse électronique utilisable : {name} ne recevra rien",
            '"{value}" is not a usable e-mail address: {name} will get nothing',
        ),
        "bad_email_hint": (
            "une adresse seule, sur une ligne, par ex. lea.fontaine@example.org",
            "one address alone on one line, e.g. lea.fontaine@example.org",
        ),
        "no_email": ("pas d'adresse électronique pour {name}", "no e-mail for {name}"),
        "no_email_hint": (
            "ajoutez {name} à la liste people: du plan, avec son email:",
            "add {name} to the plan's people: list, with their email:",
        ),
        "would_send": (
            "enverrait à {to} : {overdue} en retard, {soon} bientôt",
            "would send to {to}: {overdue} overdue, {soon} due soon",
        ),
        "sent_to": ("envoyé à {to}", "sent to {to}"),
        "written": ("écrit {file}", "wrote {file}"),
        "already_sent": (
            "déjà envoyé aujourd'hui à {to} (--force pour renvoyer)",
            "already sent today to {to} (--force to send again)",
        ),
        "failed": ("échec pour {to} : {reason}", "failed for {to}: {reason}"),
        "summary": (
            "{sent} envoyé(s), {skipped} déjà envoyé(s) aujourd'hui, {failed} en échec, {missing} sans adresse",
            "{sent} sent, {skipped} already sent today, {failed} failed, {missing} without an address",
        ),
        "summary_dry": (
            "{count} message(s) à envoyer, {missing} personne(s) sans adresse (rien n'a été envoyé)",
            "{count} message(s) to send, {missing} person(s) without an address (nothing was sent)",
        ),
        "journal_unwritable": (
            "le journal des envois {path} n'a pas pu être écrit : {reason}",
            "the journal of what was sent, {path}, could not be written: {reason}",
        ),
        "password_missing": (
            "--user est donné mais PLANACTION_SMTP_PASSWORD est vide (et aucun trousseau n'a de mot de passe)",
            "--user is given but PLANACTION_SMTP_PASSWORD is empty (and no keyring has a password)",
        ),
        # --- the per-person calendar
        "help_ics_owner": ("l'agenda d'une seule personne", "one person's calendar"),
        "overdue_alarm": ("En retard : {title}", "Overdue: {title}"),
        "measure_alarm": ("Mesure de {name} à saisir", "Time to measure {name}"),
        "decision_alarm": ("Décision attendue : {title}", "Decision expected: {title}"),
        "calendar_of": ("planaction — {name}", "planaction — {name}"),
    },
)
