"""Helpers shared by the number tests (imported as ``numtools``)."""
from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import strategies as st

from pipeline.numbers import NumberMatch, find_numbers

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = SEEDS / "gold"
Q = "exact"


def quantities(text, **kw) -> list[NumberMatch]:
    return [m for m in find_numbers(text, **kw) if m.is_quantity]


def only(text, **kw) -> NumberMatch:
    ms = find_numbers(text, **kw)
    assert len(ms) == 1, [(text[m.start : m.end], m.kind) for m in ms]
    return ms[0]


def _close(a, b):
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _seg_spans(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for tok in tokens:
        pat = r"\s+".join(regex.escape(p) for p in tok.split())
        m = regex.compile(pat).search(text, pos)
        if m is None or m.start() - pos > 50:
            continue
        spans.append(m.span())
        pos = m.end()
    return spans



# ---------------------------------------------------------------- independent speller
_DIGIT = {0: ["không"], 1: ["một"], 2: ["hai"], 3: ["ba"], 4: ["bốn"], 5: ["năm"],
          6: ["sáu"], 7: ["bảy", "bẩy"], 8: ["tám"], 9: ["chín"]}


def _spell_triple(n: int, leading: bool, draw) -> list[str]:
    """Spell 0 < n < 1000; a non-leading group says its hundreds ('không trăm ...')."""
    h, r = divmod(n, 100)
    t, u = divmod(r, 10)
    out: list[str] = []
    if h > 0 or (not leading and draw(st.booleans())):
        out += [draw(st.sampled_from(_DIGIT[h])), "trăm"]
    if t == 0:
        if u:
            if out or not leading:
                out.append(draw(st.sampled_from(["linh", "lẻ"])))
            out.append(draw(st.sampled_from(_DIGIT[u])))
    elif t == 1:
        out.append("mười")
        if u == 5:
            out.append(draw(st.sampled_from(["lăm", "nhăm"])))
        elif u:
            out.append(draw(st.sampled_from(_DIGIT[u])))
    else:
        out += [draw(st.sampled_from(_DIGIT[t])), "mươi"]
        if u == 1:
            out.append(draw(st.sampled_from(["mốt", "mốt", "một"])))
        elif u == 4:
            out.append(draw(st.sampled_from(["tư", "bốn"])))
        elif u == 5:
            out.append(draw(st.sampled_from(["lăm", "nhăm"])))
        elif u:
            out.append(draw(st.sampled_from(_DIGIT[u])))
    return out


def _spell_below_billion(n: int, leading: bool, draw) -> list[str]:
    out: list[str] = []
    first = leading
    for value, scale in (((n // 10**6) % 1000, "triệu"), ((n // 1000) % 1000, "nghìn"), (n % 1000, None)):
        if value == 0:
            continue
        out += _spell_triple(value, first, draw)
        if scale == "nghìn":
            out.append(draw(st.sampled_from(["nghìn", "ngàn"])))
        elif scale:
            out.append(scale)
        first = False
    return out


def spell_vi(n: int, draw) -> str:
    """Spell 0 <= n <= 10**12 in Vietnamese words (independent of pipeline code)."""
    if n == 0:
        return "không"
    billions, rest = divmod(n, 10**9)
    words: list[str] = []
    if billions:
        words += _spell_below_billion(billions, True, draw)
        words.append(draw(st.sampled_from(["tỷ", "tỉ"])))
        words += _spell_below_billion(rest, False, draw)
    else:
        words += _spell_below_billion(rest, True, draw)
    return " ".join(words)


@st.composite
def spelled_numbers(draw):
    n = draw(
        st.one_of(
            st.integers(0, 1000),
            st.integers(0, 10**6),
            st.integers(0, 10**12),
            st.sampled_from([10**12, 10**9, 1_000_005, 1_000_000_005, 2005, 2025, 105, 115, 21, 25, 45, 1_000_000_021]),
        )
    )
    return n, spell_vi(n, draw)

