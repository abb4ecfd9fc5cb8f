"""The dialogs, made when first asked for.

Their modules are imported then too, on first use of a name here (PEP 562): the
window paints without them (a tenth of a second and more at start-up), and the
export dialog's writers would bring reader.core.text with them.
"""

from __future__ import annotations

import importlib
from typing import Any

_MODULES = {
    "ConflictDialog": "conflict_dialog",
    "EDIT_MINE": "conflict_dialog",
    "USE_MINE": "conflict_dialog",
    "ExportDialog": "export_dialog",
    "GlossaryDialog": "glossary_dialog",
    "OpenSharedDialog": "open_shared_dialog",
    "OverviewDialog": "overview",
    "RulesDialog": "rules_dialog",
    "ShortcutsDialog": "shortcuts",
    "SpeakerManager": "speaker_manager",
    "TopicPicker": "topic_picker",
    "load_suggestions": "topic_picker",
    "load_topics": "topic_picker",
}


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
