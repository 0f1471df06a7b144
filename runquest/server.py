"""gunicorn serving `create_app()`, built in each worker after the fork (never at import)."""

from gunicorn.app.base import BaseApplication


class RunQuestServer(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from runquest import create_app

        return create_app()


def serve(host: str, port: int, workers: int, threads: int) -> None:
    RunQuestServer(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "preload_app": False,
            "accesslog": "-",
            "graceful_timeout": 10,
            "keepalive": 30,
        }
    ).run()
