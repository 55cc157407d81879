/**
 * `pack.namespaceLabels` value of Palette's CSI packs for a namespace whose pods are privileged
 * (csi-longhorn and csi-rook-ceph-helm values.yaml): PSA `privileged` at the cluster's version.
 */
export function privilegedNamespaceLabels(): string {
  return 'pod-security.kubernetes.io/enforce=privileged,pod-security.kubernetes.io/enforce-version=v{{ .spectro.system.kubernetes.version | substr 0 4 }}';
}
