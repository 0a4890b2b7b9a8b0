// What the benchmarks share: the memory a page holds, medians, units, and
// the Markdown table of another client's figures against Threadline's.
import { assetFolder } from "../e2e/harness.mjs";

/**
 * The JS heap after garbage collection, plus, for Threadline, its widget's
 * own wasm memory (the glue it runs from is `threadline.js?w=1`; wasm
 * memory never shrinks, so this is its peak).
 */
export async function memory(context, tab, origin, threadline) {
  const cdp = await context.newCDPSession(tab);
  await cdp.send("HeapProfiler.collectGarbage");
  await tab.waitForTimeout(200);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const glue = `${origin}/threadline/${assetFolder()}/threadline.js?w=1`;
  const wasm = threadline ? await tab.evaluate(async (url) => (await (await import(url)).default()).memory.buffer.byteLength, glue) : 0;
  return { memory: heap.usedSize + wasm, wasm };
}

/** The median of some numbers. */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds: one decimal under 10. */
export const ms = (v) => (v == null ? "-" : v < 10 ? v.toFixed(1) : Math.round(v).toString());

/** Bytes as MB with one decimal. */
export const mb = (v) => (v / 1048576).toFixed(1);

/**
 * Prints, per size, `other`'s figure, Threadline's and their ratio for each
 * metric `[label, key, show]`; `value(n, kind, key)` gives a figure.
 */
export function printTable(sizes, other, metrics, value) {
  console.log(`\n| metric | ${sizes.map((n) => `${n} ${other} | ${n} Threadline | ratio`).join(" | ")} |`);
  console.log(`|---|${sizes.map(() => "---:|---:|---:").join("|")}|`);
  for (const [label, key, show] of metrics) {
    const cells = sizes.map((n) => {
      const base = value(n, other, key);
      const ours = value(n, "threadline", key);
      const ratio = typeof base === "number" && base > 0 && key !== "rendered" ? (ours / base).toFixed(2) : "";
      return `${show(base)} | ${show(ours)} | ${ratio}`;
    });
    console.log(`| ${label} | ${cells.join(" | ")} |`);
  }
}
