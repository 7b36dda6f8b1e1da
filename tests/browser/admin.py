"""Steps in Wagtail's admin that several browser tests take."""

import re
from typing import Any


def log_in(page: Any, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
