"""extract: event mentions from a document's posts, one sentence (or a few) at a time.

    Extractor(geocoder).extract(document) -> list[Mention]
    Extractor(geocoder).extract_many(documents) -> Iterator[list[Mention]]   (batched spaCy)

The taxonomy and its trigger vocabulary are data (sitrep/data/codebook.yaml), and so is the actor
dictionary (sitrep/data/actors.yaml). See docs/extraction.md.
"""

from sitrep.extract.extractor import Extractor

__all__ = ["Extractor"]
