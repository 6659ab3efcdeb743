"""A small YAML reader for the contract files (the standard library has
none). It reads the subset the files use and refuses anything else rather
than guess: block mappings and sequences, flow collections, plain, single-
and double-quoted scalars, literal (|) and folded (>) block scalars, and
comments. No anchors, aliases, tags or multiple documents."""

import re

__all__ = ["load", "YAMLError"]


class YAMLError(ValueError):
    pass


_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0"}


def _resolve(s):
    if s in ("null", "Null", "NULL", "~", ""):
        return None
    if s in ("true", "True", "TRUE"):
        return True
    if s in ("false", "False", "FALSE"):
        return False
    if _INT.match(s):
        return int(s)
    if _FLOAT.match(s):
        return float(s)
    if s[0] in "&*!%@`":
        raise YAMLError("unsupported YAML: %r" % s)
    return s


def _strip_comment(text):
    """Removes a trailing comment outside quotes."""
    quote = None
    i = 0
    while i < len(text):
        c = text[i]
        if quote == '"':
            if c == "\\":
                i += 1
            elif c == '"':
                quote = None
        elif quote == "'":
            if c == "'":
                if i + 1 < len(text) and text[i + 1] == "'":
                    i += 1
                else:
                    quote = None
        elif c in "\"'" and (i == 0 or text[i - 1] in " \t[{,:"):
            quote = c
        elif c == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i].rstrip()
        i += 1
    return text.rstrip()


class _Flow:
    """Reads one scalar or flow collection from a string."""

    def __init__(self, s, line):
        self.s, self.i, self.line = s, 0, line

    def err(self, msg):
        return YAMLError("line %d: %s" % (self.line, msg))

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \t":
            self.i += 1

    def value(self, flow):
        self.ws()
        if self.i >= len(self.s):
            return None
        c = self.s[self.i]
        if c == "{":
            return self.mapping()
        if c == "[":
            return self.sequence()
        if c == '"':
            return self.double()
        if c == "'":
            return self.single()
        return _resolve(self.plain(flow, key=False))

    def plain(self, flow, key):
        start = self.i
        while self.i < len(self.s):
            c = self.s[self.i]
            nxt = self.s[self.i + 1] if self.i + 1 < len(self.s) else " "
            if flow and c in ",]}":
                break
            if key and c == ":" and (nxt in " \t" or (flow and nxt in ",]}")):
                break
            self.i += 1
        return self.s[start:self.i].strip()

    def double(self):
        self.i += 1
        out = []
        while True:
            if self.i >= len(self.s):
                raise self.err("unterminated double-quoted string")
            c = self.s[self.i]
            if c == '"':
                self.i += 1
                return "".join(out)
            if c == "\\":
                e = self.s[self.i + 1]
                if e in _ESCAPES:
                    out.append(_ESCAPES[e])
                    self.i += 2
                elif e in "xuU":
                    n = {"x": 2, "u": 4, "U": 8}[e]
                    out.append(chr(int(self.s[self.i + 2:self.i + 2 + n], 16)))
                    self.i += 2 + n
                else:
                    raise self.err("unknown escape \\%s" % e)
                continue
            out.append(c)
            self.i += 1

    def single(self):
        self.i += 1
        out = []
        while True:
            if self.i >= len(self.s):
                raise self.err("unterminated single-quoted string")
            c = self.s[self.i]
            if c == "'":
                if self.s[self.i + 1:self.i + 2] == "'":
                    out.append("'")
                    self.i += 2
                    continue
                self.i += 1
                return "".join(out)
            out.append(c)
            self.i += 1

    def key(self, flow):
        self.ws()
        if self.i < len(self.s) and self.s[self.i] == '"':
            k = self.double()
        elif self.i < len(self.s) and self.s[self.i] == "'":
            k = self.single()
        else:
            k = self.plain(flow, key=True)
        self.ws()
        if self.s[self.i:self.i + 1] != ":":
            raise self.err("expected ':' after key %r" % k)
        self.i += 1
        return k

    def mapping(self):
        self.i += 1
        out = {}
        while True:
            self.ws()
            if self.s[self.i:self.i + 1] == "}":
                self.i += 1
                return out
            k = self.key(flow=True)
            out[k] = self.value(flow=True)
            self.ws()
            c = self.s[self.i:self.i + 1]
            if c == ",":
                self.i += 1
            elif c != "}":
                raise self.err("expected ',' or '}' in a flow mapping")

    def sequence(self):
        self.i += 1
        out = []
        while True:
            self.ws()
            if self.s[self.i:self.i + 1] == "]":
                self.i += 1
                return out
            out.append(self.value(flow=True))
            self.ws()
            c = self.s[self.i:self.i + 1]
            if c == ",":
                self.i += 1
            elif c != "]":
                raise self.err("expected ',' or ']' in a flow sequence")

    def done(self):
        self.ws()
        if self.i != len(self.s):
            raise self.err("unexpected text %r" % self.s[self.i:])


