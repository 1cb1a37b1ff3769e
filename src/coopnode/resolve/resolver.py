"""Resolve a mention to a registry entity: link it, send it for review, or create a new one.

The flow is the classic one of entity resolution (nomenklatura, dedupe):

1. **Blocking** — :func:`index_keys` gives the keys under which every stored name is indexed; a
   :class:`CandidateSource` returns the entities sharing a key with the mention.  The Django
   registry implements the same protocol over its name table.
2. **Enrichment** — mention and candidates are looked up in the gazetteer so that names in
   three scripts of one reference entry meet ("Урумчи", "Urumqi", "乌鲁木齐").
3. **Scoring** — the explainable features of :mod:`coopnode.resolve.scoring`.
4. **Decision** — thresholds :data:`LINK` and :data:`REVIEW`, and :data:`AMBIGUITY_MARGIN`
   between the best two: a near tie goes to a person, never to a coin toss.

"Learning" is deliberately simple: when a reviewer confirms that a mention names an entity, the
mention's form is stored as one more name of it (:func:`with_alias`); from then on the exact-name
feature links it outright.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from coopnode.resolve.gazetteer import Gazetteer, default_gazetteer
from coopnode.resolve.normalize import name_keys, normalize, skeleton
from coopnode.resolve.scoring import (
    FUNCTION_WORDS,
    WEIGHTS,
    Candidate,
    CandidateName,
    MentionQuery,
    ScoredCandidate,
    distinctive_tokens,
    initials_variants,
    score_candidate,
    without_country,
)

LINK = 0.75
"""At or above: the mention is the candidate, link without asking."""

REVIEW = 0.45
"""At or above (and below LINK): plausible, a person decides."""

AMBIGUITY_MARGIN = 0.10
"""If the runner-up is this close to a linkable best candidate, ask a person instead."""

Decision = Literal["link", "review", "new"]

_GAZETTEER_KEY = "gazetteer:"
_INITIALS_KEY = "initials:"
_WORD_KEY = "word:"
_COMPOUND_KEY = "compound:"
_WORD_KEY_MIN = 4
_WORD_KEY_LENGTH = 5  # long enough to be selective, short enough to ignore case endings


@dataclass(frozen=True)
class Resolution:
    """What to do with a mention, and the ranked evidence behind it."""

    decision: Decision
    best: ScoredCandidate | None
    ranked: tuple[ScoredCandidate, ...]
    query: MentionQuery | None = None

    def explain(self) -> str:
        """A readable account: the decision, the thresholds, and why each candidate scored."""
        mention = self.query.name or self.query.text if self.query else "mention"
        if self.best is None:
            head = f"«{mention}»: new entity — no candidate found"
        elif self.decision == "link":
            head = (f"«{mention}»: link to {self.best.candidate.id} "
                    f"(score {self.best.score:.2f} ≥ link threshold {LINK})")
        elif self.decision == "review":
            head = f"«{mention}»: needs review — best is {self.best.candidate.id} ({self.best.score:.2f})"
            if self.best.score >= LINK:
                head += f", but the runner-up is within {AMBIGUITY_MARGIN}"
            else:
                head += f", between review {REVIEW} and link {LINK}"
        else:
            head = (f"«{mention}»: new entity — best candidate {self.best.candidate.id} "
                    f"scored {self.best.score:.2f} < review threshold {REVIEW}")
        body = [candidate.explain() for candidate in self.ranked[:3]]
        return "\n".join([head, *body])


@runtime_checkable
class CandidateSource(Protocol):
    """Where candidates come from: anything that can answer a key lookup.

    Implementations index every stored name under :func:`index_keys` (a superset of
    ``name_keys``) and return the entities of ``type`` sharing at least one key.
    """

    def candidates(self, keys: set[str], type: str | None) -> list[Candidate]:
        ...


def index_keys(text: str, lang: str | None = None, gazetteer_id: str | None = None) -> set[str]:
    """All keys to index a stored name under (and to query with).

    :func:`~coopnode.resolve.normalize.name_keys`, plus the reference entry id, the
    initials of multi-word names so that "ШОС" finds "Шанхайская организация сотрудничества",
    and one key per distinctive word so that "А. Алексеев" finds "Антон Алексеев" and a short
    form finds the full name.  Generic words ("министерство", "республики") get no word key.
    """
    keys = set(name_keys(text, lang))
    if gazetteer_id:
        keys.add(_GAZETTEER_KEY + gazetteer_id)
    words = normalize(text).split()
    if len(words) >= 2:
        keys.update(_INITIALS_KEY + variant for variant in initials_variants(text))
    own_words = without_country(text)
    if len(own_words) == 1 and len(own_words[0]) <= 8:
        keys.add(_INITIALS_KEY + own_words[0])  # "ШОС", "НАН Беларуси": the abbreviation itself
    significant = [w for w in words if w not in FUNCTION_WORDS]
    if len(significant) >= 2 and len(significant[0]) >= 3 and len(significant[1]) >= 4:
        keys.add(_COMPOUND_KEY + significant[0][:3] + significant[1][:4])  # "Министерство связи"
    if len(words) == 1 and len(words[0]) >= 7:
        keys.add(_COMPOUND_KEY + words[0][:7])  # "Минсвязи", "Минпром"
    for word in distinctive_tokens(text):
        latin = skeleton(word).replace(" ", "")
        if len(latin) >= _WORD_KEY_MIN:
            keys.add(_WORD_KEY + latin[:_WORD_KEY_LENGTH])
    return keys


class InMemoryCandidateSource:
    """A candidate source over a list of candidates, indexed by :func:`index_keys`.

    Candidates are enriched with their gazetteer entry when added, as the registry does when it
    stores a name, so that a mention in another script finds them through the entry id.
    """

    def __init__(self, candidates: Iterable[Candidate] = (), gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer
        self._by_id: dict[str, Candidate] = {}
        self._index: dict[str, set[str]] = defaultdict(set)
        for candidate in candidates:
            self.add(candidate)

    def add(self, candidate: Candidate) -> None:
        """Store or replace a candidate and index all its names."""
        candidate = enrich_candidate(candidate, self._gazetteer or default_gazetteer())
        self._by_id[candidate.id] = candidate
        for name in candidate.names:
            for key in index_keys(name.text, name.lang, candidate.gazetteer_id):
                self._index[key].add(candidate.id)

    def get(self, candidate_id: str) -> Candidate:
        return self._by_id[candidate_id]

    def candidates(self, keys: set[str], type: str | None) -> list[Candidate]:
        ids = set().union(*(self._index.get(key, set()) for key in keys)) if keys else set()
        found = [self._by_id[i] for i in sorted(ids)]
        return [c for c in found if type is None or c.type == type]


def with_alias(candidate: Candidate, text: str, lang: str | None = None) -> Candidate:
    """The candidate with one more confirmed name: how a reviewer's decision is remembered."""
    if any(normalize(n.text) == normalize(text) for n in candidate.names):
        return candidate
    return dataclasses.replace(candidate, names=(*candidate.names, CandidateName(text, lang, "alias")))


