"""A cell or a column title cut by its column reads whole in its tooltip; a cell that
fits gets none, and a cell with its own tooltip (an explanation) keeps it."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.ui.tables import Col, RowsModel, make_table

LONG = "Thanh tra việc quản lý, sử dụng đất đai tại Sở Tài nguyên và Môi trường tỉnh Hà Giang"


def _hover(qtbot, widget, point: QPoint) -> str:
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, widget.mapToGlobal(point))
    QApplication.sendEvent(widget, event)
    shown = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    return shown


def test_a_cut_cell_and_a_cut_title_show_their_full_text(qtbot):
    model = RowsModel([Col("Mã", lambda r: r[0]), Col("Tên cuộc thanh tra dài", lambda r: r[1]),
                       Col("Tình trạng", lambda r: r[2], tooltip=lambda r: "Theo Điều 47")])
    model.set_rows([("C2-01", LONG, "Quá hạn 3 ngày"), ("C2-02", "Ngắn", "Còn 5 ngày")])
    table = make_table(model, "probeTable", stretch=None)
    qtbot.addWidget(table)
    table.resize(400, 200)
    table.show()
    table.horizontalHeader().resizeSection(1, 120)
    qtbot.waitExposed(table)

    def cell(row, column):
        return table.visualRect(model.index(row, column)).center()

    viewport = table.viewport()
    assert _hover(qtbot, viewport, cell(0, 1)) == LONG            # cut: read whole
    assert _hover(qtbot, viewport, cell(1, 1)) == ""              # fits: nothing
    assert _hover(qtbot, viewport, cell(0, 2)) == "Quá hạn 3 ngày\n\nTheo Điều 47"
    header = table.horizontalHeader()
    header.resizeSection(1, 50)
    title = QPoint(header.sectionViewportPosition(1) + 20, header.height() // 2)
    assert _hover(qtbot, header.viewport(), title) == "Tên cuộc thanh tra dài"
    header.resizeSection(1, 400)
    assert _hover(qtbot, header.viewport(), title) == ""
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) is None   # the view decides
