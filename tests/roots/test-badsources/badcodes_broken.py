"""A module that fails on import."""

raise RuntimeError('the database is not configured')
