"""Link mentions into facts: ``position`` (person, title, organization) and
``quantity`` (value, unit, qualifier, subject), each with its evidence sentence.

Positions are read from *title chains*: a title with the body right after it
(``Bí thư Đảng ủy``, ``Chủ tịch UBND phường X``, ``Tổng thống Mỹ``), joined to
the next title by ``,`` ``-`` ``–`` ``kiêm`` ``và``; the chain belongs to the
person right before it (``ông A, Bí thư ...``, ``A - Phó Chủ tịch ...``) or
right after it (``Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên``).
"""
from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import resources as R
from ..normalize import canonical_text
from .resolve import DocContext, group_key

SEP = R.word_set("sep")                      # what joins two titles of one chain
PERSON_BEFORE = R.word_set("person_before")  # what may stand between a person and the chain after it
LIST_VERBS = R.word_set("list_verbs")        # 'A, B và C được bầu làm ...': the list shares the title
#: what joins a subject's further posts in one sentence ('... nhưng đã thôi chức Chủ tịch nước')
CONTINUES = tuple(sorted(R.word_set("continues")))
SUCCEEDS = R.word_set("succeeds")            # 'A kế nhiệm B trở thành X': A takes X
INFERRED = "inferred"  # body_of's entity id for a body the text does not name next to the title
TITLE_TO_BODY = {
    "bí thư": {"commune": "Đảng ủy", "district": "Đảng ủy", "province": "Tỉnh ủy", "city": "Thành ủy"},
    "phó bí thư": {"commune": "Đảng ủy", "district": "Đảng ủy", "province": "Tỉnh ủy", "city": "Thành ủy"},
    "chủ tịch": {"*": "Ủy ban nhân dân"},
    "phó chủ tịch": {"*": "Ủy ban nhân dân"},
}


def _gap(doc: Doc, a: int, b: int) -> str:
    """The words between two mentions, lowercased, without an aside in brackets
    ('ông A (sinh năm 1975) - Thẩm phán ...') or the former/new markers."""
    g = R.WS_RE.sub(" ", R.PAREN_RE.sub(" ", doc._.text[a:b])).strip().lower()
    return R.STATUS_WORD_RE.sub("", g).strip()


def _strip_honorific(g: str) -> str:
    """The gap without a closing honorific (', ông' -> ',')."""
    for h in R.honorifics_longest_first():
        if g.endswith(" " + h) or g == h:
            return g[: len(g) - len(h)].strip()
    return g


def _level(canonical: str, attrs: dict) -> str:
    low = canonical.lower()
    if low.startswith(("phường ", "xã ", "thị trấn ")):
        return "commune"
    if low.startswith(("quận ", "huyện ", "thị xã ")):
        return "district"
    if low.startswith("thành phố "):
        return "city"
    return attrs.get("level") or "province"


