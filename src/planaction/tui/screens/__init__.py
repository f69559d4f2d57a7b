"""The app's screens: the portfolio of a folder (``portfolio``) and one plan (``plan``, with its
edits, its file and its palette commands in ``plan_edits``, ``plan_file`` and ``plan_commands``)."""
