#!/usr/bin/env python3
"""The web page of `cited serve` in a real browser: headless Chromium driven through its
DevTools protocol (the `websockets` package from PyPI; everything on 127.0.0.1).

Starts `cited serve` on a fresh SQLite database with a write token, then in the browser signs
in, imports an item, edits it (and sees a save over someone else's refused with 412, the typed
text kept), finds it by search, renders it in a style, and opens a hostile item whose title is
a script tag and whose URL is `javascript:`: both must appear as text, no script may run, no
dialog may open and no `javascript:` link may exist. Screenshots go to --out.

    python3 Tests/CitedCLITests/Browser/web_page.py --cited .build/debug/cited --out /tmp/cited-browser

Exit status: 0 passed, 1 a check failed, 2 the browser or the server could not be started.
"""

import argparse
import asyncio
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import websockets

DOE = """@book{doe2021, author = {Doe, Jane}, title = {Shared Libraries in Practice},
  publisher = {Example Press}, location = {Leiden}, date = {2021}}"""
HOSTILE = json.dumps([{
    "id": "evil", "type": "webpage", "title": "<script>alert(1)</script>",
    "URL": "javascript:alert(1)", "author": [{"family": "<img src=x onerror=alert(2)>"}],
}])


class CheckFailed(Exception):
    pass


class SetupFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)
    print("ok:", message)


