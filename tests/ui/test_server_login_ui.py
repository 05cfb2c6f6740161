"""The desktop program on a department server, as a user starts it: the login window
connects to the server from the profile the administrator handed out, and the register the
main window shows is the server's; the first-start wizard offers the same."""

from PySide6.QtWidgets import QApplication

from desktop.ui import settings as opts
from desktop.ui.cases.case_table import CaseTableModel
from desktop.ui.shell.app import Launcher
from desktop.ui.shell.setup_wizard import SetupWizard
from tests.conftest import PASSWORD, server_cli, server_database


def test_the_login_window_connects_to_the_department_server(qtbot, pg_cluster, tmp_path,
                                                            ui_settings):
    profile = server_database(pg_cluster, tmp_path / "profile", in_process=True)
    server_cli(profile)("case", "add", "--code", "MC-1", "--title", "Thanh tra trên máy chủ")
    # the program starts on a vault of this machine, and the user chooses the server
    launcher = Launcher(QApplication.instance(), tmp_path / "no-vault-yet", "admin", "vi",
                        settings=ui_settings)
    launcher._login()
    dialog = launcher.login_dialog
    qtbot.addWidget(dialog)
    assert "Kho dữ liệu" in dialog.place.text()
    assert dialog.elsewhere.text() == "Kết nối máy chủ của đơn vị…"
    dialog.use_place(profile)   # what that button does with the file chosen
    assert dialog.place.text() == "Máy chủ của đơn vị: Thanh tra tỉnh (thử)"
    assert dialog.elsewhere.text() == "Dùng kho dữ liệu trên máy này…"   # and back
    dialog.password.setText("sai-mat-khau-1")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=15000)
    assert dialog.message.text() == "Tên đăng nhập hoặc mật khẩu máy chủ không đúng."
    dialog.password.setText(PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=15000)
    window = launcher.window
    qtbot.addWidget(window)
    assert window.vault_label.text() == "Thanh tra tỉnh (thử)"
    page = window.go("cases")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.busy
                    and page.model.loaded(0), timeout=15000)
    assert page.model.index(0, 0).data(CaseTableModel.CodeRole) == "MC-1"
    # remembered for the next start: the program opens on the server's login again
    assert ui_settings.get(opts.LAST_VAULT) == str(profile)
    launcher.ctx.lock()
    launcher.runner.wait()
    window.hide()


def test_the_first_start_wizard_offers_the_department_server(qtbot, pg_cluster, tmp_path):
    profile = server_database(pg_cluster, tmp_path / "profile", in_process=True)
    from desktop.ui.tasks import TaskRunner
    wizard = SetupWizard(TaskRunner(), tmp_path / "vault", "vi")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.mode_page.server.setChecked(True)
    wizard.next()
    assert wizard.place_page.title() == "Tệp cấu hình máy chủ"
    wizard.place_page.path.setText(str(tmp_path / "khong-co.json"))
    assert not wizard.place_page.validatePage()
    assert "Không đọc được tệp cấu hình máy chủ" in wizard.place_page.subTitle()
    wizard.place_page.path.setText(str(profile))
    assert wizard.place_page.validatePage() and wizard.chosen_path == profile
