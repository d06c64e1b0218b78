"""Mesures (pas des tests) : `make bench`."""
