"""Factories for resolver tests: one line per candidate or mention (``make_org(...)``)."""

from __future__ import annotations

from coopnode.resolve.scoring import Candidate, MentionQuery


def make_org(id: str, *names: str, lang: str = "ru", country: str | None = None, **kw) -> Candidate:
    return Candidate.make(id, "organization", [(n, lang, "official") for n in names], country=country, **kw)


def make_place(id: str, *names: str, lang: str = "en", country: str | None = None) -> Candidate:
    return Candidate.make(id, "place", [(n, lang, "official") for n in names], country=country)


def make_person(id: str, *names: str, lang: str = "ru", country: str | None = None, **kw) -> Candidate:
    return Candidate.make(id, "person", [(n, lang, "official") for n in names], country=country, **kw)


def mention(text: str, type: str, lang: str, name: str = "", **kw) -> MentionQuery:
    return MentionQuery(text=text, name=name, type=type, lang=lang, **kw)
