"""The desktop program as a new user meets it, with a screenshot at each step: first start
through the wizard, login, each page, lock and unlock, the language switched from the
menu. The README's pictures come from here.

    python tests/make_screenshots.py [OUT_DIR] [--lang vi|en] [--platform offscreen|xcb]
    python tests/make_screenshots.py --all OUT_DIR [--platform xcb]
        → OUT_DIR/vi, OUT_DIR/en and OUT_DIR/vi-150 (QT_SCALE_FACTOR=1.5), one process each

Under a real X server (what users have):
    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/make_screenshots.py --all out --platform xcb

The program is driven through its own windows (Launcher, wizard, login dialog, menus,
lock screen) on a throw-away vault filled with the demo (Department II, first half of
2024, seen as of 30/06/2024). Prints one line per screenshot; exit status 1 if a step
did not happen.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "demo-password"
PAGES = ["dashboard", "cases", "plan", "opinions", "documents", "review", "audit", "users"]


class StepFailed(RuntimeError):
    pass


def story(out: Path, lang: str) -> list[Path]:
    from PySide6.QtCore import QDate, QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from desktop.services.demo import fill_demo
    from desktop.ui.shell.app import Launcher, make_app
    from desktop.ui.settings import Settings

    app = make_app()
    shots: list[Path] = []
    # the window as large as the demo needs, or as the screen allows (150 % on 1600×1000
    # leaves 1066×666); the offscreen platform has no real screen to fit
    size = (1400, 860)
    if app.platformName() != "offscreen":
        room = app.primaryScreen().availableGeometry()
        size = (min(size[0], room.width()), min(size[1], room.height()))

    def wait_until(condition, what: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise StepFailed(what)
            app.processEvents()
            time.sleep(0.02)
        for _ in range(10):
            app.processEvents()

    def shot(widget, name: str) -> None:
        for _ in range(10):
            app.processEvents()
        path = out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise StepFailed(f"could not save {path}")
        shots.append(path)
        print(f"{path}  {widget.width()}×{widget.height()}")

    with tempfile.TemporaryDirectory(prefix="hoso-shots-") as tmp:
        vault = Path(tmp) / "vault"
        settings = Settings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))

        # 1. first start: the wizard creates the vault and its administrator
        launcher = Launcher(app, vault, None, lang, settings=settings)
        launcher.start()
        wizard = launcher._keep
        wait_until(wizard.isVisible, "the first-start wizard did not open")
        shot(wizard, "wizard")
        wizard.next()
        wizard.next()
        wizard.admin_page.password.setText(PASSWORD)
        wizard.admin_page.again.setText(PASSWORD)
        shot(wizard, "wizard-admin")
        wizard.next()
        wait_until(lambda: launcher.window is not None and launcher.window.isVisible(),
                   "the wizard did not open the main window")
        window = launcher.window
        window.resize(*size)
        window.go("cases")
        wait_until(lambda: not launcher.runner.busy, "the empty register did not load")
        shot(window, "first-start")

        # the demo's department moves in; the program is closed and started again
        fill_demo(launcher.ctx.session, synthetic_cases=300)
        launcher.ctx.lock()
        launcher.runner.wait()
        window.close()
        launcher = Launcher(app, vault, None, lang, settings=settings)

        # 2. login
        launcher.start()
        login = launcher.login_dialog
        wait_until(login.isVisible, "the login window did not open")
        login.password.setText(PASSWORD)
        shot(login, "login")
        login.submit()
        wait_until(lambda: launcher.window is not None and launcher.window.isVisible()
                   and not login.isVisible(), "login did not open the main window")
        window = launcher.window
        window.resize(*size)

        # 3. each page, as the department saw it on 30/06/2024
        def page(key: str):
            shown = window.go(key)
            wait_until(lambda: not launcher.runner.busy, f"the page {key} did not load")
            return shown

        page("dashboard")
        wait_until(lambda: not window.page("dashboard").loading, "the dashboard did not fill")
        shot(window, "dashboard")
        cases = page("cases")
        searched = []
        cases.model.reset_done.connect(lambda *_: searched.append(True))
        cases.search.setText("duong")   # no diacritics typed: "Dương", "đường" found
        wait_until(lambda: searched and not launcher.runner.busy, "the search did not finish")
        cases.open_code("C2-2023-01")
        wait_until(lambda: not launcher.runner.busy, "the case did not open")
        shot(window, "cases")
        page("plan")
        shot(window, "plan")
        page("opinions")
        shot(window, "opinions")
        documents = page("documents")
        documents.tabs.setCurrentIndex(2)   # the demo's internal classified documents
        shot(window, "documents")
        review = page("review")
        review.start.setDate(QDate(2024, 1, 1))
        review.end.setDate(QDate(2024, 6, 30))
        review.run_report()
        wait_until(lambda: not launcher.runner.busy, "the review did not finish")
        shot(window, "review")
        page("audit")
        shot(window, "audit")
        page("users")
        shot(window, "users")

        # 4. lock and unlock
        window.lock_action.trigger()
        wait_until(lambda: launcher.ctx.is_locked, "the lock did not lock")
        shot(window, "locked")
        window.lock_screen.password.setText(PASSWORD)
        window.lock_screen.submit()
        wait_until(lambda: not launcher.ctx.is_locked and not launcher.runner.busy,
                   "unlocking did not open the vault")
        page("dashboard")

        # 5. the other language, from the menu, on the same session
        other = "en" if lang == "vi" else "vi"
        window.findChild(QAction, f"language_{other}").trigger()
        wait_until(lambda: launcher.window is not window and launcher.window.isVisible(),
                   "the language switch did not rebuild the window")
        window = launcher.window
        wait_until(lambda: not launcher.runner.busy
                   and not window.page("dashboard").loading, "the dashboard did not refill")
        shot(window, f"dashboard-{other}")

        launcher.ctx.lock()
        launcher.runner.wait()
        window.close()
        QApplication.processEvents()
    return shots


def run_all(out: Path, platform: str) -> int:
    """One process per language and scale: QT_SCALE_FACTOR is read when Qt starts."""
    status = 0
    for name, lang, scale in (("vi", "vi", "1"), ("en", "en", "1"), ("vi-150", "vi", "1.5")):
        env = dict(os.environ, QT_QPA_PLATFORM=platform, QT_SCALE_FACTOR=scale)
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), str(out / name),
                               "--lang", lang, "--platform", platform], env=env, cwd=ROOT)
        status = status or done.returncode
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "resources" / "screenshots"))
    parser.add_argument("--lang", choices=["vi", "en"], default="vi")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--all", action="store_true",
                        help="Vietnamese, English and Vietnamese at 150 %% in OUT/vi, /en, /vi-150")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.all:
        return run_all(out, args.platform)
    os.environ["QT_QPA_PLATFORM"] = args.platform
    sys.path.insert(0, str(ROOT))
    out.mkdir(parents=True, exist_ok=True)
    try:
        story(out, args.lang)
    except StepFailed as exc:
        print(f"step failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
