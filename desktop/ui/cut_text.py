"""A cell or column header cut by its column reads whole in its tooltip.

Two rows of a list may differ only past the cut ("… Bộ Tài chính" / "… Bộ Tài nguyên"),
so hovering over a cut cell shows its full text. Cells and headers with a tooltip of
their own (an explanation) keep it; the models put the text first in those."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QToolTip

_PADDING = 12   # the cell's margins and a little air: a text that just fits is not cut


def _header_text_cut(header: QHeaderView, pos) -> str:
    logical = header.logicalIndexAt(pos)
    model = header.model()
    if logical < 0 or model is None:
        return ""
    orientation = header.orientation()
    if model.headerData(logical, orientation, Qt.ItemDataRole.ToolTipRole):
        return ""
    text = str(model.headerData(logical, orientation, Qt.ItemDataRole.DisplayRole) or "")
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    need = header.fontMetrics().horizontalAdvance(text) + 2 * margin
    return text if text and need > header.sectionSize(logical) else ""


def _cell_text_cut(view: QAbstractItemView, pos) -> str:
    index = view.indexAt(pos)
    if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
        return ""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not isinstance(text, str) or not text:
        return ""
    need = view.fontMetrics().horizontalAdvance(text) + _PADDING
    if index.data(Qt.ItemDataRole.DecorationRole) is not None:
        need += view.iconSize().width() + 4
    return text if need > view.visualRect(index).width() else ""


class _CutTextTips(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.ToolTip:
            return False
        view = watched.parent()
        if isinstance(view, QHeaderView):
            text = _header_text_cut(view, event.pos())
        elif isinstance(view, QAbstractItemView):
            text = _cell_text_cut(view, event.pos())
        else:
            return False
        if not text:
            return False   # the view's own tooltip, if any
        QToolTip.showText(event.globalPos(), text, watched)
        return True


_TIPS: _CutTextTips | None = None


def show_cut_text(view: QAbstractItemView) -> None:
    """Full text as the tooltip of the view's cut cells and of its cut column headers."""
    global _TIPS
    if _TIPS is None:
        _TIPS = _CutTextTips()
    view.viewport().installEventFilter(_TIPS)
    if hasattr(view, "horizontalHeader"):
        view.horizontalHeader().viewport().installEventFilter(_TIPS)
