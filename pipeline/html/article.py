"""One article's page (``vnextract show``): the title and what is known of the
article, the text with its marks (:mod:`.marks`), a legend, the facts as a
table whose rows link to their evidence sentences (each row drawn by its fact
type's ``html`` in the registry) and the entity list."""
from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any, Mapping, Sequence

from ..facts.registry import REGISTRY, Cells
from .marks import evidence_regions, highlight
from .page import TYPE_ORDER, chip, color, esc, fmt_value, shell, shorten, types_in_order
from .sources import article_dict, text_mismatch

def _legend(entities: Sequence[Mapping[str, Any]]) -> str:
    n_ent = Counter(str(e.get("type")) for e in entities)
    n_men = Counter()
    for e in entities:
        n_men[str(e.get("type"))] += len(e.get("mentions") or [])
    items = []
    for t in types_in_order(n_ent, TYPE_ORDER):
        cls = "legend-item" + (" zero" if not n_ent[t] else "")
        items.append(
            f'<span class="{cls}" data-type="{esc(t)}" data-entities="{n_ent[t]}" data-mentions="{n_men[t]}">'
            f'<mark class="legend-swatch entity" style="background: {esc(color(t))}">{esc(t)}</mark> '
            f'<span class="count">{n_ent[t]} entit{"y" if n_ent[t] == 1 else "ies"}, '
            f'{n_men[t]} mention{"" if n_men[t] == 1 else "s"}</span></span>')
    return '<div class="legend" aria-label="legend">' + "".join(items) + "</div>"


def _snippet(text: str | None, s: int, t: int, limit: int = 220) -> str:
    if text is None:
        return f'<span class="muted">characters {s}–{t}</span>'
    body = " ".join(text[s:t].split())
    if len(body) > limit:
        body = body[: limit - 1].rstrip() + "…"
    return f'<span class="ev-text">{esc(body)}</span>'


def _entity_ref(name: Any, eid: Any, ids: Mapping[str, Mapping[str, Any]], have_text: bool) -> str:
    if name is None:
        return '<span class="muted">—</span>'
    if eid and str(eid) in ids:
        target = f"{eid}-1" if have_text else f"ent-{eid}"
        return f'<a href="#{esc(target)}">{esc(name)}</a>'
    return esc(name)



