from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..registry.models.entities import NameKind

LANGS = [("ru", "русский"), ("zh", "中文"), ("en", "English")]


class ProfileForm(forms.Form):
    """What a member may change about their organization; ``version`` guards against lost edits."""

    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    version = forms.IntegerField(widget=forms.HiddenInput)
    new_name = forms.CharField(label=_("Add a name"), max_length=500, required=False)
    new_name_lang = forms.ChoiceField(label=_("Its language"), choices=LANGS, required=False)
    new_name_kind = forms.ChoiceField(label=_("Kind of name"), choices=NameKind.choices, required=False,
                                      initial=NameKind.ALIAS)