class DevTools:
    """One page's DevTools connection: commands by id, events recorded as they come."""

    def __init__(self, socket_):
        self.socket = socket_
        self.next_id = 0
        self.pending = {}
        self.dialogs = []
        self.document_statuses = []
        self.loaded = asyncio.Event()
        self.reader = asyncio.create_task(self.read())

    async def read(self):
        async for text in self.socket:
            message = json.loads(text)
            if "id" in message:
                future = self.pending.pop(message["id"], None)
                if future and not future.done():
                    future.set_result(message)
                continue
            await self.event(message.get("method"), message.get("params", {}))

    async def event(self, method, params):
        if method == "Page.loadEventFired":
            self.loaded.set()
        elif method == "Page.javascriptDialogOpening":
            # A script from an item value ran: record it, and dismiss it so the page goes on.
            self.dialogs.append(params.get("message"))
            asyncio.create_task(self.send("Page.handleJavaScriptDialog", {"accept": False}))
        elif method == "Network.responseReceived" and params.get("type") == "Document":
            self.document_statuses.append(params["response"]["status"])

    async def send(self, method, params=None):
        self.next_id += 1
        future = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = future
        await self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params or {}}))
        reply = await asyncio.wait_for(future, 60)
        if "error" in reply:
            raise CheckFailed(f"{method}: {reply['error']}")
        return reply.get("result", {})

    async def evaluate(self, expression):
        result = await self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise CheckFailed(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def loading(self, action):
        """Runs `action` (a navigation, a click on a submit button) and waits for the new page."""
        self.loaded.clear()
        await action()
        await asyncio.wait_for(self.loaded.wait(), 60)

    async def goto(self, url):
        await self.loading(lambda: self.send("Page.navigate", {"url": url}))

    async def type_into(self, selector, text):
        """Selects the field's content and types `text` over it, as a person would."""
        found = await self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return false;"
            " e.scrollIntoView({block: 'center'}); e.focus(); e.select(); return true; })()")
        check(found, f"the page has {selector}")
        await self.send("Input.insertText", {"text": text})

    async def click(self, selector):
        """A mouse click in the middle of the element, waiting for the page it leads to."""
        box = await self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        check(box is not None, f"the page has {selector}")
        x, y = box

        async def press():
            for kind in ("mousePressed", "mouseReleased"):
                await self.send(
                    "Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

        await self.loading(press)

    async def text(self, selector="body"):
        return await self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); return e ? e.innerText : ''; }})()")

    async def screenshot(self, path):
        shot = await self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        with open(path, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
        print("screenshot:", path)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(what, attempt, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = attempt()
            if value:
                return value
        except (OSError, ValueError, urllib.error.URLError):
            pass
        time.sleep(0.1)
    raise SetupFailed(f"{what} did not come up within {seconds} s")


def api(base, token, method, path, body=None, if_match=None):
    request = urllib.request.Request(base + path, method=method, data=body.encode() if body else None)
    request.add_header("Authorization", f"Bearer {token}")
    if if_match:
        request.add_header("If-Match", if_match)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, reply.headers, reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


async def sign_in(page, base, token):
    await page.goto(base + "/")
    check(await page.evaluate("location.pathname") == "/login", "signed out, / sends the browser to /login")
    await page.type_into("input[name=token]", token)
    await page.click("button[type=submit]")
    check(await page.evaluate("location.pathname") == "/", "signing in with the token opens the library")
    check("0 item(s)" in await page.text(), "the new library is empty")


async def import_items(page, base):
    for text, what in ((DOE, "a BibLaTeX entry"), (HOSTILE, "a hostile CSL-JSON item")):
        await page.goto(base + "/import")
        await page.type_into("textarea[name=text]", text)
        await page.click("button[type=submit]")
        check("Imported 1 item(s)" in await page.text(), f"pasting {what} imports it")


async def edit_with_version_check(page, base, token, out):
    await page.goto(base + "/")
    await page.click('a[href="/items/doe2021"]')
    item = json.loads(await page.evaluate("document.querySelector('textarea[name=json]').value"))
    version = await page.evaluate("document.querySelector('input[name=version]').value")
    item["title"] = "Shared Libraries in Practice, Revised"
    await page.type_into("textarea[name=json]", json.dumps(item, indent=2))
    await page.click("form[method=post] button[type=submit]")
    check("Shared Libraries in Practice, Revised" in await page.text("table"), "the edit is saved and shown")
    saved_version = await page.evaluate("document.querySelector('input[name=version]').value")
    check(int(saved_version) > int(version), f"saving made the item's version {saved_version} (was {version})")

    # Someone else saves while this page is open; this page's save must be refused, not win.
    other = dict(item, title="Changed Elsewhere")
    status, _, _ = api(base, token, "PUT", "/api/items/doe2021", json.dumps(other), f'"{saved_version}"')
    check(status == 200, "another writer saves through the API meanwhile")
    item["title"] = "My Stale Edit"
    await page.type_into("textarea[name=json]", json.dumps(item, indent=2))
    await page.click("form[method=post] button[type=submit]")
    check(page.document_statuses[-1] == 412, "the stale save is answered 412")
    check("My Stale Edit" in await page.evaluate("document.querySelector('textarea[name=json]').value"),
          "the text typed is kept on the page")
    check(await page.evaluate("!!document.querySelector('.message.error')"), "the refusal is shown")
    await page.screenshot(os.path.join(out, "edit-refused.png"))
    _, _, stored = api(base, token, "GET", "/api/items/doe2021")
    check("Changed Elsewhere" in stored and "My Stale Edit" not in stored, "the other writer's save is kept")


async def search(page, base):
    await page.goto(base + "/")
    await page.type_into("input[name=q]", "doe")
    await page.click("form[method=get] button[type=submit]")
    rows = await page.evaluate("[...document.querySelectorAll('table tr td:first-child')].map(c => c.innerText)")
    check(rows == ["doe2021"], f"searching 'doe' finds only doe2021 (found {rows})")
    check(await page.evaluate("location.search") == "?q=doe", "the search is in the address")


async def render(page, base):
    await page.goto(base + "/items/doe2021")
    default = await page.text(".rendered")
    await page.type_into("input[name=style]", "chicago-notes-multilingual")
    await page.click("form[method=get] button[type=submit]")
    rendered = await page.text(".rendered")
    check("style=chicago-notes-multilingual" in await page.evaluate("location.search"), "the style is asked for")
    check("Doe" in rendered and "Example Press" in rendered, f"the item is rendered: {rendered!r}")
    check(rendered != default, f"in the style asked for, not the default: {default!r}")
    check(not await page.evaluate("!!document.querySelector('.message.error')"), "the rendering has no error")


async def hostile(page, base, out):
    await page.goto(base + "/")
    titles = await page.evaluate("[...document.querySelectorAll('table tr td:nth-child(4)')].map(c => c.textContent)")
    check("<script>alert(1)</script>" in titles, "the list shows the script tag as text")
    await page.screenshot(os.path.join(out, "library.png"))
    await page.click('a[href="/items/evil"]')
    fields = await page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('table tr')]"
        ".map(r => [r.querySelector('th')?.textContent, r.querySelector('td')?.textContent]))")
    check(fields.get("title") == "<script>alert(1)</script>", "the item's title is shown as text")
    check(fields.get("URL") == "javascript:alert(1)", "the javascript: URL is shown as text")
    check(fields.get("author") == "<img src=x onerror=alert(2)>", "the author's markup is shown as text")
    await page.screenshot(os.path.join(out, "hostile-item.png"))
    for path in ("/", "/items/evil"):
        await page.goto(base + path)
        check(await page.evaluate("document.scripts.length") == 0, f"{path} has no script element")
        check(await page.evaluate("document.images.length") == 0, f"{path} has no image element")
        links = await page.evaluate("[...document.links].map(a => a.href)")
        check(all(link.startswith(base + "/") for link in links), f"{path} links only to the server: {links}")
    await asyncio.sleep(0.5)
    check(page.dialogs == [], f"no script ran (dialogs opened: {page.dialogs})")


