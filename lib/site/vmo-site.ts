import { Construct } from 'constructs';
import { isValidationError } from '../common/errors';
import { INTERFACE_NAME_RULE, isInterfaceName } from '../common/interface-name';
import { isIpv4Address } from '../common/ip-address';
import { tryVlans } from '../common/vlan-list';
import { maasClusterOf } from '../model/maas-cluster';
import { planSite, SitePlan } from '../model/site-plan';
import { VmoSiteProps } from '../model/site-props';
import { CiliumBridgeInterface, CiliumPack, CiliumPodNetworking } from '../packs/cilium';
import { ICsiLayer, VmStorageProfile } from '../packs/csi-layer';
import { IdentityProvider, PaletteKubernetesPack } from '../packs/kubernetes';
import { MetalLbAdvertisement, MetalLbPack } from '../packs/metallb';
import { NginxPack } from '../packs/nginx';
import { LonghornPack } from '../packs/longhorn';
import { FlashArraySanType, PortworxPack, RA_VM_STORAGE_CLASS } from '../packs/portworx';
import { RookCephPack } from '../packs/rook-ceph';
import { PrometheusGrafanaPack } from '../packs/prometheus';
import { SPECTRO_PROXY_CERT_SAN, SpectroProxyPack } from '../packs/spectro-proxy';
import { CaCertificate, CaCertificatesPart, CsiNodePart, UbuntuMaasPack } from '../packs/ubuntu';
import { VirtualMachineOrchestratorPack, VMO_DASHBOARD_POOL, VMO_NAMESPACE, VmoDashboardAccess } from '../packs/vmo';
import { maasClusterFiles } from '../palette/cluster/maas-cluster-files';
import { Finding, FindingLevel, RuleInfo } from '../palette/finding';
import { isPackCatalogError, PackCatalog, PackCatalogError } from '../palette/pack-catalog';
import { PALETTE_SITE_RULES, SiteFiles } from '../palette/palette-site';
import { VMO_RULES } from '../rules';
import { ProfileLayer } from '../palette/profile-layer';
import { RenderedSite } from '../palette/rendered';
import {
  CdiCloneStrategy, VmoGoldenImagesLayer, VmoNetworkingLayer, VmoPreferencesLayer, VmoStorageLayer, VmoTemplatesLayer, VolumeMode,
} from '../templates';
import { siteVariables, SiteVariables } from './site-variables';
import { VmoProfileLayout, VmoProfiles } from './vmo-profiles';

/** The RA's layers of a VMO site; a layer whose settings were refused is undefined (SITE-001 says why). */
export interface VmoSiteLayers {
  readonly os?: UbuntuMaasPack;
  readonly kubernetes?: PaletteKubernetesPack;
  readonly cni?: CiliumPack;
  readonly csi?: ICsiLayer;
  readonly metallb?: MetalLbPack;
  readonly nginx?: NginxPack;
  readonly monitoring?: PrometheusGrafanaPack;
  readonly vmo?: VirtualMachineOrchestratorPack;
  /** The Spectro Proxy, when VMO access is proxied (the layer Palette's UI adds for Proxied). */
  readonly proxy?: SpectroProxyPack;
  readonly storage?: VmoStorageLayer;
  readonly networking?: VmoNetworkingLayer;
  readonly goldenImages?: VmoGoldenImagesLayer;
  readonly preferences?: VmoPreferencesLayer;
  readonly templates?: VmoTemplatesLayer;
}

/** Code-only choices of a site, beside its plain-data description. */
export interface VmoSiteOptions {
  /**
   * Builds the CSI layer instead of the RA's Portworx on Pure FlashArray: another storage
   * backend behind the CSI interface. Its VM storage class, snapshot class and node
   * requirements feed the layers above.
   * @default the backend of `storage.backend`: the RA's PortworxPack from `storage.portworx`,
   * LonghornPack from `storage.longhorn` or RookCephPack from `storage.rookCeph`
   */
  readonly csi?: (scope: Construct, plan: SitePlan) => ICsiLayer;
  /**
   * Pack defaults of your own, asked before the built-in catalog (a catalog built in code;
   * `props.packCatalog` names a folder instead).
   * @default the folder `props.packCatalog` names, else the app's catalog
   */
  readonly packCatalog?: PackCatalog;
}

