import gc
import threading

import pytest

from desktop.domain.bulk import collector_paused


def test_the_collector_is_paused_inside_and_back_after_nesting_errors_and_threads():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer job still runs
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError):
        with collector_paused():
            1 / 0
    assert gc.isenabled()
    # another thread's job ending first does not switch it back on under this one
    inside, release = threading.Event(), threading.Event()

    def other():
        with collector_paused():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=other)
    with collector_paused():
        worker.start()
        inside.wait(5)
    assert not gc.isenabled()
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_program_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_works_as_a_decorator():
    @collector_paused()
    def job():
        return gc.isenabled()

    assert job() is False
    assert gc.isenabled()
