"""The main window: navigation pane, pages, status bar, lock screen."""

from __future__ import annotations

import importlib
from datetime import date
from typing import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMainWindow, QMessageBox, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from desktop.domain.dates import format_date
from desktop.domain.levels import Level
from desktop.domain.messages import render
from desktop import bootstrap
from desktop.services import backups, demo, vault_service
from desktop.ui import errors, icons
from desktop.ui import settings as opts
from desktop.ui.context import AppContext
from desktop.ui.integrity_watch import IntegrityWatch
from desktop.ui.page import Page
from desktop.ui.widgets import busy_bar


# (key, module, class, icon); a page's module is imported when the page
# is first shown: importing all eight at start (the documents page brings openpyxl) took
# 240 of the window's 270 ms. The launcher preloads them while the password is typed.
PAGES = [   # (key, module of its feature, class, icon)
    ("dashboard", "desktop.ui.review.dashboard", "DashboardPage", "dashboard"),
    ("cases", "desktop.ui.cases.cases", "CasesPage", "cases"),
    ("plan", "desktop.ui.review.plan", "PlanPage", "plan"),
    ("opinions", "desktop.ui.cases.opinions", "OpinionsPage", "opinions"),
    ("documents", "desktop.ui.documents.documents", "DocumentsPage", "documents"),
    ("review", "desktop.ui.review.review", "ReviewPage", "review"),
    ("audit", "desktop.ui.admin.audit", "AuditPage", "audit"),
    ("users", "desktop.ui.admin.users", "UsersPage", "users"),
]


def page_modules() -> list[str]:
    return [module for _key, module, *_rest in PAGES]


def _factory(module: str, name: str) -> Callable[[AppContext], Page]:
    def build(ctx: AppContext) -> Page:
        return getattr(importlib.import_module(module), name)(ctx)
    return build


def _pages() -> list[tuple[str, str, str, Callable[[AppContext], Page]]]:
    """(key, title in the interface's language, icon, factory)."""
    # the titles as literals for the translation tools (pyside6-lupdate reads these calls)
    titles = {"dashboard": QCoreApplication.translate("MainWindow", "Tổng quan"),
              "cases": QCoreApplication.translate("MainWindow", "Cuộc thanh tra"),
              "plan": QCoreApplication.translate("MainWindow", "Kế hoạch"),
              "opinions": QCoreApplication.translate("MainWindow", "Ý kiến & chỉ đạo"),
              "documents": QCoreApplication.translate("MainWindow", "Tài liệu mật"),
              "review": QCoreApplication.translate("MainWindow", "Báo cáo"),
              "audit": QCoreApplication.translate("MainWindow", "Nhật ký"),
              "users": QCoreApplication.translate("MainWindow", "Người dùng")}
    return [(key, titles[key], icon, _factory(module, name))
            for key, module, name, icon in PAGES]


