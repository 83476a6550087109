"""`sitrep gazetteer import|lookup`."""

from __future__ import annotations

import typer

app = typer.Typer(help="Inspect and extend the gazetteer.", no_args_is_help=True)
