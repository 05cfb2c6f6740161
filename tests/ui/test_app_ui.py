"""Starting the program as a user does: first start, login, first-login password change,
lock by shortcut and on idle, clipboard clearing."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from desktop.domain.levels import Level, Role
from desktop.services import users, vault_service
from desktop.ui import settings as opts
from desktop.ui.shell.app import Launcher
from tests.conftest import PASSWORD


@pytest.fixture
def made_vault(tmp_path):
    vs = vault_service.create_vault(tmp_path / "vault", "admin", PASSWORD, "Quản trị")
    users.add_user(vs, "thanhtra", Role.INSPECTOR, Level.MAT, "first-password")
    vs.close()
    return tmp_path / "vault"


def _launch(qtbot, vault, ui_settings, user="admin"):
    launcher = Launcher(QApplication.instance(), vault, user, "vi", settings=ui_settings)
    launcher.start()
    return launcher


def _login(qtbot, launcher, password):
    dialog = launcher.login_dialog
    qtbot.addWidget(dialog)
    dialog.password.setText(password)
    dialog.submit()
    return dialog


def _finish(launcher):
    if launcher.ctx is not None:
        launcher.ctx.lock()
    launcher.runner.wait()
    if launcher.window is not None:
        launcher.window.hide()


def test_wrong_password_is_said_inline_then_the_right_one_opens(qtbot, made_vault, ui_settings):
    launcher = _launch(qtbot, made_vault, ui_settings)
    dialog = _login(qtbot, launcher, "wrong-password")
    # the login window closes only once the main window is up: no moment with nothing shown
    seen = []
    dialog.finished.connect(lambda _r: seen.append(
        launcher.window is not None and launcher.window.isVisible()))
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10000)
    assert "Sai mật khẩu" in dialog.message.text()
    assert launcher.window is None
    _login(qtbot, launcher, PASSWORD)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    window = launcher.window
    qtbot.addWidget(window)
    assert "Quản trị" in window.user_label.text() and "Tuyệt mật" in window.user_label.text()
    assert seen == [True] and not dialog.isVisible()
    _finish(launcher)


def test_first_login_forces_a_password_change(qtbot, made_vault, ui_settings):
    launcher = _launch(qtbot, made_vault, ui_settings, user="thanhtra")
    _login(qtbot, launcher, "first-password")
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    qtbot.addWidget(launcher.window)
    dialog = launcher.first_login_dialog
    assert dialog.isVisible()
    dialog.new.setText("my-own-password-1")
    dialog.again.setText("my-own-password-1")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.submit()
    _finish(launcher)
    vs = vault_service.open_vault(made_vault, "thanhtra", "my-own-password-1")
    assert not vs.actor.must_change_password
    vs.close()


def test_refusing_the_first_password_change_locks(qtbot, made_vault, ui_settings):
    launcher = _launch(qtbot, made_vault, ui_settings, user="thanhtra")
    _login(qtbot, launcher, "first-password")
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    qtbot.addWidget(launcher.window)
    launcher.first_login_dialog.reject()
    assert launcher.ctx.is_locked
    _finish(launcher)


def test_ctrl_l_locks_hides_data_and_drops_keys_then_unlocks(qtbot, made_vault, ui_settings):
    launcher = _launch(qtbot, made_vault, ui_settings)
    _login(qtbot, launcher, PASSWORD)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    window = launcher.window
    qtbot.addWidget(window)
    session = launcher.ctx.session
    window.lock_action.trigger()
    assert launcher.ctx.is_locked
    assert window.outer.currentWidget() is window.lock_screen
    launcher.runner.wait()
    assert session.keys.db_key == b"" and session.keys.private_key == b""
    window.lock_screen.password.setText("wrong-password")
    window.lock_screen.submit()
    qtbot.waitUntil(lambda: window.lock_screen.message.text() != "", timeout=10000)
    assert launcher.ctx.is_locked
    window.lock_screen.password.setText(PASSWORD)
    window.lock_screen.submit()
    qtbot.waitUntil(lambda: not launcher.ctx.is_locked, timeout=10000)
    assert window.outer.currentWidget() is window.body
    _finish(launcher)


def test_the_window_built_during_the_login_opens_on_the_session(qtbot, made_vault, ui_settings):
    """While the password is typed the main window is built, locked and hidden (holding
    nothing); after the password it opens with the user's data, as after an unlock."""
    launcher = _launch(qtbot, made_vault, ui_settings)
    qtbot.waitUntil(lambda: launcher._prepared is not None, timeout=10000)
    prepared = launcher._prepared[2]
    assert not prepared.isVisible() and prepared.ctx.is_locked
    dashboard = prepared.pages["dashboard"]
    assert dashboard.items == [] and dashboard.counts == {}
    _login(qtbot, launcher, PASSWORD)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    assert launcher.window is prepared and prepared.isVisible()
    qtbot.addWidget(prepared)
    assert "Quản trị" in prepared.user_label.text()
    assert prepared.outer.currentWidget() is prepared.body
    # the empty vault, read: its figures and its (empty) list of what is due
    qtbot.waitUntil(lambda: "Không có việc nào" in dashboard.summary.text(), timeout=10000)
    qtbot.waitUntil(lambda: not dashboard.loading, timeout=10000)
    assert sum(dashboard.counts.values()) == 0 and dashboard.items == []
    _finish(launcher)


