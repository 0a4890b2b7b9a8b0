// The large-thread benchmark's floor (tests/bench/floor.js) stands for
// Threadline only while it draws what Threadline draws. The benchmark's own
// check, run here so a change to the widget's markup cannot leave the floor
// measuring something else: on the 1,000-comment thread, both shadow roots
// must be the same element by element (tag, attributes, text) after the
// load and after one scroll to the end.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { root } from "./harness.mjs";

test("the benchmark's floor draws exactly what Threadline draws, and one scroll adds one page to both", () => {
  const run = spawnSync(process.execPath, [join(root, "tests/bench/run.mjs"), "1000"], {
    env: { ...process.env, BENCH_CHECK_ONLY: "1" },
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /same elements: \d+ lines, 163 comments; one scroll: 10 → 20 top-level, 251 comments/);
});
