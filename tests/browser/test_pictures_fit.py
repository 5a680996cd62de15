"""The plan's timeline and the audit's picture of both sides fit a 375 px phone (issue 16):
neither the page nor the picture's box scrolls sideways, the picture is the one drawn down
the screen, its smallest words are shown at least 11 px tall, and it keeps its words for
screen readers (title and description). On wider screens the picture across the screen
shows once its words stay at least 11 px tall (800 px: the audit's; 1280 px: both).
Axe-clean at both widths; screenshots kept to look at."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.harness import artifacts_dir, assert_accessible, screenshot

pytestmark = [pytest.mark.browser]

S = "/projects/stride"
SHOWN = """() => [...document.querySelectorAll("main figure.timeline")].map(f => {
  const svgs = [...f.querySelectorAll("svg")].filter(s => getComputedStyle(s).display !== "none");
  const svg = svgs[0];
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll("text")].map(t => Number(t.getAttribute("font-size")));
  const label = (svg.getAttribute("aria-labelledby") || "").split(" ")
    .map(id => document.getElementById(id)).filter(Boolean).map(e => e.textContent.trim());
  return {
    shown: svgs.map(s => s.getAttribute("class")),
    figure: [f.scrollWidth, f.clientWidth],
    right: box.right, smallest: Math.min(...sizes) * scale, label: label,
  };
})"""


def _pages(page: Any, site: Any) -> dict[str, str]:
    page.goto(site.url(f"{S}/audits/"))
    audit = page.locator("main table a[href*='/audits/']").last.get_attribute("href")
    return {"plan-timeline": site.url(f"{S}/plans/"), "audit-sides": site.url(audit)}


# Below this width a picture is drawn down the screen (the timeline is the wider drawing).
NARROW_BELOW = {"plan-timeline": 1024, "audit-sides": 768}


@pytest.mark.parametrize("width", [375, 800, 1280])
def test_the_pictures_fit_the_screen(width: int, demo_site: Any, page_as: Any) -> None:
    page = page_as("lead", viewport={"width": width, "height": 900})
    for name, url in _pages(page, demo_site).items():
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (
            f"{name} scrolls sideways at {width} px"
        )
        figures = page.evaluate(SHOWN)
        assert figures, f"{name}: no picture on the page"
        for figure in figures:
            want = "picture-narrow" if width <= NARROW_BELOW[name] else "picture-wide"
            assert figure["shown"] == [want], f"{name} at {width} px shows {figure['shown']}"
            scroll, client = figure["figure"]
            assert scroll <= client, f"{name}: the picture's box scrolls sideways"
            assert figure["right"] <= width, f"{name}: the picture runs off the screen"
            assert figure["smallest"] >= 11, f"{name}: words {figure['smallest']:.1f} px tall"
            assert len(figure["label"]) == 2 and all(figure["label"]), f"{name}: no words"
        assert_accessible(page, f"{name} at {width} px")
        screenshot(page, f"picture-{width}-{name}")
        page.locator("main figure.timeline").first.screenshot(
            path=str(artifacts_dir() / f"picture-{width}-{name}-figure.png")
        )
