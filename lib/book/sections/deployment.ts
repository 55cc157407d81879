import { clusterVariables, isClusterInput } from '../../palette/cluster/maas-cluster';
import { BookSection } from '../book-section';
import { code, codeBlock, table } from '../markdown';
import { CLUSTER_FILES, MAAS_RESOURCE_POOLS, poolText } from './maas';
import { deploymentProfiles, isSplit } from './profiles';

/**
 * The deployment steps: the field guide's workflow (seed 000 "Deployment Workflow") with the
 * site's import order (README "Importing a profile into Palette"), the machine pools of the
 * site's cluster definition (`VmoSiteModel.cluster`, as `deploy/` writes it) or the RA's, and
 * the inputs each profile asks for at deploy time: its sensitive variables and its variables
 * without a default (the cluster's inputs, `clusterVariables`, as main.tf.json declares them).
 */
export const DEPLOYMENT: BookSection = {
  title: 'Deployment steps',
  render({ model }) {
    const rendered = model.rendered;
    const profiles = deploymentProfiles(rendered.profiles);
    const names = profiles.map((p) => p.json.metadata.name);
    const base = profiles.find((p) => p.json.spec.template.type !== 'add-on');
    const addOns = profiles.filter((p) => p.json.spec.template.type === 'add-on');
    const full = rendered.profiles.find((p) => p.json.spec.template.type === 'cluster');
    const cluster = model.cluster;
    const from = `${base ? code(base.json.metadata.name) : 'the cluster profile'}${addOns.length ? ` with the add-on profiles ${addOns.map((p) => code(p.json.metadata.name)).join(' and ')}` : ''}`;
    const out = [
      '1. **Verify MAAS.** Every machine commissioned and Ready, DHCP/PXE/DNS configured, BMC credentials checked:',
      '',
      ...codeBlock('sh', [
        "maas $PROFILE machines read | jq '.[] | {hostname, status_name, power_type}'",
        "maas $PROFILE subnets read | jq '.[] | {name, cidr, managed}'",
      ]).map((l) => `   ${l}`),
      '',
      '2. **Deploy the PCG.** Register MAAS as a cloud account (`http://<maas-ip>:5240/MAAS` and its API key), run `palette pcg install`, wait for the PCG to show Healthy, then apply the `maas-preferred-subnet` ConfigMap (MAAS settings above).',
      '',
      `3. **Import the profiles** in this order: ${names.map((n) => code(n)).join(', then ')}${isSplit(rendered.profiles) && full ? ` (or the Full profile ${code(full.json.metadata.name)} alone instead)` : ''}. In the UI: Profiles > Import Cluster Profile, map the packs to your registries. Through the API:`,
      '',
      ...codeBlock(
        'sh',
        names.map((n) => `curl -X POST "https://api.spectrocloud.com/v1/clusterprofiles/import/file?publish=true" -H "ApiKey: $PALETTE_API_KEY" -H "ProjectUid: $PROJECT_UID" -F "importFile=@profiles/${n}.json"`),
      ).map((l) => `   ${l}`),
      ...(cluster ? ['', `   With Terraform, ${code(CLUSTER_FILES.terraform)} imports them itself (one import per profile name and version) and creates the cluster of step 4.`] : []),
      '',
      ...(cluster
        ? [
            `4. **Create the cluster** ${code(cluster.name)} from ${from}, in MAAS domain ${code(cluster.domain)} through cloud account ${code(cluster.cloudAccount)}, with the machine pools of this site's ${code('maas:')} (MAAS settings above):`,
            '',
            ...cluster.pools.map((p) => `   - ${poolText(p)}`),
            '',
            `   With Terraform: ${code('cd deploy && terraform init && terraform apply')}, with ${code('SPECTROCLOUD_APIKEY')} set and each input of step 5 as ${code('TF_VAR_<name>')}. To check the cluster first: ${code('palette-vmo deploy')} with this site's output folder lists it and its inputs, and with ${code('--validate')} Palette validates it.`,
          ]
        : [
            `4. **Create the cluster** from ${from}: a control-plane pool of ${model.nodes.controlPlane} machines from resource pool ${code(MAAS_RESOURCE_POOLS.controlPlane)} and a worker pool of ${model.nodes.workers} from ${code(MAAS_RESOURCE_POOLS.workers)} (the RA's), in the AZs of your datacenter layout. This site has no ${code('maas:')} section, so no cluster definition is written to ${code('deploy/')}.`,
          ]),
      '',
      `5. **Enter the sensitive variables** when Palette asks for them (Profile Config step)${cluster ? `, or as ${code('TF_VAR_<name>')} for Terraform` : ''}; they are never in these files:`,
      '',
    ];
    const inputs = profiles.flatMap((p) => {
      const byName = new Map(p.json.spec.variables.map((v) => [v.name, v]));
      return clusterVariables(p.json)
        .filter(isClusterInput)
        .flatMap((i) => {
          const v = byName.get(i.name);
          return v ? [{ profile: p.json.metadata.name, sensitive: i.input.sensitive, v }] : [];
        });
    });
    const sensitive = inputs.filter((i) => i.sensitive).map(({ profile, v }) => [profile, code(v.name), v.displayName, v.description]);
    out.push(...(sensitive.length ? table(['Profile', 'Variable', 'Shown as', 'What it is'], sensitive) : ['None.']).map((l) => `   ${l}`));
    const withoutDefault = inputs.filter((i) => !i.sensitive).map(({ profile, v }) => [profile, code(v.name), v.displayName, v.description, v.required ? 'yes' : 'no (Terraform still needs a value)']);
    if (withoutDefault.length) {
      out.push(
        '',
        `   These variables have no default, so Palette asks for them too${cluster ? `, and ${code(CLUSTER_FILES.terraform)} declares them as variables without a default` : ''}:`,
        '',
        ...table(['Profile', 'Variable', 'Shown as', 'What it is', 'Required by Palette'], withoutDefault).map((l) => `   ${l}`),
      );
    }
    const defaults = profiles.flatMap((p) =>
      p.json.spec.variables.filter((v) => !v.isSensitive && v.defaultValue !== undefined).map((v) => [p.json.metadata.name, code(v.name), v.defaultValue, v.immutable ? 'read-only' : 'may be changed']),
    );
    if (defaults.length) {
      out.push(
        '',
        '   The other profile variables carry this site\'s values as defaults; this book shows those values, so a value changed at deploy time is not in it:',
        '',
        ...table(['Profile', 'Variable', 'Default (this site)', 'At deploy time'], defaults).map((l) => `   ${l}`),
      );
    }
    out.push(
      '',
      '6. **Verify VMO** once the cluster is healthy (seed 000 "Verifying VMO Deployment"):',
      '',
      ...codeBlock('sh', ['kubectl get kubevirt -n kubevirt', `kubectl get pods -n ${model.vmo?.namespace ?? 'vm-dashboard'}`, 'kubectl get cdi -n cdi', 'kubectl get sc', 'kubectl get network-attachment-definitions -A']).map((l) => `   ${l}`),
    );
    return out;
  },
};
