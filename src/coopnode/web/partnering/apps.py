from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartneringConfig(AppConfig):
    name = "coopnode.web.partnering"
    label = "partnering"
    verbose_name = _("Partnering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the huey tasks (index updates, expiry notices) with the consumer.
        from . import tasks  # noqa: F401
