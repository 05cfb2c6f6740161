"""A small modeless "working…" window with an indeterminate bar."""

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from desktop.ui.widgets import busy_bar


class BusyDialog(QDialog):
    def __init__(self, text: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hồ sơ Thanh tra")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text))
        bar = busy_bar()
        bar.show()
        layout.addWidget(bar)
        self.setMinimumWidth(360)
