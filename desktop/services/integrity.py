"""Is the vault whole? What `hoso verify`, the audit page's button, every backup (source
before, copy after), every restore and the check after unlock look at:

- every database page: SQLCipher checks a page's HMAC only when it reads the page, so
  damage elsewhere stays silent until `PRAGMA cipher_integrity_check` reads them all;
  then SQLite's own `integrity_check` for the structure (a page can be authentic and
  still hold a broken b-tree, e.g. a file written half-way);
- the audit chain (links, hashes, signatures: anchoring.verify_in);
- every document file: with the content key (the checker is cleared for the level)
  every chunk's tag and the end record; without it the header and the exact length the
  database's size implies (catches truncated, extended, swapped or missing files);
- the key file: readable, its MAC under the database key, a slot for every active user.

Each finding is one line saying what is damaged and what to do. Database pages are read
on a connection of their own (`database_findings`), so the check after unlock runs
beside the window's worker without holding it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.errors import VaultDamaged
from desktop.domain.messages import render
from desktop.domain.progress import Progress
from desktop.security import vault as vault_files
from desktop.security.blobs import SUFFIX, BlobDamaged, BlobStore, check_shape
from desktop.security.crypto import DecryptionFailed
from desktop.security.keyfile import KeyFile, KeyStore
from desktop.services import anchoring, audit_log
from desktop.services.context import VaultSession
from desktop.storage import vault_file
from desktop.storage.repos import DbSession, document_files
from desktop.storage.repos import users as user_rows

NOTICE = "notice"    # a finding's part when it is worth saying but nothing is damaged
_BLOB_NAME = re.compile(r"[0-9a-f]{32}\.blob")
_TEMP_NAME = re.compile(r"\.[0-9a-f]{32}\.[0-9a-f]+\.tmp")
MAX_PER_KIND = 20   # a wholly damaged file would list every page: say the first, count the rest


@dataclass(frozen=True)
class Finding:
    part: str            # database | audit | documents | keys
    key: str             # a message of messages_integrity
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "vi") -> str:
        return render(self.key, lang, **self.params)


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    audit_rows: int = 0
    blobs_full: int = 0         # every chunk authenticated
    blobs_shape: int = 0        # above the checker's clearance: header and length only

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.part != NOTICE]

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self, lang: str = "vi") -> str:
        if self.ok:
            partly = render("integrity.partly", lang, count=self.blobs_shape) \
                if self.blobs_shape else ""
            return render("integrity.ok", lang, pages=self.pages, rows=self.audit_rows,
                          blobs=self.blobs_full, partly=partly, partly_en=partly)
        return render("integrity.found", lang, count=len(self.problems))

    def ordered(self) -> list[Finding]:
        """The problems, then the notices."""
        return self.problems + [f for f in self.findings if f.part == NOTICE]

    def lines(self, lang: str = "vi") -> list[str]:
        return [f.message(lang) for f in self.ordered()]

    def to_json(self) -> dict:
        return {"ok": self.ok, "pages": self.pages, "audit_rows": self.audit_rows,
                "blobs_checked": self.blobs_full, "blobs_checked_shape_only": self.blobs_shape,
                "findings": [{"part": f.part, "key": f.key, "message": f.message("vi"),
                              "message_en": f.message("en")} for f in self.problems],
                "notices": [{"key": f.key, "message": f.message("vi"), "message_en": f.message("en")}
                            for f in self.findings if f.part == NOTICE]}


# --- the database file --------------------------------------------------------------------

def database_of(vs: VaultSession) -> tuple[bytes, Path]:
    """What database_findings needs, taken from a session (for a check on another thread)."""
    return vs.keys.db_key, vault_files.db_path(vs.vault_dir)


def database_findings(db_key: bytes, db_file: Path) -> tuple[list[Finding], int]:
    """(findings, pages) of one database file, on a connection of its own
    (storage.vault_file reads the pages)."""
    db_file = Path(db_file)
    # read-only media: opened immutable (no journal, no locks)
    checked = vault_file.check_pages(db_key, db_file, vault_files.is_read_only(db_file.parent))
    if checked.unreadable is not None:   # it does not open, or its first page is damaged
        return [Finding("database", "integrity.unreadable",
                        {"path": str(db_file), "detail": checked.unreadable})], 0
    findings: list[Finding] = []
    bad = checked.bad
    for text in bad[:MAX_PER_KIND]:
        page = "".join(ch for ch in text.rsplit(" ", 1)[-1] if ch.isdigit()) or "?"
        findings.append(Finding("database", "integrity.page", {"page": page, "detail": text}))
    if len(bad) > MAX_PER_KIND:
        findings.append(Finding("database", "integrity.more",
                                {"count": len(bad) - MAX_PER_KIND}))
    rows = checked.structure   # read only over authentic pages (None when some are not)
    if rows is not None and rows != ["ok"]:
        detail = "; ".join(" ".join(r.split()) for r in rows)[:300]
        findings.append(Finding("database", "integrity.structure", {"detail": detail}))
    return findings, checked.pages


# --- the key file ---------------------------------------------------------------------------

def keyfile_findings(vault_dir: Path | KeyStore, db_key: bytes, users: set[str] | None = None
                     ) -> list[Finding]:
    """The key file of a vault's folder, or wherever else it is kept (a server's row)."""
    path = vault_files.keys_path(vault_dir) if isinstance(vault_dir, Path) else vault_dir
    try:
        keyfile = KeyFile.load(path)
    except FileNotFoundError:
        return [Finding("keys", "integrity.keyfile", {"path": str(path), "detail": "missing"})]
    except VaultDamaged as exc:
        return [Finding("keys", "integrity.keyfile",
                        {"path": str(path), "detail": exc.params.get("detail", "")})]
    if not keyfile.verify(db_key):
        return [Finding("keys", "integrity.keyfile",
                        {"path": str(path), "detail": "MAC"})]
    return [Finding("keys", "integrity.no_slot", {"user": user})
            for user in sorted((users or set()) - set(keyfile.slots))]


# --- document files -------------------------------------------------------------------------

def blob_findings(vs: VaultSession, session: DbSession, blobs_dir: Path | None = None,
                  progress: Progress | None = None, full: bool = True
                  ) -> tuple[list[Finding], int, int]:
    """(findings, fully checked, shape only) of the document files in `blobs_dir` (the
    vault's own by default), against this vault's records. `full=False` checks only
    headers and sizes (a backup's quick look at its source)."""
    from desktop.services.documents import common as documents_common
    from desktop.services.documents import keys as documents_keys
    store = BlobStore(Path(blobs_dir)) if blobs_dir else documents_common._store(vs)
    rows = document_files.wrapped_with_records(session)
    findings: list[Finding] = []
    checked = shape = 0
    for done, (version, doc) in enumerate(rows):
        if progress:
            progress(done, len(rows))
        where = {"number": doc.number or f"#{doc.id}", "version": version.version,
                 "path": str(store.path_for(version.blob_id))}
        try:
            check_shape(store.path_for(version.blob_id), version.blob_id, version.size)
            key = documents_keys.wrapping_key(vs, session, version) if full else None
            if key is None:
                shape += 1
                continue
            try:
                content_key = documents_keys.open_content_key(vs, doc, version, key)
            except DecryptionFailed:
                raise BlobDamaged(version.blob_id, "wrong_key", where["path"]) from None
            store.verify(content_key, version.blob_id)
            checked += 1
        except BlobDamaged as exc:
            findings.append(Finding("documents", "integrity.blob", {
                **where, "reason": exc.params["reason"], "reason_en": exc.params["reason_en"]}))
    known = {v.blob_id for v, _d in rows} | document_files.blob_ids(session)
    if store.dir.is_dir():   # a file of no version: a write cut short, or planted
        for path in sorted(store.dir.rglob("*")):
            if not path.is_file() or (path.name.endswith(SUFFIX)
                                      and path.name[:-len(SUFFIX)] in known):
                continue
            # the writer's own names (a temp file, or a whole blob whose row was never
            # committed) are a write cut short: harmless, swept after an hour; anything
            # else was put there by someone
            ours = _BLOB_NAME.fullmatch(path.name) or _TEMP_NAME.fullmatch(path.name)
            findings.append(Finding(NOTICE if ours else "documents",
                                    "integrity.stray_file" if ours else "integrity.unknown_file",
                                    {"path": str(path)}))
    return findings, checked, shape


# --- the whole vault ------------------------------------------------------------------------

def verify_unopened(keys) -> Report:
    """A vault whose database does not even open: its pages and its key file (all a
    check can read without the records)."""
    report = Report()
    report.findings, report.pages = database_findings(keys.db_key, vault_files.db_path(keys.vault_dir))
    report.findings += keyfile_findings(keys.vault_dir, keys.db_key)
    if report.ok:   # the pages are sound: what failed was the records (e.g. another vault's)
        report.findings.append(Finding("database", "integrity.unreadable", {
            "path": str(vault_files.db_path(keys.vault_dir)), "detail": "records"}))
    return report


def check(vs: VaultSession, progress: Progress | None = None,
          slots: bool = True) -> Report:
    """Everything, without recording anything: pages, then (when they are sound) the audit
    chain and the document files, and the key file (`slots`: a slot for each active user)."""
    report = Report()
    # a department server's pages are PostgreSQL's to check (its own checksums, pg_amcheck)
    found, report.pages = ([], 0) if vs.server else database_findings(*database_of(vs))
    report.findings += found
    if found:   # reading records over damaged pages would only fail further on
        report.findings += keyfile_findings(vs.vault_dir, vs.keys.db_key)
        return report
    with vs.uow() as uow:
        session = uow.session
        chain = anchoring.verify_in(vs, session)
        report.audit_rows = chain.rows
        if not chain.ok:
            report.findings.append(Finding("audit", "integrity.audit",
                                           {"row": chain.broken_at, "why": chain.why}))
        blobs, report.blobs_full, report.blobs_shape = blob_findings(vs, session,
                                                                     progress=progress)
        report.findings += blobs
        users = user_rows.active_names(session) if slots else None
    report.findings += keyfile_findings(vs.keys.keyfile.path if vs.server else vs.vault_dir,
                                        vs.keys.db_key, users)
    return report


def verify_vault(vs: VaultSession, progress: Progress | None = None) -> Report:
    """Everything, as `hoso verify` and the audit page's button run it; audited (unless the
    pages themselves are damaged: a row written over them could only make things worse)."""
    report = check(vs, progress)
    if not any(f.part == "database" for f in report.findings):
        with vs.uow() as uow:
            audit_log.append(uow.session, vs.signer, vs.actor.username, "vault.verify", "",
                             findings=len(report.findings), pages=report.pages,
                             documents=report.blobs_full + report.blobs_shape)
            uow.commit()
    return report
