/**
 * Captures what pathlab writes to a notebook (display_data / update_display_data) by publishing a
 * stand-in for the pathlab kernel's bridge under `Symbol.for("pathlab.kernel")`, so tests can check
 * progress bars without a running kernel.
 */
import { KERNEL_BRIDGE, type KernelBridge } from "../../src/display/notebook";

export interface DisplayMessage {
  update: boolean;
  text: string;
  id?: string;
}

/** Runs `f` with a fake kernel bridge and returns what was displayed. */
export async function captureDisplay(f: () => unknown): Promise<DisplayMessage[]> {
  const messages: DisplayMessage[] = [];
  const g = globalThis as Record<symbol, unknown>;
  const saved = g[KERNEL_BRIDGE];
  const bridge: KernelBridge = {
    display: (bundle, options = {}) => messages.push({ update: !!options.update, text: String(bundle["text/plain"]), id: options.displayId }),
    interrupts: () => 0,
    onInterrupt: () => () => undefined,
  };
  g[KERNEL_BRIDGE] = bridge;
  try {
    await f();
  } finally {
    g[KERNEL_BRIDGE] = saved;
  }
  return messages;
}
