"""The `counter-app` command: the window by default, and the administrator's subcommands."""
