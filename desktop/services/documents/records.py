"""The register's inputs and outputs: what a caller gives and gets back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.domain.levels import Level
from desktop.domain.state_secrets import Direction

# --- inputs and outputs ----------------------------------------------------------------

@dataclass
class DocumentInput:
    """A document's register record. `case_code` None: not attached to a case."""

    number: str
    doc_type: str = ""
    level: Level = Level.THUONG
    case_code: str | None = None
    doc_date: date | None = None
    issuer: str = ""
    summary: str = ""
    note: str = ""
    direction: Direction = Direction.INTERNAL
    received_date: date | None = None   # incoming: ngày đến
    sender: str = ""                    # incoming: nơi gửi (default: the issuer)
    recipient: str = ""                 # outgoing: nơi nhận
    signer: str = ""                    # outgoing: người ký
    handler: str = ""                   # người/đơn vị nhận xử lý, lưu
    copies: int = 1                     # số lượng bản
    classified_on: date | None = None   # default: the document's date


@dataclass(frozen=True)
class DocumentRow:
    """A line of a listing. A viewer below the document's level sees that it exists
    (number, type, date, level, direction) and nothing of what it says: `cleared` is
    False and summary, issuer and file name are None."""

    id: int
    case_code: str | None
    number: str
    doc_type: str
    doc_date: date | None
    level: Level
    direction: Direction
    cleared: bool
    summary: str | None
    issuer: str | None
    versions: int
    latest_version: int | None
    size: int | None
    file_name: str | None
    mime_type: str | None
    destroyed: bool
    protection_until: date | None
    reg_year: int | None
    reg_seq: int | None

    def to_json(self) -> dict:
        return {"id": self.id, "case": self.case_code, "number": self.number,
                "type": self.doc_type, "date": _iso(self.doc_date), "level": self.level.label_vi,
                "level_code": self.level.code, "direction": self.direction.value,
                "cleared": self.cleared, "summary": self.summary, "issuer": self.issuer,
                "versions": self.versions, "latest_version": self.latest_version,
                "size": self.size, "file_name": self.file_name, "mime_type": self.mime_type,
                "destroyed": self.destroyed, "protection_until": _iso(self.protection_until),
                "register": ({"year": self.reg_year, "seq": self.reg_seq}
                             if self.reg_seq is not None else None)}


@dataclass(frozen=True)
class VersionInfo:
    version: int
    size: int
    sha256: str  # hex, of the clear content ("" when the viewer cannot open it)
    file_name: str
    mime_type: str
    note: str
    created_by: str
    created_at: datetime
    index_state: str
    destroyed: bool

    def to_json(self) -> dict:
        return {"version": self.version, "size": self.size, "sha256": self.sha256,
                "file_name": self.file_name, "mime_type": self.mime_type, "note": self.note,
                "created_by": self.created_by, "created_at": self.created_at.isoformat(
                    timespec="seconds"), "index_state": self.index_state,
                "destroyed": self.destroyed}


@dataclass(frozen=True)
class EventInfo:
    kind: str  # classified, level_change, declassified, extended, destroyed
    date: date
    from_level: Level | None
    to_level: Level | None
    years: int | None
    until: date | None
    decided_by: str
    reference: str
    reason: str
    recorded_by: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "date": _iso(self.date),
                "from_level": self.from_level.label_vi if self.from_level is not None else None,
                "to_level": self.to_level.label_vi if self.to_level is not None else None,
                "years": self.years, "until": _iso(self.until), "decided_by": self.decided_by,
                "reference": self.reference, "reason": self.reason,
                "recorded_by": self.recorded_by}


@dataclass(frozen=True)
class CopyInfo:
    id: int
    document_id: int
    copy_date: date
    copies: int
    level: Level
    method: str
    approved_by: str
    made_by: str
    recipients: str
    reason: str

    def to_json(self) -> dict:
        return {"id": self.id, "document_id": self.document_id, "date": _iso(self.copy_date),
                "copies": self.copies, "level": self.level.label_vi, "method": self.method,
                "approved_by": self.approved_by, "made_by": self.made_by,
                "recipients": self.recipients, "reason": self.reason}


@dataclass(frozen=True)
class DocumentDetail:
    row: DocumentRow
    received_date: date | None = None
    sender: str | None = None
    recipient: str | None = None
    signer: str | None = None
    handler: str | None = None
    copies: int | None = None
    note: str | None = None
    classified_on: date | None = None
    created_by: str | None = None
    versions: list[VersionInfo] = field(default_factory=list)
    events: list[EventInfo] = field(default_factory=list)
    copy_records: list[CopyInfo] = field(default_factory=list)

    def to_json(self) -> dict:
        data = self.row.to_json()
        data.update({"received_date": _iso(self.received_date), "sender": self.sender,
                     "recipient": self.recipient, "signer": self.signer,
                     "handler": self.handler, "copies": self.copies, "note": self.note,
                     "classified_on": _iso(self.classified_on), "created_by": self.created_by,
                     "version_list": [v.to_json() for v in self.versions],
                     "events": [e.to_json() for e in self.events],
                     "copy_records": [c.to_json() for c in self.copy_records]})
        return data


@dataclass(frozen=True)
class SearchHit:
    row: DocumentRow
    version: int | None  # the version whose content matched; None: the record matched
    snippet: str

    def to_json(self) -> dict:
        data = self.row.to_json()
        data.update({"matched_version": self.version, "snippet": self.snippet})
        return data


@dataclass(frozen=True)
class ExtensionResult:
    row: DocumentRow
    previous_until: date
    until: date
    late: bool  # decided less than the rules' notice days before the period ended
    notice_days: int


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


