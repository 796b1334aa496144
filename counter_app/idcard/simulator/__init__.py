"""A simulated ID card reader on a pseudo-terminal, with cards from simulated_idcards.toml.

profiles.py (the cards), answers.py (what the reader answers to each frame), process.py (the
reader's process: the pty and its loop), control.py (start it, lay a card on it or take it off,
find its port). `python -m counter_app.idcard.simulator --state-dir DIR` runs the reader in the
foreground.
"""
