"""Scoring sitrep against human-coded event data (ACLED, UCDP GED, CASE 2021)."""
