const { chromium } = require("playwright-core");
(async () => {
  const t = Date.now();
  const b = await chromium.launch({ executablePath: "/tmp/spx/ss/chromium", headless: true, args: ["--no-sandbox","--disable-gpu"] });
  console.log("launched", Date.now()-t, b.version());
  const p = await b.newPage();
  await p.setContent("<h1>hi</h1><svg><text x=10 y=20>abc</text></svg>");
  console.log(await p.evaluate(() => document.querySelector("text").getBBox().width));
  await p.screenshot({ path: "/tmp/spx/s.png" });
  await b.close();
})().catch(e => { console.error(e); process.exit(1); });
