"""Rules: numbers that are no amount -- names, codes, document and phone numbers.

``Covid-19``, ``Sars-CoV-2``, ``H5N1``, ``5K``, ``U23``, ``công nghệ 4.0``,
``0912.345.678``, ``10/CĐ-UBND``, ``71-NQ/TW`` (kind ``identifier``).
"""
from __future__ import annotations

from .context import W, Scan
from .lexicon import UNITS_EXACT_CASE, nfc_lower
from .patterns import DIGITS_RE, DOCID_RE, EN_ORDINAL_RE, PHONE_RE, SCORE_RE, UNIT_RE
from .values import parse_digits


def ident_span(sc: Scan, i, s, e, tx):
    v = parse_digits(tx) if DIGITS_RE.fullmatch(tx) else None
    return [sc.mk(s, e, "NUMBER", v, "identifier", None, "exact", ns=s, ne=e)], sc.tok_index_at(e, i + 1)


def identifier(sc: Scan, i, s):
    """The digits at token i with the letters and digits glued after them (H5N1, 5K)."""
    text = sc.text
    e = sc.t.ends[i]
    while e < len(text) and text[e].isalnum():
        e += 1
    return ident_span(sc, i, s, e, sc.t.texts[i])


def glued_left(sc: Scan, i: int):
    """Digits glued to letters on their left: Covid-19, Sars-CoV-2, H5N1."""
    t, text = sc.t, sc.text
    s = t.starts[i]
    if s == 0 or text[s - 1].isspace():
        return None
    c = text[s - 1]
    if c.isalpha() and i > 0 and t.types[i - 1] == W:
        pw = t.texts[i - 1]
        if any(ch.isupper() for ch in pw) or pw.isascii():
            return identifier(sc, i, t.starts[i - 1] if t.starts[i - 1] >= sc.floor else s)
    elif c in "-_" and s >= 2 and text[s - 2].isalpha():
        return identifier(sc, i, s)
    return None


def phone(sc: Scan, i: int):
    """0912.345.678, 0243 825 1234 (nine digits or more)."""
    t, tx = sc.t, sc.t.texts[i]
    if tx[0] != "0" or len(tx) < 3:
        return None
    s = t.starts[i]
    m = PHONE_RE.match(sc.text, s)
    if m and sum(ch.isdigit() for ch in m.group()) >= 9:
        return [sc.mk(s, m.end(), "NUMBER", None, "identifier", None, "exact", ns=s, ne=m.end())], sc.tok_index_at(m.end(), i)
    return None


def separator_after(sc: Scan, i: int) -> bool:
    """A '/' or dash follows the digits at token i (perhaps after one space)."""
    text, e = sc.text, sc.t.ends[i]
    nc = text[e : e + 1]
    return bool(nc) and (nc in "/-–—" or (nc == " " and text[e + 1 : e + 2] in ("/", "-", "–", "—")))


def document_number(sc: Scan, i: int):
    """10/CĐ-UBND, 71-NQ/TW: digits, a separator and capitals."""
    if not separator_after(sc, i):
        return None
    s = sc.t.starts[i]
    m = DOCID_RE.match(sc.text, s)
    if m and sum(ch.isupper() for ch in m.group()) >= 2:
        return ident_span(sc, i, s, m.end(), sc.t.texts[i])
    return None


def technical(sc: Scan, i: int):
    """5K, 4G (digits glued to a capital that is no unit), 8x, 9X (a generation: one
    glued letter that is no unit); công nghệ 4.0; '18th' (an ordinal)."""
    t, text = sc.t, sc.text
    s, e, tx = t.starts[i], t.ends[i], t.texts[i]
    m = EN_ORDINAL_RE.match(text, s)
    if m is not None:  # '18th'
        return [sc.mk(s, m.end(), "NUMBER", int(m.group(1)), "ordinal", None, "exact", ns=s, ne=m.end())], sc.tok_index_at(m.end(), i)
    glued = e < len(text) and text[e].isalpha()
    if glued and (text[e].isupper() or not text[e + 1 : e + 2].isalpha()):
        um = UNIT_RE.match(text, e)
        cases = UNITS_EXACT_CASE.get(nfc_lower(um.group())) if um else None
        if um is None or (cases is not None and um.group() not in cases):
            return identifier(sc, i, s)
    if len(tx) == 3 and tx[1:] == ".0":
        return ident_span(sc, i, s, e, tx)
    return None


def score(sc: Scan, i: int):
    """'tỷ số 2-1', 'thắng 3-0': a score (kind ``score``), no amount nor range."""
    if sc.phrase_before(i, "score_cue") is None:
        return None
    s = sc.t.starts[i]
    m = SCORE_RE.match(sc.text, s)
    if m is None:
        return None
    return [sc.mk(s, m.end(), "NUMBER", None, "score", None, "exact", ns=s, ne=m.end())], sc.tok_index_at(m.end(), i)
