from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, NotRequired, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_serializer, model_validator
from typing_extensions import TypedDict

from donghanh.clients.models import ClientGroup
from donghanh.core import dates
from donghanh.core.vocabulary import AgeGroup, Sex

BirthYear = Annotated[int, Field(ge=1920, le=2030, strict=True)]


def _not_future(value: date | None) -> date | None:
    if value is not None and value > dates.today():
        raise ValueError("must not be in the future")
    return value


class _Identity(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    full_name: str | None = Field(None, min_length=1, max_length=150)
    phone: str | None = Field(None, max_length=40, pattern=r"^[0-9 +().-]{3,40}$")
    id_number: str | None = Field(None, max_length=20, pattern=r"^[0-9A-Za-z]{6,20}$")
    notes: str | None = Field(None, max_length=4000)
    consent_data_processing_on: date | None = Field(
        None, description="Day the person consented to processing; without it no identity field may be stored."
    )
    consent_share_with_providers: bool | None = None

    _consent_not_future = field_validator("consent_data_processing_on")(_not_future)

    @field_validator("birth_year", check_fields=False)
    @classmethod
    def _birth_year_not_future(cls, value: int | None) -> int | None:
        if value is not None and value > dates.today().year:
            raise ValueError("must not be in the future")
        return value


class ClientCreate(_Identity):
    sex: Sex = Sex.unknown
    birth_year: BirthYear | None = None
    group: ClientGroup
    ethnicity: str | None = Field(None, max_length=60)
    org_unit_id: uuid.UUID
    establishment_id: uuid.UUID | None = None
    external_id: str | None = Field(None, max_length=100, description="Id in your own register (imports).")
    allow_duplicate: bool = Field(False, description="Create even though possible duplicates were reported.")

    @model_validator(mode="after")
    def _identity_needs_consent(self) -> Self:
        if self.consent_data_processing_on is None:
            given = [f for f in ("full_name", "phone", "id_number", "notes") if getattr(self, f)]
            if given:
                raise ValueError(
                    f"{', '.join(given)}: recording identity needs consent_data_processing_on (the day the "
                    "person agreed); without consent keep the client pseudonymous"
                )
        return self


class ClientUpdate(_Identity):
    sex: Sex | None = None
    birth_year: BirthYear | None = None
    group: ClientGroup | None = None
    ethnicity: str | None = Field(None, max_length=60)
    org_unit_id: uuid.UUID | None = None
    establishment_id: uuid.UUID | None = None
    version: int | None = None


class ClientRead(BaseModel):
    """What every role with client access sees: no identity."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    sex: Sex
    birth_year: int | None
    age_group: AgeGroup = AgeGroup.unknown
    group: ClientGroup
    ethnicity: str | None
    org_unit_id: uuid.UUID
    org_unit_name: str | None = None
    establishment_id: uuid.UUID | None
    consent_data_processing_on: date | None
    consent_share_with_providers: bool
    has_identity: bool = False
    external_id: str | None = None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: uuid.UUID | None


class ClientIdentityRead(ClientRead):
    """For roles allowed to see identities; every such read is audited with the fields returned."""

    full_name: str | None
    phone: str | None
    id_number: str | None
    notes: str | None


class ClientFilter(BaseModel):
    q: str | None = Field(None, max_length=20, description="Client code (or its beginning).")
    group: ClientGroup | None = None
    sex: Sex | None = None
    org_unit: uuid.UUID | None = None
    establishment: uuid.UUID | None = None


class DuplicateCandidate(BaseModel):
    id: uuid.UUID
    code: str
    sex: Sex
    birth_year: int | None
    match: str = Field(description="same_name or same_given_name")
    full_name: str | None = Field(None, description="Only when you may see this person's identity.")


class SharedClientJson(TypedDict):
    # Plain strings: the serializer hands over values already in JSON form.
    code: str
    sex: str
    age_group: str
    group: str | None
    full_name: NotRequired[str]
    phone: NotRequired[str]


class SharedClient(BaseModel):
    """What a provider learns about the person: the minimum, plus name and phone only with consent."""

    code: str
    sex: Sex
    age_group: AgeGroup
    group: str | None = Field(None, description="Withheld for trafficking victims.")
    full_name: str | None = Field(None, description="Only present when the person consented to sharing.")
    phone: str | None = Field(None, description="Only present when the person consented to sharing.")

    @model_serializer(mode="wrap")
    def _omit_unshared(self, handler: Any) -> SharedClientJson:
        # Without consent the identity keys are absent, not merely empty.
        data = handler(self)
        for key in ("full_name", "phone"):
            if data.get(key) is None:
                data.pop(key, None)
        return data


class DuplicateProblem(BaseModel):
    """409 answer to a new client who may already be registered."""

    type: str
    title: str
    status: int
    detail: str | None = None
    candidates: list[DuplicateCandidate]
