"""The steering report of a plan or a folder, and each person's reminders, in every output format."""
