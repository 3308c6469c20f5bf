/**
 * Number engine benchmark: normalisations per second of typical single-number inputs on one core,
 * and the time for 1 MB inputs. Exits 1 when a target is missed.
 *
 *   npm run bench:numbers
 */
import { performance } from 'node:perf_hooks';
import { normalise } from '../src/numbers/normalise.ts';
import type { NormaliseOptions } from '../src/numbers/number.types.ts';

const TARGET_OPS_PER_SECOND = 1_000_000;
const TARGET_MEGABYTE_MS = 50;
const DISTINCT_INPUTS = 5_000;
const ROUNDS = 5;
const ROUND_MS = 1_000;
const MEGABYTE = 1024 * 1024;

/** A small deterministic PRNG (mulberry32) so every run measures the same inputs. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20260101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

const PROVINCES = [...'京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新'];
const CODES_2002 = ['01', '10', '15', '21', '22', '23', '26', '40', '45', '46', '54', '56', '64', '66', '70', '77'];
const CODES_2017 = ['01', '02', '03', '04', '06', '07', '08', '09', '10', '14', '16', '17', '18', '21', '22', '40'];
const GUANGDONG_CITIES = [...'穗深珠汕佛韶河梅惠莞中江阳湛茂肇清潮揭云'];

function registration(): string {
  const year = between(2014, 2026);
  const code = pick(year >= 2019 ? CODES_2017 : CODES_2002);
  const national = random() < 0.4;
  const form = national ? pick(['准', '准', '进', '许']) : '准';
  const cls = national ? (form === '准' ? 3 : between(2, 3)) : 2;
  return `${national ? '国' : pick(PROVINCES)}械注${form}${year}${cls}${code}${digits(4)}`;
}

function filing(): string {
  const prefix = pick(['国', `粤${pick(GUANGDONG_CITIES)}`, '浙绍', '鲁青', '苏苏', '沪']);
  return `${prefix}械备${between(2014, 2026)}${digits(4)}${random() < 0.4 ? '号' : ''}`;
}

function legacy(): string {
  const national = random() < 0.5;
  const form = national ? pick(['准', '进']) : '准';
  const cls = national ? (form === '准' ? 3 : between(1, 3)) : between(1, 2);
  return `${national ? '国' : pick(PROVINCES)}食药监械(${form})字${between(2004, 2014)}第${cls}${pick(CODES_2002)}${digits(4)}号`;
}

const FULL_WIDTH = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** How people type a number: mostly clean, some with spaces, full-width digits, 号 or a suffix. */
function typed(): string {
  const r = random();
  const n = r < 0.6 ? registration() : r < 0.8 ? filing() : legacy();
  const d = random();
  if (d < 0.75) return n;
  if (d < 0.82) return ` ${n.slice(0, 4)} ${n.slice(4)} `;
  if (d < 0.88) return FULL_WIDTH(n);
  if (d < 0.93) return n.replace(/^(.)/, '$1\u3000');
  if (d < 0.97) return `${n}号`;
  return `${n}（更）`;
}

function typicalInputs(): string[] {
  const set = new Set<string>();
  while (set.size < DISTINCT_INPUTS) set.add(typed());
  return [...set];
}

interface Rate {
  /** Operations per second of elapsed time. */
  wall: number;
  /**
   * Operations per second of CPU time used by this process (all its threads, so GC helpers count
   * against it): the one-core figure, which other processes competing for the CPU do not distort.
   */
  cpu: number;
}

function opsPerSecond(inputs: readonly string[], options: NormaliseOptions): Rate {
  const wall: number[] = [];
  const cpu: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let ops = 0;
    const start = performance.now();
    const startCpu = process.cpuUsage();
    let elapsed = 0;
    while (elapsed < ROUND_MS) {
      for (let i = 0; i < inputs.length; i++) sink += normalise(inputs[i]!, options).numbers.length;
      ops += inputs.length;
      elapsed = performance.now() - start;
    }
    const used = process.cpuUsage(startCpu);
    wall.push((ops / elapsed) * 1000);
    cpu.push((ops / ((used.user + used.system) / 1000)) * 1000);
  }
  if (sink === 0) throw new Error('no numbers were found: the benchmark measures nothing');
  return { wall: median(wall), cpu: median(cpu) };
}

