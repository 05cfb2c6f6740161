"""Two workstations on one department server: the Cases page open on one shows within two
seconds a case the other has just added, without being asked; a lost connection is said
in the status bar's one line."""

import time

import pytest

from desktop.domain.levels import Level, Role
from desktop.services import cases, server_service, users
from tests.conftest import PASSWORD, open_as, server_database
from tests.ui.test_case_form_ui import _page
from tests.ui.test_cases_ui import _codes

WAIT = 20000
PW = "mat-khau-thanh-tra-1"


@pytest.fixture
def server_ctx(pg_cluster, tmp_path, ui_settings):
    """The desktop program's context signed in to a server (as Launcher builds it)."""
    from desktop.ui.context import AppContext
    from desktop.ui.tasks import TaskRunner
    profile = server_database(pg_cluster, tmp_path / "profile", in_process=True)
    runner = TaskRunner()
    context = AppContext(ui_settings, runner, "vi", profile)
    context.set_session(server_service.sign_in(profile, "admin", PASSWORD))
    yield context
    context.lock()
    runner.wait()


def test_a_case_added_on_another_workstation_appears_within_two_seconds(qtbot, server_ctx):
    box = []
    server_ctx.db(lambda vs, _c: users.add_user(vs, "tv1", Role.INSPECTOR, Level.MAT, PW),
                  done=box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT)
    page = _page(qtbot, server_ctx)
    assert _codes(page.model) == set()
    qtbot.waitUntil(server_ctx._watcher.ready.is_set, timeout=WAIT)

    other = open_as(server_ctx.session, "tv1", PW)    # another workstation
    try:
        started = time.monotonic()
        cases.add_case(other, cases.CaseInput(code="HS-7", title="Thanh tra thuế"))
        qtbot.waitUntil(lambda: not page.model.busy and _codes(page.model) == {"HS-7"},
                        timeout=2000)
        assert time.monotonic() - started < 2
    finally:
        other.close()
