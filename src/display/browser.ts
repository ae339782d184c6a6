/**
 * The headless browser pathlab draws figures with (`savePlot`) and tests reports and JupyterLab in.
 *
 * Which Chromium: `$PATHLAB_CHROMIUM` if set, else a system Chromium or Chrome if one is installed,
 * else the Chromium that `npm install` brought inside the `@sparticuz/chromium` package (a
 * Brotli-compressed build in its tarball, unpacked once into a per-version cache folder in the
 * temporary directory; about 2 s the first time). So `npm install` is enough: no apt package.
 *
 * The browser makes no network request: background services are switched off by flags, and every
 * page request that is not to a local file, a data/blob URL or an origin the caller allows (the
 * local Jupyter server) is aborted before it leaves the browser.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { pipeline } from "stream/promises";
import * as zlib from "zlib";
import type { Browser, BrowserContext, BrowserContextOptions } from "playwright-core";
import { PathlabError } from "../errors";

const SYSTEM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/**
 * Flags for a headless run as root in a container (no sandbox, no GPU) that never calls home:
 * no component or safe-browsing updates, sync, metrics, domain-reliability uploads, DNS
 * prefetching, QUIC probes, field trials or first-run checks. (playwright adds `--headless`.)
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--no-default-browser-check",
  "--no-pings",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-domain-reliability",
  "--disable-client-side-phishing-detection",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-breakpad",
  "--disable-crash-reporter",
  "--metrics-recording-only",
  "--disable-field-trial-config",
  "--safebrowsing-disable-auto-update",
  "--dns-prefetch-disable",
  "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,NetworkTimeServiceQuerying,DialMediaRouteProvider",
];

/** The Chromium installed on the system ($PATHLAB_CHROMIUM first), or null when there is none. */
export function systemChromium(): string | null {
  const env = process.env.PATHLAB_CHROMIUM;
  if (env) {
    if (fs.existsSync(env)) return env;
    throw new PathlabError(`PATHLAB_CHROMIUM points to "${env}", which does not exist.`, {
      hint: "Unset PATHLAB_CHROMIUM to use the Chromium that npm installed, or point it at a Chromium/Chrome binary.",
      code: "display.no-chromium",
    });
  }
  return SYSTEM_CANDIDATES.find((c) => fs.existsSync(c)) ?? null;
}

/** The npm package that ships a compressed Chromium (folder and version), or null if it is not installed. */
export function npmChromiumPackage(): { dir: string; version: string } | null {
  let dir: string;
  try {
    // The package exports only its entry point; its folder is the nearest one with its package.json.
    dir = path.dirname(require.resolve("@sparticuz/chromium"));
  } catch {
    return null;
  }
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pj = path.join(dir, "package.json");
    if (!fs.existsSync(pj)) continue;
    const pkg = JSON.parse(fs.readFileSync(pj, "utf8")) as { name?: string; version: string };
    if (pkg.name === "@sparticuz/chromium") return { dir, version: pkg.version };
  }
  return null;
}

/** Where the npm Chromium of a given version is unpacked (one folder per version and user). */
export function npmChromiumCache(version: string): string {
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  return path.join(process.env.PATHLAB_CHROMIUM_CACHE || os.tmpdir(), `pathlab-chromium-${version}-${uid}`);
}

async function unbrotli(src: string, dest: string, mode: number): Promise<void> {
  await pipeline(fs.createReadStream(src), zlib.createBrotliDecompress({ chunkSize: 1 << 21 }), fs.createWriteStream(dest, { mode }));
}

async function untarBrotli(src: string, destDir: string, pkgDir: string): Promise<void> {
  // tar-fs is a dependency of the Chromium package itself; resolve it from there.
  const tar = require(require.resolve("tar-fs", { paths: [pkgDir] })) as { extract(dir: string): NodeJS.WritableStream };
  await pipeline(fs.createReadStream(src), zlib.createBrotliDecompress(), tar.extract(destDir));
}

/** Libraries the binary needs that the system lacks (ldd's "not found" lines). */
function missingLibraries(binary: string): boolean {
  const r = spawnSync("ldd", [binary], { encoding: "utf8" });
  return r.status === 0 && /not found/.test(r.stdout);
}

let unpacking: Promise<string> | null = null;

/**
 * Unpacks the npm package's Chromium (once per version; concurrent processes each unpack into a
 * private folder and the first rename wins) and returns the path of its executable.
 */
export function npmChromium(): Promise<string> {
  if (!unpacking) unpacking = unpackNpmChromium().finally(() => (unpacking = null));
  return unpacking;
}

