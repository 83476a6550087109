"""`sitrep eval acled|ucdp|case PATH`: score extraction and geocoding against human-coded event data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="Score extraction and geocoding against human-coded event data.", no_args_is_help=True)
out = Console()

PathArg = Annotated[str, typer.Argument(help="The benchmark file (see ../shared/bench/events/README.md).")]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", help="Score only the first N rows.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]


def _stages(with_geocoder: bool):
    from sitrep.extract import Extractor
    from sitrep.geo import Geocoder

    geocoder = Geocoder.load() if with_geocoder else None
    return Extractor(geocoder=geocoder), geocoder


def _present(path: str) -> bool:
    if not Path(path).is_file():
        Console(stderr=True).print(f"skipped: {path} not found", highlight=False, soft_wrap=True)
        return False
    return True


def _report(result: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, indent=2, default=str))
        return
    table = Table(title=f"sitrep eval {result['source']}: {result['rows']} rows")
    table.add_column("metric")
    table.add_column("correct", justify="right")
    table.add_column("total", justify="right")
    table.add_column("rate", justify="right")
    for metric, figures in result["metrics"].items():
        table.add_row(metric, str(figures["correct"]), str(figures["total"]), f"{figures['rate']:.3f}")
    out.print(table)
    for key in ("documents", "documents_without_event", "macro_f1"):
        if key in result:
            out.print(f"{key}: {result[key]}")
    for confusion in result.get("top_confusions", []):
        out.print(f"  {confusion['gold']} -> {confusion['predicted']}: {confusion['count']}")


@app.command()
def acled(path: PathArg, limit: LimitOpt = None, as_json: JsonOpt = False) -> None:
    """ACLED rows: event type, sub-type, fatalities, actor1 family, date, location within 10/25 km."""
    if not _present(path):
        return
    from sitrep.eval.acled import evaluate

    extractor, geocoder = _stages(True)
    _report(evaluate(path, extractor, geocoder, limit, show_progress=not as_json), as_json)


@app.command()
def ucdp(path: PathArg, limit: LimitOpt = None, as_json: JsonOpt = False) -> None:
    """UCDP GED rows: location within 10/25 km, deaths (best), date."""
    if not _present(path):
        return
    from sitrep.eval.ucdp import evaluate

    extractor, geocoder = _stages(True)
    _report(evaluate(path, extractor, geocoder, limit, show_progress=not as_json), as_json)


@app.command()
def case(path: PathArg, limit: LimitOpt = None, as_json: JsonOpt = False) -> None:
    """CASE 2021 task 2 snippets: sub-type accuracy and macro-F1."""
    if not _present(path):
        return
    from sitrep.eval.case import evaluate

    extractor, _ = _stages(False)
    _report(evaluate(path, extractor, None, limit, show_progress=not as_json), as_json)
