/**
 * Catches every connection a browser attempts to a host name: Chromium's resolver is told to map
 * every name to a local TCP server (`--host-resolver-rules`), so a DNS lookup or connection that
 * would have left the machine arrives here instead and is recorded (first bytes: an HTTP request
 * line or a TLS hello). Nothing is sent anywhere.
 */
import * as net from "net";

export interface NetRecorder {
  /** First bytes of each connection attempt, printable characters only. */
  attempts: string[];
  /** Chromium flags that route every host name to the recorder. */
  args: string[];
  close(): Promise<void>;
}

export async function netRecorder(): Promise<NetRecorder> {
  const attempts: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
    s.once("data", (d) => {
      attempts.push(
        d
          .subarray(0, 300)
          .toString("latin1")
          .replace(/[^\x20-\x7e]+/g, "."),
      );
      s.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    attempts,
    args: [`--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost, EXCLUDE 127.0.0.1`],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
