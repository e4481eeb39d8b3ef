#!/usr/bin/env python3
"""Browser test of elo's HTML reports, opened static (file://) and served (`elo serve`), at 1280 and 390 px.

For every page in PAGES it checks what its kind promises a reader:
  national  the region column is sticky (computed style, and still in view after scrolling the matrix sideways
            at 390 px), the filter controls show and filter rows, every region link resolves;
  region    evidence links to document pages exist and resolve (file or HTTP, and the #passage anchor is there);
  document  the passages are there, each with an anchor the evidence links use;
  goal      the region column is sticky, the region filter narrows the rows, evidence links resolve;
  timeline  a region page whose history has changes: the timeline lists them, evidence links resolve;
  changes   the national changes page: its links to the regions' timelines resolve;
and on every page axe-core finds no violation tagged wcag2a, wcag2aa, wcag21a or wcag21aa.
Run by scripts/browser-test.sh; ends with 'N passed, M failed'.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

# The pages and what kind of page each is. Add a row for a new page (goal pages, history pages, …);
# a kind without checks of its own below still gets the axe and link checks.
PAGES = [
    # (name, path below the report folder, kind)
    ("national fi", "index.html", "national"),
    ("national sv", "index-sv.html", "national"),
    ("region sv (Pohjanmaa, language: sv)", "regions/pohjanmaa.html", "region"),
    ("region fi (Lappi)", "regions/lappi.html", "region"),
    ("document", "documents/lappi-lappi-toimintasuunnitelma-2014-pdf.html", "document"),
    ("goal fi (Ohjaamo: low threshold)", "goals/ohjaamo-matala-kynnys.html", "goal"),
    ("goal sv (Ohjaamo: low threshold)", "goals/ohjaamo-matala-kynnys-sv.html", "goal"),
    ("history: region with a timeline (Pirkanmaa)", "regions/pirkanmaa.html", "timeline"),
    ("history: national changes fi", "changes.html", "changes"),
    ("history: national changes sv", "changes-sv.html", "changes"),
]
WIDTHS = [1280, 390]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LINKS_CHECKED_PER_PAGE = 40


class Checks:
    """Collects named results; a failed check is reported and the run goes on."""

    def __init__(self):
        self.passed, self.failed = 0, []

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed.append(f"{name}: {detail}")
            print(f"FAIL {name}: {detail}", flush=True)


def browser(chromium, driver):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    drv = webdriver.Chrome(service=Service(driver), options=options)
    drv.set_script_timeout(300)  # axe-core on a long document page takes a while on a busy machine
    return drv


def set_width(drv, width):
    drv.set_window_size(width, 900)
    # the window's outer size includes no chrome in headless mode, but make the layout width exact
    inner = drv.execute_script("return window.innerWidth")
    if inner != width:
        drv.set_window_size(width + (width - inner), 900)


class Site:
    """Where the pages are: a report folder on disk, or an `elo serve` URL."""

    def __init__(self, mode, base):
        self.mode, self.base = mode, base

    def url(self, path):
        return (self.base.rstrip("/") + "/" + path) if self.mode == "served" else "file://" + os.path.join(self.base, path)

    def fetch(self, url):
        """The text at `url` (a file:// or http:// URL without fragment), or None when it does not resolve."""
        if url.startswith("file://"):
            path = urllib.parse.unquote(url[len("file://"):])
            if not os.path.isfile(path):
                return None
            with open(path, "rb") as handle:
                return handle.read().decode("utf-8", "replace")
        try:
            with urllib.request.urlopen(url, timeout=30) as answer:
                return answer.read().decode("utf-8", "replace") if answer.status == 200 else None
        except urllib.error.URLError:
            return None


def visible_rows(drv):
    return drv.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('table.matrix tbody tr'),"
        " function (r) { return r.offsetParent !== null; }).length")


