import { BookSection } from '../book-section';
import { code, table } from '../markdown';

/** One line of the communication matrix. */
interface Flow {
  readonly from: string;
  readonly to: string;
  readonly port: string;
  readonly purpose: string;
  readonly source: string;
}

const PCG = 'seed 000 "PCG Network Requirements"';
const MAAS_PORTS = 'seed 000 "MAAS Network Ports"';
const PXE = 'seed 000 "PXE Boot Services"';
const OPTIONAL = 'seed 000 "Optional MAAS-managed services"';

/** The flows every MAAS VMO site has, from the field guide (seed 000). */
const FLOWS: readonly Flow[] = [
  { from: 'PCG', to: 'Palette', port: '443/TCP', purpose: 'API, gRPC over TLS', source: PCG },
  { from: 'PCG', to: 'container registries', port: '443/TCP', purpose: 'image pulls', source: PCG },
  { from: 'PCG', to: 'MAAS', port: '5240/TCP', purpose: `MAAS API, ${code('http://<maas>:5240/MAAS')}`, source: PCG },
  { from: 'PCG', to: 'cluster', port: '6443/TCP', purpose: 'Kubernetes API', source: PCG },
  { from: 'PCG', to: 'cluster nodes', port: '22/TCP', purpose: 'SSH provisioning', source: PCG },
  { from: 'PCG', to: 'NTP server', port: '123/UDP', purpose: 'time sync', source: PCG },
  { from: 'anything', to: 'PCG', port: 'none', purpose: 'the PCG opens every connection outbound', source: PCG },
  { from: 'cluster', to: 'Palette', port: '443/TCP', purpose: 'cluster agent', source: 'seed 000 "Architecture" (Palette 443 in/out)' },
  { from: 'operators, PCG', to: 'MAAS', port: '5240/TCP, 5443/TCP', purpose: 'UI and API (5443 when TLS is on)', source: MAAS_PORTS },
  { from: 'nodes', to: 'MAAS rack', port: '67/UDP, 68/UDP', purpose: 'DHCP', source: PXE },
  { from: 'nodes', to: 'MAAS rack', port: '69/UDP', purpose: 'TFTP, first PXE stage', source: PXE },
  { from: 'nodes', to: 'MAAS rack', port: '5248/TCP', purpose: 'HTTP: kernel, initrd and boot assets', source: PXE },
  { from: 'MAAS rack', to: 'MAAS region', port: '5241-5247/TCP+UDP', purpose: 'rack to region', source: MAAS_PORTS },
  { from: 'MAAS', to: 'MAAS', port: '5250-5270/TCP+UDP', purpose: 'worker processes', source: MAAS_PORTS },
  { from: 'MAAS', to: 'BMCs', port: '443/TCP (Redfish) or 623/UDP (IPMI)', purpose: 'power control; Redfish recommended', source: 'seed 000 "BMC/IPMI Requirements"' },
  { from: 'nodes', to: 'MAAS (when it serves them)', port: '53/TCP+UDP, 123/UDP', purpose: 'DNS, NTP', source: OPTIONAL },
  { from: 'nodes', to: 'MAAS proxy (when used)', port: '8000/TCP or 3128/TCP', purpose: 'package downloads (HTTP proxy, Squid)', source: OPTIONAL },
];

/** The port and firewall matrix (docs/site-book.md §4.2 item 6), with the site's storage flows. */
export const PORTS: BookSection = {
  title: 'Ports and firewall',
  render({ model }) {
    const flows = [...FLOWS];
    const fa = model.storage?.flashArray;
    if (fa) {
      flows.push({
        from: 'worker nodes',
        to: `FlashArray ${fa.mgmtEndpoints.join(', ')}`,
        port: `443/TCP; ${fa.sanType === 'ISCSI' ? 'iSCSI' : 'Fibre Channel'} data path`,
        purpose: `${model.storage?.product ?? 'CSI'} array API; LUNs`,
        source: 'seed 000 "FlashArray Integration"',
      });
    }
    return table(['From', 'To', 'Port', 'Purpose', 'Source'], flows.map((f) => [f.from, f.to, f.port, f.purpose, f.source]));
  },
};
