"""`python -m counter_app.idcard.simulator --state-dir DIR`: the simulated reader, in the
foreground (what `counter-app simulator idcard insert` starts in the background)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from counter_app.idcard.simulator.process import serve

parser = argparse.ArgumentParser(prog="python -m counter_app.idcard.simulator")
parser.add_argument("--state-dir", type=Path, required=True, help="where its port is written")
parser.add_argument("-v", "--verbose", action="store_true", help="log every command")
args = parser.parse_args()
logging.basicConfig(
    level=logging.DEBUG if args.verbose else logging.INFO,
    format="%(asctime)s %(levelname)s %(name)s: %(message)s",
)
serve(args.state_dir)
sys.exit(0)