def _gazetteer_id_for(
    names: Iterable[tuple[str, str | None]], entity_type: str | None, gazetteer: Gazetteer
) -> str | None:
    """The one reference entry these names point to, if they agree on exactly one."""
    if entity_type not in ("organization", "place"):
        return None
    found: set[str] = set()
    for text, lang in names:
        entries = [e for e in gazetteer.lookup(text, lang) if e.type == entity_type]
        if len(entries) == 1:
            found.add(entries[0].id)
        elif not entries:
            composed = _composed_entry(text, lang, entity_type, gazetteer)
            if composed:
                found.add(composed)
    return found.pop() if len(found) == 1 else None


_FILLER_RE = re.compile(r"(?:\W|\b(?:of|the|in|и|в|при)\b)*", re.IGNORECASE)


def _composed_entry(text: str, lang: str | None, entity_type: str, gazetteer: Gazetteer) -> str | None:
    """An entry named with its country spelled differently from the gazetteer's names.

    "Ministry of Communications and Informatization of Belarus" is the ministry's short name
    plus its country; it counts when the hits cover the whole text (fillers aside), exactly one
    hit is of the wanted type and every other hit is that entry's own country.
    """
    hits = gazetteer.find(text, lang)
    main = [h for h in hits if h.entry.type == entity_type and h.entry.kind != "country"]
    if len(main) != 1:
        return None
    entry = main[0].entry
    for hit in hits:
        if hit is not main[0] and not (hit.entry.kind == "country" and hit.entry.iso == entry.country):
            return None
    position = 0
    for hit in hits:
        if not _FILLER_RE.fullmatch(text[position:hit.start]):
            return None
        position = hit.end
    return entry.id if _FILLER_RE.fullmatch(text[position:]) else None


