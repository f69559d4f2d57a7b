"""The label and the help line of every field of a plan's model, in French and English.

The app's forms are generated from the model (``tui/forms/generated``): a field added to the
model needs its two lines here and nothing else. The model's own descriptions stay English, for
the JSON Schema editors read; a French reader gets the French help from here. Keys are
``Model.field`` (the Pydantic model's class name and the field's name, not its YAML alias);
a test checks that every field of every model has both.

A table, long by nature (two entries for each of some 180 fields), kept in one place so that a
field's French and English sit side by side; ``tests/test_field_words.py`` holds the rules it
keeps: labels of at most 24 characters (they sit left of an input at 80 columns), one-line help,
the app's column word for the same thing (``labels.WORDS``), French typography as in ``words/tui``.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog
from planaction.words.field_help import HELP_PLAN
from planaction.words.field_help_registers import HELP_REGISTERS
from planaction.words.improvement import HELP as HELP_IMPROVEMENT
from planaction.words.improvement import LABELS as LABELS_IMPROVEMENT
from planaction.words.structures import HELP as HELP_STRUCTURES
from planaction.words.structures import LABELS as LABELS_STRUCTURES

#: "Model.field" -> (French label, English label): short, they sit left of an input at 80 columns;
#: the same word as the app's columns (``labels.WORDS``) for the same thing.
LABELS = Catalog(
    "fields.labels",
    {
        # Plan
        "Plan.version": ("Version du format", "Format version"),
        "Plan.id": ("Id", "Id"),
        "Plan.title": ("Titre", "Title"),
        "Plan.type": ("Type de plan", "Kind of plan"),
        "Plan.language": ("Langue", "Language"),
        "Plan.owner": ("Responsable", "Owner"),
        "Plan.sponsor": ("Sponsor", "Sponsor"),
        "Plan.status": ("Statut", "Status"),
        "Plan.closed_on": ("Clos le", "Closed on"),
        "Plan.period": ("Période", "Period"),
        "Plan.context": ("Contexte (QQOQCP)", "Context"),
        "Plan.objective": ("Objectif SMART", "SMART objective"),
        "Plan.synthesis": ("Synthèse", "Synthesis"),
        "Plan.recommendations": ("Recommandations", "Recommendations"),
        "Plan.people": ("Personnes", "People"),
        "Plan.stakes": ("Enjeux", "Stakes"),
        "Plan.objectives": ("Objectifs opérationnels", "Operational objectives"),
        "Plan.streams": ("Flux", "Streams"),
        "Plan.partners": ("Partenaires", "Partners"),
        "Plan.actions": ("Actions", "Actions"),
        "Plan.log": ("Suivi", "Follow-up log"),
        "Plan.kpis": ("Indicateurs clés", "KPIs"),
        "Plan.risks": ("Risques", "Risks"),
        "Plan.milestones": ("Jalons", "Milestones"),
        "Plan.health": ("Santé", "Health"),
        "Plan.playbooks": ("Playbooks", "Playbooks"),
        "Plan.value": ("Valeur", "Value"),
        "Plan.budget": ("Budget", "Budget"),
        "Plan.branding": ("Habillage", "Branding"),
        "Plan.raci": ("RACI", "RACI"),
        "Plan.decisions": ("Décisions", "Decisions"),
        "Plan.rituals": ("Rituels", "Rituals"),
        "Plan.advice": ("Conseils de la méthode", "Method's advice"),
        # Advice (what the plan silences of the method's advice)
        "Advice.ignore": ("Conseils écartés", "Advice set aside"),
        "Advice.stale_days": ("Jours sans suivi", "Days without follow-up"),
        "AdviceIgnore.code": ("Code du conseil", "Advice code"),
        "AdviceIgnore.reason": ("Raison", "Reason"),
        "AdviceIgnore.ids": ("Seulement pour", "Only for"),
        # Period
        "Period.start": ("Début", "Start"),
        "Period.end": ("Fin", "End"),
        # Context
        "Context.what": ("Quoi", "What"),
        "Context.who": ("Qui", "Who"),
        "Context.where": ("Où", "Where"),
        "Context.when": ("Quand", "When"),
        "Context.how": ("Comment", "How"),
        "Context.why": ("Pourquoi", "Why"),
        "Context.how_much": ("Combien", "How much"),
        # Objective
        "Objective.statement": ("Énoncé", "Statement"),
        "Objective.indicator": ("Indicateur", "Indicator"),
        "Objective.unit": ("Unité", "Unit"),
        "Objective.baseline": ("Base", "Baseline"),
        "Objective.target": ("Cible", "Target"),
        "Objective.current": ("Actuel", "Current"),
        "Objective.deadline": ("Échéance", "Deadline"),
        "Objective.kpi": ("KPI", "KPI"),
        # Person
        "Person.name": ("Nom", "Name"),
        "Person.role": ("Rôle", "Role"),
        "Person.email": ("Courriel", "E-mail"),
        "Person.organisation": ("Organisation", "Organisation"),
        # Stake
        "Stake.id": ("Id", "Id"),
        "Stake.title": ("Enjeu", "Stake"),
        "Stake.description": ("Description", "Description"),
        "Stake.holders": ("Partagé par", "Shared by"),
        # OperationalObjective
        "OperationalObjective.id": ("Id", "Id"),
        "OperationalObjective.title": ("Objectif", "Objective"),
        "OperationalObjective.stake": ("Enjeu", "Stake"),
        "OperationalObjective.indicators": ("Indicateurs", "Indicators"),
        "OperationalObjective.expected_results": ("Résultats attendus", "Expected results"),
        "OperationalObjective.deadline": ("Échéance", "Deadline"),
        "OperationalObjective.owner": ("Responsable", "Owner"),
        # Partner
        "Partner.name": ("Nom", "Name"),
        "Partner.kind": ("Type de soutien", "Kind of support"),
        "Partner.brings": ("Ce qu'il apporte", "What it brings"),
        "Partner.expects": ("Ce qu'il attend", "What it expects"),
        # Stream
        "Stream.id": ("Id", "Id"),
        "Stream.name": ("Nom", "Name"),
        "Stream.description": ("Description", "Description"),
        # Origin
        "Origin.kind": ("Type", "Kind"),
        "Origin.ref": ("Référence", "Reference"),
        "Origin.note": ("Constat", "Finding"),
        # Action
        "Action.id": ("Id", "Id"),
        "Action.title": ("Titre", "Title"),
        "Action.owner": ("Responsable", "Owner"),
        "Action.co_owners": ("Co-pilotes", "Co-owners"),
        "Action.objective": ("Objectif", "Objective"),
        "Action.stream": ("Flux", "Stream"),
        "Action.origins": ("Origines", "Origins"),
        "Action.imperative": ("Impératif", "Imperative"),
        "Action.priority": ("Priorité", "Priority"),
        "Action.impact": ("Impact (0-5)", "Impact (0-5)"),
        "Action.urgency": ("Urgence (0-5)", "Urgency (0-5)"),
        "Action.effort": ("Effort (0-5)", "Effort (0-5)"),
        "Action.start": ("Début", "Start"),
        "Action.due": ("Échéance", "Due"),
        "Action.completed": ("Terminée le", "Completed"),
        "Action.status": ("Statut", "Status"),
        "Action.progress": ("Avancement", "Progress"),
        "Action.resources": ("Ressources", "Resources"),
        "Action.budget": ("Budget", "Budget"),
        "Action.skills": ("Compétences", "Skills"),
        "Action.partners": ("Partenaires", "Partners"),
        "Action.indicators": ("Indicateurs", "Indicators"),
        "Action.kpi": ("KPI", "KPI"),
        "Action.depends_on": ("Dépend de", "Depends on"),
        "Action.comment": ("Commentaire", "Comment"),
        # LogEntry
        "LogEntry.date": ("Date", "Date"),
        "LogEntry.action": ("Action", "Action"),
        "LogEntry.result": ("Résultat obtenu", "Result"),
        "LogEntry.comment": ("Commentaire", "Comment"),
        "LogEntry.author": ("Auteur", "Author"),
        # Measurement
        "Measurement.date": ("Date", "Date"),
        "Measurement.value": ("Valeur", "Value"),
        "Measurement.comment": ("Commentaire", "Comment"),
        # Kpi
        "Kpi.id": ("Id", "Id"),
        "Kpi.name": ("Nom", "Name"),
        "Kpi.unit": ("Unité", "Unit"),
        "Kpi.source": ("Source", "Source"),
        "Kpi.frequency": ("Fréquence", "Frequency"),
        "Kpi.direction": ("Sens", "Direction"),
        "Kpi.baseline": ("Base", "Baseline"),
        "Kpi.target": ("Cible", "Target"),
        "Kpi.deadline": ("Échéance", "Deadline"),
        "Kpi.owner": ("Responsable", "Owner"),
        "Kpi.stream": ("Flux", "Stream"),
        "Kpi.measurements": ("Mesures", "Measurements"),
        # Risk
        "Risk.id": ("Id", "Id"),
        "Risk.title": ("Risque", "Risk"),
        "Risk.probability": ("Probabilité", "Probability"),
        "Risk.impact": ("Impact", "Impact"),
        "Risk.mitigation": ("Mitigation", "Mitigation"),
        "Risk.owner": ("Responsable", "Owner"),
        "Risk.status": ("Statut", "Status"),
        "Risk.action": ("Action", "Action"),
        # Milestone
        "Milestone.id": ("Id", "Id"),
        "Milestone.title": ("Jalon", "Milestone"),
        "Milestone.due": ("Échéance", "Due"),
        "Milestone.deliverables": ("Livrables", "Deliverables"),
        "Milestone.evidence": ("Preuves", "Evidence"),
        "Milestone.criteria": ("Critère", "Criterion"),
        "Milestone.done": ("Atteint", "Done"),
        "Milestone.done_on": ("Atteint le", "Done on"),
        # HealthDimension
        "HealthDimension.name": ("Dimension", "Dimension"),
        "HealthDimension.weight": ("Poids", "Weight"),
        "HealthDimension.rating": ("Note (1-5)", "Rating (1-5)"),
        "HealthDimension.description": ("Description", "Description"),
        # HealthThresholds
        "HealthThresholds.green": ("Seuil du vert", "Green threshold"),
        "HealthThresholds.amber": ("Seuil de l'orange", "Amber threshold"),
        # Health
        "Health.dimensions": ("Dimensions", "Dimensions"),
        "Health.thresholds": ("Seuils", "Thresholds"),
        # Playbook
        "Playbook.signal": ("Signal", "Signal"),
        "Playbook.level": ("Météo", "RAG"),
        "Playbook.trigger": ("Déclencheur", "Trigger"),
        "Playbook.action": ("Action immédiate", "Immediate action"),
        "Playbook.owner": ("Responsable", "Owner"),
        "Playbook.delay_days": ("Délai (jours)", "Delay (days)"),
        "Playbook.kpi": ("KPI", "KPI"),
        "Playbook.below": ("Sous", "Below"),
        "Playbook.above": ("Au-dessus de", "Above"),
        "Playbook.attainment_below": ("Atteinte sous (%)", "Attainment below (%)"),
        "Playbook.health_below": ("Santé sous", "Health below"),
        "Playbook.dimension": ("Dimension surveillée", "Dimension watched"),
        "Playbook.rating_below": ("Note sous", "Rating below"),
        "Playbook.stream": ("Flux", "Stream"),
        "Playbook.stream_rag": ("Météo du flux", "Stream RAG"),
        "Playbook.rituals_missed": ("Rituels manqués", "Rituals missed"),
        # ValueLine
        "ValueLine.id": ("Id", "Id"),
        "ValueLine.hypothesis": ("Hypothèse de valeur", "Value hypothesis"),
        "ValueLine.kpi": ("KPI", "KPI"),
        "ValueLine.indicator": ("Indicateur", "Indicator"),
        "ValueLine.direction": ("Sens", "Direction"),
        "ValueLine.baseline": ("Base", "Baseline"),
        "ValueLine.target": ("Cible", "Target"),
        "ValueLine.actual": ("Réel", "Actual"),
        "ValueLine.unit_gain": ("Gain unitaire", "Unit gain"),
        "ValueLine.volume": ("Volume / an", "Volume / year"),
        "ValueLine.margin": ("Marge", "Margin"),
        "ValueLine.value_per_year": ("Valeur / an", "Value / year"),
        "ValueLine.notes": ("Notes", "Notes"),
        # Budget
        "Budget.amount": ("Montant", "Amount"),
        "Budget.currency": ("Devise", "Currency"),
        "Budget.note": ("Note", "Note"),
        # Branding
        "Branding.client": ("Client", "Client"),
        "Branding.consultancy": ("Cabinet", "Consultancy"),
        "Branding.logo": ("Logo", "Logo"),
        # RaciRow
        "RaciRow.activity": ("Activité", "Activity"),
        "RaciRow.responsible": ("Réalisateurs (R)", "Responsible (R)"),
        "RaciRow.accountable": ("Approbateur (A)", "Accountable (A)"),
        "RaciRow.consulted": ("Consultés (C)", "Consulted (C)"),
        "RaciRow.informed": ("Informés (I)", "Informed (I)"),
        # Decision
        "Decision.id": ("Id", "Id"),
        "Decision.title": ("Décision", "Decision"),
        "Decision.owner": ("Responsable", "Owner"),
        "Decision.due": ("Échéance", "Due"),
        "Decision.date": ("Prise le", "Taken on"),
        "Decision.status": ("Statut", "Status"),
        "Decision.outcome": ("Ce qui est décidé", "Outcome"),
        # Ritual
        "Ritual.name": ("Nom", "Name"),
        "Ritual.frequency": ("Fréquence", "Frequency"),
        "Ritual.participants": ("Participants", "Participants"),
        "Ritual.purpose": ("Objet", "Purpose"),
        "Ritual.last_held": ("Dernière tenue", "Last held"),
        **LABELS_IMPROVEMENT,
        **LABELS_STRUCTURES,
    },
)

#: "Model.field" -> (French help line, English help line), kept in two modules of data
HELP = Catalog("fields.help", {**HELP_PLAN, **HELP_REGISTERS, **HELP_IMPROVEMENT, **HELP_STRUCTURES})


def field_label(model: type, name: str, lang: str) -> str:
    """The field's label; its name as written in the file when it has none yet (a test forbids that)."""
    key = f"{model.__name__}.{name}"
    return LABELS(key, lang) if key in LABELS else name


def field_help(model: type, name: str, lang: str) -> str:
    """The field's help line: what to write, with an example; empty when it has none yet."""
    key = f"{model.__name__}.{name}"
    return HELP(key, lang) if key in HELP else ""