def _facts_table(facts: Sequence[Mapping[str, Any]], of_fact: Mapping[int, int],
                 ids: Mapping[str, Mapping[str, Any]], text: str | None) -> str:
    if not facts:
        return '<p class="muted">No facts.</p>'
    have = text is not None
    cells = Cells(esc, lambda name, eid: _entity_ref(name, eid, ids, have), fmt_value)
    rows = []
    for i, f in enumerate(facts):
        ftype = str(f.get("type"))
        ft = REGISTRY.get(ftype)
        if ft is not None and ft.html is not None:
            detail = ft.html(f, cells)
        else:
            shown = {k: v for k, v in f.items() if k not in ("type", "evidence")}
            detail = esc(json.dumps(shown, ensure_ascii=False))
        ev = f.get("evidence") or {}
        s, t = ev.get("start"), ev.get("end")
        if i in of_fact and have:
            evcell = f'<a class="ev-link" href="#ev-{of_fact[i] + 1}">{_snippet(text, s, t)}</a>'
        elif isinstance(s, int) and isinstance(t, int):
            evcell = _snippet(None, s, t)
        else:
            evcell = '<span class="muted">none</span>'
        rows.append(f'<tr id="fact-{i + 1}" data-fact-type="{esc(ftype)}"><td class="n">F{i + 1}</td>'
                    f"<td>{esc(ftype)}</td><td>{detail}</td><td>{evcell}</td></tr>")
    return ('<table class="facts"><thead><tr><th class="n">#</th><th>type</th><th>fact</th>'
            "<th>evidence sentence</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _entities_table(entities: Sequence[Mapping[str, Any]], have_text: bool) -> str:
    if not entities:
        return '<p class="muted">No entities.</p>'
    rows = []
    for e in entities:
        eid = str(e.get("id"))
        extra = ", ".join(f"{k}: {fmt_value(e[k]) if k == 'value' else e[k]}"
                          for k in ("value", "unit", "kind", "qualifier", "iso", "role") if e.get(k) is not None)
        if e.get("former"):
            extra = (extra + ", " if extra else "") + "former"
        mentions = e.get("mentions") or []
        if have_text and mentions:
            links = " ".join(f'<a href="#{esc(eid)}-{k}">{k}</a>' for k in range(1, len(mentions) + 1))
        else:
            links = esc(", ".join(f"{m.get('start')}–{m.get('end')}" for m in mentions if isinstance(m, Mapping)))
        rows.append(f'<tr id="ent-{esc(eid)}" data-entity-id="{esc(eid)}"><td>{esc(eid)}</td>'
                    f"<td>{chip(str(e.get('type')))}</td><td>{esc(e.get('canonical'))}</td>"
                    f"<td>{esc(e.get('text'))}</td><td>{esc(extra)}</td><td>{links}</td></tr>")
    return ('<table class="entity-list"><thead><tr><th>id</th><th>type</th><th>canonical</th><th>text</th>'
            "<th>details</th><th>mentions</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def render_article(article: Any, text: str | None, *, text_note: str | None = None,
                   back: tuple[str, str] | None = None) -> str:
    """A full HTML page for one output object.

    ``text`` is the article text the offsets index; with ``None`` the page
    lists entities and facts without the highlighted text and says why
    (``text_note``). ``back`` is an optional ``(href, label)`` navigation link.
    """
    a = article_dict(article)
    entities = [e for e in a.get("entities") or [] if isinstance(e, Mapping)]
    facts = [f for f in a.get("facts") or [] if isinstance(f, Mapping)]
    ids = {str(e.get("id")): e for e in entities}
    if text is not None and (why := text_mismatch(a, text)):
        text_note = f"The text given does not match this output ({why})."
        text = None
    regions, of_fact = evidence_regions(facts, len(text) if text is not None else None)
    title = str(a.get("title") or a.get("doc_id") or a.get("source") or "article")
    parts = _header(a, title, f"{len(entities)} entities, {len(facts)} facts", back)
    parts.append("<h2>Entities</h2>" if text is None else "<h2>Article</h2>")
    parts.append(_legend(entities))
    if text is not None:
        parts.append(f'<article class="entities" id="text" lang="vi">{highlight(text, entities, regions)}</article>')
    else:
        parts.append('<p class="notice no-text"><b>Article text not available</b> — entities and facts are listed '
                     f"without the highlighted text. {esc(text_note or '')}</p>")
    parts.append(f"<h2>Facts ({len(facts)})</h2>")
    parts.append(_facts_table(facts, of_fact, ids, text))
    parts.append(f"<h2>Entity list ({len(entities)})</h2>")
    parts.append(_entities_table(entities, text is not None))
    return shell(shorten(title, 120), "\n".join(parts))


def _header(a: Mapping[str, Any], title: str, counts: str, back: tuple[str, str] | None) -> list[str]:
    """The navigation link, the title (cut, whole in its tooltip) and what is known of the article."""
    meta = [f"<span>{esc(k)}: <b>{esc(a[k])}</b></span>" for k in ("outlet", "date") if a.get(k)]
    meta.append(f'<span>source: <span class="src">{esc(a.get("source"))}</span></span>')
    if a.get("doc_id"):
        meta.append(f'<span>doc_id: <span class="src">{esc(a.get("doc_id"))}</span></span>')
    url = a.get("url")
    if isinstance(url, str) and re.match(r"^https?://", url, re.I):
        meta.append(f'<span><a href="{esc(url)}" rel="noopener noreferrer nofollow">original article</a></span>')
    meta.append(f"<span>{counts}</span>")
    parts = []
    if back:
        parts.append(f'<nav class="nav"><a href="{esc(back[0])}">← {esc(back[1])}</a></nav>')
    shown = shorten(title, 160)
    h1_title = f' title="{esc(title)}"' if shown != title else ""
    parts.append(f'<header><h1{h1_title}>{esc(shown)}</h1><p class="meta">{"".join(meta)}</p></header>')
    return parts
