"""The `sitrep` command line. Every command documents itself: `sitrep COMMAND --help`."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitrep import export
from sitrep.countries import to_iso2
from sitrep.store import EventQuery, Store, StoreError, iter_events

DEFAULT_DB = "sitrep.sqlite"

app = typer.Typer(
    help="sitrep: conflict news in, a geocoded, source-attributed event database out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def _register_subcommands() -> None:
    from sitrep.eval.cli import app as eval_app
    from sitrep.geo.cli import app as gazetteer_app

    app.add_typer(eval_app, name="eval")
    app.add_typer(gazetteer_app, name="gazetteer")

DbOption = Annotated[str, typer.Option("--db", help="SQLite file or SQLAlchemy URL (postgresql://...).")]


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line reason on stderr and return the exit to raise."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def open_store(db: str, must_exist: bool = False) -> Store:
    if must_exist and "://" not in db and not Path(db).exists():
        raise fail(f"{db}: no such database (run `sitrep run PATH --db {db}` first)")
    try:
        return Store.open(db)
    except StoreError as exc:
        raise fail(str(exc)) from None


def parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option}: expected a date as YYYY-MM-DD, got {value!r}") from None


@app.command()
def run(
    targets: Annotated[list[str], typer.Argument(help="Files, directories, .jsonl, WARC files or http(s) URLs.")],
    db: DbOption = DEFAULT_DB,
    published: Annotated[
        Optional[str], typer.Option(help="Publication date YYYY-MM-DD for every input (overrides metadata).")
    ] = None,
    country: Annotated[Optional[str], typer.Option(help="Country focus for geocoding: a name or ISO code.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
) -> None:
    """Ingest and process inputs into the database. Re-running on the same inputs changes nothing."""
    from sitrep.pipeline import Pipeline, RunOptions

    published_day = parse_day(published, "--published")
    if country and to_iso2(country) is None:
        raise fail(f"--country: unknown country {country!r} (use a name such as Syria or an ISO code such as SY)")
    store = open_store(db)
    pipeline = Pipeline(store)
    options = RunOptions(published=published_day, country=country)
    with Progress(
        TextColumn("[bold]sitrep run"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", style="dim"),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def on_progress(done: int, total: int, source: str) -> None:
            bar.update(task, completed=done, total=total, description=Path(source).name[-40:])

        summary = pipeline.run(targets, options, progress=on_progress)
    store.close()
    if json_summary:
        print(json.dumps(summary.as_dict(), indent=2))
    else:
        print_summary(summary)
    if summary.processed == 0:
        raise fail("nothing could be processed", code=1)


def print_summary(summary) -> None:  # noqa: ANN001 (RunSummary, imported lazily)
    out = Console()
    out.print(
        f"[bold]{summary.documents_new}[/] new documents ({summary.posts} posts, {summary.comments} comments), "
        f"{summary.documents_unchanged} unchanged, {summary.documents_versioned} new versions; "
        f"{summary.mentions} mentions → {summary.events_created} new events, {summary.events_updated} updated; "
        f"{len(summary.skipped)} skipped; {summary.seconds:.1f}s",
        highlight=False,
    )
    if summary.events_by_type:
        table = Table("event type", "new events", box=None)
        for event_type, n in summary.events_by_type.most_common():
            table.add_row(event_type, str(n))
        out.print(table)
    for skipped in summary.skipped:
        err.print(f"[yellow]skipped[/] {skipped.source}: {skipped.reason}", highlight=False, soft_wrap=True)


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="json | csv | acled | geojson")] = "json",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    date_from: Annotated[Optional[str], typer.Option("--from", help="Earliest event date, YYYY-MM-DD.")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="Latest event date, YYYY-MM-DD.")] = None,
    event_type: Annotated[Optional[list[str]], typer.Option("--type", help="Event type (repeatable).")] = None,
    sub_event_type: Annotated[Optional[list[str]], typer.Option("--sub-type", help="Sub-event type (repeatable).")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor name contains this.")] = None,
    country: Annotated[Optional[str], typer.Option(help="Country name or ISO code.")] = None,
    admin1: Annotated[Optional[str], typer.Option(help="First-level admin unit (province, governorate).")] = None,
    certainty: Annotated[Optional[list[str]], typer.Option(help="asserted | reported | claimed | alleged")] = None,
    modality: Annotated[Optional[list[str]], typer.Option(help="occurred | planned | hypothetical | denied")] = None,
    min_corroboration: Annotated[Optional[int], typer.Option(help="At least this many independent publishers.")] = None,
    text: Annotated[Optional[str], typer.Option(help="Evidence or notes contain this text.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many events.")] = None,
) -> None:
    """Export events (one record per real-world event) with their sources and evidence."""
    if format not in export.FORMATS:
        raise fail(f"--format: choose one of {', '.join(export.FORMATS)}, not {format!r}")
    query = EventQuery(
        date_from=parse_day(date_from, "--from"),
        date_to=parse_day(date_to, "--to"),
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor=actor,
        country=country,
        admin1=admin1,
        certainty=certainty,
        modality=modality,
        min_corroboration=min_corroboration,
        text=text,
        limit=limit,
    )
    store = open_store(db, must_exist=True)
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        written = export.write(iter_events(store, query), format, stream)
    finally:
        if output:
            stream.close()
        store.close()
    if output:
        err.print(f"{written} events written to {output}", highlight=False)


@app.command()
def documents(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="json")] = "json",
    include_superseded: Annotated[bool, typer.Option(help="Also list older versions of changed pages.")] = False,
) -> None:
    """List stored documents: clean body, posts, comments and metadata."""
    from sitrep.documents import document_record

    if format != "json":
        raise fail(f"--format: only json is supported for documents, not {format!r}")
    store = open_store(db, must_exist=True)
    out = sys.stdout
    out.write("[")
    for i, doc in enumerate(store.iter_documents(include_superseded=include_superseded)):
        out.write(",\n" if i else "\n")
        out.write(json.dumps(document_record(doc), ensure_ascii=False))
    out.write("\n]\n")
    store.close()


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT", help="Port (also read from $PORT).")] = 8000,
) -> None:
    """Serve the API and the dashboard (read-only unless SITREP_TOKEN is set)."""
    import uvicorn

    from sitrep.api import create_app

    store = open_store(db)
    err.print(f"sitrep serving {db} on http://{host}:{port}/  (API docs: /docs)", highlight=False)
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


def main() -> None:
    _register_subcommands()
    app()


if __name__ == "__main__":
    main()
