"""Static HTML views of the pipeline's output (GitHub issue 6).

``render_article`` turns one output object (CONTRACT section 1) and its
article text into a self-contained page: the text with every entity mention
highlighted in spaCy displaCy's entity style (``<mark class="entity">`` with a
per-type background and the label after the text), a legend, the entity list
and the facts as a table whose rows link to their evidence sentences.
``write_report`` turns a directory of outputs into an ``index.html`` overview
plus one such page per article.

Pages are static and offline: CSS is inline, there is no JavaScript, no font,
image or stylesheet is loaded from anywhere, and a Content-Security-Policy
meta tag forbids any script or remote load even if one slipped in. Every piece
of article text, JSON value and attribute goes through :func:`html.escape`.

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

import gzip
import html
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence
from urllib.parse import quote

from .facts.registry import REGISTRY, Cells

__all__ = [
    "COLORS", "TYPE_ORDER", "article_dict", "load_output", "read_text", "find_text", "text_mismatch",
    "highlight", "render_article", "write_report", "Report", "TextNotFound",
]

# displaCy's palette (spacy.displacy.render.DEFAULT_LABEL_COLORS), mapped onto our types.
COLORS: dict[str, str] = {
    "PERSON": "#aa9cfc",        # displaCy PERSON
    "TITLE": "#feca74",         # displaCy GPE
    "ORGANIZATION": "#7aecec",  # displaCy ORG
    "LOCATION": "#ff9561",      # displaCy LOC
    "NUMBER": "#e4e7d2",        # displaCy CARDINAL / QUANTITY
    "DATE": "#bfe1d9",          # displaCy DATE
}
DEFAULT_COLOR = "#ddd"          # displaCy DEFAULT_ENTITY_COLOR
TYPE_ORDER = ("PERSON", "TITLE", "ORGANIZATION", "LOCATION", "NUMBER", "DATE")
FACT_ORDER = tuple(REGISTRY)    # the registered fact types, in their order

_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'")

CSS = """
body { font-size: 16px; font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif,
       'Apple Color Emoji', 'Segoe UI Emoji', 'Segoe UI Symbol'; margin: 0 auto; max-width: 72rem;
       padding: 2rem 2rem 6rem; color: #222; background: #fff; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0 0 0.5rem; }
h2 { font-size: 1.2rem; margin: 2.5rem 0 0.75rem; border-bottom: 1px solid #ddd; padding-bottom: 0.25rem; }
a { color: #0b5cad; }
.meta { color: #555; font-size: 0.9rem; margin: 0 0 1rem; }
.meta span + span::before { content: " · "; color: #999; }
.nav { font-size: 0.9rem; margin-bottom: 1rem; }
.notice { background: #fff4e5; border: 1px solid #f0b46e; border-radius: 0.35em; padding: 0.75em 1em; margin: 1rem 0; }
.legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 1rem 0;
          padding: 0.5rem 0; line-height: 2.5; }
.legend .zero { opacity: 0.45; }
.legend .count { font-size: 0.85rem; color: #444; }
.entities { line-height: 2.5; white-space: pre-wrap; overflow-wrap: break-word; }
mark.entity { padding: 0.45em 0.6em; margin: 0 0.25em; line-height: 1; border-radius: 0.35em;
              color: inherit; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.entity mark.entity { padding: 0.1em 0.3em; margin: 0 0.1em; box-shadow: 0 0 0 1px rgba(0,0,0,0.25); }
mark.entity[data-part="cont"] { margin-left: 0; border-top-left-radius: 0; border-bottom-left-radius: 0; }
mark.entity .label { font-size: 0.8em; font-weight: bold; line-height: 1; border-radius: 0.35em;
                     vertical-align: middle; margin-left: 0.5rem; user-select: none; }
mark.entity:target { outline: 3px solid #e0a800; }
.evidence { border-bottom: 2px dotted #b9b9b9; scroll-margin-top: 4rem; }
.evidence::after { content: attr(data-facts); font-size: 0.7em; vertical-align: super; color: #777;
                   margin-left: 0.15em; user-select: none; }
.evidence:target { background: #fff3a8; border-bottom-color: #e0a800; box-shadow: 0 0 0 0.2em #fff3a8; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #ddd; padding: 0.35em 0.55em; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr:target td { background: #fff3a8; }
table.narrow { width: auto; min-width: 22rem; }
.chip { display: inline-block; padding: 0.1em 0.5em; border-radius: 0.35em; font-size: 0.8em; font-weight: bold; }
.muted { color: #777; }
.ev-text { color: #444; }
.src { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
"""


def esc(value: Any) -> str:
    """Text or attribute value, escaped (``&``, ``<``, ``>``, ``"`` and ``'``)."""
    return html.escape("" if value is None else str(value), quote=True)


def color(etype: str) -> str:
    return COLORS.get(str(etype).upper(), DEFAULT_COLOR)


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_CSP)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="vnextract">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- inputs

class TextNotFound(Exception):
    """The article text for an output object could not be found (or does not match it)."""


def article_dict(article: Any) -> dict[str, Any]:
    """A plain dict for an :class:`~pipeline.output.Article` or an already loaded JSON object."""
    if hasattr(article, "model_dump"):
        return article.model_dump(mode="json", exclude_none=True)
    if isinstance(article, Mapping):
        return dict(article)
    raise TypeError(f"not an article: {type(article).__name__}")


def is_article(obj: Any) -> bool:
    """Loose check (outputs may carry more fields than this version knows)."""
    return (isinstance(obj, dict) and isinstance(obj.get("entities"), list)
            and isinstance(obj.get("facts"), list) and ("doc_id" in obj or "source" in obj))


def load_output(path: Path) -> dict[str, Any]:
    """An output JSON; ``ValueError`` when the file is not one."""
    try:
        obj = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read {path}: {exc}") from exc
    if not is_article(obj):
        raise ValueError(f"{path} is not an article output (no entities/facts lists)")
    return obj


MAX_SOURCE_CHARS = 1_000_000   # vnextract run's default --max-chars


def read_text(path: Path, max_chars: int = MAX_SOURCE_CHARS) -> str:
    """An article file decoded exactly as ``vnextract run`` decodes it (offsets index this).
    Only a regular file is opened (never a FIFO or a device), and at most what ``max_chars``
    characters can take is read (``ValueError`` beyond)."""
    from .batch import open_regular

    limit = 4 * max_chars + 4
    with open_regular(Path(path)) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"{path} is larger than {max_chars:,} characters can take")
    return data.decode("utf-8-sig")


_JSONL_SOURCE = re.compile(r"^(?P<path>.+\.jsonl(?:\.gz)?):(?P<line>\d+)$")


def _read_source(path: Path, line: int | None, max_chars: int = MAX_SOURCE_CHARS) -> str:
    if line is None:
        return read_text(path, max_chars)
    from .batch import open_regular, parse_line

    limit = 6 * max_chars + 65536
    with open_regular(path) as raw:
        fh = gzip.GzipFile(fileobj=raw, mode="rb") if path.name.endswith(".gz") else raw
        for n in range(1, line + 1):
            data = fh.readline(limit + 1)
            if not data:
                break
            if len(data) > limit and not data.endswith(b"\n"):
                raise ValueError(f"line {n} of {path} is too long")
            if n == line:
                obj, why = parse_line(data)
                if why or not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    raise ValueError(f"line {line} of {path} has no 'text'")
                return obj["text"]
    raise ValueError(f"{path} has no line {line}")


def _not_its_source(article: Mapping[str, Any], text: str) -> str | None:
    """Why a text found through the output's own ``source`` is not shown: its sha256 must be the
    output's ``doc_id``.  An output JSON is not trusted to name a file to read (``/etc/passwd``):
    a text is shown only when the output proves it knows it already."""
    from .output import make_doc_id

    did = article.get("doc_id")
    if not isinstance(did, str) or not did:
        return "the output has no doc_id to check the text against"
    if make_doc_id(text) != did:
        return "its sha256 is not the output's doc_id"
    return None


def text_mismatch(article: Mapping[str, Any], text: str) -> str | None:
    """Why ``text`` is not the text this output was extracted from, or None."""
    length = article.get("length")
    if isinstance(length, int) and length != len(text):
        return f"its length is {len(text)}, the output says {length}"
    for e in article.get("entities") or []:
        for m in e.get("mentions") or []:
            s, t = m.get("start"), m.get("end")
            if not isinstance(s, int) or not isinstance(t, int) or not 0 <= s <= t <= len(text):
                return f"mention {s}:{t} of {e.get('id')} lies outside it"
            if "text" in m and text[s:t] != m["text"]:
                return f"text[{s}:{t}] is {text[s:t]!r}, the output says {m['text']!r}"
    return None


def find_text(article: Mapping[str, Any], json_path: Path | None = None, explicit: Path | None = None,
              roots: Sequence[Path] = ()) -> tuple[str, Path]:
    """The article text for an output object, and where it was found.

    ``explicit`` (``--text``) wins. Otherwise ``source`` is tried as given
    (relative to the cwd), then relative to each of ``roots``, the JSON's
    directory and that directory's parents. A ``file.jsonl:N`` source reads
    line N's ``text`` (``.jsonl.gz`` too). The text must match the output (length and every
    mention's surface) and, unless it is ``explicit``, hash to the output's ``doc_id``: the JSON
    is not trusted to choose what is read. Otherwise :class:`TextNotFound` says why.
    """
    candidates: list[tuple[Path, int | None]] = []
    if explicit is not None:
        candidates.append((Path(explicit), None))
    else:
        source = str(article.get("source") or "")
        if not source or source.startswith("<"):
            raise TextNotFound(f"the output names no source file ({source or 'empty'!r})")
        line: int | None = None
        m = _JSONL_SOURCE.match(source)
        if m and not Path(source).exists():
            source, line = m.group("path"), int(m.group("line"))
        src = Path(source)
        if src.is_absolute():
            candidates.append((src, line))
        else:
            bases: list[Path] = [Path.cwd(), *map(Path, roots)]
            if json_path is not None:
                jdir = Path(json_path).resolve().parent
                bases += [jdir, *list(jdir.parents)[:3]]
            seen: set[Path] = set()
            for b in bases:
                p = b / src
                if p.resolve() not in seen:
                    seen.add(p.resolve())
                    candidates.append((p, line))
    tried: list[str] = []
    problems: list[str] = []
    for path, line in candidates:
        tried.append(str(path) + (f":{line}" if line else ""))
        if not path.is_file():
            continue
        try:
            length = article.get("length")
            text = _read_source(path, line, length if isinstance(length, int) and 0 <= length else MAX_SOURCE_CHARS)
        except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
            problems.append(f"{path}: {exc}")
            continue
        why = text_mismatch(article, text) or (None if explicit is not None else _not_its_source(article, text))
        if why is None:
            return text, path
        problems.append(f"{path} does not match the output ({why})")
    if problems:
        raise TextNotFound("; ".join(problems))
    raise TextNotFound("article text not found; tried " + ", ".join(tried))


# --------------------------------------------------------------------------- highlighting

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


def _attrs(d: Mapping[str, str]) -> str:
    return "".join(f' {k}="{esc(v)}"' for k, v in d.items())


def _mark_title(e: Mapping[str, Any]) -> str:
    parts = [f"{e.get('id')} {e.get('type')}", f"canonical: {e.get('canonical')}"]
    for k in ("value", "unit", "kind", "qualifier", "iso"):
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
    spans: list[_Span] = []
    n = len(text)
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


# --------------------------------------------------------------------------- article page

def _chip(etype: str) -> str:
    return f'<span class="chip" style="background: {esc(color(etype))}">{esc(etype)}</span>'


def _types_in_order(types: Iterable[str], known: Sequence[str]) -> list[str]:
    extra = sorted(set(types) - set(known))
    return [*known, *extra]


def _legend(entities: Sequence[Mapping[str, Any]]) -> str:
    n_ent = Counter(str(e.get("type")) for e in entities)
    n_men = Counter()
    for e in entities:
        n_men[str(e.get("type"))] += len(e.get("mentions") or [])
    items = []
    for t in _types_in_order(n_ent, TYPE_ORDER):
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


def _fmt_value(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, int):
        return f"{v:,}".replace(",", "\u202f")
    return "—" if v is None else str(v)


def _facts_table(facts: Sequence[Mapping[str, Any]], of_fact: Mapping[int, int],
                 ids: Mapping[str, Mapping[str, Any]], text: str | None) -> str:
    if not facts:
        return '<p class="muted">No facts.</p>'
    have = text is not None
    cells = Cells(esc, lambda name, eid: _entity_ref(name, eid, ids, have), _fmt_value)
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
        extra = ", ".join(f"{k}: {_fmt_value(e[k]) if k == 'value' else e[k]}"
                          for k in ("value", "unit", "kind", "qualifier", "iso") if e.get(k) is not None)
        if e.get("former"):
            extra = (extra + ", " if extra else "") + "former"
        mentions = e.get("mentions") or []
        if have_text and mentions:
            links = " ".join(f'<a href="#{esc(eid)}-{k}">{k}</a>' for k in range(1, len(mentions) + 1))
        else:
            links = esc(", ".join(f"{m.get('start')}–{m.get('end')}" for m in mentions if isinstance(m, Mapping)))
        rows.append(f'<tr id="ent-{esc(eid)}" data-entity-id="{esc(eid)}"><td>{esc(eid)}</td>'
                    f"<td>{_chip(str(e.get('type')))}</td><td>{esc(e.get('canonical'))}</td>"
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
    title = a.get("title") or a.get("doc_id") or a.get("source") or "article"
    meta = [f"<span>{esc(k)}: <b>{esc(a[k])}</b></span>" for k in ("outlet", "date") if a.get(k)]
    meta.append(f'<span>source: <span class="src">{esc(a.get("source"))}</span></span>')
    if a.get("doc_id"):
        meta.append(f'<span>doc_id: <span class="src">{esc(a.get("doc_id"))}</span></span>')
    url = a.get("url")
    if isinstance(url, str) and re.match(r"^https?://", url, re.I):
        meta.append(f'<span><a href="{esc(url)}" rel="noopener noreferrer nofollow">original article</a></span>')
    meta.append(f"<span>{len(entities)} entities, {len(facts)} facts</span>")
    parts = []
    if back:
        parts.append(f'<nav class="nav"><a href="{esc(back[0])}">← {esc(back[1])}</a></nav>')
    shown = _shorten(str(title), 160)
    h1_title = f' title="{esc(title)}"' if shown != str(title) else ""
    parts.append(f'<header><h1{h1_title}>{esc(shown)}</h1><p class="meta">{"".join(meta)}</p></header>')
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
    return _page(_shorten(str(title), 120), "\n".join(parts))


def _shorten(s: str, limit: int) -> str:
    """``s`` cut at a word boundary to at most ``limit`` characters (a first line may be a whole paragraph)."""
    s = " ".join(s.split())
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"


# --------------------------------------------------------------------------- batch report

@dataclass
class ArticleEntry:
    stem: str
    json_path: Path
    page: str                   # href of the article page, relative to index.html
    article: dict[str, Any]
    has_text: bool
    text_note: str | None = None


@dataclass
class Report:
    index: Path
    articles: list[ArticleEntry]
    failed: list[dict[str, Any]]
    skipped: list[tuple[str, str]]
    entity_counts: dict[str, int]
    mention_counts: dict[str, int]
    fact_counts: dict[str, int]
    top: dict[str, list[tuple[str, list[ArticleEntry], int]]]


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def read_errors(path: Path) -> list[dict[str, Any]]:
    """The failure records of ``errors.jsonl`` (empty when the file is missing)."""
    if not path.is_file():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            obj = {"source": f"{path.name}:{n}", "reason": f"unreadable error record: {line[:200]}"}
        if not isinstance(obj, dict):
            obj = {"source": f"{path.name}:{n}", "reason": str(obj)}
        out.append(obj)
    return out


def write_report(out_dir: Path, index: Path, *, top: int = 15, roots: Sequence[Path] = (),
                 pages_dir: str = "articles") -> Report:
    """Write ``index`` and one page per output in ``out_dir`` to ``<index's dir>/<pages_dir>/<stem>.html``."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir() and not (out_dir.is_file() and out_dir.name.endswith(".jsonl")):
        raise FileNotFoundError(f"no such directory or JSONL file: {out_dir}")
    index = Path(index)
    site = index.parent
    pdir = site / pages_dir
    pdir.mkdir(parents=True, exist_ok=True)
    back = os.path.relpath(index, pdir)
    entries: list[ArticleEntry] = []
    skipped: list[tuple[str, str]] = []
    for stem, jp, a in _iter_outputs(out_dir, skipped):
        entry = _article_page(stem, jp, a, pdir, pages_dir, roots, back, skipped)
        if entry is not None:
            entries.append(entry)
    failed = read_errors(out_dir / "errors.jsonl" if out_dir.is_dir()
                         else out_dir.with_name(out_dir.name[: -len(".jsonl")] + ".errors.jsonl"))

    ent_counts: Counter[str] = Counter()
    men_counts: Counter[str] = Counter()
    fact_counts: Counter[str] = Counter()
    # per type: name key -> display name, {stem: (entry, entity id)}, mentions
    groups: dict[str, dict[str, dict[str, Any]]] = {"PERSON": {}, "ORGANIZATION": {}}
    for en in entries:
        for e in en.article.get("entities") or []:
            if not isinstance(e, Mapping):
                continue
            t = str(e.get("type"))
            ent_counts[t] += 1
            men_counts[t] += len(e.get("mentions") or [])
            if t in groups and e.get("canonical"):
                g = groups[t].setdefault(_key(str(e["canonical"])), {"name": str(e["canonical"]), "arts": {},
                                                                     "mentions": 0})
                g["mentions"] += len(e.get("mentions") or [])
                g["arts"].setdefault(en.stem, (en, str(e.get("id"))))
        for f in en.article.get("facts") or []:
            if isinstance(f, Mapping):
                fact_counts[str(f.get("type"))] += 1
    tops: dict[str, list[tuple[str, list[ArticleEntry], int]]] = {}
    anchors: dict[tuple[str, str], str] = {}
    for t, g in groups.items():
        ranked = sorted(g.values(), key=lambda v: (-len(v["arts"]), -v["mentions"], _key(v["name"])))[:top]
        tops[t] = []
        for v in ranked:
            arts = [en for en, _ in v["arts"].values()]
            for en, eid in v["arts"].values():
                anchors[(v["name"], en.stem)] = f"{eid}-1" if en.has_text else f"ent-{eid}"
            tops[t].append((v["name"], arts, v["mentions"]))
    rep = Report(index, entries, failed, skipped, dict(ent_counts), dict(men_counts), dict(fact_counts), tops)
    index.write_text(_render_index(rep, out_dir, anchors), encoding="utf-8")
    return rep


def _article_page(stem: str, jp: Path, a: dict[str, Any], pdir: Path, pages_dir: str, roots: Sequence[Path],
                  back: str, skipped: list[tuple[str, str]]) -> ArticleEntry | None:
    """Write one article's page (inside ``pdir``); None, with a skipped entry, when it cannot be rendered."""
    try:
        text, _ = find_text(a, jp, roots=roots)
        note = None
    except TextNotFound as exc:
        text, note = None, str(exc)
    try:
        markup = render_article(a, text, text_note=note, back=(back, "batch overview"))
    except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a malformed output object
        skipped.append((jp.name if jp.suffix == ".json" else stem, f"cannot render: {exc}"))
        return None
    _inside(pdir, f"{stem}.html").write_text(markup, encoding="utf-8")
    return ArticleEntry(stem, jp, f"{quote(pages_dir)}/{quote(stem)}.html", a, text is not None, note)


def _inside(folder: Path, name: str) -> Path:
    """``folder/name``, refused (``ValueError``) unless it lies inside ``folder``."""
    page = folder / name
    if Path(name).name != name or not page.resolve().is_relative_to(folder.resolve()):
        raise ValueError(f"page name {name!r} would leave {folder}")
    return page


def _page_stem(raw: str, seen: set[str], fallback: str) -> str:
    """A page stem that cannot name a path (``../../x`` -> ``x``) and is unique in the report."""
    from .batch import safe_name

    stem = safe_name(raw) if raw else ""
    if not stem or stem in seen:
        stem = safe_name(fallback)
    k, base = 1, stem
    while stem in seen:
        k += 1
        stem = f"{base}~{k}"
    seen.add(stem)
    return stem


def _iter_outputs(out: Path, skipped: list[tuple[str, str]]) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    """(page stem, file, article) for each output: the *.json of a directory, or
    each line of a ``vnextract run --jsonl`` file (named by its source or doc_id)."""
    seen: set[str] = set()
    if out.is_dir():
        for jp in sorted(out.glob("*.json")):
            try:
                a = load_output(jp)
            except ValueError as exc:
                skipped.append((jp.name, str(exc)))
                continue
            yield _page_stem(jp.stem, seen, f"{jp.stem}-{len(seen) + 1}"), jp, a
        return
    with out.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                a = json.loads(line)
            except json.JSONDecodeError as exc:
                skipped.append((f"{out.name}:{n}", f"not JSON: {exc}"))
                continue
            if not is_article(a):
                skipped.append((f"{out.name}:{n}", "not an article object"))
                continue
            stem = _page_stem(Path(str(a.get("source", "")).split(":")[0]).stem, seen, str(a.get("doc_id") or n))
            yield stem, out, a


def _article_label(en: ArticleEntry) -> str:
    return _shorten(str(en.article.get("title") or en.stem), 100)


def _render_index(rep: Report, out_dir: Path, anchors: Mapping[tuple[str, str], str]) -> str:
    n_art, n_fail = len(rep.articles), len(rep.failed)
    n_ent = sum(rep.entity_counts.values())
    n_fact = sum(rep.fact_counts.values())
    parts = [f"<header><h1>Extraction report</h1><p class=\"meta\"><span>outputs: "
             f"<span class=\"src\">{esc(out_dir)}</span></span><span>{n_art} articles</span>"
             f"<span>{n_fail} failed</span><span>{n_ent} entities</span><span>{n_fact} facts</span></p></header>"]

    rows = []
    for t in _types_in_order(rep.entity_counts, TYPE_ORDER):
        rows.append(f'<tr data-entity-type="{esc(t)}"><td>{_chip(t)}</td>'
                    f'<td class="n" data-count="entities">{rep.entity_counts.get(t, 0)}</td>'
                    f'<td class="n" data-count="mentions">{rep.mention_counts.get(t, 0)}</td></tr>')
    parts.append('<h2>Entities by type</h2><table class="entity-counts narrow"><thead><tr><th>type</th>'
                 '<th class="n">entities</th><th class="n">mentions</th></tr></thead><tbody>' + "".join(rows)
                 + f'</tbody><tfoot><tr><th>total</th><th class="n">{n_ent}</th>'
                 f'<th class="n">{sum(rep.mention_counts.values())}</th></tr></tfoot></table>')
    rows = [f'<tr data-fact-type="{esc(t)}"><td>{esc(t)}</td><td class="n" data-count="facts">'
            f"{rep.fact_counts.get(t, 0)}</td></tr>" for t in _types_in_order(rep.fact_counts, FACT_ORDER)]
    parts.append('<h2>Facts by type</h2><table class="fact-counts narrow"><thead><tr><th>type</th>'
                 '<th class="n">facts</th></tr></thead><tbody>' + "".join(rows)
                 + f'</tbody><tfoot><tr><th>total</th><th class="n">{n_fact}</th></tr></tfoot></table>')

    for t, heading in (("PERSON", "Most frequent persons"), ("ORGANIZATION", "Most frequent organizations")):
        items = rep.top.get(t) or []
        if not items:
            parts.append(f'<h2>{heading}</h2><p class="muted">None.</p>')
            continue
        rows = []
        for name, arts, mentions in items:
            links = " · ".join(
                f'<a href="{esc(en.page)}#{esc(anchors.get((name, en.stem), ""))}">{esc(_article_label(en))}</a>'
                for en in arts)
            rows.append(f'<tr data-top="{esc(t)}"><td>{esc(name)}</td><td class="n">{len(arts)}</td>'
                        f'<td class="n">{mentions}</td><td>{links}</td></tr>')
        parts.append(f'<h2>{heading}</h2><table class="top-{t.lower()}"><thead><tr><th>name (canonical)</th>'
                     '<th class="n">articles</th><th class="n">mentions</th><th>appears in</th></tr></thead>'
                     "<tbody>" + "".join(rows) + "</tbody></table>")

    parts.append(f"<h2>Failed articles ({n_fail})</h2>")
    if rep.failed:
        rows = [f'<tr class="failed"><td class="src">{esc(e.get("source"))}</td><td>{esc(e.get("reason"))}</td></tr>'
                for e in rep.failed]
        parts.append('<table class="failed-list"><thead><tr><th>source</th><th>reason</th></tr></thead><tbody>'
                     + "".join(rows) + "</tbody></table>")
    else:
        parts.append('<p class="muted">None (no errors.jsonl records).</p>')

    parts.append(f"<h2>Articles ({n_art})</h2>")
    if rep.articles:
        rows = []
        for en in rep.articles:
            a = en.article
            status = "" if en.has_text else ' <span class="muted" title="{}">(text not found)</span>'.format(
                esc(en.text_note or ""))
            rows.append(f'<tr class="article" data-stem="{esc(en.stem)}"><td><a href="{esc(en.page)}">'
                        f"{esc(_article_label(en))}</a>{status}</td><td>{esc(a.get('outlet') or '')}</td>"
                        f'<td class="src">{esc(a.get("source"))}</td>'
                        f'<td class="n">{len(a.get("entities") or [])}</td><td class="n">{len(a.get("facts") or [])}</td></tr>')
        parts.append('<table class="articles"><thead><tr><th>title</th><th>outlet</th><th>source</th>'
                     '<th class="n">entities</th><th class="n">facts</th></tr></thead><tbody>' + "".join(rows)
                     + "</tbody></table>")
    else:
        parts.append('<p class="muted">No article outputs found.</p>')
    if rep.skipped:
        rows = [f'<tr><td class="src">{esc(n)}</td><td>{esc(r)}</td></tr>' for n, r in rep.skipped]
        parts.append(f"<h2>Skipped files ({len(rep.skipped)})</h2><table class=\"skipped\"><thead><tr><th>file</th>"
                     "<th>why</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    return _page("Extraction report", "\n".join(parts))
