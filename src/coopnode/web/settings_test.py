"""Settings for the test suite: the production settings, on a throw-away data directory.

pytest-django imports the settings before any conftest runs, so the isolation has to happen
here: a test run never touches the user's node in ``~/.local/share/coopnode``.
"""

import os
import tempfile

os.environ.setdefault("COOPNODE_HOME", tempfile.mkdtemp(prefix="coopnode-test-"))

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
