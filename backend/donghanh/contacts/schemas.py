from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from donghanh.clients.schemas import ClientCreate
from donghanh.contacts.models import Material, Place, Topic
from donghanh.core import dates
from donghanh.core.dates import IsoDate
from donghanh.core.vocabulary import ServiceType

Count = Annotated[int, Field(ge=0, le=100000, strict=True)]


def _not_future(value: date | None) -> date | None:
    if value is not None and value > dates.today():
        raise ValueError("must not be in the future")
    return value


def _unique(values: list[str] | None) -> list[str] | None:
    if values is not None and len(set(values)) != len(values):
        raise ValueError("list each value once")
    return values


class NewClientInline(ClientCreate):
    """A client created together with the contact (first meeting); its unit defaults to the contact's."""

    org_unit_id: uuid.UUID | None = None  # type: ignore[assignment]


class ContactCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    contacted_on: date
    org_unit_id: uuid.UUID
    peer_group_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = Field(None, description="A client you can see.")
    client_code: str | None = Field(None, max_length=16, description="Or the code on the person's card.")
    new_client: NewClientInline | None = Field(None, description="Or register the person now.")
    establishment_id: uuid.UUID | None = None
    place: Place
    first_contact: bool = False
    topics: list[Topic] = Field(default_factory=list, max_length=10, json_schema_extra={"uniqueItems": True})
    materials: dict[Material, Count] = Field(default_factory=dict)
    needs: list[ServiceType] = Field(default_factory=list, max_length=14, json_schema_extra={"uniqueItems": True})
    notes: str | None = Field(None, max_length=4000)
    external_id: str | None = Field(None, max_length=100, description="Id in your own register (imports).")

    _date = field_validator("contacted_on")(_not_future)
    _topics = field_validator("topics", "needs")(_unique)

    @model_validator(mode="after")
    def _one_way_to_name_the_client(self) -> Self:
        given = [f for f in ("client_id", "client_code", "new_client") if getattr(self, f) is not None]
        if len(given) > 1:
            raise ValueError(f"give at most one of client_id, client_code, new_client (got {', '.join(given)})")
        if self.place == Place.establishment and self.establishment_id is None:
            raise ValueError("establishment_id: a contact at an establishment names the establishment")
        return self


class ContactUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    contacted_on: date | None = None
    establishment_id: uuid.UUID | None = None
    place: Place | None = None
    first_contact: bool | None = None
    topics: list[Topic] | None = Field(None, max_length=10, json_schema_extra={"uniqueItems": True})
    materials: dict[Material, Count] | None = None
    needs: list[ServiceType] | None = Field(None, max_length=14, json_schema_extra={"uniqueItems": True})
    notes: str | None = Field(None, max_length=4000)
    version: int | None = None

    _date = field_validator("contacted_on")(_not_future)
    _topics = field_validator("topics", "needs")(_unique)


class ContactRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    contacted_on: date
    org_unit_id: uuid.UUID
    peer_group_id: uuid.UUID | None
    recorded_by: uuid.UUID
    client_id: uuid.UUID | None
    client_code: str | None = None
    establishment_id: uuid.UUID | None
    establishment_name: str | None = None
    peer_group_name: str | None = None
    recorded_by_name: str | None = None
    place: Place
    first_contact: bool
    topics: list[Topic]
    materials: dict[Material, int]
    needs: list[ServiceType]
    notes: str | None
    external_id: str | None = None
    version: int
    created_at: datetime
    updated_at: datetime


class ContactFilter(BaseModel):
    org_unit: uuid.UUID | None = None
    client: uuid.UUID | None = None
    peer_group: uuid.UUID | None = None
    establishment: uuid.UUID | None = None
    place: Place | None = None
    first_contact: bool | None = None
    anonymous: bool | None = None
    since: IsoDate | None = None
    until: IsoDate | None = None
    mine: bool | None = Field(None, description="Only contacts you recorded.")
