"""The words of the one-page steering report (``.html`` and ``.pdf`` exports, ``report/html.py``).

Headings the app and the other reports already say (plan RAG, KPIs, top risks, next decision...)
come from ``labels.WORDS`` and ``words/report.py``; what only the page says lives here.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "onepage",
    {
        # the page's language (its <html lang>) and a date under a small chart
        "html_lang": ("fr", "en"),
        "axis_date": ("{day}/{month}/{year}", "{year}-{month}-{day}"),
        # the page's header and footer
        "page_title": ("Tableau de bord", "Steering dashboard"),
        "as_of": ("au {date}", "as of {date}"),
        "for_client": ("Client : {client}", "Client: {client}"),
        "by_consultancy": ("Préparé par {consultancy}", "Prepared by {consultancy}"),
        "made_with": ("Établi le {date} avec planaction", "Made on {date} with planaction"),
        "logo": ("Logo", "Logo"),
        "filtered": ("Actions filtrées : {filter}", "Actions filtered: {filter}"),
        "filter_shown": ("{shown} sur {total}", "{shown} of {total}"),
        # the blocks
        "progress_history": ("Avancement dans le temps", "Progress over time"),
        "objective_kpis": ("Objectif et indicateurs", "Objective and KPIs"),
        "measurements": ("Mesures", "Measurements"),
        "no_measurement": ("pas encore de mesure", "no measurement yet"),
        "mitigation": ("Parade", "Mitigation"),
        "timeline": ("Jalons", "Milestones"),
        "today": ("aujourd'hui", "today"),
        "done": ("atteint", "reached"),
        "fired_playbooks": ("Playbooks déclenchés", "Playbooks fired"),
        "no_fired_playbook": ("Aucun playbook déclenché.", "No playbook fired."),
        "value_roi": ("Valeur et ROI", "Value and ROI"),
        "synthesis_recommendations": ("Synthèse et recommandations", "Synthesis and recommendations"),
        "kpis_more": ("… et {count} autres indicateurs", "… and {count} more KPIs"),
        "milestones_more": ("… et {count} autres jalons", "… and {count} more milestones"),
        # planaction export's options, for every format
        "help_since": (
            "ajoute ce qui a changé depuis cette révision git (le dernier comité), et l'avancement à chaque commit depuis",
            "add what changed since this git revision (the last committee), and the progress at each commit since",
        ),
        "help_owner": (
            "dans les tableaux, seulement les actions de cette personne (pilote ou co-pilote)",
            "in the tables, only this person's actions (owner or co-owner)",
        ),
        "help_status": (
            "dans les tableaux, seulement les actions de ce statut (todo, in_progress, blocked… ou En cours)",
            "in the tables, only the actions with this status (todo, in_progress, blocked… or In progress)",
        ),
        "help_imperative": (
            "dans les tableaux, seulement les actions impératives",
            "in the tables, only the imperative actions",
        ),
        "help_stream": (
            "dans les tableaux, seulement les actions de ce flux (id ou nom)",
            "in the tables, only the actions of this stream (id or name)",
        ),
        "help_client": (
            "le nom du client en en-tête (sinon branding.client du plan)",
            "the client's name in the header (default: the plan's branding.client)",
        ),
        "help_consultancy": (
            "le nom du cabinet en en-tête et pied de page (sinon branding.consultancy du plan)",
            "the consultancy's name in the header and footer (default: the plan's branding.consultancy)",
        ),
        "help_logo": (
            "une image PNG, JPEG ou SVG pour l'en-tête (sinon branding.logo du plan)",
            "a PNG, JPEG or SVG image for the header (default: the plan's branding.logo)",
        ),
        "unknown_status": (
            "statut « {status} » inconnu ; les statuts : {known}",
            'unknown status "{status}"; the statuses: {known}',
        ),
        "unknown_stream": (
            "flux « {stream} » inconnu dans ce plan ; ses flux : {known}",
            'no stream "{stream}" in this plan; its streams: {known}',
        ),
        # the PDF: its engine, and what to do without it
        "no_chromium": (
            "impossible d'écrire {name} : le PDF est imprimé par Chromium, introuvable ici. "
            "Installez-le (Debian, Ubuntu : apt-get install chromium ; macOS : brew install --cask chromium) "
            "ou donnez le chemin de son programme dans PLANACTION_CHROMIUM. "
            "Le même rapport s'exporte sans lui en .html.",
            "cannot write {name}: the PDF is printed by Chromium, which is not found here. "
            "Install it (Debian, Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) "
            "or give the path of its program in PLANACTION_CHROMIUM. "
            "The same report exports without it as .html.",
        ),
        "chromium_failed": (
            "impossible d'écrire {name} : Chromium n'a pas imprimé la page ({reason})",
            "cannot write {name}: Chromium did not print the page ({reason})",
        ),
        "chromium_timeout": ("rien au bout de {seconds} s", "nothing after {seconds} s"),
        "logo_unreadable": (
            "logo {path} illisible ({reason}) : corrigez branding.logo dans le plan ou l'option --logo",
            "logo {path} cannot be read ({reason}): fix branding.logo in the plan or the --logo option",
        ),
        "logo_not_image": (
            "logo {path} : ni PNG, ni JPEG, ni GIF, ni SVG",
            "logo {path}: neither PNG, JPEG, GIF nor SVG",
        ),
    },
)
