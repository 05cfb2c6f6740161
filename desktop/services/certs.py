"""Keeping and checking what the root signs: accounts, level keys, grants, the root itself.

A user row's role, clearance, active flag and public key are only copies: the signed
certificate decides. A row that no longer matches its certificate is reported and the
certificate's values are used; an account without a valid certificate is not trusted at
all (security.trust explains the model).
"""

from dataclasses import dataclass, field
from datetime import datetime, timezone

from desktop.domain.errors import HosoError
from desktop.domain.levels import Level
from desktop.security import trust
from desktop.security.crypto import fingerprint, seal, signing_public, unseal
from desktop.security.trust import AccountCert, TrustError
from desktop.storage.orm import Certificate, LevelGrant, LevelKeyRecord, RootSeal, TrustRoot, User
from desktop.storage.repos import DbSession
from desktop.storage.repos import users as user_rows


@dataclass
class TrustState:
    """The root this session trusts (reached from the pinned one), and, for an
    administrator, its private key once unsealed."""

    vault_id: str
    generation: int
    root_public: bytes
    root_private: bytes = field(default=b"", repr=False)
    problems: list[str] = field(default_factory=list)  # records refused this session
    # the highest certificate number seen per account, kept in the acting user's slot: a
    # deleted newer certificate cannot bring back an older one (e.g. a higher clearance)
    certs_seen: dict[str, int] = field(default_factory=dict)
    seen_changed: bool = False
    legacy_rows: int = 0  # audit rows from before signatures (the root's signed statement)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.root_public)

    def drop(self) -> None:
        self.root_private = b""


def root_links(session: DbSession) -> list[tuple[int, bytes, bytes | None]]:
    return [(r.generation, r.public_key, r.link_signature) for r in user_rows.roots(session)]


def has_roots(session: DbSession) -> bool:
    return user_rows.has_roots(session)


def load_trust(session: DbSession, vault_id: str, pinned_generation: int,
               pinned_public: bytes) -> TrustState:
    try:
        generation, public = trust.follow_roots(vault_id, pinned_generation, pinned_public,
                                                root_links(session))
        row = session.get(TrustRoot, generation)
        trust.check_statement(public, vault_id, generation, row.legacy_rows, row.statement)
    except TrustError:
        raise HosoError("trust.root_bad") from None
    return TrustState(vault_id, generation, public, legacy_rows=row.legacy_rows)


def new_root_row(state: "TrustState", created_by: str, link_signature: bytes | None = None
                 ) -> TrustRoot:
    """The stored form of a root generation, with its signed statement."""
    return TrustRoot(generation=state.generation, public_key=state.root_public,
                     link_signature=link_signature, created_at=datetime.now(),
                     created_by=created_by, legacy_rows=state.legacy_rows,
                     statement=trust.sign_statement(state.root_private, state.vault_id,
                                                    state.generation, state.legacy_rows))


def root_seal_context(vault_id: str, username: str, generation: int) -> bytes:
    return f"hoso-root|{vault_id}|{username}|{generation}".encode()


def root_private(state: TrustState, session: DbSession, username: str, box_private: bytes) -> bytes:
    """The root's private key, unsealed from the administrator's copy. A copy that does
    not give the trusted root's public key (a planted one) is refused."""
    if state.root_private:
        return state.root_private
    row = session.get(RootSeal, (username, state.generation))
    if row is None:
        raise HosoError("perm.admin_only")
    try:
        private = unseal(box_private, row.sealed,
                         root_seal_context(state.vault_id, username, state.generation))
    except Exception:  # noqa: BLE001 — any failure means "not a copy of the root for us"
        raise HosoError("trust.account_bad", user=username) from None
    if signing_public(private) != state.root_public:
        raise HosoError("trust.account_bad", user=username)
    state.root_private = private
    return private


