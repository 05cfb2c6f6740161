"""Many workstations on one server: a write made on one reaches the others' pages within
two seconds (the server's change notices), a workstation's own writes are not echoed back,
and a connection dropped mid-work is said in one line, writes nothing, and the next try
goes through on a new connection."""

import queue
import time

import pytest
from sqlalchemy import create_engine, text

from desktop.domain.changes import Area
from desktop.domain.errors import HosoError
from desktop.domain.levels import Level, Role
from desktop.services import cases, live_updates, opinion_requests, server_service, users
from desktop.services.cases import CaseInput
from tests.conftest import PASSWORD, open_as, server_database

PW = "mat-khau-thanh-tra-1"


@pytest.fixture
def two_workstations(pg_cluster, tmp_path):
    profile = server_database(pg_cluster, tmp_path / "profile", in_process=True)
    here = server_service.sign_in(profile, "admin", PASSWORD)
    users.add_user(here, "tv1", Role.INSPECTOR, Level.MAT, PW)
    there = open_as(here, "tv1", PW)
    yield pg_cluster, here, there
    there.close()
    here.close()


def _kill_sessions_of(cluster, user):
    """What a network drop does to a workstation's connections, done by the superuser."""
    engine = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE usename = :u"), {"u": user})
    engine.dispose()


def test_another_workstations_write_reaches_this_one_within_two_seconds(two_workstations):
    _cluster, here, there = two_workstations
    heard: queue.Queue = queue.Queue()
    watcher = live_updates.watch(here, heard.put)
    assert watcher is not None and watcher.ready.wait(5)
    try:
        started = time.monotonic()
        cases.add_case(there, CaseInput(code="HS-9", title="Thanh tra thuế"))
        changes = heard.get(timeout=2)
        assert Area.CASES in changes.areas and time.monotonic() - started < 2
        opinion_requests.send(there, "HS-9", [("Bộ Tài chính", None)], cases.date.today())
        assert Area.OPINIONS in heard.get(timeout=2).areas
        # this workstation's own write: its pages were told by the write itself
        cases.add_case(here, CaseInput(code="HS-10", title="Thanh tra đất đai"))
        with pytest.raises(queue.Empty):
            heard.get(timeout=1)
    finally:
        watcher.stop()
        watcher.join(5)


def test_a_dropped_connection_is_said_in_one_line_and_the_next_try_goes_through(
        two_workstations):
    cluster, here, _there = two_workstations
    cases.add_case(here, CaseInput(code="HS-1", title="Thanh tra đất đai"))
    states: queue.Queue = queue.Queue()
    watcher = live_updates.watch(here, lambda _c: None, states.put)
    assert watcher is not None and watcher.ready.wait(5)
    try:
        with pytest.raises(HosoError) as lost:
            with here.uow() as uow:
                uow.session.execute(text("UPDATE cases SET content = 'nửa chừng'"))
                _kill_sessions_of(cluster, "admin")
                uow.session.execute(text("UPDATE cases SET title = 'nửa chừng'"))
                uow.commit()
        assert lost.value.key == "server.connection_lost"
        said = lost.value.message("vi")
        assert "\n" not in said and "psycopg" not in said
        # nothing half-written; the next try works on a new connection
        assert cases.get_case(here, "HS-1").content == ""
        from desktop.services import case_edit
        case_edit.edit_case(here, "HS-1", {"content": "sau khi kết nối lại"})
        assert cases.get_case(here, "HS-1").content == "sau khi kết nối lại"
        # the watcher said the connection was lost, and then that it is back
        assert states.get(timeout=5) is False
        assert states.get(timeout=10) is True
    finally:
        watcher.stop()
        watcher.join(5)
