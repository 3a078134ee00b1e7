"""Constants and helpers shared by the browser test modules."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output"
SCREENSHOTS = OUTPUT / "screenshots"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
SERVER_TIMEOUT = 420  # migrate + setup_editorial + seed_demo on a slow, busy machine

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


class PageProblems:
    """What a page complained about while a test used it: console errors, failed requests."""

    def __init__(self, page):
        self.errors = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"JS error: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _console(self, message):
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.errors.append(f"console: {message.text}")

    def _failed(self, request):
        failure = request.failure or ""
        if "ERR_ABORTED" not in failure:  # navigations away cancel pending requests
            self.errors.append(f"request failed: {request.url} ({failure})")

    def _response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.errors.append(f"HTTP {response.status}: {response.url}")


def open_page(browser, viewport="desktop"):
    """A page in a fresh context (no cookies, no cache) at the "phone" or "desktop" viewport."""
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
    )
    context.set_default_timeout(20_000)
    context.set_default_navigation_timeout(45_000)
    page = context.new_page()
    page.problems = PageProblems(page)
    return page


def settle_images(page):
    """Load every image now: lazy ones made eager, the page scrolled through, then wait."""
    page.evaluate(
        """async () => {
            document.querySelectorAll('img[loading="lazy"]').forEach(img => img.loading = 'eager');
            const step = Math.max(200, window.innerHeight);
            for (let y = 0; y < document.body.scrollHeight; y += step) {
                window.scrollTo(0, y);
                await new Promise(resolve => requestAnimationFrame(resolve));
            }
            window.scrollTo(0, 0);
            await Promise.all([...document.images].map(img => img.complete
                ? null
                : new Promise(resolve => { img.onload = img.onerror = resolve; })));
        }"""
    )


def broken_images(page):
    return page.evaluate(
        """() => [...document.images]
            .filter(img => !img.complete || img.naturalWidth === 0)
            .map(img => img.currentSrc || img.src)"""
    )


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    settle_images(page)
    page.screenshot(path=str(path), full_page=True)
    return path


def run_axe(page, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")):
    """axe-core's violations on the page as loaded, for the WCAG 2.1 A and AA rules."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the site's CSP refuses an injected <script>.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: 'tag', values: tags},
                resultTypes: ['violations'],
            });
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
                nodes: v.nodes.map(n => ({
                    target: n.target.join(' '), html: n.html, summary: n.failureSummary,
                })),
            }));
        }""",
        list(tags),
    )


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} [{violation['impact']}]: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:8]:
            lines.append(f"    at {node['target']}")
            lines.append(f"       {node['html'][:160]}")
            summary = " ".join(node["summary"].split())
            lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)
