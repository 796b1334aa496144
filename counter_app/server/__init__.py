"""The outlet service: the interface's use cases over HTTP (FastAPI), for counters that hold no
database account. `create_app` (app.py) builds it; `counter-app serve` runs it on uvicorn."""
