/**
 * Terminal behaviour under a real pseudo-terminal (util-linux `script`): the progress bar is
 * redrawn in place and the live view switches screens; without a terminal the same commands
 * print plain lines and no escape codes.
 */
import assert from "node:assert/strict";
import { BINARY_PERMISSIONS } from "../../scripts/build.ts";
import { hyperctl, PROGRAM } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

const ESC = "\x1b";

/** Run hyperctl with stdin/stdout/stderr on a pty; returns what the terminal received. */
async function onTerminal(
  t: Target,
  args: string[],
  keys?: { when: RegExp; text: string },
  env: Record<string, string> = {},
): Promise<{ code: number; screen: string }> {
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  const cmd = [Deno.execPath(), "run", "--quiet", ...BINARY_PERMISSIONS, PROGRAM, ...args]
    .map(quote).join(" ");
  const child = new Deno.Command("script", {
    args: ["-qefc", cmd, "/dev/null"],
    env: { KUBECONFIG: t.kubeconfig, TERM: "xterm-256color", NO_COLOR: "", ...env },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  // Type the keys once the prompt is on screen; script(1) forwards them to the pty.
  let screen = "";
  let typed = keys === undefined;
  const decoder = new TextDecoder();
  for await (const chunk of child.stdout) {
    screen += decoder.decode(chunk, { stream: true });
    if (!typed && keys!.when.test(screen)) {
      typed = true;
      await writer.write(new TextEncoder().encode(keys!.text));
    }
  }
  await writer.close().catch(() => {});
  const status = await child.status;
  await child.stderr.cancel();
  const out = { code: status.code, stdout: new TextEncoder().encode(screen) };
  return { code: out.code, screen: new TextDecoder().decode(out.stdout) };
}

async function vmRunning(t: Target, name: string): Promise<void> {
  const r = await hyperctl(["vm", "create", name, "--cpus", "1", "--memory", "1Gi"], {
    kubeconfig: t.kubeconfig,
  });
  assert.equal(r.code, 0, r.stderr);
  for (let i = 0; i < 600; i++) { // up to 30 s: suites share 2 cores
    const o = await t.api.get(
      {
        group: "hypersdk.io",
        version: "v1alpha1",
        plural: "virtualmachines",
        namespace: t.namespace,
      },
      name,
    );
    if ((o.status as { phase?: string } | undefined)?.phase === "Running") return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${name} never ran`);
}

e2eTest(
  "on a terminal --wait redraws a progress bar in place; piped it prints lines",
  async (t) => {
    await vmRunning(t, "tty-src");
    const tty = await onTerminal(t, ["vm", "clone", "tty-src", "--target", "tty-copy", "--wait"]);
    assert.equal(tty.code, 0, tty.screen);
    assert.ok(tty.screen.includes("█"), "a bar is drawn");
    assert.ok(tty.screen.includes(`${ESC}[1A`), "the frame is redrawn in place (cursor up)");
    assert.match(tty.screen, /Succeeded/);
    assert.doesNotMatch(tty.screen, /\[\d+s\] Phase:/, "no plain progress lines on a terminal");

    const piped = await hyperctl(["vm", "clone", "tty-src", "--target", "tty-copy2", "--wait"], {
      kubeconfig: t.kubeconfig,
    });
    assert.equal(piped.code, 0, piped.stderr);
    assert.ok(!piped.stderr.includes(ESC), "no escape codes without a terminal");
    assert.ok(!piped.stderr.includes("█"));
    assert.match(piped.stderr, /\[\d+s\] Phase: Succeeded, Progress: 100%/);
  },
);

e2eTest("--live redraws the whole table on the alternate screen and restores it", async (t) => {
  await vmRunning(t, "live-1");
  const tty = await onTerminal(t, ["vm", "list", "-w", "--live", "--for", "2s"]);
  assert.equal(tty.code, 0, tty.screen);
  assert.ok(tty.screen.includes(`${ESC}[?1049h`), "enters the alternate screen");
  assert.ok(tty.screen.includes(`${ESC}[?1049l`), "leaves it again");
  assert.match(tty.screen, /NAME\s+STATUS\s+CPUS/);
  assert.match(tty.screen, /live-1/);

  const piped = await hyperctl(["vm", "list", "-w", "--live", "--for", "1s"], {
    kubeconfig: t.kubeconfig,
  });
  assert.equal(piped.code, 0);
  assert.match(piped.stderr, /--live needs a terminal/);
  assert.match(piped.stdout, /^TIME\s+EVENT\s+NAME/);
});

e2eTest("on a terminal a missing name offers a pick list and delete asks first", async (t) => {
  await vmRunning(t, "pick-me");
  const picked = await onTerminal(t, ["vm", "stop", "--progress", "none"], {
    when: /to stop/,
    text: "\r",
  });
  assert.equal(picked.code, 0, picked.screen);
  assert.match(picked.screen, /virtual ?machine to stop/);
  assert.match(picked.screen, /vmoperation\.hypersdk\.io\/pick-me-stop-[a-z0-9]{5} created/);

  // Every name is checked before the question, so it never names a VM that is not there.
  const missing = await onTerminal(t, ["vm", "delete", "pick-me", "nope"], {
    when: /\(y\/N\)/,
    text: "n\r",
  });
  assert.equal(missing.code, 1, missing.screen);
  assert.doesNotMatch(missing.screen, /\(y\/N\)/);
  assert.match(missing.screen, /"nope" not found/);
  const kept = await onTerminal(t, ["vm", "delete", "pick-me"], { when: /\(y\/N\)/, text: "n\r" });
  assert.equal(kept.code, 0, kept.screen);
  assert.match(kept.screen, /nothing deleted/);
  const deleted = await onTerminal(t, ["vm", "delete", "pick-me"], {
    when: /\(y\/N\)/,
    text: "y\r",
  });
  assert.equal(deleted.code, 0, deleted.screen);
  assert.match(deleted.screen, /virtualmachine\.hypersdk\.io "pick-me" deleted/);
});

e2eTest("Ctrl+C at a question or a pick list exits 130 like any interrupt", async (t) => {
  await vmRunning(t, "ctrl-c");
  for (const args of [["vm", "delete", "ctrl-c"], ["vm", "stop"]]) {
    const r = await onTerminal(t, args, { when: /\(y\/N\)|to stop/, text: "\x03" });
    assert.equal(r.code, 130, r.screen);
    assert.doesNotMatch(r.screen, /error|force closed/, "no error line, no library text");
  }
  assert.ok(
    await t.api.get(
      {
        group: "hypersdk.io",
        version: "v1alpha1",
        plural: "virtualmachines",
        namespace: t.namespace,
      },
      "ctrl-c",
    ),
  );
});

e2eTest("--notify asks the terminal for a notification; nothing off a terminal", async (t) => {
  await vmRunning(t, "notify-1");
  const args = ["wait", "vm", "notify-1", "--for", "phase=Running", "--notify"];
  const wez = await onTerminal(t, args, undefined, { TERM_PROGRAM: "WezTerm" });
  assert.equal(wez.code, 0, wez.screen);
  assert.ok(wez.screen.includes(`${ESC}]777;notify;hyperctl;done: notify-1\x07`), wez.screen);
  const iterm = await onTerminal(t, args, undefined, { TERM_PROGRAM: "iTerm.app" });
  assert.ok(iterm.screen.includes(`${ESC}]9;hyperctl: done: notify-1\x07`), iterm.screen);
  const plain = await onTerminal(t, args);
  assert.ok(plain.screen.includes("\x07"), "a BEL where the terminal is not known");
  assert.ok(!plain.screen.includes(`${ESC}]`), plain.screen);
  const failed = await onTerminal(
    t,
    [...args.slice(0, -2), "phase=Stopped", "--timeout", "0", "--notify"],
    undefined,
    {
      TERM_PROGRAM: "WezTerm",
    },
  );
  assert.equal(failed.code, 3);
  assert.ok(
    failed.screen.includes(`${ESC}]777;notify;hyperctl;timed out: notify-1\x07`),
    failed.screen,
  );

  const piped = await hyperctl(args, {
    kubeconfig: t.kubeconfig,
    env: { TERM_PROGRAM: "WezTerm" },
  });
  assert.equal(piped.code, 0, piped.stderr);
  assert.equal(piped.stderr, "");
  assert.equal(piped.stdout, "virtualmachine.hypersdk.io/notify-1 condition met\n");
});
