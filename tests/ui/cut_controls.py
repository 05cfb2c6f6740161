"""Find text a user cannot read whole: a filter's placeholder, a button, a label, a
combo box or a column header narrower than its text, or a control pushed out of the
window. Used by the tests at 1024×700 and at 150 % scale."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QAbstractSpinBox,
                               QComboBox, QHeaderView, QLabel, QLineEdit, QListWidget, QStyle,
                               QTabBar, QWidget)


def _where(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    return f"{parent.objectName()}/{name}" if parent is not None else name


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _text_width(widget: QWidget, text: str) -> int:
    return widget.fontMetrics().horizontalAdvance(text)


def _cut_control(w: QWidget) -> str | None:
    if isinstance(w, QLineEdit):
        if w.text() or not w.placeholderText():
            return None
        room = w.width() - 12 - (24 if w.isClearButtonEnabled() else 0)
        need = _text_width(w, w.placeholderText())
        return f"placeholder {w.placeholderText()!r}" if need > room else None
    if isinstance(w, QComboBox):
        text = w.currentText()
        icon = 0 if w.itemIcon(w.currentIndex()).isNull() else w.iconSize().width() + 4
        arrow = w.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, w)
        need = _text_width(w, text) + icon + arrow + 12
        return f"combo {text!r}" if text and need > w.width() else None
    if isinstance(w, (QAbstractButton, QAbstractSpinBox)):
        if w.width() < w.minimumSizeHint().width():
            text = w.text() if isinstance(w, QAbstractButton) else ""
            return f"{type(w).__name__} {text!r} {w.width()} < {w.minimumSizeHint().width()}"
        return None
    if isinstance(w, QLabel):
        text = w.text()
        if not text or w.textFormat() == Qt.TextFormat.RichText or GuiQt.mightBeRichText(text):
            return None
        if w.wordWrap():
            if w.height() < w.heightForWidth(w.width()) - 2:
                return f"wrapped label {text[:40]!r} too short"
            return None
        widest = max(_text_width(w, line) for line in text.split("\n"))
        return f"label {text[:40]!r} {w.width()} < {widest}" if widest > w.width() + 1 else None
    return None


def _cut_headers(header: QHeaderView) -> list[str]:
    found = []
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return found
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        x = header.sectionViewportPosition(logical)
        if x < 0 or x >= header.viewport().width():
            continue  # scrolled out of sight: scrolling shows it whole
        text = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
        need = max((_text_width(header, line) for line in text.split("\n")), default=0)
        if need and header.sectionSize(logical) < need + 2 * margin:
            found.append(f"column {text!r} {header.sectionSize(logical)} < {need + 2 * margin}")
    return found


def _cut_list_items(view: QListWidget) -> list[str]:
    """A list of a few titles (the navigation) shows each whole."""
    found = []
    for row in range(view.count()):
        item = view.item(row)
        if item.isHidden():
            continue
        need = _text_width(view, item.text()) + (view.iconSize().width() + 8
                                                 if not item.icon().isNull() else 0)
        if need > view.viewport().width():
            found.append(f"item {item.text()!r}")
    return found


def _cut_tabs(bar: QTabBar) -> list[str]:
    right = bar.tabRect(bar.count() - 1).right() if bar.count() else 0
    return [f"tabs need {right} > {bar.width()} (scroll arrows)"] if right > bar.width() else []


def cut_texts(window: QWidget) -> list[str]:
    """'where: what' for every visible control or header whose text is cut."""
    found = []
    win = window.rect()
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        if isinstance(w, QHeaderView):
            found += [f"{_where(w)}: {line}" for line in _cut_headers(w)]
            continue
        if isinstance(w, QListWidget):
            found += [f"{_where(w)}: {line}" for line in _cut_list_items(w)]
        if isinstance(w, QTabBar):
            found += [f"{_where(w)}: {line}" for line in _cut_tabs(w)]
        if _in_scroll_area(w) or w.objectName().startswith("Scroll"):
            continue  # inside a list or a scrolled form: scrolling shows it
        what = _cut_control(w)
        box = w.rect().translated(w.mapTo(window, w.rect().topLeft()))
        if what is None and not win.contains(box):
            what = f"{type(w).__name__} outside the window ({box.right()}, {box.bottom()})"
        if what:
            found.append(f"{_where(w)}: {what}")
    return found


def visit_every_page(lang: str, width: int, height: int) -> dict[str, list[str]]:
    """The demo's main window at width×height in `lang`: each page shown in turn, what is
    cut on it (run in a process of its own: QT_SCALE_FACTOR is read at start)."""
    import tempfile
    import time
    from pathlib import Path

    from PySide6.QtCore import QSettings

    from desktop.services import vault_service
    from desktop.services.demo import fill_demo
    from desktop.ui import i18n
    from desktop.ui.shell.app import make_app
    from desktop.ui.context import AppContext
    from desktop.ui.shell.main_window import MainWindow
    from desktop.ui.settings import Settings
    from desktop.ui.tasks import TaskRunner

    app = make_app()
    i18n.install(app, lang)
    found: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        vault = Path(tmp) / "vault"
        session = vault_service.create_vault(vault, "admin", "demo-password", "Quản trị")
        fill_demo(session, synthetic_cases=50)
        settings = Settings(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        runner = TaskRunner()
        ctx = AppContext(settings, runner, lang, vault)
        ctx.set_session(session)
        window = MainWindow(ctx)
        window.resize(width, height)
        window.show()

        def settle() -> None:
            end = time.monotonic() + 30
            while runner.busy and time.monotonic() < end:
                app.processEvents()
                time.sleep(0.01)
            for _ in range(20):
                app.processEvents()

        for key, *_ in window._factories:
            window.go(key)
            settle()
            found[key] = cut_texts(window)
            if window.width() > width or window.height() > height:
                found[key].append(f"the window grew to {window.width()}×{window.height()}")
        window.close()
        ctx.lock()
        runner.wait()
    return found


if __name__ == "__main__":   # python -m tests.ui.cut_controls LANG WIDTH HEIGHT → JSON
    import json
    import os
    import sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(visit_every_page(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])),
                     ensure_ascii=False))
