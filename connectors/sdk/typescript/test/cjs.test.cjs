// The CommonJS build loads with require() and exports the same API.
const assert = require("node:assert/strict");
const { test } = require("node:test");

test("require('@parapet/sdk') through the exports map", () => {
  const sdk = require("@parapet/sdk");
  assert.equal(typeof sdk.Client, "function");
  assert.equal(typeof sdk.guard, "function");
  assert.equal(typeof sdk.withParapet, "function");
  assert.equal(sdk.InvalidFieldError.code, "invalid_field");
  assert.ok(new sdk.InvalidFieldError(400, "invalid_field") instanceof sdk.APIError);
  assert.equal(sdk.restore("<A_1>", { "<A_1>": "x" }), "x");
});
