from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "coopnode.web.api"
    label = "api"
    verbose_name = "REST API"
