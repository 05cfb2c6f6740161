"""Tables (SQLAlchemy 2, typed). Enumerations are stored as their string codes;
classification levels as integers 0-3 so "level <= clearance" is one comparison.

Why one module: the schema is one piece — the migrations are checked against it whole
(tests/integration/test_migrations.py) and the tables refer to each other — and it holds
declarations only, no logic."""

from datetime import date, datetime

from sqlalchemy import (BigInteger, Boolean, Date, DateTime, Float, ForeignKey, Integer, LargeBinary, String,
                        Text, UniqueConstraint, Index)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


# VND run to hundreds of billions: SQLite's INTEGER holds 64 bits, PostgreSQL's only 32
MONEY = Integer().with_variant(BigInteger(), "postgresql")


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Vault-wide settings: vault id, rule-set choices, the due-soon window…"""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Unit(Base):
    """An organisation: a department, ministry, province, company…"""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="other")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    unit: Mapped[Unit | None] = relationship()


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    clearance: Mapped[int] = mapped_column(Integer, default=0)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # the account's current certificate (certificates.serial); role, clearance, active and
    # public_key above are copies that must match it (security.trust)
    cert_serial: Mapped[int | None] = mapped_column(Integer)


class LevelGrant(Base):
    """A level key sealed to a user's public key: the user's clearance, in cryptography."""

    __tablename__ = "level_grants"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    level: Mapped[int] = mapped_column(Integer, primary_key=True)
    # a level is re-keyed when someone loses it (disabled, clearance lowered): new
    # documents use the newest generation; those still cleared keep the older ones
    generation: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    sealed_key: Mapped[bytes] = mapped_column(LargeBinary)
    granted_by: Mapped[str] = mapped_column(String(64))
    granted_at: Mapped[datetime] = mapped_column(DateTime)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)  # by the root


class TrustRoot(Base):
    """The administrators' signing key, one row per generation. Generation 1 is pinned in
    every key slot; each later one is signed by the one before it (a rotation)."""

    __tablename__ = "trust_roots"
    generation: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    link_signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    # how many audit rows predate signatures (0 for a vault created with them), signed by
    # this generation's key: no one can rewrite the trail "in the old style"
    legacy_rows: Mapped[int] = mapped_column(Integer, default=0)
    statement: Mapped[bytes] = mapped_column(LargeBinary)


class RootSeal(Base):
    """The root's private key sealed to one administrator's X25519 key."""

    __tablename__ = "root_seals"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, primary_key=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class Certificate(Base):
    """Every account certificate ever issued (audit rows of past keys verify with them)."""

    __tablename__ = "certificates"
    serial: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    body: Mapped[str] = mapped_column(Text)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    root_generation: Mapped[int] = mapped_column(Integer)


class LevelKeyRecord(Base):
    """Each level key's fingerprint, signed by the root: an unsealed key that does not
    match is not used (a planted key)."""

    __tablename__ = "level_keys"
    level: Mapped[int] = mapped_column(Integer, primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    fingerprint: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class AnnualPlan(Base):
    __tablename__ = "annual_plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    approved_number: Mapped[str] = mapped_column(String(100), default="")
    approved_date: Mapped[date | None] = mapped_column(Date)
    # capacity: how many inspectors the plan can count on (None: the unit's active staff)
    staff_available: Mapped[int | None] = mapped_column(Integer)
    items: Mapped[list["PlanItem"]] = relationship(back_populates="plan", order_by="PlanItem.id")


class PlanItem(Base):
    __tablename__ = "plan_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("annual_plans.id", ondelete="CASCADE"))
    inspected_party: Mapped[str] = mapped_column(String(300))
    content: Mapped[str] = mapped_column(Text, default="")
    planned_quarter: Mapped[int | None] = mapped_column(Integer)
    planned_days: Mapped[int | None] = mapped_column(Integer)
    planned_team_size: Mapped[int | None] = mapped_column(Integer)
    plan: Mapped[AnnualPlan] = relationship(back_populates="items")


class PlanAmendment(Base):
    """A change of an approved plan (điều chỉnh kế hoạch), with the decision that made it:
    an item added, changed or removed (its values before and after, as text)."""

    __tablename__ = "plan_amendments"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("annual_plans.id", ondelete="CASCADE"),
                                         index=True)
    action: Mapped[str] = mapped_column(String(20))   # add / change / remove
    item_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    decision_number: Mapped[str] = mapped_column(String(100))
    decision_date: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class Case(Base):
    """An inspection (cuộc thanh tra)."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    inspected_party: Mapped[str] = mapped_column(String(300), default="")
    inspected_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    content: Mapped[str] = mapped_column(Text, default="")
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    basis: Mapped[str] = mapped_column(String(20), default="plan")
    plan_item_id: Mapped[int | None] = mapped_column(ForeignKey("plan_items.id"))
    assignment_ref: Mapped[str] = mapped_column(String(300), default="")
    decision_number: Mapped[str] = mapped_column(String(100), default="")
    decision_date: Mapped[date | None] = mapped_column(Date)
    inspecting_level: Mapped[str] = mapped_column(String(20), default="government")
    complexity: Mapped[str] = mapped_column(String(20), default="normal")
    # Law 84/2025 Art. 36: why the head is consulted on this case ("" : not a case for it)
    consultation_basis: Mapped[str] = mapped_column(String(30), default="", server_default="")
    chaired_by_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    level: Mapped[int] = mapped_column(Integer, default=0)
    stage: Mapped[str] = mapped_column(String(30), default="gathering")
    stage_date: Mapped[date | None] = mapped_column(Date)
    # derived from the events (storage/case_summary.py) so reports filter in SQL
    started_on: Mapped[date | None] = mapped_column(Date, index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)
    # "stage date days;…" in date then entry order (case_summary.trail): the engine's input
    # in one column, so a report does not gather half a million event rows
    event_trail: Mapped[str | None] = mapped_column(Text, deferred=True)
    # results (kết quả), money in VND, land in m²
    violation_money: Mapped[int] = mapped_column(MONEY, default=0)
    violation_land_m2: Mapped[float] = mapped_column(Float, default=0.0)
    recovery_money: Mapped[int] = mapped_column(MONEY, default=0)
    recovery_land_m2: Mapped[float] = mapped_column(Float, default=0.0)
    disciplined_orgs: Mapped[int] = mapped_column(Integer, default=0)
    disciplined_persons: Mapped[int] = mapped_column(Integer, default=0)
    referral_cases: Mapped[int] = mapped_column(Integer, default=0)
    referral_persons: Mapped[int] = mapped_column(Integer, default=0)
    units_inspected: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # optimistic locking: every UPDATE of the row says "WHERE version = <as read>" (the
    # services raise it), so a change committed meanwhile is never silently overwritten
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # classified: the sensitive text fields, sealed (storage.sealed); their columns hold ""
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    supervisor: Mapped[Staff | None] = relationship(foreign_keys=[supervisor_id])
    chaired_by: Mapped[Unit | None] = relationship(foreign_keys=[chaired_by_unit_id])
    team: Mapped[list["TeamMember"]] = relationship(back_populates="case", order_by="TeamMember.id",
                                                    cascade="all, delete-orphan")
    events: Mapped[list["CaseEvent"]] = relationship(back_populates="case",
                                                     order_by="(CaseEvent.event_date, CaseEvent.id)",
                                                     cascade="all, delete-orphan")

    __table_args__ = (Index("ix_cases_stage", "stage"), Index("ix_cases_decision_date", "decision_date"),
                      # covering indexes: the dashboard's counts read these, not the
                      # wide rows (100 000 cases: a fraction of the pages to decrypt)
                      Index("ix_cases_open_level", "closed_on", "level"),
                      Index("ix_cases_stage_level", "stage", "level"),
                      Index("ix_cases_started_level", "started_on", "level", "closed_on"))


