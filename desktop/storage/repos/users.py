"""Accounts and what the root signs for them: users, their sealed level-key grants, their
certificates, the root's generations and its sealed copies, the level keys' signed
records (services.certs, levels, users, root_rotation and trust_upgrade check and write
them; security.trust explains the model)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.storage.orm import Certificate, LevelGrant, LevelKeyRecord, RootSeal, TrustRoot, User

# --- users --------------------------------------------------------------------------------


def exists(session: Session, username: str) -> bool:
    return session.execute(select(User.id).where(User.username == username)).first() is not None


def by_name(session: Session, username: str) -> User | None:
    return session.execute(select(User).where(User.username == username)).scalar()


def every(session: Session) -> Iterable[User]:
    """Every account, in no particular order."""
    return session.execute(select(User)).scalars()


def by_username(session: Session) -> Iterable[User]:
    """Every account, by user name."""
    return session.execute(select(User).order_by(User.username)).scalars()


def by_id(session: Session) -> Iterable[User]:
    """Every account, oldest first."""
    return session.execute(select(User).order_by(User.id)).scalars()


def active_names(session: Session) -> set[str]:
    """The user names of the active accounts (as the rows say)."""
    return set(session.execute(select(User.username).where(User.active)).scalars())


# --- level-key grants ------------------------------------------------------------------------

def grants_of(session: Session, user_id: int) -> Iterable[LevelGrant]:
    return session.execute(select(LevelGrant).where(LevelGrant.user_id == user_id)).scalars()


def every_grant(session: Session) -> Iterable[LevelGrant]:
    return session.execute(select(LevelGrant)).scalars()


def delete_grants_of(session: Session, user_id: int) -> None:
    """Every sealed level key of this account, every level and generation."""
    session.execute(delete(LevelGrant).where(LevelGrant.user_id == user_id))


# --- certificates -------------------------------------------------------------------------

def certificates_of(session: Session, username: str) -> Iterable[Certificate]:
    return session.execute(select(Certificate).where(Certificate.username == username)
                           ).scalars()


def every_certificate(session: Session) -> Iterable[Certificate]:
    """Every certificate ever issued, in no particular order."""
    return session.execute(select(Certificate)).scalars()


def certificates_by_serial(session: Session) -> Iterable[Certificate]:
    """Every certificate ever issued, oldest first."""
    return session.execute(select(Certificate).order_by(Certificate.serial)).scalars()


# --- the root ---------------------------------------------------------------------------------

def roots(session: Session) -> Iterable[TrustRoot]:
    """The root's generations, first to last."""
    return session.execute(select(TrustRoot).order_by(TrustRoot.generation)).scalars()


def has_roots(session: Session) -> bool:
    return session.execute(select(TrustRoot.generation).limit(1)).first() is not None


def delete_root_seals(session: Session) -> None:
    """Every administrator's sealed copy of the root, of every generation."""
    session.execute(delete(RootSeal))


# --- level keys' signed records -------------------------------------------------------------

def level_key_records(session: Session) -> Iterable[LevelKeyRecord]:
    """Every level key record, in no particular order."""
    return session.execute(select(LevelKeyRecord)).scalars()


def level_key_records_in_order(session: Session) -> Iterable[LevelKeyRecord]:
    """Every level key record, by level and generation."""
    return session.execute(select(LevelKeyRecord).order_by(LevelKeyRecord.level,
                                                            LevelKeyRecord.generation)).scalars()
