"""Per-user API tokens.

Only a SHA-256 digest of each token is stored: the token is shown once when it is created and can
never be read back, so a leaked database does not leak working credentials.  Tokens are long
random strings, so a fast hash is enough (no password-style stretching needed).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
        verbose_name=_("owner"),
    )
    name = models.CharField(_("name"), max_length=100, blank=True,
                            help_text=_("what the token is for, e.g. 'import script'"))
    prefix = models.CharField(_("prefix"), max_length=12, db_index=True,
                              help_text=_("the first characters, to recognise the token"))
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.owner})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
