"""The steering report of a plan or a folder, and each person's reminders, in every output format.

``build`` makes the report object once; ``text``, ``markdown``, ``json`` and ``rich`` lay it out
(``renderers.render`` picks one by name); ``files`` and ``export_*`` write it as an export format;
``due`` is ``planaction due``. Words come from ``words/report.py``.
"""
