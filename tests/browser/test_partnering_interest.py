"""End to end: member A finds B's published profile, expresses interest; B accepts in its
expressions-of-interest page; A then sees B's contact details, which were hidden before."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.browser

SETUP = textwrap.dedent("""
    import sys
    from coopnode.web import setup
    setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from coopnode.web.accounts import ensure_roles
    from coopnode.web.partnering import actions as A
    from coopnode.web.partnering.membership import do_link_member
    from coopnode.web.registry.actions import NameSpec, do_create_entity

    operator_name, password = sys.argv[1], sys.argv[2]
    User = get_user_model()
    _, members = ensure_roles()
    orgs, users = {}, {}
    for key, name, lang, country in (("a", "Документ-Системы", "ru", "RU"), ("b", "厦门数字政务中心", "zh", "CN")):
        orgs[key] = do_create_entity(entity_type="organization", names=[NameSpec(name, lang, "official", "test")],
                                     actor="test", country=country)
        users[key] = User.objects.create_user(username="member_" + key, password=password)
        users[key].groups.add(members)
        do_link_member(users[key], orgs[key])
    operator = User.objects.get(username=operator_name)
    with transaction.atomic():
        profile = A.do_create_profile(users["b"], {
            "profile_type": "business_request", "language": "zh", "expires": "2099-12-31",
            "title": "寻求电子公文流转系统供应商",
            "summary": "政务中心计划采购公文处理软件。",
            "sectors": ["gov.edoc"], "contact_name": "王经理", "contact_email": "wang@xm-egov.example",
        }, owner_org=orgs["b"])
        A.do_submit_profile(users["b"], profile)
        A.do_publish_profile(operator, profile)
    print(profile.pk)
""")


def login(page, url: str, username: str, password: str, next_path: str) -> None:
    page.goto(f"{url}/accounts/login/?next={next_path}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(next_path)))


def test_contact_details_appear_only_after_the_owner_accepts(node, context_factory):
    password = "member-password-123"
    done = subprocess.run([sys.executable, "-c", SETUP, node.username, password], env=node.env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    profile_id = done.stdout.strip().splitlines()[-1]

    a = context_factory().new_page()
    login(a, node.url, "member_a", password, "/partnering/")
    a.locator("form.filters input[name=q]").fill("公文")
    a.locator("form.filters button[type=submit]").click()
    a.get_by_role("link", name="寻求电子公文流转系统供应商").click()
    a.wait_for_url(re.compile(profile_id))
    assert a.locator(".contact-hidden").is_visible()
    assert "wang@xm-egov.example" not in a.content()
    a.locator("textarea[name=message]").fill("Мы внедряем СЭД в министерствах, готовы обсудить.")
    a.locator("button[name=express]").click()
    a.wait_for_load_state()
    assert a.locator(".my-interest[data-status=requested]").is_visible()
    assert "wang@xm-egov.example" not in a.content()

    b = context_factory().new_page()
    login(b, node.url, "member_b", password, "/partnering/interests/")
    received = b.locator(".interests-received .interest", has_text="Документ-Системы")
    assert "готовы обсудить" in received.inner_text()
    received.locator("button[value=accept]").click()
    b.wait_for_load_state()
    assert b.locator(".interests-received .interest[data-status=accepted]").count() == 1

    a.reload()
    assert a.locator(".contact-email").inner_text() == "wang@xm-egov.example"
    assert "王经理" in a.locator(".contact-name").inner_text()
