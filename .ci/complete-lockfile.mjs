// Adds the platform-specific optional packages (other OSes and CPUs) that npm leaves out of package-lock.json
// when it cannot fetch them (npm/cli#4828, #8320; this machine's registry serves only linux builds), so that
// `npm ci` sees the lock in sync. npm skips them at install time by os/cpu/libc. Run after regenerating the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `${path ? `${path}/` : ''}node_modules/${name}`.replace(/^\/+/, '');
    const hoisted = `node_modules/${name}`;
    if (pkgs[key] || pkgs[hoisted]) continue;
    const m =
      /-(android|darwin|freebsd|linux|openharmony|win32)-(arm64|arm|x64|ia32|ppc64|s390x|riscv64|loong64)(?:-(gnu|gnueabihf|musl|musleabihf|eabi|msvc))?$/.exec(
        name,
      );
    if (!m) continue;
    const entry = { version, cpu: [m[2]], optional: true, os: [m[1]] };
    if (m[1] === 'linux' && m[3]) entry.libc = [m[3].startsWith('musl') ? 'musl' : 'glibc'];
    pkgs[hoisted] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform entries`);