class Linker:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.ctx = doc._.context or DocContext(doc)
        ents = doc._.entities or []
        self.persons = [m for m in (doc._.mentions or []) if m._.attrs["label"] == "PERSON"
                        and m._.attrs.get("resolved")]
        self.orgs_by_prefix: Counter = Counter()
        countries: Counter = Counter()
        known = R.countries()
        for e in ents:
            if e["type"] == "ORGANIZATION":
                self.orgs_by_prefix[e["canonical"]] += len(e["spans"])
            elif e["type"] == "LOCATION" and known.get(e["canonical"], ("", ""))[1] == "country":
                countries[e["canonical"]] += len(e["spans"])
        # a story about another country: its heads of government are that country's
        top = countries.most_common(1)
        home = countries["Việt Nam"] + sum(
            len(e["spans"]) for e in ents
            if e["type"] == "LOCATION" and e["canonical"] not in known) + self._vietnamese_bodies(ents)
        self.foreign = top[0][0] if top and top[0][0] != "Việt Nam" and top[0][1] > home else None

    @staticmethod
    def _vietnamese_bodies(ents: list[dict]) -> int:
        """Mentions of Vietnamese state bodies (UBND, Sở, Bộ ...): a domestic story."""
        n = 0
        for e in ents:
            if e["type"] == "ORGANIZATION" and e["canonical"].split(" ")[0] in ("Ủy", "Sở", "Bộ", "Hội", "Đảng", "Thành", "Tỉnh", "Công"):
                n += len(e["spans"])
        return n

    def org_from_hint(self, hint: str, category: str = "") -> str | None:
        """'Trường' -> the document's most mentioned school, 'Thành ủy' -> the city's."""
        if not hint:
            return None
        if hint in ("country", "Chính phủ") and self.foreign:
            return self.foreign
        if hint == "country":
            return R.default_bodies().get(hint) if category == "state" else None
        if hint in ("Thành ủy", "Tỉnh ủy"):
            prov = self.ctx.province_name()
            if not prov:
                return None
            return f"{hint} {'Thành phố ' if hint == 'Thành ủy' and not prov.startswith('Thành phố') else ''}{prov}".replace("  ", " ")
        best = [(n, c) for c, n in self.orgs_by_prefix.items()
                if c.lower().startswith(hint.lower() + " ") or c.lower() == hint.lower()]
        if best:
            return max(best)[1]
        return R.default_bodies().get(hint)

    def body_of(self, title: Span, target: Span | None) -> tuple[str | None, str | None]:
        """(organization canonical, entity id) for a title and what follows it."""
        ta = title._.attrs
        if target is not None:
            a = target._.attrs
            if a["label"] == "ORGANIZATION":
                if a.get("resolved"):
                    return a["resolved"], a.get("entity_id")
                # 'Giám đốc Bệnh viện khẳng định': the hospital the story is about
                # (not when words follow that may be its name: 'Viện nghiên cứu ...')
                if self._nothing_named_after(a["end"]):
                    return self.org_from_hint(a.get("name", "")), INFERRED
                return None, None
            if a["label"] == "LOCATION":
                canon = a.get("resolved") or target._.canonical
                level = _level(canon, a)
                if level in ("country", "territory"):
                    return canon, a.get("entity_id")
                base = title._.attrs.get("base", title._.canonical).lower()
                table = TITLE_TO_BODY.get(base) or TITLE_TO_BODY.get(title._.canonical.lower())
                if table:
                    body = table.get(level) or table.get("*")
                    if body == "Thành ủy" and not canon.lower().startswith("thành phố"):
                        body = "Tỉnh ủy"
                    if body in ("Tỉnh ủy", "Thành ủy"):
                        name = canon.split(" ", 1)[1] if canon.lower().startswith(("tỉnh ", "thành phố ")) else canon
                        return (f"{body} {name}" if body == "Tỉnh ủy" else f"{body} {canon}"), None
                    return f"{body} {canon}", None
                return None, None
        fused = ta.get("hint") in ("Thành ủy", "Tỉnh ủy", "Huyện ủy", "Quận ủy")  # 'Thành ủy viên'
        if not fused and not (ta.get("bare", True) and self._nothing_named_after(ta["end"], verbs=True)):
            return None, None  # something follows that may name the body: do not guess
        return self.org_from_hint(ta.get("hint", ""), ta.get("category", "")), INFERRED

    def _nothing_named_after(self, end: int, verbs: bool = False) -> bool:
        """Does what follows offset ``end`` leave the body unnamed: punctuation, the
        end, a person's name, or a reporting word ('cho biết', 'khẳng định')?  With
        ``verbs`` (after a title word), a predicate too ('Phó Hiệu trưởng trở thành');
        a verb in general may begin a name ('Phó Ban nghiên cứu và đào tạo')."""
        text = self.doc._.text
        rest = R.WS_RE.sub(" ", text[end:end + 30]).strip()
        if not rest or not rest[0].isalpha():
            return True
        if any(m._.attrs["start"] >= end and text[end:m._.attrs["start"]].strip() in ("", ",")
               and m._.attrs["label"] == "PERSON" for m in self.persons):
            return True
        words = rest.lower().split(" ")
        known = R.word_set("report_words") | (R.word_set("predicate_words") if verbs else frozenset())
        return words[0] in known or " ".join(words[:2]) in known

    def positions(self) -> list[dict]:
        doc = self.doc
        facts: list[dict] = []
        seen: set = set()
        mentions = sorted((doc._.mentions or []), key=lambda s: s._.attrs["start"])
        by_sent: dict[int, list[Span]] = {}
        for m in mentions:
            by_sent.setdefault(m._.attrs["sent_start"], []).append(m)
        for sent_start, ms in by_sent.items():
            chains = self._chains(ms)
            subject: tuple[Span, int] | None = None  # the holder of the last chain and where it ended
            for chain, i0, i1 in chains:
                person = None
                before_gap = None
                was = False  # 'ông A từng là Bộ trưởng ...': held in the past
                first = ms[i0]
                after = ms[i1] if i1 < len(ms) and ms[i1]._.attrs["label"] == "PERSON" else None
                if after is not None and after._.attrs.get("resolved") and R.is_cap(first._.attrs["text"]) and not _gap(
                        doc, ms[i1 - 1]._.attrs["end"], after._.attrs["start"]):
                    # 'gồm: Chủ tịch A, Phó Chủ tịch B': a title right before a name is that name's
                    facts.extend(self._chain_facts(after, chain, seen))
                    continue
                if i0 > 0 and ms[i0 - 1]._.attrs["label"] == "PERSON":
                    p = ms[i0 - 1]
                    g = _strip_honorific(_gap(doc, p._.attrs["end"], first._.attrs["start"]))
                    past = g.startswith("từng ") or g == "từng"
                    g = g[len("từng"):].strip() if past else g
                    if g in PERSON_BEFORE and (g or R.is_cap(first._.attrs["text"])):
                        person, before_gap = p, g
                        was = past
                        # 'A kế nhiệm ông B trở thành Bí thư': A takes the post
                        if i0 > 1 and ms[i0 - 2]._.attrs["label"] == "PERSON":
                            g2 = _strip_honorific(_gap(doc, ms[i0 - 2]._.attrs["end"], p._.attrs["start"]))
                            if g2 in SUCCEEDS:
                                person = ms[i0 - 2]
                if person is None and i1 < len(ms) and ms[i1]._.attrs["label"] == "PERSON":
                    p = ms[i1]
                    g = _strip_honorific(_gap(doc, ms[i1 - 1]._.attrs["end"], p._.attrs["start"]))
                    # 'Giám đốc Sở Y tế Nguyễn Văn A'; a lowercase title in running
                    # text before a name is a description ('nhà sáng lập X')
                    if g in {"", ",", "là", "-"} and (
                            R.is_cap(first._.attrs["text"]) or len(ms) > i0 + 1 and i1 - i0 >= 2
                            or p._.attrs["text"].split(" ")[0] in R.surnames()):
                        person = p
                if person is None and subject is not None:
                    # 'Ông Raul làm Bí thư Thứ nhất ... từ năm 2011, nhưng đã thôi chức Chủ tịch
                    # nước Cuba': the same subject goes on to another post
                    g = _gap(doc, subject[1], first._.attrs["start"])
                    if len(g) <= 60 and any(g == v or g.endswith(" " + v) for v in CONTINUES) \
                            and not any(m._.attrs["label"] == "PERSON" for m in ms[:i0]
                                        if m._.attrs["start"] >= subject[1]):
                        person = subject[0]
                        was = was or any(w in g.split(" ") for w in ("thôi", "từng", "nguyên", "cựu"))
                if person is None:
                    # 'Đến năm 1994, ông được bầu làm Bí thư ...': the pronoun is the
                    # person the story was last about
                    person = self._pronoun_subject(sent_start, first._.attrs["start"])
                if person is None or not person._.attrs.get("resolved"):
                    continue
                subject = (person, ms[i1 - 1]._.attrs["end"])
                holders = [person]
                if before_gap in LIST_VERBS and person is ms[i0 - 1]:
                    # 'Ông A, bà B và ông C được bầu làm Phó Chủ tịch ...': each of them
                    k = i0 - 2
                    while k >= 0 and ms[k]._.attrs["label"] == "PERSON" and _strip_honorific(
                            _gap(doc, ms[k]._.attrs["end"], ms[k + 1]._.attrs["start"])) in {",", "và", ", và"}:
                        holders.insert(0, ms[k])
                        k -= 1
                for holder in holders:
                    facts.extend(self._chain_facts(holder, chain, seen, former=was))
        # 'Tổng thống Putin' says less than 'Tổng thống Nga Vladimir Putin', and a
        # body guessed for a bare title yields to the one the text names for the
        # same person and title ('Bộ trưởng Phan Văn Giang' after 'Bộ trưởng Bộ Quốc phòng')
        named = {(f["person"], R.fold_key(f["title"])) for f in facts if f["organization"] and not f.get("_inferred")}
        out = []
        for f in facts:
            key = (f["person"], R.fold_key(f["title"]))
            inferred = f.pop("_inferred", False)
            if (not f["organization"] or inferred) and key in named:
                continue
            out.append(f)
        return out

    def _pronoun_subject(self, sent_start: int, title_start: int) -> Span | None:
        """The antecedent of 'ông'/'bà' right before a title ('ông được bầu làm ...')."""
        before = self.doc._.text[sent_start:title_start]
        m = R.PRONOUN_RE.search(before)
        if not m:
            return None
        earlier = [p for p in self.persons if p._.attrs["end"] <= sent_start + m.start()]
        return max(earlier, key=lambda p: p._.attrs["end"]) if earlier else None

    def _chain_facts(self, person: Span, chain: list, seen: set, former: bool = False) -> list[dict]:
        """One position per (title, body) of the chain, held by ``person``."""
        facts: list[dict] = []
        if not person._.attrs.get("resolved"):
            return facts
        bodies = [self.body_of(title, target) for title, target in chain]
        for n, (title, target) in enumerate(chain):
            org, org_id = bodies[n]
            if org is None and target is not None and target._.attrs.get("cls") == "business":
                # 'Phó Chủ tịch HĐQT - Tổng Giám đốc LienVietPostBank': the company's board
                later = next((b for b, _ in bodies[n + 1:] if b), None)
                if later:
                    org, org_id = f"{target._.attrs['name']} {later}", None
            org = canonical_text(R.expand_abbreviations(org)) if org else None
            tcanon = title._.attrs.get("resolved") or title._.canonical
            if org is None and R.fold_key(tcanon) in R.job_titles():
                continue  # 'phóng viên', 'giáo viên' with no body: an occupation
            key = (person._.attrs["resolved"], R.fold_key(tcanon), group_key("ORGANIZATION", org or ""))
            if key in seen:
                continue
            seen.add(key)
            a = title._.attrs
            fact = {
                "type": "position",
                "person": person._.attrs["resolved"],
                "title": tcanon,
                "organization": org,
                "person_id": person._.attrs.get("entity_id"),
                "title_id": a.get("entity_id"),
                "organization_id": org_id,
                "evidence": (a["sent_start"], a["sent_end"]),
            }
            if a.get("former") or former:
                fact["former"] = True
            if org_id == INFERRED:
                fact["organization_id"] = None
                fact["_inferred"] = True
            facts.append(fact)
        return facts

    def _chains(self, ms: list[Span]) -> list[tuple[list[tuple[Span, Span | None]], int, int]]:
        """Title chains in one sentence: ([(title, target)], first index, end index)."""
        doc = self.doc
        out = []
        i = 0
        while i < len(ms):
            if ms[i]._.attrs["label"] != "TITLE":
                i += 1
                continue
            start = i
            chain: list[tuple[Span, Span | None]] = []
            while i < len(ms) and ms[i]._.attrs["label"] == "TITLE":
                t = ms[i]
                target = None
                if i + 1 < len(ms) and ms[i + 1]._.attrs["label"] in ("ORGANIZATION", "LOCATION"):
                    g = _gap(doc, t._.attrs["end"], ms[i + 1]._.attrs["start"])
                    if g in ("", "của"):
                        target = ms[i + 1]
                chain.append((t, target))
                i += 2 if target is not None else 1
                # one title over coordinated bodies: 'Chủ tịch HĐND và UBND xã X'
                while target is not None and i < len(ms) and ms[i]._.attrs["label"] == "ORGANIZATION" \
                        and _gap(doc, ms[i - 1]._.attrs["end"], ms[i]._.attrs["start"]) in ("và", ",", "-"):
                    chain.append((t, ms[i]))
                    i += 1
                if i < len(ms) and ms[i]._.attrs["label"] == "TITLE":
                    g = _gap(doc, ms[i - 1]._.attrs["end"], ms[i]._.attrs["start"])
                    if g not in SEP:
                        break
                else:
                    break
            out.append((chain, start, i))
        return out

    @staticmethod
    def _subject(anchors: list[Span], a: dict, after: bool = True) -> str | None:
        """The place, body or person the sentence states the amount about: the
        last one named before the number in its sentence, else the first after."""
        before = [m for m in anchors if a["sent_start"] <= m._.attrs["start"] and m._.attrs["end"] <= a["start"]]
        if before:
            return before[-1]._.attrs["resolved"]
        if not after:
            return None
        later = [m for m in anchors if a["end"] <= m._.attrs["start"] and m._.attrs["end"] <= a["sent_end"]]
        return later[0]._.attrs["resolved"] if later else None

    def quantities(self) -> list[dict]:
        facts = []
        seen: dict[tuple, list[tuple[int, str | None]]] = {}
        anchors = sorted(
            (m for m in (self.doc._.mentions or [])
             if m._.attrs["label"] in ("LOCATION", "ORGANIZATION", "PERSON") and m._.attrs.get("resolved")),
            key=lambda m: m._.attrs["start"])
        places = [m for m in anchors if m._.attrs["label"] == "LOCATION"]
        for m in (self.doc._.numbers or []):
            a = m._.attrs
            if not a.get("is_quantity"):
                continue
            subject = self._subject(anchors, a)
            # the place a sentence opens with is what it counts about ('Tỉnh Bắc Kạn có một người')
            opening = [m for m in places if a["sent_start"] <= m._.attrs["start"] <= a["sent_start"] + 12]
            place = opening[0]._.attrs["resolved"] if opening and opening[0]._.attrs["end"] <= a["start"] else None
            # the same amount of the same noun in another sentence restates it,
            # unless both sentences state it about different places ('Cần Thơ
            # có một người ...', 'Bắc Kạn có một người ...'); within one sentence
            # it is an enumeration of different things
            key = (a["value"], (a.get("unit") or "").lower())
            prior = seen.setdefault(key, [])
            if any(sent != a["sent_start"] and (place is None or p == place) for sent, p in prior):
                continue
            prior.append((a["sent_start"], place))
            facts.append({
                "type": "quantity",
                "value": a["value"],
                "unit": a.get("unit"),
                "qualifier": a.get("qualifier") or "exact",
                "subject": subject,
                "number_id": a.get("entity_id"),
                "evidence": (a["sent_start"], a["sent_end"]),
            })
        return facts


@Language.component("vi_facts", assigns=["doc._.facts"], requires=["doc._.entities"])
def vi_facts(doc: Doc) -> Doc:
    linker = Linker(doc)
    doc._.facts = linker.positions() + linker.quantities()
    return doc
