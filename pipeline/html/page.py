"""The page shell every view shares: displaCy's palette, the inline CSS, the
Content-Security-Policy, escaping and a few formatting helpers.

Pages are static and offline: CSS is inline, there is no JavaScript, no font,
image or stylesheet is loaded from anywhere, and a Content-Security-Policy
meta tag forbids any script or remote load even if one slipped in. Every piece
of article text, JSON value and attribute goes through :func:`esc`.
"""
from __future__ import annotations

import html
from typing import Any, Iterable, Mapping, Sequence

from ..facts.registry import REGISTRY

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


def shell(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_CSP)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="vnextract">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def attrs(d: Mapping[str, str]) -> str:
    """``d`` as HTML attributes (values escaped), each with a leading space."""
    return "".join(f' {k}="{esc(v)}"' for k, v in d.items())


def chip(etype: str) -> str:
    return f'<span class="chip" style="background: {esc(color(etype))}">{esc(etype)}</span>'


def types_in_order(types: Iterable[str], known: Sequence[str]) -> list[str]:
    """``known`` first, in its order, then any other type seen, sorted."""
    extra = sorted(set(types) - set(known))
    return [*known, *extra]


def fmt_value(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, int):
        return f"{v:,}".replace(",", "\u202f")
    return "—" if v is None else str(v)


def shorten(s: str, limit: int) -> str:
    """``s`` cut at a word boundary to at most ``limit`` characters (a first line may be a whole paragraph)."""
    s = " ".join(s.split())
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"

