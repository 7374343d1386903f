"""A minimal Chrome DevTools Protocol client for Debian's headless Chromium.

It talks CDP over --remote-debugging-pipe (file descriptors 3 and 4, NUL-separated JSON),
so it needs no websocket library and no network port. Used by check_page.py and
check_exports.py (Mermaid).
"""

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time


class CDPError(RuntimeError):
    pass


class Browser:
    """A headless Chromium with one page, driven through CDP."""

    def __init__(self, width=1600, height=1000, timeout=60):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="eventgraph-chromium-")
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()

        def child_fds():
            # Chromium reads commands on fd 3 and writes replies on fd 4.
            os.dup2(to_chrome_r, 100)
            os.dup2(from_chrome_w, 101)
            os.dup2(100, 3)
            os.dup2(101, 4)

        executable = shutil.which("chromium") or shutil.which("chromium-browser")
        if not executable:
            raise CDPError("chromium is not installed (scripts/setup-readers.sh installs it)")
        self.process = subprocess.Popen(
            [executable, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
             "--disable-background-networking", "--mute-audio", "--hide-scrollbars",
             f"--window-size={width},{height}", f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=child_fds, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.writer = os.fdopen(to_chrome_w, "wb", buffering=0)
        self.reader = os.fdopen(from_chrome_r, "rb", buffering=0)
        self.next_id = 0
        self.replies = {}
        self.events = queue.Queue()
        self.lock = threading.Condition()
        self.closed = False
        threading.Thread(target=self._read, daemon=True).start()
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.exceptions = []
        self.requests = []
        for domain in ("Page", "Runtime", "Network"):
            self.call(domain + ".enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)

    def _read(self):
        buffer = b""
        while True:
            chunk = self.reader.read(65536)
            if not chunk:
                with self.lock:
                    self.closed = True
                    self.lock.notify_all()
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "id" in message:
                    with self.lock:
                        self.replies[message["id"]] = message
                        self.lock.notify_all()
                else:
                    method = message.get("method")
                    if method == "Runtime.exceptionThrown":
                        self.exceptions.append(message["params"]["exceptionDetails"])
                    elif method == "Network.requestWillBeSent":
                        self.requests.append(message["params"]["request"]["url"])
                    self.events.put(message)

    def call(self, method, params=None, session=False):
        with self.lock:
            self.next_id += 1
            number = self.next_id
        message = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.writer.write(json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        with self.lock:
            while number not in self.replies:
                if self.closed:
                    raise CDPError(f"chromium exited during {method}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise CDPError(f"no reply to {method} within {self.timeout} s")
                self.lock.wait(left)
            reply = self.replies.pop(number)
        if "error" in reply:
            raise CDPError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def wait_for_event(self, method, timeout=None):
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CDPError(f"no {method} within {timeout or self.timeout} s")
            try:
                message = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if message.get("method") == method:
                return message.get("params", {})

    def open(self, url):
        """Loads a page and waits for its load event."""
        while not self.events.empty():
            self.events.get_nowait()
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for_event("Page.loadEventFired")

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
                           session=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise CDPError(f"script failed: {details.get('exception', {}).get('description') or details.get('text')}")
        return result["result"].get("value")

    def mouse_move(self, x, y):
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y}, session=True)

    def click(self, x, y):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
                      session=True)

    def type_text(self, text):
        self.call("Input.insertText", {"text": text}, session=True)

    def press_enter(self):
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                 "windowsVirtualKeyCode": 13, "text": "\r" if kind == "keyDown" else ""},
                      session=True)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close")
        except CDPError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
