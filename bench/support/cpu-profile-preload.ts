// Preloaded into a measured service with NODE_OPTIONS=--require (which refuses --cpu-prof): profiles the
// whole process with the inspector and writes a .cpuprofile into BENCH_CPU_PROFILE_DIR when it exits.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const directory = process.env.BENCH_CPU_PROFILE_DIR;
if (directory) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // A same-thread inspector session answers synchronously, so this completes inside the exit handler.
  process.on('exit', () =>
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      writeFileSync(
        path.join(directory, `aggregator-${process.pid}.cpuprofile`),
        JSON.stringify(result.profile),
      );
    }),
  );
}
