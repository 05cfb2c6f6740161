"""Attack: read a Tối mật case's text fields and search rows raw, with the DB key; find
it by search; lower its level so the next edit seals it under a key the attacker holds;
move its sealed record onto a row the attacker can see."""

from datetime import date

from desktop.domain.folding import fold
from desktop.domain.levels import Level
from desktop.domain.stages import Stage
from desktop.services import cases, documents, opinions_directives
from desktop.security import records
from desktop.storage import sealed

from .conftest import ATTACKER, VICTIM

SECRET_CASE = "C2-2022-02"  # Tối mật in the demo


def _secret_strings(scene) -> list[str]:
    """What the cleared leader reads of the case: every sensitive field, as shown."""
    victim = scene.open(VICTIM)
    detail = cases.get_case(victim, SECRET_CASE)
    assert detail.row.level is Level.TOI_MAT and detail.row.title
    found = [detail.row.title, detail.row.inspected_party, detail.row.decision_number,
             detail.content, detail.assignment_ref]
    found += [e.doc_ref for e in detail.events] + [e.note for e in detail.events]
    for op in detail.opinions:
        found += [op["addressee"], op["subject"], op["doc"]]
    for d in detail.directives:
        found += [d["issuer"], d["doc"], d["content"]]
    for d in detail.documents:
        if d["level"] == Level.TOI_MAT.label_vi:
            found += [d["number"], d["summary"]]
    victim.close()
    return [s for s in found if s and len(s) >= 6]


def _seen_by_attacker(scene) -> str:
    """Everything the attacker may read through the program (ordinary and Mật cases'
    details): a secret that is also there ("Bộ Tài chính") is not a leak."""
    attacker = scene.open(ATTACKER)
    seen = [str(cases.get_case(attacker, r.code).to_json()) for r in cases.list_cases(attacker)]
    attacker.close()
    return "\n".join(seen)


# Directories, not case records: staff names, organisations, the annual plan (SECURITY.md)
_DIRECTORIES = {"staff", "units", "plan_items", "annual_plans"}


def _everything_raw(conn) -> list:
    values = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in set(tables) - _DIRECTORIES:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            values += [(table, v) for v in row if isinstance(v, (str, bytes))]
    return values


def test_classified_fields_and_index_are_not_readable_raw(scene):
    seen = _seen_by_attacker(scene)
    secrets = [s for s in _secret_strings(scene) if s not in seen]
    assert len(secrets) >= 10
    conn, _keys = scene.raw()
    values = _everything_raw(conn)
    case_id, *row = conn.execute("SELECT id, title, inspected_party, decision_number, content, "
                                 "sealed FROM cases WHERE code = ?", (SECRET_CASE,)).fetchone()
    plain_rows = conn.execute("SELECT count(*) FROM case_search WHERE rowid = ?", (case_id,)
                              ).fetchone()[0]
    tokens = conn.execute("SELECT body FROM case_search_sealed WHERE rowid = ?", (case_id,)
                          ).fetchone()[0].split()
    team_rows = conn.execute("SELECT count(*) FROM team_members WHERE case_id = ?", (case_id,)
                             ).fetchone()[0]
    conn.close()
    assert row[:4] == ["", "", "", ""] and row[4]
    leaked = sorted({(t, s) for s in secrets for t, v in values
                     if (s in v if isinstance(v, str) else s.encode("utf-8") in v)})
    assert leaked == []
    # the search index holds keyed tokens for it, not its folded words; no team rows
    assert plain_rows == 0 and team_rows == 0
    assert len(tokens) > 50 and all(len(t) == 16 and int(t, 16) >= 0 for t in tokens)


def test_the_attacker_cannot_open_or_find_it_the_leader_can(scene):
    victim = scene.open(VICTIM)
    title = cases.get_case(victim, SECRET_CASE).row.title
    word = sorted(fold(title).split(), key=len)[-1]
    assert SECRET_CASE in [r.code for r in cases.list_cases(victim, cases.CaseFilter(search=word))]
    assert SECRET_CASE in [r.code for r in cases.list_cases(
        victim, cases.CaseFilter(search=word[:4]))]  # prefixes work on sealed cases too
    victim.close()

    attacker = scene.open(ATTACKER)
    keys = sealed.keys_of(attacker.engine)
    conn, _ = scene.raw()
    case_id, blob = conn.execute("SELECT id, sealed FROM cases WHERE code = ?", (SECRET_CASE,)
                                 ).fetchone()
    conn.close()
    assert keys.open("cases", case_id, blob) is None  # no key of that level
    hits = [r.code for r in cases.list_cases(attacker, cases.CaseFilter(search=word))]
    assert SECRET_CASE not in hits
    attacker.close()


def test_lowered_level_does_not_reseal_under_the_attackers_key(scene):
    conn, _ = scene.raw()
    conn.execute("UPDATE cases SET level = 1 WHERE code = ?", (SECRET_CASE,))
    conn.commit()
    conn.close()
    attacker = scene.open(ATTACKER)
    row = next(r for r in cases.list_cases(attacker) if r.code == SECRET_CASE)
    assert row.title == ""  # visible now, but nothing to read
    attacker.close()

    victim = scene.open(VICTIM)
    assert cases.get_case(victim, SECRET_CASE).row.title  # still opens for the leader
    cases.add_event(victim, SECRET_CASE, Stage.DRAFT, date(2024, 6, 3),
                    doc_ref="88/TB-TTCP", note="Chỉ đạo mật số 88")
    victim.close()

    attacker = scene.open(ATTACKER)
    detail = cases.get_case(attacker, SECRET_CASE)
    assert "88/TB-TTCP" not in [e.doc_ref for e in detail.events]
    assert detail.row.title == ""
    attacker.close()


def test_a_sealed_record_moved_to_another_row_does_not_open(scene):
    conn, _ = scene.raw()
    blob = conn.execute("SELECT sealed FROM cases WHERE code = ?", (SECRET_CASE,)).fetchone()[0]
    conn.execute("UPDATE cases SET sealed = ?, level = 2 WHERE code = 'C2-2022-05'", (blob,))
    conn.commit()
    conn.close()
    victim = scene.open(VICTIM)
    rows = {r.code: r for r in cases.list_cases(victim)}
    assert rows["C2-2022-05"].title == records.UNREADABLE
    assert rows[SECRET_CASE].title not in ("", records.UNREADABLE)
    victim.close()


def test_registers_and_documents_still_read_for_the_cleared(scene):
    victim = scene.open(VICTIM)
    opinions, directives = opinions_directives.register(victim)
    assert opinions and all(line.addressee for line in opinions)
    assert directives and all(line.content for line in directives)
    docs = documents.list_documents(victim)
    secret_docs = [d for d in docs if d.level is Level.TOI_MAT]
    assert secret_docs and all(d.summary and d.issuer for d in secret_docs)
    victim.close()
