/**
 * A real OpenSSH server for `vm ssh`/`vm scp` tests: Debian's sshd on 127.0.0.1 and a free port,
 * with its own config, host key and a client key the test generates, in a temporary directory.
 * It runs as root (tests and CI do) and lets root in by key only.
 * @module
 */

import { terminate } from "./terminate.ts";

/** Where Debian installs sshd. */
export const SSHD = "/usr/sbin/sshd";

/** A running sshd. */
export interface Sshd {
  port: number;
  /** The client's private key. */
  key: string;
  /** ssh options that trust this throwaway server without touching ~/.ssh. */
  clientOptions: string[];
  /** The temporary directory (files copied through scp can live here). */
  dir: string;
  stop(): Promise<void>;
}

/** Whether sshd can run here: installed, and we are root. */
export function sshdAvailable(): boolean {
  try {
    return Deno.statSync(SSHD).isFile && Deno.uid() === 0;
  } catch {
    return false;
  }
}

async function run(cmd: string, args: string[]): Promise<void> {
  const out = await new Deno.Command(cmd, { args, stdout: "null", stderr: "piped" }).output();
  if (!out.success) throw new Error(`${cmd} failed: ${new TextDecoder().decode(out.stderr)}`);
}

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/** Start sshd; resolves once it accepts connections. */
export async function startSshd(): Promise<Sshd> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-sshd-" });
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", `${dir}/host_key`]);
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", `${dir}/id`]);
  await Deno.copyFile(`${dir}/id.pub`, `${dir}/authorized_keys`);
  // sshd insists on its privilege-separation directory even when it never drops privileges.
  await Deno.mkdir("/run/sshd", { recursive: true });
  const port = freePort();
  await Deno.writeTextFile(
    `${dir}/sshd_config`,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${dir}/host_key`,
      `PidFile ${dir}/sshd.pid`,
      `AuthorizedKeysFile ${dir}/authorized_keys`,
      "PermitRootLogin prohibit-password",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "UsePAM no",
      "StrictModes no",
      "Subsystem sftp internal-sftp",
      "",
    ].join("\n"),
  );
  const child = new Deno.Command(SSHD, {
    args: ["-D", "-e", "-f", `${dir}/sshd_config`],
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  const end = Date.now() + 10_000;
  for (;;) {
    try {
      (await Deno.connect({ hostname: "127.0.0.1", port })).close();
      break;
    } catch (e) {
      if (Date.now() > end) {
        await terminate(child, 1000);
        throw new Error(`sshd did not start on port ${port}: ${e}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    key: `${dir}/id`,
    dir,
    clientOptions: [
      "-i",
      `${dir}/id`,
      "-o",
      "StrictHostKeyChecking=no",
      "-o",
      "UserKnownHostsFile=/dev/null",
      "-o",
      "BatchMode=yes",
      "-o",
      "LogLevel=ERROR",
    ],
    async stop() {
      await terminate(child, 2000);
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}