def seal_root_to(state: TrustState, session: DbSession, username: str, box_public: bytes) -> None:
    assert state.root_private, "root not unsealed"
    row = session.get(RootSeal, (username, state.generation))
    sealed = seal(box_public, state.root_private,
                  root_seal_context(state.vault_id, username, state.generation))
    if row is None:
        session.add(RootSeal(username=username, generation=state.generation, sealed=sealed))
    else:
        row.sealed = sealed


# --- account certificates -------------------------------------------------------------------

def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def issue(state: TrustState, session: DbSession, user: User, sign_public: bytes,
          issued_by: str, valid_until: str = "") -> AccountCert:
    """Certify the row's current values (with the account's Ed25519 key)."""
    assert state.root_private, "root not unsealed"
    now = now_iso()
    previous = _newest(state, session, user.username)
    seq = max(previous.seq if previous else 0, state.certs_seen.get(user.username, 0)) + 1
    cert = AccountCert(vault_id=state.vault_id, username=user.username, full_name=user.full_name,
                       role=user.role, clearance=int(user.clearance), active=bool(user.active),
                       box_key=user.public_key.hex(), sign_key=sign_public.hex(),
                       issued_at=now, issued_by=issued_by, valid_from=now,
                       valid_until=valid_until, seq=seq)
    row = Certificate(username=user.username, body=cert.body().decode(),
                      signature=trust.sign_cert(state.root_private, cert),
                      root_generation=state.generation)
    session.add(row)
    session.flush()
    user.cert_serial = row.serial
    _saw(state, cert)
    return cert


def reissue(state: TrustState, session: DbSession, user: User, current: AccountCert,
            issued_by: str) -> AccountCert:
    """A new certificate for the row's changed role, clearance or active flag, with the
    keys and name of the verified `current` one (never the row's)."""
    user.public_key, user.full_name = current.box_public, current.full_name
    return issue(state, session, user, current.sign_public, issued_by, current.valid_until)


def _check(state: TrustState, row: Certificate | None, username: str) -> AccountCert:
    if row is None or row.root_generation != state.generation:
        raise TrustError("account", username)
    return trust.check_cert(state.root_public, state.vault_id, row.body, row.signature, username)


def _newest(state: TrustState, session: DbSession, username: str) -> AccountCert | None:
    """The valid certificate with the highest number for this account (the row's pointer
    is not trusted: anyone with the DB key can point it at an older one)."""
    best = None
    for row in user_rows.certificates_of(session, username):
        try:
            cert = _check(state, row, username)
        except (TrustError, ValueError, TypeError):
            continue
        if best is None or cert.seq > best.seq:
            best = cert
    return best


def _saw(state: TrustState, cert: AccountCert) -> None:
    if cert.seq > state.certs_seen.get(cert.username, 0):
        state.certs_seen[cert.username] = cert.seq
        state.seen_changed = True


def _current(state: TrustState, session: DbSession, username: str) -> AccountCert:
    cert = _newest(state, session, username)
    if cert is None or cert.seq < state.certs_seen.get(username, 0):
        raise TrustError("account", username)
    _saw(state, cert)
    return cert


def account(state: TrustState, session: DbSession, user: User) -> AccountCert:
    """The account's certified values: its newest valid certificate, never older than one
    this user has seen. A row edited behind the program's back (role, clearance, active,
    public key) is reported and the certificate wins; no valid certificate raises."""
    try:
        cert = _current(state, session, user.username)
    except TrustError:
        _problem(state, f"account:{user.username}")
        raise HosoError("trust.account_bad", user=user.username) from None
    if not row_matches(user, cert):
        _problem(state, f"account-row:{user.username}")
    return cert


def row_matches(user: User, cert: AccountCert) -> bool:
    return (user.role == cert.role and int(user.clearance) == cert.clearance
            and bool(user.active) == cert.active and bytes(user.public_key) == cert.box_public)


def account_by_name(state: TrustState, session: DbSession, username: str
                    ) -> tuple[User, AccountCert]:
    user = user_rows.by_name(session, username)
    if user is None:
        raise HosoError("vault.no_user", user=username)
    return user, account(state, session, user)


