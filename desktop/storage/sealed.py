"""Classified records sealed at the storage boundary (desktop.security.records).

Which fields of which tables are sealed is declared once (SPECS). A row above Thường
stores "" in those columns and the fields in `sealed`, under the key of its level
(its own, or its case's / document's) at the current generation:
- ORM writes are sealed in `before_flush`: new and changed rows, and the children of a
  case or document whose level changed. New classified rows get their id before the
  INSERT (it is in the associated data), so no clear value is ever written.
- ORM loads are opened in the `load`/`refresh` events, straight into the committed
  state: services read `case.title` as before, and an unchanged row is never written.
- Column queries and raw SQL open with the SQL function hoso_open (`opened`,
  `opened_sql`), registered on every connection of the engine.
The level keys come from the unlocked session (`install`) and stay in RAM only.

A row is never resealed under a lower level than it is sealed at unless its level
(or its parent's) was changed through the program in the same flush: a level lowered
behind the program's back cannot make the next edit hand the fields to a lower key.
"""

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeAlias, cast
from weakref import WeakKeyDictionary

from sqlalchemy import (ColumnElement, Connection, Engine, Label, case as sql_case, event, func,
                        inspect, literal, select)
from sqlalchemy.orm import QueryContext, Session, UOWTransaction, attributes

from desktop.domain.errors import PermissionDenied
from desktop.domain.levels import Level
from desktop.storage import orm

# the rows that carry sealed fields (one Spec each, below): a case and a document have a
# level of their own, the others are sealed at their parent's
Levelled: TypeAlias = orm.Case | orm.DocumentRecord
SealedRow: TypeAlias = (Levelled | orm.CaseEvent | orm.CaseChange | orm.OpinionRequest
                        | orm.OpinionReminder | orm.Directive | orm.DirectiveNote
                        | orm.Recommendation | orm.RecommendationUpdate | orm.DocumentVersion
                        | orm.DocumentEvent | orm.DocumentCopy)


@dataclass(frozen=True)
class Spec:
    model: type[SealedRow]
    fields: tuple[str, ...]
    parent: tuple[str, type[Levelled]] | None = None  # (foreign key attribute, parent model)


SPECS: dict[str, Spec] = {spec.model.__tablename__: spec for spec in (
    Spec(orm.Case, ("title", "inspected_party", "content", "decision_number", "assignment_ref")),
    Spec(orm.CaseEvent, ("doc_ref", "note", "void_reason"), ("case_id", orm.Case)),
    Spec(orm.CaseChange, ("old_value", "new_value", "reason"), ("case_id", orm.Case)),
    Spec(orm.OpinionRequest, ("addressee", "subject", "doc_ref", "answer_ref", "answer_gist"),
         ("case_id", orm.Case)),
    Spec(orm.OpinionReminder, ("doc_ref", "note"), ("case_id", orm.Case)),
    Spec(orm.Directive, ("issuer", "doc_ref", "content", "assignee", "report_ref"),
         ("case_id", orm.Case)),
    Spec(orm.DirectiveNote, ("note",), ("case_id", orm.Case)),
    Spec(orm.Recommendation, ("addressee", "content"), ("case_id", orm.Case)),
    Spec(orm.RecommendationUpdate, ("note",), ("case_id", orm.Case)),
    Spec(orm.DocumentRecord, ("number", "summary", "issuer", "sender", "recipient", "signer",
                              "handler", "note")),
    Spec(orm.DocumentVersion, ("file_name", "note"), ("document_id", orm.DocumentRecord)),
    Spec(orm.DocumentEvent, ("decided_by", "reference", "reason"),
         ("document_id", orm.DocumentRecord)),
    Spec(orm.DocumentCopy, ("approved_by", "made_by", "recipients", "reason"),
         ("document_id", orm.DocumentRecord)),
)}
_BY_MODEL: dict[type[SealedRow], Spec] = {spec.model: spec for spec in SPECS.values()}
# each parent's child tables, with the attribute naming the parent
_CHILDREN: dict[type[Levelled], list[tuple[type[SealedRow], str]]] = {
    parent: [(spec.model, spec.parent[0]) for spec in SPECS.values()
             if spec.parent and spec.parent[1] is parent]
    for parent in (orm.Case, orm.DocumentRecord)}
