#!/usr/bin/env node
// Installs what the tests need and this machine lacks: the browser engines the suites run in
// (Chromium, Firefox, WebKitGTK's WebDriver) and the virtual display WebKit's MiniBrowser needs.
// `npm test` and .ci/run call it first; it needs nothing but Node (it runs before `npm ci`).
//
//   node scripts/setup.mjs            install what is missing where it can, else fail with the command
//   node scripts/setup.mjs --check    only say what is missing (exit 1 if anything is)
//
// It installs on Debian or Ubuntu with apt-get, as root or with passwordless sudo (`sudo -n`); anywhere
// else it stops and prints the exact command to run. Only the engines named in ENGINES are needed
// (chromium, firefox, webkit or all; all when unset); CHROME_PATH, FIREFOX_PATH and
// WEBKIT_WEBDRIVER_PATH name other installations, as in scripts/engines.mjs.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What each engine needs: a program to look for, and the Debian packages that provide it. */
export const REQUIREMENTS = [
  { engine: 'chromium', program: 'chromium', pathVariable: 'CHROME_PATH', packages: ['chromium'] },
  { engine: 'firefox', program: 'firefox-esr', pathVariable: 'FIREFOX_PATH', packages: ['firefox-esr'] },
  {
    engine: 'webkit',
    program: 'WebKitWebDriver',
    pathVariable: 'WEBKIT_WEBDRIVER_PATH',
    packages: ['webkit2gtk-driver'],
  },
  // The MiniBrowser has no headless mode; without a display of the user's own it runs on Xvfb.
  { engine: 'webkit', program: 'Xvfb', packages: ['xvfb'], unlessDisplay: true },
];

/** The command that installs `packages` on Debian or Ubuntu, as a person types it. */
export function installCommand(packages) {
  return `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
}

/** Whether `path` is a file this user may run. */
export function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `name` on the PATH, or undefined. */
export function which(name, env = process.env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function onPath(name, env) {
  return which(name, env) !== undefined;
}

/** The engines ENGINES asks for (all when unset or 'all'). */
function engines(env) {
  const names = (env.ENGINES ?? '')
    .split(/[\s,]+/)
    .map((name) => name.toLowerCase())
    .filter(Boolean);
  return !names.length || names.includes('all') ? ['chromium', 'firefox', 'webkit'] : names;
}

/** The requirements of the requested engines that are missing here. */
export function missing(env = process.env) {
  const wanted = engines(env);
  return REQUIREMENTS.filter((r) => wanted.includes(r.engine))
    .filter((r) => !(r.unlessDisplay && env.DISPLAY))
    .filter((r) => !(r.pathVariable && env[r.pathVariable] ? executable(env[r.pathVariable]) : onPath(r.program, env)));
}

/** True on Debian, Ubuntu and their derivatives (by /etc/os-release). */
export function isDebianLike(osRelease = '/etc/os-release') {
  let text = '';
  try {
    text = readFileSync(osRelease, 'utf8');
  } catch {
    return false;
  }
  const field = (name) =>
    (new RegExp(`^${name}=["']?([^"'\\n]*)`, 'm').exec(text)?.[1] ?? '').toLowerCase().split(/\s+/);
  return [...field('ID'), ...field('ID_LIKE')].some((id) => id === 'debian' || id === 'ubuntu');
}

/**
 * Installs what is missing. Returns the exit code; says what it does through `log` (and what to run,
 * through `error`, when it cannot). `uid`, `osRelease` and `env` are the machine's unless a test fakes them.
 */
export function setup({
  env = process.env,
  uid = process.getuid?.() ?? -1,
  osRelease = '/etc/os-release',
  check = false,
  log = (line) => console.log(line),
  error = (line) => console.error(line),
} = {}) {
  const lacking = missing(env);
  if (!lacking.length) {
    const wanted = REQUIREMENTS.filter((r) => engines(env).includes(r.engine) && !(r.unlessDisplay && env.DISPLAY));
    log(`setup: the tests' browsers are installed (${wanted.map((r) => r.program).join(', ')}).`);
    return 0;
  }
  const packages = [...new Set(lacking.flatMap((r) => r.packages))];
  const programs = lacking.map((r) => r.program).join(', ');
  const stop = (why) => {
    error(`setup: the tests need ${programs}, which ${lacking.length > 1 ? 'are' : 'is'} not installed here; ${why}`);
    error(`setup: on Debian or Ubuntu, run:\n\n    ${installCommand(packages)}\n`);
    error('setup: elsewhere, install Chromium, Firefox and WebKitGTK (WebKitWebDriver, MiniBrowser) and Xvfb,');
    error(
      'setup: and name them with CHROME_PATH, FIREFOX_PATH, WEBKIT_WEBDRIVER_PATH; or run fewer engines: ENGINES=chromium npm test',
    );
    return 1;
  };
  if (check) return stop('nothing was installed (--check).');
  if (!isDebianLike(osRelease) || !onPath('apt-get', env))
    return stop('this is not Debian or Ubuntu with apt-get, so setup cannot install them.');

  let prefix;
  if (uid === 0) {
    prefix = [];
  } else if (onPath('sudo', env) && spawnSync('sudo', ['-n', 'true'], { env, stdio: 'ignore' }).status === 0) {
    prefix = ['sudo', '-n'];
  } else {
    return stop('installing them needs root, and sudo asks for a password (or is not installed).');
  }
  // apt-get must not stop to ask questions; sudo resets the environment, so `env` sets it past sudo.
  const run = (args) => {
    const [command, ...rest] = prefix.length ? [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', ...args] : args;
    const result = spawnSync(command, rest, {
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return result.status === 0;
  };
  log(`setup: installing ${packages.join(' ')} (for ${programs}) with ${prefix.length ? 'sudo ' : ''}apt-get…`);
  if (!run(['apt-get', 'update', '-qq']) || !run(['apt-get', 'install', '-y', '-qq', ...packages])) {
    return stop('apt-get failed (see above).');
  }
  const still = missing(env);
  if (still.length) {
    error(
      `setup: apt-get installed ${packages.join(' ')}, but ${still.map((r) => r.program).join(', ')} is still not on the PATH.`,
    );
    return 1;
  }
  log(`setup: installed ${packages.join(' ')}.`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = setup({ check: process.argv.includes('--check') });
}
