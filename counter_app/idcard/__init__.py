"""The resident ID card reader (二代证读卡器): its frame protocol over a serial port.

frames.py (frames split or joined across reads, checksums), errors.py (status words → typed
errors), layouts.py (the card's 256-byte text in its four layouts), ethnicity.py (GB 3304),
card.py (the typed result), reader.py (the session over a port), discovery.py (which port),
settings.py (the workstation's `idcard/port` without Qt), simulator/ (a reader on a pty).
"""