async function unpackNpmChromium(): Promise<string> {
  const pkg = npmChromiumPackage();
  if (!pkg)
    throw new PathlabError("No Chromium was found: neither a system Chromium nor the @sparticuz/chromium npm package.", {
      hint: 'Run "npm install" in the pathlab folder (it installs the browser), or set PATHLAB_CHROMIUM to a Chromium/Chrome binary.',
      code: "display.no-chromium",
    });
  const dir = npmChromiumCache(pkg.version);
  const exe = path.join(dir, "chromium");
  if (fs.existsSync(path.join(dir, ".complete"))) return exe;
  const bin = path.join(pkg.dir, "bin");
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  fs.mkdirSync(tmp, { recursive: true });
  try {
    await Promise.all([
      unbrotli(path.join(bin, "chromium.br"), path.join(tmp, "chromium"), 0o755),
      untarBrotli(path.join(bin, "swiftshader.tar.br"), tmp, pkg.dir),
      untarBrotli(path.join(bin, "fonts.tar.br"), path.join(tmp, "bundled-fonts"), pkg.dir),
      untarBrotli(path.join(bin, "al2023.tar.br"), path.join(tmp, "al2023"), pkg.dir),
    ]);
    fs.writeFileSync(path.join(tmp, ".complete"), `${pkg.version}\n`);
    try {
      fs.renameSync(tmp, dir);
    } catch (e) {
      // Another process finished first: use its copy.
      if (!fs.existsSync(path.join(dir, ".complete"))) throw e;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return exe;
}

/** The Chromium to use: a system one if present, else the npm one (unpacked on first use). */
export async function chromiumExecutable(): Promise<string> {
  return systemChromium() ?? (await npmChromium());
}

/**
 * Environment for the npm Chromium on a machine that lacks what it links against: its own copies
 * of NSS and friends, and its own fonts when the system has no fontconfig set-up.
 */
function browserEnv(exe: string): NodeJS.ProcessEnv | undefined {
  const dir = path.dirname(exe);
  if (!fs.existsSync(path.join(dir, ".complete"))) return undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  let changed = false;
  if (missingLibraries(exe)) {
    const lib = path.join(dir, "al2023", "lib");
    env.LD_LIBRARY_PATH = env.LD_LIBRARY_PATH ? `${lib}:${env.LD_LIBRARY_PATH}` : lib;
    changed = true;
  }
  if (!fs.existsSync("/etc/fonts/fonts.conf") && !env.FONTCONFIG_FILE) {
    const conf = path.join(dir, "fonts.conf");
    if (!fs.existsSync(conf)) {
      fs.writeFileSync(
        conf,
        `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${path.join(dir, "bundled-fonts", "fonts")}</dir><cachedir>${path.join(dir, "fonts-cache")}</cachedir></fontconfig>\n`,
      );
    }
    env.FONTCONFIG_FILE = conf;
    changed = true;
  }
  return changed ? env : undefined;
}

/** True for URLs that never leave the machine's files: file:, data:, blob:, about:. */
function isLocalUrl(url: string): boolean {
  return /^(file|data|blob|about):/i.test(url);
}

/** Extra flags from $PATHLAB_CHROMIUM_ARGS (a JSON array, or space-separated), for diagnosis and tests. */
function extraArgsFromEnv(): string[] {
  const raw = (process.env.PATHLAB_CHROMIUM_ARGS ?? "").trim();
  if (raw.startsWith("[")) return (JSON.parse(raw) as unknown[]).map(String);
  return raw.split(/\s+/).filter(Boolean);
}

export interface LaunchOptions {
  /** Origins (e.g. "http://127.0.0.1:8888") pages may load from besides local files and data URLs. */
  allowOrigins?: string[];
  /** Extra Chromium flags (tests use them to watch for connection attempts). */
  extraArgs?: string[];
}

export interface PathlabBrowser {
  browser: Browser;
  /** A browser context whose pages can reach only local files, data URLs and the allowed origins. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Requests that were aborted because they would have left the machine. */
  blocked: string[];
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with network-silent flags; contexts made with `newContext` abort every
 * request that is not local (and record it in `blocked`).
 */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<PathlabBrowser> {
  const executablePath = await chromiumExecutable();
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgsFromEnv(), ...(opts.extraArgs ?? [])],
    env: browserEnv(executablePath),
  });
  const allowed = (opts.allowOrigins ?? []).map((o) => new URL(o).origin);
  const blocked: string[] = [];
  return {
    browser,
    blocked,
    async newContext(options?: BrowserContextOptions) {
      const context = await browser.newContext({ serviceWorkers: "block", ...options });
      await context.route(
        () => true,
        (route) => {
          const url = route.request().url();
          let origin = "";
          try {
            origin = new URL(url).origin;
          } catch {
            /* not a URL with an origin */
          }
          if (isLocalUrl(url) || allowed.includes(origin)) return route.continue();
          blocked.push(url);
          return route.abort("blockedbyclient");
        },
      );
      return context;
    },
    close: () => browser.close(),
  };
}
