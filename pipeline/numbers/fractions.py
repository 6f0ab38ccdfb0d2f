"""Rule: ``a/b`` -- a date, a fraction, 'a of b', or a document number.

``28/4`` after a date cue is a date; ``1/10 tổng kinh phí`` and ``1/4 thế kỷ``
are fractions; ``83/83 xã`` and ``8/10 tiêu chí`` count a; ``Nghị định 99/2019``
is an identifier.
"""
from __future__ import annotations

from .context import W, Scan
from .dates import separated
from .identifiers import ident_span
from .lexicon import STOP
from .patterns import SLASH_RE
from .quantities import finish
from .units import unit_at


def _before_noun(sc: Scan, i, j, a, b, s, e, q, qs, date_ok):
    """A fraction-shaped a/b before a word: fraction, or 'a of b' counted nouns."""
    def as_fraction():
        return finish(sc, i, j, a / b, s, e, q, qs, kind_hint="fraction")

    if sc.phrase_at(j, "fraction_noun") is not None:
        return as_fraction()  # '1/10 tổng kinh phí'
    u = unit_at(sc, j, generic=False)
    if u is not None and u[0] != "count":
        return as_fraction()  # '1/4 thế kỷ'
    if u is not None:
        return finish(sc, i, j, a, s, e, q, qs, kind_hint="count")  # '8/10 tiêu chí': x of y
    if q is not None or not date_ok or sc.phrase_before(i, "range_start") is not None:
        return as_fraction()
    return None


def slash(sc: Scan, i: int):
    t = sc.t
    m = SLASH_RE.match(sc.text, t.starts[i]) if separated(sc, i) else None
    if not m:
        return None
    s, e = m.span()
    a, b = int(m.group(1)), int(m.group(2))
    if sc.id_context(i):
        return ident_span(sc, i, s, e, t.texts[i])
    date_ok = 1 <= a <= 31 and 1 <= b <= 12
    j = sc.tok_index_at(e, i)
    if sc.has_date_cue(i) and date_ok:
        st = sc.cue_start(i, "day_word", s)
        return [sc.date(st, e, "date", sc.date_iso(a, b, None), s, e)], j
    q, qs = sc.qualifier_before(i)
    if a == b and a > 0:
        return finish(sc, i, j, a, s, e, q, qs, kind_hint="count")  # '83/83 xã': x of y
    frac_shape = 0 < a < b <= 1000
    next_word = j < t.n and t.types[j] == W and t.lowers[j] not in STOP and t.lowers[j] != "năm" and not t.nl[j]
    if frac_shape and next_word:
        r = _before_noun(sc, i, j, a, b, s, e, q, qs, date_ok)
        if r is not None:
            return r
    elif frac_shape and not date_ok:
        return finish(sc, i, j, a / b, s, e, q, qs, kind_hint="fraction")
    if date_ok:
        return [sc.date(s, e, "date", sc.date_iso(a, b, None), s, e)], j
    return ident_span(sc, i, s, e, t.texts[i])
