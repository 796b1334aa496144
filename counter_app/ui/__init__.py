"""The Qt window: renders and forwards to the services; owns no rules."""
