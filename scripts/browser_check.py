#!/usr/bin/env python3
"""Checks the built site in a real browser (headless Chromium driven by Playwright).

For every HTML page in site/ it fails on:
  - a console error or page error;
  - a link, image or anchor that does not resolve (relative files and #fragments);
  - an inline SVG that renders at zero size, or lacks <title>/<desc>, or sits outside a captioned figure;
  - text overflowing horizontally at a 390 px wide viewport (light and dark);
  - accessibility basics: lang, exactly one h1, no skipped heading levels, a skip link, table headers with
    scope, visible focus outline, and text/background contrast of at least 4.5:1 in both colour schemes.
Then it operates what the script adds, by keyboard and by mouse, and fails when it does not work:
  - every control of every explorable cell: moving it must change the shown combination, its figure and its
    caption's values, with no console error; without JavaScript the published combination shows, controls hidden;
  - series toggles hide and show a line; copy buttons report the copy;
  - search (from file://) finds headings, prose, glossary terms and initialiser names, and its results are
    reachable with the arrow keys and lead to an existing anchor;
  - print.html has every chapter, hints and solutions open, and hides the controls in print media.
Screenshots of each page at desktop (1280 px) and phone (390 px) width, light and dark, go to screenshots/.
"""
import argparse
import pathlib
import sys
import urllib.parse

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"

CONTRAST_JS = r"""
() => {
  function parse(c) {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(',').map(s => parseFloat(s));
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  }
  function lum(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function background(el) {
    let layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let base = {r: 255, g: 255, b: 255};
    for (let i = layers.length - 1; i >= 0; i--) {
      const c = layers[i];
      base = {r: c.r * c.a + base.r * (1 - c.a), g: c.g * c.a + base.g * (1 - c.a), b: c.b * c.a + base.b * (1 - c.a)};
    }
    return base;
  }
  const problems = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    if (el.closest('svg')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const fg = parse(style.color);
    if (!fg) continue;
    const bg = background(el);
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5) problems.push(`${el.tagName.toLowerCase()} "${node.textContent.trim().slice(0, 40)}" contrast ${ratio.toFixed(2)}:1`);
  }
  return problems.slice(0, 10);
}
"""

STRUCTURE_JS = r"""
() => {
  const problems = [];
  if (!document.documentElement.lang) problems.push('missing lang on <html>');
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push(`${h1} h1 elements (expected 1)`);
  let last = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = parseInt(h.tagName[1]);
    if (last && level > last + 1) problems.push(`heading level jumps from h${last} to h${level}: "${h.textContent.trim().slice(0, 40)}"`);
    last = level;
  }
  const skip = document.querySelector('a[href^="#"]');
  if (!skip || !/skip/i.test(skip.textContent)) problems.push('no skip link as the first in-page link');
  for (const th of document.querySelectorAll('th')) {
    if (!th.getAttribute('scope')) { problems.push('a <th> without scope'); break; }
  }
  for (const svg of document.querySelectorAll('svg')) {
    const r = svg.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) problems.push('an SVG renders at zero size');
    if (!svg.querySelector('title') || !svg.querySelector('desc')) problems.push('an SVG without <title> and <desc>');
    const fig = svg.closest('figure');
    if (!fig || !fig.querySelector('figcaption')) problems.push('an SVG outside a captioned <figure>');
  }
  for (const img of document.querySelectorAll('img')) {
    if (!img.complete || img.naturalWidth === 0) problems.push(`image does not load: ${img.getAttribute('src')}`);
    if (!img.hasAttribute('alt')) problems.push(`image without alt: ${img.getAttribute('src')}`);
  }
  return problems;
}
"""

OVERFLOW_JS = r"""
() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width + 1) problems.push(`page scrolls horizontally: ${document.documentElement.scrollWidth}px > ${width}px`);
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('pre, .table-scroll, svg, math, .math-display')) continue;
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 && r.width > 0) { problems.push(`<${el.tagName.toLowerCase()}> overflows to ${Math.round(r.right)}px`); if (problems.length > 5) break; }
  }
  return problems;
}
"""

FOCUS_JS = r"""
() => {
  const link = document.querySelector('a[href]');
  if (!link) return [];
  link.focus();
  const s = getComputedStyle(link);
  const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  return visible ? [] : ['focused links have no visible outline'];
}
"""


