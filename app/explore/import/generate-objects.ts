// The objects of generateDump, whole, as kubectl prints them (no managedFields).

const created = '2026-11-30T09:14:07Z';

export function node(name: string, ip: string, podBase: string, zone: string, uid: string) {
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: '2026-12-02T05:02:11Z',
    lastTransitionTime: created,
    message,
    reason,
    status,
    type,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: created,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': 'n2-standard-8',
        'topology.kubernetes.io/region': 'europe-west1',
        'topology.kubernetes.io/zone': zone,
      },
      name,
      resourceVersion: String(4000 + ip.length),
      uid,
    },
    spec: {
      podCIDR: `${podBase}.0/24`,
      podCIDRs: [`${podBase}.0/24`],
      providerID: `gce://shop-prod/${zone}/${name}`,
    },
    status: {
      addresses: [
        { address: ip, type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: {
        cpu: '7910m',
        'ephemeral-storage': '47060071478',
        memory: '29717464Ki',
        pods: '110',
      },
      capacity: { cpu: '8', 'ephemeral-storage': '98831908Ki', memory: '32903640Ki', pods: '110' },
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition(
          'DiskPressure',
          'False',
          'KubeletHasNoDiskPressure',
          'kubelet has no disk pressure',
        ),
        condition(
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
        ),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: uid,
        containerRuntimeVersion: 'containerd://2.0.5',
        kernelVersion: '6.6.87+',
        kubeProxyVersion: 'v1.33.1',
        kubeletVersion: 'v1.33.1',
        machineID: uid.replace(/-/g, ''),
        operatingSystem: 'linux',
        osImage: 'Container-Optimized OS from Google',
        systemUUID: uid,
      },
    },
  };
}

export interface PodSpec {
  name: string;
  ns: string;
  labels: Record<string, string>;
  node: string;
  ip: string;
  hostIp: string;
  ready: boolean;
  hostNetwork: boolean;
  uid: string;
  container: {
    name: string;
    image: string;
    ports: { containerPort: number; name: string; protocol: string }[];
  };
}

export function pod(p: PodSpec) {
  const readyStatus = p.ready ? 'True' : 'False';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: created,
      generateName: p.name.replace(/[^-]+$/, ''),
      labels: p.labels,
      name: p.name,
      namespace: p.ns,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: p.hostNetwork ? 'DaemonSet' : 'ReplicaSet',
          name: p.hostNetwork ? 'kube-proxy' : p.name.replace(/-[^-]+$/, ''),
          uid: p.uid.split('').reverse().join(''),
        },
      ],
      resourceVersion: String(9000 + p.ip.length),
      uid: p.uid,
    },
    spec: {
      containers: [
        {
          image: p.container.image,
          imagePullPolicy: 'IfNotPresent',
          name: p.container.name,
          ...(p.container.ports.length ? { ports: p.container.ports } : {}),
          ...(p.hostNetwork
            ? {}
            : {
                readinessProbe: {
                  failureThreshold: 3,
                  httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
                  periodSeconds: 10,
                  successThreshold: 1,
                  timeoutSeconds: 1,
                },
              }),
          resources: { requests: { cpu: '100m', memory: '128Mi' } },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            {
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              name: 'kube-api-access-x7k2p',
              readOnly: true,
            },
          ],
        },
      ],
      dnsPolicy: p.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
      enableServiceLinks: true,
      ...(p.hostNetwork ? { hostNetwork: true } : {}),
      nodeName: p.node,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
      ],
      volumes: [
        {
          name: 'kube-api-access-x7k2p',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              {
                configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' },
              },
            ],
          },
        },
      ],
    },
    status: {
      conditions: [
        {
          lastProbeTime: null,
          lastTransitionTime: created,
          status: 'True',
          type: 'PodReadyToStartContainers',
        },
        { lastProbeTime: null, lastTransitionTime: created, status: 'True', type: 'Initialized' },
        { lastProbeTime: null, lastTransitionTime: created, status: readyStatus, type: 'Ready' },
        {
          lastProbeTime: null,
          lastTransitionTime: created,
          status: readyStatus,
          type: 'ContainersReady',
        },
        { lastProbeTime: null, lastTransitionTime: created, status: 'True', type: 'PodScheduled' },
      ],
      containerStatuses: [
        {
          containerID: `containerd://${p.uid.replace(/-/g, '')}`,
          image: p.container.image,
          imageID: `${p.container.image.split(':')[0]}@sha256:${p.uid.replace(/-/g, '')}`,
          lastState: {},
          name: p.container.name,
          ready: p.ready,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: created } },
        },
      ],
      hostIP: p.hostIp,
      hostIPs: [{ ip: p.hostIp }],
      phase: 'Running',
      podIP: p.ip,
      podIPs: [{ ip: p.ip }],
      qosClass: 'Burstable',
      startTime: created,
    },
  };
}

