"""The main window and the QObjects it wires: find/replace, library actions, labelling, import progress, change sync."""
