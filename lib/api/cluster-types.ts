import { arrayAt, recordAt, stringAt } from './json-shape';

/**
 * The shapes of the cluster endpoints the deploy command reads (Palette APIs 4.8), with lenient
 * decoders: an item without a name or uid is skipped, unknown fields are dropped.
 */

/** An item of a list answer identified by `metadata.name` and `metadata.uid`. */
export interface NamedResource {
  readonly name: string;
  readonly uid: string;
}

/** `items[].metadata` of `GET /v1/cloudaccounts/maas` (`v1MaasAccounts`) and `GET /v1/users/assets/locations`. */
export function decodeNamedItems(body: unknown): NamedResource[] {
  const out: NamedResource[] = [];
  for (const item of arrayAt(body, 'items')) {
    const meta = recordAt(item, 'metadata');
    const name = stringAt(meta, 'name');
    const uid = stringAt(meta, 'uid');
    if (name !== undefined && uid !== undefined) out.push({ name, uid });
  }
  return out;
}

/** One result of a `v1ConstraintValidatorResponse`: a machine pool or a pack, and its errors. */
export interface ConstraintResult {
  readonly name: string;
  readonly errors: readonly string[];
}

/** `v1SpectroClusterValidatorResponse`: the errors per machine pool and per profile pack. */
export interface ClusterValidation {
  readonly machinePools: readonly ConstraintResult[];
  readonly profiles: readonly { readonly uid: string; readonly packs: readonly ConstraintResult[] }[];
}

function results(response: unknown): ConstraintResult[] {
  return arrayAt(response, 'results').map((r) => ({
    name: stringAt(r, 'displayName') ?? stringAt(r, 'name') ?? '(unnamed)',
    errors: arrayAt(r, 'errors').map((e) => [stringAt(e, 'code'), stringAt(e, 'message')].filter((x) => x).join(': ') || 'invalid'),
  }));
}

export function decodeClusterValidation(body: unknown): ClusterValidation {
  return {
    machinePools: results(recordAt(body, 'machinePools')),
    profiles: arrayAt(body, 'profiles').map((p) => ({ uid: stringAt(p, 'uid') ?? '', packs: results(recordAt(p, 'packs')) })),
  };
}

/** Every error of a validation, one line each. */
export function validationErrors(v: ClusterValidation, profileName: (uid: string) => string): string[] {
  return [
    ...v.machinePools.flatMap((r) => r.errors.map((e) => `machine pool ${r.name}: ${e}`)),
    ...v.profiles.flatMap((p) => p.packs.flatMap((r) => r.errors.map((e) => `profile ${profileName(p.uid)}, ${r.name}: ${e}`))),
  ];
}
