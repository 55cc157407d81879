import { Rule } from '../palette/finding';
import { CAP_001 } from './capacity/cap-001-control-plane-size';
import { CAP_002 } from './capacity/cap-002-control-plane-count';
import { CAP_003 } from './capacity/cap-003-vm-capacity';
import { DEP_001 } from './deploy/dep-001-availability-zones';
import { DEP_002 } from './deploy/dep-002-control-plane-pool';
import { DEP_003 } from './deploy/dep-003-pool-sizes';
import { DEP_004 } from './deploy/dep-004-erase-disks';
import { DEP_005 } from './deploy/dep-005-preferred-subnet';
import { DEP_006 } from './deploy/dep-006-profile-versions';
import { DEP_007 } from './deploy/dep-007-maas-settings';
import { DEP_008 } from './deploy/dep-008-delegated-domain';
import { CAP_004 } from './capacity/cap-004-worker-cpu-reservation';
import { NET_001 } from './network/net-001-addresses-parse';
import { NET_002 } from './network/net-002-networks-disjoint';
import { NET_003 } from './network/net-003-pod-cidr-node-blocks';
import { NET_004 } from './network/net-004-pods-fit';
import { NET_005 } from './network/net-005-gateway-in-subnet';
import { NET_006 } from './network/net-006-metallb-pools';
import { NET_007 } from './network/net-007-native-routing-cidr';
import { NET_008 } from './network/net-008-service-cidr-growth';
import { NET_009 } from './network/net-009-node-ip-on-mgmt';
import { NET_010 } from './network/net-010-host-network-room';
import { NET_011 } from './network/net-011-one-default-gateway';
import { PAL_005 } from './palette/pal-005-install-order';
import { PAL_010 } from './palette/pal-010-proxied-access';
import { SEC_003 } from './security/sec-003-dashboard-auth';
import { SEC_005 } from './security/sec-005-private-ca-order';
import { VmoSiteModel } from './site-model';
import { STO_001 } from './storage/sto-001-portworx-quorum';
import { STO_002 } from './storage/sto-002-max-storage-nodes';
import { STO_003 } from './storage/sto-003-prefer-remote-node';
import { STO_004 } from './storage/sto-004-replication';
import { STO_005 } from './storage/sto-005-live-migration-rwx';
import { STO_006 } from './storage/sto-006-rwx-block-driver';
import { STO_007 } from './storage/sto-007-datavolume-overrides';
import { STO_008 } from './storage/sto-008-nfs-client';
import { STO_009 } from './storage/sto-009-flasharray';
import { STO_010 } from './storage/sto-010-portworx-kubernetes';
import { STO_011 } from './storage/sto-011-node-loss';
import { STO_012 } from './storage/sto-012-piraeus-maas';
import { VLAN_001 } from './vlan/vlan-001-ids-well-formed';
import { VLAN_002 } from './vlan/vlan-002-captured-vlans';
import { VLAN_003 } from './vlan/vlan-003-nad-in-vm-vlans';
import { VLAN_004 } from './vlan/vlan-004-vlans-on-self';
import { VLAN_005 } from './vlan/vlan-005-bond-mode';
import { VLAN_006 } from './vlan/vlan-006-vm-bridge-is-bridge';
import { VLAN_007 } from './vlan/vlan-007-cilium-bridge-preset';
import { VLAN_008 } from './vlan/vlan-008-data-vlan-dedicated';
import { VLAN_009 } from './vlan/vlan-009-pxe-native';
import { VLAN_010 } from './vlan/vlan-010-vm-vlans-on-bridge-bond';

export type { VmoSiteModel } from './site-model';
export {
  CAP_001, CAP_002, CAP_003, CAP_004,
  DEP_001, DEP_002, DEP_003, DEP_004, DEP_005, DEP_006, DEP_007, DEP_008,
  NET_001, NET_002, NET_003, NET_004, NET_005, NET_006, NET_007, NET_008, NET_009, NET_010, NET_011,
  PAL_005, PAL_010,
  SEC_003, SEC_005,
  STO_001, STO_002, STO_003, STO_004, STO_005, STO_006, STO_007, STO_008, STO_009, STO_010, STO_011, STO_012,
  VLAN_001, VLAN_002, VLAN_003, VLAN_004, VLAN_005, VLAN_006, VLAN_007, VLAN_008, VLAN_009, VLAN_010,
};

/**
 * The VMO rules of rules-catalog.md, ordered by id; each reads the site as written (VmoSiteModel).
 * The generic checks every site runs (PAL-001/002/003/004/006/007, SEC-001/002/004) are in
 * lib/palette/checks.
 */
export const VMO_RULES: readonly Rule<VmoSiteModel>[] = [
  CAP_001, CAP_002, CAP_003, CAP_004,
  DEP_001, DEP_002, DEP_003, DEP_004, DEP_005, DEP_006, DEP_007, DEP_008,
  NET_001, NET_002, NET_003, NET_004, NET_005, NET_006, NET_007, NET_008, NET_009, NET_010, NET_011,
  PAL_005, PAL_010,
  SEC_003, SEC_005,
  STO_001, STO_002, STO_003, STO_004, STO_005, STO_006, STO_007, STO_008, STO_009, STO_010, STO_011, STO_012,
  VLAN_001, VLAN_002, VLAN_003, VLAN_004, VLAN_005, VLAN_006, VLAN_007, VLAN_008, VLAN_009, VLAN_010,
];
