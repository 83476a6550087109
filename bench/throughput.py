"""Throughput of the full pipeline against a bare spaCy pass over the same text.

    python bench/throughput.py [--corpus demo/corpus] [--documents 2000]

Builds a corpus of at least N documents by repeating the corpus (each copy gets a distinct
header line, so content hashes differ and nothing is skipped as already stored), runs
`sitrep run` on it into a fresh SQLite file, then runs `nlp.pipe` with the full English model
over the clean bodies the pipeline stored. Each side runs in its own process so that its peak
memory is its own. Prints documents/s, words/s, the ratio and the peak RSS of each side.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def build_corpus(source: Path, target: Path, minimum: int) -> int:
    """Copy the corpus' text/HTML files until there are at least `minimum` documents."""
    files = [p for p in sorted(source.rglob("*")) if p.suffix.lower() in TEXT_SUFFIXES and p.stat().st_size > 0]
    files = [p for p in files if "broken" not in p.parts]
    if not files:
        raise SystemExit(f"no .txt/.md/.html files under {source}")
    count = 0
    copy = 0
    while count < minimum:
        for path in files:
            raw = path.read_bytes()
            marker = f"<!-- copy {copy} -->\n" if path.suffix.lower() in {".html", ".htm"} else f"Copy {copy}.\n\n"
            (target / f"{copy:04d}-{path.name}").write_bytes(marker.encode() + raw)
            count += 1
        copy += 1
    return count


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_pipeline(corpus: Path, db: Path) -> dict:
    from sitrep.pipeline import Pipeline
    from sitrep.store import Store

    store = Store.open(db)
    pipeline = Pipeline(store)  # loads spaCy and the gazetteer before the clock starts
    started = time.perf_counter()
    summary = pipeline.run([str(corpus)])
    seconds = time.perf_counter() - started
    words = sum(len(doc.body.split()) for doc in store.iter_documents())
    return {
        "documents": summary.documents_new,
        "mentions": summary.mentions,
        "events": summary.events_created,
        "skipped": len(summary.skipped),
        "words": words,
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
    }


def run_bare_spacy(db: Path) -> dict:
    from sitrep.nlp import load_nlp
    from sitrep.store import Store

    store = Store.open(db)
    texts = [doc.body for doc in store.iter_documents()]
    nlp = load_nlp()
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - started
    return {
        "documents": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "tokens": tokens,
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
    }


def child(mode: str, corpus: Path, db: Path) -> None:
    result = run_pipeline(corpus, db) if mode == "pipeline" else run_bare_spacy(db)
    print(json.dumps(result))


def in_subprocess(mode: str, corpus: Path, db: Path) -> dict:
    command = [sys.executable, __file__, "--child", mode, "--corpus", str(corpus), "--db", str(db)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "demo" / "corpus")
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--child", choices=["pipeline", "spacy"])
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    if args.child:
        if args.db is None:
            parser.error("--child needs --db (the parent process passes its own temporary database)")
        child(args.child, args.corpus, args.db)
        return
    work = Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        n = build_corpus(args.corpus, corpus, args.documents)
        db = work / "bench.sqlite"
        print(f"corpus: {n} documents from {args.corpus}", flush=True)
        pipe = in_subprocess("pipeline", corpus, db)
        bare = in_subprocess("spacy", corpus, db)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = [
        ("full pipeline", pipe["documents"], pipe["words"], pipe["seconds"], pipe["peak_rss_mb"]),
        ("bare spaCy pass", bare["documents"], bare["words"], bare["seconds"], bare["peak_rss_mb"]),
    ]
    print(f"{'':18}{'docs':>8}{'words':>10}{'seconds':>10}{'docs/s':>10}{'words/s':>10}{'peak MB':>10}")
    for name, docs, words, seconds, rss in rows:
        print(f"{name:18}{docs:>8}{words:>10}{seconds:>10.1f}{docs / seconds:>10.1f}{words / seconds:>10.0f}{rss:>10.0f}")
    ratio = (pipe["words"] / pipe["seconds"]) / (bare["words"] / bare["seconds"])
    print(f"pipeline throughput = {ratio:.2f} x bare spaCy (target >= 0.60); "
          f"{pipe['mentions']} mentions, {pipe['events']} events, {pipe['skipped']} skipped")


if __name__ == "__main__":
    main()
