import { Construct } from 'constructs';
import { ClusterProfile, CloudType, ProfileType } from '../palette/cluster-profile';
import { isBlocking, runRules, SynthError } from '../palette/finding';
import { PaletteSite } from '../palette/palette-site';
import { ProfileLayer } from '../palette/profile-layer';
import { CiliumBridgeInterface, CiliumPack, CiliumPodNetworking } from '../packs/cilium';
import { VlanSet } from '../common/vlan-set';
import { IdentityProvider, PaletteKubernetesPack } from '../packs/kubernetes';
import { MetalLbAdvertisement, MetalLbPack } from '../packs/metallb';
import { NginxPack } from '../packs/nginx';
import { FlashArraySanType, PortworxPack, RA_VM_STORAGE_CLASS } from '../packs/portworx';
import { PrometheusGrafanaPack } from '../packs/prometheus';
import { UbuntuMaasPack } from '../packs/ubuntu';
import { VirtualMachineOrchestratorPack, VmoDashboardAccess } from '../packs/vmo';
import { VMO_RULES } from '../rules';
import { VmoSiteModel } from '../rules/site-model';
import {
  VmoGoldenImagesLayer, VmoNetworkingLayer, VmoPreferencesLayer, VmoStorageLayer, VmoTemplatesLayer, VolumeMode,
} from '../templates';
import { planSite, SitePlan } from './site-plan';
import { VmoSiteProps } from './site-props';
import { siteVariables, SiteVariables } from './site-variables';

/** The layers of a VMO site, by RA profile. */
export interface VmoSiteLayers {
  readonly os: UbuntuMaasPack;
  readonly kubernetes: PaletteKubernetesPack;
  readonly cni: CiliumPack;
  readonly csi: PortworxPack;
  readonly metallb: MetalLbPack;
  readonly nginx: NginxPack;
  readonly monitoring: PrometheusGrafanaPack;
  readonly vmo: VirtualMachineOrchestratorPack;
  readonly storage: VmoStorageLayer;
  readonly networking: VmoNetworkingLayer;
  readonly goldenImages: VmoGoldenImagesLayer;
  readonly preferences: VmoPreferencesLayer;
  readonly templates: VmoTemplatesLayer;
}

/**
 * One VMO bare-metal site: a site description in, every RA layer and profile out. Every
 * setting that follows from the site (node-IP CIDR, Portworx interfaces, MetalLB L2
 * interface, Cilium bridge preset, vlanFiltering, max storage nodes, NADs) is derived
 * from it, and the site rules run before anything is built: a site with errors throws a
 * SynthError listing every finding.
 */
export class VmoSite extends PaletteSite {
  public readonly plan: SitePlan;
  public readonly layers: VmoSiteLayers;
  /** The rev 1.7 profile variables, when `profiles.variables` is on. */
  public readonly variables?: SiteVariables;

  constructor(scope: Construct, id: string, props: VmoSiteProps) {
    super(scope, id, { name: props.name ?? id, suppressions: props.suppressions });
    this.plan = planSite(props, id);

    // Check the description before building anything, so every problem is reported at once
    // instead of the first constructor that trips over it.
    const early = runRules(VMO_RULES, { plan: this.plan, profiles: () => [] }, this.suppressions, `site ${this.siteName}`);
    if (early.some(isBlocking)) throw new SynthError(early.map((f) => ({ ...f, location: `site ${this.siteName}: ${f.location}` })));

    this.variables = this.plan.profiles.variables ? siteVariables(this.plan) : undefined;
    this.layers = this.buildLayers();
    this.buildProfiles();
    const model: VmoSiteModel = { plan: this.plan, profiles: () => this.profiles.map((p) => p.toJson()) };
    this.addRules(VMO_RULES, model);
  }

