"""One inspection taken from its decision to closed entirely on the command line, as a
secretary and a leader would keep it: the case, its team and a replaced leader, its events
with one corrected, a request for opinions to three addressees (answered on time, late,
never — with a reminder), the Prime Minister's opinion on the draft, the conclusion with its
figures and three recommendations followed up to done, then closed. The half-year review
and the audit trail must tell that story."""

import json
from dataclasses import asdict
from datetime import date

from desktop.services import audit_log, report, vault_service
from tests.conftest import PASSWORD

# what the story writes (reads are audited too, and differ between the two programs)
WRITES = ("case.add", "case.event", "case.event_fix", "case.edit", "case.team_leader",
          "opinion.send", "opinion.reply", "opinion.remind", "recommendation.add",
          "recommendation.update")


def outcome(vs) -> tuple[dict, list[tuple[str, str]]]:
    """What both programs must agree on: the H1-2024 table 01/TTr and the audit's writes."""
    figures = asdict(report.period_report(vs, date(2024, 1, 1), date(2024, 6, 30)).indicators)
    with vs.uow() as uow:
        rows = audit_log.entries(uow.session, limit=100_000)
    return figures, [(e.action, e.target) for e in reversed(rows) if e.action in WRITES]


def cli_outcome(path) -> tuple[dict, list[tuple[str, str]]]:
    return session_outcome(lambda: vault_service.open_vault(path, "admin", PASSWORD))


def session_outcome(open_session) -> tuple[dict, list[tuple[str, str]]]:
    vs = open_session()
    try:
        return outcome(vs)
    finally:
        vs.close()


def tell_the_story(hoso) -> None:
    hoso("case", "add", "--code", "ST-1", "--title", "Thanh tra việc quản lý đất đai tỉnh A",
         "--party", "UBND tỉnh A", "--decision-number", "101/QĐ-TTCP", "--decision-date",
         "05/01/2024", "--team", "Nguyễn Văn An:trưởng đoàn", "--team", "Trần Thị Bình")
    hoso("case", "event", "ST-1", "announced", "--date", "15/01/2024")
    hoso("case", "team", "ST-1", "leader", "Lê Văn Cường", "--from", "01/02/2024")
    hoso("case", "event", "ST-1", "onsite_ended", "--date", "10/03/2024")
    events = json.loads(hoso("case", "show", "ST-1", "--json"))["events"]
    ended = next(e["id"] for e in events if e["stage"] == "onsite_ended")
    hoso("case", "event-fix", "ST-1", str(ended), "--date", "12/03/2024", "--reason",
         "Ghi nhầm ngày kết thúc")
    hoso("case", "event", "ST-1", "team_report", "--date", "25/03/2024")
    hoso("case", "event", "ST-1", "draft", "--date", "05/04/2024")
    sent = json.loads(hoso("opinion", "send", "--case", "ST-1", "--to", "Bộ Tài chính", "--to",
                           "Bộ Xây dựng", "--to", "UBND tỉnh A", "--date", "08/04/2024",
                           "--doc", "120/TTCP-C.II", "--subject", "Xin ý kiến dự thảo kết luận",
                           "--json"))["ids"]
    hoso("opinion", "reply", str(sent[0]), "--date", "20/04/2024", "--doc", "45/BTC")
    hoso("opinion", "reply", str(sent[1]), "--date", "25/05/2024", "--doc", "30/BXD")
    hoso("opinion", "remind", str(sent[2]), "--date", "15/05/2024", "--doc", "150/TTCP-C.II")
    hoso("case", "event", "ST-1", "pm_draft_opinion", "--date", "20/05/2024")
    [pm] = json.loads(hoso("opinion", "send", "--case", "ST-1", "--to", "Thủ tướng Chính phủ",
                           "--date", "20/05/2024", "--doc", "180/TTr-TTCP", "--json"))["ids"]
    hoso("opinion", "reply", str(pm), "--date", "05/06/2024", "--doc", "400/VPCP-V.I",
         "--gist", "Đồng ý ban hành")
    hoso("case", "event", "ST-1", "concluded", "--date", "10/06/2024", "--doc", "88/KL-TTCP")
    hoso("case", "result", "ST-1", "--violation-money", "20 tỷ", "--recovery-money", "12,5 tỷ",
         "--disciplined-persons", "3")
    ids = [json.loads(hoso("recommendation", "add", "ST-1", "--kind", kind, "--to", to,
                           *extra, "--json"))["id"]
           for kind, to, extra in (("recover_money", "UBND tỉnh A", ["--money", "12,5 tỷ"]),
                                   ("discipline", "Sở TNMT", []),
                                   ("policy", "Bộ TNMT", []))]
    hoso("case", "event", "ST-1", "follow_up", "--date", "15/06/2024")
    hoso("recommendation", "update", str(ids[0]), "--date", "20/06/2024", "--status",
         "partly_done", "--recovered-money", "5 tỷ")
    for item in ids:
        hoso("recommendation", "update", str(item), "--date", "28/06/2024", "--status", "done",
             *(["--recovered-money", "12,5 tỷ"] if item == ids[0] else []))
    hoso("case", "event", "ST-1", "closed", "--date", "29/06/2024")


def test_a_case_from_decision_to_closed_on_the_command_line(register):
    """On a vault and on a department server alike."""
    _engine, hoso, open_session = register
    tell_the_story(hoso)
    review = json.loads(hoso("report", "period", "--from", "01/01/2024", "--to", "30/06/2024",
                             "--json"))
    figures = review["indicators"]
    assert (figures["started"], figures["onsite_finished"], figures["conclusions_issued"]) == (1, 1, 1)
    assert figures["violation_money"] == 20_000_000_000
    assert figures["recovery_money"] == 12_500_000_000 and figures["disciplined_persons"] == 3
    assert review["without_conclusion"] == []
    late = {o["addressee"] for o in review["opinions_overdue"]}
    assert late == {"UBND tỉnh A"}   # never answered; the late one was answered (late)
    [line] = json.loads(hoso("report", "follow-up", "--from", "01/01/2024", "--to", "30/06/2024",
                             "--json"))
    assert (line["settled"], line["items"], line["outstanding_money"]) == (3, 3, 0)

    actions = [e["action"] for e in json.loads(hoso("audit", "list", "--limit", "200", "--json"))]
    for action in ("case.add", "case.team_leader", "case.event", "case.event_fix",
                   "opinion.send", "opinion.reply", "opinion.remind", "case.edit",
                   "recommendation.add", "recommendation.update"):
        assert action in actions, action
    shown = json.loads(hoso("case", "show", "ST-1", "--json"))
    assert shown["stage"] == "closed"
    assert [(m["name"], m["role"]) for m in shown["team"]] == [
        ("Trần Thị Bình", "member"), ("Lê Văn Cường", "leader")]
    assert {(m["name"], m["to"]) for m in shown["team_history"]} >= {("Nguyễn Văn An", "2024-01-31")}
    # the services read the same story back (the figures, the writes in their order)
    figures_read, writes = session_outcome(open_session)
    assert figures_read["conclusions_issued"] == 1
    assert figures_read["violation_money"] == 20_000_000_000
    assert writes[0] == ("case.add", "ST-1") and ("case.event", "ST-1") in writes
