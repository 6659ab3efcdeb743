// dist/cjs holds CommonJS although the package is "type": "module": a
// package.json there says so to Node and to TypeScript.
import { writeFileSync } from "node:fs";
writeFileSync(new URL("../dist/cjs/package.json", import.meta.url), '{\n  "type": "commonjs"\n}\n');