  private buildLayers(): VmoSiteLayers {
    const plan = this.plan;
    const v = this.variables;
    const storageClass = plan.storage.storageClassName;

    const os = new UbuntuMaasPack(this, 'ubuntu', {
      managementCidr: plan.network.mgmt.cidr,
      workerTuning: { maxPods: plan.kubernetes.maxPodsPerNode },
      nfs: plan.storage.nfsClient,
    });
    const kubernetes = new PaletteKubernetesPack(this, 'kubernetes', {
      version: plan.kubernetes.version,
      podCIDR: v?.podCidr ?? plan.kubernetes.podCidr,
      serviceClusterIpRange: v?.serviceCidr ?? plan.kubernetes.serviceCidr,
      identityProvider: this.identityProvider(),
    });
    const cni = new CiliumPack(this, 'cilium', {
      bridgeInterface: plan.cilium.bridgeInterface === 'br0' ? CiliumBridgeInterface.BR0 : CiliumBridgeInterface.AUTODETECT,
      podNetworking: { vxlan: CiliumPodNetworking.VXLAN, geneve: CiliumPodNetworking.GENEVE, native: CiliumPodNetworking.NATIVE }[plan.cilium.podNetworking],
      forceDeviceDetection: plan.cilium.forceDeviceDetection,
      ...(plan.cilium.podNetworking === 'native' ? { podCIDR: plan.kubernetes.podCidr, ipv4NativeRoutingCIDR: plan.cilium.ipv4NativeRoutingCidr } : {}),
    });
    const csi = new PortworxPack(this, 'portworx', {
      flashArrays: plan.storage.flashArrays,
      maxStorageNodes: v?.maxStorageNodes ?? plan.storage.maxStorageNodes,
      deviceSizeGiB: plan.storage.deviceSizeGiB,
      flashArraySanType: plan.storage.sanType === 'FC' ? FlashArraySanType.FC : FlashArraySanType.ISCSI,
      dataInterface: plan.storage.portworxInterface,
      mgmtInterface: plan.storage.portworxInterface,
      storageClasses: [
        {
          ...RA_VM_STORAGE_CLASS,
          name: storageClass,
          parameters: {
            ...RA_VM_STORAGE_CLASS.parameters,
            repl: String(plan.storage.replication),
            // Seed 001 Portworx storage class: stork prefers replicas on remote nodes (> 6 workers, STO-003).
            ...(plan.storage.preferRemoteNodeOnly ? { 'stork.libopenstorage.org/preferRemoteNodeOnly': 'true' } : {}),
          },
        },
      ],
    });

    const [firstPool, ...otherPools] = plan.loadBalancer.pools;
    const pools = [
      ...(firstPool ? [{ name: firstPool.name, addresses: v ? [v.metallbAddresses] : firstPool.addresses, autoAssign: firstPool.autoAssign, avoidBuggyIPs: firstPool.avoidBuggyIPs }] : []),
      ...otherPools,
    ];
    const metallb = new MetalLbPack(this, 'metallb', {
      installPriority: plan.installPriorities.metallb,
      addressPools: pools,
      advertisement:
        plan.loadBalancer.mode === 'bgp' && plan.loadBalancer.bgp
          ? MetalLbAdvertisement.bgp({
              peers: plan.loadBalancer.bgp.peers.map((p, i) => ({ name: `peer-${i + 1}`, myAsn: plan.loadBalancer.bgp?.myAsn ?? 0, peerAsn: p.asn, peerAddress: p.address })),
            })
          : MetalLbAdvertisement.l2({ interfaces: v ? [v.metallbInterfaces] : plan.loadBalancer.l2Interfaces }),
    });
    const nginx = new NginxPack(this, 'nginx', { installPriority: plan.installPriorities.nginx });
    const monitoring = new PrometheusGrafanaPack(this, 'prometheus', {
      installPriority: plan.installPriorities.monitoring,
      grafanaHost: plan.monitoring.grafanaHost,
    });
    const vmo = new VirtualMachineOrchestratorPack(this, 'vmo', {
      installPriority: plan.installPriorities.vmo,
      access: plan.vmo.access === 'direct' ? VmoDashboardAccess.DIRECT : VmoDashboardAccess.PROXIED,
      vmEnabledNamespaces: plan.vmo.vmEnabledNamespaces,
      vlanFiltering: {
        enabled: true,
        bridgeIF: plan.network.vmBridge,
        allowedVlans: v?.vmVlans ?? VlanSet.parse(plan.vmVlans),
        allowVlansOnSelf: v?.allowVlansOnSelf ?? plan.vmo.allowVlansOnSelf,
        allowedVlansOnSelf: v?.br0Vlans ?? VlanSet.parse(plan.vmo.allowedVlansOnSelf),
      },
      vmStateStorageClass: storageClass,
      ...(plan.vmo.privateCa ? { privateCaCertificate: { configmapName: plan.vmo.privateCa.configMapName, certificateKey: plan.vmo.privateCa.key } } : {}),
    });

    const volumeMode = plan.storage.volumeMode === 'Block' ? VolumeMode.BLOCK : VolumeMode.FILESYSTEM;
    const storage = new VmoStorageLayer(this, 'vmo-storage', { storageClassName: storageClass, volumeMode, installPriority: plan.installPriorities.templates });
    const networking = new VmoNetworkingLayer(this, 'vmo-networking', {
      vlans: plan.templates.networks.map((n) => ({ id: n.vlan, name: n.name, namespaces: n.namespaces })),
      untagged: plan.templates.untaggedNetwork,
      bridge: plan.network.vmBridge,
      installPriority: plan.installPriorities.templates,
    });
    const goldenImages = new VmoGoldenImagesLayer(this, 'vmo-goldenimages', { storageClassName: storageClass, installPriority: plan.installPriorities.templates });
    const preferences = new VmoPreferencesLayer(this, 'vmo-vmpreferences', { installPriority: plan.installPriorities.templates });
    const templates = new VmoTemplatesLayer(this, 'vmo-vmtemplates', {
      ubuntu2204Image: goldenImages.ubuntu2204,
      windows2022Image: goldenImages.windows2022,
      storageClassName: storageClass,
      vmNamespaces: plan.vmo.vmEnabledNamespaces,
      installPriority: plan.installPriorities.templates,
    });
    return { os, kubernetes, cni, csi, metallb, nginx, monitoring, vmo, storage, networking, goldenImages, preferences, templates };
  }

