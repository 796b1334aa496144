import sys

from counter_app.cli.main import main

sys.exit(main())
