import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ofKind, podTemplateOf, RENDERED } from './k8s-render';
import { infraPaths } from './paths';
import { productionSecrets, variablesReadBy } from './service-env';

const root = infraPaths().repoRoot;
const SECRETS = productionSecrets();
/**
 * Read by the platform, not by the clearing code: pg reads PGPASSWORD, Node NODE_EXTRA_CA_CERTS, and
 * POD_IP exists only to be expanded into ADVERTISED_URL by the kubelet.
 */
const PLATFORM_VARIABLES = new Set(['PGPASSWORD', 'NODE_EXTRA_CA_CERTS', 'POD_IP']);

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}

describe('k8s environment against what the services read', () => {
  for (const [overlay, objects] of RENDERED) {
    const config = ofKind(objects, 'ConfigMap').find((c) => c.metadata.name === 'clearing-env')!;
    for (const deployment of ofKind(objects, 'Deployment')) {
      const service = deployment.metadata.name;
      it(`given ${overlay} ${service}, when it boots, then it gets only variables it reads and every production secret it needs`, () => {
        const read = variablesReadBy(root, service);
        const env: EnvVar[] = podTemplateOf(deployment).spec.containers[0].env;
        const names = [...Object.keys(config.data), ...env.map((v) => v.name)];
        for (const variable of names)
          assert.ok(
            read.has(variable) || PLATFORM_VARIABLES.has(variable),
            `${service} never reads ${variable}`,
          );
        assert.equal(config.data.NODE_ENV, 'production');
        const fromSecrets = env.filter((v) => v.valueFrom?.secretKeyRef).map((v) => v.name);
        const needed = [...SECRETS].filter((variable) => read.has(variable));
        assert.ok(needed.length > 0, service);
        for (const variable of needed) assert.ok(fromSecrets.includes(variable), `${service}: ${variable}`);
        for (const variable of env.filter((v) => SECRETS.has(v.name)))
          assert.ok(needed.includes(variable.name), `${service} is given ${variable.name} it never reads`);
        // The kubelet expands $(NAME) only from variables defined earlier in the list (or the ConfigMap).
        env.forEach((variable, index) => {
          for (const [, reference] of (variable.value ?? '').matchAll(/\$\(([A-Z_]+)\)/g))
            assert.ok(
              env.slice(0, index).some((v) => v.name === reference),
              `${service}: ${variable.name}`,
            );
        });
        const login = Object.fromEntries(env.map((v) => [v.name, v]));
        assert.equal(login.KAFKA_SASL_USERNAME.value, service);
        assert.deepEqual(login.KAFKA_SASL_PASSWORD.valueFrom?.secretKeyRef, {
          name: service,
          key: 'password',
        });
      });
    }
  }
});
