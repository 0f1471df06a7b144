"""Queries: read-only access to the read models, shaped for the API."""
