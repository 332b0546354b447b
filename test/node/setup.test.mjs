// scripts/setup.mjs, which `npm test` runs first: on a machine without the browsers it installs them
// with apt-get (as root, or with passwordless sudo) and says so; elsewhere it fails with the command to
// run. Tested on a faked machine: a PATH holding none of the browsers, fake apt-get and sudo that record
// their arguments (apt-get "installs" by creating the programs), and a fake /etc/os-release.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installCommand, missing, setup } from '../../scripts/setup.mjs';

const root = resolve(import.meta.dirname, '../..');
const everything = ['chromium', 'firefox-esr', 'webkit2gtk-driver', 'xvfb'];
const programs = {
  chromium: 'chromium',
  'firefox-esr': 'firefox-esr',
  'webkit2gtk-driver': 'WebKitWebDriver',
  xvfb: 'Xvfb',
};

/** A scratch machine: bin/ on PATH (nothing else), a log of commands run, an os-release file. */
function machine({ os = 'ID=debian\nVERSION_ID="12"\n', aptGet = true, sudo = 'allows', aptFails = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'iigp-setup-'));
  const bin = join(dir, 'bin');
  const log = join(dir, 'commands.log');
  spawnSync('/bin/mkdir', [bin]);
  writeFileSync(join(dir, 'os-release'), os);
  const script = (name, body) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  // What each package puts on the PATH, so that after "installing" the programs are there.
  const creates = Object.entries(programs)
    .map(
      ([pkg, program]) =>
        `    ${pkg}) printf '#!/bin/sh\\n' > "${bin}/${program}"; /bin/chmod +x "${bin}/${program}" ;;`,
    )
    .join('\n');
  if (aptGet) {
    script(
      'apt-get',
      `echo "apt-get $* [DEBIAN_FRONTEND=$DEBIAN_FRONTEND]" >> "${log}"
${aptFails ? 'exit 100' : ''}
if [ "$1" = install ]; then
  for pkg in "$@"; do
    case "$pkg" in
${creates}
    esac
  done
fi`,
    );
  }
  if (sudo) {
    // sudo -n true: may this user run commands without a password? Then run the command (as "root").
    script(
      'sudo',
      `echo "sudo $*" >> "${log}"
[ "$1" = -n ] && shift
${sudo === 'allows' ? '' : 'echo "sudo: a password is required" >&2; exit 1'}
[ "$1" = true ] && exit 0
[ "$1" = env ] && shift
export "$1"; shift
exec "$@"`,
    );
  }
  const env = { PATH: bin, HOME: dir };
  return {
    env,
    osRelease: join(dir, 'os-release'),
    commands: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function run(m, options = {}) {
  const out = [];
  const err = [];
  const code = setup({
    env: m.env,
    osRelease: m.osRelease,
    log: (l) => out.push(l),
    error: (l) => err.push(l),
    ...options,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('a machine with only Node lacks every browser package', () => {
  const m = machine();
  try {
    assert.deepEqual([...new Set(missing(m.env).flatMap((r) => r.packages))], everything);
    assert.deepEqual(
      missing({ ...m.env, ENGINES: 'chromium' }).map((r) => r.program),
      ['chromium'],
    );
    assert.deepEqual(
      missing({ ...m.env, ENGINES: 'webkit', DISPLAY: ':0' }).map((r) => r.program),
      ['WebKitWebDriver'],
      'Xvfb is not needed where there is a display',
    );
  } finally {
    m.cleanup();
  }
});

test('as root on Debian: apt-get update, then install exactly the missing packages, non-interactively, and say so', () => {
  const m = machine();
  try {
    const { code, out } = run(m, { uid: 0 });
    assert.equal(code, 0);
    assert.deepEqual(m.commands(), [
      'apt-get update -qq [DEBIAN_FRONTEND=noninteractive]',
      `apt-get install -y -qq ${everything.join(' ')} [DEBIAN_FRONTEND=noninteractive]`,
    ]);
    assert.match(out, /installing chromium firefox-esr webkit2gtk-driver xvfb .*apt-get/);
    assert.deepEqual(missing(m.env), [], 'the programs are there afterwards');
    // A second run finds everything, says so and does nothing.
    const again = run(m, { uid: 0 });
    assert.equal(again.code, 0);
    assert.equal(again.out, "setup: the tests' browsers are installed (chromium, firefox-esr, WebKitWebDriver, Xvfb).");
    assert.equal(m.commands().length, 2);
  } finally {
    m.cleanup();
  }
});

test('only what is missing is installed', () => {
  const m = machine();
  try {
    writeFileSync(join(m.env.PATH, 'chromium'), '#!/bin/sh\n');
    chmodSync(join(m.env.PATH, 'chromium'), 0o755);
    assert.equal(run(m, { uid: 0 }).code, 0);
    assert.equal(
      m.commands()[1],
      'apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb [DEBIAN_FRONTEND=noninteractive]',
    );
  } finally {
    m.cleanup();
  }
});

test('on Ubuntu as a user with passwordless sudo: through sudo -n', () => {
  const m = machine({ os: 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n' });
  try {
    const { code, out } = run(m, { uid: 1000 });
    assert.equal(code, 0);
    assert.deepEqual(m.commands(), [
      'sudo -n true',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'apt-get update -qq [DEBIAN_FRONTEND=noninteractive]',
      `sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${everything.join(' ')}`,
      `apt-get install -y -qq ${everything.join(' ')} [DEBIAN_FRONTEND=noninteractive]`,
    ]);
    assert.match(out, /with sudo apt-get/);
  } finally {
    m.cleanup();
  }
});

test('a user whose sudo asks for a password: nothing installed, the exact command printed', () => {
  const m = machine({ sudo: 'asks' });
  try {
    const { code, err } = run(m, { uid: 1000 });
    assert.equal(code, 1);
    assert.deepEqual(m.commands(), ['sudo -n true']);
    assert.ok(err.includes(installCommand(everything)), err);
    assert.equal(
      installCommand(everything),
      'sudo apt-get update && sudo apt-get install -y chromium firefox-esr webkit2gtk-driver xvfb',
    );
    assert.match(err, /needs root/);
  } finally {
    m.cleanup();
  }
});

test('not Debian or Ubuntu: nothing run, the command and the alternatives printed', () => {
  const m = machine({ os: 'ID=fedora\nID_LIKE="rhel centos"\n' });
  try {
    const { code, err } = run(m, { uid: 0 });
    assert.equal(code, 1);
    assert.deepEqual(m.commands(), []);
    assert.match(err, /not Debian or Ubuntu/);
    assert.ok(err.includes(installCommand(everything)));
    assert.match(err, /CHROME_PATH/);
    assert.match(err, /ENGINES=chromium npm test/);
  } finally {
    m.cleanup();
  }
});

test('apt-get failing stops the tests with the command to run', () => {
  const m = machine({ aptFails: true });
  try {
    const { code, err } = run(m, { uid: 0 });
    assert.equal(code, 1);
    assert.match(err, /apt-get failed/);
    assert.ok(err.includes(installCommand(everything)));
  } finally {
    m.cleanup();
  }
});

test('the command line: --check reports and installs nothing; npm test and CI call the script first', () => {
  const m = machine();
  try {
    const result = spawnSync(process.execPath, [join(root, 'scripts/setup.mjs'), '--check'], {
      env: m.env,
      encoding: 'utf8',
    });
    assert.equal(result.status, 1);
    assert.ok(result.stderr.includes(installCommand(everything)), result.stderr);
    assert.deepEqual(m.commands(), []);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.match(pkg.scripts.test, /^node scripts\/setup\.mjs && /);
    assert.doesNotMatch(pkg.scripts.start, /setup/, '`npm start` needs nothing but Node');
    assert.match(readFileSync(join(root, '.ci/run'), 'utf8'), /node scripts\/setup\.mjs/);
  } finally {
    m.cleanup();
  }
});
