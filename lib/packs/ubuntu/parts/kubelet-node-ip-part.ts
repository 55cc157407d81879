import { cidrProblem } from '../../../common/ipv4-block';
import { KubeadmPart, KubeadmPartOutput } from '../kubeadm-part';

export interface KubeletNodeIpPartProps {
  /**
   * The management network, in canonical IPv4 CIDR form (e.g. `172.16.0.0/22`). The node's
   * address inside it becomes kubelet's `--node-ip`.
   */
  readonly managementCidr: string;
}

/**
 * Pins kubelet's node IP to the management network (RA rev 1.7, Ubuntu layer: "Add the
 * node's IP address on the management network to /etc/default/kubelet, to ensure this IP
 * becomes the InternalIP for this cluster node"). Bare-metal nodes carry several networks
 * (management, data, storage VLANs); without this kubelet may pick any of them.
 */
export class KubeletNodeIpPart implements KubeadmPart {
  public readonly name = 'kubelet-node-ip';
  public readonly managementCidr: string;

  constructor(props: KubeletNodeIpPartProps) {
    // A CIDR that does not parse is written as given and reported by the layer's NET-001 check.
    this.managementCidr = props.managementCidr;
  }

  /** Why the management CIDR cannot pin the node IP, or undefined (NET-001). */
  public get problem(): string | undefined {
    return cidrProblem({ label: 'management CIDR', text: this.managementCidr }, '172.16.0.0/22');
  }

  public render(): KubeadmPartOutput {
    // POSIX sh: cloud-init runs the commands with /bin/sh (dash on Ubuntu), so no `==` in tests.
    // The RA's approach: the first address from `hostname -I` that grepcidr places in the
    // management CIDR. kubeadm's kubelet unit reads KUBELET_EXTRA_ARGS from /etc/default/kubelet;
    // the flag is added to the existing line (keeping other flags) or a new line is written.
    const command = [
      '# Pin the kubelet node IP (InternalIP) to the management network',
      `NETWORK="${this.managementCidr}"`,
      'NODE_IP=""',
      'for IP in $(hostname -I); do',
      '  if echo "$IP" | grepcidr "$NETWORK" >/dev/null; then NODE_IP="$IP"; break; fi',
      'done',
      'if [ -z "$NODE_IP" ]; then',
      '  echo "kubelet node IP: no address of this node is in $NETWORK; kubelet keeps its default node IP" >&2',
      "elif grep -qs -- '--node-ip=' /etc/default/kubelet; then",
      '  echo "kubelet node IP: /etc/default/kubelet already sets --node-ip"',
      'else',
      '  touch /etc/default/kubelet',
      `  ARGS=$(sed -n -E 's/^KUBELET_EXTRA_ARGS="?([^"]*)"?$/\\1/p' /etc/default/kubelet | tail -n 1)`,
      "  sed -i '/^KUBELET_EXTRA_ARGS=/d' /etc/default/kubelet",
      '  echo "KUBELET_EXTRA_ARGS=\\"${ARGS:+$ARGS }--node-ip=$NODE_IP\\"" >> /etc/default/kubelet',
      '  echo "kubelet node IP: $NODE_IP"',
      'fi',
      '',
    ].join('\n');
    return { packages: ['grepcidr'], preKubeadmCommands: [command] };
  }
}

/** The management subnet a written node-ip command pins to, or undefined when `command` is not that script. */
export function readNodeIpCidr(command: string): string | undefined {
  if (!command.includes('--node-ip=')) return undefined;
  return /^NETWORK="([^"]*)"$/m.exec(command)?.[1];
}
