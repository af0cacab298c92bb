"""Code lists shared by several domains."""
from __future__ import annotations

from enum import StrEnum


class ServiceType(StrEnum):
    health_check = "health_check"
    sti_hiv_testing = "sti_hiv_testing"
    health_insurance_card = "health_insurance_card"
    social_insurance = "social_insurance"
    legal_counselling = "legal_counselling"
    psychological_counselling = "psychological_counselling"
    vocational_training = "vocational_training"
    job_placement = "job_placement"
    loan = "loan"
    shelter = "shelter"
    education = "education"
    essential_needs = "essential_needs"
    reintegration_allowance = "reintegration_allowance"
    other = "other"


class Sex(StrEnum):
    female = "female"
    male = "male"
    other = "other"
    unknown = "unknown"


class AgeGroup(StrEnum):
    under_16 = "<16"
    age_16_17 = "16-17"
    age_18_24 = "18-24"
    age_25_34 = "25-34"
    age_35_plus = "35+"
    unknown = "unknown"


def age_group(birth_year: int | None, on_year: int) -> AgeGroup:
    if birth_year is None or birth_year > on_year:
        return AgeGroup.unknown
    age = on_year - birth_year
    if age < 16:
        return AgeGroup.under_16
    if age < 18:
        return AgeGroup.age_16_17
    if age < 25:
        return AgeGroup.age_18_24
    if age < 35:
        return AgeGroup.age_25_34
    return AgeGroup.age_35_plus
