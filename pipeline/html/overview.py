"""The batch overview (``index.html`` of ``vnextract report``): counts of entities
and facts by type, the most frequent persons and organizations with links into
the article pages, the paper's own bylines and photo credits in a list of their
own (entities with a ``role``), the failed inputs and the articles."""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from .page import FACT_ORDER, TYPE_ORDER, chip, esc, shell, shorten, types_in_order


@dataclass
class ArticleEntry:
    stem: str
    json_path: Path
    page: str                   # href of the article page, relative to index.html
    article: dict[str, Any]
    has_text: bool
    text_note: str | None = None


#: one ranked list: (name, the articles it appears in, its mentions)
Ranked = list[tuple[str, list[ArticleEntry], int]]


@dataclass
class Report:
    index: Path
    articles: list[ArticleEntry]
    failed: list[dict[str, Any]]
    skipped: list[tuple[str, str]]
    entity_counts: dict[str, int] = field(default_factory=dict)
    mention_counts: dict[str, int] = field(default_factory=dict)
    fact_counts: dict[str, int] = field(default_factory=dict)
    top: dict[str, Ranked] = field(default_factory=dict)        # PERSON, BYLINE, ORGANIZATION
    anchors: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (list, name, stem) -> id


#: the ranked lists of the overview: key, heading, table class
TOP_LISTS = (
    ("PERSON", "Most frequent persons", "top-person"),
    ("BYLINE", "Bylines and photo credits", "top-byline"),
    ("ORGANIZATION", "Most frequent organizations", "top-organization"),
)


def top_list(e: Mapping[str, Any]) -> str | None:
    """The ranked list an entity counts in: a person named on a byline or a photo credit of
    the paper (``role``) is not one of the story's persons."""
    t = str(e.get("type"))
    if t == "PERSON" and e.get("role"):
        return "BYLINE"
    return t if t in ("PERSON", "ORGANIZATION") else None


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def tally(rep: Report, top: int) -> None:
    """Fill ``rep``'s counts and ranked lists from its articles."""
    ent, men, facts = Counter[str](), Counter[str](), Counter[str]()
    # per list: name key -> display name, {stem: (entry, entity id)}, mentions
    groups: dict[str, dict[str, dict[str, Any]]] = {k: {} for k, _, _ in TOP_LISTS}
    for en in rep.articles:
        for e in en.article.get("entities") or []:
            if not isinstance(e, Mapping):
                continue
            t = str(e.get("type"))
            ent[t] += 1
            men[t] += len(e.get("mentions") or [])
            g = top_list(e)
            if g and e.get("canonical"):
                v = groups[g].setdefault(_key(str(e["canonical"])), {"name": str(e["canonical"]), "arts": {},
                                                                    "mentions": 0})
                v["mentions"] += len(e.get("mentions") or [])
                v["arts"].setdefault(en.stem, (en, str(e.get("id"))))
        facts.update(str(f.get("type")) for f in en.article.get("facts") or [] if isinstance(f, Mapping))
    rep.entity_counts, rep.mention_counts, rep.fact_counts = dict(ent), dict(men), dict(facts)
    for g, names in groups.items():
        ranked = sorted(names.values(), key=lambda v: (-len(v["arts"]), -v["mentions"], _key(v["name"])))[:top]
        rep.top[g] = []
        for v in ranked:
            for en, eid in v["arts"].values():
                rep.anchors[(g, v["name"], en.stem)] = f"{eid}-1" if en.has_text else f"ent-{eid}"
            rep.top[g].append((v["name"], [en for en, _ in v["arts"].values()], v["mentions"]))


def _article_label(en: ArticleEntry) -> str:
    return shorten(str(en.article.get("title") or en.stem), 100)


