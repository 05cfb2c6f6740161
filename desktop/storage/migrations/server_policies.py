"""The server's own access rules (revision 0016): the `server_access` table, the functions
that read it for the signed-in login (`session_user`, which SET ROLE cannot change) and the
row-level security policies built on them.

- Reading: a case above the login's clearance, and every row hanging from it (events, team,
  opinions, directives, results, changes, its deadline rows), is invisible.
  Documents stay listed (number, type, date and level are not secret; their other fields
  are sealed), their index map rows follow their level.
- The search tables have no policy: under row-level security PostgreSQL may not use an
  index for an operator that is not LEAKPROOF (the text search match is not), and every
  search walked the whole table (100 000 cases: 0.7 s instead of 0.04 s). They give away
  nothing a policy would hide: `case_search` holds only unclassified cases' words (which
  every login may read), `case_search_sealed` and `doc_search` only tokens keyed under the
  level keys, meaningless without them.
- `deadline_index_cases` has no policy either: a case id and a "volatile" flag per row, the
  bookkeeping of the deadline cache, nothing of the case.
- Changing: a case and its records may be changed up to the login's *write ceiling* — its
  clearance, or unclassified only for a clerk (domain.levels.write_ceiling, the program's
  own rule). Rows derived from what the login may read (the deadline index) may be
  refreshed by whoever reads them.
- Accounts, certificates, level keys and grants: changed by administrators only, and a
  user's own account row by that user (first-login flag).
The database's owner (set-up, moving a vault in) is not subject to them."""

from __future__ import annotations

ROLES = ("admin", "leader", "inspector", "clerk")

_FUNCTIONS = [
    """CREATE TABLE server_access (
  login text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('admin', 'leader', 'inspector', 'clerk')),
  clearance smallint NOT NULL CHECK (clearance BETWEEN 0 AND 3),
  active boolean NOT NULL DEFAULT true)""",
    "REVOKE ALL ON server_access FROM PUBLIC",
    # -1: a login with no (active) row reads nothing and changes nothing
    """CREATE FUNCTION hoso_clearance() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT coalesce((SELECT clearance FROM server_access
                       WHERE login = session_user AND active), -1) $$""",
    """CREATE FUNCTION hoso_write_ceiling() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT coalesce((SELECT CASE WHEN role = 'clerk' THEN least(clearance, 0)
                                   ELSE clearance END
                       FROM server_access WHERE login = session_user AND active), -1) $$""",
    """CREATE FUNCTION hoso_is_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT EXISTS (SELECT 1 FROM server_access
                     WHERE login = session_user AND active AND role = 'admin') $$""",
    """CREATE FUNCTION hoso_access() RETURNS TABLE (role text, clearance integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT role, clearance::integer FROM server_access
      WHERE login = session_user AND active $$""",
    # what the program refuses, the server refuses too: only an administrator, never above
    # their own clearance, never their own account
    """CREATE FUNCTION hoso_set_access(who text, new_role text, new_clearance integer,
                                is_active boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
  IF NOT hoso_is_admin() THEN
    RAISE EXCEPTION 'hoso: only an administrator may change access' USING ERRCODE = '42501';
  END IF;
  IF new_clearance > hoso_clearance() THEN
    RAISE EXCEPTION 'hoso: clearance above the administrator''s own' USING ERRCODE = '42501';
  END IF;
  IF who = session_user THEN
    RAISE EXCEPTION 'hoso: an administrator does not change their own access'
      USING ERRCODE = '42501';
  END IF;
  INSERT INTO server_access (login, role, clearance, active)
  VALUES (who, new_role, new_clearance, is_active)
  ON CONFLICT (login) DO UPDATE
    SET role = EXCLUDED.role, clearance = EXCLUDED.clearance, active = EXCLUDED.active;
END $$""",
]

