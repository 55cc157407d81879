import { Construct } from 'constructs';
import { ValidationError } from '../../common/errors';
import { LayerRole } from '../../palette/layer-role';
import { LayerType } from '../../palette/layer-type';
import { PackLayer } from '../../palette/pack-layer';
import { PackRegistry } from '../../palette/pack-registry';
import { isYamlMap, RenderedLayer, valueAt } from '../../palette/rendered';
import { addRuleCheck } from '../../palette/rule-validation';
import { ValueNode } from '../../palette/values';
import { IOsLayer, OsFacts } from '../facts';
import { DEFAULT_FILE_OWNER, DEFAULT_FILE_PERMISSIONS, KubeadmFile, KubeadmPart, validatePartOutput } from './kubeadm-part';
import { CaCertificate, CaCertificatesPart } from './parts/ca-certificates-part';
import { ContainerdConfigPart, ContainerdConfigPartProps } from './parts/containerd-config-part';
import { KubeletNodeIpPart, readNodeIpCidr } from './parts/kubelet-node-ip-part';
import { MultipathPart } from './parts/multipath-part';
import { NfsPart, NfsPartProps } from './parts/nfs-part';
import { PureFlashArrayUdevPart } from './parts/pure-flasharray-udev-part';
import { ServiceRestartPart } from './parts/service-restart-part';
import { readMaxPods, readReservedCpus, VMO_KUBELET_DROP_IN, WorkerTuningPart, WorkerTuningPartProps } from './parts/worker-tuning-part';

/** The one apt transaction of the layer's packages. */
const APT_INSTALL = 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ';

/** Which Pure Storage FlashArray host settings to apply. */
export interface PureFlashArrayOptions {
  /** /etc/multipath.conf and the multipathd restart. @default true */
  readonly multipath?: boolean;
  /** The FlashArray udev rules and their reload after kubeadm. @default true */
  readonly udevRules?: boolean;
  /** The SAN-boot alias script (needs `multipath`). @default the value of `multipath` */
  readonly sanBootAliasScript?: boolean;
}

export interface UbuntuMaasPackProps {
  /**
   * The management network (e.g. `172.16.0.0/22`, the RA's **bond_mgmt.10** network). Each
   * node's address in it becomes kubelet's node IP (InternalIP).
   */
  readonly managementCidr: string;
  /**
   * CA certificates every node must trust, e.g. the issuer of Palette's certificate when
   * Palette is the OIDC provider (RA rev 1.7, Ubuntu layer).
   * @default none: no certificate files, and update-ca-certificates does not run (there is nothing new to trust)
   */
  readonly caCertificates?: readonly CaCertificate[];
  /** The containerd configuration; `false` leaves the image's own. @default true (the RA's) */
  readonly containerd?: boolean | ContainerdConfigPartProps;
  /** Pure FlashArray host settings; `false` for sites without a FlashArray. @default true (all on) */
  readonly pureFlashArray?: boolean | PureFlashArrayOptions;
  /** nfs.conf (fixed mountd port) and the NFS client for RWX volumes. @default true */
  readonly nfs?: boolean | NfsPartProps;
  /** The VMO worker tuning of RA rev 1.7; give `workerCpus` to size the reserved cores to the workers. @default true (cores 0-7, 250 pods) */
  readonly workerTuning?: boolean | WorkerTuningPartProps;
  /** Restart containerd and kubelet at the end of preKubeadmCommands. @default true (the RA's) */
  readonly restartServices?: boolean;
  /**
   * More parts (e.g. `CustomPart`). Their pre-kubeadm commands run after the RA parts and
   * before the final restart; post-kubeadm commands after the RA's.
   * @default none
   */
  readonly extraParts?: readonly KubeadmPart[];
  /** @default PackRegistry.PUBLIC_REPO */
  readonly registry?: PackRegistry;
}

/**
 * The OS layer of the VMO reference architecture: Palette's Ubuntu pack for MAAS (22.04)
 * with the RA's `kubeadmconfig`. "By default this layer does not contain any files or
 * commands, so all of the configuration in this layer is custom for this reference
 * architecture" (RA rev 1.7), so the values are built here from parts, in the order of the
 * RA's preKubeadmCommands: kubelet node IP, CA certificates, multipath (+ SAN boot alias),
 * then the file-only parts (FlashArray udev rules, NFS, containerd), worker tuning, extra
 * parts, and the containerd/kubelet restart last. Files follow the same order; their order
 * does not matter on the node, as all files are written before any command runs.
 */
export class UbuntuMaasPack extends PackLayer implements IOsLayer {
  public static readonly PACK_NAME = 'ubuntu-maas';
  /** The RA's "LTS__22.04" (group LTS, version 22.04). */
  public static readonly VERSION = '22.04';

  /** The parts in the order their files and commands are written. */
  public readonly parts: readonly KubeadmPart[];
  public readonly managementCidr: string;
  public readonly preKubeadmCommands: readonly string[];
  public readonly postKubeadmCommands: readonly string[];
  public readonly files: readonly KubeadmFile[];

