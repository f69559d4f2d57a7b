"""The plan itself: its schema, cross-checks, the operations that change it and the rules that judge it.

Pure: nothing here reads a file, draws a screen or chooses a word for a
person; it imports pydantic and the standard library only (import-linter
checks it).
"""
