"""What a person reads: every word in French and English, text made safe for a terminal or Markdown,
located problems, and the reading of what a person types (numbers, dates, names)."""
