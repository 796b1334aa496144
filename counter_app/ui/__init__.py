"""The Qt window: renders and forwards to the use cases through their interface (counter_app.api);
owns no rules."""
