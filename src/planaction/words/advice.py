"""What the method's advice says (``core/advice.py``), by code, in French and English.

Each warning names what is wrong and its hint says what to do, in the words of the method
guides (``../shared/seeds/``). Merged into ``words.messages`` like the core's sentences; the
code (``advice.no_start``) is what ``validate --format json`` gives and a plan silences.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

#: Sentences of the figures that follow the measurements (``rules``, the report's ledger), not codes of advice.
FIGURES = {
    "ledger.heading": ("Registre de valeur", "Value ledger"),
    "ledger.gap": ("écart {gap}", "gap {gap}"),
    "ledger.per_year": ("{value} par an", "{value} a year"),
    "ledger.line_roi": ("ROI de cette seule ligne {roi}", "ROI of this line alone {roi}"),
    "ledger.total": ("Total {value} par an", "Total {value} a year"),
    "ledger.budget": ("budget {budget}", "budget {budget}"),
    "ledger.roi": ("ROI du registre entier {roi}", "ROI of the whole ledger {roi}"),
    "rag.kpi_below": (
        "{id} à {share} % du chemin vers sa cible, moins que les {expected} % attendus à ce jour",
        "{id} {share}% of the way to its target, short of the {expected}% expected by now",
    ),
}

ADVICE = {
    "advice.the_objective": ("l'objectif du plan", "the plan's objective"),
    "advice.the_operational": ("l'objectif {id}", "objective {id}"),
    "advice.the_value_line": ("la ligne de valeur {id}", "value line {id}"),
    "advice.frequency.daily": ("quotidienne", "daily"),
    "advice.frequency.weekly": ("hebdomadaire", "weekly"),
    "advice.frequency.biweekly": ("toutes les deux semaines", "every two weeks"),
    "advice.frequency.monthly": ("mensuelle", "monthly"),
    "advice.frequency.quarterly": ("trimestrielle", "quarterly"),
    "advice.frequency.yearly": ("annuelle", "yearly"),
    "advice.frequency.once": ("ponctuelle", "once"),
    "advice.objective_no_target": (
        "{what} n'est pas SMART : aucune cible chiffrée",
        "{what} is not SMART: no measurable target",
    ),
    "advice.objective_no_target.hint": (
        "donnez la valeur à atteindre (`target:`) et la valeur de départ (`baseline:`) : « de 7 à 3 jours »",
        'give the value to reach (`target:`) and the starting value (`baseline:`): "from 7 to 3 days"',
    ),
    "advice.objective_no_deadline": (
        "{what} n'est pas SMART : aucune échéance",
        "{what} is not SMART: no deadline",
    ),
    "advice.objective_no_deadline.hint": (
        "fixez la date à laquelle il doit être atteint : `deadline: AAAA-MM-JJ`",
        "set the date by which it must be met: `deadline: YYYY-MM-DD`",
    ),
    "advice.objective_no_measure": (
        "{what} n'est pas SMART : rien ne dit comment le mesurer",
        "{what} is not SMART: nothing says how it is measured",
    ),
    "advice.objective_no_measure.hint": (
        "nommez son indicateur et son unité (`indicator:`, `unit:`, ou `kpi:` qui le mesure ; "
        "`indicators:` pour un objectif opérationnel)",
        "name its indicator and unit (`indicator:`, `unit:`, or the `kpi:` that measures it; "
        "`indicators:` for an operational objective)",
    ),
    "advice.collective_owner": (
        "l'action {id} a pour pilote un collectif (« {owner} ») : personne ne s'en sentira responsable",
        'action {id} is owned by a group ("{owner}"): no one will feel it is theirs',
    ),
    "advice.collective_owner.hint": (
        "nommez une personne qui répond de l'action (et pas « l'équipe ») ; les autres vont dans `co_owners:`",
        'name one person who answers for the action (not "the team"); the others go under `co_owners:`',
    ),
    "advice.no_start": ("l'action {id} n'a pas de date de début", "action {id} has no start date"),
    "advice.no_start.hint": (
        "planifiez-la dans le temps : `start: AAAA-MM-JJ`, pour répartir la charge",
        "plan it in time: `start: YYYY-MM-DD`, to spread the workload",
    ),
    "advice.no_priority": ("l'action {id} n'a pas de priorité", "action {id} has no priority"),
    "advice.no_priority.hint": (
        "donnez-lui un niveau de priorité (`priority: low`, `medium` ou `high`) selon l'urgence, "
        "les ressources et les critères impératifs",
        "give it a priority (`priority: low`, `medium` or `high`) after urgency, resources and imperative criteria",
    ),
    "advice.no_indicator": (
        "l'action {id} n'a pas d'indicateur : rien ne dira si elle a atteint son but",
        "action {id} has no indicator: nothing will tell whether it met its aim",
    ),
    "advice.no_indicator.hint": (
        "ajoutez un ou deux indicateurs simples (`indicators:`) ou le KPI qu'elle fait bouger (`kpi:`)",
        "add one or two simple indicators (`indicators:`) or the KPI it moves (`kpi:`)",
    ),
    "advice.no_origin": (
        "l'action {id} n'a pas d'origine : on ne sait pas de quel constat elle part",
        "action {id} has no origin: it does not say what finding it answers",
    ),
    "advice.no_origin.hint": (
        "indiquez sa source (`origins:` avec `kind:` audit, self_assessment, external_evaluation, complaint... "
        "et `ref:` le constat)",
        "say where it comes from (`origins:` with `kind:` audit, self_assessment, external_evaluation, "
        "complaint... and `ref:` the finding)",
    ),
    "advice.too_many_kpis": (
        "{count} KPI : c'est trop pour piloter (3 à 5 au plus)",
        "{count} KPIs: too many to steer by (3 to 5 at most)",
    ),
    "advice.too_many_kpis.hint": (
        "gardez les {most} KPI qui disent si l'objectif est atteint, chacun relié à une source",
        "keep the {most} KPIs that say whether the objective is met, each tied to a source",
    ),
    "advice.kpi_no_source": ("le KPI {id} n'a pas de source", "KPI {id} has no source"),
    "advice.kpi_no_source.hint": (
        "dites d'où vient le chiffre (`source:` outil, formulaire, comptabilité...)",
        "say where the figure comes from (`source:` tool, form, accounting...)",
    ),
    "advice.kpi_no_frequency": (
        "le KPI {id} n'a pas de fréquence de mesure",
        "KPI {id} has no measurement frequency",
    ),
    "advice.kpi_no_frequency.hint": (
        "dites à quel rythme il est mesuré (`frequency: monthly`, `weekly`...)",
        "say how often it is measured (`frequency: monthly`, `weekly`...)",
    ),
    "advice.too_many_high": (
        "{high} actions ouvertes sur {open} sont en priorité haute : tout est traité en même temps",
        "{high} of {open} open actions are high priority: everything at once",
    ),
    "advice.too_many_high.hint": (
        "priorisez : gardez `high` pour les urgences et les critères impératifs, passez les autres en "
        "`medium` ou `low`",
        "prioritise: keep `high` for what is urgent or imperative, move the others to `medium` or `low`",
    ),
    "advice.owner_overloaded": (
        "{owner} pilote {count} actions ouvertes, contre {next_most} au plus pour les autres pilotes",
        "{owner} owns {count} open actions, the next owner {next_most} at most",
    ),
    "advice.owner_overloaded.hint": (
        "répartissez la charge : confiez certaines actions à un autre pilote, ou échelonnez-les dans le temps",
        "spread the load: give some actions to another owner, or stagger them in time",
    ),
    "advice.stale": (
        "plan non mis à jour : aucune entrée de suivi ni mesure depuis le {since} ({days} jours, plus de {most})",
        "plan not kept up to date: no follow-up entry or measurement since {since} ({days} days, over {most})",
    ),
    "advice.stale.hint": (
        'faites le point sur les actions ouvertes et notez-le au suivi (`planaction log PLAN ACTION "résultat"`)',
        'review the open actions and record it in the log (`planaction log PLAN ACTION "result"`)',
    ),
    "advice.kpi_late": (
        "le KPI {id} n'a pas été mesuré depuis le {since}, en retard sur sa fréquence ({frequency})",
        "KPI {id} has not been measured since {since}, late for its frequency ({frequency})",
    ),
    "advice.kpi_late.hint": (
        "ajoutez sa dernière mesure (`m` dans l'application, ou une ligne sous `measurements:`)",
        "add its latest measurement (`m` in the app, or a line under `measurements:`)",
    ),
    "advice.ritual_overdue": (
        "le rituel « {name} » n'a pas eu lieu depuis le {since}, en retard sur sa fréquence ({frequency})",
        'ritual "{name}" has not been held since {since}, late for its frequency ({frequency})',
    ),
    "advice.ritual_overdue.hint": (
        "tenez-le, puis mettez à jour `last_held:` à sa date",
        "hold it, then set `last_held:` to its date",
    ),
    "advice.unlinked_action": (
        "l'action {id} ne sert aucun objectif opérationnel",
        "action {id} serves no operational objective",
    ),
    "advice.unlinked_action.hint": (
        "reliez-la à l'objectif qu'elle sert (`objective:`) ; une action qui n'en sert aucun est à revoir",
        "link it to the objective it serves (`objective:`); an action that serves none needs a second look",
    ),
    "advice.unlinked_objective": (
        "l'objectif {id} ne sert aucun enjeu",
        "objective {id} serves no stake",
    ),
    "advice.unlinked_objective.hint": (
        "reliez-le à l'enjeu partagé qu'il sert (`stake:`)",
        "link it to the shared stake it serves (`stake:`)",
    ),
    "advice.starts_before_predecessor": (
        "l'action {id} commence le {start}, avant la fin de l'action {other} dont elle dépend ({due})",
        "action {id} starts on {start}, before action {other} it depends on ends ({due})",
    ),
    "advice.starts_before_predecessor.hint": (
        "décalez son début après l'échéance de {other}, ou retirez la dépendance si elle n'attend pas {other}",
        "move its start after {other}'s due date, or remove the dependency if it does not wait for {other}",
    ),
    "advice.done_before_predecessor": (
        "l'action {id} est terminée alors que l'action {other} dont elle dépend est encore ouverte",
        "action {id} is done while action {other} it depends on is still open",
    ),
    "advice.done_before_predecessor.hint": (
        "mettez à jour le statut de {other}, ou retirez la dépendance si {id} ne l'attendait pas",
        "update {other}'s status, or remove the dependency if {id} did not wait for it",
    ),
    "advice.no_result": (
        "l'action {id} est engagée mais aucun résultat n'est noté (ni suivi, ni commentaire)",
        "action {id} is under way or done but no result is recorded (no follow-up entry, no comment)",
    ),
    "advice.no_result.hint": (
        "notez les résultats observés dès les premières étapes : une entrée au suivi (`l` dans l'application) "
        "ou un `comment:`",
        "record the results observed from the first steps: a follow-up entry (`l` in the app) or a `comment:`",
    ),
    "advice.stated_value_differs": (
        "{what} indique {stated}, mais la dernière mesure de {kpi} est {measured}",
        "{what} says {stated}, but the latest measurement of {kpi} is {measured}",
    ),
    "advice.stated_value_differs.hint": (
        "les rapports suivent la mesure de {kpi} ; mettez le chiffre à jour ou retirez-le",
        "the reports follow {kpi}'s measurement; update the figure or remove it",
    ),
    "advice.ignore_no_reason": (
        "le conseil {code} est ignoré sans raison",
        "advice {code} is ignored without a reason",
    ),
    "advice.ignore_no_reason.hint": (
        "dites pourquoi il ne s'applique pas à ce plan : `reason:` (l'évaluateur le demandera)",
        "say why it does not apply to this plan: `reason:` (the assessor will ask)",
    ),
    "advice.more": (
        "et {count} autres « {code} » plus loin",
        'and {count} more "{code}" further on',
    ),
    "advice.more.hint": (
        "corrigez les premières, ou écartez le conseil avec sa raison (`advice: ignore`)",
        "fix the first ones, or set the advice aside with its reason (`advice: ignore`)",
    ),
    "advice.ignore_unknown_code": (
        "« {code} » n'est le code d'aucun conseil",
        '"{code}" is the code of no advice',
    ),
    "advice.ignore_unknown_code.hint": (
        "vouliez-vous dire « {closest} » ? Le README liste les codes",
        'did you mean "{closest}"? The README lists the codes',
    ),
}

say = Catalog("advice", {**ADVICE, **FIGURES})
