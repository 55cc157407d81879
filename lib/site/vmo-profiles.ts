import { Construct } from 'constructs';
import { ValidationError } from '../common/errors';
import { SiteHosts, vmoSiteModel } from '../model/vmo-site-model';
import { ClusterProfile, CloudType, ProfileType } from '../palette/cluster-profile';
import { Finding, RuleInfo, runRules } from '../palette/finding';
import { PaletteSite, PaletteSiteProps, SiteFiles } from '../palette/palette-site';
import { ProfileLayer } from '../palette/profile-layer';
import { RenderedSite } from '../palette/rendered';
import { VMO_RULES } from '../rules';
import { SITE_BOOK_PATH, siteBookOf } from '../book/site-book';

/** Which of a VMO site's profiles. */
export class VmoProfileKind {
  /** The Full profile (type `cluster`): every layer. */
  public static readonly FULL = new VmoProfileKind('Full');
  /** The RA's Infra profile: OS, Kubernetes, CNI, CSI. */
  public static readonly INFRA = new VmoProfileKind('Infra');
  /** The RA's Core add-on profile: load balancer, ingress, monitoring, VMO and other add-ons. */
  public static readonly CORE = new VmoProfileKind('Core');
  /** The RA's Templates add-on profile: storage profile, VM networks, images, preferences, templates. */
  public static readonly TEMPLATES = new VmoProfileKind('Templates');

  private constructor(public readonly id: string) {}
}

/** Which profiles a site writes. */
export class VmoProfileLayout {
  /** One Full profile. */
  public static readonly FULL = new VmoProfileLayout('full', [VmoProfileKind.FULL]);
  /** The RA's split: Infra + Core + Templates. */
  public static readonly SPLIT = new VmoProfileLayout('split', [VmoProfileKind.INFRA, VmoProfileKind.CORE, VmoProfileKind.TEMPLATES]);
  /** Both. */
  public static readonly BOTH = new VmoProfileLayout('both', [VmoProfileKind.FULL, VmoProfileKind.INFRA, VmoProfileKind.CORE, VmoProfileKind.TEMPLATES]);

  /** The layout named `full`, `split` or `both`. */
  public static of(name: string): VmoProfileLayout {
    const known = [VmoProfileLayout.FULL, VmoProfileLayout.SPLIT, VmoProfileLayout.BOTH].find((l) => l.name === name);
    if (!known) throw new ValidationError(`profile layout '${name}' is unknown: use 'full', 'split' or 'both'`);
    return known;
  }

  private constructor(public readonly name: string, public readonly kinds: readonly VmoProfileKind[]) {}
}

/** The name of each profile. */
export interface VmoProfileNames {
  /** @default `VMO-RA-Full` */
  readonly full: string;
  /** @default `VMO-RA-Infra` */
  readonly infra: string;
  /** @default `VMO-RA-Core` */
  readonly core: string;
  /** @default `VMO-RA-Templates` */
  readonly templates: string;
}

export interface VmoProfilesProps extends PaletteSiteProps {
  /** The hosts (node counts, host network): what the rules check the profiles against. */
  readonly hosts: SiteHosts;
  /** @default VmoProfileLayout.BOTH */
  readonly layout?: VmoProfileLayout;
  /** The name of each profile kind. */
  readonly names: VmoProfileNames;
  /** Version of every profile. @default '1.0.0' */
  readonly version?: string;
  /** Tags of every profile. @default none */
  readonly tags?: readonly string[];
}

/** The layers a VMO site stacks, in stack order. */
export interface VmoLayers {
  readonly os: ProfileLayer;
  readonly kubernetes: ProfileLayer;
  readonly cni: ProfileLayer;
  /** The CSI layer; an `ICsiLayer` also gives the layers above their storage class. */
  readonly csi: ProfileLayer;
  /** The Core add-ons (load balancer, ingress, monitoring, VMO, ...), in install order. */
  readonly addOns: readonly ProfileLayer[];
  /** The Templates layers. */
  readonly templates: readonly ProfileLayer[];
}

/** Where `addAddOn` puts a layer. */
export interface AddOnOptions {
  /**
   * The split profile that gets the layer besides the Full profile.
   * @default VmoProfileKind.CORE
   */
  readonly profile?: VmoProfileKind;
}

/**
 * A VMO site composed of layers: it stacks an OS, Kubernetes, CNI and CSI layer, the Core
 * add-ons and the Templates layers into the Full profile and the RA's Infra, Core and
 * Templates profiles, and checks what they render against the VMO rules. Any layer can be
 * another construct of the same role (a CSI other than Portworx, a site's own add-on pack);
 * `VmoSite` builds the RA's layers from a site description on top of this.
 */
