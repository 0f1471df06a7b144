"""gunicorn serving `create_app()` (built in each worker after the fork), and its projectors."""

import logging
import subprocess
import threading
import time

from gunicorn.app.base import BaseApplication

log = logging.getLogger(__name__)


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
            # No control socket: it lives in $HOME and another server's shutdown would remove ours.
            "control_socket_disable": True,
        }
    ).run()


class ProjectorSupervisor:
    """Keeps a `runquest projections run` process alive beside the API, restarting it if it dies."""

    RESTART_DELAY_S = (1, 2, 5, 10, 30)
    HEALTHY_AFTER_S = 60

    def __init__(self, command: list[str]):
        self.command = command
        self.process: subprocess.Popen | None = None
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._watch, name="projector-supervisor", daemon=True)

    def start(self) -> None:
        self.process = subprocess.Popen(self.command)
        self.thread.start()

    def _watch(self) -> None:
        restarts, started = 0, time.monotonic()
        while not self.stopping.wait(1.0):
            if self.process.poll() is None:
                if time.monotonic() - started > self.HEALTHY_AFTER_S:
                    restarts = 0  # it ran well for a while: the next restart is quick again
                continue
            # (The exit status may read 0: gunicorn's master can reap the child first.)
            delay = self.RESTART_DELAY_S[min(restarts, len(self.RESTART_DELAY_S) - 1)]
            log.error("projector process stopped; restarting it in %s s", delay)
            if self.stopping.wait(delay):
                return
            self.process = subprocess.Popen(self.command)
            restarts, started = restarts + 1, time.monotonic()

    def stop(self) -> None:
        self.stopping.set()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