def check_national(drv, checks, tag, width):
    position = drv.execute_script(
        "return getComputedStyle(document.querySelector('table.matrix tbody th.region')).position")
    checks.check(f"{tag} region column is sticky", position == "sticky", f"position: {position}")
    if width <= 400:
        state = drv.execute_script("""
            var wrap = document.querySelector('.matrix-wrap'), th = document.querySelector('table.matrix tbody th.region');
            wrap.scrollLeft = 600;
            var box = th.getBoundingClientRect(), frame = wrap.getBoundingClientRect();
            return {scrolled: wrap.scrollLeft, left: box.left, right: box.right, frame: frame.left, width: window.innerWidth};
        """)
        in_view = state["scrolled"] > 0 and abs(state["left"] - state["frame"]) < 2 and state["right"] <= state["width"]
        checks.check(f"{tag} region column stays in view after scrolling sideways", in_view, json.dumps(state))
        drv.execute_script("document.querySelector('.matrix-wrap').scrollLeft = 0")
    controls = drv.find_element(By.CSS_SELECTOR, ".controls")
    checks.check(f"{tag} filter controls shown", controls.is_displayed(), "the .controls box is hidden")
    total = visible_rows(drv)
    region = drv.find_element(By.ID, "f-region")
    region.send_keys("lapp")
    narrowed = visible_rows(drv)
    checks.check(f"{tag} region filter leaves one row", narrowed == 1 and total > 1, f"{total} rows, then {narrowed}")
    region.clear()
    drv.execute_script("document.getElementById('f-region').dispatchEvent(new Event('input', {bubbles: true}))")
    checks.check(f"{tag} clearing the filter shows every row", visible_rows(drv) == total, f"{visible_rows(drv)} of {total}")
    columns = "return document.querySelectorAll('table.matrix thead th.label:not(.hidden)').length"
    before = drv.execute_script(columns)
    Select(drv.find_element(By.ID, "f-set")).select_by_value("ohjaamo")
    after = drv.execute_script(columns)
    checks.check(f"{tag} set filter hides the other sets' columns", 0 < after < before, f"{before} columns, then {after}")
    Select(drv.find_element(By.ID, "f-set")).select_by_value("")
    Select(drv.find_element(By.ID, "f-level")).select_by_value("covered")
    rows = visible_rows(drv)
    checks.check(f"{tag} level filter keeps rows with that level", 0 < rows <= total, f"{rows} of {total}")
    Select(drv.find_element(By.ID, "f-level")).select_by_value("")


def check_goal(drv, checks, tag, width):
    """A goal page: the region column sticky, the region filter narrows the rows, evidence links resolve."""
    position = drv.execute_script(
        "return getComputedStyle(document.querySelector('table.goal-regions tbody th.region')).position")
    checks.check(f"{tag} region column is sticky", position == "sticky", f"position: {position}")
    rows = "return Array.prototype.filter.call(document.querySelectorAll('table.goal-regions tbody tr'),"\
        " function (r) { return r.offsetParent !== null; }).length"
    total = drv.execute_script(rows)
    region = drv.find_element(By.ID, "f-region")
    region.send_keys("lapp")
    narrowed = drv.execute_script(rows)
    checks.check(f"{tag} region filter leaves one row", narrowed == 1 and total > 1, f"{total} rows, then {narrowed}")
    region.clear()
    drv.execute_script("document.getElementById('f-region').dispatchEvent(new Event('input', {bubbles: true}))")


def check_timeline(drv, checks, tag):
    """A region page with a history: the timeline lists changes, each naming the version that decided it."""
    rows = drv.execute_script("return document.querySelectorAll('#timeline ~ * table.timeline tbody tr, "
                              "section#timeline table.timeline tbody tr, table.timeline tbody tr').length")
    checks.check(f"{tag} timeline lists changes", rows > 0, f"{rows} rows")


def links(drv, selector):
    return [a.get_attribute("href") for a in drv.find_elements(By.CSS_SELECTOR, selector)]


def check_links(site, checks, tag, hrefs, what):
    """Every href (absolute, as the browser resolved it) opens, and its #fragment is an id on the target."""
    checks.check(f"{tag} has {what}", len(hrefs) > 0, "none found")
    pages = {}
    for href in list(dict.fromkeys(hrefs))[:LINKS_CHECKED_PER_PAGE]:
        target, _, fragment = href.partition("#")
        if target not in pages:
            pages[target] = site.fetch(target)
        text = pages[target]
        ok = text is not None and (not fragment or f'id="{fragment}"' in text)
        checks.check(f"{tag} {what} resolves", ok, href)


def run_axe(drv):
    """axe-core on the loaded page, limited to AXE_TAGS: `violations`, the number of rules that `passes`, and the
    `tags` run. Tags the bundled axe-core has no rule for are left out (axe.run rejects an unknown tag)."""
    Axe(drv).inject()
    answer = drv.execute_async_script("""
        var done = arguments[arguments.length - 1], wanted = arguments[0], known = {};
        axe.getRules().forEach(function (rule) { rule.tags.forEach(function (tag) { known[tag] = true; }); });
        var tags = wanted.filter(function (tag) { return known[tag]; });
        axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(
          function (r) { done(JSON.stringify({violations: r.violations, passes: r.passes.length, tags: tags, version: axe.version})); },
          function (e) { done(JSON.stringify({error: String(e)})); });
    """, AXE_TAGS)
    result = json.loads(answer)
    if "error" in result:
        raise SystemExit(f"axe-core failed: {result['error']}")
    return result