  constructor(scope: Construct, id: string, props: UbuntuMaasPackProps) {
    super(scope, id, {
      name: UbuntuMaasPack.PACK_NAME,
      version: UbuntuMaasPack.VERSION,
      tag: UbuntuMaasPack.VERSION,
      layer: LayerType.OS,
      role: LayerRole.OS,
      registry: props.registry,
    });
    const nodeIp = new KubeletNodeIpPart({ managementCidr: props.managementCidr });
    this.managementCidr = nodeIp.managementCidr;
    addRuleCheck(this, 'NET-001', () => (nodeIp.problem ? [nodeIp.problem] : []));
    this.parts = [nodeIp, ...optionalParts(props), ...(props.extraParts ?? []), ...((props.restartServices ?? true) ? [new ServiceRestartPart()] : [])];

    const pre: string[] = [];
    const post: string[] = [];
    const files: KubeadmFile[] = [];
    const writers = new Map<string, string>();
    const rendered = this.parts.map((part) => {
      const out = part.render();
      validatePartOutput(out, part.name);
      return { part, out };
    });
    const packages = rendered.flatMap(({ out }) => [...(out.packages ?? [])]).filter((p, i, all) => all.indexOf(p) === i);
    let packagesInstalled = false;
    for (const { part, out } of rendered) {
      if (!packagesInstalled && (out.packages ?? []).length) {
        // One apt transaction for every part's packages (the RA: "apt update && apt install -y grepcidr").
        pre.push(`${APT_INSTALL}${packages.join(' ')}`);
        packagesInstalled = true;
      }
      for (const f of out.files ?? []) {
        const other = writers.get(f.targetPath);
        if (other) {
          throw new ValidationError(`file '${f.targetPath}' is written by parts '${other}' and '${part.name}': keep one of them, or turn the RA part off`);
        }
        writers.set(f.targetPath, part.name);
        files.push({
          targetPath: f.targetPath,
          targetOwner: f.targetOwner ?? DEFAULT_FILE_OWNER,
          targetPermissions: f.targetPermissions ?? DEFAULT_FILE_PERMISSIONS,
          content: f.content,
        });
      }
      pre.push(...(out.preKubeadmCommands ?? []));
      post.push(...(out.postKubeadmCommands ?? []));
    }
    this.preKubeadmCommands = pre;
    this.postKubeadmCommands = post;
    this.files = files;

    const kubeadmconfig: { [key: string]: ValueNode } = {};
    if (pre.length) kubeadmconfig.preKubeadmCommands = pre;
    if (post.length) kubeadmconfig.postKubeadmCommands = post;
    if (files.length) kubeadmconfig.files = files.map((f) => ({ ...f }));
    this.addValues({ kubeadmconfig });
  }

  /** What the written values say: the packages installed, the node-IP subnet, the worker pod limit and reserved CPUs. */
  public osFacts(rendered: RenderedLayer): OsFacts {
    const commands = valueAt(rendered.deployed, 'kubeadmconfig', 'preKubeadmCommands');
    const texts = Array.isArray(commands) ? commands.filter((c): c is string => typeof c === 'string') : [];
    const packages = texts.filter((c) => c.startsWith(APT_INSTALL)).flatMap((c) => c.slice(APT_INSTALL.length).trim().split(/\s+/));
    const nodeIpCidr = texts.map(readNodeIpCidr).find((c) => c !== undefined);
    const files = valueAt(rendered.deployed, 'kubeadmconfig', 'files');
    const tuning = (Array.isArray(files) ? files : []).find((f) => isYamlMap(f) && f.targetPath === VMO_KUBELET_DROP_IN);
    const content = valueAt(tuning, 'content');
    const maxPods = typeof content === 'string' ? readMaxPods(content) : undefined;
    const reservedCpus = typeof content === 'string' ? readReservedCpus(content) : undefined;
    return {
      packages,
      ...(nodeIpCidr !== undefined ? { nodeIpCidr } : {}),
      ...(maxPods !== undefined ? { maxPodsPerNode: maxPods } : {}),
      ...(reservedCpus !== undefined ? { reservedCpus } : {}),
    };
  }
}

/** The switchable RA parts after the node IP, in the RA's order. */
function optionalParts(props: UbuntuMaasPackProps): KubeadmPart[] {
  const parts: KubeadmPart[] = [];
  if (props.caCertificates && props.caCertificates.length) parts.push(new CaCertificatesPart({ certificates: props.caCertificates }));

  const pure = props.pureFlashArray ?? true;
  const fa: PureFlashArrayOptions = typeof pure === 'object' ? pure : { multipath: pure, udevRules: pure };
  const multipath = fa.multipath ?? true;
  const sanBoot = fa.sanBootAliasScript ?? multipath;
  if (sanBoot && !multipath) {
    throw new ValidationError(`pureFlashArray.sanBootAliasScript is on but multipath is off: the SAN boot alias script edits multipath.conf, turn multipath on or the script off`);
  }
  if (multipath) parts.push(new MultipathPart({ sanBootAliasScript: sanBoot }));
  if (fa.udevRules ?? true) parts.push(new PureFlashArrayUdevPart());

  const nfs = props.nfs ?? true;
  if (nfs !== false) parts.push(new NfsPart(nfs === true ? {} : nfs));
  const containerd = props.containerd ?? true;
  if (containerd !== false) parts.push(new ContainerdConfigPart(containerd === true ? {} : containerd));
  const tuning = props.workerTuning ?? true;
  if (tuning !== false) parts.push(new WorkerTuningPart(tuning === true ? {} : tuning));
  return parts;
}
