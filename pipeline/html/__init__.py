"""Static HTML views of the pipeline's output (GitHub issue 6).

``render_article`` turns one output object (CONTRACT section 1) and its
article text into a self-contained page: the text with every entity mention
highlighted in spaCy displaCy's entity style, a legend, the entity list and
the facts as a table whose rows link to their evidence sentences.
``write_report`` turns a directory of outputs into an ``index.html`` overview
plus one such page per article.

| module | what |
|---|---|
| :mod:`.page` | the page shell: palette, inline CSS, Content-Security-Policy, escaping |
| :mod:`.sources` | output JSON and the article text its offsets index, found and checked |
| :mod:`.marks` | the text with its marks and evidence elements (overlaps nested or split) |
| :mod:`.article` | one article's page; fact rows drawn by the fact-type registry |
| :mod:`.overview` | the batch overview: counts, ranked persons, bylines, organizations |
| :mod:`.report` | ``vnextract report``: pages written inside the site folder only |
"""
from __future__ import annotations

from .article import render_article
from .marks import evidence_regions, highlight
from .overview import ArticleEntry, Report
from .page import COLORS, FACT_ORDER, TYPE_ORDER, esc
from .report import read_errors, write_report
from .sources import (TextNotFound, article_dict, find_text, is_article, load_output, read_text,
                      text_mismatch)

__all__ = [
    "COLORS", "TYPE_ORDER", "FACT_ORDER", "article_dict", "load_output", "read_text", "find_text", "text_mismatch",
    "highlight", "evidence_regions", "render_article", "write_report", "read_errors", "Report", "ArticleEntry",
    "TextNotFound", "esc", "is_article",
]
