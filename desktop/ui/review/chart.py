"""The dashboard's monthly chart, drawn with QPainter: bars for the conclusions issued in
each month (left axis), a line for the cases still open at each month's end (right axis),
month labels "T1/2024", a legend, and the figures of a month in a tooltip."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.domain.numbers import format_number

BAR = QColor("#1565c0")
LINE = QColor("#e65100")
GRID = QColor("#dddddd")
AXIS = QColor("#555555")


def nice_scale(top: float, ticks: int = 5) -> tuple[float, float]:
    """(axis maximum, step) with a round step: 0, step, 2·step … ≥ top."""
    if top <= 0:
        return 1.0, 1.0
    raw = top / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    factors = (1, 2, 2.5, 5, 10) if magnitude >= 10 else (1, 2, 5, 10)  # whole-number ticks
    for factor in factors:
        step = factor * magnitude
        if step * ticks >= top:
            break
    if step < 1:
        step = 1.0
    return step * math.ceil(top / step), step


def month_label(year: int, month: int) -> str:
    return (QCoreApplication.translate("MonthlyChart", "T%1/%2")
            .replace("%1", str(month)).replace("%2", str(year)))


class MonthlyChart(QWidget):
    """set_data([(year, month, concluded, open_at_month_end), …]) oldest first."""

    def __init__(self, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang   # 1.234 in Vietnamese, 1,234 in English
        self.setObjectName("monthlyChart")
        self.setMouseTracking(True)
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.rows: list[tuple[int, int, int, int]] = []
        self.placeholder = self.tr("Đang tải…")
        self._plot = QRectF()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 300)

    def set_data(self, rows: list[tuple[int, int, int, int]]) -> None:
        self.rows = list(rows)
        self.placeholder = self.tr("Chưa có số liệu")
        self.update()

    def clear(self) -> None:
        self.rows = []
        self.placeholder = self.tr("Đang tải…")
        self.update()

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        fm = QFontMetrics(self.font())
        if not self.rows:
            painter.setPen(AXIS)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
            return
        concluded_max, concluded_step = nice_scale(max(r[2] for r in self.rows))
        open_max, open_step = nice_scale(max(r[3] for r in self.rows))
        left_w = fm.horizontalAdvance(format_number(int(concluded_max), self.lang)) + 14
        right_w = fm.horizontalAdvance(format_number(int(open_max), self.lang)) + 14
        legend_h = self._legend_rows(fm) * fm.height() + 10
        label_h = fm.height() + 8
        plot = QRectF(left_w, legend_h + fm.height() // 2 + 4, self.width() - left_w - right_w,
                      self.height() - legend_h - label_h - fm.height() // 2 - 8)
        self._plot = plot
        if plot.width() < 40 or plot.height() < 40:
            return
        self._legend(painter, fm)
        self._grid(painter, fm, plot, concluded_max, concluded_step, open_max, open_step)
        slot = plot.width() / len(self.rows)
        bar_w = max(2.0, slot * 0.6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for i, (_y, _m, concluded, _open) in enumerate(self.rows):
            if concluded:
                h = plot.height() * concluded / concluded_max
                painter.drawRect(QRectF(plot.left() + slot * i + (slot - bar_w) / 2,
                                        plot.bottom() - h, bar_w, h))
        path = QPainterPath()
        points = []
        for i, (_y, _m, _c, still_open) in enumerate(self.rows):
            point = QPointF(plot.left() + slot * (i + 0.5),
                            plot.bottom() - plot.height() * still_open / open_max)
            points.append(point)
            if i == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(LINE, 2))
        painter.drawPath(path)
        painter.setBrush(LINE)
        for point in points:
            painter.drawEllipse(point, 2.5, 2.5)
        self._month_labels(painter, fm, plot, slot)

    def _legend_texts(self) -> tuple[str, str]:
        return (self.tr("Kết luận ban hành trong tháng (trục trái)"),
                self.tr("Hồ sơ đang thực hiện cuối tháng (trục phải)"))

    def _legend_rows(self, fm: QFontMetrics) -> int:
        """1, or 2 when the two entries do not fit side by side (a narrow window)."""
        first, second = self._legend_texts()
        width = 8 + 20 + fm.horizontalAdvance(first) + 24 + 24 + fm.horizontalAdvance(second)
        return 1 if width <= self.width() - 8 else 2

    def _legend(self, painter: QPainter, fm: QFontMetrics) -> None:
        x = 8.0
        y = 4.0
        h = fm.height()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        painter.drawRect(QRectF(x, y + h * 0.2, 14, h * 0.6))
        painter.setPen(self.palette().text().color())
        text = self._legend_texts()[0]
        painter.drawText(QPointF(x + 20, y + fm.ascent()), text)
        if self._legend_rows(fm) == 2:   # the second entry under the first
            y += h
        else:
            x += 20 + fm.horizontalAdvance(text) + 24
        painter.setPen(QPen(LINE, 2))
        painter.drawLine(QPointF(x, y + h / 2), QPointF(x + 18, y + h / 2))
        painter.setPen(self.palette().text().color())
        painter.drawText(QPointF(x + 24, y + fm.ascent()), self._legend_texts()[1])

    def _grid(self, painter: QPainter, fm: QFontMetrics, plot: QRectF, c_max: float,
              c_step: float, o_max: float, o_step: float) -> None:
        ticks = max(1, round(c_max / c_step))
        for k in range(ticks + 1):
            y = plot.bottom() - plot.height() * k / ticks
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(BAR)
            text = format_number(int(round(c_step * k)), self.lang)
            painter.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        o_ticks = max(1, round(o_max / o_step))
        for k in range(o_ticks + 1):
            y = plot.bottom() - plot.height() * k / o_ticks
            painter.setPen(LINE)
            text = format_number(int(round(o_step * k)), self.lang)
            painter.drawText(QRectF(plot.right() + 6, y - fm.height() / 2,
                                    self.width() - plot.right() - 6, fm.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.drawLine(plot.bottomRight(), plot.topRight())

    def _month_labels(self, painter: QPainter, fm: QFontMetrics, plot: QRectF, slot: float) -> None:
        widest = max(fm.horizontalAdvance(month_label(y, m)) for y, m, _c, _o in self.rows) + 8
        every = max(1, math.ceil(widest / slot))
        painter.setPen(AXIS)
        last = len(self.rows) - 1
        for i, (year, month, _c, _o) in enumerate(self.rows):
            # count back from the latest month so that it is always labelled
            if (last - i) % every:
                continue
            x = plot.left() + slot * (i + 0.5)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            painter.drawText(QRectF(x - widest / 2, plot.bottom() + 4, widest, fm.height()),
                             Qt.AlignmentFlag.AlignCenter, month_label(year, month))

    # --- tooltip ---------------------------------------------------------------------------
    def month_at(self, x: float) -> int | None:
        if not self.rows or self._plot.width() <= 0:
            return None
        if not self._plot.left() <= x <= self._plot.right():
            return None
        index = int((x - self._plot.left()) / (self._plot.width() / len(self.rows)))
        return min(index, len(self.rows) - 1)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        index = self.month_at(event.position().x())
        if index is None:
            QToolTip.hideText()
            return
        year, month, concluded, still_open = self.rows[index]
        text = (self.tr("%1: %2 kết luận ban hành; %3 hồ sơ đang thực hiện cuối tháng")
                .replace("%1", month_label(year, month)).replace("%2", format_number(concluded, self.lang))
                .replace("%3", format_number(still_open, self.lang)))
        QToolTip.showText(event.globalPosition().toPoint(), text, self)
