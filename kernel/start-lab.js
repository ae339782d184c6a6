#!/usr/bin/env node
// @ts-check
/** `npm start`: JupyterLab on notebooks/, localhost only, token authentication on. */
const { startLab } = require("./lab");

startLab({ port: Number(process.env.PORT) || 8888 })
  .then((lab) => {
    console.log(`\nJupyterLab is running on localhost only. Open:\n\n  ${lab.url}\n\nPress Ctrl+C to stop.`);
    const stop = () => lab.stop().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  })
  .catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
