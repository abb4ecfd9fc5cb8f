"""The only road from the GUI into `reader.core.library`: see `base.Operations`."""

from reader.core.library.opchanges import OpChanges
from reader.ui.operations.base import Operations

__all__ = ["OpChanges", "Operations"]
