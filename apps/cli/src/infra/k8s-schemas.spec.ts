import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crdValidators, validateBuiltIn } from './k8s-schemas';
import { K8S_DIR, RENDERED } from './k8s-render';
import { K8sObject } from './kustomize';

const validators = crdValidators(join(K8S_DIR, 'schemas'));
const isCustom = (object: K8sObject) => /\.(strimzi\.io|cnpg\.io)\//.test(object.apiVersion);

/** The violations of one rendered object, or [] when it is valid. */
function violations(object: K8sObject): string[] {
  if (!isCustom(object)) {
    try {
      validateBuiltIn(object);
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  }
  const validate = validators.get(`${object.apiVersion}/${object.kind}`);
  if (validate === undefined) return [`no CRD schema for ${object.apiVersion} ${object.kind}`];
  return validate(object) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('k8s manifests against the Kubernetes and operator schemas', () => {
  for (const [overlay, objects] of RENDERED) {
    it(`given ${overlay} rendered, when validated, then every object matches its schema`, () => {
      assert.ok(objects.length > 30, `${overlay} rendered only ${objects.length} objects`);
      for (const object of objects)
        assert.deepEqual(violations(object), [], `${overlay}: ${object.kind} ${object.metadata.name}`);
    });
  }

  it('given a wrong field type or a misspelt field, when validated, then both kinds of validator refuse it', () => {
    const base = RENDERED.get('base')!;
    const deployment = structuredClone(base.find((o) => o.kind === 'Deployment')!);
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    assert.notDeepEqual(violations(deployment), []);
    const topic = structuredClone(base.find((o) => o.kind === 'KafkaTopic')!);
    topic.spec.partition = 6;
    assert.notDeepEqual(violations(topic), []);
    const kafka = structuredClone(base.find((o) => o.kind === 'Kafka')!);
    kafka.apiVersion = 'kafka.strimzi.io/v1beta2';
    assert.notDeepEqual(violations(kafka), [], 'v1beta2 is gone from Strimzi 1.x');
  });
});