export function service(name: string, ns: string, type: string, k: number, uid: string) {
  const exposed = type !== 'ClusterIP';
  const local = k === 0;
  const ports: Record<string, unknown>[] = [
    {
      name: 'http',
      ...(exposed ? { nodePort: 30000 + 2 * k } : {}),
      port: 80,
      protocol: 'TCP',
      targetPort: 'http',
    },
  ];
  if (k % 3 === 1)
    ports.push({
      name: 'metrics',
      ...(exposed ? { nodePort: 30001 + 2 * k } : {}),
      port: 9090,
      protocol: 'TCP',
      targetPort: 9090,
    });
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      creationTimestamp: created,
      labels: { app: name },
      name,
      namespace: ns,
      resourceVersion: String(7000 + k),
      uid,
    },
    spec: {
      ...(type === 'LoadBalancer' ? { allocateLoadBalancerNodePorts: true } : {}),
      clusterIP: `10.96.${Math.floor(k / 250)}.${(k % 250) + 10}`,
      clusterIPs: [`10.96.${Math.floor(k / 250)}.${(k % 250) + 10}`],
      ...(exposed ? { externalTrafficPolicy: local ? 'Local' : 'Cluster' } : {}),
      ...(local ? { healthCheckNodePort: 32000 } : {}),
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports,
      selector: { app: name },
      sessionAffinity: 'None',
      type,
    },
    status: {
      loadBalancer:
        type === 'LoadBalancer'
          ? {
              ingress: [
                { ip: k === 0 ? '34.77.10.20' : '35.190.4.8', ipMode: k === 0 ? 'VIP' : 'Proxy' },
              ],
            }
          : {},
    },
  };
}

export function slice(
  svc: string,
  ns: string,
  metrics: boolean,
  members: readonly {
    pod: string;
    ns: string;
    ip: string;
    node: number;
    ready: boolean;
    uid: string;
  }[],
  suffix: string,
  uid: string,
  nodeName: (i: number) => string,
  zone: (i: number) => string,
) {
  return {
    addressType: 'IPv4',
    apiVersion: 'discovery.k8s.io/v1',
    endpoints: members.map((m) => ({
      addresses: [m.ip],
      conditions: { ready: m.ready, serving: m.ready, terminating: false },
      nodeName: nodeName(m.node),
      targetRef: { kind: 'Pod', name: m.pod, namespace: m.ns, uid: m.uid },
      zone: zone(m.node),
    })),
    kind: 'EndpointSlice',
    metadata: {
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': created },
      creationTimestamp: created,
      generateName: `${svc}-`,
      generation: 3,
      labels: {
        app: svc,
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        'kubernetes.io/service-name': svc,
      },
      name: `${svc}-${suffix}`,
      namespace: ns,
      ownerReferences: [
        {
          apiVersion: 'v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: 'Service',
          name: svc,
          uid,
        },
      ],
      resourceVersion: String(8000 + members.length),
      uid,
    },
    ports: [
      { name: 'http', port: 8080, protocol: 'TCP' },
      ...(metrics ? [{ name: 'metrics', port: 9090, protocol: 'TCP' }] : []),
    ],
  };
}
