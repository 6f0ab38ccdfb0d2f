"""The article id (CONTRACT: ``doc_id``), in a module of its own: the batch driver
needs it for every input and should not import the pipeline to get it."""
from __future__ import annotations

import hashlib


def make_doc_id(text: str) -> str:
    """Stable id: the same text (as read) gives the same id on every machine."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
