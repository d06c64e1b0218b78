"""Tests des règles exécutées aussi dans le navigateur (pyscripts)."""
