/**
 * The public API of cdk8s-palette-vmo (TypeScript; not a jsii library). Everything a program
 * needs to describe, compose, check and write VMO sites is here, by name; helpers the library
 * uses internally are not exported (test/quality/public-api.test.ts).
 */

// Errors and network values
export { isValidationError, ValidationError } from './common/errors';
export { Ipv4Cidr } from './common/ipv4-cidr';
export { MAX_VLAN_ID, MIN_VLAN_ID, VlanSet } from './common/vlan-set';

// The generic Palette model: profiles, layers, variables, findings, the app
export { PROFILE_CHECKS, SITE_CHECKS } from './palette/checks';
export { PAL_001 } from './palette/checks/pal-001-variables-declared';
export { PAL_002 } from './palette/checks/pal-002-variable-defaults';
export { PAL_003 } from './palette/checks/pal-003-layer-structure';
export { PAL_004 } from './palette/checks/pal-004-strict-yaml';
export { PAL_006 } from './palette/checks/pal-006-profile-type';
export { PAL_008 } from './palette/checks/pal-008-pack-defaults';
export { PAL_009 } from './palette/checks/pal-009-pack-schema';
export { SEC_001 } from './palette/checks/sec-001-no-secret';
export { SEC_002 } from './palette/checks/sec-002-sample-passwords';
export { SEC_004 } from './palette/checks/sec-004-masked-default';
export { CloudType, ClusterProfile, ProfileType } from './palette/cluster-profile';
export type { ClusterProfileProps, ProfileJson } from './palette/cluster-profile';
export { DEPLOY_FOLDER, maasClusterFiles } from './palette/cluster/maas-cluster-files';
export { maasClusterPayloadJson } from './palette/cluster/maas-cluster-payload';
export type { MaasMachinePoolConfigEntity, SpectroMaasClusterEntity } from './palette/cluster/maas-cluster-payload';
export { maasClusterTerraformJson } from './palette/cluster/maas-cluster-terraform';
export type {
  ClusterBackupPolicy, ClusterProfileUse, ClusterScanPolicy, ClusterVariable, MaasClusterDefinition, MaasMachinePool,
} from './palette/cluster/maas-cluster';
export {
  FindingLevel, formatFindings, isBlocking, MIN_SUPPRESSION_REASON, runRules, SynthError,
} from './palette/finding';
export type { Finding, Rule, RuleInfo, RuleViolation, Suppression } from './palette/finding';
export { LayerRole } from './palette/layer-role';
export { LayerType, PackType } from './palette/layer-type';
export { ManifestChart, ManifestLayer } from './palette/manifest-layer';
export type { ManifestLayerProps } from './palette/manifest-layer';
export { PackCatalog, PackCatalogError } from './palette/pack-catalog';
export type { IPackCatalogScope, PackCatalogEntry, PackDependency, PackMetadata } from './palette/pack-catalog';
export { PackDefaults } from './palette/pack-defaults';
export { PackLayer } from './palette/pack-layer';
export type { PackLayerProps } from './palette/pack-layer';
export type { PackPreset } from './palette/pack-preset';
export { PackRegistry, RegistryKind } from './palette/pack-registry';
export type { PackRegistryProps, RegistryMetadataJson } from './palette/pack-registry';
export { PackSchema } from './palette/pack-schema';
export type {
  CheckPackSchemaOptions, FormatPlaceholder, SchemaConstraint, SchemaFormat, SchemaFormatType, SchemaProblem,
} from './palette/pack-schema';
export { PaletteApp } from './palette/palette-app';
export type { PaletteAppProps, RenderOptions, RenderResult, SynthOptions, SynthResult } from './palette/palette-app';
export { PaletteSite, SITE_NAME_PATTERN } from './palette/palette-site';
export type { PaletteSiteProps, SiteFiles } from './palette/palette-site';
export { ProfileLayer, VariableCollector } from './palette/profile-layer';
export type { LayerOutput, ManifestJson, PackJson, ProfileLayerProps } from './palette/profile-layer';
export { ProfileVariable, VariableAsText, VariableFormat, VariableInputType } from './palette/profile-variable';
export type { ProfileVariableProps, VariableJson, VariableOption } from './palette/profile-variable';
export { RenderContext, RenderedSite, valueAt } from './palette/rendered';
export type { RenderedDefaults, RenderedLayer, RenderedObject, RenderedProfile, YamlMap } from './palette/rendered';
export { addRuleCheck, CON_001 } from './palette/rule-validation';
export { valuesChanges, ValuesChanges } from './palette/values-changes';
export type { ValueChange, ValuesChangesSubject } from './palette/values-changes';
export type { PlainValue, ValueNode, Values } from './palette/values';

