"""Partnering: cooperation profiles (offers and requests), cross-language matches, expressions of
interest and the notices that go with them. The ranking itself lives in :mod:`coopnode.match`."""
