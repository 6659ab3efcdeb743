// A small YAML reader for the contract files (Node has none, and the SDK
// takes no dependencies). The same subset as the Python SDK's tests read,
// and it refuses anything else rather than guess: block mappings and
// sequences, flow collections, plain, single- and double-quoted scalars,
// literal (|) and folded (>) block scalars, comments.

export class YAMLError extends Error {}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const ESC = { 0: "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0" };

function resolve(s) {
  if (["null", "Null", "NULL", "~", ""].includes(s)) return null;
  if (["true", "True", "TRUE"].includes(s)) return true;
  if (["false", "False", "FALSE"].includes(s)) return false;
  if (INT.test(s) || FLOAT.test(s)) return Number(s);
  if ("&*!%@`".includes(s[0])) throw new YAMLError(`unsupported YAML: ${JSON.stringify(s)}`);
  return s;
}

function stripComment(text) {
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === '"') {
      if (c === "\\") i++;
      else if (c === '"') quote = null;
    } else if (quote === "'") {
      if (c === "'") {
        if (text[i + 1] === "'") i++;
        else quote = null;
      }
    } else if ((c === '"' || c === "'") && (i === 0 || " \t[{,:".includes(text[i - 1]))) {
      quote = c;
    } else if (c === "#" && (i === 0 || " \t".includes(text[i - 1]))) {
      return text.slice(0, i).trimEnd();
    }
  }
  return text.trimEnd();
}

class Flow {
  constructor(s, line) { this.s = s; this.i = 0; this.line = line; }
  err(msg) { return new YAMLError(`line ${this.line}: ${msg}`); }
  ws() { while (this.i < this.s.length && " \t".includes(this.s[this.i])) this.i++; }
  value(flow) {
    this.ws();
    if (this.i >= this.s.length) return null;
    const c = this.s[this.i];
    if (c === "{") return this.mapping();
    if (c === "[") return this.sequence();
    if (c === '"') return this.double();
    if (c === "'") return this.single();
    return resolve(this.plain(flow, false));
  }
  plain(flow, key) {
    const start = this.i;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      const nxt = this.s[this.i + 1] ?? " ";
      if (flow && ",]}".includes(c)) break;
      if (key && c === ":" && (" \t".includes(nxt) || (flow && ",]}".includes(nxt)))) break;
      this.i++;
    }
    return this.s.slice(start, this.i).trim();
  }
  double() {
    this.i++;
    let out = "";
    for (;;) {
      if (this.i >= this.s.length) throw this.err("unterminated double-quoted string");
      const c = this.s[this.i];
      if (c === '"') { this.i++; return out; }
      if (c === "\\") {
        const e = this.s[this.i + 1];
        if (e in ESC) { out += ESC[e]; this.i += 2; }
        else if ("xuU".includes(e)) {
          const n = { x: 2, u: 4, U: 8 }[e];
          out += String.fromCodePoint(parseInt(this.s.slice(this.i + 2, this.i + 2 + n), 16));
          this.i += 2 + n;
        } else throw this.err(`unknown escape \\${e}`);
        continue;
      }
      out += c;
      this.i++;
    }
  }
  single() {
    this.i++;
    let out = "";
    for (;;) {
      if (this.i >= this.s.length) throw this.err("unterminated single-quoted string");
      const c = this.s[this.i];
      if (c === "'") {
        if (this.s[this.i + 1] === "'") { out += "'"; this.i += 2; continue; }
        this.i++;
        return out;
      }
      out += c;
      this.i++;
    }
  }
  key(flow) {
    this.ws();
    let k;
    if (this.s[this.i] === '"') k = this.double();
    else if (this.s[this.i] === "'") k = this.single();
    else k = this.plain(flow, true);
    this.ws();
    if (this.s[this.i] !== ":") throw this.err(`expected ':' after key ${JSON.stringify(k)}`);
    this.i++;
    return k;
  }
  mapping() {
    this.i++;
    const out = {};
    for (;;) {
      this.ws();
      if (this.i >= this.s.length) throw this.err("unterminated flow mapping");
      if (this.s[this.i] === "}") { this.i++; return out; }
      const k = this.key(true);
      out[k] = this.value(true);
      this.ws();
      if (this.s[this.i] === ",") this.i++;
      else if (this.s[this.i] !== "}") throw this.err("expected ',' or '}' in a flow mapping");
    }
  }
  sequence() {
    this.i++;
    const out = [];
    for (;;) {
      this.ws();
      if (this.i >= this.s.length) throw this.err("unterminated flow sequence");
      if (this.s[this.i] === "]") { this.i++; return out; }
      out.push(this.value(true));
      this.ws();
      if (this.s[this.i] === ",") this.i++;
      else if (this.s[this.i] !== "]") throw this.err("expected ',' or ']' in a flow sequence");
    }
  }
  done() {
    this.ws();
    if (this.i !== this.s.length) throw this.err(`unexpected text ${JSON.stringify(this.s.slice(this.i))}`);
  }
}

