"""Score event sub-type classification on CASE 2021 task 2 snippets.

A snippet's label is the sub-type of the first event extracted from it that no party denies, as its
CASE code (the codebook's `code`; Diplomacy -> DIPLO); no event -> NONE. CASE classes outside sitrep's taxonomy
(ATTRIB, ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER) are expected as NONE.
"""

from __future__ import annotations

import csv
from collections import Counter

from sitrep.eval.common import as_document, limited, progress_bar, run_stages

OUTSIDE_TAXONOMY = {"ATTRIB", "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER"}
NONE = "NONE"


def read_rows(path: str) -> list[tuple[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["EventSnippet"].strip(), r["SubType"].strip()) for r in reader if r.get("EventSnippet")]


def gold_label(label: str) -> str:
    return NONE if label in OUTSIDE_TAXONOMY else label


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Macro-averaged F1 over the gold classes."""
    labels = sorted({g for g, _ in pairs})
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def evaluate(path: str, extractor, geocoder, limit: int | None = None, show_progress: bool = True) -> dict:
    rows = limited(read_rows(path), limit)
    documents = [as_document(text, None, None, f"case{i}") for i, (text, _) in enumerate(rows)]
    codes = {name: sub.code for name, sub in extractor.codebook.sub_types.items()}
    pairs: list[tuple[str, str]] = []
    with progress_bar(len(documents), "CASE snippets", show_progress) as advance:
        for (_, label), mentions in zip(rows, run_stages(extractor, None, documents, advance)):
            told = [m for m in mentions if m.modality != "denied"]  # a denied event is no event
            predicted = codes.get(told[0].sub_event_type, NONE) if told else NONE
            pairs.append((gold_label(label), predicted))
    correct = sum(1 for g, p in pairs if g == p)
    confusions = Counter((g, p) for g, p in pairs if g != p).most_common(10)
    return {
        "source": "case",
        "rows": len(pairs),
        "metrics": {
            "sub_type_accuracy": {"correct": correct, "total": len(pairs), "rate": round(correct / len(pairs), 4) if pairs else 0.0},
        },
        "macro_f1": round(macro_f1(pairs), 4),
        "top_confusions": [{"gold": g, "predicted": p, "count": n} for (g, p), n in confusions],
    }
