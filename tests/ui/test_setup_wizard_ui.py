"""The first start as a new user meets it: the wizard suggests a folder, Next is enabled
with it as it is, the administrator's password is asked twice, Finish creates the vault.
(Run under Xvfb too: QT_QPA_PLATFORM=xcb xvfb-run pytest tests/ui/test_setup_wizard_ui.py)"""

from PySide6.QtWidgets import QWizard

from desktop.services import vault_service
from desktop.ui.shell.setup_wizard import SetupWizard
from desktop.ui.tasks import TaskRunner

WAIT = 30000


def _wizard(qtbot, path):
    runner = TaskRunner()
    wizard = SetupWizard(runner, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard, runner


def test_next_works_with_the_suggested_folder_and_finish_creates_the_vault(qtbot, tmp_path):
    path = tmp_path / "HoSoThanhTra"
    wizard, runner = _wizard(qtbot, path)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, qtbot_left())
    assert wizard.currentPage() is wizard.place_page
    assert wizard.place_page.path.text() == str(path)
    assert next_button.isEnabled()               # the suggestion as it is will do
    wizard.place_page.path.clear()
    assert not next_button.isEnabled()           # an empty folder will not
    wizard.place_page.path.setText(str(path))
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, qtbot_left())
    page = wizard.admin_page
    assert wizard.currentPage() is page
    page.password.setText("mat-khau-quan-tri-1")
    page.again.setText("mat-khau-khac")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.mouseClick(finish, qtbot_left())
    assert "không khớp" in page.message.text() and not path.exists()
    page.again.setText("mat-khau-quan-tri-1")
    assert page.message.text() == ""             # typing again: the old message goes
    with qtbot.waitSignal(wizard.accepted, timeout=WAIT):
        qtbot.mouseClick(finish, qtbot_left())
    assert wizard.session is not None and wizard.chosen_path == path
    assert vault_service.is_vault(path)
    wizard.session.close()
    runner.wait()


def test_opening_a_folder_without_a_vault_says_so(qtbot, tmp_path):
    wizard, runner = _wizard(qtbot, tmp_path / "empty")
    wizard.mode_page.open.setChecked(True)
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.place_page
    assert "Không có kho dữ liệu" in wizard.place_page.subTitle()
    runner.wait()


def qtbot_left():
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton
