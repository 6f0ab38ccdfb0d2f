"""The article text as HTML: every entity mention in a ``<mark>`` (spaCy
displaCy's entity style: a per-type background and the label after the text),
every fact's evidence sentence in an element its table row links to.

Overlapping spans. The article text is cut at every mention and evidence
boundary; for each piece the open elements are ordered outermost first by
(evidence before marks, earlier start, longer span) and the markup is the
transition between consecutive orderings. So:

* nested mentions (a NUMBER inside an ORGANIZATION, ``Bí thư`` inside
  ``Bí thư Đảng ủy``) are rendered nested: the inner ``<mark>`` sits inside the
  outer one, both with their label;
* crossing mentions (A starts first, B starts inside A and ends after it) are
  split cleanly: B is one ``<mark>`` inside A up to A's end and a second
  ``<mark>`` with the same ``data-entity-id`` after it (``data-part="cont"``);
  the label is written once, after the last piece;
* a mention crossing an evidence sentence's edge is split the same way.

Hence every character of every mention of every entity lies inside a
``<mark class="entity" data-entity-id=... data-type=...>``; no entity is
dropped. The first piece of mention *k* (1-based) of entity ``E3`` carries
``id="E3-k"``. Facts whose evidence is the same span link to one element;
overlapping evidence spans are merged into one element (``id="ev-N"``,
numbered in text order) that all their facts link to. The text container's
``textContent``, minus the ``.label`` elements, is the article text exactly.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from .page import attrs as _attrs, color, esc


@dataclass
class _Span:
    start: int
    end: int
    level: int                  # 0 evidence (outermost), 1 entity mention
    order: int
    attrs: dict[str, str]       # attributes on every piece
    first_attrs: dict[str, str] = field(default_factory=dict)   # only on the first piece
    label: str | None = None
    opened: bool = False

    def key(self) -> tuple[int, int, int, int]:
        return (self.level, self.start, -self.end, self.order)


def _mark_title(e: Mapping[str, Any]) -> str:
    parts = [f"{e.get('id')} {e.get('type')}", f"canonical: {e.get('canonical')}"]
    for k in ("value", "unit", "kind", "qualifier", "iso", "role"):
        if e.get(k) is not None:
            parts.append(f"{k}: {e[k]}")
    if e.get("former"):
        parts.append("former")
    return " · ".join(parts)


def evidence_regions(facts: Sequence[Mapping[str, Any]], length: int | None = None
                     ) -> tuple[list[tuple[int, int, list[int]]], dict[int, int]]:
    """Merged evidence regions ``(start, end, fact numbers)`` in text order, and fact index -> region index.

    Fact numbers are 1-based (as in the facts table); region ``i`` is rendered as ``id="ev-{i+1}"``.
    """
    spans = []
    for i, f in enumerate(facts):
        ev = f.get("evidence") or {}
        s, t = ev.get("start"), ev.get("end")
        if isinstance(s, int) and isinstance(t, int) and 0 <= s < t and (length is None or t <= length):
            spans.append((s, t, i))
    spans.sort()
    regions: list[list[Any]] = []
    of_fact: dict[int, int] = {}
    for s, t, i in spans:
        if regions and s < regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], t)
            regions[-1][2].append(i + 1)
        else:
            regions.append([s, t, [i + 1]])
        of_fact[i] = len(regions) - 1
    return [(s, t, sorted(n)) for s, t, n in regions], of_fact


def highlight(text: str, entities: Sequence[Mapping[str, Any]],
              regions: Sequence[tuple[int, int, list[int]]] = ()) -> str:
    """The text as HTML: marks for every mention, evidence elements for ``regions`` (see module doc)."""
    n = len(text)
    spans = _spans(n, entities, regions)
    cuts = sorted({0, n, *(x.start for x in spans), *(x.end for x in spans)})
    out: list[str] = []
    stack: list[_Span] = []

    def close(span: _Span, at: int) -> None:
        if span.level == 1 and at >= span.end:
            out.append(f'<span class="label">{esc(span.label)}</span>')
        out.append("</mark>" if span.level == 1 else "</span>")

    def open_(span: _Span) -> None:
        attrs = dict(span.attrs)
        if not span.opened:
            attrs.update(span.first_attrs)
        else:
            attrs["data-part"] = "cont"
        span.opened = True
        out.append(f"<{'mark' if span.level == 1 else 'span'}{_attrs(attrs)}>")

    by_start = sorted(spans, key=lambda x: x.start)
    nxt = 0
    active: list[_Span] = []
    for p, q in zip(cuts, cuts[1:]):
        while nxt < len(by_start) and by_start[nxt].start <= p:
            active.append(by_start[nxt])
            nxt += 1
        active = [x for x in active if x.end > p]
        want = sorted(active, key=_Span.key)
        k = 0
        while k < len(stack) and k < len(want) and stack[k] is want[k]:
            k += 1
        for span in reversed(stack[k:]):
            close(span, p)
        stack = stack[:k]
        for span in want[k:]:
            open_(span)
            stack.append(span)
        out.append(esc(text[p:q]))
    for span in reversed(stack):
        close(span, n)
    return "".join(out)


def _spans(n: int, entities: Sequence[Mapping[str, Any]], regions: Sequence[tuple[int, int, list[int]]]
           ) -> list[_Span]:
    """The elements to draw over a text of ``n`` characters: evidence regions, then every mention inside it."""
    spans: list[_Span] = []
    for r, (s, t, facts) in enumerate(regions):
        spans.append(_Span(s, t, 0, r, {"class": "evidence"},
                           {"id": f"ev-{r + 1}", "data-facts": " ".join(f"F{k}" for k in facts)}))
    order = len(spans)
    for e in entities:
        etype = str(e.get("type") or "")
        base = {"class": "entity", "data-entity-id": str(e.get("id") or ""), "data-type": etype,
                "style": f"background: {color(etype)}", "title": _mark_title(e)}
        for k, m in enumerate(e.get("mentions") or [], 1):
            s, t = m.get("start"), m.get("end")
            if not (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= n):
                continue
            spans.append(_Span(s, t, 1, order, dict(base), {"id": f"{e.get('id')}-{k}"}, label=etype))
            order += 1
    return spans
