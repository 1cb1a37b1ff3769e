"""``coopnode profiles import`` (CSV and JSON Lines, all rows or none) and ``coopnode match``."""

from __future__ import annotations

import json

import pytest

from coopnode.cli import main
from coopnode.web.partnering.importing import ProfileImportError, do_import_profiles
from coopnode.web.partnering.models import CooperationProfile, Match, ProfileStatus
from tests.factories import make_org

pytestmark = pytest.mark.django_db

CSV_HEADER = "profile_type,title,summary,language,sectors,cooperation_types,country,target_countries,expires,owner_org\n"


@pytest.fixture
def orgs(db):
    return make_org(name_en="Minsk Soft", country="BY"), make_org(name_en="Urumqi Data Park", country="CN")


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_rows_become_profiles_awaiting_validation(tmp_path, orgs):
    minsk, urumqi = orgs
    path = write(tmp_path, "profiles.csv", CSV_HEADER
                 + f'business_offer,Document workflow software,Registry of letters,en,gov.edoc,"licence, supply",,"CN; KZ",2099-12-31,{minsk.pk}\n'
                 + "business_request,数据中心运维合作,寻找运维伙伴,zh,,,CN,,,Urumqi Data Park\n")
    result = do_import_profiles(path)
    assert len(result.created) == 2
    first, second = sorted(result.created, key=lambda p: p.language)
    assert first.owner_org == minsk and first.country == "BY"  # from the organization
    assert first.cooperation_types == ["licence", "supply"] and first.target_countries == ["CN", "KZ"]
    assert second.owner_org == urumqi and second.language == "zh"
    assert {p.status for p in result.created} == {ProfileStatus.SUBMITTED}


def test_jsonl_with_lists_imports_and_can_publish(tmp_path, orgs):
    rows = [
        {"profile_type": "technology_offer", "title": "Speech recognition for Kazakh", "language": "en",
         "sectors": ["ai"], "owner_org": str(orgs[0].pk)},
        # the core's own profile format says "type"
        {"type": "technology_request", "title": "Распознавание казахской речи", "language": "ru"},
    ]
    path = write(tmp_path, "profiles.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    result = do_import_profiles(path, publish=True)
    assert {p.status for p in result.created} == {ProfileStatus.PUBLISHED}


def test_one_bad_row_imports_nothing_and_names_every_bad_line(tmp_path, orgs):
    path = write(tmp_path, "bad.csv", CSV_HEADER
                 + "business_offer,Good row,,en,,,,,,\n"
                 + "business_gift,Bad type,,en,,,,,,\n"
                 + "business_offer,,,en,no.such.sector,,,,,\n"
                 + "business_offer,Unknown owner,,en,,,,,,Nobody Ltd\n")
    with pytest.raises(ProfileImportError) as err:
        do_import_profiles(path)
    lines = [line for line, _ in err.value.errors]
    assert lines == [3, 4, 5]
    assert "profile_type" in err.value.errors[0][1] and "sectors" in err.value.errors[1][1]
    assert "Nobody Ltd" in err.value.errors[2][1]
    assert CooperationProfile.objects.count() == 0


def test_broken_json_line_is_reported(tmp_path):
    path = write(tmp_path, "broken.jsonl", '{"profile_type": "business_offer", "title": "ok"}\n{not json\n')
    with pytest.raises(ProfileImportError) as err:
        do_import_profiles(path)
    assert err.value.errors[0][0] == 2


def test_cli_import_reports_rows_and_exits_non_zero(tmp_path, orgs, capsys):
    path = write(tmp_path, "bad.csv", CSV_HEADER + "business_gift,Bad type,,en,,,,,,\n")
    assert main(["profiles", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv:2:" in err and "nothing imported" in err


def test_cli_match_prints_ranked_partners_with_reasons_in_the_chosen_language(tmp_path, orgs, capsys):
    minsk, urumqi = orgs
    rows = [
        {"profile_type": "business_offer", "title": "Системы электронного документооборота для министерств",
         "language": "ru", "sectors": ["gov.edoc"], "owner_org": str(minsk.pk)},
        {"profile_type": "business_request", "title": "政府机关电子公文流转系统", "language": "zh",
         "sectors": ["gov.edoc"], "owner_org": str(urumqi.pk)},
    ]
    path = write(tmp_path, "p.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    assert main(["profiles", "import", str(path), "--publish"]) == 0
    assert Match.objects.count() == 2  # both directions, computed by the import
    offer = CooperationProfile.objects.get(language="ru")
    capsys.readouterr()
    assert main(["match", str(offer.pk), "--top", "3", "--lang", "zh", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["title"] == "政府机关电子公文流转系统" and lines[0]["rank"] == 1
    assert any("\u4e00" <= ch <= "\u9fff" for ch in "".join(lines[0]["reasons"]))

    assert main(["match", "not-a-profile"]) == 1


def test_cli_rematch_recomputes_matches(tmp_path, orgs, capsys):
    rows = [
        {"profile_type": "business_offer", "title": "Document workflow software", "language": "en", "sectors": ["gov.edoc"]},
        {"profile_type": "business_request", "title": "Looking for document workflow software", "language": "en",
         "sectors": ["gov.edoc"]},
    ]
    path = write(tmp_path, "p.jsonl", "\n".join(json.dumps(r) for r in rows))
    assert main(["profiles", "import", str(path), "--publish", "--no-match"]) == 0
    assert Match.objects.count() == 0
    assert main(["profiles", "rematch"]) == 0
    assert Match.objects.count() == 2