def enrich_query(query: MentionQuery, gazetteer: Gazetteer | None = None) -> MentionQuery:
    """Fill in the mention's reference entry (and its country) from the gazetteer."""
    gazetteer = gazetteer or default_gazetteer()
    gazetteer_id = query.gazetteer_id or _gazetteer_id_for(
        [(name, query.lang) for name in query.names], query.type, gazetteer
    )
    country = query.country
    if gazetteer_id is not None:
        entry = gazetteer.get(gazetteer_id)
        country = country or (entry.country if entry else None)
    if country is None and query.type == "organization":
        country = _country_named_in(query.name or query.text, query.lang, gazetteer)
    return dataclasses.replace(query, gazetteer_id=gazetteer_id, country=country)


def _country_named_in(name: str, lang: str | None, gazetteer: Gazetteer) -> str | None:
    """The country an organization's name states ("… Республики Беларусь" → BY), if just one."""
    countries = {hit.entry.iso for hit in gazetteer.find(name, lang) if hit.entry.kind == "country"}
    return countries.pop() if len(countries) == 1 else None


def enrich_candidate(candidate: Candidate, gazetteer: Gazetteer | None = None) -> Candidate:
    """Fill in the candidate's reference entry from its stored names, when it has none."""
    if candidate.gazetteer_id:
        return candidate
    gazetteer = gazetteer or default_gazetteer()
    gazetteer_id = _gazetteer_id_for(
        [(n.text, n.lang) for n in candidate.names], candidate.type, gazetteer
    )
    return dataclasses.replace(candidate, gazetteer_id=gazetteer_id) if gazetteer_id else candidate


def decide(ranked: list[ScoredCandidate]) -> Decision:
    """Link, review or new, from the ranked scores and the named thresholds."""
    if not ranked or ranked[0].score < REVIEW:
        return "new"
    best = ranked[0].score
    if best >= LINK:
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        return "link" if best - runner_up >= AMBIGUITY_MARGIN else "review"
    return "review"


def resolve_mention(
    query: MentionQuery,
    candidates: Iterable[Candidate] | CandidateSource,
    gazetteer: Gazetteer | None = None,
    use_gazetteer: bool = True,
) -> Resolution:
    """Score the candidates against the mention and decide what to do with it.

    ``candidates`` is either the candidates themselves or a :class:`CandidateSource`, which is
    then asked with the mention's :func:`query_keys` (blocking) first.
    """
    if use_gazetteer:
        gazetteer = gazetteer or default_gazetteer()
        query = enrich_query(query, gazetteer)
    if not isinstance(candidates, Iterable):
        candidates = candidates.candidates(query_keys(query), query.type)
    if use_gazetteer:
        assert gazetteer is not None
        candidates = [enrich_candidate(c, gazetteer) for c in candidates]
    ranked = sorted(
        (score_candidate(query, c) for c in candidates),
        key=lambda scored: (-scored.score, scored.candidate.id),
    )
    decision = decide(ranked)
    return Resolution(decision, ranked[0] if ranked else None, tuple(ranked), query)


def query_keys(query: MentionQuery) -> set[str]:
    """The keys to ask a candidate source with."""
    keys: set[str] = set()
    for name in query.names:
        keys |= index_keys(name, query.lang, query.gazetteer_id)
    return keys


def resolve_with_source(
    query: MentionQuery, source: CandidateSource, gazetteer: Gazetteer | None = None
) -> Resolution:
    """Block through ``source`` (by name keys and reference entry), then resolve."""
    return resolve_mention(query, source, gazetteer)


__all__ = [
    "AMBIGUITY_MARGIN", "LINK", "REVIEW", "WEIGHTS", "Candidate", "CandidateSource",
    "InMemoryCandidateSource", "MentionQuery", "Resolution", "decide", "enrich_candidate",
    "enrich_query", "index_keys", "query_keys", "resolve_mention", "resolve_with_source",
    "with_alias",
]
