import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from desktop.ui.settings import Settings  # noqa: E402


@pytest.fixture
def ui_settings(tmp_path):
    """Workstation settings in a file of the test's own (never the user's)."""
    return Settings(QSettings(str(tmp_path / "hoso.ini"), QSettings.Format.IniFormat))
