"""The stdlib build: the wheel is a valid PEP 427 wheel that pip installs
offline into a fresh venv, and pip can install the source tree through the
in-tree backend with no index."""

import base64
import hashlib
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, HERE)
import build_backend  # noqa: E402


class WheelTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="parapet-wheel-")
        self.addCleanup(self.tmp.cleanup)

    def test_wheel_is_valid_and_reproducible(self):
        a = os.path.join(self.tmp.name, "a")
        b = os.path.join(self.tmp.name, "b")
        name = build_backend.build_wheel(a)
        self.assertEqual(name, "parapet_sdk-0.1.0-py3-none-any.whl")
        self.assertEqual(build_backend.build_wheel(b), name)
        with open(os.path.join(a, name), "rb") as fa, open(os.path.join(b, name), "rb") as fb:
            self.assertEqual(fa.read(), fb.read(), "two builds differ")
        with zipfile.ZipFile(os.path.join(a, name)) as z:
            names = z.namelist()
            self.assertIn("parapet/__init__.py", names)
            self.assertIn("parapet/py.typed", names)
            record = z.read("parapet_sdk-0.1.0.dist-info/RECORD").decode().splitlines()
            listed = {}
            for line in record:
                path, digest, size = line.rsplit(",", 2)
                listed[path] = (digest, size)
            self.assertEqual(set(listed), set(names))
            for path in names:
                if path.endswith("RECORD"):
                    continue
                data = z.read(path)
                want = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                self.assertEqual(listed[path], (want, str(len(data))), path)
            meta = z.read("parapet_sdk-0.1.0.dist-info/METADATA").decode()
            self.assertIn("Name: parapet-sdk\n", meta)
            self.assertIn("Requires-Python: >=3.9\n", meta)
            self.assertIn("Tag: py3-none-any", z.read("parapet_sdk-0.1.0.dist-info/WHEEL").decode())

    @unittest.skipIf(os.environ.get("PARAPET_SKIP_WHEEL_TEST"), "PARAPET_SKIP_WHEEL_TEST is set")
    def test_pip_installs_offline(self):
        dist = os.path.join(self.tmp.name, "dist")
        whl = os.path.join(dist, build_backend.build_wheel(dist))
        for what in ([whl], [HERE]):
            with self.subTest(what[0]):
                venv = os.path.join(self.tmp.name, "venv-%d" % len(what[0]))
                # A venv without pip (fast to make); this Python's pip installs into it.
                subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
                py = os.path.join(venv, "bin", "python")
                env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
                subprocess.run([sys.executable, "-m", "pip", "--python", py, "install", "-q", "--no-index"] + what,
                               check=True, env=env, cwd=self.tmp.name)
                out = subprocess.run([py, "-c", "import parapet, sys; print(parapet.__version__, parapet.__file__)"],
                                     check=True, capture_output=True, text=True, cwd=self.tmp.name).stdout
                self.assertTrue(out.startswith("0.1.0 " + venv), out)


if __name__ == "__main__":
    unittest.main()
