"""The audit trail ("Nhật ký"): who did what and when, filtered by user, action and date,
newest first and loaded a page at a time as the table scrolls; "Kiểm tra chuỗi" walks the
HMAC chain and names the first row that was edited, deleted or forged."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout)

from desktop.domain import audit_words
from desktop.services import anchoring, audit_browse, audit_log, integrity
from desktop.services.audit_log import AuditEntry
from desktop.ui import errors
from desktop.ui.page import Page
from desktop.ui.forms import date_edit, from_qdate, to_qdate
from desktop.ui.tables import Col, RowsModel, fit_columns, fmt_int, make_table
from desktop.ui.widgets import busy_bar

PAGE_SIZE = 500


def local_time(at: str) -> str:
    """Stored UTC ISO time → this workstation's local time, dd/MM/yyyy HH:mm:ss."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    return moment.astimezone().strftime("%d/%m/%Y %H:%M:%S")


class AuditModel(RowsModel):
    """Rows of the trail; asks its page for the next page when the view scrolls to the end."""

    def __init__(self, columns, parent=None) -> None:
        super().__init__(columns, parent=parent)
        self.more = False
        self.loading = False
        self.loader = None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self.more and not self.loading and self.loader is not None

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self.loading = True
            self.loader()


class AuditPage(Page):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("auditPage")
        self._gen = 0
        self.report: audit_log.ChainReport | None = None
        today = date.today()

        self.user = QComboBox()
        self.user.setObjectName("auditUser")
        self.user.setMinimumContentsLength(12)
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.action.setMinimumContentsLength(22)
        # not as wide as the longest action in words: the page fits 1024 px
        for combo in (self.user, self.action):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._fill_choices([], [])
        self.use_from = QCheckBox(self.tr("Từ ngày:"))
        self.use_from.setObjectName("auditUseFrom")
        self.date_from = date_edit(today - timedelta(days=30), "auditFrom")
        self.use_to = QCheckBox(self.tr("Đến ngày:"))
        self.use_to.setObjectName("auditUseTo")
        self.date_to = date_edit(today, "auditTo")
        for box, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(lambda _on: self.reload())
            edit.dateChanged.connect(lambda _d: self.reload())
        self.user.activated.connect(lambda _i: self.reload())
        self.action.activated.connect(lambda _i: self.reload())
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Người dùng:")))
        filters.addWidget(self.user)
        filters.addWidget(QLabel(self.tr("Thao tác:")))
        filters.addWidget(self.action, 1)
        # the dates on a row of their own: on one row the page needed 942 px
        dates = QHBoxLayout()
        dates.addWidget(self.use_from)
        dates.addWidget(self.date_from)
        dates.addSpacing(8)
        dates.addWidget(self.use_to)
        dates.addWidget(self.date_to)
        dates.addStretch(1)

        self.verify_button = QPushButton(self.tr("Kiểm tra chuỗi"))
        self.verify_button.setObjectName("verifyChain")
        self.verify_button.setToolTip(self.tr("Kiểm tra mã xác thực của từng dòng: một dòng bị sửa, "
                                              "xóa hoặc chèn thêm sẽ làm đứt chuỗi tại dòng đó."))
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel()
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_vault_button = QPushButton(self.tr("Kiểm tra toàn bộ kho dữ liệu"))
        self.verify_vault_button.setObjectName("verifyVault")
        self.verify_vault_button.setToolTip(self.tr(
            "Đọc lại mọi trang cơ sở dữ liệu, chuỗi nhật ký, mọi tệp tài liệu và tệp khóa; "
            "mỗi vấn đề được nêu kèm việc cần làm."))
        self.verify_vault_button.clicked.connect(self.verify_vault)
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addWidget(self.verify_vault_button)
        verify_row.addWidget(self.verify_result, 1)

        self.busy = busy_bar()
        self.count = QLabel()
        self.count.setObjectName("auditCount")
        self.model = AuditModel([
            Col(self.tr("Thời gian"), lambda e: local_time(e.at)),
            Col(self.tr("Người dùng"), lambda e: e.user),
            Col(self.tr("Thao tác"), self._action_label, tooltip=lambda e: e.action),
            Col(self.tr("Đối tượng"), lambda e: audit_words.value_text("target", e.target,
                                                                      ctx.lang)),
            # in words ("52 dòng, 29 dòng mật; lý do: …"); the recorded codes in the tooltip
            Col(self.tr("Chi tiết"), lambda e: audit_words.detail_text(e.detail, ctx.lang, 140),
                tooltip=lambda e: (audit_words.detail_text(e.detail, ctx.lang) + "\n\n" + json.dumps(
                    e.detail, ensure_ascii=False, indent=1)) if e.detail else None),
        ], parent=self)
        self.model.setObjectName("auditModel")
        self.model.loader = self._load_more
        self.table = make_table(self.model, "auditTable", sortable=False)

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Nhật ký hoạt động"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addLayout(verify_row)
        layout.addWidget(self.busy)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    # --- labels ---
    def _labels(self) -> dict[str, str]:
        return {code: audit_words.action_text(code, self.ctx.lang) for code in audit_words.ACTIONS}

    def _action_label(self, entry: AuditEntry) -> str:
        return audit_words.action_text(entry.action, self.ctx.lang)

    def _fill_choices(self, names: list[str], actions: list[str]) -> None:
        user, action = self.user.currentData(), self.action.currentData()
        self.user.clear()
        self.user.addItem(self.tr("(Tất cả)"), "")
        for name in names:
            self.user.addItem(name, name)
        self.action.clear()
        self.action.addItem(self.tr("(Tất cả thao tác)"), "")
        labels = self._labels()
        for prefix in sorted({a.split(".")[0] for a in actions if "." in a}):
            self.action.addItem(self.tr("%1.* (mọi thao tác nhóm này)").replace("%1", prefix), prefix)
        for code in actions:
            words = labels.get(code) or audit_words.action_text(code, self.ctx.lang)
            self.action.addItem(f"{words} ({code})" if words != code else code, code)
        self.user.setCurrentIndex(max(0, self.user.findData(user)) if user else 0)
        self.action.setCurrentIndex(max(0, self.action.findData(action)) if action else 0)

    # --- loading ---
    def _filters(self) -> dict:
        since = until = None
        if self.use_from.isChecked():
            since = datetime.combine(from_qdate(self.date_from.date()), time.min)
        if self.use_to.isChecked():
            until = datetime.combine(from_qdate(self.date_to.date()) + timedelta(days=1), time.min)
        return {"user": self.user.currentData() or None, "action": self.action.currentData() or None,
                "since": since, "until": until}

    def set_filters(self, user: str | None = None, action: str | None = None,
                    since: date | None = None, until: date | None = None) -> None:
        """Set the filters as a user would (tests, links from other pages); reloads."""
        for combo, value in ((self.user, user), (self.action, action)):
            if value and combo.findData(value) < 0:
                combo.addItem(value, value)
            combo.setCurrentIndex(combo.findData(value) if value else 0)
        for box, edit, value in ((self.use_from, self.date_from, since), (self.use_to, self.date_to, until)):
            box.blockSignals(True)
            box.setChecked(value is not None)
            edit.setEnabled(value is not None)
            box.blockSignals(False)
            if value is not None:
                edit.blockSignals(True)
                edit.setDate(to_qdate(value))
                edit.blockSignals(False)
        self.reload()

    def refresh(self) -> None:
        self.ctx.db(lambda vs, control: audit_browse.filter_choices(vs),
                    done=lambda choices: self._fill_choices(*choices))
        self.reload()

    def _next(self) -> int:
        self._gen += 1
        return self._gen

    def reload(self) -> None:
        gen = self._next()
        flt = self._filters()
        self.model.loading = True
        if self.ctx.db(lambda vs, control: audit_browse.page(vs, limit=PAGE_SIZE, **flt),
                       done=lambda rows: self._loaded(gen, rows, replace=True),
                       error=lambda exc: self._failed(gen, exc)) is not None:
            self.busy.show()

    def _load_more(self) -> None:
        if not self.model.rowCount():
            self.model.loading = False
            return
        gen = self._gen
        flt = self._filters()
        before = self.model.row(self.model.rowCount() - 1).id
        if self.ctx.db(lambda vs, control: audit_browse.page(vs, before_id=before, limit=PAGE_SIZE, **flt),
                       done=lambda rows: self._loaded(gen, rows, replace=False),
                       error=lambda exc: self._failed(gen, exc)) is None:
            self.model.loading = False
        else:
            self.busy.show()

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._gen:
            self.busy.hide()
            self.model.loading = False
            errors.show(self, exc, self.ctx.lang)

    def _loaded(self, gen: int, rows: list[AuditEntry], replace: bool) -> None:
        if gen != self._gen:
            return
        self.busy.hide()
        # still "loading" while the rows go in: views and testers ask for more on the
        # insertion signals, before the new last row is there
        if replace:
            self.model.set_rows(rows)
            fit_columns(self.table, 360)
        else:
            self.model.append_rows(rows)
        self.model.more = len(rows) == PAGE_SIZE
        self.model.loading = False
        lang = self.ctx.lang
        text = self.tr("%1 dòng").replace("%1", fmt_int(self.model.rowCount(), lang))
        if self.model.more:
            text += " — " + self.tr("cuộn xuống để xem các dòng cũ hơn")
        self.count.setText(text)

    def clear(self) -> None:
        super().clear()
        self._next()
        self.busy.hide()
        self.model.more = False
        self.model.loading = False
        self.model.clear()
        self.count.clear()
        self.verify_result.clear()
        self.report = None
        self._fill_choices([], [])

    # --- verifying the whole vault ---
    def verify_vault(self) -> None:
        if self.ctx.db(lambda vs, control: integrity.verify_vault(vs), done=self._vault_verified,
                       error=self._verify_failed) is not None:
            self.verify_vault_button.setEnabled(False)
            self.verify_button.setEnabled(False)
            self.busy.show()
            self.verify_result.setStyleSheet("")
            self.verify_result.setText(self.tr("Đang đọc lại toàn bộ kho dữ liệu…"))

    def _vault_verified(self, report) -> None:
        self.busy.hide()
        self.verify_vault_button.setEnabled(True)
        self.verify_button.setEnabled(True)
        self.vault_report = report
        lang = self.ctx.lang
        self.verify_result.setProperty("broken", not report.ok)
        self.verify_result.setStyleSheet("color: #1b5e20; font-weight: bold;" if report.ok
                                         else "color: #b00020; font-weight: bold;")
        self.verify_result.setText("\n".join([report.summary(lang)]
                                             + ["• " + line for line in report.lines(lang)]))
        self.stale = True   # the check is audited: the list gets its row when shown again

    # --- verifying the chain ---
    def verify(self) -> None:
        def check(vs, control):
            with vs.uow() as uow:
                return anchoring.verify_in(vs, uow.session)

        if self.ctx.db(check, done=self._verified, error=self._verify_failed) is not None:
            self.verify_button.setEnabled(False)
            self.busy.show()
            self.verify_result.setStyleSheet("")
            self.verify_result.setText(self.tr("Đang kiểm tra chuỗi nhật ký…"))

    def _why(self, why: str) -> str:
        return {
            "missing rows before this one": self.tr("thiếu các dòng trước dòng này (đã bị xóa)"),
            "previous hash does not match": self.tr("mã của dòng trước không khớp (dòng trước bị "
                                                    "sửa, xóa hoặc chèn thêm)"),
            "row content does not match its hash": self.tr("nội dung dòng không khớp với mã xác thực "
                                                           "(dòng đã bị sửa)"),
            "signature does not verify": self.tr("chữ ký của người ghi dòng không hợp lệ"),
            "signed by a key not certified for this user": self.tr(
                "dòng được ký bằng một khóa không phải của người dùng ghi trên dòng"),
            "signed by an account disabled before this row": self.tr(
                "dòng được ký bởi một tài khoản đã bị khóa trước đó"),
        }.get(why, why)

    def _verified(self, result: audit_log.ChainReport) -> None:
        self.busy.hide()
        self.verify_button.setEnabled(True)
        self.report = result
        lang = self.ctx.lang
        if result.ok:
            self.verify_result.setStyleSheet("color: #1b5e20; font-weight: bold;")
            self.verify_result.setText(self.tr("OK, %1 dòng — chuỗi nhật ký toàn vẹn.")
                                       .replace("%1", fmt_int(result.rows, lang)))
            self.verify_result.setProperty("broken", False)
            return
        self.verify_result.setStyleSheet("color: #b00020; font-weight: bold;")
        self.verify_result.setProperty("broken", True)
        self.verify_result.setText(
            self.tr("Chuỗi nhật ký bị phá vỡ tại dòng số %1: %2. %3 dòng trước đó hợp lệ.")
            .replace("%1", fmt_int(result.broken_at, lang)).replace("%2", self._why(result.why))
            .replace("%3", fmt_int(result.rows, lang)))
        for number in range(self.model.rowCount()):
            if self.model.row(number).id == result.broken_at:
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))
                break

    def _verify_failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.verify_button.setEnabled(True)
        self.verify_vault_button.setEnabled(True)
        self.verify_result.setStyleSheet("color: #b00020;")
        self.verify_result.setText(errors.describe(exc, self.ctx.lang))

    def open_code(self, code: str) -> None:
        pass

    def focus_search(self) -> None:
        pass
