/**
 * Captures what pathlab writes to a notebook (display_data / update_display_data) by standing in
 * for tslab's display writer, so tests can check progress bars without a running kernel.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };

export interface DisplayMessage {
  update: boolean;
  text: string;
  id?: string;
}

/** Runs `f` with a fake kernel writer and returns what was displayed. */
export async function captureDisplay(f: () => unknown): Promise<DisplayMessage[]> {
  const messages: DisplayMessage[] = [];
  const saved = jupyter.lastWriteDisplayData;
  jupyter.lastWriteDisplayData = (m: { data: Record<string, unknown>; transient: { display_id?: string } }, update: boolean) =>
    messages.push({ update, text: String(m.data["text/plain"]), id: m.transient?.display_id });
  try {
    await f();
  } finally {
    jupyter.lastWriteDisplayData = saved;
  }
  return messages;
}
