"""Where a list gives the holder of posts (the ``position`` linker's structures):
flattened tables (``TT / Họ tên / Chức vụ``), member lists (``gồm ông A, bà B``)
and career histories (``từng giữ các chức vụ A, B``)."""
from __future__ import annotations


from .. import resources as R
from ..records import Annotation as Span  # a mention record
from .linking import Linker, end, gap, label, resolved, sentences, start, strip_honorific

TABLE_HEADER = R.word_set("table_header")    # 'TT' / 'Họ tên' / 'Chức vụ'
MEMBER_LIST = R.word_set("member_list")      # 'thành viên HĐQT gồm ông A, bà B'
CAREER_NOUNS = R.word_set("career_nouns")    # 'từng giữ các chức vụ A, B'
CAREER_TAILS = R.word_set("career_tails")
PAST_WORDS = R.word_set("past_words")
NAMED_AS = R.word_set("named_as")
SUCCEEDS = R.word_set("succeeds")            # '... là đại biểu Quốc hội đương nhiệm, là các ông A, B'
#: reporting verbs ('cho biết', 'khẳng định'): what follows them is said, not a holder
REPORT = frozenset(w for w in R.word_set("report_words") if " " in w) | {"nói", "nêu"}


def last_person_before(lk: Linker, at: int) -> Span | None:
    earlier = [p for p in lk.persons if end(p) <= at]
    return max(earlier, key=end) if earlier else None


def career(lk: Linker, ms: list[Span], i0: int, sent_start: int) -> tuple[Span, bool] | None:
    """'Ông Khu gắn bó với VietBank với các vị trí A, B', 'Ông từng giữ nhiều chức
    vụ như A, B', 'Các vị trí quản lý đã từng phụ trách: a, b': the posts of a
    career, held by the person before (or the one the story is about); former
    when the words say so ('từng', 'trải qua')."""
    k = i0 - 1
    while k >= 0 and label(ms[k]) != "PERSON":
        k -= 1
    a = end(ms[k]) if k >= 0 else sent_start
    text = R.WS_RE.sub(" ", lk.text[a:start(ms[i0])]).strip().lower()
    cut = max((text.rfind(n) + len(n) for n in CAREER_NOUNS if n in text), default=-1)
    if cut < 0:
        return None
    tail = text[cut:].strip()
    colon = ":" in tail and tail.endswith(":")
    words = tail.rstrip(":").split()
    if not (tail in CAREER_TAILS or colon and len(words) <= 6 or words and words[-1] in CAREER_TAILS and len(words) <= 6
            or _later_item(tail)):
        return None
    person = ms[k] if k >= 0 else None
    if person is None:
        opening = text[: text.find(next(n for n in CAREER_NOUNS if n in text))].split()
        if opening and opening[0] not in ("ông", "bà", "các", "những", "chức", "vị", "cương", "nhiều"):
            return None
        person = last_person_before(lk, sent_start)
    if person is None:
        return None
    return person, any(w in text for w in PAST_WORDS)


def _later_item(tail: str) -> bool:
    """'... vị trí công tác như lãnh đạo Cơ quan X, ' before the title: the title is
    a later item of the list the career words open."""
    words = tail.split()
    cut = max((n for n, w in enumerate(words[:7]) if w in CAREER_TAILS), default=-1)
    return cut >= 0 and tail.endswith(",") and len(tail) <= 160 and ";" not in tail and "." not in tail


def members(lk: Linker, ms: list[Span], i: int) -> list[Span]:
    """'... gồm ông A, bà B và ông C': the persons of a member list starting after ms[i - 1]."""
    if i >= len(ms) or i == 0:
        return []
    g = gap(lk.doc, end(ms[i - 1]), start(ms[i])).rstrip(":").strip()
    g = strip_honorific(g)
    if len(g) > 40 or not any(g == w or g.endswith(" " + w) for w in MEMBER_LIST):
        return []
    out: list[Span] = []
    for k in range(i, len(ms)):
        if k > i and strip_honorific(gap(lk.doc, end(ms[k - 1]), start(ms[k])).rstrip(":").strip()) \
                not in ("", ",", "và", ", và", ";"):
            break
        if label(ms[k]) == "PERSON" and resolved(ms[k]):
            out.append(ms[k])
        elif label(ms[k]) not in ("TITLE", "ORGANIZATION"):
            break
    return out


def named_as(lk: Linker, ms: list[Span], i0: int, i1: int) -> list[Span]:
    """'2 ứng viên là đại biểu Quốc hội đương nhiệm tái cử tại đơn vị này là bà A và ông B':
    a chain no person stands before, then 'là' and the persons who hold it."""
    if i1 >= len(ms) or i0 and label(ms[i0 - 1]) == "PERSON" and \
            not gap(lk.doc, end(ms[i0 - 1]), start(ms[i0])).endswith((".", ";")):
        return []
    g = strip_honorific(gap(lk.doc, end(ms[i1 - 1]), start(ms[i1])).rstrip(":").strip())
    words = g.replace(",", " ").split()
    if not words or len(words) > 12 or any(w in REPORT or " ".join(words[n:n + 2]) in REPORT
                                            for n, w in enumerate(words)):
        return []
    if not any(g == w or g.endswith(" " + w) or g.endswith("," + w) for w in NAMED_AS) \
            or any(f" {w} " in f" {g} " for w in SUCCEEDS):
        return []  # '... và người kế nhiệm là ông B': B succeeds, he does not hold it
    out: list[Span] = []
    for k in range(i1, len(ms)):
        if k > i1 and strip_honorific(gap(lk.doc, end(ms[k - 1]), start(ms[k])).strip()) not in (",", "và", ", và", ";"):
            break
        if label(ms[k]) != "PERSON" or not resolved(ms[k]):
            break
        out.append(ms[k])
    return out


def table_rows(lk: Linker, by_sent: dict[int, list[Span]]) -> tuple[dict[int, Span], list[tuple[Span, int]]]:
    """Tables flattened into lines: a header row (TT / Họ tên / Chức vụ) one cell a
    line, then per row a number line, a name line and the lines of its posts.
    (sentence start -> the row's person, [(person, the header's sentence start)])."""
    text = lk.text
    sents = sentences(lk)
    rows: dict[int, Span] = {}
    holders: list[tuple[Span, int]] = []

    def cell(k: int) -> str:
        return R.fold_key(text[sents[k][0]:sents[k][1]]).strip(" :.")

    def header(k: int) -> bool:
        c = cell(k)
        return len(c) < 40 and any(c == h or c.startswith(h + "/") or c.startswith(h + " ") for h in TABLE_HEADER)

    k = 0
    while k < len(sents):
        j = k
        while j < len(sents) and header(j):
            j += 1
        if j - k < 2:
            k += 1
            continue
        intro = sents[k - 1][0] if k else -1
        holder, stray = None, 0
        while j < len(sents):
            a, b = sents[j]
            line = text[a:b].strip()
            ms = by_sent.get(a, [])
            if len(line) > 160:
                break
            if line.rstrip(".").isdigit():
                holder = None
            elif holder is None and ms and all(label(m) == "PERSON" for m in ms) and len(line) <= 60:
                holder = ms[0]
                if resolved(holder):
                    holders.append((holder, intro))
            elif holder is not None:
                rows[a] = holder
            elif ms or stray > 1:
                break
            else:
                stray += 1  # a cell the segmenter cut off its name ('SV.')
            j += 1
        k = j
    return rows, holders
