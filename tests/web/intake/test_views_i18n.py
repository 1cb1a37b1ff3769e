"""The operator pages speak the operator's language (Russian, Chinese, English)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

from tests.conftest import REPO_ROOT
from tests.web.api.makers import make_operator

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogs() -> None:
    """Catalogs are compiled at set-up (scripts/setup.sh); do it here too for a bare checkout."""
    subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "compile_translations.py")], check=True)


@pytest.mark.parametrize("accept,expected", [
    ("ru", ["Очередь проверки", "Слияние дубликатов", "Загрузить файл"]),
    ("zh-hans", ["审核队列", "合并重复条目", "上传文件"]),
    ("en", ["Review queue", "Merge duplicates", "Upload a file"]),
])
def test_operator_dashboard_in_the_operator_language(client, accept, expected):  # type: ignore[no-untyped-def]
    client.force_login(make_operator())
    with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)):  # reloads the catalogs
        page = client.get("/operator/", HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    for text in expected:
        assert text in page

