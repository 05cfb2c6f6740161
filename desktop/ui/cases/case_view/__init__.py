"""One inspection case in detail (view.py), one module per tab."""

from desktop.ui.cases.case_view.view import CaseView

__all__ = ["CaseView"]
