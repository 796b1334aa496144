"""The counter's businesses as plain Python: steps, what each needs, checks and branches.

A flow holds what the clerk entered, step by step, as text (what the widgets show); its steps
check that text and say what is wrong with it. The Qt wizard only renders steps and problems;
the runner (runner.py) does what the database and printer must do at each step.
"""
