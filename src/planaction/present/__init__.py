"""The plan being edited (undo, redo, save, the clock) and what each face shows of a plan:
display-ready rows and panels, changes as sentences, people under one spelling."""
