"""Partnering records: profiles, their vectors, matches, expressions of interest, notices."""

from .interest import ExpressionOfInterest, InterestStatus
from .matches import Match
from .notifications import Notification
from .profiles import (
    CooperationProfile,
    ProfileEmbedding,
    ProfileStatus,
)

__all__ = [
    "CooperationProfile", "ExpressionOfInterest", "InterestStatus", "Match", "Notification",
    "ProfileEmbedding", "ProfileStatus",
]
