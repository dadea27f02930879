// Reading a Chromium trace over the DevTools protocol: shared by the warm-start bench
// (bench/warm.spec.mjs) and the code-cache test (tests/e2e/code-cache.spec.mjs).

/** Ends the tracing started on `cdp` (with transferMode "ReturnAsStream") and returns its events. */
export async function readTrace(cdp) {
  const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.end");
  const { stream } = await done;
  let text = "";
  for (;;) {
    const chunk = await cdp.send("IO.read", { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, "base64").toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send("IO.close", { handle: stream });
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}
