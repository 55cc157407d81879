import { isCount, podBudget } from '../../rules/capacity/pod-budget';
import { parseIpv4Cidr } from '../../common/ipv4-block';
import { hostBudgets, PCG_ADDRESSES, poolSizes, REPAVE_SPARE_NODES, usableAddresses } from '../address-budget';
import { BookSection } from '../book-section';
import { count, table } from '../markdown';
import { hostNetworks, vlanText } from '../site-network';

const sum = (o: Readonly<Record<string, number>>) => Object.values(o).reduce((a, b) => a + b, 0);

/**
 * The RA network table for the site (seed 002 "Network configuration"), with the MetalLB
 * pools, then the address budgets: what each subnet must hold.
 */
export const NETWORK_PLAN: BookSection = {
  title: 'Network plan',
  render({ model }) {
    const n = model.network;
    const k = model.kubernetes;
    const lb = model.loadBalancer;
    const rows: (string | undefined)[][] = hostNetworks(n).map((h) => [h.purpose, vlanText(h.role.vlan), h.role.cidr, h.role.gateway ?? 'none', h.role.interface]);
    rows.push(['Pod overlay network', 'N/A (virtual)', k?.podCidr, 'none', model.cni ? `Cilium, ${model.cni.podNetworking}` : undefined]);
    rows.push(['Cluster services network', 'N/A (virtual)', k?.serviceCidr, 'none', undefined]);
    if (model.vmo?.vmVlans !== undefined) rows.push(['Existing VLANs for VMs', model.vmo.vmVlans, undefined, undefined, model.vmo.bridge ?? n.vmBridge]);
    for (const p of poolSizes(model)) {
      rows.push([`MetalLB pool ${p.name} (${lb?.mode === 'bgp' ? 'BGP' : 'L2'})`, lb?.mode === 'bgp' ? 'routed (BGP)' : String(n.data.vlan), p.entries.join(', '), undefined, lb?.mode === 'l2' ? lb.l2Interfaces.join(', ') : undefined]);
    }
    const out = [...table(['Network', 'VLAN ID', 'CIDR / range', 'Gateway', 'Host interface'], rows), ''];

    const budget: (string | undefined)[][] = hostBudgets(model).map((b) => [
      `${b.network} subnet`,
      b.cidr,
      b.takes,
      b.needed === undefined ? undefined : count(b.needed),
      b.usable === undefined ? undefined : count(b.usable),
    ]);
    for (const p of poolSizes(model)) {
      budget.push([
        `MetalLB pool ${p.name}`,
        p.entries.join(', '),
        `LoadBalancer service addresses${p.avoidBuggyIPs ? ' (avoidBuggyIPs: no .0 or .255)' : ''}${p.autoAssign ? '' : ', on request only (autoAssign off)'}`,
        undefined,
        p.addresses === undefined ? undefined : count(p.addresses),
      ]);
    }
    const b = podBudget(model);
    if (b) {
      budget.push([
        'Pod CIDR',
        b.podCidr.text,
        `one /${b.nodePrefix} per node: ${b.nodes} nodes + ${REPAVE_SPARE_NODES} spare for a control-plane repave (NET-003); ${count(b.podsPerBlock)} pod addresses per block for ${count(b.maxPodsPerNode)} pods per node`,
        `${count(b.blocksNeeded)} blocks`,
        `${count(b.blocks)} blocks`,
      ]);
    }
    const service = parseIpv4Cidr(k?.serviceCidr);
    if (service) budget.push(['Service CIDR', service.text, 'ClusterIP addresses', undefined, count(usableAddresses(service))]);
    const ha = PCG_ADDRESSES.highlyAvailable;
    const single = PCG_ADDRESSES.singleNode;
    budget.push([
      'PCG (not in this site)',
      'the network the PCG is deployed on',
      `HA: ${ha.nodes} node IPs + ${ha.apiVip} Kubernetes API VIP + ${ha.pcgVip} PCG VIP + ${ha.repave} repave buffer (single node: ${sum(single)})`,
      String(sum(ha)),
      undefined,
    ]);
    out.push('Address budget: what each network must hold (usable addresses exclude the network and broadcast addresses).', '');
    out.push(...table(['Network', 'CIDR / range', 'Takes', 'Needed', 'Available'], budget));
    if (!isCount(model.nodes.workers) || !isCount(model.nodes.controlPlane)) out.push('', 'Node counts are malformed (CAP-002): the budgets above are not meaningful.');
    out.push('', 'Sources: seed 002 (RA rev 1.7) network table and "Solution Sizing"; seed 000 "IP Requirements" (PCG).');
    return out;
  },
};
