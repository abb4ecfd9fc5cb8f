"""The cleaned view of a transcript (rules: CLEANING.md). Plain Python, no Qt."""

from reader.core.text.edits import Edit
from reader.core.text.fillers import DEFAULT_FILLERS
from reader.core.text.pipeline import STAGES, Cleaned, Cleaner, CleanSettings, cleaning_fingerprint
from reader.core.text.rules import Rule, RuleSet, check_rule, format_rules_tsv, parse_rules_tsv, read_rules_tsv
from reader.core.text.script import SCRIPTS
from reader.core.text.shown import Shown, automatic, shown_run, shown_text

__all__ = [
    "DEFAULT_FILLERS",
    "SCRIPTS",
    "STAGES",
    "CleanSettings",
    "Cleaned",
    "Cleaner",
    "Edit",
    "Rule",
    "RuleSet",
    "Shown",
    "automatic",
    "check_rule",
    "cleaning_fingerprint",
    "format_rules_tsv",
    "parse_rules_tsv",
    "read_rules_tsv",
    "shown_run",
    "shown_text",
]
