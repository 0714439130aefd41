"""Shared test setup. Being here puts tests/ on sys.path, so test folders can import served_site."""
