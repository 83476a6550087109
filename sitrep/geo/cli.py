"""`sitrep gazetteer import|lookup|imports`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from sitrep.countries import to_iso2

app = typer.Typer(help="Inspect and extend the gazetteer.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def _country(value: Optional[str], option: str = "--country") -> Optional[str]:
    if value is None:
        return None
    code = to_iso2(value)
    if code is None:
        raise _fail(f"{option}: unknown country {value!r} (use a name such as Syria or an ISO code such as SY)")
    return code


@app.command("lookup")
def lookup(
    name: Annotated[str, typer.Argument(help="A place name, in any common spelling (Latin or Arabic script).")],
    country: Annotated[Optional[str], typer.Option(help="Country focus: a name or ISO code.")] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many candidates.")] = 10,
) -> None:
    """Show the gazetteer's candidates for NAME, best first, with their scores and the reasons for them."""
    from sitrep.geo import Geocoder

    cc = _country(country)
    candidates = Geocoder.load().lookup(name, cc)
    if not candidates:
        out.print(f"no gazetteer match for {name!r}" + (f" (country focus {cc})" if cc else ""), highlight=False)
        raise typer.Exit(1)
    table = Table(title=f"{name!r}" + (f" (country focus {cc})" if cc else ""))
    for column in ("#", "score", "place", "where (admin2, admin1, country)", "lat, lon", "population", "id"):
        table.add_column(column, overflow="fold")
    shown = candidates[:limit]
    for i, c in enumerate(shown, start=1):
        p = c.place
        kind = p.fcode if p.kind == "feature" else p.kind
        where = ", ".join(x for x in (p.admin2, p.admin1, p.cc) if x)
        point = f"{p.lat:.4f}, {p.lon:.4f}" if p.has_point else "-"
        table.add_row(str(i), f"{c.score:.1f}", f"{p.name} ({kind})", where, point,
                      f"{p.population:,}" if p.population else "", p.gid)
    out.print(table)
    for i, c in enumerate(shown, start=1):
        out.print(f"[bold]#{i}[/] " + "; ".join(c.reasons), highlight=False, soft_wrap=True)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="allCountries.txt, a country file (SY.txt) or its .zip, or a WOF TSV.")],
    country: Annotated[Optional[list[str]], typer.Option(help="Only these countries (repeatable).")] = None,
    min_population: Annotated[int, typer.Option(help="Skip populated places smaller than this.")] = 0,
) -> None:
    """Add places from a GeoNames dump or a Who's On First TSV to your gazetteer (used by later runs)."""
    from sitrep.geo import Geocoder
    from sitrep.geo.overlay import import_file

    countries = {_country(c) for c in country} if country else None
    started = time.perf_counter()
    try:
        result = import_file(file, countries=countries, min_population=min_population)
    except (ValueError, OSError) as exc:
        raise _fail(str(exc)) from None
    top = ", ".join(f"{cc} {n:,}" for cc, n in result.by_country.most_common(8))
    out.print(f"imported {result.places:,} places from {file.name} ({result.format}): {top}", highlight=False)
    Geocoder.load()  # index the overlay now rather than on the next run
    out.print(f"indexed in {time.perf_counter() - started:.1f} s; stored in {result.written}", highlight=False)


@app.command("imports")
def imports() -> None:
    """List the files imported into your gazetteer (delete one to remove its places)."""
    from sitrep.geo.overlay import imported_files

    files = imported_files()
    if not files:
        out.print("no imported gazetteer files")
        return
    for path in files:
        out.print(f"{path}  ({path.stat().st_size:,} bytes)", highlight=False)