export class VmoProfiles extends PaletteSite {
  public readonly hosts: SiteHosts;
  private readonly layout: VmoProfileLayout;
  private readonly names: VmoProfileNames;
  private readonly version?: string;
  private readonly tags: readonly string[];
  private readonly byKind = new Map<VmoProfileKind, ClusterProfile>();
  private stacked = false;

  constructor(scope: Construct, id: string, props: VmoProfilesProps) {
    super(scope, id, props);
    this.hosts = props.hosts;
    this.layout = props.layout ?? VmoProfileLayout.BOTH;
    this.names = props.names;
    this.version = props.version;
    this.tags = props.tags ?? [];
  }

  /** Stacks the layers into the site's profiles. Called once. */
  public stack(layers: VmoLayers): void {
    this.compose([layers.os, layers.kubernetes, layers.cni, layers.csi], layers.addOns, layers.templates);
  }

  /**
   * Stacks the layers there are: a site whose description a layer refused still writes (and
   * checks) the others, so every problem is reported in one run.
   */
  protected compose(infra: readonly ProfileLayer[], addOns: readonly ProfileLayer[], templates: readonly ProfileLayer[]): void {
    if (this.stacked) throw new ValidationError(`site '${this.siteName}' already stacked its layers: add more with addAddOn`);
    this.stacked = true;
    const layers = { addOns, templates };
    const make = (kind: VmoProfileKind, name: string, type: ProfileType, cloudType: CloudType, stack: readonly ProfileLayer[], what: string) => {
      if (!this.layout.kinds.includes(kind)) return;
      const profile = new ClusterProfile(this, kind.id, {
        name,
        version: this.version,
        description: `VMO on MAAS, site ${this.siteName}: ${what}`,
        tags: this.tags,
        type,
        cloudType,
        layers: stack,
      });
      this.byKind.set(kind, profile);
    };
    make(VmoProfileKind.FULL, this.names.full, ProfileType.FULL, CloudType.MAAS, [...infra, ...layers.addOns, ...layers.templates], 'OS, Kubernetes, CNI, CSI and every add-on (RA rev 1.7)');
    make(VmoProfileKind.INFRA, this.names.infra, ProfileType.INFRA, CloudType.MAAS, infra, 'OS, Kubernetes, CNI and CSI (RA rev 1.7 Infra profile)');
    make(VmoProfileKind.CORE, this.names.core, ProfileType.ADD_ON, CloudType.ALL, layers.addOns, 'load balancer, ingress, monitoring and VMO (RA rev 1.7 Core profile)');
    make(VmoProfileKind.TEMPLATES, this.names.templates, ProfileType.ADD_ON, CloudType.ALL, layers.templates, 'storage profile, VM networks, golden images, preferences and VM templates');
  }

  /** The profile of this kind, or undefined when the layout does not write it. */
  public profile(kind: VmoProfileKind): ClusterProfile | undefined {
    return this.byKind.get(kind);
  }

  /**
   * Adds an add-on layer (a pack of your own, or another manifest layer) on top of the Full
   * profile and of one split profile (Core unless told otherwise).
   */
  public addAddOn(layer: ProfileLayer, options: AddOnOptions = {}): void {
    if (!this.stacked) throw new ValidationError(`site '${this.siteName}' has no profiles yet: stack its layers before adding add-ons`);
    const split = options.profile ?? VmoProfileKind.CORE;
    if (split === VmoProfileKind.FULL || split === VmoProfileKind.INFRA) {
      throw new ValidationError(`add-on layer '${layer.node.id}' can go to the Core or Templates profile, not ${split.id}: the Full profile gets every add-on, Infra none`);
    }
    this.byKind.get(VmoProfileKind.FULL)?.addLayer(layer);
    this.byKind.get(split)?.addLayer(layer);
  }

  protected get siteRuleInfo(): readonly RuleInfo[] {
    return VMO_RULES;
  }

  protected siteRules(rendered: RenderedSite): Finding[] {
    return runRules(VMO_RULES, vmoSiteModel(rendered, this.hosts), this.suppressions, 'site');
  }

  /** The site book beside the profiles: IP plan, VLANs, switchports, checklist (lib/book). */
  protected siteDocuments(rendered: RenderedSite, findings: readonly Finding[]): SiteFiles {
    return new Map([...super.siteDocuments(rendered, findings), [SITE_BOOK_PATH, siteBookOf(this, rendered, findings)]]);
  }
}