function keySplit(text, line) {
  if (!text || "{[".includes(text[0])) return null;
  if (text[0] === '"' || text[0] === "'") {
    const f = new Flow(text, line);
    let k;
    try { k = text[0] === '"' ? f.double() : f.single(); } catch { return null; }
    f.ws();
    if (f.s[f.i] !== ":" || !["", " ", "\t", undefined].includes(f.s[f.i + 1])) return null;
    return [k, f.s.slice(f.i + 1).trim()];
  }
  const m = /:(\s|$)/.exec(text);
  if (!m) return null;
  return [text.slice(0, m.index).trim(), text.slice(m.index + m[0].length).trim()];
}

const isItem = (t) => t === "-" || t.startsWith("- ");

class Reader {
  constructor(text) {
    this.raw = text.split(/\r?\n/);
    if (this.raw.some((l) => /^ *\t/.test(l))) throw new YAMLError("tabs in indentation");
    this.lines = [];
    this.i = 0;
    this.raw.forEach((raw, n) => {
      const text = stripComment(raw.trim());
      if (!text || (n === 0 && text === "---")) return;
      if (text === "---" || text === "..." || text.startsWith("%")) throw new YAMLError(`line ${n + 1}: one document only`);
      this.lines.push([n, raw.length - raw.trimStart().length, text]);
    });
  }
  parse() {
    if (this.lines.length === 0) return null;
    const v = this.block(this.lines[0][1]);
    if (this.i < this.lines.length) throw new YAMLError(`line ${this.lines[this.i][0] + 1}: unexpected indentation`);
    return v;
  }
  peek() { return this.lines[this.i]; }
  block(indent) { return isItem(this.peek()[2]) ? this.seq(indent) : this.mapping(indent); }
  valueAfter(n, indent, rest, seqOk) {
    if (rest === "") {
      const nxt = this.peek();
      if (nxt && nxt[1] > indent) return this.block(nxt[1]);
      if (seqOk && nxt && nxt[1] === indent && isItem(nxt[2])) return this.seq(indent);
      return null;
    }
    if ("|>".includes(rest[0])) return this.blockScalar(n, indent, rest);
    const f = new Flow(rest, n + 1);
    const v = f.value(false);
    f.done();
    return v;
  }
  mapping(indent) {
    const out = {};
    for (;;) {
      const cur = this.peek();
      if (!cur || cur[1] < indent) return out;
      const [n, ind, text] = cur;
      if (ind > indent) throw new YAMLError(`line ${n + 1}: unexpected indentation`);
      if (isItem(text)) return out;
      const kv = keySplit(text, n + 1);
      if (!kv) throw new YAMLError(`line ${n + 1}: expected 'key: value'`);
      this.i++;
      const [k, rest] = kv;
      if (Object.prototype.hasOwnProperty.call(out, k)) throw new YAMLError(`line ${n + 1}: duplicate key ${JSON.stringify(k)}`);
      out[k] = this.valueAfter(n, indent, rest, true);
    }
  }
  seq(indent) {
    const out = [];
    for (;;) {
      const cur = this.peek();
      if (!cur || cur[1] < indent) return out;
      const [n, ind, text] = cur;
      if (ind > indent) throw new YAMLError(`line ${n + 1}: unexpected indentation`);
      if (!isItem(text)) return out;
      const rest = text.slice(1).trimStart();
      const col = ind + (text.length - rest.length);
      if (isItem(rest)) {
        this.lines[this.i] = [n, col, rest];
        out.push(this.seq(col));
        continue;
      }
      if (rest && keySplit(rest, n + 1)) {
        this.lines[this.i] = [n, col, rest];
        out.push(this.mapping(col));
        continue;
      }
      this.i++;
      out.push(this.valueAfter(n, indent, rest, false));
    }
  }
  blockScalar(n, indent, header) {
    const m = /^([|>])([-+]?)$/.exec(header);
    if (!m) throw new YAMLError(`line ${n + 1}: unsupported block scalar header ${JSON.stringify(header)}`);
    const [, style, chomp] = m;
    const body = [];
    let k = n + 1;
    while (k < this.raw.length) {
      const raw = this.raw[k];
      if (raw.trim() && raw.length - raw.trimStart().length <= indent) break;
      body.push(raw);
      k++;
    }
    while (body.length && !body[body.length - 1].trim()) body.pop();
    const trailing = k - (n + 1) - body.length;
    const indents = body.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
    const ind = indents.length ? Math.min(...indents) : indent + 1;
    const lines = body.map((l) => l.slice(ind));
    let text;
    if (style === "|") text = lines.join("\n");
    else {
      text = "";
      let prevBlank = true;
      for (const l of lines) {
        if (!l) { text += "\n"; prevBlank = true; }
        else { text += (prevBlank ? "" : " ") + l; prevBlank = false; }
      }
    }
    if (chomp === "") text += lines.length ? "\n" : "";
    else if (chomp === "+") text += "\n".repeat(1 + trailing);
    while (this.i < this.lines.length && this.lines[this.i][0] < k) this.i++;
    return text;
  }
}

/** Parses one YAML document of the supported subset. */
export function load(text) {
  return new Reader(text).parse();
}
