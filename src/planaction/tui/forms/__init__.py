"""The editing forms: ``base`` (shared behaviour), ``specs`` (fields declared once), ``fields``
(widgets and readers), and one module per kind of form (``action``, ``entries``)."""
