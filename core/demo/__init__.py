"""Helpers the demo data of every app shares (StreamField values of the content blocks)."""
