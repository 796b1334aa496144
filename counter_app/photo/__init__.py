"""The holder's photo: found, framed and checked to the card's photo standard, then encoded.

Nothing here is imported by the window's start: the modules that use OpenCV load it (and
NumPy) when a photo is first prepared. `prepare.prepare_photo` is the entry point;
`standard.py` holds the standard's numbers, `problems.py` the codes a refusal carries.
"""