class TeamMember(Base):
    __tablename__ = "team_members"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    role: Mapped[str] = mapped_column(String(20), default="member")
    # membership dates (None: from the start / still on the team); a replaced leader keeps
    # their row with its end date
    from_date: Mapped[date | None] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)
    case: Mapped[Case] = relationship(back_populates="team")
    staff: Mapped[Staff] = relationship()


class CaseEvent(Base):
    """A workflow step: stage, date, who recorded it, the document that proves it."""

    __tablename__ = "case_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    # the dashboard's conclusions per month read this index alone; the date leads, so
    # per-case lookups by stage keep using the case_id index (stage first made SQLite
    # pick this one for them: 10× slower summary refreshes)
    __table_args__ = (Index("ix_case_events_date_stage", "event_date", "stage", "voided_at",
                            "case_id"),)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(30))
    event_date: Mapped[date] = mapped_column(Date)
    days: Mapped[int | None] = mapped_column(Integer)  # extension length, when the stage has one
    doc_ref: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    # a wrong event is never deleted: it is voided (with its reason) or replaced by a
    # correction that names it; only live events (voided_at NULL) count for deadlines
    voided_at: Mapped[datetime | None] = mapped_column(DateTime)
    voided_by: Mapped[str] = mapped_column(String(64), default="")
    void_reason: Mapped[str] = mapped_column(Text, default="")
    corrects_id: Mapped[int | None] = mapped_column(Integer)
    # classified: the sensitive text fields, sealed (storage.sealed); their columns hold ""
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    case: Mapped[Case] = relationship(back_populates="events")


