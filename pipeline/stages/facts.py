"""The facts stage: every fact type registered in :mod:`pipeline.facts` links
its facts over the Doc and its layers (mentions, numbers, entities, context)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import facts


@Language.component(
    "vi_facts", assigns=["doc._.facts"],
    requires=["doc._.mentions", "doc._.numbers", "doc._.resolution", "doc._.entities", "doc._.context",
              "doc._.text", "doc._.meta"])
def vi_facts(doc: Doc) -> Doc:
    doc._.facts = facts.link(doc)
    return doc
