"""The one door to the use cases: `CounterApi` (interface.py), its typed requests and answers
(models.py), and its in-process implementation (local.py). The window, the command line and the
workflows use nothing below it."""