class LockScreen(QWidget):
    """Shown instead of the pages while locked: nothing of the vault is on screen."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__()
        self.window_ = window
        self.setObjectName("lockScreen")
        layout = QVBoxLayout(self)
        layout.addStretch()
        title = QLabel(self.tr("Đã khóa. Nhập mật khẩu để tiếp tục."))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 16pt;")
        self.user = QLabel()
        self.user.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaximumWidth(320)
        self.password.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(self.tr("Mở khóa"))
        self.button.clicked.connect(self.submit)
        self.busy = busy_bar()
        self.busy.setMaximumWidth(320)
        for widget in (title, self.user, self.password, self.button, self.busy, self.message):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()

    def submit(self, accept_rollback: bool = False) -> None:
        ctx = self.window_.ctx
        path, user, password = ctx.vault_path, ctx.username, self.password.text()
        self.busy.show()
        self.button.setEnabled(False)
        ctx.runner.run(lambda control: bootstrap.open_session(path, user, password,
                                                              accept_rollback=accept_rollback),
                       done=self._opened, error=self._failed)

    def _opened(self, session) -> None:
        self.busy.hide()
        self.button.setEnabled(True)
        self.password.clear()
        self.message.clear()
        self.window_.ctx.set_session(session)

    def _failed(self, exc) -> None:
        self.busy.hide()
        self.button.setEnabled(True)
        self.message.setText(errors.describe(exc, self.window_.ctx.lang))
        self.password.selectAll()
        if errors.is_rollback(exc):
            self.question = errors.confirm_rollback(self, exc, self.window_.ctx.lang,
                                                    lambda: self.submit(accept_rollback=True))


class MainWindow(QMainWindow):
    BACKUP_DELAY_MS = 3000   # the day's automatic backup, after the first page has its data

    @staticmethod
    def tr_static(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        # set by the launcher: rebuilds the window in another language on the same open
        # session (no new login; the page and the window's size kept)
        self.relaunch: "Callable[[str], None] | None" = None
        self._as_of_pending = False   # the vault's "today" asked for: pages wait for it
        self._retired = False         # replaced by a window in another language
        self._focus_before_lock: QWidget | None = None
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Hồ sơ Thanh tra"))
        self.setWindowIcon(icons.icon("app"))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        self._factories = _pages()
        for key, title, icon_name, _factory in self._factories:
            item = QListWidgetItem(icons.icon(icon_name), title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
        self.nav.currentRowChanged.connect(self.show_page)
        # as wide as its longest title, no wider: squeezed by a wide page it read
        # "Inspection…", "Opinions &"; at 220 px it took room the pages need at 1024 px
        widest = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 12
        self.nav.setFixedWidth(widest)
        self.lock_screen = LockScreen(self)
        # the navigation has its width (no splitter: a splitter gave it spare room as a gap)
        self.panes = QWidget()
        panes = QHBoxLayout(self.panes)
        panes.setContentsMargins(0, 0, 0, 0)
        panes.addWidget(self.nav)
        panes.addWidget(self.stack, 1)
        # damage found by the page check after unlock: red, over the pages, until the lock
        self.damage_banner = QLabel()
        self.damage_banner.setObjectName("damageBanner")
        self.damage_banner.setWordWrap(True)
        self.damage_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.damage_banner.setStyleSheet("QLabel#damageBanner { background: #b00020; color: white;"
                                         " font-weight: bold; padding: 8px; }")
        self.damage_banner.hide()
        self.read_only_banner = QLabel(self.tr(
            "Kho dữ liệu nằm trên ổ chỉ đọc: chỉ xem được, không ghi được, và việc xem không được "
            "ghi vào nhật ký. Chép kho dữ liệu sang ổ ghi được để làm việc tiếp."))
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet("QLabel#readOnlyBanner { background: #fff3cd; color: #5c4400;"
                                            " font-weight: bold; padding: 8px; }")
        self.read_only_banner.hide()
        self.integrity_watch = IntegrityWatch(self.damage_banner, ctx.lang, self)
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.damage_banner)
        body_layout.addWidget(self.read_only_banner)
        body_layout.addWidget(self.panes, 1)
        self.outer = QStackedWidget()
        self.outer.addWidget(self.body)
        self.outer.addWidget(self.lock_screen)
        self.setCentralWidget(self.outer)
        self._status_labels()
        self._actions()
        ctx.locked.connect(self._on_locked)
        ctx.unlocked.connect(self._on_unlocked)
        ctx.server_connection.connect(self._on_server_connection)
        ctx.runner.on_error = lambda exc: errors.show(self, exc, ctx.lang)
        self.resize(1280, 800)
        self._on_unlocked()
        self.nav.setCurrentRow(0)

    # --- pages -----------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page for `key`, built on first use (start-up builds only the dashboard)."""
        if key not in self.pages:
            index = next(i for i, f in enumerate(self._factories) if f[0] == key)
            page = self._factories[index][3](self.ctx)
            page.open_case.connect(self.open_case)
            page.status.connect(self.statusBar().showMessage)
            page.apply_as_of(self.ctx.as_of)
            old = self.stack.widget(index)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(index, page)
            self.pages[key] = page
        return self.pages[key]

    def show_page(self, row: int) -> None:
        if row < 0:
            return
        key = self._factories[row][0]
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        if not self._as_of_pending:   # else once the vault's day is known
            page.activate()

    def go(self, key: str) -> Page:
        row = next(i for i, f in enumerate(self._factories) if f[0] == key)
        self.nav.setCurrentRow(row)
        return self.page(key)

    def _go_row(self, row: int) -> None:
        """A page chosen from the Go menu or with Ctrl+1…8: its first control takes the
        keyboard (else Tab would start from wherever focus was)."""
        if self.nav.item(row).isHidden():
            return
        self.nav.setCurrentRow(row)
        self.stack.currentWidget().focus_first()

    def open_case(self, code: str) -> None:
        page = self.go("cases")
        page.open_code(code)

    # --- status bar, actions ---------------------------------------------------------
    def _status_labels(self) -> None:
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.vault_label = QLabel()
        self.vault_label.setObjectName("statusVault")
        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("statusAsOf")
        self.as_of_label.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.as_of_label.hide()
        self.statusBar().addPermanentWidget(self.as_of_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.vault_label)

    def _actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Tệp"))
        self.lock_action = QAction(icons.icon("lock"), self.tr("&Khóa"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.ctx.lock)
        self.import_action = QAction(icons.icon("import"), self.tr("&Nhập từ Excel…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_excel)
        self.export_action = QAction(icons.icon("export"), self.tr("&Xuất ra Excel…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_excel)
        self.backup_action = QAction(self.tr("&Sao lưu…"), self)
        self.backup_action.triggered.connect(self.backup)
        self.backups_action = QAction(self.tr("Các &bản sao lưu…"), self)
        self.backups_action.triggered.connect(self.list_backups)
        self.password_action = QAction(self.tr("Đổi &mật khẩu…"), self)
        self.password_action.triggered.connect(self.change_password)
        quit_action = QAction(self.tr("&Thoát"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.import_action, self.export_action, self.backup_action,
                       self.backups_action, None,
                       self.password_action, self.lock_action, None, quit_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
                self.addAction(action)
        go_menu = self.menuBar().addMenu(self.tr("&Đi tới"))
        for index, (key, title, _icon, _f) in enumerate(self._factories):
            action = QAction(title.replace("&", "&&"), self)   # "Ý kiến & chỉ đạo": no mnemonic
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, row=index: self._go_row(row))
            go_menu.addAction(action)
            self.addAction(action)
        search = QAction(self.tr("Tìm hồ sơ"), self)
        search.setShortcut(QKeySequence.StandardKey.Find)
        search.triggered.connect(lambda: self.go("cases").focus_search())
        self.addAction(search)
        view_menu = self.menuBar().addMenu(self.tr("&Ngôn ngữ"))
        languages = QActionGroup(self)   # the language in use is the one ticked
        languages.setExclusive(True)
        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):
            action = QAction(name, self)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == self.ctx.lang)
            action.triggered.connect(lambda _=False, c=code: self._set_language(c))
            languages.addAction(action)
            view_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        self.check_action = QAction(self.tr("&Kiểm tra máy tính…"), self)
        self.check_action.setObjectName("systemCheckAction")
        self.check_action.triggered.connect(self.check_system)
        help_menu.addAction(self.check_action)

    def _set_language(self, code: str) -> None:
        self.ctx.settings.set(opts.LANGUAGE, code)
        if code == self.ctx.lang:
            return
        if self.relaunch is not None:   # rebuilt in that language at once, same session
            self.relaunch(code)
        else:   # a window without a launcher: the choice applies at the next start
            self.statusBar().showMessage(
                self.tr("Ngôn ngữ mới có hiệu lực khi mở lại chương trình."), 8000)

    def current_key(self) -> str:
        row = max(0, self.nav.currentRow())
        return self._factories[row][0]

    def retire(self) -> None:
        """Closed because a new window replaces it (another language): the session stays
        open, nothing is locked."""
        self._retired = True
        self.integrity_watch.stop()
        self.close()
        self.deleteLater()

    def _on_server_connection(self, connected: bool) -> None:
        """The watcher's word on the server's connection; open forms keep what was typed."""
        if connected:
            self.statusBar().showMessage(render("server.reconnected", self.ctx.lang), 8000)
        else:
            self.statusBar().showMessage(render("server.reconnecting", self.ctx.lang))

    # --- lock --------------------------------------------------------------------------
    def _on_locked(self) -> None:
        focused = QApplication.focusWidget()
        self._focus_before_lock = focused if focused is not None and self.body.isAncestorOf(
            focused) else None
        self.integrity_watch.stop()
        for page in self.pages.values():
            page.clear()
        self.lock_screen.user.setText(self.ctx.username)
        self.outer.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.lock_screen.password.setFocus()
        self.user_label.clear()

    def _on_unlocked(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        actor = session.actor
        self.outer.setCurrentWidget(self.body)
        self.menuBar().setEnabled(True)
        self._restore_focus()
        self.user_label.setText(self.tr("%1 · %2 · độ mật %3").replace("%1", actor.full_name or actor.username)
                                .replace("%2", actor.role.label(self.ctx.lang))
                                .replace("%3", actor.clearance.label(self.ctx.lang)))
        self.vault_label.setText(session.server or str(self.ctx.vault_path))
        users_row = next(i for i, f in enumerate(self._factories) if f[0] == "users")
        self.nav.item(users_row).setHidden(not actor.is_admin)
        # the vault's own "today" first (the demo reads as of 30/06/2024), then the page
        self._as_of_pending = True
        if self.ctx.db(lambda vs, _control: demo.view(vs), self._viewed, self._not_viewed) is None:
            self._not_viewed(None)
        self.integrity_watch.start(session)
        self.read_only_banner.setVisible(session.read_only)
        # on the worker and later: the window opens first (a look at the presence files,
        # and a backup that would delay the first page's figures by its whole length)
        lang = self.ctx.lang
        self.ctx.db(lambda vs, _control: vault_service.others_using(vs, lang), self._others_using)
        if not session.read_only:
            QTimer.singleShot(self.BACKUP_DELAY_MS, self,
                              lambda: self._daily_backup() if self.ctx.session is session else None)
        warnings = errors.security_warnings(session, self.ctx.lang)
        if warnings:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cảnh báo bảo mật"), warnings,
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("securityWarning")
            self.security_box = box
            box.open()

    def _restore_focus(self) -> None:
        """After unlocking, the keyboard is where it was before the lock (else on the
        navigation): shortcuts and typing work without a click."""
        widget, self._focus_before_lock = self._focus_before_lock, None
        try:
            if widget is not None and widget.isVisible() and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        except RuntimeError:   # the widget is gone (a dialog closed meanwhile)
            pass
        self.nav.setFocus(Qt.FocusReason.OtherFocusReason)

    def _viewed(self, found) -> None:
        day, is_demo = found
        self.ctx.as_of = day if day != date.today() else None
        if self.ctx.as_of is not None:
            text = (self.tr("Dữ liệu mẫu — ngày xem %1") if is_demo
                    else self.tr("Ngày xem dữ liệu: %1")).replace("%1", format_date(day))
            self.as_of_label.setText(text)
        self.as_of_label.setVisible(self.ctx.as_of is not None)
        for page in self.pages.values():
            page.apply_as_of(self.ctx.as_of)
        self._not_viewed(None)

    def _not_viewed(self, _exc) -> None:
        self._as_of_pending = False
        current = self.stack.currentWidget()
        if isinstance(current, Page):
            current.activate()

    # --- file actions (dialogs are their own modules) ---------------------------------
    def import_excel(self) -> None:
        from desktop.ui.exchange.import_wizard import ImportWizard
        wizard = ImportWizard(self.ctx, self)
        wizard.open()

    def export_excel(self, kind: str | None = None, period=None) -> None:
        """The export dialog; a page may choose what is exported and the period."""
        from desktop.ui.exchange.export_dialog import ExportDialog
        dialog = ExportDialog(self.ctx, self, kind=kind)
        if period:
            dialog.set_period(*period)
        dialog.open()

    def backup(self) -> None:
        from desktop.ui.admin.backup_dialog import run_backup
        run_backup(self.ctx, self)

    def list_backups(self) -> None:
        from desktop.ui.admin.backups_list import BackupsDialog
        self.backups_dialog = BackupsDialog(self.ctx, self)
        self.backups_dialog.open()

    def _others_using(self, others: list[str]) -> None:
        if others:   # two programs on one vault work, but each should know of the other
            self.statusBar().showMessage(self.tr("Cũng đang mở kho dữ liệu này: %1")
                                         .replace("%1", "; ".join(others)), 20000)

    def _daily_backup(self) -> None:
        """The first unlock of the day backs up into the administrator's folder (if set),
        BACKUP_DELAY_MS after the unlock."""
        def done(path) -> None:
            if path is not None:
                self.statusBar().showMessage(
                    self.tr("Đã sao lưu tự động và kiểm tra: %1").replace("%1", str(path)), 15000)

        def failed(exc: BaseException) -> None:
            self.statusBar().showMessage(
                self.tr("Không sao lưu tự động được: %1").replace(
                    "%1", errors.describe(exc, self.ctx.lang)), 30000)
        self.ctx.db(lambda vs, control: backups.automatic(vs), done=done, error=failed)

    def change_password(self) -> None:
        from desktop.ui.shell.change_password import ChangePasswordDialog
        ChangePasswordDialog(self.ctx, parent=self).open()

    def check_system(self) -> None:
        from desktop.ui.shell.system_check_dialog import SystemCheckDialog
        SystemCheckDialog(self.ctx.lang, self.ctx.vault_path, parent=self).open()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._retired:
            super().closeEvent(event)
            return
        self.ctx.lock()
        self.ctx.runner.wait(10000)
        super().closeEvent(event)


__all__ = ["MainWindow", "Level"]