  private identityProvider(): IdentityProvider {
    const k = this.plan.kubernetes;
    const reason = this.suppressions.find((s) => s.ruleId === 'SEC-003')?.reason ?? '';
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

  private buildProfiles(): void {
    const l = this.layers;
    const { profileNamePrefix: prefix, profileVersion: version, profiles } = this.plan;
    const infra: ProfileLayer[] = [l.os, l.kubernetes, l.cni, l.csi];
    const core: ProfileLayer[] = [l.metallb, l.nginx, l.monitoring, l.vmo];
    const templates: ProfileLayer[] = [l.storage, l.networking, l.goldenImages, l.preferences, l.templates];
    const tags = ['vmo', `site:${this.siteName}`];
    if (profiles.layout !== 'split') {
      new ClusterProfile(this, 'Full', {
        name: `${prefix}-Full`,
        version,
        description: `VMO on MAAS, site ${this.siteName}: OS, Kubernetes, CNI, CSI and every add-on (RA rev 1.7)`,
        tags,
        type: ProfileType.FULL,
        cloudType: CloudType.MAAS,
        layers: [...infra, ...core, ...templates],
      });
    }
    if (profiles.layout !== 'full') {
      new ClusterProfile(this, 'Infra', {
        name: `${prefix}-Infra`,
        version,
        description: `VMO on MAAS, site ${this.siteName}: Ubuntu, PXK, Cilium and Portworx on Pure FlashArray (RA rev 1.7 Infra profile)`,
        tags,
        type: ProfileType.INFRA,
        cloudType: CloudType.MAAS,
        layers: infra,
      });
      new ClusterProfile(this, 'Core', {
        name: `${prefix}-Core`,
        version,
        description: `VMO core add-ons, site ${this.siteName}: MetalLB, Nginx, Prometheus-Grafana and VMO (RA rev 1.7 Core profile)`,
        tags,
        type: ProfileType.ADD_ON,
        cloudType: CloudType.ALL,
        layers: core,
      });
      new ClusterProfile(this, 'Templates', {
        name: `${prefix}-Templates`,
        version,
        description: `VMO templates, site ${this.siteName}: storage profile, VM networks, golden images, preferences and VM templates`,
        tags,
        type: ProfileType.ADD_ON,
        cloudType: CloudType.ALL,
        layers: templates,
      });
    }
  }
}
