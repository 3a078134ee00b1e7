from django.apps import AppConfig


class PerfConfig(AppConfig):
    name = "perf"
    verbose_name = "Hiệu năng"

    def ready(self):
        from perf import signals

        signals.connect()