EXTRA = "_extra"  # JSON key of what a sealed row carries besides its columns (a case's team)


class SearchTokens(Protocol):
    """A level's keyed search tokens (security.records.TokenMaker)."""

    def prefix_body(self, folded: str) -> str: ...

    def query_token(self, word: str) -> str | None: ...


class RecordKeyring(Protocol):
    """The record keys as storage uses them (security.records.RecordKeys, which storage
    does not import: the layers are siblings)."""

    def open(self, table: str, row_id: int, sealed: bytes | None) -> dict[str, Any] | None: ...

    def field(self, table: str, row_id: int, sealed: bytes | None, name: str) -> str: ...

    def can_seal(self, level: int) -> bool: ...

    def seal(self, table: str, row_id: int, level: int, fields: dict[str, Any]) -> bytes: ...

    def level_of(self, sealed: bytes | None) -> int: ...

    def token_makers(self, max_level: int) -> Sequence[tuple[int, SearchTokens]]: ...

    def current_maker(self, level: int) -> SearchTokens: ...


class InstalledKeys(RecordKeyring, Protocol):
    """An unlocked user's record keys, handed to `install`."""

    def clear(self) -> None: ...


class _NoKeys:
    """Before a user is unlocked (and after the lock): nothing opens, nothing seals."""

    def open(self, table: str, row_id: int, sealed: bytes | None) -> dict[str, Any] | None:
        return None

    def field(self, table: str, row_id: int, sealed: bytes | None, name: str) -> str:
        return ""

    def can_seal(self, level: int) -> bool:
        return False

    def seal(self, table: str, row_id: int, level: int, fields: dict[str, Any]) -> bytes:
        raise PermissionDenied("perm.no_level_key", level=Level(int(level)).label_vi)

    def level_of(self, sealed: bytes | None) -> int:
        return 0

    def token_makers(self, max_level: int) -> Sequence[tuple[int, SearchTokens]]:
        return []

    def current_maker(self, level: int) -> SearchTokens:
        raise PermissionDenied("perm.no_level_key", level=Level(int(level)).label_vi)


_NO_KEYS = _NoKeys()
_KEYS: WeakKeyDictionary[Engine, InstalledKeys] = WeakKeyDictionary()


def install(engine: Engine, keys: InstalledKeys) -> None:
    """Give the engine the unlocked user's record keys (security.records.RecordKeys)."""
    _KEYS[engine] = keys


def uninstall(engine: Engine) -> None:
    found = _KEYS.pop(engine, None)
    if found is not None:
        found.clear()


def keys_of(bind: Session | Engine | Connection) -> RecordKeyring:
    """The record keys of an engine (or of a connection's / session's engine)."""
    if isinstance(bind, Session):
        bind = bind.get_bind()
    return _KEYS.get(bind.engine, _NO_KEYS)


def register(engine: Engine, dbapi_conn: Any) -> None:
    """hoso_open(sealed, table, id, field) on a new connection of `engine` (`dbapi_conn`:
    the driver's own connection, untyped)."""

    def hoso_open(sealed: bytes | None, table: str, row_id: int, name: str) -> str:
        return keys_of(engine).field(table, row_id, sealed, name)

    dbapi_conn.create_function("hoso_open", 4, hoso_open)


_MARKER = re.compile("\x01hoso-sealed:([a-z_]+):([0-9]+):([a-z_]+):([0-9a-f]*)\x02")


def register_server(engine: Engine, dbapi_conn: Any) -> None:
    """The same on a department server's connection (psycopg's own): the server's
    hoso_open returns the sealed bytes in a marker (storage.migrations.ddl), and every text
    value read on this connection has its markers opened here, with the session's keys —
    also inside a value the query built around them (a group_concat of documents)."""
    from psycopg.types.string import TextLoader

    def opened_markers(found: "re.Match[str]") -> str:
        table, row_id, name, blob = found.groups()
        return keys_of(engine).field(table, int(row_id), bytes.fromhex(blob), name)

    class OpeningLoader(TextLoader):
        def load(self, data: Any) -> str:
            value = cast(str, super().load(data))
            return _MARKER.sub(opened_markers, value) if "\x01" in value else value

    # text only: the marker is text, and so is anything built around it (a CASE with a
    # varchar column, a concatenation); plain varchar columns keep psycopg's own C loader
    dbapi_conn.adapters.register_loader("text", OpeningLoader)


