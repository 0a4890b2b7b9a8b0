// Synthetic threads in Threadline's native format, shaped like real ones:
// about a third of the comments at top level, branching that thins with
// depth, a few chains 30 or more deep, bodies of 20 to 2,000 characters, and
// one top-level comment (`c0`) with a subtree of a known size for the
// collapse benchmark. A fixed seed makes every run the same thread.

const WORDS = (
  "the army said on saturday that border town operation will be first target of " +
  "this report I think why not again militia forces launched large scale attack " +
  "western province media wing allies support government battles multiple fronts " +
  "experts believe land route syrian iraqi link establish better control"
).split(" ");
const NAMES = ["Rania", "Tomás", "Aiyana", "Kenji", "Oluwaseun", "Marta", "Ilya", "Sofía", "Dara", "Noor"];

/** A small deterministic PRNG (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A body of 20 to 2,000 characters, log-uniform, in paragraphs. */
function body(next) {
  const length = Math.round(20 * Math.pow(100, next()));
  let text = "";
  while (text.length < length) {
    const word = WORDS[Math.floor(next() * WORDS.length)];
    const gap = text.length === 0 ? "" : next() < 0.02 ? "\n\n" : " ";
    text += gap + word;
  }
  return text.slice(0, length).trimEnd() || "ok";
}

/**
 * The thread with `count` comments. The subtree under `c0` holds
 * `subtree` descendants (1,000 when the thread is big enough).
 */
export function generate(count, seed = 2017) {
  const next = random(seed);
  const subtree = count >= 5000 ? 1000 : Math.floor(count / 5);
  const chains = Math.max(1, Math.floor(count / 2000));
  const parent = new Array(count).fill(null);
  const depth = new Array(count).fill(0);
  // Candidate parents by depth, inside c0's subtree and outside it.
  const inside = [[0]];
  const outside = [[]];
  const pick = (levels) => {
    // Weight each depth by its size times 0.35^depth: deeper levels thin out.
    let total = 0;
    const weights = levels.map((nodes, d) => {
      const w = nodes.length * Math.pow(0.35, d);
      total += w;
      return w;
    });
    let r = next() * total;
    for (let d = 0; d < levels.length; d++) {
      if ((r -= weights[d]) <= 0 && levels[d].length) return levels[d][Math.floor(next() * levels[d].length)];
    }
    return levels[0][0];
  };
  const place = (i, p, levels) => {
    parent[i] = p;
    depth[i] = p === null ? 0 : depth[p] + 1;
    (levels[depth[i]] ||= []).push(i);
  };
  let i = 1;
  for (; i <= subtree && i < count; i++) place(i, pick(inside), inside);
  // Chains of 30 to 40 replies, each under a random top-level comment.
  const chainStarts = [];
  for (; i < count; i++) {
    const roots = outside[0];
    if (roots.length === 0 || next() < 1 / 3) {
      place(i, null, outside);
    } else if (chainStarts.length < chains && roots.length > 3 && next() < 0.02) {
      let p = roots[Math.floor(next() * roots.length)];
      const length = 30 + Math.floor(next() * 11);
      chainStarts.push(p);
      for (let k = 0; k < length && i < count; k++, i++) {
        place(i, p, outside);
        p = i;
      }
      i--;
    } else {
      place(i, pick(outside), outside);
    }
  }
  const start = Date.parse("2017-09-17T10:00:00Z");
  const comments = parent.map((p, n) => {
    const comment = {
      id: `c${n}`,
      author: `${NAMES[n % NAMES.length]} ${n}`,
      created: new Date(start + n * 7000).toISOString(),
      score: Math.floor(next() * 60) - 8,
      body: body(next),
    };
    if (p !== null) comment.parent = `c${p}`;
    return comment;
  });
  return { id: `bench-${count}`, comments };
}

/** Facts about a generated thread, for the report. */
export function describe(thread) {
  const depth = new Map();
  let top = 0;
  let deepest = 0;
  let chars = 0;
  for (const c of thread.comments) {
    const d = c.parent ? depth.get(c.parent) + 1 : 0;
    depth.set(c.id, d);
    if (d === 0) top++;
    deepest = Math.max(deepest, d);
    chars += c.body.length;
  }
  const under = new Map();
  for (const c of [...thread.comments].reverse()) {
    if (c.parent) under.set(c.parent, (under.get(c.parent) || 0) + (under.get(c.id) || 0) + 1);
  }
  return {
    comments: thread.comments.length,
    topLevel: top,
    deepest,
    averageBody: Math.round(chars / thread.comments.length),
    subtreeOfC0: under.get("c0") || 0,
  };
}
