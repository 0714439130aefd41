"""Shared test setup. Being here puts tests/ on sys.path, so test folders can import served_site."""

from __future__ import annotations

import pytest

from served_site import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser():
    """One Debian chromium for the whole run: Playwright's sync API allows one instance at a time."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