/** The catalog folder a site's `packCatalog` names; a folder that cannot be used is an error naming the setting. */
function siteCatalog(folder: string): PackCatalog {
  try {
    return PackCatalog.fromDirectory(folder);
  } catch (e) {
    if (isPackCatalogError(e)) throw new PackCatalogError(`packCatalog: ${e.message}`);
    throw e;
  }
}

const KNOWN_LAYOUTS: readonly string[] = ['full', 'split', 'both'];
const STORAGE_BACKENDS: readonly string[] = ['portworx', 'longhorn', 'rook-ceph'];

/** The CDI StorageProfile of a VM class, as the CSI layer describes it. */
function storageProfileProps(vm: VmStorageProfile) {
  const mode = (m: 'Block' | 'Filesystem') => (m === 'Block' ? VolumeMode.BLOCK : VolumeMode.FILESYSTEM);
  return {
    storageClassName: vm.storageClassName,
    volumeMode: mode(vm.volumeMode),
    cloneStrategy: { 'csi-clone': CdiCloneStrategy.CSI_CLONE, snapshot: CdiCloneStrategy.SNAPSHOT, copy: CdiCloneStrategy.COPY }[vm.cloneStrategy],
    ...(vm.claimPropertySets ? { claimPropertySets: vm.claimPropertySets.map((c) => ({ accessModes: c.accessModes, volumeMode: mode(c.volumeMode) })) } : {}),
  };
}

/**
 * SITE-001: a setting a layer refuses is reported at the setting that feeds the layer,
 * with the layer's reason, and the other layers are still built and checked.
 */
export const SITE_001: RuleInfo = {
  id: 'SITE-001',
  level: FindingLevel.ERROR,
  description: 'every setting of the site description is valid for the layer it configures',
  source: 'the validation of each layer construct',
  suppressible: false,
};

/** Every rule a VmoSite runs: the ids its suppressions may name (a site file's are checked on load). */
export const VMO_SITE_RULES: readonly RuleInfo[] = [...PALETTE_SITE_RULES, ...VMO_RULES, SITE_001];

/**
 * One VMO bare-metal site: a site description in, every RA layer and profile out. Every
 * setting that follows from the site (node-IP CIDR, Portworx interfaces, MetalLB L2
 * interface, Cilium bridge preset, vlanFiltering, max storage nodes, NADs) is derived from
 * it once, in the plan; the layers are built from the plan, and the VMO rules check what
 * the layers write. Problems are reported together, as findings, when the app renders.
 */
export class VmoSite extends VmoProfiles {
  public readonly plan: SitePlan;
  public readonly layers: VmoSiteLayers;
  /** The rev 1.7 profile variables, when `profiles.variables` is on. */
  public readonly variables?: SiteVariables;
  private readonly settingErrors: Finding[] = [];

  constructor(scope: Construct, id: string, props: VmoSiteProps, options: VmoSiteOptions = {}) {
    const plan = planSite(props, id);
    super(scope, id, {
      name: plan.name,
      suppressions: props.suppressions,
      packCatalog: options.packCatalog ?? (props.packCatalog !== undefined ? siteCatalog(props.packCatalog) : undefined),
      hosts: { nodes: plan.nodes, network: plan.network, ...(plan.maas ? { maas: plan.maas } : {}) },
      layout: KNOWN_LAYOUTS.includes(plan.profiles.layout) ? VmoProfileLayout.of(plan.profiles.layout) : VmoProfileLayout.BOTH,
      version: plan.profileVersion,
      tags: ['vmo', `site:${plan.name}`],
      names: plan.profiles.names,
    });
    this.plan = plan;
    this.checkChoices(props);
    this.variables = plan.profiles.variables ? siteVariables(plan) : undefined;
    this.layers = this.buildLayers(options);
    const l = this.layers;
    const present = (...layers: (ProfileLayer | undefined)[]) => layers.filter((x): x is ProfileLayer => x !== undefined);
    this.compose(
      present(l.os, l.kubernetes, l.cni, l.csi),
      present(l.metallb, l.nginx, l.monitoring, l.vmo, l.proxy),
      present(l.storage, l.networking, l.goldenImages, l.preferences, l.templates),
    );
  }

  protected get siteRuleInfo(): readonly RuleInfo[] {
    return [...super.siteRuleInfo, SITE_001];
  }

