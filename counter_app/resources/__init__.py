"""Files shipped with the application: the default locality rules."""

from __future__ import annotations

from pathlib import Path

from counter_app.domain.rules import LocalityRules, RulesError, parse_rules

# Path(__file__) rather than importlib.resources: the package is installed as plain files, and
# callers (the settings screen, the CLI) want a real path to show and to copy.
DEFAULT_RULES_FILE = Path(__file__).with_name("rules-320100.toml")


def load_rules(path: Path | None = None) -> LocalityRules:
    """The rules in `path` (the shipped Nanjing file by default), or RulesError."""
    path = path or DEFAULT_RULES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError("", f"cannot read the rules file {path}: {exc}", path.name) from None
    return parse_rules(text, path.name)
