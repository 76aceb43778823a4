"""Shared test set-up: Hypothesis profiles, the seed corpus, the knowledge base, a network guard."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from nkcorpus.entities.gazetteer import Gazetteer

# CI draws the same examples on every run (a red run is a change's, not the draw's); the
# dev profile draws new ones each time, so that running the tests by hand keeps exploring.
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=100,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def kb() -> Gazetteer:
    """The built-in knowledge base's matcher, loaded once for the test session."""
    from nkcorpus.entities.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The five scraped pages of the sample corpus, in name order."""
    return sorted(SEEDS.glob("*.txt"))


class NetworkAccessError(RuntimeError):
    """Raised when a test tries to open a network connection."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to reach the network (Unix sockets stay allowed)."""
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0] if isinstance(address, tuple) else address
            if host not in ("127.0.0.1", "::1", "localhost"):
                raise NetworkAccessError(f"a test tried to connect to {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        _guarded_getaddrinfo(socket.getaddrinfo),
    )


def _guarded_getaddrinfo(real):  # type: ignore[no-untyped-def]
    def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host not in (None, "127.0.0.1", "::1", "localhost", ""):
            raise NetworkAccessError(f"a test tried to resolve {host!r}")
        return real(host, *args, **kwargs)

    return getaddrinfo
