from django.apps import AppConfig


class ExemplarsConfig(AppConfig):
    name = "exemplars"