// The RA packs, their facts and the CSI interface
export { cdiCapabilities, cdiClaimPropertySets } from './packs/cdi-capabilities';
export type {
  CdiAccessMode, CdiCapability, CdiClassCapabilities, CdiCloneStrategyName, CdiVolumeMode,
} from './packs/cdi-capabilities';
export {
  CiliumBridgeInterface, CiliumIpam, CiliumKubeProxy, CiliumLoadBalancerMode, CiliumOperator, CiliumPodNetworking,
} from './packs/cilium/choices';
export { CILIUM_NATIVE_PRESET_ROUTING_CIDR, CiliumPack } from './packs/cilium/cilium-pack';
export type { CiliumPackProps } from './packs/cilium/cilium-pack';
export { CILIUM_1_17_4_PRESETS, CiliumPresetGroup } from './packs/cilium/presets';
export type { CsiNodeRequirements, CsiSnapshotClass, ICsiLayer, VmStorageProfile } from './packs/csi-layer';
export {
  isCniLayer, isKubernetesLayer, isLoadBalancerLayer, isOsLayer, isProxyLayer, isStorageFactsLayer, isVmoLayer,
} from './packs/facts';
export type {
  CniFacts, FlashArrayFacts, ICniLayer, IKubernetesLayer, ILoadBalancerLayer, IOsLayer, IProxyLayer,
  IStorageFactsLayer, IVmoLayer, KubernetesFacts, LoadBalancerFacts, OsFacts, ProxyFacts, StorageClassFacts,
  StorageFacts, VmoFacts,
} from './packs/facts';
export { KUBELET_DROP_IN_DIR } from './packs/kubelet';
export { IdentityProvider, NO_AUTH_MIN_REASON_LENGTH } from './packs/kubernetes/identity-provider';
export type { CustomOidcProps, UnauthenticatedDashboardProps } from './packs/kubernetes/identity-provider';
export {
  DEFAULT_NODE_CIDR_MASK_SIZE, PaletteKubernetesPack, PXK_RA_POD_CIDR, PXK_RA_SERVICE_CIDR, PXK_RA_VERSION,
} from './packs/kubernetes/palette-kubernetes-pack';
export type { PaletteKubernetesPackProps } from './packs/kubernetes/palette-kubernetes-pack';
export { DEFAULT_CLASS_ANNOTATION, KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION } from './packs/kubevirt-storage-class';
export type { StorageClassReading } from './packs/kubevirt-storage-class';
export {
  LONGHORN_DEFAULT_REPLICAS, LONGHORN_DEFAULT_STORAGE_CLASS, LONGHORN_KUBELET_ROOT_DIR, LONGHORN_NAMESPACE,
  LONGHORN_OVER_PROVISIONING_PERCENTAGE, LONGHORN_PACK_VERSION, LONGHORN_SNAPSHOT_CLASS, LonghornPack,
} from './packs/longhorn/longhorn-pack';
export type { LonghornPackProps } from './packs/longhorn/longhorn-pack';
export {
  LONGHORN_PROVISIONER, LONGHORN_VM_STORAGE_CLASS, LonghornVmStorageClass,
} from './packs/longhorn/longhorn-vm-storage-class';
export type { LonghornVmStorageClassProps } from './packs/longhorn/longhorn-vm-storage-class';
export { RA_ADDRESS_POOL } from './packs/metallb/metallb-address-pool';
export type { MetalLbAddressPool } from './packs/metallb/metallb-address-pool';
export { MetalLbAdvertisement, RA_L2_INTERFACE } from './packs/metallb/metallb-advertisement';
export type {
  MetalLbBgpAdvertisement, MetalLbBgpOptions, MetalLbBgpPeer, MetalLbL2AdvertisementOptions,
} from './packs/metallb/metallb-advertisement';
export { METALLB_NAMESPACE, MetalLbPack } from './packs/metallb/metallb-pack';
export type { MetalLbPackProps } from './packs/metallb/metallb-pack';
export { NGINX_CONTROLLER_SERVICE, NginxPack, VCLUSTER_API_PORT } from './packs/nginx/nginx-pack';
export type { NginxPackProps } from './packs/nginx/nginx-pack';
export {
  FlashArraySanType, PortworxKvdb, PortworxLicenseModel, PortworxNodeSelection, PortworxPaletteMode,
} from './packs/portworx/choices';
export { FlashArraySecret, PX_PURE_SECRET_NAME } from './packs/portworx/flash-array-secret';
export type { FlashArraySecretProps, PureFlashArray } from './packs/portworx/flash-array-secret';
export {
  DEFAULT_PROMETHEUS_URL, PORTWORX_KUBERNETES_OPS_BURST_RATE, PORTWORX_KUBERNETES_OPS_QPS_RATE, PORTWORX_NAMESPACE, PORTWORX_PACK_VERSION,
  PORTWORX_PROVISIONER, PORTWORX_SNAPSHOT_CLASS, PortworxPack,
} from './packs/portworx/portworx-pack';
export type { PortworxPackProps } from './packs/portworx/portworx-pack';
export { RA_VM_STORAGE_CLASS, VolumeBindingMode } from './packs/portworx/storage-class';
export type { PortworxStorageClass } from './packs/portworx/storage-class';
export {
  MONITORING_NAMESPACE, PROMETHEUS_GRAFANA_PACK_NAME, PrometheusGrafanaPack,
} from './packs/prometheus/prometheus-grafana-pack';
export type { PrometheusGrafanaPackProps } from './packs/prometheus/prometheus-grafana-pack';
export { SelfSignedIssuerChart } from './packs/prometheus/self-signed-issuer-chart';
export type { SelfSignedIssuerChartProps } from './packs/prometheus/self-signed-issuer-chart';
export {
  CEPH_BLOCK_POOL, CEPH_BLOCK_STORAGE_CLASS, CEPH_FILESYSTEM, CEPH_FILESYSTEM_DATA_POOL,
  CEPH_FILESYSTEM_STORAGE_CLASS,
} from './packs/rook-ceph/ceph-cluster-values';
export {
  CephRbdStorageClass, ROOK_CEPH_NAMESPACE, ROOK_CEPHFS_PROVISIONER, ROOK_RBD_PROVISIONER,
} from './packs/rook-ceph/ceph-rbd-storage-class';
export type { CephRbdStorageClassProps } from './packs/rook-ceph/ceph-rbd-storage-class';
export {
  CEPH_BLOCK_SNAPSHOT_CLASS, CEPH_DEFAULT_REPLICAS, CEPH_MON_COUNT, CEPH_WINDOWS_STORAGE_CLASS,
  ROOK_CEPH_PACK_VERSION, RookCephPack,
} from './packs/rook-ceph/rook-ceph-pack';
export type { RookCephPackProps } from './packs/rook-ceph/rook-ceph-pack';
export {
  SPECTRO_PROXY_CERT_SAN, SPECTRO_PROXY_VERSION, SpectroProxyPack,
} from './packs/spectro-proxy/spectro-proxy-pack';
export type { SpectroProxyPackProps } from './packs/spectro-proxy/spectro-proxy-pack';
export { CpuSet } from './packs/ubuntu/cpu-set';
export type { KubeadmFile, KubeadmPart, KubeadmPartOutput } from './packs/ubuntu/kubeadm-part';
export { CaCertificatesPart, LOCAL_CA_CERTIFICATES_DIR } from './packs/ubuntu/parts/ca-certificates-part';
export type { CaCertificate, CaCertificatesPartProps } from './packs/ubuntu/parts/ca-certificates-part';
export { ContainerdConfigPart, RA_SANDBOX_IMAGE } from './packs/ubuntu/parts/containerd-config-part';
export type { ContainerdConfigPartProps } from './packs/ubuntu/parts/containerd-config-part';
export { CsiNodePart } from './packs/ubuntu/parts/csi-node-part';
export type { CsiNodePartProps } from './packs/ubuntu/parts/csi-node-part';
export { CustomPart } from './packs/ubuntu/parts/custom-part';
export type { CustomPartProps } from './packs/ubuntu/parts/custom-part';
export { KubeletNodeIpPart } from './packs/ubuntu/parts/kubelet-node-ip-part';
export type { KubeletNodeIpPartProps } from './packs/ubuntu/parts/kubelet-node-ip-part';
export { MultipathPart } from './packs/ubuntu/parts/multipath-part';
export type { MultipathPartProps } from './packs/ubuntu/parts/multipath-part';
export { NfsPart, RA_MOUNTD_PORT } from './packs/ubuntu/parts/nfs-part';
export type { NfsPartProps } from './packs/ubuntu/parts/nfs-part';
export { PURE_FLASHARRAY_UDEV_RULES, PureFlashArrayUdevPart } from './packs/ubuntu/parts/pure-flasharray-udev-part';
export { ServiceRestartPart } from './packs/ubuntu/parts/service-restart-part';
export {
  RA_MAX_PODS, RA_MIN_WORKER_CPUS, RA_RECOMMENDED_WORKER_CPUS, RA_RESERVED_CPU_CORES, WorkerTuningPart,
} from './packs/ubuntu/parts/worker-tuning-part';
export type { WorkerTuningPartProps } from './packs/ubuntu/parts/worker-tuning-part';
export { TopologyManagerPolicy } from './packs/ubuntu/topology-manager-policy';
export { UbuntuMaasPack } from './packs/ubuntu/ubuntu-maas-pack';
export type { PureFlashArrayOptions, UbuntuMaasPackProps } from './packs/ubuntu/ubuntu-maas-pack';
export { KubevirtFeatureGate, RA_FEATURE_GATES, VMO_REQUIRED_FEATURE_GATES } from './packs/vmo/kubevirt-feature-gate';
export { VmoDashboardAccess } from './packs/vmo/vmo-dashboard-access';
export { VirtualMachineOrchestratorPack, VMO_DASHBOARD_POOL, VMO_NAMESPACE } from './packs/vmo/vmo-pack';
export type {
  VirtualMachineOrchestratorPackProps, VmoPrivateCaCertificateProps, VmoVlanFilteringProps,
  VmoVolumeSnapshotClassProps,
} from './packs/vmo/vmo-pack';

