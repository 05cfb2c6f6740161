"""Rows written in clear before records were sealed (a vault from before migration 0007,
an upgraded version-1 vault), found to be sealed now."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.storage.orm import Base
from desktop.storage.sealed import Levelled, SealedRow, Spec


def unsealed(session: Session, spec: Spec, levels: Sequence[int]) -> list[SealedRow]:
    """The rows of `spec`'s table not sealed yet whose level (their own, or their parent's)
    is one of `levels`."""
    model = spec.model
    query: Select[Base, int]
    if spec.parent is None:
        levelled = cast(type[Levelled], model)  # no parent: a level of its own
        query = select(levelled, levelled.level).where(levelled.level.in_(levels),
                                                       levelled.sealed.is_(None))
    else:
        fk, parent = spec.parent
        query = select(model, parent.level).join(parent, getattr(model, fk) == parent.id).where(
            parent.level.in_(levels), model.sealed.is_(None))
    # rows of spec.model, whichever it is
    return [cast(SealedRow, obj) for obj, _level in session.execute(query).all()]
