import { ValidationError } from '../../palette/errors';
import { PackType } from '../../palette/layer-type';
import { PackRegistry } from '../../palette/pack-registry';

/** The pack type a registry serves, so a pack construct needs only a `registry` prop. */
export function packTypeOf(registry: PackRegistry): PackType {
  const type = [PackType.SPECTRO, PackType.OCI, PackType.HELM].find((t) => t.value === registry.kind.packType);
  if (!type) throw new ValidationError(`registry '${registry.name}' serves '${registry.kind.packType}' packs, which no PackType matches`);
  return type;
}
