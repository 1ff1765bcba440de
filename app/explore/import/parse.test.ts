import { readFileSync } from 'node:fs';
import * as yaml from 'yaml';
import { describe, expect, it } from 'vitest';
import { importText } from './import-text';
import { inferKind, MAX_BYTES, megabytes, parseDocuments, sizeRefusal, utf8Bytes } from './parse';

const read = (name: string) =>
  readFileSync(new URL(`../../../e2e/fixtures/kubectl/${name}`, import.meta.url), 'utf8');

const failure = (name: string, text: string) => {
  const r = importText([{ name, text }], { yaml });
  if (r.ok) throw new Error('expected the import to fail');
  return r.error;
};

describe('reading the files', () => {
  it('says a cut-short JSON file ends too soon, naming it', () => {
    expect(failure('truncated.json', read('truncated.json'))).toMatch(
      /^truncated\.json ends in the middle of its JSON: the file looks cut short \(/,
    );
  });

  it('says where a JSON file is broken', () => {
    expect(failure('x.json', '{"kind": "List", "items": [}')).toMatch(
      /^x\.json is not valid JSON: /,
    );
  });

  it('refuses a dump of other kinds only, naming what it holds and the command to run', () => {
    expect(failure('wrong-kinds.json', read('wrong-kinds.json'))).toBe(
      'wrong-kinds.json has no Nodes, Pods, Services or EndpointSlices (it has 2 ConfigMaps, 1 Deployment, 1 Ingress): run kubectl get nodes,pods,services,endpointslices -A -o json',
    );
  });

  it('stops a YAML alias bomb at once, with a clear message', () => {
    const start = performance.now();
    expect(failure('alias-bomb.yaml', read('alias-bomb.yaml'))).toBe(
      'alias-bomb.yaml expands YAML aliases more than 100 times (an "alias bomb"?): Inbound stops reading it',
    );
    // Generous: the point is that it stops, not the 9^9 expansion.
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('says binary files are not text', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const text = new TextDecoder().decode(bytes);
    expect(failure('cluster.tar.gz', text)).toBe(
      'cluster.tar.gz is not text (it looks like a binary file): Inbound reads the JSON or YAML that kubectl prints',
    );
  });

  it('says an empty file is empty, and a YAML text is not an object', () => {
    expect(failure('empty.yaml', '  \n')).toBe('empty.yaml is empty');
    expect(failure('notes.yaml', 'just some words')).toBe(
      'notes.yaml is not a Kubernetes object (it is the text "just some words"): Inbound reads the JSON or YAML that kubectl prints',
    );
    expect(failure('broken.yaml', 'kind: List\nitems: [\n')).toMatch(
      /^broken\.yaml is not valid YAML: /,
    );
  });

  it('refuses input over 50 MB before reading it', () => {
    expect(sizeRefusal('big.json', 52 * 1024 * 1024)).toBe(
      'big.json is 52 MB; Inbound reads dumps up to 50 MB',
    );
    expect(sizeRefusal('edge.json', MAX_BYTES + 1)).toBe(
      'edge.json is 50.0 MB; Inbound reads dumps up to 50 MB',
    );
    expect(sizeRefusal('ok.json', MAX_BYTES)).toBeNull();
    expect(megabytes(3 * 1024 * 1024)).toBe('3.0 MB');
    const huge = ' '.repeat(MAX_BYTES + 10);
    expect(failure('huge.json', huge)).toBe(
      'huge.json is 50.0 MB; Inbound reads dumps up to 50 MB',
    );
    expect(
      importText([
        { name: 'a.json', text: ' '.repeat(30 * 1024 * 1024) },
        { name: 'b.json', text: ' '.repeat(30 * 1024 * 1024) },
      ]),
    ).toEqual({
      ok: false,
      error: 'The files together are 60 MB; Inbound reads dumps up to 50 MB',
    });
  });

  it('says a deeply nested file is too deep, without crashing', () => {
    const deep = `a: ${'['.repeat(100000)}${']'.repeat(100000)}`;
    expect(failure('deep.yaml', deep)).toBe('deep.yaml is nested too deeply to read');
    expect(failure('deep.json', '['.repeat(100000) + ']'.repeat(100000))).toMatch(
      /^deep\.json has no Nodes/,
    );
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Bytes('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('reads a JSON object, a JSON array, and several YAML documents', () => {
    expect(parseDocuments('a.json', '{"kind":"Pod"}')).toEqual({
      ok: true,
      value: [{ kind: 'Pod' }],
    });
    expect(parseDocuments('a.json', '\uFEFF[1]')).toEqual({ ok: true, value: [[1]] });
    expect(parseDocuments('a.yaml', 'kind: Pod\n---\nkind: Node\n---\n', yaml)).toEqual({
      ok: true,
      value: [{ kind: 'Pod' }, { kind: 'Node' }, null],
    });
  });
});

describe('telling the kind of an item without one', () => {
  it('from its apiVersion and fields, when only one kind fits', () => {
    expect(
      inferKind({ apiVersion: 'discovery.k8s.io/v1', addressType: 'IPv4', endpoints: [] }),
    ).toEqual({
      kind: 'EndpointSlice',
      from: 'apiVersion discovery.k8s.io/v1, addressType and endpoints',
    });
    expect(inferKind({ spec: { containers: [] } })).toMatchObject({ kind: 'Pod' });
    expect(inferKind({ apiVersion: 'v1', spec: { ports: [], selector: {} } })).toMatchObject({
      kind: 'Service',
    });
    expect(inferKind({ spec: { podCIDR: '10.0.0.0/24' } })).toMatchObject({ kind: 'Node' });
  });

  it('not when its group says otherwise or nothing fits', () => {
    expect(inferKind({ apiVersion: 'apps/v1', spec: { template: {} } })).toEqual({
      kind: null,
      why: 'it has no kind, and its apiVersion apps/v1 and its fields do not say which it is',
    });
    expect(inferKind({ spec: { podCIDR: '10.0.0.0/24', ports: [] } })).toEqual({
      kind: null,
      why: 'it has no kind, and its fields fit more than one (Node, Service)',
    });
  });
});