function fill(unit: () => string): string {
  let s = '';
  while (s.length < MEGABYTE) s += unit();
  return s.slice(0, MEGABYTE);
}

const PROSE = '产品名称：一次性使用无菌注射器（带针），规格型号：1ml、2ml、5ml，结构及组成：由外套、芯杆、活塞和针组成。';

/**
 * 1 MB inputs whose answers are small: a long document, and shapes that would make a
 * backtracking or quadratic scanner slow. These must each take under 50 ms.
 */
function megabyteInputs(): Record<string, string> {
  return {
    'a long document citing a number every 2 KB': fill(() => `${PROSE.repeat(20)}注册证号：${typed()}。`),
    'digits only': fill(() => digits(64)),
    'prefixes without digits': fill(() => '粤械注准'),
    'legacy prefixes without digits': fill(() => '国食药监械(准)字'),
    'one overlong digit run': `粤械注准${fill(() => digits(64))}`,
    'near misses': fill(() => `绿械注准${digits(11)} 国械注准${digits(12)} 粤械注准2017201O1x3 `),
    'spaces, look-alike letters and lone 械': fill(() => `O l  ${digits(3)} \u3000 械 `),
    'full-width and traditional prose': fill(() => '國家藥監局（ＮＭＰＡ）註冊證，'),
  };
}

/**
 * 1 MB inputs made of nothing but numbers. Their time is that of building tens of thousands of
 * answers, most of it allocation and garbage collection, so it is reported per number found and
 * not held to the 50 ms target.
 */
function denseMegabyteInputs(): Record<string, string> {
  return {
    'a pasted column of numbers': fill(() => `${typed()}${pick(['，', ', ', '\n', '；', ' 、'])}`),
    'numbers glued together': fill(registration),
    'prose citing a number every 70 characters': fill(() => `产品名称：一次性使用无菌注射器，注册证号：${registration()}。`),
  };
}

function megabyteMs(input: string, options: NormaliseOptions): { wall: number; cpu: number; found: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    found = normalise(input, options).numbers.length;
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu), found };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function run(): number {
  const options: NormaliseOptions = { currentYear: 2026 };
  const inputs = typicalInputs();
  const valid = inputs.filter((s) => normalise(s, options).numbers.length === 1).length;
  console.log(`typical inputs: ${inputs.length} distinct, ${valid} of them one valid number each`);
  const rate = opsPerSecond(inputs, options);
  const format = (n: number): string => Math.round(n).toLocaleString('en-US');
  // Judged on CPU time: it is the one-core figure, and other processes on the machine cannot skew it.
  let failed = rate.cpu < TARGET_OPS_PER_SECOND;
  console.log(
    `normalise: ${format(rate.cpu)} ops per CPU-second, ${format(rate.wall)} ops/s wall ` +
      `(target ≥ ${format(TARGET_OPS_PER_SECOND)})${failed ? '  MISSED' : ''}`,
  );
  for (const [name, input] of Object.entries(megabyteInputs())) {
    const ms = megabyteMs(input, options);
    const missed = ms.cpu >= TARGET_MEGABYTE_MS;
    failed ||= missed;
    console.log(
      `1 MB, ${name}: ${ms.cpu.toFixed(1)} ms CPU, ${ms.wall.toFixed(1)} ms wall ` +
        `(target < ${TARGET_MEGABYTE_MS} ms)${missed ? '  MISSED' : ''}`,
    );
  }
  for (const [name, input] of Object.entries(denseMegabyteInputs())) {
    const ms = megabyteMs(input, options);
    console.log(
      `1 MB, ${name}: ${format(ms.found)} numbers in ${ms.cpu.toFixed(1)} ms CPU, ${ms.wall.toFixed(1)} ms wall ` +
        `(${format((ms.found / ms.cpu) * 1000)} numbers per CPU-second; not held to the 50 ms target)`,
    );
  }
  return failed ? 1 : 0;
}

process.exitCode = run();
