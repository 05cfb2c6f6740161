"""Help → Kiểm tra máy tính: the workstation check of `hoso doctor` in the desktop program,
one row per check with its fix beside it, and a copy for IT staff."""

import os

from PySide6.QtGui import QGuiApplication

from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.system_check_dialog import SystemCheckDialog


def _rows(dialog):
    table = dialog.table
    return {table.item(r, 1).text(): (table.item(r, 0).text(), table.item(r, 2).text(),
                                      table.item(r, 3).text())
            for r in range(table.rowCount())}


def test_the_help_menu_checks_this_workstation_and_names_the_fix(qtbot, ctx):
    os.chmod(ctx.vault_path / "hoso.db", 0o644)   # a copy made with loose modes
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    help_menu = [a.menu() for a in window.menuBar().actions() if a.text() == "Trợ &giúp"][0]
    assert window.check_action in help_menu.actions()
    window.check_action.trigger()
    dialog = window.findChild(SystemCheckDialog, "systemCheckDialog")
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=60000)
    rows = _rows(dialog)
    status, found, fix = rows["Quyền truy cập thư mục kho"]
    assert status == "LỖI" and "hoso.db (644)" in found
    assert fix.startswith(f"chmod -R go-rwx {ctx.vault_path}")
    assert rows["Cơ sở dữ liệu mã hóa (SQLCipher)"][0] == "ĐẠT"
    assert rows["Phông chữ tiếng Việt"][0] == "ĐẠT"
    assert "mục cần sửa" in dialog.summary.text()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Hồ sơ Thanh tra") and "hoso.db (644)" in copied
    dialog.reject()
