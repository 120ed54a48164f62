import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second, the unit of utime and stime in /proc/<pid>/stat. */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/** Processes whose CPU a run charges to one figure: the broker, Postgres, the aggregator. */
export type ProcessGroup = () => number[];

/**
 * CPU seconds (user + system) of a group of processes, read from /proc. The group is listed again at the
 * end of a window: a process born inside it (a Postgres backend for a pool connection opened on demand)
 * counts in full; one that exits inside it takes its ticks with it, which matters little here, as
 * Postgres backends are pooled connections that outlive a run.
 */
function cpuSecondsByPid(pids: readonly number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    const fields = statFields(pid);
    // utime and stime are fields 14 and 15 of the whole line.
    if (fields) seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
  }
  return seconds;
}

/** CPU seconds the group spent between two readings of cpuSecondsByPid (see there). */
function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** The Kafka broker(s) on this host: java processes running kafka.Kafka (what `clearing infra` starts). */
export const kafkaBrokers: ProcessGroup = () =>
  allPids().filter((pid) => {
    const args = readCmdline(pid);
    return args[0]?.endsWith('java') === true && args.includes('kafka.Kafka');
  });

/** Every Postgres process of this host: postmaster, backends, checkpointer, WAL writer... */
export const postgresProcesses: ProcessGroup = () =>
  allPids().filter((pid) => readText(`/proc/${pid}/comm`)?.trim() === 'postgres');

/** A process and all its descendants: an aggregator that runs its loops as child processes counts whole. */
export function processTree(rootPid: number): ProcessGroup {
  return () => {
    const parentOf = new Map(allPids().map((pid) => [pid, statFields(pid)?.[1]]));
    const inTree = (pid: number): boolean => {
      for (let at: number | undefined = pid; at !== undefined && at > 1; at = Number(parentOf.get(at)))
        if (at === rootPid) return true;
      return false;
    };
    return [...parentOf.keys()].filter(inTree);
  };
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

function readCmdline(pid: number): string[] {
  return (readText(`/proc/${pid}/cmdline`) ?? '').split('\0');
}

/** /proc/<pid>/stat from field 3 (state) on: the command name before it is parenthesised and may hold spaces. */
function statFields(pid: number): string[] | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** A process may exit between listing and reading: then it has nothing to say. */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Starts a CPU window over named groups of processes; its stop gives CPU seconds per group. */
export function startCpuWindow<K extends string>(groups: Record<K, ProcessGroup>): () => Record<K, number> {
  const names = Object.keys(groups) as K[];
  const before = new Map(names.map((name) => [name, cpuSecondsByPid(groups[name]())]));
  return () =>
    Object.fromEntries(
      names.map((name) => [name, cpuSecondsBetween(before.get(name)!, cpuSecondsByPid(groups[name]()))]),
    ) as Record<K, number>;
}

/** Several groups as one: an aggregator run as several processes (--layout) counts whole. */
export function unionOf(groups: readonly ProcessGroup[]): ProcessGroup {
  return () => [...new Set(groups.flatMap((group) => group()))];
}
