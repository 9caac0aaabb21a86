"""A real browser (Debian's Chromium driven by Selenium) uploads an agreement and reads the
findings in the rendered page. With SAMLINT_PICTURES=DIR it also saves screenshots there
(`make pictures` puts them under docs/)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import AS_OF, SEEDS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
MISSING = [p for p in (CHROMIUM, DRIVER) if not Path(p).is_file()]

pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason="the browser test needs Debian's chromium and chromium-driver "
    "(apt-get install chromium chromium-driver; .ci/run installs them)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1100,1400",
        "--lang=sv-SE",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.set_page_load_timeout(180)
    yield driver
    driver.quit()


def test_browser_upload_shows_the_findings(browser, server_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server_url + "/")
    assert "Granska" in browser.title
    pictures = os.environ.get("SAMLINT_PICTURES")
    browser.find_element(By.ID, "files").send_keys(
        str(SEEDS / "skarpnack-local-agreement-2020.pdf")
    )
    browser.find_element(By.CSS_SELECTOR, 'input[name="stage"][value="utkast"]').click()
    date = browser.find_element(By.ID, "as_of")
    browser.execute_script("arguments[0].value = arguments[1]", date, AS_OF)
    browser.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    WebDriverWait(browser, 180).until(ready.presence_of_element_located((By.CLASS_NAME, "report")))
    page = browser.find_element(By.TAG_NAME, "body").text
    for rule in ("ANX002", "PRI001", "PTY003"):
        assert rule in page
    assert "bilaga 3" in page
    assert "skarpnack-local-agreement-2020.pdf" in page
    links = [
        a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".downloads a")
    ]
    assert any(link.endswith("/1.pdf") for link in links)
    assert any(link.endswith("/rapport.json") for link in links)
    if pictures:
        _screenshot(browser, Path(pictures) / "serve.png")


def _screenshot(browser, out: Path) -> None:
    """The top of the answer page, small enough to commit."""
    out.parent.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(1000, 1250)
    browser.save_screenshot(str(out))