def check_links(page_path, site, html_ids, page):
    problems = []
    hrefs = page.eval_on_selector_all("a[href], link[href], img[src]",
                                      "els => els.map(e => e.getAttribute('href') || e.getAttribute('src'))")
    for href in hrefs:
        parsed = urllib.parse.urlparse(href)
        if parsed.scheme in ("http", "https", "mailto"):
            continue  # external references are citations; the site itself fetches nothing
        if parsed.scheme:
            problems.append(f"unexpected link scheme: {href}")
            continue
        target = (page_path.parent / urllib.parse.unquote(parsed.path)).resolve() if parsed.path else page_path
        if not target.exists():
            problems.append(f"broken link: {href}")
            continue
        if site not in target.parents and target != site:
            problems.append(f"link leaves the site: {href}")
        if parsed.fragment and target.suffix == ".html":
            ids = html_ids.get(target)
            if ids is not None and parsed.fragment not in ids:
                problems.append(f"broken anchor: {href}")
    return problems


def text_of(view):
    """What must change when a control moves: the combination key, the figures' drawing and the captions."""
    return (view.get_attribute("data-key"), view.evaluate("v => [...v.querySelectorAll('svg path.line')].map(p => p.getAttribute('d')).join()"),
            view.evaluate("v => [...v.querySelectorAll('figcaption, caption')].map(c => c.textContent).join()"))


def check_explore(page, name):
    problems = []
    explores = page.locator(".explore")
    for e in range(explores.count()):
        explore = explores.nth(e)
        explore.scroll_into_view_if_needed()
        label = f"{name} explore #{e + 1}"
        if not explore.locator(".explore-controls").is_visible():
            problems.append(f"{label}: controls not shown with JavaScript")
            continue
        view = explore.locator(".explore-view")
        controls = explore.locator("[data-axis]")
        for c in range(controls.count()):
            control = controls.nth(c)
            axis = control.get_attribute("data-axis")
            kind = control.evaluate("el => el.type")
            # Keyboard: focus and press an arrow key (to the next value, or back from the last).
            before = text_of(view)
            control.focus()
            at_end = control.evaluate("el => el.type === 'range' ? el.value === el.max : el.selectedIndex === el.options.length - 1")
            page.keyboard.press("ArrowLeft" if at_end and kind == "range" else "ArrowUp" if at_end else "ArrowRight" if kind == "range" else "ArrowDown")
            after = text_of(view)
            if after[0] == before[0]:
                problems.append(f"{label}: the keyboard does not move '{axis}'")
            elif after[1] == before[1] or after[2] == before[2]:
                problems.append(f"{label}: moving '{axis}' by keyboard changed the setting but not the figure and its values")
            # Mouse: click the slider's far end, or pick the first option of the menu.
            before = after
            if kind == "range":
                box = control.bounding_box()
                x = box["x"] + 3 if control.evaluate("el => el.value === el.max") else box["x"] + box["width"] - 3
                page.mouse.click(x, box["y"] + box["height"] / 2)
            else:
                first = control.evaluate("el => el.selectedIndex === 0 ? el.options[1].value : el.options[0].value")
                control.select_option(first)
            after = text_of(view)
            if after[0] == before[0] or after[1] == before[1]:
                problems.append(f"{label}: the mouse does not move '{axis}'")
    return problems


