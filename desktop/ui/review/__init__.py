"""Looking back and ahead: the dashboard and its chart, the period review, the annual plan."""
