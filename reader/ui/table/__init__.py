"""The segment table: its item model, view and delegates."""
