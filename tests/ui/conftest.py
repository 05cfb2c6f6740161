import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from desktop.ui.settings import Settings  # noqa: E402


@pytest.fixture
def ui_settings(tmp_path):
    """Workstation settings in a file of the test's own (never the user's)."""
    return Settings(QSettings(str(tmp_path / "hoso.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def ctx(tmp_path, ui_settings):
    """A new, empty vault opened by its administrator, as Launcher._open_main builds the
    context (test modules that need other data define their own `ctx`)."""
    from desktop.services import vault_service
    from desktop.ui.context import AppContext
    from desktop.ui.tasks import TaskRunner
    from tests.conftest import PASSWORD
    path = tmp_path / "vault"
    vault_service.create_vault(path, "admin", PASSWORD, "Quản trị").close()
    runner = TaskRunner()
    context = AppContext(ui_settings, runner, "vi", path)
    context.set_session(vault_service.open_vault(path, "admin", PASSWORD))
    yield context
    context.lock()
    runner.wait()
