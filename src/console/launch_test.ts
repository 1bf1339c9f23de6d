import assert from "node:assert/strict";
import { findBrowser, findOnPath, findViewer } from "./launch.ts";

async function binDir(names: string[]): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-path-" });
  for (const name of names) {
    await Deno.writeTextFile(`${dir}/${name}`, "#!/bin/sh\n");
    await Deno.chmod(`${dir}/${name}`, 0o755);
  }
  await Deno.writeTextFile(`${dir}/not-executable`, "");
  return dir;
}

Deno.test("findViewer() takes --viewer, else remote-viewer, else vncviewer, each its own way", async () => {
  const both = await binDir(["remote-viewer", "vncviewer"]);
  const tiger = await binDir(["vncviewer"]);
  try {
    const on = (path: string, viewer?: string) =>
      findViewer("127.0.0.1", 5901, { path: `/nonexistent:${path}`, os: "linux", viewer });
    assert.deepEqual(await on(both), {
      command: `${both}/remote-viewer`,
      args: ["vnc://127.0.0.1:5901"],
    });
    // TigerVNC reads host:N as display N: the port needs a double colon.
    assert.deepEqual(await on(tiger), { command: `${tiger}/vncviewer`, args: ["127.0.0.1::5901"] });
    assert.deepEqual(await on(both, "vncviewer -FullScreen"), {
      command: `${both}/vncviewer`,
      args: ["-FullScreen", "127.0.0.1::5901"],
    });
    assert.equal(await on(tiger, "remote-viewer"), undefined);
    assert.equal(await on(tiger, "   "), undefined);
    assert.equal(await on("/nonexistent"), undefined);
    assert.deepEqual(await findViewer("127.0.0.1", 1, { path: "", os: "darwin" }), {
      command: "open",
      args: ["vnc://127.0.0.1:1"],
    });
    assert.equal(await findOnPath("not-executable", both), undefined);
  } finally {
    await Deno.remove(both, { recursive: true });
    await Deno.remove(tiger, { recursive: true });
  }
});

Deno.test("findBrowser() takes $BROWSER's words, else xdg-open, else none", async () => {
  const dir = await binDir(["xdg-open", "firefox"]);
  try {
    const url = "http://127.0.0.1:1/?token=t";
    assert.deepEqual(
      await findBrowser(url, { browser: "firefox --new-window", path: dir, os: "linux" }),
      {
        command: `${dir}/firefox`,
        args: ["--new-window", url],
      },
    );
    assert.deepEqual(await findBrowser(url, { path: dir, os: "linux" }), {
      command: `${dir}/xdg-open`,
      args: [url],
    });
    assert.equal(await findBrowser(url, { path: "/nonexistent", os: "linux" }), undefined);
    assert.equal(await findBrowser(url, { browser: "nope", path: dir, os: "linux" }), undefined);
    // A `:` list, the first found wins; %s places the URL, %% is a percent sign.
    assert.deepEqual(
      await findBrowser(url, {
        browser: "nope:firefox -P 100%% %s --x:xdg-open",
        path: dir,
        os: "linux",
      }),
      { command: `${dir}/firefox`, args: ["-P", "100%", url, "--x"] },
    );
    assert.equal(await findBrowser(url, { browser: " : ", path: dir, os: "linux" }), undefined);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
