"""Starts the contract suite's real `parapet serve` once per test run: the
default library plus contract/bundle, contract/server/parapet.yaml (keys,
64 KiB body limit, a free loopback port)."""

import atexit
import base64
import glob
import json
import os
import shutil
import subprocess
import tempfile
import threading

from . import _yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CONTRACT = os.path.normpath(os.path.join(HERE, "..", "..", "contract"))
REPO = os.path.normpath(os.path.join(CONTRACT, "..", "..", ".."))

_server = None


class Server:
    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="parapet-py-contract-")
        bundle = os.path.join(self.tmp, "bundle")
        assemble_bundle(bundle)
        binary = os.environ.get("PARAPET_BIN") or self._build()
        self.log = []
        self.proc = subprocess.Popen(
            [binary, "serve", "--config", "parapet.yaml", "--bundle", bundle],
            cwd=os.path.join(CONTRACT, "server"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL)
        addr = None
        for line in self.proc.stderr:
            self.log.append(line.decode("utf-8", "replace"))
            try:
                ev = json.loads(line)
            except ValueError:
                continue
            if ev.get("@message") == "listening" and ev.get("addr"):
                addr = ev["addr"]
                break
        if addr is None:
            self.proc.wait()
            raise RuntimeError("parapet serve exited before listening:\n" + "".join(self.log))
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = "http://" + addr

    def _build(self):
        binary = os.path.join(self.tmp, "parapet")
        subprocess.run(["go", "build", "-o", binary, "./cmd/parapet"], cwd=REPO, check=True)
        return binary

    def _drain(self):
        for line in self.proc.stderr:
            self.log.append(line.decode("utf-8", "replace"))

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)


def assemble_bundle(dst):
    """The default library (no tests) plus contract/bundle/*.rego."""
    os.makedirs(os.path.join(dst, "contract"))
    lib = os.path.join(REPO, "rego")
    for name in os.listdir(lib):
        if name.endswith("_test.rego") or not (name.endswith(".rego") or name in ("data.json", ".manifest")):
            continue
        shutil.copy(os.path.join(lib, name), os.path.join(dst, name))
    for f in glob.glob(os.path.join(CONTRACT, "bundle", "*.rego")):
        if not f.endswith("_test.rego"):
            shutil.copy(f, os.path.join(dst, "contract", os.path.basename(f)))


def server():
    """The shared server, started on first use."""
    global _server
    if _server is None:
        _server = Server()
        atexit.register(_server.close)
    return _server


def tokens():
    with open(os.path.join(CONTRACT, "server", "tokens.json"), encoding="utf-8") as f:
        return json.load(f)


def cases():
    """Every case of contract/*.yaml, in file-name order, with its file."""
    out = []
    for path in sorted(glob.glob(os.path.join(CONTRACT, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            doc = _yaml.load(f.read())
        for c in doc["cases"]:
            c["_file"] = os.path.basename(path)
            out.append(c)
    return out


def case_body(c):
    """The raw body of a case, or None."""
    if "request" in c:
        return json.dumps(c["request"]).encode("utf-8")
    if "body" in c:
        return c["body"].encode("utf-8")
    if "body_base64" in c:
        return base64.b64decode(c["body_base64"])
    if "body_repeat" in c:
        r = c["body_repeat"]
        return (r["prefix"] + r["unit"] * r["count"] + r["suffix"]).encode("utf-8")
    return None