def certified_sign_keys(state: TrustState, session: DbSession) -> set[tuple[str, bytes]]:
    """(user name, Ed25519 key) of every certificate ever issued that verifies: audit rows
    of earlier keys (before a password reset) still check."""
    found = set()
    for row in user_rows.every_certificate(session):
        try:
            cert = _check(state, row, row.username)
        except (TrustError, ValueError, TypeError):
            continue
        if cert.sign_key:
            found.add((cert.username, cert.sign_public))
    return found


# --- level keys and grants ----------------------------------------------------------------------

def record_level_key(state: TrustState, session: DbSession, level: Level, key: bytes,
                     generation: int = 1) -> None:
    fp = trust.level_fingerprint(state.vault_id, int(level), key)
    session.add(LevelKeyRecord(level=int(level), generation=generation, fingerprint=fp,
                               signature=trust.sign_level(state.root_private, state.vault_id,
                                                          int(level), generation, fp)))


def level_record_ok(state: TrustState, row: LevelKeyRecord) -> bool:
    try:
        trust.check_level(state.root_public, state.vault_id, row.level, row.generation,
                          row.fingerprint, row.signature)
        return True
    except TrustError:
        return False


def level_key_ok(state: TrustState, session: DbSession, level: Level, key: bytes,
                 generation: int = 1) -> bool:
    row = session.get(LevelKeyRecord, (int(level), generation))
    return (row is not None and level_record_ok(state, row)
            and row.fingerprint == trust.level_fingerprint(state.vault_id, int(level), key))


def current_generations(state: TrustState, session: DbSession) -> dict[int, int]:
    """The newest validly signed generation of each level's key."""
    found: dict[int, int] = {}
    for row in user_rows.level_key_records(session):
        if level_record_ok(state, row) and row.generation > found.get(row.level, 0):
            found[row.level] = row.generation
    return found


def sign_grant(state: TrustState, grant: LevelGrant, username: str) -> None:
    grant.signature = trust.sign_grant(state.root_private, state.vault_id, username, grant.level,
                                       grant.generation or 1, grant.sealed_key, grant.granted_by)


def grant_ok(state: TrustState, grant: LevelGrant, username: str) -> bool:
    try:
        trust.check_grant(state.root_public, state.vault_id, username, grant.level,
                          grant.generation or 1, grant.sealed_key, grant.granted_by,
                          grant.signature)
        return True
    except TrustError:
        return False


def _problem(state: TrustState, item: str) -> None:
    if item not in state.problems:
        state.problems.append(item)


def check_all(state: TrustState, session: DbSession) -> list[str]:
    """Every account, certificate, level key record and grant that does not verify, for
    the administrator ("account:x", "account-row:x", "cert:x", "level:2", "grant:x/2")."""
    problems: list[str] = []
    forged: list[str] = []
    newest: dict[str, AccountCert] = {}  # each certificate checked once
    for row in user_rows.certificates_by_serial(session):
        try:
            cert = _check(state, row, row.username)
        except (TrustError, ValueError, TypeError):
            item = f"cert:{row.username}"  # a certificate nobody with the root signed
            if item not in forged:
                forged.append(item)
            continue
        if row.username not in newest or cert.seq > newest[row.username].seq:
            newest[row.username] = cert
    names = {}
    for user in user_rows.by_username(session):
        names[user.id] = user.username
        cert = newest.get(user.username)
        if cert is None or cert.seq < state.certs_seen.get(user.username, 0):
            problems.append(f"account:{user.username}")
            continue
        _saw(state, cert)
        if not row_matches(user, cert):
            problems.append(f"account-row:{user.username}")
    problems += forged
    for row in user_rows.level_key_records_in_order(session):
        if not level_record_ok(state, row):
            problems.append(f"level:{row.level}" + (f".{row.generation}"
                                                    if row.generation > 1 else ""))
    for grant in user_rows.every_grant(session):
        username = names.get(grant.user_id, f"#{grant.user_id}")
        if not grant_ok(state, grant, username):
            problems.append(f"grant:{username}/{grant.level}")
    return problems
