import type { SiteFiles } from '../palette-site';
import { profileFileText } from '../palette-site';
import { toYaml } from '../yaml-format';
import { MaasClusterDefinition } from './maas-cluster';
import { maasClusterPayloadJson } from './maas-cluster-payload';
import { maasClusterTerraformJson, TERRAFORM_PROFILES_FOLDER } from './maas-cluster-terraform';

/** The folder of a site's output that holds its cluster definition. */
export const DEPLOY_FOLDER = 'deploy';

/**
 * The files that deploy the cluster, relative to the site folder:
 * - `deploy/main.tf.json`: the Terraform root module (run `terraform` in `deploy/`);
 * - `deploy/profiles/<name>.json`: the profiles it imports, byte for byte the site's
 *   `profiles/<name>.json` (the provider reads import files inside its working directory only);
 * - `deploy/cluster.maas.json`: the Palette API payload, with named placeholders;
 * - `deploy/maas-preferred-subnet.yaml`: the private cloud gateway ConfigMap for multi-NIC hosts.
 */
export function maasClusterFiles(cluster: MaasClusterDefinition): SiteFiles {
  const files: SiteFiles = new Map();
  files.set(`${DEPLOY_FOLDER}/main.tf.json`, maasClusterTerraformJson(cluster));
  for (const p of cluster.profiles) files.set(`${DEPLOY_FOLDER}/${TERRAFORM_PROFILES_FOLDER}/${p.name}.json`, profileFileText(p.json));
  files.set(`${DEPLOY_FOLDER}/cluster.maas.json`, maasClusterPayloadJson(cluster));
  if (cluster.preferredSubnets?.length) files.set(`${DEPLOY_FOLDER}/maas-preferred-subnet.yaml`, preferredSubnetConfigMap(cluster.preferredSubnets));
  return files;
}

/**
 * ConfigMap `maas-preferred-subnet` in `jet-system` of the private cloud gateway: with more than
 * one NIC per node, the API server's DNS record may otherwise take an address of the wrong
 * subnet (deploy.md §1.5; Sheldonwl spectro-guides "Configure Preferred Subnet").
 */
export function preferredSubnetConfigMap(subnets: readonly string[]): string {
  const header =
    '# Apply to the private cloud gateway (kubectl apply -f), before the cluster is deployed: nodes with\n' +
    '# more than one NIC register the API server in DNS with an address of these subnets.\n';
  return (
    header +
    toYaml({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'maas-preferred-subnet', namespace: 'jet-system' },
      data: { preferredSubnets: subnets.join(',') },
    })
  );
}
