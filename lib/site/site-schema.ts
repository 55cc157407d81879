/**
 * JSON Schema of a site description (VmoSiteProps), used to validate site YAML files.
 * Kept next to site-props.ts; test/site/site-schema.test.ts checks every reference site
 * against it so the two cannot drift apart.
 */
const subnet = {
  type: 'object',
  additionalProperties: false,
  required: ['vlan', 'cidr'],
  properties: {
    vlan: { type: 'integer', minimum: 0, maximum: 4094, description: '802.1Q VLAN id; 0 = native (untagged)' },
    cidr: { type: 'string', description: 'network address and prefix, e.g. 172.16.0.0/22' },
    gateway: { type: 'string', description: 'default gateway address' },
  },
} as const;

const stringList = { type: 'array', items: { type: 'string' } } as const;

export const SITE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'VMO site',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'network'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$' },
    profileNamePrefix: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
    profileVersion: { type: 'string' },
    kubernetes: {
      type: 'object',
      additionalProperties: false,
      properties: {
        version: { type: 'string' },
        podCidr: { type: 'string' },
        serviceCidr: { type: 'string' },
        maxPodsPerNode: { type: 'integer', minimum: 1 },
        nodePodCidrPrefix: { type: 'integer', minimum: 8, maximum: 30 },
        identityProvider: { enum: ['palette', 'tenant', 'custom', 'noauth'] },
        oidc: {
          type: 'object',
          additionalProperties: false,
          required: ['issuerUrl', 'clientId'],
          properties: { issuerUrl: { type: 'string' }, clientId: { type: 'string' }, usernameClaim: { type: 'string' }, groupsClaim: { type: 'string' } },
        },
      },
    },
    nodes: {
      type: 'object',
      additionalProperties: false,
      properties: { controlPlane: { type: 'integer', minimum: 1 }, workers: { type: 'integer', minimum: 1 } },
    },
    network: {
      type: 'object',
      additionalProperties: false,
      required: ['layout', 'mgmt', 'data'],
      properties: {
        layout: { enum: ['four-nic', 'two-nic', 'two-nic-vm-on-data-vlan'] },
        pxe: subnet,
        mgmt: subnet,
        data: subnet,
        bondMode: { enum: ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'] },
        nics: stringList,
        vmBridge: { type: 'string' },
      },
    },
    vmVlans: { type: 'string', description: "VLAN ids and ranges, e.g. '21-100' or '30,40-50'" },
    loadBalancer: {
      type: 'object',
      additionalProperties: false,
      properties: {
        mode: { enum: ['l2', 'bgp'] },
        pools: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'addresses'],
            properties: { name: { type: 'string' }, addresses: { ...stringList, minItems: 1 }, autoAssign: { type: 'boolean' }, avoidBuggyIPs: { type: 'boolean' } },
          },
        },
        bgp: {
          type: 'object',
          additionalProperties: false,
          required: ['myAsn', 'peers'],
          properties: {
            myAsn: { type: 'integer', minimum: 1, maximum: 4294967295 },
            peers: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['address', 'asn'],
                properties: { address: { type: 'string' }, asn: { type: 'integer', minimum: 1, maximum: 4294967295 } },
              },
            },
          },
        },
      },
    },
    storage: {
      type: 'object',
      additionalProperties: false,
      properties: {
        portworx: {
          type: 'object',
          additionalProperties: false,
          properties: {
            version: { type: 'string' },
            sanType: { enum: ['FC', 'ISCSI'] },
            deviceSizeGiB: { type: 'integer', minimum: 1 },
            replication: { type: 'integer', minimum: 1, maximum: 3 },
            maxStorageNodes: { type: 'integer', minimum: 1 },
            flashArrays: {
              type: 'array',
              items: { type: 'object', additionalProperties: false, required: ['mgmtEndpoint'], properties: { mgmtEndpoint: { type: 'string' } } },
            },
            preferRemoteNodeOnly: { type: 'boolean' },
          },
        },
      },
    },
    vmo: {
      type: 'object',
      additionalProperties: false,
      properties: {
        access: { enum: ['proxied', 'direct'] },
        vmEnabledNamespaces: stringList,
        allowVlansOnSelf: { type: 'boolean' },
        allowedVlansOnSelf: { type: 'string' },
        privateCa: {
          type: 'object',
          additionalProperties: false,
          required: ['configMapName'],
          properties: { configMapName: { type: 'string' }, key: { type: 'string' } },
        },
      },
    },
    cilium: {
      type: 'object',
      additionalProperties: false,
      properties: {
        bridgeInterface: { enum: ['autodetect', 'br0'] },
        forceDeviceDetection: { type: 'boolean' },
        podNetworking: { enum: ['vxlan', 'geneve', 'native'] },
        ipv4NativeRoutingCidr: { type: 'string' },
      },
    },
    monitoring: { type: 'object', additionalProperties: false, properties: { grafanaHost: { type: 'string' } } },
    templates: {
      type: 'object',
      additionalProperties: false,
      properties: {
        networks: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['vlan'],
            properties: { vlan: { type: 'integer' }, name: { type: 'string' }, namespaces: stringList },
          },
        },
        untaggedNetwork: { type: 'boolean' },
        goldenImages: { type: 'boolean' },
      },
    },
    profiles: {
      type: 'object',
      additionalProperties: false,
      properties: { layout: { enum: ['full', 'split', 'both'] }, variables: { type: 'boolean' } },
    },
    suppressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['ruleId', 'reason'],
        properties: { ruleId: { type: 'string', pattern: '^[A-Z]+-[0-9]{3}$' }, reason: { type: 'string', minLength: 10 } },
      },
    },
  },
} as const;