def check_page(drv, site, checks, name, path, kind, width):
    tag = f"[{site.mode} {width}px {name}]"
    print(f"{tag} {site.url(path)}", flush=True)
    drv.get(site.url(path))
    checks.check(f"{tag} opens", drv.execute_script("return document.querySelector('h1') !== null"), site.url(path))
    if kind == "national":
        check_national(drv, checks, tag, width)
        check_links(site, checks, tag, links(drv, "table.matrix tbody th.region a"), "region links")
    elif kind == "region":
        check_links(site, checks, tag, links(drv, "a[href*='documents/']"), "evidence links to document pages")
    elif kind == "goal":
        check_goal(drv, checks, tag, width)
        check_links(site, checks, tag, links(drv, "a[href*='documents/']"), "evidence links to document pages")
    elif kind == "timeline":
        check_timeline(drv, checks, tag)
        check_links(site, checks, tag, links(drv, "a[href*='documents/']"), "evidence links to document pages")
    elif kind == "changes":
        check_links(site, checks, tag, links(drv, "a[href*='regions/']"), "links to the regions' timelines")
    elif kind == "document":
        count = drv.execute_script("return document.querySelectorAll('.passage[id]').length")
        checks.check(f"{tag} passages with anchors", count > 0, f"{count} passages")
    result = run_axe(drv)
    violations = result["violations"]
    detail = "; ".join(f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['nodes'][0]['target']} {v['help']}" for v in violations)
    checks.check(f"{tag} axe: no {'/'.join(result['tags'])} violations", not violations, detail)
    return result["passes"], len(violations)


def start_server(elo, pipeline, output):
    process = subprocess.Popen([elo, "serve", "--pipeline", pipeline, "--output", output, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.search(r"(http://\S+/)", line)
    if not match:
        process.kill()
        raise SystemExit(f"elo serve did not start: {line!r} {process.stderr.read()}")
    return process, match.group(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", required=True, help="the report folder written by elo ingest/report")
    parser.add_argument("--elo", required=True)
    parser.add_argument("--pipeline", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    parser.add_argument("--screenshots", help="folder for a PNG of every page at every width")
    args = parser.parse_args()

    checks = Checks()
    server, url = start_server(args.elo, args.pipeline, args.output)
    drv = browser(args.chromium, args.driver)
    axe_rules = 0
    try:
        for site in (Site("static", os.path.abspath(args.reports)), Site("served", url)):
            for width in WIDTHS:
                set_width(drv, width)
                for name, path, kind in PAGES:
                    passes, _ = check_page(drv, site, checks, name, path, kind, width)
                    axe_rules = max(axe_rules, passes)
                    if args.screenshots:
                        os.makedirs(args.screenshots, exist_ok=True)
                        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
                        drv.get(site.url(path))
                        drv.save_screenshot(os.path.join(args.screenshots, f"{site.mode}-{width}-{slug}.png"))
        search = url + "search?q=ohjaus&region=lappi"
        drv.get(search)
        hits = drv.execute_script("return document.querySelectorAll('ol.hits li.hit').length")
        checks.check("[served search] a search with a region filter finds passages", hits > 0, search)
        check_links(Site("served", url), checks, "[served search]", links(drv, "ol.hits a[href*='documents/']"), "hit links")
        result = run_axe(drv)
        checks.check("[served search] axe: no violations", not result["violations"],
                     "; ".join(v["id"] for v in result["violations"]))
        print(f"axe-core {result['version']}: tags run: {', '.join(result['tags'])}"
              f" (without a rule in this version: {', '.join(t for t in AXE_TAGS if t not in result['tags']) or 'none'})")
    finally:
        drv.quit()
        server.terminate()
        server.wait(timeout=10)
    print(f"axe-core: {len(PAGES) * len(WIDTHS) * 2 + 1} page views, up to {axe_rules} rules passed per page, "
          f"{sum(1 for f in checks.failed if 'axe' in f)} with violations")
    for failure in checks.failed:
        print(f"  failed: {failure}")
    print(f"browser: {checks.passed} passed, {len(checks.failed)} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