# --- reading through SQL ------------------------------------------------------------------

def opened_value(model: type[SealedRow], name: str) -> ColumnElement[str]:
    """A column as its readers see it: the clear value, or the sealed one opened."""
    table = model.__table__
    return sql_case((table.c.sealed.is_(None), table.c[name]),
                    else_=func.hoso_open(table.c.sealed, literal(model.__tablename__), table.c.id,
                                         literal(name)))


def opened(model: type[SealedRow], name: str) -> Label[Any]:
    """opened_value, labelled with the column's name (for a select list). Typed Label[Any],
    not Label[str]: the repositories type such select lists Select[Any]."""
    return opened_value(model, name).label(name)


def opened_sql(alias: str, table: str, name: str) -> str:
    """The same for hand-written SQL (`alias` names the table in the query)."""
    return (f"(CASE WHEN {alias}.sealed IS NULL THEN {alias}.{name} ELSE "
            f"hoso_open({alias}.sealed, '{table}', {alias}.id, '{name}') END)")


# --- the ORM hooks -------------------------------------------------------------------------

def _open_into(target: SealedRow, spec: Spec, keys: RecordKeyring) -> None:
    sealed = target.__dict__.get("sealed")
    if sealed is None:
        return
    found = keys.open(spec.model.__tablename__, target.id, sealed)
    if found is None:
        return  # not cleared: the columns stay as stored ("")
    broken = "" in found  # fails to open under a key the reader holds
    for name in spec.fields:
        value = found[""] if broken else found.get(name, "")
        attributes.set_committed_value(target, name, value if isinstance(value, str) else "")
    target.__dict__["sealed_extra"] = {} if broken else dict(found.get(EXTRA) or {})


def _on_load(target: SealedRow, context: QueryContext) -> None:
    spec = _BY_MODEL.get(type(target))
    if spec is not None:
        _open_into(target, spec, keys_of(context.session))


def _on_refresh(target: SealedRow, context: QueryContext, attrs: Collection[str] | None
                ) -> None:
    if attrs is None or "sealed" in attrs or any(a in attrs for a in _BY_MODEL[type(target)].fields):
        _open_into(target, _BY_MODEL[type(target)], keys_of(context.session))


for _spec in SPECS.values():
    event.listen(_spec.model, "load", _on_load)
    event.listen(_spec.model, "refresh", _on_refresh)


def mark(session: Session, obj: SealedRow) -> None:
    """Seal (or re-seal) this row at the next flush even if nothing in it changed."""
    session.info.setdefault("hoso_reseal", set()).add(obj)


def extra(obj: SealedRow) -> dict[str, Any]:
    """What a sealed row carries besides its columns (a classified case's team)."""
    found: dict[str, Any] = obj.__dict__.setdefault("sealed_extra", {})
    return found


def _changed(obj: orm.Base, names: Iterable[str]) -> bool:
    state = inspect(obj)
    return any(state.attrs[n].history.has_changes() for n in names)


