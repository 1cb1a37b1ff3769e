"""Forms of the operator pages; they parse input only — the domain actions decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..registry.models import EntityType

LANG_CHOICES = [("", _("detect")), ("ru", "русский"), ("zh", "中文"), ("en", "English")]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Press release file (text, HTML or Markdown)"))
    lang = forms.ChoiceField(label=_("Language"), choices=LANG_CHOICES, required=False)
    published = forms.DateField(label=_("Published on"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))


class UrlForm(forms.Form):
    url = forms.URLField(label=_("Web address of a press release"), max_length=2000,
                         assume_scheme="https")
    lang = forms.ChoiceField(label=_("Language"), choices=LANG_CHOICES, required=False)
    published = forms.DateField(label=_("Published on"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))


class FeedForm(forms.Form):
    url = forms.URLField(label=_("RSS or Atom feed address"), max_length=2000, assume_scheme="https")
    lang = forms.ChoiceField(label=_("Language of its items"), choices=LANG_CHOICES, required=False)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[(d, d) for d in ("confirm", "correct", "reject", "pick")])
    entity_id = forms.UUIDField(required=False)
    name = forms.CharField(label=_("Correct name"), max_length=500, required=False)
    entity_type = forms.ChoiceField(label=_("Type"), choices=[("", "—"), *EntityType.choices], required=False)
    note = forms.CharField(label=_("Note"), max_length=2000, required=False,
                           widget=forms.TextInput(attrs={"placeholder": _("why (optional)")}))


class MergeForm(forms.Form):
    survivor = forms.UUIDField(label=_("Keep this entity (id)"))
    loser = forms.UUIDField(label=_("Merge this duplicate into it (id)"))


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Action"), required=False)
    actor = forms.CharField(label=_("Who"), required=False)
    object_type = forms.CharField(label=_("Record type"), required=False)
    object_id = forms.CharField(label=_("Record id"), required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class InviteMemberForm(forms.Form):
    username = forms.RegexField(label=_("User name"), max_length=150, regex=r"^[\w.@+-]+$")
    email = forms.EmailField(label=_("E-mail (receives the link to set a password)"), required=False)
    organization = forms.CharField(label=_("Organization (name or id)"), max_length=500)


class TokenForm(forms.Form):
    name = forms.CharField(label=_("What is the token for?"), max_length=100, required=False)
