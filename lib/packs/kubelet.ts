/**
 * The kubelet drop-in directory. The OS layer writes the VMO kubelet tuning file here and
 * the Kubernetes layer points kubelet's `--config-dir` at it (RA rev 1.7, Kubernetes layer:
 * "enabling the use of the /etc/kubernetes/kubelet.conf.d directory for drop-in
 * configuration files (which is where the OS layer writes the kubelet tuning file)").
 */
export const KUBELET_DROP_IN_DIR = '/etc/kubernetes/kubelet.conf.d';
