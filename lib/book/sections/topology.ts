import { BookSection } from '../book-section';
import { codeBlock } from '../markdown';
import { edge, flowchart, label, node, subgraph } from '../mermaid';
import { poolSizes } from '../address-budget';

/**
 * (a) The site topology: Palette, the PCG, MAAS, the cluster and its storage, with the ports
 * between them (seed 000 "Architecture" and "PCG Network Requirements").
 */
export const TOPOLOGY: BookSection = {
  title: 'Site topology',
  render({ site, model }) {
    const { controlPlane, workers } = model.nodes;
    const n = model.network;
    const pools = poolSizes(model).flatMap((p) => p.entries);
    const statements = [
      node('palette', label('Palette', 'SaaS or self-hosted')),
      node('pcg', label('Private Cloud Gateway (PCG)', 'outbound only')),
      node('maas', label('MAAS', `PXE ${n.pxe.cidr}`)),
      ...subgraph('cluster', `cluster ${site}`, [
        node('controlplane', label(`control plane: ${controlPlane} nodes`, `mgmt VLAN ${n.mgmt.vlan}, ${n.mgmt.cidr}`)),
        node('workers', label(`workers: ${workers} nodes`, `${n.layout}, VMs on ${n.vmBridge}`)),
      ]),
      node('users', label('end users', `data VLAN ${n.data.vlan}, ${n.data.cidr}`), 'round'),
      edge('pcg', 'palette', '443/TCP'),
      edge('pcg', 'maas', '5240/TCP MAAS API'),
      edge('pcg', 'cluster', '6443/TCP API, 22/TCP SSH'),
      edge('cluster', 'palette', '443/TCP'),
      edge('maas', 'cluster', 'PXE: 67-69/UDP, 5248/TCP'),
      edge('users', 'cluster', pools.length ? `MetalLB ${pools.join(', ')}` : `data VLAN ${n.data.vlan}`),
    ];
    if (model.vmo?.vmVlans !== undefined) {
      statements.push(node('vmusers', label('VM networks', `VLANs ${model.vmo.vmVlans}`), 'round'), edge('vmusers', 'workers', `${n.vmBridge}, Multus NADs`));
    }
    const storage = model.storage;
    if (storage?.flashArray) {
      const fa = storage.flashArray;
      statements.push(
        node('storage', label('Pure FlashArray', ...fa.mgmtEndpoints), 'cylinder'),
        edge('workers', 'storage', `${storage.product}: 443/TCP API, ${fa.sanType ?? 'SAN'}`),
      );
    } else if (storage) {
      statements.push(node('storage', label(storage.product, `storage class ${storage.vmStorageClass}`), 'cylinder'), edge('workers', 'storage', 'CSI'));
    }
    return codeBlock('mermaid', flowchart('LR', statements));
  },
};
