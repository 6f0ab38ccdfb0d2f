"""The extraction entry point: raw text in, validated :class:`~pipeline.output.Article` out."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from . import resources as R
from .facts import export
from .language import create_nlp
from .output import SCHEMA_VERSION, Article, make_doc_id, validate
from .records import Annotation, NumberInfo, PersonInfo, TitleInfo



@lru_cache(maxsize=1)
def nlp():  # type: ignore[no-untyped-def]
    """The pipeline, built once per process."""
    return create_nlp()


def process(text: str, meta: dict[str, Any] | None = None) -> Doc:
    """Run every stage over ``text``; ``meta`` (date, url, title, ...) is available to the stages."""
    pipe = nlp()
    doc = pipe.make_doc(text)
    doc._.meta = dict(meta or {})
    return pipe(doc)  # a Doc passes through the stages as it is


def _outlet(text: str, meta: dict[str, Any]) -> str | None:
    for line in text.split("\n")[:3]:
        m = R.OUTLET_RE.match(line)
        if m:
            return m.group(1).strip()
    return R.outlet_of_url(meta.get("url") or "")


#: how many opening lines may be photo captions before the headline
CAPTION_LINES = 2


def headline(raw: str) -> str | None:
    """The article's title: its first line, unless that is a photo caption ('... (Ảnh: Reuters).',
    'Ảnh minh họa ...'): then the line after it.  None when only captions open the text."""
    lines = [ln.strip() for ln in raw.split("\n") if ln.strip()][: CAPTION_LINES + 1]
    return next((ln for ln in lines if not R.CAPTION_RE.search(ln)), None)


def credit_role(mentions: list[Annotation]) -> str | None:
    """'byline' or 'photo' when every mention of a person is on the paper's own credit lines
    (a photo credit only: 'photo'); None when the story names them."""
    roles = {m.info.role if isinstance(m.info, PersonInfo) else "" for m in mentions}
    if not roles or "" in roles:
        return None
    return "byline" if "byline" in roles else "photo"


def _raw(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc._.offset_map.to_raw(start, end)


def build(doc: Doc, source: str) -> Article:
    """The contract object for a processed doc (validated against the raw text)."""
    raw: str = doc._.raw_text
    meta = doc._.meta or {}
    entities = []
    for e in doc._.entities or []:
        mentions = []
        for s in e.mentions:
            a, b = _raw(doc, s.start, s.end)
            mentions.append({"start": a, "end": b, "text": raw[a:b]})
        rec: dict[str, Any] = {"id": e.id, "type": e.type, "text": mentions[0]["text"],
                               "canonical": e.canonical, "mentions": mentions}
        first = e.mentions[0].info
        if isinstance(first, NumberInfo) and e.type == "NUMBER":
            rec.update(value=first.value, unit=first.unit, kind=first.kind or "count",
                       qualifier=first.qualifier or "exact")
            rec["canonical"] = mentions[0]["text"]
        elif isinstance(first, NumberInfo) and e.type == "DATE":
            rec.update(iso=first.iso, kind=first.kind)
            rec["canonical"] = first.iso or mentions[0]["text"]
        elif e.type == "TITLE" and any(isinstance(s.info, TitleInfo) and s.info.former for s in e.mentions):
            rec["former"] = True
        elif e.type == "PERSON" and (role := credit_role(e.mentions)):
            rec["role"] = role
        entities.append(rec)
    facts = [export(f, doc._.offset_map.to_raw, raw) for f in doc._.facts or []]
    obj = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": meta.get("doc_id") or make_doc_id(raw),
        "source": source,
        "title": meta.get("title") or headline(raw),
        "outlet": _outlet(raw, meta) or doc._.outlet,
        "url": meta.get("url"),
        "date": meta.get("date"),
        "length": len(raw),
        "entities": entities,
        "facts": facts,
    }
    return validate(obj, raw)


def extract(text: str, source: str = "<text>", meta: dict[str, Any] | None = None) -> Article:
    """Raw article text -> validated output object."""
    return build(process(text, meta), source)
