import { test, expect, fillRun, storedText } from "./fixtures.mjs";

test("a Content-Security-Policy allows only this origin, and the app runs under it", async ({ page }) => {
  const violations = [];
  await page.exposeFunction("reportViolation", (v) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
  );
  await page.goto("/log");
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+ 'wasm-unsafe-eval'/);
  expect(policy).not.toContain("unsafe-inline");
  // The app started under the policy: the form is there and works.
  await fillRun(page, { distance: "5", duration: "25", rpe: 4 });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.locator(".run-row")).toHaveCount(1);
  expect(violations).toEqual([]);
});

test("notes are shown as text, never run as HTML", async ({ page }) => {
  const payload = '<img src=x onerror="window.pwned=1;alert(1)"><script>window.pwned=2</script>';
  page.on("dialog", (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  await page.goto("/log");
  await fillRun(page, { distance: "5", duration: "25", rpe: 4, notes: payload });
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.locator(".run-notes")).toHaveText(payload);
  await expect(page.locator(".run-notes img, .run-notes script")).toHaveCount(0);
  await page.locator(".run-row").click();
  await expect(page.getByLabel("Notes (optional)")).toHaveValue(payload);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  expect(JSON.parse(await storedText(page)).runs[0].notes).toBe(payload);
});
