"""A short run of the crash campaign (tests/reliability/campaign.py; the full run is ≥ 500
trials): each write of the command line killed once at a random moment, the vault then
verified and the write found whole or absent."""

from tests.reliability import campaign


def test_every_killed_write_is_whole_or_absent(tmp_path, monkeypatch):
    import os
    monkeypatch.setenv("HOSO_PROFILE_DIR", os.environ.get("HOSO_PROFILE_DIR", str(tmp_path)))
    monkeypatch.setattr(campaign, "ROWS", 2_000)           # shorter runs, the same checks
    monkeypatch.setattr(campaign, "SIZE", 6 * 1024 * 1024)
    rows = campaign.run(1, tmp_path, seed=12)
    report = campaign.table(rows) + "\n" + "\n".join(p for r in rows for p in r.problems)
    assert len(rows) == 9 and all(r.trials == 1 for r in rows), report
    assert sum(r.lost for r in rows) == 0 and sum(r.tracebacks for r in rows) == 0, report