def render_index(rep: Report, out_dir: Path) -> str:
    n_fail = len(rep.failed)
    parts = [f"<header><h1>Extraction report</h1><p class=\"meta\"><span>outputs: "
             f"<span class=\"src\">{esc(out_dir)}</span></span><span>{len(rep.articles)} articles</span>"
             f"<span>{n_fail} failed</span><span>{sum(rep.entity_counts.values())} entities</span>"
             f"<span>{sum(rep.fact_counts.values())} facts</span></p></header>"]
    parts += _count_tables(rep)
    parts += [_ranked(rep, g, heading, cls) for g, heading, cls in TOP_LISTS]
    parts.append(f"<h2>Failed articles ({n_fail})</h2>")
    if rep.failed:
        rows = [f'<tr class="failed"><td class="src">{esc(e.get("source"))}</td><td>{esc(e.get("reason"))}</td></tr>'
                for e in rep.failed]
        parts.append('<table class="failed-list"><thead><tr><th>source</th><th>reason</th></tr></thead><tbody>'
                     + "".join(rows) + "</tbody></table>")
    else:
        parts.append('<p class="muted">None (no errors.jsonl records).</p>')
    parts += _articles(rep.articles)
    if rep.skipped:
        rows = [f'<tr><td class="src">{esc(n)}</td><td>{esc(r)}</td></tr>' for n, r in rep.skipped]
        parts.append(f"<h2>Skipped files ({len(rep.skipped)})</h2><table class=\"skipped\"><thead><tr><th>file</th>"
                     "<th>why</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    return shell("Extraction report", "\n".join(parts))


def _count_tables(rep: Report) -> list[str]:
    rows = []
    for t in types_in_order(rep.entity_counts, TYPE_ORDER):
        rows.append(f'<tr data-entity-type="{esc(t)}"><td>{chip(t)}</td>'
                    f'<td class="n" data-count="entities">{rep.entity_counts.get(t, 0)}</td>'
                    f'<td class="n" data-count="mentions">{rep.mention_counts.get(t, 0)}</td></tr>')
    out = ['<h2>Entities by type</h2><table class="entity-counts narrow"><thead><tr><th>type</th>'
           '<th class="n">entities</th><th class="n">mentions</th></tr></thead><tbody>' + "".join(rows)
           + f'</tbody><tfoot><tr><th>total</th><th class="n">{sum(rep.entity_counts.values())}</th>'
           f'<th class="n">{sum(rep.mention_counts.values())}</th></tr></tfoot></table>']
    rows = [f'<tr data-fact-type="{esc(t)}"><td>{esc(t)}</td><td class="n" data-count="facts">'
            f"{rep.fact_counts.get(t, 0)}</td></tr>" for t in types_in_order(rep.fact_counts, FACT_ORDER)]
    out.append('<h2>Facts by type</h2><table class="fact-counts narrow"><thead><tr><th>type</th>'
               '<th class="n">facts</th></tr></thead><tbody>' + "".join(rows)
               + f'</tbody><tfoot><tr><th>total</th><th class="n">{sum(rep.fact_counts.values())}</th></tr>'
               "</tfoot></table>")
    return out


def _ranked(rep: Report, g: str, heading: str, cls: str) -> str:
    items = rep.top.get(g) or []
    if not items:
        return f'<h2>{heading}</h2><p class="muted">None.</p>'
    rows = []
    for name, arts, mentions in items:
        links = " · ".join(
            f'<a href="{esc(en.page)}#{esc(rep.anchors.get((g, name, en.stem), ""))}">{esc(_article_label(en))}</a>'
            for en in arts)
        rows.append(f'<tr data-top="{esc(g)}"><td>{esc(name)}</td><td class="n">{len(arts)}</td>'
                    f'<td class="n">{mentions}</td><td>{links}</td></tr>')
    return (f'<h2>{heading}</h2><table class="{cls}"><thead><tr><th>name (canonical)</th>'
            '<th class="n">articles</th><th class="n">mentions</th><th>appears in</th></tr></thead>'
            "<tbody>" + "".join(rows) + "</tbody></table>")


def _articles(articles: Sequence[ArticleEntry]) -> list[str]:
    out = [f"<h2>Articles ({len(articles)})</h2>"]
    if not articles:
        return out + ['<p class="muted">No article outputs found.</p>']
    rows = []
    for en in articles:
        a = en.article
        status = "" if en.has_text else ' <span class="muted" title="{}">(text not found)</span>'.format(
            esc(en.text_note or ""))
        rows.append(f'<tr class="article" data-stem="{esc(en.stem)}"><td><a href="{esc(en.page)}">'
                    f"{esc(_article_label(en))}</a>{status}</td><td>{esc(a.get('outlet') or '')}</td>"
                    f'<td class="src">{esc(a.get("source"))}</td>'
                    f'<td class="n">{len(a.get("entities") or [])}</td><td class="n">{len(a.get("facts") or [])}</td></tr>')
    return out + ['<table class="articles"><thead><tr><th>title</th><th>outlet</th><th>source</th>'
                  '<th class="n">entities</th><th class="n">facts</th></tr></thead><tbody>' + "".join(rows)
                  + "</tbody></table>"]