async def drive(devtools_port, base, token, out):
    pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json/list", timeout=10))
    target = next(p for p in pages if p.get("type") == "page")
    async with websockets.connect(target["webSocketDebuggerUrl"], max_size=2**26) as connection:
        page = DevTools(connection)
        for domain in ("Page", "Runtime", "Network"):
            await page.send(domain + ".enable")
        await page.send("Emulation.setDeviceMetricsOverride",
                        {"width": 1100, "height": 800, "deviceScaleFactor": 1, "mobile": False})
        try:
            await sign_in(page, base, token)
            await import_items(page, base)
            await edit_with_version_check(page, base, token, out)
            await search(page, base)
            await render(page, base)
            await hostile(page, base, out)
        finally:
            page.reader.cancel()


def start_server(cited, folder):
    database = f"sqlite:{folder}/library.sqlite"
    made = subprocess.run([cited, "serve", "token", "add", "browser", "--write", "--database", database],
                          cwd=folder, capture_output=True, text=True, timeout=120)
    if made.returncode != 0:
        raise SetupFailed(f"cited serve token add: {made.stderr}")
    port = free_port()
    log = open(os.path.join(folder, "server.log"), "wb")
    server = subprocess.Popen([cited, "serve", "--database", database, "--port", str(port)],
                              cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_until("cited serve", lambda: server.poll() is None and urllib.request.urlopen(base + "/login", timeout=1))
    return server, base, made.stdout.strip()


def start_chromium(chromium, folder):
    profile = os.path.join(folder, "profile")
    browser = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
         "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(folder, "chromium.log"), "wb"))
    port_file = os.path.join(profile, "DevToolsActivePort")

    def port():
        if browser.poll() is not None:
            raise SetupFailed(f"chromium exited with status {browser.returncode}")
        with open(port_file) as file:
            return int(file.readline())

    return browser, wait_until("chromium's DevTools port", port)


def stop(process):
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main():
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--cited", required=True, help="the cited binary (cited-server built beside it)")
    options.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    options.add_argument("--out", default="out/browser", help="folder for the screenshots")
    arguments = options.parse_args()
    os.makedirs(arguments.out, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="cited-browser-")
    server = browser = None
    try:
        started = time.monotonic()
        server, base, token = start_server(os.path.abspath(arguments.cited), folder)
        browser, devtools_port = start_chromium(arguments.chromium, folder)
        print(f"server and browser up after {time.monotonic() - started:.1f} s")
        asyncio.run(asyncio.wait_for(drive(devtools_port, base, token, arguments.out), 300))
        print(f"passed after {time.monotonic() - started:.1f} s")
        return 0
    except CheckFailed as failure:
        print("FAILED:", failure)
        return 1
    except (TimeoutError, websockets.ConnectionClosed) as failure:
        print("FAILED: the page did not answer in time or the browser went away:", repr(failure))
        return 1
    except (SetupFailed, OSError, subprocess.SubprocessError) as failure:
        print("could not start:", failure)
        return 2
    finally:
        stop(browser)
        stop(server)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
