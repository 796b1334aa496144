"""`python -m counter_app.simulator …` is `counter-app simulator …` (what `insert` spawns)."""

import sys

from counter_app.cli.main import main

sys.exit(main(["simulator", *sys.argv[1:]]))
