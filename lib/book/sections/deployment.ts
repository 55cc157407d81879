import { BookSection } from '../book-section';
import { code, codeBlock, table } from '../markdown';
import { MAAS_RESOURCE_POOLS } from './maas';
import { deploymentProfiles, isSplit } from './profiles';

/**
 * The deployment steps: the field guide's workflow (seed 000 "Deployment Workflow") with the
 * site's import order (README "Importing a profile into Palette") and the sensitive
 * variables each profile asks for at deploy time.
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
      '',
      `4. **Create the cluster** from ${base ? code(base.json.metadata.name) : 'the cluster profile'}${addOns.length ? ` with the add-on profiles ${addOns.map((p) => code(p.json.metadata.name)).join(' and ')}` : ''}: a control-plane pool of ${model.nodes.controlPlane} machines from resource pool ${code(MAAS_RESOURCE_POOLS.controlPlane)} and a worker pool of ${model.nodes.workers} from ${code(MAAS_RESOURCE_POOLS.workers)}, in the AZs of your datacenter layout.`,
      '',
      '5. **Enter the sensitive variables** when Palette asks for them (Profile Config step); they are never in these files:',
      '',
    ];
    const sensitive = profiles.flatMap((p) => p.json.spec.variables.filter((v) => v.isSensitive).map((v) => [p.json.metadata.name, code(v.name), v.displayName, v.description]));
    out.push(...(sensitive.length ? table(['Profile', 'Variable', 'Shown as', 'What it is'], sensitive) : ['None.']).map((l) => `   ${l}`));
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
