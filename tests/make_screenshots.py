"""Screenshots of the main screens from the demo vault, for the README.

    QT_QPA_PLATFORM=offscreen python tests/make_screenshots.py [OUT_DIR]

Builds a throw-away demo vault (Department II, first half of 2024), opens the real
windows offscreen as of 30/06/2024, and saves PNGs (default resources/screenshots/).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.services import vault_service  # noqa: E402
from desktop.services.demo import fill_demo  # noqa: E402
from desktop.ui import i18n  # noqa: E402
from desktop.ui.app import make_app  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.dialogs.login import LoginDialog  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402

AS_OF = date(2024, 6, 30)
ROOT = Path(__file__).resolve().parents[1]


def wait_until(app: QApplication, condition, seconds: float = 30) -> None:
    import time
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def settle(app: QApplication, runner: TaskRunner, seconds: float = 30) -> None:
    wait_until(app, lambda: not runner.busy, seconds)
    for _ in range(20):
        app.processEvents()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    i18n.install(app, "vi")
    with tempfile.TemporaryDirectory() as tmp:
        vault = Path(tmp) / "vault"
        vs = vault_service.create_vault(vault, "admin", "demo-password", "Quản trị hệ thống")
        fill_demo(vs, synthetic_cases=300)
        runner = TaskRunner()
        login = LoginDialog(runner, vault, "admin", "vi")
        login.show()
        app.processEvents()
        login.grab().save(str(out / "login.png"))
        login.close()

        settings = Settings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        ctx = AppContext(settings, runner, "vi", vault)
        ctx.set_session(vs)
        window = MainWindow(ctx)
        window.resize(1400, 860)
        dashboard = window.page("dashboard")
        dashboard.as_of = AS_OF
        dashboard.stale = True
        window.show()
        window.show_page(0)
        settle(app, runner)
        window.grab().save(str(out / "dashboard.png"))

        cases = window.go("cases")
        settle(app, runner)
        cases.search.setText("duong")
        settle(app, runner)
        cases.open_code("C2-2023-01")
        settle(app, runner)
        window.grab().save(str(out / "cases.png"))

        plan = window.go("plan")
        if hasattr(plan, "as_of"):
            plan.as_of.setDate(QDate(2024, 6, 30))
            plan.refresh()
        settle(app, runner)
        window.grab().save(str(out / "plan.png"))

        review = window.go("review")
        review.start.setDate(QDate(2024, 1, 1))
        review.end.setDate(QDate(2024, 6, 30))
        settle(app, runner)
        index = review.unit.findText("Cục II – Thanh tra Chính phủ")
        if index >= 0:
            review.unit.setCurrentIndex(index)
        review.run_report()
        settle(app, runner)
        window.grab().save(str(out / "review.png"))

        if "documents" in [f[0] for f in window._factories]:
            documents = window.go("documents")
            if hasattr(documents, "year"):
                documents.year.setValue(2024)
                documents.refresh()
                settle(app, runner)
                documents.tabs.setCurrentIndex(2)  # internal classified documents: the demo's
            settle(app, runner)
            window.grab().save(str(out / "documents.png"))

        window.go("audit")
        settle(app, runner)
        window.grab().save(str(out / "audit.png"))

        window.lock_action.trigger()
        settle(app, runner)
        window.grab().save(str(out / "locked.png"))
        window.close()
        settle(app, runner)
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