def test_locks_itself_when_idle(qtbot, made_vault, ui_settings):
    from desktop.ui import settings as opts
    ui_settings.set(opts.IDLE_MINUTES, 0.005)  # 0.3 s
    launcher = _launch(qtbot, made_vault, ui_settings)
    _login(qtbot, launcher, PASSWORD)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    qtbot.addWidget(launcher.window)
    launcher.idle.set_minutes(0.005)
    qtbot.waitUntil(lambda: launcher.ctx.is_locked, timeout=5000)
    assert launcher.window.outer.currentWidget() is launcher.window.lock_screen
    _finish(launcher)


def test_typing_and_moving_the_mouse_keep_it_unlocked(qtbot, made_vault, ui_settings):
    """Input as the platform delivers it (to the window, then to the widget): each key or
    mouse move restarts the idle time, in the main window and in a dialog over it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog
    launcher = _launch(qtbot, made_vault, ui_settings)
    _login(qtbot, launcher, PASSWORD)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    qtbot.addWidget(launcher.window)
    launcher.idle.set_minutes(0.01)  # 0.6 s
    window = launcher.window.windowHandle()
    for i in range(8):   # 1.6 s of typing, a key every 0.2 s
        QTest.keyClick(window, Qt.Key.Key_Shift)
        qtbot.wait(200)
    assert not launcher.ctx.is_locked
    dialog = QDialog(launcher.window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.windowHandle() is not None, timeout=5000)
    for i in range(8):   # 1.6 s of moving the mouse over the dialog
        QTest.mouseMove(dialog.windowHandle(), QPoint(10 + i, 10 + i))
        qtbot.wait(200)
    assert not launcher.ctx.is_locked
    dialog.close()
    qtbot.waitUntil(lambda: launcher.ctx.is_locked, timeout=5000)   # and then idle
    _finish(launcher)


def test_classified_text_is_cleared_from_the_clipboard(qtbot, made_vault, ui_settings):
    from desktop.ui import settings as opts
    ui_settings.set(opts.CLIPBOARD_SECONDS, 0)
    launcher = _launch(qtbot, made_vault, ui_settings)
    _login(qtbot, launcher, PASSWORD)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    qtbot.addWidget(launcher.window)
    launcher.ctx.copy_text("Nội dung MẬT", classified=True)
    assert QGuiApplication.clipboard().text() == "Nội dung MẬT"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3000)
    launcher.ctx.copy_text("công khai", classified=False)
    qtbot.wait(50)
    assert QGuiApplication.clipboard().text() == "công khai"
    _finish(launcher)


def test_first_start_wizard_creates_a_vault(qtbot, tmp_path, ui_settings):
    launcher = Launcher(QApplication.instance(), tmp_path / "new-vault", None, "vi", settings=ui_settings)
    launcher.start()
    wizard = launcher._keep
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.next()
    page = wizard.admin_page
    page.password.setText("mot-mat-khau-dai")
    page.again.setText("mot-mat-khau-dai")
    assert page.strength.text() != ""
    wizard.next()  # starts the creation on the worker; accepts when done
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=15000)
    qtbot.addWidget(launcher.window)
    assert (tmp_path / "new-vault" / "keys.json").exists()
    _finish(launcher)


def test_a_rolled_back_vault_asks_before_opening_and_the_answer_is_audited(
        qtbot, made_vault, ui_settings, tmp_path, monkeypatch):
    import shutil
    from PySide6.QtWidgets import QMessageBox

    from desktop.services import audit_log
    monkeypatch.setenv("HOSO_PROFILE_DIR", str(tmp_path / "profile"))
    old = tmp_path / "old"
    shutil.copytree(made_vault, old)
    vs = vault_service.open_vault(made_vault, "admin", PASSWORD)  # newer work the admin sees
    vs.close()
    for name in ("hoso.db", "keys.json"):
        shutil.copy2(old / name, made_vault / name)
    launcher = _launch(qtbot, made_vault, ui_settings)
    dialog = _login(qtbot, launcher, PASSWORD)
    qtbot.waitUntil(lambda: getattr(dialog, "question", None) is not None, timeout=10000)
    assert "cũ hơn những gì bạn đã thấy" in dialog.message.text()
    assert launcher.window is None
    question = dialog.question
    assert question.objectName() == "rollbackQuestion"
    question.done(QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    qtbot.addWidget(launcher.window)
    found = []

    def read(vs, control):  # on the database worker, as the program itself reads
        with vs.uow() as uow:
            return audit_log.entries(uow.session, action="vault.rollback_accepted", limit=1)

    launcher.ctx.db(read, done=found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10000)
    assert found[0]
    _finish(launcher)


def test_an_administrator_is_warned_at_login_of_an_altered_account(qtbot, made_vault, ui_settings,
                                                                   tmp_path, monkeypatch):
    import sqlcipher3

    from desktop.security.vault import unlock
    monkeypatch.setenv("HOSO_PROFILE_DIR", str(tmp_path / "profile"))
    keys = unlock(made_vault, "thanhtra", "first-password")  # a colleague with the files
    conn = sqlcipher3.connect(str(made_vault / "hoso.db"))
    conn.execute(f"PRAGMA key = \"x'{keys.db_key.hex()}'\"")
    conn.execute("UPDATE users SET role='admin' WHERE username='thanhtra'")
    conn.commit()
    conn.close()
    launcher = _launch(qtbot, made_vault, ui_settings)
    _login(qtbot, launcher, PASSWORD)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    window = launcher.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: getattr(window, "security_box", None) is not None, timeout=5000)
    box = window.security_box
    assert box.objectName() == "securityWarning" and box.isVisible()
    assert "Cảnh báo bảo mật" in box.text()
    assert "bản ghi tài khoản “thanhtra” bị sửa ngoài chương trình" in box.text()
    box.accept()
    _finish(launcher)


def test_choosing_english_retranslates_the_window_at_once(qtbot, made_vault, ui_settings):
    from desktop.ui import i18n
    launcher = _launch(qtbot, made_vault, ui_settings)
    _login(qtbot, launcher, PASSWORD)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    first = launcher.window
    first.resize(1100, 720)
    first.go("audit")
    session = launcher.ctx.session
    try:
        english = first.findChild(QAction, "language_en")
        english.trigger()
        window = launcher.window
        qtbot.addWidget(window)
        assert window is not first and window.isVisible() and not first.isVisible()
        assert launcher.ctx.session is session                    # no new login
        assert window.current_key() == "audit"                     # the same page
        assert window.size() == first.size()                       # and size
        titles = [window.nav.item(r).text() for r in range(window.nav.count())]
        assert "Overview" in titles and "Audit log" in titles
        assert window.findChild(QAction, "language_en").isChecked()
        assert ui_settings.get(opts.LANGUAGE) == "en"
    finally:
        i18n.install(QApplication.instance(), "vi")
        _finish(launcher)


def test_the_login_hint_never_breaks_the_password_at_its_hyphen(qtbot, made_vault):
    from desktop.ui.shell.login import LoginDialog
    from desktop.ui.tasks import TaskRunner
    dialog = LoginDialog(TaskRunner(), made_vault, "admin", hint="Kho dữ liệu mẫu (sẽ bị xóa "
                         "khi thoát). Mật khẩu của admin: matkhau-demo")
    qtbot.addWidget(dialog)
    hint = dialog.findChild(QLabel, "loginHint")
    assert hint.text().endswith("Mật khẩu của admin:\nmatkhau-demo")   # whole, on its line


def test_the_days_backup_is_made_after_the_window_opens(qtbot, made_vault, ui_settings,
                                                       tmp_path, monkeypatch):
    """The first unlock of the day backs up into the administrator's folder, once the
    window is open and its first page has its data — not before it."""
    from desktop.services import settings as vault_settings
    from desktop.ui.shell.main_window import MainWindow
    folder = tmp_path / "backups"
    folder.mkdir()
    vs = vault_service.open_vault(made_vault, "admin", PASSWORD)
    vault_settings.set_value(vs, "backup_folder", str(folder))
    vs.close()
    monkeypatch.setattr(MainWindow, "BACKUP_DELAY_MS", 800)
    launcher = _launch(qtbot, made_vault, ui_settings)
    _login(qtbot, launcher, PASSWORD)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10000)
    qtbot.addWidget(launcher.window)
    assert list(folder.iterdir()) == []   # not yet: the window first
    qtbot.waitUntil(lambda: "Đã sao lưu tự động" in launcher.window.statusBar().currentMessage(),
                    timeout=15000)
    assert len(list(folder.iterdir())) == 1
    _finish(launcher)
