"""Event-sourced aggregates: pure Python, one per module."""