// The Templates profile: storage profile, VM networks, golden images, preferences, VM templates
export { CdiCloneStrategy } from './templates/cdi-clone-strategy';
export { CdiStorageProfile } from './templates/cdi-storage-profile';
export type { CdiClaimPropertySet, CdiStorageProfileProps } from './templates/cdi-storage-profile';
export { GOLDEN_IMAGE_SOURCE_REGEX, GoldenImage } from './templates/golden-image';
export type { GoldenImageProps, GoldenImageReference } from './templates/golden-image';
export {
  DESCHEDULER_EVICT_ANNOTATION, GOLDEN_IMAGES_NAMESPACE, LINUX_PREFERENCE_NAME, TEMPLATES_INSTALL_PRIORITY,
  TEMPLATES_LAYER_VERSION, UBUNTU_2204_IMAGE, UNATTEND_CONFIG_MAP_NAME, VM_BRIDGE, VM_NAMESPACES, VM_STORAGE_CLASS,
  WINDOWS_2022_IMAGE, WINDOWS_PREFERENCE_NAME,
} from './templates/ra-defaults';
export type { RaGoldenImage } from './templates/ra-defaults';
export type { UnattendXmlOptions } from './templates/unattend-xml';
export { VlanNetwork } from './templates/vlan-network';
export type { VlanNetworkProps } from './templates/vlan-network';
export { VlanTag } from './templates/vlan-tag';
export { VmGuestConfig } from './templates/vm-guest-config';
export type { CloudInitOptions, SysprepOptions, VmGuestConfigBinding } from './templates/vm-guest-config';
export { VmOsType } from './templates/vm-os-type';
export { VmPassword } from './templates/vm-password';
export { VmPreferenceSpec } from './templates/vm-preference-spec';
export type { VmPreferenceOptions } from './templates/vm-preference-spec';
export { VmPreference } from './templates/vm-preference';
export type { VmPreferenceProps } from './templates/vm-preference';
export { VmRunStrategy } from './templates/vm-run-strategy';
export { VmTemplate } from './templates/vm-template';
export type { VmTemplateProps, VmTemplateSpec } from './templates/vm-template';
export { VmoGoldenImagesLayer, windows2022ImageVariable } from './templates/vmo-golden-images-layer';
export type { VmoGoldenImagesLayerProps } from './templates/vmo-golden-images-layer';
export { VmoNetworkingLayer } from './templates/vmo-networking-layer';
export type { VmoNetworkingLayerProps, VmVlanOptions } from './templates/vmo-networking-layer';
export { VmoPreferencesLayer } from './templates/vmo-preferences-layer';
export type { VmoPreferencesLayerProps } from './templates/vmo-preferences-layer';
export { VmoStorageLayer } from './templates/vmo-storage-layer';
export type { VmoStorageLayerProps } from './templates/vmo-storage-layer';
export { VmoTemplatesLayer } from './templates/vmo-templates-layer';
export type { VmoTemplatesLayerProps } from './templates/vmo-templates-layer';
export { VolumeMode } from './templates/volume-mode';
export { WindowsSysprepConfig } from './templates/windows-sysprep-config';
export type { WindowsSysprepConfigProps } from './templates/windows-sysprep-config';