class _Flush:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.keys = keys_of(session)
        self.next_id: dict[str, int] = {}
        self.levels: dict[tuple[type[Levelled], int], tuple[int, int, bool]] = {}
        self.restore: list[tuple[SealedRow, dict[str, Any]]] = []

    def parent_level(self, model: type[Levelled], parent_id: int | None) -> tuple[int, int, bool]:
        """(row level, sealed-at level, level changed in this flush) of a case/document."""
        if parent_id is None:
            return 0, 0, False
        key = (model, parent_id)
        if key not in self.levels:
            obj: Levelled | None = self.session.identity_map.get(
                self.session.identity_key(model, parent_id))
            if obj is not None:
                self.levels[key] = (int(obj.level or 0), self.keys.level_of(obj.__dict__.get("sealed")),
                                    _changed(obj, ["level"]))
            else:
                row = self.session.execute(select(model.level, model.sealed).where(
                    model.id == parent_id)).first()
                self.levels[key] = (int(row[0] or 0), self.keys.level_of(row[1]), False) if row else (0, 0, False)
        return self.levels[key]

    def target_level(self, obj: SealedRow, spec: Spec, explicit: bool) -> int:
        own_sealed = self.keys.level_of(obj.__dict__.get("sealed"))
        if spec.parent is None:
            # a row without a parent is a case or a document: it has a level of its own
            level = int(cast(Levelled, obj).level or 0)
            if explicit or _changed(obj, ["level"]):
                return level
            return max(level, own_sealed)
        fk, parent = spec.parent
        level, parent_sealed, parent_changed = self.parent_level(parent, getattr(obj, fk))
        if explicit or parent_changed:
            return level
        return max(level, parent_sealed, own_sealed)

    def assign_id(self, obj: SealedRow, spec: Spec) -> None:
        table = spec.model.__tablename__
        if self.session.get_bind().dialect.name == "postgresql":
            # the server's sequence: other users insert meanwhile, and rows above this
            # user's clearance are not in their max(id)
            from desktop.storage.repos import driver
            [obj.id] = driver.new_ids(self.session, table, 1)
            return
        if table not in self.next_id:
            self.next_id[table] = (self.session.execute(
                select(func.max(spec.model.id))).scalar() or 0) + 1
        obj.id = self.next_id[table]
        self.next_id[table] += 1

    def write(self, obj: SealedRow, spec: Spec, explicit: bool) -> None:
        level = self.target_level(obj, spec, explicit)
        values: dict[str, Any] = {name: getattr(obj, name) or "" for name in spec.fields}
        if level <= 0:
            if obj.__dict__.get("sealed") is not None:
                obj.sealed = None
                for name, value in values.items():
                    # back in clear (the level was lowered here); the committed value is
                    # already the clear one, so say it changed
                    setattr(obj, name, value)
                    attributes.flag_modified(obj, name)
            return
        if obj.id is None:
            self.assign_id(obj, spec)
        payload: dict[str, Any] = dict(values)
        more = obj.__dict__.get("sealed_extra")
        if more:
            payload[EXTRA] = more
        obj.sealed = self.keys.seal(spec.model.__tablename__, obj.id, level, payload)
        for name in spec.fields:
            setattr(obj, name, "")
        self.restore.append((obj, values))


def _before_flush(session: Session, _context: UOWTransaction,
                  _instances: Sequence[object] | None) -> None:
    marked: set[orm.Base] = session.info.pop("hoso_reseal", set())
    work = _Flush(session)
    with session.no_autoflush:
        # a case or document whose level changes takes its children with it
        for obj in list(session.dirty):
            if type(obj) in _CHILDREN and _changed(obj, ["level"]) and obj.id is not None:
                for model, fk_name in _CHILDREN[type(obj)]:
                    fk = getattr(model, fk_name)
                    marked.update(session.execute(select(model).where(fk == obj.id)).scalars())
        todo: list[tuple[SealedRow, Spec, bool]] = []
        for obj in list(session.new) + list(session.dirty) + list(marked):
            spec = _BY_MODEL.get(type(obj))
            if spec is None or obj in session.deleted:
                continue
            fresh = obj in session.new
            own = (spec.parent[0],) if spec.parent else ("level",)
            if fresh or obj in marked or _changed(obj, spec.fields + own):
                todo.append((obj, spec, obj in marked and not fresh))
        # every new row of these tables gets its id now (a classified one needs it for its
        # associated data; SQLite's own choice for the others could collide with it)
        for obj, spec, _explicit in todo:
            if obj in session.new and obj.id is None:
                work.assign_id(obj, spec)
        done: set[int] = set()
        for obj, spec, explicit in todo:
            if id(obj) not in done:
                done.add(id(obj))
                work.write(obj, spec, explicit)
    session.info["hoso_restore"] = work.restore


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    # the instances keep their clear values in memory (committed, so never written back)
    for obj, values in session.info.pop("hoso_restore", []):
        for name, value in values.items():
            attributes.set_committed_value(obj, name, value)


event.listen(Session, "before_flush", _before_flush)
event.listen(Session, "after_flush_postexec", _after_flush)

