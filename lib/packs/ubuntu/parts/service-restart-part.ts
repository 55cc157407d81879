import { KubeadmPart, KubeadmPartOutput } from '../kubeadm-part';

/**
 * Reloads systemd and restarts containerd and kubelet as the last pre-kubeadm step (RA rev
 * 1.7, Ubuntu layer: "Restart containerd and kubelet services to let new configurations
 * take effect"): the containerd config, the kube.slice drop-ins and /etc/default/kubelet.
 */
export class ServiceRestartPart implements KubeadmPart {
  public readonly name = 'service-restart';

  public render(): KubeadmPartOutput {
    return { preKubeadmCommands: ['systemctl daemon-reload', 'systemctl restart containerd kubelet'] };
  }
}