// The site description and its plan
export { DEFAULT_PXE } from './model/host-network';
export type { HostInterface, HostNetworkPlan, NetworkRole } from './model/host-network';
export type { MaasClusterHosts } from './model/maas-cluster';
export type { MaasPlan, MaasPoolPlan } from './model/maas-plan';
export { planSite } from './model/site-plan';
export type { SitePlan, StorageBackend } from './model/site-plan';
export type {
  AddressPoolSettings, BgpPeerSettings, BgpSettings, CaCertificateSettings, CiliumSettings, FlashArraySettings,
  GoldenImageSourceSettings, HostNetworkSettings, KubernetesSettings, LoadBalancerSettings, LonghornSettings,
  MaasBackupSettings, MaasPoolSettings, MaasScanSettings, MaasSettings, MaasWorkerPoolSettings, MonitoringSettings,
  NodeCounts, OidcSettings, OsSettings, PortworxSettings, PrivateCaSettings, ProfileLayoutSettings, ProfileNames,
  RookCephSettings, StorageSettings, SubnetSettings, SuppressionSettings, TemplatesSettings, VmNetworkSettings,
  VmoSettings, VmoSiteProps,
} from './model/site-props';
export type { VmoSiteModel } from './model/vmo-site-model';

// The VMO rules
export { CAP_001 } from './rules/capacity/cap-001-control-plane-size';
export { CAP_002 } from './rules/capacity/cap-002-control-plane-count';
export { CAP_003 } from './rules/capacity/cap-003-vm-capacity';
export { CAP_004 } from './rules/capacity/cap-004-worker-cpu-reservation';
export { DEP_001 } from './rules/deploy/dep-001-availability-zones';
export { DEP_002 } from './rules/deploy/dep-002-control-plane-pool';
export { DEP_003 } from './rules/deploy/dep-003-pool-sizes';
export { DEP_004 } from './rules/deploy/dep-004-erase-disks';
export { DEP_005 } from './rules/deploy/dep-005-preferred-subnet';
export { DEP_006 } from './rules/deploy/dep-006-profile-versions';
export { DEP_007 } from './rules/deploy/dep-007-maas-settings';
export { DEP_008 } from './rules/deploy/dep-008-delegated-domain';
export { VMO_RULES } from './rules';
export { NET_001 } from './rules/network/net-001-addresses-parse';
export { NET_002 } from './rules/network/net-002-networks-disjoint';
export { NET_003 } from './rules/network/net-003-pod-cidr-node-blocks';
export { NET_004 } from './rules/network/net-004-pods-fit';
export { NET_005 } from './rules/network/net-005-gateway-in-subnet';
export { NET_006 } from './rules/network/net-006-metallb-pools';
export { NET_007 } from './rules/network/net-007-native-routing-cidr';
export { NET_008 } from './rules/network/net-008-service-cidr-growth';
export { NET_009 } from './rules/network/net-009-node-ip-on-mgmt';
export { NET_010 } from './rules/network/net-010-host-network-room';
export { NET_011 } from './rules/network/net-011-one-default-gateway';
export { PAL_005 } from './rules/palette/pal-005-install-order';
export { PAL_010 } from './rules/palette/pal-010-proxied-access';
export { SEC_003 } from './rules/security/sec-003-dashboard-auth';
export { SEC_005 } from './rules/security/sec-005-private-ca-order';
export { STO_001 } from './rules/storage/sto-001-portworx-quorum';
export { STO_002 } from './rules/storage/sto-002-max-storage-nodes';
export { STO_003 } from './rules/storage/sto-003-prefer-remote-node';
export { STO_004 } from './rules/storage/sto-004-replication';
export { STO_005 } from './rules/storage/sto-005-live-migration-rwx';
export { STO_006 } from './rules/storage/sto-006-rwx-block-driver';
export { STO_007 } from './rules/storage/sto-007-datavolume-overrides';
export { STO_008 } from './rules/storage/sto-008-nfs-client';
export { STO_009 } from './rules/storage/sto-009-flasharray';
export { STO_010 } from './rules/storage/sto-010-portworx-kubernetes';
export { STO_011 } from './rules/storage/sto-011-node-loss';
export { STO_012 } from './rules/storage/sto-012-piraeus-maas';
export { VLAN_001 } from './rules/vlan/vlan-001-ids-well-formed';
export { VLAN_002 } from './rules/vlan/vlan-002-captured-vlans';
export { VLAN_003 } from './rules/vlan/vlan-003-nad-in-vm-vlans';
export { VLAN_004 } from './rules/vlan/vlan-004-vlans-on-self';
export { VLAN_005 } from './rules/vlan/vlan-005-bond-mode';
export { VLAN_006 } from './rules/vlan/vlan-006-vm-bridge-is-bridge';
export { VLAN_007 } from './rules/vlan/vlan-007-cilium-bridge-preset';
export { VLAN_008 } from './rules/vlan/vlan-008-data-vlan-dedicated';
export { VLAN_009 } from './rules/vlan/vlan-009-pxe-native';
export { VLAN_010 } from './rules/vlan/vlan-010-vm-vlans-on-bridge-bond';

// The site book
export { siteBookInput } from './book/book-input';
export type { BookSite, SiteBookInput } from './book/book-input';
export { BOOK_SECTIONS, RA_REVISION, SITE_BOOK_PATH, siteBook, siteBookOf } from './book/site-book';

// The VMO site: the composer and the RA factory
export {
  loadSiteFile, MAX_SCHEMA_ERRORS, MAX_SITE_ALIAS_COPIES, MAX_SITE_ALIASES, MAX_SITE_FILE_BYTES, MAX_SITE_NESTING,
  parseSiteYaml,
} from './site/site-file';
export { SITE_SCHEMA } from './site/site-schema';
export type { SiteVariables } from './site/site-variables';
export { VmoProfileKind, VmoProfileLayout, VmoProfiles } from './site/vmo-profiles';
export type { AddOnOptions, VmoLayers, VmoProfileNames, VmoProfilesProps } from './site/vmo-profiles';
export { SITE_001, VmoSite } from './site/vmo-site';
export type { VmoSiteLayers, VmoSiteOptions } from './site/vmo-site';
