import sys

from planaction.cli import main

sys.exit(main())
