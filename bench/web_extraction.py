"""Score sitrep's cleaning against public web-extraction benchmarks (read from ../shared/bench/web).

    python bench/web_extraction.py [--limit N] [--web DIR]

- ScrapingHub article-extraction-benchmark (181 pages): main-text word 4-gram shingle precision,
  recall, F1 (macro: mean P, mean R, F1 of the means), for
    html      sitrep.clean on the HTML (trafilatura + sitrep's page rules)
    baseline  trafilatura.extract alone, same settings (what the page rules add or cost)
    dump      the page rendered as a markdown text dump, boilerplate included, cleaned by sitrep's
              own text-dump cleaner (no trafilatura)
    raw dump  the same dump uncleaned (the floor the text cleaner starts from)
- htmldate-mediacloud-2020 (200 pages): publication-date accuracy of `Document.published`.
Also prints milliseconds per page. Skips cleanly when the benchmark folder is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import statistics
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from sitrep.clean import NoTextError, clean, render
from sitrep.ingest.files import to_input
from sitrep.model import Input, Skipped

DEFAULT_WEB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "web"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))


def precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    pred, ref = shingles(predicted), shingles(gold)
    if not pred or not ref:
        return (0.0, 0.0) if ref else (1.0, 1.0)
    overlap = sum((pred & ref).values())
    return overlap / sum(pred.values()), overlap / sum(ref.values())


def report(name: str, scores: list[tuple[float, float]], millis: list[float] | None = None) -> None:
    p = statistics.mean(s[0] for s in scores)
    r = statistics.mean(s[1] for s in scores)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    speed = f"  {statistics.mean(millis):6.1f} ms/page (median {statistics.median(millis):.1f})" if millis else ""
    print(f"  {name:<10} P={p:.3f} R={r:.3f} F1={f1:.3f}  (n={len(scores)}){speed}")


def _input(raw: bytes, url: str | None, suffix: str = ".html") -> Input | None:
    item = to_input(url or "bench", raw, suffix, url=url)
    return item if isinstance(item, Input) else None


def _body(item: Input) -> str:
    try:
        return clean(item).body
    except NoTextError:
        return ""


def scrapinghub(folder: Path, limit: int | None) -> None:
    import trafilatura

    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    results: dict[str, list[tuple[float, float]]] = {"html": [], "baseline": [], "dump": [], "raw dump": []}
    millis: dict[str, list[float]] = {"html": [], "dump": []}
    for page_id in ids:
        gold = truth[page_id]["articleBody"]
        raw = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        item = _input(raw, truth[page_id].get("url"))
        if item is None:
            for key in results:
                results[key].append((0.0, 0.0))
            continue
        started = time.perf_counter()
        results["html"].append(precision_recall(_body(item), gold))
        millis["html"].append((time.perf_counter() - started) * 1000)
        base = trafilatura.extract(item.text, url=item.url, include_comments=False, include_tables=True) or ""
        results["baseline"].append(precision_recall(base, gold))
        tree = render.parse_html(item.text)
        dump = render.to_markdown(tree) if tree is not None else ""
        results["raw dump"].append(precision_recall(dump, gold))
        dump_item = Input(source=page_id, raw=dump.encode(), text=dump, media_type="text/markdown")
        started = time.perf_counter()
        results["dump"].append(precision_recall(_body(dump_item), gold))
        millis["dump"].append((time.perf_counter() - started) * 1000)
    print(f"ScrapingHub article-extraction-benchmark: main text, word 4-gram shingles, macro ({len(ids)} pages)")
    report("html", results["html"], millis["html"])
    report("baseline", results["baseline"])
    report("dump", results["dump"], millis["dump"])
    report("raw dump", results["raw dump"])


def _gold_date(value: object) -> date | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value).lower() == "nan":
        return None
    return date.fromisoformat(str(value)[:10])


def htmldate_set(folder: Path, limit: int | None) -> None:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    urls = sorted(gold)[:limit] if limit else sorted(gold)
    correct = wrong = missed = unreadable = 0
    for url in urls:
        expected = _gold_date(gold[url].get("date"))
        raw = (folder / "pages" / gold[url]["file"]).read_bytes()
        item = to_input(url, raw, ".html", url=url)
        found = None
        if not isinstance(item, Skipped):
            try:
                found = clean(item).published
            except NoTextError:
                found = None
        else:
            unreadable += 1
        if found == expected:
            correct += 1
        elif found is None:
            missed += 1
        else:
            wrong += 1
    total = len(urls)
    precision = correct / (correct + wrong) if correct + wrong else 0.0
    recall = correct / (correct + missed) if correct + missed else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"htmldate-mediacloud-2020: publication date, exact day ({total} pages, {unreadable} unreadable)")
    print(f"  accuracy={correct / total:.3f} precision={precision:.3f} recall={recall:.3f} F1={f1:.3f} "
          f"(correct {correct}, wrong {wrong}, missed {missed})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--web", type=Path, default=DEFAULT_WEB, help="the bench/web folder")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages of each set")
    args = parser.parse_args(argv)
    if not args.web.is_dir():
        print(f"skipped: benchmark folder {args.web} not found")
        return 0
    sh = args.web / "scrapinghub-article-extraction-benchmark"
    if sh.is_dir():
        scrapinghub(sh, args.limit)
    hd = args.web / "htmldate-mediacloud-2020"
    if hd.is_dir():
        htmldate_set(hd, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
