"""The Qt side of the businesses: renders counter_app.workflows' steps, one page at a time."""
