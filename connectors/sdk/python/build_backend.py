"""Builds the parapet-sdk wheel and sdist with the standard library only.

It is the PEP 517 backend named in pyproject.toml, so ``pip install .``
(and ``python3 -m build``, where it is installed) use it, and a script:

    python3 build_backend.py            # dist/parapet_sdk-<version>-py3-none-any.whl
    python3 build_backend.py --sdist    # and dist/parapet_sdk-<version>.tar.gz

The wheel follows PEP 427 (METADATA, WHEEL, RECORD with sha256 hashes);
entries are sorted and dated from SOURCE_DATE_EPOCH (default 1980-01-01),
so two builds of the same tree are byte-identical.
"""

import base64
import hashlib
import io
import os
import re
import sys
import tarfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = "parapet"


def _project():
    with open(os.path.join(HERE, "pyproject.toml"), "rb") as f:
        raw = f.read()
    try:
        import tomllib  # Python 3.11+
        return tomllib.loads(raw.decode("utf-8"))["project"]
    except ImportError:  # pragma: no cover - older Pythons: the flat keys we need
        proj, section = {}, None
        for line in raw.decode("utf-8").splitlines():
            m = re.match(r"^\[(.+)\]$", line.strip())
            if m:
                section = m.group(1)
            elif section == "project":
                m = re.match(r'^([a-z-]+)\s*=\s*"(.*)"$', line.strip())
                if m:
                    proj[m.group(1)] = m.group(2)
        return proj


def _dist_name(name):
    return re.sub(r"[-_.]+", "_", name).lower()


def _metadata(p):
    lines = ["Metadata-Version: 2.1", "Name: " + p["name"], "Version: " + p["version"]]
    if p.get("description"):
        lines.append("Summary: " + p["description"])
    if p.get("requires-python"):
        lines.append("Requires-Python: " + p["requires-python"])
    if p.get("license"):
        lines.append("License: " + (p["license"] if isinstance(p["license"], str) else p["license"].get("text", "")))
    if p.get("keywords"):
        lines.append("Keywords: " + ",".join(p["keywords"]))
    for c in p.get("classifiers", []):
        lines.append("Classifier: " + c)
    for label, url in (p.get("urls") or {}).items():
        lines.append("Project-URL: %s, %s" % (label, url))
    for d in p.get("dependencies", []):
        lines.append("Requires-Dist: " + d)
    readme = ""
    if p.get("readme"):
        with open(os.path.join(HERE, p["readme"]), encoding="utf-8") as f:
            readme = f.read()
        lines.append("Description-Content-Type: text/markdown")
    return ("\n".join(lines) + "\n\n" + readme).encode("utf-8")


def _package_files():
    root = os.path.join(HERE, "src")
    out = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, PACKAGE)):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for fn in sorted(filenames):
            if fn.endswith((".py", ".typed")):
                full = os.path.join(dirpath, fn)
                out.append((os.path.relpath(full, root).replace(os.sep, "/"), full))
    return out


def _date():
    t = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")))
    return max(t[:6], (1980, 1, 1, 0, 0, 0))


def _hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _write_wheel(wheel_directory, files):
    p = _project()
    name, version = _dist_name(p["name"]), p["version"]
    info = "%s-%s.dist-info" % (name, version)
    wheel = "%s-%s-py3-none-any.whl" % (name, version)
    entries = list(files)
    entries.append((info + "/METADATA", _metadata(p)))
    entries.append((info + "/WHEEL", b"Wheel-Version: 1.0\nGenerator: parapet build_backend.py\n"
                                     b"Root-Is-Purelib: true\nTag: py3-none-any\n"))
    lic = os.path.normpath(os.path.join(HERE, "..", "..", "..", "LICENSE"))
    if os.path.exists(lic):
        with open(lic, "rb") as f:
            entries.append((info + "/licenses/LICENSE", f.read()))
    record = [("%s,%s,%d" % (path, _hash(data), len(data))) for path, data in entries]
    record.append(info + "/RECORD,,")
    entries.append((info + "/RECORD", ("\n".join(record) + "\n").encode()))
    os.makedirs(wheel_directory, exist_ok=True)
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel), "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in entries:
            zi = zipfile.ZipInfo(path, date_time=_date())
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return wheel


def _read(full):
    with open(full, "rb") as f:
        return f.read()


# PEP 517 hooks.

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, [(path, _read(full)) for path, full in _package_files()])


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """PEP 660: a wheel holding a .pth file that puts src/ on sys.path."""
    pth = (os.path.join(HERE, "src") + "\n").encode()
    return _write_wheel(wheel_directory, [("_parapet_sdk_editable.pth", pth)])


def build_sdist(sdist_directory, config_settings=None):
    p = _project()
    base = "%s-%s" % (_dist_name(p["name"]), p["version"])
    files = [("pyproject.toml", os.path.join(HERE, "pyproject.toml")),
             ("build_backend.py", os.path.join(HERE, "build_backend.py")),
             ("README.md", os.path.join(HERE, "README.md"))]
    files += [("src/" + path, full) for path, full in _package_files()]
    for dirpath, dirnames, filenames in os.walk(os.path.join(HERE, "tests")):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for fn in sorted(filenames):
            if fn.endswith(".py"):
                full = os.path.join(dirpath, fn)
                files.append((os.path.relpath(full, HERE).replace(os.sep, "/"), full))
    os.makedirs(sdist_directory, exist_ok=True)
    out = base + ".tar.gz"
    mtime = time.mktime(_date() + (0, 0, -1))
    with tarfile.open(os.path.join(sdist_directory, out), "w:gz", format=tarfile.PAX_FORMAT) as tar:
        def add(name, data):
            ti = tarfile.TarInfo(base + "/" + name)
            ti.size, ti.mode, ti.mtime = len(data), 0o644, mtime
            tar.addfile(ti, io.BytesIO(data))
        add("PKG-INFO", _metadata(p))
        for name, full in files:
            add(name, _read(full))
    return out


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description="Build the parapet-sdk wheel (and sdist) with the standard library.")
    ap.add_argument("--outdir", default=os.path.join(HERE, "dist"))
    ap.add_argument("--sdist", action="store_true", help="also build the sdist")
    args = ap.parse_args(argv)
    print(os.path.join(args.outdir, build_wheel(args.outdir)))
    if args.sdist:
        print(os.path.join(args.outdir, build_sdist(args.outdir)))


if __name__ == "__main__":
    main(sys.argv[1:])