def _key_split(text, line):
    """Returns (key, rest) when text is 'key: rest' or 'key:', else None."""
    if not text or text[0] in "{[":
        return None
    f = _Flow(text, line)
    if text[0] in "\"'":
        try:
            k = f.double() if text[0] == '"' else f.single()
        except (YAMLError, IndexError):
            return None
        f.ws()
        if f.s[f.i:f.i + 1] != ":" or f.s[f.i + 1:f.i + 2] not in ("", " ", "\t"):
            return None
        return k, f.s[f.i + 1:].strip()
    m = re.search(r":(\s|$)", text)
    if not m:
        return None
    return text[:m.start()].strip(), text[m.end():].strip()


class _Reader:
    def __init__(self, text):
        if "\t" in "".join(l[:len(l) - len(l.lstrip())] for l in text.splitlines()):
            raise YAMLError("tabs in indentation")
        self.raw = text.splitlines()
        self.lines = []  # (line number, indent, text) of meaningful lines
        self.i = 0

    def scan(self, start):
        """Meaningful lines from raw index start."""
        out = []
        for n in range(start, len(self.raw)):
            raw = self.raw[n]
            text = _strip_comment(raw.strip())
            if not text or (n == 0 and text == "---"):
                continue
            if text in ("---", "...") or text.startswith("%"):
                raise YAMLError("line %d: one document only" % (n + 1))
            out.append((n, len(raw) - len(raw.lstrip(" ")), text))
        return out

    def parse(self):
        self.lines = self.scan(0)
        if not self.lines:
            return None
        v = self.block(self.lines[0][1])
        if self.i < len(self.lines):
            raise YAMLError("line %d: unexpected indentation" % (self.lines[self.i][0] + 1))
        return v

    def peek(self):
        return self.lines[self.i] if self.i < len(self.lines) else None

    def block(self, indent):
        n, ind, text = self.peek()
        if text == "-" or text.startswith("- "):
            return self.seq(ind)
        return self.mapping(ind)

    def value_after(self, n, indent, rest, seq_ok):
        """The value of a key or item whose inline text is rest."""
        if rest == "":
            nxt = self.peek()
            if nxt and nxt[1] > indent:
                return self.block(nxt[1])
            if seq_ok and nxt and nxt[1] == indent and (nxt[2] == "-" or nxt[2].startswith("- ")):
                return self.seq(indent)
            return None
        if rest[0] in "|>":
            return self.block_scalar(n, indent, rest)
        f = _Flow(rest, n + 1)
        v = f.value(flow=False)
        f.done()
        return v

    def mapping(self, indent):
        out = {}
        while True:
            cur = self.peek()
            if not cur or cur[1] < indent:
                return out
            n, ind, text = cur
            if ind > indent:
                raise YAMLError("line %d: unexpected indentation" % (n + 1))
            if text == "-" or text.startswith("- "):
                return out
            kv = _key_split(text, n + 1)
            if kv is None:
                raise YAMLError("line %d: expected 'key: value'" % (n + 1))
            self.i += 1
            k, rest = kv
            if k in out:
                raise YAMLError("line %d: duplicate key %r" % (n + 1, k))
            out[k] = self.value_after(n, indent, rest, seq_ok=True)

    def seq(self, indent):
        out = []
        while True:
            cur = self.peek()
            if not cur or cur[1] < indent:
                return out
            n, ind, text = cur
            if ind > indent:
                raise YAMLError("line %d: unexpected indentation" % (n + 1))
            if not (text == "-" or text.startswith("- ")):
                return out
            rest = text[1:].lstrip(" ")
            col = ind + (len(text) - len(rest))
            if rest == "-" or rest.startswith("- "):
                # "- - item": a sequence in a sequence, its items at col.
                self.lines[self.i] = (n, col, rest)
                out.append(self.seq(col))
                continue
            if rest and _key_split(rest, n + 1) is not None:
                # "- key: value": a mapping whose keys sit at col.
                self.lines[self.i] = (n, col, rest)
                out.append(self.mapping(col))
                continue
            self.i += 1
            out.append(self.value_after(n, indent, rest, seq_ok=False))

    def block_scalar(self, n, indent, header):
        m = re.match(r"^([|>])([-+]?)$", header)
        if not m:
            raise YAMLError("line %d: unsupported block scalar header %r" % (n + 1, header))
        style, chomp = m.groups()
        # Take raw lines after n that are blank or indented past indent.
        body, k = [], n + 1
        while k < len(self.raw):
            raw = self.raw[k]
            if raw.strip() and len(raw) - len(raw.lstrip(" ")) <= indent:
                break
            body.append(raw)
            k += 1
        while body and not body[-1].strip():
            body.pop()
        trailing = k - (n + 1) - len(body)
        ind = min((len(l) - len(l.lstrip(" ")) for l in body if l.strip()), default=indent + 1)
        lines = [l[ind:] for l in body]
        if style == "|":
            text = "\n".join(lines)
        else:
            text, prev_blank = "", True
            for l in lines:
                if not l:
                    text += "\n"
                    prev_blank = True
                else:
                    text += ("" if prev_blank else " ") + l
                    prev_blank = False
        if chomp == "":
            text += "\n" if lines else ""
        elif chomp == "+":
            text += "\n" * (1 + trailing)
        # Skip the scanned lines the block scalar consumed.
        while self.i < len(self.lines) and self.lines[self.i][0] < k:
            self.i += 1
        return text


def load(text):
    """Parses one YAML document of the supported subset."""
    return _Reader(text).parse()
