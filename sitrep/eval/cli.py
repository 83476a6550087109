"""`sitrep eval acled|ucdp|case PATH`."""

from __future__ import annotations

import typer

app = typer.Typer(help="Score extraction and geocoding against human-coded event data.", no_args_is_help=True)
