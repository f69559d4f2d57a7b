"""The app's questions: each modal in its own module, imported from there."""
