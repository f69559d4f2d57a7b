from planaction.cli import run

run()
