/**
 * Makes sure Debian's Chromium is installed for the console's end-to-end test (playwright-core
 * drives it; it downloads no browser of its own). Installs it with apt-get when /usr/bin/chromium
 * is missing, with a CJK font so screenshots show the Chinese UI. Run by .ci/run and by the test.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM_PATH = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-wqy-microhei'];

export function ensureChromium(log: (message: string) => void = (message) => console.log(message)): string {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0) {
    throw new Error(`${CHROMIUM_PATH} is missing; install it as root: apt-get update && apt-get install -y ${PACKAGES.join(' ')}`);
  }
  log(`${CHROMIUM_PATH} is missing: installing ${PACKAGES.join(', ')} with apt-get…`);
  const apt = (...args: string[]) =>
    execFileSync('env', ['DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
  apt('update');
  apt('install', '-y', ...PACKAGES);
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`apt-get finished but ${CHROMIUM_PATH} is still missing`);
  return CHROMIUM_PATH;
}

/** The flags the console test launches Chromium with: headless, no network of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`chromium: ${ensureChromium()}`);
}
