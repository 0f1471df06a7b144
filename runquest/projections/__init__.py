"""Projectors: each follows the event store and keeps one read model in PostGIS."""
