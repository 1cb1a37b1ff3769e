"""Resolution across documents and languages, and learning from an operator's confirmation."""

from __future__ import annotations

import pytest

from coopnode.web.intake.actions import do_ingest
from coopnode.web.intake.sources import SourceItem
from coopnode.web.registry.actions import do_review_claim
from coopnode.web.registry.models import Claim, Entity
from coopnode.web.registry.refdata import do_load_reference_data
from tests.factories import make_org

pytestmark = pytest.mark.django_db


def ingest(text: str, name: str) -> list[Claim]:
    doc = do_ingest(SourceItem(source=name, kind="file", data=text.encode()), actor="test").document
    return list(doc.claims.filter(kind=Claim.Kind.MENTION).select_related("entity"))


def test_a_confirmed_correction_teaches_the_registry_the_name():
    company = make_org(name_en="Northern Code LLC", country="BY")
    first = ingest("12 мая 2026 года в Минске прошли переговоры между ООО «Северный Код» и Минсвязи.\n", "a.txt")
    mention = next(c for c in first if "Северный" in c.text)
    assert mention.entity != company, "nothing links a Russian name to an English one by itself"
    do_review_claim(mention, status="corrected", entity=company, actor="operator")

    second = ingest("20 мая 2026 года ООО «Северный Код» подписало соглашение с Минсвязи.\n", "b.txt")
    again = next(c for c in second if "Северный" in c.text)
    assert again.entity == company
    assert again.data["decision"] == "link"


def test_the_same_city_in_three_languages_is_one_registry_entity():
    do_load_reference_data()
    texts = {
        "ru.txt": "5 июня 2026 года делегация из Урумчи посетила Минск.\n",
        "zh.txt": "2026年6月5日，乌鲁木齐代表团访问了明斯克。\n",
        "en.txt": "On June 5, 2026, a delegation from Urumqi visited Minsk.\n",
    }
    cities = set()
    for name, text in texts.items():
        claims = ingest(text, name)
        cities |= {c.entity.pk for c in claims if c.entity.gazetteer_id == "place/urumqi"}
    assert len(cities) == 1
    urumqi = Entity.objects.get(pk=cities.pop())
    assert {c.document.language for c in urumqi.claims.all()} == {"ru", "zh", "en"}