  protected siteRules(rendered: RenderedSite): Finding[] {
    return [...this.settingErrors, ...super.siteRules(rendered)];
  }

  /**
   * What a site writes beside its profiles: the site book (VmoProfiles) and, with `maas`, the
   * cluster definition (`deploy/`: Terraform JSON, API payload).
   */
  protected siteDocuments(rendered: RenderedSite, findings: readonly Finding[]): SiteFiles {
    const cluster = maasClusterOf(rendered, this.hosts);
    return new Map([...super.siteDocuments(rendered, findings), ...(cluster ? maasClusterFiles(cluster) : [])]);
  }

  /**
   * Builds one layer; a setting the layer refuses becomes a SITE-001 finding at `setting`
   * (and the half-built construct is removed), so every other layer is still built and checked.
   */
  private guard<T>(setting: string, id: string, build: () => T): T | undefined {
    try {
      return build();
    } catch (e) {
      if (!isValidationError(e)) throw e;
      this.node.tryRemoveChild(id);
      // A broken catalog file is the catalog's problem, whichever layer read it first; reported once.
      const location = isPackCatalogError(e) ? 'packCatalog' : setting;
      if (this.settingErrors.some((f) => f.location === location && f.message === e.message)) return undefined;
      this.settingErrors.push({ ruleId: SITE_001.id, level: 'error', location, message: e.message, source: SITE_001.source });
      return undefined;
    }
  }

