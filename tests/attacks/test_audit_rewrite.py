"""Attack: rewrite the audit trail: delete one's own rows and re-chain, or alter an
administrator's row. The DB key is no help: rows are signed by their authors."""

import json

from desktop.security.audit import signed_hash
from desktop.services import anchoring, documents
from tests.attacks.conftest import ATTACKER
from tests.conftest import run_hoso


def _rows(conn):
    return conn.execute("SELECT id, at, username, action, target, detail, prev_hash, hash, "
                        "signer_key FROM audit_log ORDER BY id").fetchall()


def _verify(scene):
    admin = scene.open("admin")
    with admin.uow() as uow:
        report = anchoring.verify_in(admin, uow.session)
    admin.close()
    return report


def _drop_guards(conn):
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")


def test_deleting_own_rows_and_rechaining_is_caught(scene):
    attacker = scene.open(ATTACKER)
    documents.list_documents(attacker)  # something the attacker would rather hide
    attacker.close()
    admin = scene.open("admin")  # the administrator works after the attacker
    admin.close()
    conn, keys = scene.raw()
    _drop_guards(conn)
    rows = _rows(conn)
    mine = [r[0] for r in rows if r[2] == ATTACKER]
    first = mine[0]
    conn.execute("DELETE FROM audit_log WHERE username=? AND id>=?", (ATTACKER, first))
    # re-chain what follows, re-signing with the only signing key the attacker has
    from desktop.security.audit import Signer
    signer = Signer(ATTACKER, keys.secrets.sign_private)
    kept = [r for r in rows if r[0] >= first and r[2] != ATTACKER]
    prev = [r for r in rows if r[0] == first - 1][0][7]
    conn.execute("DELETE FROM audit_log WHERE id>=?", (first,))
    for new_id, r in enumerate(kept, start=first):
        fields = {"id": new_id, "at": r[1], "user": r[2], "action": r[3], "target": r[4],
                  "detail": r[5], "key": signer.public_key.hex()}
        digest = signed_hash(prev, fields)
        conn.execute("INSERT INTO audit_log (id, at, username, action, target, detail, prev_hash,"
                     " hash, signer_key, signature) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     (new_id, r[1], r[2], r[3], r[4], r[5], prev, digest, signer.public_key,
                      signer.sign(digest)))
        prev = digest
    conn.commit()
    conn.close()
    report = _verify_accepting(scene)
    assert not report.ok and report.broken_at == first
    assert report.why == "signed by a key not certified for this user"


def _verify_accepting(scene):
    admin = scene.open("admin", accept_rollback=True)
    with admin.uow() as uow:
        report = anchoring.verify_in(admin, uow.session)
    admin.engine.dispose()
    return report


def test_altering_an_administrators_row_is_caught(scene, tmp_path):
    conn, _ = scene.raw()
    _drop_guards(conn)
    row = conn.execute("SELECT id, detail FROM audit_log WHERE username='admin' AND "
                       "action='user.add' ORDER BY id LIMIT 1").fetchone()
    detail = json.loads(row[1])
    detail["clearance"] = 0
    conn.execute("UPDATE audit_log SET detail=? WHERE id=?", (json.dumps(detail), row[0]))
    conn.commit()
    conn.close()
    report = _verify(scene)
    assert not report.ok and report.broken_at == row[0]
    # and the command line says so, with a non-zero exit
    done = run_hoso(["audit", "verify", "--vault", scene.path, "--user", "admin",
                     "--password-stdin"], stdin="quan-tri-vien-1\n",
                    env={"HOSO_PROFILE_DIR": str(scene.profile)})
    assert done.returncode == 1
    assert f"dòng {row[0]}" in done.stderr


def test_rows_forged_with_the_old_hmac_key_are_refused(scene):
    """The version-1 chain key derives from the DB key: a row 'in the old style' appended
    after signed rows is a forgery, at login and in a full verification."""
    from desktop.security.audit import legacy_hash, legacy_key
    conn, keys = scene.raw()
    last_id, last_hash = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"
                                      ).fetchone()
    fields = {"id": last_id + 1, "at": "2026-01-01T00:00:00+00:00", "user": "admin",
              "action": "user.add", "target": "evil", "detail": "{}"}
    conn.execute("INSERT INTO audit_log (id, at, username, action, target, detail, prev_hash, "
                 "hash) VALUES (?,?,?,?,?,?,?,?)",
                 (last_id + 1, fields["at"], "admin", "user.add", "evil", "{}", last_hash,
                  legacy_hash(legacy_key(keys.db_key), last_hash, fields)))
    conn.commit()
    conn.close()
    admin = scene.open("admin")
    assert f"audit:{last_id + 1}" in admin.trust.problems
    with admin.uow() as uow:
        report = anchoring.verify_in(admin, uow.session)
    admin.close()
    assert not report.ok and report.broken_at == last_id + 1


def test_a_trail_rewritten_entirely_in_the_old_style_is_refused(scene):
    """Without one signed row left, the trail might look like one from version 1: the root's
    signed statement says how many old-style rows there may be (none here)."""
    from desktop.security.audit import legacy_hash, legacy_key
    conn, keys = scene.raw()
    _drop_guards(conn)
    rows = conn.execute("SELECT id, at, username, action, target, detail FROM audit_log "
                        "ORDER BY id").fetchall()
    conn.execute("UPDATE audit_log SET prev_hash=randomblob(32)")
    prev = bytes(32)
    for row_id, at, user, action, target, detail in rows:
        digest = legacy_hash(legacy_key(keys.db_key), prev,
                             {"id": row_id, "at": at, "user": user, "action": action,
                              "target": target, "detail": detail})
        conn.execute("UPDATE audit_log SET prev_hash=?, hash=?, signer_key=NULL, signature=NULL"
                     " WHERE id=?", (prev, digest, row_id))
        prev = digest
    conn.commit()
    conn.close()
    report = _verify_accepting(scene)
    assert not report.ok and report.broken_at == 1
