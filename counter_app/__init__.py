"""Counter application for social security card business at bank outlets."""

__version__ = "0.1.0"
