"""sitrep: conflict news in, a structured, geocoded, source-attributed event database out."""

__version__ = "0.1.0"
