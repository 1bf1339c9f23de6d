import { equal, rejects } from "node:assert/strict";
import { createSink, memorySink, OutputWriteError } from "./sink.ts";

Deno.test("createSink() writes everything even when the writer takes a few bytes at a time", async () => {
  const got: number[] = [];
  const sink = createSink({
    write(p) {
      const n = Math.min(3, p.length);
      got.push(...p.subarray(0, n));
      return Promise.resolve(n);
    },
  });
  equal(await sink.write("hello, world\n"), true);
  equal(new TextDecoder().decode(new Uint8Array(got)), "hello, world\n");
});

Deno.test("createSink() keeps concurrent writes in call order", async () => {
  const out: string[] = [];
  const sink = createSink({
    async write(p) {
      await new Promise((r) => setTimeout(r, p.length === 1 ? 5 : 0));
      out.push(new TextDecoder().decode(p));
      return p.length;
    },
  });
  await Promise.all([sink.write("a"), sink.write("bb"), sink.write("c")]);
  equal(out.join(""), "abbc");
});

Deno.test("createSink() reports closed on a broken pipe and drops later writes", async () => {
  const mem = memorySink({ closeAfterWrites: 1 });
  equal(await mem.sink.write("one\n"), true);
  equal(await mem.sink.write("two\n"), false);
  equal(mem.sink.closed, true);
  equal(await mem.sink.write("three\n"), false);
  equal(mem.text(), "one\n");
});

Deno.test("createSink() treats a Node-style EPIPE code as a closed reader", async () => {
  const sink = createSink({
    write: () => Promise.reject(Object.assign(new Error("x"), { code: "EPIPE" })),
  });
  equal(await sink.write("a"), false);
  equal(sink.closed, true);
});

Deno.test("createSink() rethrows real write failures", async () => {
  const sink = createSink({
    write: () => Promise.reject(new Deno.errors.PermissionDenied("nope")),
  });
  await rejects(sink.write("a"), Deno.errors.PermissionDenied);
  equal(sink.closed, false);
});

Deno.test("stdoutSink() into `head -1` ends with exit 0 and nothing on stderr", async () => {
  const script = new URL("./testdata/epipe_writer.ts", import.meta.url).pathname;
  const statusFile = await Deno.makeTempFile();
  try {
    // `sh` reports head's status, so the writer's own exit code goes through a file.
    const pipeline =
      `("${Deno.execPath()}" run --quiet --no-lock "${script}"; echo $? > "${statusFile}") | head -1`;
    const result = await new Deno.Command("sh", {
      args: ["-c", pipeline],
      stdout: "piped",
      stderr: "piped",
    }).output();
    equal(new TextDecoder().decode(result.stderr), "");
    equal(new TextDecoder().decode(result.stdout), "line 0\n");
    equal((await Deno.readTextFile(statusFile)).trim(), "0");
  } finally {
    await Deno.remove(statusFile);
  }
});

Deno.test("createSink() with a name says what it was writing when a write fails", async () => {
  const sink = createSink(
    { write: () => Promise.reject(new Error("No space left on device (os error 28)")) },
    "stdout",
  );
  await rejects(
    () => sink.write("x\n"),
    (e: Error) =>
      e instanceof OutputWriteError &&
      e.message === "cannot write to stdout: No space left on device (os error 28)",
  );
});
