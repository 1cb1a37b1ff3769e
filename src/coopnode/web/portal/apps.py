from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "coopnode.web.portal"
    label = "portal"
    verbose_name = _("Public portal")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the search-index handlers)
