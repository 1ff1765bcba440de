import * as fc from 'fast-check';
import * as yaml from 'yaml';
import { describe, expect, it } from 'vitest';
import { validate } from '../../model/validate';
import { importText } from './import-text';

/** Whatever comes in, the import returns a result: a topology with no errors, or a message. */
function holds(text: string, name = 'input') {
  const r = importText([{ name, text }], { yaml });
  if (r.ok) expect(validate(r.topology).filter((p) => p.severity === 'error')).toEqual([]);
  else expect(r.error.length).toBeGreaterThan(0);
}

// Kubernetes-shaped values: the fields the import reads, filled with anything.
const anyValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1, max: 70000 }),
  fc.constantFrom(
    '10.0.1.5',
    '10.0.1.0/24',
    'REDACTED',
    'fd00::1',
    'Local',
    'TCP',
    'http',
    '***',
    '',
  ),
  fc.string({ maxLength: 12 }),
);
const shaped = fc.record(
  {
    kind: fc.constantFrom('Node', 'Pod', 'Service', 'EndpointSlice', 'ConfigMap', 42),
    apiVersion: fc.constantFrom('v1', 'discovery.k8s.io/v1', 'apps/v1'),
    metadata: fc.record(
      {
        name: fc.oneof(fc.constantFrom('a', 'b', 'web'), anyValue),
        namespace: anyValue,
        labels: fc.dictionary(fc.constantFrom('app', 'x'), anyValue),
      },
      { requiredKeys: [] },
    ),
    spec: fc.record(
      {
        nodeName: fc.oneof(fc.constantFrom('a', 'b'), anyValue),
        podCIDR: fc.oneof(fc.constantFrom('10.0.1.0/24', '10.0.2.0/24'), anyValue),
        podCIDRs: fc.array(anyValue, { maxLength: 2 }),
        hostNetwork: anyValue,
        type: fc.oneof(
          fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'),
          anyValue,
        ),
        selector: fc.oneof(fc.constant({ app: 'web' }), anyValue),
        ports: fc.array(
          fc.record(
            {
              port: anyValue,
              targetPort: anyValue,
              nodePort: anyValue,
              name: anyValue,
              protocol: anyValue,
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
        externalTrafficPolicy: anyValue,
        healthCheckNodePort: anyValue,
        containers: fc.array(
          fc.record({ ports: fc.array(fc.record({ name: anyValue, containerPort: anyValue })) }),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    ),
    status: fc.record(
      {
        addresses: fc.array(
          fc.record({
            type: fc.constantFrom('InternalIP', 'ExternalIP', 'Hostname'),
            address: fc.oneof(fc.constantFrom('172.18.0.2', '172.18.0.3', '10.0.1.9'), anyValue),
          }),
        ),
        podIP: fc.oneof(fc.constantFrom('10.0.1.5', '10.0.2.5', '10.0.1.6'), anyValue),
        podIPs: fc.array(fc.record({ ip: anyValue })),
        phase: fc.oneof(fc.constantFrom('Running', 'Pending', 'Failed'), anyValue),
        conditions: fc.array(fc.record({ type: fc.constant('Ready'), status: anyValue })),
        loadBalancer: fc.record(
          {
            ingress: fc.array(
              fc.record(
                { ip: anyValue, hostname: anyValue, ipMode: anyValue },
                { requiredKeys: [] },
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
    addressType: fc.oneof(fc.constant('IPv4'), anyValue),
    endpoints: fc.array(
      fc.record(
        {
          addresses: fc.array(anyValue),
          conditions: fc.record({ ready: anyValue }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

describe('garbage never throws', () => {
  it('any string, as JSON or YAML', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('x.json', 'x.yaml'), (s, name) =>
        holds(s, name),
      ),
      { numRuns: 500 },
    );
  });

  it('any bytes, decoded as a browser decodes a file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) =>
        holds(new TextDecoder().decode(bytes)),
      ),
      { numRuns: 300 },
    );
  });

  it('any JSON value, alone or as the items of a List', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        holds(JSON.stringify(v));
        holds(JSON.stringify({ kind: 'List', items: [v, v] }));
      }),
      { numRuns: 300 },
    );
  });

  it('Kubernetes-shaped objects with anything in their fields', () => {
    fc.assert(
      fc.property(fc.array(shaped, { maxLength: 12 }), (items) => {
        holds(JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
        holds(yaml.stringify({ apiVersion: 'v1', kind: 'List', items }), 'x.yaml');
      }),
      { numRuns: 400 },
    );
  });
});
