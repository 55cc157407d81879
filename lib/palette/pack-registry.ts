/** The kind of a pack registry, which fixes the pack `type` its packs must carry. */
export class RegistryKind {
  /** Spectro Cloud's legacy pack registry ("Public Repo"); packs are `type: spectro`. */
  public static readonly PACK = new RegistryKind('pack', 'spectro');
  /** An OCI registry ("Palette Registry"); packs are `type: oci`. */
  public static readonly OCI = new RegistryKind('oci', 'oci');
  /** A Helm chart registry; packs are `type: helm`. */
  public static readonly HELM = new RegistryKind('helm', 'helm');

  private constructor(public readonly value: string, public readonly packType: string) {}
}

export interface PackRegistryProps {
  /** The registry uid in the target Palette environment. */
  readonly uid: string;
  /** The registry name as Palette shows it, e.g. `Public Repo`. */
  readonly name: string;
  /** What the registry serves: Palette packs, Helm charts or OCI artifacts. */
  readonly kind: RegistryKind;
  /** @default false */
  readonly isPrivate?: boolean;
  /** Written only when set (OCI registries carry `pack`). @default not written */
  readonly providerType?: string;
  /** Written only when set. @default not written */
  readonly isSyncSupported?: boolean;
}

/** `registry.metadata` of an imported pack. */
export interface RegistryMetadataJson {
  uid: string;
  name: string;
  kind: string;
  isPrivate: boolean;
  providerType?: string;
  isSyncSupported?: boolean;
}

/**
 * Where a registry pack comes from. Registry uids differ between Palette environments
 * (SaaS, self-hosted), so they are an input; the SaaS registries are named defaults.
 */
export class PackRegistry {
  /** The SaaS "Public Repo" (uid seen in 2023+ SaaS exports). */
  public static readonly PUBLIC_REPO = new PackRegistry({
    uid: '5eecc89d0b150045ae661cef',
    name: 'Public Repo',
    kind: RegistryKind.PACK,
    isPrivate: false,
  });

  /** The SaaS OCI "Palette Registry". */
  public static readonly PALETTE_REGISTRY = new PackRegistry({
    uid: '64eaff453040297344bcad5d',
    name: 'Palette Registry',
    kind: RegistryKind.OCI,
    isPrivate: true,
    providerType: 'pack',
    isSyncSupported: true,
  });

  /** The SaaS OCI "Palette Community Registry". */
  public static readonly PALETTE_COMMUNITY_REGISTRY = new PackRegistry({
    uid: '64eaff5630402973c4e1856a',
    name: 'Palette Community Registry',
    kind: RegistryKind.OCI,
    isPrivate: true,
    providerType: 'pack',
    isSyncSupported: true,
  });

  /** A registry of your own Palette environment (self-hosted, or a private registry). */
  public static custom(props: PackRegistryProps): PackRegistry {
    return new PackRegistry(props);
  }

  public readonly uid: string;
  public readonly name: string;
  public readonly kind: RegistryKind;
  private readonly props: PackRegistryProps;

  private constructor(props: PackRegistryProps) {
    this.props = props;
    this.uid = props.uid;
    this.name = props.name;
    this.kind = props.kind;
  }

  public toJson(): RegistryMetadataJson {
    return {
      uid: this.uid,
      name: this.name,
      kind: this.kind.value,
      isPrivate: this.props.isPrivate ?? false,
      ...(this.props.providerType !== undefined ? { providerType: this.props.providerType } : {}),
      ...(this.props.isSyncSupported !== undefined ? { isSyncSupported: this.props.isSyncSupported } : {}),
    };
  }
}

/** The all-empty registry metadata of manifest-only layers, as newer exports write it. */
export function emptyRegistryMetadata(): RegistryMetadataJson {
  return { uid: '', name: '', kind: '', isPrivate: false, providerType: '', isSyncSupported: false };
}