def check_script_features(browser, site):
    """Operates the script's features; returns problems."""
    problems = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    explored = 0
    for path in sorted(site.glob("*.html")):
        page.goto(path.as_uri(), wait_until="load")
        if page.locator(".explore").count():
            explored += page.locator(".explore").count()
            problems += check_explore(page, path.name)
        toggles = page.locator(".series-toggle:visible")
        if toggles.count():
            toggle = toggles.first
            toggle.scroll_into_view_if_needed()
            series = toggle.get_attribute("data-series")
            figure = toggle.locator("xpath=ancestor::figure[1]")
            line = figure.locator(f"svg [data-series='{series}']").first
            toggle.click()
            if toggle.get_attribute("aria-pressed") != "false" or line.is_visible():
                problems.append(f"{path.name}: a series toggle does not hide its line")
            toggle.focus()
            page.keyboard.press("Enter")
            if toggle.get_attribute("aria-pressed") != "true" or not line.is_visible():
                problems.append(f"{path.name}: a series toggle does not show its line again (keyboard)")
        copies = page.locator(".copy-button:visible")
        if copies.count():
            copies.first.scroll_into_view_if_needed()
            copies.first.click()
            page.wait_for_timeout(300)
            if copies.first.inner_text() not in ("Copied", "Select and copy"):
                problems.append(f"{path.name}: a copy button does not respond")
        elif page.locator("pre > code").count():
            problems.append(f"{path.name}: code blocks without copy buttons")
    if explored == 0:
        problems.append("no explorable cell in the site")
    # Search from file://, by keyboard.
    page.goto((site / "index.html").as_uri(), wait_until="load")
    for query in ("kaiming-normal", "xavier-uniform", "fan-in", "glossary", "orthogonal", "saturation"):
        page.fill("#site-search", "")
        page.type("#site-search", query)
        try:
            page.wait_for_selector("#search-results a", timeout=5000)
        except Exception:
            problems.append(f"search finds nothing for '{query}'")
            continue
    page.fill("#site-search", "")
    page.type("#site-search", "kaiming-normal")
    page.wait_for_selector("#search-results a", timeout=5000)
    page.focus("#site-search")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    if not target or "html" not in target:
        problems.append("search results are not reachable with the arrow keys")
    else:
        with page.expect_navigation():
            page.keyboard.press("Enter")
        fragment = target.split("#", 1)[1] if "#" in target else ""
        if not page.url.endswith(target) or (fragment and page.locator(f"[id='{fragment}']").count() != 1):
            problems.append(f"a search result does not lead to its section: {target}")
    page.fill("#site-search", "qqqzzzxxy")
    page.wait_for_selector(".search-none")
    # Without JavaScript: the published combination, no controls.
    plain = browser.new_context(java_script_enabled=False).new_page()
    for path in sorted(site.glob("*.html")):
        plain.goto(path.as_uri())
        if plain.locator(".explore").count():
            if plain.locator(".explore-controls").first.is_visible():
                problems.append(f"{path.name}: explore controls are shown without JavaScript")
            if plain.locator(".explore-view svg").count() == 0:
                problems.append(f"{path.name}: an explorable cell shows no figure without JavaScript")
    # The whole course in one page.
    printed = site / "print.html"
    if not printed.exists():
        problems.append("no print.html")
    else:
        page.goto(printed.as_uri(), wait_until="load")
        chapters = page.locator("article.print-chapter").count()
        expected = len([p for p in site.glob("[0-9]*.html")])
        if chapters != expected:
            problems.append(f"print.html has {chapters} chapters, the site {expected}")
        page.emulate_media(media="print")
        if page.locator(".explore-controls").first.is_visible():
            problems.append("print.html shows explore controls in print")
        closed = page.evaluate("[...document.querySelectorAll('details.solution, details.hint')].filter(d => !d.open).length")
        if closed:
            problems.append(f"print.html has {closed} closed hints or solutions")
    problems += [f"console: {e}" for e in errors]
    context.close()
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="site")
    parser.add_argument("--screenshots", default="screenshots")
    args = parser.parse_args()
    site = pathlib.Path(args.site).resolve()
    shots = pathlib.Path(args.screenshots)
    shots.mkdir(exist_ok=True)
    pages = sorted(site.glob("*.html"))
    if not pages:
        print(f"browser check: no pages in {site}", file=sys.stderr)
        return 1
    failures = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        html_ids = {}
        context = browser.new_context()
        for path in pages:
            page = context.new_page()
            page.goto(path.as_uri())
            html_ids[path] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
            page.close()
        context.close()
        for path in pages:
            problems = []
            for scheme in ("light", "dark"):
                for name, width in (("desktop", 1280), ("phone", 390)):
                    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                                  java_script_enabled=True)
                    page = context.new_page()
                    errors = []
                    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                    page.on("pageerror", lambda e: errors.append(str(e)))
                    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
                    page.goto(path.as_uri(), wait_until="load")
                    problems += [f"[{scheme} {name}] console: {e}" for e in errors]
                    if name == "desktop" and scheme == "light":
                        problems += check_links(path, site, html_ids, page)
                        problems += page.evaluate(STRUCTURE_JS)
                        problems += page.evaluate(FOCUS_JS)
                    if name == "desktop":
                        problems += [f"[{scheme}] {c}" for c in page.evaluate(CONTRAST_JS)]
                    if name == "phone":
                        problems += [f"[{scheme} phone] {o}" for o in page.evaluate(OVERFLOW_JS)]
                    page.screenshot(path=str(shots / f"{path.stem}-{name}-{scheme}.png"), full_page=True)
                    context.close()
            unique = list(dict.fromkeys(problems))
            status = "ok" if not unique else f"{len(unique)} problem(s)"
            print(f"{path.name}: {status}")
            for problem in unique:
                print(f"  - {problem}")
            failures += len(unique)
        features = check_script_features(browser, site)
        print(f"script features (explore, toggles, copy, search, print): {'ok' if not features else f'{len(features)} problem(s)'}")
        for problem in features:
            print(f"  - {problem}")
        failures += len(features)
        browser.close()
    print(f"browser check: {len(pages)} pages, {failures} problems; screenshots in {shots}/")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
