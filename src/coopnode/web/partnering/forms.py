"""Portal forms. They only collect input; validation rules live in
:func:`coopnode.web.partnering.actions.check_profile_data` so forms, API and import agree."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from coopnode.refdata.sectors import load_sectors

from .models.profiles import (
    COOPERATION_TYPE_CHOICES,
    LANGUAGE_CHOICES,
    PROFILE_TYPE_CHOICES,
    READINESS_CHOICES,
)


def core_lang() -> str:
    """The active Django language as the core's code (zh-hans → zh)."""
    lang = get_language() or "en"
    return "zh" if lang.startswith("zh") else lang[:2]


def sector_choices() -> list[tuple[str, str]]:
    lang = core_lang()
    return [(s.code, ("— " if s.parent else "") + s.label(lang)) for s in load_sectors()]


class ProfileForm(forms.Form):
    profile_type = forms.ChoiceField(label=_("Type"), choices=PROFILE_TYPE_CHOICES)
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}), required=False)
    language = forms.ChoiceField(label=_("Language of the text"), choices=LANGUAGE_CHOICES)
    sectors = forms.MultipleChoiceField(label=_("Sectors"), required=False, widget=forms.SelectMultiple(attrs={"size": 8}))
    readiness = forms.ChoiceField(label=_("Readiness"), choices=[("", "—"), *READINESS_CHOICES], required=False)
    cooperation_types = forms.MultipleChoiceField(
        label=_("Cooperation sought"), choices=COOPERATION_TYPE_CHOICES, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    country = forms.CharField(label=_("Country (ISO code)"), max_length=2, required=False)
    target_countries = forms.CharField(
        label=_("Target countries"), required=False, help_text=_("ISO codes separated by commas, e.g. CN, BY"),
    )
    expires = forms.DateField(label=_("Expiry date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=50, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sectors"].choices = sector_choices()

    def profile_data(self) -> dict[str, Any]:
        return dict(self.cleaned_data)

    def add_action_errors(self, details: dict[str, str] | None) -> None:
        """Show the action's validation errors beside the fields they concern."""
        for field, message in (details or {}).items():
            self.add_error(field if field in self.fields else None, message)


class InterestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the profile's owner"), widget=forms.Textarea(attrs={"rows": 4}), required=False,
        max_length=5000,
    )


class ReviewForm(forms.Form):
    note = forms.CharField(label=_("Note to the owner"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class BrowseForm(forms.Form):
    """Filters of the public list; every field optional."""

    q = forms.CharField(label=_("Text"), required=False)
    type = forms.ChoiceField(label=_("Type"), choices=[("", _("Any type")), *PROFILE_TYPE_CHOICES], required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    country = forms.CharField(label=_("Country"), max_length=2, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=[("", _("Any language")), *LANGUAGE_CHOICES], required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("Any sector")), *sector_choices()]
