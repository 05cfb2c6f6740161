"""At 1024×700 and at 150 % scale (QT_SCALE_FACTOR=1.5, the setting of many older
staff) every page of the demo reads whole: no filter, button, label, tab or column
title cut, the navigation's titles whole, and the window no wider than the screen."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QWidget

from tests.ui.cut_controls import cut_texts

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_every_page_reads_whole_at_1024_by_700(lang, scale):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
    run = subprocess.run([sys.executable, "-m", "tests.ui.cut_controls", lang, "1024", "700"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert set(found) >= {"dashboard", "cases", "plan", "opinions", "documents", "review",
                          "audit", "users"}
    assert {page: cut for page, cut in found.items() if cut} == {}


def test_the_check_finds_a_cut_placeholder(qtbot):
    """The check above can fail: a filter narrower than its placeholder is reported."""
    window = QWidget()
    qtbot.addWidget(window)
    edit = QLineEdit(window)
    edit.setObjectName("narrowFilter")
    edit.setPlaceholderText("Lãnh đạo phụ trách cuộc thanh tra")
    edit.setGeometry(0, 0, 60, 24)
    window.resize(200, 50)
    window.show()
    assert cut_texts(window) == ["narrowFilter: placeholder 'Lãnh đạo phụ trách cuộc thanh tra'"]