  /**
   * Settings with a closed set of values (site files are held to them by the schema; code
   * may pass anything): an unknown value is a SITE-001 finding, never silently another choice.
   */
  private checkChoices(props: VmoSiteProps): void {
    const choices: [string, unknown, readonly string[]][] = [
      ['network.layout', props.network?.layout, ['four-nic', 'two-nic', 'two-nic-vm-on-data-vlan']],
      ['network.bondMode', props.network?.bondMode, ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb']],
      ['kubernetes.identityProvider', props.kubernetes?.identityProvider, ['palette', 'tenant', 'custom', 'noauth']],
      ['storage.backend', props.storage?.backend, STORAGE_BACKENDS],
      ['storage.portworx.sanType', props.storage?.portworx?.sanType, ['FC', 'ISCSI']],
      ['loadBalancer.mode', props.loadBalancer?.mode, ['l2', 'bgp']],
      ['vmo.access', props.vmo?.access, ['proxied', 'direct']],
      ['cilium.podNetworking', props.cilium?.podNetworking, ['vxlan', 'geneve', 'native']],
      ['cilium.bridgeInterface', props.cilium?.bridgeInterface, ['autodetect', 'br0']],
      ['profiles.layout', props.profiles?.layout, KNOWN_LAYOUTS],
    ];
    for (const [setting, value, allowed] of choices) {
      if (value === undefined || allowed.includes(value as string)) continue;
      this.settingErrors.push({
        ruleId: SITE_001.id,
        level: 'error',
        location: setting,
        message: `'${String(value)}' is not a ${setting} choice: use one of ${allowed.join(', ')}`,
        source: SITE_001.source,
      });
    }
    // A settings block of a backend the site does not use would be ignored silently.
    const backend = props.storage?.backend ?? 'portworx';
    for (const [block, owner] of [['portworx', 'portworx'], ['longhorn', 'longhorn'], ['rookCeph', 'rook-ceph']] as const) {
      if (props.storage?.[block] === undefined || owner === backend) continue;
      this.settingErrors.push({
        ruleId: SITE_001.id,
        level: 'error',
        location: `storage.${block}`,
        message: `storage.${block} is set but storage.backend is '${backend}': set storage.backend to '${owner}', or remove storage.${block}`,
        source: SITE_001.source,
      });
    }
    const nics = props.network?.nics;
    const want = props.network?.layout === 'four-nic' ? 4 : 2;
    if (nics !== undefined) {
      const bad = nics.filter((n) => !isInterfaceName(n));
      if (nics.length !== want || bad.length || new Set(nics).size !== nics.length) {
        this.settingErrors.push({
          ruleId: SITE_001.id,
          level: 'error',
          location: 'network.nics',
          message:
            `the ${props.network.layout} layout bonds ${want} NICs, but network.nics lists ${nics.length}${bad.length ? ` (${bad.map((b) => `'${b}'`).join(', ')} not a Linux interface name: ${INTERFACE_NAME_RULE})` : ''}` +
            `${new Set(nics).size !== nics.length ? ', one of them twice' : ''}: list the ${want} NIC names in the RA's order, e.g. ${want === 4 ? 'enp1s0, enp2s0, enp1s1, enp2s1' : 'enp1s0, enp2s0'}`,
          source: SITE_001.source,
        });
      }
    }
    const address = props.vmo?.dashboardAddress;
    const direct = props.vmo?.access === 'direct';
    const addressProblem =
      direct && address === undefined
        ? `vmo.access is 'direct' but no vmo.dashboardAddress is given: the field guide sets VMO's consoleBaseAddress to the dashboard's LoadBalancer IP; give a free address of the data subnet, outside the other MetalLB pools`
        : !direct && address !== undefined
          ? `vmo.dashboardAddress '${address}' is only used with direct access (proxied access leaves consoleBaseAddress empty): remove it, or set vmo.access to 'direct'`
          : address !== undefined && !isIpv4Address(address)
            ? `vmo.dashboardAddress '${address}' is not an IPv4 address: give one address of the data subnet, e.g. '10.20.30.10'`
            : undefined;
    if (addressProblem) {
      this.settingErrors.push({ ruleId: SITE_001.id, level: 'error', location: 'vmo.dashboardAddress', message: addressProblem, source: SITE_001.source });
    }
    const lb = props.loadBalancer;
    if (lb?.mode === 'bgp' && !lb.bgp?.peers?.length) {
      this.settingErrors.push({
        ruleId: SITE_001.id,
        level: 'error',
        location: 'loadBalancer.bgp',
        message: `loadBalancer.mode is 'bgp' but no BGP peers are given: add loadBalancer.bgp with myAsn and at least one peer (address, asn), or use mode 'l2'`,
        source: SITE_001.source,
      });
    }
  }

  private buildLayers(options: VmoSiteOptions): VmoSiteLayers {
    const plan = this.plan;
    const v = this.variables;
    const priorities = plan.installPriorities;

    const csi = options.csi ? this.guard('storage', 'csi', () => options.csi?.(this, plan)) : this.csiBackend();
    const vmStorage: VmStorageProfile = csi?.vmStorage ?? { storageClassName: RA_VM_STORAGE_CLASS.name, volumeMode: 'Block', cloneStrategy: 'csi-clone' };
    const windowsStorage = csi?.windowsVmStorage;
    const node = csi?.nodeRequirements ?? { packages: [], pureFlashArray: true, nfsClient: true };
    const csiNode = { packages: node.packages, services: node.services ?? [], kernelModules: node.kernelModules ?? [] };
    const needsCsiPart = csiNode.packages.length + csiNode.services.length + csiNode.kernelModules.length > 0;

    const caCertificates = this.caCertificates();
    const os = this.guard('network.mgmt.cidr', 'ubuntu', () =>
      new UbuntuMaasPack(this, 'ubuntu', {
        managementCidr: plan.network.mgmt.cidr,
        caCertificates,
        // A CPU count that is not a whole number is CAP-004's to report; the RA's cores stand in meanwhile.
        workerTuning: { maxPods: plan.kubernetes.maxPodsPerNode, ...(Number.isInteger(plan.nodes.workerCpus) && plan.nodes.workerCpus >= 1 ? { workerCpus: plan.nodes.workerCpus } : {}) },
        nfs: node.nfsClient,
        pureFlashArray: node.pureFlashArray,
        // What the CSI driver needs on the nodes (e.g. Longhorn's open-iscsi), after the RA's parts.
        ...(needsCsiPart ? { extraParts: [new CsiNodePart(csiNode)] } : {}),
      }),
    );
    const kubernetes = this.guard('kubernetes', 'kubernetes', () =>
      new PaletteKubernetesPack(this, 'kubernetes', {
        version: plan.kubernetes.version,
        podCIDR: v?.podCidr ?? plan.kubernetes.podCidr,
        serviceClusterIpRange: v?.serviceCidr ?? plan.kubernetes.serviceCidr,
        nodeCidrMaskSize: plan.kubernetes.nodePodCidrPrefix,
        identityProvider: this.identityProvider(),
        // A Palette-deployed cluster behind the Spectro Proxy: the API server certificate also names the proxy host (librarium frp.md).
        ...(plan.vmo.access === 'proxied' ? { certSANs: [SPECTRO_PROXY_CERT_SAN] } : {}),
      }),
    );
    const cni = this.guard('cilium', 'cilium', () =>
      new CiliumPack(this, 'cilium', {
        bridgeInterface: plan.cilium.bridgeInterface === 'br0' ? CiliumBridgeInterface.BR0 : CiliumBridgeInterface.AUTODETECT,
        podNetworking: { vxlan: CiliumPodNetworking.VXLAN, geneve: CiliumPodNetworking.GENEVE, native: CiliumPodNetworking.NATIVE }[plan.cilium.podNetworking],
        forceDeviceDetection: plan.cilium.forceDeviceDetection,
        ...(plan.cilium.podNetworking === 'native' ? { podCIDR: plan.kubernetes.podCidr, ipv4NativeRoutingCIDR: plan.cilium.ipv4NativeRoutingCidr } : {}),
      }),
    );

    const lb = plan.loadBalancer;
    const [firstPool, ...otherPools] = lb.pools;
    // RA rev 1.7 makes the first pool's addresses a variable; the pool's other entries stay as written.
    const dashboardAddress = this.dashboardAddress();
    const pools = [
      ...(firstPool ? [{ ...firstPool, addresses: v ? [v.metallbAddresses, ...firstPool.addresses.slice(1)] : firstPool.addresses }] : []),
      ...otherPools,
      // Direct access: the dashboard Service gets this one address (a pool of its own that only
      // the vm-dashboard namespace draws from, before any other pool), so consoleBaseAddress is right.
      ...(dashboardAddress
        ? [{ name: VMO_DASHBOARD_POOL, addresses: [`${dashboardAddress}/32`], serviceAllocation: { priority: 1, namespaces: [VMO_NAMESPACE] } }]
        : []),
    ];
    const metallb = this.guard('loadBalancer', 'metallb', () =>
      new MetalLbPack(this, 'metallb', {
        installPriority: priorities.metallb,
        addressPools: pools,
        advertisement:
          lb.mode === 'bgp'
            ? MetalLbAdvertisement.bgp({
                peers: (lb.bgp?.peers ?? []).map((p, i) => ({ name: `peer-${i + 1}`, myAsn: lb.bgp?.myAsn ?? 0, peerAsn: p.asn, peerAddress: p.address })),
              })
            : MetalLbAdvertisement.l2({ interfaces: v ? [v.metallbInterfaces] : lb.l2Interfaces }),
      }),
    );
    const nginx = this.guard('nginx', 'nginx', () => new NginxPack(this, 'nginx', { installPriority: priorities.nginx }));
    const monitoring = this.guard('monitoring.grafanaHost', 'prometheus', () =>
      new PrometheusGrafanaPack(this, 'prometheus', { installPriority: priorities.monitoring, grafanaHost: v?.grafanaHost ?? plan.monitoring.grafanaHost }),
    );
    const vmo = this.guard('vmo', 'vmo', () =>
      new VirtualMachineOrchestratorPack(this, 'vmo', {
        installPriority: priorities.vmo,
        access: plan.vmo.access === 'direct' ? VmoDashboardAccess.DIRECT : VmoDashboardAccess.PROXIED,
        // Seed 000:582: Direct access, "Set consoleBaseAddress to LB IP".
        ...(dashboardAddress ? { consoleBaseAddress: dashboardAddress } : {}),
        vmEnabledNamespaces: plan.vmo.vmEnabledNamespaces,
        vlanFiltering: {
          enabled: true,
          bridgeIF: plan.network.vmBridge,
          allowedVlans: v?.vmVlans ?? tryVlans(plan.vmVlans) ?? plan.vmVlans,
          allowVlansOnSelf: v?.allowVlansOnSelf ?? plan.vmo.allowVlansOnSelf,
          allowedVlansOnSelf: v?.br0Vlans ?? tryVlans(plan.vmo.allowedVlansOnSelf) ?? plan.vmo.allowedVlansOnSelf,
        },
        volumeSnapshotClass: { name: csi?.snapshotClass.name, driver: csi?.snapshotClass.driver, params: csi?.snapshotClass.parameters },
        vmStateStorageClass: csi?.vmStateStorage?.storageClassName ?? vmStorage.storageClassName,
        ...(plan.vmo.privateCa ? { privateCaCertificate: { configmapName: plan.vmo.privateCa.configMapName, certificateKey: plan.vmo.privateCa.key } } : {}),
      }),
    );

    const proxy = plan.vmo.access === 'proxied' ? this.guard('vmo.access', 'spectro-proxy', () => new SpectroProxyPack(this, 'spectro-proxy')) : undefined;

    const templates = { installPriority: priorities.templates };
    const windowsClass = windowsStorage && windowsStorage.storageClassName !== vmStorage.storageClassName ? windowsStorage : undefined;
    // The TPM state class gets its own StorageProfile: KubeVirt takes the state claim's access mode from it.
    const stateStorage = csi?.vmStateStorage;
    const stateClass = stateStorage && ![vmStorage, windowsClass].some((p) => p?.storageClassName === stateStorage.storageClassName) ? stateStorage : undefined;
    const additionalProfiles = [windowsClass, stateClass].filter((p): p is VmStorageProfile => p !== undefined).map(storageProfileProps);
    const storage = this.guard('storage', 'vmo-storage', () =>
      new VmoStorageLayer(this, 'vmo-storage', {
        ...templates,
        ...storageProfileProps(vmStorage),
        ...(additionalProfiles.length ? { additionalProfiles } : {}),
      }),
    );
    const networking = this.guard('templates.networks', 'vmo-networking', () =>
      new VmoNetworkingLayer(this, 'vmo-networking', {
        ...templates,
        vlans: plan.templates.networks.map((n) => ({ id: n.vlan, name: n.name, namespaces: n.namespaces })),
        untagged: plan.templates.untaggedNetwork,
        bridge: plan.network.vmBridge,
      }),
    );
    // Without the golden-images layer the templates clone the RA's golden images, imported outside these profiles.
    const goldenImages = plan.templates.goldenImages
      ? this.guard('templates.goldenImageSources', 'vmo-goldenimages', () =>
          new VmoGoldenImagesLayer(this, 'vmo-goldenimages', {
            ...templates,
            storageClassName: vmStorage.storageClassName,
            ...(plan.templates.goldenImageSources.ubuntu2204 !== undefined ? { ubuntu2204RegistryUrl: plan.templates.goldenImageSources.ubuntu2204 } : {}),
            ...(plan.templates.goldenImageSources.windows2022 !== undefined ? { windows2022RegistryUrl: plan.templates.goldenImageSources.windows2022 } : {}),
            ...(windowsClass ? { windows2022StorageClassName: windowsClass.storageClassName } : {}),
          }),
        )
      : undefined;
    const preferences = this.guard('templates', 'vmo-vmpreferences', () => new VmoPreferencesLayer(this, 'vmo-vmpreferences', templates));
    const vmTemplates = this.guard('vmo.vmEnabledNamespaces', 'vmo-vmtemplates', () =>
      new VmoTemplatesLayer(this, 'vmo-vmtemplates', {
        ...templates,
        ...(goldenImages ? { ubuntu2204Image: goldenImages.ubuntu2204, windows2022Image: goldenImages.windows2022 } : {}),
        storageClassName: vmStorage.storageClassName,
        ...(windowsClass ? { windowsStorageClassName: windowsClass.storageClassName } : {}),
        vmNamespaces: plan.vmo.vmEnabledNamespaces,
      }),
    );
    return { os, kubernetes, cni, csi, metallb, nginx, monitoring, vmo, proxy, storage, networking, goldenImages, preferences, templates: vmTemplates };
  }

  /** The dashboard address with direct access, when it is a valid one (checkChoices reports the others). */
  private dashboardAddress(): string | undefined {
    const { access, dashboardAddress } = this.plan.vmo;
    return access === 'direct' && isIpv4Address(dashboardAddress) ? dashboardAddress : undefined;
  }

  /**
   * The nodes' CA certificates (`os.caCertificates`), checked as the OS layer's part checks
   * them; a refused entry is a SITE-001 finding at the setting and no certificate is written.
   */
  private caCertificates(): CaCertificate[] {
    const entries = this.plan.os.caCertificates;
    const certificates: CaCertificate[] = [];
    for (const [i, c] of entries.entries()) {
      const entry = `os.caCertificates[${typeof c.name === 'string' && c.name ? c.name : i}]`;
      const setting = c.file !== undefined && c.pem === undefined ? `${entry}.file` : entry;
      const problem =
        c.pem !== undefined && c.file !== undefined
          ? `gives both pem and file: keep one of them`
          : c.file !== undefined
            ? `names the file '${c.file}', which only the site-file loader reads (relative to the site file): in a program, read the file and pass its text as pem`
            : c.pem === undefined
              ? `has neither pem nor file: paste the PEM certificate as pem, or name a PEM file beside the site file as file`
              : undefined;
      if (problem) {
        this.settingErrors.push({ ruleId: SITE_001.id, level: 'error', location: setting, message: `CA certificate '${String(c.name)}' ${problem}`, source: SITE_001.source });
      } else if (c.pem !== undefined) {
        certificates.push({ name: c.name, pem: c.pem });
      }
    }
    if (!certificates.length || certificates.length !== entries.length) return [];
    const part = this.guard('os.caCertificates', 'ca-certificates', () => new CaCertificatesPart({ certificates }));
    return part ? [...part.certificates] : [];
  }

  /** The CSI layer of `storage.backend`; a setting it refuses is a SITE-001 finding at that backend's settings. */
  private csiBackend(): ICsiLayer | undefined {
    const s = this.plan.storage;
    switch (s.backend) {
      case 'longhorn':
        return this.guard('storage.longhorn', 'longhorn', () =>
          new LonghornPack(this, 'longhorn', {
            version: s.longhorn.version,
            replicas: s.longhorn.replicas,
            overProvisioningPercentage: s.longhorn.overProvisioningPercentage,
            dataPath: s.longhorn.dataPath,
          }),
        );
      case 'rook-ceph':
        return this.guard('storage.rookCeph', 'rook-ceph', () =>
          new RookCephPack(this, 'rook-ceph', { version: s.rookCeph.version, replicas: s.rookCeph.replicas, objectStore: s.rookCeph.objectStore }),
        );
      default:
        // An unknown backend is SITE-001's (see checkChoices); the RA's Portworx stands in meanwhile.
        return this.guard('storage', 'portworx', () => this.portworx());
    }
  }

  /** The RA's CSI layer: Portworx on Pure FlashArray, from `storage.portworx`. */
  private portworx(): PortworxPack {
    const plan = this.plan;
    const s = plan.storage;
    const sanType = [FlashArraySanType.FC, FlashArraySanType.ISCSI].find((t) => t.value === s.sanType);
    return new PortworxPack(this, 'portworx', {
      version: s.portworxVersion,
      flashArrays: s.flashArrays,
      maxStorageNodes: this.variables?.maxStorageNodes ?? s.maxStorageNodes,
      deviceSizeGiB: s.deviceSizeGiB,
      // An unknown SAN type is SITE-001's (see checkChoices); the RA's FC stands in meanwhile.
      flashArraySanType: sanType ?? FlashArraySanType.FC,
      dataInterface: s.portworxInterface,
      mgmtInterface: s.portworxInterface,
      storageClasses: [
        {
          ...RA_VM_STORAGE_CLASS,
          parameters: {
            ...RA_VM_STORAGE_CLASS.parameters,
            repl: String(s.replication),
            // Seed 001 Portworx storage class: stork prefers replicas on remote nodes (> 6 workers, STO-003).
            ...(s.preferRemoteNodeOnly ? { 'stork.libopenstorage.org/preferRemoteNodeOnly': 'true' } : {}),
          },
        },
      ],
    });
  }

  private identityProvider(): IdentityProvider {
    const k = this.plan.kubernetes;
    // An unauthenticated dashboard is SEC-003's to report (or a suppression's to accept).
    const reason = 'an open VM dashboard is reported by rule SEC-003';
    switch (k.identityProvider) {
      case 'tenant':
        return IdentityProvider.TENANT;
      case 'noauth':
        return IdentityProvider.noAuth({ reason });
      case 'custom':
        return k.oidc ? IdentityProvider.custom(k.oidc) : IdentityProvider.customWithoutOidc({ reason });
      default:
        return IdentityProvider.PALETTE;
    }
  }
}

