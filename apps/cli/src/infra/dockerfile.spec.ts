import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import dockerignore from '@balena/dockerignore';
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { parse } from 'yaml';
import { DEPLOYED_SERVICES } from '@clearing/config';
import { containersOf, RENDERED } from './k8s-render';
import { infraPaths } from './paths';

/**
 * No Docker engine here, so the Dockerfile is parsed (dockerfile-ast, the parser behind the Dockerfile
 * language server) and checked: what the image holds is what compose and k8s run.
 */
const root = infraPaths().repoRoot;
const dockerfile = DockerfileParser.parse(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const ignored = dockerignore().add(readFileSync(join(root, '.dockerignore'), 'utf8').split('\n'));

interface Stage {
  readonly name: string;
  readonly image: string;
  readonly instructions: Instruction[];
}

/** The build stages in order, each FROM's image with the global ARG defaults substituted. */
function stages(): Stage[] {
  const args = new Map(
    dockerfile
      .getInstructions()
      .filter((i) => i.getKeyword() === 'ARG')
      .map((i) => i.getArgumentsContent()!.split('=') as [string, string]),
  );
  const result: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image, , name] = instruction.getArguments().map((a) => a.getValue());
      result.push({
        name,
        image: image.replace(/\$\{(\w+)\}/g, (_, arg) => args.get(arg)!),
        instructions: [],
      });
    } else result.at(-1)?.instructions.push(instruction);
  }
  return result;
}

const [build, runtime] = stages();
const of = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword);
const argsOf = (instruction: Instruction) => instruction.getArguments().map((a) => a.getValue());
const fromStage = (copy: Instruction) =>
  (copy as unknown as { getFromFlag(): { getValue(): string } | null }).getFromFlag()?.getValue();

/** Paths the runtime image holds under /app: COPY destinations, and what the build stage staged in /runtime. */
function runtimePaths(): string[] {
  return of(runtime, 'COPY').flatMap((copy) => {
    const [source, destination] = argsOf(copy);
    if (fromStage(copy) !== build.name || source !== '/runtime/') return [destination.replace(/^\.\/$/, '')];
    const staging = of(build, 'RUN').flatMap((run) => [
      ...run.getArgumentsContent()!.matchAll(/--parents ([^&]+) \/runtime\//g),
    ]);
    return staging.flatMap((match) => match[1].trim().split(/\s+/));
  });
}

/** Every program compose and the k8s workloads run from the clearing image (`node <script> ...`). */
function entryPoints(): string[] {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
  const fromCompose = Object.values(compose.services as Record<string, { image: string; command?: string[] }>)
    .filter((s) => s.image.startsWith('clearing:'))
    .map((s) => s.command!);
  const fromK8s = [...RENDERED.values()]
    .flat()
    .flatMap((object) => containersOf(object).map((c) => c.command));
  return [
    ...new Set(
      [...fromCompose, ...fromK8s].map((command: string[]) => {
        assert.equal(command[0], 'node');
        return command[1];
      }),
    ),
  ];
}

describe('Dockerfile', () => {
  it('given two stages, when built, then the runtime is a slim Node image of the engines major', () => {
    assert.deepEqual([build.name, runtime.name], ['build', 'runtime']);
    const engines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
    assert.match(runtime.image, new RegExp(`^node:${engines.match(/\d+/)[0]}-[a-z]+-slim$`));
    assert.equal(build.image, runtime.image, 'one Node for compiling and running');
  });

  it('given the runtime stage, when it runs, then as a non-root user, with production dependencies only', () => {
    const users = of(runtime, 'USER').map((i) => i.getArgumentsContent());
    assert.equal(users.length, 1);
    assert.ok(!['root', '0'].includes(users[0]!.split(':')[0]), `USER ${users[0]}`);
    const last = runtime.instructions.at(-1)!;
    // After the last RUN: installing needs root (the image's files stay root-owned), running must not.
    const keywords = runtime.instructions.map((i) => i.getKeyword());
    assert.ok(keywords.indexOf('USER') > keywords.lastIndexOf('RUN'), 'USER after the last RUN');
    assert.equal(last.getKeyword(), 'CMD');
    const installs = of(runtime, 'RUN')
      .map((run) => run.getArgumentsContent()!)
      .filter((run) => /npm ci/.test(run));
    assert.deepEqual(
      installs.map((run) => run.includes('--omit=dev')),
      [true],
    );
    assert.ok(of(build, 'RUN').some((run) => run.getArgumentsContent()!.includes('npm run build')));
  });

  it('given the build context, when COPY reads it, then every source exists and .dockerignore keeps none out', () => {
    for (const copy of [...of(build, 'COPY'), ...of(runtime, 'COPY')].filter(
      (c) => fromStage(c) === undefined,
    )) {
      for (const source of argsOf(copy).slice(0, -1)) {
        assert.ok(existsSync(join(root, source)), source);
        assert.ok(!ignored.ignores(source), `${source} is in .dockerignore`);
      }
    }
    for (const copy of of(runtime, 'COPY').filter((c) => fromStage(c) !== undefined))
      assert.equal(fromStage(copy), build.name);
  });

  it('given compose and k8s, when they run the image, then every entry point is built and shipped', () => {
    const shipped = runtimePaths();
    const scripts = entryPoints();
    const cmd = JSON.parse(of(runtime, 'CMD')[0].getArgumentsContent()!) as string[];
    for (const { service } of DEPLOYED_SERVICES)
      assert.ok(scripts.includes(`dist/apps/${service}/src/main.js`), service);
    for (const script of [...scripts, cmd[1]]) {
      assert.ok(existsSync(join(root, script)), `${script} is not built`);
      assert.ok(
        shipped.some((path) => script === path || script.startsWith(`${path}/`)),
        `${script} not in the image`,
      );
    }
    const exposed = of(runtime, 'EXPOSE').flatMap(argsOf).map(Number);
    assert.deepEqual(exposed.sort(), DEPLOYED_SERVICES.map((s) => s.defaultHttpPort).sort());
  });

  it('given the image omits dev dependencies, when the CLI and the services load, then every package they load is installed', () => {
    // The CLI's whole command graph, and every module of each service but its bootstrap (which would start it).
    const serviceModules = DEPLOYED_SERVICES.flatMap(({ service }) =>
      compiledModules(join(root, 'dist/apps', service, 'src')),
    );
    const modules = [join(root, 'dist/apps/cli/src/program.js'), ...serviceModules];
    const script = join(__dirname, 'dev-only-packages.js');
    const devOnly = execFileSync(process.execPath, [script, root, ...modules], { encoding: 'utf8' });
    assert.equal(devOnly, '', `loaded at run time but devDependencies: ${devOnly}`);
  });
});

/** Compiled production modules: no specs, fixtures, test helpers or the bootstrap `main.js`. */
function compiledModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // testing/ and bench/ run from a developer's checkout, never from the image (a bench runs on load).
    if (entry.isDirectory()) return ['testing', 'bench'].includes(entry.name) ? [] : compiledModules(path);
    return /\.js$/.test(entry.name) && !/(spec|fixture)\.js$|^main\.js$/.test(entry.name) ? [path] : [];
  });
}
