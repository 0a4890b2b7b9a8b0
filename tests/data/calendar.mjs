// Writes src/core/calendar_data.rs: how each of Threadline's languages
// writes a date ("16. September 2017"), a full date and time ("Samstag,
// 16. September 2017 um 10:05") and how long ago ("vor 3 Stunden",
// "gestern"), read from Chromium's own Intl (CLDR), so the widget writes
// them without making an Intl.DateTimeFormat or RelativeTimeFormat (the
// first of each costs a throttled phone some 60 ms in one task) and the
// prerender, which has no browser, writes them the same:
//
//   node tests/data/calendar.mjs
//
// A component test (tests/components.rs) checks the result against
// Chromium's Intl for every language over many dates.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "../e2e/harness.mjs";

const LANGS = ["en", "de", "fr", "es", "tr", "ru", "ar", "ja"];
const browser = await launch();
const version = browser.version();
const page = await browser.newPage();
const data = await page.evaluate((langs) => {
  const names = { weekday: "{weekday}", day: "{day}", month: "{month}", year: "{year}", hour: "{hour}", minute: "{minute}", dayPeriod: "{period}" };
  // A template from a formatter's parts: literals kept, fields named.
  const template = (parts) =>
    parts.map((part) => (part.type === "literal" ? part.value.replace(/[{}]/g, "") : names[part.type] ?? `{${part.type}}`)).join("");
  const part = (parts, type) => parts.find((p) => p.type === type)?.value ?? "";
  // "3 hours ago" for each unit: a phrase per plural category with the
  // number as {n}, and the phrases said without a number ("yesterday",
  // "now") for the values that have one.
  const relative = (lang) => {
    const format = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
    const rules = new Intl.PluralRules(lang);
    const categories = ["zero", "one", "two", "few", "many", "other"];
    return ["second", "minute", "hour", "day", "month", "year"].map((unit) => {
      const said = [];
      for (let n = 0; n <= 3; n++) {
        const parts = format.formatToParts(-n, unit);
        if (!parts.some((p) => p.type === "integer")) said.push([n, parts.map((p) => p.value).join("")]);
      }
      const forms = categories.map((category) => {
        for (let n = 0; n <= 2000; n++) {
          if (rules.select(n) !== category) continue;
          const parts = format.formatToParts(-n, unit);
          if (!parts.some((p) => p.type === "integer")) continue;
          // The number's parts (digits and group separators) become {n}.
          let text = "";
          let inNumber = false;
          for (const p of parts) {
            const numeric = p.type === "integer" || p.type === "group";
            if (numeric && !inNumber) text += "{n}";
            else if (!numeric) text += p.value.replace(/[{}]/g, "");
            inNumber = numeric;
          }
          return text;
        }
        return "";
      });
      return { said, forms };
    });
  };
  return langs.map((lang) => {
    const long = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
    const full = new Intl.DateTimeFormat(lang, { dateStyle: "full", timeStyle: "short", timeZone: "UTC" });
    // 2017-01-01 was a Sunday; the 16th of each month, at 10:05 and 22:05.
    const at = (month, day, hour) => new Date(Date.UTC(2017, month, day, hour, 5));
    const longParts = long.formatToParts(at(8, 16, 10));
    const fullParts = full.formatToParts(at(8, 16, 10));
    return {
      lang,
      long: template(longParts),
      full: template(fullParts),
      // The month as the long date writes it, then as the full date does
      // (the same in every language here, but read apart to be sure).
      months: [...Array(12).keys()].map((m) => part(long.formatToParts(at(m, 16, 10)), "month")),
      fullMonths: [...Array(12).keys()].map((m) => part(full.formatToParts(at(m, 16, 10)), "month")),
      weekdays: [...Array(7).keys()].map((d) => part(full.formatToParts(at(0, 1 + d, 10)), "weekday")),
      periods: [part(full.formatToParts(at(0, 1, 10)), "dayPeriod"), part(full.formatToParts(at(0, 1, 22)), "dayPeriod")],
      twelveHours: full.resolvedOptions().hourCycle === "h12" || full.resolvedOptions().hourCycle === "h11",
      // "2017年9月16日": whether the month is a number.
      numericMonth: /^\d+$/.test(part(longParts, "month")),
      twoDigitHour: part(full.formatToParts(at(0, 1, 9)), "hour").length === 2,
      relative: relative(lang),
    };
  });
}, LANGS);
await browser.close();

for (const entry of data) {
  if (JSON.stringify(entry.months) !== JSON.stringify(entry.fullMonths)) throw new Error(`${entry.lang}: the full date names months differently`);
  if (entry.numericMonth !== entry.months.every((m, i) => m === String(i + 1))) throw new Error(`${entry.lang}: months neither names nor numbers`);
}

// Invisible characters (no-break and narrow spaces, direction marks) escaped.
const rust = (text) => JSON.stringify(text).replace(/[\u007f-\u00a0\u2000-\u200f\u2028-\u202f\u205f-\u206f\ufeff]/g, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
const list = (items) => `[${items.map(rust).join(", ")}]`;
const out = `//! Generated by \`node tests/data/calendar.mjs\` from Chromium's Intl
//! ${version}: how each language writes a date, a full date and time, and
//! how long ago.
//! Do not edit by hand.

use super::calendar::{Calendar, Relative};
use super::words::{Forms, Lang};

/// The calendar words and patterns of \`lang\`.
pub fn calendar(lang: Lang) -> &'static Calendar {
    match lang {
${data.map((d) => `        Lang::${d.lang[0].toUpperCase()}${d.lang[1]} => &${d.lang.toUpperCase()},`).join("\n")}
    }
}
${data
  .map(
    (d) => `
const ${d.lang.toUpperCase()}: Calendar = Calendar {
    long: ${rust(d.long)},
    full: ${rust(d.full)},
    months: ${d.numericMonth ? "None" : `Some(${list(d.months)})`},
    weekdays: ${list(d.weekdays)},
    periods: ${d.twelveHours ? `Some(${list(d.periods)})` : "None"},
    two_digit_hour: ${d.twoDigitHour},
    relative: [
${d.relative.map((unit) => `        Relative {
            forms: Forms { ${["zero", "one", "two", "few", "many", "other"].map((name, i) => `${name}: ${rust(unit.forms[i])}`).join(", ")} },
            said: &[${unit.said.map(([n, text]) => `(${n}, ${rust(text)})`).join(", ")}],
        },`).join("\n")}
    ],
};`,
  )
  .join("\n")}
`;
const target = join(dirname(fileURLToPath(import.meta.url)), "../../src/core/calendar_data.rs");
writeFileSync(target, out);
execFileSync("rustfmt", ["--edition", "2021", target]);
console.log(`wrote ${target}`);
