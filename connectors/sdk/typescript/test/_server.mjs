// Starts the contract suite's real `parapet serve` once per test file: the
// default library plus contract/bundle, contract/server/parapet.yaml (keys,
// 64 KiB body limit, a free loopback port).
import { spawn, execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { load } from "./_yaml.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const CONTRACT = join(here, "..", "..", "contract");
export const REPO = join(CONTRACT, "..", "..", "..");

export function assembleBundle(dst) {
  mkdirSync(join(dst, "contract"), { recursive: true });
  const lib = join(REPO, "rego");
  for (const name of readdirSync(lib)) {
    if (name.endsWith("_test.rego") || !(name.endsWith(".rego") || name === "data.json" || name === ".manifest")) continue;
    copyFileSync(join(lib, name), join(dst, name));
  }
  for (const name of readdirSync(join(CONTRACT, "bundle"))) {
    if (name.endsWith(".rego") && !name.endsWith("_test.rego")) {
      copyFileSync(join(CONTRACT, "bundle", name), join(dst, "contract", name));
    }
  }
}

/** Starts parapet serve; resolves to { url, close() }. */
export async function startServer() {
  const tmp = mkdtempSync(join(tmpdir(), "parapet-ts-contract-"));
  const bundle = join(tmp, "bundle");
  assembleBundle(bundle);
  let bin = process.env.PARAPET_BIN;
  if (!bin) {
    bin = join(tmp, "parapet");
    execFileSync("go", ["build", "-o", bin, "./cmd/parapet"], { cwd: REPO, stdio: "inherit" });
  }
  const proc = spawn(bin, ["serve", "--config", "parapet.yaml", "--bundle", bundle], {
    cwd: join(CONTRACT, "server"), stdio: ["ignore", "ignore", "pipe"],
  });
  const log = [];
  const url = await new Promise((resolve, reject) => {
    const rl = createInterface({ input: proc.stderr });
    rl.on("line", (line) => {
      log.push(line);
      try {
        const ev = JSON.parse(line);
        if (ev["@message"] === "listening" && ev.addr) resolve(`http://${ev.addr}`);
      } catch { /* not JSON */ }
    });
    proc.on("exit", (code) => reject(new Error(`parapet serve exited (${code}) before listening:\n${log.join("\n")}`)));
  });
  return {
    url,
    log,
    async close() {
      if (proc.exitCode === null) {
        const done = new Promise((r) => proc.once("exit", r));
        proc.kill("SIGTERM");
        await done;
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export function tokens() {
  return JSON.parse(readFileSync(join(CONTRACT, "server", "tokens.json"), "utf8"));
}

/** Every case of contract/*.yaml, in file-name order. */
export function cases() {
  const out = [];
  for (const name of readdirSync(CONTRACT).filter((n) => n.endsWith(".yaml")).sort()) {
    const doc = load(readFileSync(join(CONTRACT, name), "utf8"));
    for (const c of doc.cases) out.push({ ...c, _file: basename(name) });
  }
  return out;
}

/** The raw body of a case (a Uint8Array), or undefined. */
export function caseBody(c) {
  const enc = new TextEncoder();
  if ("request" in c) return enc.encode(JSON.stringify(c.request));
  if ("body" in c) return enc.encode(c.body);
  if ("body_base64" in c) return new Uint8Array(Buffer.from(c.body_base64, "base64"));
  if ("body_repeat" in c) {
    const r = c.body_repeat;
    return enc.encode(r.prefix + r.unit.repeat(r.count) + r.suffix);
  }
  return undefined;
}