class CaseChange(Base):
    """One field of a case changed after its creation: old → new, who, when, why. Never
    edited or deleted; for a classified case the values are sealed with it."""

    __tablename__ = "case_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class OpinionRequest(Base):
    """A request for opinions (xin ý kiến): to a ministry, a locality, the PM…"""

    __tablename__ = "opinion_requests"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    addressee: Mapped[str] = mapped_column(String(300))
    addressee_kind: Mapped[str] = mapped_column(String(30), default="ministry")
    subject: Mapped[str] = mapped_column(Text, default="")
    doc_ref: Mapped[str] = mapped_column(String(300), default="")
    sent_date: Mapped[date] = mapped_column(Date)
    # the day the head received it: the reply's limit counts from it where the law says so
    received_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    answered_date: Mapped[date | None] = mapped_column(Date)
    answer_ref: Mapped[str] = mapped_column(String(300), default="")
    answer_gist: Mapped[str] = mapped_column(Text, default="")  # what the reply says, in short
    # classified: the sensitive text fields, sealed (storage.sealed); their columns hold ""
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class Directive(Base):
    """An assigned task or directive (nhiệm vụ được giao / chỉ đạo) with a due date."""

    __tablename__ = "directives"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    issuer: Mapped[str] = mapped_column(String(300))
    doc_ref: Mapped[str] = mapped_column(String(300), default="")
    content: Mapped[str] = mapped_column(Text)
    issued_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open / done / cancelled
    done_date: Mapped[date | None] = mapped_column(Date)
    assignee: Mapped[str] = mapped_column(String(200), default="")
    report_ref: Mapped[str] = mapped_column(String(300), default="")  # the completion report
    # classified: the sensitive text fields, sealed (storage.sealed); their columns hold ""
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class Recommendation(Base):
    """A recommendation of a conclusion (kiến nghị): what is to be done, by whom, by when;
    money or land where it has an amount. Followed up by dated updates."""

    __tablename__ = "recommendations"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    addressee: Mapped[str] = mapped_column(String(300), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    amount_money: Mapped[int] = mapped_column(BigInteger, default=0)
    area_m2: Mapped[float] = mapped_column(Float, default=0.0)
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    recovered_money: Mapped[int] = mapped_column(BigInteger, default=0)  # so far
    recovered_area_m2: Mapped[float] = mapped_column(Float, default=0.0)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class RecommendationUpdate(Base):
    """A dated follow-up of a recommendation: status and the total recovered by then."""

    __tablename__ = "recommendation_updates"
    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    update_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    recovered_money: Mapped[int] = mapped_column(BigInteger, default=0)
    recovered_area_m2: Mapped[float] = mapped_column(Float, default=0.0)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class OpinionReminder(Base):
    """A reminder sent about an unanswered request (văn bản đôn đốc)."""

    __tablename__ = "opinion_reminders"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("opinion_requests.id", ondelete="CASCADE"),
                                            index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    sent_date: Mapped[date] = mapped_column(Date)
    doc_ref: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class DirectiveNote(Base):
    """A dated progress note on a directive."""

    __tablename__ = "directive_notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directives.id", ondelete="CASCADE"),
                                              index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    note_date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class DocumentRecord(Base):
    """A document's metadata (number/symbol, type, date, issuer, summary, level)."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(100), default="")
    doc_type: Mapped[str] = mapped_column(String(40), default="")
    doc_date: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # the state-secret registers (forms 14, 15): direction, the classified documents' own
    # per-year sequence, and the fields of the forms (services/documents.py)
    direction: Mapped[str] = mapped_column(String(10), default="internal")
    reg_year: Mapped[int | None] = mapped_column(Integer)
    reg_seq: Mapped[int | None] = mapped_column(Integer)
    received_date: Mapped[date | None] = mapped_column(Date)
    sender: Mapped[str] = mapped_column(String(300), default="")
    recipient: Mapped[str] = mapped_column(String(500), default="")
    signer: Mapped[str] = mapped_column(String(200), default="")
    handler: Mapped[str] = mapped_column(String(200), default="")
    copies: Mapped[int] = mapped_column(Integer, default=1)
    note: Mapped[str] = mapped_column(Text, default="")
    # protection period (Law 29/2018 Art. 19): from the classification date, by level
    classified_on: Mapped[date | None] = mapped_column(Date)
    protection_until: Mapped[date | None] = mapped_column(Date)
    destroyed_at: Mapped[datetime | None] = mapped_column(DateTime)
    destroyed_by: Mapped[str] = mapped_column(String(64), default="")
    created_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    # classified: the sensitive text fields, sealed (storage.sealed); their columns hold ""
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)

    __table_args__ = (
        Index("ux_documents_register", "direction", "reg_year", "reg_seq", unique=True),
        Index("ix_documents_protection_until", "protection_until"),
    )


class DocumentVersion(Base):
    """One version of a document's content: a blob in blobs/ encrypted with its own
    content key, wrapped by the level key of `key_level`. Destroyed: wrapped_key is NULL."""

    __tablename__ = "document_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    version: Mapped[int] = mapped_column(Integer)
    blob_id: Mapped[str] = mapped_column(String(64), unique=True)
    wrapped_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_level: Mapped[int] = mapped_column(Integer)
    key_generation: Mapped[int] = mapped_column(Integer, default=1)
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[bytes] = mapped_column(LargeBinary)
    file_name: Mapped[str] = mapped_column(String(260), default="")
    mime_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    note: Mapped[str] = mapped_column(Text, default="")
    index_state: Mapped[str] = mapped_column(String(20), default="none")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # classified: the sensitive text fields, sealed (storage.sealed); their columns hold ""
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)

    __table_args__ = (UniqueConstraint("document_id", "version", name="uq_document_versions"),)


class DocumentText(Base):
    """A version's extracted text for search snippets, sealed with a key derived from the
    version's content key: destroying the content key destroys it too."""

    __tablename__ = "document_texts"
    version_id: Mapped[int] = mapped_column(
        ForeignKey("document_versions.id", ondelete="CASCADE"), primary_key=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class DocIndexMap(Base):
    """doc_search rowid (= document version id) → document and level, for
    "level <= clearance" in SQL. The FTS5 table itself is made by the migration."""

    __tablename__ = "doc_index_map"
    version_id: Mapped[int] = mapped_column(
        ForeignKey("document_versions.id", ondelete="CASCADE"), primary_key=True)
    document_id: Mapped[int] = mapped_column(Integer, index=True)
    level: Mapped[int] = mapped_column(Integer, index=True)


class DocumentEvent(Base):
    """Classification, level changes, declassification, extensions, destruction."""

    __tablename__ = "document_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    kind: Mapped[str] = mapped_column(String(30))
    event_date: Mapped[date] = mapped_column(Date)
    from_level: Mapped[int | None] = mapped_column(Integer)
    to_level: Mapped[int | None] = mapped_column(Integer)
    years: Mapped[int | None] = mapped_column(Integer)
    until: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    reference: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    # classified: the sensitive text fields, sealed (storage.sealed); their columns hold ""
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class DocumentCopy(Base):
    """A copy made of a document (copy register, Circular 24/2020/TT-BCA form 12)."""

    __tablename__ = "document_copies"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    copy_date: Mapped[date] = mapped_column(Date, index=True)
    copies: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(40), default="")
    approved_by: Mapped[str] = mapped_column(String(200))
    made_by: Mapped[str] = mapped_column(String(200), default="")
    recipients: Mapped[str] = mapped_column(String(500), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    # classified: the sensitive text fields, sealed (storage.sealed); their columns hold ""
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class BlobChunk(Base):
    """A piece of a document's encrypted file, on a department server (storage.blob_rows):
    the ciphertext as the vault's blobs/ folder holds it, never clear text."""

    __tablename__ = "blob_chunks"
    blob_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[bytes] = mapped_column(LargeBinary)


class CalendarOverride(Base):
    """An administrator's change to the shipped holiday calendar (kind "working_day"
    cancels a shipped day off)."""

    __tablename__ = "calendar_overrides"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    edited_by: Mapped[str] = mapped_column(String(64))
    edited_at: Mapped[datetime] = mapped_column(DateTime)


class AuditRow(Base):
    """Append-only (triggers refuse UPDATE/DELETE), hash-chained and signed by each row's
    author (security.audit). No confidential contents:
    targets are codes and ids, details are counts and field names."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(40))  # ISO timestamp, UTC
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(String(300), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[bytes] = mapped_column(LargeBinary)
    hash: Mapped[bytes] = mapped_column(LargeBinary)
    signer_key: Mapped[bytes | None] = mapped_column(LargeBinary)  # NULL: a legacy HMAC row
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)

    __table_args__ = (UniqueConstraint("prev_hash", name="uq_audit_prev"),)



class DeadlineIndexCase(Base):
    """A case whose pending deadlines are in deadline_index (storage.deadline_index);
    a trigger deletes it when the case's facts change, so a missing row means stale."""

    __tablename__ = "deadline_index_cases"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True)
    volatile: Mapped[bool] = mapped_column(Boolean, default=False, index=True)


class DeadlineIndexRow(Base):
    """One pending (unmet) deadline of an open case by due date, with the case's code
    and level copied (a trigger drops the rows when they change): the dashboard counts
    and orders what is overdue in SQL on one covering index."""

    __tablename__ = "deadline_index"
    __table_args__ = (Index("ix_deadline_index_due", "due", "code", "kind", "level",
                            "working", "case_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(60))
    level: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    due: Mapped[date] = mapped_column(Date)
    working: Mapped[bool] = mapped_column(Boolean, default=False)