# The audit trail, appended through the server (users have no INSERT on it): the server
# hands out the next row's number, the hash it chains to and its own time under a lock held
# to the end of the transaction (two clients never chain to the same row), then checks the
# signed row against its own chain before storing it — the hash computed here exactly as
# security.audit does (sorted keys, compact JSON, text as-is). A row names the login that
# wrote it; the database's owner (moving a vault in) writes as the vault's users did.
AUDIT_LOCK = 7_470_001
_GENESIS = "decode(repeat('00', 32), 'hex')"
_AUDIT = [
    f"""CREATE FUNCTION hoso_audit_next() RETURNS TABLE (id bigint, prev bytea, at text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE last_id bigint; last_hash bytea;
BEGIN
  PERFORM pg_advisory_xact_lock({AUDIT_LOCK});
  SELECT a.id, a.hash INTO last_id, last_hash FROM audit_log a ORDER BY a.id DESC LIMIT 1;
  RETURN QUERY SELECT coalesce(last_id, 0) + 1, coalesce(last_hash, {_GENESIS}),
    to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"');
END $$""",
    f"""CREATE FUNCTION hoso_audit_append(row_id bigint, row_at text, who text, act text,
    tgt text, det text, signer bytea, digest bytea, sig bytea) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE last_id bigint; last_hash bytea; expected bytea;
BEGIN
  PERFORM pg_advisory_xact_lock({AUDIT_LOCK});
  IF who <> session_user AND session_user <> (SELECT pg_get_userbyid(datdba) FROM pg_database
                                             WHERE datname = current_database()) THEN
    RAISE EXCEPTION 'hoso: an audit row is written by the account it names'
      USING ERRCODE = '42501';
  END IF;
  SELECT a.id, a.hash INTO last_id, last_hash FROM audit_log a ORDER BY a.id DESC LIMIT 1;
  IF row_id <> coalesce(last_id, 0) + 1 THEN
    RAISE EXCEPTION 'hoso: the audit trail moved on' USING ERRCODE = '40001';
  END IF;
  IF abs(extract(epoch FROM clock_timestamp() - row_at::timestamptz)) > 300 THEN
    RAISE EXCEPTION 'hoso: an audit row carries the server''s time' USING ERRCODE = '42501';
  END IF;
  expected := sha256(convert_to('hoso-audit-v2', 'UTF8')
    || coalesce(last_hash, {_GENESIS}) || convert_to(
    '{{"action":' || to_json(act)::text || ',"at":' || to_json(row_at)::text
    || ',"detail":' || to_json(det)::text || ',"id":' || row_id
    || ',"key":' || to_json(encode(signer, 'hex'))::text || ',"target":' || to_json(tgt)::text
    || ',"user":' || to_json(who)::text || '}}', 'UTF8'));
  IF expected <> digest THEN
    RAISE EXCEPTION 'hoso: the audit row does not continue the chain' USING ERRCODE = '42501';
  END IF;
  INSERT INTO audit_log (id, at, username, action, target, detail, prev_hash, hash,
                         signer_key, signature)
  VALUES (row_id, row_at, who, act, tgt, det, coalesce(last_hash, {_GENESIS}), digest, signer,
          sig);
END $$""",
]

_FUNCTION_NAMES = ("hoso_audit_append(bigint, text, text, text, text, text, bytea, bytea, bytea)",
                   "hoso_audit_next()", "hoso_set_access(text, text, integer, boolean)", "hoso_access()",
                   "hoso_is_admin()", "hoso_write_ceiling()", "hoso_clearance()")

_CLEARANCE = "(SELECT hoso_clearance())"      # a sub-select: evaluated once per statement
_CEILING = "(SELECT hoso_write_ceiling())"
_ADMIN = "(SELECT hoso_is_admin())"


def _of_case(column: str, ceiling: str = "") -> str:
    """The row hangs from a case the login may see (the cases table's own policy applies
    inside the sub-query) — or, with `ceiling`, may change."""
    limit = f" AND c.level <= {ceiling}" if ceiling else ""
    return f"({column} IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = {column}{limit}))"


# table → (who reads, who changes)
POLICIES: dict[str, tuple[str, str]] = {
    "cases": (f"level <= {_CLEARANCE}", f"level <= {_CEILING}"),
    **{table: (_of_case("case_id"), _of_case("case_id", _CEILING)) for table in (
        "team_members", "case_events", "case_changes", "opinion_requests", "directives",
        "recommendations", "recommendation_updates", "opinion_reminders", "directive_notes")},
    # derived from what the reader sees, refreshed by whoever reads it; its rows carry their
    # case's level (a trigger drops them when it changes): one comparison, no look-up of the
    # case per row (with one, the first build after an import took 73 s instead of 10)
    "deadline_index": (f"level <= {_CLEARANCE}", f"level <= {_CLEARANCE}"),
    "documents": ("true", f"level <= {_CLEARANCE}"),
    "doc_index_map": (f"level <= {_CLEARANCE}", f"level <= {_CLEARANCE}"),
    **{table: ("true", _ADMIN) for table in (
        "certificates", "trust_roots", "root_seals", "level_keys", "level_grants")},
    "users": ("true", f"({_ADMIN} OR username = session_user)"),
}


# A register set up before this revision: its accounts' roles and clearances carried over
# as the owner finds them (run by the owner, before any policy), and its users' group
# loses INSERT on the audit trail (appended through hoso_audit_append from now on).
_CARRIED_OVER = [
    "INSERT INTO server_access (login, role, clearance, active) "
    "SELECT username, role, clearance, active FROM users ON CONFLICT (login) DO NOTHING",
    """DO $$ DECLARE grp text := left(current_database() || '_users', 63);
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
    EXECUTE format('REVOKE INSERT ON audit_log FROM %I', grp);
  END IF;
END $$""",
]


def upgrade_statements() -> list[str]:
    statements = list(_FUNCTIONS) + list(_AUDIT) + list(_CARRIED_OVER)
    for table, (read, change) in POLICIES.items():
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY {table}_read ON {table} FOR SELECT USING ({read})",
            f"CREATE POLICY {table}_add ON {table} FOR INSERT WITH CHECK ({change})",
            f"CREATE POLICY {table}_change ON {table} FOR UPDATE USING ({change}) "
            f"WITH CHECK ({change})",
            f"CREATE POLICY {table}_remove ON {table} FOR DELETE USING ({change})"]
    return statements


def downgrade_statements() -> list[str]:
    statements = []
    for table in POLICIES:
        statements += [f"DROP POLICY IF EXISTS {table}_{verb} ON {table}"
                       for verb in ("read", "add", "change", "remove")]
        statements.append(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    statements += [f"DROP FUNCTION IF EXISTS {name}" for name in _FUNCTION_NAMES]
    statements.append("DROP TABLE IF EXISTS server_access")
    return statements
