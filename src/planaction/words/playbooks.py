"""What fired playbooks say (``core/playbooks.py``): why each fired, and the words around them.

The reasons quote the figure that crossed the line and the line itself, as the playbook
table of seed 003 writes them ("Actifs 30j < 40%"); merged into ``words.messages``.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

PLAYBOOKS = {
    # a number and its unit: ``words.messages.render`` writes it as the language writes numbers
    "figure": ("{value} {unit}", "{value} {unit}"),
    "playbook.kpi_below": ("{id} à {value}, sous le seuil de {threshold}", "{id} at {value}, below {threshold}"),
    "playbook.kpi_above": ("{id} à {value}, au-dessus du seuil de {threshold}", "{id} at {value}, above {threshold}"),
    "playbook.kpi_attainment": (
        "{id} à {share} % du chemin vers sa cible, sous les {expected} % attendus à cette date ({threshold} % à l'échéance)",
        "{id} {share}% of the way to its target, below the {expected}% expected by then ({threshold}% at its deadline)",
    ),
    "playbook.health_below": (
        "score de santé {score}/100, sous {threshold}",
        "health score {score}/100, below {threshold}",
    ),
    "playbook.rating_below": (
        "{dimension} notée {rating}/5, sous {threshold}",
        "{dimension} rated {rating}/5, below {threshold}",
    ),
    "playbook.stream_rag": ("flux {stream} en {level}", "stream {stream} {level}"),
    "playbook.level.green": ("vert", "green"),
    "playbook.level.amber": ("orange", "amber"),
    "playbook.level.red": ("rouge", "red"),
    "playbook.rituals_missed": (
        "{missed} rituels manqués (seuil : {threshold})",
        "{missed} ritual meetings missed (threshold: {threshold})",
    ),
    "op.playbook_handled": (
        "le playbook « {signal} » est déjà pris en charge par l'action {id}",
        'playbook "{signal}" is already handled by action {id}',
    ),
    "op.playbook_handled.hint": (
        "suivez cette action ; une fois close, le playbook se redéclenche si le signal persiste",
        "follow that action up; once it is closed, the playbook fires again if the signal persists",
    ),
    # ``checks``: a condition planaction cannot read
    "check.playbook_subjects": (
        "le playbook « {signal} » surveille plusieurs choses à la fois : {subjects}",
        'playbook "{signal}" watches several things at once: {subjects}',
    ),
    "check.playbook_subjects.hint": (
        "gardez un seul sujet (kpi, health_below, dimension, stream ou rituals_missed) ; "
        "écrivez un playbook par signal",
        "keep one subject (kpi, health_below, dimension, stream or rituals_missed); write one playbook per signal",
    ),
    "check.playbook_threshold": (
        "le playbook « {signal} » surveille {subject} sans seuil",
        'playbook "{signal}" watches {subject} with no threshold',
    ),
    "check.playbook_threshold.hint": (
        "ajoutez {fields}",
        "add {fields}",
    ),
    "check.playbook_orphan": (
        "le playbook « {signal} » a un seuil ({field}) mais ne dit pas ce qu'il surveille",
        'playbook "{signal}" has a threshold ({field}) but does not say what it watches',
    ),
    "check.playbook_orphan.hint": (
        "ajoutez {subject}",
        "add {subject}",
    ),
    "check.playbook_dimension": (
        "le playbook « {signal} » surveille la dimension « {dimension} », absente du score de santé",
        'playbook "{signal}" watches dimension "{dimension}", which the health score does not have',
    ),
    "check.playbook_dimension.hint": ("dimensions connues : {known}", "known dimensions: {known}"),
}

#: How faces write a fired playbook (``present/dashboard.fired_lines``).
LINES = {
    "playbook.line": ("{signal} : {reason} → {action} — {owner}", "{signal}: {reason} → {action} — {owner}"),
    "playbook.due": (", avant le {due}", ", by {due}"),
    "playbook.late": (" ({days})", " ({days})"),
    "playbook.handled": (" — pris en charge par l'action {id}", " — handled by action {id}"),
    "playbook.state_fired": ("déclenché : {reason}", "fired: {reason}"),
    "playbook.state_handled": ("pris en charge par {id}", "handled by {id}"),
    "playbook.state_quiet": ("calme", "quiet"),
    "playbook.state_words": ("sans condition vérifiable", "no checkable condition"),
    "playbook.column_state": ("Aujourd'hui", "Today"),
    "playbook.answered": (
        "Action {id} créée pour le playbook « {signal} », à faire avant le {due}",
        'Action {id} created for playbook "{signal}", due {due}',
    ),
}

say = Catalog("playbooks", {**PLAYBOOKS, **LINES})
