// Takes the README's screenshots of the seed page in headless Chromium:
// desktop and phone widths, light and dark, and the page in each language
// of the widget, Arabic (right to left) on desktop and phone. Run: npm run screenshots --prefix tests/e2e
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { buildRelease, dist, launch, root, serve } from "./harness.mjs";

const out = join(root, "www/screenshots");
const shots = [
  { name: "seed-desktop-light", width: 1280, height: 1700, colorScheme: "light" },
  { name: "seed-desktop-dark", width: 1280, height: 1700, colorScheme: "dark" },
  { name: "seed-phone-light", width: 375, height: 1300, colorScheme: "light", atThread: true },
  { name: "seed-phone-dark", width: 375, height: 1300, colorScheme: "dark", atThread: true },
  ...["de", "fr", "es", "tr", "ru", "ja"].map((lang) => ({
    name: `seed-desktop-${lang}`,
    width: 1280,
    height: 1700,
    colorScheme: "light",
    lang,
    atThread: true,
  })),
  { name: "seed-desktop-ar", width: 1280, height: 1700, colorScheme: "light", lang: "ar", atThread: true },
  { name: "seed-phone-ar", width: 375, height: 1300, colorScheme: "light", lang: "ar", atThread: true },
];

buildRelease();
await mkdir(out, { recursive: true });
const { server, origin } = await serve({ "/": dist });
const browser = await launch();
for (const { name, width, height, colorScheme, atThread, lang } of shots) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme });
  if (lang) {
    // The same page, its lang (and for Arabic, its direction) changed.
    await page.route("**/index.html", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<html lang="[^"]*"/, `<html lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}"`);
      await route.fulfill({ response, body: html });
    });
  }
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector(".tl-comment >> nth=12");
  if (atThread) await page.locator(".tl-thread").evaluate((thread) => thread.scrollIntoView());
  await page.screenshot({ path: join(out, `${name}.png`) });
  await page.close();
  console.log(`wrote www/screenshots/${name}.png`);
}
await browser.close();
server.close();
